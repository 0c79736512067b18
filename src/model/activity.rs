//! Sessions and clubs: ateliers, enrolments merged from both sides, presences,
//! hours, attendance of every expected person, club convocation lists.

use super::horaire::{self, Horaire, RawHoraire};
use super::link::Resolver;
use super::values::{Checker, Month, opt_text};
use super::{
    Activity, ActivityKind, Atelier, Attendance, Convocation, Enrolment, PersonIdx, Statut,
};
use crate::diagnostic::{Diagnostic, DiagnosticKind, Msg, msg};
use crate::load::records::{RawAtelier, RawClub, RawHoraires, RawInscription, RawSession, Text};
use crate::load::{Loaded, RawFile};
use crate::source::{FileId, Span};
use chrono::NaiveDate;
use std::collections::HashMap;

/// An enrolment as written in one place, before merging.
struct Declared<'a> {
    file: FileId,
    anchor: &'a Text,
    personne: PersonIdx,
    financement: Option<&'a Text>,
    caf: Option<&'a Text>,
    cli: Option<&'a Text>,
    complement: Option<&'a Text>,
    depuis: Option<&'a Text>,
}

/// Builds every session, merging the enrolments declared in person files.
pub(super) fn build_sessions(
    loaded: &Loaded,
    resolver: &Resolver,
    today: NaiveDate,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Activity> {
    let from_people = declared_in_people(loaded, resolver, |raw| {
        raw.record
            .inscriptions
            .iter()
            .flatten()
            .filter_map(|i: &RawInscription| {
                let session = i.session.as_ref()?;
                Some((session, Some(i)))
            })
            .collect()
    });
    check_targets_exist(
        loaded,
        &from_people,
        &loaded.sessions,
        Target::Session,
        diagnostics,
    );
    let mut sessions = Vec::with_capacity(loaded.sessions.len());
    let mut first_of_month: HashMap<Month, Span> = HashMap::new();
    let mut first_of_numero: HashMap<u32, Span> = HashMap::new();
    for raw in &loaded.sessions {
        let mut c = Checker {
            file: raw.file,
            diagnostics,
        };
        let Some(session) = build_session(raw, &from_people, resolver, today, &mut c) else {
            continue;
        };
        if let Some(mois) = &raw.record.mois {
            unique(
                &mut c,
                &mut first_of_month,
                session.mois,
                &mois.range,
                msg("le mois", "the month"),
            );
        }
        if let (Some(n), Some(numero)) = (session.numero, &raw.record.numero) {
            unique(
                &mut c,
                &mut first_of_numero,
                n,
                &numero.range,
                msg("le numéro", "the number"),
            );
        }
        sessions.push(session);
    }
    sessions
}

/// Two sessions cannot share a month or a number: the second one written
/// (in file order) is an error pointing back at the first.
fn unique<K: std::hash::Hash + Eq + std::fmt::Display>(
    c: &mut Checker,
    seen: &mut HashMap<K, Span>,
    key: K,
    range: &std::ops::Range<usize>,
    what: Msg,
) {
    let here = Span::new(c.file, range.clone());
    let (fr, en) = (&what.fr, what.english());
    match seen.get(&key) {
        Some(&first) => c.diagnostics.push(
            Diagnostic::error_msg(
                here,
                format!("{fr} {key} est déjà celui d'une autre session"),
            )
            .en(format!("{en} {key} is already that of another session"))
            .expected_msg(format!(
                "{fr} propre à cette session (une session par mois, un numéro chacune)"
            ))
            .expected_en(format!(
                "{en} of this session alone (one session a month, each its own number)"
            ))
            .also_at_msg(first, format!("{fr} {key} est déjà pris ici"))
            .also_en(format!("{en} {key} is already taken here")),
        ),
        None => {
            seen.insert(key, here);
        }
    }
}

fn build_session(
    raw: &RawFile<RawSession>,
    from_people: &HashMap<String, Vec<Declared>>,
    resolver: &Resolver,
    today: NaiveDate,
    c: &mut Checker,
) -> Option<Activity> {
    let r = &raw.record;
    let mois = c.required_month(
        &r.mois,
        "mois",
        msg(
            "le mois de la session, par exemple mois: \"2026-09\"",
            "the month of the session, for example mois: \"2026-09\"",
        ),
    );
    let tuteurs = people(resolver, c, &r.tuteurs, "tuteurs", "tuteur");
    let formateurs = people(resolver, c, &r.formateurs, "formateurs", "formateur");
    let mut declared: Vec<Declared> = Vec::new();
    for inscrit in r.inscrits.iter().flatten() {
        let Some(id) = &inscrit.personne else {
            let span = c.entry_span(&[
                &inscrit.financement,
                &inscrit.caf,
                &inscrit.cli,
                &inscrit.complement,
                &inscrit.depuis,
            ]);
            c.missing_at(
                span,
                "inscrits.personne",
                msg(
                    "l'identifiant de la personne inscrite, par exemple personne: dupont-jean",
                    "the id of the enrolled person, for example personne: dupont-jean",
                ),
            );
            continue;
        };
        if let Some(personne) = resolver.person(c, id, "inscrits", Some("stagiaire")) {
            declared.push(Declared {
                file: raw.file,
                anchor: id,
                personne,
                financement: inscrit.financement.as_ref(),
                caf: inscrit.caf.as_ref(),
                cli: inscrit.cli.as_ref(),
                complement: inscrit.complement.as_ref(),
                depuis: inscrit.depuis.as_ref(),
            });
        }
    }
    let inscrits = merge(declared, from_people.get(&raw.id), resolver, c, true);
    let defaults = default_hours(&r.horaires, c);
    let ateliers = ateliers(
        &r.ateliers,
        ActivityKind::Session,
        &inscrits,
        (mois, defaults),
        resolver,
        today,
        c,
    );
    let first_inscrit = r
        .inscrits
        .iter()
        .flatten()
        .find_map(|i| i.personne.as_ref());
    require_ateliers(&inscrits, &r.ateliers, first_inscrit, c);
    Some(Activity {
        kind: ActivityKind::Session,
        id: raw.id.clone(),
        file: raw.file,
        numero: r.numero.as_ref().map(|n| n.value),
        mois: mois?,
        tuteurs,
        formateurs,
        ateliers,
        inscrits,
        convocation: Vec::new(),
        date_attestation: date_attestation(&r.date_attestation, today, c),
    })
}

/// Builds every club, merging the `clubs` lists of person files, and its convocation list.
pub(super) fn build_clubs(
    loaded: &Loaded,
    sessions: &[Activity],
    resolver: &Resolver,
    today: NaiveDate,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Activity> {
    let from_people = declared_in_people(loaded, resolver, |raw| {
        raw.record
            .clubs
            .iter()
            .flatten()
            .map(|club| (club, None))
            .collect()
    });
    check_targets_exist(
        loaded,
        &from_people,
        &loaded.clubs,
        Target::Club,
        diagnostics,
    );
    loaded
        .clubs
        .iter()
        .filter_map(|raw| {
            let mut c = Checker {
                file: raw.file,
                diagnostics,
            };
            build_club(raw, &from_people, sessions, resolver, today, &mut c)
        })
        .collect()
}

fn build_club(
    raw: &RawFile<RawClub>,
    from_people: &HashMap<String, Vec<Declared>>,
    sessions: &[Activity],
    resolver: &Resolver,
    today: NaiveDate,
    c: &mut Checker,
) -> Option<Activity> {
    let r = &raw.record;
    let mois = c.required_month(
        &r.mois,
        "mois",
        msg(
            "le premier mois du club, par exemple mois: \"2026-09\"",
            "the first month of the club, for example mois: \"2026-09\"",
        ),
    );
    let tuteurs = r
        .tuteur
        .as_ref()
        .and_then(|t| resolver.person(c, t, "tuteur", Some("tuteur")))
        .into_iter()
        .collect();
    let declared = r
        .inscrits
        .iter()
        .flatten()
        .filter_map(|id| {
            let personne = resolver.person(c, id, "inscrits", Some("stagiaire"))?;
            Some(Declared {
                file: raw.file,
                anchor: id,
                personne,
                financement: None,
                caf: None,
                cli: None,
                complement: None,
                depuis: None,
            })
        })
        .collect();
    let inscrits = merge(declared, from_people.get(&raw.id), resolver, c, false);
    let defaults = default_hours(&r.horaires, c);
    let ateliers = ateliers(
        &r.ateliers,
        ActivityKind::Club,
        &inscrits,
        (mois, defaults),
        resolver,
        today,
        c,
    );
    require_ateliers(
        &inscrits,
        &r.ateliers,
        r.inscrits.iter().flatten().next(),
        c,
    );
    let convocation = match (&r.convocation, mois) {
        (Some(conv), Some(_)) => convocation(conv, sessions, resolver, today, c),
        _ => Vec::new(),
    };
    Some(Activity {
        kind: ActivityKind::Club,
        id: raw.id.clone(),
        file: raw.file,
        numero: None,
        mois: mois?,
        tuteurs,
        formateurs: Vec::new(),
        ateliers,
        inscrits,
        convocation,
        date_attestation: date_attestation(&r.date_attestation, today, c),
    })
}

/// The convocation list: people enrolled in a session of the range who are
/// not employed on the build day `today`, plus `ajouter`, minus `retirer`.
fn convocation(
    raw: &crate::load::records::RawConvocation,
    sessions: &[Activity],
    resolver: &Resolver,
    today: NaiveDate,
    c: &mut Checker,
) -> Vec<Convocation> {
    let du = raw.sessions_du.as_ref().and_then(|m| c.month(m));
    let au = raw.sessions_au.as_ref().and_then(|m| c.month(m));
    match (&raw.sessions_du, &raw.sessions_au) {
        (Some(du), None) => {
            let span = c.span(du);
            c.missing_at(
                span,
                "convocation.sessions_au",
                msg(
                    "le dernier mois des sessions convoquées, par exemple sessions_au: \"2026-10\"",
                    "the last month of the sessions called, for example sessions_au: \"2026-10\"",
                ),
            );
        }
        (None, Some(au)) => {
            let span = c.span(au);
            c.missing_at(
                span,
                "convocation.sessions_du",
                msg(
                    "le premier mois des sessions convoquées, par exemple sessions_du: \"2026-09\"",
                    "the first month of the sessions called, for example sessions_du: \"2026-09\"",
                ),
            );
        }
        _ => {}
    }
    if let (Some(d), Some(a), Some(au_text)) = (du, au, &raw.sessions_au)
        && a < d
    {
        c.error(
            au_text,
            msg(
                format!("sessions_au ({a}) est avant sessions_du ({d})"),
                format!("sessions_au ({a}) is before sessions_du ({d})"),
            ),
            msg(
                "un mois égal ou postérieur à sessions_du",
                "a month equal to or after sessions_du",
            ),
        );
    }
    let ajouter = people(resolver, c, &raw.ajouter, "convocation.ajouter", "");
    let retirer = people(resolver, c, &raw.retirer, "convocation.retirer", "");
    let personnes = resolver.personnes();
    let mut rows: Vec<Convocation> = Vec::new();
    if let (Some(du), Some(au)) = (du, au) {
        for (index, session) in sessions.iter().enumerate() {
            if session.mois < du || session.mois > au {
                continue;
            }
            for e in &session.inscrits {
                let employed = personnes[e.personne].situation.employed_on(today);
                if !employed && !rows.iter().any(|r| r.personne == e.personne) {
                    rows.push(Convocation {
                        personne: e.personne,
                        session: Some(index),
                    });
                }
            }
        }
    }
    for personne in ajouter {
        if !rows.iter().any(|r| r.personne == personne) {
            rows.push(Convocation {
                personne,
                session: None,
            });
        }
    }
    rows.retain(|r| !retirer.contains(&r.personne));
    rows.sort_by_cached_key(|r| sort_key(resolver, r.personne));
    rows
}

fn sort_key(resolver: &Resolver, person: PersonIdx) -> (String, String) {
    resolver.personnes()[person].sort_key()
}

/// Resolves a list of person ids, each needing `role` (none when empty).
fn people(
    resolver: &Resolver,
    c: &mut Checker,
    ids: &Option<Vec<Text>>,
    field: &str,
    role: &str,
) -> Vec<PersonIdx> {
    let role = (!role.is_empty()).then_some(role);
    ids.iter()
        .flatten()
        .filter_map(|id| resolver.person(c, id, field, role))
        .collect()
}

/// Enrolments written in person files, grouped by the session or club they name.
fn declared_in_people<'a>(
    loaded: &'a Loaded,
    resolver: &Resolver,
    targets: impl Fn(
        &'a RawFile<crate::load::records::RawPersonne>,
    ) -> Vec<(&'a Text, Option<&'a RawInscription>)>,
) -> HashMap<String, Vec<Declared<'a>>> {
    let personnes = resolver.personnes();
    let mut by_target: HashMap<String, Vec<Declared>> = HashMap::new();
    for raw in &loaded.personnes {
        let Some(personne) = resolver
            .index_of(&raw.id)
            .filter(|&i| personnes[i].file == raw.file)
        else {
            continue;
        };
        for (target, inscription) in targets(raw) {
            by_target
                .entry(target.text().to_string())
                .or_default()
                .push(Declared {
                    file: raw.file,
                    anchor: target,
                    personne,
                    financement: inscription.and_then(|i| i.financement.as_ref()),
                    caf: inscription.and_then(|i| i.caf.as_ref()),
                    cli: inscription.and_then(|i| i.cli.as_ref()),
                    complement: inscription.and_then(|i| i.complement.as_ref()),
                    depuis: inscription.and_then(|i| i.depuis.as_ref()),
                });
        }
    }
    by_target
}

/// What a person file names in `inscriptions` or `clubs`.
#[derive(Clone, Copy)]
enum Target {
    Session,
    Club,
}

impl Target {
    fn folder(self) -> &'static str {
        match self {
            Target::Session => "sessions",
            Target::Club => "clubs",
        }
    }

    fn unknown(self, id: &str) -> Msg {
        match self {
            Target::Session => msg(
                format!("session inconnue « {id} »"),
                format!("unknown session « {id} »"),
            ),
            Target::Club => msg(
                format!("club inconnu « {id} »"),
                format!("unknown club « {id} »"),
            ),
        }
    }
}

/// Every session or club named in a person file must exist (a file that
/// exists but could not be read has its own diagnostics already).
fn check_targets_exist<T>(
    loaded: &Loaded,
    declared: &HashMap<String, Vec<Declared>>,
    existing: &[RawFile<T>],
    target: Target,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let folder = target.folder();
    let mut unknown: Vec<(&String, &Vec<Declared>)> = declared
        .iter()
        .filter(|(id, _)| {
            !existing.iter().any(|e| &e.id == *id)
                && !loaded.broken.contains(&(folder, id.to_string()))
        })
        .collect();
    unknown.sort_by_key(|(id, _)| *id);
    for (id, list) in unknown {
        let close = crate::suggest::closest(id, existing.iter().map(|e| e.id.as_str()));
        let expected = match close {
            Some(close) => {
                let question = crate::suggest::did_you_mean(close);
                msg(
                    format!(
                        "l'identifiant d'un fichier de data/{folder}/ ; {}",
                        question.fr
                    ),
                    format!("the id of a file in data/{folder}/; {}", question.english()),
                )
            }
            None => msg(
                format!("l'identifiant d'un fichier de data/{folder}/ (nom du fichier sans .yaml)"),
                format!("the id of a file in data/{folder}/ (the file name without .yaml)"),
            ),
        };
        for d in list {
            diagnostics.push(
                Diagnostic::error_msg(
                    Span::new(d.file, d.anchor.range.clone()),
                    target.unknown(id),
                )
                .expected_msg(&expected),
            );
        }
    }
}

/// Merges the enrolments of the activity file with those of person files.
/// The same enrolment may be written in both places; different values are an error.
fn merge(
    declared: Vec<Declared>,
    from_people: Option<&Vec<Declared>>,
    resolver: &Resolver,
    c: &mut Checker,
    check_financing: bool,
) -> Vec<Enrolment> {
    let mut merged: Vec<(Enrolment, Vec<&Declared>)> = Vec::new();
    let all: Vec<&Declared> = declared
        .iter()
        .chain(from_people.into_iter().flatten())
        .collect();
    for d in all {
        if let Some((_, sources)) = merged.iter_mut().find(|(e, _)| e.personne == d.personne) {
            sources.push(d);
        } else {
            merged.push((
                Enrolment {
                    personne: d.personne,
                    ..Enrolment::default()
                },
                vec![d],
            ));
        }
    }
    let mut out = Vec::with_capacity(merged.len());
    for (mut enrolment, sources) in merged {
        enrolment.financement = agree(c, &sources, "financement", |d| d.financement);
        enrolment.caf = agree(c, &sources, "caf", |d| d.caf);
        enrolment.cli = agree(c, &sources, "cli", |d| d.cli);
        enrolment.complement = agree(c, &sources, "complement", |d| d.complement);
        let depuis = agree_text(c, &sources, "depuis", |d| d.depuis);
        enrolment.depuis = depuis.and_then(|t| {
            let mut dc = Checker {
                file: t.0,
                diagnostics: &mut *c.diagnostics,
            };
            dc.date(t.1)
        });
        if check_financing {
            warn_financing(c, &sources, &enrolment, resolver);
        }
        out.push(enrolment);
    }
    out.sort_by_cached_key(|e| sort_key(resolver, e.personne));
    out
}

fn agree<'a>(
    c: &mut Checker,
    sources: &[&'a Declared<'a>],
    field: &str,
    get: impl Fn(&Declared<'a>) -> Option<&'a Text>,
) -> Option<String> {
    agree_text(c, sources, field, get).map(|(_, t)| t.text().to_string())
}

/// The value of `field` where every place that writes it agrees.
fn agree_text<'a>(
    c: &mut Checker,
    sources: &[&'a Declared<'a>],
    field: &str,
    get: impl Fn(&Declared<'a>) -> Option<&'a Text>,
) -> Option<(FileId, &'a Text)> {
    let mut first: Option<(FileId, &Text)> = None;
    for d in sources {
        let Some(value) = get(d).filter(|v| !v.text().is_empty()) else {
            continue;
        };
        match first {
            None => first = Some((d.file, value)),
            Some((file, seen)) if seen.text() != value.text() => {
                let other = Span::new(file, seen.range.clone());
                c.diagnostics.push(
                    Diagnostic::error_msg(
                        Span::new(d.file, value.range.clone()),
                        msg(
                            format!(
                                "inscription contradictoire : {field} vaut « {} » ici mais « {} » dans l'autre fichier",
                                value.text(),
                                seen.text()
                            ),
                            format!(
                                "contradictory enrolment: {field} is « {} » here but « {} » in the other file",
                                value.text(),
                                seen.text()
                            ),
                        ),
                    )
                    .expected_msg(msg(
                        "la même valeur des deux côtés, ou la valeur écrite à un seul endroit",
                        "the same value on both sides, or the value written in one place only",
                    ))
                    .also_at_msg(
                        other,
                        msg(
                            format!("{field} vaut ici « {} »", seen.text()),
                            format!("{field} is « {} » here", seen.text()),
                        ),
                    ),
                );
            }
            Some(_) => {}
        }
    }
    first
}

/// Warnings of SPEC §2: a missing financing, an RSA beneficiary without CAF/CLI numbers.
fn warn_financing(
    c: &mut Checker,
    sources: &[&Declared],
    enrolment: &Enrolment,
    resolver: &Resolver,
) {
    let anchor = sources[0];
    let span = Span::new(anchor.file, anchor.anchor.range.clone());
    let who = resolver.personnes()[enrolment.personne].nom_complet();
    match enrolment.financement.as_deref() {
        None => c.diagnostics.push(
            Diagnostic::warning_msg(
                span,
                msg(
                    format!("inscription de {who} sans financement"),
                    format!("enrolment of {who} without financement"),
                ),
            )
            .expected_msg(msg(
                "financement: RSA, CPF, France Travail…",
                "financement: RSA, CPF, France Travail…",
            )),
        ),
        Some(f) if f.eq_ignore_ascii_case("rsa") => {
            let missing: Vec<&str> = [("caf", &enrolment.caf), ("cli", &enrolment.cli)]
                .into_iter()
                .filter(|(_, v)| v.is_none())
                .map(|(n, _)| n)
                .collect();
            if !missing.is_empty() {
                c.diagnostics.push(
                    Diagnostic::warning_msg(
                        span,
                        msg(
                            format!(
                                "{who} est financé(e) par le RSA mais il manque : {}",
                                missing.join(", ")
                            ),
                            format!(
                                "{who} is funded by the RSA but this is missing: {}",
                                missing.join(", ")
                            ),
                        ),
                    )
                    .expected_msg(msg(
                        "les numéros caf et cli des bénéficiaires du RSA",
                        "the caf and cli numbers of RSA beneficiaries",
                    )),
                );
            }
        }
        Some(_) => {}
    }
}

/// A session or club with enrolments needs at least one atelier. The error
/// points at the first enrolment written in the activity's own file, if any.
fn require_ateliers(
    inscrits: &[Enrolment],
    ateliers: &Option<Vec<RawAtelier>>,
    first_inscrit: Option<&Text>,
    c: &mut Checker,
) {
    // Written ateliers count even when one is invalid (that has its own error).
    if !inscrits.is_empty() && ateliers.as_ref().is_none_or(Vec::is_empty) {
        let span = first_inscrit.map_or(Span::file_start(c.file), |t| c.span(t));
        c.diagnostics.push(
            Diagnostic::error_msg(
                span,
                msg(
                    "des personnes sont inscrites mais aucun atelier n'est prévu",
                    "people are enrolled but no atelier is planned",
                ),
            )
            .expected_msg(msg(
                "au moins un atelier (ateliers: - date: …) avant d'inscrire quelqu'un",
                "at least one atelier (ateliers: - date: …) before enrolling anyone",
            )),
        );
    }
}

/// The hours of the ateliers that give none (`horaires:` of a session or club).
fn default_hours(raw: &Option<RawHoraires>, c: &mut Checker) -> Horaire {
    raw.as_ref().map_or(Horaire::default(), |h| {
        let hours = RawHoraire {
            debut: &h.heure_debut,
            fin: &h.heure_fin,
            duree: &h.duree,
        };
        horaire::check(c, &hours, msg("l'horaire par défaut", "the default hours"))
    })
}

/// The day written in `date_attestation`; a day to come is a warning.
pub(super) fn date_attestation(
    raw: &Option<Text>,
    today: NaiveDate,
    c: &mut Checker,
) -> Option<NaiveDate> {
    let text = raw.as_ref()?;
    let date = c.date(text)?;
    c.happened(
        text.range.clone(),
        date,
        today,
        msg(
            "attestation de participation datée",
            "attestation de participation dated",
        ),
        msg(
            "la date où les attestations sont remises, une fois les ateliers passés",
            "the date the attestations are handed out, once the ateliers are over",
        ),
    );
    Some(date)
}

/// Checks the ateliers of a session or club: `month` is the activity's
/// month and the hours of the ateliers that give none.
fn ateliers(
    raws: &Option<Vec<RawAtelier>>,
    kind: ActivityKind,
    inscrits: &[Enrolment],
    (mois, defaults): (Option<Month>, Horaire),
    resolver: &Resolver,
    today: NaiveDate,
    c: &mut Checker,
) -> Vec<Atelier> {
    let by_person: HashMap<PersonIdx, &Enrolment> =
        inscrits.iter().map(|e| (e.personne, e)).collect();
    let mut out: Vec<Atelier> = Vec::new();
    for raw in raws.iter().flatten() {
        let Some(date_text) = &raw.date else {
            let span = match (&raw.intitule, &raw.cycle) {
                (Some(t), _) => c.span(t),
                (None, Some(cycle)) => Span::new(c.file, cycle.range.clone()),
                (None, None) => Span::file_start(c.file),
            };
            c.missing_at(
                span,
                "ateliers.date",
                msg(
                    "la date de l'atelier, AAAA-MM-JJ",
                    "the date of the atelier, YYYY-MM-DD",
                ),
            );
            continue;
        };
        let Some(date) = c.date(date_text) else {
            continue;
        };
        if let Some(mois) = mois {
            let (last, outside, expected) = match kind {
                ActivityKind::Session => (
                    mois.last_day(),
                    msg(
                        "hors du mois de la session",
                        "outside the month of the session",
                    ),
                    msg(
                        format!("une date du mois {mois}"),
                        format!("a date in the month {mois}"),
                    ),
                ),
                ActivityKind::Club => (
                    mois.next().last_day(),
                    msg(
                        "hors des deux mois du club",
                        "outside the two months of the club",
                    ),
                    msg(
                        format!(
                            "une date entre le {} et le {} (les deux mois du club)",
                            mois.first_day(),
                            mois.next().last_day()
                        ),
                        format!(
                            "a date between {} and {} (the two months of the club)",
                            mois.first_day(),
                            mois.next().last_day()
                        ),
                    ),
                ),
            };
            if date < mois.first_day() || date > last {
                c.error(
                    date_text,
                    msg(
                        format!("l'atelier du {date} tombe {}", outside.fr),
                        format!("the atelier of {date} falls {}", outside.english()),
                    ),
                    expected,
                );
            }
        }
        let cycle = match (&raw.cycle, kind) {
            (Some(cy), _) if cy.value == 1 || cy.value == 2 => Some(cy.value),
            (Some(cy), _) => {
                let span = Span::new(c.file, cy.range.clone());
                c.diagnostics.push(
                    Diagnostic::error_msg(
                        span,
                        msg(
                            format!("cycle inconnu « {} »", cy.value),
                            format!("unknown cycle « {} »", cy.value),
                        ),
                    )
                    .expected_msg(msg(
                        "1 (Formation) ou 2 (Approfondissement)",
                        "1 (Formation) or 2 (Approfondissement)",
                    )),
                );
                None
            }
            (None, ActivityKind::Session) => {
                let span = c.span(date_text);
                c.diagnostics.push(
                    Diagnostic::error_msg(
                        span,
                        msg(
                            format!("l'atelier du {date} n'a pas de cycle"),
                            format!("the atelier of {date} has no cycle"),
                        ),
                    )
                    .expected_msg(msg(
                        "cycle: 1 (Formation) ou cycle: 2 (Approfondissement)",
                        "cycle: 1 (Formation) or cycle: 2 (Approfondissement)",
                    ))
                    .kind(DiagnosticKind::MissingField("cycle".into())),
                );
                None
            }
            (None, ActivityKind::Club) => None,
        };
        let own = RawHoraire {
            debut: &raw.heure_debut,
            fin: &raw.heure_fin,
            duree: &raw.duree,
        };
        let horaire = if own.is_written() {
            horaire::check(c, &own, msg("l'atelier", "the atelier"))
        } else {
            defaults
        };
        let presences_saisies = raw.presences.as_ref().is_some_and(|p| !p.0.is_empty());
        let held = if presences_saisies {
            c.happened(
                date_text.range.clone(),
                date,
                today,
                msg("présences saisies pour l'atelier", "presences recorded for the atelier"),
                msg(
                    "les présences une fois l'atelier passé (ou la date de l'atelier, si elle est fausse)",
                    "the presences once the atelier is over (or the date of the atelier, if it is wrong)",
                ),
            )
        } else {
            date <= today
        };
        let mut recorded: HashMap<PersonIdx, (Statut, Option<String>)> = HashMap::new();
        for (id, presence) in raw.presences.iter().flat_map(|p| p.0.iter()) {
            let Some(personne) = resolver.person(c, id, "presences", None) else {
                continue;
            };
            let Some(enrolment) = by_person.get(&personne) else {
                c.error(
                    id,
                    msg(
                        format!("présence de « {} » qui n'est pas inscrit(e)", id.text()),
                        format!("presence of « {} » who is not enrolled", id.text()),
                    ),
                    msg(
                        "une personne inscrite (inscrits de ce fichier ou inscriptions de sa fiche)",
                        "an enrolled person (inscrits of this file or inscriptions of their fiche)",
                    ),
                );
                continue;
            };
            if !enrolment.expected_on(date) {
                let since = enrolment.depuis.map(|d| d.to_string()).unwrap_or_default();
                c.error(
                    id,
                    msg(
                        format!(
                            "présence le {date} de « {} », inscrit(e) seulement depuis le {since}",
                            id.text()
                        ),
                        format!(
                            "presence on {date} of « {} », enrolled only since {since}",
                            id.text()
                        ),
                    ),
                    msg(
                        format!(
                            "aucune présence avant le {since} (date « depuis » de l'inscription)"
                        ),
                        format!(
                            "no presence before {since} (the « depuis » date of the enrolment)"
                        ),
                    ),
                );
                continue;
            }
            if let Some(status) = presence_status(presence, c) {
                recorded.insert(personne, status);
            }
        }
        let attendance = inscrits
            .iter()
            .filter(|e| e.expected_on(date))
            .map(|e| {
                let (recorded, commentaire) = recorded
                    .remove(&e.personne)
                    .unwrap_or((Statut::NonRenseigne, None));
                // A presence written before the atelier is held counts for nothing yet.
                let statut = if held { recorded } else { Statut::AVenir };
                Attendance {
                    personne: e.personne,
                    statut,
                    commentaire,
                }
            })
            .collect();
        out.push(Atelier {
            date,
            intitule: opt_text(&raw.intitule).unwrap_or_default(),
            cycle,
            horaire,
            attendance,
            presences_saisies,
        });
    }
    out.sort_by_key(|a| a.date);
    out
}

fn presence_status(
    presence: &crate::load::spanned::Sp<crate::load::records::RawPresence>,
    c: &mut Checker,
) -> Option<(Statut, Option<String>)> {
    use crate::load::records::RawPresence;
    let (text, range, commentaire) = match &presence.value {
        RawPresence::Status(s) => (s.trim().to_string(), presence.range.clone(), None),
        RawPresence::Detail(d) => {
            let Some(statut) = &d.statut else {
                let span = Span::new(c.file, presence.range.clone());
                c.diagnostics.push(
                    Diagnostic::error_msg(
                        span,
                        msg("présence sans statut", "presence without a statut"),
                    )
                    .expected_msg(msg(
                        "statut: present, absent ou excuse",
                        "statut: present, absent or excuse",
                    )),
                );
                return None;
            };
            (
                statut.text().to_string(),
                statut.range.clone(),
                opt_text(&d.commentaire),
            )
        }
    };
    let statut = match text.as_str() {
        "present" | "présent" | "presente" | "présente" => Statut::Present,
        "absent" | "absente" => Statut::Absent,
        "excuse" | "excusé" | "excusée" | "excusee" => Statut::Excuse,
        other => {
            let span = Span::new(c.file, range);
            c.diagnostics.push(
                Diagnostic::error_msg(
                    span,
                    msg(
                        format!("statut de présence inconnu « {other} »"),
                        format!("unknown presence statut « {other} »"),
                    ),
                )
                .expected_msg(msg(
                    "present, absent ou excuse",
                    "present, absent or excuse",
                )),
            );
            return None;
        }
    };
    Some((statut, commentaire))
}
