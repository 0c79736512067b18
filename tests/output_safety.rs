//! What `carnet build` may replace, as a staff member or an attacker would try
//! it from the command line: never a folder carnet did not write, never the
//! kit or its sources, never a file; the internal site never lands in the
//! public one; a swap never leaves the site missing; an interrupted build
//! leaves no copy of the data behind.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn carnet(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_carnet"))
        .args(args)
        .args(
            ["--today", "2026-11-26"]
                .iter()
                .filter(|_| matches!(args[0], "build" | "check")),
        )
        .current_dir(dir)
        .output()
        .expect("carnet runs")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// A minimal valid kit in `dir/kit`: one person, no forms needed.
fn small_kit(dir: &Path) -> PathBuf {
    let kit = dir.join("kit");
    std::fs::create_dir_all(kit.join("data/personnes")).expect("folders");
    std::fs::write(kit.join("carnet.yaml"), "titre: \"Essai\"\n").expect("write");
    std::fs::write(
        kit.join("data/personnes/dupont-jean.yaml"),
        "civilite: M.\nnom: Dupont\nprenom: Jean\n",
    )
    .expect("write");
    kit
}

fn staging_folders(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".tmp-"))
        .collect()
}

#[test]
fn a_folder_carnet_did_not_write_is_refused_unless_forced() {
    let dir = tempfile::tempdir().expect("temp dir");
    let kit = small_kit(dir.path());
    let docs = dir.path().join("mesdocs");
    std::fs::create_dir(&docs).expect("mkdir");
    std::fs::write(docs.join("cv.docx"), "mon CV").expect("write");
    let refused = carnet(&["build", "--sans-pdf", "--out", "../mesdocs"], &kit);
    assert_eq!(refused.status.code(), Some(2), "{}", stderr(&refused));
    assert!(
        stderr(&refused).contains("n'a pas été écrit par carnet")
            && stderr(&refused).contains("--force"),
        "{}",
        stderr(&refused)
    );
    assert_eq!(
        std::fs::read_to_string(docs.join("cv.docx")).expect("kept"),
        "mon CV"
    );

    let forced = carnet(
        &["build", "--sans-pdf", "--out", "../mesdocs", "--force"],
        &kit,
    );
    assert_eq!(forced.status.code(), Some(0), "{}", stderr(&forced));
    assert!(docs.join("index.html").is_file() && !docs.join("cv.docx").exists());

    // An empty folder, and one written by carnet, are replaced without --force.
    let empty = dir.path().join("vide");
    std::fs::create_dir(&empty).expect("mkdir");
    for _ in 0..2 {
        let built = carnet(&["build", "--sans-pdf", "--out", "../vide"], &kit);
        assert_eq!(built.status.code(), Some(0), "{}", stderr(&built));
    }
    assert!(empty.join("index.html").is_file() && empty.join(".carnet-sortie").is_file());
}

#[test]
fn the_kit_its_sources_and_files_are_never_an_output() {
    let dir = tempfile::tempdir().expect("temp dir");
    let kit = small_kit(dir.path());
    std::fs::create_dir_all(kit.join("templates")).expect("mkdir");
    std::fs::write(dir.path().join("notes.txt"), "à garder").expect("write");
    let before = common::files_under(dir.path());
    for out in [
        ".",
        "data",
        "data/personnes",
        "templates/site",
        "..",
        "/",
        "../notes.txt",
    ] {
        for force in [false, true] {
            let mut args = vec!["build", "--sans-pdf", "--out", out];
            if force {
                args.push("--force");
            }
            let refused = carnet(&args, &kit);
            assert_eq!(
                refused.status.code(),
                Some(2),
                "--out {out}: {}",
                stderr(&refused)
            );
            let message = stderr(&refused);
            assert!(
                message.contains("dossier du kit")
                    || message.contains("du kit : carnet y remplacerait")
                    || message.contains("est un fichier"),
                "--out {out}: {message}"
            );
        }
    }
    assert_eq!(
        common::files_under(dir.path()),
        before,
        "nothing was touched"
    );
}

#[test]
fn a_folder_that_is_not_a_kit_is_refused_and_commands_find_the_kit_above() {
    let dir = tempfile::tempdir().expect("temp dir");
    let other_app = dir.path().join("appli");
    std::fs::create_dir_all(other_app.join("public")).expect("mkdir");
    std::fs::write(other_app.join("public/index.php"), "<?php").expect("write");
    for args in [&["build"][..], &["check"], &["new", "session", "2026-12"]] {
        let refused = carnet(args, &other_app);
        assert_eq!(refused.status.code(), Some(2), "{args:?}");
        assert!(
            stderr(&refused).contains("aucun kit carnet"),
            "{}",
            stderr(&refused)
        );
    }
    assert_eq!(
        std::fs::read_to_string(other_app.join("public/index.php")).expect("kept"),
        "<?php"
    );
    assert!(!other_app.join("data").exists());

    let kit = small_kit(dir.path());
    let inside = kit.join("data/personnes");
    let check = carnet(&["check"], &inside);
    assert_eq!(check.status.code(), Some(0), "{}", stderr(&check));
    let new = carnet(
        &["new", "personne", "Martin Léa", "--civilite", "Mme"],
        &inside,
    );
    assert_eq!(new.status.code(), Some(0), "{}", stderr(&new));
    assert!(kit.join("data/personnes/martin-lea.yaml").is_file());
    assert!(!inside.join("data").exists(), "no nested data/ folder");
    let build = carnet(&["build", "--sans-pdf"], &inside);
    assert_eq!(build.status.code(), Some(0), "{}", stderr(&build));
    assert!(kit.join("public/index.html").is_file());
    assert!(!inside.join("public").exists());
}

#[test]
fn the_internal_site_has_its_own_folder_and_never_replaces_the_public_one() {
    let dir = tempfile::tempdir().expect("temp dir");
    let kit = small_kit(dir.path());
    let public = carnet(&["build", "--sans-pdf"], &kit);
    assert_eq!(public.status.code(), Some(0), "{}", stderr(&public));
    let published = common::files_under(&kit.join("public"));

    let interne = carnet(&["build", "--sans-pdf", "--profile", "interne"], &kit);
    assert_eq!(interne.status.code(), Some(0), "{}", stderr(&interne));
    assert!(kit.join("interne/index.html").is_file());
    let warning = stderr(&interne);
    assert!(
        warning
            .trim_end()
            .lines()
            .last()
            .is_some_and(|l| l.contains("attention : profil interne")),
        "the warning is the last line: {warning}"
    );

    let moved = dir.path().join("site-en-ligne");
    let custom = carnet(&["build", "--sans-pdf", "--out", "../site-en-ligne"], &kit);
    assert_eq!(custom.status.code(), Some(0), "{}", stderr(&custom));
    for out in ["public", "../site-en-ligne"] {
        let refused = carnet(
            &["build", "--sans-pdf", "--profile", "interne", "--out", out],
            &kit,
        );
        assert_eq!(
            refused.status.code(),
            Some(2),
            "{out}: {}",
            stderr(&refused)
        );
        assert!(
            stderr(&refused).contains("site public"),
            "{}",
            stderr(&refused)
        );
    }
    assert_eq!(common::files_under(&kit.join("public")), published);
    let forced = carnet(
        &[
            "build",
            "--sans-pdf",
            "--profile",
            "interne",
            "--out",
            "../site-en-ligne",
            "--force",
        ],
        &kit,
    );
    assert_eq!(forced.status.code(), Some(0), "{}", stderr(&forced));
    assert!(
        std::fs::read_to_string(moved.join(".carnet-sortie"))
            .expect("marker")
            .starts_with("profil: interne")
    );
}

#[test]
fn a_linked_output_is_updated_through_its_link() {
    let dir = tempfile::tempdir().expect("temp dir");
    let kit = small_kit(dir.path());
    let real = dir.path().join("www");
    std::fs::create_dir(&real).expect("mkdir");
    std::os::unix::fs::symlink(&real, kit.join("public")).expect("symlink");
    for _ in 0..2 {
        let built = carnet(&["build", "--sans-pdf"], &kit);
        assert_eq!(built.status.code(), Some(0), "{}", stderr(&built));
    }
    let link = std::fs::symlink_metadata(kit.join("public")).expect("still there");
    assert!(
        link.file_type().is_symlink(),
        "the link is kept, not replaced by a folder"
    );
    assert!(real.join("index.html").is_file());
    assert!(staging_folders(dir.path()).is_empty());
    assert!(staging_folders(&kit).is_empty());

    std::fs::remove_file(kit.join("public")).expect("unlink");
    std::os::unix::fs::symlink(dir.path().join("absent"), kit.join("public")).expect("symlink");
    let broken = carnet(&["build", "--sans-pdf"], &kit);
    assert_eq!(broken.status.code(), Some(2), "{}", stderr(&broken));
    assert!(
        stderr(&broken).contains("lien symbolique"),
        "{}",
        stderr(&broken)
    );
}

#[test]
fn staging_folders_of_dead_builds_are_removed_and_ignored_by_git() {
    let dir = tempfile::tempdir().expect("temp dir");
    let kit = dir.path().join("kit");
    let init = carnet(&["init", "kit"], dir.path());
    assert_eq!(init.status.code(), Some(0), "{}", stderr(&init));
    let mut child = Command::new("true").spawn().expect("spawn");
    let dead = child.id();
    child.wait().expect("wait");
    let stale = kit.join(format!(".public.tmp-{dead}-0"));
    std::fs::create_dir_all(stale.join("personnes")).expect("mkdir");
    std::fs::write(stale.join("personnes/x.html"), "CAF 1234567").expect("write");

    let git = |args: &[&str]| {
        Command::new("git")
            .args(args)
            .current_dir(&kit)
            .output()
            .expect("git runs")
    };
    assert!(git(&["init", "-q"]).status.success());
    for path in [
        "public/index.html",
        "interne/index.html",
        ".public.tmp-12-0/x.html",
        ".interne.tmp-12-0/x.html",
    ] {
        assert!(
            git(&["check-ignore", "-q", path]).status.success(),
            "{path} is ignored by git"
        );
    }
    assert!(
        !git(&["check-ignore", "-q", "data/personnes/x.yaml"])
            .status
            .success()
    );

    let built = carnet(&["build", "--sans-pdf"], &kit);
    assert_eq!(built.status.code(), Some(0), "{}", stderr(&built));
    assert!(!stale.exists(), "the dead build's copy of the data is gone");
    assert!(staging_folders(&kit).is_empty());
}

#[test]
fn this_repository_ignores_outputs_and_staging_folders() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for path in [
        "public/index.html",
        "interne/index.html",
        ".public.tmp-12-0/x.html",
    ] {
        let ignored = Command::new("git")
            .args(["check-ignore", "-q", "--no-index", path])
            .current_dir(root)
            .status()
            .expect("git runs");
        assert!(ignored.success(), "{path} is ignored by git");
    }
}

#[test]
fn an_interrupted_build_leaves_the_previous_site_and_no_staging_folder() {
    let dir = tempfile::tempdir().expect("temp dir");
    let kit = dir.path().join("kit");
    assert!(carnet(&["init", "kit"], dir.path()).status.success());
    // Enough people for the build to take a while with its PDF forms.
    for i in 0..300 {
        std::fs::write(
            kit.join(format!("data/personnes/essai-{i}.yaml")),
            format!("civilite: Mme\nnom: Essai\nprenom: Numéro {i}\n"),
        )
        .expect("write");
    }
    let first = carnet(&["build", "--sans-pdf"], &kit);
    assert_eq!(first.status.code(), Some(0), "{}", stderr(&first));
    let before = common::files_under(&kit.join("public"));

    let child = Command::new(env!("CARGO_BIN_EXE_carnet"))
        .args([
            "build",
            "--profile",
            "interne",
            "--out",
            "public",
            "--force",
        ])
        .args(["--today", "2026-11-26"])
        .current_dir(&kit)
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("carnet runs");
    let started = std::time::Instant::now();
    while staging_folders(&kit).is_empty() {
        assert!(
            started.elapsed().as_secs() < 60,
            "the build never started writing"
        );
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
    let interrupted = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .expect("kill runs");
    assert!(interrupted.success());
    let ended = child.wait_with_output().expect("carnet ends");
    assert_eq!(
        ended.status.code(),
        Some(130),
        "stopped by Ctrl-C, not finished: {}",
        stderr(&ended)
    );
    assert!(
        staging_folders(&kit).is_empty(),
        "{:?}",
        staging_folders(&kit)
    );
    assert_eq!(
        common::files_under(&kit.join("public")),
        before,
        "the previous site is intact"
    );
}

#[test]
fn concurrent_builds_of_one_output_all_succeed_and_leave_one_site() {
    let dir = tempfile::tempdir().expect("temp dir");
    let kit = small_kit(dir.path());
    let first = carnet(&["build", "--sans-pdf"], &kit);
    assert_eq!(first.status.code(), Some(0), "{}", stderr(&first));
    let children: Vec<_> = (0..4)
        .map(|_| {
            Command::new(env!("CARGO_BIN_EXE_carnet"))
                .args(["build", "--sans-pdf", "--today", "2026-11-26"])
                .current_dir(&kit)
                .stderr(std::process::Stdio::piped())
                .spawn()
                .expect("carnet runs")
        })
        .collect();
    for child in children {
        let ended = child.wait_with_output().expect("carnet ends");
        assert_eq!(ended.status.code(), Some(0), "{}", stderr(&ended));
    }
    assert!(kit.join("public/index.html").is_file());
    assert!(
        staging_folders(&kit).is_empty(),
        "{:?}",
        staging_folders(&kit)
    );
}
