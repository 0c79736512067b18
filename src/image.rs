//! Which images carnet can print (logos on the forms): PNG or JPEG, told
//! by their bytes whatever their name says. Below the stages: the load
//! stage checks a kit's logos with it, the PDF renderer decodes them.

use crate::diagnostic::{Msg, msg};

/// The encoding of an image's bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Portable Network Graphics.
    Png,
    /// JPEG.
    Jpeg,
}

/// Why readable bytes of a known format still cannot be printed.
pub const DAMAGED: &str = "cette image est abîmée ou incomplète : elle ne peut pas être lue";

/// [`DAMAGED`] in English.
const DAMAGED_EN: &str = "this image is damaged or incomplete: it cannot be read";

/// The format of `bytes`, from their first bytes; the error says why not, in French.
pub fn format(bytes: &[u8]) -> Result<Format, String> {
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Ok(Format::Png)
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Ok(Format::Jpeg)
    } else {
        Err("ce fichier n'est pas une image PNG ou JPEG".into())
    }
}

/// Checks that `bytes` are an image the forms can print: a known format
/// that decodes. The error says what is wrong, in French and English.
pub fn check(bytes: &[u8]) -> Result<(), Msg> {
    let data = bytes.to_vec().into();
    let format = format(bytes).map_err(|fr| msg(fr, "this file is not a PNG or JPEG image"))?;
    let decoded = match format {
        Format::Png => krilla::image::Image::from_png(data, true),
        Format::Jpeg => krilla::image::Image::from_jpeg(data, true),
    };
    decoded.map(|_| ()).map_err(|_| msg(DAMAGED, DAMAGED_EN))
}
