//! What the site's list pages show, as named fields: a template (which a kit
//! may override) reads `page.<name>`, never a position, so these names are
//! the templates' contract. A fiche shows its record's view
//! ([`super::PersonView`], [`super::ActivityView`]…) as it is; a list page
//! shows a list of rows, the home page, the parrainages and the tableau de
//! bord a struct.

use super::parrainages::ParParrain;
use super::tableau::Groupe;
use super::{ActivityView, AgendaItem, Counts, Link, MentorshipRow, View};
use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::Serialize;

/// The home page (`home.html`).
#[derive(Debug, Serialize, JsonSchema)]
pub struct Accueil<'v> {
    /// Ateliers and events of the next 30 days.
    pub agenda: &'v [AgendaItem],
    /// Totals (internal profile only).
    pub counts: Option<&'v Counts>,
    /// Every free page.
    pub pages: Vec<Link>,
    /// The blank forms.
    pub vierges: &'v [Link],
}

/// The list of people (`personnes.html`): its rows, and the choices of
/// its filters (by role, by session or club), which a small script in the
/// page applies to the rows' `data-` attributes.
#[derive(Debug, Serialize, JsonSchema)]
pub struct Personnes<'v> {
    /// One row per fiche, by name.
    pub lignes: Vec<PersonneLigne<'v>>,
    /// The roles someone in the list has.
    pub roles: Vec<Choix>,
    /// The sessions then the clubs someone in the list is enrolled in, latest first.
    pub activites: Vec<Choix>,
}

/// A choice of a filter: the value the rows carry, and its words.
#[derive(Debug, Serialize, JsonSchema)]
pub struct Choix {
    /// Value (a role code, an activity's page).
    pub valeur: String,
    /// What the choice shows.
    pub libelle: String,
}

/// A row of the list of people.
#[derive(Debug, Serialize, JsonSchema)]
pub struct PersonneLigne<'v> {
    /// NOM.
    pub nom: &'v str,
    /// Prénom.
    pub prenom: &'v str,
    /// The fiche.
    pub url: &'v str,
    /// Role codes.
    pub roles: &'v [String],
    /// Role names, agreed with the civilité.
    pub roles_noms: &'v [String],
    /// Pages of the sessions and clubs the person is enrolled in (filter values).
    pub activites: Vec<&'v str>,
}

/// A row of the list of sessions or of clubs (`sessions.html`, `clubs.html`).
#[derive(Debug, Serialize, JsonSchema)]
pub struct ActiviteLigne<'v> {
    /// Title.
    pub titre: &'v str,
    /// Its page.
    pub url: &'v str,
    /// First day.
    pub debut: NaiveDate,
    /// Last day.
    pub fin: NaiveDate,
    /// Number of people enrolled.
    pub inscrits: usize,
    /// Number of ateliers.
    pub ateliers: usize,
}

/// A row of the list of events (`evenements.html`).
#[derive(Debug, Serialize, JsonSchema)]
pub struct EvenementLigne<'v> {
    /// Day.
    pub date: NaiveDate,
    /// Title.
    pub titre: &'v str,
    /// Its page.
    pub url: &'v str,
    /// Type code (`t.types[code]` names it).
    pub type_evenement: &'v str,
}

/// A row of the list of operators (`operateurs.html`).
#[derive(Debug, Serialize, JsonSchema)]
pub struct OperateurLigne<'v> {
    /// Name.
    pub nom: &'v str,
    /// Its page.
    pub url: &'v str,
    /// Type code (`t.types[code]` names it), when given.
    pub type_operateur: Option<&'v str>,
}

/// The parrainages page (`parrainages.html`).
#[derive(Debug, Serialize, JsonSchema)]
pub struct Parrainages<'v> {
    /// Ongoing: late ones first (internal profile), then by mentee.
    pub en_cours: &'v [MentorshipRow],
    /// Finished, by mentee.
    pub termines: &'v [MentorshipRow],
    /// Ongoing, by mentor (internal profile only).
    pub par_parrain: &'v [ParParrain],
}

/// The tableau de bord (`tableau.html`). A public reader sees what is on,
/// and nothing internal: no task, warning or figure.
#[derive(Debug, Serialize, JsonSchema)]
pub struct Tableau<'v> {
    /// What needs doing, by who must act (internal profile only).
    pub groupes: &'v [Groupe],
    /// Totals (internal profile only).
    pub counts: Option<&'v Counts>,
    /// Ateliers and events of the next 30 days.
    pub agenda: &'v [AgendaItem],
    /// What happens this week and next, from the planning (internal profile only).
    pub deux_semaines: Vec<super::planning::PlanningItem>,
}

impl View {
    /// The home page.
    pub fn accueil(&self) -> Accueil<'_> {
        Accueil {
            agenda: &self.agenda,
            counts: self.counts.as_ref(),
            pages: self
                .pages
                .iter()
                .map(|p| Link {
                    label: p.titre.clone(),
                    url: p.url.clone(),
                })
                .collect(),
            vierges: &self.forms.blank,
        }
    }

    /// The list of people, with the choices of its filters.
    pub fn personnes(&self) -> Personnes<'_> {
        super::people::people_list(self)
    }

    /// The rows of the list of events.
    pub fn evenements_lignes(&self) -> Vec<EvenementLigne<'_>> {
        self.evenements
            .iter()
            .map(|e| EvenementLigne {
                date: e.date,
                titre: &e.titre,
                url: &e.url,
                type_evenement: &e.type_evenement,
            })
            .collect()
    }

    /// The rows of the list of operators.
    pub fn operateurs_lignes(&self) -> Vec<OperateurLigne<'_>> {
        self.operateurs
            .iter()
            .map(|o| OperateurLigne {
                nom: &o.nom,
                url: &o.url,
                type_operateur: o.type_operateur.as_deref(),
            })
            .collect()
    }

    /// The parrainages page.
    pub fn parrainages(&self) -> Parrainages<'_> {
        Parrainages {
            en_cours: &self.parrainages_en_cours,
            termines: &self.parrainages_termines,
            par_parrain: &self.parrainages_par_parrain,
        }
    }

    /// The tableau de bord.
    pub fn tableau(&self) -> Tableau<'_> {
        Tableau {
            groupes: &self.tableau,
            counts: self.counts.as_ref(),
            agenda: &self.agenda,
            deux_semaines: if self.site.profile.internal() {
                self.planning.this_week_and_next()
            } else {
                Vec::new()
            },
        }
    }
}

/// The rows of the list of sessions or of clubs.
pub fn activites_lignes(list: &[ActivityView]) -> Vec<ActiviteLigne<'_>> {
    list.iter()
        .map(|a| ActiviteLigne {
            titre: &a.titre,
            url: &a.url,
            debut: a.debut,
            fin: a.fin,
            inscrits: a.inscrits.len(),
            ateliers: a.ateliers.len(),
        })
        .collect()
}
