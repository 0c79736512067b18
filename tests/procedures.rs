//! The rules of the procedure reference (content/procedures/*.md,
//! data/documents.yaml, an event's `procedure`): each bad input, its message
//! and its file:line:col; and the acteurs merged into one role across
//! procedures (case, accents, inclusive writing, carnet.yaml alias_acteurs).

mod common;

use common::check;

const ONE_STEP: &str = "acteurs: [Tuteur]\netapes:\n  - { n: 1, acteur: Tuteur, action: Fait }\n";

#[test]
fn a_procedure_code_taken_twice_is_an_error_at_the_second() {
    let k = check(&[
        (
            "content/procedures/A.md",
            &format!("---\ncode: P01\ntitre: Un\n{ONE_STEP}---\n"),
        ),
        (
            "content/procedures/B.md",
            &format!("---\ncode: P01\ntitre: Deux\n{ONE_STEP}---\n"),
        ),
    ]);
    k.error_at(
        "le code de procédure « P01 » est déjà pris",
        "content/procedures/B.md:2:7",
    );
    assert_eq!(k.kit.reference.procedures.len(), 1);
}

#[test]
fn the_code_defaults_to_the_file_name_and_must_make_an_address() {
    let k = check(&[
        (
            "content/procedures/P07.md",
            &format!("---\ntitre: Sept\n{ONE_STEP}---\n"),
        ),
        (
            "content/procedures/x.md",
            &format!("---\ncode: index\ntitre: Index\n{ONE_STEP}---\n"),
        ),
    ]);
    k.error_at(
        "le code de procédure « index » ne peut pas servir d'adresse de page",
        "content/procedures/x.md:2:7",
    );
    let codes: Vec<&str> = k
        .kit
        .reference
        .procedures
        .iter()
        .map(|p| p.code.as_str())
        .collect();
    assert_eq!(codes, ["P07"]);
}

#[test]
fn steps_are_numbered_from_one_in_order() {
    let k = check(&[(
        "content/procedures/P02.md",
        "---\ntitre: Deux\nacteurs: [Tuteur]\netapes:\n  - { n: 1, acteur: Tuteur, action: Un }\n  - { n: 3, acteur: Tuteur, action: Deux }\n---\n",
    )]);
    let d = k.error_at(
        "étape numérotée 3 à la place 2",
        "content/procedures/P02.md:6:10",
    );
    common::assert_expects(d, "n: 2");
}

#[test]
fn an_acteur_not_declared_is_an_error_with_the_closest_name() {
    let k = check(&[(
        "content/procedures/P03.md",
        "---\ntitre: Trois\nacteurs: [Tuteur, Stagiaire]\netapes:\n  - n: 1\n    acteur: [Tuteur, Stagiare]\n    action: Ensemble\n  - n: 2\n    acteur: Formateur\n    action: Seul\n---\n",
    )]);
    k.error_at(
        "l'acteur « Stagiare » n'est pas déclaré dans acteurs (vouliez-vous dire « Stagiaire » ?)",
        "content/procedures/P03.md:6:22",
    );
    let d = k.error_at(
        "l'acteur « Formateur » n'est pas déclaré dans acteurs",
        "content/procedures/P03.md:9:13",
    );
    assert_eq!(
        d.expected.as_deref(),
        Some("un des acteurs de la procédure : Tuteur, Stagiaire")
    );
}

#[test]
fn every_suivant_leads_to_a_step_of_the_procedure() {
    let k = check(&[(
        "content/procedures/P04.md",
        "---\ntitre: Quatre\nacteurs: [Tuteur]\netapes:\n  - n: 1\n    acteur: Tuteur\n    action: Un\n    suivant: [{ n: 2, si: complet }, 5]\n  - n: 2\n    acteur: Tuteur\n    action: Deux\n    suivant: [{ n: 0, si: jamais }]\n---\n",
    )]);
    k.error_at("l'étape 5 n'existe pas", "content/procedures/P04.md:8:38");
    k.error_at("l'étape 0 n'existe pas", "content/procedures/P04.md:12:20");
}

#[test]
fn a_join_waits_for_all_or_one() {
    let k = check(&[(
        "content/procedures/P05.md",
        "---\ntitre: Cinq\nacteurs: [Tuteur]\netapes:\n  - n: 1\n    acteur: Tuteur\n    action: Un\n    attend: tous\n---\n",
    )]);
    let d = k.error_at(
        "valeur inconnue « tous » pour attend",
        "content/procedures/P05.md:8:13",
    );
    assert!(
        d.expected
            .as_deref()
            .unwrap_or_default()
            .starts_with("toutes")
    );
}

#[test]
fn a_cited_code_is_a_catalogue_entry_or_a_procedure() {
    let k = check(&[
        (
            "data/documents.yaml",
            "- { code: M30, titre: Fiche d'accueil, type: modele }\n",
        ),
        (
            "content/procedures/P01.md",
            "---\ntitre: Un\nacteurs: [Tuteur]\netapes:\n  - { n: 1, acteur: Tuteur, action: Un, documents: [M30, P02, M3O] }\noutils: [X9]\n---\n",
        ),
        (
            "content/procedures/P02.md",
            &format!("---\ntitre: Deux\n{ONE_STEP}---\n"),
        ),
    ]);
    k.error_at(
        "document inconnu « M3O » (vouliez-vous dire « M30 » ?)",
        "content/procedures/P01.md:5:63",
    );
    k.error_at("document inconnu « X9 »", "content/procedures/P01.md:6:10");
    assert_eq!(k.errors().len(), 2, "{}", k.dump());
}

#[test]
fn the_catalogue_has_its_own_rules() {
    let k = check(&[
        (
            "data/documents.yaml",
            "- { code: M30, titre: Fiche d'accueil, type: modele }\n- { code: M30, titre: Autre, type: guide }\n- { code: G01, titre: fiche d'accueil, type: guide }\n- { code: T01, titre: Agenda, type: logiciel }\n- { code: F01, titre: Charte, type: modele, fichier: modeles/charte.pdf }\n",
        ),
        ("content/documents/modeles/charte.md", "# Charte\n"),
    ]);
    k.error_at(
        "le code de document « M30 » est déjà pris",
        "data/documents.yaml:2:11",
    );
    k.warning_at(
        "le titre « fiche d'accueil » est aussi celui du document M30",
        "data/documents.yaml:3:23",
    );
    let d = k.error_at(
        "type de document inconnu « logiciel »",
        "data/documents.yaml:4:37",
    );
    assert_eq!(
        d.expected.as_deref(),
        Some("modele, guide, base_de_donnees, outil, affiche, depliant, ressource, procedure")
    );
    k.error_at(
        "le fichier « content/documents/modeles/charte.pdf » n'existe pas (vouliez-vous dire « modeles/charte.md » ?)",
        "data/documents.yaml:5:54",
    );
}

#[test]
fn an_event_names_an_existing_procedure() {
    let k = check(&[
        (
            "content/procedures/P08.md",
            &format!("---\ntitre: Huit\n{ONE_STEP}---\n"),
        ),
        (
            "data/evenements/forum.yaml",
            "titre: Forum\ndate: \"2026-10-05\"\nprocedure: P99\n",
        ),
        (
            "data/evenements/salon.yaml",
            "titre: Salon\ndate: \"2026-10-06\"\nprocedure: P08\n",
        ),
    ]);
    k.error_at(
        "procédure inconnue « P99 »",
        "data/evenements/forum.yaml:3:12",
    );
    let p = &k.kit.reference.procedures[0];
    let followed: Vec<&str> = p
        .evenements
        .iter()
        .map(|&e| k.kit.evenements[e].id.as_str())
        .collect();
    assert_eq!(followed, ["salon"]);
}

#[test]
fn a_procedure_without_front_matter_or_title_is_reported() {
    let k = check(&[
        ("content/procedures/P01.md", "Juste du texte\n"),
        (
            "content/procedures/P02.md",
            &format!("---\n{ONE_STEP}---\n"),
        ),
    ]);
    k.error_at(
        "une procédure commence par un en-tête « --- »",
        "content/procedures/P01.md:1:1",
    );
    k.error_at(
        "champ obligatoire manquant « titre »",
        "content/procedures/P02.md:1:1",
    );
}

/// One procedure of code `code` whose only step is done by `acteur`.
fn by(code: &str, acteur: &str) -> (String, String) {
    (
        format!("content/procedures/{code}.md"),
        format!(
            "---\ntitre: Procédure {code}\nacteurs: [\"{acteur}\"]\netapes:\n  - {{ n: 1, acteur: \"{acteur}\", action: Étape de {code} }}\n---\n"
        ),
    )
}

#[test]
fn acteurs_are_merged_across_procedures() {
    let files = [
        by("P01", "Chargé(e) de communication"),
        by("P02", "chargé·e de communication"),
        by("P03", "Chargé.e de Communication"),
        by("P04", "CHARGE DE COMMUNICATION"),
        by("P05", "Tutrice"),
        by("P06", "Tuteur"),
        by("P07", "Stagiaire"),
        (
            "carnet.yaml".to_string(),
            "titre: Essai\nalias_acteurs:\n  Tutrice: Tuteur\n".to_string(),
        ),
    ];
    let borrowed: Vec<(&str, &str)> = files
        .iter()
        .map(|(p, c)| (p.as_str(), c.as_str()))
        .collect();
    let k = check(&borrowed);
    k.assert_clean();
    let r = &k.kit.reference;
    let roles: Vec<(&str, usize)> = r
        .acteurs
        .iter()
        .map(|a| (a.nom.as_str(), a.etapes.len()))
        .collect();
    assert_eq!(
        roles,
        [
            ("Chargé(e) de communication", 4),
            ("Stagiaire", 1),
            ("Tuteur", 2)
        ]
    );
    assert_eq!(
        r.acteurs[0].variantes,
        [
            "chargé·e de communication",
            "Chargé.e de Communication",
            "CHARGE DE COMMUNICATION"
        ]
    );
    // Each procedure's lane keeps the name as that procedure writes it.
    assert_eq!(r.procedures[4].acteurs, ["Tutrice"]);
    assert_eq!(r.acteurs[r.procedures[4].roles[0]].nom, "Tuteur");
}

#[test]
fn a_kit_of_procedures_only_is_valid() {
    let k = check(&[
        (
            "content/procedures/P01.md",
            &format!("---\ntitre: Un\n{ONE_STEP}---\n"),
        ),
        (
            "data/documents.yaml",
            "- { code: M01, titre: Modèle, type: modele }\n",
        ),
    ]);
    k.assert_clean();
}

#[test]
fn a_file_to_download_never_leads_to_the_records() {
    let k = common::write_kit(&[(
        "data/personnes/durand-alice.yaml",
        b"civilite: Mme\nnom: Durand\nprenom: Alice\n",
    )]);
    common::symlink(
        k.path(),
        "content/documents/fiche.yaml",
        &k.path().join("data/personnes/durand-alice.yaml"),
    );
    let (kit, diagnostics) = common::check_dir(k.path());
    let found: Vec<String> = diagnostics
        .iter()
        .filter(|d| d.message.contains("mène aux fiches de data/"))
        .map(|d| kit.sources.location(d.span))
        .collect();
    assert_eq!(found, ["content/documents/fiche.yaml:1:1"]);
    assert!(kit.reference.catalogue.files.is_empty());
}

#[test]
fn a_join_needs_two_arrows_and_every_step_is_reached() {
    let k = check(&[(
        "content/procedures/P06.md",
        "---\ntitre: Six\nacteurs: [Tuteur]\netapes:\n  - n: 1\n    acteur: Tuteur\n    action: Un\n    suivant: [3]\n  - n: 2\n    acteur: Tuteur\n    action: Oubliée\n  - n: 3\n    acteur: Tuteur\n    action: Trois\n    attend: toutes\n---\n",
    )]);
    // Step 2 leads to 3 by default: two arrows reach 3, none reaches 2.
    k.warning_at(
        "aucune étape ne mène à l'étape 2",
        "content/procedures/P06.md:9:8",
    );
    assert!(k.all("attend d'autres étapes").is_empty(), "{}", k.dump());

    let k = check(&[(
        "content/procedures/P07.md",
        "---\ntitre: Sept\nacteurs: [Tuteur]\netapes:\n  - n: 1\n    acteur: Tuteur\n    action: Un\n  - n: 2\n    acteur: Tuteur\n    action: Deux\n    attend: une\n---\n",
    )]);
    k.warning_at(
        "l'étape 2 attend d'autres étapes mais une seule flèche y mène",
        "content/procedures/P07.md:11:13",
    );
}
