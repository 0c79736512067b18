//! Stage 3: the [`View`] of a kit for one profile. The public profile's view is
//! built without any field the annuaire consent refuses and without internal
//! data (comments, financing, CAF/CLI numbers, interview reports), so no
//! template can leak them. The view is also the template context: display
//! names, labels and links are computed here once.

pub mod agreement;
pub mod assets;
pub mod consent;
pub mod convocation;
pub mod exports;
pub mod form_contract;
pub mod form_data;
pub mod forms;
pub mod grid;
pub mod heure;
pub mod inputs;
pub mod logigramme;
pub mod markdown;
pub mod markdown_memo;
pub mod pages;
pub mod parrainages;
mod people;
mod plain_text;
pub mod planning;
pub mod planning_pages;
pub mod plie;
pub mod plie_suivi;
pub mod procedures;
pub mod rapports;
mod rapports_svg;
mod records;
pub mod reuse;
pub mod sample;
pub mod search;
pub mod tableau;
pub mod urls;

use crate::model::Kit;
use chrono::NaiveDate;
use heure::Heure;
use schemars::JsonSchema;
use serde::Serialize;

pub use people::{DirectoryRow, MentorshipRow, PersonView};
pub use people::{InterviewView, MentorshipView};
pub use records::{ActivityView, EventView, OperatorView, PageView};
pub use records::{ConvocationRow, InscritView};

/// Who the output is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Profile {
    /// Default: consented fields only, nothing internal.
    Public,
    /// Everything, for the preview server or a site behind access control.
    Interne,
}

impl Profile {
    /// Whether internal data (comments, financing, reports) may be shown.
    pub fn internal(self) -> bool {
        self == Profile::Interne
    }
}

/// A reference to a person as shown to this profile: a name and a link, or a
/// neutral label when the person refused to have their name published.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct PersonRef {
    /// Display name, or "personne non publiée".
    pub nom: String,
    /// Root-relative URL of the fiche, when there is one.
    pub url: Option<String>,
    /// Sort key (NOM Prénom), empty when hidden.
    #[serde(skip)]
    pub sort: (String, String),
    /// Grammatical gender, for the words said of a group of people
    /// (« Tutrices »); masculine, the generic, when hidden or unknown.
    #[serde(skip)]
    pub gender: crate::labels::Gender,
}

/// A link to a record.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct Link {
    /// Text of the link.
    pub label: String,
    /// Root-relative URL.
    pub url: String,
}

/// A link to an event, from a fiche or an operator's page.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct EvenementLien {
    /// Its day.
    pub date: NaiveDate,
    /// Its title.
    pub titre: String,
    /// Root-relative URL.
    pub url: String,
}

impl EvenementLien {
    /// The link to `event`.
    fn of(event: &crate::model::Evenement) -> EvenementLien {
        EvenementLien {
            date: event.date,
            titre: event.titre.clone(),
            url: urls::evenement(&event.id),
        }
    }
}

/// Site-wide facts for every page.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct SiteView {
    /// Site title.
    pub titre: String,
    /// Organisation.
    pub organisation: String,
    /// Language code (`fr`, `en`).
    #[schemars(with = "String")]
    pub langue: crate::labels::Lang,
    /// Profile.
    pub profile: Profile,
    /// Build day.
    pub today: NaiveDate,
    /// Free pages shown in the menu.
    pub menu: Vec<Link>,
    /// Weekly coordination meeting.
    pub coordination: Option<CoordinationView>,
    /// Internal profile of a PLIE (the kit has data/commissions.yaml): the
    /// « sorties » page exists and the menu links to it.
    pub plie: bool,
}

/// The weekly coordination meeting (carnet.yaml `coordination`).
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct CoordinationView {
    /// Day of week, 0 = Monday.
    pub weekday: u32,
    /// Day name (lundi…).
    pub jour: String,
    /// Time, when given.
    pub heure: Option<Heure>,
    /// Place (empty when not given).
    pub lieu: String,
}

impl CoordinationView {
    fn of(c: &crate::model::config::Coordination) -> CoordinationView {
        CoordinationView {
            weekday: c.weekday,
            jour: c.jour.clone(),
            heure: c.heure.map(Heure),
            lieu: c.lieu.clone(),
        }
    }
}

/// Everything the renderers may show for one profile.
#[derive(Debug, Serialize)]
pub struct View {
    /// Site-wide facts.
    pub site: SiteView,
    /// People with a fiche (in public: those who consented to their name),
    /// shared with the next view of `carnet serve` when no change reaches
    /// them ([`reuse`]).
    pub personnes: Vec<std::sync::Arc<PersonView>>,
    /// Sessions.
    pub sessions: Vec<ActivityView>,
    /// Clubs.
    pub clubs: Vec<ActivityView>,
    /// Events.
    pub evenements: Vec<EventView>,
    /// Operators.
    pub operateurs: Vec<OperatorView>,
    /// Free pages.
    pub pages: Vec<PageView>,
    /// Ongoing mentorships.
    pub parrainages_en_cours: Vec<MentorshipRow>,
    /// Finished mentorships.
    pub parrainages_termines: Vec<MentorshipRow>,
    /// Ongoing mentorships by mentor (internal profile only).
    pub parrainages_par_parrain: Vec<parrainages::ParParrain>,
    /// The annuaire: consented fields only, in both profiles.
    pub annuaire: Vec<people::DirectoryRow>,
    /// The tableau de bord: what needs doing, by who must act (internal profile only).
    pub tableau: Vec<tableau::Groupe>,
    /// The next 30 days.
    pub agenda: Vec<AgendaItem>,
    /// PLIE exit steps by commission (internal profile of a PLIE only).
    pub sorties: Option<plie::Sorties>,
    /// Totals (internal profile only: a public reader sees no internal figure).
    pub counts: Option<Counts>,
    /// Every dated thing, by day, and who is concerned (the planning pages and feeds).
    #[serde(skip)]
    pub planning: planning::Planning,
    /// The PDF forms of this build and the links to them (empty without forms).
    #[serde(skip)]
    pub forms: forms::FormsView,
    /// Templates, theme files, form layouts and images the renderers draw with.
    #[serde(skip)]
    pub assets: assets::Assets,
    /// What the lists of sessions and of clubs read besides their folders.
    #[serde(skip)]
    pub list_inputs: inputs::ListInputs,
    /// The spreadsheet exports and the links to them (internal profile only).
    #[serde(skip)]
    pub exports: exports::ExportsView,
    /// The procedure reference (both profiles: organisation documents).
    #[serde(skip)]
    pub reference: procedures::ReferenceView,
    /// The rapports' index (internal profile only: empty in public).
    pub rapports: rapports::Rapports,
    /// The rapports' month pages with their paths (internal profile only).
    #[serde(skip)]
    pub rapports_mois: Vec<(String, rapports::RapportMois)>,
}

/// A dated item of the next 30 days, for the home page.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct AgendaItem {
    /// Date.
    pub date: NaiveDate,
    /// What.
    pub label: String,
    /// Where it is described (root-relative).
    pub url: String,
}

/// Ateliers and events from today to 30 days ahead, by date.
fn agenda(view: &View, today: NaiveDate) -> Vec<AgendaItem> {
    let until = today + chrono::Days::new(30);
    let mut items: Vec<AgendaItem> = view
        .sessions
        .iter()
        .chain(&view.clubs)
        .flat_map(|a| {
            a.ateliers.iter().map(move |at| AgendaItem {
                date: at.date,
                label: format!("{} — {}", a.titre, at.intitule),
                url: a.url.clone(),
            })
        })
        .chain(view.evenements.iter().map(|e| AgendaItem {
            date: e.date,
            label: e.titre.clone(),
            url: e.url.clone(),
        }))
        .filter(|i| i.date >= today && i.date <= until)
        .collect();
    items.sort_by(|a, b| (&a.date, &a.label).cmp(&(&b.date, &b.label)));
    items
}

/// Totals shown on the home page and the tableau de bord of the internal profile.
#[derive(Clone, Debug, Default, Serialize, JsonSchema)]
pub struct Counts {
    /// People.
    pub personnes: usize,
    /// Sessions.
    pub sessions: usize,
    /// Clubs.
    pub clubs: usize,
    /// Events.
    pub evenements: usize,
    /// Ongoing mentorships.
    pub parrainages_en_cours: usize,
    /// Tasks on the tableau de bord.
    pub todos: usize,
    /// Held ateliers whose presences are not recorded yet.
    pub presences_a_saisir: usize,
    /// Validation warnings.
    pub warnings: usize,
}

impl View {
    /// Builds the view of `kit` for `profile`.
    pub fn new(kit: &Kit, profile: Profile) -> View {
        View::make(kit, profile, None)
    }

    /// The view of `kit` for `profile`, taking from `previous` (the view of
    /// `carnet serve`'s last good build) the parts no change reaches: the
    /// same view as [`View::new`] makes.
    pub fn updated(kit: &Kit, profile: Profile, previous: &reuse::Previous) -> View {
        View::make(kit, profile, Some(previous))
    }

    fn make(kit: &Kit, profile: Profile, previous: Option<&reuse::Previous>) -> View {
        let person_refs = people::person_refs(kit, profile);
        let internal = profile.internal();
        let refs = &person_refs;
        // The parts below read only the kit and the references: made side
        // by side on rayon's pool (the fiches are themselves made in
        // parallel), each the same as made alone.
        let (
            (personnes, (sessions, clubs)),
            ((mentorships, annuaire), (tableau, (evenements, reference))),
        ) = rayon::join(
            || {
                rayon::join(
                    || people::person_views(kit, profile, refs, previous),
                    || {
                        rayon::join(
                            || records::activity_views(kit, &kit.sessions, profile, refs),
                            || records::activity_views(kit, &kit.clubs, profile, refs),
                        )
                    },
                )
            },
            || {
                rayon::join(
                    || {
                        rayon::join(
                            || people::mentorships(kit, profile, refs),
                            || people::directory(kit, refs),
                        )
                    },
                    || {
                        rayon::join(
                            || {
                                if internal {
                                    tableau::groupes(kit)
                                } else {
                                    Vec::new()
                                }
                            },
                            || {
                                rayon::join(
                                    || records::event_views(kit, profile, refs),
                                    || procedures::ReferenceView::new(kit),
                                )
                            },
                        )
                    },
                )
            },
        );
        let (personnes, fiche_inputs): (Vec<_>, Vec<_>) = personnes.into_iter().unzip();
        let (mut en_cours, termines) = mentorships;
        parrainages::late_first(&mut en_cours);
        let par_parrain = if internal {
            parrainages::par_parrain(&en_cours)
        } else {
            Vec::new()
        };
        let counts = internal.then_some(Counts {
            personnes: personnes.len(),
            sessions: kit.sessions.len(),
            clubs: kit.clubs.len(),
            evenements: kit.evenements.len(),
            parrainages_en_cours: en_cours.len(),
            todos: kit.todos.len(),
            presences_a_saisir: kit.presences_a_saisir.len(),
            warnings: kit.warnings.len(),
        });
        let pages = records::page_views(kit);
        let plie = internal && kit.sources.find(crate::load::COMMISSIONS).is_some();
        let (rapports, rapports_mois) = rapports::build(kit, internal);
        let mut view = View {
            sorties: plie.then(|| plie::sorties(kit)),
            rapports,
            rapports_mois,
            agenda: Vec::new(),
            site: SiteView {
                titre: kit.config.titre.clone(),
                organisation: kit.config.organisation.clone(),
                langue: kit.config.langue,
                profile,
                today: kit.today,
                menu: pages
                    .iter()
                    .filter(|p| p.menu)
                    .map(|p| Link {
                        label: p.titre.clone(),
                        url: p.url.clone(),
                    })
                    .collect(),
                coordination: kit.config.coordination.as_ref().map(CoordinationView::of),
                plie,
            },
            sessions,
            clubs,
            evenements,
            operateurs: records::operator_views(kit),
            annuaire,
            personnes,
            pages,
            parrainages_en_cours: en_cours,
            parrainages_termines: termines,
            parrainages_par_parrain: par_parrain,
            tableau,
            counts,
            planning: planning::Planning::default(),
            forms: forms::FormsView::default(),
            assets: assets::Assets::new(kit),
            list_inputs: inputs::ListInputs::new(kit),
            exports: exports::ExportsView::default(),
            reference,
        };
        view.agenda = agenda(&view, kit.today);
        view.planning = planning::Planning::new(
            kit,
            &person_refs,
            [&view.sessions, &view.clubs],
            &view.evenements,
            internal,
        );
        planning::link_fiches(&view.planning, &mut view.personnes, fiche_inputs);
        planning::link_activities(&view.planning, &mut view.sessions);
        planning::link_activities(&view.planning, &mut view.clubs);
        view.exports = exports::ExportsView::new(&view);
        view
    }
}
