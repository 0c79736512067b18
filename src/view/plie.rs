//! The PLIE parcours as the internal profile sees them (SPEC §5, issue 13):
//! the timeline of a fiche, the « sorties » page grouping exit steps by
//! commission with the state of each file, and the deadlines of the tableau
//! de bord. The public view holds none of it: [`super::View::new`] calls
//! these for the internal profile only.

use super::{Link, urls};
use crate::model::parcours::{Contrat, EtapeSortie, EtapeType, Etat, JustificatifType, Parcours};
use crate::model::{Kit, PersonIdx};
use chrono::{Days, NaiveDate};
use schemars::JsonSchema;
use serde::Serialize;

/// How far ahead the tableau de bord lists PLIE deadlines: six weeks.
pub const HORIZON_JOURS: u64 = 42;

/// A parcours on its person's fiche.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct ParcoursView {
    /// Entry into the PLIE.
    pub entree: Option<NaiveDate>,
    /// Accompagnateur·rice emploi.
    pub referent: Option<Link>,
    /// Assistant·e.
    pub assistant: Option<Link>,
    /// Prescripteur's name.
    pub prescripteur: Option<String>,
    /// Steps, by start date.
    pub etapes: Vec<EtapeView>,
    /// Exit from the PLIE.
    pub sortie: Option<SortieView>,
}

/// One step of the timeline.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct EtapeView {
    /// formation | emploi | parcours (`t.plie_types[code]`).
    pub type_etape: EtapeType,
    /// Objective.
    pub objectif: Option<String>,
    /// The libellé as written (exit steps: the one derived is in `sortie`).
    pub libelle: Option<String>,
    /// Start.
    pub debut: NaiveDate,
    /// Planned end.
    pub fin: Option<NaiveDate>,
    /// en_cours | terminee | interrompue (`t.plie_etats[code]`).
    pub etat: Etat,
    /// Employer or training body.
    pub operateur: Option<Link>,
    /// Training title.
    pub intitule: Option<String>,
    /// Contract code (`t.plie_contrats[code]`).
    pub contrat: Option<Contrat>,
    /// Job.
    pub metier: Option<String>,
    /// ROME code.
    pub rome: Option<String>,
    /// Positive exit step.
    pub sortie_positive: bool,
    /// Validated in comité technique.
    pub valide_comite: bool,
    /// Day linked.
    pub liaison: Option<NaiveDate>,
    /// Proof received.
    pub justificatif: Option<JustificatifView>,
    /// Early stop.
    pub rupture: Option<RuptureView>,
    /// Derived facts of an exit step.
    pub sortie: Option<EtapeSortie>,
    /// The exit letters of the last exit step, once decided (PDF forms).
    pub lettres: Vec<Link>,
}

/// A proof of success received.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct JustificatifView {
    /// Kind (`t.plie_justificatifs[code]`).
    pub type_justificatif: Option<JustificatifType>,
    /// Its date.
    pub date: Option<NaiveDate>,
}

/// An early stop.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct RuptureView {
    /// Motive.
    pub motif: Option<String>,
    /// Reason.
    pub raison: Option<String>,
    /// Real end.
    pub fin_reelle: Option<NaiveDate>,
}

/// The exit from the PLIE and what was done after it.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct SortieView {
    /// Exit date.
    pub date: Option<NaiveDate>,
    /// Motive.
    pub motif: Option<String>,
    /// The commission that validated it.
    pub commission: Option<NaiveDate>,
    /// Day the letters were sent.
    pub courriers: Option<NaiveDate>,
    /// Day the file was closed.
    pub dossier_clos: Option<NaiveDate>,
}

/// The « sorties » page: exit steps grouped by commission.
#[derive(Clone, Debug, Default, Serialize, JsonSchema)]
pub struct Sorties {
    /// One group per commission (provisional 31 December ones too), by date.
    pub commissions: Vec<SortiesCommission>,
}

/// The exit steps of one commission.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct SortiesCommission {
    /// Its day (31 December when provisional).
    pub date: NaiveDate,
    /// Not in the calendar yet.
    pub provisoire: bool,
    /// Its last day to link exit steps, when known.
    pub cloture: Option<NaiveDate>,
    /// Held by the build day.
    pub passee: bool,
    /// Its exit steps, by person.
    pub lignes: Vec<SortieLigne>,
}

/// One exit step and the state of its file.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct SortieLigne {
    /// The participant.
    pub personne: Link,
    /// Libellé (as written or generated).
    pub libelle: String,
    /// formation | emploi.
    pub type_etape: EtapeType,
    /// FSE axis.
    pub axe_fse: u8,
    /// Assistant·e, else accompagnateur·rice.
    pub suivi_par: Option<Link>,
    /// Day linked, once it is.
    pub liaison: Option<NaiveDate>,
    /// Link by this day.
    pub liaison_avant: Option<NaiveDate>,
    /// Proof received.
    pub justificatif: Option<JustificatifView>,
    /// Exit letters and file closing follow this step.
    pub finale: bool,
    /// Exit date.
    pub date_sortie: Option<NaiveDate>,
    /// Letters sent on.
    pub courriers: Option<NaiveDate>,
    /// Letters due by.
    pub courriers_avant: Option<NaiveDate>,
    /// File closed on.
    pub dossier_clos: Option<NaiveDate>,
    /// File closed by.
    pub dossier_avant: Option<NaiveDate>,
    /// Archive year.
    pub annee_archive: Option<i32>,
    /// Some deadline of this line has passed with its task not done.
    pub en_retard: bool,
    /// The exit letters, once the exit is decided (PDF forms).
    pub lettres: Vec<Link>,
    /// Accompagnateur·rice emploi.
    pub referent: Option<Link>,
    /// Assistant·e.
    pub assistant: Option<Link>,
    /// The step's start.
    pub debut: NaiveDate,
    /// The step's planned end.
    pub fin: Option<NaiveDate>,
    /// The step's state (`t.plie_etats_<code>`).
    pub etat: Etat,
    /// Where the file stands (`t.plie_dossier_<code>`).
    pub etat_dossier: super::plie_suivi::EtatDossier,
    /// The checklist of the exit file, missing documents first.
    pub pieces: Vec<crate::model::parcours_pieces::Piece>,
    /// How many documents are missing.
    pub pieces_manquantes: usize,
}

/// Kinds of PLIE deadline.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum EcheanceKind {
    /// Link the exit step.
    Liaison,
    /// Send the exit letters.
    Courriers,
    /// Close the file.
    Dossier,
}

/// A deadline of the tableau de bord.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Echeance {
    /// Due day.
    pub date: NaiveDate,
    /// What is due (`t.plie_echeances[code]`).
    pub kind: EcheanceKind,
    /// The participant.
    pub personne: Link,
    /// The exit step's libellé.
    pub libelle: String,
    /// The day has passed.
    pub en_retard: bool,
    /// How many documents of the exit file are missing.
    pub pieces_manquantes: usize,
}

fn person(kit: &Kit, i: PersonIdx) -> Link {
    let p = &kit.personnes[i];
    Link {
        label: p.nom_complet(),
        url: urls::personne(&p.id),
    }
}

/// The parcours of person `i`, for their fiche.
pub(super) fn parcours_of(kit: &Kit, i: PersonIdx) -> Option<ParcoursView> {
    let p = kit.parcours.iter().find(|p| p.personne == i)?;
    Some(ParcoursView {
        entree: p.entree,
        referent: p.referent.map(|r| person(kit, r)),
        assistant: p.assistant.map(|a| person(kit, a)),
        prescripteur: p.prescripteur.as_ref().and_then(|x| x.nom.clone()),
        etapes: p
            .etapes
            .iter()
            .map(|e| EtapeView {
                type_etape: e.type_etape,
                objectif: e.objectif.clone(),
                libelle: e.libelle.clone(),
                debut: e.debut,
                fin: e.fin,
                etat: e.etat,
                operateur: e.operateur.map(|o| Link {
                    label: kit.operateurs[o].nom.clone(),
                    url: urls::operateur(&kit.operateurs[o].id),
                }),
                intitule: e.intitule.clone(),
                contrat: e.contrat,
                metier: e.metier.clone(),
                rome: e.rome.clone(),
                sortie_positive: e.sortie_positive,
                valide_comite: e.valide_comite,
                liaison: e.liaison,
                justificatif: e.justificatif.as_ref().map(|j| JustificatifView {
                    type_justificatif: j.type_justificatif,
                    date: j.date,
                }),
                rupture: e.rupture.as_ref().map(|r| RuptureView {
                    motif: r.motif.clone(),
                    raison: r.raison.clone(),
                    fin_reelle: r.fin_reelle,
                }),
                sortie: e.sortie.clone(),
                lettres: Vec::new(),
            })
            .collect(),
        sortie: p.sortie.as_ref().map(|s| SortieView {
            date: s.date,
            motif: s.motif.clone(),
            commission: s.commission,
            courriers: s.courriers,
            dossier_clos: s.dossier_clos,
        }),
    })
}

/// Who follows the file of a parcours: its assistant·e, else its accompagnateur·rice.
pub(super) fn suivi_par(p: &Parcours) -> Option<PersonIdx> {
    p.assistant.or(p.referent)
}

/// The « sorties » page of `kit`.
pub(super) fn sorties(kit: &Kit) -> Sorties {
    let mut groups: Vec<SortiesCommission> = Vec::new();
    for p in &kit.parcours {
        for e in &p.etapes {
            let Some(s) = &e.sortie else { continue };
            let ligne = ligne(
                kit,
                p,
                e.liaison,
                e.justificatif.as_ref(),
                e.type_etape,
                s,
                e,
            );
            match groups
                .iter_mut()
                .find(|g| g.date == s.commission && g.provisoire == s.provisoire)
            {
                Some(g) => g.lignes.push(ligne),
                None => groups.push(SortiesCommission {
                    date: s.commission,
                    provisoire: s.provisoire,
                    cloture: kit
                        .commissions
                        .iter()
                        .find(|m| m.date == s.commission)
                        .and_then(|m| m.cloture),
                    passee: s.commission <= kit.today,
                    lignes: vec![ligne],
                }),
            }
        }
    }
    groups.sort_by_key(|g| (g.date, g.provisoire));
    for g in &mut groups {
        g.lignes
            .sort_by(|a, b| (&a.personne.label, &a.libelle).cmp(&(&b.personne.label, &b.libelle)));
    }
    Sorties {
        commissions: groups,
    }
}

fn ligne(
    kit: &Kit,
    p: &Parcours,
    liaison: Option<NaiveDate>,
    justificatif: Option<&crate::model::parcours::Justificatif>,
    type_etape: EtapeType,
    s: &EtapeSortie,
    etape: &crate::model::parcours::Etape,
) -> SortieLigne {
    let sortie = p.sortie.as_ref().filter(|_| s.finale);
    let courriers = sortie.and_then(|x| x.courriers);
    let dossier_clos = sortie.and_then(|x| x.dossier_clos);
    let en_retard = echeances_of(kit, liaison, s, courriers, dossier_clos)
        .iter()
        .any(|(_, date)| *date < kit.today);
    SortieLigne {
        personne: person(kit, p.personne),
        libelle: s.libelle.clone(),
        type_etape,
        axe_fse: s.axe_fse,
        suivi_par: suivi_par(p).map(|i| person(kit, i)),
        liaison,
        liaison_avant: s.liaison_avant,
        justificatif: justificatif.map(|j| JustificatifView {
            type_justificatif: j.type_justificatif,
            date: j.date,
        }),
        finale: s.finale,
        date_sortie: sortie.and_then(|x| x.date),
        courriers,
        courriers_avant: s.courriers_avant,
        dossier_clos,
        dossier_avant: s.dossier_avant,
        annee_archive: s.annee_archive,
        en_retard,
        lettres: Vec::new(),
        referent: p.referent.map(|i| person(kit, i)),
        assistant: p.assistant.map(|i| person(kit, i)),
        debut: etape.debut,
        fin: etape.fin,
        etat: etape.etat,
        etat_dossier: super::plie_suivi::etat_dossier(
            liaison.is_some(),
            !s.provisoire && s.commission <= kit.today,
            s.finale,
            dossier_clos.is_some(),
        ),
        pieces: s.pieces.clone(),
        pieces_manquantes: crate::model::parcours_pieces::missing(&s.pieces).count(),
    }
}

/// The deadlines of one exit step whose task is not done: linking until it
/// is linked; letters and file closing once its commission has been held.
fn echeances_of(
    kit: &Kit,
    liaison: Option<NaiveDate>,
    s: &EtapeSortie,
    courriers: Option<NaiveDate>,
    dossier_clos: Option<NaiveDate>,
) -> Vec<(EcheanceKind, NaiveDate)> {
    let held = !s.provisoire && s.commission <= kit.today;
    let mut due = Vec::new();
    if let (None, Some(d)) = (liaison, s.liaison_avant) {
        due.push((EcheanceKind::Liaison, d));
    }
    if held
        && courriers.is_none()
        && let Some(d) = s.courriers_avant
    {
        due.push((EcheanceKind::Courriers, d));
    }
    if held
        && dossier_clos.is_none()
        && let Some(d) = s.dossier_avant
    {
        due.push((EcheanceKind::Dossier, d));
    }
    due
}

/// Every PLIE deadline up to [`HORIZON_JOURS`] ahead, overdue ones included,
/// with who acts on it (none: nobody named in the parcours); by date, so the
/// overdue ones come first.
pub(super) fn echeances(kit: &Kit) -> Vec<(Option<PersonIdx>, Echeance)> {
    let until = kit.today + Days::new(HORIZON_JOURS);
    let mut out = Vec::new();
    for p in &kit.parcours {
        let sortie = p.sortie.as_ref();
        for e in &p.etapes {
            let Some(s) = &e.sortie else { continue };
            let (courriers, dossier) = match sortie.filter(|_| s.finale) {
                Some(x) => (x.courriers, x.dossier_clos),
                None => (None, None),
            };
            for (kind, date) in echeances_of(kit, e.liaison, s, courriers, dossier) {
                if date > until {
                    continue;
                }
                out.push((
                    suivi_par(p),
                    Echeance {
                        date,
                        kind,
                        personne: person(kit, p.personne),
                        libelle: s.libelle.clone(),
                        en_retard: date < kit.today,
                        pieces_manquantes: crate::model::parcours_pieces::missing(&s.pieces)
                            .count(),
                    },
                ));
            }
        }
    }
    out.sort_by(|a, b| (a.1.date, &a.1.personne.label).cmp(&(b.1.date, &b.1.personne.label)));
    out
}

/// What the parcours on person `i`'s fiche reads besides their file: the
/// calendar (commissions), the operators named (libellés) and the staff.
pub(super) fn inputs(kit: &Kit, i: PersonIdx) -> Vec<crate::source::FileId> {
    let Some(p) = kit.parcours.iter().find(|p| p.personne == i) else {
        return Vec::new();
    };
    let mut files = vec![calendar_file()];
    files.extend(
        p.referent
            .iter()
            .chain(&p.assistant)
            .map(|&s| kit.personnes[s].file),
    );
    files.extend(
        p.etapes
            .iter()
            .filter_map(|e| e.operateur)
            .map(|o| kit.operateurs[o].file),
    );
    files
}

/// data/commissions.yaml, as an input: the sorties page reads it, and its
/// existence adds the menu link of every internal page.
pub fn calendar_file() -> crate::source::FileId {
    crate::source::FileId::of(crate::load::COMMISSIONS)
}
