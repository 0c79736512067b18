//! The documents of the procedure reference: the catalogue data/documents.yaml
//! (models, guides, tools… each with a code), typed with spans, and the files
//! under content/documents/, read as they are to be published (by folder).

use super::Loaded;
use super::kit_dir::{KitDir, Problem};
use super::records::Text;
use super::walk::{self, Rule};
use crate::diagnostic::msg;
use crate::source::FileId;
use schemars::JsonSchema;
use serde::Deserialize;

/// The catalogue's kit path.
pub const CATALOGUE: &str = "data/documents.yaml";

/// The folder of the files offered for download.
pub const FOLDER: &str = "content/documents";

/// One entry of data/documents.yaml.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawDocument {
    /// Code (M30, G02, T01…), cité par les étapes des procédures
    #[schemars(required)]
    pub code: Option<Text>,
    /// Titre
    #[schemars(required)]
    pub titre: Option<Text>,
    /// Type de document
    #[schemars(extend("enum" = ["modele", "guide", "base_de_donnees", "outil", "affiche", "depliant", "ressource", "procedure"]))]
    pub r#type: Option<Text>,
    /// Fichier à télécharger, chemin sous content/documents/ (ex. parrainage/charte.pdf)
    pub fichier: Option<Text>,
}

/// content/documents/: every file, in subfolders (one per category).
const FILES: Rule = Rule {
    extensions: &[],
    subfolders: true,
    elsewhere: &[],
    expected: "",
    expected_en: "",
};

/// Reads every file under content/documents/ into the sources, as bytes.
/// A link that leads to the records of data/ is refused: they are never published.
pub(super) fn load_files(kit: &KitDir, loaded: &mut Loaded) {
    let mut files = Vec::new();
    let mut problems = Vec::new();
    walk::walk(kit, FOLDER, &FILES, &mut files, &mut problems);
    for (path, reached) in files {
        let reached = match reached {
            Ok(disk) if kit.lies_in(&disk, "data") => Err(Problem::error(
                &path,
                msg(
                    format!("« {path} » mène aux fiches de data/ : elles ne sont jamais publiées"),
                    format!("« {path} » leads to the records of data/: they are never published"),
                ),
                msg(
                    "des fichiers à télécharger (modèles, guides, affiches…)",
                    "files to download (templates, guides, posters…)",
                ),
            )),
            other => other,
        };
        if let Some(file) = loaded.add_binary(kit, &path, &reached) {
            loaded.document_files.push(file);
        }
    }
    for problem in problems {
        loaded.report(kit, problem);
    }
}

/// The kit path of a file named by the catalogue (`fichier: a/b.pdf`).
pub fn file_path(fichier: &str) -> String {
    format!("{FOLDER}/{fichier}")
}

/// The id of the file a catalogue entry names.
pub fn file_id(fichier: &str) -> FileId {
    FileId::of(&file_path(fichier))
}
