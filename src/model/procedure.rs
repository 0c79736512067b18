//! The procedure reference (SPEC §3): procedures checked and linked, acteurs
//! merged into roles across procedures, and what is derived once for the
//! pages: the steps each role performs, the procedures and steps using each
//! document, the events that followed each procedure.

use super::Evenement;
use super::acteurs;
use super::documents::{self, Catalogue};
use super::values::{Checker, opt_text};
use crate::diagnostic::{Diagnostic, msg};
use crate::load::Loaded;
use crate::load::RawFile;
use crate::load::procedures::{RawActeurs, RawEtape, RawProcedure, RawSuivant};
use crate::load::records::Text;
use crate::source::{FileId, Span};
use chrono::NaiveDate;
use std::collections::{BTreeMap, HashMap};

/// The whole reference: procedures, catalogue, roles, files to download.
#[derive(Clone, Debug, Default)]
pub struct Reference {
    /// Procedures, by code.
    pub procedures: Vec<Procedure>,
    /// The catalogue of documents and the files of content/documents/.
    pub catalogue: Catalogue,
    /// The roles, merged across procedures, by name.
    pub acteurs: Vec<Acteur>,
}

/// A procedure, checked.
#[derive(Clone, Debug)]
pub struct Procedure {
    /// Code (`P01`).
    pub code: String,
    /// File read.
    pub file: FileId,
    /// Title.
    pub titre: String,
    /// Family (index heading).
    pub famille: Option<String>,
    /// Purpose.
    pub finalite: Option<String>,
    /// Version.
    pub version: Option<String>,
    /// Last update.
    pub mis_a_jour: Option<NaiveDate>,
    /// Acteurs as written in this procedure (its flowchart's lanes).
    pub acteurs: Vec<String>,
    /// The role of each acteur: an index in [`Reference::acteurs`].
    pub roles: Vec<usize>,
    /// Steps, numbered 1..n.
    pub etapes: Vec<Etape>,
    /// Reference documents (free text).
    pub documents_reference: Vec<String>,
    /// Tools: codes of the catalogue or of procedures.
    pub outils: Vec<String>,
    /// Markdown body.
    pub body: String,
    /// Derived: the events that followed it (indices in [`super::Kit::evenements`]).
    pub evenements: Vec<usize>,
}

/// One step.
#[derive(Clone, Debug)]
pub struct Etape {
    /// Number, from 1.
    pub n: u32,
    /// Who does it: indices in [`Procedure::acteurs`] (several: done together).
    pub acteurs: Vec<usize>,
    /// What is done.
    pub action: String,
    /// Time marker (« J-15 »).
    pub repere: Option<String>,
    /// Prerequisite.
    pub prerequis: Option<String>,
    /// Where it leads (the next step by default; empty: the end).
    pub suivant: Vec<Suivant>,
    /// A join: what it waits for among the steps leading to it.
    pub attend: Option<Attente>,
    /// Codes of the documents used.
    pub documents: Vec<String>,
}

/// An arrow to another step.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Suivant {
    /// Number of the step it leads to.
    pub n: u32,
    /// Branch label (« dossier complet »).
    pub si: Option<String>,
}

/// What a join waits for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Attente {
    /// Every incoming step.
    Toutes,
    /// Any one of them.
    Une,
}

/// A role, merged across procedures.
#[derive(Clone, Debug)]
pub struct Acteur {
    /// Name shown (the alias's, else the first as written, by procedure code).
    pub nom: String,
    /// Every other way it is written.
    pub variantes: Vec<String>,
    /// Address part, unique.
    pub slug: String,
    /// Derived: every step it performs, as (procedure, step) indices, in order.
    pub etapes: Vec<(usize, usize)>,
}

/// What a step or a procedure's tools may cite: a catalogue entry or a procedure.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cite {
    /// An entry of [`Catalogue::documents`].
    Document(usize),
    /// A procedure of [`Reference::procedures`].
    Procedure(usize),
}

impl Reference {
    /// What `code` names: a procedure first, else a catalogue entry.
    pub fn cite(&self, code: &str) -> Option<Cite> {
        self.procedures
            .iter()
            .position(|p| p.code == code)
            .map(Cite::Procedure)
            .or_else(|| self.catalogue.position(code).map(Cite::Document))
    }
}

/// The accepted values of `attend`.
const ATTENTES: &str = "toutes (toutes les étapes qui y mènent) ou une (l'une d'elles suffit)";
const ATTENTES_EN: &str = "toutes (every step leading to it) or une (any one of them)";

/// Whether a code can name a page: letters, digits, `-`, `_`.
pub(super) fn valid_code(code: &str) -> bool {
    !code.is_empty()
        && code
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        // `index` is the name of the lists' own pages.
        && !code.eq_ignore_ascii_case("index")
}

/// Checks the procedures, the catalogue and the events' `procedure`, merges
/// the roles and derives what the pages show.
pub(super) fn build(
    loaded: &Loaded,
    evenements: &[Evenement],
    diagnostics: &mut Vec<Diagnostic>,
) -> Reference {
    let catalogue = documents::build(loaded, diagnostics);
    let mut procedures: Vec<(Procedure, &RawFile<RawProcedure>)> = Vec::new();
    let mut seen: HashMap<String, Span> = HashMap::new();
    for raw in &loaded.procedures {
        let mut c = Checker {
            file: raw.file,
            diagnostics,
        };
        let Some(code) = code_of(raw, &mut c) else {
            continue;
        };
        let span = raw
            .record
            .front
            .code
            .as_ref()
            .map_or(Span::file_start(raw.file), |t| c.span(t));
        if let Some(first) = seen.get(&code) {
            c.diagnostics.push(
                Diagnostic::error(
                    span,
                    format!("le code de procédure « {code} » est déjà pris"),
                )
                .en(format!("the procedure code « {code} » is already taken"))
                .expected("un code par procédure")
                .expected_en("one code per procedure")
                .also_at(*first, "première procédure de ce code")
                .also_en("first procedure with this code"),
            );
            continue;
        }
        seen.insert(code.clone(), span);
        if let Some(p) = build_one(raw, code, &mut c) {
            procedures.push((p, raw));
        }
    }
    procedures.sort_by(|a, b| a.0.code.cmp(&b.0.code));
    let codes: Vec<&str> = procedures.iter().map(|(p, _)| p.code.as_str()).collect();
    for (p, raw) in &procedures {
        let mut c = Checker {
            file: p.file,
            diagnostics,
        };
        check_citations(raw, &p.code, &codes, &catalogue, &mut c);
    }
    check_evenements(loaded, &codes, diagnostics);
    let mut procedures: Vec<Procedure> = procedures.into_iter().map(|(p, _)| p).collect();
    let aliases = aliases(loaded);
    let acteurs = merge_roles(&mut procedures, &aliases);
    let mut reference = Reference {
        procedures,
        catalogue,
        acteurs,
    };
    for (i, e) in evenements.iter().enumerate() {
        if let Some(p) = e
            .procedure
            .as_deref()
            .and_then(|c| reference.procedures.iter_mut().find(|p| p.code == c))
        {
            p.evenements.push(i);
        }
    }
    documents::derive_uses(&mut reference);
    reference
}

/// The procedure's code: `code`, else the file's name; checked.
fn code_of(raw: &RawFile<RawProcedure>, c: &mut Checker) -> Option<String> {
    let code = match &raw.record.front.code {
        Some(t) => c
            .required(
                &raw.record.front.code,
                "code",
                msg(
                    "le code de la procédure, par exemple P01",
                    "the procedure's code, for example P01",
                ),
            )
            .map(|_| t.text().to_string())?,
        None => raw.id.clone(),
    };
    if valid_code(&code) {
        return Some(code);
    }
    let message = msg(
        format!("le code de procédure « {code} » ne peut pas servir d'adresse de page"),
        format!("the procedure code « {code} » cannot serve as a page address"),
    );
    let expected = msg(
        "des lettres sans accents, des chiffres, - ou _ (mais pas « index »), par exemple P01",
        "letters without accents, digits, - or _ (but not « index »), for example P01",
    );
    match &raw.record.front.code {
        Some(t) => c.error(t, message, expected),
        None => c
            .diagnostics
            .push(Diagnostic::error_msg(Span::file_start(c.file), message).expected_msg(expected)),
    }
    None
}

fn build_one(raw: &RawFile<RawProcedure>, code: String, c: &mut Checker) -> Option<Procedure> {
    let f = &raw.record.front;
    let titre = c.required(
        &f.titre,
        "titre",
        msg("le titre de la procédure", "the procedure's title"),
    );
    let mis_a_jour = f.mis_a_jour.as_ref().and_then(|d| c.date(d));
    let declared: Vec<&Text> = f.acteurs.iter().flatten().collect();
    let keys: Vec<String> = declared.iter().map(|a| acteurs::key(a.text())).collect();
    for (i, a) in declared.iter().enumerate() {
        if a.text().is_empty() {
            c.empty(
                a,
                "acteurs",
                msg("le nom d'un acteur", "the name of an acteur"),
            );
        } else if keys[..i].contains(&keys[i]) {
            c.error(
                a,
                msg(
                    format!("l'acteur « {} » est déjà déclaré", a.text()),
                    format!("the acteur « {} » is already declared", a.text()),
                ),
                msg(
                    "chaque acteur une fois dans acteurs",
                    "each acteur once in acteurs",
                ),
            );
        }
    }
    let raw_steps = f.etapes.as_deref().unwrap_or_default();
    if raw_steps.is_empty() {
        c.missing(
            "etapes",
            msg(
                "la liste des étapes : - n: 1, acteur: …, action: …",
                "the list of steps: - n: 1, acteur: …, action: …",
            ),
        );
    }
    let count = raw_steps.len() as u32;
    let etapes: Vec<Etape> = raw_steps
        .iter()
        .enumerate()
        .map(|(i, step)| build_step(step, i as u32 + 1, count, &declared, &keys, c))
        .collect();
    check_arrivals(raw_steps, &etapes, c);
    Some(Procedure {
        code,
        file: raw.file,
        titre: titre?,
        famille: opt_text(&f.famille),
        finalite: opt_text(&f.finalite),
        version: opt_text(&f.version),
        mis_a_jour,
        acteurs: declared.iter().map(|a| a.text().to_string()).collect(),
        roles: Vec::new(),
        etapes,
        documents_reference: f
            .documents_reference
            .iter()
            .flatten()
            .map(|t| t.text().to_string())
            .collect(),
        outils: f
            .outils
            .iter()
            .flatten()
            .map(|t| t.text().to_string())
            .collect(),
        body: raw.record.body.clone(),
        evenements: Vec::new(),
    })
}

/// One step at `position` (from 1) of `count`.
fn build_step(
    step: &RawEtape,
    position: u32,
    count: u32,
    declared: &[&Text],
    keys: &[String],
    c: &mut Checker,
) -> Etape {
    let siblings = [&step.action, &step.repere, &step.prerequis, &step.attend];
    let start = step
        .n
        .as_ref()
        .map(|n| Span::new(c.file, n.range.clone()))
        .unwrap_or_else(|| c.entry_span(&siblings));
    if let Some(n) = &step.n
        && n.value != position
    {
        c.diagnostics.push(
            Diagnostic::error(
                Span::new(c.file, n.range.clone()),
                format!("étape numérotée {} à la place {position}", n.value),
            )
            .en(format!("step numbered {} in place {position}", n.value))
            .expected(format!(
                "les étapes numérotées dans l'ordre, de 1 à {count} : ici n: {position}"
            ))
            .expected_en(format!(
                "the steps numbered in order, from 1 to {count}: here n: {position}"
            )),
        );
    }
    let action = match &step.action {
        Some(_) => c.required(
            &step.action,
            "action",
            msg("ce qui est fait à cette étape", "what is done at this step"),
        ),
        None => {
            c.missing_at(
                start,
                "action",
                msg("ce qui est fait à cette étape", "what is done at this step"),
            );
            None
        }
    };
    let mut acteurs_idx = Vec::new();
    match &step.acteur {
        None => c.missing_at(
            start,
            "acteur",
            msg(
                "qui fait cette étape : un nom de la liste acteurs",
                "who does this step: a name of the list acteurs",
            ),
        ),
        Some(sp) => {
            let names: Vec<Text> = match &sp.value {
                RawActeurs::One(name) => vec![Text::new(name.clone(), sp.range.clone())],
                RawActeurs::Many(names) => names.clone(),
            };
            for name in &names {
                match keys.iter().position(|k| *k == acteurs::key(name.text())) {
                    Some(i) if !acteurs_idx.contains(&i) => acteurs_idx.push(i),
                    Some(_) => {}
                    None => {
                        let known = declared.iter().map(|a| a.text());
                        let close = crate::suggest::closest(name.text(), known);
                        let hint = close
                            .map(|s| format!(" (vouliez-vous dire « {s} » ?)"))
                            .unwrap_or_default();
                        let hint_en = close
                            .map(|s| format!(" (did you mean « {s} »?)"))
                            .unwrap_or_default();
                        let list: Vec<&str> = declared.iter().map(|a| a.text()).collect();
                        c.error(
                            name,
                            msg(
                                format!(
                                    "l'acteur « {} » n'est pas déclaré dans acteurs{hint}",
                                    name.text()
                                ),
                                format!(
                                    "the acteur « {} » is not declared in acteurs{hint_en}",
                                    name.text()
                                ),
                            ),
                            if list.is_empty() {
                                msg(
                                    "la liste acteurs: [...] de la procédure, qui le nomme",
                                    "the procedure's list acteurs: [...], naming it",
                                )
                            } else {
                                msg(
                                    format!("un des acteurs de la procédure : {}", list.join(", ")),
                                    format!("one of the procedure's acteurs: {}", list.join(", ")),
                                )
                            },
                        );
                    }
                }
            }
        }
    }
    let suivant = match &step.suivant {
        None if position < count => vec![Suivant {
            n: position + 1,
            si: None,
        }],
        None => Vec::new(),
        Some(list) => list
            .iter()
            .filter_map(|s| {
                let (n, range, si) = match &s.value {
                    RawSuivant::To(n) => (*n, s.range.clone(), None),
                    RawSuivant::Branch(b) => match &b.n {
                        Some(n) => (n.value, n.range.clone(), opt_text(&b.si)),
                        None => {
                            c.missing_at(
                                Span::new(c.file, s.range.clone()),
                                "n",
                                msg(
                                    "le numéro de l'étape suivante",
                                    "the number of the next step",
                                ),
                            );
                            return None;
                        }
                    },
                };
                if n == 0 || n > count {
                    c.diagnostics.push(
                        Diagnostic::error(
                            Span::new(c.file, range),
                            format!("l'étape {n} n'existe pas"),
                        )
                        .en(format!("there is no step {n}"))
                        .expected(format!(
                            "le numéro d'une étape de cette procédure, de 1 à {count}"
                        ))
                        .expected_en(format!(
                            "the number of a step of this procedure, from 1 to {count}"
                        )),
                    );
                    return None;
                }
                Some(Suivant { n, si })
            })
            .collect(),
    };
    let attend = step.attend.as_ref().and_then(|a| match a.text() {
        "toutes" => Some(Attente::Toutes),
        "une" => Some(Attente::Une),
        other => {
            c.error(
                a,
                msg(
                    format!("valeur inconnue « {other} » pour attend"),
                    format!("unknown value « {other} » for attend"),
                ),
                msg(ATTENTES, ATTENTES_EN),
            );
            None
        }
    });
    Etape {
        n: position,
        acteurs: acteurs_idx,
        action: action.unwrap_or_default(),
        repere: opt_text(&step.repere),
        prerequis: opt_text(&step.prerequis),
        suivant,
        attend,
        documents: step
            .documents
            .iter()
            .flatten()
            .map(|t| t.text().to_string())
            .collect(),
    }
}

/// A join (`attend`) needs two arrows coming in; a step after the first
/// that no arrow reaches is never done. Both are warnings at the step.
fn check_arrivals(raw: &[RawEtape], etapes: &[Etape], c: &mut Checker) {
    let mut incoming = vec![0usize; etapes.len()];
    for e in etapes {
        for s in &e.suivant {
            if let Some(slot) = incoming.get_mut(s.n as usize - 1) {
                *slot += 1;
            }
        }
    }
    for ((step, e), &count) in raw.iter().zip(etapes).zip(&incoming) {
        if let Some(attend) = &step.attend
            && count < 2
        {
            c.diagnostics.push(
                Diagnostic::warning(
                    c.span(attend),
                    format!(
                        "l'étape {} attend d'autres étapes mais une seule flèche y mène",
                        e.n
                    ),
                )
                .en(format!(
                    "step {} waits for other steps but only one arrow leads to it",
                    e.n
                ))
                .expected("attend seulement sur une étape où mènent plusieurs étapes (suivant)")
                .expected_en("attend only on a step that several steps lead to (suivant)"),
            );
        }
        if e.n > 1 && count == 0 {
            let span = step
                .n
                .as_ref()
                .map(|n| Span::new(c.file, n.range.clone()))
                .unwrap_or_else(|| c.entry_span(&[&step.action, &step.repere]));
            c.diagnostics.push(
                Diagnostic::warning(span, format!("aucune étape ne mène à l'étape {}", e.n))
                    .en(format!("no step leads to step {}", e.n))
                    .expected(format!(
                        "un suivant: [{}] dans une étape précédente, ou une étape retirée",
                        e.n
                    ))
                    .expected_en(format!(
                        "a suivant: [{}] in an earlier step, or the step removed",
                        e.n
                    )),
            );
        }
    }
}

/// Every code of `documents` and `outils` names a catalogue entry or a procedure.
fn check_citations(
    raw: &RawFile<RawProcedure>,
    own: &str,
    codes: &[&str],
    catalogue: &Catalogue,
    c: &mut Checker,
) {
    let f = &raw.record.front;
    let cited = f
        .etapes
        .iter()
        .flatten()
        .flat_map(|e| e.documents.iter().flatten())
        .chain(f.outils.iter().flatten());
    for code in cited {
        let text = code.text();
        if text == own || codes.contains(&text) || catalogue.position(text).is_some() {
            continue;
        }
        let known = catalogue
            .documents
            .iter()
            .map(|d| d.code.as_str())
            .chain(codes.iter().copied());
        let close = crate::suggest::closest(text, known);
        let hint = close
            .map(|s| format!(" (vouliez-vous dire « {s} » ?)"))
            .unwrap_or_default();
        let hint_en = close
            .map(|s| format!(" (did you mean « {s} »?)"))
            .unwrap_or_default();
        c.error(
            code,
            msg(
                format!("document inconnu « {text} »{hint}"),
                format!("unknown document « {text} »{hint_en}"),
            ),
            msg(
                format!(
                    "le code d'un document de {} ou d'une procédure",
                    crate::load::documents::CATALOGUE
                ),
                format!(
                    "the code of a document of {} or of a procedure",
                    crate::load::documents::CATALOGUE
                ),
            ),
        );
    }
}

/// An event's `procedure: P08` names a procedure.
fn check_evenements(loaded: &Loaded, codes: &[&str], diagnostics: &mut Vec<Diagnostic>) {
    for raw in &loaded.evenements {
        let Some(code) = &raw.record.procedure else {
            continue;
        };
        if code.text().is_empty() || codes.contains(&code.text()) {
            continue;
        }
        let close = crate::suggest::closest(code.text(), codes.iter().copied());
        let hint = close
            .map(|s| format!(" (vouliez-vous dire « {s} » ?)"))
            .unwrap_or_default();
        let hint_en = close
            .map(|s| format!(" (did you mean « {s} »?)"))
            .unwrap_or_default();
        diagnostics.push(
            Diagnostic::error(
                Span::new(raw.file, code.range.clone()),
                format!("procédure inconnue « {} »{hint}", code.text()),
            )
            .en(format!("unknown procedure « {} »{hint_en}", code.text()))
            .expected("le code d'une procédure de content/procedures/ (P01…)")
            .expected_en("the code of a procedure of content/procedures/ (P01…)"),
        );
    }
}

/// carnet.yaml `alias_acteurs`: the key of each name → the name it stands for.
fn aliases(loaded: &Loaded) -> HashMap<String, String> {
    loaded
        .config
        .iter()
        .flat_map(|c| c.record.alias_acteurs.iter().flatten())
        .map(|(name, canonical)| (acteurs::key(name), canonical.text().to_string()))
        .collect()
}

/// One role per acteur key (after aliases), named by the alias or by its first
/// spelling in code order; each procedure's acteurs point at their role, and
/// each role lists the steps it performs.
fn merge_roles(procedures: &mut [Procedure], aliases: &HashMap<String, String>) -> Vec<Acteur> {
    let mut by_key: BTreeMap<String, Acteur> = BTreeMap::new();
    let mut order: Vec<String> = Vec::new();
    for p in procedures.iter() {
        for name in &p.acteurs {
            let written = acteurs::key(name);
            let (key, shown) = match aliases.get(&written) {
                Some(canonical) => (acteurs::key(canonical), canonical.clone()),
                None => (written, name.clone()),
            };
            let role = by_key.entry(key.clone()).or_insert_with(|| {
                order.push(key.clone());
                Acteur {
                    nom: shown,
                    variantes: Vec::new(),
                    slug: String::new(),
                    etapes: Vec::new(),
                }
            });
            if role.nom != *name && !role.variantes.contains(name) {
                role.variantes.push(name.clone());
            }
        }
    }
    let mut roles: Vec<(String, Acteur)> = by_key.into_iter().collect();
    roles.sort_by_key(|(_, a)| super::values::collation_key(&a.nom));
    let mut slugs: HashMap<String, usize> = HashMap::new();
    for (key, role) in &mut roles {
        let base = acteurs::slug(key);
        let n = slugs.entry(base.clone()).or_insert(0);
        *n += 1;
        role.slug = if *n == 1 { base } else { format!("{base}-{n}") };
    }
    let index: HashMap<&str, usize> = roles
        .iter()
        .enumerate()
        .map(|(i, (k, _))| (k.as_str(), i))
        .collect();
    let mut acteurs: Vec<Acteur> = roles.iter().map(|(_, a)| a.clone()).collect();
    for (pi, p) in procedures.iter_mut().enumerate() {
        p.roles = p
            .acteurs
            .iter()
            .map(|name| {
                let written = acteurs::key(name);
                let key = aliases.get(&written).map_or(written, |c| acteurs::key(c));
                index[key.as_str()]
            })
            .collect();
        for (si, step) in p.etapes.iter().enumerate() {
            for &a in &step.acteurs {
                acteurs[p.roles[a]].etapes.push((pi, si));
            }
        }
    }
    acteurs
}
