//! A sample value of a view type, made from its JSON Schema: every field
//! present, every list with one element, every optional value set (or, for
//! the other branch of each `{% if %}`, a [`minimal`] one). `check` renders
//! each template and form layout over such samples in strict mode, so that a
//! misspelt variable (`{{ page.telephon }}`) is reported with its file and
//! line before any build, whatever the kit's records hold. Dates, times and
//! lengths are real ones (`2026-09-14`, `09:30`, `PT1H30M`), so that the filters formatting them
//! accept them.

use schemars::JsonSchema;
use serde_json::{Map, Value};

/// A sample of `T`, as a template would receive it once serialized.
pub fn sample<T: JsonSchema>() -> Value {
    sample_of::<T>(true)
}

/// The smallest sample of `T`: every field present, but optional values
/// unset (`null`), lists and maps empty, text empty, `false` and `0`.
pub fn minimal<T: JsonSchema>() -> Value {
    sample_of::<T>(false)
}

fn sample_of<T: JsonSchema>(full: bool) -> Value {
    let schema = schemars::schema_for!(T).to_value();
    let defs = schema
        .get("$defs")
        .and_then(Value::as_object)
        .cloned()
        .unwrap_or_default();
    Sampler {
        defs,
        root: schema.clone(),
        depth: 0,
        full,
    }
    .value(&schema)
}

struct Sampler {
    defs: Map<String, Value>,
    /// The whole schema: `$ref: "#"` is the type itself.
    root: Value,
    /// Nesting of references followed, so that a recursive type ends.
    depth: usize,
    /// Whether optional values are set and lists hold one element.
    full: bool,
}

/// References followed at most this deep (recursive types stop there).
const MAX_DEPTH: usize = 12;

impl Sampler {
    fn value(&mut self, schema: &Value) -> Value {
        let Some(schema) = schema.as_object() else {
            // `true`: anything goes.
            return Value::String("x".into());
        };
        if let Some(reference) = schema.get("$ref").and_then(Value::as_str) {
            let def = if reference == "#" {
                self.root.clone()
            } else {
                let name = reference.rsplit('/').next().unwrap_or_default();
                match self.defs.get(name) {
                    Some(def) => def.clone(),
                    None => return Value::Null,
                }
            };
            if self.depth >= MAX_DEPTH {
                return Value::Null;
            }
            self.depth += 1;
            let value = self.value(&def);
            self.depth -= 1;
            return value;
        }
        if let Some(constant) = schema.get("const") {
            return constant.clone();
        }
        if let Some(first) = schema
            .get("enum")
            .and_then(Value::as_array)
            .and_then(|values| values.iter().find(|v| !v.is_null()))
        {
            return first.clone();
        }
        for key in ["anyOf", "oneOf", "allOf"] {
            if let Some(options) = schema.get(key).and_then(Value::as_array) {
                // The first option that is not `null`: an Option is sampled as
                // set, or as `null` in a minimal sample.
                let is_null = |o: &&Value| o.get("type").and_then(Value::as_str) == Some("null");
                if !self.full && options.iter().any(|o| is_null(&o)) {
                    return Value::Null;
                }
                let chosen = options.iter().find(|o| !is_null(o)).or(options.first());
                if let Some(option) = chosen {
                    return self.value(option);
                }
            }
        }
        let kind = match schema.get("type") {
            Some(Value::String(kind)) => kind.as_str(),
            Some(Value::Array(kinds)) if !self.full && kinds.contains(&Value::from("null")) => {
                "null"
            }
            Some(Value::Array(kinds)) => kinds
                .iter()
                .filter_map(Value::as_str)
                .find(|k| *k != "null")
                .unwrap_or("null"),
            _ if schema.contains_key("properties") => "object",
            _ => "string",
        };
        match kind {
            "object" => self.object(schema),
            "array" if !self.full => Value::Array(Vec::new()),
            "array" => {
                let item = schema.get("items").cloned().unwrap_or(Value::Bool(true));
                Value::Array(vec![self.value(&item)])
            }
            "integer" | "number" => Value::from(u8::from(self.full)),
            "boolean" => Value::Bool(self.full),
            "null" => Value::Null,
            _ => self.text(schema),
        }
    }

    /// A string: a real date or time where the schema says so, else text.
    fn text(&self, schema: &Map<String, Value>) -> Value {
        let text = match schema.get("format").and_then(Value::as_str) {
            Some("date") => "2026-09-14",
            Some("partial-time") => "09:30",
            Some("duration") => "PT1H30M",
            Some("date-time") => "2026-09-14T09:30:00",
            _ if self.full => "x",
            _ => "",
        };
        Value::String(text.into())
    }

    fn object(&mut self, schema: &Map<String, Value>) -> Value {
        let mut object = Map::new();
        if let Some(properties) = schema.get("properties").and_then(Value::as_object) {
            for (name, property) in properties {
                let value = self.value(property);
                object.insert(name.clone(), value);
            }
        }
        if let Some(extra) = schema
            .get("additionalProperties")
            .filter(|a| a.is_object() && self.full)
        {
            // A map: one entry, under a key no field is named.
            let value = self.value(extra);
            object.insert("x".into(), value);
        }
        Value::Object(object)
    }
}

#[cfg(test)]
mod tests {
    use super::{minimal, sample};
    use schemars::JsonSchema;
    use serde_json::json;

    #[derive(JsonSchema)]
    #[allow(dead_code)]
    struct Inner {
        date: chrono::NaiveDate,
        flag: bool,
    }

    #[derive(JsonSchema)]
    #[allow(dead_code)]
    struct Outer {
        name: String,
        count: usize,
        maybe: Option<Inner>,
        list: Vec<Inner>,
        tree: Option<Box<Outer>>,
    }

    #[test]
    fn every_field_is_present_lists_have_one_element_and_recursion_ends() {
        let value = sample::<Outer>();
        assert_eq!(value["name"], json!("x"));
        assert_eq!(value["count"], json!(1));
        assert_eq!(value["maybe"]["flag"], json!(true));
        assert_eq!(value["maybe"]["date"], json!("2026-09-14"));
        assert_eq!(value["list"].as_array().map(Vec::len), Some(1));
        assert!(value["tree"]["tree"]["name"].is_string());
    }

    #[test]
    fn a_minimal_sample_leaves_options_unset_and_lists_empty() {
        let small = minimal::<Outer>();
        assert_eq!(
            small,
            json!({ "name": "", "count": 0, "maybe": null, "list": [], "tree": null })
        );
    }
}
