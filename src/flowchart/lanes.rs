//! The order of the lanes, left to right.
//!
//! The procedure's order is kept unless a step done together names lanes
//! that are not side by side. Then, taking such steps in step order, the
//! step's other lanes are moved next to its first lane (or, failing that,
//! its last), keeping every other lane's relative order; the move is kept
//! only if every step made adjacent before stays adjacent. A step whose
//! lanes still cannot be side by side is drawn as one box per run of
//! adjacent lanes, linked as done together (see `layout`).

use super::Flowchart;

/// The lanes' indices into [`Flowchart::lanes`], in the order drawn.
pub(crate) fn order(chart: &Flowchart) -> Vec<usize> {
    let count = chart.lanes.len();
    let mut order: Vec<usize> = (0..count).collect();
    let mut kept: Vec<Vec<usize>> = Vec::new();
    for step in &chart.steps {
        let mut group: Vec<usize> = step.lanes.iter().copied().filter(|&l| l < count).collect();
        group.sort_unstable();
        group.dedup();
        if group.len() < 2 {
            continue;
        }
        if adjacent(&order, &group) {
            kept.push(group);
            continue;
        }
        let tries = [
            gathered(&order, &group, true),
            gathered(&order, &group, false),
        ];
        if let Some(better) = tries
            .into_iter()
            .find(|o| adjacent(o, &group) && kept.iter().all(|g| adjacent(o, g)))
        {
            order = better;
            kept.push(group);
        }
    }
    order
}

/// Whether the lanes of `group` sit side by side in `order`.
pub(crate) fn adjacent(order: &[usize], group: &[usize]) -> bool {
    let positions: Vec<usize> = order
        .iter()
        .enumerate()
        .filter(|(_, lane)| group.contains(lane))
        .map(|(p, _)| p)
        .collect();
    match (positions.first(), positions.last()) {
        (Some(first), Some(last)) => last - first + 1 == positions.len(),
        _ => true,
    }
}

/// `order` with the lanes of `group` moved together at the place of the
/// group's first lane (`at_first`) or of its last.
fn gathered(order: &[usize], group: &[usize], at_first: bool) -> Vec<usize> {
    let members: Vec<usize> = order
        .iter()
        .copied()
        .filter(|l| group.contains(l))
        .collect();
    let anchor = if at_first {
        members.first()
    } else {
        members.last()
    };
    let Some(&anchor) = anchor else {
        return order.to_vec();
    };
    let mut out = Vec::with_capacity(order.len());
    for &lane in order {
        if lane == anchor {
            out.extend(&members);
        } else if !group.contains(&lane) {
            out.push(lane);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::flowchart::Step;

    fn chart(lanes: usize, groups: &[&[usize]]) -> Flowchart {
        Flowchart {
            lanes: (0..lanes).map(|i| format!("L{i}")).collect(),
            steps: groups
                .iter()
                .enumerate()
                .map(|(i, g)| Step {
                    n: i as u32 + 1,
                    lanes: g.to_vec(),
                    ..Step::default()
                })
                .collect(),
            ..Flowchart::default()
        }
    }

    #[test]
    fn the_procedures_order_is_kept_when_nothing_asks_otherwise() {
        assert_eq!(order(&chart(4, &[&[0], &[2, 3], &[1]])), [0, 1, 2, 3]);
    }

    #[test]
    fn a_step_done_together_brings_its_lanes_side_by_side() {
        // Lanes 0 and 3 work together: 3 moves next to 0.
        assert_eq!(order(&chart(4, &[&[0], &[3, 0]])), [0, 3, 1, 2]);
    }

    #[test]
    fn a_move_that_would_part_an_earlier_pair_is_not_made() {
        // 0+1 together, 1+2 together, then 0+2: moving 2 next to 0 (or 0
        // next to 2) would part one of the first pairs; 0-1-2 already
        // keeps them all adjacent except 0+2, which stays apart.
        let lanes = order(&chart(4, &[&[0, 1], &[1, 2], &[0, 2]]));
        assert_eq!(lanes, [0, 1, 2, 3]);
        assert!(!adjacent(&lanes, &[0, 2]));
        // 0+2, then 1+3: 2 moves next to 0, then 3 next to 1.
        assert_eq!(order(&chart(4, &[&[0, 2], &[1, 3]])), [0, 2, 1, 3]);
    }

    #[test]
    fn lanes_out_of_range_are_ignored() {
        assert_eq!(order(&chart(2, &[&[0, 7], &[1, 1]])), [0, 1]);
    }
}
