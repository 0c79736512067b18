//! `carnet schema`: a JSON Schema per record kind, derived from the very types
//! that load the records, for editors (VS Code YAML `yaml.schemas`).

use crate::load::config::RawConfig;
use crate::load::records::{RawClub, RawEvenement, RawOperateur, RawPersonne, RawSession};
use std::path::{Path, PathBuf};

/// (file name, the folder pattern it applies to, schema)
pub fn schemas() -> Vec<(&'static str, &'static str, serde_json::Value)> {
    let json = |s: schemars::Schema| s.to_value();
    vec![
        (
            "personne.schema.json",
            "data/personnes/*.yaml",
            json(schemars::schema_for!(RawPersonne)),
        ),
        (
            "session.schema.json",
            "data/sessions/*.yaml",
            json(schemars::schema_for!(RawSession)),
        ),
        (
            "club.schema.json",
            "data/clubs/*.yaml",
            json(schemars::schema_for!(RawClub)),
        ),
        (
            "evenement.schema.json",
            "data/evenements/*.yaml",
            json(schemars::schema_for!(RawEvenement)),
        ),
        (
            "operateur.schema.json",
            "data/operateurs/*.yaml",
            json(schemars::schema_for!(RawOperateur)),
        ),
        (
            "documents.schema.json",
            "data/documents.yaml",
            json(schemars::schema_for!(
                Vec<crate::load::documents::RawDocument>
            )),
        ),
        (
            "carnet.schema.json",
            "carnet.yaml",
            json(schemars::schema_for!(RawConfig)),
        ),
    ]
}

/// Writes every schema into `dir`; returns the paths written.
pub fn write(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    std::fs::create_dir_all(dir)?;
    schemas()
        .into_iter()
        .map(|(name, _, schema)| {
            let path = dir.join(name);
            let text = serde_json::to_string_pretty(&schema).map_err(std::io::Error::other)?;
            std::fs::write(&path, text + "\n")?;
            Ok(path)
        })
        .collect()
}
