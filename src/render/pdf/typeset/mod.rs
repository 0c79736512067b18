//! Typesetting engine: turns an abstract [`Document`] (a list of [`Block`]s:
//! headings, Markdown paragraphs, fields, tick boxes, tables, signature
//! boxes, funders' logos) into an A4 PDF meant to be printed and filled in
//! by hand.
//!
//! Text is set in the embedded Noto Sans (regular, bold, italic), measured
//! with the fonts' advance widths and wrapped here; the PDF is written by
//! krilla, which subsets the fonts and maps every glyph back to its text, so
//! French text is selectable and extracts exactly. Every page carries the
//! organisation's header and a footer with the title and "Page n / N".
//!
//! Fonts are parsed once per process and shared: [`render`] can be called
//! from many threads at once.
//!
//! ```
//! use carnet::render::pdf::typeset::{Block, Document, Field, render};
//!
//! let doc = Document {
//!     title: "Fiche d’accueil".into(),
//!     blocks: vec![
//!         Block::Heading { text: "Fiche d’accueil".into(), level: 1 },
//!         Block::Fields {
//!             items: vec![Field { label: "Nom".into(), value: None }],
//!         },
//!     ],
//!     ..Document::default()
//! };
//! let pdf = render(&doc)?;
//! assert!(pdf.starts_with(b"%PDF"));
//! # Ok::<(), carnet::render::pdf::typeset::RenderError>(())
//! ```

mod document;
mod draw;
mod error;
mod fit;
mod fonts;
mod image;
mod layout;
mod markdown;
mod style;
mod wrap;

pub use document::{Block, Column, Document, Field, Header, LabelSheet, Orientation, Table};
pub use error::RenderError;
pub use image::{Image, ImageFormat};

/// Typesets `doc` into the bytes of a PDF file.
///
/// # Errors
/// [`RenderError::TooManyCells`] if a table row has more cells than the
/// table has columns, [`RenderError::Image`] if an image cannot be decoded,
/// [`RenderError::Pdf`] if the PDF cannot be written.
pub fn render(doc: &Document) -> Result<Vec<u8>, RenderError> {
    let (geometry, pages) = layout::layout(doc)?;
    draw::draw(&doc.title, &geometry, &pages)
}

/// The width, in millimetres, of the narrowest table column of `doc` if it
/// were laid out in `orientation` (columns share the content width in
/// proportion to their relative widths); `None` without a table.
pub fn narrowest_column_mm(doc: &Document, orientation: Orientation) -> Option<f32> {
    let width = style::PageGeometry::a4(orientation).content_width / style::MM;
    doc.blocks
        .iter()
        .filter_map(|block| match block {
            Block::Table(table) => {
                let total: f32 = table.columns.iter().map(|c| c.width).sum();
                let narrowest = table.columns.iter().map(|c| c.width).reduce(f32::min)?;
                (total > 0.0).then(|| width * narrowest / total)
            }
            _ => None,
        })
        .reduce(f32::min)
}

/// How many labels of `sheet`'s size an A4 sheet holds.
pub fn labels_per_sheet(sheet: &LabelSheet) -> usize {
    let (across, down) = layout::label_grid(sheet);
    across * down
}

/// The number of pages `doc` takes, laid out without drawing: what a caller
/// fitting content to the page compares, at a fraction of [`render`]'s cost.
///
/// # Errors
/// As [`render`], for what the layout checks (cells, images).
pub fn page_count(doc: &Document) -> Result<usize, RenderError> {
    layout::layout(doc).map(|(_, pages)| pages.len())
}
