//! The embedded Noto Sans faces, loaded once per process and shared by every
//! render: the fonts krilla embeds, with the metrics of
//! [`crate::font_metrics`] for measuring and placing text.

use std::sync::OnceLock;

use crate::font_metrics::{self, Faces};
pub(crate) use crate::font_metrics::{FontStyle, GlyphInfo};

/// One face: the krilla font (for embedding) and its metrics (for layout).
pub(crate) struct Face {
    krilla: krilla::text::Font,
    metrics: &'static font_metrics::Face,
}

impl Face {
    fn new(bytes: &'static [u8], metrics: &'static font_metrics::Face) -> Self {
        // The bytes are the fonts compiled into this crate: failing to load
        // them is a bug of the build, not something input can cause.
        let krilla = krilla::text::Font::new(bytes.into(), 0).expect("embedded Noto Sans loads");
        Face { krilla, metrics }
    }

    /// The font to hand to krilla when drawing with this face.
    pub(crate) fn krilla_font(&self) -> &krilla::text::Font {
        &self.krilla
    }

    /// The glyph drawn for `c`, or `None` for a control character, which is
    /// neither drawn nor measured.
    #[inline]
    pub(crate) fn glyph(&self, c: char) -> Option<GlyphInfo> {
        self.metrics.glyph(c)
    }

    /// Width of `text` at `size` points.
    pub(crate) fn width(&self, text: &str, size: f32) -> f32 {
        self.metrics.width(text, size)
    }
}

/// The family, shared by all renders.
pub(crate) struct Fonts {
    regular: Face,
    bold: Face,
    italic: Face,
    bold_italic: Face,
}

impl Fonts {
    /// The process-wide fonts, loaded on first use.
    pub(crate) fn get() -> &'static Fonts {
        static FONTS: OnceLock<Fonts> = OnceLock::new();
        FONTS.get_or_init(|| {
            let faces = Faces::get();
            Fonts {
                regular: Face::new(notosans::REGULAR_TTF, faces.face(FontStyle::Regular)),
                bold: Face::new(notosans::BOLD_TTF, faces.face(FontStyle::Bold)),
                italic: Face::new(notosans::ITALIC_TTF, faces.face(FontStyle::Italic)),
                bold_italic: Face::new(
                    notosans::BOLD_ITALIC_TTF,
                    faces.face(FontStyle::BoldItalic),
                ),
            }
        })
    }

    /// The face of `style`.
    pub(crate) fn face(&self, style: FontStyle) -> &Face {
        match style {
            FontStyle::Regular => &self.regular,
            FontStyle::Bold => &self.bold,
            FontStyle::Italic => &self.italic,
            FontStyle::BoldItalic => &self.bold_italic,
        }
    }

    /// Width of `text` in `style` at `size` points.
    pub(crate) fn width(&self, style: FontStyle, text: &str, size: f32) -> f32 {
        self.face(style).width(text, size)
    }
}
