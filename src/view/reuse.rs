//! What `carnet serve` may take as is from the view of its last good build.
//!
//! A part of the view (a fiche, a form's data) is made from the files named
//! by its inputs ([`super::inputs`]) and from what is the same for the whole
//! site: carnet.yaml (language, organisation, titles), the build day, the
//! profile. When none of these changed, and no changed file is among the
//! part's inputs of the last build or of this one, the part made then is
//! the part this build would make: it is shared (`Arc`), not made again.
//! The same rule as serve's re-rendering of outputs: inputs may name more
//! files than a part reads, never fewer. `carnet build` has no previous view
//! and makes every part.

use super::{PersonView, Profile, View};
use crate::model::Kit;
use crate::source::FileId;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

/// The previous view, and the kit files changed since it was made.
pub struct Previous<'a> {
    /// The view of the last good build.
    pub view: &'a View,
    /// The files changed since.
    changed: HashSet<FileId>,
    /// Its fiches, by person id.
    fiches: HashMap<&'a str, &'a Arc<PersonView>>,
}

impl<'a> Previous<'a> {
    /// The parts of `view` that may be taken for `kit` after the kit files
    /// at `changed` (kit paths, with `/`) changed; `None` when something
    /// every part reads changed (carnet.yaml, the day, the profile).
    pub fn new<'c>(
        view: &'a View,
        kit: &Kit,
        profile: Profile,
        changed: impl IntoIterator<Item = &'c str>,
    ) -> Option<Previous<'a>> {
        let changed: HashSet<FileId> = changed.into_iter().map(FileId::of).collect();
        let global = changed.contains(&FileId::of("carnet.yaml"))
            || view.site.profile != profile
            || view.site.today != kit.today;
        if global {
            return None;
        }
        let fiches = view.personnes.iter().map(|p| (p.id.as_str(), p)).collect();
        Some(Previous {
            view,
            changed,
            fiches,
        })
    }

    /// Whether one of `inputs` changed.
    pub fn touches(&self, inputs: &[FileId]) -> bool {
        inputs.iter().any(|f| self.changed.contains(f))
    }

    /// The fiche of person `id` made by the last build, when neither its
    /// inputs then (`file`, the person's file, among them) nor `inputs`,
    /// those of this build, changed.
    pub fn fiche(&self, id: &str, file: FileId, inputs: &[FileId]) -> Option<Arc<PersonView>> {
        let old = self.fiches.get(id)?;
        let same_file = old.inputs.binary_search(&file).is_ok();
        (same_file && !self.touches(inputs) && !self.touches(&old.inputs)).then(|| Arc::clone(old))
    }
}
