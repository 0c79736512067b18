//! Swimlane flowcharts of procedures, drawn as SVG at build time.
//!
//! Below the stages: the view converts a procedure into a [`Flowchart`] and
//! calls [`svg`]; nothing here knows procedures, files or profiles. The work
//! is in three steps, each in its own file: [`lanes`] orders the lanes,
//! [`layout`] places every box, text line, marker and edge (the algorithm is
//! described there and in ARCHITECTURE.md), [`draw`] writes the placed
//! shapes as SVG, escaping every text.
//!
//! The SVG is a standalone `<svg class="flowchart" role="img">` with
//! `<title>` and `<desc>`, real `<text>` (searchable, selectable), no script
//! and no external reference. It is as wide as its lanes need: put it in a
//! `<div class="flowchart-wrap">`, which the default theme scrolls sideways
//! on a phone and scales to the page width in print.

pub(crate) mod draw;
mod geometry;
mod lanes;
mod layout;
mod route;
mod wrap;

#[cfg(test)]
mod tests;

use crate::labels::Lang;

/// A procedure as its flowchart shows it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Flowchart {
    /// The procedure's code and title, for the SVG's `<title>`.
    pub title: String,
    /// A sentence summarising the steps, for the SVG's `<desc>`; when empty,
    /// the chart says how many steps and which acteurs it has.
    pub description: String,
    /// The lanes' labels (the acteurs as the procedure writes them), in the
    /// procedure's order.
    pub lanes: Vec<String>,
    /// The steps, in step order (n = 1, 2, …).
    pub steps: Vec<Step>,
}

/// One step: a box in the lanes of its acteurs.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Step {
    /// The step's number, shown in its box and named by [`Edge::to`].
    pub n: u32,
    /// Indices into [`Flowchart::lanes`]: the acteurs doing the step. Several
    /// make a step done together, one box across their lanes.
    pub lanes: Vec<usize>,
    /// The action, wrapped inside the box.
    pub text: String,
    /// A time marker shown beside the step (« J-15 », « fin d'année »).
    pub repere: Option<String>,
    /// A prerequisite shown beside the step.
    pub prerequis: Option<String>,
    /// Whether the step waits for all its incoming steps or for any one.
    pub join: Option<Join>,
    /// The steps that follow; empty for the end of the procedure (an arrow to
    /// the end marker).
    pub next: Vec<Edge>,
}

/// What a step waits for when several steps lead to it (`attend`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Join {
    /// Every incoming step is needed (`attend: toutes`), drawn « ET ».
    All,
    /// Any one incoming step is enough (`attend: une`), drawn « OU ».
    Any,
}

/// An arrow from a step to the step numbered `to`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Edge {
    /// The number of the step the arrow goes to.
    pub to: u32,
    /// The branch's condition (`si`), written near the start of the arrow.
    pub label: Option<String>,
}

/// The chart as an inline `<svg>` element, its words in French.
pub fn svg(chart: &Flowchart) -> String {
    svg_in(chart, Lang::Fr)
}

/// The chart as an inline `<svg>` element, its own words (« ET », « Fin »,
/// « Prérequis ») in `lang`.
pub fn svg_in(chart: &Flowchart, lang: Lang) -> String {
    draw::svg(chart, &layout::layout(chart, lang), lang)
}
