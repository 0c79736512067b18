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
    let mut diagnostics = view::form_contract::check(kit);
    diagnostics.extend(render::html::contract::check(
        &view::assets::templates(kit),
        kit.config.langue,
        &kit.sources,
    ));
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
        view.forms = view::forms::FormsView::new(kit, profile);
    }
    view
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
    let renderers = render::renderers(&view)?;
    let planned = plan::plan(&view, &renderers)?;
    render::render(&view, planned, &renderers, sink)
}

/// Loads, validates, renders and writes the site. Nothing is written unless
/// every stage succeeded; the previous output is then replaced atomically.
pub fn build(options: &BuildOptions) -> Result<Built, Failure> {
    let start = Instant::now();
    let out = output::target::check(&options.out, &options.root, options.profile, options.force)
        .map_err(|refusal| Failure::Refused(refusal.0))?;
    let (kit, diagnostics) =
        check(&options.root, options.today).map_err(|e| Failure::Io(e.message))?;
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
    let written = render_kit(&kit, options.profile, options.forms, &staging).map_err(|e| {
        match staging.io_error() {
            Some(io) => Failure::Io(io),
            None => Failure::Template(e.message),
        }
    })?;
    staging.commit().map_err(|e| {
        Failure::Io(format!(
            "impossible d'écrire {} : {e}",
            options.out.display()
        ))
    })?;
    Ok(Built {
        report,
        warnings: diagnostics.len(),
        pages: render::count(&written, render::OutputKind::Page),
        pdfs: render::count(&written, render::OutputKind::Form),
        files: written.len(),
        outputs: written,
        seconds: start.elapsed().as_secs_f64(),
    })
}
