//! carnet.yaml as used: the checked settings ([`Config`]) every later stage
//! reads, with their defaults and rules.

use crate::diagnostic::{Diagnostic, msg};
use crate::labels::Lang;
use crate::load::config::RawConfig;
use crate::load::records::Text;
use crate::source::{FileId, Span};
use serde::Serialize;

/// The weekly coordination meeting, checked.
#[derive(Clone, Debug, Serialize)]
pub struct Coordination {
    /// Day of week, 0 = Monday.
    pub weekday: u32,
    /// Day name as typed (lundi…).
    pub jour: String,
    /// Time, when given.
    pub heure: Option<chrono::NaiveTime>,
    /// Place.
    pub lieu: String,
}

/// A funder, checked.
#[derive(Clone, Debug)]
pub struct Financeur {
    /// Logo path relative to the kit.
    pub logo: Option<String>,
    /// Mandatory mention.
    pub mention: String,
}

/// The settings every stage uses.
#[derive(Clone, Debug)]
pub struct Config {
    /// Site title.
    pub titre: String,
    /// Organisation name.
    pub organisation: String,
    /// Organisation's postal address (its town: « Fait à … » on certificates).
    pub adresse: super::Adresse,
    /// Language of pages.
    pub langue: Lang,
    /// Logo path relative to the kit.
    pub logo: Option<String>,
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
    /// The site's public address, ending with `/` (calendar feeds give
    /// absolute links and `webcal://` subscriptions with it).
    pub base_url: Option<String>,
    /// The PLIE's printed documents (carnet.yaml `plie:`).
    pub plie: super::config_plie::PlieConfig,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            titre: "Carnet".into(),
            organisation: String::new(),
            adresse: super::Adresse::default(),
            langue: Lang::Fr,
            logo: None,
            theme: "default".into(),
            annuaire_par_defaut: true,
            extra_roles: Vec::new(),
            coordination: None,
            entretien_jours: 60,
            retention_mois: 24,
            attestation_apres_satisfaction: false,
            presence_demi_journee: false,
            financeurs: Vec::new(),
            base_url: None,
            plie: super::config_plie::PlieConfig::default(),
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
                        Diagnostic::error_msg(
                            span(l),
                            msg(
                                format!("langue inconnue « {other} »"),
                                format!("unknown langue « {other} »"),
                            ),
                        )
                        .expected_msg(msg("fr ou en", "fr or en")),
                    );
                    Lang::Fr
                }
            },
        };
        if raw.titre.is_none() {
            diagnostics.push(
                Diagnostic::warning_msg(
                    Span::file_start(file),
                    msg("carnet.yaml n'a pas de titre", "carnet.yaml has no titre"),
                )
                .expected_msg(msg("titre: \"Nom du site\"", "titre: \"Name of the site\"")),
            );
        }
        let coordination = raw.coordination.as_ref().and_then(|c| {
            let mut checker = super::values::Checker { file, diagnostics };
            // Checked even when the day is wrong, so both are reported at once.
            let heure = match &c.heure {
                Some(t) => super::horaire::time(&mut checker, t).map(Some),
                None => Some(None),
            };
            let jour = c.jour.as_ref()?;
            let Some(weekday) = WEEKDAYS
                .iter()
                .position(|d| *d == jour.text().to_lowercase())
            else {
                diagnostics.push(
                    Diagnostic::error_msg(span(jour), msg(
                        format!("jour inconnu « {} »", jour.text()),
                        format!("unknown day « {} »", jour.text()),
                    ))
                        .expected_msg(msg(
                            "lundi, mardi, mercredi, jeudi, vendredi, samedi ou dimanche",
                            "lundi, mardi, mercredi, jeudi, vendredi, samedi or dimanche (the days in French)",
                        )),
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
        let base_url = raw
            .base_url
            .as_ref()
            .and_then(|u| base_url(u, file, diagnostics));
        let seuils = raw.seuils.as_ref();
        Config {
            titre: text(&raw.titre).unwrap_or(defaults.titre),
            organisation: text(&raw.organisation).unwrap_or_default(),
            adresse: raw
                .adresse
                .as_ref()
                .map(super::personne::adresse)
                .unwrap_or_default(),
            langue,
            logo: text(&raw.logo),
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
                    logo: text(&f.logo),
                    mention: text(&f.mention).unwrap_or_default(),
                })
                .collect(),
            base_url,
            plie: super::config_plie::PlieConfig::from_raw(raw.plie.as_ref(), file, diagnostics),
        }
    }
}

/// carnet.yaml `base_url` as feeds use it (`https://…/`, ending with `/`), or
/// an error at its value.
fn base_url(url: &Text, file: FileId, diagnostics: &mut Vec<Diagnostic>) -> Option<String> {
    let text = url.text().trim();
    let rest = text
        .strip_prefix("https://")
        .or_else(|| text.strip_prefix("http://"));
    match rest {
        Some(host) if !host.is_empty() && !host.contains(char::is_whitespace) => {
            Some(format!("{}/", text.trim_end_matches('/')))
        }
        _ => {
            diagnostics.push(
                Diagnostic::error_msg(
                    Span::new(file, url.range.clone()),
                    msg(
                        format!("adresse du site invalide « {text} »"),
                        format!("invalid site address « {text} »"),
                    ),
                )
                .expected_msg(msg(
                    "une adresse complète, par exemple https://passerelle.example.org/carnet/",
                    "a full address, for example https://passerelle.example.org/carnet/",
                )),
            );
            None
        }
    }
}
