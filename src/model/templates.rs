//! The kit's own HTML templates (templates/*.html), compiled once at check
//! time with the same engine the site is rendered with, so that a syntax
//! error is a diagnostic at its file and line, never a failed build.

use crate::diagnostic::{Diagnostic, msg};
use crate::source::{Sources, Span};

/// Compiles every template of the kit that was read; each one that does not
/// compile gets an error at the place the engine names.
pub(crate) fn check(sources: &Sources, diagnostics: &mut Vec<Diagnostic>) {
    let mut env = minijinja::Environment::new();
    env.set_debug(true);
    for (file, source) in sources.iter() {
        let Some(name) = source.path.strip_prefix("templates/") else {
            continue;
        };
        if !name.ends_with(".html") || name.contains('/') || source.bytes().is_none() {
            continue;
        }
        let Err(error) = env.add_template_owned(name.to_string(), source.text.clone()) else {
            continue;
        };
        let range = error.range().unwrap_or_else(|| {
            let line = error.line().unwrap_or(1);
            let start = source.offset_of(line, 1);
            start..source.line_range(line - 1).map_or(start, |r| r.end)
        });
        let detail = error.detail().unwrap_or("invalid syntax");
        diagnostics.push(
            Diagnostic::error_msg(
                Span::new(file, range),
                msg(
                    format!("ce gabarit ne peut pas être compilé : « {detail} » (message du moteur de gabarits)"),
                    format!("this template cannot be compiled: « {detail} » (message of the template engine)"),
                ),
            )
            .expected_msg(msg(
                "un gabarit minijinja valide : chaque {% if %}, {% for %}, {% block %} refermé, chaque {{ … }} complet",
                "a valid minijinja template: every {% if %}, {% for %}, {% block %} closed, every {{ … }} complete",
            )),
        );
    }
}
