//! Markdown typed by staff (interview reports, event reviews, pages) to HTML.
//! Raw HTML in the source is shown as text, never passed through.

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, html};

/// Whether a link target is harmless (web, mail, phone, or relative).
fn safe_url(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    match lower.split_once(':') {
        Some((scheme, _)) if !scheme.contains('/') => {
            matches!(scheme, "http" | "https" | "mailto" | "tel")
        }
        _ => true,
    }
}

/// Renders Markdown to HTML; any HTML tag typed by the user is escaped.
pub fn to_html(markdown: &str) -> String {
    let parser = Parser::new_ext(
        markdown,
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH,
    )
    .map(|event| match event {
        Event::Html(raw) | Event::InlineHtml(raw) => Event::Text(raw),
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }) if !safe_url(&dest_url) => Event::Start(Tag::Link {
            link_type,
            dest_url: CowStr::Borrowed("#"),
            title,
            id,
        }),
        Event::Start(Tag::Image {
            link_type,
            dest_url,
            title,
            id,
        }) if !safe_url(&dest_url) => Event::Start(Tag::Image {
            link_type,
            dest_url: CowStr::Borrowed("#"),
            title,
            id,
        }),
        other => other,
    });
    let mut out = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut out, parser);
    out
}

#[cfg(test)]
mod tests {
    use super::to_html;

    #[test]
    fn typed_html_is_escaped_and_markdown_rendered() {
        let html = to_html("**bien** <script>alert(1)</script>");
        assert!(html.contains("<strong>bien</strong>"));
        assert!(html.contains("&lt;script&gt;"));
        assert!(!html.contains("<script>"));
        let link = to_html("[clic](javascript:alert(1)) [site](https://exemple.fr)");
        assert!(!link.contains("javascript:"));
        assert!(link.contains("href=\"https://exemple.fr\""));
    }
}
