//! Stage 2: the [`Kit`], one model of the whole kit, built once from the loaded
//! records: every rule of SPEC §2 checked, references resolved to indices,
//! derived facts (who is expected where, current mentorships, what is due)
//! computed here and nowhere else.

pub mod acteurs;
mod activity;
pub mod commissions;
pub mod config;
pub mod config_plie;
mod derived;
pub mod documents;
mod evenement;
pub mod forms;
mod forms_labels;
pub mod horaire;
pub(crate) mod link;
pub mod markdown;
mod operateur;
pub mod parcours;
pub mod parcours_derive;
pub mod parcours_pieces;
mod personne;
mod printable;
pub mod procedure;
pub mod rapports;
mod reserved;
pub mod reuse;
#[cfg(test)]
mod reuse_tests;
mod templates;
pub mod values;

use crate::diagnostic::{Diagnostic, DiagnosticKind};
use crate::load::Loaded;
use crate::source::{FileId, Sources};
use chrono::NaiveDate;
use config::Config;
pub use horaire::Horaire;
use serde::Serialize;
use std::collections::{HashMap, HashSet};
pub use values::Month;

/// Index of a person in [`Kit::personnes`].
pub type PersonIdx = usize;

/// The whole kit, validated and linked.
#[derive(Debug)]
pub struct Kit {
    /// carnet.yaml.
    pub config: Config,
    /// Every file read.
    pub sources: Sources,
    /// The day the build is made (deadlines, current mentorships).
    pub today: NaiveDate,
    /// People, sorted by id.
    pub personnes: Vec<Personne>,
    /// Sessions, sorted by month.
    pub sessions: Vec<Activity>,
    /// Clubs, sorted by month.
    pub clubs: Vec<Activity>,
    /// Events, sorted by date.
    pub evenements: Vec<Evenement>,
    /// Operators, sorted by id.
    pub operateurs: Vec<Operateur>,
    /// Free pages, sorted by ordre then title.
    pub pages: Vec<Page>,
    /// What needs doing (tableau de bord).
    pub todos: Vec<Todo>,
    /// Ateliers held with people expected and no presence recorded, by date.
    pub presences_a_saisir: Vec<AtelierRef>,
    /// Warnings of the validation (shown on the tableau de bord).
    pub warnings: Vec<Diagnostic>,
    /// Form layouts, checked.
    pub layouts: Vec<crate::form_layout::FormLayout>,
    /// Lookup of person ids.
    pub person_index: HashMap<String, PersonIdx>,
    /// The procedure reference: procedures, documents, roles.
    pub reference: procedure::Reference,
    /// PLIE: the calendar of commissions and comités, by date.
    pub commissions: Vec<commissions::Commission>,
    /// PLIE: the parcours of the people who have one, by person (internal).
    pub parcours: Vec<parcours::Parcours>,
    /// The monthly and yearly figures (rapports).
    pub rapports: rapports::Rapports,
}

/// Civilité.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Civilite {
    /// Monsieur.
    #[serde(rename = "M.")]
    M,
    /// Madame.
    #[serde(rename = "Mme")]
    Mme,
}

impl Civilite {
    /// As written: `M.` or `Mme`.
    pub fn as_str(self) -> &'static str {
        match self {
            Civilite::M => "M.",
            Civilite::Mme => "Mme",
        }
    }
}

/// A postal address.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Adresse {
    /// Street.
    pub ligne1: Option<String>,
    /// Complement.
    pub ligne2: Option<String>,
    /// Postcode.
    pub code_postal: Option<String>,
    /// Town.
    pub ville: Option<String>,
}

/// Consent to appear in the annuaire, per field.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Consent {
    /// Name.
    pub nom: bool,
    /// Phones.
    pub telephone: bool,
    /// Email.
    pub email: bool,
    /// Postal address.
    pub adresse: bool,
}

/// A diploma.
#[derive(Clone, Debug, Serialize, schemars::JsonSchema)]
pub struct Etude {
    /// Diploma.
    pub diplome: String,
    /// Year.
    pub annee: Option<i32>,
    /// School.
    pub etablissement: String,
}

/// Employment situation now.
#[derive(Clone, Debug, Default)]
pub struct Situation {
    /// Employed now.
    pub emploi: bool,
    /// Since.
    pub depuis: Option<NaiveDate>,
    /// Internal comment.
    pub commentaire: Option<String>,
}

impl Situation {
    /// Whether the person is employed on `day`: `emploi: true` and a job
    /// started by then (one starting later is not yet a job: the person is
    /// still convened to the club).
    pub fn employed_on(&self, day: NaiveDate) -> bool {
        self.emploi && self.depuis.is_none_or(|d| d <= day)
    }
}

/// A person: trainee, mentor, tutor, trainer or staff.
#[derive(Clone, Debug)]
pub struct Personne {
    /// Id (file stem).
    pub id: String,
    /// File read.
    pub file: FileId,
    /// Civilité.
    pub civilite: Civilite,
    /// Family name as typed.
    pub nom: String,
    /// First name as typed.
    pub prenom: String,
    /// Roles (built-in or the kit's own).
    pub roles: Vec<String>,
    /// Phone, normalised.
    pub telephone: Option<String>,
    /// Mobile, normalised.
    pub mobile: Option<String>,
    /// Email.
    pub email: Option<String>,
    /// Address.
    pub adresse: Option<Adresse>,
    /// Company.
    pub entreprise: Option<String>,
    /// Job title.
    pub fonction: Option<String>,
    /// Annuaire consent, defaults applied.
    pub annuaire: Consent,
    /// Diplomas.
    pub etudes: Vec<Etude>,
    /// Situation.
    pub situation: Situation,
    /// Mentorship as mentee.
    pub parrainage: Option<Parrainage>,
    /// Derived: enrolments in sessions, as (session index, enrolment index).
    pub sessions: Vec<(usize, usize)>,
    /// Derived: clubs joined (club index, enrolment index).
    pub clubs: Vec<(usize, usize)>,
    /// Derived: people this person mentors or mentored.
    pub filleuls: Vec<PersonIdx>,
    /// Derived: events taken part in (event index, participant index).
    pub evenements: Vec<(usize, usize)>,
    /// Derived: last dated activity (atelier, interview, event…).
    pub derniere_activite: Option<NaiveDate>,
}

impl Personne {
    /// `NOM` as displayed.
    pub fn nom_affiche(&self) -> String {
        values::display_nom(&self.nom)
    }

    /// `Prénom` as displayed.
    pub fn prenom_affiche(&self) -> String {
        values::display_prenom(&self.prenom)
    }

    /// Key to sort people by name as a French reader expects: accents and
    /// case ignored (ÇELIK between CARON and DUPONT, not after Z).
    pub fn sort_key(&self) -> (String, String) {
        (
            values::collation_key(&self.nom),
            values::collation_key(&self.prenom),
        )
    }

    /// `Prénom NOM`.
    pub fn nom_complet(&self) -> String {
        format!("{} {}", self.prenom_affiche(), self.nom_affiche())
    }

    /// Whether the person has a role.
    pub fn has_role(&self, role: &str) -> bool {
        self.roles.iter().any(|r| r == role)
    }
}

/// A mentorship.
#[derive(Clone, Debug)]
pub struct Parrainage {
    /// Current mentor.
    pub parrain: PersonIdx,
    /// Start.
    pub debut: Option<NaiveDate>,
    /// End (none: ongoing).
    pub fin: Option<NaiveDate>,
    /// Why it ended.
    pub motif_fin: Option<String>,
    /// Internal observations.
    pub observations: Option<String>,
    /// The trainee's project.
    pub projet: Projet,
    /// Former mentors.
    pub historique: Vec<AncienParrain>,
    /// Interviews, by date.
    pub entretiens: Vec<Entretien>,
    /// Derived: ongoing on the build day.
    pub en_cours: bool,
}

/// The trainee's project.
#[derive(Clone, Debug, Default, Serialize, schemars::JsonSchema)]
pub struct Projet {
    /// Path so far.
    pub parcours: Option<String>,
    /// Professional project.
    pub projet_pro: Option<String>,
    /// Expectations.
    pub attentes: Option<String>,
}

/// A former mentor.
#[derive(Clone, Debug)]
pub struct AncienParrain {
    /// Who.
    pub parrain: PersonIdx,
    /// From.
    pub debut: Option<NaiveDate>,
    /// To.
    pub fin: Option<NaiveDate>,
}

/// A mentoring interview.
#[derive(Clone, Debug)]
pub struct Entretien {
    /// Date.
    pub date: NaiveDate,
    /// Report (Markdown, internal).
    pub compte_rendu: Option<String>,
    /// Availability.
    pub disponibilite: Option<String>,
}

/// Session (monthly) or club (two months): both hold ateliers and enrolments.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum ActivityKind {
    /// Monthly training session.
    Session,
    /// Two-month job club.
    Club,
}

/// A session or a club.
#[derive(Clone, Debug)]
pub struct Activity {
    /// Session or club.
    pub kind: ActivityKind,
    /// Id.
    pub id: String,
    /// File read.
    pub file: FileId,
    /// Session number.
    pub numero: Option<u32>,
    /// (First) month.
    pub mois: Month,
    /// Tutors.
    pub tuteurs: Vec<PersonIdx>,
    /// Trainers (sessions).
    pub formateurs: Vec<PersonIdx>,
    /// Ateliers, by date.
    pub ateliers: Vec<Atelier>,
    /// Enrolments, merged from both files, sorted by name.
    pub inscrits: Vec<Enrolment>,
    /// Clubs: the convocation list, derived.
    pub convocation: Vec<Convocation>,
    /// The day its attendance certificates are made out, if the file says
    /// (else each person's last atelier attended).
    pub date_attestation: Option<NaiveDate>,
}

impl Activity {
    /// Last day of the activity (a club runs two months).
    pub fn last_day(&self) -> NaiveDate {
        match self.kind {
            ActivityKind::Session => self.mois.last_day(),
            ActivityKind::Club => self.mois.next().last_day(),
        }
    }
}

/// An enrolment in a session or club.
#[derive(Clone, Debug, Default)]
pub struct Enrolment {
    /// Who.
    pub personne: PersonIdx,
    /// Financing (internal).
    pub financement: Option<String>,
    /// CAF number (internal).
    pub caf: Option<String>,
    /// CLI number (internal).
    pub cli: Option<String>,
    /// Complement (internal).
    pub complement: Option<String>,
    /// Late joiner: enrolled from this day.
    pub depuis: Option<NaiveDate>,
}

impl Enrolment {
    /// Whether the person is expected at an atelier held on `date`.
    pub fn expected_on(&self, date: NaiveDate) -> bool {
        self.depuis.is_none_or(|d| d <= date)
    }
}

/// Presence status of one person at one atelier.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Statut {
    /// Present.
    Present,
    /// Absent without excuse.
    Absent,
    /// Excused.
    Excuse,
    /// Expected, atelier held, nothing recorded.
    NonRenseigne,
    /// Expected, atelier not held yet.
    AVenir,
}

/// An atelier of a session or club.
#[derive(Clone, Debug)]
pub struct Atelier {
    /// Date.
    pub date: NaiveDate,
    /// Title.
    pub intitule: String,
    /// Cycle (sessions): 1 Formation, 2 Approfondissement.
    pub cycle: Option<u8>,
    /// Hours (its own, else the activity's `horaires`).
    pub horaire: Horaire,
    /// Derived: each expected person (enrolment index) with status and comment.
    pub attendance: Vec<Attendance>,
    /// Whether the file records any presence for it (`presences:` not empty).
    pub presences_saisies: bool,
}

impl Atelier {
    /// Whether the atelier has been held by `today` (its presences count).
    pub fn held(&self, today: NaiveDate) -> bool {
        self.date <= today
    }
}

/// One atelier of one session or club.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AtelierRef {
    /// Session or club.
    pub kind: ActivityKind,
    /// Index in [`Kit::sessions`] or [`Kit::clubs`].
    pub activity: usize,
    /// Index in its [`Activity::ateliers`].
    pub atelier: usize,
}

impl AtelierRef {
    /// The activity and atelier referred to.
    pub fn get<'k>(&self, kit: &'k Kit) -> (&'k Activity, &'k Atelier) {
        let list = match self.kind {
            ActivityKind::Session => &kit.sessions,
            ActivityKind::Club => &kit.clubs,
        };
        let activity = &list[self.activity];
        (activity, &activity.ateliers[self.atelier])
    }
}

/// One expected person at one atelier.
#[derive(Clone, Debug)]
pub struct Attendance {
    /// Who.
    pub personne: PersonIdx,
    /// Status (recorded, or derived from the date).
    pub statut: Statut,
    /// Comment (internal).
    pub commentaire: Option<String>,
}

/// One row of a club's convocation list.
#[derive(Clone, Debug)]
pub struct Convocation {
    /// Who.
    pub personne: PersonIdx,
    /// The session that brought them (none if added by hand).
    pub session: Option<usize>,
}

/// An event.
#[derive(Clone, Debug)]
pub struct Evenement {
    /// Id.
    pub id: String,
    /// File read.
    pub file: FileId,
    /// Type (conference, salon…).
    pub type_evenement: String,
    /// Title.
    pub titre: String,
    /// Date.
    pub date: NaiveDate,
    /// Hours.
    pub horaire: Horaire,
    /// The day its attendance certificates are made out, if the file says
    /// (else the event's day).
    pub date_attestation: Option<NaiveDate>,
    /// Place.
    pub lieu: Option<String>,
    /// Person in charge.
    pub responsable: Option<PersonIdx>,
    /// Speakers (free text).
    pub intervenants: Vec<String>,
    /// Operator involved.
    pub operateur: Option<usize>,
    /// Photos taken.
    pub photos: bool,
    /// Participants.
    pub participants: Vec<Participant>,
    /// Procedure code.
    pub procedure: Option<String>,
    /// Report (Markdown); it may name participants.
    pub bilan: Option<String>,
    /// Whether the report may be published (`bilan_public: true`).
    pub bilan_public: bool,
}

/// A participant of an event.
#[derive(Clone, Debug)]
pub struct Participant {
    /// A person of the kit, or an outsider.
    pub personne: Option<PersonIdx>,
    /// Outsider's name.
    pub nom: Option<String>,
    /// Outsider's email.
    pub email: Option<String>,
    /// Present.
    pub present: bool,
    /// Answered the satisfaction survey.
    pub satisfaction: bool,
    /// Signed the image release.
    pub droit_image: bool,
}

/// An operator (employer, training body…).
#[derive(Clone, Debug)]
pub struct Operateur {
    /// Id.
    pub id: String,
    /// File read.
    pub file: FileId,
    /// Name.
    pub nom: String,
    /// Acronym.
    pub sigle: Option<String>,
    /// Type.
    pub type_operateur: Option<String>,
    /// Address.
    pub adresse: Option<Adresse>,
    /// Phone.
    pub telephone: Option<String>,
    /// Contact person.
    pub responsable: Option<Responsable>,
}

/// An operator's contact.
#[derive(Clone, Debug, Default, Serialize, schemars::JsonSchema)]
pub struct Responsable {
    /// Family name.
    pub nom: Option<String>,
    /// First name.
    pub prenom: Option<String>,
    /// Phone.
    pub telephone: Option<String>,
    /// Email.
    pub email: Option<String>,
}

/// A free page.
#[derive(Clone, Debug)]
pub struct Page {
    /// Id (file stem).
    pub id: String,
    /// File read.
    pub file: FileId,
    /// Title.
    pub titre: String,
    /// Menu order.
    pub ordre: i32,
    /// Shown in the menu.
    pub menu: bool,
    /// Markdown body.
    pub body: String,
}

/// Something that needs doing, for the tableau de bord.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Todo {
    /// Kind of task.
    pub kind: TodoKind,
    /// The person concerned, if any.
    pub personne: Option<PersonIdx>,
    /// The day it is about: the last interview (or the start) of a late
    /// mentorship, the absence, the last activity, the event.
    pub date: Option<NaiveDate>,
    /// The session, club or event it is about.
    pub sujet: Option<TodoSubject>,
    /// A participant written by name in an event file (no fiche).
    pub nom: Option<String>,
}

/// The record a task is about, besides its person.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TodoSubject {
    /// A session or club: its kind and index in [`Kit::sessions`] or [`Kit::clubs`].
    Activity(ActivityKind, usize),
    /// An event: its index in [`Kit::evenements`].
    Event(usize),
}

/// Kinds of tasks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum TodoKind {
    /// Enrolled without an email.
    InscritSansEmail,
    /// Ongoing mentorship without interview for too long.
    EntretienEnRetard,
    /// Unexcused absence of an RSA beneficiary in mentorship.
    AbsenceRsa,
    /// Present at an event with photos, no image release.
    DroitImageManquant,
    /// No activity for longer than the retention period.
    Retention,
}

/// Builds the model from loaded records. Returns the kit and every problem found.
pub fn build(
    loaded: Loaded,
    layouts: &[crate::load::RawFile<crate::load::layout::RawLayout>],
    today: NaiveDate,
) -> (Kit, Vec<Diagnostic>) {
    build_cached(loaded, layouts, today, None)
}

/// [`build`], taking again from `cache` (`carnet serve`) the results of the
/// records unchanged since the last build, and leaving this build's there:
/// the same kit and diagnostics as [`build`] ([`reuse`]).
pub fn build_cached(
    mut loaded: Loaded,
    layouts: &[crate::load::RawFile<crate::load::layout::RawLayout>],
    today: NaiveDate,
    cache: Option<&mut reuse::ModelCache>,
) -> (Kit, Vec<Diagnostic>) {
    let (people_cache, links_cache, reports_cache, printable_cache) = match cache {
        Some(cache) => (
            Some(&mut cache.people),
            Some(&mut cache.links),
            Some(&mut cache.reports),
            Some(&mut cache.printable),
        ),
        None => (None, None, None, None),
    };
    let mut diagnostics = std::mem::take(&mut loaded.diagnostics);
    reserved::check(&loaded.sources, &mut diagnostics);
    printable::check(&loaded, printable_cache, &mut diagnostics);
    let config = match &loaded.config {
        Some(raw) => Config::from_raw(&raw.record, raw.file, &mut diagnostics),
        None => Config::default(),
    };
    let mut personnes =
        personne::build_all(&loaded.personnes, &config, people_cache, &mut diagnostics);
    personnes.sort_by(|a, b| a.id.cmp(&b.id));
    let person_index: HashMap<String, PersonIdx> = personnes
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id.clone(), i))
        .collect();
    let broken_people: HashSet<String> = broken_ids(&loaded, "personnes")
        .chain(loaded.personnes.iter().map(|p| p.id.clone()))
        .filter(|id| !person_index.contains_key(id))
        .collect();
    personne::link_all(
        &loaded.personnes,
        &mut personnes,
        &person_index,
        &broken_people,
        today,
        links_cache,
        &mut diagnostics,
    );
    let operateurs = operateur::build_all(&loaded.operateurs, &mut diagnostics);
    let operator_index: HashMap<&str, usize> = operateurs
        .iter()
        .enumerate()
        .map(|(i, o)| (o.id.as_str(), i))
        .collect();
    let broken_operators: HashSet<String> = broken_ids(&loaded, "operateurs")
        .chain(loaded.operateurs.iter().map(|o| o.id.clone()))
        .filter(|id| !operator_index.contains_key(id.as_str()))
        .collect();
    let resolver = link::Resolver::new(&personnes, &person_index, &broken_people);
    // Four groups that read nothing of each other, side by side; each keeps
    // its problems apart, gathered below in the order of one sequence.
    let activities = || {
        let mut found = Vec::new();
        let mut sessions = activity::build_sessions(&loaded, &resolver, today, &mut found);
        sessions.sort_by(|a, b| (a.mois, &a.id).cmp(&(b.mois, &b.id)));
        let mut clubs = activity::build_clubs(&loaded, &sessions, &resolver, today, &mut found);
        clubs.sort_by(|a, b| (a.mois, &a.id).cmp(&(b.mois, &b.id)));
        (sessions, clubs, found)
    };
    let events = || {
        let mut found = Vec::new();
        let mut evenements = evenement::build_all(
            &loaded.evenements,
            &resolver,
            &operator_index,
            &broken_operators,
            today,
            &mut found,
        );
        evenements.sort_by(|a, b| (a.date, &a.id).cmp(&(b.date, &b.id)));
        let mut found_reference = Vec::new();
        let reference = procedure::build(&loaded, &evenements, &mut found_reference);
        (evenements, reference, found, found_reference)
    };
    let paths = || {
        let mut found = Vec::new();
        let calendar = commissions::build(loaded.commissions.as_ref(), &mut found);
        let operator_names: Vec<String> = operateurs.iter().map(|o| o.nom.clone()).collect();
        let parcours = parcours::build_all(
            &loaded.personnes,
            &parcours::Context {
                resolver: &resolver,
                operators: &operator_index,
                operator_names: &operator_names,
                broken_operators: &broken_operators,
                calendar: &calendar,
            },
            &mut found,
        );
        (calendar, parcours, found)
    };
    let texts = || {
        let mut found = Vec::new();
        let pages = build_pages(&loaded);
        markdown::check_all(&loaded, reports_cache, &mut found);
        let layouts = forms::build_all(layouts, &mut found);
        templates::check(&loaded.sources, &mut found);
        (pages, layouts, found)
    };
    let (
        (sessions, clubs, found_activities),
        (
            (evenements, reference, found_events, found_reference),
            ((calendar, parcours, found_paths), (pages, layouts, found_texts)),
        ),
    ) = rayon::join(activities, || {
        rayon::join(events, || rayon::join(paths, texts))
    });
    diagnostics.extend(found_activities);
    diagnostics.extend(found_events);
    diagnostics.extend(found_paths);
    diagnostics.extend(found_reference);
    diagnostics.extend(found_texts);
    drop_consequences(&mut diagnostics);
    let mut kit = Kit {
        config,
        sources: std::mem::take(&mut loaded.sources),
        today,
        personnes,
        sessions,
        clubs,
        evenements,
        operateurs,
        pages,
        layouts,
        todos: Vec::new(),
        presences_a_saisir: Vec::new(),
        warnings: Vec::new(),
        person_index,
        reference,
        commissions: calendar,
        parcours,
        rapports: rapports::Rapports::default(),
    };
    derived::compute(&mut kit);
    kit.rapports = rapports::compute(&kit);
    kit.warnings = diagnostics
        .iter()
        .filter(|d| d.severity == crate::diagnostic::Severity::Warning)
        .cloned()
        .collect();
    crate::diagnostic::sort(&mut kit.warnings, &kit.sources);
    // The records read (tens of megabytes of small strings at 10,000
    // persons) are freed on a thread of their own, not in the way of the
    // stages after this one.
    std::thread::spawn(move || drop(loaded));
    (kit, diagnostics)
}

/// Ids of the records of a folder that exist but could not be read.
fn broken_ids<'a>(loaded: &'a Loaded, folder: &'a str) -> impl Iterator<Item = String> + 'a {
    loaded
        .broken
        .iter()
        .filter(move |(f, _)| *f == folder)
        .map(|(_, id)| id.clone())
}

/// A required field whose value was set aside after a parse error reads as
/// missing: that is the parse error again, not a second problem.
fn drop_consequences(diagnostics: &mut Vec<Diagnostic>) {
    let set_aside: Vec<(FileId, String)> = diagnostics
        .iter()
        .filter_map(|d| match &d.kind {
            DiagnosticKind::SetAside(field) => Some((d.span.file, field.clone())),
            _ => None,
        })
        .collect();
    if set_aside.is_empty() {
        return;
    }
    diagnostics.retain(|d| {
        let DiagnosticKind::MissingField(field) = &d.kind else {
            return true;
        };
        let last = field.rsplit('.').next().unwrap_or(field);
        !set_aside
            .iter()
            .any(|(file, dropped)| *file == d.span.file && dropped == last)
    });
}

fn build_pages(loaded: &Loaded) -> Vec<Page> {
    let mut pages: Vec<Page> = loaded
        .pages
        .iter()
        .map(|raw| Page {
            id: raw.id.clone(),
            file: raw.file,
            titre: values::opt_text(&raw.record.front.titre).unwrap_or_else(|| raw.id.clone()),
            ordre: raw.record.front.ordre.as_ref().map_or(0, |o| o.value),
            menu: raw.record.front.menu.as_ref().is_some_and(|m| m.value),
            body: raw.record.body.clone(),
        })
        .collect();
    pages.sort_by(|a, b| (a.ordre, &a.titre).cmp(&(b.ordre, &b.titre)));
    pages
}
