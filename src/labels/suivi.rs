//! The words of the follow-up of PLIE exit files: the checklist of
//! documents and the « suivi des sorties » workbook.

use super::Lang;

const FR: &[(&str, &str)] = &[
    ("plie_suivi_sorties", "Suivi des sorties"),
    ("plie_pieces", "Pièces du dossier"),
    ("plie_pieces_manquantes", "Pièces manquantes"),
    ("plie_piece_recue", "reçue"),
    ("plie_piece_manquante", "manquante"),
    (
        "plie_piece_attestation_entree",
        "Attestation d'entrée en formation",
    ),
    (
        "plie_piece_justificatif_reussite",
        "Justificatif de réussite (diplôme ou attestation)",
    ),
    ("plie_piece_contrat_travail", "Contrat de travail"),
    ("plie_piece_bulletin_salaire", "Dernier bulletin de salaire"),
    ("plie_piece_courriers", "Copie des courriers de sortie"),
    ("plie_etat_etape", "État de l'étape"),
    ("plie_etat_dossier", "État du dossier"),
    ("plie_provisoire_court", "Commission provisoire"),
    ("plie_liaison_avant", "À relier avant le"),
    ("plie_reliee_le_col", "Reliée le"),
    ("plie_courriers_avant", "Courriers à envoyer avant le"),
    ("plie_courriers_le", "Courriers envoyés le"),
    ("plie_dossier_avant", "Dossier à clore avant le"),
    ("plie_dossier_clos_le", "Dossier clos le"),
    ("plie_dossier_a_relier", "à relier"),
    (
        "plie_dossier_en_attente",
        "relié, en attente de la commission",
    ),
    ("plie_dossier_reliee", "relié (étape de sortie antérieure)"),
    ("plie_dossier_a_clore", "commission passée, dossier à clore"),
    ("plie_dossier_clos", "dossier clos"),
    ("plie_en_retard_col", "En retard"),
];

const EN: &[(&str, &str)] = &[
    ("plie_suivi_sorties", "Exit follow-up"),
    ("plie_pieces", "File documents"),
    ("plie_pieces_manquantes", "Missing documents"),
    ("plie_piece_recue", "received"),
    ("plie_piece_manquante", "missing"),
    (
        "plie_piece_attestation_entree",
        "Certificate of entry into training",
    ),
    (
        "plie_piece_justificatif_reussite",
        "Proof of success (diploma or certificate)",
    ),
    ("plie_piece_contrat_travail", "Employment contract"),
    ("plie_piece_bulletin_salaire", "Last payslip"),
    ("plie_piece_courriers", "Copy of the exit letters"),
    ("plie_etat_etape", "Step state"),
    ("plie_etat_dossier", "File state"),
    ("plie_provisoire_court", "Provisional committee"),
    ("plie_liaison_avant", "Link by"),
    ("plie_reliee_le_col", "Linked on"),
    ("plie_courriers_avant", "Letters due by"),
    ("plie_courriers_le", "Letters sent on"),
    ("plie_dossier_avant", "Close the file by"),
    ("plie_dossier_clos_le", "File closed on"),
    ("plie_dossier_a_relier", "to link"),
    (
        "plie_dossier_en_attente",
        "linked, waiting for the committee",
    ),
    ("plie_dossier_reliee", "linked (earlier exit step)"),
    ("plie_dossier_a_clore", "committee held, file to close"),
    ("plie_dossier_clos", "file closed"),
    ("plie_en_retard_col", "Late"),
];

/// The words of `lang`.
pub(super) fn words(lang: Lang) -> &'static [(&'static str, &'static str)] {
    match lang {
        Lang::Fr => FR,
        Lang::En => EN,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_languages_have_the_same_words() {
        fn keys(l: &[(&'static str, &'static str)]) -> Vec<&'static str> {
            l.iter().map(|(k, _)| *k).collect()
        }
        assert_eq!(keys(FR), keys(EN));
    }
}
