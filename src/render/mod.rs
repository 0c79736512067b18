//! Stage 4: plan every output of a build (path, the files it depends on, how to
//! render it), then render them in parallel. Renderers read only the [`View`].

pub mod html;
pub mod pdf;
mod unique;

use crate::source::FileId;
use crate::view::View;
use rayon::prelude::*;

/// What an output was made from: watch mode redoes an output when one of them changes.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Input {
    /// A file of the kit (record, page, carnet.yaml).
    File(FileId),
    /// Every record of a kind (list pages, annuaire, tableau de bord).
    AllRecords,
    /// A template or theme file, by name.
    Template(String),
}

/// One file of the output, rendered.
#[derive(Debug)]
pub struct Output {
    /// Path relative to the output folder, with `/`.
    pub path: String,
    /// What it was made from.
    pub inputs: Vec<Input>,
    /// Content.
    pub bytes: Vec<u8>,
}

/// What kind of file an output is, for the build's summary.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// An HTML page.
    Page,
    /// A file of the theme (CSS, images, fonts).
    Theme,
    /// A PDF form.
    Form,
}

/// What was written: the path and the inputs it was made from.
#[derive(Clone, Debug)]
pub struct Written {
    /// Path relative to the output folder.
    pub path: String,
    /// What kind of file it is.
    pub kind: Kind,
    /// What it was made from.
    pub inputs: Vec<Input>,
}

/// Where rendered outputs go as soon as they are made (a staging folder, or
/// memory for a preview server), so that a build never holds every file at once.
pub trait Sink: Sync {
    /// Stores one output's bytes at its path.
    fn put(&self, path: &str, bytes: Vec<u8>) -> std::io::Result<()>;
}

/// Hands `output` to `sink` and keeps what is needed to know what was written.
pub(crate) fn deliver(sink: &dyn Sink, output: Output, kind: Kind) -> Result<Written, RenderError> {
    sink.put(&output.path, output.bytes)
        .map_err(|e| RenderError {
            message: format!("impossible d'écrire {} : {e}", output.path),
        })?;
    Ok(Written {
        path: output.path,
        kind,
        inputs: output.inputs,
    })
}

/// A render failure: a broken template of the kit (with the template's place),
/// or an output the sink could not store (the sink keeps its own I/O error).
#[derive(Debug)]
pub struct RenderError {
    /// What went wrong, with template name and line.
    pub message: String,
}

impl std::fmt::Display for RenderError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

/// Renders every output of the site for `view`, in parallel, into `sink`.
/// Every path of the build, the forms planned in `view` included, is first
/// checked unique: nothing is written when two outputs would share a file.
pub fn render_site(
    view: &View,
    assets: &html::Assets,
    sink: &dyn Sink,
) -> Result<Vec<Written>, RenderError> {
    let site = html::Site::new(view, assets)?;
    let jobs = site.plan();
    let theme = site.static_files();
    unique::check(
        jobs.iter()
            .map(unique::Planned::Page)
            .chain(theme.iter().map(|o| unique::Planned::Theme(&o.path)))
            .chain(view.forms.jobs.iter().map(unique::Planned::Form)),
    )?;
    let mut written: Vec<Written> = jobs
        .par_iter()
        .map(|job| deliver(sink, site.render(job)?, Kind::Page))
        .collect::<Result<_, _>>()?;
    for output in theme {
        written.push(deliver(sink, output, Kind::Theme)?);
    }
    Ok(written)
}

/// How many of `written` are of `kind` (the build's summary).
pub fn count(written: &[Written], kind: Kind) -> usize {
    written.iter().filter(|w| w.kind == kind).count()
}
