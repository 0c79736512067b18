//! The files of content/documents/, published as they are under
//! `documents/fichiers/` (the pages of the procedure reference link to them).

use crate::plan::{Input, OutputKind, Planned, RenderError, Renderer};
use crate::view::View;

/// Copies each file of the view's reference.
pub struct DocumentFiles;

impl Renderer for DocumentFiles {
    fn plan(&self, view: &View) -> Vec<Planned> {
        view.reference
            .fichiers
            .iter()
            .enumerate()
            .map(|(i, f)| {
                Planned::new(
                    f.path.clone(),
                    OutputKind::Theme,
                    vec![Input::File(f.file)],
                    i,
                )
            })
            .collect()
    }

    fn render(&self, view: &View, planned: &Planned) -> Result<Vec<u8>, RenderError> {
        let &i = planned.context::<usize>()?;
        Ok(view.reference.fichiers[i].bytes.clone())
    }

    fn describe(&self, planned: &Planned) -> String {
        format!("le document à télécharger {}", planned.path)
    }
}
