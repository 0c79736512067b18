//! The tableau de bord of the internal profile: every task, atelier whose
//! presences are to be recorded and validation warning, grouped by who must
//! act on it, people named and linked to their fiche.
//!
//! Who acts on what (from the source processes):
//! - the tutors of a session or club (one group per team) record its
//!   presences (« présences à saisir »), ask a trainee enrolled without an
//!   email for it at the next atelier, and fix the warnings of that session's
//!   or club's file;
//! - the responsable des parrains follows the mentorships without a recent
//!   interview;
//! - the responsable RSA follows the unexcused absences of RSA beneficiaries
//!   in mentorship;
//! - the responsable emploi does the rest: image releases of events, files to
//!   archive, warnings of every other file (fiches, events, carnet.yaml…).
//!
//! A session or club without a tutor leaves its tasks to the responsable emploi.
//!
//! PLIE deadlines (linking an exit step, exit letters, closing a file) are
//! the assistant·e's of the parcours (seed 004), else its accompagnateur·rice's,
//! else the responsable emploi's: one group per person.

use super::{Link, people, urls};
use crate::diagnostic::Diagnostic;
use crate::labels::agreed;
use crate::model::{Activity, ActivityKind, AtelierRef, Civilite, Kit, TodoKind, TodoSubject};
use crate::source::FileId;
use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap, HashSet};

/// Who must act on a line of the tableau de bord, in the order of the page.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Acteur {
    ResponsableEmploi,
    /// The tutors of a session or club (indices in `Kit::personnes`).
    Tuteurs(Vec<usize>),
    ResponsableParrains,
    ResponsableRsa,
    /// The assistant·e (or accompagnateur·rice) following PLIE files.
    Plie(usize),
}

impl Acteur {
    /// The tutors of `activity`, or the responsable emploi when it has none.
    fn of_activity(activity: &Activity) -> Acteur {
        if activity.tuteurs.is_empty() {
            Acteur::ResponsableEmploi
        } else {
            // Sorted, so that the same team is one group whatever order a file lists it in.
            let mut tutors = activity.tuteurs.clone();
            tutors.sort_unstable();
            tutors.dedup();
            Acteur::Tuteurs(tutors)
        }
    }

    /// The word for whoever acts, agreeing with the tutors' civilité
    /// (`t["acteur_" ~ code]` writes it): `responsable_emploi`, `tuteur`,
    /// `tutrices`…
    fn code(&self, kit: &Kit) -> &'static str {
        match self {
            Acteur::ResponsableEmploi => "responsable_emploi",
            Acteur::Tuteurs(tutors) => {
                let women = tutors
                    .iter()
                    .all(|&t| kit.personnes[t].civilite == Civilite::Mme);
                match (tutors.len(), women) {
                    (1, false) => "tuteur",
                    (1, true) => "tutrice",
                    (_, false) => "tuteurs",
                    (_, true) => "tutrices",
                }
            }
            Acteur::ResponsableParrains => "responsable_parrains",
            Acteur::ResponsableRsa => "responsable_rsa",
            Acteur::Plie(i) => {
                let p = &kit.personnes[*i];
                let woman = p.civilite == Civilite::Mme;
                match (p.has_role("assistant"), woman) {
                    (true, false) => "assistant",
                    (true, true) => "assistante",
                    (false, false) => "accompagnateur",
                    (false, true) => "accompagnatrice",
                }
            }
        }
    }
}

/// The part of the tableau de bord for one person or role.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Groupe {
    /// Anchor of its section (`responsable_emploi`, `tuteurs-martin-claire`).
    pub id: String,
    /// Who acts, as a word (`t["acteur_" ~ code]`): `responsable_emploi`,
    /// `tuteur`, `tutrice`, `tuteurs`, `tutrices`, `responsable_parrains`,
    /// `responsable_rsa`.
    pub acteur: String,
    /// Who: the tutors, or the people holding the role (may be empty).
    pub personnes: Vec<Link>,
    /// Held ateliers whose presences are not recorded yet.
    pub presences_a_saisir: Vec<PresencesASaisir>,
    /// Tasks.
    pub todos: Vec<TodoView>,
    /// Validation warnings of the files this group looks after.
    pub avertissements: Vec<Avertissement>,
    /// PLIE deadlines of the coming weeks, overdue ones first.
    pub echeances: Vec<super::plie::Echeance>,
    /// Clubs meeting within two weeks whose convocation list is not empty.
    pub convocations: Vec<ConvocationAEnvoyer>,
}

/// A club meeting soon: its convocation is to be sent.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct ConvocationAEnvoyer {
    /// The club's page.
    pub club: Link,
    /// Its next atelier.
    pub date: NaiveDate,
    /// How many people the list convenes.
    pub personnes: usize,
    /// The convocation page (addresses in Bcc, CSV, Excel).
    pub page: String,
}

/// How far ahead a club's convocation is announced on the tableau de bord.
const CONVOCATION_DAYS: i64 = 14;

/// A task, with what a sentence needs: who, what, when.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct TodoView {
    /// Kind (`t.todos[kind]` names it; the template words the sentence).
    pub kind: TodoKind,
    /// The person concerned (« Paul MARTIN » and their fiche).
    pub personne: Option<Link>,
    /// A participant written by name in an event file (no fiche).
    pub nom: Option<String>,
    /// The day: last interview or start, absence, last activity, event.
    pub date: Option<NaiveDate>,
    /// The session, club or event concerned.
    pub sujet: Option<Link>,
    /// The current mentor, for a late mentorship.
    pub parrain: Option<Link>,
    /// « parrain » or « marraine », agreed with that mentor's civilité.
    pub parrain_mot: Option<String>,
}

/// A held atelier whose presences are not recorded yet.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct PresencesASaisir {
    /// Day of the atelier.
    pub date: NaiveDate,
    /// Its title.
    pub intitule: String,
    /// The session or club page.
    pub activite: Link,
    /// Number of people expected.
    pub attendus: usize,
    /// The command that writes its presence block (`carnet presences ID DATE`).
    pub commande: String,
}

/// A validation warning as a sentence.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Avertissement {
    /// What is wrong.
    pub message: String,
    /// What was expected instead, when it can be said.
    pub attendu: Option<String>,
    /// The page of the record whose file it is in (fiche, session…), if any.
    pub fiche: Option<Link>,
    /// `file:line:col`.
    pub lieu: String,
}

/// The groups of the tableau de bord of `kit`, in page order, empty ones left out.
pub(super) fn groupes(kit: &Kit) -> Vec<Groupe> {
    let mut groups: BTreeMap<Acteur, Groupe> = BTreeMap::new();
    for r in &kit.presences_a_saisir {
        let acteur = Acteur::of_activity(r.get(kit).0);
        group(&mut groups, kit, acteur)
            .presences_a_saisir
            .push(presences_a_saisir(kit, r));
    }
    for todo in &kit.todos {
        let mentor = todo
            .personne
            .filter(|_| todo.kind == TodoKind::EntretienEnRetard)
            .and_then(|p| kit.personnes[p].parrainage.as_ref())
            .map(|m| m.parrain);
        let line = TodoView {
            kind: todo.kind,
            personne: todo.personne.map(|p| person(kit, p)),
            nom: todo.nom.clone(),
            date: todo.date,
            sujet: todo.sujet.map(|s| subject(kit, s)),
            parrain: mentor.map(|m| person(kit, m)),
            parrain_mot: mentor.map(|m| {
                let who = [super::agreement::gender(&kit.personnes[m])];
                agreed(kit.config.langue, "parrain", &who).to_lowercase()
            }),
        };
        let acteur = todo_acteur(kit, todo.kind, todo.sujet);
        group(&mut groups, kit, acteur).todos.push(line);
    }
    for (who, echeance) in super::plie::echeances(kit) {
        let acteur = who.map_or(Acteur::ResponsableEmploi, Acteur::Plie);
        group(&mut groups, kit, acteur).echeances.push(echeance);
    }
    for (i, club) in kit.clubs.iter().enumerate() {
        if let Some(convocation) = convocation_a_envoyer(kit, club) {
            let acteur = Acteur::of_activity(activity(kit, ActivityKind::Club, i));
            group(&mut groups, kit, acteur)
                .convocations
                .push(convocation);
        }
    }
    let warned: HashSet<FileId> = kit.warnings.iter().map(|w| w.span.file).collect();
    let files = files(kit, &warned);
    for w in &kit.warnings {
        let (fiche, acteur) = files
            .get(&w.span.file)
            .cloned()
            .unwrap_or((None, Acteur::ResponsableEmploi));
        group(&mut groups, kit, acteur)
            .avertissements
            .push(avertissement(kit, w, fiche));
    }
    groups.into_values().collect()
}

/// The group of `acteur`, made when first needed.
fn group<'g>(
    groups: &'g mut BTreeMap<Acteur, Groupe>,
    kit: &Kit,
    acteur: Acteur,
) -> &'g mut Groupe {
    groups
        .entry(acteur)
        .or_insert_with_key(|acteur| new_group(kit, acteur))
}

/// Who acts on a task of `kind` about `sujet`.
fn todo_acteur(kit: &Kit, kind: TodoKind, sujet: Option<TodoSubject>) -> Acteur {
    match (kind, sujet) {
        (TodoKind::InscritSansEmail, Some(TodoSubject::Activity(k, a))) => {
            Acteur::of_activity(activity(kit, k, a))
        }
        (TodoKind::EntretienEnRetard, _) => Acteur::ResponsableParrains,
        (TodoKind::AbsenceRsa, _) => Acteur::ResponsableRsa,
        _ => Acteur::ResponsableEmploi,
    }
}

fn new_group(kit: &Kit, acteur: &Acteur) -> Groupe {
    let code = acteur.code(kit);
    let (id, personnes) = match acteur {
        Acteur::Plie(i) => (
            format!("plie-{}", kit.personnes[*i].id),
            vec![person(kit, *i)],
        ),
        Acteur::Tuteurs(tutors) => {
            let ids: Vec<&str> = tutors
                .iter()
                .map(|&t| kit.personnes[t].id.as_str())
                .collect();
            (
                format!("tuteurs-{}", ids.join("-")),
                tutors.iter().map(|&t| person(kit, t)).collect(),
            )
        }
        _ => {
            let holders = kit
                .personnes
                .iter()
                .enumerate()
                .filter(|(_, p)| p.has_role(code))
                .map(|(i, _)| person(kit, i))
                .collect();
            (code.to_string(), holders)
        }
    };
    Groupe {
        id,
        acteur: code.to_string(),
        personnes,
        presences_a_saisir: Vec::new(),
        todos: Vec::new(),
        avertissements: Vec::new(),
        echeances: Vec::new(),
        convocations: Vec::new(),
    }
}

/// The convocation of `club` when its next atelier is within
/// [`CONVOCATION_DAYS`] of the build day and its list convenes someone.
fn convocation_a_envoyer(kit: &Kit, club: &Activity) -> Option<ConvocationAEnvoyer> {
    if club.convocation.is_empty() {
        return None;
    }
    let date = club
        .ateliers
        .iter()
        .map(|a| a.date)
        .filter(|&d| d >= kit.today)
        .min()?;
    ((date - kit.today).num_days() <= CONVOCATION_DAYS).then(|| ConvocationAEnvoyer {
        club: people::link_to_activity(club, kit.config.langue),
        date,
        personnes: club.convocation.len(),
        page: urls::convocation(&club.id, "html"),
    })
}

/// « Paul MARTIN », linked to the fiche (internal profile: everyone is named).
fn person(kit: &Kit, i: usize) -> Link {
    let p = &kit.personnes[i];
    Link {
        label: p.nom_complet(),
        url: urls::personne(&p.id),
    }
}

fn activity(kit: &Kit, kind: ActivityKind, i: usize) -> &Activity {
    match kind {
        ActivityKind::Session => &kit.sessions[i],
        ActivityKind::Club => &kit.clubs[i],
    }
}

fn subject(kit: &Kit, s: TodoSubject) -> Link {
    match s {
        TodoSubject::Activity(kind, a) => {
            people::link_to_activity(activity(kit, kind, a), kit.config.langue)
        }
        TodoSubject::Event(v) => event_link(&kit.evenements[v]),
    }
}

fn event_link(e: &crate::model::Evenement) -> Link {
    Link {
        label: e.titre.clone(),
        url: urls::evenement(&e.id),
    }
}

fn presences_a_saisir(kit: &Kit, r: &AtelierRef) -> PresencesASaisir {
    let (activity, atelier) = r.get(kit);
    PresencesASaisir {
        date: atelier.date,
        intitule: atelier.intitule.clone(),
        activite: people::link_to_activity(activity, kit.config.langue),
        attendus: atelier.attendance.len(),
        commande: format!("carnet presences {} {}", activity.id, atelier.date),
    }
}

fn avertissement(kit: &Kit, w: &Diagnostic, fiche: Option<Link>) -> Avertissement {
    Avertissement {
        message: w.message_in(kit.config.langue).to_string(),
        attendu: w.expected_in(kit.config.langue).map(str::to_string),
        fiche,
        lieu: kit.sources.location(w.span),
    }
}

/// Each record file among `wanted`: the page of its record and who looks
/// after it (made only for the files warned about, not for every record).
fn files(kit: &Kit, wanted: &HashSet<FileId>) -> HashMap<FileId, (Option<Link>, Acteur)> {
    let emploi = || Acteur::ResponsableEmploi;
    let people = kit
        .personnes
        .iter()
        .enumerate()
        .filter(|(_, p)| wanted.contains(&p.file))
        .map(|(i, p)| (p.file, (Some(person(kit, i)), emploi())));
    let activities = kit
        .sessions
        .iter()
        .chain(&kit.clubs)
        .filter(|a| wanted.contains(&a.file))
        .map(|a| {
            let link = people::link_to_activity(a, kit.config.langue);
            (a.file, (Some(link), Acteur::of_activity(a)))
        });
    let events = kit
        .evenements
        .iter()
        .filter(|e| wanted.contains(&e.file))
        .map(|e| (e.file, (Some(event_link(e)), emploi())));
    let operators = kit
        .operateurs
        .iter()
        .filter(|o| wanted.contains(&o.file))
        .map(|o| {
            let link = Link {
                label: o.nom.clone(),
                url: urls::operateur(&o.id),
            };
            (o.file, (Some(link), emploi()))
        });
    people
        .chain(activities)
        .chain(events)
        .chain(operators)
        .collect()
}
