//! Rules of an operateur file: name, type, phone.

use super::values::{Checker, opt_text};
use super::{Operateur, Responsable};
use crate::diagnostic::{Diagnostic, msg};
use crate::load::RawFile;
use crate::load::records::RawOperateur;

/// Operator types of SPEC §2.
pub const OPERATOR_TYPES: [&str; 7] = [
    "entreprise",
    "organisme_formation",
    "association_intermediaire",
    "entreprise_insertion",
    "travail_temporaire",
    "centre_bilan",
    "autre",
];

/// Checks every operator file; sorted by id.
pub(super) fn build_all(
    raws: &[RawFile<RawOperateur>],
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Operateur> {
    let mut out: Vec<Operateur> = raws
        .iter()
        .filter_map(|raw| {
            let r = &raw.record;
            let mut c = Checker {
                file: raw.file,
                diagnostics,
            };
            let nom = c.required(
                &r.nom,
                "nom",
                msg("le nom de l'opérateur", "the name of the opérateur"),
            );
            let type_operateur = r.r#type.as_ref().and_then(|t| {
                if OPERATOR_TYPES.contains(&t.text()) {
                    Some(t.text().to_string())
                } else {
                    c.error(
                        t,
                        msg(
                            format!("type d'opérateur inconnu « {} »", t.text()),
                            format!("unknown opérateur type « {} »", t.text()),
                        ),
                        msg(OPERATOR_TYPES.join(", "), OPERATOR_TYPES.join(", ")),
                    );
                    None
                }
            });
            let telephone = c.phone(&r.telephone);
            let responsable = r.responsable.as_ref().map(|resp| Responsable {
                nom: opt_text(&resp.nom),
                prenom: opt_text(&resp.prenom),
                telephone: c.phone(&resp.telephone),
                email: c.email(&resp.email),
            });
            Some(Operateur {
                id: raw.id.clone(),
                file: raw.file,
                nom: nom?,
                sigle: opt_text(&r.sigle),
                type_operateur,
                adresse: r.adresse.as_ref().map(super::personne::adresse),
                telephone,
                responsable,
            })
        })
        .collect();
    out.sort_by(|a, b| a.id.cmp(&b.id));
    out
}
