//! The words of the planning pages, the calendar feeds and the tableau de
//! bord's two weeks, kept apart from the other words so that the planning
//! is one place to read.

use super::Lang;

pub(super) const FR: &[(&str, &str)] = &[
    ("planning", "Planning"),
    ("planning_de", "Planning de"),
    (
        "planning_aide",
        "Ateliers des sessions et des clubs, événements et réunion de coordination, mois par mois.",
    ),
    ("mois_precedent", "Mois précédent"),
    ("mois_suivant", "Mois suivant"),
    ("mois_courant", "Mois en cours"),
    ("mois_avec_activite", "Mois"),
    ("semaine_numero", "Semaine"),
    ("par_semaine", "Semaine par semaine"),
    ("rien_ce_mois", "Rien de prévu ce mois-ci."),
    ("rien_au_planning", "Rien au planning pour l'instant."),
    ("calendrier_abonner", "S'abonner au calendrier"),
    ("calendrier_telecharger", "Télécharger le calendrier (.ics)"),
    (
        "calendrier_aide",
        "À importer dans un agenda (Thunderbird, Outlook, téléphone).",
    ),
    ("plannings_personnes", "Plannings par personne"),
    (
        "calendriers_activites",
        "Calendriers des sessions et des clubs",
    ),
    ("son_planning", "Son planning"),
    ("elements", "éléments"),
    ("deux_semaines", "Cette semaine et la suivante"),
    (
        "rien_deux_semaines",
        "Rien de prévu cette semaine ni la suivante.",
    ),
    ("fiche_en_ligne", "Fiche"),
    ("intervenants_planning", "Avec"),
];

pub(super) const EN: &[(&str, &str)] = &[
    ("planning", "Planning"),
    ("planning_de", "Planning of"),
    (
        "planning_aide",
        "Ateliers of sessions and clubs, events and the coordination meeting, month by month.",
    ),
    ("mois_precedent", "Previous month"),
    ("mois_suivant", "Next month"),
    ("mois_courant", "Current month"),
    ("mois_avec_activite", "Months"),
    ("semaine_numero", "Week"),
    ("par_semaine", "Week by week"),
    ("rien_ce_mois", "Nothing planned this month."),
    ("rien_au_planning", "Nothing planned yet."),
    ("calendrier_abonner", "Subscribe to the calendar"),
    ("calendrier_telecharger", "Download the calendar (.ics)"),
    (
        "calendrier_aide",
        "To import into a calendar (Thunderbird, Outlook, phone).",
    ),
    ("plannings_personnes", "Plannings by person"),
    ("calendriers_activites", "Calendars of sessions and clubs"),
    ("son_planning", "Their planning"),
    ("elements", "items"),
    ("deux_semaines", "This week and next"),
    ("rien_deux_semaines", "Nothing planned this week or next."),
    ("fiche_en_ligne", "Page"),
    ("intervenants_planning", "With"),
];

const WEEKDAYS_FR: [&str; 7] = [
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
];
const WEEKDAYS_EN: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// The names of the days of the week in `lang`, Monday first.
pub fn weekdays(lang: Lang) -> &'static [&'static str; 7] {
    match lang {
        Lang::Fr => &WEEKDAYS_FR,
        Lang::En => &WEEKDAYS_EN,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_languages_have_the_same_planning_words_in_the_same_order() {
        let keys = |list: &[(&'static str, &'static str)]| -> Vec<&'static str> {
            list.iter().map(|(k, _)| *k).collect()
        };
        assert_eq!(keys(FR), keys(EN));
        assert_eq!(weekdays(Lang::Fr)[0], "lundi");
        assert_eq!(weekdays(Lang::En)[6], "Sunday");
        assert_eq!(
            crate::labels::word(Lang::Fr, "deux_semaines"),
            "Cette semaine et la suivante"
        );
    }
}
