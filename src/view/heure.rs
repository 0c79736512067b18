//! Times and lengths as the view holds them: typed, written `HH:MM` and
//! `PT1H30M` (ISO 8601) for templates and exports, formatted by the
//! renderer ([`Duree::display`]).

use crate::labels::Lang;
use crate::model::Horaire as ModelHoraire;
use chrono::NaiveTime;
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Serialize, Serializer};
use std::borrow::Cow;

/// A time of day to the minute (an event's start, the coordination meeting).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Heure(pub NaiveTime);

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

/// A length of time, to the minute (an atelier's, a total of hours attended).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Duree(pub u32);

impl Duree {
    /// The length written `PT1H30M` (as serialized), if it is one.
    pub fn parse_iso(text: &str) -> Option<Duree> {
        let rest = text.strip_prefix("PT")?;
        let (hours, rest) = match rest.split_once('H') {
            Some((h, rest)) => (h.parse::<u32>().ok()?, rest),
            None => (0, rest),
        };
        let minutes = match rest {
            "" => 0,
            m => m.strip_suffix('M')?.parse::<u32>().ok()?,
        };
        Some(Duree(hours * 60 + minutes))
    }

    /// The length as a reader reads it: `1 h 30`, `2 h`, `45 min` (French),
    /// `1 h 30 min` (English).
    pub fn display(self, lang: Lang) -> String {
        match (self.0 / 60, self.0 % 60, lang) {
            (0, m, _) => format!("{m} min"),
            (h, 0, _) => format!("{h} h"),
            (h, m, Lang::Fr) => format!("{h} h {m:02}"),
            (h, m, Lang::En) => format!("{h} h {m:02} min"),
        }
    }
}

impl Serialize for Duree {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match (self.0 / 60, self.0 % 60) {
            (h, 0) => serializer.collect_str(&format_args!("PT{h}H")),
            (0, m) => serializer.collect_str(&format_args!("PT{m}M")),
            (h, m) => serializer.collect_str(&format_args!("PT{h}H{m}M")),
        }
    }
}

impl JsonSchema for Duree {
    fn schema_name() -> Cow<'static, str> {
        "Duree".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({ "type": "string", "format": "duration", "pattern": "^PT([0-9]+H)?([0-9]+M)?$" })
    }
}

/// The hours of an atelier or event on pages and forms: whichever are known.
#[derive(Clone, Copy, Debug, Default, Serialize, JsonSchema)]
pub struct Horaire {
    /// Start.
    pub heure_debut: Option<Heure>,
    /// End.
    pub heure_fin: Option<Heure>,
    /// Length.
    pub duree: Option<Duree>,
}

impl From<ModelHoraire> for Horaire {
    fn from(h: ModelHoraire) -> Horaire {
        Horaire {
            heure_debut: h.debut.map(Heure),
            heure_fin: h.fin.map(Heure),
            duree: h.minutes.map(Duree),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Duree, Heure, NaiveTime};
    use crate::labels::Lang;

    #[test]
    fn written_to_the_minute_and_read_back() {
        let heure = Heure(NaiveTime::from_hms_opt(9, 30, 0).unwrap());
        assert_eq!(serde_json::to_value(heure).unwrap(), "09:30");
    }

    #[test]
    fn lengths_are_iso_for_data_and_words_for_readers() {
        for (minutes, iso, fr) in [
            (90, "PT1H30M", "1 h 30"),
            (120, "PT2H", "2 h"),
            (45, "PT45M", "45 min"),
            (605, "PT10H5M", "10 h 05"),
        ] {
            assert_eq!(serde_json::to_value(Duree(minutes)).unwrap(), iso);
            assert_eq!(Duree::parse_iso(iso), Some(Duree(minutes)));
            assert_eq!(Duree(minutes).display(Lang::Fr), fr);
        }
        assert_eq!(Duree(90).display(Lang::En), "1 h 30 min");
        assert_eq!(Duree::parse_iso("1h30"), None);
    }
}
