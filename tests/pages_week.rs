//! The pages of a coordinator's week (issue 9, point 6): the presence grid
//! of a session and of a club (compact marks, a legend, one grid per cycle,
//! a list per person for a phone), club pages without always-empty columns,
//! a menu that holds on one line, and the list of people with its filters.
//! Small kits built into temporary folders; expected text written by hand.

mod common;

use carnet::Profile;
use common::page;

fn personne(civilite: &str, nom: &str, prenom: &str, extra: &str) -> String {
    format!("civilite: {civilite}\nnom: \"{nom}\"\nprenom: \"{prenom}\"\n{extra}")
}

/// Session 42 (September 2026): cycle 1 on 07/09 and 09/09, cycle 2 on
/// 21/09. Anne (Mme) is absent on 09/09 with a comment; Bruno (M.) is
/// excused on 21/09; Chloé (Mme) joins on 15/09, for cycle 2 only. A club in
/// October with two people and nothing recorded about their financing. Two
/// free pages in the menu, and a role of the kit's own.
fn kit() -> Vec<(&'static str, String)> {
    let session = "data/sessions/2026-09.yaml";
    vec![
        (
            "carnet.yaml",
            "titre: Carnet d'essai\norganisation: Essor\nroles: [benevole]\n".to_string(),
        ),
        (
            "data/personnes/aubert-anne.yaml",
            personne(
                "Mme",
                "Aubert",
                "Anne",
                "inscriptions: [{ session: \"2026-09\", financement: CPF }]\nclubs: [club-2026-10]\n",
            ),
        ),
        (
            "data/personnes/blanc-bruno.yaml",
            personne(
                "M.",
                "Blanc",
                "Bruno",
                "inscriptions: [{ session: \"2026-09\", financement: Région }]\nclubs: [club-2026-10]\n",
            ),
        ),
        (
            "data/personnes/chevalier-chloe.yaml",
            personne(
                "Mme",
                "Chevalier",
                "Chloé",
                "inscriptions: [{ session: \"2026-09\", financement: CPF, depuis: \"2026-09-15\" }]\n",
            ),
        ),
        (
            "data/personnes/roux-rene.yaml",
            personne("M.", "Roux", "René", "roles: [tuteur, benevole]\n"),
        ),
        (
            session,
            "numero: 42\nmois: \"2026-09\"\ntuteurs: [roux-rene]\nateliers:\n\
             \x20 - date: \"2026-09-07\"\n    intitule: Accueil\n    cycle: 1\n\
             \x20   presences: { aubert-anne: present, blanc-bruno: present }\n\
             \x20 - date: \"2026-09-09\"\n    intitule: CV\n    cycle: 1\n\
             \x20   presences:\n      aubert-anne: { statut: absent, commentaire: Rendez-vous médical }\n      blanc-bruno: present\n\
             \x20 - date: \"2026-09-21\"\n    intitule: Entretien\n    cycle: 2\n\
             \x20   presences: { aubert-anne: present, blanc-bruno: excuse, chevalier-chloe: present }\n"
                .to_string(),
        ),
        (
            "data/clubs/club-2026-10.yaml",
            "mois: \"2026-10\"\ntuteur: roux-rene\nateliers:\n\
             \x20 - date: \"2026-10-06\"\n    intitule: Réseau\n    presences: { aubert-anne: present, blanc-bruno: absent }\n"
                .to_string(),
        ),
        (
            "content/pages/charte.md",
            "---\ntitre: Charte\nmenu: true\n---\n\nTexte.\n".to_string(),
        ),
        (
            "content/pages/a-propos.md",
            "---\ntitre: À propos\nmenu: true\n---\n\nTexte.\n".to_string(),
        ),
    ]
}

/// Builds the kit for `profile`; the output folder is kept alive with it.
fn build(profile: Profile) -> common::BuiltKit {
    common::build_with_forms(&kit(), profile)
}

/// The text between `from` and the next `to` after it.
fn between<'a>(html: &'a str, from: &str, to: &str) -> &'a str {
    let start = html
        .find(from)
        .unwrap_or_else(|| panic!("{from:?} missing:\n{html}"));
    let rest = &html[start..];
    &rest[..rest.find(to).unwrap_or(rest.len())]
}

/// The presence grids' tables of a page, in order.
fn grid_tables(html: &str) -> Vec<&str> {
    html.match_indices("<table class=\"grid marks sticky-first\">")
        .map(|(i, _)| {
            let rest = &html[i..];
            &rest[..rest.find("</table>").expect("the table ends")]
        })
        .collect()
}

#[test]
fn each_cycle_has_its_own_grid_of_compact_marks() {
    let built = build(Profile::Interne);
    let html = page(&built, "sessions/2026-09.html");
    let grids = grid_tables(&html);
    assert_eq!(grids.len(), 2, "{html}");
    let h1 = html
        .find("<h3>Cycle 1 — Formation</h3>")
        .expect("cycle 1 heading");
    let h2 = html
        .find("<h3>Cycle 2 — Approfondissement</h3>")
        .expect("cycle 2 heading");
    assert!(h1 < h2);

    // Cycle 1: its two dates, Anne and Bruno; Chloé joined after it.
    let (one, two) = (grids[0], grids[1]);
    assert!(one.contains("datetime=\"2026-09-07\"") && one.contains("datetime=\"2026-09-09\""));
    assert!(!one.contains("datetime=\"2026-09-21\""), "{one}");
    assert!(!one.contains("CHEVALIER"), "{one}");
    assert!(two.contains("datetime=\"2026-09-21\"") && !two.contains("2026-09-07"));
    assert!(two.contains("CHEVALIER Chloé"), "{two}");

    // A mark per cell, its words for screen readers, no badge repeated.
    assert!(!one.contains("badge"), "{one}");
    assert!(one.contains(
        "<td class=\"mark mark-absent\" title=\"Absente — Rendez-vous médical\"><span aria-hidden=\"true\">A</span><span class=\"visually-hidden\">Absente</span>"
    ), "{one}");
    assert!(
        two.contains(
            "<span aria-hidden=\"true\">E</span><span class=\"visually-hidden\">Excusé</span>"
        ),
        "{two}"
    );
    assert!(one.contains(
        "<span aria-hidden=\"true\">✓</span><span class=\"visually-hidden\">Présente</span>"
    ));
    // Headers with their scope, the name column first.
    assert!(one.contains("<th scope=\"col\">Nom</th>"));
    assert!(one.contains(
        "<th scope=\"row\"><a href=\"../personnes/aubert-anne.html\">AUBERT Anne</a></th>"
    ));
    // The comment is listed under the grid.
    assert!(
        html.contains("AUBERT Anne, 09/09 : Rendez-vous médical"),
        "{html}"
    );
}

#[test]
fn the_legend_says_what_each_mark_means() {
    let built = build(Profile::Interne);
    let html = page(&built, "sessions/2026-09.html");
    let legend = between(&html, "<p class=\"legend\">", "</p>");
    for (mark, words) in [
        ("✓", "Présent(e)"),
        ("A", "Absent(e)"),
        ("E", "Excusé(e)"),
        ("?", "Non renseigné"),
        ("·", "Non attendu(e)"),
    ] {
        assert!(
            legend.contains(&format!(
                "<span class=\"mark\" aria-hidden=\"true\">{mark}</span> {words}"
            )),
            "{mark} {words}: {legend}"
        );
    }
}

#[test]
fn a_phone_gets_a_list_per_person() {
    let built = build(Profile::Interne);
    let html = page(&built, "sessions/2026-09.html");
    let list = between(&html, "<ul class=\"grid-narrow\">", "</ul></li></ul>");
    let anne = between(list, "AUBERT Anne", "</ul>");
    assert!(
        anne.contains("<time datetime=\"2026-09-07\">07/09</time>"),
        "{anne}"
    );
    assert!(
        anne.contains("Absente — <span class=\"cell-comment\">Rendez-vous médical</span>"),
        "{anne}"
    );
    // The theme shows the list and hides the grid on a narrow screen, and
    // keeps the name column in view while the grid scrolls.
    let css = std::fs::read_to_string(built.out.join("theme/style.css")).expect("the theme");
    let narrow = between(&css, "@media (max-width: 40rem)", "\n}\n");
    assert!(narrow.contains(".grid-wide { display: none; }"), "{narrow}");
    assert!(
        narrow.contains(".grid-narrow { display: block; }"),
        "{narrow}"
    );
    let sticky = between(
        &css,
        ".sticky-first tbody th[scope=\"row\"], .sticky-first thead th:first-child {",
        "}",
    );
    assert!(sticky.contains("position: sticky"), "{sticky}");
}

#[test]
fn a_club_page_leaves_out_the_columns_nobody_fills() {
    let built = build(Profile::Interne);
    let club = page(&built, "clubs/club-2026-10.html");
    let enrolled = between(&club, "<h2 id=\"inscrits\">", "</table>");
    for empty in ["Financement", "N° CAF", "N° CLI", "Complément", "depuis le"] {
        assert!(!enrolled.contains(empty), "{empty}: {enrolled}");
    }
    assert!(enrolled.contains("AUBERT Anne"));
    // The session keeps the columns someone filled, and only those.
    let session = page(&built, "sessions/2026-09.html");
    let enrolled = between(&session, "<h2 id=\"inscrits\">", "</table>");
    assert!(
        enrolled.contains("<th scope=\"col\">Financement</th>"),
        "{enrolled}"
    );
    assert!(enrolled.contains("<td>Région</td>"), "{enrolled}");
    assert!(enrolled.contains("Inscrit(e) depuis le"), "{enrolled}");
    assert!(!enrolled.contains("N° CAF"), "{enrolled}");
}

/// The menus of a wide screen's line, in order: each summary and the
/// labels of its links.
fn menu_groups(html: &str) -> Vec<(String, Vec<String>)> {
    let full = between(html, "<ul class=\"nav-full\">", "</nav>");
    full.split("<li class=\"nav-more\">")
        .skip(1)
        .map(|group| {
            let summary = between(group, "<summary", "</summary>");
            let summary = summary[summary.find('>').expect("a summary") + 1..].to_string();
            let links = between(group, "<ul>", "</ul>")
                .split("</a>")
                .filter_map(|a| a.rfind('>').map(|at| a[at + 1..].to_string()))
                .filter(|label| !label.trim().is_empty())
                .collect();
            (summary, links)
        })
        .collect()
}

#[test]
fn the_menu_groups_the_reference_the_follow_up_and_the_free_pages() {
    let built = build(Profile::Public);
    let html = page(&built, "index.html");
    let labels = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    assert_eq!(
        menu_groups(&html),
        [
            (
                "Référence".to_string(),
                labels(&["Procédures", "Documents", "Opérateurs"])
            ),
            ("Pages".to_string(), labels(&["Charte", "À propos"])),
        ]
    );
    // The week's sections stay on the line, the public tableau de bord too.
    let full = between(&html, "<ul class=\"nav-full\">", "<li class=\"nav-more\">");
    for section in [
        "Personnes",
        "Sessions",
        "Planning",
        "Parrainages",
        "Annuaire",
    ] {
        assert!(
            full.contains(&format!(">{section}</a>")),
            "{section}: {full}"
        );
    }
    // The public tableau de bord is a link of its own, between the two menus.
    let between_menus = between(&html, "Opérateurs</a></li>", "<summary>Pages</summary>");
    assert!(
        between_menus.contains(">Tableau de bord</a>"),
        "{between_menus}"
    );
    // Staff get the follow-up under one menu (« Sorties PLIE » joins it in a
    // kit with a commission calendar; this one has none).
    let interne = build(Profile::Interne);
    let html = page(&interne, "index.html");
    let groups = menu_groups(&html);
    assert_eq!(groups[1].0, "Suivi");
    assert_eq!(groups[1].1, labels(&["Tableau de bord", "Rapports"]));
    // The phone's menu lists every entry flat.
    let compact = between(&html, "<details class=\"nav-compact\">", "</details>");
    for label in ["Personnes", "Procédures", "Rapports", "Charte"] {
        assert!(compact.contains(&format!(">{label}</a>")), "{label}");
    }
}

#[test]
fn people_can_be_filtered_by_role_and_by_session_without_a_server() {
    let built = build(Profile::Interne);
    let html = page(&built, "personnes/index.html");
    // Without the script the filters stay hidden and every row is shown.
    assert!(
        html.contains("<form class=\"filters\" id=\"filtres\" hidden>"),
        "{html}"
    );
    assert!(!html.contains("<tr hidden") && !html.contains("<tr data-roles=\"\" hidden"));
    // Each row carries what the filters look at.
    assert!(html.contains(
        "<tr data-roles=\"tuteur benevole\" data-activites=\"\"><td><a href=\"../personnes/roux-rene.html\">ROUX René</a></td><td>Tuteur, benevole</td></tr>"
    ), "{html}");
    assert!(html.contains(
        "<tr data-roles=\"stagiaire\" data-activites=\"sessions/2026-09.html clubs/club-2026-10.html\">"
    ), "{html}");
    // The choices: the roles someone has (carnet's, then the kit's own), the
    // sessions then the clubs someone is enrolled in.
    let roles = between(&html, "<select name=\"role\">", "</select>");
    assert_eq!(
        roles,
        "<select name=\"role\"><option value=\"\">Tous</option><option value=\"stagiaire\">Stagiaire</option>\
         <option value=\"tuteur\">Tuteur / tutrice</option><option value=\"benevole\">benevole</option>"
    );
    let activities = between(&html, "<select name=\"activite\">", "</select>");
    assert_eq!(
        activities,
        "<select name=\"activite\"><option value=\"\">Toutes</option>\
         <option value=\"sessions/2026-09.html\">Session 42 — septembre 2026</option>\
         <option value=\"clubs/club-2026-10.html\">Club emploi — octobre 2026</option>"
    );
    // The script reads the data- attributes, never writes HTML, and is in the page.
    let script = between(&html, "<script id=\"filtre-personnes\">", "</script>");
    assert!(script.contains("getAttribute(\"data-roles\")"));
    assert!(!script.contains("innerHTML") && !script.contains("src="));
}

/// The blank forms offered on the home page can be told apart: the session's
/// and the club's attendance sheets and lists of enrolled people are two
/// different forms each, and a tutor printing one by hand must pick the right one.
#[test]
fn blank_forms_on_the_home_page_have_distinct_names() {
    let built = build(Profile::Public);
    let home = page(&built, "index.html");
    let list = between(&home, "id=\"vierges\"", "</ul>");
    let labels: Vec<&str> = list
        .split("\">")
        .filter(|part| part.contains("</a>"))
        .filter_map(|part| part.split("</a>").next())
        .collect();
    for expected in [
        "Feuille de présence (session)",
        "Feuille de présence (club)",
        "Liste des inscrits (session)",
        "Liste des inscrits (club)",
    ] {
        assert!(
            labels.contains(&expected),
            "{expected} missing from {labels:?}"
        );
    }
    let mut unique = labels.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(
        unique.len(),
        labels.len(),
        "two blank forms share a name: {labels:?}"
    );
}
