//! Markdown typed by staff (interview reports, event reviews, pages) to HTML.
//! Raw HTML in the source is shown as text, never passed through. An image
//! with a remote address is never loaded: it is shown as a link to that
//! address (its alt text as the link text), so that opening a page makes no
//! request outside the site. Links that leave the site carry
//! `rel="noopener noreferrer"`.

use crate::model::markdown::{OPTIONS, is_absolute_url};
use pulldown_cmark::{CowStr, Event, HeadingLevel, Parser, Tag, TagEnd, html};

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

/// The opening `<a …>` of a link: harmful targets become `#`, and a target
/// outside the site gets `rel="noopener noreferrer"` (no referrer sent, no
/// access to this page from the one opened). pulldown-cmark writes the tag, so
/// the address and title are escaped by it.
fn open_link<'a>(
    link_type: pulldown_cmark::LinkType,
    dest_url: CowStr<'a>,
    title: CowStr<'a>,
    id: CowStr<'a>,
) -> Event<'a> {
    let dest_url = if safe_url(&dest_url) {
        dest_url
    } else {
        CowStr::Borrowed("#")
    };
    let remote = is_absolute_url(&dest_url);
    let tag = Event::Start(Tag::Link {
        link_type,
        dest_url,
        title,
        id,
    });
    if !remote {
        return tag;
    }
    let mut open = String::new();
    html::push_html(&mut open, std::iter::once(tag));
    match open.strip_suffix('>') {
        Some(start) => Event::Html(format!("{start} rel=\"noopener noreferrer\">").into()),
        None => Event::Html(open.into()),
    }
}

/// What an open link or image became, to close it the same way.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Open {
    /// A link, rendered.
    Link,
    /// A local image, rendered.
    Image,
    /// A remote image, rendered as a link.
    ImageAsLink,
    /// A link or image inside another one: only its text is kept (a link
    /// cannot hold another, an image's alt text holds no markup).
    TextOnly,
}

/// Renders Markdown shown under a heading of level `parent` (0: none): its
/// headings start one level below. Any HTML tag typed by the user is escaped.
pub fn to_html_below(markdown: &str, parent: u8) -> String {
    super::markdown_memo::cached(markdown, parent, render_below)
}

/// An interview report's HTML under a heading of level `parent` (the fiche)
/// and its plain text (the exports), from one reading of the Markdown: each
/// is what [`to_html_below`] and the [`super::plain_text`] of it make.
pub fn to_html_and_plain_text(markdown: &str, parent: u8) -> (String, String) {
    super::markdown_memo::cached_with_plain_text(markdown, parent, render_both)
}

/// [`to_html_and_plain_text`], without the memo.
fn render_both(markdown: &str, parent: u8) -> (String, String) {
    let events: Vec<Event> = Parser::new_ext(markdown, OPTIONS).collect();
    let plain = super::plain_text::of_events(events.iter().cloned(), markdown.len());
    (html_of(events, markdown.len(), parent), plain)
}

/// [`to_html_below`], without the memo.
fn render_below(markdown: &str, parent: u8) -> String {
    html_of(Parser::new_ext(markdown, OPTIONS), markdown.len(), parent)
}

/// The HTML of the events of a Markdown text of `len` bytes shown under a
/// heading of level `parent`.
fn html_of<'a>(events: impl IntoIterator<Item = Event<'a>>, len: usize, parent: u8) -> String {
    let mut open: Vec<Open> = Vec::new();
    let parser = events.into_iter().filter_map(|event| {
        let in_link = open
            .iter()
            .any(|o| matches!(o, Open::Link | Open::ImageAsLink));
        let in_image = open
            .iter()
            .any(|o| matches!(o, Open::Image | Open::ImageAsLink));
        Some(match event {
            Event::Html(raw) | Event::InlineHtml(raw) => Event::Text(raw),
            Event::Start(Tag::Link { .. }) if in_link || in_image => {
                open.push(Open::TextOnly);
                return None;
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                open.push(Open::Link);
                open_link(link_type, dest_url, title, id)
            }
            Event::Start(Tag::Image { dest_url, .. })
                if is_absolute_url(&dest_url) && (in_link || in_image) =>
            {
                open.push(Open::TextOnly);
                return None;
            }
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) if is_absolute_url(&dest_url) => {
                open.push(Open::ImageAsLink);
                open_link(link_type, dest_url, title, id)
            }
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                open.push(Open::Image);
                Event::Start(Tag::Image {
                    link_type,
                    dest_url: if safe_url(&dest_url) {
                        dest_url
                    } else {
                        CowStr::Borrowed("#")
                    },
                    title,
                    id,
                })
            }
            Event::End(TagEnd::Link | TagEnd::Image) => match open.pop()? {
                Open::TextOnly => return None,
                Open::Image => Event::End(TagEnd::Image),
                Open::Link | Open::ImageAsLink => Event::End(TagEnd::Link),
            },
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
        })
    });
    let mut out = String::with_capacity(len * 3 / 2);
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

    #[test]
    fn remote_images_become_links_and_local_ones_stay_images() {
        let html = to_html(
            "![pixel](https://t.example/p.png \"t\") ![plan](images/plan.png) ![x](//t.example/q.png)",
        );
        assert!(!html.contains("<img src=\"https:"), "{html}");
        assert!(!html.contains("<img src=\"//"), "{html}");
        assert!(
            html.contains(
                "<a href=\"https://t.example/p.png\" title=\"t\" rel=\"noopener noreferrer\">pixel</a>"
            ),
            "{html}"
        );
        assert!(
            html.contains("<img src=\"images/plan.png\" alt=\"plan\""),
            "{html}"
        );
        assert!(html.contains(">x</a>"), "{html}");
    }

    #[test]
    fn a_remote_image_inside_a_link_keeps_its_text_only() {
        let html =
            to_html("[![logo](https://t.example/l.png)](https://exemple.fr) [ici](page.html)");
        assert!(!html.contains("<img"), "{html}");
        assert_eq!(html.matches("<a ").count(), 2, "{html}");
        assert!(
            html.contains("rel=\"noopener noreferrer\">logo</a>"),
            "{html}"
        );
        assert!(html.contains("<a href=\"page.html\">ici</a>"), "{html}");
    }
}
