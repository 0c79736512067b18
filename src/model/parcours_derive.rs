//! What the model derives, once, for each positive-exit step of a PLIE
//! parcours (SPEC §5, seed 004): its libellé, its FSE axis, the commission
//! expected to validate it and the deadlines that follow from it.
//!
//! Conventions (where the source process words it, its example decides):
//! - months are added with chrono's `checked_add_months`, which keeps the day
//!   or falls back to the month's last day (31 August + 6 months = 28 or 29
//!   February);
//! - « within N months of the commission » ends the day before the same day N
//!   months later: commission 2019-02-07 → file closed by 2019-05-06, letters
//!   sent by 2019-03-06.

use super::commissions::{Commission, CommissionKind};
use chrono::{Datelike, Days, Months, NaiveDate};

/// Days before a comité by which exit steps are linked.
pub const COMITE_DELAI_JOURS: u64 = 15;

/// `date` + `months`, on the same day or the month's last day.
pub fn add_months(date: NaiveDate, months: u32) -> NaiveDate {
    // Record dates have four-digit years: only a bug could go past year 262143.
    date.checked_add_months(Months::new(months))
        .expect("a record date plus a few months is a date")
}

/// The last day of the `months` months that follow `date`.
pub fn within_months(date: NaiveDate, months: u32) -> NaiveDate {
    add_months(date, months)
        .checked_sub_days(Days::new(1))
        .expect("the day before a record date is a date")
}

/// The day from which a commission may validate an exit: the proof of
/// success (else the end of training) + 6 months; the start of employment + 7
/// months.
pub fn commission_from(type_emploi: bool, start: NaiveDate, proof_or_end: NaiveDate) -> NaiveDate {
    if type_emploi {
        add_months(start, 7)
    } else {
        add_months(proof_or_end, 6)
    }
}

/// The commission expected for an exit whose commission may come from `from`:
/// the first meeting of type `commission` on or after that day, or, when the
/// calendar has none that late, 31 December of that day's year (provisional:
/// `None`).
pub fn expected_commission(
    from: NaiveDate,
    calendar: &[Commission],
) -> (NaiveDate, Option<&Commission>) {
    match calendar
        .iter()
        .filter(|m| m.kind == CommissionKind::Commission && m.date >= from)
        .min_by_key(|m| m.date)
    {
        Some(m) => (m.date, Some(m)),
        None => (
            NaiveDate::from_ymd_opt(from.year(), 12, 31).expect("31 December exists"),
            None,
        ),
    }
}

/// The day by which an exit step started on `start` must be linked: the
/// `cloture` of its commission, or 15 days before a comité held before that
/// commission, whichever comes first. A comité less than 15 days after the
/// start cannot be met: the next deadline counts.
pub fn linking_deadline(
    start: NaiveDate,
    commission_date: NaiveDate,
    commission: Option<&Commission>,
    calendar: &[Commission],
) -> Option<NaiveDate> {
    let comites = calendar
        .iter()
        .filter(|m| m.kind != CommissionKind::Commission && m.date <= commission_date)
        .filter_map(|m| m.date.checked_sub_days(Days::new(COMITE_DELAI_JOURS)))
        .filter(|&due| due >= start);
    commission
        .and_then(|c| c.cloture)
        .into_iter()
        .chain(comites)
        .min()
}

/// The words of a libellé's parts, as the seed writes them.
pub struct LibelleParts<'a> {
    /// Training: financeur, intitulé, centre; employment: contrat + temps,
    /// poste, entreprise. Absent parts are left out.
    pub parts: [Option<&'a str>; 3],
    /// The participant, `NOM Prénom`.
    pub nom: &'a str,
}

/// "a / b / c / NOM Prénom", leaving out the parts not known.
pub fn libelle(parts: &LibelleParts) -> String {
    parts
        .parts
        .iter()
        .flatten()
        .map(|p| p.trim())
        .filter(|p| !p.is_empty())
        .chain([parts.nom])
        .collect::<Vec<_>>()
        .join(" / ")
}

/// Working time as the libellé words it: « temps complet », or « temps
/// partiel 40 % » for a share of full time.
pub fn temps_words(share: Option<f64>) -> String {
    match share {
        None => "temps complet".into(),
        Some(s) if s >= 1.0 => "temps complet".into(),
        Some(s) => format!("temps partiel {} %", (s * 100.0).round() as u32),
    }
}

/// The archive year of a file: the year of the exit date.
pub fn archive_year(exit: NaiveDate) -> i32 {
    exit.year()
}
