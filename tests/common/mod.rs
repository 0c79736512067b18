//! Shared helpers of the integration tests: write a kit into a temporary
//! folder, run `carnet::check` on it, find diagnostics by their message.

#![allow(dead_code)]

pub mod example;

use carnet::diagnostic::{Diagnostic, Severity};
use carnet::model::Kit;
use chrono::NaiveDate;
use std::path::Path;
use tempfile::TempDir;

/// The build day of every test: 2026-11-26.
pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 26).expect("a valid date")
}

/// Asserts that what `d` says is expected mentions `needle`.
#[track_caller]
pub fn assert_expects(d: &Diagnostic, needle: &str) {
    let expected = d.expected.as_deref().unwrap_or_default();
    assert!(
        expected.contains(needle),
        "expected text {expected:?} should mention {needle:?}"
    );
}

/// A kit's carnet.yaml with only the two required fields.
pub const CONFIG: &str = "titre: Essai\norganisation: Association Essai\n";

/// A checked kit and its diagnostics (the folder is kept alive with them).
pub struct Checked {
    /// The temporary kit folder.
    pub dir: TempDir,
    /// The kit as built.
    pub kit: Kit,
    /// Every diagnostic, sorted.
    pub diagnostics: Vec<Diagnostic>,
}

/// Writes `files` (path relative to the kit, raw content) into a new folder.
pub fn write_kit(files: &[(&str, &[u8])]) -> TempDir {
    let dir = tempfile::tempdir().expect("a temporary folder");
    for (path, content) in files {
        let full = dir.path().join(path);
        if let Some(parent) = full.parent() {
            std::fs::create_dir_all(parent).expect("create the folders");
        }
        std::fs::write(&full, content).expect("write a kit file");
    }
    dir
}

/// Writes the files (path relative to the kit, text) and runs `check` with [`today`].
pub fn check(files: &[(&str, &str)]) -> Checked {
    let bytes: Vec<(&str, &[u8])> = files.iter().map(|(p, c)| (*p, c.as_bytes())).collect();
    check_bytes(&bytes)
}

/// Writes the files (path relative to the kit, raw bytes) and runs `check` with [`today`].
pub fn check_bytes(files: &[(&str, &[u8])]) -> Checked {
    let dir = write_kit(files);
    let (kit, diagnostics) = carnet::check(dir.path(), today()).expect("no I/O error");
    assert_english(&diagnostics);
    Checked {
        dir,
        kit,
        diagnostics,
    }
}

/// The guard of `langue: en`: every diagnostic any test provokes must have
/// its English texts (message, expected, labels), or it would show in French
/// to an English kit.
pub fn assert_english(diagnostics: &[Diagnostic]) {
    for d in diagnostics {
        if let Some(french) = d.untranslated() {
            panic!(
                "a diagnostic has no English: « {french} » (made at {}); \
                 write its English beside the French: msg(fr, en), .en(…), .expected_en(…)",
                d.origin
            );
        }
    }
}

/// Runs `check` on an existing folder.
pub fn check_dir(dir: &Path) -> (Kit, Vec<Diagnostic>) {
    let (kit, diagnostics) = carnet::check(dir, today()).expect("no I/O error");
    assert_english(&diagnostics);
    (kit, diagnostics)
}

impl Checked {
    /// The diagnostics whose message contains `needle`.
    pub fn all(&self, needle: &str) -> Vec<&Diagnostic> {
        self.diagnostics
            .iter()
            .filter(|d| d.message.contains(needle))
            .collect()
    }

    /// The one diagnostic whose message contains `needle` (panics with the list otherwise).
    pub fn find(&self, needle: &str) -> &Diagnostic {
        let found = self.all(needle);
        assert_eq!(
            found.len(),
            1,
            "expected exactly one diagnostic containing {needle:?}, got:\n{}",
            self.dump()
        );
        found[0]
    }

    /// `file:line:col` of every diagnostic whose message contains `needle`, in order.
    pub fn locations(&self, needle: &str) -> Vec<String> {
        self.all(needle)
            .iter()
            .map(|d| self.kit.sources.location(d.span))
            .collect()
    }

    /// `file:line:col` of the one diagnostic whose message contains `needle`.
    pub fn at(&self, needle: &str) -> String {
        self.kit.sources.location(self.find(needle).span)
    }

    /// Asserts that the one diagnostic containing `needle` is an error at `location`.
    pub fn error_at(&self, needle: &str, location: &str) -> &Diagnostic {
        self.one_at(needle, Severity::Error, location)
    }

    /// Asserts that the one diagnostic containing `needle` is a warning at `location`.
    pub fn warning_at(&self, needle: &str, location: &str) -> &Diagnostic {
        self.one_at(needle, Severity::Warning, location)
    }

    /// The one diagnostic containing `needle`, asserted of `severity` at `location`.
    fn one_at(&self, needle: &str, severity: Severity, location: &str) -> &Diagnostic {
        let d = self.find(needle);
        assert_eq!(
            d.severity,
            severity,
            "{needle:?} should be of severity {severity:?}:\n{}",
            self.dump()
        );
        assert_eq!(
            self.kit.sources.location(d.span),
            location,
            "{needle:?}:\n{}",
            self.dump()
        );
        d
    }

    /// The text covered by a diagnostic's span.
    pub fn text_of(&self, d: &Diagnostic) -> &str {
        let file = self.kit.sources.get(d.span.file);
        &file.text[d.span.start..d.span.end]
    }

    /// The errors only.
    pub fn errors(&self) -> Vec<&Diagnostic> {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .collect()
    }

    /// Asserts that no error was found.
    pub fn assert_no_error(&self) {
        assert!(
            self.errors().is_empty(),
            "unexpected errors:\n{}",
            self.dump()
        );
    }

    /// Asserts that nothing at all was reported.
    pub fn assert_clean(&self) {
        assert!(
            self.diagnostics.is_empty(),
            "unexpected diagnostics:\n{}",
            self.dump()
        );
    }

    /// Every diagnostic as one line, for failure messages.
    pub fn dump(&self) -> String {
        self.diagnostics
            .iter()
            .map(|d| format!("  {:?} {}\n", d.severity, d.one_line(&self.kit.sources)))
            .collect()
    }

    /// Index of a person by id.
    pub fn person(&self, id: &str) -> &carnet::model::Personne {
        let i = self
            .kit
            .person_index
            .get(id)
            .unwrap_or_else(|| panic!("no person {id}:\n{}", self.dump()));
        &self.kit.personnes[*i]
    }

    /// A session by id.
    pub fn session(&self, id: &str) -> &carnet::model::Activity {
        self.kit
            .sessions
            .iter()
            .find(|s| s.id == id)
            .unwrap_or_else(|| panic!("no session {id}:\n{}", self.dump()))
    }

    /// A club by id.
    pub fn club(&self, id: &str) -> &carnet::model::Activity {
        self.kit
            .clubs
            .iter()
            .find(|s| s.id == id)
            .unwrap_or_else(|| panic!("no club {id}:\n{}", self.dump()))
    }

    /// Ids of a list of person indices.
    pub fn ids(&self, people: impl IntoIterator<Item = usize>) -> Vec<String> {
        people
            .into_iter()
            .map(|i| self.kit.personnes[i].id.clone())
            .collect()
    }
}

/// A kit built with its forms: the folders (kept alive), where the output is,
/// and the build's summary.
pub struct BuiltKit {
    /// The kit folder.
    pub kit: TempDir,
    /// The folder holding the output.
    pub out_dir: TempDir,
    /// The output folder (`public` inside `out_dir`).
    pub out: std::path::PathBuf,
    /// What the build says it did.
    pub built: carnet::Built,
}

/// Writes `files` (path relative to the kit, text) and builds them with
/// their forms for `profile`; panics with the report if the build fails.
pub fn build_with_forms(files: &[(&str, String)], profile: carnet::Profile) -> BuiltKit {
    let bytes: Vec<(&str, &[u8])> = files.iter().map(|(p, c)| (*p, c.as_bytes())).collect();
    let kit = write_kit(&bytes);
    let out_dir = tempfile::tempdir().expect("a temporary folder");
    let out = out_dir.path().join("public");
    let built = build(kit.path(), &out, profile).unwrap_or_else(|e| match e {
        carnet::Failure::Io(m) | carnet::Failure::Template(m) | carnet::Failure::Refused(m) => {
            panic!("{m}")
        }
        carnet::Failure::Invalid { report, .. } => panic!("{report}"),
    });
    BuiltKit {
        kit,
        out_dir,
        out,
        built,
    }
}

/// The text of the page at `path` (relative to the output) of `built`.
pub fn page(built: &BuiltKit, path: &str) -> String {
    std::fs::read_to_string(built.out.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Makes `link` (a path relative to the kit) a symbolic link to `target`.
pub fn symlink(kit: &Path, link: &str, target: &Path) {
    let full = kit.join(link);
    if let Some(parent) = full.parent() {
        std::fs::create_dir_all(parent).expect("create the folders");
    }
    std::os::unix::fs::symlink(target, &full).expect("make a symbolic link");
}

/// Runs the `carnet` binary with `args` in `dir`.
pub fn run_carnet(args: &[&str], dir: &Path) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_carnet"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run carnet")
}

/// Builds the kit at `kit` into `out` for `profile` with [`today`].
pub fn build(
    kit: &Path,
    out: &Path,
    profile: carnet::Profile,
) -> Result<carnet::Built, carnet::Failure> {
    carnet::build(&carnet::BuildOptions {
        root: kit.to_path_buf(),
        out: out.to_path_buf(),
        profile,
        today: today(),
        forms: true,
        exports: true,
        force: false,
    })
}

/// Every file under `dir` (none if it does not exist), with its bytes, sorted by path.
pub fn files_under(dir: &Path) -> Vec<(std::path::PathBuf, Vec<u8>)> {
    let mut found = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(folder) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&folder) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let bytes = std::fs::read(&path).expect("read an output file");
                found.push((path, bytes));
            }
        }
    }
    found.sort();
    found
}

/// Every file of a build of `kit` for `profile` (without PDF forms), by path.
pub fn build_files(
    kit: &Path,
    profile: carnet::Profile,
) -> std::collections::BTreeMap<String, Vec<u8>> {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let out = dir.path().join("site");
    carnet::build(&carnet::BuildOptions {
        root: kit.to_path_buf(),
        out: out.clone(),
        profile,
        today: today(),
        forms: false,
        exports: true,
        force: false,
    })
    .unwrap_or_else(|e| panic!("the build failed: {e:?}"));
    files_under(&out)
        .into_iter()
        .map(|(path, bytes)| {
            let rel = path.strip_prefix(&out).expect("under the output");
            (rel.to_string_lossy().replace('\\', "/"), bytes)
        })
        .collect()
}

/// The PLIE team of the parcours tests' kits: Claire Roux (accompagnateur),
/// Luc Petit (assistant) and the employer « Boulangerie du Parc »
/// (operator), as files to add to a kit.
pub fn plie_team() -> Vec<(&'static str, String)> {
    vec![
        (
            "data/personnes/roux-claire.yaml",
            "civilite: Mme\nnom: Roux\nprenom: Claire\nroles: [accompagnateur]\n".into(),
        ),
        (
            "data/personnes/petit-luc.yaml",
            "civilite: M.\nnom: Petit\nprenom: Luc\nroles: [assistant]\n".into(),
        ),
        (
            "data/operateurs/boulangerie.yaml",
            "nom: Boulangerie du Parc\n".into(),
        ),
    ]
}
