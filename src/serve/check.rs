//! The checking stages of a rebuild (load, model, contracts), each doing no
//! more than the change calls for: the load reads again only the changed
//! files ([`ParseCache`]), and the template and layout contracts, which
//! depend only on the kit's templates, form layouts and language, are
//! checked again only when one of those differs from the last check.

use super::timings::Timings;
use crate::diagnostic::{self, Diagnostic};
use crate::load::{self, Changed, LoadError, ParseCache};
use crate::model::Kit;
use chrono::NaiveDate;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::Path;

/// What the last rebuilds found, for the next one to reuse.
#[derive(Default)]
pub struct CheckCache {
    /// The records and pages parsed by the last load.
    parsed: ParseCache,
    /// Each person's checked record and mentorship, from the last model.
    model: crate::model::reuse::ModelCache,
    /// The contracts' problems, with the fingerprint of what they read.
    contracts: Option<(u64, Vec<Diagnostic>)>,
}

impl CheckCache {
    /// The files parsed by the last load, for the quick lane to read.
    pub fn parsed(&self) -> &ParseCache {
        &self.parsed
    }
}

/// [`crate::check`] for `carnet serve`: the kit at `root` and every
/// diagnostic, sorted, doing again only what `changed` files call for.
pub fn check(
    root: &Path,
    today: NaiveDate,
    cache: &mut CheckCache,
    changed: &Changed,
    timings: &mut Timings,
) -> Result<(Kit, Vec<Diagnostic>), LoadError> {
    let mut loaded = load::load_cached(root, &mut cache.parsed, changed)?;
    timings.stage("chargement");
    let layouts = std::mem::take(&mut loaded.layouts);
    let (kit, mut diagnostics) =
        crate::model::build_cached(loaded, &layouts, today, Some(&mut cache.model));
    timings.stage("modèle");
    let print = contracts_fingerprint(&kit);
    let contracts = match &cache.contracts {
        Some((known, found)) if *known == print => found.clone(),
        _ => {
            let found = crate::contracts(&kit);
            cache.contracts = Some((print, found.clone()));
            found
        }
    };
    diagnostics.extend(contracts);
    diagnostic::sort(&mut diagnostics, &kit.sources);
    timings.stage("contrats");
    Ok((kit, diagnostics))
}

/// What the contracts read, hashed: every file under templates/ (page
/// templates and form layouts, with their paths and whether they were
/// read) and the kit's language. Equal fingerprints, equal problems.
fn contracts_fingerprint(kit: &Kit) -> u64 {
    let mut hasher = DefaultHasher::new();
    std::mem::discriminant(&kit.config.langue).hash(&mut hasher);
    for (_, file) in kit.sources.iter() {
        if file.path.starts_with("templates/") {
            file.path.hash(&mut hasher);
            file.bytes().hash(&mut hasher);
        }
    }
    hasher.finish()
}
