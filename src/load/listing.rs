//! The listings of the kit's record and page folders, kept between the
//! loads of `carnet serve`: listing 10,000 files again after each save
//! costs more than the rest of the load. A listing is reused only when no
//! change can have altered it: every changed path under the folder is a
//! file it listed and still a plain file there (an edit in place), and no
//! changed path is the folder itself or one of its parents.

use super::kit_dir::Problem;
use super::walk::KitFile;
use std::collections::{HashMap, HashSet};

/// What walking one folder gave.
#[derive(Clone, Default)]
pub(super) struct Listing {
    /// The files to read, by kit path, in the walk's order.
    pub files: Vec<KitFile>,
    /// What the walk set aside with a word (ignored files, subfolders).
    pub problems: Vec<Problem>,
}

/// The listings of the last load, by folder.
#[derive(Default)]
pub(super) struct Listings(HashMap<&'static str, Listing>);

impl Listings {
    /// Takes the listing of `folder` kept from the last load, if `changed`
    /// (the kit paths changed since then) cannot have altered it.
    pub fn take(&mut self, folder: &str, changed: &HashSet<String>) -> Option<Listing> {
        let usable = self.peek(folder, changed).is_some();
        let listing = self.0.remove(folder)?;
        usable.then_some(listing)
    }

    /// The listing of `folder` kept from the last load, left in place, if
    /// `changed` cannot have altered it (see [`Listings::take`]).
    pub fn peek(&self, folder: &str, changed: &HashSet<String>) -> Option<&Listing> {
        let listing = self.0.get(folder)?;
        let under = |path: &str| {
            path.strip_prefix(folder)
                .is_some_and(|rest| rest.starts_with('/'))
        };
        for path in changed {
            let holds = folder
                .strip_prefix(path.as_str())
                .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'));
            if holds || (under(path) && !still_listed(listing, path)) {
                return None;
            }
        }
        Some(listing)
    }

    /// Keeps `listing` as the last one of `folder`.
    pub fn keep(&mut self, folder: &'static str, listing: Listing) {
        self.0.insert(folder, listing);
    }
}

/// Whether `path` was listed as a readable file and is still a plain file
/// (not removed, not replaced by a folder or a link) at the same place.
fn still_listed(listing: &Listing, path: &str) -> bool {
    listing.files.iter().any(|(rel, reached)| {
        rel == path
            && reached
                .as_ref()
                .is_ok_and(|disk| std::fs::symlink_metadata(disk).is_ok_and(|m| m.is_file()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn listings(dir: &std::path::Path) -> Listings {
        let mut listings = Listings::default();
        listings.keep(
            "data/personnes",
            Listing {
                files: vec![(
                    "data/personnes/dupont-jean.yaml".into(),
                    Ok(dir.join("dupont-jean.yaml")),
                )],
                problems: Vec::new(),
            },
        );
        listings
    }

    fn changed(paths: &[&str]) -> HashSet<String> {
        paths.iter().map(|p| p.to_string()).collect()
    }

    #[test]
    fn an_edit_in_place_keeps_the_listing_and_anything_else_does_not() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        std::fs::write(dir.path().join("dupont-jean.yaml"), "nom: Dupont\n").expect("write");
        let reused = |paths: &[&str]| {
            listings(dir.path())
                .take("data/personnes", &changed(paths))
                .is_some()
        };
        assert!(reused(&["data/personnes/dupont-jean.yaml"]), "an edit");
        assert!(
            reused(&["data/sessions/s1.yaml", "carnet.yaml"]),
            "elsewhere"
        );
        assert!(!reused(&["data/personnes/martin-paul.yaml"]), "a new file");
        assert!(!reused(&["data/personnes"]), "the folder itself");
        assert!(!reused(&["data"]), "a parent");
        assert!(!reused(&["data/personnes/sous/x.yaml"]), "a subfolder");
        let mut none = listings(dir.path());
        assert!(none.take("data/sessions", &changed(&[])).is_none());
        std::fs::remove_file(dir.path().join("dupont-jean.yaml")).expect("remove");
        assert!(!reused(&["data/personnes/dupont-jean.yaml"]), "a deletion");
        std::fs::create_dir(dir.path().join("dupont-jean.yaml")).expect("a folder");
        assert!(
            !reused(&["data/personnes/dupont-jean.yaml"]),
            "now a folder"
        );
    }
}
