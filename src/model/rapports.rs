//! The monthly figures of the rapports (SPEC §4): per month that has
//! anything, and per year, what was held by the build day. Only what has
//! happened counts: an atelier, an interview, an event or a mentorship's
//! start or end dated after `today` is left out. Computed once here; the
//! view and the pages only show them.

use super::{Kit, Month, Statut};
use chrono::{Datelike, NaiveDate};
use std::collections::{BTreeMap, BTreeSet};

/// The figures of one period (a month or a year).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Figures {
    /// Sessions with at least one atelier held in the period.
    pub sessions: usize,
    /// Clubs with at least one atelier held in the period.
    pub clubs: usize,
    /// Ateliers (of sessions and clubs) held in the period.
    pub ateliers: usize,
    /// People expected, summed over the ateliers held.
    pub attendus: usize,
    /// People present, summed over the ateliers held.
    pub presents: usize,
    /// Expected people whose presence is not recorded yet.
    pub non_renseignes: usize,
    /// New trainees: people whose first session or club began in the period.
    pub nouveaux: usize,
    /// Mentorships started (`parrainage.debut`).
    pub parrainages_debut: usize,
    /// Mentorships ended (`parrainage.fin`).
    pub parrainages_fin: usize,
    /// Mentoring interviews held.
    pub entretiens: usize,
    /// Events held.
    pub evenements: usize,
    /// Participants marked present at the events held.
    pub participants: usize,
}

impl Figures {
    /// Present people per 100 expected, rounded; none when nobody was expected.
    pub fn taux_presence(&self) -> Option<u32> {
        (self.attendus > 0).then(|| {
            let rate = (self.presents as f64) * 100.0 / (self.attendus as f64);
            rate.round() as u32
        })
    }

    /// Whether nothing at all happened.
    fn is_empty(&self) -> bool {
        *self == Figures::default()
    }
}

/// The figures of one month.
#[derive(Clone, Debug)]
pub struct MonthFigures {
    /// The month.
    pub mois: Month,
    /// Its figures.
    pub figures: Figures,
}

/// The figures of one year and of each of its months that has anything.
#[derive(Clone, Debug)]
pub struct YearFigures {
    /// The year.
    pub annee: i32,
    /// Its totals (sessions and clubs counted once each in the year).
    pub figures: Figures,
    /// Its months that have anything, in order.
    pub mois: Vec<MonthFigures>,
}

/// Every year that has anything, in order.
#[derive(Clone, Debug, Default)]
pub struct Rapports {
    /// The years.
    pub annees: Vec<YearFigures>,
}

/// Counts what happened in each month and year up to `kit.today`.
pub fn compute(kit: &Kit) -> Rapports {
    let today = kit.today;
    let mut months: BTreeMap<Month, Figures> = BTreeMap::new();
    let mut years: BTreeMap<i32, Figures> = BTreeMap::new();
    let mut sessions_by_month: BTreeSet<(Month, usize)> = BTreeSet::new();
    let mut sessions_by_year: BTreeSet<(i32, usize)> = BTreeSet::new();
    let mut clubs_by_month: BTreeSet<(Month, usize)> = BTreeSet::new();
    let mut clubs_by_year: BTreeSet<(i32, usize)> = BTreeSet::new();
    let mut both = |date: NaiveDate, add: &dyn Fn(&mut Figures)| {
        add(months.entry(Month::of(date)).or_default());
        add(years.entry(date.year()).or_default());
    };
    for (list, is_club) in [(&kit.sessions, false), (&kit.clubs, true)] {
        for (i, activity) in list.iter().enumerate() {
            for atelier in activity.ateliers.iter().filter(|a| a.held(today)) {
                let (m, y) = (Month::of(atelier.date), atelier.date.year());
                if is_club {
                    clubs_by_month.insert((m, i));
                    clubs_by_year.insert((y, i));
                } else {
                    sessions_by_month.insert((m, i));
                    sessions_by_year.insert((y, i));
                }
                let count = |s: Statut| atelier.attendance.iter().filter(|a| a.statut == s).count();
                let (expected, present) = (atelier.attendance.len(), count(Statut::Present));
                let unknown = count(Statut::NonRenseigne);
                both(atelier.date, &|f| {
                    f.ateliers += 1;
                    f.attendus += expected;
                    f.presents += present;
                    f.non_renseignes += unknown;
                });
            }
        }
    }
    for personne in &kit.personnes {
        let first = personne
            .sessions
            .iter()
            .map(|&(s, _)| kit.sessions[s].mois)
            .chain(personne.clubs.iter().map(|&(c, _)| kit.clubs[c].mois))
            .min();
        if let Some(first) = first.filter(|m| m.first_day() <= today) {
            both(first.first_day(), &|f| f.nouveaux += 1);
        }
        if let Some(p) = &personne.parrainage {
            if let Some(d) = p.debut.filter(|d| *d <= today) {
                both(d, &|f| f.parrainages_debut += 1);
            }
            if let Some(d) = p.fin.filter(|d| *d <= today) {
                both(d, &|f| f.parrainages_fin += 1);
            }
            for e in p.entretiens.iter().filter(|e| e.date <= today) {
                both(e.date, &|f| f.entretiens += 1);
            }
        }
    }
    for event in kit.evenements.iter().filter(|e| e.date <= today) {
        let present = event.participants.iter().filter(|p| p.present).count();
        both(event.date, &|f| {
            f.evenements += 1;
            f.participants += present;
        });
    }
    for (m, _) in &sessions_by_month {
        months.entry(*m).or_default().sessions += 1;
    }
    for (m, _) in &clubs_by_month {
        months.entry(*m).or_default().clubs += 1;
    }
    for (y, _) in &sessions_by_year {
        years.entry(*y).or_default().sessions += 1;
    }
    for (y, _) in &clubs_by_year {
        years.entry(*y).or_default().clubs += 1;
    }
    let annees = years
        .into_iter()
        .filter(|(_, f)| !f.is_empty())
        .map(|(annee, figures)| YearFigures {
            annee,
            figures,
            mois: months
                .iter()
                .filter(|(m, f)| m.year == annee && !f.is_empty())
                .map(|(m, f)| MonthFigures {
                    mois: *m,
                    figures: f.clone(),
                })
                .collect(),
        })
        .collect();
    Rapports { annees }
}
