//! Why a document could not be rendered.

use std::fmt;

/// An error from [`render`](super::render) or [`Image::new`](super::Image::new).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RenderError {
    /// An image could not be read or decoded; the message says why.
    Image(String),
    /// A table row has more cells than the table has columns.
    TooManyCells {
        /// Index of the table's block in [`Document::blocks`](super::Document::blocks).
        block: usize,
        /// Index of the row among the table's rows.
        row: usize,
        /// Cells in that row.
        cells: usize,
        /// Columns in the table.
        columns: usize,
    },
    /// The PDF writer failed; the message says why.
    Pdf(String),
}

impl fmt::Display for RenderError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RenderError::Image(message) => write!(f, "unreadable image: {message}"),
            RenderError::TooManyCells {
                block,
                row,
                cells,
                columns,
            } => write!(
                f,
                "block {block}: table row {row} has {cells} cells for {columns} columns"
            ),
            RenderError::Pdf(message) => write!(f, "cannot write the PDF: {message}"),
        }
    }
}

impl std::error::Error for RenderError {}
