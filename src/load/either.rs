//! Values that YAML lets staff write in two shapes (a bare word or a mapping).
//! serde's untagged enums lose spans, so these visitors pick the shape by hand.

use super::records::{
    RawParticipant, RawParticipantDetail, RawPresence, RawPresenceDetail, RawPresences, Text,
};
use super::spanned::Sp;
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer};
use std::borrow::Cow;
use std::fmt;

/// What each shape expects, in French (serde's `expecting`) and English: the
/// parse error's message looks the English up here.
pub(super) const EXPECTING: [(&str, &str); 3] = [
    (
        "une table « identifiant: present | absent | excuse »",
        "a table « id: present | absent | excuse »",
    ),
    (
        "present, absent, excuse ou {statut, commentaire}",
        "present, absent, excuse or {statut, commentaire}",
    ),
    (
        "un identifiant de personne ou {personne | nom + email, present, satisfaction, droit_image}",
        "a person id or {personne | nom + email, present, satisfaction, droit_image}",
    ),
];

impl<'de> Deserialize<'de> for RawPresences {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct PresencesVisitor;
        impl<'de> Visitor<'de> for PresencesVisitor {
            type Value = RawPresences;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(EXPECTING[0].0)
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawPresences, A::Error> {
                let mut entries = Vec::new();
                while let Some(key) = map.next_key::<Text>()? {
                    let value = map.next_value::<Sp<RawPresence>>()?;
                    entries.push((key, value));
                }
                Ok(RawPresences(entries))
            }
            fn visit_unit<E: de::Error>(self) -> Result<RawPresences, E> {
                Ok(RawPresences::default())
            }
        }
        deserializer.deserialize_map(PresencesVisitor)
    }
}

impl<'de> Deserialize<'de> for RawPresence {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct PresenceVisitor;
        impl<'de> Visitor<'de> for PresenceVisitor {
            type Value = RawPresence;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(EXPECTING[1].0)
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<RawPresence, E> {
                Ok(RawPresence::Status(v.to_string()))
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<RawPresence, E> {
                Ok(RawPresence::Status(v.to_string()))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<RawPresence, A::Error> {
                RawPresenceDetail::deserialize(de::value::MapAccessDeserializer::new(map))
                    .map(RawPresence::Detail)
            }
        }
        deserializer.deserialize_any(PresenceVisitor)
    }
}

impl<'de> Deserialize<'de> for RawParticipant {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ParticipantVisitor;
        impl<'de> Visitor<'de> for ParticipantVisitor {
            type Value = RawParticipant;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(EXPECTING[2].0)
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<RawParticipant, E> {
                Ok(RawParticipant::Id(v.to_string()))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<RawParticipant, A::Error> {
                RawParticipantDetail::deserialize(de::value::MapAccessDeserializer::new(map))
                    .map(RawParticipant::Detail)
            }
        }
        deserializer.deserialize_any(ParticipantVisitor)
    }
}

impl JsonSchema for RawPresences {
    fn schema_name() -> Cow<'static, str> {
        "Presences".into()
    }
    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let presence = generator.subschema_for::<RawPresence>();
        json_schema!({ "type": "object", "additionalProperties": presence })
    }
}

impl JsonSchema for RawPresence {
    fn schema_name() -> Cow<'static, str> {
        "Presence".into()
    }
    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let detail = generator.subschema_for::<RawPresenceDetail>();
        json_schema!({ "anyOf": [ { "enum": ["present", "absent", "excuse"] }, detail ] })
    }
}

impl JsonSchema for RawParticipant {
    fn schema_name() -> Cow<'static, str> {
        "Participant".into()
    }
    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let detail = generator.subschema_for::<RawParticipantDetail>();
        json_schema!({ "anyOf": [ { "type": "string" }, detail ] })
    }
}
