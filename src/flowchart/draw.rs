//! The placed shapes written as SVG. Every text from the chart passes
//! through [`escape`]; the look is given by presentation attributes (so the
//! SVG reads well on its own) under classes the theme's CSS may override.

use std::fmt::Write;

use super::Flowchart;
use super::Join;
use super::geometry::Point;
use super::layout::{
    Anchor, BRANCH_SIZE, END_R, JOIN_R, LANE_SIZE, Layout, NOTE_SIZE, NoteKind, SYMBOL_SIZE,
    TEXT_SIZE, TextLine,
};
use crate::font_metrics::FAMILY;
use crate::labels::{Lang, word};

/// The font the layout measured with first, then fallbacks no wider than
/// it, so that wrapped lines still fit where it is missing.
fn font_family() -> String {
    format!("'{FAMILY}', Arial, 'Liberation Sans', Helvetica, sans-serif")
}

/// Wider than this (in CSS pixels), a chart would print too small on a
/// portrait A4 page: its class `flowchart-wide` asks the theme for a
/// landscape one.
const WIDE: f32 = 880.0;

const INK: &str = "#1f2d3d";
const LINE: &str = "#2b4f73";
const ARROW_LENGTH: f32 = 7.0;
const ARROW_HALF: f32 = 3.5;

/// The chart's `<svg>` element.
pub(crate) fn svg(chart: &Flowchart, layout: &Layout, lang: Lang) -> String {
    let mut out = String::with_capacity(16 * 1024);
    let (w, h) = (num(layout.width), num(layout.height));
    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"{}\" viewBox=\"0 0 {w} {h}\" \
         width=\"{w}\" height=\"{h}\" style=\"--fc-width: {w}px\" role=\"img\" font-family=\"{}\" font-size=\"{}\" fill=\"{INK}\">",
        if layout.width > WIDE {
            "flowchart flowchart-wide"
        } else {
            "flowchart"
        },
        font_family(),
        num(TEXT_SIZE)
    );
    let _ = write!(
        out,
        "<title>{}</title><desc>{}</desc>",
        escape(&chart.title),
        escape(&description(chart, lang))
    );

    out.push_str("<g class=\"fc-lanes\">");
    for lane in &layout.lanes {
        let c = lane.column;
        let _ = write!(
            out,
            "<rect class=\"fc-lane\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"#f1f5f9\"/>",
            num(c.x),
            num(c.y),
            num(c.w),
            num(c.h)
        );
        let heads = std::iter::once((lane.header, &lane.label))
            .chain(lane.footer.as_ref().map(|(r, l)| (*r, l)));
        for (r, lines) in heads {
            let _ = write!(
                out,
                "<rect class=\"fc-lane-head\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"3\" fill=\"#dce6f0\"/>",
                num(r.x),
                num(r.y),
                num(r.w),
                num(r.h)
            );
            text(
                &mut out,
                "fc-lane-label",
                &format!("font-weight=\"bold\" font-size=\"{}\"", num(LANE_SIZE)),
                lines,
            );
        }
    }
    out.push_str("</g>");

    for note in &layout.notes {
        let (class, style) = match note.kind {
            NoteKind::Repere => ("fc-repere", "font-style=\"italic\" font-weight=\"bold\""),
            NoteKind::Prerequis => ("fc-prerequis", "font-style=\"italic\""),
        };
        text(
            &mut out,
            class,
            &format!("{style} font-size=\"{}\"", num(NOTE_SIZE)),
            &note.lines,
        );
    }

    for (a, b) in &layout.leaders {
        let _ = write!(
            out,
            "<line class=\"fc-leader\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#8da2b8\" \
             stroke-width=\"1\" stroke-dasharray=\"1 3\"/>",
            num(a.x),
            num(a.y),
            num(b.x),
            num(b.y)
        );
    }
    for (a, b) in &layout.links {
        let _ = write!(
            out,
            "<line class=\"fc-together\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{LINE}\" \
             stroke-width=\"1.5\" stroke-dasharray=\"5 3\"><title>{}</title></line>",
            num(a.x),
            num(a.y),
            num(b.x),
            num(b.y),
            escape(word(lang, "flowchart_ensemble"))
        );
    }

    out.push_str(&format!(
        "<g class=\"fc-edges\" fill=\"none\" stroke=\"{LINE}\" stroke-width=\"1.5\" stroke-linejoin=\"round\">"
    ));
    for arrow in &layout.arrows {
        let mut d = String::new();
        for (k, p) in arrow.points.iter().enumerate() {
            let _ = write!(
                d,
                "{}{} {}",
                if k == 0 { "M" } else { " L" },
                num(p.x),
                num(p.y)
            );
        }
        let _ = write!(out, "<path class=\"fc-edge\" d=\"{d}\"/>");
    }
    out.push_str("</g>");
    out.push_str(&format!("<g class=\"fc-arrowheads\" fill=\"{LINE}\">"));
    for arrow in &layout.arrows {
        if let [.., from, tip] = arrow.points[..] {
            let _ = write!(
                out,
                "<path class=\"fc-arrowhead\" d=\"{}\"/>",
                arrowhead(from, tip)
            );
        }
    }
    out.push_str("</g>");
    for label in layout.arrows.iter().filter_map(|a| a.label.as_ref()) {
        text(
            &mut out,
            "fc-branch",
            &format!(
                "font-style=\"italic\" font-size=\"{}\" stroke=\"#fff\" stroke-width=\"3\" \
                 stroke-linejoin=\"round\" paint-order=\"stroke\"",
                num(BRANCH_SIZE)
            ),
            std::slice::from_ref(&label.line),
        );
    }

    out.push_str("<g class=\"fc-steps\">");
    for b in &layout.boxes {
        let r = b.rect;
        let _ = write!(
            out,
            "<rect class=\"fc-step\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"4\" \
             fill=\"#fff\" stroke=\"{LINE}\" stroke-width=\"1.2\"/>",
            num(r.x),
            num(r.y),
            num(r.w),
            num(r.h)
        );
        out.push_str("<text class=\"fc-step-text\">");
        if b.cut {
            let whole = chart.steps.get(b.step).map_or("", |s| s.text.as_str());
            let _ = write!(out, "<title>{}</title>", escape(whole));
        }
        tspan(&mut out, Some("fc-step-n\" font-weight=\"bold"), &b.number);
        for line in &b.lines {
            tspan(&mut out, None, line);
        }
        out.push_str("</text>");
    }
    out.push_str("</g>");

    for join in &layout.joins {
        let (class, title) = match join.kind {
            Join::All => ("fc-join fc-join-all", "flowchart_et_titre"),
            Join::Any => ("fc-join fc-join-any", "flowchart_ou_titre"),
        };
        let c = join.center;
        // « ET »: a doubled ring; « OU »: a single one. The word says it too.
        let ring = match join.kind {
            Join::All => format!(
                "<circle cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"none\" stroke=\"{LINE}\" stroke-width=\"1\"/>",
                num(c.x),
                num(c.y),
                num(JOIN_R - 2.5)
            ),
            Join::Any => String::new(),
        };
        let _ = write!(
            out,
            "<g class=\"{class}\"><title>{}</title><circle cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"#fff\" \
             stroke=\"{LINE}\" stroke-width=\"1.5\"/>{ring}<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" \
             font-weight=\"bold\" font-size=\"{}\">{}</text></g>",
            escape(word(lang, title)),
            num(c.x),
            num(c.y),
            num(JOIN_R),
            num(c.x),
            num(c.y + SYMBOL_SIZE * 0.36),
            num(SYMBOL_SIZE),
            escape(join.word)
        );
    }

    if let Some(end) = &layout.end {
        let c = end.center;
        let _ = write!(
            out,
            "<g class=\"fc-end\"><title>{}</title><circle cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"#fff\" \
             stroke=\"{LINE}\" stroke-width=\"1.5\"/><circle cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"{LINE}\"/>",
            escape(word(lang, "flowchart_fin_titre")),
            num(c.x),
            num(c.y),
            num(END_R),
            num(c.x),
            num(c.y),
            num(END_R - 4.0)
        );
        text(
            &mut out,
            "fc-end-label",
            "font-weight=\"bold\"",
            std::slice::from_ref(&end.word),
        );
        out.push_str("</g>");
    }
    out.push_str("</svg>");
    out
}

/// The chart's `<desc>`: its description, or how many steps and which
/// acteurs it has.
fn description(chart: &Flowchart, lang: Lang) -> String {
    if !chart.description.trim().is_empty() {
        return chart.description.clone();
    }
    let values = [
        chart.steps.len().to_string(),
        chart.lanes.len().to_string(),
        chart.lanes.join(", "),
    ];
    // Filled in one pass, so that a `{}` in an acteur's name stays as is.
    let mut out = String::new();
    let mut values = values.iter();
    for (k, piece) in word(lang, "flowchart_resume").split("{}").enumerate() {
        if k > 0 {
            out.push_str(values.next().map_or("", String::as_str));
        }
        out.push_str(piece);
    }
    out
}

/// A `<text>` element of one or more lines.
fn text(out: &mut String, class: &str, attributes: &str, lines: &[TextLine]) {
    if lines.is_empty() {
        return;
    }
    let _ = write!(out, "<text class=\"{class}\" {attributes}>");
    for line in lines {
        tspan(out, None, line);
    }
    out.push_str("</text>");
}

/// One line as a `<tspan>`, placed absolutely.
fn tspan(out: &mut String, class: Option<&str>, line: &TextLine) {
    let anchor = match line.anchor {
        Anchor::Start => "",
        Anchor::Middle => " text-anchor=\"middle\"",
        Anchor::End => " text-anchor=\"end\"",
    };
    let class = class.map_or(String::new(), |c| format!(" class=\"{c}\""));
    let _ = write!(
        out,
        "<tspan{class} x=\"{}\" y=\"{}\"{anchor}>{}</tspan>",
        num(line.x),
        num(line.y),
        escape(&line.text)
    );
}

/// The arrowhead at `tip` of a segment coming from `from`.
fn arrowhead(from: Point, tip: Point) -> String {
    let (dx, dy) = (tip.x - from.x, tip.y - from.y);
    let length = (dx * dx + dy * dy).sqrt().max(f32::EPSILON);
    let (ux, uy) = (dx / length, dy / length);
    let base = Point::new(tip.x - ux * ARROW_LENGTH, tip.y - uy * ARROW_LENGTH);
    let (px, py) = (-uy * ARROW_HALF, ux * ARROW_HALF);
    format!(
        "M{} {} L{} {} L{} {} Z",
        num(tip.x),
        num(tip.y),
        num(base.x + px),
        num(base.y + py),
        num(base.x - px),
        num(base.y - py)
    )
}

/// A coordinate with at most one decimal.
fn num(v: f32) -> String {
    let rounded = (v * 10.0).round() / 10.0;
    if rounded.fract() == 0.0 {
        format!("{rounded:.0}")
    } else {
        format!("{rounded:.1}")
    }
}

/// `text` safe in XML content and attribute values: markup characters
/// escaped, and the control characters XML forbids left out.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' | '\r' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}
