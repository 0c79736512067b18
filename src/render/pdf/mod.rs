//! PDF forms: the typesetting engine ([`typeset`]) and the forms built on it
//! from the layouts of templates/forms/ ([`forms`]), planned from the view's
//! forms and written in parallel.

pub mod assets;
pub mod dates;
pub mod forms;
pub mod typeset;

use crate::plan::{Input, OutputKind, Planned, RenderError, Renderer};
use crate::view::View;

/// The PDF forms of a view: their compiled placeholders and decoded images.
pub struct PdfForms {
    compiled: forms::Forms,
    assets: forms::FormAssets,
}

impl PdfForms {
    /// Compiles every layout's placeholders and decodes the logos once.
    pub fn new(view: &View) -> Result<PdfForms, RenderError> {
        Ok(PdfForms {
            compiled: forms::Forms::new(
                &view.assets.layouts,
                &view.assets.placeholder_places,
                view.site.langue,
            )?,
            assets: assets::load(view)?,
        })
    }
}

impl Renderer for PdfForms {
    fn plan(&self, view: &View) -> Vec<Planned> {
        view.forms
            .jobs
            .iter()
            .enumerate()
            .map(|(j, job)| {
                let form = &view.forms.forms[job.data];
                let layout = &view.assets.layouts[job.layout];
                let mut inputs: Vec<Input> = form.inputs.iter().map(|&f| Input::File(f)).collect();
                inputs.extend(form.input_folders().iter().map(|&d| Input::Folder(d)));
                inputs.push(Input::File(layout.file));
                inputs.extend(view.assets.image_files.iter().map(|&f| Input::File(f)));
                Planned::new(job.path.clone(), OutputKind::Form, inputs, j)
            })
            .collect()
    }

    fn render(&self, view: &View, planned: &Planned) -> Result<Vec<u8>, RenderError> {
        let job = &view.forms.jobs[*planned.context::<usize>()?];
        let layout = &view.assets.layouts[job.layout];
        self.compiled
            .render(layout, &view.forms.forms[job.data], &self.assets)
    }

    fn describe(&self, planned: &Planned) -> String {
        format!("le formulaire PDF {}", planned.path)
    }
}
