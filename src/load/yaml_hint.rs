//! Everyday French text that breaks YAML, recognised from the lines around a
//! parse error and explained with its fix: « : » inside an unquoted text
//! (`compte_rendu: Bilan : a postulé`), a quote inside a quoted text
//! (`titre: "Atelier "CV""`) or text after it, no space after a colon
//! (`nom:Dupont`), a list item holding « : » (`- Jean Dupont : formateur`), and
//! a line indented under a text, which YAML reads as the rest of that text.

use super::yaml_error::{
    Recovery, block_end, indentation, line_bounds, quoted_len, recover_key, recover_value,
};
use crate::diagnostic::{Msg, msg};
use std::ops::Range;

/// What a parse error really is, in the user's words.
pub(super) struct Hint {
    /// The bytes at fault.
    pub span: Range<usize>,
    /// What is wrong.
    pub message: Msg,
    /// The fix.
    pub expected: Msg,
    /// What to set aside to go on reading the file.
    pub recovery: Option<Recovery>,
}

/// One line of the text: where it starts, its text, and where its content
/// starts once indentation and `- ` markers are skipped.
#[derive(Clone, Copy)]
struct Line<'a> {
    start: usize,
    text: &'a str,
    content: usize,
}

impl<'a> Line<'a> {
    fn at(text: &'a str, at: usize) -> Line<'a> {
        let (start, end) = line_bounds(text, at);
        let line = text[start..end].trim_end_matches('\r');
        Line {
            start,
            text: line,
            content: indentation(line).1,
        }
    }

    /// Whether the line holds nothing but spaces or a comment.
    fn is_blank(&self) -> bool {
        let trimmed = self.text.trim();
        trimmed.is_empty() || trimmed.starts_with('#')
    }

    /// `key: value` (or `key:` alone): the key, and where the value starts
    /// in the line (its end when there is none).
    fn key_value(&self) -> Option<(&'a str, usize)> {
        let content = &self.text[self.content..];
        let colon = content.find(':')?;
        let key = &content[..colon];
        let after = &content[colon + 1..];
        let plain_key = !key.is_empty()
            && !key.starts_with(['-', '?'])
            && !key.contains(|c: char| c.is_whitespace() || "\"'#{}[],&*!|>%@`".contains(c));
        if !plain_key || !(after.is_empty() || after.starts_with([' ', '\t'])) {
            return None;
        }
        let value = self.content + colon + 1 + (after.len() - after.trim_start().len());
        Some((key, value))
    }

    /// The value written after `key:` (trailing spaces cut), with its start in the file.
    fn value(&self) -> Option<(&'a str, &'a str, usize)> {
        let (key, at) = self.key_value()?;
        Some((key, self.text[at..].trim_end(), self.start + at))
    }

    /// The line before this one that holds something, if any.
    fn previous(&self, text: &'a str) -> Option<Line<'a>> {
        let mut end = self.start.checked_sub(1)?;
        loop {
            let line = Line::at(text, end);
            if !line.is_blank() {
                return Some(line);
            }
            end = line.start.checked_sub(1)?;
        }
    }

    /// The line after this one that holds something, if any.
    fn next(&self, text: &'a str) -> Option<Line<'a>> {
        let mut start = self.start + self.text.len();
        loop {
            start = start + text[start..].find('\n')? + 1;
            let line = Line::at(text, start);
            if !line.is_blank() {
                return Some(line);
            }
        }
    }

    fn indent(&self) -> usize {
        self.text.len() - self.text.trim_start_matches(' ').len()
    }

    /// The content of the line, trailing spaces cut, as a range of the file
    /// (from its first character when the line is a bare list dash, `- `).
    fn content_range(&self) -> Range<usize> {
        let end = self.text.trim_end().len();
        let from = if self.content < end {
            self.content
        } else {
            self.text.len() - self.text.trim_start().len()
        };
        self.start + from.min(end)..self.start + end
    }
}

/// A text value written without quotes on its key's line (not `|`, `>`, `[…]`, `{…}`).
fn is_plain_text(value: &str) -> bool {
    !value.is_empty() && !value.starts_with(['"', '\'', '|', '>', '[', '{', '#', '&', '*', '!'])
}

/// `text` written as a YAML quoted value: in double quotes, or in single
/// quotes when it holds a double quote.
pub(super) fn quoted(text: &str) -> String {
    if text.contains('"') {
        format!("'{}'", text.replace('\'', "''"))
    } else {
        format!("\"{text}\"")
    }
}

/// The hint for a syntax error at `at`, if the text around it is one of the
/// known traps.
pub(super) fn syntax(text: &str, at: usize) -> Option<Hint> {
    let line = Line::at(text, at);
    let lines = std::iter::once(line).chain(line.previous(text));
    let candidates: Vec<Line> = if line.is_blank() {
        lines.skip(1).collect()
    } else {
        lines.take(1).collect()
    };
    candidates.into_iter().find_map(|line| {
        missing_space(text, line)
            .or_else(|| unclosed_quote(text, line))
            .or_else(|| inner_quote(text, line))
            .or_else(|| colon_in_text(text, line, at))
            .or_else(|| {
                // The lines read as the text may hold other fields: stop there.
                continued(text, line.previous(text)?, line).map(|hint| Hint {
                    recovery: None,
                    ..hint
                })
            })
    })
}

/// The hint for a value error at `at` (« 1 » is not a number) whose real
/// cause is the next line, indented under it and read as the rest of it.
pub(super) fn value(text: &str, at: usize) -> Option<Hint> {
    let line = Line::at(text, at);
    continued(text, line, line.next(text)?)
}

/// The hint for an unknown field at `at` that is a text with « : » in it
/// (`- Jean Dupont : formateur`): a field name has no spaces.
pub(super) fn key(text: &str, at: usize) -> Option<Hint> {
    let line = Line::at(text, at);
    let written = line.text.get(at - line.start..)?.trim_end();
    let (field, _) = written.split_once(':')?;
    let field = field.trim_end();
    if !field.contains(char::is_whitespace) || field.starts_with(['"', '\'']) {
        return None;
    }
    let marker = line.text.get(..at - line.start)?.trim_start();
    Some(Hint {
        span: at..at + written.len(),
        message: msg(
            format!("« : » dans le texte « {written} » : YAML y voit un champ « {field} »"),
            format!("« : » in the text « {written} »: YAML sees a field « {field} » there"),
        ),
        expected: msg(
            format!("le texte entre guillemets : {marker}{}", quoted(written)),
            format!("the text in quotes: {marker}{}", quoted(written)),
        ),
        recovery: recover_key(text, at),
    })
}

/// `nom:Dupont`: no space after the colon, so YAML reads one word, not a field.
fn missing_space(text: &str, line: Line) -> Option<Hint> {
    let content = &line.text[line.content..];
    let colon = content.find(':')?;
    let (key, rest) = (&content[..colon], content[colon + 1..].trim_end());
    let is_key = key
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    if !is_key || rest.is_empty() || rest.starts_with([' ', '\t', ':', '/']) {
        return None;
    }
    let span = line.content_range();
    let (_, line_end) = line_bounds(text, line.start);
    Some(Hint {
        span: span.clone(),
        message: msg(
            format!("il manque une espace après « {key}: »"),
            format!("a space is missing after « {key}: »"),
        ),
        expected: msg(
            format!("« {key}: {rest} », avec une espace après les deux-points"),
            format!("« {key}: {rest} », with a space after the colon"),
        ),
        recovery: Some(Recovery {
            range: span.start..block_end(text, line_end, line.content, false),
            dropped_field: Some(key.to_string()),
        }),
    })
}

/// `nom: "Abel` with no closing quote: YAML reads the lines below as the
/// rest of the text, up to the next quote, and stops on what follows that
/// quote, lines later. The hint points at the value whose quote is open,
/// when the text it opens closes on the line of the error.
fn unclosed_quote(text: &str, line: Line) -> Option<Hint> {
    let mut above = line.previous(text)?;
    let (key, value, at) = loop {
        match above.value() {
            Some((key, value, at))
                if value.starts_with(['"', '\'']) && quoted_len(value).is_none() =>
            {
                break (key, value, at);
            }
            _ => above = above.previous(text)?,
        }
    };
    let closes = at + quoted_len(&text[at..])?;
    if closes <= line.start || closes > line.start + line.text.len() {
        return None;
    }
    let closing_line = text[..line.start].matches('\n').count() + 1;
    let fixed = format!("{key}: {value}{}", &value[..1]);
    Some(Hint {
        span: at..at + value.len(),
        message: msg(
            format!(
                "guillemet ouvrant sans guillemet fermant sur sa ligne : YAML lit la suite comme le texte de « {key} », jusqu'au guillemet de la ligne {closing_line}"
            ),
            format!(
                "opening quote with no closing quote on its line: YAML reads what follows as the text of « {key} », up to the quote on line {closing_line}"
            ),
        ),
        expected: msg(
            format!("le texte fermé sur sa ligne : {fixed}"),
            format!("the text closed on its line: {fixed}"),
        ),
        recovery: recover_value(text, at),
    })
}

/// `titre: "Atelier "CV" et lettre"`: the second quote closes the text.
fn inner_quote(text: &str, line: Line) -> Option<Hint> {
    let (key, value, at) = line.value()?;
    let quote = value.chars().next().filter(|c| matches!(c, '"' | '\''))?;
    let closed = quoted_len(value)?;
    let after = value[closed..].trim_start();
    if after.is_empty() || after.starts_with('#') {
        return None;
    }
    let inner = value
        .strip_prefix(quote)
        .and_then(|v| v.strip_suffix(quote))
        .unwrap_or(value);
    if !after.contains(quote) {
        return Some(Hint {
            span: at..at + value.len(),
            message: msg(
                "du texte suit le guillemet fermant : seul le texte entre les guillemets est lu",
                "text follows the closing quote: only the text between the quotes is read",
            ),
            expected: msg(
                format!(
                    "toute la valeur entre guillemets : {key}: {}",
                    quoted(value)
                ),
                format!("the whole value in quotes: {key}: {}", quoted(value)),
            ),
            recovery: recover_value(text, at),
        });
    }
    let (message, fix) = if quote == '"' {
        (
            msg(
                "guillemet « \" » à l'intérieur d'un texte entre guillemets : le texte s'arrête à ce guillemet",
                "quote « \" » inside a text in quotes: the text stops at this quote",
            ),
            format!("{key}: {}", quoted(inner)),
        )
    } else {
        (
            msg(
                "apostrophe à l'intérieur d'un texte entre apostrophes : le texte s'arrête à cette apostrophe",
                "apostrophe inside a text in apostrophes: the text stops at this apostrophe",
            ),
            format!("{key}: \"{}\"", inner.replace('"', "\\\"")),
        )
    };
    Some(Hint {
        span: at..at + value.len(),
        message,
        expected: msg(
            format!("le texte entre d'autres guillemets : {fix}"),
            format!("the text in other quotes: {fix}"),
        ),
        recovery: recover_value(text, at),
    })
}

/// `compte_rendu: Bilan : a postulé`: « : » and a space inside an unquoted
/// text start a new field for YAML.
fn colon_in_text(text: &str, line: Line, at: usize) -> Option<Hint> {
    let (key, value, start) = line.value()?;
    let colon = value
        .find(": ")
        .or_else(|| value.strip_suffix(':').map(|v| v.len()));
    if !is_plain_text(value) || colon.is_none() || at < start {
        return None;
    }
    Some(Hint {
        span: start..start + value.len(),
        message: msg(
            format!("« : » dans le texte de « {key} » : YAML y voit un nouveau champ"),
            format!("« : » in the text of « {key} »: YAML sees a new field there"),
        ),
        expected: msg(
            format!(
                "le texte entre guillemets : {key}: {} (ou « {key}: | » puis le texte sur les lignes suivantes, plus indentées)",
                quoted(value)
            ),
            format!(
                "the text in quotes: {key}: {} (or « {key}: | » then the text on the next lines, indented more)",
                quoted(value)
            ),
        ),
        recovery: recover_value(text, start),
    })
}

/// A line indented under `key: text`, which YAML reads as the rest of the text.
fn continued(text: &str, above: Line, line: Line) -> Option<Hint> {
    let (key, value, start) = above.value()?;
    if !is_plain_text(value) || line.indent() <= above.content {
        return None;
    }
    Some(Hint {
        span: line.content_range(),
        message: msg(
            format!(
                "ligne plus indentée que « {key} » au-dessus : YAML la lit comme la suite de sa valeur"
            ),
            format!(
                "line indented more than « {key} » above: YAML reads it as the rest of its value"
            ),
        ),
        expected: msg(
            format!(
                "cette ligne alignée sur « {key} » (même indentation), ou un texte de plusieurs lignes écrit « {key}: | »"
            ),
            format!(
                "this line aligned with « {key} » (the same indentation), or a text of several lines written « {key}: | »"
            ),
        ),
        recovery: recover_value(text, start).map(|r| Recovery {
            dropped_field: Some(key.to_string()),
            ..r
        }),
    })
}
