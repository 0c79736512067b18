//! [`Sp`]: a value with the byte range it was read from, so that every rule
//! can point at the exact value at fault.

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

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Sp<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let spanned = serde_saphyr::Spanned::<T>::deserialize(deserializer)?;
        let span = spanned.referenced.span();
        let start = span.byte_offset().unwrap_or(0) as usize;
        let len = span.byte_len().unwrap_or(0) as usize;
        Ok(Sp {
            value: spanned.value,
            range: start..start + len,
        })
    }
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
