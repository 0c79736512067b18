//! Markdown to styled text blocks: paragraphs and list items with their
//! emphasis. Everything else Markdown can express is kept as plain text.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use super::fonts::FontStyle;

/// What a text block is, which decides the space above it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A paragraph (or heading, code block…) outside any list item.
    Paragraph,
    /// The first paragraph of a list item: it carries the marker.
    Item,
    /// A further paragraph inside a list item.
    ItemContinued,
}

/// A paragraph of styled text.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct TextBlock {
    pub(crate) kind: Kind,
    /// Number of lists and quotes it is nested in.
    pub(crate) depth: usize,
    /// "•" or "3." before a list item's first line.
    pub(crate) marker: Option<String>,
    pub(crate) spans: Vec<(String, FontStyle)>,
}

impl TextBlock {
    /// The block's text as the spans `wrap` lays out.
    pub(crate) fn wrap_spans(&self) -> Vec<super::wrap::Span<'_>> {
        self.spans
            .iter()
            .map(|(text, style)| super::wrap::Span {
                text,
                style: *style,
            })
            .collect()
    }
}

/// The text blocks of `markdown`, in order. Blank input gives none.
pub(crate) fn parse(markdown: &str) -> Vec<TextBlock> {
    let mut reader = Reader::default();
    for event in Parser::new_ext(markdown, Options::empty()) {
        reader.event(event);
    }
    reader.end_block();
    reader.blocks
}

#[derive(Default)]
struct Reader {
    blocks: Vec<TextBlock>,
    current: Option<TextBlock>,
    /// For each open list, the next item's number (`None`: bullets).
    lists: Vec<Option<u64>>,
    quotes: usize,
    bold: usize,
    italic: usize,
    /// Marker for the next block, set by the start of a list item.
    marker: Option<String>,
}

impl Reader {
    fn event(&mut self, event: Event<'_>) {
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(text)
            | Event::Code(text)
            | Event::Html(text)
            | Event::InlineHtml(text)
            | Event::InlineMath(text)
            | Event::DisplayMath(text)
            | Event::FootnoteReference(text) => self.push(&text),
            Event::SoftBreak => self.push(" "),
            Event::HardBreak => self.push("\n"),
            // Not enabled in the parser options.
            Event::TaskListMarker(_) => {}
            Event::Rule => self.end_block(),
        }
    }

    fn start(&mut self, tag: Tag<'_>) {
        match tag {
            Tag::Strong => self.bold += 1,
            Tag::Emphasis => self.italic += 1,
            Tag::Heading { .. } => {
                self.end_block();
                self.bold += 1;
            }
            Tag::List(first) => {
                self.end_block();
                self.lists.push(first);
            }
            Tag::Item => {
                self.end_block();
                self.marker = Some(self.next_marker());
            }
            Tag::BlockQuote(_) => {
                self.end_block();
                self.quotes += 1;
            }
            Tag::Paragraph | Tag::CodeBlock(_) | Tag::HtmlBlock => self.end_block(),
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Strong => self.bold = self.bold.saturating_sub(1),
            TagEnd::Emphasis => self.italic = self.italic.saturating_sub(1),
            TagEnd::Heading(_) => {
                self.end_block();
                self.bold = self.bold.saturating_sub(1);
            }
            TagEnd::List(_) => {
                self.end_block();
                self.lists.pop();
            }
            TagEnd::BlockQuote(_) => {
                self.end_block();
                self.quotes = self.quotes.saturating_sub(1);
            }
            TagEnd::Paragraph | TagEnd::CodeBlock | TagEnd::HtmlBlock | TagEnd::Item => {
                self.end_block();
            }
            _ => {}
        }
    }

    fn next_marker(&mut self) -> String {
        let depth = self.lists.len();
        match self.lists.last_mut() {
            Some(Some(number)) => {
                let marker = format!("{number}.");
                *number = number.saturating_add(1);
                marker
            }
            _ if depth.is_multiple_of(2) => "–".to_owned(),
            _ => "•".to_owned(),
        }
    }

    fn push(&mut self, text: &str) {
        let style = FontStyle::from_flags(self.bold > 0, self.italic > 0);
        let block = self.current.get_or_insert_with(|| {
            let marker = self.marker.take();
            let kind = match (&marker, self.lists.is_empty()) {
                (Some(_), _) => Kind::Item,
                (None, false) => Kind::ItemContinued,
                (None, true) => Kind::Paragraph,
            };
            TextBlock {
                kind,
                depth: self.lists.len() + self.quotes,
                marker,
                spans: Vec::new(),
            }
        });
        match block.spans.last_mut() {
            Some((last, last_style)) if *last_style == style => last.push_str(text),
            _ => block.spans.push((text.to_owned(), style)),
        }
    }

    fn end_block(&mut self) {
        if let Some(mut block) = self.current.take() {
            if let Some((last, _)) = block.spans.last_mut() {
                last.truncate(last.trim_end_matches('\n').len());
            }
            self.blocks.push(block);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emphasis_becomes_styles() {
        let blocks = parse("Le **filleul** s’engage *sur l’honneur*.");
        assert_eq!(blocks.len(), 1);
        assert_eq!(
            blocks[0].spans,
            [
                ("Le ".to_owned(), FontStyle::Regular),
                ("filleul".to_owned(), FontStyle::Bold),
                (" s’engage ".to_owned(), FontStyle::Regular),
                ("sur l’honneur".to_owned(), FontStyle::Italic),
                (".".to_owned(), FontStyle::Regular),
            ]
        );
    }

    #[test]
    fn lists_get_markers_and_depth() {
        let blocks = parse("Engagements :\n\n1. venir\n2. prévenir\n   - par écrit\n\nFin");
        let summary: Vec<_> = blocks
            .iter()
            .map(|b| (b.kind, b.depth, b.marker.as_deref(), b.spans[0].0.as_str()))
            .collect();
        assert_eq!(
            summary,
            [
                (Kind::Paragraph, 0, None, "Engagements :"),
                (Kind::Item, 1, Some("1."), "venir"),
                (Kind::Item, 1, Some("2."), "prévenir"),
                (Kind::Item, 2, Some("–"), "par écrit"),
                (Kind::Paragraph, 0, None, "Fin"),
            ]
        );
    }

    #[test]
    fn markup_that_is_not_supported_stays_text() {
        let blocks = parse("<b>x</b> [lien](http://a) `code`");
        let text: String = blocks[0].spans.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(text, "<b>x</b> lien code");
    }
}
