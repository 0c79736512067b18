//! The embedded Noto Sans faces' metrics: which glyph draws a character and
//! how wide it is. Below the stages, so that everything carnet lays out
//! itself measures text the same way: the PDF typesetter
//! (`render/pdf/typeset/`, which adds the faces krilla embeds) and the
//! flowcharts ([`crate::flowchart`], whose SVG names this family first).

use std::sync::OnceLock;

use skrifa::charmap::Charmap;
use skrifa::instance::{LocationRef, Size};
use skrifa::metrics::{GlyphMetrics, Metrics};
use skrifa::{FontRef, GlyphId, MetadataProvider};

/// The family the metrics are those of, as CSS and SVG name it.
pub const FAMILY: &str = "Noto Sans";

/// The four faces of the family.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FontStyle {
    Regular,
    Bold,
    Italic,
    BoldItalic,
}

impl FontStyle {
    /// The style with `bold` and `italic` switched on or off.
    pub fn from_flags(bold: bool, italic: bool) -> Self {
        match (bold, italic) {
            (false, false) => FontStyle::Regular,
            (true, false) => FontStyle::Bold,
            (false, true) => FontStyle::Italic,
            (true, true) => FontStyle::BoldItalic,
        }
    }
}

/// One glyph to draw: its id and its advance in ems.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct GlyphInfo {
    pub id: u16,
    pub advance: f32,
}

/// Code points below this are looked up in a precomputed table (Latin,
/// Greek, Cyrillic and General Punctuation: everything French text uses).
const TABLE_LEN: usize = 0x2100;

/// The metrics of one face.
pub struct Face {
    charmap: Charmap<'static>,
    metrics: GlyphMetrics<'static>,
    units_per_em: f32,
    table: Box<[Option<GlyphInfo>]>,
}

impl Face {
    fn new(bytes: &'static [u8]) -> Self {
        // The bytes are the fonts compiled into this crate: failing to parse
        // them is a bug of the build, not something input can cause.
        let font = FontRef::new(bytes).expect("embedded Noto Sans parses");
        let charmap = font.charmap();
        let metrics = font.glyph_metrics(Size::unscaled(), LocationRef::default());
        let units_per_em = f32::from(
            Metrics::new(&font, Size::unscaled(), LocationRef::default())
                .units_per_em
                .max(1),
        );
        let mut face = Face {
            charmap,
            metrics,
            units_per_em,
            table: Box::new([]),
        };
        face.table = (0..TABLE_LEN as u32)
            .map(|cp| char::from_u32(cp).and_then(|c| face.lookup(c)))
            .collect();
        face
    }

    /// The glyph drawn for `c`, or `None` for a control character, which is
    /// neither drawn nor measured.
    #[inline]
    pub fn glyph(&self, c: char) -> Option<GlyphInfo> {
        match self.table.get(c as usize) {
            Some(info) => *info,
            None => self.lookup(c),
        }
    }

    /// Width of `text` at `size` (points, pixels: the unit of `size`).
    pub fn width(&self, text: &str, size: f32) -> f32 {
        text.chars()
            .filter_map(|c| self.glyph(c))
            .map(|g| g.advance)
            .sum::<f32>()
            * size
    }

    fn lookup(&self, c: char) -> Option<GlyphInfo> {
        if c.is_control() && c != '\t' {
            return None;
        }
        let id = self
            .charmap
            .map(c)
            .or_else(|| crate::glyphs::substitute(c).and_then(|s| self.charmap.map(s)))
            .unwrap_or(GlyphId::NOTDEF);
        let advance = self.metrics.advance_width(id).unwrap_or(0.0) / self.units_per_em;
        Some(GlyphInfo {
            id: u16::try_from(id.to_u32()).unwrap_or(0),
            advance,
        })
    }
}

/// The family's metrics, shared by all renders.
pub struct Faces {
    regular: Face,
    bold: Face,
    italic: Face,
    bold_italic: Face,
}

impl Faces {
    /// The process-wide metrics, parsed on first use.
    pub fn get() -> &'static Faces {
        static FACES: OnceLock<Faces> = OnceLock::new();
        FACES.get_or_init(|| Faces {
            regular: Face::new(notosans::REGULAR_TTF),
            bold: Face::new(notosans::BOLD_TTF),
            italic: Face::new(notosans::ITALIC_TTF),
            bold_italic: Face::new(notosans::BOLD_ITALIC_TTF),
        })
    }

    /// The face of `style`.
    pub fn face(&self, style: FontStyle) -> &Face {
        match style {
            FontStyle::Regular => &self.regular,
            FontStyle::Bold => &self.bold,
            FontStyle::Italic => &self.italic,
            FontStyle::BoldItalic => &self.bold_italic,
        }
    }

    /// Width of `text` in `style` at `size`.
    pub fn width(&self, style: FontStyle, text: &str, size: f32) -> f32 {
        self.face(style).width(text, size)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_characters_have_glyphs() {
        let faces = Faces::get();
        for style in [FontStyle::Regular, FontStyle::Bold, FontStyle::Italic] {
            for c in "éèàçœ«»€’ÉÀÇŒ—–•".chars() {
                let g = faces.face(style).glyph(c).unwrap();
                assert_ne!(g.id, 0, "{c} missing in {style:?}");
                assert!(g.advance > 0.0);
            }
        }
    }

    #[test]
    fn bold_is_wider_than_regular() {
        let faces = Faces::get();
        let text = "Feuille de présence";
        assert!(
            faces.width(FontStyle::Bold, text, 10.0) > faces.width(FontStyle::Regular, text, 10.0)
        );
    }

    #[test]
    fn control_characters_are_not_drawn() {
        let face = Faces::get().face(FontStyle::Regular);
        assert_eq!(face.glyph('\u{7}'), None);
        assert_eq!(face.width("a\u{0}b", 10.0), face.width("ab", 10.0));
    }
}
