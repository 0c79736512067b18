//! The follow-up of exit files (issue 13, seed 004): where each file stands
//! (to link, waiting for its commission, to close, closed), for the
//! « sorties » page and the « suivi des sorties » Excel workbook. Internal
//! profile only, like the rest of [`super::plie`].

use schemars::JsonSchema;
use serde::Serialize;

/// Where an exit file stands (`t.plie_dossier_<code>`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum EtatDossier {
    /// The step is not linked yet.
    ARelier,
    /// Linked; its commission has not been held yet.
    EnAttente,
    /// Linked; an earlier exit step (a training before the job): nothing
    /// more to do for it.
    Reliee,
    /// The commission has been held: letters to send, documents to gather,
    /// file to close.
    AClore,
    /// The file is closed.
    Clos,
}

/// Where a file stands: `linked` (its step is), `held` (its commission has
/// been held), `finale` (letters and closing follow this step), `closed`.
pub fn etat_dossier(linked: bool, held: bool, finale: bool, closed: bool) -> EtatDossier {
    match (linked, held, finale, closed) {
        (_, _, true, true) => EtatDossier::Clos,
        (false, ..) => EtatDossier::ARelier,
        (true, _, false, _) => EtatDossier::Reliee,
        (true, false, true, _) => EtatDossier::EnAttente,
        (true, true, true, _) => EtatDossier::AClore,
    }
}

/// The label key of a state.
pub fn etat_key(etat: EtatDossier) -> &'static str {
    match etat {
        EtatDossier::ARelier => "plie_dossier_a_relier",
        EtatDossier::EnAttente => "plie_dossier_en_attente",
        EtatDossier::Reliee => "plie_dossier_reliee",
        EtatDossier::AClore => "plie_dossier_a_clore",
        EtatDossier::Clos => "plie_dossier_clos",
    }
}

/// The label key of a document of the checklist.
pub fn piece_key(piece: crate::model::parcours_pieces::PieceKind) -> &'static str {
    use crate::model::parcours_pieces::PieceKind as K;
    match piece {
        K::AttestationEntree => "plie_piece_attestation_entree",
        K::JustificatifReussite => "plie_piece_justificatif_reussite",
        K::ContratTravail => "plie_piece_contrat_travail",
        K::BulletinSalaire => "plie_piece_bulletin_salaire",
        K::Courriers => "plie_piece_courriers",
    }
}

/// The label key of a line's step type.
pub fn type_key(l: &super::plie::SortieLigne) -> &'static str {
    use crate::model::parcours::EtapeType as T;
    match l.type_etape {
        T::Formation => "plie_type_formation",
        T::Emploi => "plie_type_emploi",
        T::Parcours => "plie_type_parcours",
    }
}

/// The label key of a line's step state.
pub fn etat_etape_key(l: &super::plie::SortieLigne) -> &'static str {
    use crate::model::parcours::Etat as E;
    match l.etat {
        E::EnCours => "plie_etat_en_cours",
        E::Terminee => "plie_etat_terminee",
        E::Interrompue => "plie_etat_interrompue",
    }
}

/// The label keys of a line's missing documents, in checklist order.
pub fn missing_keys(l: &super::plie::SortieLigne) -> impl Iterator<Item = &'static str> + '_ {
    crate::model::parcours_pieces::missing(&l.pieces).map(piece_key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_moves_from_linking_to_closed() {
        assert_eq!(
            etat_dossier(false, false, true, false),
            EtatDossier::ARelier
        );
        assert_eq!(
            etat_dossier(true, false, true, false),
            EtatDossier::EnAttente
        );
        assert_eq!(etat_dossier(true, true, true, false), EtatDossier::AClore);
        assert_eq!(etat_dossier(true, true, true, true), EtatDossier::Clos);
        // A training exit before the job: linked is all it needs.
        assert_eq!(etat_dossier(true, true, false, false), EtatDossier::Reliee);
    }
}
