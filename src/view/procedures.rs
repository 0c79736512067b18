//! The procedure reference as pages show it, in both profiles (procedures
//! are the organisation's documents, not personal data): the index by
//! famille, one page per procedure, per role (acteur), per catalogued
//! document, and the files of content/documents/ by folder. The types are
//! public and plain so that other outputs (the search index) can read them.

use super::markdown::to_html_below;
use super::{EvenementLien, urls};
use crate::labels::Lang;
use crate::model::Kit;
use crate::model::documents::{Catalogue, DocumentFile};
use crate::model::procedure::{Attente, Cite, Procedure, Reference};
use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::Serialize;

/// Every page of the reference.
#[derive(Debug, Default, Serialize)]
pub struct ReferenceView {
    /// The index (`procedures/index.html`).
    pub index: ProceduresIndex,
    /// One per procedure, by code.
    pub procedures: Vec<ProcedureView>,
    /// One per role, by name.
    pub acteurs: Vec<ActeurView>,
    /// One per catalogue entry, by code.
    pub documents: Vec<DocumentView>,
    /// The files of content/documents/, by folder (`documents/index.html`).
    pub dossiers: Vec<Dossier>,
    /// The files to publish as they are.
    #[serde(skip)]
    pub fichiers: Vec<Publie>,
}

/// A file of content/documents/ to publish.
#[derive(Debug)]
pub struct Publie {
    /// Output path.
    pub path: String,
    /// The kit file it is.
    pub file: crate::source::FileId,
    /// Its bytes.
    pub bytes: Vec<u8>,
}

/// The index: procedures by famille, the roles, the catalogue.
#[derive(Debug, Default, Serialize, JsonSchema)]
pub struct ProceduresIndex {
    /// Families, by name; procedures without one last.
    pub familles: Vec<Famille>,
    /// The roles, by name.
    pub acteurs: Vec<ActeurLigne>,
    /// The catalogue, by code.
    pub documents: Vec<DocumentLigne>,
}

/// A famille of the index.
#[derive(Debug, Serialize, JsonSchema)]
pub struct Famille {
    /// Its name (none: procedures without famille).
    pub nom: Option<String>,
    /// Its procedures, by code.
    pub procedures: Vec<ProcedureLigne>,
}

/// A procedure in a list.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct ProcedureLigne {
    /// Code.
    pub code: String,
    /// Title.
    pub titre: String,
    /// Its page.
    pub url: String,
    /// Purpose.
    pub finalite: Option<String>,
    /// Number of steps.
    pub etapes: usize,
}

/// A role in the index.
#[derive(Debug, Serialize, JsonSchema)]
pub struct ActeurLigne {
    /// Name.
    pub nom: String,
    /// Its page.
    pub url: String,
    /// Number of steps it performs.
    pub etapes: usize,
    /// Number of procedures it takes part in.
    pub procedures: usize,
}

/// A catalogue entry in a list.
#[derive(Debug, Serialize, JsonSchema)]
pub struct DocumentLigne {
    /// Code.
    pub code: String,
    /// Title.
    pub titre: String,
    /// Type code (`t.types_documents[code]` names it).
    pub type_document: String,
    /// Its page.
    pub url: String,
    /// Number of procedures using it.
    pub procedures: usize,
}

/// A procedure's page.
#[derive(Debug, Serialize, JsonSchema)]
pub struct ProcedureView {
    /// Code.
    pub code: String,
    /// Title.
    pub titre: String,
    /// Its page.
    pub url: String,
    /// Famille.
    pub famille: Option<String>,
    /// Purpose.
    pub finalite: Option<String>,
    /// Version.
    pub version: Option<String>,
    /// Last update.
    pub mis_a_jour: Option<NaiveDate>,
    /// Acteurs as written here, each linked to its role's page.
    pub acteurs: Vec<ActeurLien>,
    /// Numbered steps.
    pub etapes: Vec<EtapeView>,
    /// Reference documents (free text).
    pub documents_reference: Vec<String>,
    /// Tools.
    pub outils: Vec<CiteLien>,
    /// The Markdown body, sanitised.
    pub html: String,
    /// The events that followed it, by date.
    pub evenements: Vec<EvenementLien>,
    /// Its swimlane flowchart: an inline `<svg>`, made at build time.
    pub logigramme: String,
}

/// An acteur as a procedure writes it, and its role's page.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct ActeurLien {
    /// Name as written in the procedure.
    pub nom: String,
    /// The role's page.
    pub url: String,
}

/// A step of a procedure's page.
#[derive(Debug, Serialize, JsonSchema)]
pub struct EtapeView {
    /// Number.
    pub n: u32,
    /// Who does it (several: together).
    pub acteurs: Vec<ActeurLien>,
    /// What is done.
    pub action: String,
    /// Time marker.
    pub repere: Option<String>,
    /// Prerequisite.
    pub prerequis: Option<String>,
    /// Where it leads, when that is not simply the next step.
    pub suivants: Vec<SuivantView>,
    /// Whether the procedure ends here (before its last step).
    pub fin: bool,
    /// A join: what it waits for.
    pub attend: Option<Attente>,
    /// The steps leading to it, for a join.
    pub depuis: Vec<u32>,
    /// Documents used.
    pub documents: Vec<CiteLien>,
}

/// An arrow to another step.
#[derive(Debug, Serialize, JsonSchema)]
pub struct SuivantView {
    /// Step number.
    pub n: u32,
    /// Branch label.
    pub si: Option<String>,
}

/// A cited code: a document's or a procedure's page.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct CiteLien {
    /// Code.
    pub code: String,
    /// Title.
    pub titre: String,
    /// Its page.
    pub url: String,
}

/// A role's page: every step it performs, by procedure.
#[derive(Debug, Serialize, JsonSchema)]
pub struct ActeurView {
    /// Name.
    pub nom: String,
    /// Other spellings met in the procedures.
    pub variantes: Vec<String>,
    /// Its page.
    pub url: String,
    /// The procedures where it acts, by code.
    pub procedures: Vec<ActeurProcedure>,
}

/// The steps of one procedure performed by a role.
#[derive(Debug, Serialize, JsonSchema)]
pub struct ActeurProcedure {
    /// The procedure.
    pub procedure: ProcedureLigne,
    /// Its steps performed by the role.
    pub etapes: Vec<ActeurEtape>,
}

/// One step performed by a role.
#[derive(Debug, Serialize, JsonSchema)]
pub struct ActeurEtape {
    /// Number.
    pub n: u32,
    /// What is done.
    pub action: String,
    /// Time marker.
    pub repere: Option<String>,
    /// The other acteurs of a step done together.
    pub avec: Vec<String>,
    /// Anchor of the step on the procedure's page.
    pub url: String,
}

/// A catalogue entry's page.
#[derive(Debug, Serialize, JsonSchema)]
pub struct DocumentView {
    /// Code.
    pub code: String,
    /// Title.
    pub titre: String,
    /// Type code.
    pub type_document: String,
    /// Its page.
    pub url: String,
    /// The file to download, when the catalogue names one.
    pub fichier: Option<FichierView>,
    /// The procedures using it, by code.
    pub usages: Vec<DocumentUsage>,
}

/// A procedure using a document.
#[derive(Debug, Serialize, JsonSchema)]
pub struct DocumentUsage {
    /// The procedure.
    pub procedure: ProcedureLigne,
    /// The steps citing it.
    pub etapes: Vec<ActeurEtape>,
    /// Whether the procedure lists it among its tools.
    pub outil: bool,
}

/// A folder of content/documents/.
#[derive(Debug, Serialize, JsonSchema)]
pub struct Dossier {
    /// Its path under content/documents/ (empty: the top).
    pub nom: String,
    /// Its files, by name.
    pub fichiers: Vec<FichierView>,
}

/// A file to download.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct FichierView {
    /// File name.
    pub nom: String,
    /// Root-relative URL (percent-encoded).
    pub url: String,
    /// Size, in the site's language (« 2,4 Ko »).
    pub taille: String,
    /// Size in bytes.
    pub octets: u64,
    /// The catalogue entries that name it (on the list of files).
    pub documents: Vec<CiteLien>,
}

/// A size as a reader says it: « 812 octets », « 2,4 Ko », « 1,2 Mo ».
pub fn taille(bytes: u64, lang: Lang) -> String {
    let (b, k, m, sep) = match lang {
        Lang::Fr => ("octets", "Ko", "Mo", ","),
        Lang::En => ("bytes", "KB", "MB", "."),
    };
    let text = if bytes < 1024 {
        return format!("{bytes} {b}");
    } else if bytes < 1024 * 1024 {
        format!("{:.1} {k}", bytes as f64 / 1024.0)
    } else {
        format!("{:.1} {m}", bytes as f64 / (1024.0 * 1024.0))
    };
    text.replace('.', sep)
}

fn ligne(p: &Procedure) -> ProcedureLigne {
    ProcedureLigne {
        code: p.code.clone(),
        titre: p.titre.clone(),
        url: urls::procedure(&p.code),
        finalite: p.finalite.clone(),
        etapes: p.etapes.len(),
    }
}

fn fichier(f: &DocumentFile, lang: Lang) -> FichierView {
    FichierView {
        nom: f.path.rsplit('/').next().unwrap_or(&f.path).to_string(),
        url: urls::fichier_url(&f.path),
        taille: taille(f.size, lang),
        octets: f.size,
        documents: Vec::new(),
    }
}

fn cite(r: &Reference, code: &str) -> CiteLien {
    match r.cite(code) {
        Some(Cite::Procedure(i)) => CiteLien {
            code: code.to_string(),
            titre: r.procedures[i].titre.clone(),
            url: urls::procedure(code),
        },
        Some(Cite::Document(i)) => CiteLien {
            code: code.to_string(),
            titre: r.catalogue.documents[i].titre.clone(),
            url: urls::document(code),
        },
        // The model reported it; a valid kit never gets here.
        None => CiteLien {
            code: code.to_string(),
            titre: String::new(),
            url: urls::PROCEDURES.to_string(),
        },
    }
}

fn acteur_etape(r: &Reference, pi: usize, si: usize, role: Option<usize>) -> ActeurEtape {
    let p = &r.procedures[pi];
    let step = &p.etapes[si];
    ActeurEtape {
        n: step.n,
        action: step.action.clone(),
        repere: step.repere.clone(),
        avec: step
            .acteurs
            .iter()
            .filter(|&&a| Some(p.roles[a]) != role)
            .map(|&a| p.acteurs[a].clone())
            .collect(),
        url: format!("{}#etape-{}", urls::procedure(&p.code), step.n),
    }
}

fn procedure_view(kit: &Kit, p: &Procedure) -> ProcedureView {
    let r = &kit.reference;
    let lien = |a: usize| ActeurLien {
        nom: p.acteurs[a].clone(),
        url: urls::acteur(&r.acteurs[p.roles[a]].slug),
    };
    let count = p.etapes.len() as u32;
    let etapes = p
        .etapes
        .iter()
        .map(|e| {
            let plain =
                e.suivant.len() == 1 && e.suivant[0].n == e.n + 1 && e.suivant[0].si.is_none();
            EtapeView {
                n: e.n,
                acteurs: e.acteurs.iter().map(|&a| lien(a)).collect(),
                action: e.action.clone(),
                repere: e.repere.clone(),
                prerequis: e.prerequis.clone(),
                suivants: if plain {
                    Vec::new()
                } else {
                    e.suivant
                        .iter()
                        .map(|s| SuivantView {
                            n: s.n,
                            si: s.si.clone(),
                        })
                        .collect()
                },
                fin: e.suivant.is_empty() && e.n < count,
                attend: e.attend,
                depuis: if e.attend.is_some() {
                    p.etapes
                        .iter()
                        .filter(|o| o.suivant.iter().any(|s| s.n == e.n))
                        .map(|o| o.n)
                        .collect()
                } else {
                    Vec::new()
                },
                documents: e.documents.iter().map(|c| cite(r, c)).collect(),
            }
        })
        .collect();
    ProcedureView {
        code: p.code.clone(),
        titre: p.titre.clone(),
        url: urls::procedure(&p.code),
        famille: p.famille.clone(),
        finalite: p.finalite.clone(),
        version: p.version.clone(),
        mis_a_jour: p.mis_a_jour,
        acteurs: (0..p.acteurs.len()).map(lien).collect(),
        etapes,
        documents_reference: p.documents_reference.clone(),
        outils: p.outils.iter().map(|c| cite(r, c)).collect(),
        html: to_html_below(&p.body, 1),
        evenements: p
            .evenements
            .iter()
            .map(|&i| EvenementLien::of(&kit.evenements[i]))
            .collect(),
        logigramme: super::logigramme::svg(p, kit.config.langue),
    }
}

/// Groups `(procedure, step)` pairs by procedure, in order.
fn by_procedure(
    r: &Reference,
    steps: &[(usize, usize)],
    role: Option<usize>,
) -> Vec<ActeurProcedure> {
    let mut out: Vec<ActeurProcedure> = Vec::new();
    for &(pi, si) in steps {
        if out
            .last()
            .is_none_or(|last| last.procedure.code != r.procedures[pi].code)
        {
            out.push(ActeurProcedure {
                procedure: ligne(&r.procedures[pi]),
                etapes: Vec::new(),
            });
        }
        if let Some(last) = out.last_mut() {
            last.etapes.push(acteur_etape(r, pi, si, role));
        }
    }
    out
}

fn dossiers(catalogue: &Catalogue, lang: Lang) -> Vec<Dossier> {
    let mut out: Vec<Dossier> = Vec::new();
    // Files are sorted by path: a folder's files are together once sorted by folder.
    let mut files: Vec<&DocumentFile> = catalogue.files.iter().collect();
    files.sort_by(|a, b| (a.folder(), &a.path).cmp(&(b.folder(), &b.path)));
    for f in files {
        if out.last().is_none_or(|d| d.nom != f.folder()) {
            out.push(Dossier {
                nom: f.folder().to_string(),
                fichiers: Vec::new(),
            });
        }
        if let Some(last) = out.last_mut() {
            let mut view = fichier(f, lang);
            view.documents = catalogue
                .documents
                .iter()
                .filter(|d| d.fichier.is_some_and(|i| catalogue.files[i].path == f.path))
                .map(|d| CiteLien {
                    code: d.code.clone(),
                    titre: d.titre.clone(),
                    url: urls::document(&d.code),
                })
                .collect();
            last.fichiers.push(view);
        }
    }
    out
}

impl ReferenceView {
    /// The reference of `kit`.
    pub fn new(kit: &Kit) -> ReferenceView {
        let r = &kit.reference;
        let lang = kit.config.langue;
        let mut familles: Vec<Famille> = Vec::new();
        let mut sorted: Vec<&Procedure> = r.procedures.iter().collect();
        sorted.sort_by_key(|p| {
            (
                p.famille.is_none(),
                p.famille
                    .as_deref()
                    .map(crate::model::values::collation_key),
                p.code.clone(),
            )
        });
        for p in sorted {
            if familles.last().is_none_or(|f| f.nom != p.famille) {
                familles.push(Famille {
                    nom: p.famille.clone(),
                    procedures: Vec::new(),
                });
            }
            if let Some(f) = familles.last_mut() {
                f.procedures.push(ligne(p));
            }
        }
        let acteurs: Vec<ActeurView> = r
            .acteurs
            .iter()
            .enumerate()
            .map(|(i, a)| ActeurView {
                nom: a.nom.clone(),
                variantes: a.variantes.clone(),
                url: urls::acteur(&a.slug),
                procedures: by_procedure(r, &a.etapes, Some(i)),
            })
            .collect();
        let documents: Vec<DocumentView> = r
            .catalogue
            .documents
            .iter()
            .map(|d| {
                let mut usages: Vec<DocumentUsage> = Vec::new();
                for u in &d.usages {
                    let p = &r.procedures[u.procedure];
                    if usages.last().is_none_or(|l| l.procedure.code != p.code) {
                        usages.push(DocumentUsage {
                            procedure: ligne(p),
                            etapes: Vec::new(),
                            outil: false,
                        });
                    }
                    if let Some(last) = usages.last_mut() {
                        match u.etape {
                            Some(si) => last.etapes.push(acteur_etape(r, u.procedure, si, None)),
                            None => last.outil = true,
                        }
                    }
                }
                DocumentView {
                    code: d.code.clone(),
                    titre: d.titre.clone(),
                    type_document: d.type_document.clone(),
                    url: urls::document(&d.code),
                    fichier: d.fichier.map(|f| fichier(&r.catalogue.files[f], lang)),
                    usages,
                }
            })
            .collect();
        ReferenceView {
            index: ProceduresIndex {
                familles,
                acteurs: acteurs
                    .iter()
                    .map(|a| ActeurLigne {
                        nom: a.nom.clone(),
                        url: a.url.clone(),
                        etapes: a.procedures.iter().map(|p| p.etapes.len()).sum(),
                        procedures: a.procedures.len(),
                    })
                    .collect(),
                documents: documents
                    .iter()
                    .map(|d| DocumentLigne {
                        code: d.code.clone(),
                        titre: d.titre.clone(),
                        type_document: d.type_document.clone(),
                        url: d.url.clone(),
                        procedures: d.usages.len(),
                    })
                    .collect(),
            },
            procedures: r
                .procedures
                .iter()
                .map(|p| procedure_view(kit, p))
                .collect(),
            acteurs,
            documents,
            dossiers: dossiers(&r.catalogue, lang),
            fichiers: r
                .catalogue
                .files
                .iter()
                .map(|f| Publie {
                    path: urls::fichier(&f.path),
                    file: f.file,
                    bytes: kit.sources.get(f.file).bytes().unwrap_or_default().to_vec(),
                })
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_are_said_in_the_readers_language() {
        assert_eq!(taille(812, Lang::Fr), "812 octets");
        assert_eq!(taille(2458, Lang::Fr), "2,4 Ko");
        assert_eq!(taille(1_300_000, Lang::Fr), "1,2 Mo");
        assert_eq!(taille(2458, Lang::En), "2.4 KB");
    }
}
