//! The presence grid of a session or club page (internal profile): one grid
//! per cycle, a row per expected person, a compact mark per atelier
//! (✓ present, A absent, E excusé, ? not recorded, · not expected), each with
//! its words for screen readers and for the list shown on a phone.

use super::PersonRef;
use super::agreement::{self, gender};
use crate::labels::{Gender, Lang, agreed, word};
use crate::model::{Activity, Attendance, Kit};
use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::Serialize;
use std::collections::HashMap;

/// One grid: the ateliers of a cycle (all of a club's) and who was expected.
#[derive(Debug, Serialize, JsonSchema)]
pub struct Grille {
    /// The cycle's name (« Cycle 1 — Formation »); none for a club or
    /// ateliers without a cycle.
    pub titre: Option<String>,
    /// Its ateliers, in order: the columns.
    pub ateliers: Vec<GridAtelier>,
    /// A row per person expected at one of them at least, by name.
    pub lignes: Vec<GridRow>,
    /// The comments of its cells, listed under the grid (a cell shows a `*`).
    pub notes: Vec<GridNote>,
}

/// A comment of a cell, under the grid.
#[derive(Debug, Serialize, JsonSchema)]
pub struct GridNote {
    /// Who.
    pub personne: PersonRef,
    /// Day of the atelier.
    pub date: NaiveDate,
    /// The comment.
    pub commentaire: String,
}

/// A column of the grid.
#[derive(Debug, Serialize, JsonSchema)]
pub struct GridAtelier {
    /// Day.
    pub date: NaiveDate,
    /// Title.
    pub intitule: String,
}

/// A row of the presence grid.
#[derive(Debug, Serialize, JsonSchema)]
pub struct GridRow {
    /// Who.
    pub personne: PersonRef,
    /// One cell per atelier of the grid, in order.
    pub cells: Vec<GridCell>,
}

/// A cell of the presence grid.
#[derive(Debug, Serialize, JsonSchema)]
pub struct GridCell {
    /// Day of the atelier (the phone's list shows it beside the status).
    pub date: NaiveDate,
    /// Status code (`present`… or `non_attendu`), for the style.
    pub code: &'static str,
    /// The compact mark: ✓, A, E, ?, · (empty for an atelier to come).
    pub marque: &'static str,
    /// The status in words, agreed with the person (« Excusée »).
    pub libelle: &'static str,
    /// Comment.
    pub commentaire: Option<String>,
}

/// A mark and what it means, for the legend under the grids.
#[derive(Debug, Serialize, JsonSchema)]
pub struct Legend {
    /// The mark.
    pub marque: &'static str,
    /// What it means.
    pub libelle: &'static str,
}

/// Code of a cell where the person was not expected (enrolled later).
const NOT_EXPECTED: &str = "non_attendu";

/// The compact mark of a cell's code.
fn mark(code: &str) -> &'static str {
    match code {
        "present" => "✓",
        "absent" => "A",
        "excuse" => "E",
        "non_renseigne" => "?",
        NOT_EXPECTED => "·",
        _ => "",
    }
}

/// The legend of the marks, in the site's language.
pub fn legend(lang: Lang) -> Vec<Legend> {
    ["present", "absent", "excuse", "non_renseigne", NOT_EXPECTED]
        .into_iter()
        .map(|code| Legend {
            marque: mark(code),
            libelle: match code {
                NOT_EXPECTED => word(lang, "non_attendu"),
                _ => word_of_status(lang, code),
            },
        })
        .collect()
}

/// A status said of nobody in particular (« Présent(e) »).
fn word_of_status(lang: Lang, code: &str) -> &'static str {
    crate::labels::of_cached(lang)
        .statuts
        .get(code)
        .copied()
        .unwrap_or("")
}

/// The grids of `a`: one per cycle for a session, one for a club.
pub fn grids(kit: &Kit, a: &Activity, refs: &[PersonRef]) -> Vec<Grille> {
    let mut cycles: Vec<Option<u8>> = a.ateliers.iter().map(|at| at.cycle).collect();
    cycles.sort_unstable();
    cycles.dedup();
    cycles
        .into_iter()
        .map(|cycle| grid(kit, a, refs, cycle))
        .collect()
}

/// The grid of the ateliers of `a` in `cycle`.
fn grid(kit: &Kit, a: &Activity, refs: &[PersonRef], cycle: Option<u8>) -> Grille {
    let lang = kit.config.langue;
    let ateliers: Vec<&crate::model::Atelier> =
        a.ateliers.iter().filter(|at| at.cycle == cycle).collect();
    let by_atelier: Vec<HashMap<usize, &Attendance>> = ateliers
        .iter()
        .map(|at| at.attendance.iter().map(|x| (x.personne, x)).collect())
        .collect();
    let lignes: Vec<GridRow> = super::records::inscrits_sorted(a, refs)
        .filter(|e| by_atelier.iter().any(|m| m.contains_key(&e.personne)))
        .map(|e| {
            let g = gender(&kit.personnes[e.personne]);
            GridRow {
                personne: refs[e.personne].clone(),
                cells: ateliers
                    .iter()
                    .zip(&by_atelier)
                    .map(|(at, m)| cell(lang, at.date, m.get(&e.personne).copied(), g))
                    .collect(),
            }
        })
        .collect();
    let notes = lignes
        .iter()
        .flat_map(|row| {
            row.cells.iter().filter_map(|c| {
                Some(GridNote {
                    personne: row.personne.clone(),
                    date: c.date,
                    commentaire: c.commentaire.clone()?,
                })
            })
        })
        .collect();
    Grille {
        titre: cycle.map(|c| {
            let name = word(lang, if c == 1 { "cycle_1" } else { "cycle_2" });
            format!("{} {c} — {name}", word(lang, "cycle"))
        }),
        ateliers: ateliers
            .iter()
            .map(|at| GridAtelier {
                date: at.date,
                intitule: at.intitule.clone(),
            })
            .collect(),
        lignes,
        notes,
    }
}

/// The cell of one person at one atelier (`None`: not expected there).
fn cell(lang: Lang, date: NaiveDate, x: Option<&Attendance>, g: Gender) -> GridCell {
    match x {
        Some(x) => {
            let code = agreement::status_code(x.statut);
            GridCell {
                date,
                code,
                marque: mark(code),
                libelle: agreement::status(lang, x.statut, g),
                commentaire: x.commentaire.clone(),
            }
        }
        None => GridCell {
            date,
            code: NOT_EXPECTED,
            marque: mark(NOT_EXPECTED),
            libelle: agreed(lang, "pas_inscrit", &[g]),
            commentaire: None,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Statut;

    #[test]
    fn every_recorded_status_has_a_mark_of_its_own() {
        let marks: Vec<&str> = [
            Statut::Present,
            Statut::Absent,
            Statut::Excuse,
            Statut::NonRenseigne,
        ]
        .into_iter()
        .map(|s| mark(agreement::status_code(s)))
        .chain([mark(NOT_EXPECTED)])
        .collect();
        assert_eq!(marks, ["✓", "A", "E", "?", "·"]);
        assert_eq!(mark(agreement::status_code(Statut::AVenir)), "");
    }

    #[test]
    fn the_legend_says_what_each_mark_means() {
        let legend = legend(Lang::Fr);
        assert_eq!(legend[0].marque, "✓");
        assert_eq!(legend[0].libelle, "Présent(e)");
        assert_eq!(legend[4].libelle, "Non attendu(e) : pas encore inscrit(e)");
    }
}
