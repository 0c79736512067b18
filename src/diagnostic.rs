//! Problems found in a kit: each with the exact span at fault, what is wrong
//! and what is expected. Validation collects them all; nothing stops at the first.

mod english;
pub mod report;
mod window;

pub use english::{English, Msg, msg};

use crate::labels::{Lang, word};
use crate::source::{Sources, Span};
use codespan_reporting::diagnostic::{Diagnostic as CodespanDiagnostic, Label};
use codespan_reporting::term;
use std::panic::Location;

/// How serious a problem is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The kit is invalid: `check` and `build` exit with status 1.
    Error,
    /// Shown (and listed on the tableau de bord) but the build goes on.
    Warning,
}

/// What sort of problem a diagnostic is, for the code that must tell some
/// apart (users read the message; code never parses it).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum DiagnosticKind {
    /// A required field is missing or empty: its name (`cycle`, `colonnes.titre`).
    MissingField(String),
    /// A parse error whose value was set aside so that the rest of the file
    /// is still checked: the name of the field it belonged to.
    SetAside(String),
    /// Any other problem.
    #[default]
    Other,
}

/// One problem, pointing at the value at fault.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// Where: the exact value at fault, or the start of the file.
    pub span: Span,
    /// What is wrong, in the user's words.
    pub message: String,
    /// What was expected instead, when it can be said.
    pub expected: Option<String>,
    /// Other places that explain the problem (the other side of a contradiction).
    pub also: Vec<(Span, String)>,
    /// What sort of problem it is.
    pub kind: DiagnosticKind,
    /// Where carnet's code made it: the rule that found it, so that
    /// thousands of warnings can be counted by kind.
    pub origin: &'static Location<'static>,
    /// The texts above in English, shown with `langue: en`.
    pub english: English,
}

impl Diagnostic {
    /// An error at `span`, made by the rule calling this.
    #[track_caller]
    pub fn error(span: Span, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(Severity::Error, span, message.into())
    }

    /// A warning at `span`, made by the rule calling this.
    #[track_caller]
    pub fn warning(span: Span, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(Severity::Warning, span, message.into())
    }

    /// A diagnostic with only its severity, place and message; its origin is
    /// the rule that called [`Diagnostic::error`] or [`Diagnostic::warning`].
    #[track_caller]
    fn new(severity: Severity, span: Span, message: String) -> Diagnostic {
        Diagnostic {
            severity,
            span,
            message,
            expected: None,
            also: Vec::new(),
            kind: DiagnosticKind::Other,
            origin: Location::caller(),
            english: English::default(),
        }
    }

    /// Adds what was expected.
    pub fn expected(mut self, expected: impl Into<String>) -> Diagnostic {
        self.expected = Some(expected.into());
        self
    }

    /// Says what sort of problem it is.
    pub fn kind(mut self, kind: DiagnosticKind) -> Diagnostic {
        self.kind = kind;
        self
    }

    /// Adds another place that explains the problem.
    pub fn also_at(mut self, span: Span, label: impl Into<String>) -> Diagnostic {
        self.also.push((span, label.into()));
        self
    }

    /// An error whose message is `message`, in French and English.
    #[track_caller]
    pub fn error_msg(span: Span, message: impl Into<Msg>) -> Diagnostic {
        let message = message.into();
        let mut d = Diagnostic::error(span, message.fr);
        d.english.message = message.en;
        d
    }

    /// A warning whose message is `message`, in French and English.
    #[track_caller]
    pub fn warning_msg(span: Span, message: impl Into<Msg>) -> Diagnostic {
        let message = message.into();
        let mut d = Diagnostic::warning(span, message.fr);
        d.english.message = message.en;
        d
    }

    /// The message in English.
    pub fn en(mut self, message: impl Into<String>) -> Diagnostic {
        self.english.message = Some(message.into());
        self
    }

    /// What was expected, in English (after [`Diagnostic::expected`]).
    pub fn expected_en(mut self, expected: impl Into<String>) -> Diagnostic {
        self.english.expected = Some(expected.into());
        self
    }

    /// What was expected, in French and English.
    pub fn expected_msg(self, expected: impl Into<Msg>) -> Diagnostic {
        let expected = expected.into();
        let mut d = self.expected(expected.fr);
        d.english.expected = expected.en;
        d
    }

    /// The English label of the place added last by [`Diagnostic::also_at`].
    pub fn also_en(mut self, label: impl Into<String>) -> Diagnostic {
        let n = self.also.len();
        self.english.also.resize(n, None);
        if let Some(last) = self.english.also.last_mut() {
            *last = Some(label.into());
        }
        self
    }

    /// Adds another place, its label in French and English.
    pub fn also_at_msg(self, span: Span, label: impl Into<Msg>) -> Diagnostic {
        let label = label.into();
        let d = self.also_at(span, label.fr);
        match label.en {
            Some(en) => d.also_en(en),
            None => d,
        }
    }

    /// The message in `lang` (French when it has no English).
    pub fn message_in(&self, lang: Lang) -> &str {
        match (lang, &self.english.message) {
            (Lang::En, Some(en)) => en,
            _ => &self.message,
        }
    }

    /// What was expected, in `lang` (French when it has no English).
    pub fn expected_in(&self, lang: Lang) -> Option<&str> {
        match (lang, &self.english.expected) {
            (Lang::En, Some(en)) => Some(en),
            _ => self.expected.as_deref(),
        }
    }

    /// The label of the `i`-th other place, in `lang`.
    fn also_label_in(&self, i: usize, lang: Lang) -> &str {
        match (lang, self.english.also.get(i)) {
            (Lang::En, Some(Some(en))) => en,
            _ => &self.also[i].1,
        }
    }

    /// The first French text of this diagnostic that has no English, if any:
    /// what the guard test looks for.
    pub fn untranslated(&self) -> Option<&str> {
        if self.english.message.is_none() {
            return Some(&self.message);
        }
        if let (Some(fr), None) = (&self.expected, &self.english.expected) {
            return Some(fr);
        }
        (0..self.also.len())
            .find(|&i| !matches!(self.english.also.get(i), Some(Some(_))))
            .map(|i| self.also[i].1.as_str())
    }

    /// Renders this diagnostic as text, in French: header, `file:line:col`,
    /// quoted line, note.
    pub fn render(&self, sources: &Sources) -> String {
        self.render_in(sources, Lang::Fr)
    }

    /// Renders this diagnostic as text in `lang`: header (« erreur : »,
    /// « avertissement : »), message, labels and note (French where a text
    /// has no English).
    pub fn render_in(&self, sources: &Sources, lang: Lang) -> String {
        let base = match self.severity {
            Severity::Error => CodespanDiagnostic::error(),
            Severity::Warning => CodespanDiagnostic::warning(),
        };
        let starts: Vec<(crate::source::FileId, usize)> = std::iter::once(self.span)
            .chain(self.also.iter().map(|(span, _)| *span))
            .map(|span| (span.file, span.start))
            .collect();
        // Long lines are quoted cut around the place at fault.
        let files = window::Window::new(sources, &starts);
        let mut diagnostic = base.with_message(self.message_in(lang)).with_labels(
            std::iter::once(Label::primary(
                self.span.file,
                files.map(self.span.file, self.span.start..self.span.end),
            ))
            .chain(self.also.iter().enumerate().map(|(i, (span, _))| {
                Label::secondary(span.file, files.map(span.file, span.start..span.end))
                    .with_message(self.also_label_in(i, lang))
            }))
            .collect(),
        );
        if let Some(expected) = self.expected_in(lang) {
            let note = word(lang, "diagnostic_attendu");
            diagnostic = diagnostic.with_notes(vec![format!("{note} {expected}")]);
        }
        let config = term::Config::default();
        let rendered = term::emit_into_string(&config, &files, &diagnostic).unwrap_or_else(|_| {
            format!(
                "{}: {}\n",
                sources.location(self.span),
                self.message_in(lang)
            )
        });
        // codespan-reporting writes its English severity name first: put ours instead.
        let (english, ours) = match self.severity {
            Severity::Error => ("error", "diagnostic_erreur"),
            Severity::Warning => ("warning", "diagnostic_avertissement"),
        };
        match rendered
            .strip_prefix(english)
            .and_then(|r| r.strip_prefix(':'))
        {
            Some(rest) => format!("{}{rest}", word(lang, ours)),
            None => rendered,
        }
    }

    /// One line: `file:line:col: message (attendu : …)`, for the tableau de bord.
    pub fn one_line(&self, sources: &Sources) -> String {
        self.one_line_in(sources, Lang::Fr)
    }

    /// [`Diagnostic::one_line`] in `lang`.
    pub fn one_line_in(&self, sources: &Sources, lang: Lang) -> String {
        let location = sources.location(self.span);
        let message = self.message_in(lang);
        match (self.expected_in(lang), lang) {
            (Some(expected), Lang::Fr) => {
                format!("{location} : {message} (attendu : {expected})")
            }
            (Some(expected), Lang::En) => {
                format!("{location}: {message} (expected: {expected})")
            }
            (None, Lang::Fr) => format!("{location} : {message}"),
            (None, Lang::En) => format!("{location}: {message}"),
        }
    }
}

/// Puts diagnostics in reading order: by file path, then position, errors
/// before warnings at one place.
pub fn sort(diagnostics: &mut [Diagnostic], sources: &Sources) {
    diagnostics.sort_by(|a, b| {
        (sources.path(a.span.file), a.span.start, a.severity).cmp(&(
            sources.path(b.span.file),
            b.span.start,
            b.severity,
        ))
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::FileId;

    fn at_start() -> Span {
        Span::file_start(FileId::of("data/personnes/x.yaml"))
    }

    #[test]
    fn a_text_without_english_is_found_by_the_guard() {
        let bare = Diagnostic::error(at_start(), "date mal écrite");
        assert_eq!(bare.untranslated(), Some("date mal écrite"));
        let no_expected_en = Diagnostic::error(at_start(), "date mal écrite")
            .en("badly written date")
            .expected("une date AAAA-MM-JJ");
        assert_eq!(no_expected_en.untranslated(), Some("une date AAAA-MM-JJ"));
        let no_label_en = Diagnostic::error_msg(at_start(), msg("doublon", "duplicate"))
            .also_at(at_start(), "premier fichier");
        assert_eq!(no_label_en.untranslated(), Some("premier fichier"));
        let whole = Diagnostic::warning_msg(at_start(), msg("doublon", "duplicate"))
            .expected_msg(msg("un seul", "one only"))
            .also_at_msg(at_start(), msg("premier fichier", "first file"));
        assert_eq!(whole.untranslated(), None);
    }

    #[test]
    fn each_language_reads_its_own_texts() {
        let d = Diagnostic::error_msg(at_start(), msg("doublon", "duplicate"))
            .expected_msg(msg("un seul", "one only"));
        assert_eq!(d.message_in(Lang::Fr), "doublon");
        assert_eq!(d.message_in(Lang::En), "duplicate");
        assert_eq!(d.expected_in(Lang::Fr), Some("un seul"));
        assert_eq!(d.expected_in(Lang::En), Some("one only"));
        // A text without English shows in French rather than not at all.
        let bare = Diagnostic::error(at_start(), "doublon");
        assert_eq!(bare.message_in(Lang::En), "doublon");
    }
}
