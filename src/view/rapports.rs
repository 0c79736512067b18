//! The rapports as the pages show them (internal profile only): one page
//! per month that has anything, and the year summaries on the index page,
//! each with its charts drawn here as inline SVG and its figures in a table.
//! Every figure comes from [`crate::model::rapports`]; nothing is counted here.

use super::Link;
use super::rapports_svg::{self, Bar};
use crate::labels::{self, Lang};
use crate::model::Kit;
use crate::model::rapports::{Figures, YearFigures};
use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::Serialize;

/// The index of the rapports.
pub const INDEX: &str = "rapports/index.html";

/// The Excel workbook of the rapports (every year, a row per month).
pub const XLSX: &str = "rapports/rapports.xlsx";

/// The page of month `key` (`2026-03`).
pub fn url_mois(key: &str) -> String {
    format!("rapports/{key}.html")
}

/// The figures of one period, as the templates read them.
#[derive(Clone, Debug, Default, Serialize, JsonSchema)]
pub struct Chiffres {
    /// Sessions with an atelier held.
    pub sessions: usize,
    /// Clubs with an atelier held.
    pub clubs: usize,
    /// Ateliers held.
    pub ateliers: usize,
    /// People expected at them.
    pub attendus: usize,
    /// People present.
    pub presents: usize,
    /// Presences not recorded.
    pub non_renseignes: usize,
    /// Attendance rate in percent, when someone was expected.
    pub taux: Option<u32>,
    /// New trainees.
    pub nouveaux: usize,
    /// Mentorships started.
    pub parrainages_debut: usize,
    /// Mentorships ended.
    pub parrainages_fin: usize,
    /// Mentoring interviews held.
    pub entretiens: usize,
    /// Events held.
    pub evenements: usize,
    /// Participants present at them.
    pub participants: usize,
    /// PLIE: positive exits into qualifying training started.
    pub sorties_formation: usize,
    /// PLIE: positive exits into durable employment started.
    pub sorties_emploi: usize,
    /// PLIE: positive exits started, both kinds.
    pub sorties: usize,
    /// PLIE: positive exits validated by a commission held in the period.
    pub sorties_validees: usize,
    /// Present people out of expected ones (0.5 for half), unrounded: the
    /// Excel export's percentage cell.
    #[serde(skip)]
    pub ratio_presence: Option<f64>,
}

impl Chiffres {
    fn of(f: &Figures) -> Chiffres {
        Chiffres {
            sessions: f.sessions,
            clubs: f.clubs,
            ateliers: f.ateliers,
            attendus: f.attendus,
            presents: f.presents,
            non_renseignes: f.non_renseignes,
            taux: f.taux_presence(),
            nouveaux: f.nouveaux,
            parrainages_debut: f.parrainages_debut,
            parrainages_fin: f.parrainages_fin,
            entretiens: f.entretiens,
            evenements: f.evenements,
            participants: f.participants,
            sorties_formation: f.sorties_formation,
            sorties_emploi: f.sorties_emploi,
            sorties: f.sorties(),
            sorties_validees: f.sorties_validees,
            ratio_presence: f.presence_ratio(),
        }
    }
}

/// One month of a year: its name, its page and its figures.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct MoisLigne {
    /// `mars 2026`.
    pub nom: String,
    /// `mars`, `avr.`: a column's heading in the year's table.
    pub court: String,
    /// Root-relative URL of its page.
    pub url: String,
    /// Its first day (the Excel export's month cell).
    #[serde(skip)]
    pub premier_jour: NaiveDate,
    /// Its figures.
    pub chiffres: Chiffres,
}

/// A year: its totals, its months and its two charts.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Annee {
    /// The year.
    pub annee: i32,
    /// Its totals.
    pub chiffres: Chiffres,
    /// Its months that have anything.
    pub mois: Vec<MoisLigne>,
    /// Inline SVG: expected and present people per month, with the rate.
    pub graphique_presences: String,
    /// Inline SVG: ateliers held per month.
    pub graphique_ateliers: String,
    /// Inline SVG: positive exits started per month, training and
    /// employment (PLIE kits with an exit that year only).
    pub graphique_sorties: Option<String>,
}

/// The index page (`rapports.html`): every year, latest first.
#[derive(Clone, Debug, Default, Serialize, JsonSchema)]
pub struct Rapports {
    /// The years that have anything, latest first.
    pub annees: Vec<Annee>,
    /// The kit has PLIE data: positive exits are shown.
    pub plie: bool,
}

/// A month's page (`rapport-mois.html`).
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct RapportMois {
    /// `mars 2026`.
    pub nom: String,
    /// Its figures.
    pub chiffres: Chiffres,
    /// The month before that has anything.
    pub precedent: Option<Link>,
    /// The month after that has anything.
    pub suivant: Option<Link>,
    /// The kit has PLIE data: positive exits are shown.
    pub plie: bool,
}

/// The index and the month pages (with their paths) of `kit`, for the
/// internal profile; nothing for the public one.
pub fn build(kit: &Kit, internal: bool) -> (Rapports, Vec<(String, RapportMois)>) {
    if !internal {
        return (Rapports::default(), Vec::new());
    }
    let lang = kit.config.langue;
    let annees: Vec<Annee> = kit
        .rapports
        .annees
        .iter()
        .rev()
        .map(|y| annee(y, lang, kit.rapports.plie))
        .collect();
    let lignes: Vec<&MoisLigne> = annees.iter().rev().flat_map(|a| &a.mois).collect();
    let link = |l: &MoisLigne| Link {
        label: l.nom.clone(),
        url: l.url.clone(),
    };
    let mois = lignes
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let page = RapportMois {
                nom: l.nom.clone(),
                chiffres: l.chiffres.clone(),
                precedent: i.checked_sub(1).map(|p| link(lignes[p])),
                suivant: lignes.get(i + 1).map(|n| link(n)),
                plie: kit.rapports.plie,
            };
            (l.url.clone(), page)
        })
        .collect();
    let plie = kit.rapports.plie;
    (Rapports { annees, plie }, mois)
}

fn annee(y: &YearFigures, lang: Lang, plie: bool) -> Annee {
    let names = labels::short_months(lang);
    let slot = |m: u32| names[(m - 1) as usize].to_string();
    let mois: Vec<MoisLigne> = y
        .mois
        .iter()
        .map(|m| MoisLigne {
            nom: format!("{} {}", labels::month(lang, m.mois.month), m.mois.year),
            court: slot(m.mois.month),
            url: url_mois(&m.mois.to_string()),
            premier_jour: m.mois.first_day(),
            chiffres: Chiffres::of(&m.figures),
        })
        .collect();
    let mut presences: Vec<Bar> = (1..=12).map(|m| Bar::empty(slot(m))).collect();
    let mut ateliers = presences.clone();
    let mut sorties = presences.clone();
    for m in &y.mois {
        let i = (m.mois.month - 1) as usize;
        let f = &m.figures;
        presences[i].values = vec![f.attendus, f.presents];
        presences[i].note = f.taux_presence().map(|t| format!("{t} %"));
        ateliers[i].values = vec![f.ateliers];
        sorties[i].values = vec![f.sorties_formation, f.sorties_emploi];
    }
    let word = |k| labels::word(lang, k);
    let id = |k: &str| format!("{k}-{}", y.annee);
    Annee {
        annee: y.annee,
        chiffres: Chiffres::of(&y.figures),
        mois,
        graphique_presences: rapports_svg::bars(
            &id("graphique-presences"),
            &format!("{} {}", word("graphique_presences"), y.annee),
            word("graphique_presences_desc"),
            &[word("fig_attendus"), word("fig_presents")],
            &presences,
        ),
        graphique_ateliers: rapports_svg::bars(
            &id("graphique-ateliers"),
            &format!("{} {}", word("graphique_ateliers"), y.annee),
            word("graphique_ateliers_desc"),
            &[word("fig_ateliers")],
            &ateliers,
        ),
        graphique_sorties: (plie && y.figures.sorties() > 0).then(|| {
            rapports_svg::bars(
                &id("graphique-sorties"),
                &format!("{} {}", word("graphique_sorties"), y.annee),
                word("graphique_sorties_desc"),
                &[word("fig_sorties_formation"), word("fig_sorties_emploi")],
                &sorties,
            )
        }),
    }
}
