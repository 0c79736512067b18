//! Words agree with the civilité (issue 9, point 5): a kit with a woman tutor
//! (Mme, tutrice) and a man tutor (M., tuteur), a woman mentor and a woman
//! mentee, built with its forms; the pages' HTML and the PDFs' extracted text
//! say « Tutrice », « Marraine », « la filleule », « inscrite ». Expected
//! words are written by hand.

mod common;

use carnet::Profile;
use common::page;

/// A person file: the three required fields, then `extra`.
fn personne(civilite: &str, nom: &str, prenom: &str, extra: &str) -> String {
    format!("civilite: {civilite}\nnom: \"{nom}\"\nprenom: \"{prenom}\"\n{extra}")
}

/// Session 41 (October 2026) has a woman tutor alone and a woman trainer;
/// session 42 (November) both tutors; the club a man tutor. Hélène (Mme)
/// joined session 41 late (excused, then present) and is mentored by
/// Christiane (Mme); Marc (M.) was absent once.
fn kit(langue: &str) -> Vec<(&'static str, String)> {
    let atelier = |date: &str, presences: &str| {
        format!(
            "  - date: \"{date}\"\n    intitule: Atelier {date}\n    cycle: 1\n    presences: {{ {presences} }}\n"
        )
    };
    vec![
        (
            "carnet.yaml",
            format!("titre: Carnet d'essai\norganisation: Essor\nlangue: {langue}\n"),
        ),
        (
            "data/personnes/roche-sylvie.yaml",
            personne(
                "Mme",
                "Roche",
                "Sylvie",
                "roles: [tuteur, accompagnateur]\n",
            ),
        ),
        (
            "data/personnes/dubreuil-francois.yaml",
            personne(
                "M.",
                "Dubreuil",
                "François",
                "roles: [tuteur, conseiller]\n",
            ),
        ),
        (
            "data/personnes/da-silva-ana.yaml",
            personne(
                "Mme",
                "Da Silva",
                "Ana",
                "roles: [formateur, conseiller, ambassadeur]\n",
            ),
        ),
        (
            "data/personnes/girard-christiane.yaml",
            personne(
                "Mme",
                "Girard",
                "Christiane",
                "roles: [parrain]\nentreprise: Clinique du Val\n",
            ),
        ),
        (
            "data/personnes/collet-helene.yaml",
            personne(
                "Mme",
                "Collet",
                "Hélène",
                "inscriptions: [{ session: s-2026-10, financement: CPF, depuis: \"2026-10-06\" }]\n\
                 parrainage:\n  parrain: girard-christiane\n  debut: \"2026-10-10\"\n",
            ),
        ),
        (
            "data/personnes/petit-marc.yaml",
            personne(
                "M.",
                "Petit",
                "Marc",
                "inscriptions: [{ session: s-2026-10, financement: CPF }, { session: s-2026-11, financement: CPF }]\n",
            ),
        ),
        (
            "data/sessions/s-2026-10.yaml",
            format!(
                "numero: 41\nmois: \"2026-10\"\ntuteurs: [roche-sylvie]\nformateurs: [da-silva-ana]\nateliers:\n{}{}",
                atelier("2026-10-05", "petit-marc: present"),
                atelier("2026-10-07", "collet-helene: excuse, petit-marc: absent"),
            ) + &atelier("2026-10-12", "collet-helene: present, petit-marc: present"),
        ),
        (
            "data/sessions/s-2026-11.yaml",
            format!(
                "numero: 42\nmois: \"2026-11\"\ntuteurs: [roche-sylvie, dubreuil-francois]\nateliers:\n{}",
                atelier("2026-11-03", "petit-marc: present"),
            ),
        ),
    ]
}

/// The text of a PDF of the build, its runs of white space made one space.
fn pdf_text(built: &common::BuiltKit, path: &str) -> String {
    let bytes = std::fs::read(built.out.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"));
    let text = pdf_extract::extract_text_from_mem(&bytes).expect("pdf-extract reads the PDF");
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn assert_has(text: &str, expected: &[&str]) {
    for e in expected {
        assert!(text.contains(e), "{e:?} missing:\n{text}");
    }
}

#[test]
fn roles_agree_on_the_fiches_the_list_and_the_annuaire() {
    let built = common::build_with_forms(&kit("fr"), Profile::Interne);
    assert_has(
        &page(&built, "personnes/roche-sylvie.html"),
        &["<li>Tutrice</li>", "<li>Accompagnatrice</li>"],
    );
    assert_has(
        &page(&built, "personnes/dubreuil-francois.html"),
        &["<li>Tuteur</li>", "<li>Conseiller</li>"],
    );
    assert_has(
        &page(&built, "personnes/da-silva-ana.html"),
        &[
            "<li>Formatrice</li>",
            "<li>Conseillère</li>",
            "<li>Ambassadrice</li>",
        ],
    );
    let list = page(&built, "personnes/index.html");
    assert_has(
        &list,
        &["Tutrice, Accompagnatrice", "Tuteur, Conseiller", "Marraine"],
    );
    assert!(!list.contains("Tuteur / tutrice</td>"), "{list}");
    assert_has(
        &page(&built, "annuaire/index.html"),
        &["Formatrice, Conseillère, Ambassadrice"],
    );
}

#[test]
fn a_marraine_and_her_filleule_are_named_so() {
    let built = common::build_with_forms(&kit("fr"), Profile::Interne);
    let mentee = page(&built, "personnes/collet-helene.html");
    assert_has(
        &mentee,
        &[
            "<dt>Marraine</dt>",
            "<dt>Inscrite depuis le</dt>",
            "<dt>Présente aux ateliers passés</dt>",
            "badge-excuse\">Excusée</span>",
        ],
    );
    let mentor = page(&built, "personnes/girard-christiane.html");
    assert_has(
        &mentor,
        &["<h2 id=\"filleuls\">Filleule</h2>", "<li>Marraine</li>"],
    );
    let man = page(&built, "personnes/petit-marc.html");
    assert_has(
        &man,
        &[
            "badge-absent\">Absent</span>",
            "<dt>Présent aux ateliers passés</dt>",
        ],
    );
}

#[test]
fn session_pages_name_tutors_and_trainers_as_a_group_and_cells_by_person() {
    let built = common::build_with_forms(&kit("fr"), Profile::Interne);
    let one_woman = page(&built, "sessions/s-2026-10.html");
    assert_has(&one_woman, &["<dt>Tutrice</dt>", "<dt>Formatrice</dt>"]);
    // The grid's words for screen readers agree with each person.
    assert_has(
        &one_woman,
        &[
            "<span class=\"visually-hidden\">Excusée</span>",
            "<span class=\"visually-hidden\">Absent</span>",
            "<span class=\"visually-hidden\">Pas encore inscrite</span>",
        ],
    );
    let mixed = page(&built, "sessions/s-2026-11.html");
    assert_has(&mixed, &["<dt>Tuteurs</dt>", "<dt>Formateurs</dt>"]);
}

#[test]
fn the_forms_say_the_agreed_words() {
    let built = common::build_with_forms(&kit("fr"), Profile::Interne);
    let mentoring = pdf_text(
        &built,
        "formulaires/fiche-parrainage/personne/collet-helene.pdf",
    );
    assert_has(
        &mentoring,
        &[
            "Filleule Mme Hélène COLLET",
            "Marraine Mme Christiane GIRARD",
            "Le projet de la filleule",
            "À remplir par la filleule, puis",
            "La filleule, « lu et approuvé »",
            "La marraine, « lu et approuvé »",
            "Signature de la marraine",
            "Signature de la filleule",
        ],
    );
    assert!(!mentoring.contains("ou la filleule"), "{mentoring}");

    let her = pdf_text(
        &built,
        "formulaires/attestation-participation/session/s-2026-10/collet-helene.pdf",
    );
    assert_has(
        &her,
        &[
            "Mme Hélène COLLET",
            ", inscrite à l'action",
            "délivrée à l'intéressée pour",
        ],
    );
    let him = pdf_text(
        &built,
        "formulaires/attestation-participation/session/s-2026-10/petit-marc.pdf",
    );
    assert_has(
        &him,
        &[
            "M. Marc PETIT",
            ", inscrit à l'action",
            "délivrée à l'intéressé pour",
        ],
    );
    let welcome = pdf_text(
        &built,
        "formulaires/fiche-accueil/session/s-2026-10/collet-helene.pdf",
    );
    assert_has(
        &welcome,
        &["Vous êtes inscrite à la", "Tutrice", "Sylvie ROCHE"],
    );
    assert!(!welcome.contains("Tuteur ou tutrice"), "{welcome}");
    let list = pdf_text(
        &built,
        "formulaires/liste-inscrits-session/session/s-2026-11.pdf",
    );
    assert_has(&list, &["Tuteurs"]);
}

#[test]
fn blank_forms_keep_both_words() {
    let built = common::build_with_forms(&kit("fr"), Profile::Interne);
    let blank = pdf_text(&built, "formulaires/vierges/fiche-parrainage.pdf");
    assert_has(
        &blank,
        &[
            "Filleul, filleule",
            "Parrain, marraine",
            "Le filleul ou la filleule, « lu et approuvé »",
            "Signature du parrain ou de la marraine",
        ],
    );
    let certificate = pdf_text(&built, "formulaires/vierges/attestation-participation.pdf");
    assert_has(&certificate, &["inscrit(e) à l'action", "l'intéressé(e)"]);
}

#[test]
fn english_has_one_form() {
    let built = common::build_with_forms(&kit("en"), Profile::Interne);
    assert_has(
        &page(&built, "personnes/roche-sylvie.html"),
        &["<li>Tutor</li>"],
    );
    assert_has(
        &page(&built, "sessions/s-2026-10.html"),
        &["<dt>Tutor</dt>", "<dt>Trainer</dt>"],
    );
}
