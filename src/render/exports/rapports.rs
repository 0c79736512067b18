//! The rapports' workbook: what a coordinator hands to funders. One sheet
//! per year, latest first, a row per month that has anything (as on the
//! pages) then the year's total, a column per figure of the month pages.
//! Every figure is a number cell (the attendance rate a fraction shown as a
//! percentage), every month a real date shown as its name; the figures are
//! the view's, counted once by the model: nothing is added up here (a
//! year's sessions count each session once, not once per month).

use super::table::{Cell, Table};
use crate::labels::{Lang, word};
use crate::plan::Input;
use crate::view::View;
use crate::view::rapports::Chiffres;

/// What the workbook is made from: the same files as the rapports pages
/// (ateliers and presences, events, people with their mentorships and
/// parcours, and the PLIE calendar, whose commissions validate exits).
pub fn inputs() -> Vec<Input> {
    vec![
        Input::Folder("data/sessions"),
        Input::Folder("data/clubs"),
        Input::Folder("data/evenements"),
        Input::Folder("data/personnes"),
        Input::File(crate::view::plie::calendar_file()),
    ]
}

/// The figures' columns, after the month's: the label key of each and how
/// to read it from the figures. The PLIE's come last, in PLIE kits only.
type Column = (&'static str, fn(&Chiffres) -> Cell);

fn count(n: usize) -> Cell {
    Cell::Number(n as f64)
}

const COLUMNS: [Column; 13] = [
    ("fig_sessions", |c| count(c.sessions)),
    ("fig_clubs", |c| count(c.clubs)),
    ("fig_ateliers", |c| count(c.ateliers)),
    ("fig_attendus", |c| count(c.attendus)),
    ("fig_presents", |c| count(c.presents)),
    ("fig_taux", |c| {
        c.ratio_presence.map_or(Cell::Empty, Cell::Percent)
    }),
    ("fig_non_renseignes", |c| count(c.non_renseignes)),
    ("fig_nouveaux", |c| count(c.nouveaux)),
    ("fig_parrainages_debut", |c| count(c.parrainages_debut)),
    ("fig_parrainages_fin", |c| count(c.parrainages_fin)),
    ("fig_entretiens", |c| count(c.entretiens)),
    ("fig_evenements", |c| count(c.evenements)),
    ("fig_participants", |c| count(c.participants)),
];

const PLIE_COLUMNS: [Column; 4] = [
    ("fig_sorties", |c| count(c.sorties)),
    ("fig_sorties_formation", |c| count(c.sorties_formation)),
    ("fig_sorties_emploi", |c| count(c.sorties_emploi)),
    ("fig_sorties_validees", |c| count(c.sorties_validees)),
];

/// The workbook's sheets: one per year of the view's rapports.
pub fn tables(view: &View) -> Vec<Table> {
    let lang = view.site.langue;
    let r = &view.rapports;
    let columns: Vec<&Column> = COLUMNS
        .iter()
        .chain(PLIE_COLUMNS.iter().filter(|_| r.plie))
        .collect();
    let figures = |c: &Chiffres| columns.iter().map(|(_, cell)| cell(c)).collect::<Vec<_>>();
    r.annees
        .iter()
        .map(|a| {
            let months = a.mois.iter().map(|m| {
                std::iter::once(Cell::Month(m.premier_jour, m.nom.clone()))
                    .chain(figures(&m.chiffres))
                    .collect()
            });
            let total = std::iter::once(Cell::Text(total(lang, a.annee)))
                .chain(figures(&a.chiffres))
                .collect();
            Table {
                title: a.annee.to_string(),
                headers: std::iter::once(word(lang, "fig_mois"))
                    .chain(columns.iter().map(|(key, _)| word(lang, key)))
                    .map(str::to_string)
                    .collect(),
                rows: months.chain(std::iter::once(total)).collect(),
            }
        })
        .collect()
}

/// The label of a year's total row: « Total 2026 ».
fn total(lang: Lang, annee: i32) -> String {
    format!("{} {annee}", word(lang, "rapport_total"))
}
