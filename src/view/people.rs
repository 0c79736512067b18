//! People as a profile may see them: fiches, references, mentorships, annuaire.

use super::agreement::{self, Accords, gender};
use super::consent::{self, Field, Reader};
use super::markdown::to_html_and_plain_text;
use super::{EvenementLien, Link, PersonRef, Profile, urls};
use crate::labels::{Gender, Lang, word};
use crate::model::{Activity, Adresse, Kit, Statut};
use crate::source::FileId;
use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::Serialize;
use std::sync::Arc;

/// How each person is referred to by this profile.
pub(super) fn person_refs(kit: &Kit, profile: Profile) -> Vec<PersonRef> {
    use rayon::prelude::*;
    let unpublished = crate::labels::word(kit.config.langue, "non_publie");
    kit.personnes
        .par_iter()
        .map(|p| {
            if consent::may_see(profile.into(), p, Field::Nom) {
                PersonRef {
                    nom: format!("{} {}", p.nom_affiche(), p.prenom_affiche()),
                    url: Some(urls::personne(&p.id)),
                    sort: p.sort_key(),
                    gender: gender(p),
                }
            } else {
                PersonRef {
                    nom: unpublished.into(),
                    url: None,
                    sort: (String::new(), String::new()),
                    gender: Gender::Masculine,
                }
            }
        })
        .collect()
}

/// A person's fiche.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct PersonView {
    /// Id.
    pub id: String,
    /// Root-relative URL.
    pub url: String,
    /// M. or Mme.
    pub civilite: &'static str,
    /// NOM.
    pub nom: String,
    /// Prénom.
    pub prenom: String,
    /// Role codes.
    pub roles: Vec<String>,
    /// Role names, agreed with the civilité (« Tutrice »), in the order of `roles`.
    pub roles_noms: Vec<String>,
    /// Words said of this person, agreed with the civilité.
    pub accords: Accords,
    /// Phone (consented in public).
    pub telephone: Option<String>,
    /// Mobile (consented in public).
    pub mobile: Option<String>,
    /// Email (consented in public).
    pub email: Option<String>,
    /// Address (consented in public).
    pub adresse: Option<Adresse>,
    /// Company.
    pub entreprise: Option<String>,
    /// Job title.
    pub fonction: Option<String>,
    /// Diplomas (internal).
    pub etudes: Vec<crate::model::Etude>,
    /// Situation (internal).
    pub situation: Option<SituationView>,
    /// Sessions enrolled in.
    pub sessions: Vec<EnrolmentView>,
    /// Clubs enrolled in.
    pub clubs: Vec<EnrolmentView>,
    /// Mentorship as mentee.
    pub parrainage: Option<MentorshipView>,
    /// Mentees.
    pub filleuls: Vec<PersonRef>,
    /// Heading of the mentees: « Filleule », « Filleuls »…
    pub filleuls_titre: &'static str,
    /// Events.
    pub evenements: Vec<EvenementLien>,
    /// Last activity (internal).
    pub derniere_activite: Option<NaiveDate>,
    /// Root-relative URL of their planning (tutor, trainer, event
    /// responsable), set by [`super::planning::link_fiches`].
    pub planning: Option<String>,
    /// PLIE parcours (internal).
    pub parcours: Option<super::plie::ParcoursView>,
    /// Files this fiche was made from.
    #[serde(skip)]
    pub inputs: Vec<FileId>,
}

/// Employment situation (internal).
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct SituationView {
    /// Employed now.
    pub emploi: bool,
    /// Since.
    pub depuis: Option<NaiveDate>,
    /// Comment.
    pub commentaire: Option<String>,
}

/// One enrolment on a fiche.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct EnrolmentView {
    /// The session or club.
    pub activite: Link,
    /// Financing (internal).
    pub financement: Option<String>,
    /// CAF number (internal).
    pub caf: Option<String>,
    /// CLI number (internal).
    pub cli: Option<String>,
    /// Complement (internal).
    pub complement: Option<String>,
    /// Late joiner since.
    pub depuis: Option<NaiveDate>,
    /// Ateliers with presence (internal).
    pub ateliers: Vec<AttendanceRow>,
}

/// One atelier on a fiche.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct AttendanceRow {
    /// Date.
    pub date: NaiveDate,
    /// Title.
    pub intitule: String,
    /// Cycle.
    pub cycle: Option<u8>,
    /// Status.
    pub statut: Statut,
    /// Status in words, agreed with the person: « Présente », « Excusé ».
    pub statut_nom: &'static str,
    /// Comment.
    pub commentaire: Option<String>,
}

/// A mentorship on the mentee's fiche.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct MentorshipView {
    /// Mentor.
    pub parrain: PersonRef,
    /// What the mentor is: « Parrain » or « Marraine ».
    pub parrain_titre: &'static str,
    /// Start.
    pub debut: Option<NaiveDate>,
    /// End.
    pub fin: Option<NaiveDate>,
    /// Ongoing.
    pub en_cours: bool,
    /// Why it ended (internal).
    pub motif_fin: Option<String>,
    /// Observations (internal).
    pub observations: Option<String>,
    /// Project (internal).
    pub projet: Option<crate::model::Projet>,
    /// Former mentors.
    pub historique: Vec<FormerMentor>,
    /// Interviews (internal).
    pub entretiens: Vec<InterviewView>,
}

/// A former mentor.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct FormerMentor {
    /// Who.
    pub parrain: PersonRef,
    /// From.
    pub debut: Option<NaiveDate>,
    /// To.
    pub fin: Option<NaiveDate>,
}

/// An interview (internal).
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct InterviewView {
    /// Date.
    pub date: NaiveDate,
    /// Report, as safe HTML.
    pub compte_rendu_html: Option<String>,
    /// Report, as plain text (Markdown marks dropped), for the exports.
    #[serde(skip)]
    pub compte_rendu: Option<String>,
    /// Availability.
    pub disponibilite: Option<String>,
}

/// A row of the parrainages lists.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct MentorshipRow {
    /// Mentee.
    pub filleul: PersonRef,
    /// Mentor.
    pub parrain: PersonRef,
    /// Start.
    pub debut: Option<NaiveDate>,
    /// End.
    pub fin: Option<NaiveDate>,
    /// Why it ended (internal).
    pub motif_fin: Option<String>,
    /// Number of interviews (internal).
    pub entretiens: Option<usize>,
    /// Last interview (internal).
    pub dernier_entretien: Option<NaiveDate>,
    /// Time since the last interview, of an ongoing mentorship (internal).
    pub suivi: Option<super::parrainages::Suivi>,
}

/// A row of the annuaire: consented fields only.
#[derive(Debug, Serialize, JsonSchema)]
pub struct DirectoryRow {
    /// Person.
    pub personne: PersonRef,
    /// Role codes.
    pub roles: Vec<String>,
    /// Role names, agreed with the civilité (« Conseillère »).
    pub roles_noms: Vec<String>,
    /// Company.
    pub entreprise: Option<String>,
    /// Phones.
    pub telephones: Vec<String>,
    /// Email.
    pub email: Option<String>,
    /// Address.
    pub adresse: Option<Adresse>,
}

/// Name of a month in the site's language: "septembre 2026", "September 2026".
pub(super) fn month_name(lang: Lang, month: crate::model::Month) -> String {
    let name = crate::labels::month(lang, month.month);
    format!("{name} {}", month.year)
}

/// Root-relative link to a session or club, titled in the site's language:
/// "Session 41 — août 2026", "Club emploi — septembre 2026".
pub(super) fn link_to_activity(a: &Activity, lang: Lang) -> Link {
    let month = month_name(lang, a.mois);
    let label = match a.kind {
        crate::model::ActivityKind::Session => match a.numero {
            Some(n) => format!("{} {n} — {month}", word(lang, "session")),
            None => format!("{} — {month}", word(lang, "session")),
        },
        crate::model::ActivityKind::Club => format!("{} — {month}", word(lang, "club_emploi")),
    };
    Link {
        label,
        url: urls::activite(a.kind, &a.id),
    }
}

fn enrolments(
    kit: &Kit,
    who: usize,
    list: &[(usize, usize)],
    activities: &[Activity],
    internal: bool,
) -> Vec<EnrolmentView> {
    list.iter()
        .map(|&(a, e)| {
            let activity = &activities[a];
            let enrolment = &activity.inscrits[e];
            let ateliers = if internal {
                activity
                    .ateliers
                    .iter()
                    .filter_map(|at| {
                        let row = at.attendance.iter().find(|x| x.personne == who)?;
                        Some(AttendanceRow {
                            date: at.date,
                            intitule: at.intitule.clone(),
                            cycle: at.cycle,
                            statut: row.statut,
                            statut_nom: agreement::status(
                                kit.config.langue,
                                row.statut,
                                gender(&kit.personnes[who]),
                            ),
                            commentaire: row.commentaire.clone(),
                        })
                    })
                    .collect()
            } else {
                Vec::new()
            };
            EnrolmentView {
                activite: link_to_activity(activity, kit.config.langue),
                financement: enrolment.financement.clone().filter(|_| internal),
                caf: enrolment.caf.clone().filter(|_| internal),
                cli: enrolment.cli.clone().filter(|_| internal),
                complement: enrolment.complement.clone().filter(|_| internal),
                depuis: enrolment.depuis,
                ateliers,
            }
        })
        .collect()
}

/// The fiches this profile publishes, each with the files it is made from
/// besides those its planning adds ([`super::inputs::person`]), which
/// [`super::planning::link_fiches`] gives it. A fiche of `previous` that no
/// change reaches is shared rather than made again.
pub(super) fn person_views(
    kit: &Kit,
    profile: Profile,
    refs: &[PersonRef],
    previous: Option<&super::reuse::Previous>,
) -> Vec<(Arc<PersonView>, Vec<FileId>)> {
    use rayon::prelude::*;
    let reader = Reader::from(profile);
    kit.personnes
        .par_iter()
        .enumerate()
        .filter(|(_, p)| consent::may_see(reader, p, Field::Nom))
        .map(|(i, p)| {
            let inputs = super::inputs::person(kit, i);
            let kept = previous.and_then(|previous| previous.fiche(&p.id, p.file, &inputs));
            let fiche = kept.unwrap_or_else(|| Arc::new(person_view(kit, profile, refs, i)));
            (fiche, inputs)
        })
        .collect()
}

/// The fiche of person `i`, without its inputs (see [`person_views`]).
fn person_view(kit: &Kit, profile: Profile, refs: &[PersonRef], i: usize) -> PersonView {
    let internal = profile.internal();
    let reader = Reader::from(profile);
    let lang = kit.config.langue;
    let p = &kit.personnes[i];
    let parrainage = p.parrainage.as_ref().map(|m| MentorshipView {
        parrain: refs[m.parrain].clone(),
        parrain_titre: agreement::of_group(lang, "parrain", [refs[m.parrain].gender]),
        debut: m.debut,
        fin: m.fin,
        en_cours: m.en_cours,
        motif_fin: m.motif_fin.clone().filter(|_| internal),
        observations: m.observations.clone().filter(|_| internal),
        projet: internal.then(|| m.projet.clone()),
        historique: m
            .historique
            .iter()
            .map(|h| FormerMentor {
                parrain: refs[h.parrain].clone(),
                debut: h.debut,
                fin: h.fin,
            })
            .collect(),
        entretiens: if internal {
            m.entretiens
                .iter()
                .map(|e| {
                    let (compte_rendu_html, compte_rendu) = e
                        .compte_rendu
                        .as_deref()
                        .map(|m| to_html_and_plain_text(m, 4))
                        .unzip();
                    InterviewView {
                        date: e.date,
                        compte_rendu_html,
                        compte_rendu,
                        disponibilite: e.disponibilite.clone(),
                    }
                })
                .collect()
        } else {
            Vec::new()
        },
    });
    let sessions = enrolments(kit, i, &p.sessions, &kit.sessions, internal);
    let clubs = enrolments(kit, i, &p.clubs, &kit.clubs, internal);
    let mut filleuls: Vec<PersonRef> = p.filleuls.iter().map(|&f| refs[f].clone()).collect();
    filleuls.sort_by(|a, b| a.sort.cmp(&b.sort));
    let filleuls_titre = agreement::of_group(lang, "filleul", filleuls.iter().map(|f| f.gender));
    let evenements = p
        .evenements
        .iter()
        .map(|&(v, _)| {
            let e = &kit.evenements[v];
            EvenementLien::of(e)
        })
        .collect();
    PersonView {
        id: p.id.clone(),
        url: urls::personne(&p.id),
        civilite: p.civilite.as_str(),
        nom: p.nom_affiche(),
        prenom: p.prenom_affiche(),
        roles: p.roles.clone(),
        roles_noms: agreement::roles(lang, &p.roles, gender(p)),
        accords: Accords::of(lang, gender(p)),
        telephone: consent::shown(reader, p, Field::Telephone, &p.telephone),
        mobile: consent::shown(reader, p, Field::Telephone, &p.mobile),
        email: consent::shown(reader, p, Field::Email, &p.email),
        adresse: consent::shown(reader, p, Field::Adresse, &p.adresse),
        entreprise: p.entreprise.clone(),
        fonction: p.fonction.clone(),
        etudes: if internal {
            p.etudes.clone()
        } else {
            Vec::new()
        },
        situation: internal.then(|| SituationView {
            emploi: p.situation.emploi,
            depuis: p.situation.depuis,
            commentaire: p.situation.commentaire.clone(),
        }),
        sessions,
        clubs,
        parrainage,
        filleuls,
        filleuls_titre,
        evenements,
        derniere_activite: p.derniere_activite.filter(|_| internal),
        planning: None,
        parcours: if internal {
            super::plie::parcours_of(kit, i)
        } else {
            None
        },
        inputs: Vec::new(),
    }
}

/// Ongoing and finished mentorships, by mentee name.
pub(super) fn mentorships(
    kit: &Kit,
    profile: Profile,
    refs: &[PersonRef],
) -> (Vec<MentorshipRow>, Vec<MentorshipRow>) {
    let internal = profile.internal();
    let mut en_cours = Vec::new();
    let mut termines = Vec::new();
    for (i, p) in kit.personnes.iter().enumerate() {
        let Some(m) = &p.parrainage else { continue };
        let row = MentorshipRow {
            filleul: refs[i].clone(),
            parrain: refs[m.parrain].clone(),
            debut: m.debut,
            fin: m.fin,
            motif_fin: m.motif_fin.clone().filter(|_| internal),
            entretiens: internal.then_some(m.entretiens.len()),
            dernier_entretien: m.entretiens.last().map(|e| e.date).filter(|_| internal),
            suivi: (internal && m.en_cours)
                .then(|| super::parrainages::suivi(kit, m))
                .flatten(),
        };
        if m.en_cours {
            en_cours.push(row);
        } else {
            termines.push(row);
        }
    }
    en_cours.sort_by(|a, b| a.filleul.sort.cmp(&b.filleul.sort));
    termines.sort_by(|a, b| a.filleul.sort.cmp(&b.filleul.sort));
    (en_cours, termines)
}

/// The annuaire: people who consented to their name, with the fields they
/// consented to, in both profiles (members read it).
pub(super) fn directory(kit: &Kit, refs: &[PersonRef]) -> Vec<DirectoryRow> {
    let reader = Reader::Others;
    let mut rows: Vec<DirectoryRow> = kit
        .personnes
        .iter()
        .enumerate()
        .filter(|(_, p)| consent::may_see(reader, p, Field::Nom))
        .map(|(i, p)| DirectoryRow {
            personne: refs[i].clone(),
            roles: p.roles.clone(),
            roles_noms: agreement::roles(kit.config.langue, &p.roles, gender(p)),
            entreprise: p.entreprise.clone(),
            telephones: [&p.telephone, &p.mobile]
                .into_iter()
                .filter_map(|phone| consent::shown(reader, p, Field::Telephone, phone))
                .collect(),
            email: consent::shown(reader, p, Field::Email, &p.email),
            adresse: consent::shown(reader, p, Field::Adresse, &p.adresse),
        })
        .collect();
    rows.sort_by(|a, b| a.personne.sort.cmp(&b.personne.sort));
    rows
}

/// The list of people with the choices of its filters: the roles someone
/// has (in the order of carnet's roles, then a kit's own), the sessions then
/// the clubs someone is enrolled in, latest first.
pub(super) fn people_list(view: &super::View) -> super::pages::Personnes<'_> {
    use super::pages::{Choix, PersonneLigne, Personnes};
    use std::collections::BTreeSet;
    let lignes: Vec<PersonneLigne> = view
        .personnes
        .iter()
        .map(|p| PersonneLigne {
            nom: &p.nom,
            prenom: &p.prenom,
            url: &p.url,
            roles: &p.roles,
            roles_noms: &p.roles_noms,
            activites: p
                .sessions
                .iter()
                .chain(&p.clubs)
                .map(|e| e.activite.url.as_str())
                .collect(),
        })
        .collect();
    let held: BTreeSet<&str> = lignes
        .iter()
        .flat_map(|l| l.roles.iter().map(String::as_str))
        .collect();
    let known = crate::labels::role_names(view.site.langue);
    let roles = known
        .iter()
        .filter(|(code, _)| held.contains(code))
        .map(|&(code, name)| (code, name))
        .chain(
            held.iter()
                .filter(|code| !known.iter().any(|(k, _)| k == *code))
                .map(|&code| (code, code)),
        );
    let enrolled: BTreeSet<&str> = lignes
        .iter()
        .flat_map(|l| l.activites.iter().copied())
        .collect();
    let latest_first = |list: &'_ [super::ActivityView]| -> Vec<Choix> {
        let mut list: Vec<&super::ActivityView> = list
            .iter()
            .filter(|a| enrolled.contains(a.url.as_str()))
            .collect();
        list.sort_by_key(|a| std::cmp::Reverse(a.mois));
        list.into_iter()
            .map(|a| Choix {
                valeur: a.url.clone(),
                libelle: a.titre.clone(),
            })
            .collect()
    };
    let mut activites = latest_first(&view.sessions);
    activites.extend(latest_first(&view.clubs));
    Personnes {
        roles: roles
            .map(|(code, name)| Choix {
                valeur: code.to_string(),
                libelle: name.to_string(),
            })
            .collect(),
        activites,
        lignes,
    }
}
