//! Which files of a kit folder carnet reads, and a warning for each file it
//! leaves aside that looks meant for it (wrong case, wrong extension, a
//! subfolder), so that nothing is ignored without a word. Hidden files and
//! editor backups stay silently ignored.

use super::kit_dir::{Found, KitDir, Problem, Reached};
use crate::diagnostic::{Msg, msg};
use std::collections::HashSet;
use std::path::PathBuf;

/// What a folder of the kit holds.
pub(crate) struct Rule {
    /// Extensions read, as they must be written; empty: every file.
    pub extensions: &'static [&'static str],
    /// Whether subfolders are walked too (a theme); otherwise each one gets a warning.
    pub subfolders: bool,
    /// Subfolders read under another rule (templates/forms), passed over here.
    pub elsewhere: &'static [&'static str],
    /// What the folder should hold, for warnings.
    pub expected: &'static str,
    /// The same in English.
    pub expected_en: &'static str,
}

impl Rule {
    /// What the folder should hold, in French and English.
    fn expected_msg(&self) -> Msg {
        msg(self.expected, self.expected_en)
    }
}

/// data/<kind>/: one record per YAML file.
pub(crate) const RECORDS: Rule = Rule {
    extensions: &["yaml", "yml"],
    subfolders: false,
    elsewhere: &[],
    expected: "une fiche par fichier, directement dans ce dossier, nommée <identifiant>.yaml",
    expected_en: "one record per file, directly in this folder, named <id>.yaml",
};

/// content/pages/: Markdown pages.
pub(crate) const PAGES: Rule = Rule {
    extensions: &["md"],
    subfolders: false,
    elsewhere: &[],
    expected: "une page par fichier, directement dans content/pages/, nommée <nom>.md",
    expected_en: "one page per file, directly in content/pages/, named <name>.md",
};

/// content/procedures/: one procedure per Markdown file.
pub(crate) const PROCEDURES: Rule = Rule {
    extensions: &["md"],
    subfolders: false,
    elsewhere: &[],
    expected: "une procédure par fichier, directement dans content/procedures/, nommée <code>.md (P01.md)",
    expected_en: "one procedure per file, directly in content/procedures/, named <code>.md (P01.md)",
};

/// templates/: the kit's HTML templates (form layouts are in templates/forms/).
pub(crate) const TEMPLATES: Rule = Rule {
    extensions: &["html"],
    subfolders: false,
    elsewhere: &["forms"],
    expected: "des gabarits <nom>.html, et les formulaires dans templates/forms/",
    expected_en: "templates <name>.html, and the forms in templates/forms/",
};

/// templates/forms/: form layouts.
pub(crate) const FORMS: Rule = Rule {
    extensions: &["yaml", "yml"],
    subfolders: false,
    elsewhere: &[],
    expected: "un formulaire par fichier, nommé <nom>.yaml",
    expected_en: "one form per file, named <name>.yaml",
};

/// themes/<name>/: every file is published as it is.
pub(crate) const THEME: Rule = Rule {
    extensions: &[],
    subfolders: true,
    elsewhere: &[],
    expected: "",
    expected_en: "",
};

/// Files a user does not mean carnet to read: hidden files, editor backups.
pub(crate) fn silently_ignored(name: &str) -> bool {
    name.starts_with('.') || name.ends_with('~') || name.ends_with(".swp") || name.ends_with(".swo")
}

/// A kit file to read: its kit path, and its resolved path on disk or why it cannot be read.
pub(crate) type KitFile = (String, Reached);

/// Lists the files of kit folder `rel` that `rule` reads, into `files`;
/// everything set aside that looks meant for carnet goes to `problems`.
/// A missing folder holds nothing.
pub(crate) fn walk(
    kit: &KitDir,
    rel: &str,
    rule: &Rule,
    files: &mut Vec<KitFile>,
    problems: &mut Vec<Problem>,
) {
    let mut visited = HashSet::new();
    walk_in(kit, rel, rule, files, problems, &mut visited);
}

fn walk_in(
    kit: &KitDir,
    rel: &str,
    rule: &Rule,
    files: &mut Vec<KitFile>,
    problems: &mut Vec<Problem>,
    visited: &mut HashSet<PathBuf>,
) {
    let dir = match kit.resolve(rel) {
        Found::Missing => return,
        Found::Dir(dir) => dir,
        Found::File(_) => {
            problems.push(Problem::warning(
                rel,
                msg(
                    format!("« {rel} » est un fichier : il est ignoré"),
                    format!("« {rel} » is a file: it is ignored"),
                ),
                msg(format!("un dossier {rel}/"), format!("a folder {rel}/")),
            ));
            return;
        }
        Found::Refused(problem) => {
            problems.push(problem);
            return;
        }
    };
    if !visited.insert(dir.clone()) {
        // A link back to a folder already walked: reading it again would loop.
        return;
    }
    let names = match kit.names(rel, &dir) {
        Ok(names) => names,
        Err(problem) => {
            problems.push(problem);
            return;
        }
    };
    for name in names {
        if silently_ignored(&name) {
            continue;
        }
        let child = format!("{rel}/{name}");
        match kit.resolve_entry(&child, &dir, &name) {
            Found::Missing => {}
            // A file meant to be read but refused is reported as that file
            // (a record that exists but cannot be read); anything else as itself.
            Found::Refused(problem) if set_aside(&name, rule).is_none() => {
                files.push((child, Err(problem)));
            }
            Found::Refused(problem) => problems.push(problem),
            Found::Dir(_) if rule.elsewhere.contains(&name.as_str()) => {}
            Found::Dir(_) if rule.subfolders => {
                walk_in(kit, &child, rule, files, problems, visited);
            }
            Found::Dir(_) => problems.push(Problem::warning(
                &child,
                msg(
                    format!("le sous-dossier « {name} » de {rel} est ignoré"),
                    format!("the subfolder « {name} » of {rel} is ignored"),
                ),
                rule.expected_msg(),
            )),
            Found::File(disk) => match set_aside(&name, rule) {
                None => files.push((child, Ok(disk))),
                Some(reason) => problems.push(Problem::warning(
                    &child,
                    msg(
                        format!("« {name} » est ignoré : {}", reason.fr),
                        format!("« {name} » is ignored: {}", reason.english()),
                    ),
                    rule.expected_msg(),
                )),
            },
        }
    }
}

/// Why a file of a folder is not read, or `None` when it is.
fn set_aside(name: &str, rule: &Rule) -> Option<Msg> {
    if rule.extensions.is_empty() {
        return None;
    }
    let Some((stem, extension)) = name.rsplit_once('.') else {
        return Some(msg(
            "ce fichier n'a pas d'extension",
            "this file has no extension",
        ));
    };
    if rule.extensions.contains(&extension) {
        return None;
    }
    let lower = extension.to_ascii_lowercase();
    if rule.extensions.contains(&lower.as_str()) {
        return Some(msg(
            format!("l'extension « .{extension} » doit s'écrire en minuscules (.{lower})"),
            format!("the extension « .{extension} » must be written in lower case (.{lower})"),
        ));
    }
    if let Some(inner) = rule
        .extensions
        .iter()
        .find(|e| stem.to_ascii_lowercase().ends_with(&format!(".{e}")))
    {
        return Some(msg(
            format!("son extension est « .{extension} », pas « .{inner} »"),
            format!("its extension is « .{extension} », not « .{inner} »"),
        ));
    }
    let (hint, hint_en) = match lower.as_str() {
        "md" => (
            "les pages Markdown vont dans content/pages/",
            "Markdown pages go in content/pages/",
        ),
        "yaml" | "yml" if rule.extensions.contains(&"md") => (
            "les fiches YAML vont dans data/personnes/, data/sessions/… (selon leur type)",
            "YAML records go in data/personnes/, data/sessions/… (by their kind)",
        ),
        _ => (
            "cette extension n'est pas lue ici",
            "this extension is not read here",
        ),
    };
    Some(msg(
        format!("« .{extension} » : {hint}"),
        format!("« .{extension} »: {hint_en}"),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_exact_extensions_are_read() {
        assert_eq!(set_aside("dupont.yaml", &RECORDS), None);
        assert_eq!(set_aside("dupont.yml", &RECORDS), None);
        assert_eq!(set_aside("logo.PNG", &THEME), None);
        for name in [
            "dupont.YAML",
            "dupont.Yml",
            "dupont",
            "dupont.yaml.txt",
            "dupont.md",
        ] {
            assert!(set_aside(name, &RECORDS).is_some(), "{name}");
        }
        assert!(set_aside("page.yaml", &PAGES).is_some());
    }

    #[test]
    fn backups_and_hidden_files_are_silently_ignored() {
        for name in [
            ".git",
            ".dupont.yaml.swp",
            "dupont.yaml~",
            "dupont.yaml.swp",
        ] {
            assert!(silently_ignored(name), "{name}");
        }
        assert!(!silently_ignored("dupont.yaml"));
    }
}
