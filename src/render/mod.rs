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

/// A render failure (a broken template of the kit), with the template's place.
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

/// Renders every output of the site for `view`, in parallel.
pub fn render_site(view: &View, assets: &html::Assets) -> Result<Vec<Output>, RenderError> {
    let site = html::Site::new(view, assets)?;
    let jobs = site.plan();
    let mut outputs: Vec<Output> = jobs
        .par_iter()
        .map(|job| site.render(job))
        .collect::<Result<_, _>>()?;
    outputs.extend(site.static_files());
    Ok(outputs)
}
