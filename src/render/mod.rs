//! Stage 5: render every planned output in parallel and hand its bytes to a
//! [`Sink`] as soon as it is made. One module per output kind, each a
//! [`Renderer`] registered in [`renderers`]; renderers read only the [`View`].

mod documents;
pub mod exports;
pub mod html;
mod ics;
pub mod pdf;
mod search;
mod theme;
pub(crate) mod value;

use crate::plan::Planned;
pub use crate::plan::{Input, OutputKind, RenderError, Renderer};
use crate::view::View;
use rayon::prelude::*;

/// Every output kind of a build. Adding one (xlsx, ics, search index…) is a
/// module implementing [`Renderer`] and one line here.
pub fn renderers(view: &View) -> Result<Vec<Box<dyn Renderer + '_>>, RenderError> {
    Ok(vec![
        Box::new(html::Site::new(view)?),
        Box::new(theme::ThemeFiles),
        Box::new(pdf::PdfForms::new(view)?),
        Box::new(ics::Feeds),
        Box::new(exports::Exports),
        Box::new(documents::DocumentFiles),
        Box::new(search::SearchIndex),
    ])
}

/// Renders an output of a renderer that keeps nothing between outputs
/// (calendar feeds, spreadsheet exports), without making every renderer:
/// what `carnet serve` does on the first request for one. `None` for an
/// output of another kind.
pub fn render_detached(view: &View, planned: &Planned) -> Option<Result<Vec<u8>, RenderError>> {
    match planned.kind {
        OutputKind::Feed => Some(ics::Feeds.render(view, planned)),
        OutputKind::Export => Some(exports::Exports.render(view, planned)),
        _ => None,
    }
}

/// What was written: the path, its kind and the inputs it was made from.
#[derive(Clone, Debug)]
pub struct Written {
    /// Path relative to the output folder.
    pub path: String,
    /// What kind of file it is.
    pub kind: OutputKind,
    /// What it was made from.
    pub inputs: Vec<Input>,
}

/// Where rendered outputs go as soon as they are made (a staging folder, or
/// memory for a preview server), so that a build never holds every file at once.
pub trait Sink: Sync {
    /// Stores one output's bytes at its path.
    fn put(&self, path: &str, bytes: Vec<u8>) -> std::io::Result<()>;
}

/// Renders every planned output, in parallel, into `sink`.
pub fn render(
    view: &View,
    plan: Vec<Planned>,
    renderers: &[Box<dyn Renderer + '_>],
    sink: &dyn Sink,
) -> Result<Vec<Written>, RenderError> {
    let mut plan: Vec<(usize, Planned)> = plan.into_iter().enumerate().collect();
    plan.sort_by_key(|(_, planned)| !lists_everyone(planned));
    let mut written = plan
        .into_par_iter()
        .map(|(place, planned)| {
            let bytes = renderers[planned.renderer].render(view, &planned)?;
            sink.put(&planned.path, bytes).map_err(|e| RenderError {
                message: format!("impossible d'écrire {} : {e}", planned.path),
            })?;
            let written = Written {
                path: planned.path,
                kind: planned.kind,
                inputs: planned.inputs,
            };
            Ok((place, written))
        })
        .collect::<Result<Vec<_>, RenderError>>()?;
    written.sort_unstable_by_key(|(place, _)| *place);
    Ok(written.into_iter().map(|(_, w)| w).collect())
}

/// Whether an output shows every person or the whole kit (the list of
/// people, the directory, the tableau de bord, the search index…): each
/// takes as long as hundreds of fiches. [`render`] starts them first, so
/// that no core waits at the end of a build for the last of them; the
/// outputs are still returned in the plan's order.
fn lists_everyone(planned: &Planned) -> bool {
    planned
        .inputs
        .iter()
        .any(|input| matches!(input, Input::Kit | Input::Folder("data/personnes")))
}

/// How many of `written` are of `kind` (the build's summary).
pub fn count(written: &[Written], kind: OutputKind) -> usize {
    written.iter().filter(|w| w.kind == kind).count()
}
