//! Rules of a personne file (SPEC §2): identity, roles, phones, consent,
//! studies, situation, and the mentorship once people can be resolved.

use super::config::Config;
use super::link::Resolver;
use super::reuse;
use super::values::{Checker, opt_text};
use super::{
    Adresse, AncienParrain, Civilite, Consent, Entretien, Etude, Parrainage, PersonIdx, Personne,
    Projet, Situation,
};
use crate::diagnostic::{Diagnostic, msg};
use crate::load::RawFile;
use crate::load::records::{RawAdresse, RawPersonne};
use rayon::prelude::*;

/// Roles every kit knows (a kit adds its own in carnet.yaml `roles`).
pub const BUILT_IN_ROLES: [&str; 12] = [
    "stagiaire",
    "parrain",
    "tuteur",
    "formateur",
    "conseiller",
    "responsable_emploi",
    "responsable_parrains",
    "responsable_rsa",
    "accompagnateur",
    "assistant",
    "manager",
    "ambassadeur",
];

/// Checks every person file (in parallel); mentorships are linked later by [`link_all`].
/// With a `cache` (`carnet serve`), a record unchanged since the last build
/// takes its result again ([`super::reuse`]).
pub(super) fn build_all(
    raws: &[RawFile<RawPersonne>],
    config: &Config,
    cache: Option<&mut reuse::People>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Personne> {
    let key = reuse::people_key(config);
    let mut cache = cache;
    let kept = cache.as_mut().map(|c| c.take(&key)).unwrap_or_default();
    let results: Vec<(Option<Personne>, Vec<Diagnostic>, bool)> = raws
        .par_iter()
        .map(|raw| match reuse::People::reuse(&kept, raw) {
            Some((person, found)) => (person, found, true),
            None => {
                let mut found = Vec::new();
                let person = build_one(raw, config, &mut found);
                (person, found, false)
            }
        })
        .collect();
    if let Some(cache) = cache {
        cache.store(key, kept, raws, &results, |_, _| true);
    }
    let mut personnes = Vec::with_capacity(results.len());
    for (person, found, _) in results {
        diagnostics.extend(found);
        personnes.extend(person);
    }
    personnes
}

fn build_one(
    raw: &RawFile<RawPersonne>,
    config: &Config,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Personne> {
    let r = &raw.record;
    let mut c = Checker {
        file: raw.file,
        diagnostics,
    };
    let civilite = match &r.civilite {
        None => {
            c.missing(
                "civilite",
                msg(
                    "civilite: M. ou civilite: Mme",
                    "civilite: M. or civilite: Mme",
                ),
            );
            None
        }
        Some(v) => match v.text() {
            "M." => Some(Civilite::M),
            "Mme" => Some(Civilite::Mme),
            other => {
                c.error(
                    v,
                    msg(
                        format!("civilité inconnue « {other} »"),
                        format!("unknown civilité « {other} »"),
                    ),
                    msg("M. ou Mme", "M. or Mme"),
                );
                None
            }
        },
    };
    let nom = c.required(
        &r.nom,
        "nom",
        msg(
            "le nom de famille, par exemple nom: Dupont",
            "the family name, for example nom: Dupont",
        ),
    );
    let prenom = c.required(
        &r.prenom,
        "prenom",
        msg(
            "le prénom, par exemple prenom: Jeanne",
            "the first name, for example prenom: Jeanne",
        ),
    );
    let roles = match &r.roles {
        None => vec!["stagiaire".to_string()],
        Some(list) => list
            .iter()
            .filter_map(|role| {
                let name = role.text();
                let known =
                    BUILT_IN_ROLES.contains(&name) || config.extra_roles.iter().any(|r| r == name);
                if known {
                    Some(name.to_string())
                } else {
                    let mut expected = BUILT_IN_ROLES.join(", ");
                    for extra in &config.extra_roles {
                        expected.push_str(", ");
                        expected.push_str(extra);
                    }
                    c.error(
                        role,
                        msg(
                            format!("rôle inconnu « {name} »"),
                            format!("unknown role « {name} »"),
                        ),
                        msg(
                            format!(
                                "un de : {expected} (ou un rôle ajouté dans carnet.yaml roles)"
                            ),
                            format!("one of: {expected} (or a role added in carnet.yaml roles)"),
                        ),
                    );
                    None
                }
            })
            .collect(),
    };
    let telephone = c.phone(&r.telephone);
    let mobile = c.phone(&r.mobile);
    let email = c.email(&r.email);
    let default = config.annuaire_par_defaut;
    let consent =
        |field: Option<&crate::load::spanned::Sp<bool>>| field.map_or(default, |b| b.value);
    let annuaire = match &r.annuaire {
        None => Consent {
            nom: default,
            telephone: default,
            email: default,
            adresse: false,
        },
        // A home address is published only on an explicit `adresse: true`.
        Some(a) => Consent {
            nom: consent(a.nom.as_ref()),
            telephone: consent(a.telephone.as_ref()),
            email: consent(a.email.as_ref()),
            adresse: a.adresse.as_ref().is_some_and(|b| b.value),
        },
    };
    let etudes = r
        .etudes
        .iter()
        .flatten()
        .map(|e| Etude {
            diplome: opt_text(&e.diplome).unwrap_or_default(),
            annee: e.annee.as_ref().map(|a| a.value),
            etablissement: opt_text(&e.etablissement).unwrap_or_default(),
        })
        .collect();
    for inscription in r
        .inscriptions
        .iter()
        .flatten()
        .filter(|i| i.session.is_none())
    {
        let anchor = [
            &inscription.financement,
            &inscription.caf,
            &inscription.cli,
            &inscription.complement,
            &inscription.depuis,
        ]
        .into_iter()
        .flatten()
        .next();
        let span = anchor.map_or(crate::source::Span::file_start(raw.file), |t| c.span(t));
        c.missing_at(
            span,
            "inscriptions.session",
            msg(
                "l'identifiant de la session, par exemple session: s-2026-09",
                "the id of the session, for example session: s-2026-09",
            ),
        );
    }
    let situation = r
        .situation
        .as_ref()
        .map(|s| Situation {
            emploi: s.emploi.as_ref().is_some_and(|e| e.value),
            depuis: match &s.depuis {
                // Unlike a mentorship's `fin`, nothing means « cleared » here.
                Some(d) if d.text().is_empty() => {
                    c.empty(
                        d,
                        "situation.depuis",
                        msg(
                            "une date AAAA-MM-JJ, ou pas de ligne depuis",
                            "a date YYYY-MM-DD, or no depuis line",
                        ),
                    );
                    None
                }
                Some(d) => c.date(d),
                None => None,
            },
            commentaire: opt_text(&s.commentaire),
        })
        .unwrap_or_default();
    Some(Personne {
        id: raw.id.clone(),
        file: raw.file,
        civilite: civilite?,
        nom: nom?,
        prenom: prenom?,
        roles,
        telephone,
        mobile,
        email,
        adresse: r.adresse.as_ref().map(adresse),
        entreprise: opt_text(&r.entreprise),
        fonction: opt_text(&r.fonction),
        annuaire,
        etudes,
        situation,
        parrainage: None,
        sessions: Vec::new(),
        clubs: Vec::new(),
        filleuls: Vec::new(),
        evenements: Vec::new(),
        derniere_activite: None,
    })
}

/// A checked address.
pub(super) fn adresse(raw: &RawAdresse) -> Adresse {
    Adresse {
        ligne1: opt_text(&raw.ligne1),
        ligne2: opt_text(&raw.ligne2),
        code_postal: opt_text(&raw.code_postal),
        ville: opt_text(&raw.ville),
    }
}

/// Resolves and checks every mentorship, once all people are known: each
/// person in parallel, the problems in file order as one loop would give them.
/// With a `cache`, an unchanged record's mentorship is taken again when the
/// people it may resolve against are the same ([`super::reuse`]).
pub(super) fn link_all(
    raws: &[RawFile<RawPersonne>],
    personnes: &mut [Personne],
    index: &std::collections::HashMap<String, PersonIdx>,
    broken: &std::collections::HashSet<String>,
    today: chrono::NaiveDate,
    cache: Option<&mut reuse::Links>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let resolver = Resolver::new(personnes, index, broken);
    let mut cache = cache;
    let key = cache
        .as_ref()
        .map(|_| reuse::links_key(personnes, broken, today));
    let kept = match (cache.as_mut(), &key) {
        (Some(cache), Some(key)) => cache.take(key),
        _ => Default::default(),
    };
    let results: Vec<(Option<Linked>, Vec<Diagnostic>, bool)> = raws
        .par_iter()
        .map(|raw| match reuse::Links::reuse(&kept, raw) {
            Some((linked, found)) => (linked, found, true),
            None => {
                let mut found = Vec::new();
                let linked = link_one(raw, index, &resolver, today, &mut found);
                (linked, found, false)
            }
        })
        .collect();
    if let (Some(cache), Some(key)) = (cache, key) {
        cache.store(key, kept, raws, &results, reuse::link_keepable);
    }
    let mut linked = Vec::new();
    for (one, found, _) in results {
        diagnostics.extend(found);
        linked.extend(one);
    }
    for (me, parrainage) in linked {
        personnes[me].parrainage = Some(parrainage);
    }
}

/// A person's index and mentorship.
type Linked = (PersonIdx, Parrainage);

/// One person's mentorship, resolved and checked, with the person's index.
fn link_one(
    raw: &RawFile<RawPersonne>,
    index: &std::collections::HashMap<String, PersonIdx>,
    resolver: &Resolver,
    today: chrono::NaiveDate,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Linked> {
    let (Some(p), Some(&me)) = (&raw.record.parrainage, index.get(&raw.id)) else {
        return None;
    };
    let mut c = Checker {
        file: raw.file,
        diagnostics,
    };
    let Some(parrain_id) = &p.parrain else {
        let span = c.entry_span(&[&p.debut, &p.fin, &p.motif_fin, &p.observations]);
        c.missing_at(
            span,
            "parrainage.parrain",
            msg(
                "l'identifiant du parrain, par exemple parrain: martin-paul",
                "the id of the parrain, for example parrain: martin-paul",
            ),
        );
        return None;
    };
    let parrain = resolver.person(&mut c, parrain_id, "parrainage.parrain", Some("parrain"));
    if parrain == Some(me) {
        c.error(
            parrain_id,
            msg(
                "une personne ne peut pas être son propre parrain",
                "a person cannot be their own parrain",
            ),
            msg(
                "l'identifiant d'un autre membre",
                "the id of another member",
            ),
        );
        return None;
    }
    let debut = c.opt_date(&p.debut);
    let fin = c.opt_date(&p.fin);
    c.ends_before_start(
        debut,
        fin,
        &p.fin,
        |f, d| {
            msg(
                format!("le parrainage finit ({f}) avant d'avoir commencé ({d})"),
                format!("the parrainage ends ({f}) before it began ({d})"),
            )
        },
        msg(
            "une date de fin postérieure au début",
            "an end date after the start",
        ),
    );
    let historique = p
        .historique
        .iter()
        .flatten()
        .filter_map(|h| {
            let Some(id) = h.parrain.as_ref() else {
                let span = c.entry_span(&[&h.debut, &h.fin]);
                c.missing_at(
                    span,
                    "parrainage.historique.parrain",
                    msg(
                        "l'identifiant de l'ancien parrain",
                        "the id of the former parrain",
                    ),
                );
                return None;
            };
            // A former mentor may have stopped mentoring since: the
            // person must exist, the role is not required any more.
            let parrain = resolver.person(&mut c, id, "parrainage.historique.parrain", None)?;
            Some(AncienParrain {
                parrain,
                debut: c.opt_date(&h.debut),
                fin: c.opt_date(&h.fin),
            })
        })
        .collect();
    let mut entretiens: Vec<Entretien> = p
        .entretiens
        .iter()
        .flatten()
        .filter_map(|e| {
            let Some(date) = &e.date else {
                let span = c.entry_span(&[&e.compte_rendu, &e.disponibilite]);
                c.missing_at(
                    span,
                    "parrainage.entretiens.date",
                    msg(
                        "la date de l'entretien, AAAA-MM-JJ",
                        "the date of the entretien, YYYY-MM-DD",
                    ),
                );
                return None;
            };
            let day = c.date(date)?;
            c.happened(
                date.range.clone(),
                day,
                today,
                msg("entretien", "entretien"),
                msg(
                    "la date d'un entretien qui a eu lieu (un entretien prévu s'écrit une fois passé)",
                    "the date of an entretien that took place (a planned entretien is written once it has happened)",
                ),
            );
            Some(Entretien {
                date: day,
                compte_rendu: opt_text(&e.compte_rendu),
                disponibilite: opt_text(&e.disponibilite),
            })
        })
        .collect();
    entretiens.sort_by_key(|e| e.date);
    let projet = p
        .projet
        .as_ref()
        .map(|pr| Projet {
            parcours: opt_text(&pr.parcours),
            projet_pro: opt_text(&pr.projet_pro),
            attentes: opt_text(&pr.attentes),
        })
        .unwrap_or_default();
    let parrain = parrain?;
    Some((
        me,
        Parrainage {
            parrain,
            debut,
            fin,
            motif_fin: opt_text(&p.motif_fin),
            observations: opt_text(&p.observations),
            projet,
            historique,
            entretiens,
            en_cours: fin.is_none_or(|f| f > today),
        },
    ))
}
