//! The contract between a form layout and its data, checked at `carnet
//! check`: every placeholder (`{{ personne.nom }}`), `si:` condition,
//! tick-box `cochee_si`, table `lignes` and column `pour_chaque` of a layout
//! names values that the data of its target (`pour:`) has. Each is tried on
//! a sample of that data's type ([`super::form_data::contract`]: every field
//! present, lists of one element), so that a misspelt name is an error at
//! its file, line and column whatever the kit's records hold, for the
//! built-in layouts and the kit's alike. Each placeholder is then tried on a
//! sample whose optional values are absent, as some records leave them, so
//! that `{{ session.titre }}` without `{% if session %}` is reported too.
//! Filled forms are then rendered strictly; blank forms stay lenient (their
//! missing values print as dots).

use crate::diagnostic::{Diagnostic, Msg, msg};
use crate::form_layout::{BlockKind, DataPath, FormLayout, LayoutTable, Target, Tpl};
use crate::model::Kit;
use crate::source::{Sources, Span};
use minijinja::{AutoEscape, Environment, UndefinedBehavior};
use serde_json::{Map, Value};
use std::collections::{HashMap, HashSet};

/// One error per placeholder or path of the kit's layouts that names a
/// value its data does not have.
pub fn check(kit: &Kit) -> Vec<Diagnostic> {
    let mut env = Environment::new();
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    env.set_auto_escape_callback(|_| AutoEscape::None);
    let mut samples: HashMap<Target, [Value; 2]> = HashMap::new();
    let mut diagnostics = Vec::new();
    let mut failed = HashSet::new();
    for layout in &kit.layouts {
        let [full, without_options] = samples.entry(layout.target).or_insert_with(|| {
            let contract = super::form_data::contract(layout.target);
            let without_options = contract.sample_without_options();
            [contract.sample, without_options]
        });
        for (sample, optional) in [(&*full, false), (&*without_options, true)] {
            LayoutCheck {
                env: &env,
                sources: &kit.sources,
                target: layout.target,
                optional,
                failed: &mut failed,
                diagnostics: &mut diagnostics,
            }
            .layout(layout, sample);
        }
    }
    diagnostics
}

struct LayoutCheck<'a> {
    env: &'a Environment<'a>,
    sources: &'a Sources,
    target: Target,
    /// The pass over the sample without its optional values: only the
    /// placeholders that rendered over the full sample are tried, and only
    /// a value read inside an absent one is reported.
    optional: bool,
    /// The placeholders already reported.
    failed: &'a mut HashSet<Span>,
    diagnostics: &'a mut Vec<Diagnostic>,
}

/// Why a dotted path names nothing: the message, and what is expected.
struct Miss {
    message: Msg,
    expected: Msg,
}

/// The value at `path` (`personne.adresse.ville`) in `data`.
fn resolve<'v>(data: &'v Value, path: &str, target: Target) -> Result<&'v Value, Miss> {
    let mut value = data;
    let mut walked: Vec<&str> = Vec::new();
    for name in path.split('.') {
        let parent = walked.join(".");
        value = match value {
            Value::Object(fields) => fields.get(name).ok_or_else(|| {
                let mut names: Vec<&str> = fields.keys().map(String::as_str).collect();
                names.sort_unstable();
                Miss {
                    message: if parent.is_empty() {
                        msg(
                            format!(
                                "« {path} » : les données d'un formulaire « pour: {} » n'ont pas de valeur « {name} »",
                                target.name()
                            ),
                            format!(
                                "« {path} »: the data of a form « pour: {} » have no value « {name} »",
                                target.name()
                            ),
                        )
                    } else {
                        msg(
                            format!("« {path} » : « {parent} » n'a pas de valeur « {name} »"),
                            format!("« {path} »: « {parent} » has no value « {name} »"),
                        )
                    },
                    expected: msg(
                        format!("une de ces valeurs : {}", names.join(", ")),
                        format!("one of these values: {}", names.join(", ")),
                    ),
                }
            })?,
            Value::Array(_) => {
                return Err(Miss {
                    message: msg(
                        format!("« {path} » : « {parent} » est une liste"),
                        format!("« {path} »: « {parent} » is a list"),
                    ),
                    expected: msg(
                        format!(
                            "un tableau qui la parcourt (lignes: {parent}), avec {{{{ ligne.{name} }}}} dans ses colonnes"
                        ),
                        format!(
                            "a tableau that goes through it (lignes: {parent}), with {{{{ ligne.{name} }}}} in its columns"
                        ),
                    ),
                });
            }
            _ => {
                return Err(Miss {
                    message: msg(
                        format!(
                            "« {path} » : « {parent} » est une valeur simple, sans « {name} »"
                        ),
                        format!("« {path} »: « {parent} » is a simple value, without « {name} »"),
                    ),
                    expected: msg(format!("{{{{ {parent} }}}}"), format!("{{{{ {parent} }}}}")),
                });
            }
        };
        walked.push(name);
    }
    Ok(value)
}

/// The paths of the lists in `data` (not inside a list), for messages.
fn lists(data: &Value, prefix: &str, found: &mut Vec<String>) {
    if let Value::Object(fields) = data {
        for (name, value) in fields {
            let path = if prefix.is_empty() {
                name.clone()
            } else {
                format!("{prefix}.{name}")
            };
            match value {
                Value::Array(_) => found.push(path),
                _ => lists(value, &path, found),
            }
        }
    }
}

/// `data` with `name` set to `value`.
fn with(data: &Value, name: &str, value: Value) -> Value {
    let mut fields: Map<String, Value> = data.as_object().cloned().unwrap_or_default();
    fields.insert(name.to_string(), value);
    Value::Object(fields)
}

/// Whether `c` can be part of a name, so that `personne.nom` is not found
/// inside `personne.nom_complet`.
fn in_name(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || c == '.'
}

impl LayoutCheck<'_> {
    fn layout(&mut self, layout: &FormLayout, sample: &Value) {
        self.placeholder(&layout.titre, sample);
        for block in &layout.blocks {
            if let Some(si) = &block.si {
                self.path(si, sample);
            }
            match &block.kind {
                BlockKind::Heading(t, _) | BlockKind::Text(t) => self.placeholder(t, sample),
                BlockKind::Fields(items) => {
                    for (label, value) in items {
                        self.placeholder(label, sample);
                        if let Some(value) = value {
                            self.placeholder(value, sample);
                        }
                    }
                }
                BlockKind::Checkboxes(label, items) => {
                    if let Some(label) = label {
                        self.placeholder(label, sample);
                    }
                    for (text, ticked) in items {
                        self.placeholder(text, sample);
                        if let Some(path) = ticked {
                            self.path(path, sample);
                        }
                    }
                }
                BlockKind::Table(table) => self.table(table, sample),
                BlockKind::Signatures(list) => {
                    for t in list {
                        self.placeholder(t, sample);
                    }
                }
                BlockKind::RightText(t) => self.placeholder(t, sample),
                BlockKind::Labels(labels) => {
                    // A label's text sees its element as `etiquette`.
                    let why = msg(
                        "la planche n'aurait aucune étiquette",
                        "the sheet would have no label",
                    );
                    if let Some(element) = self.list(&labels.list, sample, why) {
                        self.placeholder(&labels.texte, &with(sample, "etiquette", element));
                    }
                }
                BlockKind::Funders | BlockKind::Spacer(_) | BlockKind::PageBreak => {}
            }
        }
    }

    /// A table: its cells see its row as `ligne` (when it has `lignes:`),
    /// a repeated column's header and cells the element as `element`.
    fn table(&mut self, table: &LayoutTable, sample: &Value) {
        let rows = match &table.rows {
            None => Some(sample.clone()),
            Some(path) => self
                .list(
                    path,
                    sample,
                    msg(
                        "le tableau n'aurait aucune ligne",
                        "the tableau would have no row",
                    ),
                )
                .map(|row| with(sample, "ligne", row)),
        };
        for column in &table.columns {
            let (header, cells) = match &column.repeat {
                None => (sample.clone(), rows.clone()),
                Some(path) => {
                    let Some(element) = self.list(
                        path,
                        sample,
                        msg(
                            "la colonne ne serait jamais répétée",
                            "the column would never be repeated",
                        ),
                    ) else {
                        continue;
                    };
                    let cells = rows.as_ref().map(|r| with(r, "element", element.clone()));
                    (with(sample, "element", element), cells)
                }
            };
            self.placeholder(&column.titre, &header);
            if let (Some(value), Some(cells)) = (&column.value, &cells) {
                self.placeholder(value, cells);
            }
        }
    }

    /// The first element of the list at `path` (`lignes:`, `pour_chaque:`);
    /// none, and an error, if there is no list there.
    fn list(&mut self, path: &DataPath, sample: &Value, why: Msg) -> Option<Value> {
        match resolve(sample, &path.path, self.target) {
            Ok(Value::Array(items)) => Some(items.first().cloned().unwrap_or(Value::Null)),
            // Reported by the first pass; a list inside an absent value is an empty one.
            _ if self.optional => None,
            Err(miss) => {
                self.report(path.span, miss);
                None
            }
            Ok(_) => {
                let mut found = Vec::new();
                lists(sample, "", &mut found);
                found.sort();
                self.diagnostics.push(
                    Diagnostic::error_msg(
                        path.span,
                        msg(
                            format!("« {} » n'est pas une liste : {}", path.path, why.fr),
                            format!("« {} » is not a list: {}", path.path, why.english()),
                        ),
                    )
                    .expected_msg(msg(
                        format!("une de ces listes : {}", found.join(", ")),
                        format!("one of these lists: {}", found.join(", ")),
                    )),
                );
                None
            }
        }
    }

    /// A path of `si:` or `cochee_si:`.
    fn path(&mut self, path: &DataPath, data: &Value) {
        // A path inside an absent value is an empty one.
        if self.optional {
            return;
        }
        if let Err(miss) = resolve(data, &path.path, self.target) {
            self.report(path.span, miss);
        }
    }

    fn report(&mut self, span: Span, miss: Miss) {
        self.diagnostics
            .push(Diagnostic::error_msg(span, miss.message).expected_msg(miss.expected));
    }

    /// A placeholder: each name it reads must be in `data`, then it must
    /// render strictly over `data`.
    fn placeholder(&mut self, tpl: &Tpl, data: &Value) {
        // A placeholder that does not compile is reported by the model.
        let Ok(template) = self.env.template_from_str(&tpl.source) else {
            return;
        };
        if self.failed.contains(&tpl.span) {
            return;
        }
        let mut names: Vec<String> = template.undeclared_variables(true).into_iter().collect();
        names.sort();
        names.retain(|name| {
            let first = name.split('.').next().unwrap_or_default();
            !self.env.globals().any(|(global, _)| global == first)
        });
        let mut missed = false;
        for name in &names {
            if let Err(miss) = resolve(data, name, self.target) {
                if self.optional {
                    // Reported below if the placeholder reads inside it unguarded.
                    continue;
                }
                let span = self.narrow(tpl.span, name);
                self.report(span, miss);
                missed = true;
            }
        }
        if missed {
            self.failed.insert(tpl.span);
            return;
        }
        let Err(e) = template.render(minijinja::Value::from(minijinja::value::Serde(data))) else {
            return;
        };
        self.failed.insert(tpl.span);
        let absent = names.iter().find_map(|name| {
            let (parent, _) = name.rsplit_once('.')?;
            resolve(data, parent, self.target)
                .is_ok_and(Value::is_null)
                .then_some((name, parent))
        });
        if let (true, Some((name, parent))) = (self.optional, absent) {
            let span = self.narrow(tpl.span, name);
            self.diagnostics.push(
                Diagnostic::error_msg(
                    span,
                    msg(
                        format!("« {name} » : « {parent} » peut manquer, et le formulaire ne pourrait pas être rempli"),
                        format!("« {name} »: « {parent} » may be missing, and the form could not be filled in"),
                    ),
                )
                .expected_msg(msg(
                    format!("{{% if {parent} %}}…{{{{ {name} }}}}…{{% endif %}}"),
                    format!("{{% if {parent} %}}…{{{{ {name} }}}}…{{% endif %}}"),
                )),
            );
            return;
        }
        self.diagnostics.push(
            Diagnostic::error_msg(
                tpl.span,
                msg(
                    format!(
                        "espace réservé impossible à remplir : {}",
                        e.detail().unwrap_or(&e.to_string())
                    ),
                    format!(
                        "placeholder that cannot be filled in: {}",
                        e.detail().unwrap_or(&e.to_string())
                    ),
                ),
            )
            .expected_msg(msg(
                "des valeurs des données du formulaire, par exemple {{ personne.nom }}",
                "values of the form's data, for example {{ personne.nom }}",
            )),
        );
    }

    /// The span of `name` as written inside the placeholder at `span`, or
    /// the whole placeholder when it is written otherwise (`personne . nom`).
    fn narrow(&self, span: Span, name: &str) -> Span {
        let text = &self.sources.get(span.file).text;
        let Some(written) = text.get(span.start..span.end) else {
            return span;
        };
        written
            .match_indices(name)
            .find(|(at, _)| {
                let before = written[..*at].chars().next_back();
                let after = written[at + name.len()..].chars().next();
                !before.is_some_and(in_name) && !after.is_some_and(in_name)
            })
            .map_or(span, |(at, _)| {
                Span::new(span.file, span.start + at..span.start + at + name.len())
            })
    }
}
