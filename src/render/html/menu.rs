//! The site's menu, as pages call it: `{{ menu(root, path) }}` renders the
//! template `menu.html` once for each place a page can sit (its depth, the
//! menu entry it is, the section it belongs to) and hands the same text to
//! every other page at that place. Ten thousand fiches of `personnes/` share
//! one menu, which was about a quarter of the site's rendering when every
//! page drew it again.
//!
//! Correct by construction: `menu.html` receives only `site`, `t`, `u` (the
//! values this cache was made with, which are those of every page it serves)
//! and the key `root`, `courant`, `rubrique`; never the page's `path`. Two
//! pages with the same key therefore get the same text, whatever the template
//! (built-in or the kit's) does with what it receives.

use minijinja::value::{Object, Value, from_args};
use minijinja::{Error, State, context};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// The template of the menu.
pub const TEMPLATE: &str = "menu.html";

/// Where a page sits, as far as the menu can tell: the way back to the root,
/// the menu entry that is this page, the section index whose folder holds it.
type Place = (String, Option<String>, Option<String>);

/// The menu of one site, rendered at most once per [`Place`].
#[derive(Debug)]
pub struct Menu {
    site: Value,
    t: Value,
    u: Value,
    /// Every address the menu may link to: the site's pages (`u`) and the
    /// free pages of the menu (`site.menu`).
    targets: Vec<String>,
    rendered: Mutex<HashMap<Place, Value>>,
}

impl Menu {
    /// The `menu` function of pages whose context holds these `site`, `t`
    /// (labels) and `u` (the site's pages).
    pub fn value(site: &Value, t: &Value, u: &Value) -> Value {
        Value::from_object(Menu::new(site.clone(), t.clone(), u.clone()))
    }

    fn new(site: Value, t: Value, u: Value) -> Menu {
        Menu {
            targets: targets(&site, &u),
            site,
            t,
            u,
            rendered: Mutex::new(HashMap::new()),
        }
    }

    /// Where the page at `path` sits.
    fn place(&self, root: &str, path: &str) -> Place {
        let courant = self.targets.iter().find(|t| *t == path).cloned();
        let rubrique = self
            .targets
            .iter()
            .find(|t| {
                t.strip_suffix("index.html")
                    .is_some_and(|dir| !dir.is_empty() && path.starts_with(dir))
            })
            .cloned();
        (root.to_string(), courant, rubrique)
    }
}

/// The string values of `u` and the addresses of `site.menu`.
fn targets(site: &Value, u: &Value) -> Vec<String> {
    let mut targets = Vec::new();
    if let Ok(keys) = u.try_iter() {
        for key in keys {
            if let Some(url) = u.get_item(&key).ok().as_ref().and_then(Value::as_str) {
                targets.push(url.to_string());
            }
        }
    }
    if let Ok(Ok(pages)) = site.get_attr("menu").map(|m| m.try_iter()) {
        for page in pages {
            if let Some(url) = page.get_attr("url").ok().as_ref().and_then(Value::as_str) {
                targets.push(url.to_string());
            }
        }
    }
    targets
}

impl Object for Menu {
    fn call(self: &Arc<Self>, state: &mut State<'_, '_>, args: &[Value]) -> Result<Value, Error> {
        let (root, path): (&str, &str) = from_args(args)?;
        let place = self.place(root, path);
        if let Some(text) = self.lock().get(&place) {
            return Ok(text.clone());
        }
        let ctx = self.context(&place);
        let text = Value::from_safe_string(state.env().get_template(TEMPLATE)?.render(ctx)?);
        self.lock().insert(place, text.clone());
        Ok(text)
    }
}

impl Menu {
    /// Everything `menu.html` receives at `place`.
    fn context(&self, (root, courant, rubrique): &Place) -> Value {
        context! {
            site => self.site.clone(),
            t => self.t.clone(),
            u => self.u.clone(),
            root => root,
            courant => courant,
            rubrique => rubrique,
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<Place, Value>> {
        // A thread that panicked while holding it left a map of whole entries.
        self.rendered.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// What `menu.html` receives on the page whose whole context is `page` (so
/// that `carnet check` names the variables it may use), or `page` itself
/// when it is not the context of a page.
pub fn context_of(page: &Value) -> Value {
    let get = |name| page.get_attr(name).ok().filter(|v| !v.is_undefined());
    let (Some(site), Some(t), Some(u)) = (get("site"), get("t"), get("u")) else {
        return page.clone();
    };
    let text = |name| get(name).and_then(|v| v.as_str().map(str::to_string));
    let menu = Menu::new(site, t, u);
    let place = menu.place(
        &text("root").unwrap_or_default(),
        &text("path").unwrap_or_default(),
    );
    menu.context(&place)
}
