//! The rules not covered by tests/rules.rs: carnet.yaml's coordination meeting,
//! event times, presence statuses, self-mentoring, and the structure of form
//! layouts. Each feeds a bad input and asserts the message and its file:line:col.

mod common;

use common::check;

const PERSON: &str = "data/personnes/durand-alice.yaml";
const SESSION: &str = "data/sessions/2026-09.yaml";

fn alice(extra: &str) -> (&'static str, String) {
    (
        PERSON,
        format!("civilite: Mme\nnom: Durand\nprenom: Alice\n{extra}"),
    )
}

#[test]
fn an_unknown_coordination_day_is_an_error_at_its_value() {
    let k = check(&[(
        "carnet.yaml",
        "titre: Essai\ncoordination: { jour: mardy, heure: \"09:30\" }\n",
    )]);
    let d = k.error_at("jour inconnu « mardy »", "carnet.yaml:2:23");
    assert!(d.expected.as_deref().unwrap_or_default().contains("mardi"));
}

#[test]
fn event_times_must_be_written_hh_mm() {
    let k = check(&[(
        "data/evenements/salon.yaml",
        "titre: Salon\ndate: \"2026-10-05\"\nheure_debut: \"14.00\"\nheure_fin: \"25:00\"\n",
    )]);
    k.error_at(
        "heure mal écrite « 14.00 »",
        "data/evenements/salon.yaml:3:14",
    );
    k.error_at(
        "heure mal écrite « 25:00 »",
        "data/evenements/salon.yaml:4:12",
    );
}

fn session_with_presence(presence: &str) -> Vec<(&'static str, String)> {
    vec![
        alice(""),
        (
            SESSION,
            format!(
                "mois: \"2026-09\"\nateliers:\n  - date: \"2026-09-07\"\n    cycle: 1\n    presences:\n      durand-alice: {presence}\ninscrits:\n  - {{ personne: durand-alice, financement: CPF }}\n"
            ),
        ),
    ]
}

fn check_owned(files: &[(&'static str, String)]) -> common::Checked {
    let borrowed: Vec<(&str, &str)> = files.iter().map(|(p, c)| (*p, c.as_str())).collect();
    check(&borrowed)
}

#[test]
fn an_unknown_presence_status_is_an_error_at_its_value() {
    let k = check_owned(&session_with_presence("la"));
    let d = k.error_at(
        "statut de présence inconnu « la »",
        &format!("{SESSION}:6:21"),
    );
    assert_eq!(d.expected.as_deref(), Some("present, absent ou excuse"));
}

#[test]
fn a_presence_with_a_comment_but_no_status_is_an_error() {
    let k = check_owned(&session_with_presence("{ commentaire: \"en retard\" }"));
    k.error_at("présence sans statut", &format!("{SESSION}:6:21"));
}

#[test]
fn french_spellings_of_statuses_are_understood() {
    let k = check_owned(&session_with_presence(
        "{ statut: excusée, commentaire: Malade }",
    ));
    k.assert_no_error();
    let atelier = &k.session("2026-09").ateliers[0];
    assert_eq!(atelier.attendance[0].statut, carnet::model::Statut::Excuse);
    assert_eq!(atelier.attendance[0].commentaire.as_deref(), Some("Malade"));
}

#[test]
fn nobody_is_their_own_mentor() {
    let k = check_owned(&[alice(
        "roles: [stagiaire, parrain]\nparrainage:\n  parrain: durand-alice\n  debut: \"2026-09-01\"\n",
    )]);
    k.error_at(
        "une personne ne peut pas être son propre parrain",
        &format!("{PERSON}:6:12"),
    );
}

const LAYOUT: &str = "templates/forms/essai.yaml";

#[test]
fn a_layout_with_an_unknown_orientation_is_an_error() {
    let k = check(&[(
        LAYOUT,
        "titre: Essai\npour: vierge\norientation: italienne\nblocs:\n  - titre: Essai\n",
    )]);
    let d = k.error_at(
        "orientation inconnue « italienne »",
        &format!("{LAYOUT}:3:14"),
    );
    assert_eq!(d.expected.as_deref(), Some("portrait ou paysage"));
}

#[test]
fn an_empty_block_and_a_table_without_columns_are_errors() {
    let k = check(&[(
        LAYOUT,
        "titre: Essai\npour: session\nblocs:\n  - si: personnes\n  - tableau:\n      lignes: personnes\n      colonnes: []\n",
    )]);
    k.error_at("bloc vide", &format!("{LAYOUT}:4:5"));
    k.error_at("tableau sans colonne", &format!("{LAYOUT}:5:5"));
}

#[test]
fn a_data_path_must_be_names_separated_by_dots() {
    let k = check(&[(
        LAYOUT,
        "titre: Essai\npour: session\nblocs:\n  - tableau:\n      lignes: \"personnes[0]\"\n      colonnes:\n        - titre: Nom\n",
    )]);
    k.error_at(
        "chemin de données invalide « personnes[0] »",
        &format!("{LAYOUT}:5:15"),
    );
}

#[test]
fn a_field_without_a_label_is_an_error() {
    let k = check(&[(
        LAYOUT,
        "titre: Essai\npour: personne\nblocs:\n  - champs:\n      - valeur: \"{{ personne.nom }}\"\n",
    )]);
    k.error_at("champ sans libellé", &format!("{LAYOUT}:4:5"));
}
