//! carnet.yaml as typed ([`RawConfig`]): what the file may contain, with
//! spans. The model checks it into [`crate::model::config::Config`]; the
//! carnet.yaml schema is derived from these types ([`crate::schema`]).

use super::records::Text;
use super::spanned::Sp;
use schemars::JsonSchema;
use serde::Deserialize;

/// carnet.yaml as typed.
#[derive(Clone, Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawConfig {
    /// Titre du site
    pub titre: Option<Text>,
    /// Nom de l'organisation (en-tête des pages et des formulaires)
    pub organisation: Option<Text>,
    /// Adresse de l'organisation ; sa ville donne le « Fait à » des attestations
    pub adresse: Option<super::records::RawAdresse>,
    /// Langue des pages : fr ou en
    #[schemars(extend("enum" = ["fr", "en"]))]
    pub langue: Option<Text>,
    /// Logo (PNG ou JPEG), chemin relatif au kit
    pub logo: Option<Text>,
    /// Adresse publique du site (facultative)
    pub base_url: Option<Text>,
    /// Thème (dossier sous themes/)
    pub theme: Option<Text>,
    /// Consentement à l'annuaire par défaut (true : il faut refuser explicitement)
    pub annuaire_par_defaut: Option<Sp<bool>>,
    /// Rôles propres au kit, en plus des rôles prévus
    pub roles: Option<Vec<Text>>,
    /// Réunion de coordination hebdomadaire
    pub coordination: Option<RawCoordination>,
    /// Seuils d'alerte du tableau de bord
    pub seuils: Option<RawSeuils>,
    /// Attestation d'un événement seulement après réponse à l'enquête de satisfaction
    pub attestation_apres_satisfaction: Option<Sp<bool>>,
    /// Feuilles de présence avec une signature par demi-journée
    pub presence_demi_journee: Option<Sp<bool>>,
    /// Financeurs (logo et mention sur les formulaires)
    pub financeurs: Option<Vec<RawFinanceur>>,
    /// Noms d'acteurs des procédures à confondre : nom → nom retenu
    pub alias_acteurs: Option<std::collections::BTreeMap<String, Text>>,
    /// PLIE : signataire des courriers de sortie, taille des étiquettes d'archives
    pub plie: Option<super::config_plie::RawPlie>,
}

/// The weekly coordination meeting.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawCoordination {
    /// Jour (lundi … vendredi)
    pub jour: Option<Text>,
    /// Heure (HH:MM)
    pub heure: Option<Text>,
    /// Lieu
    pub lieu: Option<Text>,
}

/// Alert thresholds.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawSeuils {
    /// Jours sans entretien de parrainage avant alerte (60 par défaut)
    pub entretien_jours: Option<Sp<u32>>,
    /// Mois sans activité avant d'archiver ou d'anonymiser une fiche (24 par défaut)
    pub retention_mois: Option<Sp<u32>>,
}

/// A funder shown on the forms of the actions it funds.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawFinanceur {
    /// Nom du financeur
    // For the reader of carnet.yaml: the forms print the logo and the mention.
    pub nom: Option<Text>,
    /// Logo (PNG ou JPEG), chemin relatif au kit
    pub logo: Option<Text>,
    /// Mention obligatoire
    pub mention: Option<Text>,
}
