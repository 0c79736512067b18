//! Signature boxes: framed empty areas side by side, each under its label.

use super::fonts::FontStyle;
use super::item::{Chunk, Item};
use super::style::{HAIRLINE, INK, PageGeometry, RULE, line_height, mm};
use super::wrap::{Span, wrap};

const LABEL_SIZE: f32 = 9.5;
/// Gap between two boxes.
const GAP: f32 = 8.0 * super::style::MM;
/// Height of the area to sign in.
const FRAME_HEIGHT: f32 = 28.0 * super::style::MM;

/// The row of boxes as one chunk.
pub(crate) fn signatures(
    labels: &[String],
    geometry: &PageGeometry,
    space_before: f32,
) -> Vec<Chunk> {
    if labels.is_empty() {
        return Vec::new();
    }
    let count = labels.len() as f32;
    let width = ((geometry.content_width - GAP * (count - 1.0)) / count).max(mm(5.0));
    let labels: Vec<_> = labels
        .iter()
        .map(|text| {
            wrap(
                &[Span {
                    text,
                    style: FontStyle::Bold,
                }],
                LABEL_SIZE,
                width,
            )
        })
        .collect();
    let label_height = labels
        .iter()
        .map(|l| l.height(LABEL_SIZE))
        .fold(0.0, f32::max);
    let frame_top = label_height + mm(1.5);
    let lh = line_height(LABEL_SIZE);
    let mut items = Vec::new();
    for (index, label) in labels.iter().enumerate() {
        let x = geometry.left + index as f32 * (width + GAP);
        for (n, line) in label.lines.iter().enumerate() {
            items.extend(Item::line(x, n as f32 * lh, line, LABEL_SIZE, INK));
        }
        items.push(Item::Rect {
            x,
            y: frame_top,
            width,
            height: FRAME_HEIGHT,
            fill: None,
            stroke: Some((HAIRLINE, RULE)),
        });
    }
    vec![Chunk::new(items, frame_top + FRAME_HEIGHT).after(space_before)]
}
