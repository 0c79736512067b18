//! Facts derived once from the linked records: each person's sessions, clubs,
//! mentees and events, their last activity, and what needs doing.

use super::{ActivityKind, AtelierRef, Kit, Parrainage, Statut, Todo, TodoKind, TodoSubject};
use chrono::{Months, NaiveDate};

/// Fills the back-references and the to-do list of the tableau de bord.
pub(super) fn compute(kit: &mut Kit) {
    back_references(kit);
    last_activity(kit);
    kit.todos = todos(kit);
    kit.presences_a_saisir = presences_a_saisir(kit);
}

/// Ateliers held by today, with people expected, whose file records no presence.
fn presences_a_saisir(kit: &Kit) -> Vec<AtelierRef> {
    let mut list: Vec<AtelierRef> = [
        (ActivityKind::Session, &kit.sessions),
        (ActivityKind::Club, &kit.clubs),
    ]
    .into_iter()
    .flat_map(|(kind, activities)| {
        activities
            .iter()
            .enumerate()
            .flat_map(move |(a, activity)| {
                activity
                    .ateliers
                    .iter()
                    .enumerate()
                    .filter(|(_, at)| {
                        at.held(kit.today) && !at.presences_saisies && !at.attendance.is_empty()
                    })
                    .map(move |(atelier, _)| AtelierRef {
                        kind,
                        activity: a,
                        atelier,
                    })
            })
    })
    .collect();
    list.sort_by_key(|r| r.get(kit).1.date);
    list
}

fn back_references(kit: &mut Kit) {
    for (s, session) in kit.sessions.iter().enumerate() {
        for (e, enrolment) in session.inscrits.iter().enumerate() {
            kit.personnes[enrolment.personne].sessions.push((s, e));
        }
    }
    for (c, club) in kit.clubs.iter().enumerate() {
        for (e, enrolment) in club.inscrits.iter().enumerate() {
            kit.personnes[enrolment.personne].clubs.push((c, e));
        }
    }
    for (v, event) in kit.evenements.iter().enumerate() {
        for (p, participant) in event.participants.iter().enumerate() {
            if let Some(person) = participant.personne {
                kit.personnes[person].evenements.push((v, p));
            }
        }
    }
    let mentorships: Vec<(usize, Vec<usize>)> = kit
        .personnes
        .iter()
        .enumerate()
        .filter_map(|(me, p)| {
            let m = p.parrainage.as_ref()?;
            let mut mentors: Vec<usize> = m.historique.iter().map(|h| h.parrain).collect();
            mentors.push(m.parrain);
            Some((me, mentors))
        })
        .collect();
    for (mentee, mentors) in mentorships {
        for mentor in mentors {
            let list = &mut kit.personnes[mentor].filleuls;
            if !list.contains(&mentee) {
                list.push(mentee);
            }
        }
    }
}

fn last_activity(kit: &mut Kit) {
    let mut last: Vec<Option<NaiveDate>> = vec![None; kit.personnes.len()];
    let today = kit.today;
    // Only what has happened: a session to come or an interview dated ahead is not activity yet.
    let mut seen = |person: usize, date: NaiveDate| {
        if date <= today && last[person].is_none_or(|d| d < date) {
            last[person] = Some(date);
        }
    };
    for activity in kit.sessions.iter().chain(&kit.clubs) {
        for atelier in &activity.ateliers {
            for a in &atelier.attendance {
                if a.statut == Statut::Present {
                    seen(a.personne, atelier.date);
                }
            }
        }
        for e in &activity.inscrits {
            seen(e.personne, activity.mois.first_day());
        }
    }
    for event in &kit.evenements {
        for p in event.participants.iter().filter(|p| p.present) {
            if let Some(person) = p.personne {
                seen(person, event.date);
            }
        }
    }
    for (i, p) in kit.personnes.iter().enumerate() {
        if let Some(m) = &p.parrainage {
            for date in m
                .entretiens
                .iter()
                .map(|e| e.date)
                .chain(m.debut)
                .chain(m.fin)
            {
                seen(i, date);
            }
        }
        if let Some(d) = p.situation.depuis {
            seen(i, d);
        }
    }
    for (person, date) in kit.personnes.iter_mut().zip(last) {
        person.derniere_activite = date;
    }
}

impl Parrainage {
    /// The day a mentorship's follow-up counts from: its last interview held
    /// by `today`, else its start.
    pub fn last_contact(&self, today: NaiveDate) -> Option<NaiveDate> {
        self.entretiens
            .iter()
            .map(|e| e.date)
            .rfind(|d| *d <= today)
            .or(self.debut)
    }

    /// Whether this ongoing mentorship had no interview for more than
    /// `days` days (carnet.yaml `seuils`) on `today`.
    pub fn late(&self, today: NaiveDate, days: u32) -> bool {
        self.en_cours
            && self
                .last_contact(today)
                .is_some_and(|since| (today - since).num_days() > i64::from(days))
    }
}

fn todos(kit: &Kit) -> Vec<Todo> {
    let mut todos = Vec::new();
    let today = kit.today;
    let todo = |kind, personne, date, sujet| Todo {
        kind,
        personne,
        date,
        sujet,
        nom: None,
    };
    for (i, p) in kit.personnes.iter().enumerate() {
        if p.email.is_none() {
            // One task per session or club running: its tutor asks at the next atelier.
            let current = p
                .sessions
                .iter()
                .map(|(s, _)| (ActivityKind::Session, *s, &kit.sessions[*s]))
                .chain(
                    p.clubs
                        .iter()
                        .map(|(c, _)| (ActivityKind::Club, *c, &kit.clubs[*c])),
                )
                .filter(|(_, _, a)| a.last_day() >= today);
            for (kind, a, _) in current {
                let sujet = Some(TodoSubject::Activity(kind, a));
                todos.push(todo(TodoKind::InscritSansEmail, Some(i), None, sujet));
            }
        }
        if let Some(m) = p
            .parrainage
            .as_ref()
            .filter(|m| m.late(today, kit.config.entretien_jours))
        {
            let since = m.last_contact(today);
            todos.push(todo(TodoKind::EntretienEnRetard, Some(i), since, None));
        }
        let retention_limit = today.checked_sub_months(Months::new(kit.config.retention_mois));
        let only_trainee = p.roles.iter().all(|r| r == "stagiaire");
        if only_trainee
            && let (Some(last), Some(limit)) = (p.derniere_activite, retention_limit)
            && last < limit
        {
            todos.push(todo(TodoKind::Retention, Some(i), Some(last), None));
        }
    }
    for (s, session) in kit.sessions.iter().enumerate() {
        for atelier in &session.ateliers {
            for a in atelier
                .attendance
                .iter()
                .filter(|a| a.statut == Statut::Absent)
            {
                let person = &kit.personnes[a.personne];
                let rsa = session
                    .inscrits
                    .iter()
                    .find(|e| e.personne == a.personne)
                    .and_then(|e| e.financement.as_deref())
                    .is_some_and(|f| f.eq_ignore_ascii_case("rsa"));
                let mentored = person.parrainage.as_ref().is_some_and(|m| m.en_cours);
                if rsa && mentored {
                    let sujet = Some(TodoSubject::Activity(ActivityKind::Session, s));
                    todos.push(todo(
                        TodoKind::AbsenceRsa,
                        Some(a.personne),
                        Some(atelier.date),
                        sujet,
                    ));
                }
            }
        }
    }
    for (v, event) in kit.evenements.iter().enumerate().filter(|(_, e)| e.photos) {
        for p in event
            .participants
            .iter()
            .filter(|p| p.present && !p.droit_image)
        {
            todos.push(Todo {
                nom: p.personne.is_none().then(|| p.nom.clone()).flatten(),
                ..todo(
                    TodoKind::DroitImageManquant,
                    p.personne,
                    Some(event.date),
                    Some(TodoSubject::Event(v)),
                )
            });
        }
    }
    todos.sort_by_key(|t| t.kind);
    todos
}
