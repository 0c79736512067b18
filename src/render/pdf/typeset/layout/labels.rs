//! A sheet of adhesive labels: cells of a fixed size in a grid centred on
//! the A4 sheet (as label sheets are cut), each holding its own Markdown
//! text, set smaller when it would not fit its cell. No header, no footer:
//! the grid is aligned to the paper, not to the page's margins.

use super::document::LabelSheet;
use super::item::{Item, Page};
use super::markdown::{self, Kind};
use super::style::{DOTS, HAIRLINE, INK, MM, PageGeometry, line_height, mm};
use super::wrap::{Wrapped, wrap};

/// Text size of a label before any shrinking.
const LABEL_SIZE: f32 = 10.0;
/// Smallest size a label's text is set at; below it the lines that do not
/// fit are left out (a label a few millimetres tall cannot hold a list).
const LABEL_MIN_SIZE: f32 = 4.5;
/// Inner margin of a cell.
const PADDING: f32 = 4.0 * MM;

/// Cells per row and rows per sheet for labels of this size (at least one).
pub(crate) fn grid(sheet: &LabelSheet, geometry: &PageGeometry) -> (usize, usize) {
    let fit = |room: f32, size: f32| {
        if size.is_finite() && size > 0.0 {
            ((room / mm(size)) + 1e-3).floor().max(1.0) as usize
        } else {
            1
        }
    };
    (
        fit(geometry.width, sheet.width_mm),
        fit(geometry.height, sheet.height_mm),
    )
}

/// The text of one cell wrapped at `size` in `width`: each paragraph's lines.
fn set(source: &str, size: f32, width: f32) -> Vec<(Wrapped, f32)> {
    markdown::parse(source)
        .iter()
        .map(|block| {
            let spans = block.wrap_spans();
            let gap = match block.kind {
                Kind::Paragraph => 0.35 * line_height(size),
                Kind::Item | Kind::ItemContinued => 0.0,
            };
            (wrap(&spans, size, width), gap)
        })
        .collect()
}

fn height(blocks: &[(Wrapped, f32)], size: f32) -> f32 {
    blocks
        .iter()
        .enumerate()
        .map(|(i, (w, gap))| w.height(size) + if i == 0 { 0.0 } else { *gap })
        .sum()
}

/// The items of one cell whose top left corner is (`x`, `y`).
fn cell(text: &str, x: f32, y: f32, width: f32, cell_height: f32) -> Vec<Item> {
    let pad = PADDING.min(width / 8.0).min(cell_height / 8.0);
    let inner = (width - 2.0 * pad).max(1.0);
    let room = cell_height - 2.0 * pad;
    let mut size = LABEL_SIZE;
    let mut blocks = set(text, size, inner);
    while height(&blocks, size) > room && size > LABEL_MIN_SIZE {
        size = (size * 0.92).max(LABEL_MIN_SIZE);
        blocks = set(text, size, inner);
    }
    let mut items = Vec::new();
    let lh = line_height(size);
    let mut top = y + pad;
    for (i, (wrapped, gap)) in blocks.iter().enumerate() {
        if i > 0 {
            top += gap;
        }
        for line in &wrapped.lines {
            if top + lh > y + cell_height - pad + 0.01 {
                return items;
            }
            items.extend(Item::line(x + pad, top, line, size, INK));
            top += lh;
        }
    }
    items
}

/// A dotted cutting guide around a cell (plain paper), faint enough not to
/// show on an adhesive sheet's own cuts.
fn outline(x: f32, y: f32, w: f32, h: f32) -> Vec<Item> {
    let line = |from, to| Item::Line {
        from,
        to,
        width: HAIRLINE,
        grey: DOTS,
        dotted: true,
    };
    vec![
        line((x, y), (x + w, y)),
        line((x, y + h), (x + w, y + h)),
        line((x, y), (x, y + h)),
        line((x + w, y), (x + w, y + h)),
    ]
}

/// The sheets of `sheet`'s cells, left to right then top to bottom; one
/// empty sheet when there is no cell.
pub(crate) fn sheets(sheet: &LabelSheet, geometry: &PageGeometry) -> Vec<Page> {
    let (columns, rows) = grid(sheet, geometry);
    let w = mm(sheet.width_mm).min(geometry.width);
    let h = mm(sheet.height_mm).min(geometry.height);
    let left = (geometry.width - columns as f32 * w) / 2.0;
    let top = (geometry.height - rows as f32 * h) / 2.0;
    let per_sheet = columns * rows;
    let mut pages: Vec<Page> = sheet
        .cells
        .chunks(per_sheet)
        .map(|cells| {
            let mut page = Page::default();
            for (n, text) in cells.iter().enumerate() {
                let x = left + (n % columns) as f32 * w;
                let y = top + (n / columns) as f32 * h;
                page.items.extend(outline(x, y, w, h));
                page.items.extend(cell(text, x, y, w, h));
            }
            page
        })
        .collect();
    if pages.is_empty() {
        pages.push(Page::default());
    }
    pages
}

#[cfg(test)]
mod tests {
    use super::super::document::Orientation;
    use super::super::fonts::Fonts;
    use super::*;

    fn sheet(cells: Vec<String>) -> LabelSheet {
        LabelSheet {
            width_mm: 99.1,
            height_mm: 67.7,
            cells,
        }
    }

    #[test]
    fn labels_of_2_by_4_make_sheets_of_eight_centred_on_the_paper() {
        let geometry = PageGeometry::a4(Orientation::Portrait);
        let s = sheet((1..=9).map(|n| format!("Boîte {n}")).collect());
        assert_eq!(grid(&s, &geometry), (2, 4));
        let pages = sheets(&s, &geometry);
        assert_eq!(pages.len(), 2);
        // First text of the sheet: 5.9 mm of side margin (210 − 2 × 99.1) / 2, then the padding.
        let Some(Item::Text { x, .. }) = pages[0]
            .items
            .iter()
            .find(|i| matches!(i, Item::Text { .. }))
        else {
            panic!("a text")
        };
        assert!((x / MM - (5.9 + 4.0)).abs() < 0.05, "{}", x / MM);
        let texts: Vec<&str> = pages[1]
            .items
            .iter()
            .filter_map(|i| match i {
                Item::Text { text, .. } => Some(text.as_str()),
                _ => None,
            })
            .collect();
        assert_eq!(texts, ["Boîte 9"], "alone on the second sheet");
    }

    #[test]
    fn a_long_text_is_set_smaller_and_stays_in_its_cell() {
        let geometry = PageGeometry::a4(Orientation::Portrait);
        let long = (0..14)
            .map(|n| format!("- NOM-TRÈS-LONG-{n} <Prénom> & Co"))
            .collect::<Vec<_>>()
            .join("\n");
        let s = sheet(vec![format!("**2025**\n\n{long}"); 3]);
        let pages = sheets(&s, &geometry);
        let fonts = Fonts::get();
        let mut names = 0;
        for item in &pages[0].items {
            if let Item::Text {
                x,
                y,
                size,
                style,
                text,
                ..
            } = item
            {
                let cell_x = ((x / MM - 5.9) / 99.1).floor();
                let cell_y = ((y / MM - (297.0 - 4.0 * 67.7) / 2.0) / 67.7).floor();
                let right = (5.9 + (cell_x + 1.0) * 99.1) * MM;
                let bottom = ((297.0 - 4.0 * 67.7) / 2.0 + (cell_y + 1.0) * 67.7) * MM;
                assert!(
                    x + fonts.width(*style, text, *size) <= right,
                    "{text} overflows"
                );
                assert!(*y <= bottom, "{text} below its cell");
                names += text.matches("NOM-TRÈS-LONG").count();
            }
        }
        assert_eq!(names, 14 * 3, "every name of every label is printed");
    }
}
