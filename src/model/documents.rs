//! The catalogue of documents (data/documents.yaml) checked, the files of
//! content/documents/, and which procedures and steps use each document.

use super::procedure::{Reference, valid_code};
use super::values::Checker;
use crate::diagnostic::{Diagnostic, msg};
use crate::load::Loaded;
use crate::load::documents::{FOLDER, file_path};
use crate::source::{FileId, Span};
use std::collections::HashMap;

/// The types a catalogue entry may have.
pub const TYPES: [&str; 8] = [
    "modele",
    "guide",
    "base_de_donnees",
    "outil",
    "affiche",
    "depliant",
    "ressource",
    "procedure",
];

/// The catalogue and the files to download.
#[derive(Clone, Debug, Default)]
pub struct Catalogue {
    /// Entries, by code.
    pub documents: Vec<Document>,
    /// Files under content/documents/, by path.
    pub files: Vec<DocumentFile>,
}

/// A catalogue entry.
#[derive(Clone, Debug)]
pub struct Document {
    /// Code (`M30`).
    pub code: String,
    /// Title.
    pub titre: String,
    /// Type (one of [`TYPES`]).
    pub type_document: String,
    /// Index in [`Catalogue::files`] of the file it names, if any.
    pub fichier: Option<usize>,
    /// Derived: who uses it, by procedure then step.
    pub usages: Vec<Usage>,
}

/// A use of a document by a procedure: at a step, or among its tools.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Usage {
    /// Index in [`Reference::procedures`].
    pub procedure: usize,
    /// Index of the step, or `None` for the procedure's `outils`.
    pub etape: Option<usize>,
}

/// A file under content/documents/.
#[derive(Clone, Debug)]
pub struct DocumentFile {
    /// Path under content/documents/ (`parrainage/charte.md`).
    pub path: String,
    /// The file read.
    pub file: FileId,
    /// Size in bytes.
    pub size: u64,
}

impl DocumentFile {
    /// Its folder under content/documents/ (empty at the top).
    pub fn folder(&self) -> &str {
        self.path.rsplit_once('/').map_or("", |(folder, _)| folder)
    }
}

impl Catalogue {
    /// The index of the entry of this code.
    pub fn position(&self, code: &str) -> Option<usize> {
        self.documents
            .binary_search_by(|d| d.code.as_str().cmp(code))
            .ok()
    }
}

/// Checks data/documents.yaml and lists content/documents/.
pub(super) fn build(loaded: &Loaded, diagnostics: &mut Vec<Diagnostic>) -> Catalogue {
    let prefix = format!("{FOLDER}/");
    let mut files: Vec<DocumentFile> = loaded
        .document_files
        .iter()
        .filter_map(|&file| {
            let source = loaded.sources.get(file);
            Some(DocumentFile {
                path: source.path.strip_prefix(&prefix)?.to_string(),
                file,
                size: source.bytes().map_or(0, |b| b.len() as u64),
            })
        })
        .collect();
    files.sort_by(|a, b| a.path.cmp(&b.path));
    let mut catalogue = Catalogue {
        documents: Vec::new(),
        files,
    };
    let Some(raw) = &loaded.documents else {
        return catalogue;
    };
    let mut c = Checker {
        file: raw.file,
        diagnostics,
    };
    let mut codes: HashMap<String, Span> = HashMap::new();
    let mut titles: HashMap<String, (String, Span)> = HashMap::new();
    for entry in raw.record.iter() {
        let siblings = [&entry.code, &entry.titre, &entry.r#type, &entry.fichier];
        let start = c.entry_span(&siblings);
        let code = match &entry.code {
            None => {
                c.missing_at(
                    start,
                    "code",
                    msg(
                        "le code du document, par exemple M30",
                        "the document's code, for example M30",
                    ),
                );
                None
            }
            Some(t) => {
                let code = c.required(
                    &entry.code,
                    "code",
                    msg(
                        "le code du document, par exemple M30",
                        "the document's code, for example M30",
                    ),
                );
                match code {
                    Some(code) if !valid_code(&code) => {
                        c.error(t, msg(
                                format!("le code « {code} » ne peut pas servir d'adresse de page"),
                                format!("the code « {code} » cannot serve as a page address"),
                            ), msg(
                                "des lettres sans accents, des chiffres, - ou _ (mais pas « index »), par exemple M30",
                                "letters without accents, digits, - or _ (but not « index »), for example M30",
                            ));
                        None
                    }
                    Some(code) if codes.contains_key(&code) => {
                        let span = c.span(t);
                        c.diagnostics.push(
                            Diagnostic::error(
                                span,
                                format!("le code de document « {code} » est déjà pris"),
                            )
                            .en(format!("the document code « {code} » is already taken"))
                            .expected("un code par document")
                            .expected_en("one code per document")
                            .also_at(codes[&code], "premier document de ce code")
                            .also_en("first document with this code"),
                        );
                        None
                    }
                    Some(code) => {
                        codes.insert(code.clone(), c.span(t));
                        Some(code)
                    }
                    None => None,
                }
            }
        };
        let titre = match &entry.titre {
            None => {
                c.missing_at(
                    start,
                    "titre",
                    msg("le titre du document", "the document's title"),
                );
                None
            }
            Some(_) => c.required(
                &entry.titre,
                "titre",
                msg("le titre du document", "the document's title"),
            ),
        };
        let type_document = match &entry.r#type {
            None => {
                c.missing_at(start, "type", msg(TYPES.join(", "), TYPES.join(", ")));
                None
            }
            Some(t) if TYPES.contains(&t.text()) => Some(t.text().to_string()),
            Some(t) => {
                c.error(
                    t,
                    msg(
                        format!("type de document inconnu « {} »", t.text()),
                        format!("unknown document type « {} »", t.text()),
                    ),
                    msg(TYPES.join(", "), TYPES.join(", ")),
                );
                None
            }
        };
        let fichier = entry.fichier.as_ref().and_then(|f| {
            let found = catalogue.files.iter().position(|d| d.path == f.text());
            if found.is_none() {
                let listed: Vec<&str> = catalogue.files.iter().map(|d| d.path.as_str()).collect();
                let close = crate::suggest::closest(f.text(), listed.iter().copied());
                let hint = close
                    .map(|s| format!(" (vouliez-vous dire « {s} » ?)"))
                    .unwrap_or_default();
                let hint_en = close
                    .map(|s| format!(" (did you mean « {s} »?)"))
                    .unwrap_or_default();
                c.error(
                    f,
                    msg(
                        format!("le fichier « {} » n'existe pas{hint}", file_path(f.text())),
                        format!(
                            "the file « {} » does not exist{hint_en}",
                            file_path(f.text())
                        ),
                    ),
                    msg(
                        format!("un chemin sous {FOLDER}/, par exemple parrainage/charte.pdf"),
                        format!("a path under {FOLDER}/, for example parrainage/charte.pdf"),
                    ),
                );
            }
            found
        });
        if let (Some(code), Some(titre)) = (&code, &titre) {
            let key = super::values::collation_key(titre);
            let span = entry.titre.as_ref().map_or(start, |t| c.span(t));
            match titles.get(&key) {
                Some((first, at)) => c.diagnostics.push(
                    Diagnostic::warning(
                        span,
                        format!("le titre « {titre} » est aussi celui du document {first}"),
                    )
                    .en(format!(
                        "the title « {titre} » is also that of document {first}"
                    ))
                    .expected(
                        "un titre par document : un même document sous deux codes est à fusionner",
                    )
                    .expected_en(
                        "one title per document: one document under two codes should be merged",
                    )
                    .also_at(*at, "même titre")
                    .also_en("same title"),
                ),
                None => {
                    titles.insert(key, (code.clone(), span));
                }
            }
        }
        if let (Some(code), Some(titre), Some(type_document)) = (code, titre, type_document) {
            catalogue.documents.push(Document {
                code,
                titre,
                type_document,
                fichier,
                usages: Vec::new(),
            });
        }
    }
    catalogue.documents.sort_by(|a, b| a.code.cmp(&b.code));
    catalogue
}

/// Each document's uses: the steps citing it, then the procedures listing it among their tools.
pub(super) fn derive_uses(reference: &mut Reference) {
    let mut usages: Vec<(usize, Usage)> = Vec::new();
    for (pi, p) in reference.procedures.iter().enumerate() {
        for (si, step) in p.etapes.iter().enumerate() {
            for code in &step.documents {
                if let Some(d) = reference.catalogue.position(code) {
                    usages.push((
                        d,
                        Usage {
                            procedure: pi,
                            etape: Some(si),
                        },
                    ));
                }
            }
        }
        for code in &p.outils {
            if let Some(d) = reference.catalogue.position(code) {
                usages.push((
                    d,
                    Usage {
                        procedure: pi,
                        etape: None,
                    },
                ));
            }
        }
    }
    for (d, usage) in usages {
        let list = &mut reference.catalogue.documents[d].usages;
        if !list.contains(&usage) {
            list.push(usage);
        }
    }
}
