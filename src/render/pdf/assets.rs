//! Images of the forms (organisation logo, funders' logos), decoded once per
//! build from the bytes the load stage read (this module reads no file).

use super::forms::FormAssets;
use super::typeset::{Image, ImageFormat};
use crate::plan::RenderError;
use crate::view::View;
use crate::view::assets::FormImage;

/// Decodes a logo's bytes, PNG or JPEG whatever its name says (the load
/// stage checked them with [`crate::image::check`]); the error says what
/// is wrong, in French.
fn decode(bytes: &[u8]) -> Result<Image, String> {
    let format = match crate::image::format(bytes)? {
        crate::image::Format::Png => ImageFormat::Png,
        crate::image::Format::Jpeg => ImageFormat::Jpeg,
    };
    Image::new(bytes.to_vec(), format).map_err(|_| crate::image::DAMAGED.into())
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
        label_mm: assets.label_mm,
        lang: view.site.langue,
    })
}
