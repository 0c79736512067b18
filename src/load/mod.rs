//! Stage 1: walk the kit, read every file in parallel, parse YAML into the
//! typed records of [`records`], each with its [`FileId`] and id.
//! Problems found here (unreadable file, not UTF-8, empty, YAML syntax, unknown
//! field, wrong type) become diagnostics; the other files still load.

mod assets;
#[cfg(test)]
mod cache_tests;
pub mod config;
pub mod config_plie;
pub mod documents;
pub mod either;
mod kit_dir;
pub mod kit_root;
pub mod layout;
mod listing;
pub mod pages;
pub mod parcours;
pub mod procedures;
pub mod records;
pub mod spanned;
mod walk;
mod yaml_comment;
mod yaml_error;
mod yaml_fast;
#[cfg(test)]
mod yaml_fast_tests;
mod yaml_hint;

use crate::diagnostic::{Diagnostic, msg};
use crate::source::{FileId, SourceFile, Sources, Span};
use config::RawConfig;
use kit_dir::{Found, KitDir, Problem, Reached};
use parcours::RawCommission;
use rayon::prelude::*;
use records::{RawClub, RawEvenement, RawOperateur, RawPersonne, RawSession};
use serde::de::DeserializeOwned;
use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::Arc;

pub use assets::kit_path;
pub use pages::RawPage;

/// A record read from `data/<kind>/<id>.yaml`.
#[derive(Debug)]
pub struct RawFile<T> {
    /// The file it came from.
    pub file: FileId,
    /// The id: the file stem.
    pub id: String,
    /// The record as typed, shared with the [`ParseCache`] of `carnet serve`
    /// so that a file not read again costs no copy.
    pub record: Arc<T>,
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
    /// content/procedures (the id is the file stem, `P01`).
    pub procedures: Vec<RawFile<procedures::RawProcedure>>,
    /// data/documents.yaml, the catalogue of documents (absent: none).
    pub documents: Option<RawFile<Vec<documents::RawDocument>>>,
    /// The files under content/documents/, read as bytes, by kit path.
    pub document_files: Vec<FileId>,
    /// data/commissions.yaml (absent: no commission known yet).
    pub commissions: Option<RawFile<Vec<RawCommission>>>,
    /// Form layouts: the built-in ones, each replaced by the kit's file of the
    /// same name in templates/forms/, plus the kit's own.
    pub layouts: Vec<RawFile<layout::RawLayout>>,
    /// Problems found while reading and parsing.
    pub diagnostics: Vec<Diagnostic>,
    /// Records that exist but could not be read (`("personnes", id)`…): other
    /// files may name them without a second, misleading « inconnu » error.
    pub broken: HashSet<(&'static str, String)>,
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
    Procedure,
    Documents,
    Commissions,
}

impl Kind {
    /// The folder name under data/ of a record kind.
    fn folder(self) -> Option<&'static str> {
        match self {
            Kind::Personne => Some("personnes"),
            Kind::Session => Some("sessions"),
            Kind::Club => Some("clubs"),
            Kind::Evenement => Some("evenements"),
            Kind::Operateur => Some("operateurs"),
            Kind::Config | Kind::Page | Kind::Procedure | Kind::Documents | Kind::Commissions => {
                None
            }
        }
    }
}

/// What parsing one file gave: the record (possibly with some values set
/// aside, each reported by a [`crate::diagnostic::DiagnosticKind::SetAside`]
/// diagnostic), and the problems.
#[derive(Clone)]
struct ParseOutcome<T> {
    record: Option<T>,
    diagnostics: Vec<Diagnostic>,
}

/// One file's record, shared between a load's [`Loaded`] and the
/// [`ParseCache`] that keeps it for the next load.
#[derive(Clone)]
enum Parsed {
    Config(Arc<RawConfig>),
    Personne(Arc<RawPersonne>),
    Session(Arc<RawSession>),
    Club(Arc<RawClub>),
    Evenement(Arc<RawEvenement>),
    Operateur(Arc<RawOperateur>),
    Page(Arc<RawPage>),
    Procedure(Arc<procedures::RawProcedure>),
    Documents(Arc<Vec<documents::RawDocument>>),
    Commissions(Arc<Vec<RawCommission>>),
}

/// Reads and parses every file of the kit at `root`. Only a kit folder that
/// cannot be read at all is an `Err`; every other problem is a diagnostic.
pub fn load(root: &Path) -> Result<Loaded, LoadError> {
    load_from(root, None, &Changed::All)
}

/// The records and pages parsed by an earlier load of the same kit, by kit
/// path: `carnet serve` reads again only the files its watcher saw change.
#[derive(Default)]
pub struct ParseCache {
    files: HashMap<String, (Arc<SourceFile>, ParseOutcome<Parsed>)>,
    /// The record and page folders as last listed.
    listings: listing::Listings,
}

impl ParseCache {
    /// Whether the last load listed a file at kit path `path`.
    pub fn holds(&self, path: &str) -> bool {
        self.files.contains_key(path)
    }
}

/// Which files may differ from what a [`ParseCache`] holds.
pub enum Changed<'a> {
    /// Any file: read everything.
    All,
    /// Only these kit paths (with `/`); every other file is as last read.
    Only(&'a HashSet<String>),
}

/// [`load`], reusing from `cache` every record and page file not `changed`
/// since it was parsed, and leaving in `cache` what this load parsed.
/// A record or page folder is listed again only when a changed path may
/// have added or removed one of its files ([`listing`]): `changed` must name
/// every file written, created, deleted or renamed since the last load.
pub fn load_cached(
    root: &Path,
    cache: &mut ParseCache,
    changed: &Changed,
) -> Result<Loaded, LoadError> {
    load_from(root, Some(cache), changed)
}

/// [`load`], with a cache to reuse and refill when there is one.
fn load_from(
    root: &Path,
    mut cache: Option<&mut ParseCache>,
    changed: &Changed,
) -> Result<Loaded, LoadError> {
    let kit = KitDir::open(root)?;
    let mut problems = Vec::new();
    let mut entries = single_files(&kit, &mut problems);
    for (folder, kind, rule) in FOLDERS {
        let kept = match (cache.as_mut(), changed) {
            (Some(cache), Changed::Only(paths)) => cache.listings.take(folder, paths),
            _ => None,
        };
        let listing = match kept {
            Some(listing) => listing,
            None => {
                let mut listing = listing::Listing::default();
                walk::walk(
                    &kit,
                    folder,
                    rule,
                    &mut listing.files,
                    &mut listing.problems,
                );
                listing
            }
        };
        problems.extend(listing.problems.iter().cloned());
        entries.extend(
            listing
                .files
                .iter()
                .map(|(rel, disk)| (kind, rel.clone(), disk.clone())),
        );
        if let Some(cache) = cache.as_mut() {
            cache.listings.keep(folder, listing);
        }
    }
    data_root(&kit, &mut problems);
    entries.sort_by(|a, b| (a.0, &a.1).cmp(&(b.0, &b.1)));

    let kept = cache.as_deref().map(|c| &c.files);
    let reusable = |rel: &String| match changed {
        Changed::All => None,
        Changed::Only(paths) if paths.contains(rel) => None,
        Changed::Only(_) => kept.and_then(|files| files.get(rel)),
    };
    let parsed = parse_or_reuse(&kit, &entries, reusable);
    if let Some(cache) = cache {
        // Only the files read again change in the cache; a file no longer
        // listed leaves it.
        for ((_, rel, _), (source, outcome, read)) in entries.iter().zip(&parsed) {
            if *read {
                cache
                    .files
                    .insert(rel.clone(), (Arc::clone(source), outcome.clone()));
            }
        }
        if cache.files.len() != entries.len() {
            let listed: HashSet<&str> = entries.iter().map(|(_, rel, _)| rel.as_str()).collect();
            cache.files.retain(|rel, _| listed.contains(rel.as_str()));
        }
    }
    let mut loaded = assemble(&entries, parsed);
    for problem in problems {
        loaded.report(&kit, problem);
    }
    assets::load(&kit, &mut loaded);
    documents::load_files(&kit, &mut loaded);
    Ok(loaded)
}

/// A part of the kit as [`load_cached`] would load it after `changed`, for
/// `carnet serve`'s quick lane: every file but the records outside `scope`
/// (which are taken as existing but unread, as a record that could not be
/// parsed is: other files may name them without an error). The cache is
/// only read: `None` when it cannot answer without listing a folder again
/// (a file added, removed or renamed) or the kit cannot be opened.
pub fn load_scoped(
    root: &Path,
    cache: &ParseCache,
    changed: &HashSet<String>,
    scope: impl Fn(FileId) -> bool,
) -> Option<Loaded> {
    let kit = KitDir::open(root).ok()?;
    let mut entries = single_files(&kit, &mut Vec::new());
    let mut unread = Vec::new();
    for (folder, kind, _) in FOLDERS {
        let listing = cache.listings.peek(folder, changed)?;
        for (rel, disk) in &listing.files {
            match kind.folder() {
                Some(records) if !scope(FileId::of(rel)) => {
                    unread.push((records, file_stem(rel).to_string()));
                }
                _ => entries.push((kind, rel.clone(), disk.clone())),
            }
        }
    }
    entries.sort_by(|a, b| (a.0, &a.1).cmp(&(b.0, &b.1)));
    let reusable = |rel: &String| {
        if changed.contains(rel) {
            None
        } else {
            cache.files.get(rel)
        }
    };
    let parsed = parse_or_reuse(&kit, &entries, reusable);
    let mut loaded = assemble(&entries, parsed);
    loaded.broken.extend(unread);
    assets::load(&kit, &mut loaded);
    documents::load_files(&kit, &mut loaded);
    Some(loaded)
}

/// The record and page folders, with the kind of their files and the rule
/// that lists them.
const FOLDERS: [(&str, Kind, &walk::Rule); 7] = [
    ("data/personnes", Kind::Personne, &walk::RECORDS),
    ("data/sessions", Kind::Session, &walk::RECORDS),
    ("data/clubs", Kind::Club, &walk::RECORDS),
    ("data/evenements", Kind::Evenement, &walk::RECORDS),
    ("data/operateurs", Kind::Operateur, &walk::RECORDS),
    ("content/pages", Kind::Page, &walk::PAGES),
    ("content/procedures", Kind::Procedure, &walk::PROCEDURES),
];

/// A file to load: its kind, kit path and where it is on disk.
type Entry = (Kind, String, Reached);

/// The files of the kit that stand alone: carnet.yaml, the commissions'
/// calendar and the documents' catalogue, when present.
fn single_files(kit: &KitDir, problems: &mut Vec<Problem>) -> Vec<Entry> {
    let mut entries = Vec::new();
    if let Some(config) = config_file(kit, problems) {
        entries.push((Kind::Config, CONFIG.into(), config));
    }
    if let Some(commissions) = commissions_file(kit) {
        entries.push((Kind::Commissions, COMMISSIONS.into(), commissions));
    }
    match kit.resolve(documents::CATALOGUE) {
        Found::File(disk) => entries.push((Kind::Documents, documents::CATALOGUE.into(), Ok(disk))),
        Found::Refused(problem) => {
            entries.push((Kind::Documents, documents::CATALOGUE.into(), Err(problem)))
        }
        Found::Missing | Found::Dir(_) => {}
    }
    entries
}

/// Each entry's text and parse, taken from `reusable` when it gives one
/// (shared, not copied: text and record are behind `Arc`s), else read and
/// parsed now, in parallel. The flag says whether it was read again.
fn parse_or_reuse<'c>(
    kit: &KitDir,
    entries: &[Entry],
    reusable: impl Fn(&String) -> Option<&'c (Arc<SourceFile>, ParseOutcome<Parsed>)> + Sync,
) -> Vec<(Arc<SourceFile>, ParseOutcome<Parsed>, bool)> {
    entries
        .par_iter()
        .map(|(kind, rel, disk)| match reusable(rel) {
            Some(old) => (Arc::clone(&old.0), old.1.clone(), false),
            None => {
                let (source, outcome) = read_and_parse(kit, FileId::of(rel), *kind, rel, disk);
                (Arc::new(source), outcome, true)
            }
        })
        .collect()
}

/// The loaded kit of the parsed entries, in their order: sources, records
/// by kind with their ids (a duplicate id is reported and left out), the
/// problems of each file, and the records that could not be read.
fn assemble(
    entries: &[Entry],
    parsed: Vec<(Arc<SourceFile>, ParseOutcome<Parsed>, bool)>,
) -> Loaded {
    let mut loaded = Loaded::default();
    loaded.sources.reserve(entries.len());
    let mut seen_ids = HashMap::with_capacity(entries.len());
    for ((kind, rel, _), (source, outcome, _)) in entries.iter().zip(parsed) {
        let file = loaded.sources.add_shared(source);
        let stem = file_stem(rel);
        let duplicate = !matches!(kind, Kind::Config | Kind::Documents)
            && !check_id(file, stem, *kind, &mut seen_ids, &mut loaded.diagnostics);
        let id = stem.to_string();
        loaded.diagnostics.extend(outcome.diagnostics);
        if duplicate {
            continue;
        }
        let Some(parsed) = outcome.record else {
            if let Some(folder) = kind.folder() {
                loaded.broken.insert((folder, id));
            }
            continue;
        };
        match parsed {
            Parsed::Config(record) => loaded.config = Some(RawFile { file, id, record }),
            Parsed::Personne(record) => loaded.personnes.push(RawFile { file, id, record }),
            Parsed::Session(record) => loaded.sessions.push(RawFile { file, id, record }),
            Parsed::Club(record) => loaded.clubs.push(RawFile { file, id, record }),
            Parsed::Evenement(record) => loaded.evenements.push(RawFile { file, id, record }),
            Parsed::Operateur(record) => loaded.operateurs.push(RawFile { file, id, record }),
            Parsed::Page(record) => loaded.pages.push(RawFile { file, id, record }),
            Parsed::Procedure(record) => loaded.procedures.push(RawFile { file, id, record }),
            Parsed::Documents(record) => loaded.documents = Some(RawFile { file, id, record }),
            Parsed::Commissions(record) => loaded.commissions = Some(RawFile { file, id, record }),
        }
    }
    loaded
}

/// The language carnet.yaml at `root` asks for (`langue: en`), read alone
/// before anything else, for the command line's own words: French when
/// absent, unreadable or unknown (`carnet check` reports those).
pub fn kit_lang(root: &Path) -> crate::labels::Lang {
    #[derive(serde::Deserialize)]
    struct LangOnly {
        langue: Option<String>,
    }
    let text = std::fs::read_to_string(root.join(CONFIG)).unwrap_or_default();
    match serde_saphyr::from_str::<LangOnly>(&text) {
        Ok(LangOnly {
            langue: Some(langue),
        }) if langue == "en" => crate::labels::Lang::En,
        _ => crate::labels::Lang::Fr,
    }
}

/// The settings file's name.
const CONFIG: &str = "carnet.yaml";

/// The PLIE's calendar of commissions and comités.
pub const COMMISSIONS: &str = "data/commissions.yaml";

/// data/commissions.yaml, if there is one to read.
fn commissions_file(kit: &KitDir) -> Option<Reached> {
    match kit.resolve(COMMISSIONS) {
        Found::File(disk) => Some(Ok(disk)),
        Found::Refused(problem) => Some(Err(problem)),
        Found::Dir(_) | Found::Missing => None,
    }
}

/// carnet.yaml, if there is one to read; a folder of that name or a file
/// named almost so is a warning.
fn config_file(kit: &KitDir, problems: &mut Vec<Problem>) -> Option<Reached> {
    match kit.resolve(CONFIG) {
        Found::File(disk) => return Some(Ok(disk)),
        Found::Refused(problem) => return Some(Err(problem)),
        Found::Dir(_) => problems.push(Problem::warning(
            CONFIG,
            msg(
                "carnet.yaml est un dossier : il est ignoré et les réglages par défaut s'appliquent",
                "carnet.yaml is a folder: it is ignored and the default settings apply",
            ),
            msg("un fichier carnet.yaml", "a file carnet.yaml"),
        )),
        Found::Missing => {
            let names = match kit.root_names() {
                Ok(names) => names,
                Err(problem) => {
                    problems.push(problem);
                    return None;
                }
            };
            for name in names {
                let lower = name.to_ascii_lowercase();
                if lower == CONFIG || lower == "carnet.yml" {
                    problems.push(Problem::warning(
                        &name,
                        msg(
                            format!(
                                "« {name} » est ignoré : le fichier de réglages s'appelle carnet.yaml"
                            ),
                            format!(
                                "« {name} » is ignored: the settings file is called carnet.yaml"
                            ),
                        ),
                        msg("carnet.yaml, en minuscules", "carnet.yaml, in lower case"),
                    ));
                }
            }
        }
    }
    None
}

/// Folders and files directly in data/ that carnet does not read: a
/// misspelt record folder, a record put one level too high.
fn data_root(kit: &KitDir, problems: &mut Vec<Problem>) {
    // commissions.yaml is read by `commissions_file`.
    const PLANNED: [&str; 2] = ["commissions.yaml", "documents.yaml"];
    let Found::Dir(dir) = kit.resolve("data") else {
        return;
    };
    let names = match kit.names("data", &dir) {
        Ok(names) => names,
        Err(problem) => return problems.push(problem),
    };
    for name in names {
        let rel = format!("data/{name}");
        let known = FOLDERS.iter().any(|(folder, _, _)| *folder == rel);
        if known || PLANNED.contains(&name.as_str()) || walk::silently_ignored(&name) {
            continue;
        }
        problems.push(Problem::warning(
            &rel,
            msg(
                format!("« {rel} » est ignoré : carnet ne lit dans data/ que les dossiers de fiches"),
                format!("« {rel} » is ignored: in data/, carnet reads only the record folders"),
            ),
            msg(
                "les fiches dans data/personnes/, data/sessions/, data/clubs/, data/evenements/ ou data/operateurs/",
                "the records in data/personnes/, data/sessions/, data/clubs/, data/evenements/ or data/operateurs/",
            ),
        ));
    }
}

impl Loaded {
    /// Adds `problem` as a diagnostic about its path (a file not read).
    fn report(&mut self, kit: &KitDir, problem: Problem) {
        let disk = kit.disk_path(&problem.path);
        let file = self
            .sources
            .add(SourceFile::unread(problem.path.clone(), disk));
        self.diagnostics.push(problem.diagnostic(file));
    }

    /// Reads a kit file as text into the sources: its id, or `None` (and a
    /// diagnostic) if it could not be read or is not UTF-8.
    fn add_text(&mut self, kit: &KitDir, rel: &str, reached: &Reached) -> Option<FileId> {
        let file = FileId::of(rel);
        let (source, problem) = read_text(kit, file, rel, reached);
        self.sources.add(source);
        match problem {
            Some(diagnostic) => {
                self.diagnostics.push(diagnostic);
                None
            }
            None => Some(file),
        }
    }

    /// Reads a kit file as bytes into the sources (a theme file, an image):
    /// its id, or `None` (and a diagnostic) if it could not be read.
    fn add_binary(&mut self, kit: &KitDir, rel: &str, reached: &Reached) -> Option<FileId> {
        match kit.read(rel, reached) {
            Ok((disk, bytes)) => Some(self.sources.add(SourceFile::binary(
                rel.to_string(),
                disk,
                bytes,
            ))),
            Err(problem) => {
                self.report(kit, problem);
                None
            }
        }
    }
}

/// Reads a kit file as text: a non-UTF-8 file is replaced lossily and a
/// diagnostic points at its first bad byte.
fn text_source(
    file: FileId,
    rel: &str,
    disk: &Path,
    bytes: Vec<u8>,
) -> (SourceFile, Option<Diagnostic>) {
    let (text, bad_utf8) = match String::from_utf8(bytes) {
        Ok(text) => (text, None),
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            (String::from_utf8_lossy(e.as_bytes()).into_owned(), Some(at))
        }
    };
    let source = SourceFile::new(rel.to_string(), disk.to_path_buf(), text);
    let diagnostic = bad_utf8.map(|at| {
        // The lossy text holds U+FFFD where the bad byte was: point at that character.
        let end = source.text[at..]
            .chars()
            .next()
            .map_or(at, |c| at + c.len_utf8());
        Diagnostic::error_msg(
            Span::new(file, at..end),
            msg(
                "ce fichier n'est pas encodé en UTF-8",
                "this file is not encoded in UTF-8",
            ),
        )
        .expected_msg(msg(
            "un fichier enregistré en UTF-8 (réglage « Encodage » de l'éditeur)",
            "a file saved in UTF-8 (the « Encoding » setting of the editor)",
        ))
    });
    (source, diagnostic)
}

/// Reads a kit file as text into a source: the source and the problems met
/// (unreadable: an unread source and its diagnostic).
fn read_text(
    kit: &KitDir,
    file: FileId,
    rel: &str,
    reached: &Reached,
) -> (SourceFile, Option<Diagnostic>) {
    match kit.read(rel, reached) {
        Ok((disk, bytes)) => text_source(file, rel, &disk, bytes),
        Err(problem) => (
            SourceFile::unread(rel.to_string(), kit.disk_path(rel)),
            Some(problem.diagnostic(file)),
        ),
    }
}

fn read_and_parse(
    kit: &KitDir,
    file: FileId,
    kind: Kind,
    rel: &str,
    reached: &Reached,
) -> (SourceFile, ParseOutcome<Parsed>) {
    let (source, problem) = read_text(kit, file, rel, reached);
    if let Some(diagnostic) = problem {
        return (source, ParseOutcome::failed(vec![diagnostic]));
    }
    let outcome = match kind {
        Kind::Page => pages::parse(&source, file).map(|r| Parsed::Page(Arc::new(r))),
        Kind::Procedure => procedures::parse(&source, file).map(|r| Parsed::Procedure(Arc::new(r))),
        // An empty calendar is a calendar with no meeting yet.
        Kind::Commissions if is_blank_yaml(&source.text) => ParseOutcome {
            record: Some(Parsed::Commissions(Arc::default())),
            diagnostics: Vec::new(),
        },
        Kind::Commissions => {
            parse_outcome(&source.text, file).map(|r| Parsed::Commissions(Arc::new(r)))
        }
        _ if is_blank_yaml(&source.text) => ParseOutcome::failed(vec![empty_file(file, kind)]),
        Kind::Config => parse_outcome(&source.text, file).map(|r| Parsed::Config(Arc::new(r))),
        Kind::Personne => parse_record(&source.text, file).map(|r| Parsed::Personne(Arc::new(r))),
        Kind::Session => parse_record(&source.text, file).map(|r| Parsed::Session(Arc::new(r))),
        Kind::Club => parse_record(&source.text, file).map(|r| Parsed::Club(Arc::new(r))),
        Kind::Evenement => parse_record(&source.text, file).map(|r| Parsed::Evenement(Arc::new(r))),
        Kind::Operateur => parse_record(&source.text, file).map(|r| Parsed::Operateur(Arc::new(r))),
        Kind::Documents => {
            parse_outcome(&source.text, file).map(|r| Parsed::Documents(Arc::new(r)))
        }
    };
    let mut outcome = outcome;
    if !matches!(kind, Kind::Page | Kind::Procedure)
        && outcome.record.is_some()
        && yaml_comment::may_cut(&source.text)
    {
        outcome
            .diagnostics
            .extend(yaml_comment::cut_texts(&source.text, file));
    }
    (source, outcome)
}

impl<T> ParseOutcome<T> {
    fn failed(diagnostics: Vec<Diagnostic>) -> ParseOutcome<T> {
        ParseOutcome {
            record: None,
            diagnostics,
        }
    }

    /// The record if nothing went wrong, else every problem.
    fn into_result(self) -> Result<T, Vec<Diagnostic>> {
        match self.record {
            Some(record) if self.diagnostics.is_empty() => Ok(record),
            _ => Err(self.diagnostics),
        }
    }

    fn map<U>(self, f: impl FnOnce(T) -> U) -> ParseOutcome<U> {
        ParseOutcome {
            record: self.record.map(f),
            diagnostics: self.diagnostics,
        }
    }
}

fn is_blank_yaml(text: &str) -> bool {
    text.lines()
        .map(str::trim)
        .all(|l| l.is_empty() || l.starts_with('#') || l == "---")
}

/// An empty record file is an error; an empty carnet.yaml means the defaults.
fn empty_file(file: FileId, kind: Kind) -> Diagnostic {
    let expected = match kind {
        Kind::Personne => msg(
            "au moins civilite, nom et prenom",
            "at least civilite, nom and prenom",
        ),
        Kind::Session | Kind::Club => msg("au moins mois: AAAA-MM", "at least mois: YYYY-MM"),
        Kind::Evenement => msg("au moins titre et date", "at least titre and date"),
        Kind::Operateur => msg("au moins nom", "at least nom"),
        Kind::Documents => msg(
            "une liste de documents, chacun {code, titre, type}",
            "a list of documents, each {code, titre, type}",
        ),
        Kind::Config | Kind::Page | Kind::Procedure | Kind::Commissions => {
            return Diagnostic::warning_msg(
                Span::file_start(file),
                msg(
                    "carnet.yaml est vide : les réglages par défaut s'appliquent",
                    "carnet.yaml is empty: the default settings apply",
                ),
            )
            .expected_msg(msg(
                "au moins titre: \"Nom du site\" et organisation: \"…\"",
                "at least titre: \"Name of the site\" and organisation: \"…\"",
            ));
        }
    };
    Diagnostic::error_msg(
        Span::file_start(file),
        msg("ce fichier est vide", "this file is empty"),
    )
    .expected_msg(expected)
}

/// Parses one YAML file into `T`: the record, or every problem found
/// (for the other YAML files of a kit: form layouts).
pub(crate) fn parse_yaml<T: DeserializeOwned>(
    source: &SourceFile,
    file: FileId,
) -> Result<T, Vec<Diagnostic>> {
    parse_outcome(&source.text, file).into_result()
}

/// Parses a record file: with the quick reader when the file is written in
/// the YAML it reads (nearly always), else as [`parse_outcome`] does.
fn parse_record<T: DeserializeOwned>(text: &str, file: FileId) -> ParseOutcome<T> {
    match yaml_fast::parse(text) {
        Some(record) => ParseOutcome {
            record: Some(record),
            diagnostics: Vec::new(),
        },
        None => parse_outcome(text, file),
    }
}

/// At most this many problems are reported per file before giving up on it.
const MAX_PARSE_PROBLEMS: usize = 32;

/// Parses YAML `text` whose byte offsets are those of the file (a front matter
/// is padded with blanks). After an unknown field or a value of the wrong type,
/// that part is set aside and parsing goes on, so that every such problem of the
/// file is reported in one run and the rest of the record is still checked.
fn parse_outcome<T: DeserializeOwned>(text: &str, file: FileId) -> ParseOutcome<T> {
    let options = serde_saphyr::options! { null_as_string: true };
    let mut work = std::borrow::Cow::Borrowed(text);
    let mut outcome = ParseOutcome {
        record: None,
        diagnostics: Vec::new(),
    };
    let mut blanked: Vec<std::ops::Range<usize>> = Vec::new();
    while outcome.diagnostics.len() < MAX_PARSE_PROBLEMS {
        let error = match serde_saphyr::from_str_with_options::<T>(&work, options.clone()) {
            Ok(record) => {
                outcome.record = Some(record);
                break;
            }
            Err(error) => error,
        };
        let problem = yaml_error::to_problem(&error, &work, file);
        let at = problem.diagnostic.span.start;
        // An error caused by a part already set aside is not the user's: stop there.
        let consequence = blanked.iter().any(|r| r.start <= at && at <= r.end);
        let syntax_after_recovery = !blanked.is_empty() && problem.recovery.is_none();
        if consequence || syntax_after_recovery {
            break;
        }
        outcome.diagnostics.push(problem.diagnostic);
        let Some(recovery) = problem.recovery else {
            break;
        };
        if recovery.range.is_empty() {
            break;
        }
        let mut bytes = work.into_owned().into_bytes();
        for byte in &mut bytes[recovery.range.clone()] {
            if *byte != b'\n' && *byte != b'\r' {
                *byte = b' ';
            }
        }
        // Whole characters were replaced by ASCII spaces: still UTF-8.
        let Ok(next) = String::from_utf8(bytes) else {
            break;
        };
        work = std::borrow::Cow::Owned(next);
        blanked.push(recovery.range);
    }
    if outcome.record.is_some() && outcome.diagnostics.len() >= MAX_PARSE_PROBLEMS {
        outcome.record = None;
    }
    outcome
}

/// Checks a record id; returns false when the id is already taken in the same
/// folder (`x.yaml` and `x.yml`), in which case the file is not loaded.
fn check_id<'a>(
    file: FileId,
    id: &'a str,
    kind: Kind,
    seen: &mut HashMap<(Kind, &'a str), FileId>,
    diagnostics: &mut Vec<Diagnostic>,
) -> bool {
    let valid = !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    if !valid && !matches!(kind, Kind::Page | Kind::Procedure) {
        diagnostics.push(
            Diagnostic::error_msg(
                Span::file_start(file),
                msg(
                    format!("le nom de fichier « {id} » ne peut pas servir d'identifiant"),
                    format!("the file name « {id} » cannot serve as an id"),
                ),
            )
            .expected_msg(msg(
                "des minuscules sans accents, des chiffres et des tirets, par exemple dupont-jean.yaml",
                "lower-case letters without accents, digits and hyphens, for example dupont-jean.yaml",
            )),
        );
    }
    if let Some(&first) = seen.get(&(kind, id)) {
        diagnostics.push(
            Diagnostic::error_msg(
                Span::file_start(file),
                msg(
                    format!(
                        "l'identifiant « {id} » est déjà pris par un autre fichier du même dossier"
                    ),
                    format!("the id « {id} » is already taken by another file of the same folder"),
                ),
            )
            .expected_msg(msg(
                "un seul fichier par identifiant (.yaml ou .yml, pas les deux)",
                "one file per id (.yaml or .yml, not both)",
            ))
            .also_at_msg(
                Span::file_start(first),
                msg(
                    "premier fichier de cet identifiant",
                    "first file of this id",
                ),
            ),
        );
        return false;
    }
    seen.insert((kind, id), file);
    true
}

/// The file name of a kit path without its extension (`Path::file_stem`
/// for the `/`-separated kit paths): a record's id.
fn file_stem(rel: &str) -> &str {
    let name = rel.rsplit('/').next().unwrap_or(rel);
    match name.rfind('.') {
        Some(0) | None => name,
        Some(dot) => &name[..dot],
    }
}
