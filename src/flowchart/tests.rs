//! The flowchart's promises, checked on the layout's geometry (and on the
//! SVG where the promise is about the markup): no two boxes overlap, no edge
//! crosses a box, every arrow starts and ends on a box, a join or the end
//! marker, every lane is labelled, every line fits its box, user text is
//! escaped.

use proptest::prelude::*;

use super::geometry::{EPS, Point, Rect};
use super::layout::{END_R, JOIN_R, Layout, layout};
use super::{Edge, Flowchart, Join, Step, svg};
use crate::labels::Lang;

fn step(n: u32, lanes: &[usize], text: &str, next: &[u32]) -> Step {
    Step {
        n,
        lanes: lanes.to_vec(),
        text: text.to_owned(),
        next: next.iter().map(|&to| Edge { to, label: None }).collect(),
        ..Step::default()
    }
}

fn branch(to: u32, label: &str) -> Edge {
    Edge {
        to,
        label: Some(label.to_owned()),
    }
}

/// A small procedure: three acteurs, a branch, the end.
fn small() -> Flowchart {
    let mut s2 = step(
        2,
        &[1],
        "Le conseiller vérifie que le dossier est complet",
        &[],
    );
    s2.next = vec![branch(3, "complet"), branch(1, "incomplet")];
    Flowchart {
        title: "P02 Inscription à un atelier".into(),
        description: String::new(),
        lanes: vec![
            "Candidat".into(),
            "Conseiller emploi".into(),
            "Secrétariat".into(),
        ],
        steps: vec![
            step(1, &[0], "Le candidat remplit la fiche d'inscription", &[2]),
            s2,
            step(3, &[2], "Le secrétariat envoie la convocation", &[4]),
            step(4, &[0, 1], "Entretien d'accueil", &[]),
        ],
    }
}

/// A large procedure: 8 lanes, 22 steps, branches, a loop back, both
/// joins, steps done by two acteurs (side by side and apart), markers.
fn large() -> Flowchart {
    let lanes: Vec<String> = [
        "Manager",
        "Conseiller carrière",
        "Business Developer",
        "Chargé(e) de communication",
        "Institution hôte",
        "Ambassadeurs",
        "Entreprise partenaire",
        "Jeune accompagné",
    ]
    .map(String::from)
    .to_vec();
    let text = |n: u32| match n % 4 {
        0 => "Rédige le compte rendu de la réunion et le transmet à l'équipe".to_owned(),
        1 => "Valide".to_owned(),
        2 => "Prépare les supports de présentation de l'événement avec les partenaires \
              et vérifie la logistique de la salle"
            .to_owned(),
        _ => format!("Étape {n} : relance les participants inscrits"),
    };
    let mut steps: Vec<Step> = (1..=22)
        .map(|n| step(n, &[(n as usize * 3) % 8], &text(n), &[n + 1]))
        .collect();
    steps[21].next.clear();
    // Step 3 branches to 4 or jumps to 9; 9 waits for one of them (and 8).
    steps[2].next = vec![branch(4, "si le budget est validé"), branch(9, "sinon")];
    steps[8].join = Some(Join::Any);
    // Steps 10 and 11 both lead to 12, which needs both.
    steps[9].next = vec![
        Edge {
            to: 11,
            label: None,
        },
        Edge {
            to: 12,
            label: None,
        },
    ];
    steps[11].join = Some(Join::All);
    // Step 16 loops back to 13 until the list is complete.
    steps[15].next = vec![branch(17, "liste complète"), branch(13, "à compléter")];
    // Step 14 ends early on a refusal.
    steps[13].next = vec![branch(15, "accord"), branch(23, "refus")];
    steps[13].next.retain(|e| e.to != 23);
    steps[13].next.push(Edge {
        to: 22,
        label: Some("refus".into()),
    });
    // Two acteurs: side by side (0 and 1), and apart (2 and 7, while 2+3
    // and 6+7 must stay side by side).
    steps[4].lanes = vec![2, 3];
    steps[5].lanes = vec![6, 7];
    steps[6].lanes = vec![0, 1];
    steps[19].lanes = vec![2, 7];
    steps[0].repere = Some("Fin d'année universitaire".into());
    steps[0].prerequis = Some("Budget de l'année passée".into());
    steps[10].repere = Some("J-15".into());
    steps[17].prerequis = Some("Liste des entreprises partenaires à jour".into());
    Flowchart {
        title: "P05 Organiser un salon de l'emploi".into(),
        description: "Vingt-deux étapes, de la préparation au bilan.".into(),
        lanes,
        steps,
    }
}

/// The rectangles nothing may cross: boxes, join circles, the end marker.
fn obstacles(layout: &Layout) -> Vec<Rect> {
    let square = |c: Point, r: f32| Rect {
        x: c.x - r,
        y: c.y - r,
        w: 2.0 * r,
        h: 2.0 * r,
    };
    layout
        .boxes
        .iter()
        .map(|b| b.rect)
        .chain(layout.joins.iter().map(|j| square(j.center, JOIN_R)))
        .chain(layout.end.iter().map(|e| square(e.center, END_R)))
        .collect()
}

/// Every geometric promise of the layout; the problems found.
fn problems(chart: &Flowchart, layout: &Layout) -> Vec<String> {
    let mut found = Vec::new();
    let shapes = obstacles(layout);
    for (i, a) in shapes.iter().enumerate() {
        for (j, b) in shapes.iter().enumerate().skip(i + 1) {
            if a.overlaps(b) {
                found.push(format!("shapes {i} and {j} overlap: {a:?} {b:?}"));
            }
        }
    }
    let inside =
        |p: Point| -EPS <= p.x && p.x <= layout.width && -EPS <= p.y && p.y <= layout.height;
    for (k, arrow) in layout.arrows.iter().enumerate() {
        let points = &arrow.points;
        if points.len() < 2 {
            found.push(format!("arrow {k} has {} point", points.len()));
            continue;
        }
        for pair in points.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            if (a.x - b.x).abs() > EPS && (a.y - b.y).abs() > EPS {
                found.push(format!("arrow {k}: segment {a:?}–{b:?} is not orthogonal"));
            }
            for (s, shape) in shapes.iter().enumerate() {
                if shape.crossed_by(a, b) {
                    found.push(format!("arrow {k}: segment {a:?}–{b:?} crosses shape {s}"));
                }
            }
            if !inside(a) || !inside(b) {
                found.push(format!("arrow {k} leaves the chart"));
            }
        }
        let (first, last) = (points[0], points[points.len() - 1]);
        if !shapes.iter().any(|s| s.on_edge(first)) {
            found.push(format!("arrow {k} starts at {first:?}, on no box"));
        }
        if !shapes.iter().any(|s| s.on_edge(last)) {
            found.push(format!("arrow {k} ends at {last:?}, on no box"));
        }
        if let Some(label) = &arrow.label {
            let (lo, hi) = label.line.extent();
            if lo < 0.0 || hi > layout.width {
                found.push(format!("label of arrow {k} leaves the chart"));
            }
            let text = Rect {
                x: lo,
                y: label.line.y - 8.0,
                w: hi - lo,
                h: 10.0,
            };
            if let Some(s) = shapes.iter().position(|s| s.overlaps(&text)) {
                found.push(format!("label of arrow {k} covers shape {s}"));
            }
        }
    }
    // Two arrows never run along the same line, unless they merge into the
    // same point (a join, the end marker).
    let segments = |k: usize| -> Vec<(Point, Point)> {
        layout.arrows[k]
            .points
            .windows(2)
            .map(|p| (p[0], p[1]))
            .collect()
    };
    let last = |k: usize| layout.arrows[k].points.last().copied();
    for i in 0..layout.arrows.len() {
        for j in i + 1..layout.arrows.len() {
            let merging = match (last(i), last(j)) {
                (Some(a), Some(b)) => (a.x - b.x).abs() < EPS && (a.y - b.y).abs() < EPS,
                _ => false,
            };
            if merging {
                continue;
            }
            for (a, b) in segments(i) {
                for (c, d) in segments(j) {
                    if collinear_overlap(a, b, c, d) {
                        found.push(format!(
                            "arrows {i} and {j} share a line: {a:?}–{b:?}, {c:?}–{d:?}"
                        ));
                    }
                }
            }
        }
    }
    for (k, &(a, b)) in layout.leaders.iter().enumerate() {
        if shapes.iter().any(|s| s.crossed_by(a, b)) || !shapes.iter().any(|s| s.on_edge(b)) {
            found.push(format!("leader {k} crosses a shape or leads to none"));
        }
    }
    for b in &layout.boxes {
        let r = b.rect;
        for line in std::iter::once(&b.number).chain(&b.lines) {
            let (lo, hi) = line.extent();
            if lo < r.x + 1.0 || hi > r.right() - 1.0 || line.y < r.y || line.y > r.bottom() {
                found.push(format!("line « {} » leaves its box {r:?}", line.text));
            }
        }
        if !inside(Point::new(r.x, r.y)) || !inside(Point::new(r.right(), r.bottom())) {
            found.push(format!("box of step {} leaves the chart", b.step + 1));
        }
    }
    for lane in chart.lanes.iter().filter(|l| !l.trim().is_empty()) {
        let labelled = layout.lanes.iter().any(|l| {
            let words: Vec<&str> = l.label.iter().map(|t| t.text.as_str()).collect();
            words
                .join(" ")
                .split_whitespace()
                .eq(lane.split_whitespace())
        });
        if !labelled {
            found.push(format!("lane « {lane} » has no label"));
        }
    }
    found
}

/// Whether two axis-aligned segments lie on one line and share a length.
fn collinear_overlap(a: Point, b: Point, c: Point, d: Point) -> bool {
    let shared = |p0: f32, p1: f32, q0: f32, q1: f32| {
        p0.max(p1).min(q0.max(q1)) - p0.min(p1).max(q0.min(q1)) > EPS
    };
    let vertical = |p: Point, q: Point| (p.x - q.x).abs() < EPS;
    let horizontal = |p: Point, q: Point| (p.y - q.y).abs() < EPS;
    (vertical(a, b) && vertical(c, d) && (a.x - c.x).abs() < EPS && shared(a.y, b.y, c.y, d.y))
        || (horizontal(a, b)
            && horizontal(c, d)
            && (a.y - c.y).abs() < EPS
            && shared(a.x, b.x, c.x, d.x))
}

#[test]
fn a_small_chart_keeps_its_promises() {
    let chart = small();
    let layout = layout(&chart, Lang::Fr);
    assert_eq!(problems(&chart, &layout), Vec::<String>::new());
    // Four boxes (the two-acteur step is one box across both lanes), five
    // edges (1→2, 2→3, 2→1, 3→4, 4→end), an end marker.
    assert_eq!(layout.boxes.len(), 4);
    assert_eq!(layout.arrows.len(), 5);
    assert!(layout.end.is_some());
    let together = &layout.boxes[3].rect;
    assert!(
        together.w > layout.lanes[0].column.w,
        "step 4 spans two lanes"
    );
}

#[test]
fn a_large_chart_keeps_its_promises_within_sane_bounds() {
    let chart = large();
    let layout = layout(&chart, Lang::Fr);
    assert_eq!(problems(&chart, &layout), Vec::<String>::new());
    assert!(layout.width < 1800.0, "width {}", layout.width);
    assert!(layout.height < 22.0 * 140.0, "height {}", layout.height);
    assert_eq!(layout.lanes.len(), 8);
    // A join of each kind, each with its arrow into its box.
    assert_eq!(layout.joins.len(), 2);
    // The loop back goes up.
    assert!(layout.arrows.iter().any(|a| {
        let (first, last) = (a.points[0], a.points[a.points.len() - 1]);
        last.y < first.y
    }));
    // Step 20 (lanes 2 and 7 cannot meet): two boxes, one dashed link.
    assert_eq!(layout.boxes.iter().filter(|b| b.step == 19).count(), 2);
    assert_eq!(layout.links.len(), 1);
    // Long charts repeat the lane labels at the bottom.
    assert!(layout.lanes.iter().all(|l| l.footer.is_some()));
    // The markers are beside their steps.
    let texts: Vec<String> = layout
        .notes
        .iter()
        .map(|n| {
            n.lines
                .iter()
                .map(|l| l.text.as_str())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    assert!(texts.contains(&"J-15".to_owned()), "{texts:?}");
    // Step 11's repère leads to its box, in the second lane.
    let step_11 = layout.boxes.iter().find(|b| b.step == 10).map(|b| b.rect);
    assert!(
        layout
            .leaders
            .iter()
            .any(|(_, to)| step_11.is_some_and(|r| (to.x - r.x).abs() < 0.01)),
        "{:?}",
        layout.leaders
    );
    assert!(
        texts.contains(&"Prérequis : Budget de l'année passée".to_owned()),
        "{texts:?}"
    );
}

#[test]
fn branch_labels_and_join_words_are_drawn() {
    let chart = large();
    let svg = svg(&chart);
    for label in ["si le budget est validé", "sinon", "à compléter", "refus"] {
        assert!(svg.contains(&format!(">{label}</tspan>")), "{label}");
    }
    assert!(svg.contains(">ET</text>") && svg.contains(">OU</text>"));
    assert!(svg.contains(">Fin</tspan>"));
    let english = super::svg_in(&chart, Lang::En);
    assert!(english.contains(">AND</text>") && english.contains(">End</tspan>"));
}

#[test]
fn the_svg_is_accessible_and_self_contained() {
    let chart = small();
    let svg = svg(&chart);
    assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"flowchart\""));
    assert!(svg.contains("role=\"img\""));
    assert!(svg.contains("<title>P02 Inscription à un atelier</title>"));
    // No description given: the chart says what it holds.
    assert!(
        svg.contains(
            "<desc>4 étapes, 3 acteurs : Candidat, Conseiller emploi, Secrétariat.</desc>"
        )
    );
    assert!(
        svg.contains(">Le candidat remplit la fiche d'inscription</tspan>")
            || svg.contains("Le candidat remplit")
    );
    assert!(svg.contains("font-family=\"'Noto Sans', "));
    assert!(!svg.contains("<script") && !svg.contains("href") && !svg.contains("url("));
    assert_eq!(svg.matches("http").count(), 1, "only the SVG namespace");
    assert!(svg.ends_with("</svg>"));
}

#[test]
fn user_text_is_escaped_everywhere() {
    let hostile = "<script>&\"'";
    let mut chart = small();
    chart.title = hostile.into();
    chart.description = hostile.into();
    chart.lanes[0] = hostile.into();
    chart.steps[0].text = hostile.into();
    chart.steps[0].repere = Some(hostile.into());
    chart.steps[0].prerequis = Some(hostile.into());
    chart.steps[1].next[0].label = Some(hostile.into());
    let svg = svg(&chart);
    assert!(!svg.contains("<script"), "{svg}");
    let escaped = "&lt;script&gt;&amp;&quot;&#39;";
    // Title, desc, lane label, step text, repère, prérequis, branch label.
    assert_eq!(svg.matches(escaped).count(), 7, "{svg}");
    // Control characters XML forbids are left out.
    chart.steps[0].text = "a\u{1}b".into();
    assert!(!super::svg(&chart).contains('\u{1}'));
}

#[test]
fn steps_numbered_and_texts_wrapped_by_the_fonts_metrics() {
    let mut chart = small();
    chart.steps[0].text = "Un texte assez long pour tenir sur plusieurs lignes dans la boîte de \
                           l'étape, mesuré avec la police Noto Sans"
        .into();
    let layout = layout(&chart, Lang::Fr);
    let first = &layout.boxes[0];
    assert_eq!(first.number.text, "1");
    assert!(first.lines.len() >= 4, "{:?}", first.lines);
    assert_eq!(problems(&chart, &layout), Vec::<String>::new());
    // Wider lanes take fewer lines: the box is taller with more lines.
    let taller = first.rect.h;
    assert!(taller > layout.boxes[2].rect.h);
}

#[test]
fn odd_input_does_not_panic() {
    // No lanes, a step without a lane, an edge to a missing step, a
    // self-loop, an empty chart.
    let chart = Flowchart {
        title: String::new(),
        description: String::new(),
        lanes: vec![],
        steps: vec![step(1, &[], "Seule", &[1, 99])],
    };
    let layout = layout(&chart, Lang::Fr);
    assert_eq!(problems(&chart, &layout), Vec::<String>::new());
    let _ = svg(&Flowchart::default());
}

fn arbitrary_chart() -> impl Strategy<Value = Flowchart> {
    (1usize..=8, 1usize..=24).prop_flat_map(|(lanes, steps)| {
        let step = (
            prop::collection::vec(0..lanes, 1..=3),
            prop::collection::vec(
                (1..=steps as u32 + 1, prop::option::of("[a-z ]{1,40}")),
                0..=3,
            ),
            prop::option::of(prop::bool::ANY),
            prop::bool::ANY,
            "[a-zé' ]{0,300}",
        );
        prop::collection::vec(step, steps).prop_map(move |raw| Flowchart {
            title: "P".into(),
            description: String::new(),
            lanes: (0..lanes).map(|i| format!("Acteur {i}")).collect(),
            steps: raw
                .into_iter()
                .enumerate()
                .map(|(i, (lanes, next, join, note, text))| Step {
                    n: i as u32 + 1,
                    lanes,
                    text,
                    repere: note.then(|| "J-15".to_owned()),
                    prerequis: None,
                    join: join.map(|all| if all { Join::All } else { Join::Any }),
                    next: next
                        .into_iter()
                        .map(|(to, label)| Edge { to, label })
                        .collect(),
                })
                .collect(),
        })
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn any_chart_keeps_the_promises(chart in arbitrary_chart()) {
        let layout = layout(&chart, Lang::Fr);
        let found = problems(&chart, &layout);
        prop_assert!(found.is_empty(), "{:#?}", found);
    }
}
