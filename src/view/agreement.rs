//! Words that agree with the people they are said of (Mme: tutrice,
//! inscrite, la marraine). The view gives pages and forms the agreed word,
//! so that no template decides a gender; the words are in
//! [`crate::labels::agreed`].

use crate::labels::{Gender, Lang, agreed};
use crate::model::{Civilite, Personne, Statut};
use schemars::JsonSchema;
use serde::Serialize;

/// A person's grammatical gender, from the civilité.
pub fn gender(p: &Personne) -> Gender {
    match p.civilite {
        Civilite::Mme => Gender::Feminine,
        Civilite::M => Gender::Masculine,
    }
}

/// The words said of one person, agreed with their civilité: what a fiche
/// and a form print about them (« Mme X, inscrite… », « la marraine »).
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Accords {
    /// inscrit, inscrite.
    pub inscrit: &'static str,
    /// Inscrit depuis le, Inscrite depuis le.
    pub inscrit_depuis: &'static str,
    /// Présent aux ateliers passés, Présente…
    pub assiduite: &'static str,
    /// l'intéressé, l'intéressée.
    pub interesse: &'static str,
    /// Présent, Présente.
    pub present: &'static str,
    /// Filleul, Filleule.
    pub filleul: &'static str,
    /// le filleul, la filleule.
    pub le_filleul: &'static str,
    /// du filleul, de la filleule.
    pub du_filleul: &'static str,
    /// Parrain, Marraine.
    pub parrain: &'static str,
    /// le parrain, la marraine.
    pub le_parrain: &'static str,
    /// du parrain, de la marraine.
    pub du_parrain: &'static str,
    /// Monsieur, Madame (a letter's salutation).
    pub madame: &'static str,
    /// il, elle.
    pub il: &'static str,
    /// sorti, sortie (du PLIE).
    pub sorti: &'static str,
    /// accompagné, accompagnée.
    pub accompagne: &'static str,
}

impl Accords {
    /// The words said of one person of `gender`.
    pub fn of(lang: Lang, gender: Gender) -> Accords {
        let word = |key| agreed(lang, key, &[gender]);
        Accords {
            inscrit: word("inscrit"),
            inscrit_depuis: word("inscrit_depuis"),
            assiduite: word("assiduite"),
            interesse: word("interesse"),
            present: word("present"),
            filleul: word("filleul"),
            le_filleul: word("le_filleul"),
            du_filleul: word("du_filleul"),
            parrain: word("parrain"),
            le_parrain: word("le_parrain"),
            du_parrain: word("du_parrain"),
            madame: word("madame"),
            il: word("il"),
            sorti: word("sorti"),
            accompagne: word("accompagne"),
        }
    }
}

/// The code of an attendance status, as templates and labels name it.
pub fn status_code(statut: Statut) -> &'static str {
    match statut {
        Statut::Present => "present",
        Statut::Absent => "absent",
        Statut::Excuse => "excuse",
        Statut::NonRenseigne => "non_renseigne",
        Statut::AVenir => "a_venir",
    }
}

/// An attendance status said of one person: « Présente », « Excusé ».
pub fn status(lang: Lang, statut: Statut, gender: Gender) -> &'static str {
    agreed(lang, status_code(statut), &[gender])
}

/// A person's roles by name, agreed: « Tutrice », « Parrain ». A role a kit
/// added in carnet.yaml is shown by its code.
pub fn roles(lang: Lang, codes: &[String], gender: Gender) -> Vec<String> {
    codes
        .iter()
        .map(|code| agreed(lang, code, &[gender]).to_string())
        .collect()
}

/// The word `key` said of a group: « Tutrices » when all are women,
/// « Tuteur » for one man, « Tuteurs » otherwise.
pub fn of_group(
    lang: Lang,
    key: &'static str,
    who: impl IntoIterator<Item = Gender>,
) -> &'static str {
    let who: Vec<Gender> = who.into_iter().collect();
    agreed(lang, key, &who)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_words_of_a_woman_are_feminine_and_those_of_a_man_masculine() {
        let f = Accords::of(Lang::Fr, Gender::Feminine);
        let words = [
            f.inscrit,
            f.inscrit_depuis,
            f.assiduite,
            f.interesse,
            f.present,
            f.filleul,
            f.le_filleul,
            f.du_filleul,
            f.parrain,
            f.le_parrain,
            f.du_parrain,
        ];
        assert_eq!(
            words,
            [
                "inscrite",
                "Inscrite depuis le",
                "Présente aux ateliers passés",
                "l'intéressée",
                "Présente",
                "Filleule",
                "la filleule",
                "de la filleule",
                "Marraine",
                "la marraine",
                "de la marraine",
            ]
        );
        let m = Accords::of(Lang::Fr, Gender::Masculine);
        assert_eq!(
            [m.inscrit, m.du_parrain, m.le_filleul],
            ["inscrit", "du parrain", "le filleul"]
        );
    }

    #[test]
    fn a_status_agrees_with_the_person() {
        assert_eq!(
            status(Lang::Fr, Statut::Excuse, Gender::Feminine),
            "Excusée"
        );
        assert_eq!(
            status(Lang::Fr, Statut::Absent, Gender::Masculine),
            "Absent"
        );
        assert_eq!(
            status(Lang::En, Statut::Present, Gender::Feminine),
            "Present"
        );
    }
}
