//! The funders' block: their logos in a centred row, the mention below.

use super::fonts::FontStyle;
use super::image::Image;
use super::item::{Chunk, Item};
use super::style::{INK, MENTION_SIZE, PageGeometry, line_height, mm};
use super::wrap::{Span, wrap};

/// Height of the logos (less if the row would be wider than the page).
const LOGO_HEIGHT: f32 = 14.0 * super::style::MM;
/// Gap between two logos.
const GAP: f32 = 8.0 * super::style::MM;

/// The block as one chunk.
pub(crate) fn funders(
    logos: &[Image],
    text: &str,
    geometry: &PageGeometry,
    space_before: f32,
) -> Vec<Chunk> {
    let ratios: Vec<(&Image, f32)> = logos
        .iter()
        .filter_map(|logo| Some((logo, logo.aspect_ratio()?)))
        .collect();
    let mut items = Vec::new();
    let mut height = 0.0;
    if !ratios.is_empty() {
        // Many logos get closer together, so that they keep half the width.
        let between = (ratios.len() - 1) as f32;
        let gaps = (GAP * between).min(geometry.content_width / 2.0);
        let gap = if between > 0.0 { gaps / between } else { 0.0 };
        let natural: f32 = ratios.iter().map(|(_, r)| r * LOGO_HEIGHT).sum::<f32>() + gaps;
        let scale = ((geometry.content_width - gaps) / (natural - gaps)).min(1.0);
        let logo_height = LOGO_HEIGHT * scale;
        let row_width: f32 = ratios.iter().map(|(_, r)| r * logo_height).sum::<f32>() + gaps;
        let mut x = geometry.left + (geometry.content_width - row_width) / 2.0;
        for (image, ratio) in ratios {
            let width = ratio * logo_height;
            items.push(Item::Image {
                x,
                y: 0.0,
                width,
                height: logo_height,
                image: image.clone(),
            });
            x += width + gap;
        }
        height = logo_height + mm(2.0);
    }
    let mention = wrap(
        &[Span {
            text,
            style: FontStyle::Regular,
        }],
        MENTION_SIZE,
        geometry.content_width,
    );
    let lh = line_height(MENTION_SIZE);
    for (n, line) in mention.lines.iter().enumerate() {
        let x = geometry.left + (geometry.content_width - line.width) / 2.0;
        items.extend(Item::line(
            x,
            height + n as f32 * lh,
            line,
            MENTION_SIZE,
            INK,
        ));
    }
    height += mention.height(MENTION_SIZE);
    if items.is_empty() {
        return Vec::new();
    }
    vec![Chunk::new(items, height).after(space_before)]
}
