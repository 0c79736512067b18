//! content/procedures/*.md (YAML front matter + Markdown body): the
//! procedure reference as typed, every leaf with its span. The rules
//! (numbering, acteurs, `suivant` targets, document codes) are the model's
//! (`model/procedure.rs`).

use super::records::Text;
use super::spanned::Sp;
use crate::diagnostic::Diagnostic;
use crate::source::{FileId, SourceFile, Span};
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::de::{self, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer};
use std::borrow::Cow;
use std::fmt;

/// The front matter of a procedure.
#[derive(Clone, Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawProcedureFront {
    /// Code de la procédure (P01…) ; par défaut le nom du fichier
    pub code: Option<Text>,
    /// Titre
    #[schemars(required)]
    pub titre: Option<Text>,
    /// Famille (regroupement dans l'index)
    pub famille: Option<Text>,
    /// Finalité : à quoi sert la procédure
    pub finalite: Option<Text>,
    /// Version
    pub version: Option<Text>,
    /// Date de mise à jour (AAAA-MM-JJ)
    pub mis_a_jour: Option<Text>,
    /// Acteurs (un couloir du logigramme chacun)
    pub acteurs: Option<Vec<Text>>,
    /// Étapes, numérotées de 1 à n
    pub etapes: Option<Vec<RawEtape>>,
    /// Documents de référence (texte libre)
    pub documents_reference: Option<Vec<Text>>,
    /// Outils (codes du catalogue data/documents.yaml ou d'autres procédures)
    pub outils: Option<Vec<Text>>,
}

/// One step of a procedure.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawEtape {
    /// Numéro de l'étape (1, 2, 3…)
    pub n: Option<Sp<u32>>,
    /// Acteur (un nom de `acteurs`), ou une liste pour une étape faite ensemble
    pub acteur: Option<Sp<RawActeurs>>,
    /// Ce qui est fait
    pub action: Option<Text>,
    /// Repère dans le temps (« J-15 », « fin d'année universitaire »)
    pub repere: Option<Text>,
    /// Prérequis
    pub prerequis: Option<Text>,
    /// Étapes suivantes : [3] ou [{n: 4, si: "dossier complet"}] ; par défaut l'étape d'après
    pub suivant: Option<Vec<Sp<RawSuivant>>>,
    /// Jonction : toutes (toutes les étapes qui y mènent) ou une (l'une d'elles suffit)
    #[schemars(extend("enum" = ["toutes", "une"]))]
    pub attend: Option<Text>,
    /// Documents utilisés (codes)
    pub documents: Option<Vec<Text>>,
}

/// The acteur of a step: one name, or several for a step done together.
#[derive(Clone, Debug)]
pub enum RawActeurs {
    /// `acteur: Tuteur`
    One(String),
    /// `acteur: [Tuteur, Stagiaire]`, each with its span.
    Many(Vec<Text>),
}

/// Where a step leads.
#[derive(Clone, Debug)]
pub enum RawSuivant {
    /// `3`
    To(u32),
    /// `{n: 4, si: "dossier complet"}`
    Branch(RawBranche),
}

/// A labelled branch.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawBranche {
    /// Numéro de l'étape suivante
    #[schemars(required)]
    pub n: Option<Sp<u32>>,
    /// Condition (« dossier complet »)
    pub si: Option<Text>,
}

/// A procedure file: front matter and Markdown body.
#[derive(Clone, Debug)]
pub struct RawProcedure {
    /// Front matter.
    pub front: RawProcedureFront,
    /// Markdown after the front matter.
    pub body: String,
}

/// Parses a procedure file: a front matter is required.
pub(super) fn parse(source: &SourceFile, file: FileId) -> super::ParseOutcome<RawProcedure> {
    let text = source.text.as_str();
    if !(text.starts_with("---\n") || text.starts_with("---\r\n")) {
        return super::ParseOutcome::failed(vec![
            Diagnostic::error(
                Span::file_start(file),
                "une procédure commence par un en-tête « --- »",
            )
            .en("a procedure starts with a « --- » header")
            .expected(
                "« --- », puis code, titre, acteurs et etapes, puis « --- » et le texte libre",
            )
            .expected_en(
                "« --- », then code, titre, acteurs and etapes, then « --- » and the free text",
            ),
        ]);
    }
    super::pages::parse_front(source, file).map(|(front, body)| RawProcedure { front, body })
}

impl<'de> Deserialize<'de> for RawActeurs {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ActeursVisitor;
        impl<'de> Visitor<'de> for ActeursVisitor {
            type Value = RawActeurs;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("un nom d'acteur ou une liste de noms")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<RawActeurs, E> {
                Ok(RawActeurs::One(v.to_string()))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<RawActeurs, A::Error> {
                let mut names = Vec::new();
                while let Some(name) = seq.next_element::<Text>()? {
                    names.push(name);
                }
                Ok(RawActeurs::Many(names))
            }
        }
        deserializer.deserialize_any(ActeursVisitor)
    }
}

impl<'de> Deserialize<'de> for RawSuivant {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct SuivantVisitor;
        impl<'de> Visitor<'de> for SuivantVisitor {
            type Value = RawSuivant;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("un numéro d'étape ou {n: numéro, si: condition}")
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<RawSuivant, E> {
                u32::try_from(v)
                    .map(RawSuivant::To)
                    .map_err(|_| E::invalid_value(de::Unexpected::Unsigned(v), &self))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<RawSuivant, E> {
                u32::try_from(v)
                    .map(RawSuivant::To)
                    .map_err(|_| E::invalid_value(de::Unexpected::Signed(v), &self))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<RawSuivant, A::Error> {
                RawBranche::deserialize(de::value::MapAccessDeserializer::new(map))
                    .map(RawSuivant::Branch)
            }
        }
        deserializer.deserialize_any(SuivantVisitor)
    }
}

impl JsonSchema for RawActeurs {
    fn schema_name() -> Cow<'static, str> {
        "Acteurs".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({ "anyOf": [ { "type": "string" }, { "type": "array", "items": { "type": "string" } } ] })
    }
}

impl JsonSchema for RawSuivant {
    fn schema_name() -> Cow<'static, str> {
        "Suivant".into()
    }
    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let branch = generator.subschema_for::<RawBranche>();
        json_schema!({ "anyOf": [ { "type": "integer", "minimum": 1 }, branch ] })
    }
}
