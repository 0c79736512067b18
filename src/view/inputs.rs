//! The files each output of the view is made from (its inputs), in one place:
//! one function per kind of output, from the model's derived facts.
//!
//! `carnet serve` redoes the outputs whose inputs cover a changed file, so a
//! file missing here is a stale page: inputs may name more files than an
//! output needs, never fewer. The model's back-references (a person's
//! sessions, clubs, events and mentees) make a file that starts naming a
//! person an input of that person's outputs in the build that sees the
//! change; the build before it lists a file that stops naming them. What
//! every output reads (carnet.yaml) is added by the plan stage; templates,
//! layouts and logos by the renderer that draws with them.

use super::Profile;
use crate::model::{Activity, Evenement, Kit, Page, Personne};
use crate::source::FileId;

/// The mentoring charter printed on every fiche de parrainage: the page of
/// that id, and the file that would give it while there is none.
fn charter(kit: &Kit) -> impl Iterator<Item = FileId> + '_ {
    kit.pages
        .iter()
        .filter(|p| p.id == "charte-parrainage")
        .map(|p| p.file)
        .chain([FileId::of("content/pages/charte-parrainage.md")])
}

/// Sorted and without duplicates.
fn set(mut files: Vec<FileId>) -> Vec<FileId> {
    files.sort_unstable();
    files.dedup();
    files
}

/// The files of the people at these indexes.
fn people<'k>(kit: &'k Kit, who: impl IntoIterator<Item = &'k usize>) -> Vec<FileId> {
    who.into_iter().map(|&p| kit.personnes[p].file).collect()
}

/// A person's fiche: their file; their mentors, current and former (named);
/// their mentees; every session, club and event that enrols or lists them
/// (with what the fiche shows of it: title, dates, attendance, the forms'
/// links).
pub fn person(kit: &Kit, i: usize) -> Vec<FileId> {
    let p = &kit.personnes[i];
    let mut files = vec![p.file];
    if let Some(m) = &p.parrainage {
        files.push(kit.personnes[m.parrain].file);
        files.extend(people(kit, m.historique.iter().map(|h| &h.parrain)));
    }
    files.extend(people(kit, &p.filleuls));
    files.extend(p.sessions.iter().map(|&(s, _)| kit.sessions[s].file));
    files.extend(p.clubs.iter().map(|&(c, _)| kit.clubs[c].file));
    files.extend(p.evenements.iter().map(|&(e, _)| kit.evenements[e].file));
    files.extend(super::plie::inputs(kit, i));
    set(files)
}

/// The people a session or club names: enrolled (an enrolment may be
/// declared in the person's own file), tutors, trainers, and those expected
/// at its ateliers.
fn named_by(kit: &Kit, a: &Activity) -> Vec<FileId> {
    let mut files = vec![a.file];
    files.extend(people(kit, a.inscrits.iter().map(|e| &e.personne)));
    files.extend(people(kit, a.tuteurs.iter().chain(&a.formateurs)));
    for atelier in &a.ateliers {
        files.extend(people(kit, atelier.attendance.iter().map(|x| &x.personne)));
    }
    files
}

/// A session or club page: its file and the people it names; for a club in
/// the internal profile, its convocation list too, which reads every session
/// (whose month may fall in the list's range) and everyone they enrol (whose
/// employment decides whether they are called).
pub fn activity(kit: &Kit, a: &Activity, profile: Profile) -> Vec<FileId> {
    let mut files = named_by(kit, a);
    if profile.internal() && a.kind == crate::model::ActivityKind::Club {
        files.extend(people(kit, a.convocation.iter().map(|c| &c.personne)));
        for session in &kit.sessions {
            files.push(session.file);
            files.extend(people(kit, session.inscrits.iter().map(|e| &e.personne)));
        }
    }
    set(files)
}

/// An event page: its file, its participants, its person in charge and its operator.
pub fn event(kit: &Kit, e: &Evenement) -> Vec<FileId> {
    let mut files = vec![e.file];
    files.extend(people(
        kit,
        e.participants.iter().filter_map(|p| p.personne.as_ref()),
    ));
    files.extend(people(kit, &e.responsable));
    files.extend(e.operateur.map(|o| kit.operateurs[o].file));
    set(files)
}

/// An operator page: its file and the events held with it (their titles and dates).
pub fn operator(kit: &Kit, o: usize) -> Vec<FileId> {
    let mut files = vec![kit.operateurs[o].file];
    files.extend(
        kit.evenements
            .iter()
            .filter(|e| e.operateur == Some(o))
            .map(|e| e.file),
    );
    set(files)
}

/// A free page: its file (the menu of the other free pages is added to every page).
pub fn page(p: &Page) -> Vec<FileId> {
    vec![p.file]
}

/// A form printed for a session or club (attendance sheet, list of enrolled
/// people, fiche d'accueil): the activity and every person it names.
pub fn activity_form(kit: &Kit, a: &Activity) -> Vec<FileId> {
    set(named_by(kit, a))
}

/// A fiche de parrainage: the mentee, the mentor, the charter, and the
/// mentee's sessions (the latest one is printed, with its tutors and trainers).
pub fn mentorship_form(kit: &Kit, mentee: usize) -> Vec<FileId> {
    let p = &kit.personnes[mentee];
    let mut files = vec![p.file];
    files.extend(charter(kit));
    files.extend(people(kit, p.parrainage.iter().map(|m| &m.parrain)));
    for &(s, _) in &p.sessions {
        let session = &kit.sessions[s];
        files.push(session.file);
        files.extend(people(
            kit,
            session.tuteurs.iter().chain(&session.formateurs),
        ));
    }
    set(files)
}

/// A form about one person alone (mise à jour des données).
pub fn person_form(p: &Personne) -> Vec<FileId> {
    vec![p.file]
}

/// A form about one person's part in a session, club or event (attestation,
/// droit à l'image): the record's file and the person's.
pub fn participation_form(record: FileId, p: &Personne) -> Vec<FileId> {
    set(vec![record, p.file])
}

/// The blank forms: the charter, which the blank fiche de parrainage prints.
pub fn blank_forms(kit: &Kit) -> Vec<FileId> {
    set(charter(kit).collect())
}

/// What the lists of sessions and of clubs read besides their own folder.
#[derive(Debug, Default)]
pub struct ListInputs {
    /// The people the sessions list counts.
    pub sessions: Vec<FileId>,
    /// The people the clubs list counts.
    pub clubs: Vec<FileId>,
}

impl ListInputs {
    /// The lists of `kit`: each counts the people enrolled in its records, and
    /// an enrolment may be declared in the person's own file.
    pub fn new(kit: &Kit) -> ListInputs {
        let enrolled = |list: &[Activity]| {
            set(list
                .iter()
                .flat_map(|a| people(kit, a.inscrits.iter().map(|e| &e.personne)))
                .collect())
        };
        ListInputs {
            sessions: enrolled(&kit.sessions),
            clubs: enrolled(&kit.clubs),
        }
    }
}
