//! Stage 4: plan every output of a build (path, the files it depends on, how to
//! render it), then render them in parallel. Renderers read only the [`View`].

pub mod html;
pub mod pdf;

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

/// What was written: the path and the inputs it was made from.
#[derive(Clone, Debug)]
pub struct Written {
    /// Path relative to the output folder.
    pub path: String,
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
pub(crate) fn deliver(sink: &dyn Sink, output: Output) -> Result<Written, RenderError> {
    sink.put(&output.path, output.bytes)
        .map_err(|e| RenderError {
            message: format!("impossible d'écrire {} : {e}", output.path),
        })?;
    Ok(Written {
        path: output.path,
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
pub fn render_site(
    view: &View,
    assets: &html::Assets,
    sink: &dyn Sink,
) -> Result<Vec<Written>, RenderError> {
    let site = html::Site::new(view, assets)?;
    let jobs = site.plan();
    let mut written: Vec<Written> = jobs
        .par_iter()
        .map(|job| deliver(sink, site.render(job)?))
        .collect::<Result<_, _>>()?;
    for output in site.static_files() {
        written.push(deliver(sink, output)?);
    }
    Ok(written)
}
