//! [`Sp`]: a value with the byte range it was read from, so that every rule
//! can point at the exact value at fault.

use crate::diagnostic::{Diagnostic, msg};
use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde::{Deserialize, Deserializer};
use std::borrow::Cow;
use std::ops::Range;

/// A value read from YAML with its byte range in the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sp<T> {
    /// The value as typed.
    pub value: T,
    /// Byte range of the value in its file.
    pub range: Range<usize>,
}

impl<T> Sp<T> {
    /// A value with a range (used by tests and by code that derives values).
    pub fn new(value: T, range: Range<usize>) -> Sp<T> {
        Sp { value, range }
    }
}

impl Sp<String> {
    /// The text, trimmed.
    pub fn text(&self) -> &str {
        self.value.trim()
    }
}

/// What a text value must be, when it holds a control character: the parse
/// error says so, and the loader words it for the user.
pub const NO_CONTROL_CHARACTER: &str =
    "du texte sans caractère de contrôle (seuls la tabulation et le retour à la ligne sont permis)";

/// Whether a character may not appear in any text carnet writes out: control
/// characters other than tab and newline (`"\0"`, `"\x1b"`, `"\r"`, `"\u0085"`…).
pub fn is_forbidden_control(c: char) -> bool {
    c.is_control() && c != '\t' && c != '\n'
}

/// The error of a control character (its code, `U+0000`) in a text at `span`.
pub fn control_character_diagnostic(span: crate::source::Span, code: &str) -> Diagnostic {
    Diagnostic::error_msg(
        span,
        msg(
            format!("caractère de contrôle invisible ({code}) dans le texte"),
            format!("invisible control character ({code}) in the text"),
        ),
    )
    .expected_msg(msg(
        NO_CONTROL_CHARACTER,
        "text without control characters (only tab and newline are allowed)",
    ))
}

/// `U+0000` for a character.
pub fn code_point(c: char) -> String {
    format!("U+{:04X}", u32::from(c))
}

/// A parse error can carry no span of its own: the value's byte range and the
/// character travel in its « unexpected » text, `start..end U+XXXX`.
fn control_character_error<E: serde::de::Error>(range: &Range<usize>, c: char) -> E {
    let unexpected = format!("{}..{} {}", range.start, range.end, code_point(c));
    E::invalid_value(
        serde::de::Unexpected::Other(&unexpected),
        &NO_CONTROL_CHARACTER,
    )
}

/// The value's byte range and the character's code (`U+0000`) of an error made
/// by [`control_character_error`], as serde renders its « unexpected » text.
pub(crate) fn parse_control_character_error(unexpected: &str) -> Option<(Range<usize>, &str)> {
    let (range, code) = unexpected.split_once(' ')?;
    let (start, end) = range.split_once("..")?;
    Some((start.parse().ok()?..end.parse().ok()?, code))
}

impl<'de, T: Deserialize<'de> + 'static> Deserialize<'de> for Sp<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        if super::yaml_fast::reading() {
            let (value, range) = super::yaml_fast::spanned(deserializer)?;
            return checked(value, range);
        }
        let spanned = serde_saphyr::Spanned::<T>::deserialize(deserializer)?;
        let span = spanned.referenced.span();
        let start = span.byte_offset().unwrap_or(0) as usize;
        let len = span.byte_len().unwrap_or(0) as usize;
        checked(spanned.value, start..start + len)
    }
}

/// The value read at `range`, unless it is a text with a control character.
/// Every text value of every record goes through here: the one place where
/// a control character is refused, before it can reach an output.
fn checked<T: 'static, E: serde::de::Error>(value: T, range: Range<usize>) -> Result<Sp<T>, E> {
    let text = (&value as &dyn std::any::Any).downcast_ref::<String>();
    let suspect = text.filter(|t| may_hold_control(t));
    if let Some(c) = suspect.and_then(|t| t.chars().find(|&c| is_forbidden_control(c))) {
        return Err(control_character_error(&range, c));
    }
    Ok(Sp { value, range })
}

/// Whether `text` may hold a control character other than tab and newline:
/// a byte below space, DEL, or the first byte of U+0080–U+00BF (the C1
/// controls among them). A byte scan, as nearly every text has none.
fn may_hold_control(text: &str) -> bool {
    text.bytes()
        .any(|b| (b < 0x20 && b != b'\t' && b != b'\n') || b == 0x7f || b == 0xc2)
}

impl<T: JsonSchema> JsonSchema for Sp<T> {
    fn inline_schema() -> bool {
        T::inline_schema()
    }

    fn schema_name() -> Cow<'static, str> {
        T::schema_name()
    }

    fn schema_id() -> Cow<'static, str> {
        T::schema_id()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        T::json_schema(generator)
    }
}
