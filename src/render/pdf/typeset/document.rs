//! The abstract document handed to [`render`](super::render): a title, a page
//! header and a list of blocks laid out one after the other.
//!
//! Every string is plain text (only [`Block::Paragraph`] reads Markdown, and
//! only for emphasis and lists): nothing in it is interpreted as PDF.

use super::image::Image;

/// A document to typeset on A4 pages.
#[derive(Clone, Debug, Default)]
pub struct Document {
    /// Shown in every page footer and stored as the PDF title.
    pub title: String,
    /// Page orientation, the same for every page.
    pub orientation: Orientation,
    /// What is repeated at the top of every page.
    pub header: Header,
    /// The content, in reading order.
    pub blocks: Vec<Block>,
}

/// A4 portrait (210 × 297 mm) or landscape (297 × 210 mm).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Orientation {
    /// Taller than wide.
    #[default]
    Portrait,
    /// Wider than tall.
    Landscape,
}

/// The page header: the organisation's name, and its logo if any.
#[derive(Clone, Debug, Default)]
pub struct Header {
    /// Printed in bold at the top of every page.
    pub organisation: String,
    /// Drawn at a fixed height left of the name, keeping its proportions.
    pub logo: Option<Image>,
}

/// One piece of content. Blocks are stacked vertically; one that does not fit
/// the rest of a page moves to the next page (paragraphs and tables break
/// between lines and rows).
#[derive(Clone, Debug)]
pub enum Block {
    /// A title in bold, kept on the same page as the block after it.
    /// Level 1 is centred and largest; 2 and 3 (and more) are smaller.
    Heading {
        /// The title.
        text: String,
        /// 1 for the document title, 2 for a section, 3 and more for a subsection.
        level: u8,
    },
    /// Text in Markdown: paragraphs, `**bold**`, `*italic*`, bullet and
    /// numbered lists. Links show their text; anything else shows as text.
    Paragraph {
        /// The Markdown source.
        markdown: String,
    },
    /// Labelled values one per line, labels aligned in a column; a field
    /// without a value gets a dotted line to fill by hand.
    Fields {
        /// The fields, top to bottom.
        items: Vec<Field>,
    },
    /// Tick boxes in a row (wrapping to further lines), after an optional label.
    Checkboxes {
        /// Printed before the boxes, e.g. "Situation :".
        label: Option<String>,
        /// Each box's text and whether it is ticked.
        items: Vec<(String, bool)>,
    },
    /// A table with a shaded header row repeated on every page it spans.
    Table(Table),
    /// Framed empty areas to sign in, side by side, each under its label.
    Signatures {
        /// One label per box, e.g. "Le parrain, lu et approuvé".
        boxes: Vec<String>,
    },
    /// The funders' logos in a row, with the mention they require below.
    Funders {
        /// Logos, left to right.
        logos: Vec<Image>,
        /// The mention, e.g. "Cette action est cofinancée par le Fonds social européen."
        text: String,
    },
    /// Vertical space, dropped at the top of a page.
    Spacer {
        /// Height in millimetres.
        mm: f32,
    },
    /// Start a new page (does nothing at the top of a page).
    PageBreak,
    /// Text in Markdown, like [`Block::Paragraph`], in the right half of the
    /// page: a letter's recipient, place and date, signatory.
    RightParagraph {
        /// The Markdown source.
        markdown: String,
    },
    /// A sheet of labels. A document holding one is printed as label sheets
    /// only: its other blocks, header and footer are left out.
    Labels(LabelSheet),
}

/// Labels of one size, in a grid centred on A4 sheets.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LabelSheet {
    /// Width of a label, in millimetres.
    pub width_mm: f32,
    /// Height of a label, in millimetres.
    pub height_mm: f32,
    /// Each label's text in Markdown, left to right then top to bottom.
    pub cells: Vec<String>,
}

/// A label and its value.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Field {
    /// What the value is, e.g. "Nom".
    pub label: String,
    /// The value; `None` leaves a dotted line to write on.
    pub value: Option<String>,
}

/// A table: data rows, then blank rows to fill by hand.
///
/// Rows are never split across pages. Cell text wraps; a word too long for
/// its cell is set smaller, and broken only if it still cannot fit.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Table {
    /// The columns, left to right.
    pub columns: Vec<Column>,
    /// One string per column (a shorter row leaves its last cells empty).
    pub rows: Vec<Vec<String>>,
    /// Empty rows added after the data rows.
    pub blank_rows: usize,
    /// Every row is at least this tall (room for a signature), in millimetres.
    pub min_row_height_mm: f32,
}

/// A table column.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Column {
    /// The header cell's text.
    pub title: String,
    /// Relative width: columns share the page width in proportion.
    pub width: f32,
    /// Adjacent columns with the same group get one header cell spanning
    /// them above their own titles (e.g. a date above "Matin" and
    /// "Après-midi"); columns without a group span both header rows.
    pub group: Option<String>,
}
