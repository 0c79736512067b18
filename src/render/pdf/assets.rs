//! Images of the forms (organisation logo, funders' logos), decoded once per
//! build from the bytes the load stage read (this module reads no file).

use super::forms::FormAssets;
use super::typeset::{Image, ImageFormat};
use crate::plan::RenderError;
use crate::view::View;
use crate::view::assets::FormImage;

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

/// The forms' assets: the view's logos decoded, and the settings the forms print.
pub fn load(view: &View) -> Result<FormAssets, RenderError> {
    let assets = &view.assets;
    let decoded = |image: &FormImage| {
        decode(&image.bytes).map_err(|e| RenderError {
            message: format!("logo des formulaires : {e}"),
        })
    };
    Ok(FormAssets {
        organisation: view.site.organisation.clone(),
        logo: assets.logo.as_ref().map(decoded).transpose()?,
        funder_logos: assets
            .funder_logos
            .iter()
            .map(decoded)
            .collect::<Result<_, _>>()?,
        funder_text: assets.funder_text.clone(),
        half_days: assets.half_days,
        lang: view.site.langue,
    })
}
