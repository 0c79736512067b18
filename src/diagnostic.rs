//! Problems found in a kit: each with the exact span at fault, what is wrong
//! and what is expected. Validation collects them all; nothing stops at the first.

pub mod report;
mod window;

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
}

impl Diagnostic {
    /// An error at `span`, made by the rule calling this.
    #[track_caller]
    pub fn error(span: Span, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Error,
            span,
            message: message.into(),
            expected: None,
            also: Vec::new(),
            kind: DiagnosticKind::Other,
            origin: Location::caller(),
        }
    }

    /// A warning at `span`, made by the rule calling this.
    #[track_caller]
    pub fn warning(span: Span, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Warning,
            span,
            message: message.into(),
            expected: None,
            also: Vec::new(),
            kind: DiagnosticKind::Other,
            origin: Location::caller(),
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

    /// Renders this diagnostic as text, in French: header, `file:line:col`,
    /// quoted line, note.
    pub fn render(&self, sources: &Sources) -> String {
        self.render_in(sources, Lang::Fr)
    }

    /// Renders this diagnostic as text, its header (« erreur : », « avertissement : »)
    /// and note words in `lang`; the message itself stays as written.
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
        let mut diagnostic = base.with_message(&self.message).with_labels(
            std::iter::once(Label::primary(
                self.span.file,
                files.map(self.span.file, self.span.start..self.span.end),
            ))
            .chain(self.also.iter().map(|(span, label)| {
                Label::secondary(span.file, files.map(span.file, span.start..span.end))
                    .with_message(label)
            }))
            .collect(),
        );
        if let Some(expected) = &self.expected {
            let note = word(lang, "diagnostic_attendu");
            diagnostic = diagnostic.with_notes(vec![format!("{note} {expected}")]);
        }
        let config = term::Config::default();
        let rendered = term::emit_into_string(&config, &files, &diagnostic)
            .unwrap_or_else(|_| format!("{}: {}\n", sources.location(self.span), self.message));
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
        match &self.expected {
            Some(expected) => format!(
                "{} : {} (attendu : {expected})",
                sources.location(self.span),
                self.message
            ),
            None => format!("{} : {}", sources.location(self.span), self.message),
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
