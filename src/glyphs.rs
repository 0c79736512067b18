//! Which characters the forms' font (the embedded Noto Sans) can draw, and
//! what a form prints in place of those it cannot: their transliteration in
//! Latin letters (`deunicode`: « محمد » → `mHmd`, « 李 » → `Li`), so that a
//! name in Arabic, Hebrew, Chinese or an emoji still identifies its row
//! instead of printing as empty boxes.
//!
//! A neutral module: the model warns about such text at `check` and the PDF
//! renderer prints it, both through these functions, so they always agree.

use skrifa::charmap::Charmap;
use skrifa::{FontRef, MetadataProvider};
use std::borrow::Cow;
use std::sync::OnceLock;

/// The character map of the regular face (the other faces of the family
/// cover the same characters).
fn charmap() -> &'static Charmap<'static> {
    static CHARMAP: OnceLock<Charmap<'static>> = OnceLock::new();
    CHARMAP.get_or_init(|| {
        // The bytes are compiled into carnet: failing to parse them is a bug
        // of the build, not something input can cause.
        FontRef::new(notosans::REGULAR_TTF)
            .expect("embedded Noto Sans parses")
            .charmap()
    })
}

/// A look-alike the font has for a character it lacks (spaces of every
/// width, non-breaking hyphens); the PDF still extracts the original.
pub fn substitute(c: char) -> Option<char> {
    match c {
        '\t' | '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' => Some(' '),
        '\u{2010}' | '\u{2011}' => Some('-'),
        _ => None,
    }
}

/// Whether a form prints `c` as itself. Control characters count as
/// drawable: they are left out, not printed as a box.
pub fn drawable(c: char) -> bool {
    c.is_ascii_graphic()
        || c == ' '
        || c.is_control()
        || charmap().map(c).is_some()
        || substitute(c).is_some_and(|s| charmap().map(s).is_some())
}

/// The characters of `text` the font cannot draw, each once, in order.
pub fn missing(text: &str) -> Vec<char> {
    let mut found: Vec<char> = Vec::new();
    for c in text.chars().filter(|&c| !drawable(c)) {
        if !found.contains(&c) {
            found.push(c);
        }
    }
    found
}

/// `text` as a form prints it: each run of characters the font cannot draw
/// replaced by its transliteration (`?` for a character without one),
/// set apart by a space from letters around it.
pub fn printable(text: &str) -> Cow<'_, str> {
    if text.chars().all(drawable) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut run = String::new();
    for c in text.chars() {
        if drawable(c) {
            if !run.is_empty() {
                push_transliterated(&mut out, &run, Some(c));
                run.clear();
            }
            out.push(c);
        } else {
            run.push(c);
        }
    }
    if !run.is_empty() {
        push_transliterated(&mut out, &run, None);
    }
    Cow::Owned(out)
}

/// Appends the transliteration of `run`, with a space between it and a
/// letter or digit before it or (`next`) after it.
fn push_transliterated(out: &mut String, run: &str, next: Option<char>) {
    let latin = deunicode::deunicode_with_tofu(run, "?");
    let latin = latin.trim();
    if latin.is_empty() {
        return;
    }
    let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    if word(out.chars().next_back()) && word(latin.chars().next()) {
        out.push(' ');
    }
    out.push_str(latin);
    if word(next) && word(latin.chars().next_back()) {
        out.push(' ');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_greek_and_cyrillic_are_drawn() {
        for text in [
            "Éloïse Lefèvre-Çelik",
            "« œuvre » — 12 €",
            "Σοφία",
            "Ярослав",
        ] {
            assert_eq!(missing(text), Vec::<char>::new(), "{text}");
            assert_eq!(printable(text), text);
        }
    }

    #[test]
    fn other_scripts_are_missing_and_transliterated() {
        assert_eq!(missing("محمد"), ['م', 'ح', 'د']);
        assert_eq!(printable("محمد"), "mHmd");
        assert_eq!(printable("李"), "Li");
        assert_eq!(printable("王小明"), "Wang Xiao Ming");
        assert_eq!(printable("דוד"), "dvd");
        assert_eq!(printable("Zoé 李"), "Zoé Li");
        assert_eq!(printable("Zoé李"), "Zoé Li");
    }

    #[test]
    fn an_emoji_is_named() {
        assert_eq!(missing("Léa 🦄"), ['🦄']);
        assert_eq!(printable("Léa 🦄"), "Léa unicorn");
    }
}
