//! Record ids (the file stem: lowercase ASCII letters, digits and `-`):
//! the id a name gives (`carnet new`), and the ids a name typed where an id
//! was expected may stand for (« vouliez-vous dire »).

/// `Éloïse D'Almeida` → `eloise-dalmeida`: lowercase ASCII letters, digits and dashes.
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in crate::fold::folded(text) {
        match c {
            'a'..='z' | '0'..='9' => out.push(c),
            '\'' | '’' => {}
            c if c.is_alphanumeric() => {}
            _ if !out.ends_with('-') && !out.is_empty() => out.push('-'),
            _ => {}
        }
    }
    out.trim_end_matches('-').to_string()
}

/// The ids a displayed name may stand for: `Chevallier Jean-Pierre` or
/// `Jean-Pierre CHEVALLIER` → `chevallier-jean-pierre` (every rotation of
/// its words, since ids put the surname first), for a suggestion.
pub fn from_display_name(name: &str) -> Vec<String> {
    let words: Vec<&str> = name.split_whitespace().collect();
    (0..words.len().max(1))
        .map(|k| {
            let rotated: Vec<&str> = words[k..].iter().chain(&words[..k]).copied().collect();
            slug(&rotated.join(" "))
        })
        .filter(|id| !id.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::{from_display_name, slug};

    #[test]
    fn ids_are_derived_from_names() {
        assert_eq!(slug("Dupont Jean"), "dupont-jean");
        assert_eq!(slug("D'Almeida Éloïse"), "dalmeida-eloise");
        assert_eq!(slug("Nœlly Marie-Ève"), "noelly-marie-eve");
        assert_eq!(slug("  Le Goff   Anne "), "le-goff-anne");
    }

    #[test]
    fn a_displayed_name_gives_its_id_whatever_the_order_of_its_words() {
        for name in [
            "Chevallier Jean-Pierre",
            "Jean-Pierre CHEVALLIER",
            "CHEVALLIER  Jean-Pierre",
        ] {
            assert!(
                from_display_name(name).contains(&"chevallier-jean-pierre".to_string()),
                "{name}"
            );
        }
        assert!(from_display_name("   ").is_empty());
    }
}
