//! PDF forms: the typesetting engine ([`typeset`]) and the forms built on it
//! from the layouts of templates/forms/ ([`forms`]), written in parallel.

pub mod assets;
pub mod forms;
pub mod typeset;

use super::{Input, Kind, Output, RenderError, Sink, Written, deliver};
use crate::model::forms::FormLayout;
use crate::view::View;
use rayon::prelude::*;

/// Renders every planned form of the view (filled and blank), in parallel, into `sink`.
pub fn render_forms(
    view: &View,
    layouts: &[FormLayout],
    sources: &crate::source::Sources,
    assets: &forms::FormAssets,
    sink: &dyn Sink,
) -> Result<Vec<Written>, RenderError> {
    let compiled = forms::Forms::new(layouts, sources)?;
    let blank = crate::view::forms::common_blank(&view.site);
    view.forms
        .jobs
        .par_iter()
        .map(|job| {
            let layout = &layouts[job.layout];
            let (data, mut inputs) = match job.data {
                Some(d) => {
                    let form = &view.forms.forms[d];
                    (
                        &form.context,
                        form.inputs.iter().map(|&f| Input::File(f)).collect(),
                    )
                }
                None => (&blank, Vec::new()),
            };
            let bytes = compiled.render(layout, data, assets)?;
            inputs.push(Input::File(layout.file));
            deliver(
                sink,
                Output {
                    path: job.path.clone(),
                    inputs,
                    bytes,
                },
                Kind::Form,
            )
        })
        .collect()
}
