//! The quick lane of `carnet serve`: after an edit of a few person files,
//! their fiches made again from a small kit holding only what each fiche
//! is made from, in milliseconds, before the whole kit is checked and its
//! other pages are brought up to date.
//!
//! A fiche's planned inputs name every file it reads (the invariant serve
//! relies on to know what to render again, `view/inputs.rs`), so a kit of
//! those files, plus what the edited file now names (a new session, a new
//! mentor), gives the fiche the bytes the whole kit gives it. The records
//! left out are taken as existing but unread ([`crate::load::load_scoped`]),
//! so naming them is no error. The lane gives up, leaving the edit to the
//! whole rebuild, whenever it cannot be sure: a file added, removed or
//! renamed, a file other than a person's, a person without a fiche, roles
//! changed (what other records check a person against), any error in the
//! small kit. Whatever it shows is replaced by the whole rebuild's page if
//! that differs (`tests/serve_incremental.rs` checks that it never does).

use crate::Profile;
use crate::diagnostic::Severity;
use crate::load::records::RawPersonne;
use crate::load::{Loaded, ParseCache};
use crate::plan::{Input, Planned, Renderer};
use crate::source::FileId;
use crate::view::View;
use chrono::NaiveDate;
use std::collections::{HashMap, HashSet};
use std::path::Path;

/// At most this many person files edited at once take the quick lane: a
/// bigger batch (a `git pull`) is not one person being edited.
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

/// The fiches of the person files `changed` (kit paths) as the whole kit
/// at `root` would make them now, by output path; `None` when the quick
/// lane does not apply or gives up (see the module's text).
pub(super) fn fiches(
    root: &Path,
    profile: Profile,
    today: NaiveDate,
    last: &Last,
    changed: &HashSet<String>,
) -> Option<Vec<(String, Vec<u8>)>> {
    if changed.is_empty() || changed.len() > MOST {
        return None;
    }
    let mut ids = Vec::new();
    let mut scope: HashSet<FileId> = HashSet::new();
    for path in changed {
        let id = path
            .strip_prefix("data/personnes/")?
            .strip_suffix(".yaml")?;
        let fiche = last.planned.get(&crate::view::urls::personne(id))?;
        scope.extend(fiche.inputs.iter().filter_map(|input| match input {
            Input::File(file) => Some(*file),
            Input::Folder(_) | Input::Kit => None,
        }));
        scope.insert(FileId::of(path));
        ids.push(id);
    }
    // What the edited files name that their fiches did not read yet is
    // only known once they are parsed: then the kit is loaded once more.
    for _ in 0..2 {
        let loaded = crate::load::load_scoped(root, last.parsed, changed, |f| scope.contains(&f))?;
        let more: Vec<FileId> = loaded
            .personnes
            .iter()
            .filter(|p| ids.contains(&p.id.as_str()))
            .flat_map(|p| named_by(&p.record))
            .map(|path| FileId::of(&path))
            .filter(|file| !scope.contains(file))
            .collect();
        if more.is_empty() {
            return render(loaded, profile, today, &ids, last.view);
        }
        scope.extend(more);
    }
    None
}

/// The kit paths of the records a person file names: sessions and clubs it
/// enrols in, mentors, PLIE référent and assistant.
fn named_by(p: &RawPersonne) -> Vec<String> {
    let person = |id: &str| format!("data/personnes/{id}.yaml");
    let mut paths = Vec::new();
    for enrolment in p.inscriptions.iter().flatten() {
        if let Some(session) = &enrolment.session {
            paths.push(format!("data/sessions/{}.yaml", session.value));
        }
    }
    for club in p.clubs.iter().flatten() {
        paths.push(format!("data/clubs/{}.yaml", club.value));
    }
    if let Some(m) = &p.parrainage {
        paths.extend(m.parrain.iter().map(|id| person(&id.value)));
        for former in m.historique.iter().flatten() {
            paths.extend(former.parrain.iter().map(|id| person(&id.value)));
        }
    }
    if let Some(parcours) = &p.parcours {
        for id in [&parcours.referent, &parcours.assistant]
            .into_iter()
            .flatten()
        {
            paths.push(person(&id.value));
        }
    }
    paths
}

/// The fiches of `ids` made from the small kit `loaded`, unless it has an
/// error or a person's roles differ from those of `last`'s fiche.
fn render(
    mut loaded: Loaded,
    profile: Profile,
    today: NaiveDate,
    ids: &[&str],
    last: &View,
) -> Option<Vec<(String, Vec<u8>)>> {
    let error = |d: &crate::diagnostic::Diagnostic| d.severity == Severity::Error;
    if loaded.diagnostics.iter().any(error) {
        return None;
    }
    let layouts = std::mem::take(&mut loaded.layouts);
    let (kit, diagnostics) = crate::model::build(loaded, &layouts, today);
    if diagnostics.iter().any(error) {
        return None;
    }
    for id in ids {
        let now = kit.personnes.iter().find(|p| p.id == *id)?;
        let before = last.personnes.iter().find(|f| f.id == *id)?;
        if now.roles != before.roles {
            return None;
        }
    }
    let mut view = View::new(&kit, profile);
    crate::attach_forms(&mut view, crate::view::forms::FormsView::new(&kit, profile));
    let site = crate::render::html::Site::new(&view).ok()?;
    let wanted: Vec<String> = ids
        .iter()
        .map(|id| crate::view::urls::personne(id))
        .collect();
    let mut pages = Vec::new();
    for planned in site.plan(&view) {
        if wanted.contains(&planned.path) {
            let bytes = site.render(&view, &planned).ok()?;
            pages.push((planned.path, bytes));
        }
    }
    (pages.len() == wanted.len()).then_some(pages)
}
