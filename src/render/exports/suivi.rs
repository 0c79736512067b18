//! The « suivi des sorties » workbook (issue 13, seed 004): one row per PLIE
//! exit step, in the order of the sorties page (by commission, then person),
//! with every derived date as a real Excel date and the documents still
//! missing in one cell, one per line. It replaces the shared spreadsheet
//! the assistant·es kept by hand. Made from the View's sorties only.

use super::table::{Cell, Table};
use crate::labels::{Lang, word};
use crate::view::plie::{SortieLigne, Sorties};
use crate::view::plie_suivi::{etat_etape_key, etat_key, missing_keys, type_key};

/// The columns, as label keys.
const HEADERS: [&str; 21] = [
    "plie_participant",
    "plie_referent",
    "plie_assistant",
    "type",
    "plie_libelle",
    "plie_axe_fse",
    "debut",
    "fin",
    "plie_etat_etape",
    "plie_commission",
    "plie_provisoire_court",
    "plie_liaison_avant",
    "plie_reliee_le_col",
    "plie_courriers_avant",
    "plie_courriers_le",
    "plie_dossier_avant",
    "plie_dossier_clos_le",
    "plie_archive",
    "plie_etat_dossier",
    "plie_en_retard_col",
    "plie_pieces_manquantes",
];

/// The sheet of `sorties` (empty when the kit has no PLIE).
pub fn table(lang: Lang, sorties: Option<&Sorties>) -> Table {
    let mut rows = Vec::new();
    for c in sorties.into_iter().flat_map(|s| &s.commissions) {
        for l in &c.lignes {
            rows.push(row(lang, c.date, c.provisoire, l));
        }
    }
    Table {
        title: word(lang, "plie_suivi_sorties").to_string(),
        headers: HEADERS.iter().map(|k| word(lang, k).to_string()).collect(),
        rows,
    }
}

fn yes(lang: Lang, flag: bool) -> Cell {
    if flag {
        Cell::Text(word(lang, "oui").to_string())
    } else {
        Cell::Empty
    }
}

fn row(lang: Lang, commission: chrono::NaiveDate, provisoire: bool, l: &SortieLigne) -> Vec<Cell> {
    let name =
        |link: &Option<crate::view::Link>| Cell::text(link.as_ref().map(|l| l.label.as_str()));
    let missing: Vec<&str> = missing_keys(l).map(|k| word(lang, k)).collect();
    vec![
        Cell::Text(l.personne.label.clone()),
        name(&l.referent),
        name(&l.assistant),
        Cell::Text(word(lang, type_key(l)).to_string()),
        Cell::Text(l.libelle.clone()),
        Cell::Number(l.axe_fse.into()),
        Cell::Date(l.debut),
        Cell::date(l.fin),
        Cell::Text(word(lang, etat_etape_key(l)).to_string()),
        Cell::Date(commission),
        yes(lang, provisoire),
        Cell::date(l.liaison_avant),
        Cell::date(l.liaison),
        Cell::date(l.courriers_avant),
        Cell::date(l.courriers),
        Cell::date(l.dossier_avant),
        Cell::date(l.dossier_clos),
        l.annee_archive
            .map_or(Cell::Empty, |y| Cell::Number(y.into())),
        Cell::Text(word(lang, etat_key(l.etat_dossier)).to_string()),
        yes(lang, l.en_retard),
        Cell::text(Some(&missing.join("\n"))),
    ]
}
