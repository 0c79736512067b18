//! content/pages/*.md: Markdown with a YAML front matter.

use super::records::Text;
use super::spanned::Sp;
use crate::diagnostic::{Diagnostic, msg};
use crate::source::{FileId, SourceFile, Span};
use schemars::JsonSchema;
use serde::Deserialize;
use serde::de::DeserializeOwned;

/// The front matter of a page.
#[derive(Clone, Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FrontMatter {
    /// Titre de la page
    pub titre: Option<Text>,
    /// Ordre dans le menu
    pub ordre: Option<Sp<i32>>,
    /// Afficher dans le menu
    pub menu: Option<Sp<bool>>,
}

/// A free page: front matter and Markdown body.
#[derive(Clone, Debug)]
pub struct RawPage {
    /// Front matter.
    pub front: FrontMatter,
    /// Markdown after the front matter.
    pub body: String,
}

/// Splits `---` front matter from the body and parses it.
pub(super) fn parse(source: &SourceFile, file: FileId) -> super::ParseOutcome<RawPage> {
    parse_front::<FrontMatter>(source, file).map(|(front, body)| RawPage { front, body })
}

/// Splits `---` front matter from the body and parses the front matter into
/// `T` (the default when there is none), keeping the file's own offsets.
pub(super) fn parse_front<T: DeserializeOwned + Default>(
    source: &SourceFile,
    file: FileId,
) -> super::ParseOutcome<(T, String)> {
    let text = source.text.as_str();
    let Some(rest) = text
        .strip_prefix("---\n")
        .or_else(|| text.strip_prefix("---\r\n"))
    else {
        return super::ParseOutcome {
            record: Some((T::default(), text.to_string())),
            diagnostics: Vec::new(),
        };
    };
    let start = text.len() - rest.len();
    let Some(end) = rest.find("\n---").map(|n| start + n + 1) else {
        return super::ParseOutcome::failed(vec![
            Diagnostic::error_msg(
                Span::new(file, 0..3),
                msg(
                    "l'en-tête « --- » n'est jamais refermé",
                    "the « --- » header is never closed",
                ),
            )
            .expected_msg(msg(
                "une ligne « --- » après les réglages de la page",
                "a « --- » line after the settings of the page",
            )),
        ]);
    };
    let after = &text[end + 3..];
    let body = after
        .strip_prefix('\n')
        .or(after.strip_prefix("\r\n"))
        .unwrap_or(after);
    let body = body.to_string();
    if text[start..end].trim().is_empty() {
        return super::ParseOutcome {
            record: Some((T::default(), body)),
            diagnostics: Vec::new(),
        };
    }
    // The opening `---` is blanked so that every offset is the file's own.
    let padded = format!("{}{}", " ".repeat(3), &text[3..end]);
    super::parse_outcome::<T>(&padded, file).map(|front| (front, body))
}
