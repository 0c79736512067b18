//! Names the forms' font (Noto Sans) cannot draw — Arabic, Chinese, emoji —
//! are warned about at `check`, at the value, and printed on the attendance
//! sheet as their transliteration, so that each row can still be identified.
//! Expected transliterations are written by hand (deunicode's tables).

mod common;

use carnet::Profile;

const HADDAD: &str = "data/personnes/haddad-mohamed.yaml";
const WANG: &str = "data/personnes/wang-xiaolong.yaml";
const MARTIN: &str = "data/personnes/martin-lea.yaml";
const CLUB: &str = "data/clubs/club-2026-10.yaml";

fn kit() -> Vec<(&'static str, String)> {
    let person = |civilite: &str, nom: &str, prenom: &str| {
        format!("civilite: {civilite}\nnom: {nom}\nprenom: {prenom}\nclubs: [club-2026-10]\n")
    };
    vec![
        (
            "carnet.yaml",
            "titre: Essai\norganisation: Essor\n".to_string(),
        ),
        (HADDAD, person("M.", "Haddad", "محمد")),
        (WANG, person("M.", "王", "小龙")),
        (MARTIN, person("Mme", "Martin", "\"Léa 🦄\"")),
        (
            "data/personnes/celik-eloise.yaml",
            person("Mme", "Çelik", "Éloïse"),
        ),
        (
            CLUB,
            "mois: \"2026-10\"\nateliers:\n  - { date: \"2026-10-06\", intitule: Atelier CV }\n"
                .to_string(),
        ),
    ]
}

fn refs<'a>(files: &'a [(&'static str, String)]) -> Vec<(&'a str, &'a str)> {
    files.iter().map(|(p, c)| (*p, c.as_str())).collect()
}

#[test]
fn names_the_font_cannot_draw_are_warned_at_their_value() {
    let kit = kit();
    let k = common::check(&refs(&kit));
    k.assert_no_error();
    let d = k.warning_at("prenom « محمد »", &format!("{HADDAD}:3:9"));
    assert!(
        d.message.contains("م (U+0645)")
            && d.message.contains("ح (U+062D)")
            && d.message.contains("imprimeront « mHmd » à la place"),
        "{}",
        d.message
    );
    assert!(d.expected.is_some());
    let d = k.warning_at("nom « 王 »", &format!("{WANG}:2:6"));
    assert!(d.message.contains("« Wang »"), "{}", d.message);
    let d = k.warning_at("prenom « 小龙 »", &format!("{WANG}:3:9"));
    assert!(d.message.contains("« Xiao Long »"), "{}", d.message);
    let d = k.warning_at("prenom « Léa 🦄 »", &format!("{MARTIN}:3:9"));
    assert!(
        d.message.contains("🦄 (U+1F984)") && d.message.contains("« Léa unicorn »"),
        "{}",
        d.message
    );
    // French accents are drawn: no warning for Éloïse Çelik, four in all.
    assert_eq!(
        k.all("la police des formulaires PDF").len(),
        4,
        "{}",
        k.dump()
    );
}

#[test]
fn an_event_title_in_another_script_is_warned_too() {
    let k = common::check(&[(
        "data/evenements/2026-10-20-salon.yaml",
        "type: salon\ntitre: \"Salon יריד\"\ndate: \"2026-10-20\"\n",
    )]);
    let d = k.warning_at(
        "titre « Salon יריד »",
        "data/evenements/2026-10-20-salon.yaml:2:8",
    );
    assert!(d.message.contains("« Salon yryd »"), "{}", d.message);
}

#[test]
fn the_attendance_sheet_prints_each_name_legibly() {
    let done = common::build_with_forms(&kit(), Profile::Interne);
    let pdf = std::fs::read(
        done.out
            .join("formulaires/feuille-presence-club/club/club-2026-10/2026-10-06.pdf"),
    )
    .expect("the attendance sheet was written");
    let text = pdf_extract::extract_text_from_mem(&pdf).expect("pdf-extract reads it");
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for row in [
        "HADDAD",
        "mHmd",
        "Wang",
        "Xiao Long",
        "MARTIN",
        "Léa unicorn",
        "ÇELIK",
        "Éloïse",
    ] {
        assert!(text.contains(row), "{row:?} missing:\n{text}");
    }
    assert!(
        !text.contains('\u{FFFD}') && !text.contains('🦄'),
        "nothing is printed as a box:\n{text}"
    );
}
