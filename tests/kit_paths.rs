//! Paths kept inside the kit (issue 7, points 6, 7, 10 and 11): a symlink or
//! a setting that leads outside the kit is a diagnostic and is never read;
//! `check` reports what `build` would reject (a broken template, a bad logo,
//! a missing theme); an unreadable file stops nothing; a file carnet leaves
//! aside gets a warning.

mod common;

use carnet::diagnostic::Severity;
use carnet::{Failure, Profile};
use common::{Checked, build, check, check_dir, files_under, run_carnet, symlink, write_kit};
use std::path::Path;

/// Written in every file outside the kit: it must never reach a source or an output.
const CANARY: &str = "CANARI-HORS-DU-KIT-7f3a";

const PERSON: &str = "civilite: M.\nnom: Dupont\nprenom: Jean\n";

/// A valid PNG (the test fixture), so that a refused logo is refused for its place, not its bytes.
fn png() -> Vec<u8> {
    std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/flag.png"))
        .expect("the PNG fixture")
}

/// Checks an existing kit folder, keeping it alive with the result.
fn checked(dir: tempfile::TempDir) -> Checked {
    let (kit, diagnostics) = check_dir(dir.path());
    Checked {
        dir,
        kit,
        diagnostics,
    }
}

/// Asserts that no loaded file and no file under `out` holds the canary.
fn assert_no_canary(c: &Checked, out: &Path) {
    for (_, source) in c.kit.sources.iter() {
        let bytes = source.bytes().unwrap_or_default();
        assert!(
            !String::from_utf8_lossy(bytes).contains(CANARY),
            "{} was read from outside the kit",
            source.path
        );
    }
    for (path, bytes) in files_under(out) {
        assert!(
            !String::from_utf8_lossy(&bytes).contains(CANARY),
            "{} holds bytes from outside the kit",
            path.display()
        );
    }
}

#[test]
fn symlinks_leading_outside_the_kit_are_errors_at_the_link_and_never_read() {
    let outside = write_kit(&[
        ("secret.css", format!("body {{}} /* {CANARY} */").as_bytes()),
        ("ssh/id_ed25519", CANARY.as_bytes()),
        ("passwd.md", format!("root:x:0:0:{CANARY}").as_bytes()),
        (
            "intrus.yaml",
            format!("civilite: M.\nnom: Intrus\nprenom: Jean\nemail: {CANARY}@x.fr\n").as_bytes(),
        ),
        ("logo.png", &[png(), CANARY.as_bytes().to_vec()].concat()),
    ]);
    let o = outside.path();
    let kit = write_kit(&[
        (
            "carnet.yaml",
            b"titre: \"Kit\"\norganisation: \"Asso\"\ntheme: maison\nlogo: content/images/logo.png\n",
        ),
        ("data/personnes/dupont-jean.yaml", PERSON.as_bytes()),
        ("themes/maison/base.css", b"body { margin: 0 }"),
    ]);
    let k = kit.path();
    symlink(k, "themes/maison/style.css", &o.join("secret.css"));
    symlink(k, "themes/maison/fonts", &o.join("ssh"));
    symlink(k, "content/pages/x.md", &o.join("passwd.md"));
    symlink(k, "data/personnes/intrus.yaml", &o.join("intrus.yaml"));
    symlink(k, "content/images/logo.png", &o.join("logo.png"));
    let c = checked(kit);

    let mut at_links = c.locations("qui mène hors du kit");
    at_links.sort();
    assert_eq!(
        at_links,
        [
            "carnet.yaml:4:7",
            "content/pages/x.md:1:1",
            "data/personnes/intrus.yaml:1:1",
            "themes/maison/fonts:1:1",
            "themes/maison/style.css:1:1",
        ],
        "{}",
        c.dump()
    );
    for d in c.all("qui mène hors du kit") {
        assert_eq!(d.severity, Severity::Error, "{}", c.dump());
    }
    let logo = c.find("logo « content/images/logo.png »");
    assert!(
        logo.message.contains("content/images/logo.png"),
        "names the link"
    );

    let out = c.dir.path().join("public");
    match build(c.dir.path(), &out, Profile::Public) {
        Err(Failure::Invalid { .. }) => {}
        other => panic!("a kit with links leaving it must not build: {other:?}"),
    }
    assert_no_canary(&c, &out);
}

#[test]
fn a_symlink_that_stays_inside_the_kit_is_followed() {
    let kit = write_kit(&[
        ("carnet.yaml", b"titre: \"Kit\"\ntheme: maison\n"),
        ("data/personnes/dupont-jean.yaml", PERSON.as_bytes()),
        ("partage/extra.css", b".partage { color: teal }"),
        (
            "partage/guide.md",
            b"---\ntitre: Guide\n---\nLe guide partag\xc3\xa9.\n",
        ),
        ("themes/maison/base.css", b"body { margin: 0 }"),
    ]);
    let k = kit.path();
    symlink(
        k,
        "themes/maison/extra.css",
        Path::new("../../partage/extra.css"),
    );
    symlink(
        k,
        "content/pages/guide.md",
        Path::new("../../partage/guide.md"),
    );
    let c = checked(kit);
    c.assert_no_error();
    let out = c.dir.path().join("public");
    build(c.dir.path(), &out, Profile::Public).expect("the kit builds");
    let css = std::fs::read_to_string(out.join("theme/extra.css")).expect("the linked theme file");
    assert_eq!(css, ".partage { color: teal }");
    let published = files_under(&out)
        .into_iter()
        .any(|(_, bytes)| String::from_utf8_lossy(&bytes).contains("Le guide partagé"));
    assert!(published, "the linked page is published");
}

#[test]
fn a_theme_cannot_publish_the_records_through_a_link() {
    let kit = write_kit(&[
        ("carnet.yaml", b"titre: \"Kit\"\ntheme: maison\n"),
        ("data/personnes/dupont-jean.yaml", PERSON.as_bytes()),
        ("themes/maison/base.css", b"body { margin: 0 }"),
    ]);
    symlink(kit.path(), "themes/maison/fiches", Path::new("../../data"));
    let c = checked(kit);
    c.error_at(
        "mène aux fiches de data/",
        "themes/maison/fiches/personnes/dupont-jean.yaml:1:1",
    );
}

#[test]
fn a_theme_is_a_folder_name_never_a_path() {
    for (value, column) in [("\"../data\"", 8), ("\"/etc\"", 8), ("a\\\\b", 8)] {
        let config = format!("titre: \"Kit\"\ntheme: {value}\n");
        let c = check(&[
            ("carnet.yaml", config.as_str()),
            ("data/personnes/dupont-jean.yaml", PERSON),
        ]);
        let d = c.error_at(
            "n'est pas un nom de thème",
            &format!("carnet.yaml:2:{column}"),
        );
        assert!(
            d.expected.as_deref().is_some_and(|e| e.contains("default")),
            "{d:?}"
        );
        assert!(
            c.kit
                .sources
                .iter()
                .all(|(_, f)| !f.path.starts_with("themes/")),
            "nothing read as the theme:\n{}",
            c.dump()
        );
    }
}

#[test]
fn a_theme_that_does_not_exist_is_an_error_listing_the_themes() {
    let c = check(&[
        ("carnet.yaml", "titre: \"Kit\"\ntheme: maisn\n"),
        ("themes/maison/style.css", "body {}"),
        ("themes/sobre/style.css", "body {}"),
    ]);
    let d = c.error_at("le thème « maisn » n'existe pas", "carnet.yaml:2:8");
    assert_eq!(
        d.expected.as_deref(),
        Some("le nom d'un dossier de themes/ : default, maison, sobre")
    );
    // `default` needs no folder: it is built in.
    check(&[("carnet.yaml", "titre: \"Kit\"\ntheme: default\n")]).assert_clean();
}

#[test]
fn a_broken_kit_template_is_reported_by_check_at_its_line() {
    let files = [
        ("carnet.yaml", "titre: \"Kit\"\n"),
        ("data/personnes/dupont-jean.yaml", PERSON),
        (
            "templates/personne.html",
            "{% extends \"base.html\" %}\n{% block content %}\n{% if %}\n{% endblock %}\n",
        ),
    ];
    let c = check(&files);
    c.error_at(
        "ce gabarit ne peut pas être compilé",
        "templates/personne.html:3:7",
    );
    let output = run_carnet(&["check"], c.dir.path());
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("templates/personne.html:3:7"), "{stderr}");
}

#[test]
fn a_missing_or_unusable_logo_is_an_error_at_its_value() {
    let config = "titre: \"Kit\"\nlogo: content/images/logo.png\n";
    let cases: [(&str, Option<&[u8]>, &str); 3] = [
        ("missing", None, "ce fichier n'existe pas"),
        (
            "not an image",
            Some(b"GIF89a not a png"),
            "n'est pas une image PNG ou JPEG",
        ),
        (
            "corrupt",
            Some(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR broken"),
            "abîmée ou incomplète",
        ),
    ];
    for (case, bytes, message) in cases {
        let mut files: Vec<(&str, &[u8])> = vec![
            ("carnet.yaml", config.as_bytes()),
            ("data/personnes/dupont-jean.yaml", PERSON.as_bytes()),
        ];
        if let Some(bytes) = bytes {
            files.push(("content/images/logo.png", bytes));
        }
        let c = common::check_bytes(&files);
        let d = c.error_at(message, "carnet.yaml:2:7");
        assert!(
            d.message.contains("content/images/logo.png"),
            "{case}: {d:?}"
        );
        let output = run_carnet(&["check"], c.dir.path());
        assert_eq!(output.status.code(), Some(1), "{case}: {output:?}");
    }
}

#[test]
fn a_logo_path_must_stay_inside_the_kit() {
    let c = check(&[(
        "carnet.yaml",
        "titre: \"Kit\"\nlogo: /etc/logo.png\nfinanceurs:\n  - nom: FSE\n    logo: ../fse.png\n",
    )]);
    c.error_at("chemin absolu", "carnet.yaml:2:7");
    c.error_at("sort du dossier du kit", "carnet.yaml:5:11");
}

#[test]
fn an_unreadable_record_is_reported_and_the_other_files_still_are() {
    let kit = write_kit(&[
        ("data/personnes/dupont-jean.yaml", PERSON.as_bytes()),
        (
            "data/personnes/martin-claire.yaml",
            b"civilite: Mme\nnom: Martin\nprenom: Claire\nnmo: x\n",
        ),
        ("data/personnes/dossier.yaml/note.txt", b"a folder in a file's place"),
        (
            "data/sessions/2026-09.yaml",
            b"mois: 2026-09\nateliers:\n  - date: 2026-09-14\n    cycle: 1\ninscrits:\n  - personne: fantome\n",
        ),
    ]);
    symlink(
        kit.path(),
        "data/personnes/fantome.yaml",
        Path::new("/nonexistent/fantome.yaml"),
    );
    let c = checked(kit);
    c.error_at(
        "vers un fichier qui n'existe pas",
        "data/personnes/fantome.yaml:1:1",
    );
    c.warning_at(
        "le sous-dossier « dossier.yaml »",
        "data/personnes/dossier.yaml:1:1",
    );
    c.error_at("nmo", "data/personnes/martin-claire.yaml:4:1");
    assert_eq!(
        c.all("fantome").len(),
        1,
        "an unreadable record is not also « inconnu » where it is named:\n{}",
        c.dump()
    );
}

#[test]
fn files_carnet_sets_aside_get_a_warning_saying_what_is_expected() {
    let c = check(&[
        (
            "carnet.yaml/readme.txt",
            "a folder in place of the settings",
        ),
        ("data/personnes/dupont-jean.yaml", PERSON),
        ("data/personnes/a.YAML", PERSON),
        ("data/personnes/b.Yml", PERSON),
        ("data/personnes/c", PERSON),
        ("data/personnes/d.yaml.txt", PERSON),
        ("data/personnes/e.md", "# notes"),
        ("data/personnes/archives/f.yaml", PERSON),
        ("data/personne/g.yaml", PERSON),
        ("content/pages/h.yaml", PERSON),
        // Hidden files and editor backups: silently ignored.
        ("data/personnes/.i.yaml", PERSON),
        ("data/personnes/j.yaml~", PERSON),
        ("data/personnes/.k.yaml.swp", PERSON),
        ("content/pages/.brouillon.md", "x"),
    ]);
    let warnings: Vec<(String, String)> = c
        .diagnostics
        .iter()
        .map(|d| {
            assert_eq!(d.severity, Severity::Warning, "{}", c.dump());
            assert!(d.expected.is_some(), "says what is expected: {d:?}");
            (c.kit.sources.location(d.span), d.message.clone())
        })
        .collect();
    let expect = [
        ("carnet.yaml:1:1", "carnet.yaml est un dossier"),
        (
            "data/personnes/a.YAML:1:1",
            "doit s'écrire en minuscules (.yaml)",
        ),
        (
            "data/personnes/b.Yml:1:1",
            "doit s'écrire en minuscules (.yml)",
        ),
        ("data/personnes/c:1:1", "n'a pas d'extension"),
        (
            "data/personnes/d.yaml.txt:1:1",
            "son extension est « .txt », pas « .yaml »",
        ),
        (
            "data/personnes/e.md:1:1",
            "les pages Markdown vont dans content/pages/",
        ),
        (
            "data/personnes/archives:1:1",
            "le sous-dossier « archives » de data/personnes",
        ),
        ("data/personne:1:1", "« data/personne » est ignoré"),
        (
            "content/pages/h.yaml:1:1",
            "les fiches YAML vont dans data/",
        ),
    ];
    assert_eq!(warnings.len(), expect.len(), "{}", c.dump());
    for (location, message) in expect {
        assert!(
            warnings
                .iter()
                .any(|(l, m)| l == location && m.contains(message)),
            "no warning {message:?} at {location}:\n{}",
            c.dump()
        );
    }
}

#[test]
fn a_misnamed_settings_file_gets_a_warning() {
    let c = check(&[("Carnet.YAML", "titre: \"Kit\"\n")]);
    c.warning_at(
        "le fichier de réglages s'appelle carnet.yaml",
        "Carnet.YAML:1:1",
    );
}
