//! The search index: `recherche/index.js`, a script that assigns the global
//! `carnetRecherche`, so that the search box works from file:// with no
//! server (a fetched JSON file would not load there). The box's script
//! (`themes/default/recherche.js`) adds it to the page when the reader first
//! focuses the box: a page that does not search does not load it.
//!
//! The entries are [`crate::view::search::entries`], the words of the
//! profile's own pages. Each entry is stored once, as
//! `[kind, url, title, text, folded title, folded words of the text]`: the
//! title and text to show, and, to compare with what is typed, the words
//! folded at build time (no accent, lower case), the text's words once each.

use crate::plan::{Input, OutputKind, Planned, RenderError, Renderer};
use crate::view::View;
use crate::view::search::{entries, fold, folded_words};

/// Where the index is written, relative to the site's root (the box's
/// script loads it from there).
pub const PATH: &str = "recherche/index.js";

/// What the index is made from: every record folder, the free pages and the
/// procedure reference (an entry per fiche, page, procedure, step and
/// catalogued document; a fiche's words come from its own file and the files
/// it names, all in these folders). carnet.yaml (language, roles) is added to
/// every output by the plan.
const INPUTS: [Input; 7] = [
    Input::Folder("data/personnes"),
    Input::Folder("data/sessions"),
    Input::Folder("data/clubs"),
    Input::Folder("data/evenements"),
    Input::Folder("data/operateurs"),
    Input::Folder("content/pages"),
    Input::Folder("content/procedures"),
];

/// The documents catalogue, the last input of the index.
const CATALOGUE: &str = "data/documents.yaml";

/// Writes the search index of the view's profile.
pub struct SearchIndex;

impl Renderer for SearchIndex {
    fn plan(&self, _view: &View) -> Vec<Planned> {
        vec![Planned::new(
            PATH.to_string(),
            OutputKind::SearchIndex,
            INPUTS
                .into_iter()
                .chain([Input::File(crate::source::FileId::of(CATALOGUE))])
                .collect(),
            (),
        )]
    }

    fn render(&self, view: &View, _planned: &Planned) -> Result<Vec<u8>, RenderError> {
        Ok(index_script(view).into_bytes())
    }

    fn describe(&self, planned: &Planned) -> String {
        format!("l'index de recherche {}", planned.path)
    }
}

/// The script: `window.carnetRecherche = {"genres": [...], "entrees": [...]};`.
fn index_script(view: &View) -> String {
    let entries = entries(view);
    let mut genres: Vec<&str> = Vec::new();
    let rows: Vec<serde_json::Value> = entries
        .iter()
        .map(|e| {
            let genre = genres
                .iter()
                .position(|g| *g == e.genre)
                .unwrap_or_else(|| {
                    genres.push(e.genre);
                    genres.len() - 1
                });
            let title = fold(&e.titre);
            let words = folded_words(&e.texte, &title);
            serde_json::json!([genre, e.url, e.titre, e.texte, title, words])
        })
        .collect();
    let data = serde_json::json!({ "genres": genres, "entrees": rows });
    format!(
        "window.carnetRecherche = {};\n",
        script_safe(&data.to_string())
    )
}

/// JSON written so that no `<`, `>` or `&` of user text appears as such in
/// the file (`\u003c`…): the index stays inert even if pasted into a page.
fn script_safe(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_characters_are_escaped_inside_strings() {
        let json = serde_json::json!(["<img src=x onerror=alert(1)>", "a & b"]).to_string();
        assert_eq!(
            script_safe(&json),
            r#"["\u003cimg src=x onerror=alert(1)\u003e","a \u0026 b"]"#
        );
    }
}
