//! The site's menu (templates/menu.html, drawn once per place a page can
//! sit): each page still marks itself and its section, and a kit's own
//! menu.html receives where the page sits.

mod common;

use carnet::Profile;
use std::collections::BTreeMap;

/// The example kit, built for staff.
fn example_site() -> BTreeMap<String, Vec<u8>> {
    let dir = tempfile::tempdir().expect("a temporary folder");
    common::example::copy_kit(dir.path());
    common::build_files(dir.path(), Profile::Interne)
}

/// The `<nav class="site-nav">` of a page.
fn menu_of<'a>(site: &'a BTreeMap<String, Vec<u8>>, path: &str) -> &'a str {
    let html = std::str::from_utf8(&site[path]).expect("utf-8");
    let start = html.find("<nav class=\"site-nav\"").expect("a menu");
    let end = start + html[start..].find("</nav>").expect("the menu's end");
    &html[start..end]
}

#[test]
fn every_page_marks_itself_and_its_section_in_the_menu() {
    let site = example_site();
    let fiche = menu_of(&site, "personnes/aubert-sebastien.html");
    assert!(fiche.contains("<a href=\"../personnes/index.html\" class=\"actif\">Personnes</a>"));
    assert!(fiche.contains("<a href=\"../sessions/index.html\">Sessions</a>"));
    assert!(!fiche.contains("aria-current"));

    let session = menu_of(&site, "sessions/2026-09.html");
    assert!(session.contains("<a href=\"../sessions/index.html\" class=\"actif\">Sessions</a>"));
    assert!(session.contains("<a href=\"../personnes/index.html\">Personnes</a>"));

    let index = menu_of(&site, "procedures/index.html");
    assert!(
        index.contains("<a href=\"../procedures/index.html\" aria-current=\"page\">Procédures</a>")
    );
    assert!(index.contains("<details><summary class=\"actif\">Référence</summary>"));

    let free_page = menu_of(&site, "pages/a-propos.html");
    assert!(
        free_page.contains("<a href=\"../pages/a-propos.html\" aria-current=\"page\">À propos</a>")
    );
    assert!(free_page.contains("<details><summary class=\"actif\">Pages</summary>"));
    assert!(free_page.contains("<a href=\"../pages/entretiens.html\">"));

    let home = menu_of(&site, "index.html");
    assert!(home.contains("<a href=\"personnes/index.html\">Personnes</a>"));
    assert!(!home.contains("actif") && !home.contains("aria-current"));
}

#[test]
fn two_fiches_share_the_same_menu_and_a_session_another() {
    let site = example_site();
    let a = menu_of(&site, "personnes/aubert-sebastien.html");
    let b = menu_of(&site, "personnes/barbier-ines.html");
    assert_eq!(a, b);
    assert_ne!(a, menu_of(&site, "sessions/2026-09.html"));
}

#[test]
fn a_kit_menu_template_is_told_where_each_page_sits() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    common::example::copy_kit(dir.path());
    std::fs::create_dir_all(dir.path().join("templates")).expect("templates/");
    std::fs::write(
        dir.path().join("templates/menu.html"),
        "<nav class=\"site-nav\">{{ root }}|{{ courant or '-' }}|{{ rubrique or '-' }}|{{ site.titre }}</nav>\n",
    )
    .expect("write menu.html");
    let site = common::build_files(dir.path(), Profile::Interne);
    let titre = "|Carnet de Passerelle Emploi";
    let cases = [
        ("index.html", "|index.html|-"),
        (
            "personnes/index.html",
            "../|personnes/index.html|personnes/index.html",
        ),
        (
            "personnes/aubert-sebastien.html",
            "../|-|personnes/index.html",
        ),
        ("pages/a-propos.html", "../|pages/a-propos.html|-"),
    ];
    for (path, expected) in cases {
        assert_eq!(
            menu_of(&site, path),
            format!("<nav class=\"site-nav\">{expected}{titre}"),
            "{path}"
        );
    }
}

#[test]
fn a_kit_menu_template_using_path_is_told_what_it_receives() {
    let c = common::check(&[
        ("carnet.yaml", common::CONFIG),
        ("templates/menu.html", "<nav>\n{{ path }}\n</nav>\n"),
    ]);
    let d = c.error_at("variable inconnue « path »", "templates/menu.html:2:4");
    common::assert_expects(d, "(site, t, u, root, courant, rubrique)");
}
