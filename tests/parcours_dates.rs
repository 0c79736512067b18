//! The PLIE date rules at their boundaries (seed 004, SPEC §5): month ends,
//! leap years, a meeting on the very day, an empty calendar.

use carnet::model::commissions::{Commission, CommissionKind};
use carnet::model::parcours_derive::{
    add_months, commission_from, expected_commission, linking_deadline, within_months,
};
use chrono::NaiveDate;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("a valid date")
}

fn meeting(date: NaiveDate, cloture: Option<NaiveDate>, kind: CommissionKind) -> Commission {
    Commission {
        date,
        cloture,
        kind,
    }
}

#[test]
fn months_fall_back_to_the_last_day_of_a_shorter_month() {
    assert_eq!(add_months(d(2026, 8, 31), 6), d(2027, 2, 28));
    assert_eq!(add_months(d(2027, 8, 31), 6), d(2028, 2, 29));
    assert_eq!(add_months(d(2027, 7, 31), 7), d(2028, 2, 29));
    assert_eq!(add_months(d(2026, 3, 31), 3), d(2026, 6, 30));
}

#[test]
fn within_three_months_of_the_commission_is_the_seed_example() {
    assert_eq!(within_months(d(2019, 2, 7), 3), d(2019, 5, 6));
    assert_eq!(within_months(d(2019, 2, 7), 1), d(2019, 3, 6));
    // 30 November + 3 months = 29 February 2028, the file closed by the 28th.
    assert_eq!(within_months(d(2027, 11, 30), 3), d(2028, 2, 28));
}

#[test]
fn training_counts_six_months_from_its_proof_employment_seven_from_its_start() {
    assert_eq!(
        commission_from(false, d(2026, 1, 5), d(2026, 8, 31)),
        d(2027, 2, 28)
    );
    assert_eq!(
        commission_from(true, d(2026, 7, 31), d(2026, 12, 31)),
        d(2027, 2, 28)
    );
}

#[test]
fn the_first_commission_on_or_after_the_day() {
    let calendar = [
        meeting(
            d(2027, 2, 4),
            Some(d(2027, 1, 21)),
            CommissionKind::Commission,
        ),
        meeting(d(2027, 3, 18), None, CommissionKind::ComitePilotage),
        meeting(d(2027, 6, 10), None, CommissionKind::Commission),
    ];
    assert_eq!(
        expected_commission(d(2027, 2, 4), &calendar).0,
        d(2027, 2, 4)
    );
    assert_eq!(
        expected_commission(d(2027, 2, 5), &calendar).0,
        d(2027, 6, 10)
    );
    let (late, none) = expected_commission(d(2027, 6, 11), &calendar);
    assert_eq!((late, none), (d(2027, 12, 31), None));
    assert_eq!(expected_commission(d(2026, 1, 1), &[]).0, d(2026, 12, 31));
}

#[test]
fn linking_is_due_at_the_cloture_or_fifteen_days_before_a_comite() {
    let commission = meeting(
        d(2027, 6, 10),
        Some(d(2027, 5, 27)),
        CommissionKind::Commission,
    );
    let comite = meeting(d(2027, 3, 18), None, CommissionKind::ComiteTechnique);
    let calendar = [comite.clone(), commission.clone()];
    // Started before the comité: 15 days before it.
    assert_eq!(
        linking_deadline(d(2027, 1, 4), commission.date, Some(&commission), &calendar),
        Some(d(2027, 3, 3))
    );
    let due = |start: NaiveDate, calendar: &[Commission]| {
        linking_deadline(start, commission.date, Some(&commission), calendar)
    };
    // Started exactly 15 days before the comité: linked by that day.
    assert_eq!(due(d(2027, 3, 3), &calendar), Some(d(2027, 3, 3)));
    // Started one day later: the comité cannot be met, the cloture counts.
    assert_eq!(due(d(2027, 3, 4), &calendar), Some(d(2027, 5, 27)));
    // A comité after the commission does not count.
    let late = [
        commission.clone(),
        meeting(d(2027, 6, 24), None, CommissionKind::ComiteTechnique),
    ];
    assert_eq!(due(d(2027, 1, 4), &late), Some(d(2027, 5, 27)));
}
