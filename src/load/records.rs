//! The records as typed in the kit's YAML files, before any rule is checked.
//! Every leaf keeps its span ([`Sp`]); closed vocabularies (civilité, rôles,
//! statuts) are read as text and checked by the model, so that every bad value
//! of a file is reported, not only the first.
//!
//! The same types derive the JSON Schema that editors use (`carnet schema`).

use super::spanned::Sp;
use schemars::JsonSchema;
use serde::Deserialize;

/// A text value with its span.
pub type Text = Sp<String>;

/// `nom` and `prenom` are read with a default (to keep `nom: Null` as text),
/// which the schema would take as optional: they are required.
fn require_names(schema: &mut schemars::Schema) {
    if let Some(serde_json::Value::Array(required)) = schema.get_mut("required") {
        for name in ["nom", "prenom"] {
            if !required.iter().any(|r| r == name) {
                required.push(name.into());
            }
        }
    }
}

/// A present field read as the text written, even the words YAML reads as
/// null (`nom: Null` is a surname); an empty value reads as empty text.
fn text_as_written<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<Text>, D::Error> {
    Text::deserialize(deserializer).map(Some)
}

/// data/personnes/<id>.yaml
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = require_names)]
pub struct RawPersonne {
    /// M. ou Mme
    #[schemars(required, extend("enum" = ["M.", "Mme"]))]
    pub civilite: Option<Text>,
    /// Nom de famille
    #[schemars(required)]
    #[serde(default, deserialize_with = "text_as_written")]
    pub nom: Option<Text>,
    /// Prénom
    #[schemars(required)]
    #[serde(default, deserialize_with = "text_as_written")]
    pub prenom: Option<Text>,
    /// Rôles (stagiaire par défaut)
    pub roles: Option<Vec<Text>>,
    /// Téléphone fixe (## ## ## ## ##)
    pub telephone: Option<Text>,
    /// Téléphone mobile (## ## ## ## ##)
    pub mobile: Option<Text>,
    /// Adresse électronique
    pub email: Option<Text>,
    /// Adresse postale
    pub adresse: Option<RawAdresse>,
    /// Entreprise (parrains, bénévoles)
    pub entreprise: Option<Text>,
    /// Fonction dans l'entreprise
    pub fonction: Option<Text>,
    /// Consentement à paraître dans l'annuaire, champ par champ
    pub annuaire: Option<RawAnnuaire>,
    /// Études et diplômes
    pub etudes: Option<Vec<RawEtude>>,
    /// Situation actuelle face à l'emploi
    pub situation: Option<RawSituation>,
    /// Sessions suivies
    pub inscriptions: Option<Vec<RawInscription>>,
    /// Clubs emploi suivis (identifiants)
    pub clubs: Option<Vec<Text>>,
    /// Parrainage en cours ou terminé
    pub parrainage: Option<RawParrainage>,
    /// Parcours PLIE (interne)
    pub parcours: Option<super::parcours::RawParcours>,
}

/// A postal address.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawAdresse {
    /// Numéro et voie
    pub ligne1: Option<Text>,
    /// Complément
    pub ligne2: Option<Text>,
    /// Code postal
    pub code_postal: Option<Text>,
    /// Ville
    pub ville: Option<Text>,
}

/// Consent to appear in the annuaire, per field (default: carnet.yaml `annuaire_par_defaut`).
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawAnnuaire {
    /// Nom et prénom
    pub nom: Option<Sp<bool>>,
    /// Téléphones
    pub telephone: Option<Sp<bool>>,
    /// Courriel
    pub email: Option<Sp<bool>>,
    /// Adresse postale
    pub adresse: Option<Sp<bool>>,
}

/// One diploma.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawEtude {
    /// Diplôme
    pub diplome: Option<Text>,
    /// Année d'obtention
    pub annee: Option<Sp<i32>>,
    /// Établissement
    pub etablissement: Option<Text>,
}

/// Employed or not, now.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawSituation {
    /// En emploi actuellement
    pub emploi: Option<Sp<bool>>,
    /// Depuis (AAAA-MM-JJ)
    pub depuis: Option<Text>,
    /// Commentaire (interne)
    pub commentaire: Option<Text>,
}

/// An enrolment in a session, as written in a person's file.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawInscription {
    /// Identifiant de la session
    #[schemars(required)]
    pub session: Option<Text>,
    /// Financement (RSA, CPF, France Travail…)
    pub financement: Option<Text>,
    /// Numéro CAF (bénéficiaires du RSA)
    pub caf: Option<Text>,
    /// Numéro CLI (bénéficiaires du RSA)
    pub cli: Option<Text>,
    /// Complément
    pub complement: Option<Text>,
    /// Date d'arrivée d'un inscrit tardif (AAAA-MM-JJ)
    pub depuis: Option<Text>,
}

/// An enrolment in a session, as written in the session's file.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawInscrit {
    /// Identifiant de la personne
    #[schemars(required)]
    pub personne: Option<Text>,
    /// Financement (RSA, CPF, France Travail…)
    pub financement: Option<Text>,
    /// Numéro CAF
    pub caf: Option<Text>,
    /// Numéro CLI
    pub cli: Option<Text>,
    /// Complément
    pub complement: Option<Text>,
    /// Date d'arrivée d'un inscrit tardif (AAAA-MM-JJ)
    pub depuis: Option<Text>,
}

/// A mentorship (at most one mentor at a time).
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawParrainage {
    /// Identifiant du parrain (rôle parrain)
    #[schemars(required)]
    pub parrain: Option<Text>,
    /// Début (AAAA-MM-JJ)
    pub debut: Option<Text>,
    /// Fin (AAAA-MM-JJ), vide si en cours
    pub fin: Option<Text>,
    /// Motif de fin
    pub motif_fin: Option<Text>,
    /// Observations (internes)
    pub observations: Option<Text>,
    /// Projet du filleul
    pub projet: Option<RawProjet>,
    /// Parrains précédents
    pub historique: Option<Vec<RawHistorique>>,
    /// Entretiens de parrainage
    pub entretiens: Option<Vec<RawEntretien>>,
}

/// The trainee's project (part 1 of the fiche de parrainage).
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawProjet {
    /// Parcours
    pub parcours: Option<Text>,
    /// Projet professionnel
    pub projet_pro: Option<Text>,
    /// Attentes envers le parrain
    pub attentes: Option<Text>,
}

/// A former mentor.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawHistorique {
    /// Identifiant de l'ancien parrain
    pub parrain: Option<Text>,
    /// Début
    pub debut: Option<Text>,
    /// Fin
    pub fin: Option<Text>,
}

/// A mentoring interview.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawEntretien {
    /// Date (AAAA-MM-JJ)
    #[schemars(required)]
    pub date: Option<Text>,
    /// Compte rendu (Markdown, interne)
    pub compte_rendu: Option<Text>,
    /// Disponibilité
    pub disponibilite: Option<Text>,
}

/// data/sessions/<id>.yaml
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawSession {
    /// Numéro de la session
    pub numero: Option<Sp<u32>>,
    /// Mois (AAAA-MM)
    #[schemars(required)]
    pub mois: Option<Text>,
    /// Tuteurs (identifiants, rôle tuteur)
    pub tuteurs: Option<Vec<Text>>,
    /// Formateurs (identifiants, rôle formateur)
    pub formateurs: Option<Vec<Text>>,
    /// Ateliers
    pub ateliers: Option<Vec<RawAtelier>>,
    /// Horaires par défaut des ateliers (ceux qui n'en donnent pas)
    pub horaires: Option<RawHoraires>,
    /// Date des attestations de participation (AAAA-MM-JJ) ; par défaut, le dernier rendez-vous suivi
    pub date_attestation: Option<Text>,
    /// Inscrits
    pub inscrits: Option<Vec<RawInscrit>>,
}

/// An atelier of a session or club.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawAtelier {
    /// Date (AAAA-MM-JJ)
    #[schemars(required)]
    pub date: Option<Text>,
    /// Intitulé
    pub intitule: Option<Text>,
    /// Cycle : 1 (Formation) ou 2 (Approfondissement) ; sessions seulement
    pub cycle: Option<Sp<u8>>,
    /// Heure de début ("09:30" ou "9h30") ; sinon celle de `horaires`
    pub heure_debut: Option<Text>,
    /// Heure de fin ("12:00" ou "12h")
    pub heure_fin: Option<Text>,
    /// Durée ("2h", "1h30" ou "90 min"), à la place de heure_fin
    pub duree: Option<Text>,
    /// Présences : identifiant → present | absent | excuse, ou {statut, commentaire}
    pub presences: Option<RawPresences>,
}

/// The default hours of a session's or club's ateliers.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawHoraires {
    /// Heure de début ("09:30" ou "9h30")
    pub heure_debut: Option<Text>,
    /// Heure de fin ("12:00" ou "12h")
    pub heure_fin: Option<Text>,
    /// Durée ("2h", "1h30" ou "90 min"), à la place de heure_fin
    pub duree: Option<Text>,
}

/// The presences of an atelier, in file order.
#[derive(Clone, Debug, Default)]
pub struct RawPresences(pub Vec<(Text, Sp<RawPresence>)>);

/// One presence: a status, or a status with a comment.
#[derive(Clone, Debug)]
pub enum RawPresence {
    /// `present`, `absent` or `excuse`.
    Status(String),
    /// `{statut, commentaire}`.
    Detail(RawPresenceDetail),
}

/// A presence with a comment.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawPresenceDetail {
    /// present | absent | excuse
    #[schemars(required, extend("enum" = ["present", "absent", "excuse"]))]
    pub statut: Option<Text>,
    /// Commentaire (interne)
    pub commentaire: Option<Text>,
}

/// data/clubs/<id>.yaml
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawClub {
    /// Premier mois (AAAA-MM) ; un club dure deux mois
    #[schemars(required)]
    pub mois: Option<Text>,
    /// Tuteur (identifiant, rôle tuteur)
    pub tuteur: Option<Text>,
    /// Ateliers
    pub ateliers: Option<Vec<RawAtelier>>,
    /// Horaires par défaut des ateliers (ceux qui n'en donnent pas)
    pub horaires: Option<RawHoraires>,
    /// Date des attestations de participation (AAAA-MM-JJ) ; par défaut, le dernier rendez-vous suivi
    pub date_attestation: Option<Text>,
    /// Inscrits (identifiants)
    pub inscrits: Option<Vec<Text>>,
    /// Liste de convocation
    pub convocation: Option<RawConvocation>,
}

/// Who is invited to a club.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawConvocation {
    /// Sessions à partir de ce mois (AAAA-MM)
    pub sessions_du: Option<Text>,
    /// Sessions jusqu'à ce mois (AAAA-MM)
    pub sessions_au: Option<Text>,
    /// Personnes à ajouter
    pub ajouter: Option<Vec<Text>>,
    /// Personnes à retirer
    pub retirer: Option<Vec<Text>>,
}

/// data/evenements/<id>.yaml
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawEvenement {
    /// Type d'événement
    #[schemars(extend("enum" = ["atelier", "atelier_debat", "conference", "salon", "visite_entreprise", "journee_recrutement", "guest_speaker", "seance_individuelle", "reunion"]))]
    pub r#type: Option<Text>,
    /// Titre
    #[schemars(required)]
    pub titre: Option<Text>,
    /// Date (AAAA-MM-JJ)
    #[schemars(required)]
    pub date: Option<Text>,
    /// Heure de début ("09:30" ou "9h30")
    pub heure_debut: Option<Text>,
    /// Heure de fin ("12:00" ou "12h")
    pub heure_fin: Option<Text>,
    /// Durée ("2h", "1h30" ou "90 min"), à la place de heure_fin
    pub duree: Option<Text>,
    /// Date des attestations de participation (AAAA-MM-JJ) ; par défaut, le dernier rendez-vous suivi
    pub date_attestation: Option<Text>,
    /// Lieu
    pub lieu: Option<Text>,
    /// Responsable (identifiant)
    pub responsable: Option<Text>,
    /// Intervenants (texte libre)
    pub intervenants: Option<Vec<Text>>,
    /// Opérateur associé (identifiant)
    pub operateur: Option<Text>,
    /// Photos prises pendant l'événement
    pub photos: Option<Sp<bool>>,
    /// Participants : identifiants ou {personne | nom + email, present, satisfaction, droit_image}
    pub participants: Option<Vec<Sp<RawParticipant>>>,
    /// Procédure suivie (code, ex. P08)
    pub procedure: Option<Text>,
    /// Bilan (Markdown, interne : il peut nommer des participants)
    pub bilan: Option<Text>,
    /// Publier le bilan sur le site public (false par défaut)
    pub bilan_public: Option<Sp<bool>>,
}

/// A participant of an event.
#[derive(Clone, Debug)]
pub enum RawParticipant {
    /// A person id.
    Id(String),
    /// A person (or an outsider) with answers.
    Detail(RawParticipantDetail),
}

/// A participant written as a mapping.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawParticipantDetail {
    /// Identifiant d'une personne du kit
    pub personne: Option<Text>,
    /// Nom (personne extérieure)
    pub nom: Option<Text>,
    /// Courriel (personne extérieure)
    pub email: Option<Text>,
    /// Présent
    pub present: Option<Sp<bool>>,
    /// A répondu à l'enquête de satisfaction
    pub satisfaction: Option<Sp<bool>>,
    /// A signé la décharge de droit à l'image
    pub droit_image: Option<Sp<bool>>,
}

/// data/operateurs/<id>.yaml
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawOperateur {
    /// Nom
    #[schemars(required)]
    pub nom: Option<Text>,
    /// Sigle
    pub sigle: Option<Text>,
    /// Type d'opérateur
    #[schemars(extend("enum" = ["entreprise", "organisme_formation", "association_intermediaire", "entreprise_insertion", "travail_temporaire", "centre_bilan", "autre"]))]
    pub r#type: Option<Text>,
    /// Adresse
    pub adresse: Option<RawAdresse>,
    /// Téléphone
    pub telephone: Option<Text>,
    /// Responsable
    pub responsable: Option<RawResponsable>,
}

/// The contact person of an operator.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawResponsable {
    /// Nom
    pub nom: Option<Text>,
    /// Prénom
    pub prenom: Option<Text>,
    /// Téléphone
    pub telephone: Option<Text>,
    /// Courriel
    pub email: Option<Text>,
}
