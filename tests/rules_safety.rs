//! What typed text may carry into an output (issue 7, points 8 and 12): remote
//! images, email addresses that smuggle recipients, control characters, names
//! that show nothing; the validation gaps found by trying; parser messages in
//! French; the event bilan kept interne unless the event says otherwise.
//! Each feeds a bad input and asserts the message, severity and file:line:col,
//! written by hand from the input.

mod common;

use carnet::Profile;
use carnet::diagnostic::Severity;
use common::check;
use std::collections::BTreeMap;
use std::path::Path;

const ALICE: &str = "data/personnes/durand-alice.yaml";
const EVENT: &str = "data/evenements/salon.yaml";

/// A person file: civilite, nom, prenom on lines 1–3, then `extra` from line 4.
fn alice(extra: &str) -> String {
    format!("civilite: Mme\nnom: Durand\nprenom: Alice\n{extra}")
}

/// An event file: titre and date on lines 1–2, then `extra` from line 3.
fn salon(extra: &str) -> String {
    format!("titre: Salon\ndate: \"2026-10-05\"\n{extra}")
}

// ───────────────────────── remote images ─────────────────────────

#[test]
fn a_remote_image_is_a_warning_at_the_image_in_yaml_and_in_pages() {
    let k = check(&[
        (
            EVENT,
            &salon("bilan: \"Merci ![pixel](https://tracker.example/p.png) !\"\n"),
        ),
        (
            ALICE,
            &alice(
                "parrainage:\n  parrain: martin-paul\n  entretiens:\n    - date: \"2026-10-01\"\n      compte_rendu: |\n        Bien.\n        Voir ![plan](//cdn.example/plan.png) et ![local](images/plan.png).\n",
            ),
        ),
        (
            "data/personnes/martin-paul.yaml",
            "civilite: M.\nnom: Martin\nprenom: Paul\nroles: [parrain]\n",
        ),
        (
            "content/pages/guide.md",
            "---\ntitre: Guide\n---\n# Guide\n\nLe logo : ![logo](http://autre.example/logo.png)\n",
        ),
    ]);
    k.assert_no_error();
    let d = k.warning_at(
        "l'image distante « https://tracker.example/p.png »",
        &format!("{EVENT}:3:15"),
    );
    assert_eq!(k.text_of(d), "![pixel](https://tracker.example/p.png)");
    assert!(d.message.contains("simple lien"), "{}", d.message);
    k.warning_at(
        "l'image distante « //cdn.example/plan.png »",
        &format!("{ALICE}:10:14"),
    );
    k.warning_at(
        "l'image distante « http://autre.example/logo.png »",
        "content/pages/guide.md:6:11",
    );
    assert!(k.all("images/plan.png").is_empty(), "{}", k.dump());
}

/// Builds the kit at `kit` for `profile` (no PDF) and returns every text file.
fn build(kit: &Path, profile: Profile) -> BTreeMap<String, String> {
    common::build_files(kit, profile)
        .into_iter()
        .filter_map(|(path, bytes)| String::from_utf8(bytes).ok().map(|text| (path, text)))
        .collect()
}

#[test]
fn a_built_site_never_loads_a_remote_image_and_shows_its_link() {
    let kit = common::write_kit(&[
        (
            "data/evenements/salon.yaml",
            salon("bilan_public: true\nbilan: \"Photo : ![la photo du salon](https://tracker.example/p.png)\"\n").as_bytes(),
        ),
        (
            "content/pages/guide.md",
            b"---\ntitre: Guide\n---\nLe logo : ![logo de Partenaire](//autre.example/logo.png) ![plan](plan.png)\n",
        ),
    ]);
    for profile in [Profile::Public, Profile::Interne] {
        let files = build(kit.path(), profile);
        for (path, text) in &files {
            for remote in ["tracker.example/p.png", "autre.example/logo.png"] {
                for img in text.match_indices("<img").map(|(i, _)| &text[i..]) {
                    let tag = &img[..img.find('>').unwrap_or(img.len())];
                    assert!(!tag.contains(remote), "{path}: {tag}");
                }
            }
        }
        let event = &files["evenements/salon.html"];
        assert!(
            event.contains("<a href=\"https://tracker.example/p.png\" rel=\"noopener noreferrer\">la photo du salon</a>"),
            "{event}"
        );
        let page = &files["pages/guide.html"];
        assert!(page.contains(">logo de Partenaire</a>"), "{page}");
        assert!(page.contains("<img src=\"plan.png\""), "{page}");
    }
}

// ───────────────────────── emails ─────────────────────────

#[test]
fn an_email_field_holds_one_address_only() {
    let k = check(&[
        (ALICE, &alice("email: \"a@x.fr?cc=evil@y.fr\"\n")),
        (
            "data/personnes/b.yaml",
            "civilite: M.\nnom: Bon\nprenom: Jean\nemail: \"jean@x.fr,evil@y.fr\"\n",
        ),
        (
            "data/personnes/c.yaml",
            "civilite: M.\nnom: Cas\nprenom: Luc\nemail: \"luc@x.fr%2Cevil%40y.fr\"\n",
        ),
        (
            "data/personnes/d.yaml",
            "civilite: M.\nnom: Dos\nprenom: Eve\nemail: prenom.nom+essai@sous.exemple.fr\n",
        ),
        (
            "data/operateurs/tm.yaml",
            "nom: TM\nresponsable: { nom: Tessier, email: \"y@tm.fr?bcc=z@y.fr\" }\n",
        ),
        (
            EVENT,
            &salon("participants:\n  - { nom: Invitée, email: \"<i@x.fr>\" }\n"),
        ),
    ]);
    let d = k.error_at(
        "adresse électronique invalide « a@x.fr?cc=evil@y.fr »",
        &format!("{ALICE}:4:8"),
    );
    assert_eq!(
        d.expected.as_deref(),
        Some("une seule adresse, par exemple prenom.nom@exemple.fr")
    );
    k.error_at(
        "adresse électronique invalide « jean@x.fr,evil@y.fr »",
        "data/personnes/b.yaml:4:8",
    );
    k.error_at(
        "adresse électronique invalide « luc@x.fr%2Cevil%40y.fr »",
        "data/personnes/c.yaml:4:8",
    );
    k.error_at(
        "adresse électronique invalide « y@tm.fr?bcc=z@y.fr »",
        "data/operateurs/tm.yaml:2:37",
    );
    k.error_at(
        "adresse électronique invalide « <i@x.fr> »",
        &format!("{EVENT}:4:28"),
    );
    assert_eq!(k.errors().len(), 5, "{}", k.dump());
    // Only validated addresses reach the model, where every mailto link is built from.
    assert_eq!(k.person("durand-alice").email, None);
    assert_eq!(
        k.person("d").email.as_deref(),
        Some("prenom.nom+essai@sous.exemple.fr")
    );
}

// ───────────────────────── control characters ─────────────────────────

#[test]
fn a_control_character_in_a_value_is_an_error_at_the_value() {
    let k = check(&[
        (ALICE, "civilite: Mme\nnom: \"Du\\0rand\"\nprenom: Alice\n"),
        (EVENT, &salon("lieu: \"Salle \\x1b[31m4\"\n")),
        // A C1 control (NEL), written as an escape.
        (
            "data/personnes/c.yaml",
            "civilite: M.\nnom: \"Bon\\u0085\"\nprenom: Jean\n",
        ),
        (
            "content/pages/guide.md",
            "---\ntitre: Guide\n---\nUn texte\navec un \u{1} caché.\n",
        ),
    ]);
    let d = k.error_at(
        "caractère de contrôle invisible (U+0000)",
        &format!("{ALICE}:2:6"),
    );
    assert_eq!(k.text_of(d), "\"Du\\0rand\"");
    common::assert_expects(d, "tabulation");
    k.error_at(
        "caractère de contrôle invisible (U+001B)",
        &format!("{EVENT}:3:7"),
    );
    k.error_at(
        "caractère de contrôle invisible (U+0001)",
        "content/pages/guide.md:5:9",
    );
    k.error_at(
        "caractère de contrôle invisible (U+0085)",
        "data/personnes/c.yaml:2:6",
    );
    // The value set aside is not reported a second time as missing.
    assert!(k.all("manquant").is_empty(), "{}", k.dump());
    assert_eq!(k.errors().len(), 4, "{}", k.dump());
}

// ───────────────────────── names that show nothing ─────────────────────────

#[test]
fn a_name_made_of_invisible_characters_is_an_error() {
    let k = check(&[
        (
            ALICE,
            "civilite: Mme\nnom: \"\u{200B}\u{200D}\"\nprenom: \"\u{FEFF} \u{AD}\u{2060}\u{200C}\"\n",
        ),
        (
            "data/personnes/b.yaml",
            "civilite: M.\nnom: \"Bon\u{200B}\"\nprenom: Jean\n",
        ),
    ]);
    k.error_at(
        "le champ « nom » ne contient que des caractères invisibles",
        &format!("{ALICE}:2:6"),
    );
    k.error_at(
        "le champ « prenom » ne contient que des caractères invisibles",
        &format!("{ALICE}:3:9"),
    );
    assert_eq!(k.errors().len(), 2, "{}", k.dump());
}

// ───────────────────────── validation gaps ─────────────────────────

#[test]
fn the_coordination_time_must_be_a_time_of_day() {
    let k = check(&[(
        "carnet.yaml",
        "titre: Essai\ncoordination:\n  jour: mardi\n  heure: \"99:99\"\n",
    )]);
    let d = k.error_at("heure mal écrite « 99:99 »", "carnet.yaml:4:10");
    common::assert_expects(d, "HH:MM");
    assert!(k.kit.config.coordination.is_none());
    let ok = check(&[(
        "carnet.yaml",
        "titre: Essai\ncoordination: { jour: mardi, heure: \"23:59\" }\n",
    )]);
    ok.assert_clean();
}

#[test]
fn a_session_atelier_outside_its_month_is_an_error() {
    let k = check(&[(
        "data/sessions/s-2026-09.yaml",
        "mois: \"2026-09\"\nateliers:\n  - date: \"2026-09-07\"\n    cycle: 1\n  - date: \"2026-10-01\"\n    cycle: 2\n",
    )]);
    let d = k.error_at(
        "l'atelier du 2026-10-01 tombe hors du mois de la session",
        "data/sessions/s-2026-09.yaml:5:11",
    );
    assert_eq!(d.expected.as_deref(), Some("une date du mois 2026-09"));
}

#[test]
fn two_sessions_cannot_share_a_number_or_a_month() {
    let k = check(&[
        ("data/sessions/a.yaml", "numero: 3\nmois: \"2026-09\"\n"),
        ("data/sessions/b.yaml", "numero: 3\nmois: \"2026-10\"\n"),
        ("data/sessions/c.yaml", "numero: 4\nmois: \"2026-09\"\n"),
    ]);
    let d = k.error_at(
        "le numéro 3 est déjà celui d'une autre session",
        "data/sessions/b.yaml:1:9",
    );
    assert_eq!(d.also.len(), 1);
    assert_eq!(
        k.kit.sources.location(d.also[0].0),
        "data/sessions/a.yaml:1:9"
    );
    let d = k.error_at(
        "le mois 2026-09 est déjà celui d'une autre session",
        "data/sessions/c.yaml:2:7",
    );
    assert_eq!(
        k.kit.sources.location(d.also[0].0),
        "data/sessions/a.yaml:2:7"
    );
    assert_eq!(k.errors().len(), 2, "{}", k.dump());
}

#[test]
fn an_empty_situation_date_is_an_error_at_the_value() {
    let k = check(&[(
        ALICE,
        &alice("situation:\n  emploi: true\n  depuis: \"\"\n"),
    )]);
    let d = k.error_at(
        "le champ « situation.depuis » est vide",
        &format!("{ALICE}:6:11"),
    );
    assert_eq!(d.severity, Severity::Error);
    assert_eq!(k.errors().len(), 1, "{}", k.dump());
}

// ───────────────────────── the event bilan ─────────────────────────

#[test]
fn a_bilan_is_interne_unless_the_event_says_bilan_public() {
    let secret = "Karim a trouvé un CDI";
    let shared = "Trois entreprises présentes";
    let kit = common::write_kit(&[
        (
            "data/evenements/prive.yaml",
            format!("titre: Privé\ndate: \"2026-10-05\"\nbilan: \"{secret}\"\n").as_bytes(),
        ),
        (
            "data/evenements/ouvert.yaml",
            format!(
                "titre: Ouvert\ndate: \"2026-10-06\"\nbilan_public: true\nbilan: \"{shared}\"\n"
            )
            .as_bytes(),
        ),
    ]);
    let public = build(kit.path(), Profile::Public);
    for (path, text) in &public {
        assert!(!text.contains(secret), "{path} publishes the bilan");
    }
    assert!(public["evenements/ouvert.html"].contains(shared));
    let interne = build(kit.path(), Profile::Interne);
    assert!(interne["evenements/prive.html"].contains(secret));
    assert!(interne["evenements/ouvert.html"].contains(shared));
}

// ───────────────────────── parser messages ─────────────────────────

#[test]
fn parser_limits_and_tags_are_worded_in_french_with_a_fitting_hint() {
    let deep = format!(
        "titre: x\ndate: \"2026-09-01\"\nparticipants:\n  - {}{}\n",
        "[".repeat(3000),
        "]".repeat(3000)
    );
    let many = format!(
        "civilite: Mme\nnom: X\nprenom: A\nroles: [{}]\n",
        vec!["a"; 300_000].join(", ")
    );
    let k = check(&[
        ("data/evenements/profond.yaml", &deep),
        ("data/personnes/enorme.yaml", &many),
        (ALICE, "civilite: Mme\nnom: !!int 3\nprenom: *ailleurs\n"),
        (
            "data/personnes/b.yaml",
            "civilite: M.\nnom: \"Bon\\q\"\nprenom: Jean\n",
        ),
    ]);
    for d in &k.diagnostics {
        for english in [
            "budget",
            "recursion",
            "tagged",
            "anchor",
            "escape",
            "breached",
        ] {
            assert!(!d.message.contains(english), "{}", k.dump());
        }
        let expected = d.expected.as_deref().unwrap_or_default();
        assert!(!expected.contains("tabulation"), "{}", k.dump());
    }
    let d = k.error_at(
        "imbriquées trop profondément",
        "data/evenements/profond.yaml:4:260",
    );
    common::assert_expects(d, "niveaux");
    let d = k.find("fichier trop volumineux");
    assert_eq!(d.severity, Severity::Error);
    assert!(
        k.at("fichier trop volumineux")
            .starts_with("data/personnes/enorme.yaml:4:")
    );
    k.error_at("étiquette YAML « ! » inattendue", &format!("{ALICE}:2:12"));
    k.error_at(
        "séquence d'échappement inconnue",
        "data/personnes/b.yaml:2:6",
    );
}

#[test]
fn a_bad_quoted_value_in_a_flow_list_is_highlighted_alone() {
    let k = check(&[(
        ALICE,
        &alice("etudes: [{diplome: BTS, annee: \"deux mille\"}, {diplome: CAP}]\n"),
    )]);
    let d = k.error_at("n'est pas un nombre entier", &format!("{ALICE}:4:32"));
    assert_eq!(k.text_of(d), "\"deux mille\"");
    assert!(d.message.contains("« \"deux mille\" »"), "{}", d.message);
}

#[test]
fn a_diagnostic_on_a_huge_line_quotes_a_window_of_it() {
    let long = format!("roles: [{}chef]", "stagiaire, ".repeat(100_000));
    let k = check(&[(ALICE, &alice(&format!("{long}\n")))]);
    let d = k.error_at(
        "rôle inconnu « chef »",
        &format!("{ALICE}:4:{}", 8 + 11 * 100_000 + 1),
    );
    let rendered = d.render(&k.kit.sources);
    assert!(rendered.len() < 2_000, "{} bytes", rendered.len());
    assert!(
        rendered.contains(&format!("{ALICE}:4:1100009")),
        "{rendered}"
    );
    assert!(rendered.contains("… "), "{rendered}");
    assert!(rendered.contains("stagiaire, chef]"), "{rendered}");
}
