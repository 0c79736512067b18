//! The command line in the kit's language: diagnostics' headers, clap's help
//! and usage errors, summary lines in French by default and in English with
//! `langue: en`; and `check` showing the first warnings and counting the
//! others by kind, `check --tout` showing them all.

mod common;

use common::{run_carnet, write_kit};

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A kit with one error (a role) and one warning (an ignored file), in `langue`.
fn kit_with_problems(langue: &str) -> tempfile::TempDir {
    write_kit(&[
        (
            "carnet.yaml",
            format!("titre: Essai\nlangue: {langue}\n").as_bytes(),
        ),
        (
            "data/personnes/durand-alice.yaml",
            b"civilite: Mme\nnom: Durand\nprenom: Alice\nroles: [stagiaire, inconnu]\n",
        ),
        ("data/personnes/notes.txt", b"rien\n"),
    ])
}

#[test]
fn diagnostics_and_summary_are_in_french_by_default() {
    let kit = kit_with_problems("fr");
    let check = run_carnet(&["check", "--today", "2026-11-26"], kit.path());
    assert_eq!(check.status.code(), Some(1));
    let stderr = text(&check.stderr);
    for expected in [
        "erreur : rôle inconnu « inconnu »\n",
        "avertissement : « notes.txt » est ignoré",
        "= attendu : un de : stagiaire",
        "fichiers lus, 1 erreur(s), 1 avertissement(s)\n",
    ] {
        assert!(stderr.contains(expected), "{expected:?} in:\n{stderr}");
    }
    assert!(
        !stderr.contains("error:") && !stderr.contains("warning:"),
        "{stderr}"
    );
}

#[test]
fn diagnostics_headers_and_summary_are_in_english_with_langue_en() {
    let kit = kit_with_problems("en");
    let check = run_carnet(&["check", "--today", "2026-11-26"], kit.path());
    assert_eq!(check.status.code(), Some(1));
    let stderr = text(&check.stderr);
    for expected in [
        "error: unknown role « inconnu »\n",
        "warning: « notes.txt » is ignored: « .txt »: this extension is not read here\n",
        "= expected: one of: stagiaire",
        "= expected: one record per file, directly in this folder, named <id>.yaml\n",
        "files read, 1 error(s), 1 warning(s)\n",
    ] {
        assert!(stderr.contains(expected), "{expected:?} in:\n{stderr}");
    }
    assert!(
        !stderr.contains("erreur :") && !stderr.contains("attendu :"),
        "{stderr}"
    );
}

#[test]
fn help_is_in_french_outside_an_english_kit() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let help = run_carnet(&["--help"], dir.path());
    assert_eq!(help.status.code(), Some(0));
    let stdout = text(&help.stdout);
    for expected in [
        "Utilisation : carnet <COMMANDE>",
        "Commandes :",
        "-h, --help     Affiche l'aide",
        "-V, --version  Affiche la version",
    ] {
        assert!(stdout.contains(expected), "{expected:?} in:\n{stdout}");
    }
    let build = text(&run_carnet(&["build", "--help"], dir.path()).stdout);
    assert!(
        build.contains("Utilisation : carnet build [OPTIONS] [DOSSIER]"),
        "{build}"
    );
    assert!(
        build.contains("[DOSSIER]  Dossier du kit [par défaut : .]"),
        "{build}"
    );
    assert!(build.contains("[valeurs : public, interne]"), "{build}");
    assert!(
        build.contains("\nOptions :\n      --profile <PROFIL>"),
        "{build}"
    );
    // No command: the help, on the error output, with the usage status.
    let bare = run_carnet(&[], dir.path());
    assert_eq!(bare.status.code(), Some(2));
    assert!(text(&bare.stderr).contains("Utilisation : carnet <COMMANDE>"));
    for english in [
        "Usage:",
        "Commands:",
        "Print help",
        "[default:",
        "possible values",
    ] {
        assert!(
            !stdout.contains(english) && !build.contains(english),
            "{english:?}"
        );
    }
}

#[test]
fn help_is_clap_english_in_an_english_kit() {
    let kit = kit_with_problems("en");
    let help = run_carnet(&["--help"], kit.path());
    assert_eq!(help.status.code(), Some(0));
    let stdout = text(&help.stdout);
    for expected in ["Usage: carnet <COMMAND>", "Commands:", "Print help"] {
        assert!(stdout.contains(expected), "{expected:?} in:\n{stdout}");
    }
    // From a subfolder of the kit too.
    let sub = kit.path().join("data/personnes");
    let build = text(&run_carnet(&["build", "--help"], &sub).stdout);
    assert!(build.contains("[default: .]"), "{build}");
}

#[test]
fn usage_errors_are_french_sentences_with_exit_status_2() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let typo = run_carnet(&["chck"], dir.path());
    assert_eq!(typo.status.code(), Some(2));
    assert_eq!(
        text(&typo.stderr),
        "erreur : commande inconnue « chck »\n  conseil : vouliez-vous dire « check » ?\n\n\
         Utilisation : carnet <COMMANDE>\n\nPour plus d'informations, essayez « --help ».\n"
    );
    let flag = run_carnet(&["build", "--profil", "interne"], dir.path());
    assert_eq!(flag.status.code(), Some(2));
    let stderr = text(&flag.stderr);
    assert!(
        stderr.starts_with("erreur : argument inattendu « --profil »\n"),
        "{stderr}"
    );
    assert!(
        stderr.contains("conseil : vouliez-vous dire « --profile » ?"),
        "{stderr}"
    );
    let value = run_carnet(&["build", "--profile", "prive"], dir.path());
    assert_eq!(value.status.code(), Some(2));
    let stderr = text(&value.stderr);
    assert!(
        stderr.starts_with("erreur : valeur « prive » invalide pour « --profile <PROFIL> »\n  valeurs possibles : public, interne\n"),
        "{stderr}"
    );
    let missing = run_carnet(&["new", "personne", "Durand Alice"], dir.path());
    assert_eq!(missing.status.code(), Some(2));
    let stderr = text(&missing.stderr);
    assert!(
        stderr.starts_with("erreur : argument obligatoire manquant : --civilite <CIVILITÉ>"),
        "{stderr}"
    );
}

#[test]
fn usage_errors_are_clap_english_in_an_english_kit() {
    let kit = kit_with_problems("en");
    let typo = run_carnet(&["chek"], kit.path());
    assert_eq!(typo.status.code(), Some(2));
    let stderr = text(&typo.stderr);
    assert!(
        stderr.starts_with("error: unrecognized subcommand 'chek'"),
        "{stderr}"
    );
    assert!(
        stderr.contains("For more information, try '--help'."),
        "{stderr}"
    );
}

/// A kit with `cut` unquoted texts cut by ` #` in one file, then `ignored`
/// ignored files after it: two kinds of warnings, in this reading order.
fn kit_with_warnings(cut: usize, ignored: usize) -> tempfile::TempDir {
    let mut person = String::from("civilite: Mme\nnom: Durand\nprenom: Alice\netudes:\n");
    for n in 1..=cut {
        person.push_str(&format!("  - diplome: CAP #{n}\n"));
    }
    let names: Vec<String> = (1..=ignored)
        .map(|n| format!("data/personnes/zz-{n}.txt"))
        .collect();
    let mut files: Vec<(&str, &[u8])> = vec![
        ("carnet.yaml", b"titre: Essai\n"),
        ("data/personnes/durand-alice.yaml", person.as_bytes()),
    ];
    files.extend(names.iter().map(|n| (n.as_str(), b"rien\n".as_slice())));
    write_kit(&files)
}

#[test]
fn check_shows_the_first_20_warnings_and_counts_the_others_by_kind() {
    let kit = kit_with_warnings(25, 3);
    let check = run_carnet(&["check", "--today", "2026-11-26"], kit.path());
    assert_eq!(check.status.code(), Some(0));
    let stderr = text(&check.stderr);
    assert_eq!(stderr.matches("avertissement : ").count(), 20, "{stderr}");
    assert!(
        stderr.contains("durand-alice.yaml:24:"),
        "the 20th is shown"
    );
    assert!(
        !stderr.contains("durand-alice.yaml:25:"),
        "the 21st is counted"
    );
    let tail = &stderr[stderr.find("carnet : 8 autre(s)").unwrap_or(0)..];
    assert_eq!(
        tail,
        "carnet : 8 autre(s) avertissement(s) non affiché(s), par sorte :\n\
         \x20      5 comme « texte coupé à « # » : YAML lit « CAP » et prend la suite de la ligne pour un commentaire »\n\
         \x20      3 comme « « zz-1.txt » est ignoré : « .txt » : cette extension n'est pas lue ici »\n\
         Pour les voir tous : carnet check --tout\n"
    );
    assert!(
        text(&check.stdout).contains("aucune erreur, 28 avertissement(s)"),
        "the summary counts them all"
    );
}

#[test]
fn check_tout_shows_every_warning() {
    let kit = kit_with_warnings(25, 3);
    let check = run_carnet(&["check", "--tout", "--today", "2026-11-26"], kit.path());
    assert_eq!(check.status.code(), Some(0));
    let stderr = text(&check.stderr);
    assert_eq!(stderr.matches("avertissement : ").count(), 28, "{stderr}");
    assert!(stderr.contains("data/personnes/zz-3.txt"), "{stderr}");
    assert!(!stderr.contains("non affiché"), "{stderr}");
}

#[test]
fn few_warnings_are_all_shown_without_a_count() {
    let kit = kit_with_warnings(20, 0);
    let check = run_carnet(&["check", "--today", "2026-11-26"], kit.path());
    let stderr = text(&check.stderr);
    assert_eq!(stderr.matches("avertissement : ").count(), 20, "{stderr}");
    assert!(!stderr.contains("--tout"), "{stderr}");
}

#[test]
fn new_says_what_it_wrote_in_the_kits_language() {
    let kit = kit_with_problems("en");
    let new = run_carnet(&["new", "session", "2027-01"], kit.path());
    assert_eq!(new.status.code(), Some(0), "{}", text(&new.stderr));
    assert_eq!(
        text(&new.stdout),
        "carnet: ./data/sessions/2027-01.yaml written\n"
    );
    let kit = kit_with_problems("fr");
    let new = run_carnet(&["new", "club", "2027-01"], kit.path());
    assert_eq!(
        text(&new.stdout),
        "carnet : ./data/clubs/club-2027-01.yaml écrit\n"
    );
}

/// A kit with one session: one tutor, one trainee, one atelier held.
fn kit_with_a_session(langue: &str) -> tempfile::TempDir {
    write_kit(&[
        (
            "carnet.yaml",
            format!("titre: Essai\nlangue: {langue}\n").as_bytes(),
        ),
        (
            "data/personnes/roux-odile.yaml",
            b"civilite: Mme\nnom: Roux\nprenom: Odile\nroles: [tuteur]\nemail: o.roux@example.org\n",
        ),
        (
            "data/personnes/durand-alice.yaml",
            b"civilite: Mme\nnom: Durand\nprenom: Alice\nemail: a.durand@example.org\n",
        ),
        (
            "data/sessions/2026-10.yaml",
            b"numero: 1\nmois: \"2026-10\"\ntuteurs: [roux-odile]\nateliers:\n  - date: \"2026-10-06\"\n    intitule: Atelier CV\n    cycle: 1\ninscrits:\n  - personne: durand-alice\n",
        ),
    ])
}

/// What a build's summary says it wrote, from its count of pages on.
fn written(stdout: &str) -> &str {
    let start = stdout.find(" pages").expect("the pages counted");
    let end = stdout.find(" (").expect("the files counted");
    &stdout[start..end]
}

#[test]
fn the_build_summary_counts_calendar_feeds_and_exports() {
    // Internal profile: the feeds are the whole planning, the tutor's and the
    // session's; the exports the two lists of mentorships, the session's
    // enrolled people and the rapports.
    let kit = kit_with_a_session("fr");
    let args = [
        "build",
        "--profile",
        "interne",
        "--sans-pdf",
        "--today",
        "2026-11-26",
    ];
    let build = run_carnet(&args, kit.path());
    assert_eq!(build.status.code(), Some(0), "{}", text(&build.stderr));
    let stdout = text(&build.stdout);
    assert_eq!(
        written(&stdout),
        " pages, 0 formulaires PDF, 3 calendrier(s) .ics et 4 export(s) Excel ou CSV écrits dans ./interne",
        "{stdout}"
    );
    let files = common::files_under(&kit.path().join("interne"));
    let named = |ext: &str| {
        files
            .iter()
            .filter(|(p, _)| p.extension().is_some_and(|e| e == ext))
            .count()
    };
    assert_eq!(named("ics"), 3, "the feeds written");
    assert_eq!(named("xlsx") + named("csv"), 4, "the exports written");

    let kit = kit_with_a_session("en");
    let build = run_carnet(&args, kit.path());
    let stdout = text(&build.stdout);
    assert_eq!(
        written(&stdout),
        " pages, 0 PDF forms, 3 .ics calendar(s) and 4 Excel or CSV export(s) written to ./interne",
        "{stdout}"
    );
    // The public site hands out no export: none is named.
    let build = run_carnet(
        &["build", "--sans-pdf", "--today", "2026-11-26"],
        kit.path(),
    );
    let stdout = text(&build.stdout);
    assert!(!stdout.contains("export"), "{stdout}");
    assert!(stdout.contains(" pages, 0 PDF forms"), "{stdout}");
}
