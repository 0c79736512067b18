//! Layout: turns a [`Document`] into pages of positioned items. Blocks are
//! laid out into chunks, chunks are paginated, then every page gets its
//! header and footer (the page count being known by then).

mod checkboxes;
mod fields;
mod frame;
mod funders;
pub(crate) mod item;
mod labels;
mod paginate;
mod signatures;
mod table;
mod text;

// The engine's other modules, named here for the layout submodules (paths
// stay relative so that the engine can live at any depth in a crate).
use super::{document, error, fit, fonts, image, markdown, style, wrap};
use document::{Block, Document};
use error::RenderError;
use item::{Chunk, Page};
use paginate::{Flow, FlowItem, paginate};
use style::{PageGeometry, mm};

/// Space between two blocks.
const BLOCK_GAP: f32 = 3.5 * super::style::MM;
/// Space above signature boxes.
const SIGNATURES_GAP: f32 = 6.0 * super::style::MM;

/// The pages of `doc`, headers and footers included.
///
/// # Errors
/// [`RenderError::TooManyCells`] for a table row longer than its columns.
pub(crate) fn layout(doc: &Document) -> Result<(PageGeometry, Vec<Page>), RenderError> {
    let geometry = PageGeometry::a4(doc.orientation);
    if let Some(sheet) = doc.blocks.iter().find_map(|b| match b {
        Block::Labels(sheet) => Some(sheet),
        _ => None,
    }) {
        return Ok((geometry, labels::sheets(sheet, &geometry)));
    }
    let mut pages = body(doc, &geometry)?;
    frame::frame(&mut pages, &doc.header, &doc.title, &geometry);
    Ok((geometry, pages))
}

/// Labels across and down an A4 portrait sheet for `sheet`'s size.
pub(crate) fn label_grid(sheet: &document::LabelSheet) -> (usize, usize) {
    labels::grid(sheet, &PageGeometry::a4(document::Orientation::Portrait))
}

/// The pages of `doc` without header and footer.
fn body(doc: &Document, geometry: &PageGeometry) -> Result<Vec<Page>, RenderError> {
    let mut flow = Flow::default();
    for (index, block) in doc.blocks.iter().enumerate() {
        let chunks = match block {
            Block::Heading { text, level } => text::heading(text, *level, geometry),
            Block::Paragraph { markdown } => text::paragraph(markdown, geometry, BLOCK_GAP),
            Block::Fields { items } => fields::fields(items, geometry, BLOCK_GAP),
            Block::Checkboxes { label, items } => {
                checkboxes::checkboxes(label.as_deref(), items, geometry, BLOCK_GAP)
            }
            Block::Table(table) => {
                match table::table(table, index, flow.headers.len(), geometry, BLOCK_GAP)? {
                    Some(laid) => {
                        flow.headers.push(laid.header);
                        laid.rows
                    }
                    None => Vec::new(),
                }
            }
            Block::Signatures { boxes } => signatures::signatures(boxes, geometry, SIGNATURES_GAP),
            Block::Funders { logos, text } => funders::funders(logos, text, geometry, BLOCK_GAP),
            Block::Spacer { mm: height } => vec![spacer(*height, geometry)],
            Block::PageBreak => {
                flow.items.push(FlowItem::PageBreak);
                Vec::new()
            }
            Block::RightParagraph { markdown } => {
                // The right half of the content width, as a window envelope shows it.
                let half = PageGeometry {
                    left: geometry.left + geometry.content_width / 2.0,
                    content_width: geometry.content_width / 2.0,
                    ..*geometry
                };
                text::paragraph(markdown, &half, BLOCK_GAP)
            }
            Block::Labels(_) => Vec::new(),
        };
        flow.items.extend(chunks.into_iter().map(FlowItem::Chunk));
    }
    Ok(paginate(&flow, geometry))
}

/// Blank space of `height` millimetres (at most a page).
fn spacer(height: f32, geometry: &PageGeometry) -> Chunk {
    let height = if height.is_finite() {
        mm(height).clamp(0.0, geometry.body_height())
    } else {
        0.0
    };
    Chunk {
        discardable: true,
        ..Chunk::new(Vec::new(), height)
    }
}

#[cfg(test)]
mod tests {
    use super::document::{Column, Field, Orientation, Table};
    use super::fonts::Fonts;
    use super::*;
    use item::Item;

    /// A document with every kind of block and awkward (but not absurd:
    /// a cell a few millimetres wide cannot hold a paragraph) text.
    fn everything(orientation: Orientation) -> Document {
        let long = "Anticonstitutionnellement-interminable ".repeat(8);
        Document {
            title: long.clone(),
            orientation,
            blocks: vec![
                Block::Heading {
                    text: long.clone(),
                    level: 1,
                },
                Block::Paragraph {
                    markdown: format!("**{long}** *{long}*\n\n- {long}\n  1. {long}"),
                },
                Block::Fields {
                    items: vec![
                        Field {
                            label: long.clone(),
                            value: Some(long.clone()),
                        },
                        Field {
                            label: long.clone(),
                            value: None,
                        },
                    ],
                },
                Block::Checkboxes {
                    label: Some(long.clone()),
                    items: vec![(long.clone(), true), ("Non".into(), false)],
                },
                Block::Table(Table {
                    columns: (0..9)
                        .map(|n| Column {
                            title: "Signature du stagiaire (après-midi)".into(),
                            width: 1.0 + (n % 3) as f32,
                            group: (n > 2).then(|| format!("Séance {}", n / 2)),
                        })
                        .collect(),
                    rows: vec![vec![long.clone(); 9]; 12],
                    blank_rows: 10,
                    min_row_height_mm: 12.0,
                }),
                Block::Signatures {
                    boxes: vec![long.clone(); 4],
                },
                Block::Funders {
                    logos: Vec::new(),
                    text: long,
                },
            ],
            ..Document::default()
        }
    }

    #[test]
    fn nothing_leaves_the_content_area() {
        for orientation in [Orientation::Portrait, Orientation::Landscape] {
            let geometry = PageGeometry::a4(orientation);
            let pages = body(&everything(orientation), &geometry).unwrap();
            assert!(pages.len() > 2);
            let fonts = Fonts::get();
            let inside_x = |x: f32| x >= geometry.left - 0.01 && x <= geometry.right() + 0.01;
            let inside_y =
                |y: f32| y >= geometry.body_top - 0.01 && y <= geometry.body_bottom + 0.01;
            for item in pages.iter().flat_map(|p| &p.items) {
                match item {
                    Item::Text {
                        x,
                        y,
                        size,
                        style,
                        text,
                        ..
                    } => {
                        let width = fonts.width(*style, text, *size);
                        assert!(inside_x(*x) && inside_x(x + width), "{text:?} overflows");
                        assert!(inside_y(*y), "{text:?} below the body");
                    }
                    Item::Line { from, to, .. } => {
                        assert!(inside_x(from.0) && inside_x(to.0));
                        assert!(inside_y(from.1) && inside_y(to.1));
                    }
                    Item::Rect {
                        x,
                        y,
                        width,
                        height,
                        ..
                    } => {
                        assert!(inside_x(*x) && inside_x(x + width));
                        assert!(inside_y(*y) && inside_y(y + height));
                    }
                    Item::Tick { .. } | Item::Image { .. } => {}
                }
            }
        }
    }

    #[test]
    fn the_frame_fits_the_margins_whatever_the_title() {
        let doc = everything(Orientation::Portrait);
        let (geometry, pages) = layout(&doc).unwrap();
        let fonts = Fonts::get();
        for item in pages.iter().flat_map(|p| &p.items) {
            if let Item::Text {
                x,
                size,
                style,
                text,
                ..
            } = item
            {
                assert!(x + fonts.width(*style, text, *size) <= geometry.right() + 0.01);
            }
        }
    }
}
