//! Tables: a shaded header (with optional column groups) and rows that grow
//! to fit their tallest cell. Each row is one chunk, so a row never splits
//! across pages, and each refers to the header so it is repeated on every
//! page the table spans.

use super::document::{Column, Table};
use super::error::RenderError;
use super::fit::{Fitted, fit_words};
use super::fonts::FontStyle;
use super::item::{Chunk, Item};
use super::style::{
    CELL_SIZE, HAIRLINE, INK, MIN_SIZE, PageGeometry, RULE, SHADE, line_height, mm,
};

/// Horizontal padding inside a cell.
const PAD_X: f32 = 1.3 * super::style::MM;
/// Vertical padding inside a cell.
const PAD_Y: f32 = 1.1 * super::style::MM;

/// A laid-out table.
pub(crate) struct TableChunks {
    /// The header, to place above the first row on each page.
    pub(crate) header: Chunk,
    /// One chunk per row, data rows then blank rows.
    pub(crate) rows: Vec<Chunk>,
}

/// Lays out `table`, whose rows will refer to the header as `header_index`.
/// A table without columns gives `None`.
///
/// # Errors
/// [`RenderError::TooManyCells`] if a row has more cells than there are
/// columns (`block` is the table's index, for the message).
pub(crate) fn table(
    table: &Table,
    block: usize,
    header_index: usize,
    geometry: &PageGeometry,
    space_before: f32,
) -> Result<Option<TableChunks>, RenderError> {
    if table.columns.is_empty() {
        return Ok(None);
    }
    let columns = table.columns.len();
    if let Some((row, cells)) = table
        .rows
        .iter()
        .enumerate()
        .find(|(_, r)| r.len() > columns)
    {
        return Err(RenderError::TooManyCells {
            block,
            row,
            cells: cells.len(),
            columns,
        });
    }
    let edges = edges(&table.columns, geometry);
    // A header taller than a third of the page is set smaller.
    let mut size = CELL_SIZE;
    let header = loop {
        let header = header(&table.columns, &edges, size);
        if header.height <= geometry.body_height() / 3.0 || size <= MIN_SIZE {
            break header;
        }
        size = (size - 1.0).max(MIN_SIZE);
    };
    let min_height = clamp_mm(table.min_row_height_mm, geometry.body_height() / 2.0);
    let max_height = geometry.body_height() - header.height;
    let blank: Vec<String> = Vec::new();
    let rows = table
        .rows
        .iter()
        .chain(std::iter::repeat_n(&blank, table.blank_rows))
        .enumerate()
        .map(|(index, cells)| {
            let mut chunk = row(cells, &edges, min_height, max_height);
            chunk.header = Some(header_index);
            if index == 0 {
                chunk.space_before = space_before;
            }
            chunk
        })
        .collect::<Vec<_>>();
    let rows = if rows.is_empty() {
        // Still show the header.
        let mut chunk = Chunk::new(Vec::new(), 0.0).after(space_before);
        chunk.header = Some(header_index);
        vec![chunk]
    } else {
        rows
    };
    Ok(Some(TableChunks { header, rows }))
}

/// Millimetres to points, non-finite or negative as zero, at most `max`.
fn clamp_mm(value: f32, max: f32) -> f32 {
    if value.is_finite() {
        mm(value).clamp(0.0, max)
    } else {
        0.0
    }
}

/// The x of each column's left edge, then the table's right edge. Widths
/// are shared in proportion; a width that is not a positive number counts
/// as 1.
fn edges(columns: &[Column], geometry: &PageGeometry) -> Vec<f32> {
    let weight = |c: &Column| {
        if c.width.is_finite() && c.width > 0.0 {
            c.width
        } else {
            1.0
        }
    };
    let total: f32 = columns.iter().map(weight).sum();
    let mut x = geometry.left;
    let mut edges = vec![x];
    for column in columns {
        x += geometry.content_width * weight(column) / total;
        edges.push(x);
    }
    edges
}

/// Text fitted into a cell `width` wide, at `size` or smaller.
fn fit(text: &str, style: FontStyle, size: f32, width: f32) -> Fitted {
    fit_words(text, style, size, MIN_SIZE, (width - 2.0 * PAD_X).max(1.0))
}

/// Height a fitted text needs in a cell.
fn needed(fitted: &Fitted) -> f32 {
    fitted.wrapped.height(fitted.size) + 2.0 * PAD_Y
}

/// Text items for `fitted` in the box, centred vertically, and horizontally
/// if `centred`.
fn place(
    fitted: &Fitted,
    (left, right): (f32, f32),
    (top, height): (f32, f32),
    centred: bool,
) -> Vec<Item> {
    let lh = line_height(fitted.size);
    let first = top + (height - fitted.wrapped.height(fitted.size)) / 2.0;
    fitted
        .wrapped
        .lines
        .iter()
        .enumerate()
        .flat_map(|(n, line)| {
            let x = if centred {
                (left + right - line.width) / 2.0
            } else {
                left + PAD_X
            };
            Item::line(x, first + n as f32 * lh, line, fitted.size, INK)
        })
        .collect()
}

fn border(x: f32, y: f32, width: f32, height: f32, fill: Option<u8>) -> Item {
    Item::Rect {
        x,
        y,
        width,
        height,
        fill,
        stroke: Some((HAIRLINE, RULE)),
    }
}

/// One row: its outline, column separators and cell text. A row whose text
/// would make it taller than `max_height` (a page) is set smaller.
fn row(cells: &[String], edges: &[f32], min_height: f32, max_height: f32) -> Chunk {
    let mut size = CELL_SIZE;
    let (fitted, height) = loop {
        let fitted: Vec<Fitted> = cells
            .iter()
            .zip(edges.windows(2))
            .map(|(text, edge)| fit(text, FontStyle::Regular, size, edge[1] - edge[0]))
            .collect();
        let height = fitted
            .iter()
            .map(needed)
            .fold(min_height, f32::max)
            .max(mm(5.0));
        if height <= max_height || size <= MIN_SIZE {
            break (fitted, height);
        }
        size = (size - 1.0).max(MIN_SIZE);
    };
    let (left, right) = (edges[0], edges[edges.len() - 1]);
    let mut items = vec![border(left, 0.0, right - left, height, None)];
    items.extend(edges[1..edges.len() - 1].iter().map(|&x| Item::Line {
        from: (x, 0.0),
        to: (x, height),
        width: HAIRLINE,
        grey: RULE,
        dotted: false,
    }));
    for (cell, edge) in fitted.iter().zip(edges.windows(2)) {
        items.extend(place(cell, (edge[0], edge[1]), (0.0, height), false));
    }
    Chunk::new(items, height)
}

/// Runs of adjacent columns sharing a group: (first, last + 1, group).
fn groups(columns: &[Column]) -> Vec<(usize, usize, Option<&str>)> {
    let mut runs: Vec<(usize, usize, Option<&str>)> = Vec::new();
    for (index, column) in columns.iter().enumerate() {
        let group = column.group.as_deref();
        match runs.last_mut() {
            Some((_, end, last)) if group.is_some() && *last == group => *end = index + 1,
            _ => runs.push((index, index + 1, group)),
        }
    }
    runs
}

/// The header: shaded, bold, centred titles (at `size` or smaller); grouped
/// columns under a cell spanning them, other columns spanning both levels.
fn header(columns: &[Column], edges: &[f32], size: f32) -> Chunk {
    let runs = groups(columns);
    let grouped = runs.iter().any(|(_, _, g)| g.is_some());
    let titles: Vec<Fitted> = columns
        .iter()
        .zip(edges.windows(2))
        .map(|(c, e)| fit(&c.title, FontStyle::Bold, size, e[1] - e[0]))
        .collect();
    let group_titles: Vec<Option<Fitted>> = runs
        .iter()
        .map(|&(start, end, group)| {
            group.map(|g| fit(g, FontStyle::Bold, size, edges[end] - edges[start]))
        })
        .collect();
    let is_grouped = |index: usize| columns[index].group.is_some();

    // Top level (groups) and bottom level (their columns) heights.
    let top = group_titles
        .iter()
        .flatten()
        .map(needed)
        .fold(mm(6.0), f32::max);
    let mut bottom = (0..columns.len())
        .filter(|&i| is_grouped(i))
        .map(|i| needed(&titles[i]))
        .fold(mm(6.0), f32::max);
    if !grouped {
        bottom = 0.0;
    }
    let spanning = (0..columns.len())
        .filter(|&i| !is_grouped(i))
        .map(|i| needed(&titles[i]))
        .fold(0.0, f32::max);
    let height = if grouped {
        bottom = bottom.max(spanning - top);
        top + bottom
    } else {
        spanning.max(mm(7.0))
    };

    let (left, right) = (edges[0], edges[edges.len() - 1]);
    let mut items = vec![Item::Rect {
        x: left,
        y: 0.0,
        width: right - left,
        height,
        fill: Some(SHADE),
        stroke: None,
    }];
    for ((start, end, _), title) in runs.iter().zip(&group_titles) {
        let (x0, x1) = (edges[*start], edges[*end]);
        if let Some(title) = title {
            items.push(border(x0, 0.0, x1 - x0, top, None));
            items.extend(place(title, (x0, x1), (0.0, top), true));
        }
    }
    for (index, title) in titles.iter().enumerate() {
        let (x0, x1) = (edges[index], edges[index + 1]);
        let (y, h) = if is_grouped(index) {
            (top, bottom)
        } else {
            (0.0, height)
        };
        items.push(border(x0, y, x1 - x0, h, None));
        items.extend(place(title, (x0, x1), (y, h), true));
    }
    Chunk::new(items, height)
}

#[cfg(test)]
mod tests {
    use super::super::document::Orientation;
    use super::super::fonts::Fonts;
    use super::*;

    fn column(title: &str, width: f32, group: Option<&str>) -> Column {
        Column {
            title: title.into(),
            width,
            group: group.map(Into::into),
        }
    }

    /// Every text item of `chunk` lies inside one of the `cells` (left and
    /// right edges), and inside the chunk's height.
    fn assert_inside(chunk: &Chunk, cells: &[(f32, f32)]) {
        for item in &chunk.items {
            if let Item::Text {
                x,
                y,
                size,
                style,
                text,
                ..
            } = item
            {
                let width = Fonts::get().width(*style, text, *size);
                let inside = cells
                    .iter()
                    .any(|(left, right)| x >= left && x + width <= right + 0.001);
                assert!(inside, "{text:?} at {x}..{} overflows its cell", x + width);
                assert!(*y > 0.0 && *y < chunk.height, "{text:?} outside its row");
            }
        }
    }

    #[test]
    fn a_very_long_name_in_a_narrow_cell_stays_inside_it() {
        let geometry = PageGeometry::a4(Orientation::Portrait);
        let table = Table {
            columns: vec![
                column("N°", 0.5, None),
                column("Nom", 1.0, None),
                column("Signature", 6.0, None),
            ],
            rows: vec![
                vec![
                    "1".into(),
                    "Marie-Françoise-Élisabeth de La Tour d’Auvergne-Lauraguais".into(),
                    String::new(),
                ],
                vec!["2".into(), "Wolfeschlegelsteinhausenbergerdorff".into()],
                vec!["3".into(), "W".repeat(80)],
            ],
            blank_rows: 2,
            min_row_height_mm: 8.0,
        };
        let laid = super::table(&table, 0, 0, &geometry, 0.0).unwrap().unwrap();
        let edges = edges(&table.columns, &geometry);
        let cells: Vec<(f32, f32)> = edges.windows(2).map(|e| (e[0], e[1])).collect();
        assert_eq!(laid.rows.len(), 5);
        assert_inside(&laid.header, &cells);
        for row in &laid.rows {
            assert_inside(row, &cells);
            assert!(row.height >= mm(8.0) - 0.001);
        }
        // The long name wrapped: its row is taller than the minimum.
        assert!(laid.rows[0].height > mm(8.0));
        // The unbreakable word was set smaller than the normal size.
        let small = laid.rows[1]
            .items
            .iter()
            .any(|i| matches!(i, Item::Text { size, .. } if *size < CELL_SIZE));
        assert!(small);
    }

    #[test]
    fn a_row_too_tall_for_a_page_is_set_smaller() {
        let geometry = PageGeometry::a4(Orientation::Portrait);
        let table = Table {
            columns: vec![column("Nom", 1.0, None), column("Commentaire", 1.0, None)],
            rows: vec![vec![
                "Dupont".into(),
                "Un commentaire très long. ".repeat(120),
            ]],
            ..Table::default()
        };
        let laid = super::table(&table, 0, 0, &geometry, 0.0).unwrap().unwrap();
        assert!(laid.header.height + laid.rows[0].height <= geometry.body_height());
    }

    #[test]
    fn grouped_columns_share_a_spanning_header_cell() {
        let geometry = PageGeometry::a4(Orientation::Landscape);
        let table = Table {
            columns: vec![
                column("Nom", 3.0, None),
                column("Matin", 1.0, Some("lundi 3 mars")),
                column("Après-midi", 1.0, Some("lundi 3 mars")),
            ],
            ..Table::default()
        };
        let laid = super::table(&table, 0, 0, &geometry, 0.0).unwrap().unwrap();
        let texts: Vec<&str> = laid
            .header
            .items
            .iter()
            .filter_map(|i| match i {
                Item::Text { text, .. } => Some(text.as_str()),
                _ => None,
            })
            .collect();
        assert_eq!(texts.iter().filter(|t| t.contains("lundi")).count(), 1);
        assert!(texts.contains(&"Matin") && texts.contains(&"Après-midi"));
        // No data rows: one empty chunk still brings the header.
        assert_eq!(laid.rows.len(), 1);
        let e = edges(&table.columns, &geometry);
        assert_inside(
            &laid.header,
            &[(e[0], e[1]), (e[1], e[2]), (e[2], e[3]), (e[1], e[3])],
        );
    }

    #[test]
    fn a_row_with_too_many_cells_is_an_error() {
        let geometry = PageGeometry::a4(Orientation::Portrait);
        let table = Table {
            columns: vec![column("A", 1.0, None)],
            rows: vec![vec!["x".into(), "y".into()]],
            ..Table::default()
        };
        let error = super::table(&table, 4, 0, &geometry, 0.0).err();
        assert_eq!(
            error,
            Some(RenderError::TooManyCells {
                block: 4,
                row: 0,
                cells: 2,
                columns: 1
            })
        );
    }
}
