//! The shape of the code, checked on its source text (ARCHITECTURE.md):
//! the stages import downward only (load → model → view → plan → render), the
//! modules below the stages import none of them, and the renderers neither
//! read files nor reach into the model: they render the View.

use std::collections::BTreeSet;
use std::path::Path;

/// The stages, in pipeline order: each may import only those before it.
const STAGES: [&str; 5] = ["load", "model", "view", "plan", "render"];

/// Modules every stage may use, which therefore import no stage.
const BELOW_THE_STAGES: [&str; 12] = [
    "diagnostic",
    "embedded",
    "flowchart",
    "fold",
    "font_metrics",
    "form_layout",
    "glyphs",
    "id",
    "image",
    "labels",
    "source",
    "suggest",
];

/// Ways of reading a file. A renderer gets everything from the View; only
/// the load stage reads the kit.
const FILE_READING: [&str; 4] = ["std::fs", "File::open", "std::io::Read", "io::Read"];

/// Every `.rs` file of a module of the crate (`src/<name>.rs` and the files
/// under `src/<name>/`), by its path from the crate root, with its text.
fn module_files(name: &str) -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut pending = vec![
        root.join(format!("src/{name}.rs")),
        root.join(format!("src/{name}")),
    ];
    let mut files = Vec::new();
    while let Some(path) = pending.pop() {
        if path.is_dir() {
            let entries = std::fs::read_dir(&path).expect("the source folder is readable");
            pending.extend(entries.map(|e| e.expect("a readable entry").path()));
        } else if path.is_file() && path.extension().is_some_and(|e| e == "rs") {
            let text = std::fs::read_to_string(&path).expect("a source file is UTF-8");
            files.push((relative(root, &path), text));
        }
    }
    files.sort();
    assert!(!files.is_empty(), "no module {name}: update this test");
    files
}

fn relative(root: &Path, path: &Path) -> String {
    let rel = path
        .strip_prefix(root)
        .expect("a file under the crate root");
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// The code of a file without its comments (doc links name modules freely).
fn code(text: &str) -> String {
    text.lines()
        .map(|line| line.find("//").map_or(line, |at| &line[..at]))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The top-level modules of the crate a file names: `crate::model::…`,
/// `use crate::{view::…, render}`.
fn crate_modules(text: &str) -> BTreeSet<String> {
    let code = code(text);
    let mut found = BTreeSet::new();
    let mut rest = code.as_str();
    while let Some(at) = rest.find("crate::") {
        rest = &rest[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            found.extend(group_items(group));
        } else {
            found.insert(identifier(rest));
        }
    }
    found
}

/// The first identifier of each top-level item of `{a::b, c, d::{e, f}}`
/// (`group` starts after the opening brace).
fn group_items(group: &str) -> Vec<String> {
    let mut items = Vec::new();
    let mut depth = 0;
    let mut start = 0;
    for (i, c) in group.char_indices() {
        match c {
            '{' => depth += 1,
            '}' if depth == 0 => {
                items.push(identifier(group[start..i].trim_start()));
                break;
            }
            '}' => depth -= 1,
            ',' if depth == 0 => {
                items.push(identifier(group[start..i].trim_start()));
                start = i + 1;
            }
            _ => {}
        }
    }
    items.retain(|i| !i.is_empty());
    items
}

fn identifier(text: &str) -> String {
    text.chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect()
}

/// `file imports crate::module` for each stage a file may not import.
fn violations(files: &[(String, String)], forbidden: &[&str]) -> Vec<String> {
    files
        .iter()
        .flat_map(|(path, text)| {
            crate_modules(text)
                .into_iter()
                .filter(|m| forbidden.contains(&m.as_str()))
                .map(move |m| format!("{path} imports crate::{m}"))
        })
        .collect()
}

#[test]
fn each_stage_imports_only_the_stages_before_it() {
    let mut found = Vec::new();
    for (i, stage) in STAGES.iter().enumerate() {
        let files = module_files(stage);
        found.extend(violations(&files, &STAGES[i + 1..]));
    }
    assert!(found.is_empty(), "upward imports:\n{}", found.join("\n"));
}

#[test]
fn the_modules_below_the_stages_import_no_stage() {
    let mut found = Vec::new();
    for module in BELOW_THE_STAGES {
        found.extend(violations(&module_files(module), &STAGES));
    }
    assert!(
        found.is_empty(),
        "imports of a stage:\n{}",
        found.join("\n")
    );
}

#[test]
fn renderers_read_only_the_view() {
    let found = violations(&module_files("render"), &["load", "model"]);
    assert!(
        found.is_empty(),
        "renderers reading the model or the loaded files:\n{}",
        found.join("\n")
    );
}

#[test]
fn renderers_read_no_file() {
    let found: Vec<String> = module_files("render")
        .iter()
        .flat_map(|(path, text)| {
            let code = code(text);
            FILE_READING
                .iter()
                .filter(|way| code.contains(*way))
                .map(|way| format!("{path} uses {way}"))
                .collect::<Vec<_>>()
        })
        .collect();
    assert!(
        found.is_empty(),
        "renderers reading files:\n{}",
        found.join("\n")
    );
}

#[test]
fn imports_are_found_in_every_form_they_take() {
    let text = "use crate::model::Kit;\n\
                // crate::render in a comment is no import\n\
                use crate::{\n    view::View,\n    load::{a, b},\n};\n\
                fn f() { crate::labels::word(x, \"y\"); }\n";
    let modules: Vec<String> = crate_modules(text).into_iter().collect();
    assert_eq!(modules, ["labels", "load", "model", "view"]);
}
