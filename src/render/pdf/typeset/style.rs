//! The house style: page geometry, type sizes, colours and rules. All lengths
//! are in PDF points (1/72 inch), with the origin at the page's top left.

use super::document::Orientation;

/// Points in one millimetre.
pub(crate) const MM: f32 = 72.0 / 25.4;

/// Converts millimetres to points.
pub(crate) fn mm(value: f32) -> f32 {
    value * MM
}

/// Body text size.
pub(crate) const BODY_SIZE: f32 = 10.0;
/// Table cell text size (before any shrinking to fit).
pub(crate) const CELL_SIZE: f32 = 9.0;
/// Smallest size text is shrunk to before long words are broken.
pub(crate) const MIN_SIZE: f32 = 6.0;
/// Header organisation name size.
pub(crate) const ORGANISATION_SIZE: f32 = 11.0;
/// Footer text size.
pub(crate) const FOOTER_SIZE: f32 = 8.0;
/// Funders' mention size.
pub(crate) const MENTION_SIZE: f32 = 8.0;

/// Line height as a multiple of the font size.
pub(crate) const LEADING: f32 = 1.3;

/// Line height of text set at `size`.
pub(crate) fn line_height(size: f32) -> f32 {
    size * LEADING
}

/// Offset from the top of a line box to its baseline: the line box is
/// centred on the capitals and lower case.
pub(crate) fn baseline_offset(size: f32) -> f32 {
    size * (LEADING / 2.0 + 0.35)
}

/// A grey level, 0 black to 255 white.
pub(crate) type Grey = u8;
/// Body text.
pub(crate) const INK: Grey = 0;
/// Footer text and secondary marks.
pub(crate) const MUTED: Grey = 90;
/// Table borders and frames.
pub(crate) const RULE: Grey = 130;
/// Dotted fill lines.
pub(crate) const DOTS: Grey = 110;
/// Table header shading.
pub(crate) const SHADE: Grey = 228;

/// Thin rule width (table borders, frames).
pub(crate) const HAIRLINE: f32 = 0.5;

/// Page size and the areas on it, for one orientation.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct PageGeometry {
    pub(crate) width: f32,
    pub(crate) height: f32,
    /// Left edge of the content (and of header and footer).
    pub(crate) left: f32,
    /// Width available to content.
    pub(crate) content_width: f32,
    /// Top of the header band.
    pub(crate) header_top: f32,
    /// Height of the header band (the logo's height).
    pub(crate) header_height: f32,
    /// Where content starts.
    pub(crate) body_top: f32,
    /// Where content must end.
    pub(crate) body_bottom: f32,
    /// Baseline of the footer text.
    pub(crate) footer_baseline: f32,
}

const A4_SHORT: f32 = 210.0 * MM;
const A4_LONG: f32 = 297.0 * MM;
const MARGIN: f32 = 15.0 * MM;
const TOP_MARGIN: f32 = 10.0 * MM;
const BOTTOM_MARGIN: f32 = 10.0 * MM;
const HEADER_HEIGHT: f32 = 12.0 * MM;
/// From the header rule to the first line of content.
const HEADER_GAP: f32 = 6.0 * MM;
/// From the last line of content to the footer rule.
const FOOTER_GAP: f32 = 5.0 * MM;

impl PageGeometry {
    /// The A4 geometry in `orientation`.
    pub(crate) fn a4(orientation: Orientation) -> Self {
        let (width, height) = match orientation {
            Orientation::Portrait => (A4_SHORT, A4_LONG),
            Orientation::Landscape => (A4_LONG, A4_SHORT),
        };
        let footer_baseline = height - BOTTOM_MARGIN;
        PageGeometry {
            width,
            height,
            left: MARGIN,
            content_width: width - 2.0 * MARGIN,
            header_top: TOP_MARGIN,
            header_height: HEADER_HEIGHT,
            body_top: TOP_MARGIN + HEADER_HEIGHT + HEADER_GAP,
            body_bottom: footer_baseline - FOOTER_SIZE - FOOTER_GAP,
            footer_baseline,
        }
    }

    /// Right edge of the content.
    pub(crate) fn right(&self) -> f32 {
        self.left + self.content_width
    }

    /// Where the header rule is drawn.
    pub(crate) fn header_rule(&self) -> f32 {
        self.header_top + self.header_height + mm(2.0)
    }

    /// Where the footer rule is drawn.
    pub(crate) fn footer_rule(&self) -> f32 {
        self.footer_baseline - FOOTER_SIZE - mm(1.5)
    }

    /// Height available to content on one page.
    pub(crate) fn body_height(&self) -> f32 {
        self.body_bottom - self.body_top
    }
}
