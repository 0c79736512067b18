//! The templates' contract, checked by `carnet check`: every page template
//! (built-in, or the kit's `templates/<name>.html` in its place) is rendered
//! in strict mode over samples of what it receives — `page` of its page's
//! type, `site`, the labels `t`, `root`, `path`, `formulaires`, `exports` — with every
//! optional value set and then with none, in both profiles. A variable the
//! context does not hold (`{{ page.telephon }}`) is then an error at the
//! kit template's file and line, before any build, whatever the records hold.
//! A built-in template always passes (a unit test renders each one).

use super::{Page, common, env, page_context, ser};
use crate::diagnostic::{Diagnostic, Msg, msg};
use crate::labels::Lang;
use crate::source::{Sources, Span};
use crate::view::assets::Template;
use crate::view::sample::{minimal, sample};
use crate::view::{Link, SiteView};
use minijinja::{Environment, ErrorKind, Value};
use rayon::prelude::*;
use std::collections::HashSet;

/// The path a sample page is rendered at (one folder deep, as a fiche).
const SAMPLE_PATH: &str = "exemple/exemple.html";

/// The samples each template is rendered over: full or minimal (every
/// branch of an `{% if %}` on an optional value), in each profile.
const VARIANTS: [(bool, &str); 4] = [
    (true, "public"),
    (true, "interne"),
    (false, "public"),
    (false, "interne"),
];

/// Renders every page template over its samples; one error per problem found
/// in a kit template, at its file and line.
pub fn check(templates: &[Template], lang: Lang, sources: &Sources) -> Vec<Diagnostic> {
    let mut env = env::environment(lang);
    env.set_debug(true);
    for template in templates {
        // One that does not compile is already reported (model::templates).
        let _ = env.add_template_owned(template.name.clone(), template.source.clone());
    }
    let kit = KitTemplates { templates, sources };
    let mut seen = HashSet::new();
    let renders: Vec<(Page, bool, &str)> = Page::KINDS
        .into_iter()
        .filter(|page| seen.insert(page.template()))
        .flat_map(|page| VARIANTS.map(|(full, profile)| (page, full, profile)))
        .collect();
    // A hundred renders, side by side on rayon's threads; collected in the
    // order above, so that the diagnostics and the one kept per place are
    // those of the serial order.
    let mut diagnostics: Vec<Diagnostic> = renders
        .into_par_iter()
        .filter_map(|(page, full, profile)| {
            let name = page.template();
            let ctx = sample_context(page, full, profile, lang);
            let error = render(&env, name, &ctx).err()?;
            kit.diagnostic(name, &error, &ctx)
        })
        .collect();
    // One problem per place, whichever sample met it first.
    let mut places = HashSet::new();
    diagnostics.retain(|d| places.insert(d.span));
    diagnostics
}

fn render(env: &Environment, name: &str, ctx: &Value) -> Result<String, minijinja::Error> {
    env.get_template(name)?.render(ctx)
}

/// The context a page of this kind receives, from samples of its types.
fn sample_context(page: Page, full: bool, profile: &str, lang: Lang) -> Value {
    let mut site = if full {
        sample::<SiteView>()
    } else {
        minimal::<SiteView>()
    };
    site["profile"] = profile.into();
    let formulaires = if full {
        sample::<Vec<Link>>()
    } else {
        serde_json::Value::Null
    };
    page_context(
        &common(ser(site), lang, false),
        SAMPLE_PATH,
        ser(page.sample(full)),
        ser(formulaires.clone()),
        ser(formulaires),
    )
}

/// The templates in use, and the kit files among them.
struct KitTemplates<'a> {
    templates: &'a [Template],
    sources: &'a Sources,
}

impl KitTemplates<'_> {
    /// Whether the kit's `templates/<name>` is in use.
    fn overridden(&self, name: &str) -> bool {
        self.templates.iter().any(|t| t.name == name && t.from_kit)
    }

    /// The error `error`, met rendering the page template `root`, at the
    /// kit file at fault: the template it happened in when the kit gives it,
    /// else the kit's page template, else a kit template it draws on (a
    /// macro or base the built-in one uses). None when every template
    /// involved is built in: a bug, which the unit tests catch.
    fn diagnostic(&self, root: &str, error: &minijinja::Error, ctx: &Value) -> Option<Diagnostic> {
        let message = message(error);
        let at = error.name().unwrap_or(root);
        let expected = if at == super::menu::TEMPLATE {
            expected(error, &super::menu::context_of(ctx))
        } else {
            expected(error, ctx)
        };
        if self.overridden(at) {
            let file = self.sources.find(&format!("templates/{at}"))?;
            let source = self.sources.get(file);
            let range = error
                .range()
                .filter(|r| r.end <= source.text.len())
                .or_else(|| source.line_range(error.line()?.checked_sub(1)?))
                .unwrap_or(0..0);
            return Some(
                Diagnostic::error_msg(Span::new(file, range), message).expected_msg(expected),
            );
        }
        let page_templates: Vec<&str> = Page::KINDS.iter().map(|p| p.template()).collect();
        let culprit = std::iter::once(root)
            .chain(
                self.templates
                    .iter()
                    .map(|t| t.name.as_str())
                    .filter(|n| !page_templates.contains(n)),
            )
            .find(|name| self.overridden(name))?;
        let file = self.sources.find(&format!("templates/{culprit}"))?;
        let line = error.line().unwrap_or(1);
        Some(
            Diagnostic::error_msg(
                Span::file_start(file),
                msg(
                    format!(
                        "{} (dans le gabarit intégré {at}, ligne {line}, qui utilise celui-ci)",
                        message.fr
                    ),
                    format!(
                        "{} (in the built-in template {at}, line {line}, which uses this one)",
                        message.english()
                    ),
                ),
            )
            .expected_msg(expected),
        )
    }
}

/// The variable an undefined-value error names (`page.telephon`).
fn undefined_name(error: &minijinja::Error) -> Option<&str> {
    if error.kind() != ErrorKind::UndefinedError {
        return None;
    }
    let detail = error.detail()?;
    detail.strip_prefix('`')?.split('`').next()
}

/// What went wrong, in the user's words.
fn message(error: &minijinja::Error) -> Msg {
    match undefined_name(error) {
        Some(name) => msg(
            format!("variable inconnue « {name} » : ce gabarit ne la reçoit pas"),
            format!("unknown variable « {name} »: this template does not receive it"),
        ),
        None => {
            let detail = error
                .detail()
                .map_or_else(|| error.kind().to_string(), str::to_string);
            msg(
                format!("ce gabarit échoue sur des données d'exemple : {detail}"),
                format!("this template fails on sample data: {detail}"),
            )
        }
    }
}

/// What the template may use instead: the fields of the value a misspelt
/// name was looked up in (`page.telephon` → the fields of `page`), when the
/// context holds it.
fn expected(error: &minijinja::Error, ctx: &Value) -> Msg {
    const ANY: &str = "un champ que ce gabarit reçoit, une variable qu'il définit ({% set %}, {% for %}, argument de macro) ou un test « is defined »";
    const ANY_EN: &str = "a field this template receives, a variable it defines ({% set %}, {% for %}, a macro argument) or an « is defined » test";
    let Some(name) = undefined_name(error) else {
        return msg(
            "un gabarit qui s'affiche quelles que soient les données (valeurs absentes, listes vides, profil public ou interne)",
            "a template that shows whatever the data (absent values, empty lists, public or interne profile)",
        );
    };
    let plain = |part: &str| part.chars().all(|c| c.is_alphanumeric() || c == '_');
    if !name.split('.').all(plain) {
        return msg(ANY, ANY_EN);
    }
    let (parent, holder) = match name.rsplit_once('.') {
        Some((parent, _)) => (
            Some(parent),
            parent.split('.').try_fold(ctx.clone(), |value, part| {
                value.get_attr(part).ok().filter(|v| !v.is_undefined())
            }),
        ),
        None => (None, Some(ctx.clone())),
    };
    let fields: Option<Vec<String>> = holder.and_then(|value| {
        let keys = value.try_iter().ok()?;
        Some(
            keys.filter_map(|k| k.as_str().map(str::to_string))
                .collect(),
        )
    });
    match (parent, fields) {
        (Some(parent), Some(fields)) if !fields.is_empty() => msg(
            format!("un champ de {parent} : {}", fields.join(", ")),
            format!("a field of {parent}: {}", fields.join(", ")),
        ),
        (None, Some(fields)) if !fields.is_empty() => msg(
            format!("une variable du contexte ({}), ou {ANY}", fields.join(", ")),
            format!(
                "a variable of the context ({}), or {ANY_EN}",
                fields.join(", ")
            ),
        ),
        _ => msg(ANY, ANY_EN),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::embedded;

    /// The built-in templates, as a kit without templates/ uses them.
    fn built_in() -> Vec<Template> {
        embedded::files(&embedded::TEMPLATES)
            .into_iter()
            .filter_map(|(path, bytes)| {
                let name = path.to_str()?.to_string();
                name.ends_with(".html").then(|| Template {
                    name,
                    source: String::from_utf8_lossy(bytes).into_owned(),
                    from_kit: false,
                })
            })
            .collect()
    }

    #[test]
    fn every_built_in_page_template_renders_over_its_samples_in_both_languages() {
        let templates = built_in();
        for lang in [Lang::Fr, Lang::En] {
            let mut env = env::environment(lang);
            for t in &templates {
                env.add_template_owned(t.name.clone(), t.source.clone())
                    .expect("a built-in template compiles");
            }
            for page in Page::KINDS {
                for (full, profile) in VARIANTS {
                    let ctx = sample_context(page, full, profile, lang);
                    if let Err(e) = render(&env, page.template(), &ctx) {
                        panic!("{} ({profile}, full: {full}): {e:#}", page.template());
                    }
                }
            }
        }
    }

    #[test]
    fn every_built_in_template_is_a_page_template_or_drawn_on_by_one() {
        let pages: Vec<&str> = Page::KINDS.iter().map(|p| p.template()).collect();
        for t in built_in() {
            assert!(
                pages.contains(&t.name.as_str())
                    || [
                        "base.html",
                        "menu.html",
                        "macros.html",
                        "agenda.html",
                        "parcours.html"
                    ]
                    .contains(&t.name.as_str()),
                "{} is checked by no sample",
                t.name
            );
        }
    }
}
