//! The quick lane of `carnet serve`: after an edit of a few person,
//! session or event files, their pages made again from a small kit holding
//! only what each page is made from, in milliseconds, before the whole kit
//! is checked and its other pages are brought up to date.
//!
//! A page's planned inputs name every file it reads (the invariant serve
//! relies on to know what to render again, `view/inputs.rs`), so a kit of
//! those files, plus the records the edited file now names (a new session,
//! a new mentor, a new participant: any record id written in it), gives the
//! page the bytes the whole kit gives it. The records left out are taken
//! as existing but unread ([`crate::load::load_scoped`]), so naming them is
//! no error. The lane gives up, leaving the edit to the whole rebuild,
//! whenever it cannot be sure: a file added, removed or renamed, a file of
//! another kind (a club's convocation list reads sessions by their month,
//! which no id names), a record without a page in this profile or whose
//! page reads a whole folder of records, a person's roles changed (what
//! other records check them against), any error in the small kit.
//! Whatever it shows is replaced by the whole rebuild's page if that
//! differs (`tests/serve_incremental.rs` checks that it never does).

use super::timings::Timings;
use crate::Profile;
use crate::diagnostic::Severity;
use crate::load::{Loaded, ParseCache};
use crate::plan::{Input, Planned, Renderer};
use crate::source::FileId;
use crate::view::View;
use chrono::NaiveDate;
use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::time::Instant;

/// At most this many record files edited at once take the quick lane: a
/// bigger batch (a `git pull`) is not one record being edited.
const MOST: usize = 4;

/// What the quick lane needs of the last good build.
pub(super) struct Last<'a> {
    /// The files it parsed.
    pub parsed: &'a ParseCache,
    /// How each of its outputs was planned, by path.
    pub planned: &'a HashMap<String, Planned>,
    /// Its view.
    pub view: &'a View,
}

/// The path of a record's page, from its id.
type PageOf = fn(&str) -> String;

/// The record folders whose files take the quick lane, each with the path
/// of a record's page.
const FOLDERS: [(&str, PageOf); 3] = [
    ("data/personnes/", crate::view::urls::personne),
    ("data/sessions/", crate::view::urls::session),
    ("data/evenements/", crate::view::urls::evenement),
];

/// The folders of every kind of record, for the ids an edited file names.
const RECORDS: [&str; 5] = [
    "data/personnes/",
    "data/sessions/",
    "data/clubs/",
    "data/evenements/",
    "data/operateurs/",
];

/// The pages of the record files `changed` (kit paths) as the whole kit at
/// `root` would make them now, by output path; `None` when the quick lane
/// does not apply or gives up (see the module's text).
pub(super) fn pages(
    root: &Path,
    profile: Profile,
    today: NaiveDate,
    last: &Last,
    changed: &HashSet<String>,
    timings: &mut Timings,
) -> Option<Vec<(String, Vec<u8>)>> {
    if changed.is_empty() || changed.len() > MOST {
        return None;
    }
    let mut pages = Vec::new();
    let mut scope: HashSet<FileId> = HashSet::new();
    for path in changed {
        let (id, url) = FOLDERS.iter().find_map(|(folder, url)| {
            let id = path.strip_prefix(folder)?.strip_suffix(".yaml")?;
            Some((id, url(id)))
        })?;
        let page = last.planned.get(&url)?;
        // A page made from a whole folder of records needs all of them.
        if super::site::broad(page) {
            return None;
        }
        scope.extend(page.inputs.iter().filter_map(|input| match input {
            Input::File(file) => Some(*file),
            Input::Folder(_) | Input::Kit => None,
        }));
        scope.insert(FileId::of(path));
        pages.push((id, url));
    }
    // What the edited files name that their pages did not read yet is
    // only known once they are read: then the kit is loaded once more.
    for _ in 0..2 {
        let started = Instant::now();
        let loaded = crate::load::load_scoped(root, last.parsed, changed, |f| scope.contains(&f))?;
        timings.alongside("dont chargement (rapide)", started.elapsed());
        let more: Vec<FileId> = changed
            .iter()
            .flat_map(|path| named_in(&loaded.sources.get(FileId::of(path)).text, last.parsed))
            .filter(|file| !scope.contains(file))
            .collect();
        if more.is_empty() {
            return render(loaded, profile, today, &pages, last.view, timings);
        }
        scope.extend(more);
    }
    None
}

/// The record files of the kit whose id is written in `text`: every run of
/// the characters of an id (lowercase ASCII letters, digits, dashes) that is
/// the id of a record, whatever field it is in.
fn named_in(text: &str, parsed: &ParseCache) -> Vec<FileId> {
    let mut files = Vec::new();
    let words = text.split(|c: char| !(c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'));
    for word in words.filter(|w| !w.is_empty()) {
        for folder in RECORDS {
            let path = format!("{folder}{word}.yaml");
            if parsed.holds(&path) {
                files.push(FileId::of(&path));
            }
        }
    }
    files
}

/// The `pages` (record id, output path) made from the small kit `loaded`,
/// unless it has an error or a person's roles differ from those of their
/// fiche in `last`.
fn render(
    mut loaded: Loaded,
    profile: Profile,
    today: NaiveDate,
    pages: &[(&str, String)],
    last: &View,
    timings: &mut Timings,
) -> Option<Vec<(String, Vec<u8>)>> {
    let started = Instant::now();
    let error = |d: &crate::diagnostic::Diagnostic| d.severity == Severity::Error;
    if loaded.diagnostics.iter().any(error) {
        return None;
    }
    let layouts = std::mem::take(&mut loaded.layouts);
    let (kit, diagnostics) = crate::model::build(loaded, &layouts, today);
    if diagnostics.iter().any(error) {
        return None;
    }
    for (id, url) in pages {
        if *url == crate::view::urls::personne(id) {
            let now = kit.personnes.iter().find(|p| p.id == *id)?;
            let before = last.personnes.iter().find(|f| f.id == *id)?;
            if now.roles != before.roles {
                return None;
            }
        }
    }
    timings.alongside("dont modèle (rapide)", started.elapsed());
    let started = Instant::now();
    let view = crate::view_of(&kit, profile, true);
    timings.alongside("dont vue (rapide)", started.elapsed());
    let started = Instant::now();
    let site = crate::render::html::Site::new(&view).ok()?;
    let mut made = Vec::new();
    for planned in site.plan(&view) {
        if pages.iter().any(|(_, url)| *url == planned.path) {
            let bytes = site.render(&view, &planned).ok()?;
            made.push((planned.path, bytes));
        }
    }
    timings.alongside("dont rendu (rapide)", started.elapsed());
    (made.len() == pages.len()).then_some(made)
}
