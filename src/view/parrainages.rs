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
    let mut groups: Vec<ParParrain> = Vec::new();
    for row in rows {
        match groups
            .iter_mut()
            .find(|g| g.parrain.url == row.parrain.url && g.parrain.nom == row.parrain.nom)
        {
            Some(g) => g.filleuls.push(row.clone()),
            None => groups.push(ParParrain {
                parrain: row.parrain.clone(),
                filleuls: vec![row.clone()],
            }),
        }
    }
    groups.sort_by(|a, b| a.parrain.sort.cmp(&b.parrain.sort));
    groups
}
