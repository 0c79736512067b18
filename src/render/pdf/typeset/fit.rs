//! Fitting plain text into a given width: shrinking it as a last resort,
//! or cutting it with an ellipsis where it must stay on one line.

use super::fonts::{FontStyle, Fonts};
use super::wrap::{Span, Wrapped, wrap};

/// Text set to fit a width, and the size it was set at.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Fitted {
    pub(crate) size: f32,
    pub(crate) wrapped: Wrapped,
}

/// Wraps `text` in `width` at `size`; if a single word is wider than
/// `width`, sets the whole text smaller (down to `min_size`) so that it
/// fits, and breaks the word only if even that is not enough.
pub(crate) fn fit_words(
    text: &str,
    style: FontStyle,
    size: f32,
    min_size: f32,
    width: f32,
) -> Fitted {
    let spans = [Span { text, style }];
    let wrapped = wrap(&spans, size, width);
    if wrapped.widest_word <= width || size <= min_size {
        return Fitted { size, wrapped };
    }
    // Widths scale with the size; a hair under the exact ratio keeps float
    // rounding from tipping the word over the edge.
    let smaller = (size * width / wrapped.widest_word * 0.999).max(min_size);
    Fitted {
        size: smaller,
        wrapped: wrap(&spans, smaller, width),
    }
}

/// Like [`fit_words`], then shrinks further until the text takes at most
/// `max_lines` lines (or `min_size` is reached).
pub(crate) fn fit_lines(
    text: &str,
    style: FontStyle,
    size: f32,
    min_size: f32,
    width: f32,
    max_lines: usize,
) -> Fitted {
    let mut fitted = fit_words(text, style, size, min_size, width);
    while fitted.wrapped.lines.len() > max_lines && fitted.size > min_size {
        let smaller = (fitted.size - 0.5).max(min_size);
        fitted = fit_words(text, style, smaller, min_size, width);
    }
    fitted
}

/// `text` on one line: as is if it fits `width`, otherwise cut at a
/// character and ended with "…".
pub(crate) fn ellipsize(text: &str, style: FontStyle, size: f32, width: f32) -> String {
    let face = Fonts::get().face(style);
    let single_line: String = text
        .chars()
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .collect();
    if face.width(&single_line, size) <= width {
        return single_line;
    }
    let budget = width - face.width("…", size);
    let mut used = 0.0;
    let mut out = String::new();
    for c in single_line.chars() {
        let advance = face.glyph(c).map_or(0.0, |g| g.advance * size);
        if used + advance > budget {
            break;
        }
        used += advance;
        out.push(c);
    }
    out.truncate(out.trim_end().len());
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_word_shrinks_the_text_until_it_fits() {
        let fonts = Fonts::get();
        let word = "Mireille-Joséphine";
        let width = fonts.width(FontStyle::Regular, "Mireille-Jos", 9.0);
        let fitted = fit_words(
            "Wolfeschlegelsteinhausen",
            FontStyle::Regular,
            9.0,
            3.0,
            width,
        );
        assert!(fitted.size < 9.0 && fitted.size >= 3.0);
        assert_eq!(fitted.wrapped.lines.len(), 1);
        assert!(fitted.wrapped.width() <= width);
        // A hyphenated name breaks at its hyphen instead of shrinking.
        let fitted = fit_words(word, FontStyle::Regular, 9.0, 5.0, width);
        assert_eq!(fitted.size, 9.0);
        assert_eq!(fitted.wrapped.lines.len(), 2);
    }

    #[test]
    fn shrinking_stops_at_the_minimum_and_then_breaks() {
        let fitted = fit_words(&"M".repeat(60), FontStyle::Bold, 9.0, 5.0, 40.0);
        assert_eq!(fitted.size, 5.0);
        assert!(fitted.wrapped.lines.len() > 1);
        assert!(fitted.wrapped.lines.iter().all(|l| l.width <= 40.01));
    }

    #[test]
    fn ellipsize_cuts_long_text_only() {
        assert_eq!(ellipsize("Court", FontStyle::Regular, 8.0, 200.0), "Court");
        let cut = ellipsize(
            &"Très long titre ".repeat(20),
            FontStyle::Regular,
            8.0,
            100.0,
        );
        assert!(cut.ends_with('…'));
        assert!(Fonts::get().width(FontStyle::Regular, &cut, 8.0) <= 100.0);
    }
}
