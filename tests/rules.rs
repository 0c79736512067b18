//! Every validation rule of SPEC §2, each fed a bad file and checked for its
//! message, its exact place (file:line:col) and its severity, with good inputs
//! proving the rule does not fire wrongly. Expected values are written by hand
//! from the input.

mod common;

use carnet::diagnostic::{DiagnosticKind, Severity};
use carnet::model::{ActivityKind, Statut, TodoKind, TodoSubject};
use common::{assert_expects, check};

/// A person file: the three required fields on lines 1–3, then `extra` from line 4.
fn personne(civilite: &str, nom: &str, prenom: &str, extra: &str) -> String {
    format!("civilite: {civilite}\nnom: {nom}\nprenom: {prenom}\n{extra}")
}

fn alice(extra: &str) -> String {
    personne("Mme", "Durand", "Alice", extra)
}

/// A mentor (role parrain).
fn martin_paul() -> String {
    personne("M.", "Martin", "Paul", "roles: [parrain]\n")
}

/// A tutor (role tuteur only).
fn leroy_marc() -> String {
    personne("M.", "Leroy", "Marc", "roles: [tuteur]\n")
}

const ALICE: &str = "data/personnes/durand-alice.yaml";
const SESSION: &str = "data/sessions/s-2026-09.yaml";

// ───────────────────────── identity ─────────────────────────

#[test]
fn missing_civilite_nom_prenom_are_three_errors_in_one_run() {
    let k = check(&[("data/personnes/x.yaml", "email: x@exemple.fr\n")]);
    for field in ["civilite", "nom", "prenom"] {
        let d = k.error_at(
            &format!("champ obligatoire manquant « {field} »"),
            "data/personnes/x.yaml:1:1",
        );
        assert!(d.expected.is_some(), "{field}: an expected value is said");
    }
    assert_eq!(k.errors().len(), 3, "{}", k.dump());
    assert!(k.kit.personnes.is_empty());
}

#[test]
fn empty_required_field_is_an_error_at_its_line() {
    let k = check(&[(ALICE, "civilite: Mme\nnom: \"  \"\nprenom: Alice\n")]);
    k.error_at("le champ « nom » est vide", &format!("{ALICE}:2:6"));
}

#[test]
fn civilite_other_than_m_or_mme_is_an_error() {
    let k = check(&[
        (ALICE, &personne("Monsieur", "Durand", "Alice", "")),
        ("data/personnes/b.yaml", &personne("M.", "Bon", "Jean", "")),
        (
            "data/personnes/c.yaml",
            &personne("Mme", "Bon", "Jeanne", ""),
        ),
    ]);
    let d = k.error_at("civilité inconnue « Monsieur »", &format!("{ALICE}:1:11"));
    assert_eq!(d.expected.as_deref(), Some("M. ou Mme"));
    assert_eq!(k.errors().len(), 1, "{}", k.dump());
    assert_eq!(k.person("b").civilite.as_str(), "M.");
    assert_eq!(k.person("c").civilite.as_str(), "Mme");
}

// ───────────────────────── phones ─────────────────────────

#[test]
fn accepted_phone_forms_are_normalised() {
    let forms = [
        "0612345678",
        "\"06 12 34 56 78\"",
        "06.12.34.56.78",
        "\"+33 6 12 34 56 78\"",
        "\"+33612345678\"",
        "\"0033 6 12 34 56 78\"",
        "06-12-34-56-78",
    ];
    let files: Vec<(String, String)> = forms
        .iter()
        .enumerate()
        .map(|(i, form)| {
            (
                format!("data/personnes/p{i}.yaml"),
                alice(&format!("telephone: {form}\nmobile: {form}\n")),
            )
        })
        .collect();
    let files: Vec<(&str, &str)> = files
        .iter()
        .map(|(p, c)| (p.as_str(), c.as_str()))
        .collect();
    let k = check(&files);
    k.assert_clean();
    for (i, form) in forms.iter().enumerate() {
        let p = k.person(&format!("p{i}"));
        assert_eq!(p.telephone.as_deref(), Some("06 12 34 56 78"), "{form}");
        assert_eq!(p.mobile.as_deref(), Some("06 12 34 56 78"), "{form}");
    }
}

#[test]
fn bad_phone_numbers_are_rejected_at_their_line() {
    let k = check(&[(
        ALICE,
        &alice("email: a@exemple.fr\ntelephone: \"06 12 34 56\"\nmobile: +44 20 7946 0958\n"),
    )]);
    let d = k.error_at(
        "numéro de téléphone invalide « 06 12 34 56 »",
        &format!("{ALICE}:5:12"),
    );
    assert_expects(d, "06 12 34 56 78");
    k.error_at(
        "numéro de téléphone invalide « +44 20 7946 0958 »",
        &format!("{ALICE}:6:9"),
    );
    assert_eq!(k.errors().len(), 2, "{}", k.dump());
}

// ───────────────────────── fields and roles ─────────────────────────

#[test]
fn unknown_field_is_an_error_at_its_line_listing_the_fields() {
    let k = check(&[(
        ALICE,
        "civilite: Mme\nnom: Durand\nnom_famille: Durand\nprenom: Alice\n",
    )]);
    let d = k.error_at("champ inconnu « nom_famille »", &format!("{ALICE}:3:1"));
    let expected = d.expected.as_deref().unwrap_or_default();
    for field in [
        "civilite",
        "nom",
        "prenom",
        "telephone",
        "inscriptions",
        "parrainage",
    ] {
        assert!(expected.contains(field), "{field} listed in {expected:?}");
    }
}

#[test]
fn unknown_field_in_a_nested_table_is_an_error_at_its_line() {
    let k = check(&[
        ("data/personnes/martin-paul.yaml", &martin_paul()),
        (ALICE, &alice("parrainage:\n  parain: martin-paul\n")),
    ]);
    let d = k.error_at("champ inconnu « parain »", &format!("{ALICE}:5:3"));
    assert_expects(d, "parrain");
}

#[test]
fn unknown_role_is_an_error_at_the_role() {
    let k = check(&[(ALICE, &alice("roles: [stagiaire, parain]\n"))]);
    let d = k.error_at("rôle inconnu « parain »", &format!("{ALICE}:4:20"));
    assert_expects(d, "parrain");
    assert_eq!(k.errors().len(), 1, "{}", k.dump());
}

#[test]
fn roles_added_by_the_kit_are_accepted() {
    let k = check(&[
        ("carnet.yaml", "titre: Test\nroles: [benevole]\n"),
        (ALICE, &alice("roles: [benevole, parrain]\n")),
    ]);
    k.assert_clean();
    assert_eq!(k.person("durand-alice").roles, vec!["benevole", "parrain"]);
}

#[test]
fn default_role_is_stagiaire() {
    let k = check(&[(ALICE, &alice(""))]);
    assert_eq!(k.person("durand-alice").roles, vec!["stagiaire"]);
}

// ───────────────────────── ids ─────────────────────────

#[test]
fn file_names_that_are_not_ids_are_rejected() {
    let bad = ["Dupont-Jean", "élodie-petit", "jean dupont", "marie_curie"];
    let files: Vec<(String, String)> = bad
        .iter()
        .map(|id| (format!("data/personnes/{id}.yaml"), alice("")))
        .chain(std::iter::once((
            "data/personnes/dupont-jean2.yaml".to_string(),
            alice(""),
        )))
        .collect();
    let files: Vec<(&str, &str)> = files
        .iter()
        .map(|(p, c)| (p.as_str(), c.as_str()))
        .collect();
    let k = check(&files);
    for id in bad {
        let d = k.error_at(
            &format!("le nom de fichier « {id} » ne peut pas servir d'identifiant"),
            &format!("data/personnes/{id}.yaml:1:1"),
        );
        assert_expects(d, "minuscules");
    }
    assert_eq!(k.errors().len(), bad.len(), "{}", k.dump());
}

#[test]
fn yaml_and_yml_with_the_same_stem_are_a_duplicate() {
    let k = check(&[
        ("data/personnes/x.yaml", &alice("")),
        ("data/personnes/x.yml", &personne("M.", "Autre", "Jean", "")),
    ]);
    k.error_at(
        "l'identifiant « x » est déjà pris",
        "data/personnes/x.yml:1:1",
    );
    assert_eq!(k.errors().len(), 1, "{}", k.dump());
    let xs: Vec<_> = k.kit.personnes.iter().filter(|p| p.id == "x").collect();
    assert_eq!(xs.len(), 1, "the duplicate is not loaded twice");
    assert_eq!(xs[0].nom, "Durand", "the first file (x.yaml) is kept");
}

#[test]
fn the_same_stem_in_two_folders_is_fine() {
    let k = check(&[
        ("data/personnes/x.yaml", &alice("")),
        ("data/operateurs/x.yaml", "nom: ACME\n"),
    ]);
    k.assert_clean();
}

// ───────────────────────── references ─────────────────────────

#[test]
fn unknown_mentor_is_an_error_with_a_suggestion_when_close() {
    let k = check(&[
        ("data/personnes/martin-paul.yaml", &martin_paul()),
        (ALICE, &alice("parrainage:\n  parrain: martin-pual\n")),
        (
            "data/personnes/bon-jean.yaml",
            &personne("M.", "Bon", "Jean", "parrainage:\n  parrain: zorro\n"),
        ),
    ]);
    let d = k.error_at(
        "personne inconnue « martin-pual »",
        &format!("{ALICE}:5:12"),
    );
    assert!(d.message.contains("parrain"), "{}", d.message);
    assert_expects(d, "vouliez-vous dire « martin-paul »");
    let far = k.error_at(
        "personne inconnue « zorro »",
        "data/personnes/bon-jean.yaml:5:12",
    );
    assert!(
        !far.expected
            .as_deref()
            .unwrap_or_default()
            .contains("vouliez-vous dire")
    );
    assert!(k.person("durand-alice").parrainage.is_none());
}

#[test]
fn a_displayed_name_where_an_id_is_expected_gets_the_id_suggested() {
    let k = check(&[
        ("data/personnes/martin-paul.yaml", &martin_paul()),
        (ALICE, &alice("parrainage:\n  parrain: Paul MARTIN\n")),
    ]);
    let d = k.error_at(
        "personne inconnue « Paul MARTIN »",
        &format!("{ALICE}:5:12"),
    );
    assert_expects(d, "vouliez-vous dire « martin-paul »");
}

#[test]
fn mentor_without_role_parrain_is_an_error() {
    let k = check(&[
        ("data/personnes/leroy-marc.yaml", &leroy_marc()),
        (ALICE, &alice("parrainage:\n  parrain: leroy-marc\n")),
    ]);
    let d = k.error_at("n'a pas le rôle parrain", &format!("{ALICE}:5:12"));
    assert!(d.message.contains("Marc LEROY"), "{}", d.message);
}

#[test]
fn mentor_with_role_parrain_is_linked() {
    let k = check(&[
        ("data/personnes/martin-paul.yaml", &martin_paul()),
        (
            ALICE,
            &alice("parrainage:\n  parrain: martin-paul\n  debut: 2026-10-01\n"),
        ),
    ]);
    k.assert_clean();
    let m = k
        .person("durand-alice")
        .parrainage
        .as_ref()
        .expect("a mentorship");
    assert_eq!(k.kit.personnes[m.parrain].id, "martin-paul");
}

#[test]
fn former_mentor_must_exist_but_may_have_left_the_role() {
    let k = check(&[
        ("data/personnes/martin-paul.yaml", &martin_paul()),
        ("data/personnes/leroy-marc.yaml", &leroy_marc()),
        (
            ALICE,
            &alice(
                "parrainage:\n  parrain: martin-paul\n  historique:\n    - parrain: leroy-marc\n    - parrain: inconnu\n",
            ),
        ),
    ]);
    k.error_at("personne inconnue « inconnu »", &format!("{ALICE}:8:16"));
    assert_eq!(k.errors().len(), 1, "{}", k.dump());
    let m = k
        .person("durand-alice")
        .parrainage
        .as_ref()
        .expect("mentored");
    assert_eq!(
        k.ids(m.historique.iter().map(|h| h.parrain)),
        vec!["leroy-marc"]
    );
    assert_eq!(
        k.ids(k.person("leroy-marc").filleuls.clone()),
        vec!["durand-alice"]
    );
}

/// A session file whose tutors and trainers are given.
fn session_with(tuteurs: &str, formateurs: &str) -> String {
    format!(
        "numero: 12\nmois: \"2026-09\"\ntuteurs: [{tuteurs}]\nformateurs: [{formateurs}]\nateliers:\n  - date: 2026-09-14\n    cycle: 1\n"
    )
}

#[test]
fn tutor_without_role_tuteur_and_trainer_without_role_formateur_are_errors() {
    let k = check(&[
        ("data/personnes/martin-paul.yaml", &martin_paul()),
        (SESSION, &session_with("martin-paul", "martin-paul")),
    ]);
    let d = k.error_at(
        "tuteurs : Paul MARTIN (« martin-paul ») n'a pas le rôle tuteur",
        &format!("{SESSION}:3:11"),
    );
    assert_expects(d, "tuteur");
    k.error_at(
        "formateurs : Paul MARTIN (« martin-paul ») n'a pas le rôle formateur",
        &format!("{SESSION}:4:14"),
    );
    assert_eq!(k.errors().len(), 2, "{}", k.dump());
}

#[test]
fn tutor_and_trainer_with_their_roles_are_linked() {
    let k = check(&[
        (
            "data/personnes/leroy-marc.yaml",
            &personne("M.", "Leroy", "Marc", "roles: [tuteur, formateur]\n"),
        ),
        (SESSION, &session_with("leroy-marc", "leroy-marc")),
    ]);
    k.assert_clean();
    let s = k.session("s-2026-09");
    assert_eq!(k.ids(s.tuteurs.clone()), vec!["leroy-marc"]);
    assert_eq!(k.ids(s.formateurs.clone()), vec!["leroy-marc"]);
}

#[test]
fn club_tutor_without_role_tuteur_is_an_error() {
    let k = check(&[
        ("data/personnes/martin-paul.yaml", &martin_paul()),
        (
            "data/clubs/c-2026-09.yaml",
            "mois: \"2026-09\"\ntuteur: martin-paul\n",
        ),
    ]);
    k.error_at(
        "tuteur : Paul MARTIN (« martin-paul ») n'a pas le rôle tuteur",
        "data/clubs/c-2026-09.yaml:2:9",
    );
}

#[test]
fn enrolled_unknown_person_is_an_error() {
    let k = check(&[(
        SESSION,
        "mois: \"2026-09\"\nateliers:\n  - date: 2026-09-14\n    cycle: 1\ninscrits:\n  - personne: inconnu-x\n    financement: CPF\n",
    )]);
    k.error_at(
        "inscrits : personne inconnue « inconnu-x »",
        &format!("{SESSION}:6:15"),
    );
}

#[test]
fn club_enrolment_of_unknown_person_is_an_error() {
    let k = check(&[(
        "data/clubs/c-2026-09.yaml",
        "mois: \"2026-09\"\nateliers:\n  - date: 2026-09-14\ninscrits: [durand-alicia]\n",
    )]);
    k.error_at(
        "inscrits : personne inconnue « durand-alicia »",
        "data/clubs/c-2026-09.yaml:4:12",
    );
}

#[test]
fn presence_for_unknown_person_is_an_error() {
    let k = check(&[
        (ALICE, &alice("")),
        (
            SESSION,
            "mois: \"2026-09\"\nateliers:\n  - date: 2026-09-14\n    cycle: 1\n    presences:\n      fantome: present\n      durand-alice: present\ninscrits:\n  - personne: durand-alice\n    financement: CPF\n",
        ),
    ]);
    k.error_at(
        "presences : personne inconnue « fantome »",
        &format!("{SESSION}:6:7"),
    );
    assert_eq!(k.errors().len(), 1, "{}", k.dump());
}

#[test]
fn unknown_operator_in_an_event_is_an_error() {
    let k = check(&[
        ("data/operateurs/acme.yaml", "nom: ACME\ntype: entreprise\n"),
        (
            "data/evenements/salon.yaml",
            "titre: Salon\ndate: 2026-10-05\ntype: salon\noperateur: acme-sa\n",
        ),
        (
            "data/evenements/visite.yaml",
            "titre: Visite\ndate: 2026-10-06\ntype: visite_entreprise\noperateur: acme\n",
        ),
    ]);
    let d = k.error_at(
        "opérateur inconnu « acme-sa »",
        "data/evenements/salon.yaml:4:12",
    );
    assert_expects(d, "data/operateurs/");
    assert_eq!(k.errors().len(), 1, "{}", k.dump());
    let visite = k
        .kit
        .evenements
        .iter()
        .find(|e| e.id == "visite")
        .expect("the visit");
    assert_eq!(
        visite.operateur.map(|o| k.kit.operateurs[o].id.as_str()),
        Some("acme")
    );
}

#[test]
fn unknown_session_in_a_person_file_is_an_error() {
    let k = check(&[(
        ALICE,
        &alice("inscriptions:\n  - session: s-2026-9\n    financement: CPF\n"),
    )]);
    let d = k.error_at("session inconnue « s-2026-9 »", &format!("{ALICE}:5:14"));
    assert_expects(d, "data/sessions/");
}

#[test]
fn unknown_club_in_a_person_file_is_an_error() {
    let k = check(&[(ALICE, &alice("clubs: [c-2026-9]\n"))]);
    let d = k.error_at("club inconnu « c-2026-9 »", &format!("{ALICE}:4:9"));
    assert_expects(d, "data/clubs/");
}

// ───────────────────────── sessions and clubs ─────────────────────────

#[test]
fn session_with_enrolments_and_no_atelier_is_an_error() {
    let k = check(&[
        (ALICE, &alice("")),
        (
            SESSION,
            "mois: \"2026-09\"\ninscrits:\n  - personne: durand-alice\n    financement: CPF\n",
        ),
    ]);
    let d = k.error_at("aucun atelier", &format!("{SESSION}:3:15"));
    assert_expects(d, "atelier");
}

#[test]
fn session_enrolled_from_the_person_file_and_no_atelier_is_an_error() {
    let k = check(&[
        (
            ALICE,
            &alice("inscriptions:\n  - session: s-2026-09\n    financement: CPF\n"),
        ),
        (SESSION, "numero: 3\nmois: \"2026-09\"\n"),
    ]);
    k.error_at("aucun atelier", &format!("{SESSION}:1:1"));
}

#[test]
fn club_with_enrolments_and_no_atelier_is_an_error() {
    let k = check(&[
        (ALICE, &alice("")),
        (
            "data/clubs/c-2026-09.yaml",
            "mois: \"2026-09\"\ninscrits: [durand-alice]\n",
        ),
    ]);
    k.error_at("aucun atelier", "data/clubs/c-2026-09.yaml:2:12");
}

#[test]
fn session_without_enrolment_needs_no_atelier() {
    let k = check(&[(SESSION, "numero: 3\nmois: \"2026-09\"\n")]);
    k.assert_clean();
}

#[test]
fn presence_of_someone_not_enrolled_is_an_error() {
    let k = check(&[
        (ALICE, &alice("")),
        (
            "data/personnes/bernard-luc.yaml",
            &personne("M.", "Bernard", "Luc", ""),
        ),
        (
            SESSION,
            "mois: \"2026-09\"\nateliers:\n  - date: 2026-09-14\n    cycle: 1\n    presences:\n      durand-alice: present\n      bernard-luc: absent\ninscrits:\n  - personne: durand-alice\n    financement: CPF\n",
        ),
    ]);
    let d = k.error_at(
        "présence de « bernard-luc » qui n'est pas inscrit(e)",
        &format!("{SESSION}:7:7"),
    );
    assert_expects(d, "inscrit");
    assert_eq!(k.errors().len(), 1, "{}", k.dump());
}

const LATE_JOINER_SESSION: &str = "mois: \"2026-09\"
ateliers:
  - date: 2026-09-07
    cycle: 1
    presences:
      durand-alice: present
      petit-zoe: present
  - date: 2026-09-21
    cycle: 1
    presences:
      petit-zoe: absent
inscrits:
  - personne: durand-alice
    financement: CPF
  - personne: petit-zoe
    financement: CPF
    depuis: 2026-09-15
";

#[test]
fn late_joiner_with_a_presence_before_joining_is_an_error() {
    let k = check(&[
        (ALICE, &alice("")),
        (
            "data/personnes/petit-zoe.yaml",
            &personne("Mme", "Petit", "Zoé", ""),
        ),
        (SESSION, LATE_JOINER_SESSION),
    ]);
    let d = k.error_at(
        "présence le 2026-09-07 de « petit-zoe », inscrit(e) seulement depuis le 2026-09-15",
        &format!("{SESSION}:7:7"),
    );
    assert_expects(d, "2026-09-15");
    assert_eq!(k.errors().len(), 1, "{}", k.dump());
}

#[test]
fn late_joiner_is_not_expected_at_earlier_ateliers() {
    let session = LATE_JOINER_SESSION.replace("      petit-zoe: present\n", "");
    let k = check(&[
        (ALICE, &alice("")),
        (
            "data/personnes/petit-zoe.yaml",
            &personne("Mme", "Petit", "Zoé", ""),
        ),
        (SESSION, &session),
    ]);
    k.assert_clean();
    let s = k.session("s-2026-09");
    let zoe = k.kit.person_index["petit-zoe"];
    let alice = k.kit.person_index["durand-alice"];
    assert_eq!(s.ateliers[0].date.to_string(), "2026-09-07");
    let first: Vec<_> = s.ateliers[0]
        .attendance
        .iter()
        .map(|a| (a.personne, a.statut))
        .collect();
    assert_eq!(first, vec![(alice, Statut::Present)]);
    let second: Vec<_> = s.ateliers[1]
        .attendance
        .iter()
        .map(|a| (a.personne, a.statut))
        .collect();
    assert_eq!(
        second,
        vec![(alice, Statut::NonRenseigne), (zoe, Statut::Absent)]
    );
    let enrolment = s
        .inscrits
        .iter()
        .find(|e| e.personne == zoe)
        .expect("enrolled");
    assert_eq!(
        enrolment.depuis.map(|d| d.to_string()).as_deref(),
        Some("2026-09-15")
    );
}

#[test]
fn late_joiner_declared_in_the_person_file_is_not_expected_before() {
    let k = check(&[
        (
            ALICE,
            &alice(
                "inscriptions:\n  - session: s-2026-09\n    financement: CPF\n    depuis: 2026-09-15\n",
            ),
        ),
        (
            SESSION,
            "mois: \"2026-09\"\nateliers:\n  - date: 2026-09-07\n    cycle: 1\n    presences:\n      durand-alice: present\n  - date: 2026-09-21\n    cycle: 1\n",
        ),
    ]);
    k.error_at(
        "inscrit(e) seulement depuis le 2026-09-15",
        &format!("{SESSION}:6:7"),
    );
    let s = k.session("s-2026-09");
    assert!(s.ateliers[0].attendance.is_empty());
    assert_eq!(s.ateliers[1].attendance.len(), 1);
}

#[test]
fn enrolment_written_in_both_files_is_merged() {
    let k = check(&[
        (
            ALICE,
            &alice(
                "inscriptions:\n  - session: s-2026-09\n    financement: RSA\n    caf: \"123456\"\n",
            ),
        ),
        (
            SESSION,
            "mois: \"2026-09\"\nateliers:\n  - date: 2026-09-14\n    cycle: 1\ninscrits:\n  - personne: durand-alice\n    financement: RSA\n    cli: CLI-42\n    complement: atelier CV\n",
        ),
    ]);
    k.assert_clean();
    let s = k.session("s-2026-09");
    assert_eq!(s.inscrits.len(), 1);
    let e = &s.inscrits[0];
    assert_eq!(k.kit.personnes[e.personne].id, "durand-alice");
    assert_eq!(e.financement.as_deref(), Some("RSA"));
    assert_eq!(e.caf.as_deref(), Some("123456"));
    assert_eq!(e.cli.as_deref(), Some("CLI-42"));
    assert_eq!(e.complement.as_deref(), Some("atelier CV"));
    assert_eq!(k.person("durand-alice").sessions.len(), 1);
    assert_eq!(s.ateliers[0].attendance.len(), 1);
}

#[test]
fn contradictory_enrolment_is_an_error_with_the_other_side() {
    let k = check(&[
        (
            ALICE,
            &alice("inscriptions:\n  - session: s-2026-09\n    financement: RSA\n"),
        ),
        (
            SESSION,
            "mois: \"2026-09\"\nateliers:\n  - date: 2026-09-14\n    cycle: 1\ninscrits:\n  - personne: durand-alice\n    financement: CPF\n",
        ),
    ]);
    let d = k.error_at(
        "inscription contradictoire : financement",
        &format!("{ALICE}:6:18"),
    );
    assert!(
        d.message.contains("RSA") && d.message.contains("CPF"),
        "{}",
        d.message
    );
    assert!(d.expected.is_some());
    assert_eq!(d.also.len(), 1);
    assert_eq!(
        k.kit.sources.location(d.also[0].0),
        format!("{SESSION}:7:18")
    );
    assert!(d.also[0].1.contains("CPF"));
    let rendered = d.render(&k.kit.sources);
    assert!(
        rendered.contains(ALICE) && rendered.contains(SESSION),
        "{rendered}"
    );
}

#[test]
fn club_ateliers_outside_its_two_months_are_errors() {
    let club = "data/clubs/c-2026-09.yaml";
    let k = check(&[(
        club,
        "mois: \"2026-09\"\nateliers:\n  - date: 2026-08-31\n  - date: 2026-09-01\n  - date: 2026-10-31\n  - date: 2026-11-02\n",
    )]);
    let outside = k.all("hors des deux mois du club");
    assert_eq!(outside.len(), 2, "{}", k.dump());
    for (d, line) in outside.iter().zip([3, 6]) {
        assert_eq!(d.severity, Severity::Error);
        assert_eq!(k.kit.sources.location(d.span), format!("{club}:{line}:11"));
        assert_expects(d, "2026-10-31");
    }
    assert!(outside[0].message.contains("2026-08-31"));
    assert!(outside[1].message.contains("2026-11-02"));
    assert_eq!(k.errors().len(), 2, "{}", k.dump());
}

#[test]
fn session_atelier_without_cycle_or_with_cycle_3_is_an_error() {
    let k = check(&[(
        SESSION,
        "mois: \"2026-09\"\nateliers:\n  - date: 2026-09-07\n    intitule: CV\n  - date: 2026-09-14\n    cycle: 3\n  - date: 2026-09-21\n    cycle: 2\n",
    )]);
    let d = k.error_at(
        "l'atelier du 2026-09-07 n'a pas de cycle",
        &format!("{SESSION}:3:11"),
    );
    assert_expects(d, "cycle: 1");
    let d = k.error_at("cycle inconnu « 3 »", &format!("{SESSION}:6:12"));
    assert_expects(d, "Approfondissement");
    assert_eq!(k.errors().len(), 2, "{}", k.dump());
    assert_eq!(k.session("s-2026-09").ateliers[2].cycle, Some(2));
}

#[test]
fn club_ateliers_need_no_cycle() {
    let k = check(&[(
        "data/clubs/c-2026-09.yaml",
        "mois: \"2026-09\"\nateliers:\n  - date: 2026-09-07\n",
    )]);
    k.assert_clean();
}

// ───────────────────────── dates and months ─────────────────────────

#[test]
fn impossible_and_badly_written_dates_have_distinct_messages() {
    let k = check(&[
        ("data/personnes/martin-paul.yaml", &martin_paul()),
        (
            ALICE,
            &alice(
                "parrainage:\n  parrain: martin-paul\n  debut: 2026-02-30\n  entretiens:\n    - date: 14/09/2026\n    - date: 2026-13-01\n",
            ),
        ),
    ]);
    let impossible = k.error_at("date impossible « 2026-02-30 »", &format!("{ALICE}:6:10"));
    let badly = k.error_at("date mal écrite « 14/09/2026 »", &format!("{ALICE}:8:13"));
    assert_ne!(impossible.expected, badly.expected);
    assert_expects(badly, "AAAA-MM-JJ");
    k.error_at("date impossible « 2026-13-01 »", &format!("{ALICE}:9:13"));
    assert_eq!(k.errors().len(), 3, "{}", k.dump());
}

#[test]
fn bad_months_are_errors() {
    let k = check(&[
        (SESSION, "mois: \"2026-13\"\n"),
        ("data/sessions/s2.yaml", "mois: septembre\n"),
        ("data/sessions/s3.yaml", "mois: 2026-09\n"),
    ]);
    let d = k.error_at("mois mal écrit « 2026-13 »", &format!("{SESSION}:1:7"));
    assert_expects(d, "AAAA-MM");
    k.error_at("mois mal écrit « septembre »", "data/sessions/s2.yaml:1:7");
    assert_eq!(k.errors().len(), 2, "{}", k.dump());
    assert_eq!(k.session("s3").mois.to_string(), "2026-09");
}

// ───────────────────────── files ─────────────────────────

#[test]
fn non_utf8_file_is_an_error() {
    let k = common::check_bytes(&[("data/personnes/x.yaml", &b"nom: \xe9t\xe9\n"[..])]);
    let d = k.error_at("n'est pas encodé en UTF-8", "data/personnes/x.yaml:1:6");
    assert_expects(d, "UTF-8");
    assert_eq!(k.errors().len(), 1, "{}", k.dump());
    let rendered = d.render(&k.kit.sources);
    assert!(rendered.contains("data/personnes/x.yaml:1:6"), "{rendered}");
}

#[test]
fn empty_file_and_comment_only_file_are_errors() {
    let k = check(&[
        ("data/personnes/a.yaml", ""),
        ("data/personnes/b.yaml", "# à remplir\n\n# plus tard\n"),
    ]);
    let empty = k.all("ce fichier est vide");
    assert_eq!(empty.len(), 2, "{}", k.dump());
    let places: Vec<_> = empty
        .iter()
        .map(|d| k.kit.sources.location(d.span))
        .collect();
    assert_eq!(
        places,
        vec!["data/personnes/a.yaml:1:1", "data/personnes/b.yaml:1:1"]
    );
    assert!(empty.iter().all(|d| d.severity == Severity::Error));
    assert_expects(empty[0], "civilite");
}

#[test]
fn yaml_syntax_errors_are_reported_at_their_line_in_french() {
    let k = check(&[
        (ALICE, "civilite: Mme\nnom: Durand\nprenom: \"Alice\n"),
        (
            "data/personnes/b.yaml",
            "civilite: Mme\nnom: Durand\n  prenom: Alice\n",
        ),
    ]);
    let d = k.error_at("guillemet jamais refermé", &format!("{ALICE}:3:9"));
    assert!(d.expected.is_some());
    // The line indented under `nom:` is read as the rest of its value.
    let d = k.error_at(
        "ligne plus indentée que « nom » au-dessus",
        "data/personnes/b.yaml:3:3",
    );
    assert!(d.span.end > d.span.start, "the place is highlighted");
    assert_eq!(k.errors().len(), 2, "{}", k.dump());
}

#[test]
fn wrong_shapes_are_errors_at_the_value_in_french() {
    let k = check(&[(
        ALICE,
        &alice(
            "inscriptions: s-2026-09\nparrainage: martin-paul\nroles: stagiaire\ntelephone: [06, 12]\n",
        ),
    )]);
    let lists: Vec<String> = k
        .all("une liste est attendue ici")
        .iter()
        .map(|d| k.kit.sources.location(d.span))
        .collect();
    assert_eq!(lists, vec![format!("{ALICE}:4:15"), format!("{ALICE}:6:8")]);
    let d = k.all("une liste est attendue ici")[0];
    assert_expects(d, "« - valeur »");
    k.error_at("une table est attendue ici", &format!("{ALICE}:5:13"));
    k.error_at(
        "une valeur simple est attendue ici",
        &format!("{ALICE}:7:12"),
    );
    assert_eq!(k.errors().len(), 4, "{}", k.dump());
}

#[test]
fn wrong_scalar_types_are_errors_at_the_value_in_french() {
    let k = check(&[
        (
            ALICE,
            &alice(
                "annuaire:\n  email: peut-etre\netudes:\n  - annee: deux-mille\n    diplome: BTS\n",
            ),
        ),
        (SESSION, "numero: douze\nmois: \"2026-09\"\n"),
    ]);
    let d = k.error_at(
        "« peut-etre » n'est ni vrai ni faux",
        &format!("{ALICE}:5:10"),
    );
    assert_eq!(d.expected.as_deref(), Some("true ou false"));
    k.error_at(
        "« deux-mille » n'est pas un nombre entier",
        &format!("{ALICE}:7:12"),
    );
    k.error_at(
        "« douze » n'est pas un nombre entier",
        &format!("{SESSION}:1:9"),
    );
    assert_eq!(k.errors().len(), 3, "{}", k.dump());
    // The rest of each file is still read.
    assert_eq!(k.person("durand-alice").etudes.len(), 1);
    assert_eq!(k.session("s-2026-09").mois.to_string(), "2026-09");
}

#[test]
fn repeated_field_and_second_document_are_errors() {
    let k = check(&[
        (
            ALICE,
            "civilite: Mme\nnom: Durand\nprenom: Alice\nnom: Dupont\n",
        ),
        (
            "data/personnes/b.yaml",
            "civilite: Mme\nnom: Durand\nprenom: Alice\n---\nnom: Autre\n",
        ),
    ]);
    k.error_at(
        "le champ « nom » apparaît deux fois",
        &format!("{ALICE}:4:1"),
    );
    let d = k.find("plusieurs documents");
    assert!(
        k.kit
            .sources
            .location(d.span)
            .starts_with("data/personnes/b.yaml:"),
        "{}",
        k.dump()
    );
}

#[test]
fn unknown_fields_and_rule_errors_of_one_file_are_all_reported() {
    let k = check(&[(
        ALICE,
        "civilite: Mme\nnom_famille: Durand\nprenom: Alice\ntelefone: \"06 12 34 56 78\"\nmobile: \"12\"\nadresse:\n  ville: Lyon\n  cp: \"69001\"\n",
    )]);
    let d = k.error_at("champ inconnu « nom_famille »", &format!("{ALICE}:2:1"));
    assert!(
        d.message.contains("vouliez-vous dire « nom »"),
        "{}",
        d.message
    );
    let d = k.error_at("champ inconnu « telefone »", &format!("{ALICE}:4:1"));
    assert!(
        d.message.contains("vouliez-vous dire « telephone »"),
        "{}",
        d.message
    );
    let d = k.error_at("champ inconnu « cp »", &format!("{ALICE}:8:3"));
    assert_expects(d, "code_postal");
    // The file is still read past the unknown fields: its own rules are checked.
    k.error_at(
        "numéro de téléphone invalide « 12 »",
        &format!("{ALICE}:5:9"),
    );
    // The typo left `nom` really missing: that is reported too.
    k.error_at(
        "champ obligatoire manquant « nom »",
        &format!("{ALICE}:1:1"),
    );
    assert_eq!(k.errors().len(), 5, "{}", k.dump());
}

#[test]
fn a_value_set_aside_is_not_reported_a_second_time_as_missing() {
    let k = check(&[(ALICE, "civilite: Mme\nnom: [Durand]\nprenom:\n  - Alice\n")]);
    let places: Vec<String> = k
        .all("une valeur simple est attendue ici")
        .iter()
        .map(|d| k.kit.sources.location(d.span))
        .collect();
    assert_eq!(places, vec![format!("{ALICE}:2:6"), format!("{ALICE}:4:3")]);
    assert_eq!(k.errors().len(), 2, "{}", k.dump());
}

#[test]
fn a_broken_person_file_does_not_make_its_references_unknown() {
    let k = check(&[
        (ALICE, "civilite: Mme\nnom: Durand\nprenom: \"Alice\n"),
        (
            "data/personnes/martin-paul.yaml",
            "civilite: Monsieur\nnom: Martin\nprenom: Paul\nroles: [parrain]\n",
        ),
        (
            "data/personnes/bon-jean.yaml",
            &personne("M.", "Bon", "Jean", "parrainage:\n  parrain: martin-paul\n"),
        ),
        (
            SESSION,
            "mois: \"2026-09\"\nateliers:\n  - date: 2026-09-14\n    cycle: 1\n    presences:\n      durand-alice: present\ninscrits:\n  - personne: durand-alice\n    financement: CPF\n",
        ),
    ]);
    assert!(k.all("personne inconnue").is_empty(), "{}", k.dump());
    assert!(k.all("pas inscrit").is_empty(), "{}", k.dump());
    assert_eq!(k.errors().len(), 2, "{}", k.dump());
}

#[test]
fn a_broken_session_or_operator_file_does_not_make_its_references_unknown() {
    let k = check(&[
        (
            ALICE,
            &alice(
                "inscriptions:\n  - session: s-2026-09\n    financement: CPF\nclubs: [c-2026-09]\n",
            ),
        ),
        (SESSION, "mois: \"2026-09\n"),
        ("data/clubs/c-2026-09.yaml", ""),
        ("data/operateurs/acme.yaml", "nom: \"ACME\n"),
        (
            "data/evenements/e.yaml",
            "titre: E\ndate: 2026-10-05\noperateur: acme\n",
        ),
    ]);
    assert!(k.all("inconnu").is_empty(), "{}", k.dump());
    assert_eq!(k.errors().len(), 3, "{}", k.dump());
}

// ───────────────────────── YAML 1.1 traps ─────────────────────────

#[test]
fn yaml_11_booleans_and_numbers_load_as_text() {
    let k = check(&[
        (
            "data/personnes/a.yaml",
            &personne("M.", "No", "yes", "telephone: 0612345678\n"),
        ),
        (
            "data/personnes/b.yaml",
            &personne("Mme", "Off", "on", "mobile: 0145678901\n"),
        ),
        (
            "data/personnes/c.yaml",
            &personne("Mme", "Null", "True", ""),
        ),
        ("data/personnes/d.yaml", &personne("M.", "Off", "1e3", "")),
    ]);
    k.assert_clean();
    let a = k.person("a");
    assert_eq!(a.nom, "No");
    assert_eq!(a.nom_affiche(), "NO");
    assert_eq!(a.prenom, "yes");
    assert_eq!(a.telephone.as_deref(), Some("06 12 34 56 78"));
    let b = k.person("b");
    assert_eq!(b.nom, "Off");
    assert_eq!(b.prenom, "on");
    assert_eq!(b.mobile.as_deref(), Some("01 45 67 89 01"));
    let c = k.person("c");
    assert_eq!(c.nom, "Null");
    assert_eq!(c.prenom, "True");
    assert_eq!(k.person("d").prenom, "1e3");
}

#[test]
fn an_empty_or_tilde_name_is_empty_not_missing() {
    let k = check(&[(ALICE, "civilite: Mme\nnom:\nprenom: ~\n")]);
    k.error_at("le champ « nom » est vide", &format!("{ALICE}:2:4"));
    k.error_at("le champ « prenom » est vide", &format!("{ALICE}:3:9"));
}

#[test]
fn phone_without_its_leading_zero_is_a_clear_error() {
    let k = check(&[(ALICE, &alice("telephone: 612345678\n"))]);
    let d = k.error_at(
        "numéro de téléphone invalide « 612345678 »",
        &format!("{ALICE}:4:12"),
    );
    assert_expects(d, "0");
}

// ───────────────────────── warnings ─────────────────────────

#[test]
fn enrolment_without_financement_is_a_warning() {
    let k = check(&[
        (ALICE, &alice("")),
        (
            SESSION,
            "mois: \"2026-09\"\nateliers:\n  - date: 2026-09-14\n    cycle: 1\ninscrits:\n  - personne: durand-alice\n",
        ),
    ]);
    let d = k.warning_at(
        "inscription de Alice DURAND sans financement",
        &format!("{SESSION}:6:15"),
    );
    assert_expects(d, "financement");
    assert!(!carnet::has_errors(&k.diagnostics), "{}", k.dump());
    assert_eq!(k.kit.warnings.len(), 1);
}

#[test]
fn rsa_without_caf_and_cli_is_a_warning() {
    let k = check(&[
        (
            ALICE,
            &alice("inscriptions:\n  - session: s-2026-09\n    financement: RSA\n"),
        ),
        (
            "data/personnes/bon-jean.yaml",
            &personne("M.", "Bon", "Jean", ""),
        ),
        (
            SESSION,
            "mois: \"2026-09\"\nateliers:\n  - date: 2026-09-14\n    cycle: 1\ninscrits:\n  - personne: bon-jean\n    financement: rsa\n    caf: \"987\"\n",
        ),
    ]);
    let d = k.warning_at(
        "Alice DURAND est financé(e) par le RSA mais il manque : caf, cli",
        &format!("{ALICE}:5:14"),
    );
    assert_expects(d, "caf");
    k.warning_at(
        "Jean BON est financé(e) par le RSA mais il manque : cli",
        &format!("{SESSION}:6:15"),
    );
    assert!(!carnet::has_errors(&k.diagnostics), "{}", k.dump());
}

#[test]
fn rsa_with_caf_and_cli_gives_no_warning() {
    let k = check(&[
        (
            ALICE,
            &alice(
                "inscriptions:\n  - session: s-2026-09\n    financement: RSA\n    caf: \"1\"\n    cli: \"2\"\n",
            ),
        ),
        (
            SESSION,
            "mois: \"2026-09\"\nateliers:\n  - date: 2026-09-14\n    cycle: 1\n",
        ),
    ]);
    k.assert_clean();
}

// ───────────────────────── one run ─────────────────────────

#[test]
fn problems_of_several_files_are_reported_in_one_run() {
    let k = check(&[
        ("data/personnes/a.yaml", &personne("Monsieur", "A", "B", "")),
        ("data/personnes/b.yaml", &alice("telephone: \"12\"\n")),
        (SESSION, "mois: \"2026-9\"\n"),
        ("data/evenements/e.yaml", "titre: E\ndate: 2026-02-30\n"),
    ]);
    let errors = k.errors();
    assert!(errors.len() >= 4, "{}", k.dump());
    let mut files: Vec<_> = errors.iter().map(|d| d.span.file).collect();
    files.dedup();
    assert_eq!(files.len(), 4, "{}", k.dump());
}

#[test]
fn several_problems_of_one_file_are_reported_together() {
    let k = check(&[(
        ALICE,
        &personne(
            "Madame",
            "Durand",
            "Alice",
            "roles: [stagiaire, chef]\ntelephone: \"12\"\nemail: pas-une-adresse\n",
        ),
    )]);
    k.error_at("civilité inconnue « Madame »", &format!("{ALICE}:1:11"));
    k.error_at("rôle inconnu « chef »", &format!("{ALICE}:4:20"));
    k.error_at(
        "numéro de téléphone invalide « 12 »",
        &format!("{ALICE}:5:12"),
    );
    k.error_at(
        "adresse électronique invalide « pas-une-adresse »",
        &format!("{ALICE}:6:8"),
    );
}

#[test]
fn rendered_diagnostic_names_the_place_quotes_the_line_and_says_what_is_expected() {
    let k = check(&[(ALICE, &alice("telephone: \"12\"\n"))]);
    let d = k.find("numéro de téléphone invalide");
    let rendered = d.render(&k.kit.sources);
    assert!(rendered.contains(&format!("{ALICE}:4:12")), "{rendered}");
    assert!(rendered.contains("telephone: \"12\""), "{rendered}");
    assert!(rendered.contains("attendu :"), "{rendered}");
    assert!(
        d.one_line(&k.kit.sources)
            .starts_with(&format!("{ALICE}:4:12 : "))
    );
}

// ───────────────────────── display ─────────────────────────

#[test]
fn names_are_displayed_normalised_whatever_the_typing() {
    let k = check(&[
        (
            "data/personnes/a.yaml",
            &personne("M.", "\"d'almeida\"", "marie-ève", ""),
        ),
        (
            "data/personnes/b.yaml",
            &personne("M.", "lefèvre", "JEAN-PIERRE", ""),
        ),
    ]);
    k.assert_clean();
    let a = k.person("a");
    assert_eq!(a.nom, "d'almeida", "stored as typed");
    assert_eq!(a.nom_affiche(), "D'ALMEIDA");
    assert_eq!(a.prenom_affiche(), "Marie-Ève");
    assert_eq!(a.nom_complet(), "Marie-Ève D'ALMEIDA");
    let b = k.person("b");
    assert_eq!(b.nom_affiche(), "LEFÈVRE");
    assert_eq!(b.prenom_affiche(), "Jean-Pierre");
}

// ───────────────────────── derived facts ─────────────────────────

#[test]
fn mentorship_is_current_without_end_or_with_a_future_end() {
    let k = check(&[
        ("data/personnes/martin-paul.yaml", &martin_paul()),
        (
            "data/personnes/a.yaml",
            &alice("parrainage:\n  parrain: martin-paul\n  debut: 2026-10-01\n"),
        ),
        (
            "data/personnes/b.yaml",
            &alice(
                "parrainage:\n  parrain: martin-paul\n  debut: 2026-01-10\n  fin: 2026-06-30\n  motif_fin: emploi\n",
            ),
        ),
        (
            "data/personnes/c.yaml",
            &alice("parrainage:\n  parrain: martin-paul\n  debut: 2026-10-01\n  fin: 2026-12-31\n"),
        ),
    ]);
    k.assert_clean();
    let current = |id: &str| k.person(id).parrainage.as_ref().expect("mentored").en_cours;
    assert!(current("a"));
    assert!(!current("b"));
    assert!(current("c"));
    assert_eq!(
        k.person("b")
            .parrainage
            .as_ref()
            .and_then(|m| m.motif_fin.as_deref()),
        Some("emploi")
    );
}

#[test]
fn mentorship_ending_before_it_starts_is_an_error() {
    let k = check(&[
        ("data/personnes/martin-paul.yaml", &martin_paul()),
        (
            ALICE,
            &alice("parrainage:\n  parrain: martin-paul\n  debut: 2026-10-01\n  fin: 2026-09-01\n"),
        ),
    ]);
    k.error_at(
        "le parrainage finit (2026-09-01) avant d'avoir commencé (2026-10-01)",
        &format!("{ALICE}:7:8"),
    );
}

#[test]
fn filleuls_of_a_mentor_include_current_and_former_mentees() {
    let k = check(&[
        ("data/personnes/martin-paul.yaml", &martin_paul()),
        (
            "data/personnes/roux-anne.yaml",
            &personne("Mme", "Roux", "Anne", "roles: [parrain]\n"),
        ),
        (
            "data/personnes/a.yaml",
            &alice("parrainage:\n  parrain: martin-paul\n"),
        ),
        (
            "data/personnes/b.yaml",
            &alice("parrainage:\n  parrain: martin-paul\n  fin: 2026-01-01\n"),
        ),
        (
            "data/personnes/c.yaml",
            &alice(
                "parrainage:\n  parrain: roux-anne\n  historique:\n    - parrain: martin-paul\n",
            ),
        ),
        ("data/personnes/d.yaml", &alice("")),
    ]);
    k.assert_clean();
    let mut filleuls = k.ids(k.person("martin-paul").filleuls.clone());
    filleuls.sort();
    assert_eq!(filleuls, vec!["a", "b", "c"]);
    assert_eq!(k.ids(k.person("roux-anne").filleuls.clone()), vec!["c"]);
    assert!(k.person("d").filleuls.is_empty());
}

#[test]
fn club_convocation_list_follows_sessions_employment_and_hand_edits() {
    let session = |mois: &str, who: &str| {
        format!(
            "numero: {}\nmois: \"{mois}\"\nateliers:\n  - date: {mois}-10\n    cycle: 1\ninscrits:\n{}",
            &mois[5..].trim_start_matches('0'),
            who.split(',')
                .map(|p| format!("  - personne: {p}\n    financement: CPF\n"))
                .collect::<String>()
        )
    };
    let k = check(&[
        (
            "data/personnes/alice.yaml",
            &personne("Mme", "Durand", "Alice", "email: alice@exemple.fr\n"),
        ),
        (
            "data/personnes/bob.yaml",
            &personne(
                "M.",
                "Blanc",
                "Bob",
                "situation:\n  emploi: true\n  depuis: 2026-10-01\n",
            ),
        ),
        (
            "data/personnes/carla.yaml",
            &personne("Mme", "Cruz", "Carla", ""),
        ),
        (
            "data/personnes/dan.yaml",
            &personne("M.", "Dupuis", "Dan", ""),
        ),
        (
            "data/personnes/eve.yaml",
            &personne("Mme", "Evrard", "Eve", ""),
        ),
        (
            "data/personnes/fred.yaml",
            &personne("M.", "Fabre", "Fred", ""),
        ),
        ("data/sessions/s-2026-06.yaml", &session("2026-06", "dan")),
        (
            "data/sessions/s-2026-09.yaml",
            &session("2026-09", "alice,bob"),
        ),
        (
            "data/sessions/s-2026-10.yaml",
            &session("2026-10", "carla,fred"),
        ),
        ("data/sessions/s-2026-11.yaml", &session("2026-11", "dan")),
        (
            "data/clubs/c-2026-11.yaml",
            "mois: \"2026-11\"\nconvocation:\n  sessions_du: \"2026-09\"\n  sessions_au: \"2026-10\"\n  ajouter: [eve]\n  retirer: [carla]\n",
        ),
    ]);
    k.assert_clean();
    let club = k.club("c-2026-11");
    let rows: Vec<(&str, Option<&str>)> = club
        .convocation
        .iter()
        .map(|r| {
            (
                k.kit.personnes[r.personne].id.as_str(),
                r.session.map(|s| k.kit.sessions[s].id.as_str()),
            )
        })
        .collect();
    assert_eq!(
        rows,
        vec![
            ("alice", Some("s-2026-09")),
            ("eve", None),
            ("fred", Some("s-2026-10")),
        ]
    );
}

#[test]
fn convocation_references_must_exist() {
    let k = check(&[(
        "data/clubs/c-2026-11.yaml",
        "mois: \"2026-11\"\nconvocation:\n  sessions_du: \"2026-09\"\n  sessions_au: \"2026-10\"\n  ajouter: [personne-x]\n",
    )]);
    k.error_at(
        "personne inconnue « personne-x »",
        "data/clubs/c-2026-11.yaml:5:13",
    );
}

#[test]
fn late_mentoring_interview_is_a_todo() {
    let k = check(&[
        ("data/personnes/martin-paul.yaml", &martin_paul()),
        (
            "data/personnes/a.yaml",
            &alice(
                "parrainage:\n  parrain: martin-paul\n  debut: 2026-05-01\n  entretiens:\n    - date: 2026-09-01\n",
            ),
        ),
        (
            "data/personnes/b.yaml",
            &alice(
                "parrainage:\n  parrain: martin-paul\n  debut: 2026-05-01\n  entretiens:\n    - date: 2026-10-15\n",
            ),
        ),
        (
            "data/personnes/c.yaml",
            &alice("parrainage:\n  parrain: martin-paul\n  debut: 2026-08-01\n"),
        ),
        (
            "data/personnes/d.yaml",
            &alice("parrainage:\n  parrain: martin-paul\n  debut: 2026-01-01\n  fin: 2026-03-01\n"),
        ),
    ]);
    k.assert_clean();
    let late: Vec<(&str, Option<String>)> = k
        .kit
        .todos
        .iter()
        .filter(|t| t.kind == TodoKind::EntretienEnRetard)
        .map(|t| {
            (
                k.kit.personnes[t.personne.expect("a person")].id.as_str(),
                t.date.map(|d| d.to_string()),
            )
        })
        .collect();
    assert_eq!(
        late,
        vec![
            ("a", Some("2026-09-01".into())),
            ("c", Some("2026-08-01".into()))
        ]
    );
}

#[test]
fn unexcused_absence_of_a_mentored_rsa_beneficiary_is_a_todo() {
    let rsa = |session: &str| {
        format!("  - session: {session}\n    financement: RSA\n    caf: \"1\"\n    cli: \"2\"\n")
    };
    let k = check(&[
        ("data/personnes/martin-paul.yaml", &martin_paul()),
        (
            "data/personnes/a.yaml",
            &alice(&format!(
                "inscriptions:\n{}parrainage:\n  parrain: martin-paul\n",
                rsa("s-2026-09")
            )),
        ),
        (
            "data/personnes/b.yaml",
            &alice(&format!("inscriptions:\n{}", rsa("s-2026-09"))),
        ),
        (
            "data/personnes/c.yaml",
            &alice(
                "inscriptions:\n  - session: s-2026-09\n    financement: CPF\nparrainage:\n  parrain: martin-paul\n",
            ),
        ),
        (
            "data/personnes/d.yaml",
            &alice(&format!(
                "inscriptions:\n{}parrainage:\n  parrain: martin-paul\n",
                rsa("s-2026-09")
            )),
        ),
        (
            SESSION,
            "mois: \"2026-09\"\nateliers:\n  - date: 2026-09-14\n    cycle: 1\n    presences:\n      a: absent\n      b: absent\n      c: absent\n      d: excuse\n",
        ),
    ]);
    k.assert_no_error();
    let todos: Vec<(&str, String, Option<TodoSubject>)> = k
        .kit
        .todos
        .iter()
        .filter(|t| t.kind == TodoKind::AbsenceRsa)
        .map(|t| {
            (
                k.kit.personnes[t.personne.expect("a person")].id.as_str(),
                t.date.map(|d| d.to_string()).unwrap_or_default(),
                t.sujet,
            )
        })
        .collect();
    let session = k.kit.sessions.iter().position(|s| s.id == "s-2026-09");
    assert_eq!(
        todos,
        vec![(
            "a",
            "2026-09-14".into(),
            session.map(|s| TodoSubject::Activity(ActivityKind::Session, s))
        )]
    );
}

#[test]
fn present_participant_without_image_release_at_an_event_with_photos_is_a_todo() {
    let k = check(&[
        ("data/personnes/a.yaml", &alice("")),
        ("data/personnes/b.yaml", &alice("")),
        ("data/personnes/c.yaml", &alice("")),
        (
            "data/evenements/salon.yaml",
            "titre: Salon de l'emploi\ndate: 2026-10-05\ntype: salon\nphotos: true\nparticipants:\n  - personne: a\n    present: true\n  - personne: b\n    present: true\n    droit_image: true\n  - personne: c\n    present: false\n  - nom: Invité Externe\n    email: invite@exemple.fr\n",
        ),
        (
            "data/evenements/visite.yaml",
            "titre: Visite\ndate: 2026-10-06\ntype: visite_entreprise\nparticipants: [a, b]\n",
        ),
    ]);
    k.assert_clean();
    let todos: Vec<(Option<&str>, Option<&str>, Option<&str>)> = k
        .kit
        .todos
        .iter()
        .filter(|t| t.kind == TodoKind::DroitImageManquant)
        .map(|t| {
            let event = match t.sujet {
                Some(TodoSubject::Event(v)) => Some(k.kit.evenements[v].titre.as_str()),
                _ => None,
            };
            (
                t.personne.map(|p| k.kit.personnes[p].id.as_str()),
                t.nom.as_deref(),
                event,
            )
        })
        .collect();
    assert_eq!(
        todos,
        vec![
            (Some("a"), None, Some("Salon de l'emploi")),
            (None, Some("Invité Externe"), Some("Salon de l'emploi")),
        ]
    );
}

#[test]
fn event_rules() {
    let e = "data/evenements/e.yaml";
    let k = check(&[(
        e,
        "titre: Conférence\ndate: 2026-10-05\ntype: conf\nheure_debut: \"14:00\"\nheure_fin: \"12:00\"\nparticipants:\n  - inconnu-z\n  - present: true\n",
    )]);
    k.error_at("type d'événement inconnu « conf »", &format!("{e}:3:7"));
    k.error_at(
        "l'événement finit (12:00) avant de commencer (14:00)",
        &format!("{e}:5:12"),
    );
    k.error_at(
        "participants : personne inconnue « inconnu-z »",
        &format!("{e}:7:5"),
    );
    k.error_at("participant sans personne ni nom", &format!("{e}:8:5"));
}

#[test]
fn operator_rules() {
    let o = "data/operateurs/acme.yaml";
    let k = check(&[(o, "nom: ACME\ntype: banque\ntelephone: \"01 23\"\n")]);
    k.error_at("type d'opérateur inconnu « banque »", &format!("{o}:2:7"));
    k.error_at(
        "numéro de téléphone invalide « 01 23 »",
        &format!("{o}:3:12"),
    );
}

#[test]
fn the_example_kit_of_the_repository_has_no_error() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    if !root.join("data/personnes").is_dir() {
        return;
    }
    let (kit, diagnostics) = common::check_dir(root);
    let errors: Vec<String> = diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| d.one_line(&kit.sources))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
}

// ───────────────────────── more shapes and entries ─────────────────────────

#[test]
fn a_file_that_is_not_a_table_of_fields_is_one_error() {
    let k = check(&[
        ("data/personnes/a.yaml", "- Durand\n- Alice\n"),
        ("data/personnes/b.yaml", "Durand Alice\n"),
    ]);
    assert_eq!(
        k.locations("ce fichier n'est pas une suite de champs"),
        vec!["data/personnes/a.yaml:1:1", "data/personnes/b.yaml:1:1"]
    );
    assert_eq!(k.errors().len(), 2, "{}", k.dump());
}

#[test]
fn a_cycle_that_is_not_a_number_is_one_error() {
    let k = check(&[(
        SESSION,
        "mois: \"2026-09\"\nateliers:\n  - date: 2026-09-14\n    cycle: un\n",
    )]);
    k.error_at(
        "« un » n'est pas un nombre entier",
        &format!("{SESSION}:4:12"),
    );
    assert_eq!(k.errors().len(), 1, "{}", k.dump());
}

#[test]
fn page_front_matter_errors_are_at_their_line_in_the_page() {
    let page = "content/pages/a-propos.md";
    let k = check(&[(
        page,
        "---\ntitre: À propos\nmenux: true\nordre: premier\n---\n# Titre\n",
    )]);
    let d = k.error_at("champ inconnu « menux »", &format!("{page}:3:1"));
    assert!(
        d.message.contains("vouliez-vous dire « menu »"),
        "{}",
        d.message
    );
    k.error_at(
        "« premier » n'est pas un nombre entier",
        &format!("{page}:4:8"),
    );
    let p = k
        .kit
        .pages
        .iter()
        .find(|p| p.id == "a-propos")
        .expect("the page still loads");
    assert_eq!(p.titre, "À propos");
    assert_eq!(p.body, "# Titre\n");
}

#[test]
fn empty_carnet_yaml_means_the_defaults_with_a_warning() {
    let k = check(&[("carnet.yaml", "# réglages à venir\n"), (ALICE, &alice(""))]);
    k.warning_at("carnet.yaml est vide", "carnet.yaml:1:1");
    k.assert_no_error();
    assert_eq!(k.kit.config.entretien_jours, 60);
}

#[test]
fn unknown_setting_in_carnet_yaml_is_an_error() {
    let k = check(&[(
        "carnet.yaml",
        "titre: Test\nlangue: de\nannuaire_par_defaut: false\ntheme_couleur: bleu\n",
    )]);
    k.error_at("champ inconnu « theme_couleur »", "carnet.yaml:4:1");
    k.error_at("langue inconnue « de »", "carnet.yaml:2:9");
    assert!(
        !k.kit.config.annuaire_par_defaut,
        "the rest of carnet.yaml is still read"
    );
}

#[test]
fn entries_missing_their_id_or_date_are_errors_at_the_entry() {
    let k = check(&[
        (
            ALICE,
            &alice(
                "inscriptions:\n  - financement: CPF\nparrainage:\n  debut: 2026-10-01\n  entretiens:\n    - compte_rendu: bien\n",
            ),
        ),
        (
            SESSION,
            "mois: \"2026-09\"\nateliers:\n  - intitule: CV\n    cycle: 1\ninscrits:\n  - financement: CPF\n",
        ),
    ]);
    k.error_at(
        "champ obligatoire manquant « inscriptions.session »",
        &format!("{ALICE}:5:18"),
    );
    k.error_at(
        "champ obligatoire manquant « parrainage.parrain »",
        &format!("{ALICE}:7:10"),
    );
    k.error_at(
        "champ obligatoire manquant « ateliers.date »",
        &format!("{SESSION}:3:15"),
    );
    k.error_at(
        "champ obligatoire manquant « inscrits.personne »",
        &format!("{SESSION}:6:18"),
    );
}

#[test]
fn former_mentor_entry_without_mentor_is_an_error() {
    let k = check(&[
        ("data/personnes/martin-paul.yaml", &martin_paul()),
        (
            ALICE,
            &alice("parrainage:\n  parrain: martin-paul\n  historique:\n    - debut: 2025-01-01\n"),
        ),
    ]);
    k.error_at(
        "champ obligatoire manquant « parrainage.historique.parrain »",
        &format!("{ALICE}:7:14"),
    );
}

#[test]
fn convocation_needs_both_bounds_in_order() {
    let k = check(&[
        (
            "data/clubs/a.yaml",
            "mois: \"2026-11\"\nconvocation:\n  sessions_du: \"2026-09\"\n",
        ),
        (
            "data/clubs/b.yaml",
            "mois: \"2026-11\"\nconvocation:\n  sessions_du: \"2026-10\"\n  sessions_au: \"2026-09\"\n",
        ),
    ]);
    k.error_at(
        "champ obligatoire manquant « convocation.sessions_au »",
        "data/clubs/a.yaml:3:16",
    );
    k.error_at(
        "sessions_au (2026-09) est avant sessions_du (2026-10)",
        "data/clubs/b.yaml:4:16",
    );
}

#[test]
fn duplicate_file_points_at_the_first_one_too() {
    let k = check(&[
        ("data/sessions/s.yaml", "mois: \"2026-09\"\n"),
        ("data/sessions/s.yml", "mois: \"2026-10\"\n"),
    ]);
    let d = k.error_at(
        "l'identifiant « s » est déjà pris",
        "data/sessions/s.yml:1:1",
    );
    assert_eq!(d.also.len(), 1);
    assert_eq!(
        k.kit.sources.location(d.also[0].0),
        "data/sessions/s.yaml:1:1"
    );
    assert_eq!(k.kit.sessions.len(), 1);
    assert_eq!(k.kit.sessions[0].mois.to_string(), "2026-09");
}

#[test]
fn crlf_files_report_the_same_places() {
    let k = check(&[(
        ALICE,
        "civilite: Mme\r\nnom: Durand\r\nprenom: Alice\r\ntelephone: \"12\"\r\nnom_famille: x\r\n",
    )]);
    let d = k.error_at(
        "numéro de téléphone invalide « 12 »",
        &format!("{ALICE}:4:12"),
    );
    assert_eq!(k.text_of(d), "\"12\"");
    let d = k.error_at("champ inconnu « nom_famille »", &format!("{ALICE}:5:1"));
    assert_eq!(k.text_of(d), "nom_famille");
}

#[test]
fn value_spans_cover_the_value_written() {
    let k = check(&[(
        ALICE,
        &alice("email: \"pas une adresse\"\nroles:\n  - stagiaire\n  - chef_de_projet\n"),
    )]);
    let d = k.error_at("adresse électronique invalide", &format!("{ALICE}:4:8"));
    assert_eq!(k.text_of(d), "\"pas une adresse\"");
    let d = k.error_at("rôle inconnu « chef_de_projet »", &format!("{ALICE}:7:5"));
    assert_eq!(k.text_of(d), "chef_de_projet");
}

#[test]
fn diagnostics_carry_their_kind() {
    let k = check(&[(ALICE, "nom: [Durand]\nprenom: \"\"\n")]);
    let set_aside = k.error_at(
        "une valeur simple est attendue ici",
        &format!("{ALICE}:1:6"),
    );
    assert_eq!(set_aside.kind, DiagnosticKind::SetAside("nom".into()));
    let empty = k.error_at("le champ « prenom » est vide", &format!("{ALICE}:2:9"));
    assert_eq!(empty.kind, DiagnosticKind::MissingField("prenom".into()));
    let missing = k.error_at(
        "champ obligatoire manquant « civilite »",
        &format!("{ALICE}:1:1"),
    );
    assert_eq!(
        missing.kind,
        DiagnosticKind::MissingField("civilite".into())
    );
    assert_eq!(k.errors().len(), 3, "{}", k.dump());
}

#[test]
fn a_session_or_club_without_mois_and_an_event_without_date_are_errors_at_the_file_start() {
    let k = check(&[
        ("data/sessions/s.yaml", "numero: 12\n"),
        ("data/clubs/c.yaml", "ateliers: []\n"),
        ("data/evenements/e.yaml", "titre: Forum\n"),
    ]);
    let found: Vec<(String, &str, Option<&str>)> = k
        .errors()
        .iter()
        .map(|d| {
            (
                k.kit.sources.location(d.span),
                d.message.as_str(),
                d.expected.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            (
                "data/clubs/c.yaml:1:1".to_string(),
                "champ obligatoire manquant « mois »",
                Some("le premier mois du club, par exemple mois: \"2026-09\""),
            ),
            (
                "data/evenements/e.yaml:1:1".to_string(),
                "champ obligatoire manquant « date »",
                Some("la date de l'événement, AAAA-MM-JJ"),
            ),
            (
                "data/sessions/s.yaml:1:1".to_string(),
                "champ obligatoire manquant « mois »",
                Some("le mois de la session, par exemple mois: \"2026-09\""),
            ),
        ],
        "{}",
        k.dump()
    );
}
