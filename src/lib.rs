//! carnet: an employment-support organisation's YAML records compiled into a
//! static site, PDF forms, exports and feeds.
//!
//! The stages, in order: [`load`] (files → typed records with spans),
//! [`model`] (rules, links, derived facts → one [`model::Kit`]),
//! [`view`] (what a profile may show), [`render`] (pages and files),
//! [`output`] (atomic write of `public/`).

pub mod config;
pub mod diagnostic;
pub mod load;
pub mod model;
pub mod source;
pub mod view;




use chrono::NaiveDate;
use diagnostic::{Diagnostic, Severity};
use std::path::Path;

/// The kit of a folder, loaded and validated, with every diagnostic found
/// (sorted by file and position). `Err` only for I/O problems (exit status 2).
pub fn check(root: &Path, today: NaiveDate) -> Result<(model::Kit, Vec<Diagnostic>), load::LoadError> {
    let loaded = load::load(root)?;
    let (kit, mut diagnostics) = model::build(loaded, today);
    diagnostics.sort_by_key(|d| (d.span.file, d.span.start, d.severity));
    Ok((kit, diagnostics))
}

/// Whether any diagnostic is an error.
pub fn has_errors(diagnostics: &[Diagnostic]) -> bool {
    diagnostics.iter().any(|d| d.severity == Severity::Error)
}
