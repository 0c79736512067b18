//! Images of the forms (organisation logo, funders' logos), read and decoded
//! once per build.

use super::forms::FormAssets;
use super::typeset::{Image, ImageFormat};
use crate::config::Config;
use std::path::Path;

fn image(root: &Path, rel: &str) -> Result<Image, String> {
    let format = match Path::new(rel)
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some("png") => ImageFormat::Png,
        Some("jpg" | "jpeg") => ImageFormat::Jpeg,
        _ => {
            return Err(format!(
                "carnet.yaml : le logo « {rel} » doit être une image PNG ou JPEG (.png, .jpg)"
            ));
        }
    };
    let bytes = std::fs::read(root.join(rel))
        .map_err(|e| format!("carnet.yaml : impossible de lire le logo « {rel} » : {e}"))?;
    Image::new(bytes, format)
        .map_err(|e| format!("carnet.yaml : le logo « {rel} » n'est pas une image lisible : {e}"))
}

/// Reads the logo and the funders' logos named in carnet.yaml.
pub fn load(root: &Path, config: &Config) -> Result<FormAssets, String> {
    let logo = config.logo.as_deref().map(|l| image(root, l)).transpose()?;
    let funder_logos = config
        .financeurs
        .iter()
        .filter_map(|f| f.logo.as_deref())
        .map(|l| image(root, l))
        .collect::<Result<_, _>>()?;
    let funder_text = config
        .financeurs
        .iter()
        .map(|f| f.mention.as_str())
        .filter(|m| !m.is_empty())
        .collect::<Vec<_>>()
        .join("\n");
    Ok(FormAssets {
        organisation: config.organisation.clone(),
        logo,
        funder_logos,
        funder_text,
        half_days: config.presence_demi_journee,
        lang: config.langue,
    })
}
