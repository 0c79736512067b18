//! Markdown typed by staff (interview reports, event reviews, pages) to HTML.
//! Raw HTML in the source is shown as text, never passed through.

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd, html};

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
    to_html_below(markdown, 0)
}

/// A heading level at least one below `parent` (1 to 6), so that text typed
/// under an `<h2>` never opens a second `<h1>` or jumps back up the outline.
fn below(level: HeadingLevel, parent: u8) -> HeadingLevel {
    let wanted = (level as u8).max(parent.saturating_add(1)).min(6);
    HeadingLevel::try_from(usize::from(wanted)).unwrap_or(HeadingLevel::H6)
}

/// Renders Markdown shown under a heading of level `parent` (0: none): its
/// headings start one level below. Any HTML tag typed by the user is escaped.
pub fn to_html_below(markdown: &str, parent: u8) -> String {
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
        Event::Start(Tag::Heading {
            level,
            id,
            classes,
            attrs,
        }) => Event::Start(Tag::Heading {
            level: below(level, parent),
            id,
            classes,
            attrs,
        }),
        Event::End(TagEnd::Heading(level)) => Event::End(TagEnd::Heading(below(level, parent))),
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

    #[test]
    fn headings_stay_below_their_parent() {
        let html = super::to_html_below("# Un\n\n## Deux\n\n### Trois\n\n###### Six", 1);
        assert!(html.contains("<h2>Un</h2>"));
        assert!(html.contains("<h2>Deux</h2>"));
        assert!(html.contains("<h3>Trois</h3>"));
        assert!(html.contains("<h6>Six</h6>"));
        assert!(!html.contains("<h1"));
        let deep = super::to_html_below("# Titre", 5);
        assert!(deep.contains("<h6>Titre</h6>"));
    }
}
