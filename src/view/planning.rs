//! The planning: every dated thing of the kit as one typed list
//! ([`PlanningItem`]: ateliers of sessions and clubs, events, the weekly
//! coordination meeting), the months that have anything, and who is
//! concerned (tutors, trainers, event responsables), for the month pages
//! ([`super::planning_pages`]), the calendar feeds and the tableau de bord.
//!
//! Built from the profile's own views, so it shows what the public pages
//! show: a name the person did not consent to publish is the neutral label,
//! and such a person has no planning of their own.

use super::heure::Horaire;
use super::{ActivityView, EventView, PersonRef};
/// A calendar month (`2026-09`), for the renderers (which do not read the model).
pub use crate::model::Month;
use crate::model::{ActivityKind, Kit};
use crate::source::FileId;
use chrono::{Datelike, Days, NaiveDate};
use schemars::JsonSchema;
use serde::Serialize;
use std::collections::BTreeMap;

/// What kind of dated thing an item is. A kind of record that brings dates
/// (a PLIE commission) is one more variant here, one more loop in
/// [`Planning::new`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum ItemKind {
    /// An atelier of a session.
    Session,
    /// An atelier of a club.
    Club,
    /// An event.
    Evenement,
    /// The weekly coordination meeting (carnet.yaml).
    Coordination,
    /// A PLIE commission or comité, or the last day to link exit steps for a
    /// commission (data/commissions.yaml; internal profile only).
    Commission,
}

/// One dated thing.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct PlanningItem {
    /// What it is.
    pub kind: ItemKind,
    /// Its identity in calendars, the same in every build: the kind, the
    /// record's id, the day (and the start time, or the title, when a record
    /// has two things on one day). Never an index that moves when other
    /// records change.
    pub uid: String,
    /// Day.
    pub date: NaiveDate,
    /// Hours, when known (`heure_debut`, `heure_fin`, `duree`).
    #[serde(flatten)]
    pub horaire: Horaire,
    /// Title (the atelier's, the event's).
    pub titre: String,
    /// What it belongs to (« Session 3 (septembre 2026) ») for an atelier.
    pub contexte: Option<String>,
    /// Place, when known.
    pub lieu: Option<String>,
    /// Root-relative URL of its fiche, when there is one.
    pub url: Option<String>,
    /// Who is concerned: tutors and trainers, the event's responsable.
    pub personnes: Vec<PersonRef>,
    /// The ids of those concerned who have a planning of their own.
    #[serde(skip)]
    pub qui: Vec<String>,
    /// The session or club it belongs to (its feed).
    #[serde(skip)]
    pub activite: Option<(ActivityKind, String)>,
    /// Files it is made from (its record, the people it names).
    #[serde(skip)]
    pub inputs: Vec<FileId>,
}

/// A person's own planning (tutor, trainer, event responsable).
#[derive(Clone, Debug)]
pub struct PersonPlanning {
    /// Their id.
    pub id: String,
    /// Their name and fiche.
    pub personne: PersonRef,
    /// Their file (their name and consent).
    pub file: FileId,
    /// Their items, as indexes into [`Planning::items`].
    pub items: Vec<usize>,
    /// The months they have something in.
    pub mois: Vec<Month>,
}

/// A session's or a club's feed.
#[derive(Clone, Debug)]
pub struct ActivityFeed {
    /// Session or club.
    pub kind: ActivityKind,
    /// Its id.
    pub id: String,
    /// Its title.
    pub titre: String,
    /// Its items, as indexes into [`Planning::items`].
    pub items: Vec<usize>,
}

/// Every dated thing, and who is concerned.
#[derive(Clone, Debug, Default)]
pub struct Planning {
    /// Every item, by day, start time and title.
    pub items: Vec<PlanningItem>,
    /// The months that have anything, in order.
    pub mois: Vec<Month>,
    /// The people with a planning of their own, by name.
    pub personnes: Vec<PersonPlanning>,
    /// The feeds of the sessions and clubs that have ateliers.
    pub activites: Vec<ActivityFeed>,
    /// The site's public address (carnet.yaml `base_url`), ending with `/`.
    pub base_url: Option<String>,
    /// The build day.
    pub today: NaiveDate,
    /// The right-hand part of the feeds' UIDs: the organisation's name (or
    /// the site's title) as a slug, so that two organisations' calendars
    /// never share a UID.
    pub uid_domain: String,
}

/// The people of `refs` at these indexes, with the ids of those who have a
/// fiche for this profile (and so may have a planning).
fn concerned(kit: &Kit, refs: &[PersonRef], who: &[usize]) -> (Vec<PersonRef>, Vec<String>) {
    let people = who.iter().map(|&p| refs[p].clone()).collect();
    let ids = who
        .iter()
        .filter(|&&p| refs[p].url.is_some())
        .map(|&p| kit.personnes[p].id.clone())
        .collect();
    (people, ids)
}

/// `session` or `club`, for UIDs.
fn kind_code(kind: ActivityKind) -> &'static str {
    match kind {
        ActivityKind::Session => "session",
        ActivityKind::Club => "club",
    }
}

/// `20260915`, for UIDs.
fn compact(date: NaiveDate) -> String {
    date.format("%Y%m%d").to_string()
}

impl Planning {
    /// The planning of a profile, from the views of its sessions, clubs and events.
    pub(super) fn new(
        kit: &Kit,
        refs: &[PersonRef],
        activities: [&[ActivityView]; 2],
        events: &[EventView],
        internal: bool,
    ) -> Planning {
        let mut items = Vec::new();
        for (views, model) in activities.iter().zip([&kit.sessions, &kit.clubs]) {
            for (view, a) in views.iter().zip(model.iter()) {
                let kind = match a.kind {
                    ActivityKind::Session => ItemKind::Session,
                    ActivityKind::Club => ItemKind::Club,
                };
                // A tutor who is also a trainer is named once.
                let mut who: Vec<usize> = Vec::new();
                for &p in a.tuteurs.iter().chain(&a.formateurs) {
                    if !who.contains(&p) {
                        who.push(p);
                    }
                }
                let (personnes, qui) = concerned(kit, refs, &who);
                let mut inputs = vec![a.file];
                inputs.extend(who.iter().map(|&p| kit.personnes[p].file));
                for at in &a.ateliers {
                    items.push(PlanningItem {
                        kind,
                        uid: format!("{}-{}-{}", kind_code(a.kind), a.id, compact(at.date)),
                        date: at.date,
                        horaire: at.horaire.into(),
                        titre: at.intitule.clone(),
                        contexte: Some(view.titre.clone()),
                        lieu: None,
                        url: Some(view.url.clone()),
                        personnes: personnes.clone(),
                        qui: qui.clone(),
                        activite: Some((a.kind, a.id.clone())),
                        inputs: inputs.clone(),
                    });
                }
            }
        }
        for (view, e) in events.iter().zip(&kit.evenements) {
            let who: Vec<usize> = e.responsable.into_iter().collect();
            let (personnes, qui) = concerned(kit, refs, &who);
            let mut inputs = vec![e.file];
            inputs.extend(who.iter().map(|&p| kit.personnes[p].file));
            items.push(PlanningItem {
                kind: ItemKind::Evenement,
                uid: format!("evenement-{}-{}", e.id, compact(e.date)),
                date: e.date,
                horaire: e.horaire.into(),
                titre: e.titre.clone(),
                contexte: None,
                lieu: view.lieu.clone(),
                url: Some(view.url.clone()),
                personnes,
                qui,
                activite: None,
                inputs,
            });
        }
        if internal {
            items.extend(commission_items(kit));
        }
        let mut mois: Vec<Month> = items.iter().map(|i| Month::of(i.date)).collect();
        mois.sort_unstable();
        mois.dedup();
        if let (Some(c), Some(first), Some(last)) = (
            kit.config.coordination.as_ref(),
            mois.first().copied(),
            mois.last().copied(),
        ) {
            items.extend(coordination_items(kit, c, first, last));
            // The meeting fills every week between the first and the last month.
            mois = months_between(first, last);
        }
        items.sort_by(|a, b| {
            (a.date, a.horaire.heure_debut, &a.titre, &a.uid).cmp(&(
                b.date,
                b.horaire.heure_debut,
                &b.titre,
                &b.uid,
            ))
        });
        distinct_uids(&mut items);
        let personnes = person_plannings(kit, refs, &items);
        let activites = activity_feeds(activities, &items);
        Planning {
            items,
            mois,
            personnes,
            activites,
            base_url: kit.config.base_url.clone(),
            today: kit.today,
            uid_domain: format!(
                "{}.carnet",
                crate::id::slug(if kit.config.organisation.is_empty() {
                    &kit.config.titre
                } else {
                    &kit.config.organisation
                })
            ),
        }
    }

    /// The items of `month`, among `only` when given (a person's).
    pub fn of_month(&self, month: Month, only: Option<&[usize]>) -> Vec<&PlanningItem> {
        let in_month = |i: &&PlanningItem| Month::of(i.date) == month;
        match only {
            Some(list) => list
                .iter()
                .map(|&i| &self.items[i])
                .filter(in_month)
                .collect(),
            None => self.items.iter().filter(in_month).collect(),
        }
    }

    /// The items from the Monday of `today`'s week to the Sunday of the next.
    pub fn this_week_and_next(&self) -> Vec<PlanningItem> {
        let monday = self.today - Days::new(u64::from(self.today.weekday().num_days_from_monday()));
        let sunday = monday + Days::new(13);
        self.items
            .iter()
            .filter(|i| i.date >= monday && i.date <= sunday)
            .cloned()
            .collect()
    }

    /// The month to open first among `months`: the build day's, else the nearest.
    pub fn current(&self, months: &[Month]) -> Option<Month> {
        let today = Month::of(self.today);
        let index = |m: &Month| m.year * 12 + m.month as i32;
        months
            .iter()
            .min_by_key(|m| ((index(m) - index(&today)).abs(), index(m)))
            .copied()
    }
}

/// Every month from `first` to `last`.
fn months_between(first: Month, last: Month) -> Vec<Month> {
    let mut all = vec![first];
    let mut m = first;
    while m < last {
        m = m.next();
        all.push(m);
    }
    all
}

/// The PLIE calendar: each commission and comité, and the last day to link
/// exit steps for each commission, linked to the sorties page.
fn commission_items(kit: &Kit) -> Vec<PlanningItem> {
    use crate::model::commissions::CommissionKind;
    let lang = kit.config.langue;
    let item = |code: &str, date: NaiveDate, key: &'static str| PlanningItem {
        kind: ItemKind::Commission,
        uid: format!("{code}-{}", compact(date)),
        date,
        horaire: Horaire::default(),
        titre: crate::labels::word(lang, key).to_string(),
        contexte: None,
        lieu: None,
        url: Some(super::urls::SORTIES.to_string()),
        personnes: Vec::new(),
        qui: Vec::new(),
        activite: None,
        inputs: vec![super::plie::calendar_file()],
    };
    let mut items = Vec::new();
    for c in &kit.commissions {
        let (code, key) = match c.kind {
            CommissionKind::Commission => ("commission", "planning_commission"),
            CommissionKind::ComiteTechnique => ("comite-technique", "planning_comite_technique"),
            CommissionKind::ComitePilotage => ("comite-pilotage", "planning_comite_pilotage"),
        };
        items.push(item(code, c.date, key));
        if let Some(cloture) = c.cloture {
            items.push(item(
                "cloture-liaisons",
                cloture,
                "planning_cloture_liaisons",
            ));
        }
    }
    items
}

/// The coordination meeting on its day of every week from the first day of
/// `first` to the last day of `last`.
fn coordination_items(
    kit: &Kit,
    c: &crate::model::config::Coordination,
    first: Month,
    last: Month,
) -> Vec<PlanningItem> {
    let start = first.first_day();
    let offset = (c.weekday + 7 - start.weekday().num_days_from_monday()) % 7;
    let mut day = start + Days::new(u64::from(offset));
    let mut items = Vec::new();
    let titre = crate::labels::word(kit.config.langue, "coordination").to_string();
    while day <= last.last_day() {
        items.push(PlanningItem {
            kind: ItemKind::Coordination,
            uid: format!("coordination-{}", compact(day)),
            date: day,
            horaire: Horaire {
                heure_debut: c.heure.map(super::heure::Heure),
                heure_fin: None,
                duree: None,
            },
            titre: titre.clone(),
            contexte: None,
            lieu: Some(c.lieu.clone()).filter(|l| !l.is_empty()),
            url: None,
            personnes: Vec::new(),
            qui: Vec::new(),
            activite: None,
            inputs: Vec::new(),
        });
        day = day + Days::new(7);
    }
    items
}

/// Two things of one record on one day (a morning and an afternoon atelier)
/// tell their UIDs apart by their start time, else by their title, and as a
/// last resort by their order in that record: a UID depends on its record alone.
fn distinct_uids(items: &mut [PlanningItem]) {
    suffix_shared(items, |item, _| match item.horaire.heure_debut {
        Some(h) => h.0.format("%H%M").to_string(),
        None => crate::id::slug(&item.titre),
    });
    suffix_shared(items, |_, n| n.to_string());
}

/// Adds `suffix(item, n)` to the UID of the `n`th item (from 1) of each UID
/// that several items share.
fn suffix_shared(items: &mut [PlanningItem], suffix: impl Fn(&PlanningItem, usize) -> String) {
    let mut count: BTreeMap<String, usize> = BTreeMap::new();
    for item in items.iter() {
        *count.entry(item.uid.clone()).or_default() += 1;
    }
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for item in items.iter_mut() {
        if count[&item.uid] > 1 {
            let n = seen.entry(item.uid.clone()).or_default();
            *n += 1;
            item.uid = format!("{}-{}", item.uid, suffix(item, *n));
        }
    }
}

/// The plannings of the people concerned by any item, by name.
fn person_plannings(kit: &Kit, refs: &[PersonRef], items: &[PlanningItem]) -> Vec<PersonPlanning> {
    let mut by_id: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, item) in items.iter().enumerate() {
        for id in &item.qui {
            let list = by_id.entry(id.as_str()).or_default();
            if list.last() != Some(&i) {
                list.push(i);
            }
        }
    }
    let mut list: Vec<PersonPlanning> = kit
        .personnes
        .iter()
        .enumerate()
        .filter_map(|(p, person)| {
            let mine = by_id.get(person.id.as_str())?.clone();
            let mut mois: Vec<Month> = mine.iter().map(|&i| Month::of(items[i].date)).collect();
            mois.dedup();
            Some(PersonPlanning {
                id: person.id.clone(),
                personne: refs[p].clone(),
                file: person.file,
                items: mine,
                mois,
            })
        })
        .collect();
    list.sort_by(|a, b| a.personne.sort.cmp(&b.personne.sort));
    list
}

/// The feeds of the sessions and clubs that have ateliers.
fn activity_feeds(activities: [&[ActivityView]; 2], items: &[PlanningItem]) -> Vec<ActivityFeed> {
    activities
        .iter()
        .flat_map(|views| views.iter())
        .filter_map(|a| {
            let mine: Vec<usize> = items
                .iter()
                .enumerate()
                .filter(|(_, i)| {
                    i.activite
                        .as_ref()
                        .is_some_and(|(k, id)| *k == a.kind && *id == a.id)
                })
                .map(|(n, _)| n)
                .collect();
            (!mine.is_empty()).then(|| ActivityFeed {
                kind: a.kind,
                id: a.id.clone(),
                titre: a.titre.clone(),
                items: mine,
            })
        })
        .collect()
}

/// Addresses of the planning's pages and feeds.
pub mod adresses {
    use crate::model::{ActivityKind, Month};

    /// The planning's index.
    pub const INDEX: &str = "planning/index.html";

    /// The month page of the whole planning.
    pub fn mois(month: Month) -> String {
        format!("planning/{month}.html")
    }

    /// A person's month page.
    pub fn personne_mois(id: &str, month: Month) -> String {
        format!("planning/personnes/{id}/{month}.html")
    }

    /// The feed of everything.
    pub const FLUX: &str = "planning/planning.ics";

    /// A person's feed.
    pub fn flux_personne(id: &str) -> String {
        format!("planning/personnes/{id}.ics")
    }

    /// A session's or club's feed.
    pub fn flux_activite(kind: ActivityKind, id: &str) -> String {
        match kind {
            ActivityKind::Session => format!("planning/sessions/{id}.ics"),
            ActivityKind::Club => format!("planning/clubs/{id}.ics"),
        }
    }
}

/// The link to the month to open first of `p`'s planning.
pub(super) fn month_link(planning: &Planning, p: &PersonPlanning) -> Option<String> {
    let month = planning.current(&p.mois)?;
    Some(adresses::personne_mois(&p.id, month))
}

/// Gives each fiche its inputs (`inputs`, one list per fiche, in order) and,
/// for someone with a planning, the link to it, making the files that name
/// them (their sessions, clubs, events) inputs of it too. A fiche shared
/// with the previous view ([`super::reuse`]) is copied only when its link
/// or its inputs differ.
pub(super) fn link_fiches(
    planning: &Planning,
    personnes: &mut [std::sync::Arc<super::PersonView>],
    inputs: Vec<Vec<crate::source::FileId>>,
) {
    // Each planning by person id, found in one lookup (not a scan of the
    // plannings, which are in name order, for each of 10,000 fiches).
    let by_id: std::collections::HashMap<&str, &PersonPlanning> = planning
        .personnes
        .iter()
        .map(|p| (p.id.as_str(), p))
        .collect();
    for (fiche, mut inputs) in personnes.iter_mut().zip(inputs) {
        let mut link = None;
        if let Some(p) = by_id.get(fiche.id.as_str()) {
            link = month_link(planning, p);
            for &i in &p.items {
                inputs.extend(planning.items[i].inputs.iter().copied());
            }
            inputs.sort_unstable();
            inputs.dedup();
        }
        if fiche.planning != link || fiche.inputs != inputs {
            let fiche = std::sync::Arc::make_mut(fiche);
            fiche.planning = link;
            fiche.inputs = inputs;
        }
    }
}

/// Gives each session and club page with ateliers the link to its feed.
pub(super) fn link_activities(planning: &Planning, activities: &mut [ActivityView]) {
    for a in activities {
        if planning
            .activites
            .iter()
            .any(|f| f.kind == a.kind && f.id == a.id)
        {
            a.flux = Some(super::planning_pages::Flux::of(
                planning,
                adresses::flux_activite(a.kind, &a.id),
            ));
        }
    }
}
