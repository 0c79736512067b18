//! Stage 3: the [`View`] of a kit for one profile. The public profile's view is
//! built without any field the annuaire consent refuses and without internal
//! data (comments, financing, CAF/CLI numbers, interview reports), so no
//! template can leak them. The view is also the template context: display
//! names, labels and links are computed here once.

pub mod assets;
pub mod consent;
pub mod form_contract;
pub mod form_data;
pub mod forms;
pub mod heure;
pub mod inputs;
pub mod markdown;
pub mod pages;
mod people;
mod records;
pub mod sample;
pub mod urls;

use crate::model::Kit;
use chrono::NaiveDate;
use heure::Heure;
use schemars::JsonSchema;
use serde::Serialize;

pub use people::{DirectoryRow, MentorshipRow, PersonView};
pub use records::{ActivityView, EventView, OperatorView, PageView};

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
}

/// A link to a record.
#[derive(Clone, Debug, Serialize, JsonSchema)]
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

/// A to-do item as shown on the tableau de bord.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct TodoView {
    /// Kind (for grouping and labels).
    pub kind: crate::model::TodoKind,
    /// The person concerned.
    pub personne: Option<PersonRef>,
    /// Details.
    pub detail: String,
}

/// A held atelier whose presences are not recorded yet (tableau de bord, internal).
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct PresencesASaisir {
    /// Day of the atelier.
    pub date: NaiveDate,
    /// Its title.
    pub intitule: String,
    /// The session or club page.
    pub activite: Link,
    /// Number of people expected.
    pub attendus: usize,
    /// The command that writes its presence block (`carnet presences ID DATE`).
    pub commande: String,
}

impl PresencesASaisir {
    fn of(kit: &Kit, r: &crate::model::AtelierRef) -> PresencesASaisir {
        let (activity, atelier) = r.get(kit);
        PresencesASaisir {
            date: atelier.date,
            intitule: atelier.intitule.clone(),
            activite: people::link_to_activity(activity, kit.config.langue),
            attendus: atelier.attendance.len(),
            commande: format!("carnet presences {} {}", activity.id, atelier.date),
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
    /// People with a fiche (in public: those who consented to their name).
    pub personnes: Vec<PersonView>,
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
    /// The annuaire: consented fields only, in both profiles.
    pub annuaire: Vec<people::DirectoryRow>,
    /// What needs doing (internal profile only).
    pub todos: Vec<TodoView>,
    /// Ateliers held without presences recorded (internal profile only).
    pub presences_a_saisir: Vec<PresencesASaisir>,
    /// Validation warnings as `file:line:col : message` (internal profile only).
    pub warnings: Vec<String>,
    /// The next 30 days.
    pub agenda: Vec<AgendaItem>,
    /// Number of tasks and warnings (both profiles).
    pub counts: Counts,
    /// The PDF forms of this build and the links to them (empty without forms).
    #[serde(skip)]
    pub forms: forms::FormsView,
    /// Templates, theme files, form layouts and images the renderers draw with.
    #[serde(skip)]
    pub assets: assets::Assets,
    /// What the lists of sessions and of clubs read besides their folders.
    #[serde(skip)]
    pub list_inputs: inputs::ListInputs,
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

/// Totals shown on the home page and the public tableau de bord.
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
    /// Validation warnings.
    pub warnings: usize,
}

impl View {
    /// Builds the view of `kit` for `profile`.
    pub fn new(kit: &Kit, profile: Profile) -> View {
        let person_refs = people::person_refs(kit, profile);
        let personnes = people::person_views(kit, profile, &person_refs);
        let (en_cours, termines) = people::mentorships(kit, profile, &person_refs);
        let internal = profile.internal();
        let todos: Vec<TodoView> = kit
            .todos
            .iter()
            .map(|t| TodoView {
                kind: t.kind,
                personne: t.personne.map(|p| person_refs[p].clone()),
                detail: t.detail.clone(),
            })
            .collect();
        let warnings: Vec<String> = kit
            .warnings
            .iter()
            .map(|w| w.one_line(&kit.sources))
            .collect();
        let counts = Counts {
            personnes: personnes.len(),
            sessions: kit.sessions.len(),
            clubs: kit.clubs.len(),
            evenements: kit.evenements.len(),
            parrainages_en_cours: en_cours.len(),
            todos: todos.len(),
            warnings: warnings.len(),
        };
        let pages = records::page_views(kit);
        let mut view = View {
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
            },
            sessions: records::activity_views(kit, &kit.sessions, profile, &person_refs),
            clubs: records::activity_views(kit, &kit.clubs, profile, &person_refs),
            evenements: records::event_views(kit, profile, &person_refs),
            operateurs: records::operator_views(kit),
            annuaire: people::directory(kit, &person_refs),
            personnes,
            pages,
            parrainages_en_cours: en_cours,
            parrainages_termines: termines,
            todos: if internal { todos } else { Vec::new() },
            presences_a_saisir: if internal {
                kit.presences_a_saisir
                    .iter()
                    .map(|r| PresencesASaisir::of(kit, r))
                    .collect()
            } else {
                Vec::new()
            },
            warnings: if internal { warnings } else { Vec::new() },
            counts,
            forms: forms::FormsView::default(),
            assets: assets::Assets::new(kit),
            list_inputs: inputs::ListInputs::new(kit),
        };
        view.agenda = agenda(&view, kit.today);
        view
    }
}
