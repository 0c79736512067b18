//! Markdown typed by staff as plain readable text, for the exports (a
//! spreadsheet cell shows text as it is, so `**deux**` would show its
//! asterisks): paragraphs and headings kept as paragraphs, list items on their
//! own line after « – » (numbered ones after their number), emphasis marks
//! dropped, a link or image as its text, a line break inside a paragraph as a
//! space (the source's line wrapping), a hard break as a new line. Typed HTML
//! stays as typed: it is text for a cell.

use pulldown_cmark::{Event, Tag, TagEnd};

/// One open list: its next number, for a numbered one.
struct List {
    next: Option<u64>,
}

/// Writes the separator a block that ended left pending (none at the start).
fn start_block(out: &mut String, pending: &mut Option<&str>) {
    if let Some(sep) = pending.take()
        && !out.is_empty()
    {
        out.push_str(sep);
    }
}

/// `markdown` as plain text (see the module's doc); the view reads it with
/// its HTML, by [`super::markdown::to_html_and_plain_text`].
#[cfg(test)]
pub fn to_plain_text(markdown: &str) -> String {
    use crate::model::markdown::OPTIONS;
    use pulldown_cmark::Parser;
    of_events(Parser::new_ext(markdown, OPTIONS), markdown.len())
}

/// [`to_plain_text`] of the events of a Markdown text of `len` bytes (read
/// once by [`super::markdown::to_html_and_plain_text`] for both forms).
pub(super) fn of_events<'a>(events: impl IntoIterator<Item = Event<'a>>, len: usize) -> String {
    let mut out = String::with_capacity(len);
    let mut lists: Vec<List> = Vec::new();
    // A block ended: the next text starts a new line, or a new paragraph
    // (a blank line) outside a list.
    let mut pending: Option<&str> = None;
    for event in events {
        match event {
            Event::Start(Tag::List(first)) => {
                lists.push(List { next: first });
                pending = pending.or(Some("\n"));
            }
            Event::End(TagEnd::List(_)) => {
                lists.pop();
                pending = Some(if lists.is_empty() { "\n\n" } else { "\n" });
            }
            Event::Start(Tag::Item) => {
                start_block(&mut out, &mut pending);
                if !out.is_empty() && !out.ends_with('\n') {
                    out.push('\n');
                }
                let depth = lists.len().saturating_sub(1);
                out.push_str(&"  ".repeat(depth));
                match lists.last_mut().and_then(|l| l.next.as_mut()) {
                    Some(n) => {
                        out.push_str(&format!("{n}. "));
                        *n += 1;
                    }
                    None => out.push_str("– "),
                }
            }
            Event::End(TagEnd::Item) => pending = Some("\n"),
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::CodeBlock
                | TagEnd::BlockQuote(_)
                | TagEnd::Table,
            ) => {
                pending = Some(if lists.is_empty() { "\n\n" } else { "\n" });
            }
            Event::End(TagEnd::TableRow | TagEnd::TableHead) => pending = Some("\n"),
            Event::End(TagEnd::TableCell) => out.push_str(" | "),
            Event::Text(text) | Event::Code(text) | Event::Html(text) | Event::InlineHtml(text) => {
                start_block(&mut out, &mut pending);
                out.push_str(&text);
            }
            Event::SoftBreak => out.push(' '),
            Event::HardBreak => out.push('\n'),
            Event::Rule => pending = Some("\n\n"),
            _ => {}
        }
    }
    // A table row's last cell leaves its separator behind.
    let lines: Vec<&str> = out
        .lines()
        .map(|l| l.trim_end_matches(" | ").trim_end())
        .collect();
    lines.join("\n").trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::to_plain_text;

    #[test]
    fn a_report_reads_as_plain_text() {
        let markdown = "# Point d'étape\n\nOn se fixe un objectif **simple** : deux\ncandidatures par *semaine*.\n\nÀ préparer :\n\n- le [CV](https://exemple.fr/cv) ;\n- la lettre, ~~vite~~ avec soin.\n\nProchain rendez-vous le 2 décembre.";
        assert_eq!(
            to_plain_text(markdown),
            "Point d'étape\n\nOn se fixe un objectif simple : deux candidatures par semaine.\n\nÀ préparer :\n\n– le CV ;\n– la lettre, vite avec soin.\n\nProchain rendez-vous le 2 décembre."
        );
    }

    #[test]
    fn numbered_and_nested_lists_keep_their_order() {
        let markdown = "1. appeler\n2. écrire\n   - au directeur\n   - à la DRH\n\nFin.";
        assert_eq!(
            to_plain_text(markdown),
            "1. appeler\n2. écrire\n  – au directeur\n  – à la DRH\n\nFin."
        );
    }

    #[test]
    fn breaks_code_and_typed_html_stay_readable() {
        assert_eq!(
            to_plain_text("ligne un  \nligne deux, `code` et <b>gras</b>"),
            "ligne un\nligne deux, code et <b>gras</b>"
        );
        assert_eq!(
            to_plain_text("![plan du site](images/plan.png)"),
            "plan du site"
        );
        assert_eq!(to_plain_text(""), "");
    }
}
