//! A participant's PLIE parcours (SPEC §5, seed 004): its steps checked
//! against the positive-exit rules, and, for each exit step, the dates derived
//! once ([`super::parcours_derive`]). Internal data: the public view holds none.

use super::commissions::{Commission, CommissionKind};
use super::link::Resolver;
use super::parcours_derive as derive;
use super::parcours_pieces::{self as pieces, Piece, PieceKind};
use super::values::{Checker, opt_text};
use super::{Adresse, PersonIdx};
use crate::diagnostic::{Diagnostic, msg};
use crate::load::RawFile;
use crate::load::parcours::{RawEtape, RawParcours};
use crate::load::records::{RawPersonne, Text};
use crate::source::{FileId, Span};
use chrono::NaiveDate;
use rayon::prelude::*;
use serde::Serialize;
use std::collections::{HashMap, HashSet};

/// Kinds of step.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum EtapeType {
    /// Training (a positive exit when qualifying: FSE axis 4).
    Formation,
    /// Employment (a positive exit when durable: FSE axis 1).
    Emploi,
    /// Any other step of the parcours.
    Parcours,
}

/// Kinds of employment contract.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Contrat {
    /// Permanent.
    Cdi,
    /// Fixed-term (`duree_mois`).
    Cdd,
    /// Temporary agency work.
    Interim,
    /// State-aided contract.
    ContratAide,
    /// Contrat de professionnalisation.
    Professionnalisation,
    /// Apprenticeship.
    Apprentissage,
}

/// The words of `contrat:`.
pub const CONTRATS: [&str; 6] = [
    "cdi",
    "cdd",
    "interim",
    "contrat_aide",
    "professionnalisation",
    "apprentissage",
];

impl Contrat {
    /// How a libellé names it (a CDD with its length).
    fn words(self, duree_mois: Option<u32>) -> String {
        match (self, duree_mois) {
            (Contrat::Cdi, _) => "CDI".into(),
            (Contrat::Cdd, Some(m)) => format!("CDD {m} mois"),
            (Contrat::Cdd, None) => "CDD".into(),
            (Contrat::Interim, _) => "Intérim".into(),
            (Contrat::ContratAide, _) => "Contrat aidé".into(),
            (Contrat::Professionnalisation, _) => "Contrat de professionnalisation".into(),
            (Contrat::Apprentissage, _) => "Contrat d'apprentissage".into(),
        }
    }
}

/// State of a step.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Etat {
    /// Ongoing.
    EnCours,
    /// Finished.
    Terminee,
    /// Stopped early (a rupture says why).
    Interrompue,
}

/// Kinds of proof of success.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum JustificatifType {
    /// Last payslip.
    BulletinSalaire,
    /// Diploma.
    Diplome,
    /// Certificate.
    Attestation,
}

/// A PLIE parcours.
#[derive(Clone, Debug)]
pub struct Parcours {
    /// The participant.
    pub personne: PersonIdx,
    /// The person's file.
    pub file: FileId,
    /// Entry into the PLIE.
    pub entree: Option<NaiveDate>,
    /// Accompagnateur·rice emploi.
    pub referent: Option<PersonIdx>,
    /// Assistant·e.
    pub assistant: Option<PersonIdx>,
    /// Prescripteur.
    pub prescripteur: Option<Prescripteur>,
    /// Steps, by start date.
    pub etapes: Vec<Etape>,
    /// Exit from the PLIE.
    pub sortie: Option<SortieParcours>,
}

/// Who sent the participant.
#[derive(Clone, Debug, Default)]
pub struct Prescripteur {
    /// Name of the body.
    pub nom: Option<String>,
    /// Its address.
    pub adresse: Option<Adresse>,
}

/// One step.
#[derive(Clone, Debug)]
pub struct Etape {
    /// Kind.
    pub type_etape: EtapeType,
    /// Objective.
    pub objectif: Option<String>,
    /// Libellé as written.
    pub libelle: Option<String>,
    /// Start.
    pub debut: NaiveDate,
    /// Planned end.
    pub fin: Option<NaiveDate>,
    /// Employer or training body (index in `Kit::operateurs`).
    pub operateur: Option<usize>,
    /// Training: who pays.
    pub financeur: Option<String>,
    /// Training: title.
    pub intitule: Option<String>,
    /// Training: centre (else the operator's name).
    pub centre: Option<String>,
    /// Training: place.
    pub lieu: Option<String>,
    /// Employment: contract.
    pub contrat: Option<Contrat>,
    /// Fixed-term contract: months.
    pub duree_mois: Option<u32>,
    /// Employment: share of full time (none: full time).
    pub temps_partiel: Option<f64>,
    /// Employment: job.
    pub metier: Option<String>,
    /// ROME code.
    pub rome: Option<String>,
    /// A positive-exit step.
    pub sortie_positive: bool,
    /// Validated in comité technique.
    pub valide_comite: bool,
    /// State.
    pub etat: Etat,
    /// Day the exit step was linked, once it is.
    pub liaison: Option<NaiveDate>,
    /// Proof of success received.
    pub justificatif: Option<Justificatif>,
    /// Early stop.
    pub rupture: Option<Rupture>,
    /// Documents of the exit file received (`pieces:`).
    pub pieces: Vec<PieceKind>,
    /// Derived, for a positive-exit step not interrupted.
    pub sortie: Option<EtapeSortie>,
}

/// Proof of success.
#[derive(Clone, Debug)]
pub struct Justificatif {
    /// Kind.
    pub type_justificatif: Option<JustificatifType>,
    /// Its date.
    pub date: Option<NaiveDate>,
}

/// An early stop.
#[derive(Clone, Debug)]
pub struct Rupture {
    /// Motive.
    pub motif: Option<String>,
    /// Reason.
    pub raison: Option<String>,
    /// Real end.
    pub fin_reelle: Option<NaiveDate>,
}

/// The participant's exit from the PLIE.
#[derive(Clone, Debug, Default)]
pub struct SortieParcours {
    /// Exit date.
    pub date: Option<NaiveDate>,
    /// Motive.
    pub motif: Option<String>,
    /// The commission that validated it.
    pub commission: Option<NaiveDate>,
    /// Day the exit letters were sent.
    pub courriers: Option<NaiveDate>,
    /// Day the file was closed.
    pub dossier_clos: Option<NaiveDate>,
}

/// What is derived for a positive-exit step.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct EtapeSortie {
    /// As written, else generated.
    pub libelle: String,
    /// FSE axis: 4 (qualifiant) or 1 (emploi/sortie).
    pub axe_fse: u8,
    /// The commission expected to validate it (or that did: `sortie.commission`).
    pub commission: NaiveDate,
    /// No commission that late in the calendar: 31 December, to be replaced.
    pub provisoire: bool,
    /// Link the step by this day (none: no cloture nor comité known).
    pub liaison_avant: Option<NaiveDate>,
    /// Whether it is the parcours's last exit step, the one its exit letters,
    /// file closing and archive follow (an earlier training exit is only linked).
    pub finale: bool,
    /// Exit letters sent by this day (the last exit step).
    pub courriers_avant: Option<NaiveDate>,
    /// File closed by this day (the last exit step).
    pub dossier_avant: Option<NaiveDate>,
    /// Year of the archive box: year of the exit date, once there is one (the last exit step).
    pub annee_archive: Option<i32>,
    /// The checklist of the exit file, missing documents first.
    pub pieces: Vec<Piece>,
}

/// What the rules of a parcours need from the rest of the kit.
pub(super) struct Context<'a> {
    /// People, with roles.
    pub resolver: &'a Resolver<'a>,
    /// Operator ids → index, their names by index.
    pub operators: &'a HashMap<&'a str, usize>,
    /// Operator names, by index.
    pub operator_names: &'a [String],
    /// Operator files that exist but could not be read.
    pub broken_operators: &'a HashSet<String>,
    /// The calendar, by date.
    pub calendar: &'a [Commission],
}

/// Checks every `parcours:` block (each person in parallel, the problems in
/// file order); sorted by person.
pub(super) fn build_all(
    raws: &[RawFile<RawPersonne>],
    cx: &Context,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Parcours> {
    let results: Vec<(Parcours, Vec<Diagnostic>)> = raws
        .par_iter()
        .filter_map(|raw| {
            let parcours = raw.record.parcours.as_ref()?;
            let personne = cx.resolver.index_of(&raw.id)?;
            let mut found = Vec::new();
            let mut c = Checker {
                file: raw.file,
                diagnostics: &mut found,
            };
            let built = build_one(parcours, personne, raw.file, cx, &mut c);
            Some((built, found))
        })
        .collect();
    let mut out = Vec::with_capacity(results.len());
    for (built, found) in results {
        diagnostics.extend(found);
        out.push(built);
    }
    out.sort_by_key(|p| p.personne);
    out
}

fn build_one(
    r: &RawParcours,
    personne: PersonIdx,
    file: FileId,
    cx: &Context,
    c: &mut Checker,
) -> Parcours {
    let referent = r.referent.as_ref().and_then(|id| {
        cx.resolver
            .person(c, id, "referent", Some("accompagnateur"))
    });
    let assistant = r
        .assistant
        .as_ref()
        .and_then(|id| cx.resolver.person(c, id, "assistant", Some("assistant")));
    let prescripteur = r.prescripteur.as_ref().map(|p| Prescripteur {
        nom: opt_text(&p.nom),
        adresse: p.adresse.as_ref().map(super::personne::adresse),
    });
    let sortie = r.sortie.as_ref().map(|s| SortieParcours {
        date: c.opt_date(&s.date),
        motif: opt_text(&s.motif),
        commission: s
            .commission
            .as_ref()
            .and_then(|t| commission_named(c, t, cx.calendar)),
        courriers: c.opt_date(&s.courriers),
        dossier_clos: c.opt_date(&s.dossier_clos),
    });
    let mut etapes: Vec<(Etape, Option<Span>)> = r
        .etapes
        .iter()
        .flatten()
        .filter_map(|e| etape(e, cx, c))
        .collect();
    etapes.sort_by_key(|(e, _)| e.debut);
    // At most one stable-employment exit (seed 004, 8a); interrupted ones did not happen.
    let mut first_emploi: Option<Span> = None;
    for (e, at) in &etapes {
        let Some(at) = at else { continue };
        if e.type_etape != EtapeType::Emploi || e.etat == Etat::Interrompue {
            continue;
        }
        match &first_emploi {
            None => first_emploi = Some(*at),
            Some(first) => c.diagnostics.push(
                Diagnostic::error(
                    *at,
                    "une seule étape de sortie emploi durable par parcours",
                )
                .en("only one durable-employment exit step per parcours")
                .expected(
                    "sortie_positive: true sur la dernière étape d'emploi seulement (les autres contrats sont des étapes d'emploi de parcours)",
                )
                .expected_en("sortie_positive: true on the last employment step only (other contracts are parcours steps)")
                .also_at_msg(*first, msg("première étape de sortie emploi", "first employment exit step")),
            ),
        }
    }
    let nom = cx.resolver.personnes()[personne].nom_affiche()
        + " "
        + &cx.resolver.personnes()[personne].prenom_affiche();
    let last_exit = etapes
        .iter()
        .rposition(|(e, _)| e.sortie_positive && e.etat != Etat::Interrompue);
    let etapes = etapes
        .into_iter()
        .enumerate()
        .map(|(i, (mut e, _))| {
            let finale = Some(i) == last_exit;
            e.sortie = derive_sortie(&e, &nom, finale.then_some(sortie.as_ref()), cx);
            e
        })
        .collect();
    Parcours {
        personne,
        file,
        entree: c.opt_date(&r.entree),
        referent,
        assistant,
        prescripteur,
        etapes,
        sortie,
    }
}

/// `sortie.commission`: a date of a `commission` of the calendar.
fn commission_named(c: &mut Checker, text: &Text, calendar: &[Commission]) -> Option<NaiveDate> {
    let date = c.date(text)?;
    match calendar.iter().find(|m| m.date == date) {
        Some(m) if m.kind == CommissionKind::Commission => Some(date),
        found => {
            let known: Vec<String> = calendar
                .iter()
                .filter(|m| m.kind == CommissionKind::Commission)
                .map(|m| m.date.to_string())
                .collect();
            let message = match found {
                Some(_) => msg(
                    format!("le {date} est un comité, pas une commission"),
                    format!("{date} is a comité, not a commission"),
                ),
                None => msg(
                    format!("aucune commission le {date} dans data/commissions.yaml"),
                    format!("no commission on {date} in data/commissions.yaml"),
                ),
            };
            let expected = if known.is_empty() {
                msg(
                    "la date d'une réunion « type: commission » de data/commissions.yaml",
                    "the date of a « type: commission » meeting of data/commissions.yaml",
                )
            } else {
                msg(
                    format!("la date d'une commission : {}", known.join(", ")),
                    format!("the date of a commission: {}", known.join(", ")),
                )
            };
            c.error(text, message, expected);
            None
        }
    }
}

/// One step, checked; with the span of its `sortie_positive: true` when it
/// is a positive employment exit (at most one per parcours).
fn etape(e: &RawEtape, cx: &Context, c: &mut Checker) -> Option<(Etape, Option<Span>)> {
    let at = c.entry_span(&[&e.r#type, &e.debut, &e.libelle, &e.intitule, &e.metier]);
    let type_etape = match &e.r#type {
        None => {
            c.missing_at(
                at,
                "etapes.type",
                msg(
                    "formation, emploi ou parcours",
                    "formation, emploi or parcours",
                ),
            );
            None
        }
        Some(t) => match t.text() {
            "formation" => Some(EtapeType::Formation),
            "emploi" => Some(EtapeType::Emploi),
            "parcours" => Some(EtapeType::Parcours),
            other => {
                c.error(
                    t,
                    msg(
                        format!("type d'étape inconnu « {other} »"),
                        format!("unknown step type « {other} »"),
                    ),
                    msg(
                        "un de : formation, emploi, parcours",
                        "one of: formation, emploi, parcours",
                    ),
                );
                None
            }
        },
    };
    let debut = match &e.debut {
        Some(d) => c.date(d),
        None => {
            c.missing_at(
                at,
                "etapes.debut",
                msg(
                    "la date de début, par exemple debut: 2026-09-14",
                    "the start date, e.g. debut: 2026-09-14",
                ),
            );
            None
        }
    };
    let fin = c.opt_date(&e.fin);
    c.ends_before_start(
        debut,
        fin,
        &e.fin,
        |fin, debut| {
            msg(
                format!("l'étape finit ({fin}) avant de commencer ({debut})"),
                format!("the step ends ({fin}) before it starts ({debut})"),
            )
        },
        msg(
            "une fin le jour du début ou après",
            "an end on or after the start",
        ),
    );
    let operateur = e.operateur.as_ref().and_then(|id| match cx.operators.get(id.text()) {
        Some(&index) => Some(index),
        None if cx.broken_operators.contains(id.text()) => None,
        None => {
            let close = crate::suggest::closest(id.text(), cx.operators.keys().copied());
            let expected = match close {
                Some(close) => msg(format!(
                    "l'identifiant d'un fichier de data/operateurs/ ; vouliez-vous dire « {close} » ?"
                ), format!("the id of a file of data/operateurs/; did you mean « {close} »?")),
                None => msg("l'identifiant d'un fichier de data/operateurs/ (à créer s'il manque)", "the id of a file of data/operateurs/ (create it if missing)"),
            };
            c.error(id, msg(format!("opérateur inconnu « {} »", id.text()), format!("unknown operator « {} »", id.text())), expected);
            None
        }
    });
    let contrat = e.contrat.as_ref().and_then(|t| {
        let contrat = match t.text() {
            "cdi" => Contrat::Cdi,
            "cdd" => Contrat::Cdd,
            "interim" => Contrat::Interim,
            "contrat_aide" => Contrat::ContratAide,
            "professionnalisation" => Contrat::Professionnalisation,
            "apprentissage" => Contrat::Apprentissage,
            other => {
                c.error(
                    t,
                    msg(
                        format!("contrat inconnu « {other} »"),
                        format!("unknown contract « {other} »"),
                    ),
                    msg(
                        format!("un de : {}", CONTRATS.join(", ")),
                        format!("one of: {}", CONTRATS.join(", ")),
                    ),
                );
                return None;
            }
        };
        Some(contrat)
    });
    let temps_partiel = e.temps_travail.as_ref().and_then(|t| temps(c, t)).flatten();
    let rome = e.rome.as_ref().and_then(|t| {
        let code = t.text();
        let b = code.as_bytes();
        let ok = b.len() == 5 && b[0].is_ascii_uppercase() && b[1..].iter().all(u8::is_ascii_digit);
        if ok {
            Some(code.to_string())
        } else {
            c.error(
                t,
                msg(
                    format!("code ROME mal écrit « {code} »"),
                    format!("badly written ROME code « {code} »"),
                ),
                msg(
                    "une lettre majuscule et 4 chiffres, par exemple F1705",
                    "a capital letter and 4 digits, e.g. F1705",
                ),
            );
            None
        }
    });
    let etat = match &e.etat {
        None => Some(Etat::EnCours),
        Some(t) => match t.text() {
            "en_cours" => Some(Etat::EnCours),
            "terminee" => Some(Etat::Terminee),
            "interrompue" => Some(Etat::Interrompue),
            other => {
                c.error(
                    t,
                    msg(
                        format!("état d'étape inconnu « {other} »"),
                        format!("unknown step state « {other} »"),
                    ),
                    msg(
                        "un de : en_cours, terminee, interrompue",
                        "one of: en_cours, terminee, interrompue",
                    ),
                );
                None
            }
        },
    };
    if let (Some(Etat::Interrompue), Some(t)) = (etat, &e.etat) {
        let motif = e.rupture.as_ref().and_then(|r| opt_text(&r.motif));
        if motif.is_none() {
            c.error(
                t,
                msg(
                    "étape interrompue sans rupture renseignée",
                    "interrupted step without its rupture",
                ),
                msg(
                    "rupture: { motif: …, raison: …, fin_reelle: AAAA-MM-JJ } sous l'étape",
                    "rupture: { motif: …, raison: …, fin_reelle: YYYY-MM-DD } under the step",
                ),
            );
        }
    }
    let justificatif = e
        .justificatif
        .as_ref()
        .map(|j| super::parcours::Justificatif {
            type_justificatif: j.r#type.as_ref().and_then(|t| match t.text() {
                "bulletin_salaire" => Some(JustificatifType::BulletinSalaire),
                "diplome" => Some(JustificatifType::Diplome),
                "attestation" => Some(JustificatifType::Attestation),
                other => {
                    c.error(
                        t,
                        msg(
                            format!("justificatif inconnu « {other} »"),
                            format!("unknown proof « {other} »"),
                        ),
                        msg(
                            "un de : bulletin_salaire, diplome, attestation",
                            "one of: bulletin_salaire, diplome, attestation",
                        ),
                    );
                    None
                }
            }),
            date: c.opt_date(&j.date),
        });
    let rupture = e.rupture.as_ref().map(|r| Rupture {
        motif: opt_text(&r.motif),
        raison: opt_text(&r.raison),
        fin_reelle: c.opt_date(&r.fin_reelle),
    });
    let sortie_positive = e.sortie_positive.as_ref().is_some_and(|b| b.value);
    let valide_comite = e.valide_comite.as_ref().is_some_and(|b| b.value);
    let duree_mois = e.duree_mois.as_ref().map(|d| d.value);
    let exit_span = e
        .sortie_positive
        .as_ref()
        .filter(|b| b.value)
        .map(|b| Span::new(c.file, b.range.clone()));
    let pieces_recues = pieces::read(c, e.pieces.as_ref(), type_etape);
    let (type_etape, debut, etat) = (type_etape?, debut?, etat?);
    let etape = Etape {
        type_etape,
        objectif: opt_text(&e.objectif),
        libelle: opt_text(&e.libelle),
        debut,
        fin,
        operateur,
        financeur: opt_text(&e.financeur),
        intitule: opt_text(&e.intitule),
        centre: opt_text(&e.centre),
        lieu: opt_text(&e.lieu),
        contrat,
        duree_mois,
        temps_partiel,
        metier: opt_text(&e.metier),
        rome,
        sortie_positive,
        valide_comite,
        etat,
        liaison: c.opt_date(&e.liaison),
        justificatif,
        rupture,
        pieces: pieces_recues,
        sortie: None,
    };
    if let (Some(span), EtapeType::Parcours) = (&exit_span, type_etape) {
        c.diagnostics.push(
            Diagnostic::error(*span, "une étape de type parcours n'est pas une sortie positive")
                .en("a step of type parcours is not a positive exit")
                .expected("type: emploi (emploi durable) ou type: formation (qualifiante), ou sortie_positive: false")
                .expected_en("type: emploi (durable job) or type: formation (qualifying), or sortie_positive: false"),
        );
    }
    if sortie_positive && type_etape == EtapeType::Formation && fin.is_none() {
        let dated = etape.justificatif.as_ref().and_then(|j| j.date).is_some();
        if !dated && let Some(b) = &e.sortie_positive {
            c.diagnostics.push(
                Diagnostic::error(
                    Span::new(c.file, b.range.clone()),
                    "formation qualifiante sans fin ni justificatif daté : la commission ne peut pas être prévue",
                )
                .en("qualifying training without an end nor a dated proof: its commission cannot be foreseen")
                .expected("fin: AAAA-MM-JJ, ou justificatif: { type: diplome, date: AAAA-MM-JJ }")
                .expected_en("fin: YYYY-MM-DD, or justificatif: { type: diplome, date: YYYY-MM-DD }"),
            );
        }
    }
    let exit_span = exit_span.filter(|_| type_etape == EtapeType::Emploi);
    if let Some(at) = &exit_span {
        durable_rules(e, &etape, at, c);
    }
    Some((etape, exit_span))
}

/// `temps_travail`: `temps_plein` (none) or a share of full time in ]0, 1].
fn temps(c: &mut Checker, t: &Text) -> Option<Option<f64>> {
    if t.text() == "temps_plein" {
        return Some(None);
    }
    match t.text().replace(',', ".").parse::<f64>() {
        Ok(share) if share > 0.0 && share < 1.0 => Some(Some(share)),
        Ok(1.0) => Some(None),
        _ => {
            c.error(
                t,
                msg(
                    format!("temps de travail illisible « {} »", t.text()),
                    format!("unreadable working time « {} »", t.text()),
                ),
                msg(
                    "temps_plein, ou la part d'un temps plein entre 0 et 1, par exemple 0.4",
                    "temps_plein, or a share of full time between 0 and 1, e.g. 0.4",
                ),
            );
            None
        }
    }
}

/// A positive employment exit is a durable job (SPEC §5): a CDI, or a CDD of
/// 6 months or more; an aided contract or less than half-time only once
/// validated in comité; ending at most 6 months after its start.
fn durable_rules(e: &RawEtape, etape: &Etape, exit: &Span, c: &mut Checker) {
    const DURABLE: &str = "un CDI, un CDD d'au moins 6 mois (duree_mois: 6), ou un emploi validé en comité technique (valide_comite: true) ; sinon sortie_positive: false";
    const DURABLE_EN: &str = "a CDI, a CDD of at least 6 months (duree_mois: 6), or a job validated by the comité technique (valide_comite: true); else sortie_positive: false";
    let durable = || msg(DURABLE, DURABLE_EN);
    if let (Some(fin), Some(text)) = (etape.fin, &e.fin) {
        let limit = derive::add_months(etape.debut, 6);
        if fin > limit {
            c.error(
                text,
                msg(format!("la fin d'une étape de sortie emploi est au plus 6 mois après son début ({limit})"), format!("an employment exit step ends at most 6 months after its start ({limit})")),
                msg(format!("une fin au plus tard le {limit}"), format!("an end on {limit} at the latest")),
            );
        }
    }
    let Some(contrat_text) = &e.contrat else {
        c.diagnostics.push(
            Diagnostic::error(*exit, "étape de sortie emploi sans contrat")
                .en("employment exit step without its contract")
                .expected(format!("contrat: un de {}", CONTRATS.join(", ")))
                .expected_en(format!("contrat: one of {}", CONTRATS.join(", "))),
        );
        return;
    };
    match etape.contrat {
        Some(Contrat::Cdi) => {}
        Some(Contrat::Cdd) => match (etape.duree_mois, &e.duree_mois) {
            (Some(m), Some(sp)) if m < 6 => c.diagnostics.push(
                Diagnostic::error(
                    Span::new(c.file, sp.range.clone()),
                    format!("un CDD de {m} mois n'est pas un emploi durable"),
                )
                .en(format!("a CDD of {m} months is not a durable job"))
                .expected(DURABLE)
                .expected_en(DURABLE_EN),
            ),
            (None, _) => c.error(
                contrat_text,
                msg("CDD de sortie emploi sans sa durée", "employment exit CDD without its length"),
                msg("duree_mois: la durée du contrat en mois (6 ou plus pour un emploi durable)", "duree_mois: the contract's length in months (6 or more for a durable job)"),
            ),
            _ => {}
        },
        Some(Contrat::ContratAide) if !etape.valide_comite => c.error(
            contrat_text,
            msg("un contrat aidé ne compte comme sortie emploi qu'après validation en comité technique", "an aided contract counts as an employment exit only once validated by the comité technique"),
            durable(),
        ),
        Some(Contrat::ContratAide) => {}
        Some(Contrat::Interim) => c.error(
            contrat_text,
            msg("un contrat d'intérim n'est pas un emploi durable", "temporary agency work is not a durable job"),
            durable(),
        ),
        Some(kind @ (Contrat::Professionnalisation | Contrat::Apprentissage)) => {
            let word = if kind == Contrat::Apprentissage {
                "d'apprentissage"
            } else {
                "de professionnalisation"
            };
            c.diagnostics.push(
                Diagnostic::warning(
                    c.span(contrat_text),
                    format!("contrat {word} en sortie emploi : à confirmer avec l'accompagnateur·rice"),
                )
                .en(format!("{} contract as an employment exit: to confirm with the accompagnateur", if kind == Contrat::Apprentissage { "apprenticeship" } else { "professionalisation" }))
                .expected("emploi durable ou formation qualifiante : l'accompagnateur·rice décide (type: formation si l'objectif est la qualification)")
                .expected_en("durable job or qualifying training: the accompagnateur decides (type: formation if the aim is the qualification)"),
            );
        }
        None => {}
    }
    if let (Some(share), Some(text)) = (etape.temps_partiel, &e.temps_travail)
        && share < 0.5
        && !etape.valide_comite
    {
        c.error(
            text,
            msg("un emploi à moins d'un mi-temps ne compte comme sortie qu'après validation en comité technique", "a job under half-time counts as an exit only once validated by the comité technique"),
            durable(),
        );
    }
}

/// The derived dates of a positive-exit step not interrupted; `finale`: for
/// the parcours's last exit step, the parcours's exit (if written yet).
fn derive_sortie(
    e: &Etape,
    nom: &str,
    finale: Option<Option<&SortieParcours>>,
    cx: &Context,
) -> Option<EtapeSortie> {
    if !e.sortie_positive || e.etat == Etat::Interrompue {
        return None;
    }
    let operateur = e.operateur.map(|i| cx.operator_names[i].as_str());
    let (emploi, axe_fse, generated) = match e.type_etape {
        EtapeType::Parcours => return None,
        EtapeType::Formation => {
            let centre = e.centre.as_deref().or(operateur);
            let parts = [e.financeur.as_deref(), e.intitule.as_deref(), centre];
            (
                false,
                4,
                derive::libelle(&derive::LibelleParts { parts, nom }),
            )
        }
        EtapeType::Emploi => {
            let contrat = e.contrat.map(|k| {
                format!(
                    "{} {}",
                    k.words(e.duree_mois),
                    derive::temps_words(e.temps_partiel)
                )
            });
            let parts = [contrat.as_deref(), e.metier.as_deref(), operateur];
            (
                true,
                1,
                derive::libelle(&derive::LibelleParts { parts, nom }),
            )
        }
    };
    let proof_or_end = e
        .justificatif
        .as_ref()
        .and_then(|j| j.date)
        .or(e.fin)
        .unwrap_or(e.debut);
    let from = derive::commission_from(emploi, e.debut, proof_or_end);
    let (expected, meeting) = derive::expected_commission(from, cx.calendar);
    let sortie = finale.flatten();
    let validated = sortie.and_then(|s| s.commission);
    let commission = validated.unwrap_or(expected);
    let finale = finale.is_some();
    let meeting = match validated {
        Some(date) => cx.calendar.iter().find(|m| m.date == date),
        None => meeting,
    };
    Some(EtapeSortie {
        libelle: e.libelle.clone().unwrap_or(generated),
        axe_fse,
        commission,
        provisoire: meeting.is_none(),
        liaison_avant: derive::linking_deadline(e.debut, commission, meeting, cx.calendar),
        finale,
        courriers_avant: finale.then(|| derive::within_months(commission, 1)),
        dossier_avant: finale.then(|| derive::within_months(commission, 3)),
        annee_archive: sortie.and_then(|s| s.date).map(derive::archive_year),
        pieces: pieces::checklist(&pieces::Received {
            type_etape: e.type_etape,
            pieces: e.pieces.clone(),
            justificatif: e.justificatif.as_ref().map(|j| j.date),
            courriers: sortie
                .filter(|s| s.commission.is_some())
                .map(|s| s.courriers),
        }),
    })
}
