//! The diagnostics of a run as the terminal shows them: every error, the
//! first warnings, and the other warnings counted by kind, one line each, so
//! that thousands of warnings do not bury the errors (`carnet check --tout`
//! shows them all).

use super::{Diagnostic, Severity};
use crate::labels::Lang;
use crate::source::Sources;
use std::fmt::Write as _;

/// How many warnings are shown in full before the others are counted.
pub const FIRST_WARNINGS: usize = 20;

/// Renders `diagnostics` (sorted) in `lang`: all of them when `all`, else
/// every error, the first [`FIRST_WARNINGS`] warnings and a count by kind of
/// the others, with how to see them all.
pub fn report(diagnostics: &[Diagnostic], sources: &Sources, lang: Lang, all: bool) -> String {
    let mut out = String::new();
    let mut warnings = 0;
    let mut hidden: Vec<&Diagnostic> = Vec::new();
    for d in diagnostics {
        if d.severity == Severity::Warning {
            warnings += 1;
            if !all && warnings > FIRST_WARNINGS {
                hidden.push(d);
                continue;
            }
        }
        out.push_str(&d.render_in(sources, lang));
    }
    if !hidden.is_empty() {
        out.push_str(&counted(&hidden, lang));
    }
    out
}

/// The hidden warnings counted by kind (the rule that made them), most
/// frequent first, each kind shown by its first message.
fn counted(hidden: &[&Diagnostic], lang: Lang) -> String {
    let mut kinds: Vec<(&Diagnostic, usize)> = Vec::new();
    for d in hidden {
        match kinds.iter_mut().find(|(first, _)| first.origin == d.origin) {
            Some((_, count)) => *count += 1,
            None => kinds.push((d, 1)),
        }
    }
    // Stable: kinds of equal count stay in reading order.
    kinds.sort_by_key(|&(_, count)| std::cmp::Reverse(count));
    let mut out = match lang {
        Lang::Fr => format!(
            "carnet : {} autre(s) avertissement(s) non affiché(s), par sorte :\n",
            hidden.len()
        ),
        Lang::En => format!(
            "carnet: {} more warning(s) not shown, by kind:\n",
            hidden.len()
        ),
    };
    for (first, count) in kinds {
        let _ = match lang {
            Lang::Fr => writeln!(out, "{count:>8} comme « {} »", first.message_in(lang)),
            Lang::En => writeln!(out, "{count:>8} like « {} »", first.message_in(lang)),
        };
    }
    out.push_str(match lang {
        Lang::Fr => "Pour les voir tous : carnet check --tout\n",
        Lang::En => "To see them all: carnet check --tout\n",
    });
    out
}
