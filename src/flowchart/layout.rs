//! The placement of every shape of a flowchart: the layout algorithm.
//!
//! 1. **Lanes** are columns, in the order of [`lanes::order`], each as wide
//!    as the others (about 1100 units shared, 150 to 220 each), the lane's
//!    label wrapped at the top (and again at the bottom past 8 steps). A
//!    margin column on the left holds the time markers and prerequisites,
//!    when some step has one. Between columns, and outside the first and
//!    the last, run the **gutters**: channels for edges, as wide as the
//!    tracks routed through them.
//! 2. **Rows** follow step order, one step per row: a chart reads top to
//!    bottom like the numbered list beside it, and no two boxes can meet. A
//!    step's box spans the columns of all its lanes; lanes that could not be
//!    made adjacent give one box per run of adjacent lanes, each with the
//!    step's number and text, linked by a dashed line. A box's text is
//!    wrapped to its width with the embedded font's metrics, after the
//!    step's number (hanging indent), at most 8 lines (then « … »); its
//!    height follows from its lines.
//!    A row is as tall as its box or its margin notes.
//! 3. **Edges** ([`route`]) leave a box at the bottom and enter the next at
//!    the top, at points spread along the edge in the order of where they
//!    go, so that they do not cross at the box. Between two rows lies a
//!    **gap** holding horizontal tracks: first those of the edges leaving
//!    the row above (room above a track for its branch label, written near
//!    the edge's start), then those of the edges arriving from a gutter to
//!    the row below, then the join symbol of that row. Spans of one gap
//!    that come near each other take different tracks.
//! 4. A step that waits (`attend`) gets a **join** circle (« ET » for all,
//!    « OU » for any) in the gap above it: every incoming edge ends on it,
//!    and one arrow goes from it into the box. Steps without a next step
//!    lead to the **end marker**, in a row of its own under the last step
//!    that ends.
//!
//! The geometry tests (`tests.rs`) check what this promises: no two boxes
//! overlap, no edge crosses a box, every edge starts and ends on a box, a
//! join or the end marker, every text line fits its box.

use std::collections::BTreeMap;

use super::geometry::{EPS, Point, Rect};
use super::route::{self, Channel, Link, Span};
use super::wrap::{clip, wrap};
use super::{Flowchart, Join, lanes};
use crate::font_metrics::{Faces, FontStyle};
use crate::labels::{Lang, word};

/// Size of a step's text (SVG units: CSS pixels at scale 1).
pub(crate) const TEXT_SIZE: f32 = 12.0;
const TEXT_LINE: f32 = 15.0;
/// The most lines a box shows; longer text ends with « … ».
pub(crate) const MAX_LINES: usize = 8;
/// Size of a lane's label (bold).
pub(crate) const LANE_SIZE: f32 = 12.0;
const LANE_LINE: f32 = 15.0;
/// Size of the margin notes (italic).
pub(crate) const NOTE_SIZE: f32 = 11.0;
const NOTE_LINE: f32 = 13.5;
/// Size of a branch label.
pub(crate) const BRANCH_SIZE: f32 = 10.5;
/// Size of the words of the join and end symbols (bold).
pub(crate) const SYMBOL_SIZE: f32 = 9.0;
/// Radius of a join circle.
pub(crate) const JOIN_R: f32 = 11.0;
/// Radius of the end marker.
pub(crate) const END_R: f32 = 9.0;

const PAD: f32 = 10.0;
const MARGIN_W: f32 = 130.0;
const LANES_W: f32 = 1100.0;
const MIN_LANE_W: f32 = 150.0;
const MAX_LANE_W: f32 = 220.0;
/// Space between a column's side and a box in it.
const INSET: f32 = 6.0;
const BOX_PAD_X: f32 = 7.0;
const BOX_PAD_Y: f32 = 6.0;
/// Distance from a line's top to its baseline, as a share of its size.
const ASCENT: f32 = 0.95;
const NUMBER_GAP: f32 = 5.0;
const MIN_ROW: f32 = 28.0;
const GUTTER_MIN: f32 = 14.0;
const TRACK_DX: f32 = 8.0;
const TRACK_DY: f32 = 8.0;
const LABEL_ROOM: f32 = 12.0;
/// Least distance between two spans on one track of a gap.
const SPAN_SPACE: f32 = 6.0;
/// Length of the last segment of an edge, room for its arrowhead.
const ARROW_ROOM: f32 = 12.0;
const MIN_GAP: f32 = 26.0;
const FOOTER_AFTER_ROWS: usize = 8;

/// How a text line is anchored at its `x`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Anchor {
    Start,
    Middle,
    End,
}

/// One line of text, placed: `y` is its baseline, `width` its measured
/// width at its size in its style.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct TextLine {
    pub(crate) x: f32,
    pub(crate) y: f32,
    pub(crate) text: String,
    pub(crate) width: f32,
    pub(crate) anchor: Anchor,
}

impl TextLine {
    fn new(x: f32, y: f32, text: String, style: FontStyle, size: f32, anchor: Anchor) -> Self {
        let width = Faces::get().width(style, &text, size);
        TextLine {
            x,
            y,
            text,
            width,
            anchor,
        }
    }

    /// Where the line starts and ends horizontally.
    pub(crate) fn extent(&self) -> (f32, f32) {
        match self.anchor {
            Anchor::Start => (self.x, self.x + self.width),
            Anchor::Middle => (self.x - self.width / 2.0, self.x + self.width / 2.0),
            Anchor::End => (self.x - self.width, self.x),
        }
    }
}

/// A lane: its column, its label at the top (and at the bottom of a long
/// chart).
#[derive(Debug)]
pub(crate) struct LaneBox {
    pub(crate) column: Rect,
    pub(crate) header: Rect,
    pub(crate) label: Vec<TextLine>,
    pub(crate) footer: Option<(Rect, Vec<TextLine>)>,
}

/// A step's box (one of several for lanes that are not side by side).
#[derive(Debug)]
pub(crate) struct StepBox {
    /// Index of the step in [`Flowchart::steps`].
    pub(crate) step: usize,
    pub(crate) rect: Rect,
    pub(crate) number: TextLine,
    pub(crate) lines: Vec<TextLine>,
    /// Whether the text was cut after [`MAX_LINES`] lines (the SVG then
    /// gives the whole text as the box's tooltip; the procedure's page
    /// lists it in full).
    pub(crate) cut: bool,
}

/// What a margin note says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum NoteKind {
    Repere,
    Prerequis,
}

/// A time marker or prerequisite beside its step.
#[derive(Debug)]
pub(crate) struct Note {
    pub(crate) kind: NoteKind,
    pub(crate) lines: Vec<TextLine>,
}

/// A branch condition near the start of its edge.
#[derive(Debug)]
pub(crate) struct Label {
    pub(crate) line: TextLine,
}

/// An arrow: an orthogonal polyline, the arrowhead at its last point.
#[derive(Debug)]
pub(crate) struct Arrow {
    pub(crate) points: Vec<Point>,
    pub(crate) label: Option<Label>,
}

/// A join symbol.
#[derive(Debug)]
pub(crate) struct JoinMark {
    /// The row (step index) whose box the join leads into.
    pub(crate) row: usize,
    pub(crate) center: Point,
    pub(crate) kind: Join,
    pub(crate) word: &'static str,
}

/// The end marker and its word.
#[derive(Debug)]
pub(crate) struct EndMark {
    pub(crate) center: Point,
    pub(crate) word: TextLine,
}

/// Every shape of a chart, placed.
#[derive(Debug)]
pub(crate) struct Layout {
    pub(crate) width: f32,
    pub(crate) height: f32,
    pub(crate) lanes: Vec<LaneBox>,
    pub(crate) boxes: Vec<StepBox>,
    /// Dashed links between the boxes of a step whose lanes are apart.
    pub(crate) links: Vec<(Point, Point)>,
    pub(crate) notes: Vec<Note>,
    /// Dotted lines from a step's first note to its box, across the lanes.
    pub(crate) leaders: Vec<(Point, Point)>,
    pub(crate) arrows: Vec<Arrow>,
    pub(crate) joins: Vec<JoinMark>,
    pub(crate) end: Option<EndMark>,
}

/// Where an edge ends.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Target {
    Box(usize, usize),
    Join(usize),
    End,
}

/// Lays the chart out (the algorithm in this module's documentation).
pub(crate) fn layout(chart: &Flowchart, lang: Lang) -> Layout {
    let blank = [String::new()];
    let labels: &[String] = if chart.lanes.is_empty() {
        &blank
    } else {
        &chart.lanes
    };
    let order = if chart.lanes.is_empty() {
        vec![0]
    } else {
        lanes::order(chart)
    };
    let columns = order.len();
    let mut position = vec![0; labels.len()];
    for (p, &lane) in order.iter().enumerate() {
        position[lane] = p;
    }
    let rows = chart.steps.len();
    let runs: Vec<Vec<(usize, usize)>> = chart
        .steps
        .iter()
        .map(|s| runs_of(&s.lanes, &position))
        .collect();
    let links = links(chart);
    let channels = route::channels(&links, &runs, columns);

    // Columns and gutters, left to right.
    let lane_w = (LANES_W / columns as f32).clamp(MIN_LANE_W, MAX_LANE_W);
    let has_notes = chart
        .steps
        .iter()
        .any(|s| present(&s.repere).is_some() || present(&s.prerequis).is_some());
    let margin_w = if has_notes { MARGIN_W } else { 0.0 };
    let gutter_w: Vec<f32> = channels
        .tracks
        .iter()
        .map(|&t| (t as f32 * TRACK_DX + 6.0).max(GUTTER_MIN))
        .collect();
    let mut gutter_x = Vec::with_capacity(columns + 1);
    let mut col_x = Vec::with_capacity(columns);
    let mut x = PAD + margin_w;
    for w in &gutter_w[..columns] {
        gutter_x.push(x);
        x += w;
        col_x.push(x);
        x += lane_w;
    }
    gutter_x.push(x);
    x += gutter_w[columns];
    let mut width = x + PAD;
    let track_x = |ch: Channel| {
        let used = channels.tracks[ch.gutter].saturating_sub(1) as f32 * TRACK_DX;
        gutter_x[ch.gutter] + (gutter_w[ch.gutter] - used) / 2.0 + ch.track as f32 * TRACK_DX
    };
    let run_span = |(p, q): (usize, usize)| {
        let left = col_x[p] + INSET;
        (left, col_x[q] + lane_w - INSET - left)
    };
    let run_centre = |row: usize, run: usize| {
        let (x, w) = run_span(runs[row][run]);
        x + w / 2.0
    };
    let closest_run = |row: usize, to: f32| {
        (0..runs[row].len())
            .min_by(|&a, &b| {
                (run_centre(row, a) - to)
                    .abs()
                    .total_cmp(&(run_centre(row, b) - to).abs())
            })
            .unwrap_or(0)
    };

    // Boxes: their width, text and height (placed in y later).
    let mut boxes: Vec<StepBox> = Vec::new();
    let mut box_of: BTreeMap<(usize, usize), usize> = BTreeMap::new();
    for (i, step) in chart.steps.iter().enumerate() {
        for (k, &run) in runs[i].iter().enumerate() {
            let (bx, bw) = run_span(run);
            box_of.insert((i, k), boxes.len());
            boxes.push(step_box(i, step.n, &step.text, bx, bw));
        }
    }
    // Margin notes, by step.
    let mut notes: Vec<Vec<Note>> = chart
        .steps
        .iter()
        .map(|s| notes_of(s.repere.as_deref(), s.prerequis.as_deref(), lang))
        .collect();
    let row_h: Vec<f32> = (0..rows)
        .map(|i| {
            let boxes_h = boxes
                .iter()
                .filter(|b| b.step == i)
                .map(|b| b.rect.h)
                .fold(0.0, f32::max);
            let notes_h = notes_height(&notes[i]);
            boxes_h.max(notes_h).max(MIN_ROW)
        })
        .collect();

    // The middle lane of a row's first box: where its join circle sits,
    // and the end marker under the last step that ends. A lane, never a
    // gutter, so that no gutter's line runs into them.
    let middle_lane = |row: usize| {
        let (p, q) = runs[row][0];
        col_x[p + (q - p) / 2] + lane_w / 2.0
    };
    let end_x = links
        .iter()
        .filter(|l| l.to == rows)
        .map(|l| l.from)
        .max()
        .map(middle_lane);

    // Where each edge leaves and arrives, in x.
    let join_x = middle_lane;
    let targets: Vec<Target> = links
        .iter()
        .enumerate()
        .map(|(i, l)| {
            if l.to == rows {
                Target::End
            } else if chart.steps[l.to].join.is_some() {
                Target::Join(l.to)
            } else {
                let towards = match channels.of_link[i] {
                    Some(ch) => track_x(ch),
                    None => run_centre(l.from, 0),
                };
                Target::Box(l.to, closest_run(l.to, towards))
            }
        })
        .collect();
    let target_guess = |i: usize| match targets[i] {
        Target::Box(row, run) => run_centre(row, run),
        Target::Join(row) => join_x(row),
        Target::End => end_x.unwrap_or(0.0),
    };
    let heading = |i: usize| channels.of_link[i].map_or_else(|| target_guess(i), track_x);
    let sources: Vec<usize> = (0..links.len())
        .map(|i| closest_run(links[i].from, heading(i)))
        .collect();
    let mut start_x = vec![0.0; links.len()];
    let mut leaving: BTreeMap<(usize, usize), Vec<usize>> = BTreeMap::new();
    for (i, l) in links.iter().enumerate() {
        leaving.entry((l.from, sources[i])).or_default().push(i);
    }
    for ((row, run), mut list) in leaving {
        list.sort_by(|&a, &b| heading(a).total_cmp(&heading(b)));
        let (bx, bw) = run_span(runs[row][run]);
        for (k, &i) in list.iter().enumerate() {
            start_x[i] = bx + bw * (k + 1) as f32 / (list.len() + 1) as f32;
        }
    }
    let mut end_at = vec![0.0; links.len()];
    let mut arriving: BTreeMap<(usize, usize), Vec<usize>> = BTreeMap::new();
    for (i, target) in targets.iter().enumerate() {
        match *target {
            Target::Box(row, run) => arriving.entry((row, run)).or_default().push(i),
            Target::Join(row) => end_at[i] = join_x(row),
            Target::End => end_at[i] = end_x.unwrap_or(0.0),
        }
    }
    let coming_from = |i: usize| channels.of_link[i].map_or(start_x[i], track_x);
    for ((row, run), mut list) in arriving {
        list.sort_by(|&a, &b| coming_from(a).total_cmp(&coming_from(b)));
        let (bx, bw) = run_span(runs[row][run]);
        for (k, &i) in list.iter().enumerate() {
            end_at[i] = bx + bw * (k + 1) as f32 / (list.len() + 1) as f32;
        }
    }

    // No two vertical lines in a gap may share an x: a point where an edge
    // enters or leaves a box moves aside from the other edges' points and
    // from the gutter lines (a box spanning two lanes covers a gutter).
    let gutter_lines = |gap: usize| -> Vec<f32> {
        links
            .iter()
            .zip(&channels.of_link)
            .filter_map(|(l, ch)| {
                let (lo, hi) = ((l.from + 1).min(l.to), (l.from + 1).max(l.to));
                ch.filter(|_| lo <= gap && gap <= hi).map(track_x)
            })
            .collect()
    };
    let near = |a: f32, b: f32| (a - b).abs() < 2.0;
    for i in 0..links.len() {
        let Target::Box(row, run) = targets[i] else {
            continue;
        };
        let gutters = gutter_lines(row);
        let (bx, bw) = run_span(runs[row][run]);
        let x = aside(end_at[i], bx, bx + bw, |x| {
            gutters.iter().any(|&g| near(g, x))
                || (0..links.len()).any(|j| j != i && links[j].to == row && near(end_at[j], x))
        });
        end_at[i] = x;
    }
    for i in 0..links.len() {
        let row = links[i].from;
        let gutters = gutter_lines(row + 1);
        let (bx, bw) = run_span(runs[row][sources[i]]);
        let x = aside(start_x[i], bx, bx + bw, |x| {
            gutters.iter().any(|&g| near(g, x))
                || (0..links.len()).any(|j| {
                    j != i
                        && ((links[j].to == row + 1 && near(end_at[j], x))
                            || (links[j].from == row && near(start_x[j], x)))
                })
        });
        start_x[i] = x;
    }

    // The horizontal tracks of each gap (gap g lies above row g).
    let faces = Faces::get();
    let branch: Vec<Option<(String, f32)>> = links
        .iter()
        .map(|l| {
            l.label.as_ref().map(|text| {
                let w = faces.width(FontStyle::Italic, text, BRANCH_SIZE);
                (text.clone(), w)
            })
        })
        .collect();
    // Which way each branch label is written from its edge's start: away
    // from the box's other edges where it is the first or last of them,
    // else the way the edge goes; never past the chart's left side.
    let leftwards: Vec<bool> = (0..links.len())
        .map(|i| {
            let Some((_, w)) = &branch[i] else {
                return false;
            };
            let siblings: Vec<f32> = (0..links.len())
                .filter(|&j| j != i && links[j].from == links[i].from && sources[j] == sources[i])
                .map(|j| start_x[j])
                .collect();
            let x0 = start_x[i];
            let goes_left = channels.of_link[i].map_or(end_at[i], track_x) < x0 - EPS;
            let wanted = if siblings.is_empty() {
                goes_left
            } else if siblings.iter().all(|&x| x > x0) {
                true
            } else if siblings.iter().all(|&x| x < x0) {
                false
            } else {
                goes_left
            };
            wanted && x0 - 4.0 - w >= PAD
        })
        .collect();
    let mut leave_track: Vec<Option<usize>> = vec![None; links.len()];
    let mut arrive_track: Vec<Option<usize>> = vec![None; links.len()];
    let mut gap_leave: Vec<Vec<bool>> = vec![Vec::new(); rows + 1];
    let mut gap_arrive: Vec<Vec<bool>> = vec![Vec::new(); rows + 1];
    for g in 0..=rows {
        let mut spans = Vec::new();
        let mut owners = Vec::new();
        for (i, l) in links.iter().enumerate() {
            if l.from + 1 != g {
                continue;
            }
            let (x0, x1) = (start_x[i], channels.of_link[i].map_or(end_at[i], track_x));
            let straight = (x0 - x1).abs() < EPS;
            if straight && branch[i].is_none() && channels.of_link[i].is_none() {
                continue;
            }
            let (mut lo, mut hi) = (x0.min(x1), x0.max(x1));
            if let Some((_, w)) = &branch[i] {
                if leftwards[i] {
                    lo = lo.min(x0 - 4.0 - w);
                } else {
                    hi = hi.max(x0 + 4.0 + w);
                }
            }
            spans.push(Span {
                lo,
                hi,
                labelled: branch[i].is_some(),
            });
            owners.push(i);
        }
        let (tracks, labelled) = route::tracks(&spans, SPAN_SPACE);
        for (k, &i) in owners.iter().enumerate() {
            leave_track[i] = Some(tracks[k]);
        }
        gap_leave[g] = labelled;
        let mut spans = Vec::new();
        let mut owners = Vec::new();
        for (i, l) in links.iter().enumerate() {
            if let (true, Some(ch)) = (l.to == g, channels.of_link[i]) {
                let (x0, x1) = (track_x(ch), end_at[i]);
                spans.push(Span {
                    lo: x0.min(x1),
                    hi: x0.max(x1),
                    labelled: false,
                });
                owners.push(i);
            }
        }
        let (tracks, labelled) = route::tracks(&spans, SPAN_SPACE);
        for (k, &i) in owners.iter().enumerate() {
            arrive_track[i] = Some(tracks[k]);
        }
        gap_arrive[g] = labelled;
    }

    // Top to bottom: the lane labels, then gaps and rows in turn.
    let label_lines: Vec<Vec<String>> = order
        .iter()
        .map(|&lane| wrap(&labels[lane], FontStyle::Bold, LANE_SIZE, lane_w - 8.0))
        .collect();
    let header_h =
        label_lines.iter().map(Vec::len).max().unwrap_or(0).max(1) as f32 * LANE_LINE + 12.0;
    let mut y = PAD;
    let header_y = y;
    y += header_h;
    let stripe_top = y;
    let mut leave_y: Vec<Vec<f32>> = vec![Vec::new(); rows + 1];
    let mut arrive_y: Vec<Vec<f32>> = vec![Vec::new(); rows + 1];
    let mut row_top = vec![0.0; rows];
    let mut joins = Vec::new();
    let mut end = None;
    for g in 0..=rows {
        let top = y;
        let mut c = top + 4.0;
        for &labelled in &gap_leave[g] {
            c += TRACK_DY + if labelled { LABEL_ROOM } else { 0.0 };
            leave_y[g].push(c);
        }
        for _ in &gap_arrive[g] {
            c += TRACK_DY;
            arrive_y[g].push(c);
        }
        let join = (g < rows).then(|| chart.steps[g].join).flatten();
        let arrives = links.iter().any(|l| l.to == g);
        if let Some(kind) = join {
            let center = Point::new(join_x(g), c + 6.0 + JOIN_R);
            joins.push(JoinMark {
                row: g,
                center,
                kind,
                word: word(
                    lang,
                    match kind {
                        Join::All => "flowchart_et",
                        Join::Any => "flowchart_ou",
                    },
                ),
            });
            c = center.y + JOIN_R;
        }
        let used = c + ARROW_ROOM - top;
        y = if arrives || used > 4.0 + ARROW_ROOM {
            top + used.max(MIN_GAP)
        } else {
            top + 8.0
        };
        if g < rows {
            row_top[g] = y;
            y += row_h[g];
        }
    }
    if let Some(x) = end_x {
        let center = Point::new(x, y + END_R);
        let text = word(lang, "flowchart_fin").to_owned();
        let line = TextLine::new(
            x + END_R + 5.0,
            center.y + TEXT_SIZE * 0.35,
            text,
            FontStyle::Bold,
            TEXT_SIZE,
            Anchor::Start,
        );
        end = Some(EndMark { center, word: line });
        y += 2.0 * END_R + 8.0;
    }
    let stripe_bottom = y + 4.0;
    y = stripe_bottom;
    let footer_y = (rows > FOOTER_AFTER_ROWS).then_some(y);
    if footer_y.is_some() {
        y += header_h;
    }
    let height = y + PAD;

    // Everything placed in y.
    for b in &mut boxes {
        let dy = row_top[b.step];
        b.rect.y += dy;
        b.number.y += dy;
        for line in &mut b.lines {
            line.y += dy;
        }
    }
    for (i, list) in notes.iter_mut().enumerate() {
        for note in list {
            for line in &mut note.lines {
                line.y += row_top[i];
            }
        }
    }
    let lanes: Vec<LaneBox> = (0..columns)
        .map(|p| {
            let column = Rect {
                x: col_x[p],
                y: stripe_top,
                w: lane_w,
                h: stripe_bottom - stripe_top,
            };
            let header = Rect {
                x: col_x[p],
                y: header_y,
                w: lane_w,
                h: header_h - 4.0,
            };
            let lines = |top: f32| -> Vec<TextLine> {
                let count = label_lines[p].len() as f32;
                let first = top + (header_h - 4.0 - count * LANE_LINE) / 2.0 + LANE_SIZE * ASCENT;
                label_lines[p]
                    .iter()
                    .enumerate()
                    .map(|(k, text)| {
                        TextLine::new(
                            col_x[p] + lane_w / 2.0,
                            first + k as f32 * LANE_LINE,
                            text.clone(),
                            FontStyle::Bold,
                            LANE_SIZE,
                            Anchor::Middle,
                        )
                    })
                    .collect()
            };
            let footer = footer_y.map(|fy| {
                let rect = Rect {
                    y: fy + 4.0,
                    ..header
                };
                (rect, lines(fy + 4.0))
            });
            LaneBox {
                column,
                header,
                label: lines(header_y),
                footer,
            }
        })
        .collect();

    // A dotted line leads from a step's first note to its box, which may be
    // lanes away.
    let leaders: Vec<(Point, Point)> = notes
        .iter()
        .enumerate()
        .filter_map(|(i, list)| {
            let first = list.first()?.lines.first()?;
            let target = boxes.iter().find(|b| b.step == i)?;
            let y = row_top[i] + BOX_PAD_Y + TEXT_SIZE * 0.6;
            let from = first.extent().1 + 4.0;
            (target.rect.x - from > 8.0)
                .then(|| (Point::new(from, y), Point::new(target.rect.x, y)))
        })
        .collect();

    // The links between the boxes of a step whose lanes are apart.
    let mut apart = Vec::new();
    for i in 0..rows {
        let parts: Vec<&StepBox> = boxes.iter().filter(|b| b.step == i).collect();
        for pair in parts.windows(2) {
            let y = pair[0].rect.y + pair[0].rect.h.min(pair[1].rect.h) / 2.0;
            apart.push((
                Point::new(pair[0].rect.right(), y),
                Point::new(pair[1].rect.x, y),
            ));
        }
    }

    // The arrows.
    let mut arrows = Vec::new();
    for (i, l) in links.iter().enumerate() {
        let bottom = box_of
            .get(&(l.from, sources[i]))
            .map_or(row_top[l.from], |&b| boxes[b].rect.bottom());
        let stop = match targets[i] {
            Target::Box(row, _) => row_top[row],
            Target::Join(row) => joins
                .iter()
                .find(|j| j.row == row)
                .map_or(row_top[row], |j| j.center.y - JOIN_R),
            Target::End => end.as_ref().map_or(y, |e| e.center.y - END_R),
        };
        let (xs, xe) = (start_x[i], end_at[i]);
        let first_y = leave_track[i].map(|t| leave_y[l.from + 1][t]);
        let mut points = vec![Point::new(xs, bottom)];
        match (channels.of_link[i], first_y) {
            (Some(ch), Some(y1)) => {
                let y2 = arrive_track[i].map_or(stop, |t| arrive_y[l.to][t]);
                let xg = track_x(ch);
                points.extend([
                    Point::new(xs, y1),
                    Point::new(xg, y1),
                    Point::new(xg, y2),
                    Point::new(xe, y2),
                ]);
            }
            (None, Some(y1)) => points.extend([Point::new(xs, y1), Point::new(xe, y1)]),
            _ => {}
        }
        points.push(Point::new(xe, stop));
        let label = branch[i].as_ref().zip(first_y).map(|((text, _), y1)| {
            let (x, anchor) = if leftwards[i] {
                (xs - 4.0, Anchor::End)
            } else {
                (xs + 4.0, Anchor::Start)
            };
            Label {
                line: TextLine::new(
                    x,
                    y1 - 3.0,
                    text.clone(),
                    FontStyle::Italic,
                    BRANCH_SIZE,
                    anchor,
                ),
            }
        });
        arrows.push(Arrow {
            points: simplified(points),
            label,
        });
    }
    for mark in &joins {
        arrows.push(Arrow {
            points: vec![
                Point::new(mark.center.x, mark.center.y + JOIN_R),
                Point::new(mark.center.x, row_top[mark.row]),
            ],
            label: None,
        });
    }

    // The chart is as wide as whatever sticks out furthest.
    let reach = arrows
        .iter()
        .filter_map(|a| a.label.as_ref())
        .map(|l| l.line.extent().1)
        .chain(end.iter().map(|e| e.word.extent().1))
        .fold(0.0, f32::max);
    width = width.max(reach + PAD);

    Layout {
        width,
        height,
        lanes,
        boxes,
        links: apart,
        notes: notes.into_iter().flatten().collect(),
        leaders,
        arrows,
        joins,
        end,
    }
}

/// The runs of adjacent columns of a step's lanes, left to right; a step
/// naming no lane it may use goes in the first column.
fn runs_of(step_lanes: &[usize], position: &[usize]) -> Vec<(usize, usize)> {
    let mut cols: Vec<usize> = step_lanes
        .iter()
        .filter_map(|&l| position.get(l).copied())
        .collect();
    cols.sort_unstable();
    cols.dedup();
    let mut runs: Vec<(usize, usize)> = Vec::new();
    for c in cols {
        match runs.last_mut() {
            Some((_, last)) if *last + 1 == c => *last = c,
            _ => runs.push((c, c)),
        }
    }
    if runs.is_empty() {
        runs.push((0, 0));
    }
    runs
}

/// The edges between rows: each `next` whose step exists (once), and an
/// edge to the end marker (row `steps.len()`) from each step without one.
fn links(chart: &Flowchart) -> Vec<Link> {
    let rows = chart.steps.len();
    let row_of = |n: u32| chart.steps.iter().position(|s| s.n == n);
    let mut out: Vec<Link> = Vec::new();
    for (from, step) in chart.steps.iter().enumerate() {
        if step.next.is_empty() {
            out.push(Link {
                from,
                to: rows,
                label: None,
            });
        }
        for edge in &step.next {
            let Some(to) = row_of(edge.to) else { continue };
            if out.iter().any(|l| l.from == from && l.to == to) {
                continue;
            }
            out.push(Link {
                from,
                to,
                label: present(&edge.label).map(str::to_owned),
            });
        }
    }
    out
}

/// The text of an optional field, if it says something.
fn present(text: &Option<String>) -> Option<&str> {
    text.as_deref().map(str::trim).filter(|t| !t.is_empty())
}

/// A step's box at `x`, `width` wide, its lines placed from y = 0.
fn step_box(step: usize, n: u32, text: &str, x: f32, width: f32) -> StepBox {
    let number = n.to_string();
    let indent = Faces::get().width(FontStyle::Bold, &number, TEXT_SIZE) + NUMBER_GAP;
    let text_width = (width - 2.0 * BOX_PAD_X - indent).max(1.0);
    let (wrapped, cut) = clip(
        wrap(text, FontStyle::Regular, TEXT_SIZE, text_width),
        MAX_LINES,
        FontStyle::Regular,
        TEXT_SIZE,
        text_width,
    );
    let first = BOX_PAD_Y + TEXT_SIZE * ASCENT;
    let lines: Vec<TextLine> = wrapped
        .into_iter()
        .enumerate()
        .map(|(k, t)| {
            TextLine::new(
                x + BOX_PAD_X + indent,
                first + k as f32 * TEXT_LINE,
                t,
                FontStyle::Regular,
                TEXT_SIZE,
                Anchor::Start,
            )
        })
        .collect();
    let height = 2.0 * BOX_PAD_Y + lines.len().max(1) as f32 * TEXT_LINE;
    StepBox {
        step,
        rect: Rect {
            x,
            y: 0.0,
            w: width,
            h: height,
        },
        number: TextLine::new(
            x + BOX_PAD_X,
            first,
            number,
            FontStyle::Bold,
            TEXT_SIZE,
            Anchor::Start,
        ),
        lines,
        cut,
    }
}

/// A step's margin notes, their lines placed from y = 0.
fn notes_of(repere: Option<&str>, prerequis: Option<&str>, lang: Lang) -> Vec<Note> {
    let width = MARGIN_W - 8.0;
    let mut y = 4.0 + NOTE_SIZE * ASCENT;
    let mut out = Vec::new();
    let texts = [
        (NoteKind::Repere, repere.map(str::to_owned)),
        (
            NoteKind::Prerequis,
            prerequis.map(|p| format!("{} {p}", word(lang, "flowchart_prerequis"))),
        ),
    ];
    for (kind, text) in texts {
        let Some(text) = text.filter(|t| !t.trim().is_empty()) else {
            continue;
        };
        let style = match kind {
            NoteKind::Repere => FontStyle::BoldItalic,
            NoteKind::Prerequis => FontStyle::Italic,
        };
        let lines = wrap(&text, style, NOTE_SIZE, width)
            .into_iter()
            .map(|t| {
                let line = TextLine::new(PAD, y, t, style, NOTE_SIZE, Anchor::Start);
                y += NOTE_LINE;
                line
            })
            .collect();
        y += 4.0;
        out.push(Note { kind, lines });
    }
    out
}

/// How tall a step's notes are.
fn notes_height(notes: &[Note]) -> f32 {
    notes
        .iter()
        .flat_map(|n| n.lines.last())
        .map(|l| l.y + NOTE_SIZE * 0.3 + 4.0)
        .fold(0.0, f32::max)
}

/// `x`, or the nearest of a few places beside it (5, 10, 15 units either
/// way, 3 units inside `lo..hi`) that is not `taken`; `x` itself if all are.
fn aside(x: f32, lo: f32, hi: f32, taken: impl Fn(f32) -> bool) -> f32 {
    [0.0, 5.0, -5.0, 10.0, -10.0, 15.0, -15.0]
        .iter()
        .map(|dx| x + dx)
        .find(|&c| lo + 3.0 <= c && c <= hi - 3.0 && !taken(c))
        .unwrap_or(x)
}

/// The polyline without repeated points or points in the middle of a
/// straight run.
fn simplified(points: Vec<Point>) -> Vec<Point> {
    let mut out: Vec<Point> = Vec::with_capacity(points.len());
    for p in points {
        if out
            .last()
            .is_some_and(|q| (q.x - p.x).abs() < EPS && (q.y - p.y).abs() < EPS)
        {
            continue;
        }
        if out.len() >= 2 {
            let (a, b) = (out[out.len() - 2], out[out.len() - 1]);
            let vertical = (a.x - b.x).abs() < EPS && (b.x - p.x).abs() < EPS;
            let horizontal = (a.y - b.y).abs() < EPS && (b.y - p.y).abs() < EPS;
            if vertical || horizontal {
                out.pop();
            }
        }
        out.push(p);
    }
    out
}
