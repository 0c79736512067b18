//! `carnet build --sans-exports`: the example kit's internal site without its
//! Excel and CSV exports and calendar feeds, as the benchmark builds it to
//! compare with a site generator that makes pages only. No such file is
//! written and no page links to one (a link to a missing file is a broken
//! download for the coordinator who clicks it); the build says what it left out.

mod common;

use std::path::Path;
use tempfile::TempDir;

/// The extensions of the files `--sans-exports` leaves out.
const LEFT_OUT: [&str; 3] = [".xlsx", ".csv", ".ics"];

/// Where the kit's own documents are copied (a model spreadsheet among
/// them): files of the kit, not exports, kept by `--sans-exports`.
const KIT_FILES: &str = "documents/fichiers/";

/// Builds the example kit (the repository's root) in the internal profile,
/// without forms, into a new folder; returns the folder and carnet's output.
fn build_example(extra: &[&str]) -> (TempDir, String) {
    let out = TempDir::new().expect("temp dir");
    let out_arg = out.path().join("site");
    let mut args = vec![
        "build",
        ".",
        "--profile",
        "interne",
        "--sans-pdf",
        "--today",
        "2026-09-15",
        "--out",
        out_arg.to_str().expect("utf-8 path"),
    ];
    args.extend(extra);
    let run = common::run_carnet(&args, Path::new(env!("CARGO_MANIFEST_DIR")));
    let stdout = String::from_utf8_lossy(&run.stdout).into_owned();
    assert!(
        run.status.success(),
        "the build failed: {stdout}{}",
        String::from_utf8_lossy(&run.stderr)
    );
    (out, stdout)
}

/// The files of the build at `dir` whose name ends with one of [`LEFT_OUT`].
fn left_out_files(dir: &Path) -> Vec<String> {
    common::files_under(dir)
        .into_iter()
        .map(|(path, _)| path.display().to_string())
        .filter(|p| LEFT_OUT.iter().any(|ext| p.ends_with(ext)) && !p.contains(KIT_FILES))
        .collect()
}

/// The pages of the build at `dir` that link to a file of [`LEFT_OUT`].
fn pages_linking(dir: &Path) -> Vec<String> {
    common::files_under(dir)
        .into_iter()
        .filter(|(path, _)| path.extension().is_some_and(|e| e == "html"))
        .filter(|(_, bytes)| {
            let html = String::from_utf8_lossy(bytes);
            html.split("href=\"").skip(1).any(|rest| {
                let url = rest.split('"').next().unwrap_or_default();
                LEFT_OUT.iter().any(|ext| url.ends_with(ext)) && !url.contains(KIT_FILES)
            })
        })
        .map(|(path, _)| path.display().to_string())
        .collect()
}

#[test]
fn the_internal_example_site_has_exports_and_feeds_and_links_to_them() {
    // What --sans-exports takes away must be there without it.
    let (out, stdout) = build_example(&[]);
    let site = out.path().join("site");
    let files = left_out_files(&site);
    for ext in LEFT_OUT {
        assert!(
            files.iter().any(|f| f.ends_with(ext)),
            "no {ext} file in the internal example site: {files:?}"
        );
    }
    assert!(site.join("rapports/rapports.xlsx").is_file());
    assert!(site.join("clubs/convocation/club-2026-09.csv").is_file());
    assert!(site.join("planning/planning.ics").is_file());
    assert!(!pages_linking(&site).is_empty());
    assert!(!stdout.contains("--sans-exports"), "{stdout}");
}

#[test]
fn sans_exports_writes_no_spreadsheet_nor_feed_and_no_page_links_to_one() {
    let (out, stdout) = build_example(&["--sans-exports"]);
    let site = out.path().join("site");
    assert_eq!(left_out_files(&site), Vec::<String>::new());
    assert_eq!(pages_linking(&site), Vec::<String>::new());
    // The pages themselves are all there: the lists, a fiche, the planning.
    for page in [
        "index.html",
        "parrainages/index.html",
        "planning/index.html",
        "personnes/index.html",
    ] {
        assert!(site.join(page).is_file(), "{page} missing");
    }
    assert!(
        stdout.contains(
            "exports Excel et CSV et calendriers .ics non écrits (--sans-exports), ni liens vers eux"
        ),
        "{stdout}"
    );
    assert!(
        stdout.contains("et 0 formulaires PDF écrits dans"),
        "{stdout}"
    );
}
