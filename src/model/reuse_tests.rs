//! [`super::reuse`]: a model built reusing the last build's results is the
//! model a fresh build makes, after each change that could leave a reused
//! result stale.

use super::reuse::ModelCache;
use super::{Kit, build, build_cached};
use crate::diagnostic::Diagnostic;
use crate::load::{Changed, ParseCache, load, load_cached};
use chrono::NaiveDate;
use std::collections::HashSet;
use std::path::Path;

const PARRAIN: &str = "data/personnes/martin-paul.yaml";
const FILLEULE: &str = "data/personnes/dupont-jeanne.yaml";
const OTHER: &str = "data/personnes/aaron-luc.yaml";

fn write(root: &Path, rel: &str, text: &str) {
    let path = root.join(rel);
    std::fs::create_dir_all(path.parent().expect("a parent folder")).expect("create the folder");
    std::fs::write(path, text).expect("write the file");
}

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 5, d).expect("a date")
}

/// A kit being edited, with the caches of `carnet serve`.
struct Served {
    dir: tempfile::TempDir,
    parsed: ParseCache,
    model: ModelCache,
}

impl Served {
    fn root(&self) -> &Path {
        self.dir.path()
    }

    /// Writes `files` (and deletes `gone`), rebuilds with the caches, and
    /// asserts that the kit and diagnostics are those of a fresh build;
    /// returns the diagnostics.
    fn edit(&mut self, files: &[(&str, &str)], today: NaiveDate, step: &str) -> Vec<Diagnostic> {
        self.change(files, &[], today, step)
    }

    fn change(
        &mut self,
        files: &[(&str, &str)],
        gone: &[&str],
        today: NaiveDate,
        step: &str,
    ) -> Vec<Diagnostic> {
        for (rel, text) in files {
            write(self.root(), rel, text);
        }
        for rel in gone {
            std::fs::remove_file(self.root().join(rel)).expect("delete a file");
        }
        let changed: HashSet<String> = files
            .iter()
            .map(|(rel, _)| *rel)
            .chain(gone.iter().copied())
            .map(String::from)
            .collect();
        let mut loaded = load_cached(self.dir.path(), &mut self.parsed, &Changed::Only(&changed))
            .expect("the kit loads");
        let layouts = std::mem::take(&mut loaded.layouts);
        let (kit, found) = build_cached(loaded, &layouts, today, Some(&mut self.model));
        let (fresh, fresh_found) = fresh(self.root(), today);
        same(&found, &fresh_found, step, "diagnostics");
        same(&facts(&kit), &facts(&fresh), step, "kit");
        found
    }
}

/// What a kit holds, printed, its person index sorted (a `HashMap` prints
/// in any order).
fn facts(kit: &Kit) -> String {
    let mut index: Vec<_> = kit.person_index.iter().collect();
    index.sort();
    format!(
        "{:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {index:?}",
        kit.config,
        kit.personnes,
        kit.sessions,
        kit.clubs,
        kit.evenements,
        kit.todos,
        kit.warnings,
        kit.parcours,
        kit.rapports,
        kit.presences_a_saisir,
    )
}

/// Asserts that two printed values are equal, quoting where they part.
fn same(cached: &impl std::fmt::Debug, fresh: &impl std::fmt::Debug, step: &str, what: &str) {
    let (cached, fresh) = (format!("{cached:?}"), format!("{fresh:?}"));
    if let Some(at) = cached.bytes().zip(fresh.bytes()).position(|(a, b)| a != b) {
        let from = at.saturating_sub(200);
        panic!(
            "after {step}: the {what} differ from a fresh build's:\n{}\n---\n{}",
            cached.get(from..at + 200).unwrap_or(&cached[from..]),
            fresh.get(from..at + 200).unwrap_or(&fresh[from..])
        );
    }
    assert_eq!(cached.len(), fresh.len(), "after {step}: the {what} differ");
}

fn fresh(root: &Path, today: NaiveDate) -> (Kit, Vec<Diagnostic>) {
    let mut loaded = load(root).expect("the kit loads");
    let layouts = std::mem::take(&mut loaded.layouts);
    build(loaded, &layouts, today)
}

fn person(nom: &str, roles: &str, more: &str) -> String {
    format!("civilite: \"M.\"\nnom: \"{nom}\"\nprenom: \"Paul\"\nroles: [{roles}]\n{more}")
}

const MENTORSHIP: &str = "parrainage:\n  parrain: martin-paul\n  debut: \"2026-03-02\"\n  entretiens:\n    - date: \"2026-05-03\"\n";

fn messages(found: &[Diagnostic]) -> Vec<&str> {
    found.iter().map(|d| d.message.as_str()).collect()
}

#[test]
fn a_model_reusing_the_last_build_is_a_fresh_build_after_every_change() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let root = dir.path();
    write(root, "carnet.yaml", "titre: \"Club test\"\n");
    write(root, PARRAIN, &person("Martin", "parrain", ""));
    write(root, FILLEULE, &person("Dupont", "stagiaire", MENTORSHIP));
    write(root, OTHER, &person("Aaron", "stagiaire", ""));
    let mut parsed = ParseCache::default();
    let mut model = ModelCache::default();
    let mut loaded = load_cached(root, &mut parsed, &Changed::All).expect("the kit loads");
    let layouts = std::mem::take(&mut loaded.layouts);
    build_cached(loaded, &layouts, day(10), Some(&mut model));
    let mut served = Served { dir, parsed, model };

    let found = served.edit(
        &[(FILLEULE, &person("Durand", "stagiaire", MENTORSHIP))],
        day(10),
        "the filleule renamed",
    );
    assert_eq!(messages(&found), Vec::<&str>::new());

    // The mentor loses the role: the filleule's file is unchanged, but its
    // mentorship is now an error naming him.
    let found = served.edit(
        &[(PARRAIN, &person("Martin", "stagiaire", ""))],
        day(10),
        "the mentor's role removed",
    );
    assert_eq!(
        messages(&found),
        ["parrainage.parrain : Paul MARTIN (« martin-paul ») n'a pas le rôle parrain"]
    );
    // That mentorship, quoting another person, is not kept: the other two are.
    assert_eq!(
        served.model.links.len(),
        2,
        "mentorships kept with the error"
    );
    let found = served.edit(
        &[(PARRAIN, &person("Martinez", "stagiaire", ""))],
        day(10),
        "the mentor renamed while the error stands",
    );
    assert_eq!(
        messages(&found),
        ["parrainage.parrain : Paul MARTINEZ (« martin-paul ») n'a pas le rôle parrain"]
    );
    served.edit(
        &[(PARRAIN, &person("Martinez", "parrain", ""))],
        day(10),
        "the role given back",
    );

    // Settings every person's rules read.
    served.edit(
        &[(
            "carnet.yaml",
            "titre: \"Club test\"\nannuaire_par_defaut: false\nroles: [benevole]\n",
        )],
        day(10),
        "carnet.yaml's annuaire_par_defaut and roles",
    );
    served.edit(
        &[(OTHER, &person("Aaron", "benevole", ""))],
        day(10),
        "a role added in carnet.yaml used",
    );
    let found = served.edit(
        &[("carnet.yaml", "titre: \"Club test\"\n")],
        day(10),
        "that role removed from carnet.yaml",
    );
    assert_eq!(messages(&found), ["rôle inconnu « benevole »"]);

    // A person before both in id order leaves: every index moves, and
    // nothing is kept of the file gone.
    served.change(&[], &[OTHER], day(10), "a person deleted");
    let model = &served.model;
    let kept = [
        model.people.len(),
        model.links.len(),
        model.reports.len(),
        model.printable.len(),
    ];
    assert_eq!(
        kept,
        [2, 2, 2, 2],
        "results kept per table after the deletion"
    );

    // An interview dated in the future until the day comes.
    let later = MENTORSHIP.replace("2026-05-03", "2026-05-20");
    let found = served.edit(
        &[(FILLEULE, &person("Durand", "stagiaire", &later))],
        day(10),
        "an interview dated ahead",
    );
    assert_eq!(found.len(), 1, "{:?}", messages(&found));
    let found = served.edit(&[], day(21), "the interview's day come");
    assert_eq!(messages(&found), Vec::<&str>::new());

    // Warnings of one record stay while other records change: a remote
    // image in a report, a name the forms' font cannot print.
    let image = later.replace(
        "\"2026-05-20\"\n",
        "\"2026-05-20\"\n      compte_rendu: \"![plan](https://exemple.org/plan.png)\"\n",
    );
    let found = served.edit(
        &[(FILLEULE, &person("Durand", "stagiaire", &image))],
        day(21),
        "a remote image in a report",
    );
    assert_eq!(found.len(), 1, "{:?}", messages(&found));
    let found = served.edit(
        &[(OTHER, &person("Aaron 李", "stagiaire", ""))],
        day(21),
        "a name with a character the forms cannot print",
    );
    assert_eq!(found.len(), 2, "{:?}", messages(&found));
    let found = served.edit(
        &[(PARRAIN, &person("Martin", "parrain", ""))],
        day(21),
        "another person renamed",
    );
    assert_eq!(found.len(), 2, "{:?}", messages(&found));
}
