//! Sessions, clubs, events, operators and pages as a profile may see them.

use super::agreement::of_group;
use super::grid::{Grille, Legend, grids, legend};
use super::heure::Horaire;
use super::markdown::to_html_below;
use super::people::link_to_activity;
use super::{EvenementLien, Link, PersonRef, Profile, urls};
use crate::model::{Activity, ActivityKind, Kit, Month, Statut};
use crate::source::FileId;
use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::Serialize;

/// A session or club page.
#[derive(Debug, Serialize, JsonSchema)]
pub struct ActivityView {
    /// Id.
    pub id: String,
    /// Session or club.
    pub kind: ActivityKind,
    /// Root-relative URL.
    pub url: String,
    /// Title ("Session 3 (2026-09)").
    pub titre: String,
    /// Session number.
    pub numero: Option<u32>,
    /// First month (`2026-09`).
    #[schemars(with = "String")]
    pub mois: Month,
    /// First day.
    pub debut: NaiveDate,
    /// Last day.
    pub fin: NaiveDate,
    /// Tutors.
    pub tuteurs: Vec<PersonRef>,
    /// Their heading, agreed: « Tutrice », « Tuteurs »…
    pub tuteurs_titre: &'static str,
    /// Trainers.
    pub formateurs: Vec<PersonRef>,
    /// Their heading, agreed: « Formatrice », « Formateurs »…
    pub formateurs_titre: &'static str,
    /// Ateliers.
    pub ateliers: Vec<AtelierView>,
    /// Enrolled people.
    pub inscrits: Vec<InscritView>,
    /// Which columns of the enrolled people's table hold a value for someone.
    pub colonnes: InscritsColonnes,
    /// Club convocation list (internal).
    pub convocation: Vec<ConvocationRow>,
    /// Root-relative URL of the club's convocation page (internal, when the list has anyone).
    pub convocation_url: Option<String>,
    /// Presence grids (internal): one per cycle of a session, one for a club.
    pub grilles: Vec<Grille>,
    /// What the marks of the grids mean (empty without grids).
    pub legende: Vec<Legend>,
    /// The calendar feed of its ateliers, when it has some (set by
    /// [`super::planning::link_activities`]).
    pub flux: Option<super::planning_pages::Flux>,
    /// Files this page was made from.
    #[serde(skip)]
    pub inputs: Vec<FileId>,
}

/// An atelier on a session or club page.
#[derive(Debug, Serialize, JsonSchema)]
pub struct AtelierView {
    /// Date.
    pub date: NaiveDate,
    /// Title.
    pub intitule: String,
    /// Cycle.
    pub cycle: Option<u8>,
    /// Hours (`heure_debut`, `heure_fin`, `duree`).
    #[serde(flatten)]
    pub horaire: Horaire,
    /// Number of people expected.
    pub attendus: usize,
    /// Not held yet on the build day: no presence counts.
    pub a_venir: bool,
    /// Number present (internal, ateliers held).
    pub presents: Option<usize>,
    /// Each expected person with status (internal).
    pub presences: Vec<PresenceView>,
}

/// One presence (internal).
#[derive(Debug, Serialize, JsonSchema)]
pub struct PresenceView {
    /// Who.
    pub personne: PersonRef,
    /// Status.
    pub statut: Statut,
    /// Comment.
    pub commentaire: Option<String>,
}

/// The enrolments of an activity in the order of the names shown.
/// People not published come last.
pub(super) fn inscrits_sorted<'a>(
    a: &'a Activity,
    refs: &[PersonRef],
) -> impl Iterator<Item = &'a crate::model::Enrolment> {
    let mut list: Vec<&crate::model::Enrolment> = a.inscrits.iter().collect();
    list.sort_by(|x, y| {
        let (x, y) = (&refs[x.personne].sort, &refs[y.personne].sort);
        (x.0.is_empty(), x).cmp(&(y.0.is_empty(), y))
    });
    list.into_iter()
}

/// The columns of the enrolled people's table that are not empty: a club
/// rarely records financing, and a column empty on every row is left out.
#[derive(Debug, Serialize, JsonSchema)]
pub struct InscritsColonnes {
    /// Financing.
    pub financement: bool,
    /// CAF number.
    pub caf: bool,
    /// CLI number.
    pub cli: bool,
    /// Complement.
    pub complement: bool,
    /// Late joiner since.
    pub depuis: bool,
}

impl InscritsColonnes {
    fn of(rows: &[InscritView]) -> InscritsColonnes {
        let any = |has: fn(&InscritView) -> bool| rows.iter().any(has);
        InscritsColonnes {
            financement: any(|i| i.financement.is_some()),
            caf: any(|i| i.caf.is_some()),
            cli: any(|i| i.cli.is_some()),
            complement: any(|i| i.complement.is_some()),
            depuis: any(|i| i.depuis.is_some()),
        }
    }
}

/// One enrolled person.
#[derive(Debug, Serialize, JsonSchema)]
pub struct InscritView {
    /// Who.
    pub personne: PersonRef,
    /// Financing (internal).
    pub financement: Option<String>,
    /// CAF (internal).
    pub caf: Option<String>,
    /// CLI (internal).
    pub cli: Option<String>,
    /// Complement (internal).
    pub complement: Option<String>,
    /// Late joiner since.
    pub depuis: Option<NaiveDate>,
}

/// A row of a club's convocation list (internal).
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct ConvocationRow {
    /// Who.
    pub personne: PersonRef,
    /// Email.
    pub email: Option<String>,
    /// Session that brought them.
    pub session: Option<Link>,
    /// Family name as displayed (capitals), for the exports' own column.
    pub nom: String,
    /// Given name as displayed.
    pub prenom: String,
    /// Mobile, else landline: how to reach someone without an email.
    pub telephone: Option<String>,
    /// Number of the session that brought them.
    pub session_numero: Option<u32>,
    /// Month of that session.
    #[schemars(with = "Option<String>")]
    pub session_mois: Option<Month>,
}

/// An event page.
#[derive(Debug, Serialize, JsonSchema)]
pub struct EventView {
    /// Id.
    pub id: String,
    /// Root-relative URL.
    pub url: String,
    /// Type code.
    pub type_evenement: String,
    /// Title.
    pub titre: String,
    /// Date.
    pub date: NaiveDate,
    /// Hours (`heure_debut`, `heure_fin`, `duree`).
    #[serde(flatten)]
    pub horaire: Horaire,
    /// Place.
    pub lieu: Option<String>,
    /// Person in charge.
    pub responsable: Option<PersonRef>,
    /// Speakers.
    pub intervenants: Vec<String>,
    /// Operator.
    pub operateur: Option<Link>,
    /// Photos taken.
    pub photos: bool,
    /// Participants (internal).
    pub participants: Vec<ParticipantView>,
    /// Number of participants present.
    pub presents: usize,
    /// Whether the event is still to come (after the build day): nobody has
    /// been present yet, so pages show « à venir » rather than a count of 0.
    pub a_venir: bool,
    /// Procedure code.
    pub procedure: Option<String>,
    /// The page of that procedure.
    pub procedure_url: Option<String>,
    /// Review, as safe HTML (public profile: only with `bilan_public: true`).
    pub bilan_html: Option<String>,
    /// Files this page was made from.
    #[serde(skip)]
    pub inputs: Vec<FileId>,
}

/// A participant (internal).
#[derive(Debug, Serialize, JsonSchema)]
pub struct ParticipantView {
    /// Who.
    pub personne: PersonRef,
    /// Email of an outsider.
    pub email: Option<String>,
    /// Present.
    pub present: bool,
    /// Answered the survey.
    pub satisfaction: bool,
    /// Signed the image release.
    pub droit_image: bool,
}

/// An operator page.
#[derive(Debug, Serialize, JsonSchema)]
pub struct OperatorView {
    /// Id.
    pub id: String,
    /// Root-relative URL.
    pub url: String,
    /// Name.
    pub nom: String,
    /// Acronym.
    pub sigle: Option<String>,
    /// Type code.
    pub type_operateur: Option<String>,
    /// Address.
    pub adresse: Option<crate::model::Adresse>,
    /// Phone.
    pub telephone: Option<String>,
    /// Contact.
    pub responsable: Option<crate::model::Responsable>,
    /// Events with this operator.
    pub evenements: Vec<EvenementLien>,
    /// File this page was made from.
    #[serde(skip)]
    pub inputs: Vec<FileId>,
}

/// A free page.
#[derive(Debug, Serialize, JsonSchema)]
pub struct PageView {
    /// Id.
    pub id: String,
    /// Root-relative URL.
    pub url: String,
    /// Title.
    pub titre: String,
    /// In the menu.
    pub menu: bool,
    /// Body, as safe HTML.
    pub html: String,
    /// File this page was made from.
    #[serde(skip)]
    pub inputs: Vec<FileId>,
}

pub(super) fn activity_views(
    kit: &Kit,
    activities: &[Activity],
    profile: Profile,
    refs: &[PersonRef],
) -> Vec<ActivityView> {
    let internal = profile.internal();
    activities
        .iter()
        .map(|a| {
            let lang = kit.config.langue;
            let link = link_to_activity(a, lang);
            let inscrits: Vec<InscritView> = inscrits_sorted(a, refs)
                .map(|e| InscritView {
                    personne: refs[e.personne].clone(),
                    financement: e.financement.clone().filter(|_| internal),
                    caf: e.caf.clone().filter(|_| internal),
                    cli: e.cli.clone().filter(|_| internal),
                    complement: e.complement.clone().filter(|_| internal),
                    depuis: e.depuis,
                })
                .collect();
            let grilles = if internal && !a.ateliers.is_empty() {
                grids(kit, a, refs)
            } else {
                Vec::new()
            };
            let people = |list: &[usize]| -> Vec<PersonRef> {
                list.iter().map(|&t| refs[t].clone()).collect()
            };
            let (tuteurs, formateurs) = (people(&a.tuteurs), people(&a.formateurs));
            ActivityView {
                id: a.id.clone(),
                kind: a.kind,
                url: link.url,
                titre: link.label,
                numero: a.numero,
                mois: a.mois,
                debut: a.mois.first_day(),
                fin: a.last_day(),
                tuteurs_titre: of_group(lang, "tuteur", tuteurs.iter().map(|p| p.gender)),
                formateurs_titre: of_group(lang, "formateur", formateurs.iter().map(|p| p.gender)),
                tuteurs,
                formateurs,
                ateliers: a
                    .ateliers
                    .iter()
                    .map(|at| AtelierView {
                        date: at.date,
                        intitule: at.intitule.clone(),
                        cycle: at.cycle,
                        horaire: at.horaire.into(),
                        attendus: at.attendance.len(),
                        a_venir: !at.held(kit.today),
                        presents: (internal && at.held(kit.today)).then(|| {
                            at.attendance
                                .iter()
                                .filter(|x| x.statut == Statut::Present)
                                .count()
                        }),
                        presences: if internal {
                            at.attendance
                                .iter()
                                .map(|x| PresenceView {
                                    personne: refs[x.personne].clone(),
                                    statut: x.statut,
                                    commentaire: x.commentaire.clone(),
                                })
                                .collect()
                        } else {
                            Vec::new()
                        },
                    })
                    .collect(),
                colonnes: InscritsColonnes::of(&inscrits),
                inscrits,
                convocation: if internal {
                    a.convocation
                        .iter()
                        .map(|c| {
                            let p = &kit.personnes[c.personne];
                            let session = c.session.map(|s| &kit.sessions[s]);
                            ConvocationRow {
                                personne: refs[c.personne].clone(),
                                email: p.email.clone(),
                                session: session.map(|s| link_to_activity(s, kit.config.langue)),
                                nom: p.nom_affiche(),
                                prenom: p.prenom_affiche(),
                                telephone: p.mobile.clone().or_else(|| p.telephone.clone()),
                                session_numero: session.and_then(|s| s.numero),
                                session_mois: session.map(|s| s.mois),
                            }
                        })
                        .collect()
                } else {
                    Vec::new()
                },
                convocation_url: (internal && !a.convocation.is_empty())
                    .then(|| urls::convocation(&a.id, "html")),
                legende: if grilles.is_empty() {
                    Vec::new()
                } else {
                    legend(lang)
                },
                grilles,
                flux: None,
                inputs: super::inputs::activity(kit, a, profile),
            }
        })
        .collect()
}

pub(super) fn event_views(kit: &Kit, profile: Profile, refs: &[PersonRef]) -> Vec<EventView> {
    let internal = profile.internal();
    kit.evenements
        .iter()
        .map(|e| {
            EventView {
                id: e.id.clone(),
                url: urls::evenement(&e.id),
                type_evenement: e.type_evenement.clone(),
                titre: e.titre.clone(),
                date: e.date,
                horaire: e.horaire.into(),
                lieu: e.lieu.clone(),
                responsable: e.responsable.map(|r| refs[r].clone()),
                intervenants: e.intervenants.clone(),
                operateur: e.operateur.map(|o| Link {
                    label: kit.operateurs[o].nom.clone(),
                    url: urls::operateur(&kit.operateurs[o].id),
                }),
                photos: e.photos,
                participants: if internal {
                    e.participants
                        .iter()
                        .map(|p| ParticipantView {
                            personne: match p.personne {
                                Some(i) => refs[i].clone(),
                                None => PersonRef {
                                    nom: p.nom.clone().unwrap_or_default(),
                                    url: None,
                                    sort: Default::default(),
                                    gender: crate::labels::Gender::Masculine,
                                },
                            },
                            email: p.email.clone(),
                            present: p.present,
                            satisfaction: p.satisfaction,
                            droit_image: p.droit_image,
                        })
                        .collect()
                } else {
                    Vec::new()
                },
                presents: e.participants.iter().filter(|p| p.present).count(),
                a_venir: e.date > kit.today,
                procedure: e.procedure.clone(),
                procedure_url: e.procedure.as_deref().map(urls::procedure),
                // A bilan can name participants: public only when the event says so.
                bilan_html: e
                    .bilan
                    .as_deref()
                    .filter(|_| internal || e.bilan_public)
                    .map(|m| to_html_below(m, 2)),
                inputs: super::inputs::event(kit, e),
            }
        })
        .collect()
}

pub(super) fn operator_views(kit: &Kit) -> Vec<OperatorView> {
    kit.operateurs
        .iter()
        .enumerate()
        .map(|(i, o)| {
            let events: Vec<&crate::model::Evenement> = kit
                .evenements
                .iter()
                .filter(|e| e.operateur == Some(i))
                .collect();
            OperatorView {
                id: o.id.clone(),
                url: urls::operateur(&o.id),
                nom: o.nom.clone(),
                sigle: o.sigle.clone(),
                type_operateur: o.type_operateur.clone(),
                adresse: o.adresse.clone(),
                telephone: o.telephone.clone(),
                responsable: o.responsable.clone(),
                evenements: events.iter().map(|e| EvenementLien::of(e)).collect(),
                inputs: super::inputs::operator(kit, i),
            }
        })
        .collect()
}

pub(super) fn page_views(kit: &Kit) -> Vec<PageView> {
    kit.pages
        .iter()
        .map(|p| PageView {
            id: p.id.clone(),
            url: urls::page(&p.id),
            titre: p.titre.clone(),
            menu: p.menu,
            html: to_html_below(&p.body, 1),
            inputs: super::inputs::page(p),
        })
        .collect()
}
