//! The context a page template receives, as one object: the values of the
//! page (`page`, `path`, `root`, `formulaires`, `exports`) beside those every
//! page shares (`site`, `t`, `u`, `menu`, `sans_exports`, made once per
//! build). Templates read a variable of it for nearly every line they write;
//! a lookup here is one comparison of names, where a context merged from two
//! maps searched both (ten thousand fiches made this a measurable part of
//! rendering).

use minijinja::value::{Enumerator, Object, ObjectRepr, Value};
use std::collections::BTreeMap;
use std::sync::Arc;

/// The names of the context, in the order a template iterating over it sees
/// them (sorted, as a map of them would give them).
const NAMES: &[&str] = &[
    "exports",
    "formulaires",
    "menu",
    "page",
    "path",
    "root",
    "sans_exports",
    "site",
    "t",
    "u",
];

/// What every page receives besides its own values.
#[derive(Debug)]
pub struct Shared {
    /// The function `menu(root, path)`.
    pub menu: Value,
    /// The site (`site`).
    pub site: Value,
    /// The labels (`t`).
    pub t: Value,
    /// The site's pages (`u`).
    pub u: Value,
    /// Whether the build leaves out spreadsheets and calendar feeds.
    pub sans_exports: Value,
}

/// The whole context of one page.
#[derive(Debug)]
pub struct PageContext {
    /// The way back to the site's root (`root`).
    pub root: Value,
    /// What the page shows (`page`).
    pub page: Value,
    /// The page's own path (`path`).
    pub path: Value,
    /// Links to its PDF forms, or none (`formulaires`).
    pub formulaires: Value,
    /// Links to its spreadsheets, or none (`exports`).
    pub exports: Value,
    /// The values every page shares.
    pub shared: Arc<Shared>,
}

impl Object for PageContext {
    fn repr(self: &Arc<Self>) -> ObjectRepr {
        ObjectRepr::Map
    }

    fn get_value(self: &Arc<Self>, key: &Value) -> Option<Value> {
        self.get_value_by_str(key.as_str()?)
    }

    fn get_value_by_str(self: &Arc<Self>, key: &str) -> Option<Value> {
        let shared = &self.shared;
        let value = match key {
            "page" => &self.page,
            "t" => &shared.t,
            "root" => &self.root,
            "site" => &shared.site,
            "u" => &shared.u,
            "path" => &self.path,
            "menu" => &shared.menu,
            "formulaires" => &self.formulaires,
            "exports" => &self.exports,
            "sans_exports" => &shared.sans_exports,
            _ => return None,
        };
        Some(value.clone())
    }

    fn enumerate(self: &Arc<Self>) -> Enumerator {
        Enumerator::Str(NAMES)
    }
}

/// The labels `t` as templates read them: each word by its key, and the
/// tables of codes (`t.roles`, `t.statuts`, `t.todos`, `t.types`) as maps of
/// their own; keyed by text, so that a lookup compares names only.
pub fn labels(labels: &crate::labels::Labels) -> Value {
    let table = |words: &BTreeMap<&'static str, &'static str>| -> BTreeMap<&'static str, Value> {
        words.iter().map(|(&k, &w)| (k, Value::from(w))).collect()
    };
    let mut t = table(&labels.words);
    t.insert("roles", Value::from_object(table(&labels.roles)));
    t.insert("statuts", Value::from_object(table(&labels.statuts)));
    t.insert("todos", Value::from_object(table(&labels.todos)));
    t.insert("types", Value::from_object(table(&labels.types)));
    Value::from_object(t)
}
