//! What `carnet serve` keeps of one model build for the next: each person's
//! checked record and mentorship, with their diagnostics, and the warnings
//! of the checks that read only the person's record ([`Checked`]: remote
//! images in interview reports, names the forms cannot print). After one file is
//! saved, the other 9,999 people's records are the same `Arc` as last time
//! (the load's `ParseCache` hands them over untouched), so their results
//! are taken again instead of being checked again.
//!
//! A result is taken again only when everything it was made from is the
//! same: the record (the same `Arc`, kept here so that its address cannot be
//! reused by another record), its id and file, and
//! - for a person's own rules ([`People`]): the settings they read
//!   (carnet.yaml's extra `roles` and `annuaire_par_defaut`);
//! - for a mentorship ([`Links`]): the person's index, the build day, and the
//!   ids and roles of every person and the ids of the unreadable person
//!   files (what resolving a mentor's id reads). A mentorship with an error
//!   is checked again every time: its message may quote another person's
//!   name (« n'a pas le rôle parrain »), which this key does not hold.

use super::{Parrainage, PersonIdx, Personne};
use crate::diagnostic::{Diagnostic, Severity};
use crate::load::RawFile;
use crate::load::records::RawPersonne;
use crate::source::FileId;
use chrono::NaiveDate;
use std::collections::{HashMap, HashSet};
use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::Arc;

/// The results of the last model build, for the next one to reuse.
#[derive(Default)]
pub struct ModelCache {
    pub(super) people: People,
    pub(super) links: Links,
    /// The remote images of each person's interview reports.
    pub(super) reports: Checked,
    /// Each person's name characters the forms' font lacks.
    pub(super) printable: Checked,
}

/// One record's result, with the record it was made from.
pub(super) struct Kept<T> {
    record: Arc<RawPersonne>,
    id: String,
    result: T,
    found: Vec<Diagnostic>,
}

/// A table of results by file, valid for one key (what every result of it
/// read besides its own record).
pub(super) struct Table<K, T> {
    key: Option<K>,
    files: HashMap<FileId, Kept<T>>,
}

impl<K, T> Default for Table<K, T> {
    fn default() -> Self {
        Table {
            key: None,
            files: HashMap::new(),
        }
    }
}

/// Each person's own rules: the person (not linked yet) or nothing.
pub(super) type People = Table<(Vec<String>, bool), Option<Personne>>;

/// Each person's mentorship, by the key [`links_key`].
pub(super) type Links = Table<u64, Option<(PersonIdx, Parrainage)>>;

impl<K: PartialEq, T: Clone> Table<K, T> {
    /// Takes the results made under `key` out of the table: empty when the
    /// key differs from the last build's.
    pub(super) fn take(&mut self, key: &K) -> HashMap<FileId, Kept<T>> {
        let files = std::mem::take(&mut self.files);
        if self.key.as_ref() == Some(key) {
            files
        } else {
            HashMap::new()
        }
    }

    /// The result kept for `raw`, cloned, if it was made from the same record.
    pub(super) fn reuse(
        kept: &HashMap<FileId, Kept<T>>,
        raw: &RawFile<RawPersonne>,
    ) -> Option<(T, Vec<Diagnostic>)> {
        let old = kept.get(&raw.file)?;
        (Arc::ptr_eq(&old.record, &raw.record) && old.id == raw.id)
            .then(|| (old.result.clone(), old.found.clone()))
    }

    /// Keeps this build's results under `key`: the ones reused stay where
    /// they are in `kept` (no copy of the 10,000 unchanged), the new ones
    /// are cloned in; a result for which `keep` says no is not kept (it is
    /// made again next time), nor the result of a file no longer read.
    pub(super) fn store(
        &mut self,
        key: K,
        mut kept: HashMap<FileId, Kept<T>>,
        raws: &[RawFile<RawPersonne>],
        results: &[(T, Vec<Diagnostic>, bool)],
        keep: impl Fn(&T, &[Diagnostic]) -> bool,
    ) {
        let mut entries = 0;
        for (raw, (result, found, reused)) in raws.iter().zip(results) {
            if *reused {
                entries += 1;
            } else if keep(result, found) {
                entries += 1;
                let entry = Kept {
                    record: Arc::clone(&raw.record),
                    id: raw.id.clone(),
                    result: result.clone(),
                    found: found.clone(),
                };
                kept.insert(raw.file, entry);
            } else {
                kept.remove(&raw.file);
            }
        }
        // More entries than kept above: files no longer read (deleted,
        // renamed, unreadable now), whose results go.
        if kept.len() != entries {
            let read: HashSet<FileId> = raws.iter().map(|raw| raw.file).collect();
            kept.retain(|file, _| read.contains(file));
        }
        self.key = Some(key);
        self.files = kept;
    }

    /// How many files have a result kept.
    #[cfg(test)]
    pub(super) fn len(&self) -> usize {
        self.files.len()
    }
}

/// The problems a check finds in each person's record, reading nothing else.
pub(super) type Checked = Table<(), ()>;

/// Runs `check` on each person's record in parallel, taking the problems of
/// an unchanged record again from `cache`; the problems in file order.
pub(super) fn each_person(
    raws: &[RawFile<RawPersonne>],
    cache: Option<&mut Checked>,
    check: impl Fn(&RawFile<RawPersonne>) -> Vec<Diagnostic> + Sync,
) -> Vec<Diagnostic> {
    use rayon::prelude::*;
    let mut cache = cache;
    let kept = cache.as_mut().map(|c| c.take(&())).unwrap_or_default();
    let results: Vec<((), Vec<Diagnostic>, bool)> = raws
        .par_iter()
        .map(|raw| match Checked::reuse(&kept, raw) {
            Some(((), found)) => ((), found, true),
            None => ((), check(raw), false),
        })
        .collect();
    if let Some(cache) = cache {
        cache.store((), kept, raws, &results, |_, _| true);
    }
    results
        .into_iter()
        .flat_map(|(_, found, _)| found)
        .collect()
}

/// What a person's own rules read of carnet.yaml.
pub(super) fn people_key(config: &super::config::Config) -> (Vec<String>, bool) {
    (config.extra_roles.clone(), config.annuaire_par_defaut)
}

/// What resolving mentors reads besides the record: every person's id and
/// roles in order (their indices), the unreadable person files, the day.
pub(super) fn links_key(personnes: &[Personne], broken: &HashSet<String>, today: NaiveDate) -> u64 {
    let mut hasher = DefaultHasher::new();
    today.hash(&mut hasher);
    for person in personnes {
        person.id.hash(&mut hasher);
        person.roles.hash(&mut hasher);
    }
    let mut broken: Vec<&String> = broken.iter().collect();
    broken.sort();
    broken.hash(&mut hasher);
    hasher.finish()
}

/// Whether a mentorship's result may be kept: not when it has an error,
/// whose message may quote another person (see the module's note).
pub(super) fn link_keepable<T>(_: &T, found: &[Diagnostic]) -> bool {
    found.iter().all(|d| d.severity != Severity::Error)
}
