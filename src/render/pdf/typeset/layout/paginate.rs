//! Pagination: stacks chunks down pages, starting a new page when the next
//! chunk (with whatever must stay with it) does not fit, and repeating table
//! headers at the top of each page a table continues on.

use super::item::{Chunk, Page};
use super::style::PageGeometry;

/// Content in reading order.
#[derive(Debug, Default)]
pub(crate) struct Flow {
    pub(crate) items: Vec<FlowItem>,
    /// Table headers, referred to by [`Chunk::header`].
    pub(crate) headers: Vec<Chunk>,
}

/// One step of the flow.
#[derive(Debug)]
pub(crate) enum FlowItem {
    Chunk(Chunk),
    PageBreak,
}

/// Places the flow on pages (always at least one page).
pub(crate) fn paginate(flow: &Flow, geometry: &PageGeometry) -> Vec<Page> {
    let mut paginator = Paginator {
        headers: &flow.headers,
        bottom: geometry.body_bottom,
        top: geometry.body_top,
        pages: Vec::new(),
        page: Page::default(),
        y: geometry.body_top,
        empty: true,
        active_header: None,
    };
    for (index, item) in flow.items.iter().enumerate() {
        match item {
            FlowItem::PageBreak => {
                if !paginator.empty {
                    paginator.new_page();
                }
            }
            FlowItem::Chunk(chunk) if chunk.discardable => paginator.skip(chunk),
            FlowItem::Chunk(chunk) => {
                let need = paginator.chain_height(&flow.items[index..]);
                if !paginator.empty && paginator.y + need > paginator.bottom {
                    paginator.new_page();
                }
                paginator.place(chunk);
            }
        }
    }
    paginator.pages.push(paginator.page);
    paginator.pages
}

struct Paginator<'a> {
    headers: &'a [Chunk],
    top: f32,
    bottom: f32,
    pages: Vec<Page>,
    page: Page,
    /// Where the next chunk goes.
    y: f32,
    /// Nothing placed on this page yet.
    empty: bool,
    /// The table header placed on this page, if a table is running.
    active_header: Option<usize>,
}

impl Paginator<'_> {
    fn new_page(&mut self) {
        self.pages.push(std::mem::take(&mut self.page));
        self.y = self.top;
        self.empty = true;
        self.active_header = None;
    }

    /// Vertical space: dropped at the top of a page, and ends the page if it
    /// does not fit.
    fn skip(&mut self, chunk: &Chunk) {
        if self.empty {
            return;
        }
        let next = self.y + chunk.space_before + chunk.height;
        if next > self.bottom {
            self.new_page();
        } else {
            self.y = next;
        }
    }

    /// Height taken by the first chunk of `items` and every chunk it must be
    /// kept with, if placed here.
    fn chain_height(&self, items: &[FlowItem]) -> f32 {
        let mut total = 0.0;
        let mut first = true;
        let mut header = self.active_header;
        for item in items {
            let FlowItem::Chunk(chunk) = item else { break };
            if !(first && self.empty) {
                total += chunk.space_before;
            }
            if chunk.header.is_some() && chunk.header != header {
                header = chunk.header;
                total += chunk
                    .header
                    .and_then(|h| self.headers.get(h))
                    .map_or(0.0, |h| h.height);
            }
            total += chunk.height;
            first = false;
            if !chunk.keep_with_next && !chunk.discardable {
                break;
            }
        }
        total
    }

    fn place(&mut self, chunk: &Chunk) {
        if !self.empty {
            self.y += chunk.space_before;
        }
        if let Some(index) = chunk.header
            && self.active_header != Some(index)
            && let Some(header) = self.headers.get(index)
        {
            self.put(header);
            self.active_header = Some(index);
        }
        self.put(chunk);
    }

    fn put(&mut self, chunk: &Chunk) {
        let y = self.y;
        self.page
            .items
            .extend(chunk.items.iter().map(|item| item.clone().shifted(y)));
        self.y += chunk.height;
        self.empty = false;
    }
}

#[cfg(test)]
mod tests {
    use super::super::document::Orientation;
    use super::super::item::Item;
    use super::*;

    fn marker(label: &str) -> Item {
        Item::Text {
            x: 0.0,
            y: 0.0,
            size: 10.0,
            style: super::super::fonts::FontStyle::Regular,
            grey: 0,
            text: label.to_owned(),
        }
    }

    fn chunk(label: &str, height: f32) -> FlowItem {
        FlowItem::Chunk(Chunk::new(vec![marker(label)], height))
    }

    fn labels(page: &Page) -> Vec<&str> {
        page.items
            .iter()
            .filter_map(|item| match item {
                Item::Text { text, .. } => Some(text.as_str()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn chunks_that_do_not_fit_go_to_the_next_page_with_the_table_header() {
        let geometry = PageGeometry::a4(Orientation::Portrait);
        let row = geometry.body_height() / 4.0;
        let mut flow = Flow {
            headers: vec![Chunk::new(vec![marker("header")], row / 2.0)],
            ..Flow::default()
        };
        flow.items.push(FlowItem::Chunk(
            Chunk::new(vec![marker("title")], 10.0).kept_with_next(),
        ));
        for n in 0..5 {
            let mut c = Chunk::new(vec![marker(&format!("row {n}"))], row);
            c.header = Some(0);
            flow.items.push(FlowItem::Chunk(c));
        }
        let pages = paginate(&flow, &geometry);
        assert_eq!(pages.len(), 2);
        assert_eq!(
            labels(&pages[0]),
            ["title", "header", "row 0", "row 1", "row 2"]
        );
        assert_eq!(labels(&pages[1]), ["header", "row 3", "row 4"]);
    }

    #[test]
    fn a_heading_moves_with_the_chunk_it_is_kept_with() {
        let geometry = PageGeometry::a4(Orientation::Portrait);
        let flow = Flow {
            items: vec![
                chunk("filler", geometry.body_height() - 30.0),
                FlowItem::Chunk(Chunk::new(vec![marker("heading")], 20.0).kept_with_next()),
                chunk("text", 20.0),
                FlowItem::PageBreak,
                FlowItem::PageBreak,
                chunk("last", 20.0),
            ],
            ..Flow::default()
        };
        let pages = paginate(&flow, &geometry);
        assert_eq!(pages.len(), 3);
        assert_eq!(labels(&pages[0]), ["filler"]);
        assert_eq!(labels(&pages[1]), ["heading", "text"]);
        assert_eq!(labels(&pages[2]), ["last"]);
    }
}
