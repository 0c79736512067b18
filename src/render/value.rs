//! The bridge from the View's typed data to minijinja, which both renderers
//! use: HTML templates and the placeholders of PDF layouts.

use minijinja::Value;

/// Converts serializable data into a template value.
pub(crate) fn ser<T: serde::Serialize>(value: T) -> Value {
    Value::from(minijinja::value::Serde(value))
}
