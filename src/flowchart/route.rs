//! Where each edge runs, before any coordinate is known.
//!
//! Every edge leaves its step's box at the bottom and enters the next box at
//! the top. An edge to the next row (a direct edge) turns in the gap between
//! the two rows. Any other edge (one that skips rows, goes back up, or
//! reaches the end marker from far above) leaves into the gap below its
//! box, runs along a *gutter* (the free channel left or right of a lane
//! column, never crossed by a box unless a box spans it) to the gap above
//! its target, and turns into it. The gutter is the one free over the rows
//! the edge passes that makes the shortest detour; edges sharing a gutter
//! over overlapping rows get separate tracks (greedy interval colouring,
//! which uses the fewest tracks).

/// An edge between rows; `to == rows` is the end marker.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Link {
    pub(crate) from: usize,
    pub(crate) to: usize,
    pub(crate) label: Option<String>,
}

impl Link {
    /// Whether the edge goes straight to the next row.
    pub(crate) fn is_direct(&self) -> bool {
        self.to == self.from + 1
    }

    /// The gaps its vertical run in a gutter joins (gap `g` is above row
    /// `g`), lowest first.
    fn gaps(&self) -> (usize, usize) {
        let (a, b) = (self.from + 1, self.to);
        (a.min(b), a.max(b))
    }
}

/// A gutter and a track in it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Channel {
    pub(crate) gutter: usize,
    pub(crate) track: usize,
}

/// Which gutter and track each edge takes (`None` for a direct edge), and
/// how many tracks each gutter needs.
#[derive(Debug)]
pub(crate) struct Channels {
    pub(crate) of_link: Vec<Option<Channel>>,
    pub(crate) tracks: Vec<usize>,
}

/// Chooses the gutters. `runs[row]` are the column spans `(first, last)`
/// of the boxes of each row (the end marker's row has none), `lanes` the
/// number of lane columns: gutter `j` lies left of column `j`, gutter
/// `lanes` right of the last one.
pub(crate) fn channels(links: &[Link], runs: &[Vec<(usize, usize)>], lanes: usize) -> Channels {
    let gutters = lanes + 1;
    let blocked = |gutter: usize, row: usize| {
        runs.get(row)
            .is_some_and(|r| r.iter().any(|&(p, q)| p < gutter && gutter <= q))
    };
    // A column's centre, in column units (gutter j sits at j - 0.5).
    let centre = |row: usize| -> f32 {
        runs.get(row)
            .and_then(|r| r.first())
            .map_or(0.0, |&(p, q)| (p + q) as f32 / 2.0)
    };
    let mut choice: Vec<Option<usize>> = Vec::with_capacity(links.len());
    let mut load = vec![0usize; gutters];
    for link in links {
        if link.is_direct() {
            choice.push(None);
            continue;
        }
        let (lo, hi) = link.gaps();
        let from = centre(link.from);
        let to = if link.to < runs.len() {
            centre(link.to)
        } else {
            from
        };
        let best = (0..gutters)
            .filter(|&g| (lo..hi).all(|row| !blocked(g, row)))
            .min_by(|&a, &b| {
                let cost = |g: usize| {
                    let x = g as f32 - 0.5;
                    (from - x).abs() + (x - to).abs()
                };
                cost(a)
                    .total_cmp(&cost(b))
                    .then(load[a].cmp(&load[b]))
                    .then(b.cmp(&a))
            })
            // The outer gutters are never blocked: only a box spanning two
            // columns covers the gutter between them.
            .unwrap_or(lanes);
        load[best] += 1;
        choice.push(Some(best));
    }
    // Tracks: per gutter, the edges by their first gap, each on the first
    // track free from the gap where it starts.
    let mut of_link = vec![None; links.len()];
    let mut tracks = vec![0usize; gutters];
    for (gutter, count) in tracks.iter_mut().enumerate() {
        let mut using: Vec<usize> = (0..links.len())
            .filter(|&i| choice[i] == Some(gutter))
            .collect();
        using.sort_by_key(|&i| links[i].gaps());
        let mut ends: Vec<usize> = Vec::new();
        for i in using {
            let (lo, hi) = links[i].gaps();
            let track = match ends.iter().position(|&end| end < lo) {
                Some(t) => t,
                None => {
                    ends.push(0);
                    ends.len() - 1
                }
            };
            ends[track] = hi;
            of_link[i] = Some(Channel { gutter, track });
        }
        *count = ends.len();
    }
    Channels { of_link, tracks }
}

/// An x interval on a horizontal track, with whether it carries a label.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Span {
    pub(crate) lo: f32,
    pub(crate) hi: f32,
    pub(crate) labelled: bool,
}

/// The tracks of a gap: for each span its track, and for each track
/// whether some span on it carries a label. Spans closer than `space`
/// never share a track.
pub(crate) fn tracks(spans: &[Span], space: f32) -> (Vec<usize>, Vec<bool>) {
    let mut order: Vec<usize> = (0..spans.len()).collect();
    order.sort_by(|&a, &b| spans[a].lo.total_cmp(&spans[b].lo));
    let mut ends: Vec<f32> = Vec::new();
    let mut labelled: Vec<bool> = Vec::new();
    let mut track_of = vec![0; spans.len()];
    for i in order {
        let span = spans[i];
        let track = match ends.iter().position(|&end| end + space < span.lo) {
            Some(t) => t,
            None => {
                ends.push(f32::MIN);
                labelled.push(false);
                ends.len() - 1
            }
        };
        ends[track] = span.hi;
        labelled[track] |= span.labelled;
        track_of[i] = track;
    }
    (track_of, labelled)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn link(from: usize, to: usize) -> Link {
        Link {
            from,
            to,
            label: None,
        }
    }

    #[test]
    fn a_direct_edge_takes_no_gutter() {
        let runs = vec![vec![(0, 0)], vec![(1, 1)]];
        let c = channels(&[link(0, 1)], &runs, 2);
        assert_eq!(c.of_link, [None]);
        assert_eq!(c.tracks, [0, 0, 0]);
    }

    #[test]
    fn a_skip_takes_the_nearest_free_gutter_and_avoids_spanning_boxes() {
        // Row 1 spans columns 0..=1, so gutter 1 (between them) is blocked
        // for an edge from row 0 to row 2; the nearest free is 0 or 2.
        let runs = vec![vec![(0, 0)], vec![(0, 1)], vec![(1, 1)]];
        let c = channels(&[link(0, 2)], &runs, 2);
        let gutter = c.of_link[0].map(|ch| ch.gutter);
        assert!(matches!(gutter, Some(0 | 2)), "{gutter:?}");
        // Without the spanning box, the gutter between the columns.
        let runs = vec![vec![(0, 0)], vec![(0, 0)], vec![(1, 1)]];
        let c = channels(&[link(0, 2)], &runs, 2);
        assert_eq!(
            c.of_link[0],
            Some(Channel {
                gutter: 1,
                track: 0
            })
        );
    }

    #[test]
    fn edges_over_the_same_gaps_of_a_gutter_get_their_own_tracks() {
        let runs = vec![vec![(0, 0)]; 6];
        let links = [link(4, 1), link(3, 2), link(0, 2), link(3, 5), link(5, 0)];
        let c = channels(&links, &runs, 1);
        let overlap = |a: &Link, b: &Link| {
            let ((a0, a1), (b0, b1)) = (a.gaps(), b.gaps());
            a0 <= b1 && b0 <= a1
        };
        for i in 0..links.len() {
            for j in i + 1..links.len() {
                let (Some(ci), Some(cj)) = (c.of_link[i], c.of_link[j]) else {
                    panic!("every link here takes a gutter");
                };
                if ci.gutter == cj.gutter && overlap(&links[i], &links[j]) {
                    assert_ne!(ci.track, cj.track, "links {i} and {j}");
                }
            }
        }
    }

    #[test]
    fn spans_that_overlap_get_separate_tracks() {
        let spans = [
            Span {
                lo: 0.0,
                hi: 50.0,
                labelled: false,
            },
            Span {
                lo: 40.0,
                hi: 90.0,
                labelled: true,
            },
            Span {
                lo: 60.0,
                hi: 70.0,
                labelled: false,
            },
        ];
        let (track, labelled) = tracks(&spans, 4.0);
        assert_eq!(track, [0, 1, 0]);
        assert_eq!(labelled, [false, true]);
    }
}
