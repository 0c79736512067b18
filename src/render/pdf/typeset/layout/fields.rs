//! Labelled fields: labels in a column, values beside them, or a dotted line
//! to write on when there is no value.

use super::document::Field;
use super::fonts::{FontStyle, Fonts};
use super::item::{Chunk, Item};
use super::style::{BODY_SIZE, DOTS, INK, PageGeometry, baseline_offset, line_height, mm};
use super::wrap::{Span, Wrapped, wrap};

/// Gap between the label column and the values.
const LABEL_GAP: f32 = 4.0 * super::style::MM;
/// The label column takes at most this share of the width.
const MAX_LABEL_SHARE: f32 = 0.4;
/// Height of a line left to fill by hand.
const FILL_HEIGHT: f32 = 8.0 * super::style::MM;
/// Space between two fields.
const FIELD_GAP: f32 = 1.2 * super::style::MM;

/// Chunks for the fields: a field with a value gives one chunk per line (a
/// long value can continue on the next page), one without gives one chunk.
pub(crate) fn fields(items: &[Field], geometry: &PageGeometry, space_before: f32) -> Vec<Chunk> {
    let fonts = Fonts::get();
    let widest_label = items
        .iter()
        .map(|f| fonts.width(FontStyle::Regular, &f.label, BODY_SIZE))
        .fold(0.0, f32::max);
    let columns = Columns {
        label_width: widest_label.min(MAX_LABEL_SHARE * geometry.content_width),
        left: geometry.left,
        right: geometry.right(),
    };
    let mut chunks = Vec::new();
    for (index, field) in items.iter().enumerate() {
        let label = set(&field.label, FontStyle::Regular, columns.label_width);
        let first = chunks.len();
        match &field.value {
            Some(value) => {
                let value = set(value, FontStyle::Bold, columns.right - columns.value_x());
                chunks.extend(columns.lines(&label, &value));
            }
            None => chunks.push(columns.fill_line(&label)),
        }
        if let Some(chunk) = chunks.get_mut(first) {
            chunk.space_before = if index == 0 { space_before } else { FIELD_GAP };
        }
    }
    chunks
}

fn set(text: &str, style: FontStyle, width: f32) -> Wrapped {
    wrap(&[Span { text, style }], BODY_SIZE, width)
}

/// Where labels and values go.
struct Columns {
    left: f32,
    label_width: f32,
    right: f32,
}

impl Columns {
    fn value_x(&self) -> f32 {
        self.left + self.label_width + LABEL_GAP
    }

    /// Label and value side by side, one chunk per line, the first line
    /// kept with the second.
    fn lines(&self, label: &Wrapped, value: &Wrapped) -> Vec<Chunk> {
        let count = label.lines.len().max(value.lines.len()).max(1);
        (0..count)
            .map(|n| {
                let mut items = Vec::new();
                if let Some(line) = label.lines.get(n) {
                    items.extend(Item::line(self.left, 0.0, line, BODY_SIZE, INK));
                }
                if let Some(line) = value.lines.get(n) {
                    items.extend(Item::line(self.value_x(), 0.0, line, BODY_SIZE, INK));
                }
                let mut chunk = Chunk::new(items, line_height(BODY_SIZE));
                chunk.keep_with_next = n == 0 && count > 1;
                chunk
            })
            .collect()
    }

    /// The label on a dotted line, at the bottom of a row tall enough to
    /// write in.
    fn fill_line(&self, label: &Wrapped) -> Chunk {
        let lh = line_height(BODY_SIZE);
        let label_height = label.height(BODY_SIZE).max(lh);
        let height = label_height.max(FILL_HEIGHT);
        let top = height - label_height;
        let mut items = Vec::new();
        for (n, line) in label.lines.iter().enumerate() {
            items.extend(Item::line(
                self.left,
                top + n as f32 * lh,
                line,
                BODY_SIZE,
                INK,
            ));
        }
        let baseline = height - lh + baseline_offset(BODY_SIZE) + mm(0.6);
        items.push(Item::Line {
            from: (self.value_x(), baseline),
            to: (self.right, baseline),
            width: 0.9,
            grey: DOTS,
            dotted: true,
        });
        Chunk::new(items, height)
    }
}

#[cfg(test)]
mod tests {
    use super::super::document::Orientation;
    use super::*;

    #[test]
    fn a_field_without_value_gets_a_fill_line_beside_its_label() {
        let geometry = PageGeometry::a4(Orientation::Portrait);
        let items = [
            Field {
                label: "Nom".into(),
                value: Some("Dupont".into()),
            },
            Field {
                label: "Téléphone".into(),
                value: None,
            },
        ];
        let chunks = fields(&items, &geometry, 0.0);
        assert_eq!(chunks.len(), 2);
        assert!(
            chunks[0]
                .items
                .iter()
                .all(|i| matches!(i, Item::Text { .. }))
        );
        let line = chunks[1].items.iter().find_map(|i| match i {
            Item::Line {
                from,
                to,
                dotted: true,
                ..
            } => Some((*from, *to)),
            _ => None,
        });
        let (from, to) = line.expect("a dotted line");
        let label_end =
            geometry.left + Fonts::get().width(FontStyle::Regular, "Téléphone", BODY_SIZE);
        assert!(from.0 > label_end);
        assert!((to.0 - geometry.right()).abs() < 0.01);
        assert!(from.1 <= chunks[1].height);
    }

    #[test]
    fn a_long_value_gives_one_chunk_per_line() {
        let geometry = PageGeometry::a4(Orientation::Portrait);
        let items = [Field {
            label: "Observations".into(),
            value: Some("Très motivée, ".repeat(60)),
        }];
        let chunks = fields(&items, &geometry, 0.0);
        assert!(chunks.len() > 3);
        assert!(chunks[0].keep_with_next);
    }
}
