//! With `langue: en` in carnet.yaml, every diagnostic reads in English:
//! message, what is expected, the labels of other places, the header and the
//! report. French stays the default, word for word. The kit below is full of
//! the mistakes staff make (YAML syntax, a trap of everyday French text, a
//! misspelt field, a bad date, phone and email, an unknown id, a duplicate
//! file, hours that end before they start, a misspelt placeholder in a form
//! layout and in a page template); every expected line is written by hand
//! from the input. `common::check` also asserts, for every kit of every test,
//! that each diagnostic has its English (`common::assert_english`).

mod common;

use carnet::diagnostic::report::report;
use carnet::labels::Lang;
use common::Checked;

/// The kit's settings, in the language `langue`.
fn carnet_yaml(langue: &str) -> String {
    format!("titre: \"Kit\"\norganisation: \"Essor\"\nlangue: {langue}\n")
}

/// A kit full of mistakes (everything but carnet.yaml).
const MISTAKES: &[(&str, &str)] = &[
    // 4:1 a misspelt field, two edits from `telephone`.
    (
        "data/personnes/durand-alice.yaml",
        "civilite: Mme\nnom: Durand\nprenom: Alice\ntelephon: \"06 12 34 56 78\"\n",
    ),
    // The same id again, as .yml.
    (
        "data/personnes/durand-alice.yml",
        "civilite: Mme\nnom: Durand\nprenom: Alice\n",
    ),
    // 4:12 a phone of four digits; 5:8 an email without a domain.
    (
        "data/personnes/martin-paul.yaml",
        "civilite: M.\nnom: Martin\nprenom: Paul\ntelephone: \"12 34\"\nemail: paul@exemple\n",
    ),
    // 5:16 « : » inside an unquoted text (yaml_hint's commonest trap).
    (
        "data/personnes/leroy-marc.yaml",
        "civilite: M.\nnom: Leroy\nprenom: Marc\nsituation:\n  commentaire: Bilan : a postulé\n",
    ),
    // 4:8 a list whose bracket is never closed (the parser sees the end of
    // the file where `]` should be).
    (
        "data/personnes/petit-lea.yaml",
        "civilite: Mme\nnom: Petit\nprenom: Léa\nroles: [stagiaire\n",
    ),
    (
        "data/personnes/lacroix-bernard.yaml",
        "civilite: M.\nnom: Lacroix\nprenom: Bernard\nroles: [tuteur]\n",
    ),
    // 2:11 a tutor id one letter short; 4:11 the 31st of September;
    // 9:16 an atelier ending before it starts.
    (
        "data/sessions/2026-09.yaml",
        "mois: \"2026-09\"\ntuteurs: [lacroix-bernar]\nateliers:\n  - date: \"2026-09-31\"\n    cycle: 1\n  - date: \"2026-09-15\"\n    cycle: 1\n    heure_debut: \"14:00\"\n    heure_fin: \"12:00\"\n",
    ),
    // 5:37 a misspelt placeholder in a form layout.
    (
        "templates/forms/attestation-participation.yaml",
        "titre: Attestation\npour: attestation\nblocs:\n  - champs:\n      - { libelle: Tel, valeur: \"{{ personne.telephon }}\" }\n",
    ),
    // 3:24 a misspelt variable in a page template.
    (
        "templates/personne.html",
        "{% extends \"base.html\" %}\n{% block content %}\n<p>{{ page.nom }} : {{ page.telephon }}</p>\n{% endblock %}\n",
    ),
];

/// Checks the kit of mistakes with carnet.yaml in `langue`.
fn check_mistakes(langue: &str) -> Checked {
    let config = carnet_yaml(langue);
    let mut files = vec![("carnet.yaml", config.as_str())];
    files.extend_from_slice(MISTAKES);
    common::check(&files)
}

/// Every diagnostic as `file:line:col: message (expected: …)` in `lang`.
fn lines(c: &Checked, lang: Lang) -> Vec<String> {
    c.diagnostics
        .iter()
        .map(|d| d.one_line_in(&c.kit.sources, lang))
        .collect()
}

/// Asserts that `line` is one of the diagnostics' lines.
fn assert_line(lines: &[String], line: &str) {
    assert!(
        lines.iter().any(|l| l == line),
        "missing:\n  {line}\namong:\n  {}",
        lines.join("\n  ")
    );
}

#[test]
fn every_mistake_reads_in_english_at_its_place() {
    let c = check_mistakes("en");
    let en = lines(&c, Lang::En);
    for line in [
        "data/personnes/durand-alice.yml:1:1: the id « durand-alice » is already taken by another file of the same folder (expected: one file per id (.yaml or .yml, not both))",
        "data/personnes/martin-paul.yaml:4:12: invalid phone number « 12 34 » (expected: 10 digits starting with 0 (06 12 34 56 78); spaces, dots or +33 accepted)",
        "data/personnes/martin-paul.yaml:5:8: invalid email address « paul@exemple »: the domain after « @ » must look like example.fr (expected: a single address, for example firstname.name@example.fr)",
        "data/personnes/leroy-marc.yaml:5:16: « : » in the text of « commentaire »: YAML sees a new field there (expected: the text in quotes: commentaire: \"Bilan : a postulé\" (or « commentaire: | » then the text on the next lines, indented more))",
        "data/personnes/petit-lea.yaml:4:8: mismatched bracket or brace (expected: [ ] and { } in pairs, on the same value)",
        "data/sessions/2026-09.yaml:2:11: tuteurs: unknown person « lacroix-bernar » (expected: the id of a file in data/personnes/; did you mean « lacroix-bernard »?)",
        "data/sessions/2026-09.yaml:4:11: impossible date « 2026-09-31 »: this day does not exist (expected: a calendar date (month 01 to 12, a day that exists in that month))",
        "data/sessions/2026-09.yaml:9:16: the atelier ends (12:00) before it starts (14:00) (expected: an end time after the start time (the same day))",
    ] {
        assert_line(&en, line);
    }
    // These end with a list of names that grows with the records: their start is enough.
    for start in [
        "data/personnes/durand-alice.yaml:4:1: unknown field « telephon »: did you mean « telephone »? (expected: one of the fields civilite, nom, prenom, ",
        "templates/forms/attestation-participation.yaml:5:37: « personne.telephon »: « personne » has no value « telephon » (expected: one of these values: ",
        "templates/personne.html:3:24: unknown variable « page.telephon »: this template does not receive it (expected: a field of page: ",
    ] {
        assert!(
            en.iter().any(|l| l.starts_with(start)),
            "missing:\n  {start}…\namong:\n  {}",
            en.join("\n  ")
        );
    }
    assert_eq!(en.len(), 11, "{}", en.join("\n"));
}

#[test]
fn the_english_report_has_no_french_word() {
    let c = check_mistakes("en");
    let text = report(&c.diagnostics, &c.kit.sources, Lang::En, true);
    assert!(text.starts_with("error: "), "{text}");
    assert!(text.contains("= expected: "), "{text}");
    assert!(text.contains("first file of this id"), "{text}");
    for french in [
        "attendu",
        "vouliez-vous",
        "n'est pas",
        "doit",
        "erreur",
        "inconnu",
        "champ",
        " ou ",
        " est ",
    ] {
        let found: Vec<&str> = text.lines().filter(|l| l.contains(french)).collect();
        assert!(found.is_empty(), "« {french} » in:\n{}", found.join("\n"));
    }
}

#[test]
fn french_stays_the_default_word_for_word() {
    let c = check_mistakes("fr");
    let fr = lines(&c, Lang::Fr);
    for line in [
        "data/personnes/durand-alice.yml:1:1 : l'identifiant « durand-alice » est déjà pris par un autre fichier du même dossier (attendu : un seul fichier par identifiant (.yaml ou .yml, pas les deux))",
        "data/personnes/martin-paul.yaml:4:12 : numéro de téléphone invalide « 12 34 » (attendu : 10 chiffres commençant par 0 (06 12 34 56 78), espaces, points ou +33 acceptés)",
        "data/personnes/martin-paul.yaml:5:8 : adresse électronique invalide « paul@exemple » : le domaine après « @ » doit être comme exemple.fr (attendu : une seule adresse, par exemple prenom.nom@exemple.fr)",
        "data/sessions/2026-09.yaml:2:11 : tuteurs : personne inconnue « lacroix-bernar » (attendu : l'identifiant d'un fichier de data/personnes/ ; vouliez-vous dire « lacroix-bernard » ?)",
        "data/sessions/2026-09.yaml:4:11 : date impossible « 2026-09-31 » : ce jour n'existe pas (attendu : une date du calendrier (mois de 01 à 12, jour existant dans le mois))",
        "data/personnes/leroy-marc.yaml:5:16 : « : » dans le texte de « commentaire » : YAML y voit un nouveau champ (attendu : le texte entre guillemets : commentaire: \"Bilan : a postulé\" (ou « commentaire: | » puis le texte sur les lignes suivantes, plus indentées))",
        "data/sessions/2026-09.yaml:9:16 : l'atelier finit (12:00) avant de commencer (14:00) (attendu : une heure de fin après l'heure de début (le même jour))",
    ] {
        assert_line(&fr, line);
    }
    // A kit that says nothing of its language is French too.
    let mut files = vec![("carnet.yaml", "titre: \"Kit\"\norganisation: \"Essor\"\n")];
    files.extend_from_slice(MISTAKES);
    let silent = common::check(&files);
    assert_eq!(lines(&silent, silent.kit.config.langue), fr);
}

#[test]
fn carnet_check_prints_an_english_kit_in_english() {
    let config = carnet_yaml("en");
    let mut files: Vec<(&str, &[u8])> = vec![("carnet.yaml", config.as_bytes())];
    files.extend(MISTAKES.iter().map(|(p, c)| (*p, c.as_bytes())));
    let dir = common::write_kit(&files);
    let out = common::run_carnet(&["check"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    let printed = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        printed.contains("error: impossible date « 2026-09-31 »: this day does not exist"),
        "{printed}"
    );
    assert!(
        printed.contains(
            "= expected: a calendar date (month 01 to 12, a day that exists in that month)"
        ),
        "{printed}"
    );
    assert!(!printed.contains("attendu"), "{printed}");
}

#[test]
fn the_tableau_de_bord_of_an_english_kit_writes_its_warnings_in_english() {
    let files: Vec<(&str, String)> = vec![
        ("carnet.yaml", carnet_yaml("en")),
        (
            "data/personnes/durand-alice.yaml",
            "civilite: Mme\nnom: Durand\nprenom: Alice\n".to_string(),
        ),
        ("data/personnes/notes.txt", "à trier\n".to_string()),
    ];
    let built = common::build_with_forms(&files, carnet::Profile::Interne);
    let tableau = std::fs::read_to_string(built.out.join("tableau-de-bord/index.html"))
        .expect("the tableau de bord is written");
    for english in [
        "« notes.txt » is ignored: « .txt »: this extension is not read here",
        "one record per file, directly in this folder, named &lt;id&gt;.yaml",
    ] {
        assert!(tableau.contains(english), "{english} in:\n{tableau}");
    }
    assert!(!tableau.contains("est ignoré"), "{tableau}");
}
