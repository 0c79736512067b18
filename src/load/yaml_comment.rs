//! A text value cut by ` #`: YAML reads `titre: Atelier #2 : le CV` as
//! « Atelier » and the rest of the line as a comment, silently. A comment
//! right after an unquoted text value, on its line, is a warning at its `#`;
//! a comment on its own line or after a quoted value is not, nor one set
//! apart as the README's examples do (`nom: lefebvre   # required`: two
//! spaces or more before « # » and a space after it).

use super::yaml_hint::quoted;
use crate::diagnostic::{Diagnostic, msg};
use crate::source::{FileId, Span};
use granit_parser::{Event, Parser, ScalarStyle};

/// Whether `text` has a `#` after a space or a tab, the only kind of
/// comment [`cut_texts`] can warn about: most record files have none, and
/// they are spared the second parse (measured: 9 % of a build's time at
/// 10,000 persons).
pub(super) fn may_cut(text: &str) -> bool {
    text.contains(" #") || text.contains("\t#")
}

/// A warning for each unquoted text value of `text` (a YAML file that
/// parses) followed by a comment on the same line.
pub(super) fn cut_texts(text: &str, file: FileId) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    for event in Parser::new_from_str(text) {
        let (event, span) = match event {
            Ok(event) => event,
            Err(_) => break,
        };
        let Event::Scalar(value, ScalarStyle::Plain, ..) = event else {
            continue;
        };
        let (Some(start), Some(end)) = (span.start.byte_offset(), span.end.byte_offset()) else {
            continue;
        };
        if !is_text(&value) || end > text.len() {
            continue;
        }
        let rest = &text[end..];
        let line = rest.split('\n').next().unwrap_or_default().trim_end();
        let comment = line.trim_start_matches([' ', '\t']);
        let gap = &line[..line.len() - comment.len()];
        if !comment.starts_with('#') || gap.is_empty() || is_set_apart(gap, comment) {
            continue;
        }
        let hash = end + (line.len() - comment.len());
        let line_start = text[..start].rfind('\n').map_or(0, |n| n + 1);
        let written = &text[start..end + line.len()];
        let key = text[line_start..start].trim_start();
        let fix = if written.contains('\n') {
            msg("la valeur entre guillemets", "the value in quotes")
        } else {
            msg(
                format!("la valeur entre guillemets : {key}{}", quoted(written)),
                format!("the value in quotes: {key}{}", quoted(written)),
            )
        };
        found.push(
            Diagnostic::warning_msg(
                Span::new(file, hash..end + line.len()),
                msg(
                    format!(
                        "texte coupé à « # » : YAML lit « {value} » et prend la suite de la ligne pour un commentaire"
                    ),
                    format!(
                        "text cut at « # »: YAML reads « {value} » and takes the rest of the line for a comment"
                    ),
                ),
            )
            .expected_msg(msg(
                format!("{}, ou le commentaire sur sa propre ligne", fix.fr),
                format!("{}, or the comment on its own line", fix.english()),
            )),
        );
    }
    found
}

/// Whether a comment after a value is plainly meant as one: two blanks or
/// more before its `#`, and a blank (or nothing) after it.
fn is_set_apart(gap: &str, comment: &str) -> bool {
    let after = comment[1..].chars().next();
    (gap.len() >= 2 || gap.contains('\t')) && after.is_none_or(|c| c == ' ' || c == '\t')
}

/// Whether YAML reads a plain scalar as text: not empty, null, a boolean or a number.
fn is_text(value: &str) -> bool {
    const NOT_TEXT: [&str; 10] = [
        "~", "null", "Null", "NULL", "true", "True", "TRUE", "false", "False", "FALSE",
    ];
    !value.is_empty() && !NOT_TEXT.contains(&value) && value.parse::<f64>().is_err()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The quick test spares the second parse only where it could find nothing.
    #[test]
    fn only_files_with_a_hash_after_a_blank_are_parsed_again() {
        let file = FileId::of("data/sessions/s.yaml");
        let cut_by_tab = "titre: Atelier\t#2 : le CV\n";
        assert!(may_cut(cut_by_tab));
        assert_eq!(cut_texts(cut_by_tab, file).len(), 1);
        let cut_by_space = "titre: Atelier #2 : le CV\n";
        assert!(may_cut(cut_by_space));
        assert_eq!(cut_texts(cut_by_space, file).len(), 1);
        for whole in [
            "titre: \"Atelier #2\"\n",
            "titre: Atelier#2\n",
            "titre: Atelier n°2\n",
        ] {
            assert!(
                !may_cut(whole) || cut_texts(whole, file).is_empty(),
                "{whole}"
            );
        }
        assert!(!may_cut("titre: Atelier#2\nlieu: salle\n"));
    }
}
