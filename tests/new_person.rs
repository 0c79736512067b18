//! `carnet new personne` and `carnet init` as staff use them: how a typed
//! name is split (or refused), the consent written into a new fiche, and the
//! opt-in default of a new kit whose example people still appear.

mod common;

use common::{run_carnet, write_kit};
use std::path::Path;

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A kit with only a carnet.yaml holding `config`.
fn kit(config: &str) -> tempfile::TempDir {
    write_kit(&[("carnet.yaml", config.as_bytes())])
}

fn read(kit: &Path, id: &str) -> String {
    std::fs::read_to_string(kit.join(format!("data/personnes/{id}.yaml")))
        .unwrap_or_else(|e| panic!("{id}.yaml written: {e}"))
}

/// The block `new personne` writes for nom, telephone, email, adresse.
fn block(nom: bool, telephone: bool, email: bool, adresse: bool) -> String {
    format!(
        "annuaire:\n  nom: {nom}\n  telephone: {telephone}\n  email: {email}\n  adresse: {adresse}\n"
    )
}

#[test]
fn each_accepted_way_of_writing_a_name_writes_the_surname_and_given_name() {
    let dir = kit("titre: Essai\n");
    let cases = [
        (vec!["Le Goff, Yann"], "le-goff-yann", "Le Goff", "Yann"),
        (
            vec!["DA SILVA Ana-Luísa"],
            "da-silva-ana-luisa",
            "DA SILVA",
            "Ana-Luísa",
        ),
        (vec!["N'DIAYE Awa"], "ndiaye-awa", "N'DIAYE", "Awa"),
        (
            vec!["DE LA FONTAINE Béatrice Marie"],
            "de-la-fontaine-beatrice-marie",
            "DE LA FONTAINE",
            "Béatrice Marie",
        ),
        (vec!["Dupont Jeanne"], "dupont-jeanne", "Dupont", "Jeanne"),
        (
            vec!["--nom", "Le Brun", "--prenom", "Joël Marc"],
            "le-brun-joel-marc",
            "Le Brun",
            "Joël Marc",
        ),
    ];
    for (name_args, id, nom, prenom) in cases {
        let mut args = vec!["new", "personne"];
        args.extend(&name_args);
        args.extend(["--civilite", "Mme"]);
        let out = run_carnet(&args, dir.path());
        assert_eq!(
            out.status.code(),
            Some(0),
            "{name_args:?}: {}",
            text(&out.stderr)
        );
        let written = read(dir.path(), id);
        assert!(
            written.contains(&format!("\nnom: \"{nom}\"\n")),
            "{name_args:?}: {written}"
        );
        assert!(
            written.contains(&format!("\nprenom: \"{prenom}\"\n")),
            "{name_args:?}: {written}"
        );
        assert!(
            text(&out.stdout).contains(&format!("nom : {nom}, prénom : {prenom}")),
            "the split is printed: {}",
            text(&out.stdout)
        );
    }
    let check = run_carnet(&["check", "--today", "2026-11-26"], dir.path());
    assert_eq!(check.status.code(), Some(0), "{}", text(&check.stderr));
}

#[test]
fn a_name_whose_surname_cannot_be_told_is_refused_with_the_three_ways() {
    let dir = kit("titre: Essai\n");
    for (written, why) in [
        (
            "Le Goff Yann",
            "impossible de savoir où finit le nom dans « Le Goff Yann »",
        ),
        ("Dupont", "« Dupont » : il faut un nom et un prénom"),
    ] {
        let out = run_carnet(
            &["new", "personne", written, "--civilite", "M."],
            dir.path(),
        );
        assert_eq!(out.status.code(), Some(2), "{written}");
        let stderr = text(&out.stderr);
        assert!(stderr.contains(why), "{stderr}");
        assert!(
            stderr.contains("carnet new personne \"Le Goff, Yann\""),
            "{stderr}"
        );
        assert!(
            stderr.contains("carnet new personne \"LE GOFF Yann\""),
            "{stderr}"
        );
        assert!(
            stderr.contains("--nom \"Le Goff\" --prenom Yann"),
            "{stderr}"
        );
    }
    assert!(
        !dir.path().join("data/personnes").exists(),
        "nothing is written when the name is refused"
    );
    let both = run_carnet(
        &[
            "new",
            "personne",
            "Dupont Jeanne",
            "--nom",
            "Dupont",
            "--prenom",
            "Jeanne",
            "--civilite",
            "Mme",
        ],
        dir.path(),
    );
    assert_eq!(
        both.status.code(),
        Some(2),
        "a name given twice is a usage error"
    );
    let half = run_carnet(
        &["new", "personne", "--nom", "Dupont", "--civilite", "Mme"],
        dir.path(),
    );
    assert_eq!(half.status.code(), Some(2), "--nom needs --prenom");
    assert!(!dir.path().join("data/personnes").exists());
}

#[test]
fn the_annuaire_block_is_spelled_out_and_follows_the_kit_default_never_the_address() {
    for (config, published) in [
        ("titre: Essai\n", true),
        ("titre: Essai\nannuaire_par_defaut: true\n", true),
        ("titre: Essai\nannuaire_par_defaut: false\n", false),
    ] {
        let dir = kit(config);
        let out = run_carnet(
            &["new", "personne", "Dupont Jeanne", "--civilite", "Mme"],
            dir.path(),
        );
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        let written = read(dir.path(), "dupont-jeanne");
        assert!(
            written.contains(&format!(
                "# Ce que le site public et les listes remises aux membres montrent de cette personne (true : publié, false : caché)\n{}",
                block(published, published, published, false)
            )),
            "{config}: {written}"
        );
        assert!(
            written.contains("# mobile: \"06 12 34 56 78\""),
            "{written}"
        );
        let check = run_carnet(&["check", "--today", "2026-11-26"], dir.path());
        assert_eq!(check.status.code(), Some(0), "{}", text(&check.stderr));
    }
}

#[test]
fn a_home_address_is_published_only_on_an_explicit_adresse_true() {
    let adresse = |ville: &str| {
        format!(
            "adresse: {{ ligne1: \"1 rue Haute\", code_postal: \"37000\", ville: \"{ville}\" }}\n"
        )
    };
    let person =
        |nom: &str, rest: String| format!("civilite: Mme\nnom: {nom}\nprenom: Anne\n{rest}");
    let files = [
        (
            "carnet.yaml",
            "titre: Essai\nannuaire_par_defaut: true\n".to_string(),
        ),
        (
            "data/personnes/sans-bloc-anne.yaml",
            person("Sansbloc", adresse("Sansblocville")),
        ),
        (
            "data/personnes/partiel-anne.yaml",
            person(
                "Partiel",
                adresse("Partielville") + "annuaire: { nom: true, email: true }\n",
            ),
        ),
        (
            "data/personnes/accord-anne.yaml",
            person(
                "Accord",
                adresse("Accordville") + "annuaire: { adresse: true }\n",
            ),
        ),
    ];
    let bytes: Vec<(&str, &[u8])> = files.iter().map(|(p, c)| (*p, c.as_bytes())).collect();
    let dir = write_kit(&bytes);
    let out = run_carnet(
        &["build", "--sans-pdf", "--today", "2026-11-26"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let annuaire = std::fs::read_to_string(dir.path().join("public/annuaire/index.html"))
        .expect("annuaire written");
    for nom in ["SANSBLOC", "PARTIEL", "ACCORD"] {
        assert!(
            annuaire.contains(nom),
            "{nom} is in the annuaire: {annuaire}"
        );
    }
    assert!(annuaire.contains("Accordville"), "{annuaire}");
    let site: String = common::files_under(&dir.path().join("public"))
        .into_iter()
        .map(|(_, bytes)| text(&bytes))
        .collect();
    assert!(
        !site.contains("Sansblocville"),
        "no block: address kept private"
    );
    assert!(
        !site.contains("Partielville"),
        "block without adresse: address kept private"
    );
}

#[test]
fn init_makes_an_opt_in_kit_whose_example_people_appear_as_in_the_example() {
    let dir = tempfile::tempdir().expect("temp dir");
    let init = run_carnet(&["init", "kit"], dir.path());
    assert_eq!(init.status.code(), Some(0), "{}", text(&init.stderr));
    let kit = dir.path().join("kit");
    let config = std::fs::read_to_string(kit.join("carnet.yaml")).expect("carnet.yaml");
    assert!(
        config.contains("\nannuaire_par_defaut: false\n"),
        "{config}"
    );
    assert!(!config.contains("annuaire_par_defaut: true"), "{config}");
    assert!(
        config.contains("web ouvert"),
        "the choice is explained: {config}"
    );
    assert!(
        read(&kit, "haddad-yasmina").contains("\nannuaire:\n  nom: true\n"),
        "the example people's consent is spelled out"
    );

    let check = run_carnet(&["check", "--today", "2026-11-26"], &kit);
    assert_eq!(check.status.code(), Some(0), "{}", text(&check.stderr));
    let build = run_carnet(&["build", "--sans-pdf", "--today", "2026-11-26"], &kit);
    assert_eq!(build.status.code(), Some(0), "{}", text(&build.stderr));

    let example = dir.path().join("example-public");
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let reference = run_carnet(
        &[
            "build",
            "--sans-pdf",
            "--today",
            "2026-11-26",
            "--out",
            example.to_str().expect("utf-8"),
        ],
        repo,
    );
    assert_eq!(
        reference.status.code(),
        Some(0),
        "{}",
        text(&reference.stderr)
    );
    let pages = |site: &Path| -> Vec<String> {
        common::files_under(site)
            .into_iter()
            .map(|(path, _)| {
                path.strip_prefix(site)
                    .expect("under the site")
                    .display()
                    .to_string()
            })
            .filter(|path| path.starts_with("personnes/"))
            .collect()
    };
    let public = kit.join("public");
    assert!(public.join("personnes/haddad-yasmina.html").is_file());
    assert!(
        !public.join("personnes/kone-fatoumata.html").exists(),
        "who refused stays unpublished"
    );
    assert_eq!(
        pages(&public),
        pages(&example),
        "the same fiches as the example kit"
    );
    let annuaire = |site: &Path| {
        std::fs::read_to_string(site.join("annuaire/index.html")).expect("annuaire written")
    };
    assert_eq!(
        annuaire(&public),
        annuaire(&example),
        "the same annuaire as the example kit"
    );
}
