//! Turns a YAML parser error into a diagnostic in the user's words, and says
//! which part of the text to set aside so that parsing can go on and the other
//! problems of the same file are reported in the same run.

use super::spanned::{
    NO_CONTROL_CHARACTER, control_character_diagnostic, parse_control_character_error,
};
use super::yaml_hint;
use crate::diagnostic::{Diagnostic, DiagnosticKind, Msg, msg};
use crate::source::{FileId, Span};
use serde_saphyr::Error;
use std::ops::Range;

/// A parse error, in French and English, and how to go on past it.
pub(super) struct Problem {
    /// What is wrong, where.
    pub diagnostic: Diagnostic,
    /// The bytes to blank out to parse the rest of the file, and the field
    /// whose value is dropped by doing so (a required field then reads as
    /// missing, which is not a second problem). `None`: parsing cannot go on.
    pub recovery: Option<Recovery>,
}

/// Bytes to blank out, and the field whose value they held.
pub(super) struct Recovery {
    /// Byte range to replace with spaces (newlines kept).
    pub range: Range<usize>,
    /// Name of the field whose value was dropped, if any.
    pub dropped_field: Option<String>,
}

/// What the error points at.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// A mapping key (unknown or repeated field).
    Key,
    /// A value of the wrong shape or type.
    Value,
    /// The YAML syntax itself: nothing to go on with.
    Syntax,
}

/// The diagnostic of a parse error of `text` (the whole file, or a front matter
/// padded so that offsets are the file's).
pub(super) fn to_problem(error: &Error, text: &str, file: FileId) -> Problem {
    let mut problem = describe_problem(error, text, file);
    if let Some(field) = problem
        .recovery
        .as_ref()
        .and_then(|r| r.dropped_field.clone())
    {
        problem.diagnostic.kind = DiagnosticKind::SetAside(field);
    }
    problem
}

fn describe_problem(error: &Error, text: &str, file: FileId) -> Problem {
    if let Some(problem) = control_character(error.without_snippet(), text, file) {
        return problem;
    }
    let at = error_offset(error, text);
    let (message, expected, shape) = describe(error.without_snippet(), text, at);
    if let Some(problem) = hint(error.without_snippet(), text, at, shape, file) {
        return problem;
    }
    let end = span_end(text, at, shape);
    let mut diagnostic = Diagnostic::error_msg(Span::new(file, at..end), message);
    if let Some(expected) = expected {
        diagnostic = diagnostic.expected_msg(expected);
    }
    if let Error::SerdeMissingField { field, .. } = error.without_snippet() {
        diagnostic = diagnostic.kind(DiagnosticKind::MissingField(field.to_string()));
    }
    let recovery = match shape {
        Shape::Key => recover_key(text, at),
        Shape::Value => recover_value(text, at),
        Shape::Syntax => None,
    };
    Problem {
        diagnostic,
        recovery,
    }
}

/// The problem as [`yaml_hint`] explains it, when the text around the error
/// is a known trap of everyday French text.
fn hint(error: &Error, text: &str, at: usize, shape: Shape, file: FileId) -> Option<Problem> {
    let hint = match shape {
        Shape::Syntax if !matches!(error, Error::SerdeMissingField { .. }) => {
            yaml_hint::syntax(text, at)
        }
        Shape::Value => yaml_hint::value(text, at),
        Shape::Key if matches!(error, Error::SerdeUnknownField { .. }) => yaml_hint::key(text, at),
        _ => None,
    }?;
    Some(Problem {
        diagnostic: Diagnostic::error_msg(Span::new(file, hint.span), hint.message)
            .expected_msg(hint.expected),
        recovery: hint.recovery,
    })
}

/// A text value holding a control character (`"\0"`): an error at the value,
/// which is set aside so that the rest of the file is still checked.
fn control_character(error: &Error, text: &str, file: FileId) -> Option<Problem> {
    let Error::SerdeInvalidValue {
        unexpected,
        expected,
        ..
    } = error
    else {
        return None;
    };
    if expected != NO_CONTROL_CHARACTER {
        return None;
    }
    let (range, code) = parse_control_character_error(unexpected)?;
    let range = range.start.min(text.len())..range.end.min(text.len());
    let diagnostic = control_character_diagnostic(Span::new(file, range.clone()), code);
    Some(Problem {
        diagnostic,
        recovery: recover_value(text, range.start),
    })
}

/// Byte offset of the error in `text`, on a character boundary.
fn error_offset(error: &Error, text: &str) -> usize {
    let at = error
        .location()
        .map(|location| match location.span().byte_offset() {
            Some(byte) => byte as usize,
            None => offset_of(text, location.line() as usize, location.column() as usize),
        })
        .unwrap_or(0)
        .min(text.len());
    floor_char_boundary(text, at)
}

fn floor_char_boundary(text: &str, mut at: usize) -> usize {
    while at > 0 && !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// Byte offset of a 1-based line and character column.
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let Some(line_start) = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .try_fold(0usize, |acc, len| acc.checked_add(len))
    else {
        return text.len();
    };
    let rest = text.get(line_start..).unwrap_or_default();
    let line_text = rest.split('\n').next().unwrap_or_default();
    line_start
        + line_text
            .char_indices()
            .nth(column.saturating_sub(1))
            .map_or(line_text.len(), |(i, _)| i)
}

/// End of the highlighted range: the key, the value, or at least one character.
/// A quoted value ends at its closing quote, and a value inside `[…]` or `{…}`
/// at the next `,` or closing bracket, not at the end of the line.
fn span_end(text: &str, at: usize, shape: Shape) -> usize {
    let line_end = text[at..].find('\n').map_or(text.len(), |n| at + n);
    let line = &text[at..line_end];
    let len = match shape {
        Shape::Key => line.find(':').unwrap_or(line.len()),
        Shape::Value | Shape::Syntax => {
            if let Some(quoted) = quoted_len(line) {
                quoted
            } else {
                let without_comment = line.find(" #").map_or(line, |n| &line[..n]);
                let in_flow = flow_depth(text[..at].rsplit('\n').next().unwrap_or_default()) > 0;
                let end = if in_flow {
                    without_comment
                        .find([',', ']', '}'])
                        .unwrap_or(without_comment.len())
                } else {
                    without_comment.len()
                };
                without_comment[..end].trim_end().len()
            }
        }
    };
    let len = line[..len].trim_end().len();
    if len > 0 {
        at + len
    } else {
        // Point at one character at least, so the place shows in the quoted line.
        text[at..line_end]
            .chars()
            .next()
            .map_or(at, |c| at + c.len_utf8())
    }
}

/// Length of a quoted scalar starting `line`, closing quote included, when it
/// closes on this line: `"…"` with `\"` escapes, `'…'` with `''` for a quote.
pub(super) fn quoted_len(line: &str) -> Option<usize> {
    let quote = line.chars().next().filter(|c| matches!(c, '"' | '\''))?;
    let mut chars = line.char_indices().skip(1).peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '\\' if quote == '"' => {
                chars.next();
            }
            '\'' if quote == '\'' && chars.peek().is_some_and(|&(_, n)| n == '\'') => {
                chars.next();
            }
            c if c == quote => return Some(i + 1),
            _ => {}
        }
    }
    None
}

/// How many `[` or `{` are still open at the end of `before` (quotes skipped).
fn flow_depth(before: &str) -> usize {
    let mut depth = 0usize;
    let mut rest = before;
    while let Some(c) = rest.chars().next() {
        if matches!(c, '"' | '\'') {
            match quoted_len(rest) {
                Some(len) => {
                    rest = &rest[len..];
                    continue;
                }
                None => break,
            }
        }
        match c {
            '[' | '{' => depth += 1,
            ']' | '}' => depth = depth.saturating_sub(1),
            _ => {}
        }
        rest = &rest[c.len_utf8()..];
    }
    depth
}

/// The scalar written at `at`, for messages.
fn scalar_at(text: &str, at: usize) -> &str {
    let end = span_end(text, at, Shape::Value);
    text[at..end].trim()
}

/// Whether `at` is the first thing written in the file (the document itself).
fn is_root(text: &str, at: usize) -> bool {
    text[..at].lines().all(|line| {
        line.trim().is_empty() || line.trim_start().starts_with('#') || line.trim() == "---"
    })
}

/// Message, expected value and shape of an error.
fn describe(error: &Error, text: &str, at: usize) -> (Msg, Option<Msg>, Shape) {
    match error {
        Error::SerdeUnknownField {
            field, expected, ..
        } => {
            let close = closest_field(field, expected);
            let message = match close {
                Some(close) => {
                    let question = crate::suggest::did_you_mean(close);
                    msg(
                        format!("champ inconnu « {field} » : {}", question.fr),
                        format!("unknown field « {field} »: {}", question.english()),
                    )
                }
                None => msg(
                    format!("champ inconnu « {field} » (faute de frappe ?)"),
                    format!("unknown field « {field} » (a typo?)"),
                ),
            };
            let expected = if expected.is_empty() {
                msg("aucun champ à cet endroit", "no field at this place")
            } else {
                msg(
                    format!("un des champs {}", expected.join(", ")),
                    format!("one of the fields {}", expected.join(", ")),
                )
            };
            (message, Some(expected), Shape::Key)
        }
        Error::DuplicateMappingKey { key, .. } => {
            let key = key
                .clone()
                .unwrap_or_else(|| scalar_at(text, at).to_string());
            let key = key.trim_end_matches(':');
            (
                msg(
                    format!("le champ « {key} » apparaît deux fois"),
                    format!("the field « {key} » appears twice"),
                ),
                Some(msg(
                    "chaque champ une seule fois : garder une seule des deux lignes",
                    "each field once only: keep one of the two lines",
                )),
                Shape::Key,
            )
        }
        Error::SerdeInvalidType {
            unexpected,
            expected,
            ..
        }
        | Error::SerdeInvalidValue {
            unexpected,
            expected,
            ..
        } => {
            let unexpected = unexpected_in_words(unexpected);
            (
                msg(
                    format!("valeur inattendue : {}", unexpected.fr),
                    format!("unexpected value: {}", unexpected.english()),
                ),
                Some(expected_in_words(expected)),
                Shape::Value,
            )
        }
        Error::InvalidScalar { ty, .. } => {
            let value = scalar_at(text, at);
            match *ty {
                "boolean" | "bool" => (
                    msg(
                        format!("« {value} » n'est ni vrai ni faux"),
                        format!("« {value} » is neither true nor false"),
                    ),
                    Some(msg("true ou false", "true or false")),
                    Shape::Value,
                ),
                ty if is_integer_type(ty) => (
                    msg(
                        format!("« {value} » n'est pas un nombre entier"),
                        format!("« {value} » is not a whole number"),
                    ),
                    Some(msg(
                        "un nombre entier écrit en chiffres, par exemple 3",
                        "a whole number written in digits, for example 3",
                    )),
                    Shape::Value,
                ),
                ty => (
                    msg(
                        format!("valeur invalide « {value} »"),
                        format!("invalid value « {value} »"),
                    ),
                    Some(expected_in_words(ty)),
                    Shape::Value,
                ),
            }
        }
        Error::Unexpected { expected, .. } if *expected == "mapping start" && is_root(text, at) => {
            (
                msg(
                    "ce fichier n'est pas une suite de champs",
                    "this file is not a series of fields",
                ),
                Some(msg(
                    "des lignes « champ: valeur », par exemple « nom: Dupont »",
                    "lines « field: value », for example « nom: Dupont »",
                )),
                Shape::Syntax,
            )
        }
        Error::Unexpected { expected, .. } => match *expected {
            "sequence start" => (
                msg("une liste est attendue ici", "a list is expected here"),
                Some(msg(
                    "une liste : une ligne « - valeur » par élément, ou [a, b]",
                    "a list: one line « - value » per item, or [a, b]",
                )),
                Shape::Value,
            ),
            "mapping start" => (
                msg("une table est attendue ici", "a table is expected here"),
                Some(msg(
                    "des lignes « champ: valeur », indentées sous ce champ",
                    "lines « field: value », indented under this field",
                )),
                Shape::Value,
            ),
            "string scalar" | "scalar" | "plain scalar" => (
                msg(
                    "une valeur simple est attendue ici, pas une liste ni une table",
                    "a simple value is expected here, not a list or a table",
                ),
                Some(msg(
                    "du texte sur la même ligne (entre guillemets s'il contient [ ] { } # ou « : »)",
                    "text on the same line (in quotes if it holds [ ] { } # or « : »)",
                )),
                Shape::Value,
            ),
            other => (
                msg(
                    format!("structure inattendue ({other} attendu)"),
                    format!("unexpected structure ({other} expected)"),
                ),
                None,
                Shape::Value,
            ),
        },
        Error::NullIntoString { .. } => (
            msg("valeur vide", "empty value"),
            Some(msg("du texte après « : »", "text after « : »")),
            Shape::Value,
        ),
        Error::MultipleDocuments { .. } => (
            msg(
                "plusieurs documents dans un seul fichier (ligne « --- »)",
                "several documents in one file (a « --- » line)",
            ),
            Some(msg(
                "un seul document par fichier : retirer la ligne « --- » ou faire deux fichiers",
                "one document per file: remove the « --- » line or make two files",
            )),
            Shape::Syntax,
        ),
        Error::Eof { .. } => (
            msg(
                "le fichier s'arrête au milieu d'une valeur",
                "the file stops in the middle of a value",
            ),
            Some(msg(
                "des crochets, accolades et guillemets refermés",
                "brackets, braces and quotes closed",
            )),
            Shape::Syntax,
        ),
        Error::Budget { breach, .. } => {
            let (message, expected) = in_words(budget_in_words(breach));
            (message, expected, Shape::Syntax)
        }
        Error::AliasReplayCounterOverflow { .. }
        | Error::AliasReplayLimitExceeded { .. }
        | Error::AliasExpansionLimitExceeded { .. }
        | Error::AliasReplayStackDepthExceeded { .. } => {
            let (message, expected) = in_words(ALIASES);
            (message, expected, Shape::Syntax)
        }
        Error::UnknownAnchor { .. } => {
            let (message, expected) = in_words(UNKNOWN_ANCHOR);
            (message, expected, Shape::Value)
        }
        Error::TaggedScalarCannotDeserializeIntoString { .. }
        | Error::UnsupportedTag { .. }
        | Error::TaggedEnumMismatch { .. }
        | Error::InvalidBinaryBase64 { .. }
        | Error::BinaryNotUtf8 { .. }
        | Error::BytesNotSupportedMissingBinaryTag { .. } => {
            let (message, expected) = in_words(TAG);
            (message, expected, Shape::Value)
        }
        Error::MergeValueNotMapOrSeqOfMaps { .. } | Error::MergeKeyNotAllowed { .. } => {
            let (message, expected) = in_words(MERGE);
            (message, expected, Shape::Value)
        }
        Error::SerdeUnknownVariant {
            variant, expected, ..
        } => (
            msg(
                format!("valeur inconnue « {variant} »"),
                format!("unknown value « {variant} »"),
            ),
            Some(msg(
                format!("un de : {}", expected.join(", ")),
                format!("one of: {}", expected.join(", ")),
            )),
            Shape::Value,
        ),
        Error::SerdeMissingField { field, .. } => (
            msg(
                format!("champ obligatoire manquant « {field} »"),
                format!("missing required field « {field} »"),
            ),
            None,
            Shape::Syntax,
        ),
        Error::SerdeInvalidLength { len, expected, .. } => (
            msg(
                format!("nombre d'éléments inattendu ({len})"),
                format!("unexpected number of items ({len})"),
            ),
            Some(expected_in_words(expected)),
            Shape::Value,
        ),
        Error::UnexpectedSequenceEnd { .. }
        | Error::UnexpectedMappingEnd { .. }
        | Error::ContainerEndMismatch { .. }
        | Error::UnexpectedContainerEndWhileReadingKeyNode { .. }
        | Error::UnexpectedContainerEndWhileSkippingNode { .. } => {
            let (message, expected) = in_words(BRACKETS);
            (message, expected, Shape::Syntax)
        }
        Error::FoldedBlockScalarMustIndentContent { .. } => {
            let (message, expected) = in_words(BLOCK_SCALAR);
            (message, expected, Shape::Syntax)
        }
        Error::QuotingRequired { value, .. } => (
            msg(
                format!("« {value} » doit être écrit entre guillemets"),
                format!("« {value} » must be written in quotes"),
            ),
            Some(msg(format!("\"{value}\""), format!("\"{value}\""))),
            Shape::Value,
        ),
        Error::NonFiniteFloat { value, .. } => (
            msg(
                format!("« {value} » n'est pas un nombre utilisable"),
                format!("« {value} » is not a usable number"),
            ),
            Some(msg(
                "un nombre écrit en chiffres",
                "a number written in digits",
            )),
            Shape::Value,
        ),
        Error::IndentationError { .. } => (
            msg("indentation incorrecte", "wrong indentation"),
            Some(two(INDENTATION)),
            Shape::Syntax,
        ),
        other => {
            let raw = plain_message(other);
            let (message, expected) = syntax_in_words(&raw);
            (message, expected, Shape::Syntax)
        }
    }
}

/// The known field a mistyped one most likely meant: one or two edits away,
/// or a known field the typed one starts with (`nom_famille` → `nom`).
fn closest_field<'a>(typed: &str, known: &[&'a str]) -> Option<&'a str> {
    let typed_lower = typed.to_lowercase();
    crate::suggest::closest(&typed_lower, known.iter().copied()).or_else(|| {
        known
            .iter()
            .filter(|name| name.len() >= 3 && typed_lower.starts_with(*name))
            .max_by_key(|name| name.len())
            .copied()
    })
}

fn is_integer_type(ty: &str) -> bool {
    matches!(
        ty,
        "u8" | "u16" | "u32" | "u64" | "i8" | "i16" | "i32" | "i64" | "usize" | "isize" | "integer"
    )
}

fn plain_message(error: &Error) -> String {
    let options = serde_saphyr::render_options! { snippets: serde_saphyr::SnippetMode::Off };
    let text = error.render_with_options(options);
    // The parser appends " at line L column C": the diagnostic shows the place itself.
    match text.rfind(" at line ") {
        Some(cut) => text[..cut].to_string(),
        None => text,
    }
}

/// A text in French and English.
type Two = (&'static str, &'static str);

/// A message and what is expected, each in French and English.
type Said = (Two, Two);

const INDENTATION: Two = (
    "une indentation régulière, avec des espaces (pas de tabulations)",
    "a regular indentation, with spaces (no tabs)",
);

/// What a well-formed YAML record looks like, for complaints that fit no other hint.
const WELL_FORMED: Two = (
    "des lignes « champ: valeur », des listes « - valeur », \
     guillemets, crochets et accolades refermés",
    "lines « field: value », lists « - value », \
     quotes, brackets and braces closed",
);

const DEPTH: Said = (
    (
        "listes ou tables imbriquées trop profondément",
        "lists or tables nested too deep",
    ),
    (
        "quelques niveaux d'imbrication au plus, comme dans les exemples du README",
        "a few levels of nesting at most, as in the examples of the README",
    ),
);
const SIZE: Said = (
    (
        "fichier trop volumineux : la limite de lecture est dépassée",
        "file too large: the reading limit is exceeded",
    ),
    (
        "un fichier par fiche, sans listes de centaines de milliers de valeurs",
        "one file per record, without lists of hundreds of thousands of values",
    ),
);
const ALIASES: Said = (
    (
        "trop d'ancres (&) ou d'alias (*) YAML : le fichier se démultiplie à la lecture",
        "too many YAML anchors (&) or aliases (*): the file multiplies when read",
    ),
    (
        "les valeurs écrites en entier, sans & ni *",
        "the values written out in full, without & or *",
    ),
);
const UNKNOWN_ANCHOR: Said = (
    (
        "alias « * » sans ancre « & » correspondante",
        "alias « * » without a matching anchor « & »",
    ),
    (
        "la valeur écrite en entier (entre guillemets si elle commence par * ou &)",
        "the value written out in full (in quotes if it starts with * or &)",
    ),
);
const TAG: Said = (
    (
        "étiquette YAML « ! » inattendue devant la valeur",
        "unexpected YAML tag « ! » before the value",
    ),
    (
        "la valeur seule, sans « ! » devant (entre guillemets si elle commence par !)",
        "the value alone, without « ! » before it (in quotes if it starts with !)",
    ),
);
const MERGE: Said = (
    (
        "clé de fusion « << » mal employée",
        "merge key « << » misused",
    ),
    (
        "les champs écrits en entier, sans « << »",
        "the fields written out in full, without « << »",
    ),
);
const BRACKETS: Said = (
    (
        "crochet ou accolade mal appariés",
        "mismatched bracket or brace",
    ),
    (
        "des [ ] et { } qui vont par paires, sur la même valeur",
        "[ ] and { } in pairs, on the same value",
    ),
);
const BLOCK_SCALAR: Said = (
    (
        "texte sur plusieurs lignes (| ou >) mal écrit",
        "badly written text of several lines (| or >)",
    ),
    (
        "| ou > seul en fin de ligne, puis les lignes du texte plus indentées que le champ",
        "| or > alone at the end of the line, then the lines of the text indented more than the field",
    ),
);
const ESCAPE: Said = (
    (
        "séquence d'échappement inconnue entre guillemets doubles (\\…)",
        "unknown escape sequence in double quotes (\\…)",
    ),
    (
        "\\\\ pour une barre oblique inverse, ou la valeur entre guillemets simples '…'",
        "\\\\ for a backslash, or the value in single quotes '…'",
    ),
);

/// The wording of a resource limit of the parser.
fn budget_in_words(breach: &serde_saphyr::budget::BudgetBreach) -> Said {
    use serde_saphyr::budget::BudgetBreach;
    match breach {
        BudgetBreach::Depth { .. } => DEPTH,
        BudgetBreach::Aliases { .. }
        | BudgetBreach::Anchors { .. }
        | BudgetBreach::AliasAnchorRatio { .. }
        | BudgetBreach::MergeKeys { .. } => ALIASES,
        BudgetBreach::SequenceUnbalanced => BRACKETS,
        _ => SIZE,
    }
}

/// The wording of the YAML scanner's and parser's complaints.
fn syntax_in_words(raw: &str) -> (Msg, Option<Msg>) {
    let known: [(&str, Said); 31] = [
        (
            "mapping values are not allowed",
            (
                (
                    "« : » inattendu : indentation incorrecte, ou texte à mettre entre guillemets",
                    "unexpected « : »: wrong indentation, or text to put in quotes",
                ),
                INDENTATION,
            ),
        ),
        (
            "unclosed quote",
            (
                ("guillemet jamais refermé", "quote never closed"),
                (
                    "le même guillemet (\" ou ') à la fin de la valeur",
                    "the same quote (\" or ') at the end of the value",
                ),
            ),
        ),
        (
            "did not find expected key",
            (
                (
                    "ligne mal alignée : un champ était attendu ici",
                    "badly aligned line: a field was expected here",
                ),
                INDENTATION,
            ),
        ),
        (
            "cannot start any token",
            (
                (
                    "caractère inattendu (tabulation ?)",
                    "unexpected character (a tab?)",
                ),
                INDENTATION,
            ),
        ),
        (
            "tab",
            (
                ("tabulation dans l'indentation", "tab in the indentation"),
                INDENTATION,
            ),
        ),
        (
            "did not find expected ',' or ']'",
            (
                (
                    "liste entre crochets jamais refermée",
                    "list in brackets never closed",
                ),
                (
                    "[a, b] avec le crochet fermant",
                    "[a, b] with the closing bracket",
                ),
            ),
        ),
        (
            "expected ',' or ']'",
            (
                (
                    "liste entre crochets jamais refermée",
                    "list in brackets never closed",
                ),
                (
                    "[a, b] avec le crochet fermant",
                    "[a, b] with the closing bracket",
                ),
            ),
        ),
        (
            "did not find expected ',' or '}'",
            (
                (
                    "table entre accolades jamais refermée",
                    "table in braces never closed",
                ),
                (
                    "{a: 1, b: 2} avec l'accolade fermante",
                    "{a: 1, b: 2} with the closing brace",
                ),
            ),
        ),
        (
            "did not find expected node content",
            (
                (
                    "valeur manquante ou mal placée",
                    "missing or misplaced value",
                ),
                INDENTATION,
            ),
        ),
        ("recursion limit exceeded", DEPTH),
        ("unknown anchor", UNKNOWN_ANCHOR),
        ("while scanning an anchor or alias", UNKNOWN_ANCHOR),
        ("merge", MERGE),
        ("tag", TAG),
        ("handle wasn't declared", TAG),
        ("bracket", BRACKETS),
        ("escape", ESCAPE),
        ("hexadecimal", ESCAPE),
        ("surrogate", ESCAPE),
        ("block scalar", BLOCK_SCALAR),
        (
            "BOM must not appear",
            (
                (
                    "caractère invisible (BOM) au milieu du fichier",
                    "invisible character (BOM) in the middle of the file",
                ),
                (
                    "retirer le caractère invisible au début de cette ligne (réenregistrer en UTF-8 sans BOM)",
                    "remove the invisible character at the start of this line (save again in UTF-8 without BOM)",
                ),
            ),
        ),
        (
            "trailing content after",
            (
                (
                    "du texte suit le guillemet fermant",
                    "text follows the closing quote",
                ),
                (
                    "toute la valeur entre les guillemets",
                    "the whole value between the quotes",
                ),
            ),
        ),
        (
            "comments must be separated",
            (
                ("« # » collé au texte", "« # » stuck to the text"),
                (
                    "une espace avant « # » pour un commentaire, ou la valeur entre guillemets",
                    "a space before « # » for a comment, or the value in quotes",
                ),
            ),
        ),
        (
            "document indicator",
            (
                (
                    "ligne « --- » ou « ... » au milieu d'une valeur",
                    "line « --- » or « ... » in the middle of a value",
                ),
                (
                    "la valeur entre guillemets, ou sans ligne « --- »",
                    "the value in quotes, or no « --- » line",
                ),
            ),
        ),
        (
            "directive",
            (
                (
                    "directive YAML « % » inattendue",
                    "unexpected YAML directive « % »",
                ),
                (
                    "pas de ligne commençant par « % » (entre guillemets si c'est du texte)",
                    "no line starting with « % » (in quotes if it is text)",
                ),
            ),
        ),
        (
            "is only valid inside a block",
            (
                ("« - » inattendu ici", "unexpected « - » here"),
                (
                    "une liste « - » sur ses propres lignes, indentée sous son champ",
                    "a « - » list on its own lines, indented under its field",
                ),
            ),
        ),
        (
            "indentation",
            (("indentation incorrecte", "wrong indentation"), INDENTATION),
        ),
        (
            "expected '-' indicator",
            (
                (
                    "ligne mal alignée dans une liste : un élément « - » était attendu ici",
                    "badly aligned line in a list: an item « - » was expected here",
                ),
                (
                    "la ligne alignée sur les champs de l'élément au-dessus, ou « - » pour commencer un nouvel élément",
                    "the line aligned with the fields of the item above, or « - » to start a new item",
                ),
            ),
        ),
        (
            "simple key",
            (
                (
                    "ligne sans « : » : un champ était attendu ici",
                    "line without « : »: a field was expected here",
                ),
                (
                    "« champ: valeur », avec une espace après les deux-points",
                    "« field: value », with a space after the colon",
                ),
            ),
        ),
        (
            "comment intercepting",
            (
                (
                    "commentaire « # » au milieu d'un texte de plusieurs lignes",
                    "comment « # » in the middle of a text of several lines",
                ),
                (
                    "le texte entre guillemets, ou le commentaire avant le champ",
                    "the text in quotes, or the comment before the field",
                ),
            ),
        ),
        (
            "unexpected eof",
            (
                (
                    "le fichier s'arrête au milieu d'une valeur",
                    "the file stops in the middle of a value",
                ),
                (
                    "des crochets, accolades et guillemets refermés",
                    "brackets, braces and quotes closed",
                ),
            ),
        ),
    ];
    for (needle, said) in known {
        if raw.to_lowercase().contains(&needle.to_lowercase()) {
            let (message, expected) = in_words(said);
            return (message, expected);
        }
    }
    (
        msg(
            format!("YAML illisible à cet endroit (détail : {raw})"),
            format!("unreadable YAML here (detail: {raw})"),
        ),
        Some(two(WELL_FORMED)),
    )
}

fn expected_in_words(expected: &str) -> Msg {
    match expected {
        "a boolean" | "boolean" | "bool" => msg("true ou false", "true or false"),
        "a string" | "string" => msg("du texte", "text"),
        "a sequence" | "sequence" => msg(
            "une liste (lignes commençant par « - »)",
            "a list (lines starting with « - »)",
        ),
        e if e.starts_with("struct ") || e == "a map" || e == "map" => msg(
            "une table (lignes « champ: valeur »)",
            "a table (lines « field: value »)",
        ),
        e if is_integer_type(e)
            || e.starts_with("u8")
            || e.starts_with("u32")
            || e.starts_with("i32") =>
        {
            msg("un nombre entier", "a whole number")
        }
        other => match super::either::EXPECTING.iter().find(|(fr, _)| *fr == other) {
            Some((fr, en)) => msg(*fr, *en),
            None => msg(other, other),
        },
    }
}

fn unexpected_in_words(unexpected: &str) -> Msg {
    let (head, rest) = unexpected.split_once(' ').unwrap_or((unexpected, ""));
    let rest = rest.trim_matches('`');
    match head {
        "string" => msg(format!("le texte {rest}"), format!("the text {rest}")),
        "sequence" => msg("une liste", "a list"),
        "map" => msg("une table", "a table"),
        "boolean" => msg(format!("la valeur {rest}"), format!("the value {rest}")),
        "integer" | "floating" => {
            let number = rest.trim_start_matches("point ").trim_matches('`');
            msg(
                format!("le nombre {number}"),
                format!("the number {number}"),
            )
        }
        "unit" | "null" => msg("une valeur vide", "an empty value"),
        _ => msg(unexpected, unexpected),
    }
}

/// A text of the tables above.
fn two((fr, en): Two) -> Msg {
    msg(fr, en)
}

/// A message and what is expected, from the tables above.
fn in_words((message, expected): Said) -> (Msg, Option<Msg>) {
    (two(message), Some(two(expected)))
}

/// Indentation (spaces) of a line, and where its content starts once the
/// sequence markers (`- `) are skipped.
pub(super) fn indentation(line: &str) -> (usize, usize) {
    let indent = line.len() - line.trim_start_matches(' ').len();
    let mut content = indent;
    loop {
        let rest = &line[content..];
        if rest.starts_with("- ") || rest.starts_with("-\t") {
            content += 1 + (rest[1..].len() - rest[1..].trim_start_matches([' ', '\t']).len());
        } else {
            break;
        }
    }
    (indent, content)
}

/// Start and end of the line holding byte `at`.
pub(super) fn line_bounds(text: &str, at: usize) -> (usize, usize) {
    let start = text[..at].rfind('\n').map_or(0, |n| n + 1);
    let end = text[at..].find('\n').map_or(text.len(), |n| at + n);
    (start, end)
}

/// End of the block that starts on the line ending at `line_end`: the following
/// lines that are blank, comments, or indented more than `column` (or as much,
/// when `siblings`).
pub(super) fn block_end(text: &str, line_end: usize, column: usize, siblings: bool) -> usize {
    let mut end = line_end;
    let mut cursor = line_end;
    while cursor < text.len() {
        let next_start = cursor + 1;
        let next_end = text[next_start..]
            .find('\n')
            .map_or(text.len(), |n| next_start + n);
        let line = text[next_start..next_end].trim_end_matches('\r');
        let trimmed = line.trim_start_matches(' ');
        let indent = line.len() - trimmed.len();
        let inside = trimmed.is_empty()
            || trimmed.starts_with('#')
            || indent > column
            || (siblings && indent == column);
        if !inside || trimmed.starts_with("---") || trimmed.starts_with("...") {
            break;
        }
        if !trimmed.is_empty() && !trimmed.starts_with('#') {
            end = next_end;
        }
        cursor = next_end;
    }
    end
}

/// An unknown or repeated field: set aside the whole entry (key and value).
pub(super) fn recover_key(text: &str, at: usize) -> Option<Recovery> {
    let (line_start, line_end) = line_bounds(text, at);
    let (_, content) = indentation(&text[line_start..line_end]);
    // Only block keys starting their line: a key inside {…} cannot be cut out alone.
    if line_start + content != at {
        return None;
    }
    let end = block_end(text, line_end, at - line_start, false);
    Some(Recovery {
        range: at..end,
        dropped_field: None,
    })
}

/// A value of the wrong shape: set it aside, so the field reads as absent.
pub(super) fn recover_value(text: &str, at: usize) -> Option<Recovery> {
    let (line_start, line_end) = line_bounds(text, at);
    let line = &text[line_start..line_end];
    let (indent, content) = indentation(line);
    let column = at - line_start;
    if column < content {
        // A block list starting at its `-`, under a key on a previous line.
        if column > 0 && line[..column].trim_start_matches(' ').is_empty() {
            let end = block_end(text, line_end, column, true);
            return Some(Recovery {
                range: at..end,
                dropped_field: parent_key(text, line_start, column),
            });
        }
        return None;
    }
    let before = &line[content..column];
    if before.is_empty() {
        if content > indent {
            // A list item (`- value`): drop the item, marker included.
            let marker = line_start + indent;
            let end = block_end(text, line_end, indent, false);
            return Some(Recovery {
                range: marker..end,
                dropped_field: None,
            });
        }
        // A block under a key written on a previous line: drop the whole block
        // (not the whole document).
        if content == 0 {
            return None;
        }
        let end = block_end(text, line_end, content, true);
        return Some(Recovery {
            range: at..end,
            dropped_field: parent_key(text, line_start, content),
        });
    }
    // `key: value` on one line.
    let key = before.trim_end().strip_suffix(':')?;
    if key.contains([':', '{', '[', ',']) {
        return None;
    }
    let end = block_end(text, line_end, content, false);
    Some(Recovery {
        range: at..end,
        dropped_field: Some(unquote(key)),
    })
}

/// The key of the nearest previous line indented less than `column`.
fn parent_key(text: &str, line_start: usize, column: usize) -> Option<String> {
    let before = &text[..line_start];
    for line in before.lines().rev() {
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let (indent, content) = indentation(line);
        if indent >= column {
            continue;
        }
        let key = line[content..].trim_end().strip_suffix(':')?;
        return Some(unquote(key));
    }
    None
}

fn unquote(key: &str) -> String {
    key.trim().trim_matches(['"', '\'']).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_entry_is_set_aside_with_its_nested_lines() {
        let text = "a: 1\nbad:\n  x: 1\n  y: 2\nb: 2\n";
        let at = text.find("bad").unwrap_or_default();
        let r = recover_key(text, at).map(|r| r.range);
        assert_eq!(r, Some(at..text.find("\nb:").unwrap_or_default()));
    }

    #[test]
    fn a_value_after_its_key_is_set_aside_and_named() {
        let text = "a: 1\nroles: stagiaire\nb: 2\n";
        let at = text.find("stagiaire").unwrap_or_default();
        let r = recover_value(text, at).map(|r| (r.range, r.dropped_field));
        assert_eq!(r, Some((at..at + 9, Some("roles".into()))));
    }

    #[test]
    fn a_list_item_is_set_aside_with_its_marker() {
        let text = "l:\n  - [x]\n  - y\n";
        let at = text.find("[x]").unwrap_or_default();
        let r = recover_value(text, at).map(|r| r.range);
        assert_eq!(r, Some(5..10));
    }

    #[test]
    fn a_block_list_under_its_key_is_set_aside_and_named() {
        let text = "prenom:\n  - Alice\n  - Eve\nnom: X\n";
        let at = text.find("- Alice").unwrap_or_default();
        let r = recover_value(text, at).map(|r| (r.range, r.dropped_field));
        let end = text.find("\nnom").unwrap_or_default();
        assert_eq!(r, Some((at..end, Some("prenom".into()))));
    }

    #[test]
    fn mistyped_fields_get_a_suggestion() {
        let known = ["civilite", "nom", "prenom", "telephone"];
        assert_eq!(closest_field("telefone", &known), Some("telephone"));
        assert_eq!(closest_field("nom_famille", &known), Some("nom"));
        assert_eq!(closest_field("Prenom", &known), Some("prenom"));
        assert_eq!(closest_field("xyz", &known), None);
    }

    #[test]
    fn a_key_inside_braces_cannot_be_set_aside() {
        let text = "p: {a: 1, bad: 2}\n";
        let at = text.find("bad").unwrap_or_default();
        assert!(recover_key(text, at).is_none());
    }
}
