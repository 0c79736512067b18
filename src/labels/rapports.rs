//! The words of the rapports pages (monthly figures), kept apart from the
//! other words so that the rapports are one place to read.

use super::Lang;

pub(super) const FR: &[(&str, &str)] = &[
    ("rapports", "Rapports"),
    (
        "rapports_aide",
        "Chiffres de chaque mois, comptés à la date de génération : seul ce qui a eu lieu compte (un atelier à venir n'est pas compté). Aucun nom n'y figure ; ces pages ne sont produites que dans la version interne.",
    ),
    (
        "rapports_vide",
        "Rien n'a encore eu lieu : aucun chiffre à montrer.",
    ),
    ("rapport_annee", "Bilan de l'année"),
    ("rapport_mois", "Rapport du mois"),
    ("rapports_par_mois", "Mois par mois"),
    ("rapport_total", "Total"),
    ("fig_chiffre", "Chiffre"),
    ("fig_sessions", "Sessions tenues"),
    ("fig_clubs", "Clubs tenus"),
    ("fig_ateliers", "Ateliers tenus"),
    ("fig_attendus", "Personnes attendues"),
    ("fig_presents", "Personnes présentes"),
    ("fig_non_renseignes", "Présences non saisies"),
    ("fig_taux", "Taux de présence"),
    ("fig_nouveaux", "Nouveaux stagiaires"),
    ("fig_parrainages_debut", "Parrainages commencés"),
    ("fig_parrainages_fin", "Parrainages terminés"),
    ("fig_entretiens", "Entretiens de parrainage"),
    ("fig_evenements", "Événements"),
    ("fig_participants", "Participants présents aux événements"),
    (
        "fig_nouveaux_aide",
        "Nouveau stagiaire : personne dont la première session ou le premier club commence ce mois-là.",
    ),
    (
        "fig_taux_aide",
        "Taux de présence : personnes présentes sur personnes attendues aux ateliers tenus (une présence non saisie compte comme non présente).",
    ),
    ("graphique_presences", "Présences par mois"),
    (
        "graphique_presences_desc",
        "Barres : personnes attendues et présentes aux ateliers de chaque mois ; le taux de présence est écrit au-dessus.",
    ),
    ("graphique_ateliers", "Ateliers tenus par mois"),
    (
        "graphique_ateliers_desc",
        "Barres : nombre d'ateliers de sessions et de clubs tenus chaque mois.",
    ),
    ("chiffres_en_tableau", "Les mêmes chiffres en tableau"),
    ("fig_sorties", "Sorties positives"),
    ("fig_sorties_formation", "Sorties en formation qualifiante"),
    ("fig_sorties_emploi", "Sorties en emploi durable"),
    ("fig_sorties_validees", "Sorties validées en commission"),
    (
        "fig_sorties_aide",
        "Sortie positive (PLIE) : comptée le mois où commence l'étape de sortie, c'est-à-dire l'entrée en formation qualifiante (axe FSE 4) ou en emploi durable (axe FSE 1) ; une étape interrompue ne compte pas. Sortie validée : comptée le mois de la commission qui l'a examinée, une fois celle-ci tenue.",
    ),
    ("graphique_sorties", "Sorties positives par mois"),
    (
        "graphique_sorties_desc",
        "Barres : sorties positives commencées chaque mois, en formation qualifiante et en emploi durable.",
    ),
    ("fig_mois", "Mois"),
    ("rapports_classeur", "Rapports mensuels"),
];

pub(super) const EN: &[(&str, &str)] = &[
    ("rapports", "Reports"),
    (
        "rapports_aide",
        "Figures of each month, counted on the build day: only what has happened counts (an atelier to come is not counted). No name appears here; these pages are made in the internal version only.",
    ),
    (
        "rapports_vide",
        "Nothing has happened yet: no figure to show.",
    ),
    ("rapport_annee", "Year summary"),
    ("rapport_mois", "Monthly report"),
    ("rapports_par_mois", "Month by month"),
    ("rapport_total", "Total"),
    ("fig_chiffre", "Figure"),
    ("fig_sessions", "Sessions held"),
    ("fig_clubs", "Clubs held"),
    ("fig_ateliers", "Ateliers held"),
    ("fig_attendus", "People expected"),
    ("fig_presents", "People present"),
    ("fig_non_renseignes", "Presences not recorded"),
    ("fig_taux", "Attendance rate"),
    ("fig_nouveaux", "New trainees"),
    ("fig_parrainages_debut", "Mentorships started"),
    ("fig_parrainages_fin", "Mentorships ended"),
    ("fig_entretiens", "Mentoring interviews"),
    ("fig_evenements", "Events"),
    ("fig_participants", "Participants present at events"),
    (
        "fig_nouveaux_aide",
        "New trainee: a person whose first session or club begins that month.",
    ),
    (
        "fig_taux_aide",
        "Attendance rate: people present out of people expected at the ateliers held (a presence not recorded counts as not present).",
    ),
    ("graphique_presences", "Presences per month"),
    (
        "graphique_presences_desc",
        "Bars: people expected and present at each month's ateliers; the attendance rate is written above.",
    ),
    ("graphique_ateliers", "Ateliers held per month"),
    (
        "graphique_ateliers_desc",
        "Bars: number of session and club ateliers held each month.",
    ),
    ("chiffres_en_tableau", "The same figures as a table"),
    ("fig_sorties", "Positive exits"),
    ("fig_sorties_formation", "Exits into qualifying training"),
    ("fig_sorties_emploi", "Exits into durable employment"),
    ("fig_sorties_validees", "Exits validated by a commission"),
    (
        "fig_sorties_aide",
        "Positive exit (PLIE): counted in the month its exit step starts, that is the entry into qualifying training (FSE axis 4) or durable employment (FSE axis 1); an interrupted step does not count. Validated exit: counted in the month of the commission that examined it, once it is held.",
    ),
    ("graphique_sorties", "Positive exits per month"),
    (
        "graphique_sorties_desc",
        "Bars: positive exits started each month, into qualifying training and into durable employment.",
    ),
    ("fig_mois", "Month"),
    ("rapports_classeur", "Monthly reports"),
];

/// The words of the rapports in `lang`.
pub(super) fn words(lang: Lang) -> &'static [(&'static str, &'static str)] {
    match lang {
        Lang::Fr => FR,
        Lang::En => EN,
    }
}

/// Short month names for the charts' axis, January first.
pub fn short_months(lang: Lang) -> [&'static str; 12] {
    match lang {
        Lang::Fr => [
            "janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.",
            "nov.", "déc.",
        ],
        Lang::En => [
            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
        ],
    }
}
