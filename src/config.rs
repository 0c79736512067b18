//! carnet.yaml: the kit's settings, as typed ([`RawConfig`]) and as used ([`Config`]).

use crate::diagnostic::Diagnostic;
use crate::load::records::Text;
use crate::load::spanned::Sp;
use crate::source::{FileId, Span};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// carnet.yaml as typed.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawConfig {
    /// Titre du site
    pub titre: Option<Text>,
    /// Nom de l'organisation (en-tête des pages et des formulaires)
    pub organisation: Option<Text>,
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
}

/// The weekly coordination meeting.
#[derive(Debug, Deserialize, JsonSchema)]
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
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawSeuils {
    /// Jours sans entretien de parrainage avant alerte (60 par défaut)
    pub entretien_jours: Option<Sp<u32>>,
    /// Mois sans activité avant d'archiver ou d'anonymiser une fiche (24 par défaut)
    pub retention_mois: Option<Sp<u32>>,
}

/// A funder shown on the forms of the actions it funds.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawFinanceur {
    /// Nom du financeur
    pub nom: Option<Text>,
    /// Logo (PNG ou JPEG), chemin relatif au kit
    pub logo: Option<Text>,
    /// Mention obligatoire
    pub mention: Option<Text>,
}

/// Language of the generated pages and forms.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Français (default).
    #[default]
    Fr,
    /// English.
    En,
}

/// The weekly coordination meeting, checked.
#[derive(Clone, Debug, Serialize)]
pub struct Coordination {
    /// Day of week, 0 = Monday.
    pub weekday: u32,
    /// Day name as typed (lundi…).
    pub jour: String,
    /// Time (HH:MM).
    pub heure: String,
    /// Place.
    pub lieu: String,
}

/// A funder, checked.
#[derive(Clone, Debug, Serialize)]
pub struct Financeur {
    /// Name.
    pub nom: String,
    /// Logo path relative to the kit.
    pub logo: Option<String>,
    /// Mandatory mention.
    pub mention: String,
}

/// The settings every stage uses.
#[derive(Clone, Debug, Serialize)]
pub struct Config {
    /// Site title.
    pub titre: String,
    /// Organisation name.
    pub organisation: String,
    /// Language of pages.
    pub langue: Lang,
    /// Logo path relative to the kit.
    pub logo: Option<String>,
    /// Public base URL, if any.
    pub base_url: Option<String>,
    /// Theme folder name.
    pub theme: String,
    /// Default annuaire consent.
    pub annuaire_par_defaut: bool,
    /// Roles the kit adds.
    pub extra_roles: Vec<String>,
    /// Weekly coordination meeting.
    pub coordination: Option<Coordination>,
    /// Days without a mentoring interview before an alert.
    pub entretien_jours: u32,
    /// Months without activity before a file should be archived.
    pub retention_mois: u32,
    /// Event attestations only after the satisfaction survey.
    pub attestation_apres_satisfaction: bool,
    /// One signature cell per half-day on attendance sheets.
    pub presence_demi_journee: bool,
    /// Funders.
    pub financeurs: Vec<Financeur>,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            titre: "Carnet".into(),
            organisation: String::new(),
            langue: Lang::Fr,
            logo: None,
            base_url: None,
            theme: "default".into(),
            annuaire_par_defaut: true,
            extra_roles: Vec::new(),
            coordination: None,
            entretien_jours: 60,
            retention_mois: 24,
            attestation_apres_satisfaction: false,
            presence_demi_journee: false,
            financeurs: Vec::new(),
        }
    }
}

const WEEKDAYS: [&str; 7] = [
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
];

fn text(value: &Option<Text>) -> Option<String> {
    value
        .as_ref()
        .map(|t| t.text().to_string())
        .filter(|t| !t.is_empty())
}

impl Config {
    /// Checks carnet.yaml and fills in the defaults.
    pub fn from_raw(raw: &RawConfig, file: FileId, diagnostics: &mut Vec<Diagnostic>) -> Config {
        let defaults = Config::default();
        let span = |sp: &Text| Span::new(file, sp.range.clone());
        let langue = match &raw.langue {
            None => Lang::Fr,
            Some(l) => match l.text() {
                "fr" => Lang::Fr,
                "en" => Lang::En,
                other => {
                    diagnostics.push(
                        Diagnostic::error(span(l), format!("langue inconnue « {other} »"))
                            .expected("fr ou en"),
                    );
                    Lang::Fr
                }
            },
        };
        if raw.titre.is_none() {
            diagnostics.push(
                Diagnostic::warning(Span::file_start(file), "carnet.yaml n'a pas de titre")
                    .expected("titre: \"Nom du site\""),
            );
        }
        let coordination = raw.coordination.as_ref().and_then(|c| {
            let mut checker = crate::model::values::Checker { file, diagnostics };
            // Checked even when the day is wrong, so both are reported at once.
            let heure = match &c.heure {
                Some(_) => checker.time(&c.heure),
                None => Some(String::new()),
            };
            let jour = c.jour.as_ref()?;
            let Some(weekday) = WEEKDAYS
                .iter()
                .position(|d| *d == jour.text().to_lowercase())
            else {
                diagnostics.push(
                    Diagnostic::error(span(jour), format!("jour inconnu « {} »", jour.text()))
                        .expected("lundi, mardi, mercredi, jeudi, vendredi, samedi ou dimanche"),
                );
                return None;
            };
            Some(Coordination {
                weekday: weekday as u32,
                jour: WEEKDAYS[weekday].to_string(),
                heure: heure?,
                lieu: text(&c.lieu).unwrap_or_default(),
            })
        });
        let seuils = raw.seuils.as_ref();
        Config {
            titre: text(&raw.titre).unwrap_or(defaults.titre),
            organisation: text(&raw.organisation).unwrap_or_default(),
            langue,
            logo: text(&raw.logo),
            base_url: text(&raw.base_url),
            theme: text(&raw.theme).unwrap_or(defaults.theme),
            annuaire_par_defaut: raw.annuaire_par_defaut.as_ref().is_none_or(|b| b.value),
            extra_roles: raw
                .roles
                .iter()
                .flatten()
                .map(|r| r.text().to_string())
                .collect(),
            coordination,
            entretien_jours: seuils
                .and_then(|s| s.entretien_jours.as_ref())
                .map_or(defaults.entretien_jours, |v| v.value),
            retention_mois: seuils
                .and_then(|s| s.retention_mois.as_ref())
                .map_or(defaults.retention_mois, |v| v.value),
            attestation_apres_satisfaction: raw
                .attestation_apres_satisfaction
                .as_ref()
                .is_some_and(|b| b.value),
            presence_demi_journee: raw.presence_demi_journee.as_ref().is_some_and(|b| b.value),
            financeurs: raw
                .financeurs
                .iter()
                .flatten()
                .map(|f| Financeur {
                    nom: text(&f.nom).unwrap_or_default(),
                    logo: text(&f.logo),
                    mention: text(&f.mention).unwrap_or_default(),
                })
                .collect(),
        }
    }
}
