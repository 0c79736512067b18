//! The planning as its readers use it (build day Thursday 2026-11-26): the
//! calendar feeds read back by a real iCalendar parser (hours in
//! Europe/Paris, all-day events ending the next day, UIDs that survive
//! other records changing, text escaped and folded), the month grid and
//! the per-person pages, the tableau de bord's two weeks, and the public
//! profile keeping a refused name out of every feed.

mod common;

use carnet::Profile;
use icalendar::{Calendar, CalendarDateTime, Component, DatePerhapsTime, Event, EventLike};

const CONFIG: &str = "titre: Essai
organisation: Association Essai
coordination: { jour: mardi, heure: \"09:30\", lieu: \"Salle 2\" }
";

/// The tutor of the session.
const MARTIN: &str = "civilite: Mme\nnom: Martin\nprenom: Claire\nroles: [tuteur]\n";
/// The club's tutor and the forum's responsable.
const LACROIX: &str = "civilite: M.\nnom: Lacroix\nprenom: Bernard\nroles: [tuteur]\n";
/// The canary: the session's trainer, who refused to have her name published.
const CANARI: &str =
    "civilite: Mme\nnom: Canari\nprenom: Zoé\nroles: [formateur]\nannuaire:\n  nom: false\n";

/// A long accented title: more than 75 octets on its content line.
const LONG: &str =
    "Préparer l'entretien d'embauche : présentation, questions fréquentes, réponses élaborées";

/// Tuesday 3 November 9:00–12:00; Saturday 28 all day; Monday 30 with a
/// title holding `;`, `,` and a line break; Wednesday 25 the long title.
fn session() -> String {
    format!(
        "numero: 7
mois: \"2026-11\"
tuteurs: [martin-claire]
formateurs: [canari-zoe]
ateliers:
  - date: \"2026-11-03\"
    intitule: Atelier CV
    cycle: 1
    heure_debut: \"09:00\"
    heure_fin: \"12:00\"
  - date: \"2026-11-28\"
    intitule: Atelier du samedi
    cycle: 2
  - date: \"2026-11-30\"
    intitule: \"Bilan; étape 1, suite\\nligne 2\"
    cycle: 2
  - date: \"2026-11-25\"
    intitule: \"{LONG}\"
    cycle: 2
"
    )
}

/// A club in October and November, tutored by Lacroix.
const CLUB: &str = "mois: \"2026-10\"
tuteur: lacroix-bernard
ateliers:
  - date: \"2026-10-15\"
    intitule: Club offres
  - date: \"2026-11-19\"
    intitule: Club réseau
";

/// Friday 20 November, 14:00 for 2 hours, Lacroix in charge.
const FORUM: &str = "type: salon
titre: Forum emploi
date: \"2026-11-20\"
heure_debut: \"14:00\"
duree: 2h
lieu: Mairie, salle des fêtes
responsable: lacroix-bernard
";

fn files() -> Vec<(&'static str, String)> {
    vec![
        ("carnet.yaml", CONFIG.to_string()),
        ("data/personnes/martin-claire.yaml", MARTIN.to_string()),
        ("data/personnes/lacroix-bernard.yaml", LACROIX.to_string()),
        ("data/personnes/canari-zoe.yaml", CANARI.to_string()),
        ("data/sessions/2026-11.yaml", session()),
        ("data/clubs/club-2026-10.yaml", CLUB.to_string()),
        ("data/evenements/forum.yaml", FORUM.to_string()),
    ]
}

fn read(built: &common::BuiltKit, path: &str) -> String {
    std::fs::read_to_string(built.out.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The events of a feed, parsed by the icalendar crate's parser.
fn events(text: &str) -> Vec<Event> {
    let calendar: Calendar = text.parse().expect("a feed the parser reads");
    calendar.events().cloned().collect()
}

/// The event whose summary starts with `summary`.
fn event<'a>(events: &'a [Event], summary: &str) -> &'a Event {
    events
        .iter()
        .find(|e| e.get_summary().is_some_and(|s| s.starts_with(summary)))
        .unwrap_or_else(|| panic!("no event « {summary} »"))
}

/// A time in Paris as the parser gives it back.
fn paris(y: i32, m: u32, d: u32, h: u32, min: u32) -> DatePerhapsTime {
    DatePerhapsTime::DateTime(CalendarDateTime::WithTimezone {
        date_time: chrono::NaiveDate::from_ymd_opt(y, m, d)
            .unwrap()
            .and_hms_opt(h, min, 0)
            .unwrap(),
        tzid: "Europe/Paris".to_string(),
    })
}

fn day(y: i32, m: u32, d: u32) -> DatePerhapsTime {
    DatePerhapsTime::Date(chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap())
}

#[test]
fn the_feed_gives_hours_in_paris_and_all_day_events_end_the_next_day() {
    let built = common::build_with_forms(&files(), Profile::Public);
    let text = read(&built, "planning/planning.ics");
    let all = events(&text);

    let cv = event(&all, "Atelier CV");
    assert_eq!(
        cv.get_summary(),
        Some("Atelier CV — Session 7 — novembre 2026")
    );
    assert_eq!(cv.get_start(), Some(paris(2026, 11, 3, 9, 0)));
    assert_eq!(cv.get_end(), Some(paris(2026, 11, 3, 12, 0)));
    assert!(text.contains("DTSTART;TZID=Europe/Paris:20261103T090000\r\n"));
    assert!(text.contains("BEGIN:VTIMEZONE\r\nTZID:Europe/Paris\r\n"));
    assert!(
        cv.get_description()
            .is_some_and(|d| d.contains("sessions/2026-11.html")),
        "{:?}",
        cv.get_description()
    );

    let saturday = event(&all, "Atelier du samedi");
    assert_eq!(saturday.get_start(), Some(day(2026, 11, 28)));
    assert_eq!(saturday.get_end(), Some(day(2026, 11, 29)));

    let forum = event(&all, "Forum emploi");
    assert_eq!(forum.get_start(), Some(paris(2026, 11, 20, 14, 0)));
    assert_eq!(forum.get_end(), Some(paris(2026, 11, 20, 16, 0)));
    assert_eq!(forum.get_location(), Some("Mairie, salle des fêtes"));

    // The weekly meeting: every Tuesday of October and November, no more.
    let meetings: Vec<_> = all
        .iter()
        .filter(|e| e.get_summary() == Some("Réunion de coordination"))
        .map(|e| e.get_start())
        .collect();
    assert_eq!(meetings.len(), 8, "4 Tuesdays in October, 4 in November");
    assert_eq!(meetings[0], Some(paris(2026, 10, 6, 9, 30)));
    assert_eq!(meetings[7], Some(paris(2026, 11, 24, 9, 30)));
    // 4 ateliers, 2 club ateliers, the forum, 8 meetings.
    assert_eq!(all.len(), 15);
    // Each session and club page offers its own feed.
    assert!(
        read(&built, "sessions/2026-11.html")
            .contains("href=\"../planning/sessions/2026-11.ics\" download")
    );
    assert!(built.out.join("planning/clubs/club-2026-10.ics").exists());
    // Set by carnet, not by the clock: the build day.
    assert!(text.contains("DTSTAMP:20261126T000000Z\r\n"));
}

#[test]
fn text_is_escaped_folded_at_75_octets_and_every_line_ends_with_crlf() {
    let built = common::build_with_forms(&files(), Profile::Interne);
    let text = read(&built, "planning/sessions/2026-11.ics");

    assert!(
        text.contains("SUMMARY:Bilan\\; étape 1\\, suite\\nligne 2 — Session 7 — novembre 2026"),
        "{text}"
    );
    for line in text.split("\r\n") {
        assert!(line.len() <= 75, "a line of {} octets: {line}", line.len());
        assert!(!line.contains('\n') && !line.contains('\r'), "{line:?}");
    }
    assert!(text.ends_with("END:VCALENDAR\r\n"));
    // The long title was folded, and reads back whole.
    assert!(text.contains(&"SUMMARY:Préparer l'entretien"[..20]));
    assert!(!text.contains(LONG), "folded, so not on one line");
    let all = events(&text);
    assert_eq!(all.len(), 4, "the session's own feed: its ateliers only");
    assert!(
        event(&all, "Préparer")
            .get_summary()
            .unwrap()
            .starts_with(LONG)
    );
    assert_eq!(
        event(&all, "Bilan").get_summary(),
        Some("Bilan; étape 1, suite\nligne 2 — Session 7 — novembre 2026")
    );
}

/// The UIDs of a feed, by summary.
fn uids(text: &str) -> Vec<(String, String)> {
    let mut list: Vec<(String, String)> = events(text)
        .iter()
        .map(|e| {
            (
                format!("{:?} {:?}", e.get_summary(), e.get_start()),
                e.get_uid().unwrap_or_default().to_string(),
            )
        })
        .collect();
    list.sort();
    list
}

#[test]
fn uids_stay_the_same_when_other_records_change() {
    let first = common::build_with_forms(&files(), Profile::Public);
    let before = uids(&read(&first, "planning/sessions/2026-11.ics"));

    // A club with ateliers on the same days and earlier, a session the
    // month after, and an event: records sorted before and around it.
    let mut changed = files();
    changed.push((
        "data/clubs/club-2026-11.yaml",
        "mois: \"2026-11\"\nateliers:\n  - date: \"2026-11-03\"\n    intitule: Atelier CV\n  - date: \"2026-11-02\"\n    intitule: Accueil\n".to_string(),
    ));
    changed.push((
        "data/sessions/2026-12.yaml",
        "numero: 8\nmois: \"2026-12\"\nateliers:\n  - date: \"2026-12-01\"\n    intitule: Atelier CV\n    cycle: 1\n".to_string(),
    ));
    changed.push((
        "data/evenements/autre.yaml",
        "type: salon\ntitre: Autre\ndate: \"2026-11-01\"\n".to_string(),
    ));
    let second = common::build_with_forms(&changed, Profile::Public);
    let after = uids(&read(&second, "planning/sessions/2026-11.ics"));
    assert_eq!(before, after);
    assert_eq!(
        before
            .iter()
            .find(|(s, _)| s.contains("Atelier CV"))
            .map(|(_, u)| u.as_str()),
        Some("session-2026-11-20261103@association-essai.carnet")
    );

    // Every UID of the whole feed is its own.
    let all = uids(&read(&second, "planning/planning.ics"));
    let mut distinct: Vec<&String> = all.iter().map(|(_, u)| u).collect();
    distinct.sort();
    distinct.dedup();
    assert_eq!(distinct.len(), all.len());
}

#[test]
fn a_refused_name_is_in_no_public_feed_nor_page_and_has_no_planning() {
    let public = common::build_with_forms(&files(), Profile::Public);
    for path in [
        "planning/planning.ics",
        "planning/sessions/2026-11.ics",
        "planning/personnes/martin-claire.ics",
        "planning/2026-11.html",
        "planning/index.html",
    ] {
        let text = read(&public, path);
        assert!(
            !text.contains("Canari") && !text.contains("CANARI"),
            "{path}"
        );
    }
    let all = events(&read(&public, "planning/planning.ics"));
    assert_eq!(
        event(&all, "Atelier CV").get_description(),
        Some(
            "Session 7 — novembre 2026\nAvec MARTIN Claire, personne non publiée\nFiche : sessions/2026-11.html"
        )
    );
    assert!(
        !public
            .out
            .join("planning/personnes/canari-zoe.ics")
            .exists()
    );
    assert!(!public.out.join("planning/personnes/canari-zoe").exists());

    // The internal profile names her and gives her a planning.
    let internal = common::build_with_forms(&files(), Profile::Interne);
    assert!(read(&internal, "planning/planning.ics").contains("CANARI Zoé"));
    assert!(
        internal
            .out
            .join("planning/personnes/canari-zoe.ics")
            .exists()
    );
}

/// The cells of a month grid: (classes, day number, content).
fn cells(page: &str) -> Vec<(String, u32, String)> {
    let grid = page
        .split("<table class=\"mois-grille\">")
        .nth(1)
        .and_then(|rest| rest.split("</table>").next())
        .expect("a month grid");
    grid.split("<td class=\"")
        .skip(1)
        .map(|cell| {
            let classes = cell.split('"').next().unwrap_or_default().to_string();
            let number = cell
                .split("<span class=\"num\">")
                .nth(1)
                .and_then(|n| n.split('<').next())
                .and_then(|n| n.parse().ok())
                .expect("a day number");
            (
                classes,
                number,
                cell.split("</td>").next().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn the_month_grid_starts_on_monday_and_marks_today_and_weekends() {
    let built = common::build_with_forms(&files(), Profile::Public);
    let page = read(&built, "planning/2026-11.html");

    let heads: Vec<&str> = page
        .split("<thead>")
        .nth(1)
        .unwrap()
        .split("<th scope=\"col\"")
        .skip(1)
        .map(|h| h.split('>').nth(1).unwrap().split('<').next().unwrap())
        .collect();
    assert_eq!(
        heads,
        [
            "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"
        ]
    );

    let cells = cells(&page);
    // 1 November 2026 is a Sunday: the grid opens on Monday 26 October.
    assert_eq!(cells.len(), 42, "six weeks");
    assert_eq!(cells[0].1, 26);
    assert!(cells[0].0.contains("hors-mois"));
    let nov = |d: u32| {
        cells
            .iter()
            .find(|(c, n, _)| *n == d && !c.contains("hors-mois"))
            .unwrap_or_else(|| panic!("no {d} November"))
    };
    assert!(nov(3).2.contains("Atelier CV") && nov(3).2.contains("09:00"));
    assert!(nov(3).2.contains("Réunion de coordination"));
    assert!(nov(20).2.contains("Forum emploi"));
    assert!(!nov(4).2.contains("<li"));
    assert!(nov(28).0.contains("weekend") && nov(28).2.contains("Atelier du samedi"));
    assert!(nov(29).0.contains("weekend") && !nov(27).0.contains("weekend"));
    assert!(nov(26).0.contains("aujourdhui"));
    assert_eq!(
        cells
            .iter()
            .filter(|(c, _, _)| c.contains("aujourdhui"))
            .count(),
        1
    );
    // The October page is not today's: it links to it.
    let october = read(&built, "planning/2026-10.html");
    assert!(
        october.contains("href=\"../planning/2026-11.html\""),
        "{october}"
    );
    assert!(page.contains("rel=\"prev\" href=\"../planning/2026-10.html\""));
    assert!(!page.contains("rel=\"next\""));
    // The week list below the grid.
    assert!(page.contains("Semaine 45"));
    // The feed, downloaded (no base_url).
    assert!(page.contains("href=\"../planning/planning.ics\" download"));
    assert!(!page.contains("webcal://"));
}

#[test]
fn a_tutors_planning_shows_only_their_items() {
    let built = common::build_with_forms(&files(), Profile::Public);
    let martin = read(&built, "planning/personnes/martin-claire/2026-11.html");
    assert!(martin.contains("Atelier CV") && martin.contains("Atelier du samedi"));
    assert!(!martin.contains("Forum emploi") && !martin.contains("Club réseau"));
    assert!(!martin.contains("Réunion de coordination"));
    assert!(
        !built
            .out
            .join("planning/personnes/martin-claire/2026-10.html")
            .exists()
    );

    let lacroix = read(&built, "planning/personnes/lacroix-bernard/2026-11.html");
    assert!(lacroix.contains("Forum emploi") && lacroix.contains("Club réseau"));
    assert!(!lacroix.contains("Atelier CV"));
    let feed = events(&read(&built, "planning/personnes/lacroix-bernard.ics"));
    let mut summaries: Vec<&str> = feed.iter().filter_map(|e| e.get_summary()).collect();
    summaries.sort();
    assert_eq!(
        summaries,
        [
            "Club offres — Club emploi — octobre 2026",
            "Club réseau — Club emploi — octobre 2026",
            "Forum emploi"
        ]
    );

    // Her fiche links to her planning, at the month of the build day.
    let fiche = read(&built, "personnes/martin-claire.html");
    assert!(fiche.contains("href=\"../planning/personnes/martin-claire/2026-11.html\""));
}

#[test]
fn the_tableau_shows_this_week_and_the_next() {
    let built = common::build_with_forms(&files(), Profile::Interne);
    let tableau = read(&built, "tableau-de-bord/index.html");
    let section = tableau
        .split("<section class=\"deux-semaines\"")
        .nth(1)
        .and_then(|s| s.split("</section>").next())
        .expect("the two weeks");
    assert!(section.contains("Cette semaine et la suivante"));
    // Monday 23 November to Sunday 6 December.
    for inside in ["Atelier du samedi", "Bilan", "Préparer", "24 novembre 2026"] {
        assert!(section.contains(inside), "{inside} in {section}");
    }
    for outside in ["Forum emploi", "Atelier CV", "Club réseau", "17 novembre"] {
        assert!(!section.contains(outside), "{outside} in {section}");
    }
}

#[test]
fn with_a_base_url_feeds_link_absolutely_and_pages_offer_webcal() {
    let mut kit = files();
    kit[0]
        .1
        .push_str("base_url: https://essai.example.org/carnet\n");
    let built = common::build_with_forms(&kit, Profile::Public);
    let all = events(&read(&built, "planning/planning.ics"));
    let cv = event(&all, "Atelier CV");
    assert_eq!(
        cv.get_url(),
        Some("https://essai.example.org/carnet/sessions/2026-11.html")
    );
    assert!(
        cv.get_description()
            .unwrap()
            .contains("https://essai.example.org/carnet/sessions/2026-11.html")
    );
    let page = read(&built, "planning/2026-11.html");
    assert!(page.contains("href=\"webcal://essai.example.org/carnet/planning/planning.ics\""));
}

#[test]
fn a_base_url_that_is_not_an_address_is_an_error_at_its_line() {
    let checked = common::check(&[("carnet.yaml", "titre: Essai\nbase_url: essai.example.org\n")]);
    let d = checked.error_at(
        "adresse du site invalide « essai.example.org »",
        "carnet.yaml:2:11",
    );
    assert!(
        d.expected
            .as_deref()
            .is_some_and(|e| e.contains("https://")),
        "{d:?}"
    );
}

#[test]
fn the_plie_calendar_is_in_the_internal_planning_only() {
    let mut files = files();
    files.push((
        "data/commissions.yaml",
        "- { date: 2026-10-22, cloture: 2026-10-08, type: commission }\n- { date: 2026-10-15, type: comite_technique }\n".to_string(),
    ));
    let internal = common::build_with_forms(&files, Profile::Interne);
    let feed = events(&read(&internal, "planning/planning.ics"));
    assert_eq!(
        event(&feed, "Commission PLIE").get_start(),
        Some(day(2026, 10, 22))
    );
    assert_eq!(
        event(&feed, "Clôture des liaisons PLIE").get_start(),
        Some(day(2026, 10, 8))
    );
    assert_eq!(
        event(&feed, "Comité technique PLIE").get_start(),
        Some(day(2026, 10, 15))
    );
    let october = read(&internal, "planning/2026-10.html");
    assert!(
        october.contains("<a href=\"../sorties/index.html\">Commission PLIE</a>"),
        "{october}"
    );
    let public = common::build_with_forms(&files, Profile::Public);
    for path in ["planning/planning.ics", "planning/2026-10.html"] {
        let text = read(&public, path);
        assert!(!text.contains("PLIE"), "{path}: {text}");
    }
}
