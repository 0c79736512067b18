//! What the planning's pages show (the templates' contract): the index of
//! months, people and feeds ([`PlanningIndex`]), and a month of the whole
//! planning or of one person ([`MoisPage`]): its weeks, Monday first, each
//! day with its items, for the grid and the week list alike.

use super::planning::{Planning, PlanningItem, adresses};
use super::{Link, PersonRef, View};
use crate::labels::{Lang, month, weekdays};
use crate::model::Month;
use chrono::{Datelike, Days, NaiveDate, Weekday};
use schemars::JsonSchema;
use serde::Serialize;

/// A calendar feed's links: the file, and the subscription when the site's
/// address is known.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Flux {
    /// Root-relative URL of the `.ics` file (a download).
    pub url: String,
    /// `webcal://…` address to subscribe, when carnet.yaml gives `base_url`.
    pub webcal: Option<String>,
}

impl Flux {
    /// The links to the feed at `url` (root-relative).
    pub(super) fn of(planning: &Planning, url: String) -> Flux {
        let webcal = planning.base_url.as_ref().map(|base| {
            let host = base
                .strip_prefix("https://")
                .or_else(|| base.strip_prefix("http://"))
                .unwrap_or(base);
            format!("webcal://{host}{url}")
        });
        Flux { url, webcal }
    }
}

/// A day of a month page.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Jour {
    /// The day.
    pub date: NaiveDate,
    /// Its number in the month.
    pub numero: u32,
    /// Its name (lundi…).
    pub nom: &'static str,
    /// In the month shown (the first and last weeks hold days of the months around).
    pub dans_le_mois: bool,
    /// Saturday or Sunday.
    pub weekend: bool,
    /// The build day.
    pub aujourdhui: bool,
    /// What happens that day (none for a day outside the month).
    pub items: Vec<PlanningItem>,
}

/// A week of a month page, Monday to Sunday.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Semaine {
    /// ISO week number.
    pub numero: u32,
    /// Its seven days.
    pub jours: Vec<Jour>,
    /// Whether any of its days in the month has something.
    pub occupee: bool,
}

/// A month of the planning, of everything or of one person.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct MoisPage {
    /// « septembre 2026 ».
    pub titre: String,
    /// `2026-09`.
    pub mois: String,
    /// Whose planning, for a person's.
    pub personne: Option<PersonRef>,
    /// The names of the days, Monday first.
    pub jours_semaine: Vec<&'static str>,
    /// Its weeks.
    pub semaines: Vec<Semaine>,
    /// Number of items in the month.
    pub nombre: usize,
    /// The previous month with anything.
    pub precedent: Option<Link>,
    /// The next month with anything.
    pub suivant: Option<Link>,
    /// The build day's month (or the nearest with anything), when it is not this one.
    pub courant: Option<Link>,
    /// The feed of this planning.
    pub flux: Flux,
}

/// A month in the planning's index.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct MoisLigne {
    /// Its page.
    pub lien: Link,
    /// Number of items.
    pub nombre: usize,
    /// The month to open first.
    pub courant: bool,
}

/// A person with a planning, in the planning's index.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct PersonneLigne {
    /// Who.
    pub personne: PersonRef,
    /// Their planning's first page.
    pub planning: String,
    /// Their feed.
    pub flux: Flux,
}

/// A session's or club's feed, in the planning's index.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct ActiviteFlux {
    /// The session or club.
    pub activite: Link,
    /// Its feed.
    pub flux: Flux,
}

/// The planning's index page.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct PlanningIndex {
    /// The months with anything.
    pub mois: Vec<MoisLigne>,
    /// The month to open first.
    pub courant: Option<Link>,
    /// The feed of everything.
    pub flux: Flux,
    /// The people with a planning.
    pub personnes: Vec<PersonneLigne>,
    /// The feeds of the sessions and clubs.
    pub activites: Vec<ActiviteFlux>,
}

/// « septembre 2026 ».
pub fn month_title(lang: Lang, m: Month) -> String {
    format!("{} {}", month(lang, m.month), m.year)
}

/// Root-relative URL of a month page, of everything or of person `id`.
fn month_url(person: Option<&str>, m: Month) -> String {
    match person {
        Some(id) => adresses::personne_mois(id, m),
        None => adresses::mois(m),
    }
}

impl View {
    /// The planning's index page.
    pub fn planning_index(&self) -> PlanningIndex {
        let p = &self.planning;
        let lang = self.site.langue;
        let current = p.current(&p.mois);
        let link = |m: Month| Link {
            label: month_title(lang, m),
            url: adresses::mois(m),
        };
        PlanningIndex {
            mois: p
                .mois
                .iter()
                .map(|&m| MoisLigne {
                    lien: link(m),
                    nombre: p.of_month(m, None).len(),
                    courant: Some(m) == current,
                })
                .collect(),
            courant: current.map(link),
            flux: Flux::of(p, adresses::FLUX.to_string()),
            personnes: p
                .personnes
                .iter()
                .filter_map(|person| {
                    Some(PersonneLigne {
                        personne: person.personne.clone(),
                        planning: super::planning::month_link(p, person)?,
                        flux: Flux::of(p, adresses::flux_personne(&person.id)),
                    })
                })
                .collect(),
            activites: p
                .activites
                .iter()
                .map(|a| ActiviteFlux {
                    activite: Link {
                        label: a.titre.clone(),
                        url: super::urls::activite(a.kind, &a.id),
                    },
                    flux: Flux::of(p, adresses::flux_activite(a.kind, &a.id)),
                })
                .collect(),
        }
    }

    /// The page of month `m` of the whole planning, or of the person whose
    /// planning is at `person` in [`Planning::personnes`].
    pub fn planning_mois(&self, m: Month, person: Option<usize>) -> MoisPage {
        let p = &self.planning;
        let lang = self.site.langue;
        let who = person.map(|i| &p.personnes[i]);
        let months = who.map_or(p.mois.as_slice(), |w| w.mois.as_slice());
        let id = who.map(|w| w.id.as_str());
        let link = |m: Month| Link {
            label: month_title(lang, m),
            url: month_url(id, m),
        };
        let items = p.of_month(m, who.map(|w| w.items.as_slice()));
        let position = months.iter().position(|&x| x == m);
        let current = p.current(months).filter(|&c| c != m);
        MoisPage {
            titre: month_title(lang, m),
            mois: m.to_string(),
            personne: who.map(|w| w.personne.clone()),
            jours_semaine: weekdays(lang).to_vec(),
            semaines: weeks(lang, m, p.today, &items),
            nombre: items.len(),
            precedent: position
                .and_then(|i| i.checked_sub(1))
                .and_then(|i| months.get(i))
                .map(|&m| link(m)),
            suivant: position.and_then(|i| months.get(i + 1)).map(|&m| link(m)),
            courant: current.map(link),
            flux: Flux::of(
                p,
                match id {
                    Some(id) => adresses::flux_personne(id),
                    None => adresses::FLUX.to_string(),
                },
            ),
        }
    }

    /// The pages of the planning: its months, then each person's, as
    /// (root-relative URL, month, person index).
    pub fn planning_pages(&self) -> Vec<(String, Month, Option<usize>)> {
        let p = &self.planning;
        let mut pages: Vec<(String, Month, Option<usize>)> = p
            .mois
            .iter()
            .map(|&m| (adresses::mois(m), m, None))
            .collect();
        for (i, person) in p.personnes.iter().enumerate() {
            pages.extend(
                person
                    .mois
                    .iter()
                    .map(|&m| (adresses::personne_mois(&person.id, m), m, Some(i))),
            );
        }
        pages
    }

    /// The feeds: everything, each person's, each session's and club's.
    pub fn planning_feeds(&self) -> Vec<FeedPlan> {
        let p = &self.planning;
        let lang = self.site.langue;
        let mut feeds = vec![FeedPlan {
            path: adresses::FLUX.to_string(),
            name: self.site.titre.clone(),
            items: (0..p.items.len()).collect(),
            owner: None,
        }];
        for person in &p.personnes {
            feeds.push(FeedPlan {
                path: adresses::flux_personne(&person.id),
                name: format!(
                    "{} {}",
                    crate::labels::word(lang, "planning_de"),
                    person.personne.nom
                ),
                items: person.items.clone(),
                owner: Some(person.file),
            });
        }
        for a in &p.activites {
            feeds.push(FeedPlan {
                path: adresses::flux_activite(a.kind, &a.id),
                name: a.titre.clone(),
                items: a.items.clone(),
                owner: None,
            });
        }
        feeds
    }
}

/// One calendar feed to write.
#[derive(Clone, Debug)]
pub struct FeedPlan {
    /// Its root-relative path.
    pub path: String,
    /// The calendar's name.
    pub name: String,
    /// Its items, as indexes into [`Planning::items`].
    pub items: Vec<usize>,
    /// The file of the person whose feed it is (their name and consent).
    pub owner: Option<crate::source::FileId>,
}

/// The weeks of month `m`, Monday first, each day with its items.
fn weeks(lang: Lang, m: Month, today: NaiveDate, items: &[&PlanningItem]) -> Vec<Semaine> {
    let first = m.first_day();
    let mut day = first - Days::new(u64::from(first.weekday().num_days_from_monday()));
    let mut weeks = Vec::new();
    while day <= m.last_day() {
        let mut jours = Vec::with_capacity(7);
        for n in 0..7 {
            let in_month = Month::of(day) == m;
            jours.push(Jour {
                date: day,
                numero: day.day(),
                nom: weekdays(lang)[n],
                dans_le_mois: in_month,
                weekend: matches!(day.weekday(), Weekday::Sat | Weekday::Sun),
                aujourdhui: in_month && day == today,
                items: if in_month {
                    items
                        .iter()
                        .filter(|i| i.date == day)
                        .map(|&i| i.clone())
                        .collect()
                } else {
                    Vec::new()
                },
            });
            day = day + Days::new(1);
        }
        weeks.push(Semaine {
            numero: jours[0].date.iso_week().week(),
            occupee: jours.iter().any(|j| !j.items.is_empty()),
            jours,
        });
    }
    weeks
}
