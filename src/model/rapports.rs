//! The monthly figures of the rapports (SPEC §4): per month that has
//! anything, and per year, what was held by the build day. Only what has
//! happened counts: an atelier, an interview, an event or a mentorship's
//! start or end dated after `today` is left out. Computed once here; the
//! view and the pages only show them.
//!
//! Positive exits of a PLIE (SPEC §5) count in the month their exit step
//! starts: the day the person entered the durable job or the qualifying
//! training, the event that opens the seed's exit procedure (the parcours's
//! own exit date exists only for its last step, once the file is closed, so
//! it cannot date a training exit). An interrupted step is not a positive
//! exit. An exit counts as validated in the month of the commission that
//! examined it, once that commission is held: the one the parcours records
//! (`sortie.commission`), or the expected one of the calendar when the step
//! was linked (`liaison`) by its day.

use super::parcours::{Etape, EtapeType, Parcours};
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
    /// PLIE: positive exits into qualifying training (FSE axis 4) started.
    pub sorties_formation: usize,
    /// PLIE: positive exits into durable employment (FSE axis 1) started.
    pub sorties_emploi: usize,
    /// PLIE: positive exits validated by a commission held in the period.
    pub sorties_validees: usize,
}

impl Figures {
    /// Present people out of expected ones (0.5 for half); none when nobody
    /// was expected.
    pub fn presence_ratio(&self) -> Option<f64> {
        (self.attendus > 0).then(|| (self.presents as f64) / (self.attendus as f64))
    }

    /// Present people per 100 expected, rounded; none when nobody was expected.
    pub fn taux_presence(&self) -> Option<u32> {
        self.presence_ratio().map(|r| (r * 100.0).round() as u32)
    }

    /// Positive exits started, training and employment.
    pub fn sorties(&self) -> usize {
        self.sorties_formation + self.sorties_emploi
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
    /// Whether the kit has PLIE data (data/commissions.yaml or a parcours):
    /// only then are positive exits shown.
    pub plie: bool,
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
    for parcours in &kit.parcours {
        for etape in &parcours.etapes {
            if etape.sortie.is_none() {
                continue;
            }
            if etape.debut <= today {
                let training = etape.type_etape == EtapeType::Formation;
                both(etape.debut, &|f| {
                    if training {
                        f.sorties_formation += 1;
                    } else {
                        f.sorties_emploi += 1;
                    }
                });
            }
            if let Some(day) = validated_on(parcours, etape, today) {
                both(day, &|f| f.sorties_validees += 1);
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
    let plie = !kit.parcours.is_empty() || kit.sources.find(crate::load::COMMISSIONS).is_some();
    Rapports { annees, plie }
}

/// The day of the commission that validated the exit step `etape`, once it
/// is held (by `today`): the one its parcours records, else the expected one
/// of the calendar (not a provisional 31 December) if the step was linked by
/// that day. None for a step that is not a positive exit.
fn validated_on(parcours: &Parcours, etape: &Etape, today: NaiveDate) -> Option<NaiveDate> {
    let sortie = etape.sortie.as_ref()?;
    let recorded = sortie.finale
        && parcours
            .sortie
            .as_ref()
            .and_then(|s| s.commission)
            .is_some();
    let linked = etape.liaison.is_some_and(|l| l <= sortie.commission);
    let examined = recorded || (linked && !sortie.provisoire);
    (examined && sortie.commission <= today).then_some(sortie.commission)
}
