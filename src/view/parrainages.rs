//! The follow-up of ongoing mentorships (internal profile): how long since
//! the last interview, late ones first, and the mentees of each mentor.

use super::{MentorshipRow, PersonRef};
use crate::labels::{Lang, word};
use crate::model::{Kit, Parrainage};
use schemars::JsonSchema;
use serde::Serialize;

/// How an ongoing mentorship is followed, on the build day.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Suivi {
    /// Since the last interview (« il y a 3 semaines »), or « aucun entretien »
    /// and since the start.
    pub depuis: String,
    /// Days since the last interview held, or since the start without one.
    pub jours: i64,
    /// Beyond carnet.yaml `seuils` (60 days by default).
    pub en_retard: bool,
}

/// The follow-up of `m` on the kit's build day, when it has an interview or a start.
pub(super) fn suivi(kit: &Kit, m: &Parrainage) -> Option<Suivi> {
    let lang = kit.config.langue;
    let since = m.last_contact(kit.today)?;
    let jours = (kit.today - since).num_days();
    let ago = il_y_a(lang, jours);
    let interviewed = m.entretiens.iter().any(|e| e.date <= kit.today);
    let depuis = if interviewed {
        ago
    } else {
        format!(
            "{} ({} {ago})",
            word(lang, "aucun_entretien"),
            word(lang, "depuis_le_debut")
        )
    };
    Some(Suivi {
        depuis,
        jours,
        en_retard: m.late(kit.today, kit.config.entretien_jours),
    })
}

/// « il y a 5 jours », « il y a 3 semaines », « il y a 4 mois »: days up to
/// two weeks, weeks up to two months, months after.
fn il_y_a(lang: Lang, days: i64) -> String {
    let (n, one, many) = match days {
        ..=0 => return word(lang, "aujourd_hui").to_string(),
        1..14 => (days, "jour", "jours"),
        14..61 => (days / 7, "semaine", "semaines"),
        _ => (days / 30, "mois_duree", "mois_durees"),
    };
    let unit = word(lang, if n == 1 { one } else { many });
    word(lang, "il_y_a").replace("{}", &format!("{n} {unit}"))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn time_since_reads_in_days_then_weeks_then_months() {
        let fr = |d| il_y_a(Lang::Fr, d);
        assert_eq!(fr(0), "aujourd'hui");
        assert_eq!(fr(1), "il y a 1 jour");
        assert_eq!(fr(13), "il y a 13 jours");
        assert_eq!(fr(14), "il y a 2 semaines");
        assert_eq!(fr(23), "il y a 3 semaines");
        assert_eq!(fr(60), "il y a 8 semaines");
        assert_eq!(fr(61), "il y a 2 mois");
        assert_eq!(il_y_a(Lang::En, 7 * 3), "3 weeks ago");
        assert_eq!(il_y_a(Lang::En, 30), "4 weeks ago");
        assert_eq!(il_y_a(Lang::En, 95), "3 months ago");
    }
}
