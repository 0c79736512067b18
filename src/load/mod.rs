//! Stage 1: walk the kit, read every file in parallel, parse YAML into the
//! typed records of [`records`], each with its [`FileId`] and id.
//! Problems found here (unreadable file, not UTF-8, empty, YAML syntax, unknown
//! field, wrong type) become diagnostics; the other files still load.

pub mod either;
pub mod pages;
pub mod records;
pub mod spanned;
mod yaml_error;

use crate::config::RawConfig;
use crate::diagnostic::Diagnostic;
use crate::source::{FileId, SourceFile, Sources, Span};
use rayon::prelude::*;
use records::{RawClub, RawEvenement, RawOperateur, RawPersonne, RawSession};
use serde::de::DeserializeOwned;
use std::path::{Path, PathBuf};

pub use pages::RawPage;

/// A record read from `data/<kind>/<id>.yaml`.
#[derive(Debug)]
pub struct RawFile<T> {
    /// The file it came from.
    pub file: FileId,
    /// The id: the file stem.
    pub id: String,
    /// The record as typed.
    pub record: T,
}

/// Everything read from a kit, before linking.
#[derive(Debug, Default)]
pub struct Loaded {
    /// Every file read, for diagnostics and for the inputs of each output.
    pub sources: Sources,
    /// carnet.yaml (absent: defaults).
    pub config: Option<RawFile<RawConfig>>,
    /// data/personnes
    pub personnes: Vec<RawFile<RawPersonne>>,
    /// data/sessions
    pub sessions: Vec<RawFile<RawSession>>,
    /// data/clubs
    pub clubs: Vec<RawFile<RawClub>>,
    /// data/evenements
    pub evenements: Vec<RawFile<RawEvenement>>,
    /// data/operateurs
    pub operateurs: Vec<RawFile<RawOperateur>>,
    /// content/pages
    pub pages: Vec<RawFile<RawPage>>,
    /// Problems found while reading and parsing.
    pub diagnostics: Vec<Diagnostic>,
}

/// An I/O problem that stops the run (exit status 2), as opposed to bad data.
#[derive(Debug)]
pub struct LoadError {
    /// What could not be done.
    pub message: String,
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum Kind {
    Config,
    Personne,
    Session,
    Club,
    Evenement,
    Operateur,
    Page,
}

const RECORD_FOLDERS: [(&str, Kind); 5] = [
    ("data/personnes", Kind::Personne),
    ("data/sessions", Kind::Session),
    ("data/clubs", Kind::Club),
    ("data/evenements", Kind::Evenement),
    ("data/operateurs", Kind::Operateur),
];

enum Parsed {
    Config(RawConfig),
    Personne(RawPersonne),
    Session(RawSession),
    Club(RawClub),
    Evenement(RawEvenement),
    Operateur(RawOperateur),
    Page(RawPage),
}

/// Reads and parses every file of the kit at `root`.
pub fn load(root: &Path) -> Result<Loaded, LoadError> {
    if !root.is_dir() {
        return Err(LoadError {
            message: format!("le dossier du kit « {} » n'existe pas", root.display()),
        });
    }
    let mut entries: Vec<(Kind, String, PathBuf)> = Vec::new();
    let config = root.join("carnet.yaml");
    if config.is_file() {
        entries.push((Kind::Config, "carnet.yaml".into(), config));
    }
    for (folder, kind) in RECORD_FOLDERS {
        list(root, folder, &["yaml", "yml"], kind, &mut entries)?;
    }
    list(root, "content/pages", &["md"], Kind::Page, &mut entries)?;
    entries.sort_by(|a, b| (a.0, &a.1).cmp(&(b.0, &b.1)));

    let parsed: Vec<(SourceFile, Result<Parsed, Vec<Diagnostic>>)> = entries
        .par_iter()
        .enumerate()
        .map(|(file, (kind, rel, disk))| read_and_parse(file, *kind, rel, disk))
        .collect::<Result<_, _>>()?;

    let mut loaded = Loaded::default();
    let mut seen_ids = std::collections::HashMap::new();
    for ((kind, rel, _), (source, result)) in entries.iter().zip(parsed) {
        let file = loaded.sources.add(source);
        let id = Path::new(rel)
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        if *kind != Kind::Config {
            check_id(file, &id, *kind, &mut seen_ids, &mut loaded.diagnostics);
        }
        let parsed = match result {
            Ok(parsed) => parsed,
            Err(diagnostics) => {
                loaded.diagnostics.extend(diagnostics);
                continue;
            }
        };
        match parsed {
            Parsed::Config(record) => loaded.config = Some(RawFile { file, id, record }),
            Parsed::Personne(record) => loaded.personnes.push(RawFile { file, id, record }),
            Parsed::Session(record) => loaded.sessions.push(RawFile { file, id, record }),
            Parsed::Club(record) => loaded.clubs.push(RawFile { file, id, record }),
            Parsed::Evenement(record) => loaded.evenements.push(RawFile { file, id, record }),
            Parsed::Operateur(record) => loaded.operateurs.push(RawFile { file, id, record }),
            Parsed::Page(record) => loaded.pages.push(RawFile { file, id, record }),
        }
    }
    Ok(loaded)
}

fn list(
    root: &Path,
    folder: &str,
    extensions: &[&str],
    kind: Kind,
    entries: &mut Vec<(Kind, String, PathBuf)>,
) -> Result<(), LoadError> {
    let dir = root.join(folder);
    if !dir.is_dir() {
        return Ok(());
    }
    let read = std::fs::read_dir(&dir).map_err(|e| LoadError {
        message: format!("impossible de lire le dossier {folder} : {e}"),
    })?;
    for entry in read {
        let entry = entry.map_err(|e| LoadError {
            message: format!("impossible de lire le dossier {folder} : {e}"),
        })?;
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        let wanted = path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| extensions.contains(&e));
        if wanted && !name.starts_with('.') && path.is_file() {
            entries.push((kind, format!("{folder}/{name}"), path));
        }
    }
    Ok(())
}

fn read_and_parse(
    file: FileId,
    kind: Kind,
    rel: &str,
    disk: &Path,
) -> Result<(SourceFile, Result<Parsed, Vec<Diagnostic>>), LoadError> {
    let bytes = std::fs::read(disk).map_err(|e| LoadError {
        message: format!("impossible de lire {rel} : {e}"),
    })?;
    let (text, bad_utf8) = match String::from_utf8(bytes) {
        Ok(text) => (text, None),
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            (String::from_utf8_lossy(e.as_bytes()).into_owned(), Some(at))
        }
    };
    let source = SourceFile::new(rel.to_string(), disk.to_path_buf(), text);
    if let Some(at) = bad_utf8 {
        let diagnostic = Diagnostic::error(
            Span::new(file, at..at + 1),
            "ce fichier n'est pas encodé en UTF-8",
        )
        .expected("un fichier enregistré en UTF-8 (réglage « Encodage » de l'éditeur)");
        return Ok((source, Err(vec![diagnostic])));
    }
    let parsed = match kind {
        Kind::Page => pages::parse(&source, file).map(Parsed::Page),
        _ if is_blank_yaml(&source.text) => Err(vec![empty_file(file, kind)]),
        Kind::Config => parse_yaml(&source, file).map(Parsed::Config),
        Kind::Personne => parse_yaml(&source, file).map(Parsed::Personne),
        Kind::Session => parse_yaml(&source, file).map(Parsed::Session),
        Kind::Club => parse_yaml(&source, file).map(Parsed::Club),
        Kind::Evenement => parse_yaml(&source, file).map(Parsed::Evenement),
        Kind::Operateur => parse_yaml(&source, file).map(Parsed::Operateur),
    };
    Ok((source, parsed))
}

fn is_blank_yaml(text: &str) -> bool {
    text.lines()
        .map(str::trim)
        .all(|l| l.is_empty() || l.starts_with('#') || l == "---")
}

fn empty_file(file: FileId, kind: Kind) -> Diagnostic {
    let expected = match kind {
        Kind::Personne => "au moins civilite, nom et prenom",
        Kind::Session | Kind::Club => "au moins mois: AAAA-MM",
        Kind::Evenement => "au moins titre et date",
        Kind::Operateur => "au moins nom",
        Kind::Config | Kind::Page => "des réglages",
    };
    Diagnostic::error(Span::file_start(file), "ce fichier est vide").expected(expected)
}

/// Parses one YAML document into `T`, turning a failure into a diagnostic at its place.
pub(crate) fn parse_yaml<T: DeserializeOwned>(
    source: &SourceFile,
    file: FileId,
) -> Result<T, Vec<Diagnostic>> {
    parse_yaml_text(&source.text, source, file, 0)
}

/// Parses YAML text found at byte `offset` of `source` (front matter of a page).
pub(crate) fn parse_yaml_text<T: DeserializeOwned>(
    text: &str,
    source: &SourceFile,
    file: FileId,
    offset: usize,
) -> Result<T, Vec<Diagnostic>> {
    serde_saphyr::from_str::<T>(text).map_err(|error| {
        vec![yaml_error::to_diagnostic(
            &error, text, source, file, offset,
        )]
    })
}

fn check_id(
    file: FileId,
    id: &str,
    kind: Kind,
    seen: &mut std::collections::HashMap<(Kind, String), FileId>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let valid = !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    if !valid && kind != Kind::Page {
        diagnostics.push(
            Diagnostic::error(
                Span::file_start(file),
                format!("le nom de fichier « {id} » ne peut pas servir d'identifiant"),
            )
            .expected("des minuscules sans accents, des chiffres et des tirets, par exemple dupont-jean.yaml"),
        );
    }
    if let Some(_first) = seen.insert((kind, id.to_string()), file) {
        diagnostics.push(
            Diagnostic::error(
                Span::file_start(file),
                format!(
                    "l'identifiant « {id} » est déjà pris par un autre fichier du même dossier"
                ),
            )
            .expected("un seul fichier par identifiant (.yaml ou .yml, pas les deux)"),
        );
    }
}
