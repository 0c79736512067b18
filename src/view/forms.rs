//! The data each printable form is filled from, per profile. Forms for other
//! people (attendance sheets, lists of enrolled people) show only consented
//! fields, whatever the profile: they are handed to participants. (The one
//! exception: an internal attendance sheet prints the name of someone who
//! refused it in the annuaire, since they sign beside it; the public sheet
//! leaves them a blank row.) Forms that hold one person's own data are
//! produced only in the internal profile. The blank forms share one data
//! entry with `vierge: true`, the site-wide values and the charter text.

use super::Profile;
use super::agreement::{Accords, gender, of_group};
use super::consent::{self, Field, Reader};
use super::form_data::*;
use super::heure::Duree;
use crate::form_layout::Target;
use crate::labels::{Gender, Lang};
use crate::model::{Activity, ActivityKind, Adresse, Atelier, Horaire, Kit, Statut};
use crate::source::FileId;
use chrono::NaiveDate;
use std::collections::HashMap;
use std::sync::Arc;

mod plie;
pub use plie::link_letters;

/// The data of one form to print.
#[derive(Debug)]
pub struct FormData {
    /// What the form is printed for.
    pub target: Target,
    /// Where the form lies in its layout's folder, without `.pdf`: the kind
    /// of record, its id, then which part of it (`session/s-2026-09/cycle-1`).
    /// Ids hold no `/`, so two forms of one layout never share a key.
    pub key: String,
    /// What it is about, for links: « Session 42, cycle 1 ».
    pub label: String,
    /// Values for the layout's placeholders.
    pub context: FormContext,
    /// Files the data came from.
    pub inputs: Vec<FileId>,
    /// The fiches that link to this form.
    pub owners: Vec<Owner>,
}

/// A fiche a form belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Owner {
    /// A person's fiche (index in the kit).
    Person(usize),
    /// A session page.
    Session(usize),
    /// A club page.
    Club(usize),
    /// An event page.
    Event(usize),
    /// The PLIE's « sorties » page.
    Sorties,
}

/// The kind of record a form is printed for: the first folder of its path
/// under the layout's folder, so that a session, a club and an event with the
/// same id never share a path.
#[derive(Clone, Copy, Debug)]
enum Record {
    Session,
    Club,
    Evenement,
    Personne,
}

impl Record {
    fn of(a: &Activity) -> Record {
        match a.kind {
            ActivityKind::Session => Record::Session,
            ActivityKind::Club => Record::Club,
        }
    }
}

/// A form's [`FormData::key`]: `session/<id>`, or `session/<id>/<part>` when the
/// record has several forms of one layout (a cycle, an atelier, a person).
fn key(record: Record, id: &str, part: Option<&str>) -> String {
    let folder = match record {
        Record::Session => "session",
        Record::Club => "club",
        Record::Evenement => "evenement",
        Record::Personne => "personne",
    };
    match part {
        Some(part) => format!("{folder}/{id}/{part}"),
        None => format!("{folder}/{id}"),
    }
}

/// What tells an atelier apart among its activity's: its date, followed by
/// its rank among the ateliers of that date from the second on
/// (`2026-10-06`, `2026-10-06-2`), so that adding an atelier on a date keeps
/// the first one's path.
fn atelier_part(a: &Activity, n: usize) -> String {
    let date = a.ateliers[n].date;
    let rank = a.ateliers[..n].iter().filter(|x| x.date == date).count() + 1;
    if rank == 1 {
        date.to_string()
    } else {
        format!("{date}-{rank}")
    }
}

struct Ctx<'a> {
    kit: &'a Kit,
    internal: bool,
    lang: Lang,
    common: Common,
    /// The forms of the previous view that may be taken as is.
    previous: Option<Reusable<'a>>,
}

/// The forms of `carnet serve`'s last good build, by target and key, and
/// what changed since ([`super::reuse`]).
struct Reusable<'a> {
    changes: &'a super::reuse::Previous<'a>,
    forms: HashMap<(Target, &'a str), &'a Arc<FormData>>,
}

impl<'a> Reusable<'a> {
    /// The forms of `previous` for `kit`, unless the kit's records are no
    /// longer in the same order (a form's owners are indexes of records).
    fn new(kit: &Kit, previous: &'a super::reuse::Previous<'a>) -> Option<Reusable<'a>> {
        let old = &previous.view.forms;
        (old.records == record_files(kit)).then(|| Reusable {
            changes: previous,
            forms: old
                .forms
                .iter()
                .map(|f| ((f.target, f.key.as_str()), f))
                .collect(),
        })
    }
}

/// The files of the kit's people, sessions, clubs and events, in order:
/// when they are the same, every index of a record names the same record.
fn record_files(kit: &Kit) -> Vec<FileId> {
    let activities = kit.sessions.iter().chain(&kit.clubs).map(|a| a.file);
    kit.personnes
        .iter()
        .map(|p| p.file)
        .chain(activities)
        .chain(kit.evenements.iter().map(|e| e.file))
        .collect()
}

impl Ctx<'_> {
    /// Adds the form of `target` at `key` made from `inputs`: the one of
    /// the previous build when no change reaches it (neither its inputs
    /// then nor `inputs`), else the one `make` makes with the key and inputs.
    fn push(
        &self,
        out: &mut Vec<Arc<FormData>>,
        target: Target,
        key: String,
        inputs: Vec<FileId>,
        make: impl FnOnce(String, Vec<FileId>) -> FormData,
    ) {
        let kept = self.previous.as_ref().and_then(|previous| {
            let old = previous.forms.get(&(target, key.as_str()))?;
            let reached =
                previous.changes.touches(&inputs) || previous.changes.touches(&old.inputs);
            (!reached).then(|| Arc::clone(old))
        });
        out.push(kept.unwrap_or_else(|| Arc::new(make(key, inputs))));
    }

    /// A date in a link's label.
    fn label_date(&self, d: NaiveDate) -> String {
        match self.lang {
            Lang::Fr => d.format("%d/%m/%Y").to_string(),
            Lang::En => d.to_string(),
        }
    }

    /// A person as shown on forms handed to other people: consented fields
    /// only; none for someone who refused to have their name published.
    fn other(&self, i: usize) -> Option<OtherPerson> {
        let p = &self.kit.personnes[i];
        let others = |field| consent::may_see(Reader::Others, p, field);
        others(Field::Nom).then(|| OtherPerson {
            telephone: consent::shown(
                Reader::Others,
                p,
                Field::Telephone,
                &p.mobile.clone().or(p.telephone.clone()),
            ),
            email: consent::shown(Reader::Others, p, Field::Email, &p.email),
            entreprise: p.entreprise.clone(),
            ..self.name_only(i)
        })
    }

    /// A person's name and nothing else (internal attendance sheets).
    fn name_only(&self, i: usize) -> OtherPerson {
        let p = &self.kit.personnes[i];
        OtherPerson {
            civilite: p.civilite.as_str().to_string(),
            nom: p.nom_affiche(),
            prenom: p.prenom_affiche(),
            nom_complet: p.nom_complet(),
            accords: Accords::of(self.lang, gender(p)),
            telephone: None,
            email: None,
            entreprise: None,
            publie: true,
        }
    }

    /// A person's own data, for forms meant for that person (internal profile).
    fn own(&self, i: usize) -> OwnPerson {
        let p = &self.kit.personnes[i];
        OwnPerson {
            id: p.id.clone(),
            civilite: p.civilite.as_str().to_string(),
            nom: p.nom_affiche(),
            prenom: p.prenom_affiche(),
            nom_complet: p.nom_complet(),
            accords: Accords::of(self.lang, gender(p)),
            telephone: p.telephone.clone(),
            mobile: p.mobile.clone(),
            email: p.email.clone(),
            adresse: address(p.adresse.clone().unwrap_or_default()),
            entreprise: p.entreprise.clone(),
            fonction: p.fonction.clone(),
            emploi: p.situation.emploi,
            sans_emploi: !p.situation.emploi,
            etudes: p
                .etudes
                .iter()
                .map(|e| Study {
                    diplome: e.diplome.clone(),
                    annee: e.annee,
                    etablissement: e.etablissement.clone(),
                })
                .collect(),
            annuaire: Consent {
                nom: p.annuaire.nom,
                telephone: p.annuaire.telephone,
                email: p.annuaire.email,
                adresse: p.annuaire.adresse,
            },
        }
    }

    fn activity(&self, a: &Activity) -> ActivityForm {
        // The published people of a list, and the word said of them as a group.
        let names = |key, list: &[usize]| -> (Vec<OtherPerson>, &'static str) {
            let shown: Vec<(OtherPerson, Gender)> = list
                .iter()
                .filter_map(|&i| Some((self.other(i)?, gender(&self.kit.personnes[i]))))
                .collect();
            let word = of_group(self.lang, key, shown.iter().map(|(_, g)| *g));
            (shown.into_iter().map(|(p, _)| p).collect(), word)
        };
        let (tuteurs, tuteurs_titre) = names("tuteur", &a.tuteurs);
        let (formateurs, formateurs_titre) = names("formateur", &a.formateurs);
        ActivityForm {
            id: a.id.clone(),
            titre: super::people::link_to_activity(a, self.lang).label,
            numero: a.numero,
            mois: a.mois.to_string(),
            debut: a.mois.first_day(),
            fin: a.last_day(),
            tuteurs_noms: tuteurs
                .iter()
                .map(|t| t.nom_complet.as_str())
                .collect::<Vec<_>>()
                .join(", "),
            tuteurs,
            tuteurs_titre,
            formateurs,
            formateurs_titre,
        }
    }

    /// People expected at some of `ateliers`, in the order of the
    /// enrolments (sorted by name). An attendance sheet passes from hand to
    /// hand: only consented contact fields are given. In the public profile
    /// those who refused their name are left for the blank rows; in the
    /// internal one their name is printed (they sign beside it), nothing else.
    fn expected(&self, a: &Activity, ateliers: &[&Atelier]) -> (Vec<OtherPerson>, usize) {
        let mut hidden = 0;
        let people: Vec<OtherPerson> = a
            .inscrits
            .iter()
            .filter(|e| {
                ateliers
                    .iter()
                    .any(|at| at.attendance.iter().any(|x| x.personne == e.personne))
            })
            .filter_map(|e| match self.other(e.personne) {
                Some(person) => Some(person),
                None if self.internal => Some(self.name_only(e.personne)),
                None => {
                    hidden += 1;
                    None
                }
            })
            .collect();
        (people, hidden)
    }

    fn atelier(&self, at: &Atelier) -> AtelierForm {
        AtelierForm {
            date: at.date,
            horaire: at.horaire.into(),
            intitule: at.intitule.clone(),
            cycle: at.cycle,
            cycle_nom: at.cycle.map(|c| cycle_name(c, self.lang).to_string()),
        }
    }

    fn ateliers(&self, list: &[&Atelier]) -> Vec<AtelierForm> {
        list.iter().map(|at| self.atelier(at)).collect()
    }
}

/// An address as forms print it.
fn address(a: Adresse) -> Address {
    Address {
        ligne1: a.ligne1,
        ligne2: a.ligne2,
        code_postal: a.code_postal,
        ville: a.ville,
    }
}

/// Values every filled form may use.
fn common(kit: &Kit) -> Common {
    Common {
        organisation: kit.config.organisation.clone(),
        organisation_adresse: address(kit.config.adresse.clone()),
        titre_site: kit.config.titre.clone(),
        aujourdhui: kit.today,
        vierge: false,
    }
}

/// The mentoring charter (content/pages/charte-parrainage.md): its text.
fn charter(kit: &Kit) -> Option<String> {
    kit.pages
        .iter()
        .find(|p| p.id == "charte-parrainage")
        .map(|p| p.body.clone())
}

/// The data of the blank forms: the site-wide values and the charter text,
/// which the blank fiche de parrainage prints like a filled one.
fn blank(kit: &Kit) -> FormData {
    let charte = charter(kit);
    FormData {
        target: Target::Vierge,
        key: String::new(),
        label: String::new(),
        context: FormContext::Blank(BlankForm {
            organisation: kit.config.organisation.clone(),
            organisation_adresse: address(kit.config.adresse.clone()),
            titre_site: kit.config.titre.clone(),
            charte: charte.clone().unwrap_or_default(),
            vierge: true,
        }),
        inputs: super::inputs::blank_forms(kit),
        owners: Vec::new(),
    }
}

fn cycle_name(cycle: u8, lang: Lang) -> &'static str {
    crate::labels::word(lang, if cycle == 1 { "cycle_1" } else { "cycle_2" })
}

/// Every form to print for the targets in `wanted`, for this profile,
/// taking from `previous` the forms no change reaches.
fn form_data(
    kit: &Kit,
    profile: Profile,
    wanted: &[Target],
    previous: Option<&super::reuse::Previous>,
) -> Vec<Arc<FormData>> {
    let ctx = Ctx {
        kit,
        internal: profile.internal(),
        lang: kit.config.langue,
        common: common(kit),
        previous: previous.and_then(|previous| Reusable::new(kit, previous)),
    };
    // Each target's forms read only the kit: made side by side, then put
    // one after the other in the order of `wanted`, as made one by one.
    use rayon::prelude::*;
    let by_target: Vec<Vec<Arc<FormData>>> = wanted
        .par_iter()
        .map(|&target| {
            let mut out = Vec::new();
            if !target.personal() || ctx.internal {
                target_forms(&ctx, target, &mut out);
            }
            out
        })
        .collect();
    by_target.into_iter().flatten().collect()
}

/// The forms of one target.
fn target_forms(ctx: &Ctx, target: Target, out: &mut Vec<Arc<FormData>>) {
    let kit = ctx.kit;
    match target {
        Target::SessionCycle => session_cycles(ctx, out),
        Target::ClubAtelier => club_ateliers(ctx, out),
        Target::Session => lists(ctx, &kit.sessions, Target::Session, out),
        Target::Club => lists(ctx, &kit.clubs, Target::Club, out),
        Target::Inscription => welcome(ctx, out),
        Target::Parrainage => mentorships(ctx, out),
        Target::Personne => updates(ctx, out),
        Target::Attestation => certificates(ctx, out),
        Target::Participant => releases(ctx, out),
        Target::Sortie => plie::exit_letters(ctx, out),
        Target::Archive => plie::archive_labels(ctx, out),
        Target::Vierge => {}
    }
}

/// « Jeanne DUPONT, Session 42 — septembre 2026 »: a person's form for an activity, in links.
fn person_in_activity(person: &crate::model::Personne, a: &Activity, lang: Lang) -> String {
    format!(
        "{}, {}",
        person.nom_complet(),
        super::people::link_to_activity(a, lang).label
    )
}

fn session_cycles(ctx: &Ctx, out: &mut Vec<Arc<FormData>>) {
    for (s, session) in ctx.kit.sessions.iter().enumerate() {
        // One set of inputs for all the session's forms, made once.
        let session_inputs = super::inputs::activity_form(ctx.kit, session);
        for cycle in [1u8, 2] {
            let ateliers: Vec<&Atelier> = session
                .ateliers
                .iter()
                .filter(|a| a.cycle == Some(cycle))
                .collect();
            if ateliers.is_empty() {
                continue;
            }
            let form_key = key(
                Record::Session,
                &session.id,
                Some(&format!("cycle-{cycle}")),
            );
            let inputs = session_inputs.clone();
            ctx.push(
                out,
                Target::SessionCycle,
                form_key,
                inputs,
                |key, inputs| {
                    let (personnes, hidden) = ctx.expected(session, &ateliers);
                    FormData {
                        target: Target::SessionCycle,
                        key,
                        label: format!(
                            "{}, cycle {cycle}",
                            super::people::link_to_activity(session, ctx.lang).label
                        ),
                        context: FormContext::SessionCycle(SessionCycleForm {
                            common: ctx.common.clone(),
                            session: ctx.activity(session),
                            cycle: Cycle {
                                numero: cycle,
                                nom: cycle_name(cycle, ctx.lang).to_string(),
                            },
                            ateliers: ctx.ateliers(&ateliers),
                            personnes,
                            non_publies: hidden,
                        }),
                        inputs,
                        owners: vec![Owner::Session(s)],
                    }
                },
            );
        }
    }
}

fn club_ateliers(ctx: &Ctx, out: &mut Vec<Arc<FormData>>) {
    for (c, club) in ctx.kit.clubs.iter().enumerate() {
        let club_inputs = super::inputs::activity_form(ctx.kit, club);
        for (n, atelier) in club.ateliers.iter().enumerate() {
            let form_key = key(Record::Club, &club.id, Some(&atelier_part(club, n)));
            let inputs = club_inputs.clone();
            ctx.push(out, Target::ClubAtelier, form_key, inputs, |key, inputs| {
                let (personnes, hidden) = ctx.expected(club, &[atelier]);
                FormData {
                    target: Target::ClubAtelier,
                    key,
                    label: format!("{}, {}", atelier.intitule, ctx.label_date(atelier.date)),
                    context: FormContext::ClubAtelier(ClubAtelierForm {
                        common: ctx.common.clone(),
                        club: ctx.activity(club),
                        atelier: ctx.atelier(atelier),
                        ateliers: ctx.ateliers(&[atelier]),
                        personnes,
                        non_publies: hidden,
                    }),
                    inputs,
                    owners: vec![Owner::Club(c)],
                }
            });
        }
    }
}

fn lists(ctx: &Ctx, activities: &[Activity], target: Target, out: &mut Vec<Arc<FormData>>) {
    for (i, a) in activities.iter().enumerate() {
        let form_key = key(Record::of(a), &a.id, None);
        let inputs = super::inputs::activity_form(ctx.kit, a);
        ctx.push(out, target, form_key, inputs, |key, inputs| {
            let personnes: Vec<OtherPerson> = a
                .inscrits
                .iter()
                .filter_map(|e| ctx.other(e.personne))
                .collect();
            let hidden = a.inscrits.len() - personnes.len();
            FormData {
                target,
                key,
                label: super::people::link_to_activity(a, ctx.lang).label,
                context: FormContext::Enrolments(EnrolmentsForm {
                    common: ctx.common.clone(),
                    activite: ctx.activity(a),
                    personnes,
                    non_publies: hidden,
                }),
                inputs,
                owners: vec![if target == Target::Session {
                    Owner::Session(i)
                } else {
                    Owner::Club(i)
                }],
            }
        });
    }
}

fn welcome(ctx: &Ctx, out: &mut Vec<Arc<FormData>>) {
    for (s, session) in ctx.kit.sessions.iter().enumerate() {
        let session_inputs = super::inputs::activity_form(ctx.kit, session);
        for e in &session.inscrits {
            let ateliers: Vec<&Atelier> = session
                .ateliers
                .iter()
                .filter(|a| e.expected_on(a.date))
                .collect();
            let person = &ctx.kit.personnes[e.personne];
            let form_key = key(Record::Session, &session.id, Some(&person.id));
            let inputs = session_inputs.clone();
            ctx.push(out, Target::Inscription, form_key, inputs, |key, inputs| {
                FormData {
                    target: Target::Inscription,
                    key,
                    label: person_in_activity(person, session, ctx.lang),
                    context: FormContext::Inscription(InscriptionForm {
                        common: ctx.common.clone(),
                        personne: ctx.own(e.personne),
                        session: ctx.activity(session),
                        ateliers: ctx.ateliers(&ateliers),
                    }),
                    inputs,
                    owners: vec![Owner::Person(e.personne), Owner::Session(s)],
                }
            });
        }
    }
}

fn mentorships(ctx: &Ctx, out: &mut Vec<Arc<FormData>>) {
    let charte = charter(ctx.kit);
    for (i, p) in ctx.kit.personnes.iter().enumerate() {
        let Some(m) = &p.parrainage else { continue };
        // The mentee's latest session: « Session du mois de… animée par… ».
        let session = p
            .sessions
            .iter()
            .map(|&(s, _)| &ctx.kit.sessions[s])
            .max_by_key(|s| s.mois);
        let form_key = key(Record::Personne, &p.id, None);
        let inputs = super::inputs::mentorship_form(ctx.kit, i);
        ctx.push(out, Target::Parrainage, form_key, inputs, |key, inputs| {
            FormData {
                target: Target::Parrainage,
                key,
                label: p.nom_complet(),
                context: FormContext::Parrainage(Box::new(ParrainageForm {
                    common: ctx.common.clone(),
                    filleul: ctx.own(i),
                    parrain: ctx.own(m.parrain),
                    session: session.map(|s| ctx.activity(s)),
                    parrainage: Mentorship {
                        debut: m.debut,
                        fin: m.fin,
                        projet: Project {
                            parcours: m.projet.parcours.clone(),
                            projet_pro: m.projet.projet_pro.clone(),
                            attentes: m.projet.attentes.clone(),
                        },
                    },
                    entretiens: m
                        .entretiens
                        .iter()
                        .map(|e| Interview { date: e.date })
                        .collect(),
                    charte: charte.clone().unwrap_or_default(),
                })),
                inputs,
                owners: vec![Owner::Person(i), Owner::Person(m.parrain)],
            }
        });
    }
}

fn updates(ctx: &Ctx, out: &mut Vec<Arc<FormData>>) {
    for (i, p) in ctx
        .kit
        .personnes
        .iter()
        .enumerate()
        .filter(|(_, p)| p.has_role("stagiaire"))
    {
        let form_key = key(Record::Personne, &p.id, None);
        let inputs = super::inputs::person_form(p);
        ctx.push(out, Target::Personne, form_key, inputs, |key, inputs| {
            FormData {
                target: Target::Personne,
                key,
                label: p.nom_complet(),
                context: FormContext::Personne(PersonneForm {
                    common: ctx.common.clone(),
                    personne: ctx.own(i),
                }),
                inputs,
                owners: vec![Owner::Person(i)],
            }
        });
    }
}

/// The ateliers of `a` held by `until` at which person `idx` was present.
fn attended(a: &Activity, idx: usize, until: NaiveDate) -> Vec<usize> {
    a.ateliers
        .iter()
        .enumerate()
        .filter(|(_, at)| {
            at.held(until)
                && at
                    .attendance
                    .iter()
                    .any(|x| x.personne == idx && x.statut == Statut::Present)
        })
        .map(|(n, _)| n)
        .collect()
}

/// The hours attended: the sum of the known lengths (none if no length is
/// known), and how many ateliers have no length, so that a certificate says
/// so rather than undercount silently.
fn total(hours: impl IntoIterator<Item = Horaire>) -> (Option<Duree>, usize) {
    let (mut minutes, mut known, mut unknown) = (0, 0, 0);
    for h in hours {
        match h.minutes {
            Some(m) => {
                minutes += m;
                known += 1;
            }
            None => unknown += 1,
        }
    }
    ((known > 0).then_some(Duree(minutes)), unknown)
}

fn certificates(ctx: &Ctx, out: &mut Vec<Arc<FormData>>) {
    for list in [&ctx.kit.sessions, &ctx.kit.clubs] {
        for (ai, a) in list.iter().enumerate() {
            for e in &a.inscrits {
                let person = &ctx.kit.personnes[e.personne];
                // An attestation dated before the build day attests what was attended by then.
                let until = a
                    .date_attestation
                    .map_or(ctx.kit.today, |d| d.min(ctx.kit.today));
                let seen = attended(a, e.personne, until);
                let Some(&last) = seen.last() else {
                    continue;
                };
                let form_key = key(Record::of(a), &a.id, Some(&person.id));
                let inputs = super::inputs::participation_form(a.file, person);
                ctx.push(out, Target::Attestation, form_key, inputs, |key, inputs| {
                    let ateliers: Vec<&Atelier> = seen.iter().map(|&n| &a.ateliers[n]).collect();
                    let (total_heures, sans_duree) = total(ateliers.iter().map(|at| at.horaire));
                    FormData {
                        target: Target::Attestation,
                        key,
                        label: person_in_activity(person, a, ctx.lang),
                        context: FormContext::Attestation(AttestationForm {
                            common: ctx.common.clone(),
                            personne: ctx.own(e.personne),
                            action: Action {
                                kind: match a.kind {
                                    ActivityKind::Session => ActionKind::Session,
                                    ActivityKind::Club => ActionKind::Club,
                                },
                                titre: super::people::link_to_activity(a, ctx.lang).label,
                                debut: a.mois.first_day(),
                                fin: a.last_day(),
                            },
                            ateliers: ctx.ateliers(&ateliers),
                            date: a.date_attestation.unwrap_or(a.ateliers[last].date),
                            total_heures,
                            sans_duree,
                        }),
                        inputs,
                        owners: vec![
                            Owner::Person(e.personne),
                            match a.kind {
                                ActivityKind::Session => Owner::Session(ai),
                                ActivityKind::Club => Owner::Club(ai),
                            },
                        ],
                    }
                });
            }
        }
    }
    // An event is attested once it has taken place.
    for (ei, event) in ctx
        .kit
        .evenements
        .iter()
        .enumerate()
        .filter(|(_, e)| e.date <= ctx.kit.today)
    {
        for p in &event.participants {
            let Some(i) = p.personne else { continue };
            let eligible =
                p.present && (!ctx.kit.config.attestation_apres_satisfaction || p.satisfaction);
            if !eligible {
                continue;
            }
            let person = &ctx.kit.personnes[i];
            let (total_heures, sans_duree) = total([event.horaire]);
            let form_key = key(Record::Evenement, &event.id, Some(&person.id));
            let inputs = super::inputs::participation_form(event.file, person);
            ctx.push(out, Target::Attestation, form_key, inputs, |key, inputs| {
                FormData {
                    target: Target::Attestation,
                    key,
                    label: format!("{}, {}", person.nom_complet(), event.titre),
                    context: FormContext::Attestation(AttestationForm {
                        common: ctx.common.clone(),
                        personne: ctx.own(i),
                        action: Action {
                            kind: ActionKind::Evenement,
                            titre: event.titre.clone(),
                            debut: event.date,
                            fin: event.date,
                        },
                        ateliers: vec![AtelierForm {
                            date: event.date,
                            horaire: event.horaire.into(),
                            intitule: event.titre.clone(),
                            cycle: None,
                            cycle_nom: None,
                        }],
                        date: event.date_attestation.unwrap_or(event.date),
                        total_heures,
                        sans_duree,
                    }),
                    inputs,
                    owners: vec![Owner::Person(i), Owner::Event(ei)],
                }
            });
        }
    }
}

fn releases(ctx: &Ctx, out: &mut Vec<Arc<FormData>>) {
    for (ei, event) in ctx
        .kit
        .evenements
        .iter()
        .enumerate()
        .filter(|(_, e)| e.photos)
    {
        for p in event.participants.iter().filter(|p| p.present) {
            let Some(i) = p.personne else { continue };
            let person = &ctx.kit.personnes[i];
            let form_key = key(Record::Evenement, &event.id, Some(&person.id));
            let inputs = super::inputs::participation_form(event.file, person);
            ctx.push(out, Target::Participant, form_key, inputs, |key, inputs| {
                FormData {
                    target: Target::Participant,
                    key,
                    label: format!("{}, {}", person.nom_complet(), event.titre),
                    context: FormContext::Participant(ParticipantForm {
                        common: ctx.common.clone(),
                        personne: ctx.own(i),
                        evenement: EventForm {
                            titre: event.titre.clone(),
                            date: event.date,
                            lieu: event.lieu.clone(),
                        },
                    }),
                    inputs,
                    owners: vec![Owner::Person(i), Owner::Event(ei)],
                }
            });
        }
    }
}

impl FormData {
    /// The folders whose every file this form reads (an archive sheet lists
    /// every person with an exit of its year), besides [`FormData::inputs`].
    pub fn input_folders(&self) -> &'static [&'static str] {
        match self.target {
            Target::Archive => &["data/personnes"],
            _ => &[],
        }
    }
}

/// One PDF to write: a layout, the data it is filled with (none: blank), its path.
#[derive(Debug)]
pub struct FormJob {
    /// Index in the kit's layouts.
    pub layout: usize,
    /// Index in [`FormsView::forms`] (the blank forms share one entry whose
    /// context has `vierge: true`).
    pub data: usize,
    /// Output path.
    pub path: String,
}

/// Every form of a build, and the links the pages show to them.
#[derive(Debug, Default)]
pub struct FormsView {
    /// The data of each filled form, then the one of the blank forms
    /// (shared with the next view of `carnet serve` when no change reaches
    /// them).
    pub forms: Vec<Arc<FormData>>,
    /// What to write.
    pub jobs: Vec<FormJob>,
    /// Links to the PDFs of each page, by the page's root-relative URL.
    pub links: std::collections::HashMap<String, Vec<super::Link>>,
    /// Links to the blank forms.
    pub blank: Vec<super::Link>,
    /// The files of the kit's records, in order ([`record_files`]): the
    /// records the forms' owners index.
    records: Vec<FileId>,
}

impl FormsView {
    /// Plans every form of the kit's layouts for this profile.
    pub fn new(kit: &Kit, profile: Profile) -> FormsView {
        FormsView::make(kit, profile, None)
    }

    /// [`FormsView::new`], taking from `previous` (the view of `carnet
    /// serve`'s last good build) the forms no change reaches.
    pub fn updated(kit: &Kit, profile: Profile, previous: &super::reuse::Previous) -> FormsView {
        FormsView::make(kit, profile, Some(previous))
    }

    fn make(kit: &Kit, profile: Profile, previous: Option<&super::reuse::Previous>) -> FormsView {
        let mut wanted: Vec<Target> = kit.layouts.iter().map(|l| l.target).collect();
        wanted.sort();
        wanted.dedup();
        let mut forms = form_data(kit, profile, &wanted, previous);
        let blank_data = forms.len();
        forms.push(Arc::new(blank(kit)));
        let mut view = FormsView {
            records: record_files(kit),
            ..FormsView::default()
        };
        let published = |i: usize| consent::may_see(profile.into(), &kit.personnes[i], Field::Nom);
        for (l, layout) in kit.layouts.iter().enumerate() {
            // The PLIE's letters and labels, even blank, stay in the internal profile.
            if matches!(layout.target, Target::Sortie | Target::Archive) && !profile.internal() {
                continue;
            }
            let path = super::urls::formulaire_vierge(&layout.id);
            view.blank.push(super::Link {
                label: layout.nom.clone(),
                url: path.clone(),
            });
            view.jobs.push(FormJob {
                layout: l,
                data: blank_data,
                path,
            });
            for (d, data) in forms[..blank_data]
                .iter()
                .enumerate()
                .filter(|(_, f)| f.target == layout.target)
            {
                let path = super::urls::formulaire(&layout.id, &data.key);
                for owner in &data.owners {
                    let page = match *owner {
                        Owner::Person(i) if published(i) => {
                            super::urls::personne(&kit.personnes[i].id)
                        }
                        Owner::Person(_) => continue,
                        Owner::Session(i) => super::urls::session(&kit.sessions[i].id),
                        Owner::Club(i) => super::urls::club(&kit.clubs[i].id),
                        Owner::Event(i) => super::urls::evenement(&kit.evenements[i].id),
                        Owner::Sorties => super::urls::SORTIES.to_string(),
                    };
                    view.links.entry(page).or_default().push(super::Link {
                        label: format!("{} — {}", layout.nom, data.label),
                        url: path.clone(),
                    });
                }
                view.jobs.push(FormJob {
                    layout: l,
                    data: d,
                    path,
                });
            }
        }
        view.forms = forms;
        view
    }
}
