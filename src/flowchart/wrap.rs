//! Plain text broken into lines no wider than a width, measured with the
//! embedded Noto Sans' advance widths (the font the SVG names first).
//!
//! Lines break at spaces (any run of white space counts as one) and after a
//! hyphen inside a word; a no-break space (U+00A0, U+202F, as in « J-15 »)
//! holds its neighbours together. A word wider than the line is cut between
//! characters, so that no line is ever wider than asked.

use crate::font_metrics::{Faces, FontStyle};

/// Slack on widths, so that text measured to fit exactly still fits.
const EPSILON: f32 = 0.01;

/// `text` in `style` at `size`, in lines at most `max_width` wide. Empty or
/// blank text gives no lines.
pub(crate) fn wrap(text: &str, style: FontStyle, size: f32, max_width: f32) -> Vec<String> {
    let face = Faces::get().face(style);
    let width = |s: &str| face.width(s, size);
    let max = max_width.max(0.0) + EPSILON;
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in pieces(text) {
        let candidate = if line.is_empty() || line.ends_with('-') {
            format!("{line}{word}")
        } else {
            format!("{line} {word}")
        };
        if width(&candidate) <= max {
            line = candidate;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        // The word alone: cut it where it overflows.
        for c in word.chars() {
            let mut next = line.clone();
            next.push(c);
            if width(&next) > max && !line.is_empty() {
                lines.push(std::mem::replace(&mut line, c.to_string()));
            } else {
                line = next;
            }
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// At most `max` of `lines`, the last ending with « … » (and still no wider
/// than `max_width`) when some were left out; whether some were.
pub(crate) fn clip(
    mut lines: Vec<String>,
    max: usize,
    style: FontStyle,
    size: f32,
    max_width: f32,
) -> (Vec<String>, bool) {
    if lines.len() <= max || max == 0 {
        return (lines, false);
    }
    lines.truncate(max);
    let face = Faces::get().face(style);
    if let Some(last) = lines.last_mut() {
        loop {
            let candidate = format!("{}…", last.trim_end());
            if face.width(&candidate, size) <= max_width + EPSILON || last.is_empty() {
                *last = candidate;
                break;
            }
            last.pop();
        }
    }
    (lines, true)
}

/// The pieces between break opportunities: words split at white space, and
/// after each hyphen that follows a letter. A piece ending with `-` joins
/// the next one without a space.
fn pieces(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for word in text.split(|c: char| c.is_whitespace() && !is_no_break(c)) {
        if word.is_empty() {
            continue;
        }
        let mut piece = String::new();
        let mut prev_letter = false;
        for c in word.chars() {
            piece.push(c);
            if c == '-' && prev_letter {
                out.push(std::mem::take(&mut piece));
            }
            prev_letter = c.is_alphabetic();
        }
        if !piece.is_empty() {
            out.push(piece);
        }
    }
    out
}

fn is_no_break(c: char) -> bool {
    matches!(c, '\u{00A0}' | '\u{202F}' | '\u{2007}' | '\u{2060}')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn width(text: &str) -> f32 {
        Faces::get().width(FontStyle::Regular, text, 12.0)
    }

    #[test]
    fn lines_break_at_spaces_and_fit() {
        let text = "Le Manager transmet le plan d'action annuel aux conseillers";
        let lines = wrap(text, FontStyle::Regular, 12.0, 120.0);
        assert!(lines.len() >= 3, "{lines:?}");
        for line in &lines {
            assert!(width(line) <= 120.01, "{line} is {} wide", width(line));
        }
        assert_eq!(lines.join(" "), text);
    }

    #[test]
    fn a_long_word_is_cut_and_a_hyphen_is_a_break() {
        let lines = wrap("Anticonstitutionnellement", FontStyle::Regular, 12.0, 60.0);
        assert!(lines.len() >= 2);
        assert_eq!(lines.concat(), "Anticonstitutionnellement");
        assert!(lines.iter().all(|l| width(l) <= 60.01));
        let lines = wrap("compte-rendu", FontStyle::Regular, 12.0, 50.0);
        assert_eq!(lines, ["compte-", "rendu"]);
    }

    #[test]
    fn clipped_text_ends_with_an_ellipsis_that_fits() {
        let lines: Vec<String> = ["un deux trois", "quatre cinq six", "sept huit neuf"]
            .map(String::from)
            .to_vec();
        let width = width("quatre cinq six");
        let (kept, cut) = clip(lines.clone(), 2, FontStyle::Regular, 12.0, width);
        assert!(cut);
        assert_eq!(kept[0], "un deux trois");
        assert!(
            kept[1].starts_with("quatre cinq") && kept[1].ends_with('…'),
            "{kept:?}"
        );
        assert!(super::Faces::get().width(FontStyle::Regular, &kept[1], 12.0) <= width + 0.01);
        assert_eq!(
            clip(lines.clone(), 3, FontStyle::Regular, 12.0, width),
            (lines, false)
        );
    }

    #[test]
    fn no_break_spaces_hold_and_blank_text_has_no_line() {
        let lines = wrap(
            "avant J\u{a0}15 au plus tard",
            FontStyle::Regular,
            12.0,
            40.0,
        );
        assert!(lines.iter().any(|l| l.contains("J\u{a0}15")), "{lines:?}");
        assert!(lines.len() >= 3, "{lines:?}");
        assert!(wrap("  \n ", FontStyle::Regular, 12.0, 100.0).is_empty());
    }
}
