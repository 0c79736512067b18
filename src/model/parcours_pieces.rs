//! The checklist of an exit file (seed 004): which documents a positive-exit
//! step needs, by its type, and which of them the record says were received.
//! It replaces the shared spreadsheet of missing documents the assistant·e
//! completes month after month until the file is closed.
//!
//! What a file needs (where the source process is silent, carnet decides):
//! - training: the certificate of entry into training (`pieces:
//!   [attestation_entree]`) and the proof of success, a diploma or a
//!   certificate (`justificatif:`);
//! - employment: the employment contract (`pieces: [contrat_travail]`) and the
//!   last payslip (`justificatif:`);
//! - the parcours's last exit step, once its exit is validated in commission
//!   (`sortie.commission`): the copy of the exit letters (`sortie.courriers`).
//!
//! Linking the step in the tool is a task with its own deadline, not a
//! document: it is not on the checklist.

use super::parcours::EtapeType;
use super::values::Checker;
use crate::diagnostic::msg;
use crate::load::records::Text;
use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::Serialize;

/// A document of an exit file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum PieceKind {
    /// Training: certificate of entry into training (`pieces:`).
    AttestationEntree,
    /// Training: diploma or certificate of success (`justificatif:`).
    JustificatifReussite,
    /// Employment: the employment contract (`pieces:`).
    ContratTravail,
    /// Employment: the last payslip (`justificatif:`).
    BulletinSalaire,
    /// The last exit step, once validated: the copy of the exit letters
    /// (`sortie.courriers`).
    Courriers,
}

/// The words of `pieces:`, with the kind of step each belongs to.
pub const PIECES: [(&str, PieceKind, EtapeType); 2] = [
    (
        "attestation_entree",
        PieceKind::AttestationEntree,
        EtapeType::Formation,
    ),
    (
        "contrat_travail",
        PieceKind::ContratTravail,
        EtapeType::Emploi,
    ),
];

/// One line of the checklist.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Piece {
    /// Which document (`t.plie_piece_<kind>`).
    pub piece: PieceKind,
    /// Received (in the file).
    pub recue: bool,
    /// Its date, when the record gives one (proof, letters).
    pub date: Option<NaiveDate>,
}

/// What the checklist of one exit step is made from.
pub struct Received {
    /// The step's kind.
    pub type_etape: EtapeType,
    /// The documents its `pieces:` lists.
    pub pieces: Vec<PieceKind>,
    /// Its proof of success: received, and its date.
    pub justificatif: Option<Option<NaiveDate>>,
    /// `Some` for the parcours's last exit step once its exit is validated in
    /// commission: the day the letters were sent, if they were.
    pub courriers: Option<Option<NaiveDate>>,
}

/// The checklist of an exit step, missing documents first, each group in
/// the order the file is put together.
pub fn checklist(r: &Received) -> Vec<Piece> {
    let listed = |kind| Piece {
        piece: kind,
        recue: r.pieces.contains(&kind),
        date: None,
    };
    let proof = |kind| Piece {
        piece: kind,
        recue: r.justificatif.is_some(),
        date: r.justificatif.flatten(),
    };
    let mut list = match r.type_etape {
        EtapeType::Formation => vec![
            listed(PieceKind::AttestationEntree),
            proof(PieceKind::JustificatifReussite),
        ],
        EtapeType::Emploi => vec![
            listed(PieceKind::ContratTravail),
            proof(PieceKind::BulletinSalaire),
        ],
        EtapeType::Parcours => return Vec::new(),
    };
    if let Some(sent) = r.courriers {
        list.push(Piece {
            piece: PieceKind::Courriers,
            recue: sent.is_some(),
            date: sent,
        });
    }
    // Stable: the order above is kept within each group.
    list.sort_by_key(|p| p.recue);
    list
}

/// The missing documents of a checklist.
pub fn missing(list: &[Piece]) -> impl Iterator<Item = PieceKind> + '_ {
    list.iter().filter(|p| !p.recue).map(|p| p.piece)
}

/// `pieces:` of a step of kind `type_etape` (none when the type is unknown):
/// each word one of [`PIECES`], and one that belongs to this kind of step.
pub(super) fn read(
    c: &mut Checker,
    words: Option<&Vec<Text>>,
    type_etape: Option<EtapeType>,
) -> Vec<PieceKind> {
    let mut out = Vec::new();
    for word in words.into_iter().flatten() {
        let Some(&(_, kind, belongs)) = PIECES.iter().find(|(w, ..)| *w == word.text()) else {
            c.error(
                word,
                msg(
                    format!("pièce inconnue « {} »", word.text()),
                    format!("unknown document « {} »", word.text()),
                ),
                msg(
                    "un de : attestation_entree (formation), contrat_travail (emploi) ; le diplôme, l'attestation de réussite ou le bulletin de salaire s'écrivent justificatif: { type: …, date: … }",
                    "one of: attestation_entree (formation), contrat_travail (emploi); the diploma, certificate of success or payslip is written justificatif: { type: …, date: … }",
                ),
            );
            continue;
        };
        match type_etape {
            Some(t) if t != belongs => {
                let (fr, en) = match t {
                    EtapeType::Formation => ("formation", "training"),
                    EtapeType::Emploi => ("emploi", "employment"),
                    EtapeType::Parcours => ("parcours", "parcours"),
                };
                c.error(
                    word,
                    msg(
                        format!(
                            "la pièce « {} » n'est pas une pièce d'une étape {fr}",
                            word.text()
                        ),
                        format!(
                            "« {} » is not a document of a {en} step",
                            word.text()
                        ),
                    ),
                    msg(
                        "attestation_entree pour une étape formation, contrat_travail pour une étape emploi",
                        "attestation_entree for a formation step, contrat_travail for an emploi step",
                    ),
                );
            }
            _ => out.push(kind),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("a valid date")
    }

    fn kinds(list: &[Piece]) -> Vec<(PieceKind, bool)> {
        list.iter().map(|p| (p.piece, p.recue)).collect()
    }

    #[test]
    fn a_training_file_misses_what_was_not_received_first() {
        let list = checklist(&Received {
            type_etape: EtapeType::Formation,
            pieces: vec![PieceKind::AttestationEntree],
            justificatif: None,
            courriers: None,
        });
        assert_eq!(
            kinds(&list),
            [
                (PieceKind::JustificatifReussite, false),
                (PieceKind::AttestationEntree, true),
            ]
        );
    }

    #[test]
    fn a_validated_employment_exit_needs_its_letters() {
        let list = checklist(&Received {
            type_etape: EtapeType::Emploi,
            pieces: Vec::new(),
            justificatif: Some(Some(d(2026, 5, 31))),
            courriers: Some(None),
        });
        assert_eq!(
            kinds(&list),
            [
                (PieceKind::ContratTravail, false),
                (PieceKind::Courriers, false),
                (PieceKind::BulletinSalaire, true),
            ]
        );
        assert_eq!(list[2].date, Some(d(2026, 5, 31)));
    }

    #[test]
    fn a_parcours_step_has_no_checklist() {
        let list = checklist(&Received {
            type_etape: EtapeType::Parcours,
            pieces: Vec::new(),
            justificatif: None,
            courriers: Some(None),
        });
        assert!(list.is_empty());
    }
}
