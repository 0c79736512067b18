//! A procedure as its swimlane flowchart: the view converts it once into the
//! engine's terms ([`crate::flowchart`]), which lays it out and writes the
//! inline SVG. Lanes are the acteurs as this procedure writes them.

use crate::flowchart::{Edge, Flowchart, Join, Step};
use crate::labels::Lang;
use crate::model::procedure::{Attente, Procedure};

/// The flowchart of `p`, in the engine's terms.
pub fn chart(p: &Procedure) -> Flowchart {
    Flowchart {
        title: format!("{} {}", p.code, p.titre),
        description: p.finalite.clone().unwrap_or_default(),
        lanes: p.acteurs.clone(),
        steps: p
            .etapes
            .iter()
            .map(|e| Step {
                n: e.n,
                lanes: e.acteurs.clone(),
                text: e.action.clone(),
                repere: e.repere.clone(),
                prerequis: e.prerequis.clone(),
                join: e.attend.map(|a| match a {
                    Attente::Toutes => Join::All,
                    Attente::Une => Join::Any,
                }),
                next: e
                    .suivant
                    .iter()
                    .map(|s| Edge {
                        to: s.n,
                        label: s.si.clone(),
                    })
                    .collect(),
            })
            .collect(),
    }
}

/// The flowchart of `p` as an inline `<svg>`, its own words in `lang`.
pub fn svg(p: &Procedure, lang: Lang) -> String {
    crate::flowchart::svg_in(&chart(p), lang)
}
