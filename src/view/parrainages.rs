//! The follow-up of ongoing mentorships (internal profile): how long since
//! the last interview, late ones first, and the mentees of each mentor.

use super::{MentorshipRow, PersonRef};
use crate::model::{Kit, Parrainage};
use schemars::JsonSchema;
use serde::Serialize;

/// How an ongoing mentorship is followed, on the build day.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Suivi {
    /// Days since the last interview held, or since the start without one
    /// (the `il_y_a` filter writes « il y a 3 semaines »).
    pub jours: i64,
    /// Whether an interview was held (else `jours` counts from the start).
    pub entretien: bool,
    /// Beyond carnet.yaml `seuils` (60 days by default).
    pub en_retard: bool,
}

/// The follow-up of `m` on the kit's build day, when it has an interview or a start.
pub(super) fn suivi(kit: &Kit, m: &Parrainage) -> Option<Suivi> {
    let since = m.last_contact(kit.today)?;
    Some(Suivi {
        jours: (kit.today - since).num_days(),
        entretien: m.entretiens.iter().any(|e| e.date <= kit.today),
        en_retard: m.late(kit.today, kit.config.entretien_jours),
    })
}

/// Puts late mentorships first, the longest without an interview first; the
/// others keep their order (by mentee).
pub(super) fn late_first(rows: &mut [MentorshipRow]) {
    rows.sort_by_key(|r| match &r.suivi {
        Some(s) if s.en_retard => (false, -s.jours),
        _ => (true, 0),
    });
}

/// A mentor and their ongoing mentees.
#[derive(Debug, Serialize, JsonSchema)]
pub struct ParParrain {
    /// The parrain or marraine.
    pub parrain: PersonRef,
    /// Their mentees, late ones first.
    pub filleuls: Vec<MentorshipRow>,
}

/// The ongoing mentorships `rows` grouped by mentor, mentors by name.
pub(super) fn par_parrain(rows: &[MentorshipRow]) -> Vec<ParParrain> {
    // Each mentor's group by name and link, found in one lookup: a scan of
    // the groups for each row grew with mentors × mentorships.
    let mut groups: Vec<ParParrain> = Vec::new();
    let mut index: std::collections::HashMap<(&str, Option<&str>), usize> =
        std::collections::HashMap::new();
    for row in rows {
        let who = (row.parrain.nom.as_str(), row.parrain.url.as_deref());
        match index.get(&who) {
            Some(&g) => groups[g].filleuls.push(row.clone()),
            None => {
                index.insert(who, groups.len());
                groups.push(ParParrain {
                    parrain: row.parrain.clone(),
                    filleuls: vec![row.clone()],
                });
            }
        }
    }
    groups.sort_by(|a, b| a.parrain.sort.cmp(&b.parrain.sort));
    groups
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::labels::Gender;

    fn person(nom: &str, url: Option<&str>, sort: &str) -> PersonRef {
        PersonRef {
            nom: nom.to_string(),
            url: url.map(str::to_string),
            sort: (sort.to_string(), String::new()),
            gender: Gender::Masculine,
        }
    }

    fn row(filleul: &str, parrain: PersonRef) -> MentorshipRow {
        MentorshipRow {
            filleul: person(filleul, None, filleul),
            parrain,
            debut: None,
            fin: None,
            motif_fin: None,
            entretiens: None,
            dernier_entretien: None,
            suivi: None,
        }
    }

    fn names(groups: &[ParParrain]) -> Vec<(String, Vec<String>)> {
        groups
            .iter()
            .map(|g| {
                let mentees = g.filleuls.iter().map(|r| r.filleul.nom.clone()).collect();
                (g.parrain.nom.clone(), mentees)
            })
            .collect()
    }

    #[test]
    fn mentees_are_grouped_by_mentor_in_row_order_and_mentors_by_name() {
        let martin = || person("Paul MARTIN", Some("personnes/pa.html"), "MARTIN");
        let blanc = || person("Inès BLANC", Some("personnes/ib.html"), "BLANC");
        // Two people named alike are two mentors: their fiches differ.
        let other_martin = person("Paul MARTIN", Some("personnes/pa2.html"), "MARTIN");
        let rows = vec![
            row("Zoé", martin()),
            row("Anne", blanc()),
            row("Léo", other_martin),
            row("Basile", martin()),
        ];
        assert_eq!(
            names(&par_parrain(&rows)),
            vec![
                ("Inès BLANC".to_string(), vec!["Anne".to_string()]),
                (
                    "Paul MARTIN".to_string(),
                    vec!["Zoé".to_string(), "Basile".to_string()]
                ),
                ("Paul MARTIN".to_string(), vec!["Léo".to_string()]),
            ]
        );
    }
}
