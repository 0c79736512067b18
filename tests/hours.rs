//! Hours of ateliers and events (`heure_debut`, `heure_fin`, `duree`, a
//! session's or club's `horaires`): each rule fed a bad value and checked for
//! its message and place; the hours shown on pages and attendance sheets; the
//! total of hours attended, the date and the « Fait à » of the attestation.
//! Expected values are written by hand from the input.

mod common;

use chrono::NaiveTime;
use common::check;

const SESSION: &str = "data/sessions/s-2026-09.yaml";
const EVENT: &str = "data/evenements/visite.yaml";

/// A session with one atelier whose hour fields (indented for the list item)
/// start on line 6.
fn session_atelier(hours: &str) -> String {
    format!(
        "mois: \"2026-09\"\nateliers:\n  - date: \"2026-09-07\"\n    intitule: CV\n    cycle: 1\n{hours}"
    )
}

/// An event whose hour fields start on line 3.
fn event(hours: &str) -> String {
    format!("titre: Visite\ndate: \"2026-09-18\"\n{hours}")
}

fn hm(h: u32, m: u32) -> Option<NaiveTime> {
    NaiveTime::from_hms_opt(h, m, 0)
}

#[test]
fn hours_written_in_the_usual_ways_are_read_and_the_third_is_derived() {
    let k = check(&[
        (
            SESSION,
            "mois: \"2026-09\"\nhoraires: { heure_debut: \"9h\", duree: \"3h\" }\nateliers:\n  \
             - { date: \"2026-09-07\", cycle: 1, heure_debut: \"14:00\", heure_fin: \"16h30\" }\n  \
             - { date: \"2026-09-08\", cycle: 1, duree: \"90 min\" }\n  \
             - { date: \"2026-09-09\", cycle: 1 }\n",
        ),
        (EVENT, &event("heure_fin: \"12:00\"\nduree: \"1h30\"\n")),
    ]);
    k.assert_clean();
    let ateliers = &k.session("s-2026-09").ateliers;
    let own = ateliers[0].horaire;
    assert_eq!(
        (own.debut, own.fin, own.minutes),
        (hm(14, 0), hm(16, 30), Some(150))
    );
    // An atelier that writes any hour field does not take the defaults.
    let length_only = ateliers[1].horaire;
    assert_eq!(
        (length_only.debut, length_only.fin, length_only.minutes),
        (None, None, Some(90))
    );
    let default = ateliers[2].horaire;
    assert_eq!(
        (default.debut, default.fin, default.minutes),
        (hm(9, 0), hm(12, 0), Some(180))
    );
    let e = k.kit.evenements[0].horaire;
    assert_eq!(
        (e.debut, e.fin, e.minutes),
        (hm(10, 30), hm(12, 0), Some(90))
    );
}

#[test]
fn a_badly_written_time_is_an_error_at_it() {
    let k = check(&[
        (SESSION, &session_atelier("    heure_debut: \"9.30\"\n")),
        (
            EVENT,
            &event("heure_debut: \"14:00\"\nheure_fin: \"25:00\"\n"),
        ),
    ]);
    let d = k.error_at("heure mal écrite « 9.30 »", &format!("{SESSION}:6:18"));
    assert!(d.expected.as_deref().unwrap().contains("\"9h30\""));
    k.error_at("heure mal écrite « 25:00 »", &format!("{EVENT}:4:12"));
}

#[test]
fn an_end_before_the_start_is_an_error_at_the_end() {
    let k = check(&[
        (
            SESSION,
            &session_atelier("    heure_debut: \"14:00\"\n    heure_fin: \"12:00\"\n"),
        ),
        (
            EVENT,
            &event("heure_debut: \"10:00\"\nheure_fin: \"10:00\"\n"),
        ),
    ]);
    let d = k.error_at(
        "l'atelier finit à 12:00 mais commence à 14:00",
        &format!("{SESSION}:7:16"),
    );
    assert!(
        d.expected
            .as_deref()
            .unwrap()
            .contains("après l'heure de début")
    );
    k.error_at(
        "l'événement finit à 10:00 mais commence à 10:00",
        &format!("{EVENT}:4:12"),
    );
}

#[test]
fn a_length_that_contradicts_the_end_is_an_error_at_the_length() {
    let k = check(&[(
        SESSION,
        &session_atelier(
            "    heure_debut: \"09:30\"\n    heure_fin: \"12:00\"\n    duree: \"2h\"\n",
        ),
    )]);
    let d = k.error_at(
        "la durée 2h ne correspond pas aux heures 09:30 – 12:00 (2h30)",
        &format!("{SESSION}:8:12"),
    );
    assert!(d.expected.as_deref().unwrap().contains("pas les deux"));
    // Agreeing values are fine.
    check(&[(
        SESSION,
        &session_atelier(
            "    heure_debut: \"09:30\"\n    heure_fin: \"12:00\"\n    duree: \"2h30\"\n",
        ),
    )])
    .assert_clean();
}

#[test]
fn a_badly_written_or_impossible_length_is_an_error_at_it() {
    let k = check(&[
        (SESSION, &session_atelier("    duree: \"1,5h\"\n")),
        (EVENT, &event("duree: 90\n")),
        (
            "data/clubs/c.yaml",
            "mois: \"2026-09\"\nhoraires: { duree: \"0 min\" }\n",
        ),
    ]);
    let d = k.error_at("durée mal écrite « 1,5h »", &format!("{SESSION}:6:12"));
    assert!(d.expected.as_deref().unwrap().contains("\"90 min\""));
    k.error_at("durée sans unité « 90 »", &format!("{EVENT}:3:8"));
    k.error_at("durée impossible « 0 min »", "data/clubs/c.yaml:2:20");
}

#[test]
fn an_end_without_start_or_a_length_past_midnight_is_an_error() {
    let k = check(&[
        (SESSION, &session_atelier("    heure_fin: \"12:00\"\n")),
        (EVENT, &event("heure_debut: \"22:00\"\nduree: \"3h\"\n")),
    ]);
    k.error_at(
        "l'atelier a une heure de fin sans heure de début",
        &format!("{SESSION}:6:16"),
    );
    k.error_at(
        "avec la durée 3h, l'événement déborde sur le lendemain",
        &format!("{EVENT}:4:8"),
    );
}

#[test]
fn default_hours_of_a_session_are_checked_where_written() {
    let k = check(&[(
        SESSION,
        "mois: \"2026-09\"\nhoraires:\n  heure_debut: \"midi\"\nateliers:\n  \
         - { date: \"2026-09-07\", cycle: 1 }\n",
    )]);
    k.error_at("heure mal écrite « midi »", &format!("{SESSION}:3:16"));
}

#[test]
fn an_attestation_date_to_come_is_a_warning_and_a_bad_one_an_error() {
    let k = check(&[
        (
            SESSION,
            "mois: \"2026-09\"\ndate_attestation: \"2026-12-15\"\nateliers:\n  \
             - { date: \"2026-09-07\", cycle: 1 }\n",
        ),
        (EVENT, &event("date_attestation: \"2026-13-01\"\n")),
    ]);
    k.warning_at(
        "attestation de participation datée du 2026-12-15, après aujourd'hui",
        &format!("{SESSION}:2:19"),
    );
    assert_eq!(k.errors().len(), 1, "{}", k.dump());
    assert!(k.errors()[0].message.contains("2026-13-01"), "{}", k.dump());
}
