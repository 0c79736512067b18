//! The page frame: header (logo, organisation) and footer (title, page
//! number) drawn on every page once the page count is known.

use super::document::Header;
use super::fit::{ellipsize, fit_lines};
use super::fonts::{FontStyle, Fonts};
use super::item::{Item, Page};
use super::style::{
    FOOTER_SIZE, HAIRLINE, INK, MIN_SIZE, MUTED, ORGANISATION_SIZE, PageGeometry, RULE,
    line_height, mm,
};

/// A logo is at most this wide (a wider one is drawn lower).
const MAX_LOGO_WIDTH: f32 = 60.0 * super::style::MM;
/// Gap between the logo and the organisation's name.
const LOGO_GAP: f32 = 4.0 * super::style::MM;

/// Adds the header and the footer to every page.
pub(crate) fn frame(pages: &mut [Page], header: &Header, title: &str, geometry: &PageGeometry) {
    let header = header_items(header, geometry);
    let total = pages.len();
    for (index, page) in pages.iter_mut().enumerate() {
        page.items.extend(header.iter().cloned());
        page.items
            .extend(footer_items(title, index + 1, total, geometry));
    }
}

fn rule(y: f32, geometry: &PageGeometry) -> Item {
    Item::Line {
        from: (geometry.left, y),
        to: (geometry.right(), y),
        width: HAIRLINE,
        grey: RULE,
        dotted: false,
    }
}

fn header_items(header: &Header, geometry: &PageGeometry) -> Vec<Item> {
    let band = geometry.header_height;
    let mut items = Vec::new();
    let mut x = geometry.left;
    if let Some(logo) = &header.logo
        && let Some(ratio) = logo.aspect_ratio()
    {
        let width = (band * ratio).min(MAX_LOGO_WIDTH);
        let height = width / ratio;
        items.push(Item::Image {
            x,
            y: geometry.header_top + (band - height) / 2.0,
            width,
            height,
            image: logo.clone(),
        });
        x += width + LOGO_GAP;
    }
    let name = fit_lines(
        &header.organisation,
        FontStyle::Bold,
        ORGANISATION_SIZE,
        MIN_SIZE,
        geometry.right() - x,
        2,
    );
    let lh = line_height(name.size);
    let top = geometry.header_top + (band - name.wrapped.height(name.size)) / 2.0;
    for (n, line) in name.wrapped.lines.iter().enumerate() {
        items.extend(Item::line(x, top + n as f32 * lh, line, name.size, INK));
    }
    items.push(rule(geometry.header_rule(), geometry));
    items
}

fn footer_items(title: &str, page: usize, total: usize, geometry: &PageGeometry) -> Vec<Item> {
    let number = format!("Page {page} / {total}");
    let number_width = Fonts::get().width(FontStyle::Regular, &number, FOOTER_SIZE);
    let text = |x: f32, text: String| Item::Text {
        x,
        y: geometry.footer_baseline,
        size: FOOTER_SIZE,
        style: FontStyle::Regular,
        grey: MUTED,
        text,
    };
    let title_width = geometry.content_width - number_width - mm(10.0);
    vec![
        rule(geometry.footer_rule(), geometry),
        text(
            geometry.left,
            ellipsize(title, FontStyle::Regular, FOOTER_SIZE, title_width),
        ),
        text(geometry.right() - number_width, number),
    ]
}
