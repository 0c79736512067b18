//! Line breaking: styled text into lines no wider than a given width,
//! measured with the fonts' real advance widths.
//!
//! Lines break at spaces and after hyphens inside words; no-break spaces
//! (U+00A0, U+202F) hold their neighbours together; `\n` forces a break. A
//! word wider than the line is broken between characters.

use super::fonts::{FontStyle, Fonts};

/// Tolerance on widths, so that text measured to fit exactly still fits.
const EPSILON: f32 = 0.01;

/// A piece of text in one style.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Span<'a> {
    pub(crate) text: &'a str,
    pub(crate) style: FontStyle,
}

/// Text in one style on one line.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Run {
    /// Offset from the start of the line.
    pub(crate) x: f32,
    pub(crate) width: f32,
    pub(crate) style: FontStyle,
    pub(crate) text: String,
}

/// One line of set text.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Line {
    pub(crate) runs: Vec<Run>,
    pub(crate) width: f32,
}

impl Line {
    fn push(&mut self, style: FontStyle, text: &str, width: f32) {
        match self.runs.last_mut() {
            Some(run) if run.style == style => {
                run.text.push_str(text);
                run.width += width;
            }
            _ => self.runs.push(Run {
                x: self.width,
                width,
                style,
                text: text.to_owned(),
            }),
        }
        self.width += width;
    }

    fn is_empty(&self) -> bool {
        self.runs.is_empty()
    }
}

/// The result of [`wrap`].
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Wrapped {
    pub(crate) lines: Vec<Line>,
    /// Width of the widest piece that has no break opportunity, at the
    /// size the text was set in. If it exceeds the width, some word was
    /// broken between characters.
    pub(crate) widest_word: f32,
}

/// Sets `spans` at `size` points in lines at most `max_width` wide.
/// Empty text gives no lines.
pub(crate) fn wrap(spans: &[Span<'_>], size: f32, max_width: f32) -> Wrapped {
    let mut wrapper = Wrapper {
        fonts: Fonts::get(),
        max_width: max_width.max(0.0) + EPSILON,
        lines: Vec::new(),
        line: Line::default(),
        word: Word::default(),
        glue: None,
        widest_word: 0.0,
    };
    for span in spans {
        let face = wrapper.fonts.face(span.style);
        for (index, c) in span.text.char_indices() {
            let text = &span.text[index..index + c.len_utf8()];
            if c == '\n' {
                wrapper.end_word();
                wrapper.flush();
                wrapper.glue = None;
                continue;
            }
            let Some(glyph) = face.glyph(c) else { continue };
            let width = glyph.advance * size;
            if is_break_space(c) {
                wrapper.end_word();
                if !wrapper.line.is_empty() && wrapper.glue.is_none() {
                    wrapper.glue = Some((span.style, text, width));
                }
            } else {
                wrapper.word.push(span.style, text, width);
                if is_hyphen(c) && wrapper.word.has_letter {
                    wrapper.end_word();
                }
            }
        }
    }
    wrapper.end_word();
    if !wrapper.line.is_empty() {
        wrapper.flush();
    }
    Wrapped {
        lines: wrapper.lines,
        widest_word: wrapper.widest_word,
    }
}

/// Spaces where a line may break (not the no-break ones).
fn is_break_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{2000}'..='\u{2006}' | '\u{2008}'..='\u{200B}')
}

/// Characters after which a word may break.
fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}')
}

/// Combining marks stay with the character before them.
fn is_combining(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{20D0}'..='\u{20FF}')
}

/// The word being read: its characters with their styles and widths.
#[derive(Default)]
struct Word<'a> {
    chars: Vec<(FontStyle, &'a str, f32)>,
    width: f32,
    has_letter: bool,
}

impl<'a> Word<'a> {
    fn push(&mut self, style: FontStyle, text: &'a str, width: f32) {
        self.has_letter |= text.chars().any(char::is_alphanumeric);
        self.chars.push((style, text, width));
        self.width += width;
    }
}

struct Wrapper<'a> {
    fonts: &'static Fonts,
    max_width: f32,
    lines: Vec<Line>,
    line: Line,
    word: Word<'a>,
    /// The space between the line so far and the next word.
    glue: Option<(FontStyle, &'a str, f32)>,
    widest_word: f32,
}

impl Wrapper<'_> {
    /// Puts the word read so far on the current line, or on a new one.
    fn end_word(&mut self) {
        if self.word.chars.is_empty() {
            return;
        }
        let word = std::mem::take(&mut self.word);
        self.widest_word = self.widest_word.max(word.width);
        let glue = self.glue.take();
        if !self.line.is_empty() {
            let glue_width = glue.map_or(0.0, |(_, _, width)| width);
            if self.line.width + glue_width + word.width <= self.max_width {
                if let Some((style, text, width)) = glue {
                    self.line.push(style, text, width);
                }
                for (style, text, width) in word.chars {
                    self.line.push(style, text, width);
                }
                return;
            }
            self.flush();
        }
        self.place_breaking(word);
    }

    /// Puts a word at the start of a line, breaking it if it is too wide.
    fn place_breaking(&mut self, word: Word<'_>) {
        for (style, text, width) in word.chars {
            let joins_previous = text.chars().next().is_some_and(is_combining);
            if !self.line.is_empty() && !joins_previous && self.line.width + width > self.max_width
            {
                self.flush();
            }
            self.line.push(style, text, width);
        }
    }

    /// Ends the current line (possibly empty, for a blank line).
    fn flush(&mut self) {
        self.lines.push(std::mem::take(&mut self.line));
    }
}

impl Wrapped {
    /// Height of the lines set at `size`.
    pub(crate) fn height(&self, size: f32) -> f32 {
        self.lines.len() as f32 * super::style::line_height(size)
    }

    /// Width of the widest line.
    pub(crate) fn width(&self) -> f32 {
        self.lines.iter().map(|l| l.width).fold(0.0, f32::max)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(text: &str) -> [Span<'_>; 1] {
        [Span {
            text,
            style: FontStyle::Regular,
        }]
    }

    fn texts(wrapped: &Wrapped) -> Vec<String> {
        wrapped
            .lines
            .iter()
            .map(|l| l.runs.iter().map(|r| r.text.as_str()).collect())
            .collect()
    }

    fn width(text: &str) -> f32 {
        Fonts::get().width(FontStyle::Regular, text, 10.0)
    }

    #[test]
    fn breaks_at_spaces_and_keeps_every_line_within_the_width() {
        let text = "Le filleul s’engage à informer son parrain de l’avancée de ses démarches.";
        let max = width("Le filleul s’engage à informer");
        let wrapped = wrap(&plain(text), 10.0, max);
        assert_eq!(
            texts(&wrapped),
            [
                "Le filleul s’engage à informer",
                "son parrain de l’avancée de",
                "ses démarches."
            ]
        );
        assert!(wrapped.lines.iter().all(|l| l.width <= max + EPSILON));
    }

    #[test]
    fn a_word_longer_than_the_line_is_broken() {
        let wrapped = wrap(
            &plain("Anticonstitutionnellement"),
            10.0,
            width("Anticonsti"),
        );
        assert!(wrapped.lines.len() > 1);
        assert_eq!(texts(&wrapped).concat(), "Anticonstitutionnellement");
        assert!(wrapped.widest_word > width("Anticonsti"));
    }

    #[test]
    fn breaks_after_a_hyphen_and_not_at_a_no_break_space() {
        let wrapped = wrap(&plain("Saint-Étienne 12\u{a0}€"), 10.0, width("Saint-Éti"));
        assert_eq!(texts(&wrapped), ["Saint-", "Étienne", "12\u{a0}€"]);
    }

    #[test]
    fn newlines_force_breaks_and_styles_make_runs() {
        let spans = [
            Span {
                text: "Nom : ",
                style: FontStyle::Regular,
            },
            Span {
                text: "DUPONT\nJean",
                style: FontStyle::Bold,
            },
        ];
        let wrapped = wrap(&spans, 10.0, 500.0);
        assert_eq!(texts(&wrapped), ["Nom : DUPONT", "Jean"]);
        let first = &wrapped.lines[0].runs;
        assert_eq!(first.len(), 2);
        assert_eq!(first[1].style, FontStyle::Bold);
        assert!((first[1].x - width("Nom : ")).abs() < 0.001);
    }

    #[test]
    fn empty_text_has_no_lines() {
        assert!(wrap(&plain(""), 10.0, 100.0).lines.is_empty());
    }
}
