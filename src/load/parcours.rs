//! The PLIE records as typed (SPEC §5): a personne's `parcours:` block and
//! data/commissions.yaml. Every leaf keeps its span; closed vocabularies
//! (types, contrats, états) are read as text and checked by the model.

use super::records::{RawAdresse, Text};
use super::spanned::Sp;
use schemars::JsonSchema;
use serde::Deserialize;

/// A participant's PLIE parcours (internal: never published).
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawParcours {
    /// Entrée dans le PLIE (AAAA-MM-JJ)
    pub entree: Option<Text>,
    /// Accompagnateur·rice emploi référent·e (identifiant, rôle accompagnateur)
    pub referent: Option<Text>,
    /// Assistant·e référent·e (identifiant, rôle assistant)
    pub assistant: Option<Text>,
    /// Prescripteur (destinataire du courrier de sortie)
    pub prescripteur: Option<RawPrescripteur>,
    /// Étapes du parcours
    pub etapes: Option<Vec<RawEtape>>,
    /// Sortie du dispositif
    pub sortie: Option<RawSortie>,
}

/// Who sent the participant to the PLIE.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawPrescripteur {
    /// Nom de la structure
    pub nom: Option<Text>,
    /// Adresse postale
    pub adresse: Option<RawAdresse>,
}

/// One step of a parcours.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawEtape {
    /// formation | emploi | parcours
    #[schemars(required, extend("enum" = ["formation", "emploi", "parcours"]))]
    pub r#type: Option<Text>,
    /// Objectif de l'étape
    pub objectif: Option<Text>,
    /// Libellé (produit par carnet quand il manque)
    pub libelle: Option<Text>,
    /// Début (AAAA-MM-JJ)
    #[schemars(required)]
    pub debut: Option<Text>,
    /// Fin prévue (AAAA-MM-JJ)
    pub fin: Option<Text>,
    /// Opérateur : employeur ou organisme de formation (identifiant)
    pub operateur: Option<Text>,
    /// Financeur (formation)
    pub financeur: Option<Text>,
    /// Intitulé de la formation
    pub intitule: Option<Text>,
    /// Centre de formation (sinon le nom de l'opérateur)
    pub centre: Option<Text>,
    /// Lieu de la formation
    pub lieu: Option<Text>,
    /// Contrat (emploi)
    #[schemars(extend("enum" = ["cdi", "cdd", "interim", "contrat_aide", "professionnalisation", "apprentissage"]))]
    pub contrat: Option<Text>,
    /// Durée d'un contrat à durée déterminée, en mois
    pub duree_mois: Option<Sp<u32>>,
    /// temps_plein, ou une part de temps plein comme 0.4
    pub temps_travail: Option<Text>,
    /// Métier (intitulé du poste)
    pub metier: Option<Text>,
    /// Code ROME : une lettre et 4 chiffres, par exemple F1705
    pub rome: Option<Text>,
    /// Étape de sortie positive (emploi durable ou formation qualifiante)
    pub sortie_positive: Option<Sp<bool>>,
    /// Validée en comité technique (emploi aidé ou de moins d'un mi-temps)
    pub valide_comite: Option<Sp<bool>>,
    /// en_cours | terminee | interrompue
    #[schemars(extend("enum" = ["en_cours", "terminee", "interrompue"]))]
    pub etat: Option<Text>,
    /// Date de liaison de l'étape de sortie (AAAA-MM-JJ), vide tant qu'elle n'est pas reliée
    pub liaison: Option<Text>,
    /// Justificatif de réussite reçu
    pub justificatif: Option<RawJustificatif>,
    /// Pièces du dossier de sortie reçues : attestation_entree (formation), contrat_travail (emploi)
    #[schemars(extend("items" = {"enum": ["attestation_entree", "contrat_travail"]}))]
    pub pieces: Option<Vec<Text>>,
    /// Rupture anticipée (étape interrompue)
    pub rupture: Option<RawRupture>,
}

/// The proof that a step succeeded.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawJustificatif {
    /// bulletin_salaire | diplome | attestation
    #[schemars(extend("enum" = ["bulletin_salaire", "diplome", "attestation"]))]
    pub r#type: Option<Text>,
    /// Date du justificatif (AAAA-MM-JJ)
    pub date: Option<Text>,
}

/// Why and when a step stopped early.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawRupture {
    /// Motif de la rupture
    pub motif: Option<Text>,
    /// Raison de la rupture
    pub raison: Option<Text>,
    /// Date de fin réelle (AAAA-MM-JJ)
    pub fin_reelle: Option<Text>,
}

/// The participant's exit from the PLIE.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawSortie {
    /// Date de sortie (AAAA-MM-JJ)
    pub date: Option<Text>,
    /// Motif de sortie
    pub motif: Option<Text>,
    /// Date de la commission qui a validé la sortie (une date de data/commissions.yaml)
    pub commission: Option<Text>,
    /// Date d'envoi des courriers de sortie (AAAA-MM-JJ)
    pub courriers: Option<Text>,
    /// Date de clôture du dossier (AAAA-MM-JJ)
    pub dossier_clos: Option<Text>,
}

/// One meeting of data/commissions.yaml.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawCommission {
    /// Date de la réunion (AAAA-MM-JJ)
    #[schemars(required)]
    pub date: Option<Text>,
    /// Dernier jour pour relier les étapes de sortie (AAAA-MM-JJ)
    pub cloture: Option<Text>,
    /// commission | comite_technique | comite_pilotage
    #[schemars(required, extend("enum" = ["commission", "comite_technique", "comite_pilotage"]))]
    pub r#type: Option<Text>,
}
