//! The data a form layout is filled from, one type per target (`pour:`): the
//! contract of templates/forms/*.yaml. A layout's placeholders name these
//! fields (`{{ personne.nom_complet }}`, `{{ ligne.date }}`), so renaming one
//! breaks every kit layout that uses it. Dates stay typed: the PDF renderer
//! formats them for the reader's language. The JSON Schema of each type
//! tells `carnet check` which values a layout may name
//! ([`super::form_contract`]) and the renderer which values are dates.

use super::agreement::Accords;
use super::heure::{Duree, Horaire};
use crate::form_layout::Target;
use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::Serialize;
use serde_json::{Map, Value};

/// Values every filled form may use.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Common {
    /// The organisation's name.
    pub organisation: String,
    /// The organisation's address (carnet.yaml `adresse`).
    pub organisation_adresse: Address,
    /// The site's title.
    pub titre_site: String,
    /// The build day.
    pub aujourdhui: NaiveDate,
    /// Always false: the blank forms have their own data ([`BlankForm`]), so
    /// that a layout can say `{% if vierge %}`.
    pub vierge: bool,
}

/// A person on a form handed to other people: consented contact fields only.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct OtherPerson {
    /// Madame, Monsieur…
    pub civilite: String,
    /// Family name as displayed (upper case).
    pub nom: String,
    /// First name as displayed.
    pub prenom: String,
    /// « Prénom NOM ».
    pub nom_complet: String,
    /// Words said of this person, agreed with the civilité (« inscrite »).
    pub accords: Accords,
    /// Mobile or landline, if the person shares it.
    pub telephone: Option<String>,
    /// Email, if the person shares it.
    pub email: Option<String>,
    /// Company.
    pub entreprise: Option<String>,
    /// Always true for a person listed on a form (those who refused their
    /// name are left out, or printed by name only on internal sheets).
    pub publie: bool,
}

/// A person's postal address (empty fields when unknown).
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Address {
    /// First line.
    pub ligne1: Option<String>,
    /// Second line.
    pub ligne2: Option<String>,
    /// Postcode.
    pub code_postal: Option<String>,
    /// Town.
    pub ville: Option<String>,
}

/// A diploma or course of study.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Study {
    /// Diploma.
    pub diplome: String,
    /// Year.
    pub annee: Option<i32>,
    /// School.
    pub etablissement: String,
}

/// What a person accepts to show in the annuaire.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Consent {
    /// Name.
    pub nom: bool,
    /// Phone.
    pub telephone: bool,
    /// Email.
    pub email: bool,
    /// Address.
    pub adresse: bool,
}

/// A person's own data, on forms meant for that person (internal profile).
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct OwnPerson {
    /// Id (file stem).
    pub id: String,
    /// Madame, Monsieur…
    pub civilite: String,
    /// Family name as displayed.
    pub nom: String,
    /// First name as displayed.
    pub prenom: String,
    /// « Prénom NOM ».
    pub nom_complet: String,
    /// Words said of this person, agreed with the civilité (« la marraine »).
    pub accords: Accords,
    /// Landline.
    pub telephone: Option<String>,
    /// Mobile.
    pub mobile: Option<String>,
    /// Email.
    pub email: Option<String>,
    /// Postal address.
    pub adresse: Address,
    /// Company.
    pub entreprise: Option<String>,
    /// Job title.
    pub fonction: Option<String>,
    /// In employment.
    pub emploi: bool,
    /// Not in employment.
    pub sans_emploi: bool,
    /// Studies.
    pub etudes: Vec<Study>,
    /// Annuaire consent.
    pub annuaire: Consent,
}

/// A session or club.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct ActivityForm {
    /// Id.
    pub id: String,
    /// « Session 42 — septembre 2026 ».
    pub titre: String,
    /// Session number.
    pub numero: Option<u32>,
    /// First month, `YYYY-MM`.
    pub mois: String,
    /// First day.
    pub debut: NaiveDate,
    /// Last day.
    pub fin: NaiveDate,
    /// The published tutors' names, comma-separated.
    pub tuteurs_noms: String,
    /// Published tutors.
    pub tuteurs: Vec<OtherPerson>,
    /// Their heading, agreed: « Tutrice », « Tuteurs »…
    pub tuteurs_titre: &'static str,
    /// Published trainers.
    pub formateurs: Vec<OtherPerson>,
    /// Their heading, agreed: « Formatrice », « Formateurs »…
    pub formateurs_titre: &'static str,
}

/// An atelier (or, on a certificate, an event).
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct AtelierForm {
    /// Day.
    pub date: NaiveDate,
    /// Hours (`heure_debut`, `heure_fin`, `duree`), as far as known.
    #[serde(flatten)]
    pub horaire: Horaire,
    /// Title.
    pub intitule: String,
    /// Cycle of a session's atelier (1 or 2).
    pub cycle: Option<u8>,
    /// Name of that cycle (Formation, Approfondissement).
    pub cycle_nom: Option<String>,
}

/// A cycle of a session.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Cycle {
    /// 1 or 2.
    pub numero: u8,
    /// Formation or Approfondissement.
    pub nom: String,
}

/// `pour: session_cycle`: the attendance sheet of one cycle of a session.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct SessionCycleForm {
    /// Site-wide values.
    #[serde(flatten)]
    pub common: Common,
    /// The session.
    pub session: ActivityForm,
    /// The cycle.
    pub cycle: Cycle,
    /// The cycle's ateliers.
    pub ateliers: Vec<AtelierForm>,
    /// People expected at some of them.
    pub personnes: Vec<OtherPerson>,
    /// Expected people left for the blank rows (name not published).
    pub non_publies: usize,
}

/// `pour: club_atelier`: the attendance sheet of one atelier of a club.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct ClubAtelierForm {
    /// Site-wide values.
    #[serde(flatten)]
    pub common: Common,
    /// The club.
    pub club: ActivityForm,
    /// The atelier.
    pub atelier: AtelierForm,
    /// The atelier alone, for layouts written like the session's.
    pub ateliers: Vec<AtelierForm>,
    /// People expected.
    pub personnes: Vec<OtherPerson>,
    /// Expected people left for the blank rows (name not published).
    pub non_publies: usize,
}

/// `pour: session` and `pour: club`: the list of enrolled people.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct EnrolmentsForm {
    /// Site-wide values.
    #[serde(flatten)]
    pub common: Common,
    /// The session or club.
    pub activite: ActivityForm,
    /// Enrolled people who published their name.
    pub personnes: Vec<OtherPerson>,
    /// The others, counted.
    pub non_publies: usize,
}

/// `pour: inscription`: the welcome sheet of one enrolment in a session.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct InscriptionForm {
    /// Site-wide values.
    #[serde(flatten)]
    pub common: Common,
    /// The trainee.
    pub personne: OwnPerson,
    /// The session.
    pub session: ActivityForm,
    /// The ateliers the trainee is expected at.
    pub ateliers: Vec<AtelierForm>,
}

/// The mentee's project.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Project {
    /// Background.
    pub parcours: Option<String>,
    /// Professional project.
    pub projet_pro: Option<String>,
    /// Expectations.
    pub attentes: Option<String>,
}

/// A mentorship.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Mentorship {
    /// Start.
    pub debut: Option<NaiveDate>,
    /// End.
    pub fin: Option<NaiveDate>,
    /// The mentee's project.
    pub projet: Project,
}

/// A mentoring interview, as the sign-off table shows it.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Interview {
    /// Day.
    pub date: NaiveDate,
}

/// `pour: parrainage`: the mentoring form of one mentee.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct ParrainageForm {
    /// Site-wide values.
    #[serde(flatten)]
    pub common: Common,
    /// The mentee.
    pub filleul: OwnPerson,
    /// The mentor.
    pub parrain: OwnPerson,
    /// The mentee's latest session.
    pub session: Option<ActivityForm>,
    /// The mentorship.
    pub parrainage: Mentorship,
    /// Interviews held.
    pub entretiens: Vec<Interview>,
    /// The charter (Markdown of content/pages/charte-parrainage.md).
    pub charte: String,
}

/// `pour: personne`: the update form of one trainee's personal data.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct PersonneForm {
    /// Site-wide values.
    #[serde(flatten)]
    pub common: Common,
    /// The trainee.
    pub personne: OwnPerson,
}

/// What a certificate attests attendance of.
#[derive(Clone, Copy, Debug, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ActionKind {
    /// A session.
    Session,
    /// A club.
    Club,
    /// An event.
    Evenement,
}

/// The action a certificate is for.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Action {
    /// Session, club or event.
    #[serde(rename = "type")]
    pub kind: ActionKind,
    /// Title.
    pub titre: String,
    /// First day.
    pub debut: NaiveDate,
    /// Last day.
    pub fin: NaiveDate,
}

/// `pour: attestation`: a certificate of attendance.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct AttestationForm {
    /// Site-wide values.
    #[serde(flatten)]
    pub common: Common,
    /// Who attended.
    pub personne: OwnPerson,
    /// What.
    pub action: Action,
    /// The ateliers attended (the event itself for an event).
    pub ateliers: Vec<AtelierForm>,
    /// The day it is made out: the action's `date_attestation`, else the
    /// last atelier attended (the event's day).
    pub date: NaiveDate,
    /// Sum of the lengths of the ateliers attended whose length is known
    /// (none when no length is known).
    pub total_heures: Option<Duree>,
    /// Ateliers attended whose length is not known, left out of the total.
    pub sans_duree: usize,
}

/// An event.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct EventForm {
    /// Title.
    pub titre: String,
    /// Day.
    pub date: NaiveDate,
    /// Place.
    pub lieu: Option<String>,
}

/// `pour: participant`: the image release of one participant of an event.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct ParticipantForm {
    /// Site-wide values.
    #[serde(flatten)]
    pub common: Common,
    /// The participant.
    pub personne: OwnPerson,
    /// The event.
    pub evenement: EventForm,
}

/// `pour: vierge`, and every layout's blank form: site-wide values only (no
/// build day: the date is written by hand), and the charter text.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct BlankForm {
    /// The organisation's name.
    pub organisation: String,
    /// The organisation's address (carnet.yaml `adresse`).
    pub organisation_adresse: Address,
    /// The site's title.
    pub titre_site: String,
    /// The charter (Markdown of content/pages/charte-parrainage.md).
    pub charte: String,
    /// Always true.
    pub vierge: bool,
}

/// Who signs the PLIE's exit letters (carnet.yaml `plie.signataire`).
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Signatory {
    /// Name.
    pub nom: String,
    /// Function.
    pub fonction: Option<String>,
}

/// The prescripteur of a parcours, to whom one exit letter goes.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Prescriber {
    /// Name (a service, an agency…).
    pub nom: Option<String>,
    /// Postal address (empty fields when unknown).
    pub adresse: Address,
}

/// The positive-exit step an exit letter reports.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct ExitStep {
    /// Libellé (as written, else generated).
    pub libelle: String,
    /// A training exit.
    pub formation: bool,
    /// An employment exit.
    pub emploi: bool,
    /// Training title.
    pub intitule: Option<String>,
    /// Job.
    pub metier: Option<String>,
    /// Contract, in words (« CDI »).
    pub contrat: Option<String>,
    /// Employer or training body.
    pub operateur: Option<String>,
    /// Start.
    pub debut: NaiveDate,
    /// End (planned, or real after an early stop).
    pub fin: Option<NaiveDate>,
    /// The commission that validated the exit.
    pub commission: NaiveDate,
    /// Exit from the PLIE (`parcours.sortie.date`).
    pub date_sortie: Option<NaiveDate>,
    /// Exit motive (`parcours.sortie.motif`).
    pub motif: Option<String>,
}

/// `pour: sortie`: the exit letters of one validated positive exit (one to
/// the prescripteur, one to the participant: each is a layout).
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct SortieForm {
    /// Site-wide values.
    #[serde(flatten)]
    pub common: Common,
    /// The participant (adhérent·e), with their postal address.
    pub personne: OwnPerson,
    /// The prescripteur.
    pub prescripteur: Prescriber,
    /// The exit step.
    pub etape: ExitStep,
    /// Who signs (none: signed by hand).
    pub signataire: Option<Signatory>,
    /// The assistant·e, else accompagnateur·rice, following the file.
    pub suivi_par: Option<String>,
    /// The letter's date: the day the letters were sent
    /// (`parcours.sortie.courriers`), else the build day.
    pub date: NaiveDate,
}

/// One archive-box label: the files of one box.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct ArchiveLabel {
    /// Archive year (year of the exit).
    pub annee: i32,
    /// Box number in the year, from 1.
    pub numero: usize,
    /// Boxes of the year.
    pub total: usize,
    /// First file of the box, « NOM Prénom ».
    pub premier: String,
    /// Last file of the box.
    pub dernier: String,
    /// Every file of the box, in alphabetical order.
    pub noms: Vec<String>,
}

/// `pour: archive`: the labels of one archive year's exit files.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct ArchiveForm {
    /// Site-wide values.
    #[serde(flatten)]
    pub common: Common,
    /// Archive year.
    pub annee: i32,
    /// Files of the year.
    pub dossiers: usize,
    /// One label per box, in order.
    pub etiquettes: Vec<ArchiveLabel>,
}

/// The data of one form, whatever its target.
#[derive(Clone, Debug, Serialize)]
#[serde(untagged)]
pub enum FormContext {
    /// `session_cycle`.
    SessionCycle(SessionCycleForm),
    /// `club_atelier`.
    ClubAtelier(ClubAtelierForm),
    /// `session` and `club`.
    Enrolments(EnrolmentsForm),
    /// `inscription`.
    Inscription(InscriptionForm),
    /// `parrainage` (boxed: it holds two people).
    Parrainage(Box<ParrainageForm>),
    /// `personne`.
    Personne(PersonneForm),
    /// `attestation`.
    Attestation(AttestationForm),
    /// `participant`.
    Participant(ParticipantForm),
    /// The blank forms.
    Blank(BlankForm),
    /// `sortie` (boxed: it holds a person and a step).
    Sortie(Box<SortieForm>),
    /// `archive`.
    Archive(ArchiveForm),
}

/// What a layout of one target may name: the JSON Schema of its data type,
/// and a sample of it (every field present, lists of one element, options set).
pub struct Contract {
    /// The JSON Schema.
    pub schema: Value,
    /// Its definitions (`$defs`), which `$ref`s name.
    defs: Map<String, Value>,
    /// The sample.
    pub sample: Value,
}

fn contract_of<T: JsonSchema>() -> Contract {
    let schema = schemars::schema_for!(T).to_value();
    Contract {
        defs: schema
            .get("$defs")
            .and_then(Value::as_object)
            .cloned()
            .unwrap_or_default(),
        schema,
        sample: super::sample::sample::<T>(),
    }
}

impl Contract {
    /// Calls `visit` on each value of `data` (serialized data of this
    /// contract's type) with its schema, outer values first and each with
    /// every schema it matches (`$ref` followed, each option of `anyOf`);
    /// `visit` returns whether to look inside the value.
    pub fn visit(
        &self,
        data: &mut Value,
        visit: &mut dyn FnMut(&mut Value, &Map<String, Value>) -> bool,
    ) {
        self.walk(data, &self.schema, visit);
    }

    fn walk(
        &self,
        value: &mut Value,
        schema: &Value,
        visit: &mut dyn FnMut(&mut Value, &Map<String, Value>) -> bool,
    ) {
        let Some(schema) = schema.as_object() else {
            return;
        };
        if let Some(reference) = schema.get("$ref").and_then(Value::as_str) {
            let name = reference.rsplit('/').next().unwrap_or_default();
            if let Some(def) = self.defs.get(name) {
                self.walk(value, def, visit);
            }
            return;
        }
        if !visit(value, schema) {
            return;
        }
        for key in ["anyOf", "oneOf", "allOf"] {
            for option in schema
                .get(key)
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                self.walk(value, option, visit);
            }
        }
        match value {
            Value::Object(fields) => {
                let Some(properties) = schema.get("properties").and_then(Value::as_object) else {
                    return;
                };
                for (name, field) in fields {
                    if let Some(property) = properties.get(name) {
                        self.walk(field, property, visit);
                    }
                }
            }
            Value::Array(items) => {
                if let Some(item) = schema.get("items") {
                    for element in items {
                        self.walk(element, item, visit);
                    }
                }
            }
            _ => {}
        }
    }

    /// The sample with every optional value absent (`null`): what a form
    /// whose record lacks them is filled with.
    pub fn sample_without_options(&self) -> Value {
        let mut sample = self.sample.clone();
        self.visit(&mut sample, &mut |value, schema| {
            let null = |s: &Value| s.get("type").and_then(Value::as_str) == Some("null");
            let optional = schema
                .get("type")
                .and_then(Value::as_array)
                .is_some_and(|kinds| kinds.iter().any(|k| k == "null"))
                || ["anyOf", "oneOf"].iter().any(|key| {
                    schema
                        .get(*key)
                        .and_then(Value::as_array)
                        .is_some_and(|options| options.iter().any(null))
                });
            if optional {
                *value = Value::Null;
            }
            !optional
        });
        sample
    }
}

/// The contract of the layouts printed for `target`.
pub fn contract(target: Target) -> Contract {
    match target {
        Target::SessionCycle => contract_of::<SessionCycleForm>(),
        Target::ClubAtelier => contract_of::<ClubAtelierForm>(),
        Target::Session | Target::Club => contract_of::<EnrolmentsForm>(),
        Target::Inscription => contract_of::<InscriptionForm>(),
        Target::Parrainage => contract_of::<ParrainageForm>(),
        Target::Personne => contract_of::<PersonneForm>(),
        Target::Attestation => contract_of::<AttestationForm>(),
        Target::Participant => contract_of::<ParticipantForm>(),
        Target::Vierge => contract_of::<BlankForm>(),
        Target::Sortie => contract_of::<SortieForm>(),
        Target::Archive => contract_of::<ArchiveForm>(),
    }
}
