//! The dates of a form's data, printed in the reader's language. The view
//! keeps them typed (an ISO `YYYY-MM-DD` once serialized); the JSON Schema of
//! the data type marks them `format: date`, so a text that merely looks like
//! a date (an atelier called « 2026-10-06 ») is printed as written.

use crate::config::Lang;
use crate::model::forms::Target;
use chrono::NaiveDate;
use serde_json::{Map, Value};
use std::collections::HashMap;

/// A date as a form prints it.
pub fn format(date: NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::Fr => date.format("%d/%m/%Y").to_string(),
        Lang::En => date.to_string(),
    }
}

/// The schema of each target's data (and its definitions), read once.
pub struct DateFields {
    schemas: HashMap<Target, (Value, Map<String, Value>)>,
    lang: Lang,
}

impl DateFields {
    /// The schemas of `targets`' data, for dates in `lang`.
    pub fn new(targets: impl IntoIterator<Item = Target>, lang: Lang) -> DateFields {
        DateFields {
            schemas: targets
                .into_iter()
                .map(|t| {
                    let schema = crate::view::form_data::contract(t).schema;
                    let defs = schema
                        .get("$defs")
                        .and_then(Value::as_object)
                        .cloned()
                        .unwrap_or_default();
                    (t, (schema, defs))
                })
                .collect(),
            lang,
        }
    }

    /// Replaces each date of `data` (the serialized data of a form for
    /// `target`) by its printed form.
    pub fn format(&self, target: Target, data: &mut Value) {
        let Some((schema, defs)) = self.schemas.get(&target) else {
            return;
        };
        Walk {
            defs,
            lang: self.lang,
        }
        .value(data, schema);
    }
}

struct Walk<'a> {
    defs: &'a Map<String, Value>,
    lang: Lang,
}

impl Walk<'_> {
    fn value(&self, value: &mut Value, schema: &Value) {
        let Some(schema) = schema.as_object() else {
            return;
        };
        if let Some(reference) = schema.get("$ref").and_then(Value::as_str) {
            let name = reference.rsplit('/').next().unwrap_or_default();
            if let Some(def) = self.defs.get(name) {
                self.value(value, def);
            }
            return;
        }
        if schema.get("format").and_then(Value::as_str) == Some("date") {
            if let Value::String(text) = value
                && let Ok(date) = text.parse::<NaiveDate>()
            {
                *text = format(date, self.lang);
            }
            return;
        }
        for key in ["anyOf", "oneOf", "allOf"] {
            // An option's schema: a formatted date no longer parses, so a
            // value is formatted once whatever the number of options.
            for option in schema.get(key).and_then(Value::as_array).into_iter().flatten() {
                self.value(value, option);
            }
        }
        match value {
            Value::Object(fields) => {
                let Some(properties) = schema.get("properties").and_then(Value::as_object) else {
                    return;
                };
                for (name, field) in fields {
                    if let Some(property) = properties.get(name) {
                        self.value(field, property);
                    }
                }
            }
            Value::Array(items) => {
                if let Some(item) = schema.get("items") {
                    for element in items {
                        self.value(element, item);
                    }
                }
            }
            _ => {}
        }
    }
}
