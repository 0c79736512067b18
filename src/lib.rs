//! carnet: an employment-support organisation's YAML records compiled into a
//! static site, PDF forms, exports and feeds.
//!
//! The stages, in order: [`load`] (files → typed records with spans),
//! [`model`] (rules, links, derived facts → one [`model::Kit`]),
//! [`view`] (what a profile may show), [`render`] (pages and files),
//! [`output`] (atomic write of `public/`).

pub mod diagnostic;
pub mod embedded;
pub mod flowchart;
pub mod fold;
pub mod font_metrics;
pub mod form_layout;
pub mod glyphs;
pub mod id;
pub mod image;
pub mod labels;
pub mod load;
pub mod model;
pub mod output;
pub mod plan;
pub mod presences;
pub mod render;
pub mod scaffold;
pub mod schema;
pub mod serve;
pub mod source;
pub mod suggest;
pub mod timings;
pub mod view;

use chrono::NaiveDate;
use diagnostic::{Diagnostic, Severity};
use std::path::{Path, PathBuf};
use std::time::Instant;
pub use view::Profile;

/// The kit of a folder, loaded and validated, with every diagnostic found
/// (sorted by file and position). `Err` only for I/O problems (exit status 2).
pub fn check(
    root: &Path,
    today: NaiveDate,
) -> Result<(model::Kit, Vec<Diagnostic>), load::LoadError> {
    Ok(check_loaded(load::load(root)?, today))
}

/// The stages of [`check`] after the load.
fn check_loaded(mut loaded: load::Loaded, today: NaiveDate) -> (model::Kit, Vec<Diagnostic>) {
    let layouts = std::mem::take(&mut loaded.layouts);
    let (kit, mut diagnostics) = model::build(loaded, &layouts, today);
    diagnostics.extend(contracts(&kit));
    diagnostic::sort(&mut diagnostics, &kit.sources);
    (kit, diagnostics)
}

/// The problems of the kit's form layouts and page templates, each checked
/// over samples of the data it is given (part of [`check`]; `carnet serve`
/// calls it only when a template, a layout or carnet.yaml changed).
pub fn contracts(kit: &model::Kit) -> Vec<Diagnostic> {
    // The two checks share nothing: side by side, the layouts' problems first.
    let (mut diagnostics, templates) = rayon::join(
        || view::form_contract::check(kit),
        || {
            render::html::contract::check(
                &view::assets::templates(kit),
                kit.config.langue,
                &kit.sources,
            )
        },
    );
    diagnostics.extend(templates);
    diagnostics
}

/// Whether any diagnostic is an error.
pub fn has_errors(diagnostics: &[Diagnostic]) -> bool {
    diagnostics.iter().any(|d| d.severity == Severity::Error)
}

/// What `carnet build` is asked to do.
#[derive(Clone, Debug)]
pub struct BuildOptions {
    /// The kit folder.
    pub root: PathBuf,
    /// Where the site goes (replaced atomically, when [`output::target::check`] allows).
    pub out: PathBuf,
    /// Replace `out` even when carnet did not write it, or when it is the
    /// public site and the profile is interne.
    pub force: bool,
    /// Who the site is for.
    pub profile: Profile,
    /// The build day.
    pub today: NaiveDate,
    /// Whether to write the PDF forms (`--sans-pdf` turns them off).
    pub forms: bool,
    /// Whether to write the spreadsheet exports and the calendar feeds
    /// (`--sans-exports` turns them off, and the pages' links to them).
    pub exports: bool,
}

/// A successful build.
#[derive(Debug)]
pub struct Built {
    /// Warnings, rendered for the terminal.
    pub report: String,
    /// Number of warnings.
    pub warnings: usize,
    /// Number of HTML pages written.
    pub pages: usize,
    /// Number of PDF forms written.
    pub pdfs: usize,
    /// Number of calendar feeds (.ics) written.
    pub feeds: usize,
    /// Number of spreadsheet exports (Excel workbooks, CSV) written.
    pub exports: usize,
    /// Number of files written.
    pub files: usize,
    /// Every output with the inputs it was made from (for watch mode).
    pub outputs: Vec<render::Written>,
    /// Seconds taken.
    pub seconds: f64,
}

/// Why a build wrote nothing.
#[derive(Debug)]
pub enum Failure {
    /// The kit could not be read or the output could not be written (exit 2).
    Io(String),
    /// The data are invalid (exit 1): rendered diagnostics.
    Invalid {
        /// Errors and warnings, rendered.
        report: String,
        /// Number of errors.
        errors: usize,
    },
    /// A template of the kit is broken (exit 1).
    Template(String),
    /// The output folder may not be replaced (exit 2): why, and what to do.
    Refused(String),
}

impl Failure {
    /// The process exit status for this failure.
    pub fn exit_code(&self) -> i32 {
        match self {
            Failure::Io(_) | Failure::Refused(_) => 2,
            Failure::Invalid { .. } | Failure::Template(_) => 1,
        }
    }
}

/// Renders diagnostics for the terminal, in order.
pub fn render_diagnostics(diagnostics: &[Diagnostic], sources: &source::Sources) -> String {
    diagnostics.iter().map(|d| d.render(sources)).collect()
}

/// What `profile` may see of `kit`, with the PDF forms and the pages' links
/// to them when `forms`.
pub fn view_of(kit: &model::Kit, profile: Profile, forms: bool) -> view::View {
    let mut view = view::View::new(kit, profile);
    if forms {
        attach_forms(&mut view, view::forms::FormsView::new(kit, profile));
    }
    view
}

/// Puts the forms' data into `view` and gives the pages their links to the
/// forms made from it (the exit letters): the one way a view gets its forms,
/// for `build` and for `serve`, which makes the two side by side.
pub fn attach_forms(view: &mut view::View, forms: view::forms::FormsView) {
    view.forms = forms;
    view::forms::link_letters(view);
}

/// The stages after `check`, for one profile: view, plan, render. Each
/// output is handed to `sink` as soon as it is made (the staging folder of
/// `build`, or memory); what was made is returned with its inputs.
pub fn render_kit(
    kit: &model::Kit,
    profile: Profile,
    forms: bool,
    sink: &dyn render::Sink,
) -> Result<Vec<render::Written>, render::RenderError> {
    let view = view_of(kit, profile, forms);
    render_view(&view, sink, &mut timings::Stages::start())
}

/// Plans and renders every output of `view` into `sink`, marking the
/// stages on `clock`.
fn render_view(
    view: &view::View,
    sink: &dyn render::Sink,
    clock: &mut timings::Stages,
) -> Result<Vec<render::Written>, render::RenderError> {
    let renderers = render::renderers(view)?;
    let planned = plan::plan(view, &renderers)?;
    clock.done("plan");
    let written = render::render(view, planned, &renderers, sink)?;
    clock.done("render");
    Ok(written)
}

/// Loads, validates, renders and writes the site. Nothing is written unless
/// every stage succeeded; the previous output is then replaced atomically.
pub fn build(options: &BuildOptions) -> Result<Built, Failure> {
    let start = Instant::now();
    let mut clock = timings::Stages::start();
    let out = output::target::check(&options.out, &options.root, options.profile, options.force)
        .map_err(|refusal| Failure::Refused(refusal.0))?;
    let loaded = load::load(&options.root).map_err(|e| Failure::Io(e.message))?;
    clock.done("load");
    let (kit, diagnostics) = check_loaded(loaded, options.today);
    clock.done("model");
    let errors = diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    let report = diagnostic::report::report(&diagnostics, &kit.sources, kit.config.langue, false);
    if errors > 0 {
        return Err(Failure::Invalid { report, errors });
    }
    let staging = output::Staging::new(&out, options.profile).map_err(|e| {
        Failure::Io(format!(
            "impossible d'écrire à côté de {} : {e}",
            options.out.display()
        ))
    })?;
    let mut view = view_of(&kit, options.profile, options.forms);
    if !options.exports {
        view.exports = view::exports::ExportsView::left_out();
    }
    clock.done("view");
    let written =
        render_view(&view, &staging, &mut clock).map_err(|e| match staging.io_error() {
            Some(io) => Failure::Io(io),
            None => Failure::Template(e.message),
        })?;
    let warnings = diagnostics.len();
    // Freeing the view and the kit (hundreds of thousands of strings at
    // 10,000 persons) takes a core for a while: done on a thread of its
    // own, beside the writer's last files and the swap, and not waited for
    // (the command exits without it).
    std::thread::spawn(move || drop((view, kit, diagnostics)));
    staging.commit().map_err(|e| {
        Failure::Io(format!(
            "impossible d'écrire {} : {e}",
            options.out.display()
        ))
    })?;
    clock.done("write");
    Ok(Built {
        report,
        warnings,
        pages: render::count(&written, render::OutputKind::Page),
        pdfs: render::count(&written, render::OutputKind::Form),
        feeds: render::count(&written, render::OutputKind::Feed),
        exports: render::count(&written, render::OutputKind::Export),
        files: written.len(),
        outputs: written,
        seconds: start.elapsed().as_secs_f64(),
    })
}
