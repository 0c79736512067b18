//! Form layouts are strict: a placeholder, a `si:` condition, a tick box's
//! `cochee_si`, a table's `lignes` or a column's `pour_chaque` that names a
//! value the form's data does not have is an error at `carnet check`, at its
//! file, line and column, whatever the kit's records hold. Locations and
//! names below are written by hand from the layouts.

mod common;

/// carnet.yaml of the test kits.
const CARNET: &str = "titre: Carnet d'essai\norganisation: Essor\n";

#[test]
fn a_misspelt_placeholder_is_an_error_at_its_place_and_check_exits_1() {
    // The built-in certificate, replaced by the kit's with a typo.
    let layout = "titre: Attestation\npour: attestation\nblocs:\n  - champs:\n      - { libelle: Tel, valeur: \"{{ personne.telephon }}\" }\n";
    let files = [
        ("carnet.yaml", CARNET),
        ("templates/forms/attestation-participation.yaml", layout),
    ];
    let k = common::check(&files);
    let d = k.error_at(
        "telephon",
        "templates/forms/attestation-participation.yaml:5:37",
    );
    assert_eq!(k.text_of(d), "personne.telephon");
    common::assert_expects(d, "telephone");

    let dir = common::write_kit(&files.map(|(p, c)| (p, c.as_bytes())));
    let out = common::run_carnet(&["check"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    let report = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        report.contains("templates/forms/attestation-participation.yaml:5:37")
            && report.contains("telephon"),
        "{report}"
    );
}

#[test]
fn bad_paths_of_conditions_tables_and_columns_are_errors_at_their_place() {
    let k = common::check(&[
        ("carnet.yaml", CARNET),
        (
            "templates/forms/condition.yaml",
            "titre: Essai\npour: personne\nblocs:\n  - si: personne.telephon\n    texte: Bonjour\n  - cases:\n      options:\n        - { texte: Nom, cochee_si: personne.annuaire.nmo }\n",
        ),
        (
            "templates/forms/lignes.yaml",
            "titre: Essai\npour: attestation\nblocs:\n  - tableau:\n      lignes: atelier\n      colonnes:\n        - { titre: Date, valeur: \"{{ ligne.date }}\" }\n",
        ),
        (
            "templates/forms/pas-une-liste.yaml",
            "titre: Essai\npour: attestation\nblocs:\n  - tableau:\n      lignes: personne\n      colonnes:\n        - { titre: Nom }\n",
        ),
        (
            "templates/forms/colonnes.yaml",
            "titre: Essai\npour: session_cycle\nblocs:\n  - tableau:\n      lignes: personnes\n      colonnes:\n        - { titre: Nom, valeur: \"{{ ligne.nom_complt }}\" }\n        - { titre: \"{{ element.dat }}\", pour_chaque: ateliers }\n        - { titre: X, pour_chaque: atelirs }\n",
        ),
    ]);
    let d = k.error_at("personne.telephon", "templates/forms/condition.yaml:4:9");
    assert!(d.message.contains("« telephon »"), "{}", d.message);
    k.error_at("nmo", "templates/forms/condition.yaml:8:36");
    let d = k.error_at("« atelier »", "templates/forms/lignes.yaml:5:15");
    common::assert_expects(d, "ateliers");
    // The row of a table whose list is misspelt is not reported again.
    assert!(k.all("ligne.date").is_empty(), "{}", k.dump());
    let d = k.error_at(
        "n'est pas une liste",
        "templates/forms/pas-une-liste.yaml:5:15",
    );
    common::assert_expects(d, "ateliers");
    k.error_at("nom_complt", "templates/forms/colonnes.yaml:7:37");
    k.error_at("element.dat", "templates/forms/colonnes.yaml:8:24");
    k.error_at("atelirs", "templates/forms/colonnes.yaml:9:36");
}

#[test]
fn a_list_read_as_a_record_and_a_cell_without_rows_are_errors() {
    let k = common::check(&[
        ("carnet.yaml", CARNET),
        (
            "templates/forms/liste.yaml",
            "titre: Essai\npour: session\nblocs:\n  - texte: \"{{ personnes.nom }}\"\n  - tableau:\n      colonnes:\n        - { titre: Nom, valeur: \"{{ ligne.nom }}\" }\n",
        ),
    ]);
    let d = k.error_at("personnes.nom", "templates/forms/liste.yaml:4:16");
    assert!(d.message.contains("est une liste"), "{d:?}");
    common::assert_expects(d, "lignes: personnes");
    // Without `lignes:`, a table has no row to read.
    k.error_at("« ligne »", "templates/forms/liste.yaml:7:37");
}

#[test]
fn every_target_has_the_site_values_and_a_blank_form_has_no_build_day() {
    let targets = [
        "session_cycle",
        "club_atelier",
        "session",
        "club",
        "inscription",
        "parrainage",
        "personne",
        "attestation",
        "participant",
    ];
    let layouts: Vec<(String, String)> = targets
        .iter()
        .map(|t| {
            (
                format!("templates/forms/essai-{t}.yaml"),
                format!("titre: \"{{{{ organisation }}}}, {{{{ titre_site }}}}, {{{{ aujourdhui }}}}{{% if vierge %}} vierge{{% endif %}}\"\npour: {t}\nblocs:\n  - titre: Essai\n"),
            )
        })
        .chain([(
            "templates/forms/essai-vierge.yaml".to_string(),
            "titre: \"{{ organisation }} {{ aujourdhui }}\"\npour: vierge\nblocs:\n  - texte: \"{{ charte }}\"\n".to_string(),
        )])
        .collect();
    let mut files: Vec<(&str, &str)> = vec![("carnet.yaml", CARNET)];
    files.extend(layouts.iter().map(|(p, c)| (p.as_str(), c.as_str())));
    let k = common::check(&files);
    assert_eq!(
        k.locations("aujourdhui"),
        ["templates/forms/essai-vierge.yaml:1:31"],
        "{}",
        k.dump()
    );
    assert_eq!(k.errors().len(), 1, "{}", k.dump());
}

#[test]
fn every_built_in_layout_passes() {
    let k = common::check(&[("carnet.yaml", CARNET)]);
    let layouts = k
        .kit
        .sources
        .iter()
        .filter(|(_, f)| f.path.starts_with("templates/forms/"))
        .count();
    assert_eq!(
        layouts, 9,
        "the nine built-in layouts are among the sources"
    );
    assert!(k.diagnostics.is_empty(), "{}", k.dump());
}

#[test]
fn a_value_read_inside_one_that_may_be_absent_needs_a_condition() {
    // A mentee may have no session: `session` is then empty.
    let k = common::check(&[
        ("carnet.yaml", CARNET),
        (
            "templates/forms/parrainage-court.yaml",
            "titre: Essai\npour: parrainage\nblocs:\n  - texte: \"{{ session.titre }}\"\n  - texte: \"{% if session %}{{ session.tuteurs_noms }}{% endif %}\"\n  - texte: \"{{ parrainage.debut or '' }}\"\n",
        ),
    ]);
    let d = k.error_at("peut manquer", "templates/forms/parrainage-court.yaml:4:16");
    assert!(d.message.contains("session.titre"), "{d:?}");
    common::assert_expects(d, "{% if session %}");
    assert_eq!(k.errors().len(), 1, "{}", k.dump());
}
