//! A time of day as the view holds it: typed, written `HH:MM` (ISO 8601,
//! without seconds) for templates and exports, formatted by the renderer.

use chrono::NaiveTime;
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Serialize, Serializer};
use std::borrow::Cow;

/// A time of day to the minute (an event's start, the coordination meeting).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Heure(pub NaiveTime);

impl Heure {
    /// The time written `HH:MM` (validated by the model), if it is one.
    pub fn parse(text: &str) -> Option<Heure> {
        NaiveTime::parse_from_str(text, "%H:%M").ok().map(Heure)
    }
}

impl Serialize for Heure {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&self.0.format("%H:%M"))
    }
}

impl JsonSchema for Heure {
    fn schema_name() -> Cow<'static, str> {
        "Heure".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({ "type": "string", "format": "partial-time", "pattern": "^[0-2][0-9]:[0-5][0-9]$" })
    }
}

#[cfg(test)]
mod tests {
    use super::Heure;

    #[test]
    fn written_to_the_minute_and_read_back() {
        let heure = Heure::parse("09:30").expect("a time");
        assert_eq!(serde_json::to_value(heure).unwrap(), "09:30");
        assert_eq!(Heure::parse("9h30"), None);
    }
}
