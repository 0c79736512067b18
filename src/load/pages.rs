//! content/pages/*.md: Markdown with a YAML front matter.

use super::records::Text;
use super::spanned::Sp;
use crate::diagnostic::Diagnostic;
use crate::source::{FileId, SourceFile, Span};
use schemars::JsonSchema;
use serde::Deserialize;

/// The front matter of a page.
#[derive(Debug, Default, Deserialize, JsonSchema)]
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
#[derive(Debug)]
pub struct RawPage {
    /// Front matter.
    pub front: FrontMatter,
    /// Markdown after the front matter.
    pub body: String,
}

/// Splits `---` front matter from the body and parses it.
pub(super) fn parse(source: &SourceFile, file: FileId) -> Result<RawPage, Vec<Diagnostic>> {
    let text = source.text.as_str();
    let Some(rest) = text
        .strip_prefix("---\n")
        .or_else(|| text.strip_prefix("---\r\n"))
    else {
        return Ok(RawPage {
            front: FrontMatter::default(),
            body: text.to_string(),
        });
    };
    let start = text.len() - rest.len();
    let Some(end) = rest.find("\n---").map(|n| start + n + 1) else {
        return Err(vec![
            Diagnostic::error(
                Span::new(file, 0..3),
                "l'en-tête « --- » n'est jamais refermé",
            )
            .expected("une ligne « --- » après les réglages de la page"),
        ]);
    };
    let front_text = &text[start..end];
    let front = if front_text.trim().is_empty() {
        FrontMatter::default()
    } else {
        super::parse_yaml_text(front_text, source, file, start)?
    };
    let after = &text[end + 3..];
    let body = after
        .strip_prefix('\n')
        .or(after.strip_prefix("\r\n"))
        .unwrap_or(after);
    Ok(RawPage {
        front,
        body: body.to_string(),
    })
}
