//! Bar charts of the rapports, drawn at build time as inline SVG: one slot
//! per month, one bar per series, a note (the attendance rate) above a slot,
//! a legend, and every text escaped. The chart is an image with a title and
//! a description for screen readers; the page gives the figures in a table.

use crate::flowchart::draw::escape;
use std::fmt::Write;

/// One slot of the chart (a month): its axis label, one value per series,
/// and a note written above it.
#[derive(Clone, Debug)]
pub struct Bar {
    /// Axis label (`mars`).
    pub label: String,
    /// One value per series (none: an empty slot).
    pub values: Vec<usize>,
    /// Written above the bars (`92 %`).
    pub note: Option<String>,
}

impl Bar {
    /// A slot with nothing in it.
    pub fn empty(label: String) -> Bar {
        Bar {
            label,
            values: Vec::new(),
            note: None,
        }
    }
}

/// The fill of each series, dark enough against white for the last one.
const COLOURS: [&str; 2] = ["#9db4cc", "#1d5a85"];
const WIDTH: f64 = 720.0;
const HEIGHT: f64 = 260.0;
const LEFT: f64 = 36.0;
const RIGHT: f64 = 8.0;
const TOP: f64 = 48.0;
const BOTTOM: f64 = 28.0;

/// An SVG bar chart titled `title`, described by `desc`, with one series
/// per name in `series` (the legend) and one slot per bar. `id` must be
/// unique in the page (the title and description are referred to by it).
pub fn bars(id: &str, title: &str, desc: &str, series: &[&str], slots: &[Bar]) -> String {
    let id = escape(id);
    let max = slots
        .iter()
        .flat_map(|s| &s.values)
        .copied()
        .max()
        .unwrap_or(0)
        .max(1);
    let plot_h = HEIGHT - TOP - BOTTOM;
    let slot_w = (WIDTH - LEFT - RIGHT) / slots.len().max(1) as f64;
    let bar_w = slot_w * 0.7 / series.len().max(1) as f64;
    let base = HEIGHT - BOTTOM;
    let mut s = String::new();
    let _ = write!(
        s,
        r#"<svg class="graphique" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-labelledby="{id}-titre {id}-desc"><title id="{id}-titre">{}</title><desc id="{id}-desc">{}</desc>"#,
        escape(title),
        escape(desc)
    );
    let mut x = LEFT;
    for (i, name) in series.iter().enumerate() {
        let colour = COLOURS[(i + COLOURS.len() - series.len()) % COLOURS.len()];
        let _ = write!(
            s,
            r#"<rect x="{x}" y="8" width="12" height="12" fill="{colour}"/><text x="{}" y="18" font-size="13">{}</text>"#,
            x + 16.0,
            escape(name)
        );
        x += 24.0 + 7.5 * name.chars().count() as f64;
    }
    let _ = write!(
        s,
        r##"<g font-size="11" fill="#444"><text x="{}" y="{}" text-anchor="end">{max}</text><text x="{}" y="{base}" text-anchor="end">0</text></g><line x1="{LEFT}" y1="{base}" x2="{}" y2="{base}" stroke="#666"/><line x1="{LEFT}" y1="{TOP}" x2="{}" y2="{TOP}" stroke="#ddd"/>"##,
        LEFT - 4.0,
        TOP + 4.0,
        LEFT - 4.0,
        WIDTH - RIGHT,
        WIDTH - RIGHT,
    );
    for (i, slot) in slots.iter().enumerate() {
        let x0 = LEFT + slot_w * i as f64;
        let centre = x0 + slot_w / 2.0;
        let mut x = centre - bar_w * slot.values.len() as f64 / 2.0;
        let mut top = base;
        for (j, value) in slot.values.iter().enumerate() {
            let h = plot_h * *value as f64 / max as f64;
            let colour = COLOURS[(j + COLOURS.len() - series.len()) % COLOURS.len()];
            let name = series.get(j).copied().unwrap_or_default();
            let _ = write!(
                s,
                r#"<rect x="{x:.1}" y="{:.1}" width="{:.1}" height="{h:.1}" fill="{colour}"><title>{} — {} : {value}</title></rect>"#,
                base - h,
                bar_w - 1.0,
                escape(&slot.label),
                escape(name)
            );
            if series.len() == 1 {
                let _ = write!(
                    s,
                    r#"<text x="{:.1}" y="{:.1}" font-size="11" text-anchor="middle">{value}</text>"#,
                    x + bar_w / 2.0,
                    base - h - 3.0
                );
            }
            top = f64::min(top, base - h);
            x += bar_w;
        }
        if let Some(note) = &slot.note {
            let _ = write!(
                s,
                r#"<text x="{centre:.1}" y="{:.1}" font-size="11" font-weight="bold" text-anchor="middle">{}</text>"#,
                top - 4.0,
                escape(note)
            );
        }
        let _ = write!(
            s,
            r#"<text x="{centre:.1}" y="{:.1}" font-size="12" text-anchor="middle">{}</text>"#,
            HEIGHT - 10.0,
            escape(&slot.label)
        );
    }
    s.push_str("</svg>");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_of_the_chart_is_escaped() {
        let slot = Bar {
            label: "<mars>".to_string(),
            values: vec![3, 2],
            note: Some("\"67 %\" & co".to_string()),
        };
        let svg = bars(
            "g\"1",
            "Titre <script>",
            "Desc & 'x'",
            &["A<b>", "C&D"],
            &[slot],
        );
        assert!(!svg.contains("<script>"), "{svg}");
        assert!(!svg.contains("<mars>"), "{svg}");
        assert!(!svg.contains("<b>"), "{svg}");
        assert!(svg.contains("<title id=\"g&quot;1-titre\">Titre &lt;script&gt;</title>"));
        assert!(svg.contains("<desc id=\"g&quot;1-desc\">Desc &amp; &#39;x&#39;</desc>"));
        assert!(svg.contains("&lt;mars&gt;"));
        assert!(svg.contains("&quot;67 %&quot; &amp; co"));
        assert!(svg.contains("C&amp;D"));
    }

    #[test]
    fn the_chart_is_an_image_named_by_its_title_and_description() {
        let svg = bars("p", "Présences", "Barres", &["Présents"], &[]);
        assert!(svg.starts_with("<svg class=\"graphique\""));
        assert!(svg.contains("role=\"img\" aria-labelledby=\"p-titre p-desc\""));
        assert!(svg.ends_with("</svg>"));
    }

    #[test]
    fn the_tallest_bar_fills_the_plot_and_the_others_are_in_proportion() {
        let slots = [
            Bar {
                label: "a".into(),
                values: vec![4],
                note: None,
            },
            Bar {
                label: "b".into(),
                values: vec![2],
                note: None,
            },
        ];
        let svg = bars("p", "t", "d", &["n"], &slots);
        // Plot height: 260 - 48 - 28 = 184; half of it is 92.
        assert!(svg.contains("height=\"184.0\""), "{svg}");
        assert!(svg.contains("height=\"92.0\""), "{svg}");
    }
}
