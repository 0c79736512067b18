//! The dates and lengths of a form's data, printed in the reader's language.
//! The view keeps them typed (ISO `YYYY-MM-DD` and `PT1H30M` once
//! serialized); the JSON Schema of the data type marks them `format: date`
//! and `format: duration`, so a text that merely looks like a date (an
//! atelier called « 2026-10-06 ») is printed as written.

use crate::form_layout::Target;
use crate::labels::Lang;
use crate::view::form_data::{Contract, contract};
use crate::view::heure::Duree;
use chrono::NaiveDate;
use serde_json::Value;
use std::collections::HashMap;

/// A date as a form prints it.
pub fn format(date: NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::Fr => date.format("%d/%m/%Y").to_string(),
        Lang::En => date.to_string(),
    }
}

/// The data types of the forms' targets, read once.
pub struct DateFields {
    contracts: HashMap<Target, Contract>,
    lang: Lang,
}

impl DateFields {
    /// The data types of `targets`, for dates in `lang`.
    pub fn new(targets: impl IntoIterator<Item = Target>, lang: Lang) -> DateFields {
        DateFields {
            contracts: targets.into_iter().map(|t| (t, contract(t))).collect(),
            lang,
        }
    }

    /// Replaces each date and length of `data` (the serialized data of a
    /// form for `target`) by its printed form.
    pub fn format(&self, target: Target, data: &mut Value) {
        let Some(contract) = self.contracts.get(&target) else {
            return;
        };
        contract.visit(data, &mut |value, schema| {
            let printed = match (schema.get("format").and_then(Value::as_str), &*value) {
                (Some("date"), Value::String(text)) => text
                    .parse::<NaiveDate>()
                    .ok()
                    .map(|date| format(date, self.lang)),
                (Some("duration"), Value::String(text)) => {
                    Duree::parse_iso(text).map(|d| d.display(self.lang))
                }
                _ => return true,
            };
            if let Some(printed) = printed {
                *value = Value::String(printed);
            }
            false
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn certificate() -> Value {
        json!({
            "action": { "type": "club", "titre": "2026-10-06", "debut": "2026-10-01", "fin": "2026-11-30" },
            "ateliers": [{ "date": "2026-10-06", "intitule": "2026-10-06", "cycle": null, "cycle_nom": null, "duree": "PT2H30M" }],
            "aujourdhui": "2026-11-26",
            "total_heures": "PT12H",
        })
    }

    #[test]
    fn dates_are_printed_in_the_language_and_texts_as_written() {
        let mut data = certificate();
        DateFields::new([Target::Attestation], Lang::Fr).format(Target::Attestation, &mut data);
        assert_eq!(data["action"]["debut"], "01/10/2026");
        assert_eq!(data["action"]["fin"], "30/11/2026");
        assert_eq!(data["ateliers"][0]["date"], "06/10/2026");
        assert_eq!(data["aujourdhui"], "26/11/2026");
        assert_eq!(data["action"]["titre"], "2026-10-06");
        assert_eq!(data["ateliers"][0]["duree"], "2 h 30");
        assert_eq!(data["total_heures"], "12 h");
        assert_eq!(data["ateliers"][0]["intitule"], "2026-10-06");

        let mut data = certificate();
        DateFields::new([Target::Attestation], Lang::En).format(Target::Attestation, &mut data);
        assert_eq!(data["ateliers"][0]["date"], "2026-10-06");
    }
}
