//! Dates after the build day (2026-11-26): presences, interviews and event
//! presences written ahead are warnings at their value; attendance and last
//! activity count only what has happened; held ateliers without presences are
//! listed on the internal tableau de bord.

mod common;

use carnet::Profile;
use carnet::model::Statut;
use chrono::NaiveDate;
use common::{CONFIG, Checked, assert_expects, page};

const DUPONT: &str = "civilite: M.
nom: Dupont
prenom: Jean
roles: [stagiaire]
email: jean.dupont@example.org
parrainage:
  parrain: martin-claire
  debut: \"2026-09-10\"
  entretiens:
    - date: \"2026-10-01\"
    - date: \"2026-12-05\"
";

const MARTIN: &str = "civilite: Mme
nom: Martin
prenom: Claire
roles: [parrain, tuteur]
email: claire.martin@example.org
";

/// Held with presences (11-03), held without (11-10), to come with presences (11-30).
const SESSION: &str = "numero: 7
mois: \"2026-11\"
tuteurs: [martin-claire]
ateliers:
  - date: \"2026-11-03\"
    intitule: Atelier CV
    cycle: 1
    presences:
      dupont-jean: present
  - date: \"2026-11-10\"
    intitule: Atelier lettre
    cycle: 1
  - date: \"2026-11-30\"
    intitule: Atelier bilan
    cycle: 2
    presences:
      dupont-jean: present
inscrits:
  - personne: dupont-jean
    financement: CPF
";

const FORUM: &str = "type: salon
titre: Forum emploi
date: \"2026-12-10\"
participants:
  - personne: dupont-jean
    present: true
  - martin-claire
";

fn files() -> Vec<(&'static str, &'static str)> {
    vec![
        ("carnet.yaml", CONFIG),
        ("data/personnes/dupont-jean.yaml", DUPONT),
        ("data/personnes/martin-claire.yaml", MARTIN),
        ("data/sessions/2026-11.yaml", SESSION),
        ("data/evenements/forum.yaml", FORUM),
    ]
}

fn checked() -> Checked {
    common::check(&files())
}

fn date(s: &str) -> NaiveDate {
    s.parse().expect("a valid date")
}

#[test]
fn presences_on_an_atelier_to_come_are_a_warning_at_its_date() {
    let c = checked();
    c.assert_no_error();
    let d = c.warning_at(
        "présences saisies pour l'atelier du 2026-11-30",
        "data/sessions/2026-11.yaml:13:11",
    );
    assert!(
        d.message.contains("après aujourd'hui (2026-11-26)"),
        "{d:?}"
    );
    assert_expects(d, "une fois l'atelier passé");
    assert_eq!(
        c.all("présences saisies").len(),
        1,
        "held ateliers are not warned about:\n{}",
        c.dump()
    );
}

#[test]
fn an_interview_to_come_is_a_warning_at_its_date() {
    let c = checked();
    let d = c.warning_at(
        "entretien du 2026-12-05",
        "data/personnes/dupont-jean.yaml:11:13",
    );
    assert!(d.message.contains("après aujourd'hui"), "{d:?}");
    assert_expects(d, "entretien qui a eu lieu");
    assert!(c.all("entretien du 2026-10-01").is_empty());
}

#[test]
fn present_at_an_event_to_come_is_a_warning_at_the_value() {
    let c = checked();
    let d = c.warning_at(
        "marqué(e) présent(e) à l'événement du 2026-12-10",
        "data/evenements/forum.yaml:6:14",
    );
    assert_expects(d, "une fois l'événement passé");
    let forum = &c.kit.evenements[0];
    assert!(
        forum.participants.iter().all(|p| !p.present),
        "nobody is present at an event that has not happened"
    );
}

#[test]
fn attendance_and_last_activity_count_only_what_happened() {
    let c = checked();
    let session = c.session("2026-11");
    let statuses: Vec<Statut> = session
        .ateliers
        .iter()
        .map(|a| a.attendance[0].statut)
        .collect();
    assert_eq!(
        statuses,
        [Statut::Present, Statut::NonRenseigne, Statut::AVenir]
    );
    // Not the atelier of 11-30, the interview of 12-05 nor the forum of 12-10.
    assert_eq!(
        c.person("dupont-jean").derniere_activite,
        Some(date("2026-11-03"))
    );
}

/// The table row of the ateliers table whose intitulé is `intitule`.
fn row<'a>(page: &'a str, intitule: &str) -> &'a str {
    page.split("<tr>")
        .find(|r| r.contains(&format!("<td>{intitule}</td>")))
        .unwrap_or_else(|| panic!("no row for {intitule} in:\n{page}"))
}

#[test]
fn pages_show_an_atelier_or_event_to_come_as_such_and_a_held_atelier_with_its_count() {
    let built = common::build_with_forms(
        &files()
            .into_iter()
            .map(|(p, c)| (p, c.to_string()))
            .collect::<Vec<_>>(),
        Profile::Interne,
    );
    let session = page(&built, "sessions/2026-11.html");
    let to_come = row(&session, "Atelier bilan");
    assert!(to_come.contains("À venir"), "{to_come}");
    assert!(!to_come.contains("<td class=\"num\">0</td>"), "{to_come}");
    let held = row(&session, "Atelier CV");
    assert!(held.contains("<td class=\"num\">1</td>"), "{held}");
    let fiche = page(&built, "personnes/dupont-jean.html");
    assert!(
        fiche.contains("<dd>1 / 2</dd>"),
        "assiduité over the 2 held ateliers: {fiche}"
    );
    let forum = page(&built, "evenements/forum.html");
    assert!(
        forum.contains("<dt>Présents</dt><dd>À venir</dd>"),
        "{forum}"
    );
}

#[test]
fn the_internal_tableau_de_bord_lists_held_ateliers_without_presences() {
    let files: Vec<(&str, String)> = files()
        .into_iter()
        .map(|(p, c)| (p, c.to_string()))
        .collect();
    let internal = common::build_with_forms(&files, Profile::Interne);
    let tableau = page(&internal, "tableau-de-bord/index.html");
    let section = tableau
        .split("<section")
        .find(|s| s.contains("Présences à saisir"))
        .unwrap_or_else(|| panic!("no « Présences à saisir » in:\n{tableau}"));
    assert!(section.contains("(1)"), "{section}");
    assert!(
        section.contains("href=\"../sessions/2026-11.html\""),
        "{section}"
    );
    assert!(section.contains("Atelier lettre"), "{section}");
    assert!(
        section.contains("carnet presences 2026-11 2026-11-10"),
        "{section}"
    );
    assert!(!section.contains("Atelier CV") && !section.contains("Atelier bilan"));

    let public = common::build_with_forms(&files, Profile::Public);
    let tableau = page(&public, "tableau-de-bord/index.html");
    assert!(!tableau.contains("Présences à saisir"), "{tableau}");
    assert!(!tableau.contains("Atelier lettre"), "{tableau}");
}
