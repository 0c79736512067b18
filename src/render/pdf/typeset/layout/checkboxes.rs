//! Tick boxes set in a row after their label, wrapping onto further lines.

use super::fonts::FontStyle;
use super::item::{Chunk, Item};
use super::style::{BODY_SIZE, HAIRLINE, INK, PageGeometry, baseline_offset, line_height, mm};
use super::wrap::{Span, Wrapped, wrap};

/// Side of a box.
const BOX: f32 = 3.4 * super::style::MM;
/// Gap between a box and its text.
const BOX_GAP: f32 = 1.5 * super::style::MM;
/// Gap between one choice and the next on a line.
const CHOICE_GAP: f32 = 6.0 * super::style::MM;

/// One element of the row: the label, or a box with its text.
struct Element {
    /// `Some(ticked)` for a box.
    ticked: Option<bool>,
    text: Wrapped,
}

impl Element {
    fn lead(&self) -> f32 {
        if self.ticked.is_some() {
            BOX + BOX_GAP
        } else {
            0.0
        }
    }

    fn width(&self) -> f32 {
        self.lead() + self.text.width()
    }
}

/// The whole group as one chunk.
pub(crate) fn checkboxes(
    label: Option<&str>,
    choices: &[(String, bool)],
    geometry: &PageGeometry,
    space_before: f32,
) -> Vec<Chunk> {
    let set = |text: &str, style, lead: f32| {
        wrap(
            &[Span { text, style }],
            BODY_SIZE,
            geometry.content_width - lead,
        )
    };
    let mut elements = Vec::new();
    if let Some(label) = label.filter(|l| !l.trim().is_empty()) {
        elements.push(Element {
            ticked: None,
            text: set(label, FontStyle::Regular, 0.0),
        });
    }
    elements.extend(choices.iter().map(|(text, ticked)| Element {
        ticked: Some(*ticked),
        text: set(text, FontStyle::Regular, BOX + BOX_GAP),
    }));
    if elements.is_empty() {
        return Vec::new();
    }

    let lh = line_height(BODY_SIZE);
    let mut items = Vec::new();
    let (mut x, mut row_top, mut row_height) = (geometry.left, 0.0, lh);
    for element in &elements {
        if x > geometry.left && x + element.width() > geometry.right() {
            row_top += row_height;
            row_height = lh;
            x = geometry.left;
        }
        if let Some(ticked) = element.ticked {
            // The box is centred on the lower case of the first line.
            let centre = row_top + baseline_offset(BODY_SIZE) - 0.33 * BODY_SIZE;
            let top = centre - BOX / 2.0;
            items.push(Item::Rect {
                x,
                y: top,
                width: BOX,
                height: BOX,
                fill: None,
                stroke: Some((HAIRLINE + 0.2, INK)),
            });
            if ticked {
                items.push(Item::Tick {
                    x,
                    y: top,
                    side: BOX,
                });
            }
        }
        let text_x = x + element.lead();
        for (n, line) in element.text.lines.iter().enumerate() {
            items.extend(Item::line(
                text_x,
                row_top + n as f32 * lh,
                line,
                BODY_SIZE,
                INK,
            ));
        }
        row_height = row_height.max(element.text.height(BODY_SIZE));
        x += element.width()
            + if element.ticked.is_some() {
                CHOICE_GAP
            } else {
                mm(3.0)
            };
    }
    vec![Chunk::new(items, row_top + row_height).after(space_before)]
}

#[cfg(test)]
mod tests {
    use super::super::document::Orientation;
    use super::*;

    #[test]
    fn choices_flow_in_rows_within_the_page() {
        let geometry = PageGeometry::a4(Orientation::Portrait);
        let choices: Vec<(String, bool)> = (0..12)
            .map(|n| (format!("Choix numéro {n}"), n == 3))
            .collect();
        let chunks = checkboxes(Some("Situation :"), &choices, &geometry, 0.0);
        let boxes = chunks[0]
            .items
            .iter()
            .filter(|i| matches!(i, Item::Rect { .. }))
            .count();
        let ticks = chunks[0]
            .items
            .iter()
            .filter(|i| matches!(i, Item::Tick { .. }))
            .count();
        assert_eq!((boxes, ticks), (12, 1));
        assert!(chunks[0].height > 2.0 * line_height(BODY_SIZE));
        for item in &chunks[0].items {
            if let Item::Rect { x, width, .. } = item {
                assert!(*x >= geometry.left && x + width <= geometry.right());
            }
        }
    }
}
