//! Which words of a name typed after `carnet new personne` are the surname
//! and which the given name: told explicitly, or read from the way French
//! administrations write names, never guessed.

use super::ScaffoldError;

/// A person's surname and given name, as `new personne` will write them.
#[derive(Debug, PartialEq, Eq)]
pub struct Name {
    /// Surname (`nom`), as typed (the site shows it in capitals).
    pub nom: String,
    /// Given name (`prenom`).
    pub prenom: String,
}

impl std::fmt::Display for Name {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "nom : {}, prénom : {}", self.nom, self.prenom)
    }
}

/// The three ways of writing a name that `new personne` understands.
const WAYS: &str = "écrivez-le d'une de ces trois façons :\n  \
     carnet new personne \"Le Goff, Yann\" --civilite M.          (nom, virgule, prénom)\n  \
     carnet new personne \"LE GOFF Yann\" --civilite M.           (nom en capitales)\n  \
     carnet new personne --nom \"Le Goff\" --prenom Yann --civilite M.";

fn refuse(why: &str) -> ScaffoldError {
    ScaffoldError(format!("{why} : {WAYS}"))
}

/// Words joined by single spaces.
fn words(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

impl Name {
    /// The surname and given name, spaces tidied, if neither is empty.
    fn parts(nom: &str, prenom: &str) -> Option<Name> {
        let name = Name {
            nom: words(nom),
            prenom: words(prenom),
        };
        (!name.nom.is_empty() && !name.prenom.is_empty()).then_some(name)
    }

    /// The name given by `--nom` and `--prenom`, both non-empty.
    pub fn explicit(nom: &str, prenom: &str) -> Result<Name, ScaffoldError> {
        Name::parts(nom, prenom)
            .ok_or_else(|| refuse("--nom et --prenom ne peuvent pas être vides"))
    }

    /// Splits a written name, in this order: "Nom, Prénom" (a comma); the
    /// surname in capitals ("LE GOFF Yann": the leading words written fully
    /// in capitals); two words exactly ("Dupont Jeanne": surname first).
    /// Anything else is refused rather than guessed.
    pub fn split(written: &str) -> Result<Name, ScaffoldError> {
        if let Some((nom, prenom)) = written.split_once(',') {
            if prenom.contains(',') {
                return Err(refuse(&format!(
                    "« {written} » contient plusieurs virgules"
                )));
            }
            return Name::parts(nom, prenom).ok_or_else(|| {
                refuse(&format!(
                    "« {written} » : il faut un nom avant la virgule et un prénom après"
                ))
            });
        }
        let all: Vec<&str> = written.split_whitespace().collect();
        let capitals = all.iter().take_while(|w| in_capitals(w)).count();
        let surname_words = match (capitals, all.len()) {
            (_, 0 | 1) => {
                return Err(refuse(&format!(
                    "« {} » : il faut un nom et un prénom",
                    words(written)
                )));
            }
            (1.., n) if capitals < n => capitals,
            (_, 2) => 1,
            _ => {
                return Err(refuse(&format!(
                    "impossible de savoir où finit le nom dans « {} »",
                    words(written)
                )));
            }
        };
        Ok(Name {
            nom: all[..surname_words].join(" "),
            prenom: all[surname_words..].join(" "),
        })
    }
}

/// Whether a word is written fully in capitals ("GOFF", "N'DIAYE", "DA"):
/// it has a letter, and no lowercase one.
fn in_capitals(word: &str) -> bool {
    word.chars().any(char::is_alphabetic) && !word.chars().any(char::is_lowercase)
}

#[cfg(test)]
mod tests {
    use super::Name;

    fn split(written: &str) -> (String, String) {
        let name = Name::split(written).expect("accepted");
        (name.nom, name.prenom)
    }

    fn pair(nom: &str, prenom: &str) -> (String, String) {
        (nom.to_string(), prenom.to_string())
    }

    #[test]
    fn a_comma_separates_the_surname_from_the_given_name() {
        assert_eq!(split("Le Goff, Yann"), pair("Le Goff", "Yann"));
        assert_eq!(
            split("  de la  Fontaine ,Béatrice Marie "),
            pair("de la Fontaine", "Béatrice Marie")
        );
    }

    #[test]
    fn leading_words_in_capitals_are_the_surname() {
        assert_eq!(split("LE GOFF Yann"), pair("LE GOFF", "Yann"));
        assert_eq!(split("DA SILVA Ana-Luísa"), pair("DA SILVA", "Ana-Luísa"));
        assert_eq!(split("N'DIAYE Awa"), pair("N'DIAYE", "Awa"));
        assert_eq!(split("ÉVRARD Jean Marc"), pair("ÉVRARD", "Jean Marc"));
        assert_eq!(
            split("DE LA FONTAINE Béatrice"),
            pair("DE LA FONTAINE", "Béatrice")
        );
    }

    #[test]
    fn two_words_are_surname_then_given_name() {
        assert_eq!(split("Dupont Jeanne"), pair("Dupont", "Jeanne"));
        assert_eq!(split("D'Almeida Éloïse"), pair("D'Almeida", "Éloïse"));
        assert_eq!(split("DUPONT JEANNE"), pair("DUPONT", "JEANNE"));
    }

    #[test]
    fn anything_else_is_refused_with_the_three_ways() {
        for written in [
            "Le Goff Yann",
            "LE GOFF YANN",
            "Dupont",
            "",
            "Le Goff, Yann, Marie",
            "Le Goff,",
            ", Yann",
        ] {
            let message = Name::split(written).expect_err(written).0;
            assert!(
                message.contains("\"Le Goff, Yann\""),
                "{written}: {message}"
            );
            assert!(message.contains("\"LE GOFF Yann\""), "{written}: {message}");
            assert!(
                message.contains("--nom \"Le Goff\" --prenom Yann"),
                "{written}: {message}"
            );
        }
    }

    #[test]
    fn explicit_parts_are_taken_as_given_but_not_empty() {
        assert_eq!(
            Name::explicit(" Le  Goff ", "Yann").expect("accepted"),
            Name {
                nom: "Le Goff".into(),
                prenom: "Yann".into()
            }
        );
        assert!(Name::explicit("Le Goff", " ").is_err());
    }
}
