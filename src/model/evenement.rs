//! Rules of an evenement file: type, date and hours, people and operator referenced.

use super::horaire::{self, RawHoraire};
use super::link::Resolver;
use super::values::{Checker, opt_text};
use super::{Evenement, Participant};
use crate::diagnostic::{Diagnostic, msg};
use crate::load::RawFile;
use crate::load::records::{RawEvenement, RawParticipant, Text};
use crate::source::Span;
use chrono::NaiveDate;
use std::collections::{HashMap, HashSet};

/// Event types of SPEC §2.
pub const EVENT_TYPES: [&str; 9] = [
    "atelier",
    "atelier_debat",
    "conference",
    "salon",
    "visite_entreprise",
    "journee_recrutement",
    "guest_speaker",
    "seance_individuelle",
    "reunion",
];

/// Checks every event file.
pub(super) fn build_all(
    raws: &[RawFile<RawEvenement>],
    resolver: &Resolver,
    operators: &HashMap<&str, usize>,
    broken_operators: &HashSet<String>,
    today: NaiveDate,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Evenement> {
    raws.iter()
        .filter_map(|raw| {
            let mut c = Checker {
                file: raw.file,
                diagnostics,
            };
            build_one(raw, resolver, operators, broken_operators, today, &mut c)
        })
        .collect()
}

fn build_one(
    raw: &RawFile<RawEvenement>,
    resolver: &Resolver,
    operators: &HashMap<&str, usize>,
    broken_operators: &HashSet<String>,
    today: NaiveDate,
    c: &mut Checker,
) -> Option<Evenement> {
    let r = &raw.record;
    let titre = c.required(
        &r.titre,
        "titre",
        msg("le titre de l'événement", "the title of the event"),
    );
    let date = c.required_date(
        &r.date,
        "date",
        msg(
            "la date de l'événement, AAAA-MM-JJ",
            "the date of the event, YYYY-MM-DD",
        ),
    );
    let type_evenement = match &r.r#type {
        None => "atelier".to_string(),
        Some(t) if EVENT_TYPES.contains(&t.text()) => t.text().to_string(),
        Some(t) => {
            c.error(
                t,
                msg(
                    format!("type d'événement inconnu « {} »", t.text()),
                    format!("unknown event type « {} »", t.text()),
                ),
                msg(EVENT_TYPES.join(", "), EVENT_TYPES.join(", ")),
            );
            String::new()
        }
    };
    let horaire = horaire::check(
        c,
        &RawHoraire {
            debut: &r.heure_debut,
            fin: &r.heure_fin,
            duree: &r.duree,
        },
        msg("l'événement", "the event"),
    );
    let date_attestation = super::activity::date_attestation(&r.date_attestation, today, c);
    let responsable = r
        .responsable
        .as_ref()
        .and_then(|id| resolver.person(c, id, "responsable", None));
    let operateur = r
        .operateur
        .as_ref()
        .and_then(|id| match operators.get(id.text()) {
            Some(&index) => Some(index),
            None if broken_operators.contains(id.text()) => None,
            None => {
                c.error(
                    id,
                    msg(
                        format!("opérateur inconnu « {} »", id.text()),
                        format!("unknown opérateur « {} »", id.text()),
                    ),
                    msg(
                        "l'identifiant d'un fichier de data/operateurs/",
                        "the id of a file in data/operateurs/",
                    ),
                );
                None
            }
        });
    // Before the event, a participant is registered, not present.
    let held = date.is_none_or(|d| d <= today);
    let mut participants = Vec::new();
    for p in r.participants.iter().flatten() {
        let participant = match &p.value {
            RawParticipant::Id(id) => {
                let text = Text::new(id.clone(), p.range.clone());
                resolver
                    .person(c, &text, "participants", None)
                    .map(|personne| Participant {
                        personne: Some(personne),
                        nom: None,
                        email: None,
                        present: held,
                        satisfaction: false,
                        droit_image: false,
                    })
            }
            RawParticipant::Detail(d) => {
                let personne = match &d.personne {
                    Some(id) => match resolver.person(c, id, "participants", None) {
                        Some(index) => Some(index),
                        None => continue,
                    },
                    None => None,
                };
                if personne.is_none() && opt_text(&d.nom).is_none() {
                    c.diagnostics.push(
                        Diagnostic::error_msg(
                            Span::new(c.file, p.range.clone()),
                            msg(
                                "participant sans personne ni nom",
                                "participant with neither personne nor nom",
                            ),
                        )
                        .expected_msg(msg(
                            "personne: identifiant, ou nom: et email: pour une personne extérieure",
                            "personne: an id, or nom: and email: for an outside person",
                        )),
                    );
                    continue;
                }
                Some(Participant {
                    personne,
                    nom: opt_text(&d.nom),
                    email: c.email(&d.email),
                    present: match (&d.present, date) {
                        (Some(p), Some(date)) if p.value => c.happened(
                            p.range.clone(),
                            date,
                            today,
                            msg(
                                "participant(e) marqué(e) présent(e) à l'événement",
                                "participant marked present at the event",
                            ),
                            msg(
                                "present: true une fois l'événement passé (ou la date de l'événement, si elle est fausse)",
                                "present: true once the event is over (or the date of the event, if it is wrong)",
                            ),
                        ),
                        (Some(p), _) => p.value,
                        (None, _) => held,
                    },
                    satisfaction: d.satisfaction.as_ref().is_some_and(|b| b.value),
                    droit_image: d.droit_image.as_ref().is_some_and(|b| b.value),
                })
            }
        };
        participants.extend(participant);
    }
    Some(Evenement {
        id: raw.id.clone(),
        file: raw.file,
        type_evenement,
        titre: titre?,
        date: date?,
        horaire,
        date_attestation,
        lieu: opt_text(&r.lieu),
        responsable,
        intervenants: r
            .intervenants
            .iter()
            .flatten()
            .map(|i| i.text().to_string())
            .collect(),
        operateur,
        photos: r.photos.as_ref().is_some_and(|b| b.value),
        participants,
        procedure: opt_text(&r.procedure),
        bilan: opt_text(&r.bilan),
        bilan_public: r.bilan_public.as_ref().is_some_and(|b| b.value),
    })
}
