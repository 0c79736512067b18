//! What the search box finds, for one profile: one [`SearchEntry`] per page a
//! reader may open (fiches of people, sessions, clubs, events, operators, and
//! the free pages), with its title, the kind of thing it is, its address and
//! the words its page shows. The entries are made from the [`View`] only,
//! never from the model: the public view already lacks refused and internal
//! fields, so the public index cannot hold what the public pages do not show.
//!
//! Adding a kind of entry (procedures, their steps, documents…) is one block
//! in [`entries`]: an [`SearchEntry::new`] with the kind's label (a
//! `recherche_*` word of `labels.rs`), then [`SearchEntry::with`] for each
//! field its page shows.

use super::{PersonRef, View};
use crate::labels::{Lang, word};

/// One thing the search finds: a page of the site.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SearchEntry {
    /// What kind of page it is, in the site's language (« Personne »).
    pub genre: &'static str,
    /// Its title, as the page shows it.
    pub titre: String,
    /// Root-relative URL.
    pub url: String,
    /// The other words its page shows, as shown, pieces joined by « · ».
    pub texte: String,
}

impl SearchEntry {
    /// An entry of kind `genre` titled `titre` at `url`, with no text yet.
    pub fn new(genre: &'static str, titre: &str, url: &str) -> SearchEntry {
        SearchEntry {
            genre,
            titre: titre.to_string(),
            url: url.to_string(),
            texte: String::new(),
        }
    }

    /// Adds `piece` (a field its page shows) to the text, when there is one.
    pub fn with<S: AsRef<str>>(mut self, piece: Option<S>) -> SearchEntry {
        if let Some(piece) = piece {
            let piece = piece.as_ref().split_whitespace().collect::<Vec<_>>();
            if !piece.is_empty() {
                if !self.texte.is_empty() {
                    self.texte.push_str(" · ");
                }
                self.texte.push_str(&piece.join(" "));
            }
        }
        self
    }

    /// Adds each of `pieces`.
    pub fn with_all<S: AsRef<str>>(self, pieces: impl IntoIterator<Item = S>) -> SearchEntry {
        pieces.into_iter().fold(self, |e, p| e.with(Some(p)))
    }
}

/// The name of a person as a page shows it, when it is published (a person
/// whose name is not published is a neutral label, not a word to find).
fn name(person: &PersonRef) -> Option<&str> {
    person.url.as_ref().map(|_| person.nom.as_str())
}

/// Every entry of `view`: what its profile's pages show, kind by kind, in the
/// order of the view (people by name, sessions, clubs, events, operators, pages).
pub fn entries(view: &View) -> Vec<SearchEntry> {
    let lang = view.site.langue;
    let kind = |key| word(lang, key);
    let type_name = |code: &str| -> String { type_label(lang, code) };
    let mut out = Vec::new();
    for p in &view.personnes {
        let ville = p.adresse.as_ref().and_then(|a| a.ville.clone());
        let situation = p.situation.as_ref().and_then(|s| s.commentaire.clone());
        out.push(
            SearchEntry::new(
                kind("recherche_personne"),
                &format!("{} {}", p.nom, p.prenom),
                &p.url,
            )
            .with_all(&p.roles_noms)
            .with(p.entreprise.as_ref())
            .with(p.fonction.as_ref())
            .with(p.email.as_ref())
            .with(ville)
            .with_all(p.etudes.iter().map(|e| e.diplome.clone()))
            .with(situation),
        );
    }
    for a in view.sessions.iter().chain(&view.clubs) {
        let genre = match a.kind {
            crate::model::ActivityKind::Session => kind("recherche_session"),
            crate::model::ActivityKind::Club => kind("recherche_club"),
        };
        out.push(
            SearchEntry::new(genre, &a.titre, &a.url)
                .with_all(a.tuteurs.iter().chain(&a.formateurs).filter_map(name))
                .with_all(a.ateliers.iter().map(|at| &at.intitule)),
        );
    }
    for e in &view.evenements {
        out.push(
            SearchEntry::new(kind("recherche_evenement"), &e.titre, &e.url)
                .with(Some(type_name(&e.type_evenement)))
                .with(e.lieu.as_ref())
                .with(e.responsable.as_ref().and_then(name))
                .with_all(&e.intervenants)
                .with(e.operateur.as_ref().map(|o| &o.label))
                .with(e.bilan_html.as_deref().map(html_text)),
        );
    }
    for o in &view.operateurs {
        let responsable = o.responsable.as_ref().map(|r| {
            [&r.prenom, &r.nom]
                .into_iter()
                .flatten()
                .cloned()
                .collect::<Vec<_>>()
                .join(" ")
        });
        out.push(
            SearchEntry::new(kind("recherche_operateur"), &o.nom, &o.url)
                .with(o.sigle.as_ref())
                .with(o.type_operateur.as_deref().map(type_name))
                .with(o.adresse.as_ref().and_then(|a| a.ville.as_ref()))
                .with(responsable),
        );
    }
    for p in &view.pages {
        out.push(
            SearchEntry::new(kind("recherche_page"), &p.titre, &p.url)
                .with(Some(html_text(&p.html))),
        );
    }
    reference_entries(view, &mut out);
    out
}

/// The procedure reference's entries: each procedure, each of its steps (at
/// its anchor on the procedure's page) and each catalogued document.
fn reference_entries(view: &View, out: &mut Vec<SearchEntry>) {
    let lang = view.site.langue;
    let reference = &view.reference;
    for p in &reference.procedures {
        let titre = format!("{} {}", p.code, p.titre);
        out.push(
            SearchEntry::new(word(lang, "recherche_procedure"), &titre, &p.url)
                .with(p.famille.as_ref())
                .with(p.finalite.as_ref())
                .with_all(p.acteurs.iter().map(|a| &a.nom))
                .with(Some(html_text(&p.html))),
        );
        for e in &p.etapes {
            let url = format!("{}#etape-{}", p.url, e.n);
            out.push(
                SearchEntry::new(word(lang, "recherche_etape"), &e.action, &url)
                    .with(Some(&titre))
                    .with_all(e.acteurs.iter().map(|a| &a.nom))
                    .with(e.repere.as_ref())
                    .with(e.prerequis.as_ref()),
            );
        }
    }
    for d in &reference.documents {
        let titre = format!("{} {}", d.code, d.titre);
        out.push(
            SearchEntry::new(word(lang, "recherche_document"), &titre, &d.url)
                .with(Some(type_label(lang, &d.type_document))),
        );
    }
}

/// An event's or operator's type as its page names it (the code itself
/// when the kit uses a type of its own).
fn type_label(lang: Lang, code: &str) -> String {
    crate::labels::of(lang)
        .types
        .get(code)
        .map_or_else(|| code.to_string(), |t| t.to_string())
}

/// The tags that sit inside a line of text (the sanitised Markdown's).
const INLINE: [&str; 9] = [
    "a", "em", "strong", "code", "span", "del", "sup", "sub", "abbr",
];

/// The text a reader sees of a piece of safe HTML (a free page, a bilan):
/// tags dropped, character references decoded, spaces collapsed.
pub fn html_text(html: &str) -> String {
    let mut text = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find(['<', '&']) {
        text.push_str(&rest[..start]);
        rest = &rest[start..];
        if rest.starts_with('<') {
            let Some(end) = rest.find('>') else {
                rest = "";
                break;
            };
            // A block ends a word (`<li>a</li><li>b</li>` reads « a b »), an
            // inline tag does not (`<em>filleule</em>,` reads « filleule, »).
            let name = rest[1..end]
                .trim_start_matches('/')
                .split(|c: char| !c.is_ascii_alphanumeric())
                .next()
                .unwrap_or("");
            if !INLINE.contains(&name.to_ascii_lowercase().as_str()) {
                text.push(' ');
            }
            rest = &rest[end + 1..];
        } else {
            let (decoded, len) = reference(rest);
            text.push_str(&decoded);
            rest = &rest[len..];
        }
    }
    text.push_str(rest);
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The character reference at the start of `text` (`&amp;`, `&#x27;`,
/// `&#39;`): its text and its length; a lone `&` stays itself.
fn reference(text: &str) -> (String, usize) {
    let Some(end) = text.find(';').filter(|&e| e <= 10) else {
        return ("&".into(), 1);
    };
    let name = &text[1..end];
    let decoded = match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        "nbsp" => Some(' '),
        _ => name
            .strip_prefix("#x")
            .or_else(|| name.strip_prefix("#X"))
            .and_then(|hex| u32::from_str_radix(hex, 16).ok())
            .or_else(|| name.strip_prefix('#').and_then(|d| d.parse().ok()))
            .and_then(char::from_u32),
    };
    match decoded {
        Some(c) => (c.to_string(), end + 1),
        None => ("&".into(), 1),
    }
}

/// `text` as the search compares it: accents dropped (NFD, marks removed),
/// ligatures spelt out, lower case, every run of characters that are not
/// letters or digits one space (« L'École » → « l ecole »). The page's
/// script folds what the reader types the same way.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = true;
    for c in crate::fold::folded(text) {
        if c.is_alphanumeric() {
            out.push(c);
            space = false;
        } else if !space {
            out.push(' ');
            space = true;
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// The distinct folded words of `text`, in their first order, leaving out
/// those of `skip` (a title's words are not repeated in its text).
pub fn folded_words(text: &str, skip: &str) -> String {
    let skip: Vec<&str> = skip.split(' ').collect();
    let folded = fold(text);
    let mut seen: Vec<&str> = Vec::new();
    for w in folded.split(' ') {
        if !w.is_empty() && !skip.contains(&w) && !seen.contains(&w) {
            seen.push(w);
        }
    }
    seen.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_drops_accents_and_case_and_keeps_words_apart() {
        assert_eq!(fold("École"), "ecole");
        assert_eq!(fold("élève"), "eleve");
        assert_eq!(fold("  L'ÉCOLE   d’été — Noël "), "l ecole d ete noel");
        assert_eq!(fold("Cœur ÆTHER Straße"), "coeur aether strasse");
        assert_eq!(fold("D'ALMEIDA Inès"), "d almeida ines");
        assert_eq!(
            fold("<img src=x onerror=alert(1)>"),
            "img src x onerror alert 1"
        );
        assert_eq!(fold("06 12 87 45 30"), "06 12 87 45 30");
        assert_eq!(fold("!?"), "");
    }

    #[test]
    fn an_entry_s_words_are_kept_once_and_not_those_of_its_title() {
        assert_eq!(
            folded_words(
                "Tutrice · Bénévole · tutrice bénévole · Tours",
                "vasseur monique tours"
            ),
            "tutrice benevole"
        );
    }

    #[test]
    fn the_text_of_html_is_what_a_reader_sees() {
        assert_eq!(
            html_text("<h2>L&#x27;accueil</h2><ul><li>a &amp; b</li><li>c&lt;d&gt;</li></ul>"),
            "L'accueil a & b c<d>"
        );
        assert_eq!(
            html_text("<p>le <em>filleul</em>, la <a href=\"x\">charte</a>.</p><p>Fin"),
            "le filleul, la charte. Fin"
        );
        assert_eq!(
            html_text("Tom &amp Jerry &#39;x&#39; &bogus; 3 &lt 4"),
            "Tom &amp Jerry 'x' &bogus; 3 &lt 4"
        );
    }

    #[test]
    fn an_entry_joins_the_fields_its_page_shows() {
        let e = SearchEntry::new("Personne", "DUPONT Jean", "personnes/dupont-jean.html")
            .with(Some("Stagiaire"))
            .with(None::<&str>)
            .with(Some("  "))
            .with_all(["Atelier  CV", "Simulation"]);
        assert_eq!(e.texte, "Stagiaire · Atelier CV · Simulation");
    }
}
