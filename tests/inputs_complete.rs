//! Every output lists every file it is made from: `carnet serve` will redo
//! only the outputs whose inputs cover a changed file, so a missing input is
//! a stale page. The proof: copy the example kit, build it in both profiles,
//! then for each of its files make a small edit that changes what the
//! outputs show, build again from scratch, and check that every output whose
//! bytes changed lists the edited file among its inputs.
//!
//! Which build's inputs must list it: the build after the edit, since serve
//! plans again after each change (a session that starts enrolling someone is
//! an input of their fiche from that build on). For an edit that removes a
//! link (a participant struck off, a mentor replaced), the page that loses
//! the link no longer lists the file after the edit: there the build before,
//! which serve still holds, must list it. An output that disappears is
//! checked against the build before, an output that appears against the build after.

mod common;

use carnet::Profile;
use carnet::render::Written;
use chrono::{Datelike, NaiveDate};
use common::example::{KIT, Memory, copy_kit};
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The build day of the tests.
fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 26).expect("a valid date")
}

/// Every kit file under `root`, as kit paths (`data/personnes/x.yaml`), sorted.
fn kit_files(root: &Path) -> Vec<String> {
    fn walk(root: &Path, dir: &Path, out: &mut Vec<String>) {
        for entry in std::fs::read_dir(dir).expect("read a folder") {
            let path = entry.expect("a folder entry").path();
            if path.is_dir() {
                walk(root, &path, out);
            } else {
                let rel = path.strip_prefix(root).expect("below the kit");
                out.push(rel.to_str().expect("a UTF-8 path").replace('\\', "/"));
            }
        }
    }
    let mut out = Vec::new();
    for part in KIT {
        let path = root.join(part);
        if path.is_dir() {
            walk(root, &path, &mut out);
        } else {
            out.push(part.to_string());
        }
    }
    out.sort();
    out
}

/// One output of a build: its bytes and what it says it was made from.
struct Output {
    bytes: Vec<u8>,
    written: Written,
}

impl Output {
    fn lists(&self, file: &str) -> bool {
        self.written.inputs.iter().any(|i| i.covers(file))
    }
}

/// A whole build, by output path.
type Snapshot = BTreeMap<String, Output>;

/// What a build is asked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Mode {
    profile: Profile,
    forms: bool,
}

/// Builds the kit at `root` from scratch, every stage of `carnet build` but
/// the writing of the output folder, and keeps every output in memory.
fn build(root: &Path, mode: Mode) -> Snapshot {
    let (kit, diagnostics) = carnet::check(root, today()).expect("no I/O error");
    assert!(
        !carnet::has_errors(&diagnostics),
        "{} does not build:\n{}",
        root.display(),
        carnet::render_diagnostics(&diagnostics, &kit.sources)
    );
    let memory = Memory::default();
    let written =
        carnet::render_kit(&kit, mode.profile, mode.forms, &memory).expect("every output renders");
    let mut bytes = memory.0.into_inner().expect("no panic while storing");
    written
        .into_iter()
        .map(|written| {
            let output = Output {
                bytes: bytes.remove(&written.path).expect("stored"),
                written,
            };
            (output.written.path.clone(), output)
        })
        .collect()
}

/// An edit of one kit file.
struct Edit {
    /// The kit path of the file.
    file: String,
    /// What the edit does, for messages.
    what: &'static str,
    /// The file's new content.
    content: Vec<u8>,
    /// Whether it removes a link from one record to another.
    removes_link: bool,
}

/// The builds of one kit before and after an edit, in one mode.
struct Rebuilt<'a> {
    mode: Mode,
    before: &'a Snapshot,
    after: Snapshot,
}

/// Why the inputs are incomplete for `edit`, one line per problem (none: complete).
fn missing(edit: &Edit, builds: &[Rebuilt]) -> Vec<String> {
    let mut problems = Vec::new();
    let mut changed = 0;
    for Rebuilt {
        mode,
        before,
        after,
    } in builds
    {
        let paths: BTreeSet<&String> = before.keys().chain(after.keys()).collect();
        for path in paths {
            let (old, new) = (before.get(path), after.get(path));
            if old.map(|o| &o.bytes) == new.map(|n| &n.bytes) {
                continue;
            }
            changed += 1;
            let listed = match (old, new) {
                (_, Some(new)) if new.lists(&edit.file) => true,
                (Some(old), Some(_)) => edit.removes_link && old.lists(&edit.file),
                (Some(old), None) => old.lists(&edit.file),
                _ => false,
            };
            if !listed {
                problems.push(format!(
                    "[{:?}] {} ({}) changed {path}, which does not list it among its inputs",
                    mode.profile, edit.file, edit.what
                ));
            }
        }
    }
    if changed == 0 {
        problems.push(format!(
            "{} ({}) changed no output: the edit proves nothing",
            edit.file, edit.what
        ));
    }
    problems
}

/// `line` with `suffix` added to its value (inside the quotes, if any).
fn suffixed(line: &str, suffix: &str) -> String {
    match line.strip_suffix('"') {
        Some(open) => format!("{open}{suffix}\""),
        None => format!("{line}{suffix}"),
    }
}

/// `text` with its first line that `pick` chooses replaced by what it returns.
fn replace_line(text: &str, pick: impl Fn(&str) -> Option<String>) -> Option<String> {
    let mut done = false;
    let lines: Vec<String> = text
        .lines()
        .map(|line| match (done, pick(line)) {
            (false, Some(new)) => {
                done = true;
                new
            }
            _ => line.to_string(),
        })
        .collect();
    done.then(|| lines.join("\n") + "\n")
}

/// The value of `line` if it is `key: value` at its indentation `indent`.
fn value_of<'a>(line: &'a str, indent: &str, key: &str) -> Option<&'a str> {
    line.strip_prefix(indent)?
        .strip_prefix(key)?
        .strip_prefix(": ")
}

/// Appends `suffix` to the first `key:` value at `indent`.
fn add_suffix(text: &str, indent: &str, key: &str, suffix: &str) -> Option<String> {
    replace_line(text, |l| {
        value_of(l, indent, key).map(|_| suffixed(l, suffix))
    })
}

/// The first date (`"2026-09-14"`) of the file one day earlier (later on the 1st).
fn shift_date(text: &str) -> Option<String> {
    replace_line(text, |line| {
        let start = line.find('"')? + 1;
        let date = NaiveDate::parse_from_str(line.get(start..start + 10)?, "%Y-%m-%d").ok()?;
        let moved = date.pred_opt().filter(|d| d.month0() == date.month0());
        let moved = moved.or(date.succ_opt())?;
        Some(line.replacen(&date.to_string(), &moved.to_string(), 1))
    })
}

/// The first phone number (`telephone:` or `mobile:`) with its last digit changed.
fn change_phone(text: &str, indent: &str) -> Option<String> {
    replace_line(text, |line| {
        value_of(line, indent, "mobile").or(value_of(line, indent, "telephone"))?;
        let at = line.rfind(|c: char| c.is_ascii_digit())?;
        let digit = line[at..=at].parse::<u8>().ok()?;
        Some(format!(
            "{}{}{}",
            &line[..at],
            (digit + 1) % 10,
            &line[at + 1..]
        ))
    })
}

/// An edit that may apply to a file: what it changes, whether it removes a
/// link, and the file's new text when it applies.
type Recipe<'a> = (&'static str, bool, &'a dyn Fn() -> Option<String>);

/// What may be edited in a person's file, tried in turn from a rotating start.
fn person_edit(text: &str, k: usize, mentors: &[String]) -> (&'static str, String, bool) {
    let recipes: [Recipe; 6] = [
        ("nom affiché", false, &|| add_suffix(text, "", "nom", "x")),
        ("téléphone", false, &|| {
            change_phone(text, "")
                .or_else(|| Some(format!("{text}telephone: \"02 47 00 00 01\"\n")))
        }),
        (
            "consentement annuaire",
            false,
            &|| match text.find("\nannuaire:\n") {
                Some(_) => replace_line(text, |l| {
                    ["nom", "telephone", "email", "adresse"]
                        .iter()
                        .find_map(|k| {
                            let v = value_of(l, "  ", k)?;
                            let flipped = if v == "true" { "false" } else { "true" };
                            (v == "true" || v == "false").then(|| format!("  {k}: {flipped}"))
                        })
                }),
                None => Some(format!("{text}annuaire:\n  telephone: false\n")),
            },
        ),
        ("une date", false, &|| shift_date(text)),
        ("une inscription", false, &|| {
            (!text.contains("\nclubs:")).then(|| format!("{text}clubs: [club-2026-09]\n"))
        }),
        ("le parrain", true, &|| {
            replace_line(text, |l| {
                let current = value_of(l, "  ", "parrain")?;
                let other = mentors.iter().find(|m| *m != current)?;
                Some(format!("  parrain: {other}"))
            })
        }),
    ];
    (0..recipes.len())
        .map(|i| &recipes[(k + i) % recipes.len()])
        .find_map(|(what, removes, edit)| edit().map(|new| (*what, new, *removes)))
        .expect("the phone edit always applies")
}

/// The edit of the kit file `file` (the `k`-th of its folder), from its text.
fn edit_of(root: &Path, file: &str, k: usize, mentors: &[String]) -> Edit {
    let bytes = std::fs::read(root.join(file)).expect("read a kit file");
    let text = String::from_utf8_lossy(&bytes);
    let some = |what: &'static str, new: Option<String>, removes_link| Edit {
        file: file.to_string(),
        what,
        content: new
            .unwrap_or_else(|| panic!("no edit applies to {file} ({what})"))
            .into_bytes(),
        removes_link,
    };
    let folder = file.rsplit_once('/').map_or("", |(f, _)| f);
    match folder {
        "data/personnes" => {
            let (what, new, removes) = person_edit(&text, k, mentors);
            some(what, Some(new), removes)
        }
        "data/sessions" => match k % 2 {
            0 => some(
                "le numéro et un atelier",
                replace_line(&text, |l| {
                    value_of(l, "", "numero").map(|n| format!("numero: 1{n}"))
                })
                .and_then(|t| add_suffix(&t, "    ", "intitule", " (bis)")),
                false,
            ),
            _ => some(
                "une présence et une date",
                replace_line(&text, |l| {
                    l.ends_with(": present")
                        .then(|| l.replace(": present", ": absent"))
                })
                .and_then(|t| shift_date(&t)),
                false,
            ),
        },
        "data/clubs" => match k % 2 {
            0 => some(
                "la convocation",
                replace_line(&text, |l| {
                    value_of(l, "  ", "sessions_au").map(|_| "  sessions_au: \"2026-11\"".into())
                }),
                false,
            ),
            _ => some(
                "un retrait de la convocation",
                replace_line(&text, |l| {
                    value_of(l, "  ", "retirer").map(|_| "  retirer: []".into())
                }),
                false,
            ),
        },
        "data/evenements" => match k % 3 {
            0 => some(
                "le titre",
                add_suffix(&text, "", "titre", " (reporté)"),
                false,
            ),
            1 => some(
                "un participant retiré",
                remove_first_participant(&text),
                true,
            ),
            _ => some("la date", shift_date(&text), false),
        },
        "data/operateurs" => match k % 2 {
            0 => some(
                "le nom",
                add_suffix(&text, "", "nom", " (nouveau nom)"),
                false,
            ),
            _ => some("le téléphone", change_phone(&text, ""), false),
        },
        "templates/forms" => some(
            "le nom et le titre",
            add_suffix(&text, "", "nom", " (v2)")
                .and_then(|t| add_suffix(&t, "", "titre", " (v2)")),
            false,
        ),
        "content/images" => {
            let other = if file.ends_with("logo.png") {
                "content/images/drapeau-ue.png"
            } else {
                "content/images/logo.png"
            };
            Edit {
                file: file.to_string(),
                what: "une autre image",
                content: std::fs::read(root.join(other)).expect("read an image"),
                removes_link: false,
            }
        }
        _ if file == "data/commissions.yaml" => some(
            "la date d'une commission",
            Some(text.replace("date: 2027-06-10", "date: 2027-06-17")),
            false,
        ),
        _ if file == "carnet.yaml" => some(
            "le consentement par défaut",
            replace_line(&text, |l| {
                value_of(l, "", "annuaire_par_defaut").map(|_| "annuaire_par_defaut: false".into())
            }),
            false,
        ),
        "content/pages" => some(
            "un paragraphe",
            Some(format!("{text}\nUn paragraphe ajouté.\n")),
            false,
        ),
        _ if file.ends_with(".html") => some("du texte", template_edit(&text), false),
        _ if file.ends_with(".css") => some(
            "une règle",
            Some(format!("{text}\nbody {{ margin: 0; }}\n")),
            false,
        ),
        "content/procedures" => some(
            "le titre et un paragraphe",
            add_suffix(&text, "", "titre", " (v2)")
                .map(|t| format!("{t}\nUn paragraphe ajouté.\n")),
            false,
        ),
        _ if file == "data/documents.yaml" => some(
            "le titre d'un document",
            Some(text.replacen("titre: Fiche d'accueil,", "titre: Fiche d'accueil (v2),", 1))
                .filter(|t| *t != text),
            false,
        ),
        _ if file.starts_with("content/documents/") => some(
            "une ligne ajoutée",
            Some(format!("{text}Une ligne ajoutée.\n")),
            false,
        ),
        _ if file.ends_with(".js") => some(
            "une instruction",
            Some(format!("{text}\nvar ajout = 1;\n")),
            false,
        ),
        _ => panic!("no edit for {file}: add one"),
    }
}

/// The event without its first participant (the whole entry of the list).
fn remove_first_participant(text: &str) -> Option<String> {
    let lines: Vec<&str> = text.lines().collect();
    let first = lines.iter().position(|l| l.starts_with("  - personne: "))?;
    let len = lines[first + 1..]
        .iter()
        .position(|l| !l.starts_with("    "))
        .map_or(lines.len() - first, |n| n + 1);
    let mut kept = lines[..first].to_vec();
    kept.extend(&lines[first + len..]);
    Some(kept.join("\n") + "\n")
}

/// A template with a visible word added where it is drawn: in the content
/// block of a page, in the first macro of a file of macros, or before the
/// end of `<main>` in the page frame.
fn template_edit(text: &str) -> Option<String> {
    let at = match (text.find("{% extends"), text.find("{% macro ")) {
        (Some(_), _) => text.find("{% block content %}")? + "{% block content %}".len(),
        (None, Some(at)) => at + text[at..].find("%}")? + 2,
        // base.html's main, or the menu of menu.html.
        (None, None) => text.find("</main>").or_else(|| text.find("</nav>"))?,
    };
    Some(format!("{}<i>modifié</i>{}", &text[..at], &text[at..]))
}

/// Whether the PDF forms may show something of `file` (the others are built
/// without forms, to keep the test fast: the forms read records, carnet.yaml,
/// the charter, their layouts and the logos, never an HTML template, a theme
/// file, an operator or another free page).
fn forms_read(file: &str) -> bool {
    let folder = file.rsplit_once('/').map_or("", |(f, _)| f);
    matches!(
        folder,
        "data/personnes" | "data/sessions" | "data/clubs" | "data/evenements"
    ) || folder == "templates/forms"
        || folder == "content/images"
        || file == "carnet.yaml"
        || file == "content/pages/charte-parrainage.md"
}

/// Every edit of the kit at `root`: one per file.
fn edits(root: &Path) -> Vec<Edit> {
    let mentors: Vec<String> = kit_files(root)
        .iter()
        .filter(|f| f.starts_with("data/personnes/"))
        .filter(|f| {
            std::fs::read_to_string(root.join(f))
                .expect("read a person")
                .lines()
                .any(|l| l.starts_with("roles:") && l.contains("parrain"))
        })
        .filter_map(|f| {
            Some(
                f.strip_prefix("data/personnes/")?
                    .strip_suffix(".yaml")?
                    .to_string(),
            )
        })
        .collect();
    let mut rank: BTreeMap<String, usize> = BTreeMap::new();
    kit_files(root)
        .into_iter()
        .map(|file| {
            let folder = file.rsplit_once('/').map_or("", |(f, _)| f).to_string();
            let k = rank.entry(folder).or_default();
            let edit = edit_of(root, &file, *k, &mentors);
            *k += 1;
            edit
        })
        .collect()
}

/// The modes every edit is built in: both profiles, with forms when they may show the file.
fn modes(forms: bool) -> [Mode; 2] {
    [Profile::Interne, Profile::Public].map(|profile| Mode { profile, forms })
}

#[test]
fn every_output_that_an_edit_changes_lists_the_edited_file() {
    let start = std::time::Instant::now();
    let work = tempfile::tempdir().expect("a temporary folder");
    let kit = work.path().join("kit");
    copy_kit(&kit);
    let edits = edits(&kit);
    let all_modes: Vec<Mode> = modes(true).into_iter().chain(modes(false)).collect();
    let before: Vec<(Mode, Snapshot)> = all_modes
        .par_iter()
        .map(|&mode| (mode, build(&kit, mode)))
        .collect();
    let before_in = |mode: Mode| &before.iter().find(|(m, _)| *m == mode).expect("built").1;
    let problems: Vec<String> = edits
        .par_iter()
        .enumerate()
        .flat_map_iter(|(n, edit)| {
            let root = work.path().join(format!("kit-{n}"));
            copy_kit(&root);
            std::fs::write(root.join(&edit.file), &edit.content).expect("write the edit");
            let builds: Vec<Rebuilt> = modes(forms_read(&edit.file))
                .into_iter()
                .map(|mode| Rebuilt {
                    mode,
                    before: before_in(mode),
                    after: build(&root, mode),
                })
                .collect();
            let _ = std::fs::remove_dir_all(&root);
            missing(edit, &builds)
        })
        .collect();
    eprintln!(
        "{} edits checked in {:.1} s",
        edits.len(),
        start.elapsed().as_secs_f64()
    );
    assert!(
        problems.is_empty(),
        "{} problem(s):\n{}",
        problems.len(),
        problems.join("\n")
    );
}

/// The build of the example kit, internal profile, site only.
fn internal_site(work: &Path) -> Snapshot {
    let kit = work.join("kit");
    copy_kit(&kit);
    let mode = Mode {
        profile: Profile::Interne,
        forms: false,
    };
    build(&kit, mode)
}

#[test]
fn the_check_fails_when_an_output_misses_an_input() {
    let work = tempfile::tempdir().expect("a temporary folder");
    let before = internal_site(work.path());
    let file = "data/personnes/dupont-jean.yaml";
    let edit = edit_of(&work.path().join("kit"), file, 1, &[]);
    assert_eq!(edit.what, "téléphone");
    std::fs::write(work.path().join("kit").join(file), &edit.content).expect("write the edit");
    let mode = Mode {
        profile: Profile::Interne,
        forms: false,
    };
    let mut rebuilt = [Rebuilt {
        mode,
        before: &before,
        after: build(&work.path().join("kit"), mode),
    }];
    assert_eq!(missing(&edit, &rebuilt), Vec::<String>::new());
    let fiche = rebuilt[0]
        .after
        .get_mut("personnes/dupont-jean.html")
        .expect("the fiche");
    fiche.written.inputs.retain(|i| !i.covers(file));
    assert_eq!(
        missing(&edit, &rebuilt),
        [format!(
            "[Interne] {file} (téléphone) changed personnes/dupont-jean.html, \
             which does not list it among its inputs"
        )]
    );
}

#[test]
fn a_trainee_is_an_input_of_what_shows_them_only() {
    // Jean Dupont: enrolled in the session of 2026-10, in no club, mentored by Yves Lambert.
    let work = tempfile::tempdir().expect("a temporary folder");
    let site = internal_site(work.path());
    let trainee = "data/personnes/dupont-jean.yaml";
    let covers = |page: &str| {
        site.get(page)
            .unwrap_or_else(|| panic!("{page} is built"))
            .lists(trainee)
    };
    for page in [
        "operateurs/index.html",
        "evenements/index.html",
        "clubs/index.html",
        "personnes/aubert-sebastien.html",
        "personnes/caron-noemie.html",
    ] {
        assert!(!covers(page), "{page} lists {trainee}");
    }
    for page in [
        "annuaire/index.html",
        "personnes/index.html",
        "parrainages/index.html",
        // It counts the people enrolled, and his file may declare his enrolment.
        "sessions/index.html",
        "personnes/dupont-jean.html",
        "personnes/lambert-yves.html",
    ] {
        assert!(covers(page), "{page} does not list {trainee}");
    }
}
