//! Which kit a command works on: the folder holding carnet.yaml, looked for
//! in the given folder and then its parents (as cargo looks for Cargo.toml),
//! so that `carnet check` works from data/personnes/.

use std::path::{Path, PathBuf};

/// The kit folder containing `start` (itself or its nearest parent with a
/// carnet.yaml), or a sentence saying there is none.
pub fn find(start: &Path) -> Result<PathBuf, String> {
    let real = std::fs::canonicalize(start)
        .map_err(|e| format!("impossible de lire le dossier {} : {e}", start.display()))?;
    if !real.is_dir() {
        return Err(format!("{} n'est pas un dossier", start.display()));
    }
    real
        .ancestors()
        .find(|dir| dir.join("carnet.yaml").exists())
        .map(Path::to_path_buf)
        .ok_or_else(|| {
            format!(
                "aucun kit carnet ici : ni {} ni ses dossiers parents ne contiennent de carnet.yaml. \
                 Placez-vous dans le dossier du kit, donnez-le en argument, \
                 ou créez-en un avec « carnet init »",
                start.display()
            )
        })
}

#[cfg(test)]
mod tests {
    use super::find;

    #[test]
    fn the_kit_is_found_from_a_subfolder_and_missing_kits_are_named() {
        let dir = tempfile::tempdir().expect("temp dir");
        let kit = dir.path().join("kit");
        std::fs::create_dir_all(kit.join("data/personnes")).expect("mkdir");
        std::fs::write(kit.join("carnet.yaml"), "titre: x\n").expect("write");
        let found = find(&kit.join("data/personnes")).expect("found from a subfolder");
        assert_eq!(
            std::fs::canonicalize(found).expect("canonical"),
            std::fs::canonicalize(&kit).expect("canonical")
        );
        let error = find(dir.path()).expect_err("no kit above the temp folder");
        assert!(error.contains("aucun kit carnet"), "{error}");
    }
}
