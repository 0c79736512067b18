//! Images of the forms (organisation logo, funders' logos), decoded once per
//! build from the bytes the load stage read (this module reads no file).

use super::forms::FormAssets;
use super::typeset::{Image, ImageFormat};
use crate::config::Config;
use crate::source::Sources;

/// Decodes a logo's bytes, PNG or JPEG whatever its name says; the error
/// says what is wrong, in French. The load stage calls it too, so that
/// `check` rejects what a build could not use.
pub fn decode(bytes: &[u8]) -> Result<Image, String> {
    let format = if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        ImageFormat::Png
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        ImageFormat::Jpeg
    } else {
        return Err("ce fichier n'est pas une image PNG ou JPEG".into());
    };
    Image::new(bytes.to_vec(), format)
        .map_err(|_| "cette image est abîmée ou incomplète : elle ne peut pas être lue".into())
}

/// The logo at `path` (as written in carnet.yaml), from the loaded files.
fn logo(sources: &Sources, path: &str) -> Result<Image, String> {
    let bytes = crate::load::kit_path(path)
        .ok()
        .and_then(|p| sources.find(&p))
        .and_then(|file| sources.get(file).bytes())
        .ok_or_else(|| format!("carnet.yaml : le logo « {path} » n'a pas été lu"))?;
    decode(bytes).map_err(|e| format!("carnet.yaml : logo « {path} » : {e}"))
}

/// The forms' assets: the logos named in carnet.yaml, decoded from the
/// loaded files, and the settings the forms print.
pub fn load(sources: &Sources, config: &Config) -> Result<FormAssets, String> {
    let logo_of = |path: &String| logo(sources, path);
    let logo = config.logo.as_ref().map(logo_of).transpose()?;
    let funder_logos = config
        .financeurs
        .iter()
        .filter_map(|f| f.logo.as_ref())
        .map(logo_of)
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
