//! Strict templates (issue 8, point 5): a variable a page template does not
//! receive is an error at `carnet check`, at the kit template's file and line,
//! whatever the records hold; a correct override and the built-in templates pass.

mod common;

use carnet::Profile;
use common::{Checked, build_with_forms, check, run_carnet};

const CONFIG: &str = "titre: \"Kit\"\n";
const PERSON: &str = "civilite: M.\nnom: Dupont\nprenom: Jean\ntelephone: \"06 12 34 56 78\"\n";

/// The kit's fiche template, replacing the built-in one.
const FICHE: &str = "templates/personne.html";

/// A fiche template whose line 3 reads `body` in a block of the built-in base.
fn fiche(body: &str) -> String {
    format!("{{% extends \"base.html\" %}}\n{{% block content %}}\n{body}\n{{% endblock %}}\n")
}

/// Checks a kit of one person whose fiche template's line 3 is `body`.
fn check_fiche(body: &str) -> Checked {
    check(&[
        ("carnet.yaml", CONFIG),
        ("data/personnes/dupont-jean.yaml", PERSON),
        (FICHE, &fiche(body)),
    ])
}

#[test]
fn a_misspelt_field_is_an_error_at_its_line_naming_it() {
    let c = check_fiche("<p>{{ page.nom }} : {{ page.telephon }}</p>");
    let d = c.error_at("page.telephon", "templates/personne.html:3:24");
    assert_eq!(c.text_of(d), "page.telephon");
    assert!(d.message.contains("variable inconnue"), "{}", d.message);
    let expected = d.expected.as_deref().unwrap_or_default();
    assert!(
        expected.contains("un champ de page :") && expected.contains("telephone"),
        "the fields of page are listed: {expected}"
    );
    assert_eq!(c.errors().len(), 1, "{}", c.dump());

    let output = run_carnet(&["check"], c.dir.path());
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("templates/personne.html:3:24"), "{stderr}");
    assert!(stderr.contains("page.telephon"), "{stderr}");
}

#[test]
fn a_correct_override_passes_and_builds() {
    let template = fiche(
        "<h1>{{ page.nom }} {{ page.prenom }}</h1>\n\
         {% if page.telephone %}<p>{{ page.telephone }}</p>{% else %}<p>{{ t.aucune_coordonnee }}</p>{% endif %}\n\
         {% for e in page.evenements %}<p>{{ e.date|date }} {{ e.titre }}</p>{% endfor %}",
    );
    let files = [
        ("carnet.yaml", CONFIG.to_string()),
        ("data/personnes/dupont-jean.yaml", PERSON.to_string()),
        (FICHE, template),
    ];
    let texts: Vec<(&str, &str)> = files.iter().map(|(p, c)| (*p, c.as_str())).collect();
    check(&texts).assert_clean();
    let built = build_with_forms(&files, Profile::Public);
    let page = std::fs::read_to_string(built.out.join("personnes/dupont-jean.html"))
        .expect("the fiche is written");
    assert!(page.contains("<h1>DUPONT Jean</h1>"), "{page}");
}

#[test]
fn the_built_in_templates_pass_on_a_kit_without_templates() {
    let c = check(&[
        ("carnet.yaml", CONFIG),
        ("data/personnes/dupont-jean.yaml", PERSON),
    ]);
    c.assert_clean();
}

#[test]
fn the_example_kit_passes() {
    let (kit, diagnostics) = common::check_dir(std::path::Path::new(env!("CARGO_MANIFEST_DIR")));
    let errors: Vec<String> = diagnostics
        .iter()
        .filter(|d| d.severity == carnet::diagnostic::Severity::Error)
        .map(|d| d.one_line(&kit.sources))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
}

#[test]
fn a_misspelt_name_in_the_branch_of_a_missing_value_is_found() {
    // A full sample has a phone: only a sample without one reaches the `else`.
    let c = check_fiche(
        "{% if page.telephone %}{{ page.telephone }}{% else %}{{ t.aucune_coordonee }}{% endif %}",
    );
    c.error_at("t.aucune_coordonee", "templates/personne.html:3:57");
}

#[test]
fn a_misspelt_name_in_the_internal_part_is_found_in_a_public_kit() {
    let c =
        check_fiche("{% if site.profile == \"interne\" %}{{ page.situation.emploie }}{% endif %}");
    c.error_at("page.situation.emploie", "templates/personne.html:3:38");
}

#[test]
fn a_list_page_reads_named_fields_not_positions() {
    // Lists used to be tuples read as e[0], e[3]: a kit override reading them so is told.
    let template = "{% extends \"base.html\" %}\n{% block content %}\
                    {% for e in page %}{{ e.date|date }} {{ e.titre }} {{ e[3] }}{% endfor %}\
                    {% endblock %}\n";
    let c = check(&[
        ("carnet.yaml", CONFIG),
        ("templates/evenements.html", template),
    ]);
    let d = c.error_at("e[3]", "templates/evenements.html:2:74");
    assert!(d.message.contains("variable inconnue"), "{}", d.message);
}

#[test]
fn a_misspelt_name_in_a_kit_macro_is_reported_in_the_macro_file() {
    // The built-in pages import `person` from macros.html: the kit's own
    // macros.html is checked through them.
    let macros = "{% macro person(p, root) %}\n<a href=\"{{ root }}{{ p.url }}\">{{ p.nom_complet }}</a>\n{% endmacro %}\n\
                  {% macro statut(code, t) %}{{ code }}{% endmacro %}\n\
                  {% macro yesno(value, t) %}{{ value }}{% endmacro %}\n\
                  {% macro scroll(label) %}{{ caller() }}{% endmacro %}\n\
                  {% macro crumbs(root, t, url, label) %}{% endmacro %}\n\
                  {% macro address(a) %}{{ a.ville }}{% endmacro %}\n";
    let c = check(&[("carnet.yaml", CONFIG), ("templates/macros.html", macros)]);
    c.error_at("p.nom_complet", "templates/macros.html:2:36");
}

#[test]
fn a_date_filter_on_text_is_an_error_saying_what_it_takes() {
    let c = check_fiche("{{ page.nom|date }}");
    c.error_at(
        "les filtres date et jour ne s'appliquent qu'aux dates (AAAA-MM-JJ)",
        "templates/personne.html:3:13",
    );
}

#[test]
fn a_role_the_kit_adds_is_shown_by_its_code() {
    // Strict templates: a code with no label falls back to the code, not to an error.
    let built = build_with_forms(
        &[
            ("carnet.yaml", format!("{CONFIG}roles: [benevole]\n")),
            (
                "data/personnes/dupont-jean.yaml",
                format!("{PERSON}roles: [benevole]\nannuaire: {{ nom: true }}\n"),
            ),
        ],
        Profile::Public,
    );
    let page = std::fs::read_to_string(built.out.join("personnes/dupont-jean.html"))
        .expect("the fiche is written");
    assert!(page.contains("<li>benevole</li>"), "{page}");
}

#[test]
fn a_kit_macros_file_missing_a_macro_the_built_in_pages_use_is_reported() {
    // No `yesno`: the built-in event page, which imports it, cannot render.
    let macros = "{% macro person(p, root) %}{{ p.nom }}{% endmacro %}\n\
                  {% macro statut(code, t) %}{{ code }}{% endmacro %}\n\
                  {% macro scroll(label) %}{{ caller() }}{% endmacro %}\n\
                  {% macro crumbs(root, t, url, label) %}{% endmacro %}\n\
                  {% macro address(a) %}{{ a.ville }}{% endmacro %}\n";
    let c = check(&[("carnet.yaml", CONFIG), ("templates/macros.html", macros)]);
    let d = c.error_at("evenement.html", "templates/macros.html:1:1");
    assert!(d.message.contains("yesno"), "{}", c.dump());
}
