//! Acteur names as one role across procedures: « Chargé(e) de communication »,
//! « chargé·e de communication » and « Chargé.e de Communication » are one
//! role once case, accents and inclusive-writing marks are set aside;
//! carnet.yaml `alias_acteurs` maps the names that differ otherwise.

/// The key two names of one role share: lower case, no accent, no
/// inclusive-writing mark (« (e) », « ·e », « .e », « ·ère »), single spaces.
pub fn key(name: &str) -> String {
    let lower: Vec<char> = name.trim().to_lowercase().chars().collect();
    let mut kept = String::with_capacity(name.len());
    let mut i = 0;
    while i < lower.len() {
        let c = lower[i];
        let after_letter = i > 0 && lower[i - 1].is_alphabetic();
        if after_letter && c == '(' {
            let letters = lower[i + 1..]
                .iter()
                .take_while(|c| c.is_alphabetic())
                .count();
            if (1..=5).contains(&letters) && lower.get(i + 1 + letters) == Some(&')') {
                i += letters + 2;
                continue;
            }
        }
        if after_letter && matches!(c, '·' | '•' | '.' | '∙' | '⋅') {
            let letters = lower[i + 1..]
                .iter()
                .take_while(|c| c.is_alphabetic())
                .count();
            if (1..=5).contains(&letters) {
                i += letters + 1;
                continue;
            }
        }
        kept.push(c);
        i += 1;
    }
    let folded: String = crate::fold::without_accents(&kept).collect();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A name for a page address: ASCII letters, digits and `-`. Not
/// [`crate::id::slug`]: that one drops apostrophes (`chef-dequipe`) where
/// acteur pages have always split at them (`charge-d-accueil.html`), and it
/// drops non-Latin letters that `deunicode` spells in Latin; the published
/// addresses stay as they were.
pub fn slug(key: &str) -> String {
    let ascii = deunicode::deunicode(key).to_ascii_lowercase();
    let mut slug = String::with_capacity(ascii.len());
    for c in ascii.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-').to_string();
    if slug.is_empty() {
        "acteur".into()
    } else {
        slug
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inclusive_marks_case_and_accents_are_set_aside() {
        let expected = "charge de communication";
        for name in [
            "Chargé(e) de communication",
            "chargé·e de communication",
            "Chargé.e de Communication",
            "CHARGÉ DE  COMMUNICATION",
            "Chargée de communication",
        ] {
            let k = key(name);
            // « Chargée » keeps its e: only the marks are removed.
            if name.starts_with("Chargée") {
                assert_eq!(k, "chargee de communication");
            } else {
                assert_eq!(k, expected, "{name}");
            }
        }
        assert_eq!(key("Conseiller·ère emploi"), "conseiller emploi");
        assert_eq!(key("Conseiller(ère) emploi"), "conseiller emploi");
        assert_eq!(key("M. le directeur"), "m. le directeur");
    }

    #[test]
    fn slugs_are_ascii() {
        assert_eq!(slug("charge de communication"), "charge-de-communication");
        assert_eq!(slug("chef d'equipe"), "chef-d-equipe");
        assert_eq!(slug("—"), "acteur");
    }
}
