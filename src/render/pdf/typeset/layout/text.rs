//! Headings and Markdown paragraphs.

use super::fonts::{FontStyle, Fonts};
use super::item::{Chunk, Item};
use super::markdown::{self, Kind};
use super::style::{BODY_SIZE, INK, PageGeometry, RULE, line_height, mm};
use super::wrap::{Span, wrap};

/// Indent of each level of list nesting.
const LIST_INDENT: f32 = 6.0 * super::style::MM;
/// Gap between a list marker and the item's text.
const MARKER_GAP: f32 = 1.5 * super::style::MM;

/// A heading: one chunk kept with whatever follows.
pub(crate) fn heading(text: &str, level: u8, geometry: &PageGeometry) -> Vec<Chunk> {
    let (size, space_before, centred) = match level {
        0 | 1 => (15.0, mm(2.0), true),
        2 => (12.0, mm(6.0), false),
        _ => (10.5, mm(4.0), false),
    };
    let wrapped = wrap(
        &[Span {
            text,
            style: FontStyle::Bold,
        }],
        size,
        geometry.content_width,
    );
    if wrapped.lines.is_empty() {
        return Vec::new();
    }
    let lh = line_height(size);
    let mut items = Vec::new();
    for (index, line) in wrapped.lines.iter().enumerate() {
        let x = if centred {
            geometry.left + (geometry.content_width - line.width) / 2.0
        } else {
            geometry.left
        };
        items.extend(Item::line(x, index as f32 * lh, line, size, INK));
    }
    let mut height = wrapped.height(size);
    if level == 2 {
        // A section heading is underlined across the page.
        height += mm(1.0);
        items.push(Item::Line {
            from: (geometry.left, height),
            to: (geometry.right(), height),
            width: super::style::HAIRLINE,
            grey: RULE,
            dotted: false,
        });
    }
    vec![
        Chunk::new(items, height + mm(1.0))
            .after(space_before)
            .kept_with_next(),
    ]
}

/// A Markdown paragraph: one chunk per line, so that it can break across
/// pages, but never leaving a single line of a paragraph alone on a page.
pub(crate) fn paragraph(source: &str, geometry: &PageGeometry, space_before: f32) -> Vec<Chunk> {
    let fonts = Fonts::get();
    let lh = line_height(BODY_SIZE);
    let mut chunks = Vec::new();
    for block in markdown::parse(source) {
        let text_x = geometry.left + block.depth as f32 * LIST_INDENT;
        let spans = block.wrap_spans();
        let wrapped = wrap(&spans, BODY_SIZE, geometry.right() - text_x);
        let gap = if chunks.is_empty() {
            space_before
        } else {
            match block.kind {
                Kind::Paragraph => 0.6 * lh,
                Kind::Item => 0.15 * lh,
                Kind::ItemContinued => 0.3 * lh,
            }
        };
        let count = wrapped.lines.len();
        for (index, line) in wrapped.lines.iter().enumerate() {
            let mut items = Item::line(text_x, 0.0, line, BODY_SIZE, INK);
            if index == 0
                && let Some(marker) = &block.marker
            {
                let width = fonts.width(FontStyle::Regular, marker, BODY_SIZE);
                items.push(Item::Text {
                    x: text_x - MARKER_GAP - width,
                    y: super::style::baseline_offset(BODY_SIZE),
                    size: BODY_SIZE,
                    style: FontStyle::Regular,
                    grey: INK,
                    text: marker.clone(),
                });
            }
            let mut chunk = Chunk::new(items, lh);
            if index == 0 {
                chunk.space_before = gap;
            }
            // No orphan first line, no widowed last line.
            chunk.keep_with_next = count > 1 && (index == 0 || index + 2 == count);
            chunks.push(chunk);
        }
    }
    chunks
}

#[cfg(test)]
mod tests {
    use super::super::document::Orientation;
    use super::*;

    #[test]
    fn list_markers_hang_left_of_the_indented_text() {
        let geometry = PageGeometry::a4(Orientation::Portrait);
        let chunks = paragraph("- un\n- deux", &geometry, 0.0);
        assert_eq!(chunks.len(), 2);
        let Item::Text { x: text_x, .. } = chunks[0].items[0] else {
            panic!("text first")
        };
        let Item::Text {
            x: marker_x, text, ..
        } = &chunks[0].items[1]
        else {
            panic!("marker second")
        };
        assert_eq!(text, "•");
        assert!(*marker_x < text_x && *marker_x >= geometry.left);
    }

    #[test]
    fn headings_keep_with_next() {
        let geometry = PageGeometry::a4(Orientation::Portrait);
        let chunks = heading("Charte du parrainage", 2, &geometry);
        assert!(chunks.iter().all(|c| c.keep_with_next));
    }
}
