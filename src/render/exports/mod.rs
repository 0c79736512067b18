//! Spreadsheet exports: Excel workbooks (parrainages, one per filleul,
//! inscrits of each session and club, club convocation lists, the rapports'
//! figures in `rapports.rs`) and the
//! convocation CSV. Which exports exist, and the links to them, is decided by
//! the view (`view/exports.rs`: internal profile only); each is made here
//! from the View as [`table::Table`]s, then written by [`xlsx`] or [`csv`].

mod csv;
mod rapports;
mod suivi;
pub mod table;
mod tables;
mod xlsx;

use crate::plan::{Input, OutputKind, Planned, RenderError, Renderer};
use crate::source::FileId;
use crate::view::View;
use crate::view::exports::ExportKind;

/// The exports of the view.
pub struct Exports;

/// The people's folder: the lists of mentorships show a row per person file.
const PEOPLE: Input = Input::Folder("data/personnes");

fn files(files: &[FileId]) -> Vec<Input> {
    files.iter().map(|&f| Input::File(f)).collect()
}

/// What an export is made from: the same files as the page it belongs to.
fn inputs(view: &View, kind: ExportKind) -> Vec<Input> {
    match kind {
        ExportKind::ConvocationCsv(i)
        | ExportKind::ConvocationXlsx(i)
        | ExportKind::InscritsClub(i) => files(&view.clubs[i].inputs),
        ExportKind::InscritsSession(i) => files(&view.sessions[i].inputs),
        ExportKind::ParrainagesEnCours | ExportKind::ParrainagesTermines => vec![PEOPLE],
        ExportKind::Filleul(i) => files(&view.personnes[i].inputs),
        // As the sorties page: people, operators (libellés), the calendar.
        ExportKind::SuiviSorties => vec![
            PEOPLE,
            Input::Folder("data/operateurs"),
            Input::File(crate::view::plie::calendar_file()),
        ],
        ExportKind::Rapports => rapports::inputs(),
    }
}

impl Renderer for Exports {
    fn plan(&self, view: &View) -> Vec<Planned> {
        view.exports
            .list
            .iter()
            .map(|e| {
                Planned::new(
                    e.path.clone(),
                    OutputKind::Export,
                    inputs(view, e.kind),
                    e.kind,
                )
            })
            .collect()
    }

    fn render(&self, view: &View, planned: &Planned) -> Result<Vec<u8>, RenderError> {
        let &kind = planned.context::<ExportKind>()?;
        let tables = tables::tables(view, kind);
        match kind {
            ExportKind::ConvocationCsv(_) => Ok(tables.iter().flat_map(csv::write).collect()),
            _ => xlsx::write(&tables, view.site.langue),
        }
    }

    fn describe(&self, planned: &Planned) -> String {
        format!("l'export {}", planned.path)
    }
}
