//! `carnet init` and `carnet new`: write a new kit, or a new well-formed
//! record whose id is derived from its name, never overwriting a file.

mod annuaire;
mod name;

pub use name::Name;

use crate::embedded;
use std::borrow::Cow;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// Why a file could not be written (exit status 2).
#[derive(Debug)]
pub struct ScaffoldError(pub String);

impl std::fmt::Display for ScaffoldError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

fn io(path: &Path, e: std::io::Error) -> ScaffoldError {
    ScaffoldError(format!("impossible d'écrire {} : {e}", path.display()))
}

/// What git must never record in a kit: the outputs (the internal one holds
/// every personal datum) and the staging folders of builds in progress.
const GITIGNORE: &str = "/public\n/interne\n.*.tmp-*\n";

/// Writes a new kit with the example data into `dir` (which must not hold a
/// kit). The new kit is opt-in (`annuaire_par_defaut: false`); the example
/// people keep what the example kit publishes of them, spelled out in their
/// `annuaire:` block.
pub fn init(dir: &Path) -> Result<usize, ScaffoldError> {
    if dir.join("carnet.yaml").exists() {
        return Err(ScaffoldError(format!(
            "{} contient déjà un kit (carnet.yaml) : rien n'a été écrit",
            dir.display()
        )));
    }
    let example_default = annuaire::kit_default(embedded::EXAMPLE_CONFIG)?;
    let mut files: Vec<(PathBuf, Cow<[u8]>)> = vec![
        (
            PathBuf::from("carnet.yaml"),
            Cow::Owned(annuaire::opt_in(embedded::EXAMPLE_CONFIG).into_bytes()),
        ),
        (
            PathBuf::from(".gitignore"),
            Cow::Borrowed(GITIGNORE.as_bytes()),
        ),
    ];
    for (path, bytes) in embedded::files(&embedded::EXAMPLE_DATA) {
        let bytes = match std::str::from_utf8(bytes) {
            Ok(person) if path.starts_with("personnes") => {
                Cow::Owned(annuaire::spell_out(person, example_default).into_bytes())
            }
            _ => Cow::Borrowed(bytes),
        };
        files.push((Path::new("data").join(path), bytes));
    }
    for (path, bytes) in embedded::files(&embedded::EXAMPLE_CONTENT) {
        files.push((Path::new("content").join(path), Cow::Borrowed(bytes)));
    }
    for (rel, _) in &files {
        if dir.join(rel).exists() {
            return Err(ScaffoldError(format!(
                "{} existe déjà : rien n'a été écrit",
                dir.join(rel).display()
            )));
        }
    }
    for (rel, bytes) in &files {
        let path = dir.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| io(parent, e))?;
        }
        std::fs::write(&path, bytes).map_err(|e| io(&path, e))?;
    }
    Ok(files.len())
}

fn write_new(root: &Path, folder: &str, id: &str, content: &str) -> Result<PathBuf, ScaffoldError> {
    if id.is_empty() {
        return Err(ScaffoldError(
            "impossible de tirer un identifiant de ce nom".into(),
        ));
    }
    let dir = root.join("data").join(folder);
    let path = dir.join(format!("{id}.yaml"));
    if path.exists() || dir.join(format!("{id}.yml")).exists() {
        return Err(ScaffoldError(format!(
            "{} existe déjà : rien n'a été écrit (choisissez un autre nom ou modifiez ce fichier)",
            path.display()
        )));
    }
    std::fs::create_dir_all(&dir).map_err(|e| io(&dir, e))?;
    std::fs::write(&path, content).map_err(|e| io(&path, e))?;
    Ok(path)
}

/// Quotes a value for YAML (double quotes, escaped).
fn quote(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Writes data/personnes/<nom-prenom>.yaml, with the `annuaire:` block the
/// kit's `annuaire_par_defaut` implies spelled out.
pub fn new_person(root: &Path, name: &Name, civilite: &str) -> Result<PathBuf, ScaffoldError> {
    if civilite != "M." && civilite != "Mme" {
        return Err(ScaffoldError(format!(
            "civilité « {civilite} » inconnue : précisez --civilite M. ou --civilite Mme"
        )));
    }
    let config_path = root.join("carnet.yaml");
    let config = std::fs::read_to_string(&config_path).map_err(|e| {
        ScaffoldError(format!(
            "impossible de lire {} : {e}",
            config_path.display()
        ))
    })?;
    let consent = annuaire::Consent::by_default(annuaire::kit_default(&config)?);
    let id = crate::id::slug(&format!("{} {}", name.nom, name.prenom));
    let content = format!(
        "civilite: {}\nnom: {}\nprenom: {}\nroles:\n  - stagiaire\n\
         # telephone: \"02 47 12 34 56\"\n# mobile: \"06 12 34 56 78\"\n# email: \"prenom.nom@exemple.fr\"\n{}",
        quote(civilite),
        quote(&name.nom),
        quote(&name.prenom),
        consent.block()
    );
    write_new(root, "personnes", &id, &content)
}

fn check_month(month: &str) -> Result<(), ScaffoldError> {
    let valid = month.len() == 7
        && month.as_bytes()[4] == b'-'
        && month[..4].parse::<u32>().is_ok()
        && month[5..]
            .parse::<u32>()
            .is_ok_and(|m| (1..=12).contains(&m));
    if valid {
        Ok(())
    } else {
        Err(ScaffoldError(format!(
            "mois « {month} » mal écrit : attendu AAAA-MM, par exemple 2026-09"
        )))
    }
}

/// The `ateliers:` field of a new session or club, empty, with how to use the
/// commented example that follows it: once its « # » are removed, the file
/// is still valid (no `[]` left before the items).
const ATELIERS: &str = "# Les ateliers, avant d'inscrire quelqu'un : retirez le « # » en tête des lignes\n\
     # de l'exemple ci-dessous et complétez-les (un bloc « - date: » par atelier).\n\
     ateliers:\n";

/// Writes data/sessions/<YYYY-MM>.yaml, numbered after the existing sessions.
pub fn new_session(root: &Path, month: &str) -> Result<PathBuf, ScaffoldError> {
    check_month(month)?;
    let numero = next_session_number(root);
    let content = format!(
        "numero: {numero}\nmois: \"{month}\"\ntuteurs: []\nformateurs: []\n{ATELIERS}\
         # - date: \"{month}-07\"\n#   intitule: \"Accueil et présentation\"\n#   cycle: 1\ninscrits: []\n"
    );
    write_new(root, "sessions", month, &content)
}

/// Writes data/clubs/club-<YYYY-MM>.yaml.
pub fn new_club(root: &Path, month: &str) -> Result<PathBuf, ScaffoldError> {
    check_month(month)?;
    let content = format!(
        "mois: \"{month}\"\n# Le tuteur ou la tutrice : l'identifiant de sa fiche (nom du fichier sans .yaml),\n\
         # sur une ligne « tuteur: dupont-jean ».\n{ATELIERS}\
         # - date: \"{month}-09\"\n#   intitule: \"Organiser sa recherche\"\ninscrits: []\n"
    );
    write_new(root, "clubs", &format!("club-{month}"), &content)
}

fn next_session_number(root: &Path) -> u32 {
    let Ok(entries) = std::fs::read_dir(root.join("data/sessions")) else {
        return 1;
    };
    entries
        .filter_map(|e| std::fs::read_to_string(e.ok()?.path()).ok())
        .filter_map(|text| {
            text.lines()
                .find_map(|l| l.strip_prefix("numero:"))
                .and_then(|n| n.trim().trim_matches('"').parse::<u32>().ok())
        })
        .max()
        .map_or(1, |n| n + 1)
}
