//! Text folded for comparison, one way for the whole crate: accents dropped
//! (canonical decomposition, combining marks removed), and for the search and
//! the ids also lower case with the ligatures spelt out. The search
//! (`view::search::fold`), the record ids (`id::slug`) and the acteur keys
//! (`model::acteurs::key`) all fold through here.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// The characters of `text` without their accents: « Éloïse » → `Eloise`
/// (decomposed, combining marks removed; case and ligatures kept).
pub fn without_accents(text: &str) -> impl Iterator<Item = char> + '_ {
    text.nfd().filter(|c| !is_combining_mark(*c))
}

/// The characters of `text` without accents, in lower case, with œ, æ and ß
/// spelt `oe`, `ae`, `ss`: « Cœur d'ÉTÉ » → `coeur d'ete`. Punctuation and
/// spaces are kept; each caller decides what they become.
pub fn folded(text: &str) -> impl Iterator<Item = char> + '_ {
    without_accents(text).flat_map(|c| {
        let (spelt, lower) = match c {
            'œ' | 'Œ' => ("oe", None),
            'æ' | 'Æ' => ("ae", None),
            'ß' => ("ss", None),
            c => ("", Some(c.to_lowercase())),
        };
        spelt.chars().chain(lower.into_iter().flatten())
    })
}

#[cfg(test)]
mod tests {
    use super::{folded, without_accents};

    #[test]
    fn accents_go_and_case_stays_without_folding() {
        assert_eq!(
            without_accents("Éloïse NOËL").collect::<String>(),
            "Eloise NOEL"
        );
        assert_eq!(without_accents("Cœur").collect::<String>(), "Cœur");
    }

    #[test]
    fn folding_drops_accents_and_case_and_spells_ligatures() {
        assert_eq!(folded("Cœur d'ÉTÉ").collect::<String>(), "coeur d'ete");
        assert_eq!(folded("ÆTHER Straße").collect::<String>(), "aether strasse");
        assert_eq!(folded("Ça, 12 !").collect::<String>(), "ca, 12 !");
    }
}
