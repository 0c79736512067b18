//! Turns a YAML parser error into a diagnostic in the user's words.

use crate::diagnostic::Diagnostic;
use crate::source::{FileId, SourceFile, Span};

/// The diagnostic of a parse error of `text`, found at byte `offset` of `source`.
pub(super) fn to_diagnostic(
    error: &serde_saphyr::Error,
    text: &str,
    source: &SourceFile,
    file: FileId,
    offset: usize,
) -> Diagnostic {
    let start = error
        .location()
        .map(|location| {
            let span = location.span();
            match span.byte_offset() {
                Some(byte) => byte as usize,
                None => {
                    let inner =
                        SourceFile::new(String::new(), Default::default(), text.to_string());
                    inner.offset_of(location.line() as usize, location.column() as usize)
                }
            }
        })
        .unwrap_or(0)
        .min(text.len())
        + offset;
    let end = source.text[start..]
        .find(['\n', ':'])
        .map_or(source.text.len(), |n| start + n)
        .max(start);
    let raw = plain_message(error);
    let (message, expected) = translate(&raw);
    let diagnostic = Diagnostic::error(Span::new(file, start..end), message);
    match expected {
        Some(expected) => diagnostic.expected(expected),
        None => diagnostic,
    }
}

fn plain_message(error: &serde_saphyr::Error) -> String {
    let options = serde_saphyr::render_options! { snippets: serde_saphyr::SnippetMode::Off };
    let text = error.without_snippet().render_with_options(options);
    // The parser appends " at line L column C": the diagnostic shows the place itself.
    match text.rfind(" at line ") {
        Some(cut) => text[..cut].to_string(),
        None => text,
    }
}

/// Between backquotes: `nom` in "unknown field `nom`".
fn quoted(text: &str) -> Vec<&str> {
    text.split('`').skip(1).step_by(2).collect()
}

/// French wording for the parser's most common messages.
fn translate(raw: &str) -> (String, Option<String>) {
    if raw.starts_with("unknown field") {
        let names = quoted(raw);
        let field = names.first().copied().unwrap_or("?");
        let expected = if names.len() > 1 {
            Some(format!("un des champs {}", names[1..].join(", ")))
        } else {
            Some("aucun champ à cet endroit".to_string())
        };
        return (
            format!("champ inconnu « {field} » (faute de frappe ?)"),
            expected,
        );
    }
    if raw.starts_with("missing field") {
        let names = quoted(raw);
        let field = names.first().copied().unwrap_or("?");
        return (format!("champ obligatoire manquant « {field} »"), None);
    }
    if raw.starts_with("duplicate field") {
        let names = quoted(raw);
        let field = names.first().copied().unwrap_or("?");
        return (
            format!("le champ « {field} » apparaît deux fois"),
            Some("chaque champ une seule fois".into()),
        );
    }
    if raw.contains("invalid type") {
        let expected = raw
            .split("expected ")
            .nth(1)
            .map(|e| expected_in_french(e.trim()));
        return (format!("valeur d'un type inattendu ({raw})"), expected);
    }
    (format!("YAML invalide : {raw}"), None)
}

fn expected_in_french(expected: &str) -> String {
    match expected {
        "a boolean" => "true ou false".into(),
        "a string" => "du texte".into(),
        "a sequence" => "une liste (lignes commençant par « - »)".into(),
        e if e.starts_with("struct ") || e == "a map" => "une table (champ: valeur)".into(),
        e if e.starts_with("u8") || e.starts_with("u32") || e.starts_with("i32") => {
            "un nombre entier".into()
        }
        other => other.to_string(),
    }
}
