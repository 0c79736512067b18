//! `carnet serve`'s [`ParseCache`]: after a save, the files not changed are
//! the same text and record as before (shared, not read or copied again),
//! and a changed, deleted or re-created file is read as it now is.

use super::{Changed, Loaded, ParseCache, load_cached};
use crate::source::FileId;
use std::collections::HashSet;
use std::path::Path;

const DUPONT: &str = "data/personnes/dupont-jean.yaml";
const MARTIN: &str = "data/personnes/martin-paul.yaml";

fn write(root: &Path, rel: &str, text: &str) {
    let path = root.join(rel);
    std::fs::create_dir_all(path.parent().expect("a parent folder")).expect("create the folder");
    std::fs::write(path, text).expect("write the file");
}

/// The `nom` of every person loaded, by id.
fn names(loaded: &Loaded) -> Vec<(String, String)> {
    loaded
        .personnes
        .iter()
        .map(|p| {
            let nom = p.record.nom.as_ref().map(|n| n.text().to_string());
            (p.id.clone(), nom.unwrap_or_default())
        })
        .collect()
}

fn only(paths: &[&str]) -> HashSet<String> {
    paths.iter().map(|p| p.to_string()).collect()
}

#[test]
fn a_save_reads_again_only_the_changed_file_and_shares_the_others() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let root = dir.path();
    write(root, "carnet.yaml", "titre: \"Club test\"\n");
    write(
        root,
        DUPONT,
        "civilite: \"M.\"\nnom: \"Dupont\"\nprenom: \"Jean\"\n",
    );
    write(
        root,
        MARTIN,
        "civilite: \"M.\"\nnom: \"Martin\"\nprenom: \"Paul\"\n",
    );
    let mut cache = ParseCache::default();
    let first = load_cached(root, &mut cache, &Changed::All).expect("first load");

    write(
        root,
        DUPONT,
        "civilite: \"M.\"\nnom: \"Durand\"\nprenom: \"Jean\"\n",
    );
    let changed = only(&[DUPONT]);
    let second = load_cached(root, &mut cache, &Changed::Only(&changed)).expect("second load");
    assert_eq!(
        names(&second),
        [
            ("dupont-jean".to_string(), "Durand".to_string()),
            ("martin-paul".to_string(), "Martin".to_string()),
        ]
    );
    let martin = FileId::of(MARTIN);
    assert!(
        std::ptr::eq(first.sources.get(martin), second.sources.get(martin)),
        "the unchanged file's text is shared, not copied"
    );
    assert!(std::sync::Arc::ptr_eq(
        &first.personnes[1].record,
        &second.personnes[1].record
    ));
    assert!(!std::sync::Arc::ptr_eq(
        &first.personnes[0].record,
        &second.personnes[0].record
    ));
    assert_eq!(
        second.sources.get(FileId::of(DUPONT)).text.lines().nth(1),
        Some("nom: \"Durand\"")
    );

    std::fs::remove_file(root.join(MARTIN)).expect("delete");
    let changed = only(&[MARTIN]);
    let third = load_cached(root, &mut cache, &Changed::Only(&changed)).expect("third load");
    assert_eq!(
        names(&third),
        [("dupont-jean".to_string(), "Durand".to_string())]
    );
    assert_eq!(
        cache.files.len(),
        2,
        "carnet.yaml and dupont-jean.yaml, no more"
    );

    write(
        root,
        MARTIN,
        "civilite: \"Mme\"\nnom: \"Martinez\"\nprenom: \"Paula\"\n",
    );
    let fourth = load_cached(root, &mut cache, &Changed::Only(&changed)).expect("fourth load");
    assert_eq!(
        names(&fourth),
        [
            ("dupont-jean".to_string(), "Durand".to_string()),
            ("martin-paul".to_string(), "Martinez".to_string()),
        ]
    );
}
