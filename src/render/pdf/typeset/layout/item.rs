//! What layout produces: positioned marks on pages, ready to draw.

use super::fonts::FontStyle;
use super::image::Image;
use super::style::Grey;
use super::wrap::Line;

/// A mark on a page. Coordinates are in points from the page's top left.
#[derive(Clone, Debug)]
pub(crate) enum Item {
    /// Text on one line, starting at `x` on the baseline `y`.
    Text {
        x: f32,
        y: f32,
        size: f32,
        style: FontStyle,
        grey: Grey,
        text: String,
    },
    /// A straight line.
    Line {
        from: (f32, f32),
        to: (f32, f32),
        width: f32,
        grey: Grey,
        dotted: bool,
    },
    /// A rectangle, filled and/or outlined.
    Rect {
        x: f32,
        y: f32,
        width: f32,
        height: f32,
        fill: Option<Grey>,
        stroke: Option<(f32, Grey)>,
    },
    /// A tick mark inside the square at (`x`, `y`) of side `side`.
    Tick { x: f32, y: f32, side: f32 },
    /// An image scaled to the box.
    Image {
        x: f32,
        y: f32,
        width: f32,
        height: f32,
        image: Image,
    },
}

impl Item {
    /// The item moved down by `dy`.
    pub(crate) fn shifted(mut self, dy: f32) -> Self {
        match &mut self {
            Item::Text { y, .. }
            | Item::Rect { y, .. }
            | Item::Tick { y, .. }
            | Item::Image { y, .. } => *y += dy,
            Item::Line { from, to, .. } => {
                from.1 += dy;
                to.1 += dy;
            }
        }
        self
    }

    /// One text item per run of `line`, its line box's top at `top` and its
    /// start at `x`.
    pub(crate) fn line(x: f32, top: f32, line: &Line, size: f32, grey: Grey) -> Vec<Item> {
        let baseline = top + super::style::baseline_offset(size);
        line.runs
            .iter()
            .map(|run| Item::Text {
                x: x + run.x,
                y: baseline,
                size,
                style: run.style,
                grey,
                text: run.text.clone(),
            })
            .collect()
    }
}

/// A slice of content that is never split across pages.
#[derive(Clone, Debug, Default)]
pub(crate) struct Chunk {
    /// Items, with `y` measured from the chunk's top.
    pub(crate) items: Vec<Item>,
    pub(crate) height: f32,
    /// Space above the chunk, dropped at the top of a page.
    pub(crate) space_before: f32,
    /// Keep on the same page as the next chunk.
    pub(crate) keep_with_next: bool,
    /// Index of a table header to repeat above this chunk at the top of a page.
    pub(crate) header: Option<usize>,
    /// Vertical space only: dropped at the top of a page and at a page break.
    pub(crate) discardable: bool,
}

impl Chunk {
    /// A chunk holding `items` in `height`.
    pub(crate) fn new(items: Vec<Item>, height: f32) -> Self {
        Chunk {
            items,
            height,
            ..Chunk::default()
        }
    }

    /// The chunk with `space` above it.
    pub(crate) fn after(mut self, space: f32) -> Self {
        self.space_before = space;
        self
    }

    /// The chunk kept on the same page as the next one.
    pub(crate) fn kept_with_next(mut self) -> Self {
        self.keep_with_next = true;
        self
    }
}

/// One laid-out page.
#[derive(Clone, Debug, Default)]
pub(crate) struct Page {
    pub(crate) items: Vec<Item>,
}
