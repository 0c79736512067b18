//! Watches the kit folder and reports which kit files changed, debounced so
//! that one save (even by rename, or written twice) is one report. Version
//! control, output folders, carnet's staging folders and editors' swap and
//! backup files are ignored.

use notify_debouncer_full::notify::event::{AccessKind, AccessMode, ModifyKind};
use notify_debouncer_full::notify::{EventKind, RecommendedWatcher, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, Debouncer, RecommendedCache, new_debouncer};
use std::collections::BTreeSet;
use std::path::{Component, Path};
use std::sync::mpsc::Sender;
use std::time::Duration;

/// How long a file must stay untouched before its change is reported.
const DEBOUNCE: Duration = Duration::from_millis(20);

/// What the watcher tells the rebuild loop.
#[derive(Debug)]
pub enum Change {
    /// These kit files (paths relative to the kit, with `/`) were written,
    /// created, deleted or renamed (both names of a rename).
    Files(Vec<String>),
    /// Events were lost: the whole kit must be read again.
    Rescan,
}

/// A running watcher: dropping it stops it.
pub type Watcher = Debouncer<RecommendedWatcher, RecommendedCache>;

/// Watches the kit at `root` (recursively), sending each debounced batch of
/// changes on `changes`.
pub fn watch(root: &Path, changes: Sender<Change>) -> Result<Watcher, String> {
    let root = std::fs::canonicalize(root).map_err(|e| format!("{} : {e}", root.display()))?;
    let base = root.clone();
    let tick = Some(DEBOUNCE / 4);
    let mut debouncer = new_debouncer(DEBOUNCE, tick, move |result: DebounceEventResult| {
        let Ok(events) = result else { return };
        if events.iter().any(|e| e.need_rescan()) {
            let _ = changes.send(Change::Rescan);
            return;
        }
        let paths: BTreeSet<String> = events
            .iter()
            .filter(|e| changes_content(&e.kind))
            .flat_map(|e| &e.paths)
            .filter_map(|p| kit_path(&base, p))
            .filter(|p| !is_ignored(p))
            .collect();
        if !paths.is_empty() {
            let _ = changes.send(Change::Files(paths.into_iter().collect()));
        }
    })
    .map_err(|e| format!("impossible de surveiller {} : {e}", root.display()))?;
    debouncer
        .watch(&root, RecursiveMode::Recursive)
        .map_err(|e| format!("impossible de surveiller {} : {e}", root.display()))?;
    Ok(debouncer)
}

/// Whether an event can change what a file holds: carnet reading the kit
/// opens every file (access events), which must not start a rebuild.
fn changes_content(kind: &EventKind) -> bool {
    match kind {
        EventKind::Create(_) | EventKind::Remove(_) => true,
        EventKind::Modify(modify) => !matches!(modify, ModifyKind::Metadata(_)),
        EventKind::Access(access) => *access == AccessKind::Close(AccessMode::Write),
        EventKind::Any | EventKind::Other => false,
    }
}

/// The kit path (relative, with `/`) of an absolute path under `root`.
fn kit_path(root: &Path, path: &Path) -> Option<String> {
    let relative = path.strip_prefix(root).ok()?;
    let parts: Option<Vec<&str>> = relative
        .components()
        .map(|c| match c {
            Component::Normal(name) => name.to_str(),
            _ => None,
        })
        .collect();
    Some(parts?.join("/")).filter(|p| !p.is_empty())
}

/// Whether a change to this kit path cannot concern the site: version
/// control and hidden files (`.git/`, `.#lock`, carnet's `.public.tmp-*`
/// staging folders), the output folders `public/` and `interne/`, and
/// editors' swap and backup files (`.swp`, `~`, `4913`, `.tmp`).
pub fn is_ignored(path: &str) -> bool {
    let mut segments = path.split('/');
    if matches!(segments.next(), Some("public" | "interne" | "target")) {
        return true;
    }
    path.split('/').any(|name| {
        name.starts_with('.')
            || name.ends_with('~')
            || name == "4913"
            || [".swp", ".swo", ".swx", ".tmp", ".bak"]
                .iter()
                .any(|ext| name.ends_with(ext))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_pages_templates_and_settings_are_watched() {
        for path in [
            "carnet.yaml",
            "data/personnes/jean-dupont.yaml",
            "content/pages/apropos.md",
            "templates/personne.html",
            "themes/simple/style.css",
            "content/images/logo.png",
        ] {
            assert!(!is_ignored(path), "{path}");
        }
    }

    #[test]
    fn version_control_outputs_and_editor_files_are_ignored() {
        for path in [
            ".git/index",
            ".git/objects/ab/cdef",
            "public/index.html",
            "interne/personnes/x.html",
            ".public.tmp-123-0/index.html",
            "data/personnes/.jean-dupont.yaml.swp",
            "data/personnes/jean-dupont.yaml~",
            "data/personnes/.#jean-dupont.yaml",
            "data/personnes/4913",
            "data/personnes/jean-dupont.yaml.tmp",
            "target/debug/carnet",
        ] {
            assert!(is_ignored(path), "{path}");
        }
    }

    #[test]
    fn paths_become_kit_paths() {
        let root = Path::new("/kit");
        let path = Path::new("/kit/data/personnes/x.yaml");
        assert_eq!(
            kit_path(root, path).as_deref(),
            Some("data/personnes/x.yaml")
        );
        assert_eq!(kit_path(root, Path::new("/ailleurs/x")), None);
        assert_eq!(kit_path(root, Path::new("/kit")), None);
    }
}
