//! The command line as staff use it: exit statuses, init, new, schema.

use std::path::Path;
use std::process::{Command, Output};

fn carnet(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_carnet"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("carnet runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn init_writes_a_kit_that_checks_and_builds_and_refuses_to_overwrite() {
    let dir = tempfile::tempdir().expect("temp dir");
    let kit = dir.path().join("kit");
    let init = carnet(&["init", kit.to_str().expect("utf-8 path")], dir.path());
    assert!(init.status.success(), "{}", text(&init.stderr));
    assert!(kit.join("carnet.yaml").is_file());
    assert!(kit.join("data/personnes/haddad-yasmina.yaml").is_file());
    assert!(kit.join("content/pages/charte-parrainage.md").is_file());
    let check = carnet(&["check", "--today", "2026-11-26"], &kit);
    assert_eq!(check.status.code(), Some(0), "{}", text(&check.stderr));
    let build = carnet(&["build", "--sans-pdf", "--today", "2026-11-26"], &kit);
    assert_eq!(build.status.code(), Some(0), "{}", text(&build.stderr));
    assert!(kit.join("public/index.html").is_file());
    let summary = text(&build.stdout);
    assert!(
        summary.contains("pages") && summary.contains(" s"),
        "one summary line: {summary}"
    );
    let again = carnet(&["init", kit.to_str().expect("utf-8 path")], dir.path());
    assert_eq!(again.status.code(), Some(2));
    assert!(
        text(&again.stderr).contains("contient déjà un kit"),
        "{}",
        text(&again.stderr)
    );
}

#[test]
fn exit_status_is_1_for_invalid_data_and_2_for_usage_or_io() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir_all(dir.path().join("data/personnes")).expect("folders");
    std::fs::write(dir.path().join("carnet.yaml"), "titre: Essai\n").expect("write");
    std::fs::write(
        dir.path().join("data/personnes/dupont-jean.yaml"),
        "civilite: Monsieur\nnom: Dupont\nprenom: Jean\n",
    )
    .expect("write");
    let check = carnet(&["check"], dir.path());
    assert_eq!(check.status.code(), Some(1));
    let stderr = text(&check.stderr);
    assert!(
        stderr.contains("data/personnes/dupont-jean.yaml:1:11"),
        "{stderr}"
    );
    assert!(
        stderr.contains("civilité inconnue « Monsieur »"),
        "{stderr}"
    );
    assert!(stderr.contains("M. ou Mme"), "{stderr}");
    let build = carnet(&["build"], dir.path());
    assert_eq!(build.status.code(), Some(1));
    assert!(
        !dir.path().join("public").exists(),
        "an invalid kit writes nothing"
    );
    let missing = carnet(&["check", "no-such-folder"], dir.path());
    assert_eq!(missing.status.code(), Some(2));
    let usage = carnet(&["build", "--profile", "secret"], dir.path());
    assert_eq!(usage.status.code(), Some(2));
}

#[test]
fn new_records_are_well_formed_and_never_overwrite() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    std::fs::write(root.join("carnet.yaml"), "titre: Essai\n").expect("write");
    let person = carnet(
        &["new", "personne", "D'Almeida Éloïse", "--civilite", "Mme"],
        root,
    );
    assert!(person.status.success(), "{}", text(&person.stderr));
    let written = std::fs::read_to_string(root.join("data/personnes/dalmeida-eloise.yaml"))
        .expect("file written");
    assert!(written.contains("nom: \"D'Almeida\""), "{written}");
    assert!(written.contains("prenom: \"Éloïse\""), "{written}");
    let twice = carnet(
        &["new", "personne", "D'Almeida Éloïse", "--civilite", "Mme"],
        root,
    );
    assert_eq!(twice.status.code(), Some(2));
    assert!(text(&twice.stderr).contains("existe déjà"));
    let unchanged = std::fs::read_to_string(root.join("data/personnes/dalmeida-eloise.yaml"))
        .expect("still there");
    assert_eq!(unchanged, written);
    assert!(
        carnet(&["new", "session", "2026-12"], root)
            .status
            .success()
    );
    assert!(carnet(&["new", "club", "2027-01"], root).status.success());
    assert!(root.join("data/sessions/2026-12.yaml").is_file());
    assert!(root.join("data/clubs/club-2027-01.yaml").is_file());
    let bad_month = carnet(&["new", "session", "12/2026"], root);
    assert_eq!(bad_month.status.code(), Some(2));
    let check = carnet(&["check", "--today", "2026-11-26"], root);
    assert_eq!(
        check.status.code(),
        Some(0),
        "records written by `new` are valid: {}",
        text(&check.stderr)
    );
}

#[test]
fn schema_describes_the_fields_editors_should_complete() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = carnet(&["schema", "--out", "schemas"], dir.path());
    assert!(out.status.success(), "{}", text(&out.stderr));
    let personne: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(dir.path().join("schemas/personne.schema.json")).expect("written"),
    )
    .expect("valid JSON");
    let required = personne["required"].as_array().expect("required fields");
    for field in ["civilite", "nom", "prenom"] {
        assert!(
            required.iter().any(|r| r == field),
            "{field} required: {required:?}"
        );
    }
    assert_eq!(
        personne["properties"]["civilite"]["enum"],
        serde_json::json!(["M.", "Mme"])
    );
    assert_eq!(
        personne["additionalProperties"],
        serde_json::json!(false),
        "unknown fields are flagged"
    );
    for kind in [
        "session",
        "club",
        "evenement",
        "operateur",
        "documents",
        "carnet",
    ] {
        assert!(
            dir.path()
                .join(format!("schemas/{kind}.schema.json"))
                .is_file(),
            "{kind}"
        );
    }
}

/// `text` with its commented example lines uncommented, as a user does: a
/// comment whose text (after `# `) is a YAML line, `key: value` or `- item`,
/// loses its `# `; explanations (sentences) stay comments.
fn uncomment_examples(text: &str) -> (String, usize) {
    let mut uncommented = 0;
    let lines: Vec<String> = text
        .lines()
        .map(|line| {
            let Some(body) = line.strip_prefix("# ") else {
                return line.to_string();
            };
            let item = body.trim_start();
            let key = item.strip_prefix("- ").unwrap_or(item);
            let is_yaml = key.split_once(": ").is_some_and(|(k, _)| {
                !k.is_empty() && k.chars().all(|c| c.is_ascii_lowercase() || c == '_')
            });
            if is_yaml {
                uncommented += 1;
                body.to_string()
            } else {
                line.to_string()
            }
        })
        .collect();
    (lines.join("\n") + "\n", uncommented)
}

#[test]
fn records_written_by_new_stay_valid_once_their_examples_are_uncommented() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    std::fs::write(root.join("carnet.yaml"), "titre: Essai\n").expect("write");
    let written = [
        (
            vec!["new", "personne", "Durand Alice", "--civilite", "Mme"],
            "data/personnes/durand-alice.yaml",
        ),
        (
            vec!["new", "session", "2026-12"],
            "data/sessions/2026-12.yaml",
        ),
        (
            vec!["new", "club", "2027-01"],
            "data/clubs/club-2027-01.yaml",
        ),
    ];
    for (args, path) in &written {
        let new = carnet(args, root);
        assert!(new.status.success(), "{}", text(&new.stderr));
        let template = std::fs::read_to_string(root.join(path)).expect("file written");
        let (uncommented, count) = uncomment_examples(&template);
        assert!(count >= 2, "{path} has commented examples:\n{template}");
        std::fs::write(root.join(path), uncommented).expect("write");
    }
    let session = std::fs::read_to_string(root.join("data/sessions/2026-12.yaml")).expect("read");
    assert!(
        session.contains("ateliers:\n- date: \"2026-12-07\"\n"),
        "{session}"
    );
    let check = carnet(&["check", "--today", "2026-11-26"], root);
    assert_eq!(
        check.status.code(),
        Some(0),
        "uncommented examples are valid: {}",
        text(&check.stderr)
    );
    assert!(
        !text(&check.stderr).contains("erreur"),
        "{}",
        text(&check.stderr)
    );
}
