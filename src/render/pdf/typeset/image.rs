//! Raster images (logos), decoded once and reusable across documents.

use super::error::RenderError;

/// The encoding of an image's bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImageFormat {
    /// Portable Network Graphics (transparency is kept).
    Png,
    /// JPEG.
    Jpeg,
}

/// A decoded image. Cloning is cheap, and the same `Image` can be used in
/// any number of documents, on any thread: decoding and compression are
/// done once, when it is created.
#[derive(Clone, Debug)]
pub struct Image {
    inner: krilla::image::Image,
}

impl Image {
    /// Decodes `bytes` as `format`.
    ///
    /// # Errors
    /// [`RenderError::Image`] if the bytes are not a readable image of that format.
    pub fn new(bytes: Vec<u8>, format: ImageFormat) -> Result<Self, RenderError> {
        let inner = match format {
            ImageFormat::Png => krilla::image::Image::from_png(bytes.into(), true),
            ImageFormat::Jpeg => krilla::image::Image::from_jpeg(bytes.into(), true),
        }
        .map_err(RenderError::Image)?;
        Ok(Image { inner })
    }

    /// Width over height, or `None` for an image without pixels.
    pub(crate) fn aspect_ratio(&self) -> Option<f32> {
        let (width, height) = self.inner.size();
        (width > 0 && height > 0).then(|| width as f32 / height as f32)
    }

    /// The image to hand to krilla.
    pub(crate) fn krilla(&self) -> &krilla::image::Image {
        &self.inner
    }
}
