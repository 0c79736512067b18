//! Which spreadsheet exports a build makes (Excel workbooks, the convocation
//! CSV) and the pages that link to them. Every export lists people, so they
//! exist in the internal profile only: the public site shows its lists as
//! pages, with only what each person consented to, and hands out no file of
//! personal data.

use super::{Link, Profile, View, urls};
use crate::labels::word;
use crate::model::ActivityKind;
use std::collections::HashMap;

/// What one export holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportKind {
    /// The convocation list of the club at this index of [`View::clubs`], as CSV.
    ConvocationCsv(usize),
    /// The same, as an Excel workbook.
    ConvocationXlsx(usize),
    /// The ongoing mentorships.
    ParrainagesEnCours,
    /// The finished mentorships.
    ParrainagesTermines,
    /// One filleul's mentorship (index in [`View::personnes`]).
    Filleul(usize),
    /// The people enrolled in the session at this index of [`View::sessions`].
    InscritsSession(usize),
    /// The people enrolled in the club at this index of [`View::clubs`].
    InscritsClub(usize),
    /// « Suivi des sorties »: one row per PLIE exit step (when the sorties page exists).
    SuiviSorties,
    /// The rapports' figures: a sheet per year, a row per month.
    Rapports,
}

/// One export: where it goes and what it holds.
#[derive(Clone, Debug)]
pub struct Export {
    /// Path in the output folder (its root-relative URL).
    pub path: String,
    /// What it holds.
    pub kind: ExportKind,
}

/// Every export of a build and the links the pages show to them.
#[derive(Debug, Default)]
pub struct ExportsView {
    /// The exports, in a stable order.
    pub list: Vec<Export>,
    /// Links to the exports, by the root-relative URL of the page that shows them.
    pub links: HashMap<String, Vec<Link>>,
    /// Whether the build leaves out the exports and the calendar feeds
    /// (`carnet build --sans-exports`): then there are none, and no page
    /// links to one.
    pub left_out: bool,
}

impl ExportsView {
    /// No export and no calendar feed, and no link to them (`--sans-exports`).
    pub fn left_out() -> ExportsView {
        ExportsView {
            left_out: true,
            ..ExportsView::default()
        }
    }
}

impl ExportsView {
    /// The exports of `view` (none in the public profile).
    pub fn new(view: &View) -> ExportsView {
        let mut exports = ExportsView::default();
        if view.site.profile != Profile::Interne {
            return exports;
        }
        let lang = view.site.langue;
        let mut add = |page: &str, label: String, path: String, kind| {
            let format = if path.ends_with(".csv") {
                "CSV"
            } else {
                "Excel"
            };
            exports
                .links
                .entry(page.to_string())
                .or_default()
                .push(Link {
                    label: format!("{label} ({format})"),
                    url: path.clone(),
                });
            exports.list.push(Export { path, kind });
        };
        add(
            urls::PARRAINAGES,
            format!("{} — {}", word(lang, "parrainages"), word(lang, "en_cours")),
            urls::PARRAINAGES_EN_COURS_XLSX.to_string(),
            ExportKind::ParrainagesEnCours,
        );
        add(
            urls::PARRAINAGES,
            format!("{} — {}", word(lang, "parrainages"), word(lang, "termines")),
            urls::PARRAINAGES_TERMINES_XLSX.to_string(),
            ExportKind::ParrainagesTermines,
        );
        for (i, p) in view.personnes.iter().enumerate() {
            if p.parrainage.is_some() {
                add(
                    &p.url,
                    format!("{} — {} {}", word(lang, "parrainage"), p.prenom, p.nom),
                    urls::parrainage_xlsx(&p.id),
                    ExportKind::Filleul(i),
                );
            }
        }
        for (kind, list) in [
            (ActivityKind::Session, &view.sessions),
            (ActivityKind::Club, &view.clubs),
        ] {
            for (i, a) in list.iter().enumerate() {
                add(
                    &a.url,
                    format!("{} — {}", word(lang, "inscrits"), a.titre),
                    urls::inscrits_xlsx(kind, &a.id),
                    match kind {
                        ActivityKind::Session => ExportKind::InscritsSession(i),
                        ActivityKind::Club => ExportKind::InscritsClub(i),
                    },
                );
                if kind == ActivityKind::Club && !a.convocation.is_empty() {
                    for (ext, kind) in [
                        ("xlsx", ExportKind::ConvocationXlsx(i)),
                        ("csv", ExportKind::ConvocationCsv(i)),
                    ] {
                        add(
                            &a.url,
                            format!("{} — {}", word(lang, "convocation"), a.titre),
                            urls::convocation(&a.id, ext),
                            kind,
                        );
                    }
                }
            }
        }
        if view.sorties.is_some() {
            add(
                urls::SORTIES,
                word(lang, "plie_suivi_sorties").to_string(),
                urls::SUIVI_SORTIES_XLSX.to_string(),
                ExportKind::SuiviSorties,
            );
        }
        if !view.rapports.annees.is_empty() {
            let label = word(lang, "rapports_classeur").to_string();
            let pages = std::iter::once(urls::RAPPORTS)
                .chain(view.rapports_mois.iter().map(|(url, _)| url.as_str()));
            for page in pages {
                exports
                    .links
                    .entry(page.to_string())
                    .or_default()
                    .push(Link {
                        label: format!("{label} (Excel)"),
                        url: super::rapports::XLSX.to_string(),
                    });
            }
            exports.list.push(Export {
                path: super::rapports::XLSX.to_string(),
                kind: ExportKind::Rapports,
            });
        }
        exports
    }
}
