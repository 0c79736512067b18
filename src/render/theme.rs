//! The theme's files (CSS, images, fonts), published under `theme/` as they are.

use crate::plan::{Input, OutputKind, Planned, RenderError, Renderer};
use crate::view::View;

/// Copies each theme file of the view's assets.
pub struct ThemeFiles;

impl Renderer for ThemeFiles {
    fn plan(&self, view: &View) -> Vec<Planned> {
        view.assets
            .theme
            .iter()
            .enumerate()
            .map(|(i, file)| {
                Planned::new(
                    format!("theme/{}", file.name),
                    OutputKind::Theme,
                    vec![Input::File(file.file)],
                    i,
                )
            })
            .collect()
    }

    fn render(&self, view: &View, planned: &Planned) -> Result<Vec<u8>, RenderError> {
        let &i = planned.context::<usize>()?;
        Ok(view.assets.theme[i].bytes.clone())
    }

    fn describe(&self, planned: &Planned) -> String {
        format!("le fichier du thème {}", planned.path)
    }
}
