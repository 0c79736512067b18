//! A checked form layout: what a printable form holds, block by block, with
//! its placeholders and where each was written. Made by the model's checks
//! (`model::forms`), carried by the view, drawn by the PDF renderer; below the
//! stages so that each may name it.

use crate::source::{FileId, Span};
use serde::Serialize;

/// What a form is printed for: one PDF per element of that kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Target {
    /// Each cycle of each session (attendance sheet).
    SessionCycle,
    /// Each atelier of each club (attendance sheet).
    ClubAtelier,
    /// Each session (list of enrolled people).
    Session,
    /// Each club (list of enrolled people).
    Club,
    /// Each enrolment in a session (welcome sheet).
    Inscription,
    /// Each mentee (mentoring form and charter).
    Parrainage,
    /// Each trainee (update of personal data).
    Personne,
    /// Each person who attended a session, club or event (certificate).
    Attestation,
    /// Each present participant of an event with photos (image release).
    Participant,
    /// Only the blank form.
    Vierge,
    /// Each validated positive exit of a PLIE parcours (exit letters).
    Sortie,
    /// Each archive year of the PLIE's exit files (archive-box labels).
    Archive,
}

pub(crate) const TARGETS: [(&str, Target); 12] = [
    ("session_cycle", Target::SessionCycle),
    ("club_atelier", Target::ClubAtelier),
    ("session", Target::Session),
    ("club", Target::Club),
    ("inscription", Target::Inscription),
    ("parrainage", Target::Parrainage),
    ("personne", Target::Personne),
    ("attestation", Target::Attestation),
    ("participant", Target::Participant),
    ("vierge", Target::Vierge),
    ("sortie", Target::Sortie),
    ("archive", Target::Archive),
];

impl Target {
    /// How a layout names it (`pour: session_cycle`).
    pub fn name(self) -> &'static str {
        TARGETS
            .iter()
            .find(|(_, t)| *t == self)
            .map_or("", |(name, _)| name)
    }

    /// Whether the forms of this target hold one person's own data, so that
    /// they are produced only in the internal profile.
    pub fn personal(self) -> bool {
        matches!(
            self,
            Target::Inscription
                | Target::Parrainage
                | Target::Personne
                | Target::Attestation
                | Target::Participant
                | Target::Sortie
                | Target::Archive
        )
    }
}

/// A template string with where it was written.
#[derive(Clone, Debug)]
pub struct Tpl {
    /// The source, with `{{ … }}` placeholders.
    pub source: String,
    /// Where it is.
    pub span: Span,
}

/// A path into a form's data (`personne.annuaire.nom`), with where it was written.
#[derive(Clone, Debug)]
pub struct DataPath {
    /// Names separated by dots.
    pub path: String,
    /// Where it is.
    pub span: Span,
}

/// A checked form layout.
#[derive(Clone, Debug)]
pub struct FormLayout {
    /// Id (file stem).
    pub id: String,
    /// File read.
    pub file: FileId,
    /// Short name for links.
    pub nom: String,
    /// Title (footer, PDF title).
    pub titre: Tpl,
    /// What it is printed for.
    pub target: Target,
    /// Landscape pages.
    pub landscape: bool,
    /// Blocks, top to bottom.
    pub blocks: Vec<LayoutBlock>,
}

impl FormLayout {
    /// Every placeholder string of the layout, title first, in block order.
    pub fn placeholders(&self) -> Vec<&Tpl> {
        let mut all = vec![&self.titre];
        for block in &self.blocks {
            match &block.kind {
                BlockKind::Heading(t, _) | BlockKind::Text(t) => all.push(t),
                BlockKind::Fields(items) => {
                    for (label, value) in items {
                        all.push(label);
                        all.extend(value);
                    }
                }
                BlockKind::Checkboxes(label, items) => {
                    all.extend(label);
                    all.extend(items.iter().map(|(t, _)| t));
                }
                BlockKind::Table(table) => {
                    for c in &table.columns {
                        all.push(&c.titre);
                        all.extend(&c.value);
                    }
                }
                BlockKind::Signatures(list) => all.extend(list),
                BlockKind::RightText(t) => all.push(t),
                BlockKind::Labels(labels) => all.push(&labels.texte),
                BlockKind::Funders | BlockKind::Spacer(_) | BlockKind::PageBreak => {}
            }
        }
        all
    }
}

/// A block, with an optional condition (a path that must be non-empty).
#[derive(Clone, Debug)]
pub struct LayoutBlock {
    /// Shown only if this path of the data is non-empty.
    pub si: Option<DataPath>,
    /// What it is.
    pub kind: BlockKind,
}

/// The kinds of blocks.
#[derive(Clone, Debug)]
pub enum BlockKind {
    /// Title (1) or section (2).
    Heading(Tpl, u8),
    /// Markdown text.
    Text(Tpl),
    /// Labels and values (empty value: a line to fill).
    Fields(Vec<(Tpl, Option<Tpl>)>),
    /// Tick boxes: label, then (text, path that ticks it).
    Checkboxes(Option<Tpl>, Vec<(Tpl, Option<DataPath>)>),
    /// A table.
    Table(LayoutTable),
    /// Signature boxes.
    Signatures(Vec<Tpl>),
    /// Funders' logos and mentions.
    Funders,
    /// Vertical space (mm).
    Spacer(f32),
    /// Page break.
    PageBreak,
    /// Markdown text in the right half of the page: a letter's recipient,
    /// place and date, signatory.
    RightText(Tpl),
    /// A sheet of adhesive labels: one cell per element of a list.
    Labels(LayoutLabels),
}

/// A sheet of labels: each element of a list printed in a cell of a grid
/// aligned to the A4 sheet (the label size is carnet.yaml's).
#[derive(Clone, Debug)]
pub struct LayoutLabels {
    /// Path of the list giving one label per element.
    pub list: DataPath,
    /// Markdown text of a label, with `{{ etiquette.… }}`.
    pub texte: Tpl,
}

/// A table of a layout.
#[derive(Clone, Debug)]
pub struct LayoutTable {
    /// Path of the list giving one row per element.
    pub rows: Option<DataPath>,
    /// Blank rows after the data.
    pub blank_rows: u32,
    /// Minimum row height (mm).
    pub min_row_height: f32,
    /// Columns.
    pub columns: Vec<LayoutColumn>,
}

/// A column (or a group repeated for each element of a list).
#[derive(Clone, Debug)]
pub struct LayoutColumn {
    /// Header.
    pub titre: Tpl,
    /// Relative width.
    pub width: f32,
    /// Cell content (none: to fill by hand).
    pub value: Option<Tpl>,
    /// Path of the list to repeat the column for.
    pub repeat: Option<DataPath>,
    /// Columns when that list is empty.
    pub blank_repeats: u32,
    /// One column per half-day when the kit asks for it.
    pub half_days: bool,
}
