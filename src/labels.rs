//! Every word carnet prints (pages, forms, names of months, role, status
//! and type codes), in French (default) and English. Below the stages: the
//! view and the renderers take their words from here; templates read them
//! as `t.<key>`, codes as `t.roles[code]`, `t.statuts[code]`, etc.

use serde::Serialize;
use std::collections::BTreeMap;

/// Language of the generated pages and forms.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Français (default).
    #[default]
    Fr,
    /// English.
    En,
}

const FR: &[(&str, &str)] = &[
    ("diagnostic_erreur", "erreur :"),
    ("diagnostic_avertissement", "avertissement :"),
    ("diagnostic_attendu", "attendu :"),
    ("accueil", "Accueil"),
    ("personnes", "Personnes"),
    ("sessions", "Sessions"),
    ("clubs", "Clubs emploi"),
    ("club_emploi", "Club emploi"),
    ("session", "Session"),
    ("evenements", "Événements"),
    ("operateurs", "Opérateurs"),
    ("parrainages", "Parrainages"),
    ("annuaire", "Annuaire"),
    ("tableau", "Tableau de bord"),
    ("pages", "Pages"),
    ("menu", "Menu principal"),
    ("menu_court", "Menu"),
    ("aller_contenu", "Aller au contenu"),
    ("fiche", "Fiche"),
    ("identite", "Identité"),
    ("coordonnees", "Coordonnées"),
    ("telephone", "Téléphone"),
    ("mobile", "Mobile"),
    ("email", "Courriel"),
    ("adresse", "Adresse"),
    ("entreprise", "Entreprise"),
    ("fonction", "Fonction"),
    ("roles_titre", "Rôles"),
    ("etudes", "Études"),
    ("diplome", "Diplôme"),
    ("annee", "Année"),
    ("etablissement", "Établissement"),
    ("situation", "Situation"),
    ("en_emploi", "En emploi"),
    ("sans_emploi", "En recherche d'emploi"),
    ("depuis", "depuis le"),
    ("commentaire", "Commentaire"),
    ("financement", "Financement"),
    ("caf", "N° CAF"),
    ("cli", "N° CLI"),
    ("complement", "Complément"),
    ("inscrit_depuis", "Inscrit(e) depuis le"),
    ("ateliers", "Ateliers"),
    ("atelier", "Atelier"),
    ("date", "Date"),
    ("intitule", "Intitulé"),
    ("cycle", "Cycle"),
    ("cycle_1", "Formation"),
    ("cycle_2", "Approfondissement"),
    ("matin", "Matin"),
    ("apres_midi", "Après-midi"),
    ("presence", "Présence"),
    ("presences", "Présences"),
    ("attendus", "Attendus"),
    ("presents", "Présents"),
    ("inscrits", "Inscrits"),
    ("nb_inscrits", "inscrits"),
    ("tuteurs", "Tuteurs"),
    ("tuteur", "Tuteur"),
    ("formateurs", "Formateurs"),
    ("convocation", "Liste de convocation"),
    ("session_origine", "Session d'origine"),
    ("ajoute", "ajouté(e) à la main"),
    ("parrainage", "Parrainage"),
    ("parrain", "Parrain"),
    ("filleul", "Filleul(e)"),
    ("filleuls", "Filleul(e)s"),
    ("debut", "Début"),
    ("fin", "Fin"),
    ("motif_fin", "Motif de fin"),
    ("observations", "Observations"),
    ("projet", "Projet"),
    ("projet_parcours", "Parcours"),
    ("projet_pro", "Projet professionnel"),
    ("attentes", "Attentes"),
    ("historique", "Parrains précédents"),
    ("entretiens", "Entretiens"),
    ("entretien_du", "Entretien du"),
    ("disponibilite", "Disponibilité"),
    ("dernier_entretien", "Dernier entretien"),
    ("en_cours", "En cours"),
    ("termines", "Terminés"),
    ("aucun", "Aucun"),
    ("aucune", "Aucune"),
    ("type", "Type"),
    ("titre", "Titre"),
    ("horaires", "Horaires"),
    ("lieu", "Lieu"),
    ("responsable", "Responsable"),
    ("intervenants", "Intervenants"),
    ("operateur", "Opérateur"),
    ("participants", "Participants"),
    ("present", "Présent(e)"),
    ("satisfaction", "Enquête de satisfaction"),
    ("droit_image", "Droit à l'image"),
    ("photos", "Photos prises"),
    ("procedure", "Procédure"),
    ("bilan", "Bilan"),
    ("sigle", "Sigle"),
    ("evenements_lies", "Événements"),
    ("oui", "oui"),
    ("non", "non"),
    ("a_venir", "À venir"),
    ("a_faire", "À faire"),
    ("rien_a_faire", "Rien à faire pour le moment."),
    ("presences_a_saisir", "Présences à saisir"),
    (
        "presences_a_saisir_aide",
        "Ateliers passés sans aucune présence notée. La commande écrit leur bloc presences (tout le monde présent) : il reste à noter les absences.",
    ),
    (
        "aucune_presence_a_saisir",
        "Les présences de tous les ateliers passés sont saisies.",
    ),
    ("commande", "Commande"),
    ("avertissements", "Avertissements de validation"),
    ("aucun_avertissement", "Aucun avertissement."),
    (
        "profil_public",
        "Les détails (personnes concernées, avertissements) ne figurent que dans la version interne du site (carnet build --profile interne).",
    ),
    ("taches", "tâches"),
    ("derniere_activite", "Dernière activité"),
    ("coordination", "Réunion de coordination"),
    ("chaque", "chaque"),
    ("a", "à"),
    ("genere_le", "Généré le"),
    (
        "profil_interne",
        "données personnelles confidentielles, à ne pas diffuser ni afficher.",
    ),
    ("non_publie", "personne non publiée"),
    ("rien_a_venir", "Rien de prévu dans les 30 prochains jours."),
    (
        "consentement",
        "Seules les informations que chaque personne a accepté de publier figurent ici.",
    ),
    ("version_interne", "Version interne"),
    ("rubriques", "Rubriques"),
    ("fil_ariane", "Fil d'Ariane"),
    ("a_venir_30", "À venir (30 jours)"),
    ("voir_tableau", "Voir le tableau de bord"),
    ("deux_points", " : "),
    ("aucune_coordonnee", "Aucune coordonnée publiée."),
    ("assiduite", "Présent(e) aux ateliers passés"),
    ("termine", "Terminé"),
    ("periode", "Période"),
    ("nom", "Nom"),
    ("aucun_atelier", "Aucun atelier pour le moment."),
    ("aucun_inscrit", "Aucune personne inscrite pour le moment."),
    ("pas_inscrit", "pas encore inscrit(e)"),
    ("rien_a_afficher", "Rien à afficher."),
    ("detail", "Détail"),
    ("formulaires", "Formulaires à imprimer"),
    (
        "formulaires_vierges",
        "Formulaires vierges, à remplir à la main",
    ),
];

const EN: &[(&str, &str)] = &[
    ("diagnostic_erreur", "error:"),
    ("diagnostic_avertissement", "warning:"),
    ("diagnostic_attendu", "expected:"),
    ("accueil", "Home"),
    ("personnes", "People"),
    ("sessions", "Sessions"),
    ("clubs", "Job clubs"),
    ("club_emploi", "Job club"),
    ("session", "Session"),
    ("evenements", "Events"),
    ("operateurs", "Operators"),
    ("parrainages", "Mentorships"),
    ("annuaire", "Directory"),
    ("tableau", "Dashboard"),
    ("pages", "Pages"),
    ("menu", "Main menu"),
    ("menu_court", "Menu"),
    ("aller_contenu", "Skip to content"),
    ("fiche", "Record"),
    ("identite", "Identity"),
    ("coordonnees", "Contact"),
    ("telephone", "Phone"),
    ("mobile", "Mobile"),
    ("email", "Email"),
    ("adresse", "Address"),
    ("entreprise", "Company"),
    ("fonction", "Position"),
    ("roles_titre", "Roles"),
    ("etudes", "Education"),
    ("diplome", "Diploma"),
    ("annee", "Year"),
    ("etablissement", "School"),
    ("situation", "Situation"),
    ("en_emploi", "Employed"),
    ("sans_emploi", "Looking for work"),
    ("depuis", "since"),
    ("commentaire", "Comment"),
    ("financement", "Funding"),
    ("caf", "CAF no."),
    ("cli", "CLI no."),
    ("complement", "Note"),
    ("inscrit_depuis", "Enrolled since"),
    ("ateliers", "Workshops"),
    ("atelier", "Workshop"),
    ("date", "Date"),
    ("intitule", "Title"),
    ("cycle", "Cycle"),
    ("cycle_1", "Training"),
    ("cycle_2", "Advanced"),
    ("matin", "Morning"),
    ("apres_midi", "Afternoon"),
    ("presence", "Attendance"),
    ("presences", "Attendance"),
    ("attendus", "Expected"),
    ("presents", "Present"),
    ("inscrits", "Enrolled"),
    ("nb_inscrits", "enrolled"),
    ("tuteurs", "Tutors"),
    ("tuteur", "Tutor"),
    ("formateurs", "Trainers"),
    ("convocation", "Invitation list"),
    ("session_origine", "From session"),
    ("ajoute", "added by hand"),
    ("parrainage", "Mentorship"),
    ("parrain", "Mentor"),
    ("filleul", "Mentee"),
    ("filleuls", "Mentees"),
    ("debut", "Start"),
    ("fin", "End"),
    ("motif_fin", "Reason for ending"),
    ("observations", "Observations"),
    ("projet", "Project"),
    ("projet_parcours", "Background"),
    ("projet_pro", "Career plan"),
    ("attentes", "Expectations"),
    ("historique", "Former mentors"),
    ("entretiens", "Interviews"),
    ("entretien_du", "Interview of"),
    ("disponibilite", "Availability"),
    ("dernier_entretien", "Last interview"),
    ("en_cours", "Ongoing"),
    ("termines", "Finished"),
    ("aucun", "None"),
    ("aucune", "None"),
    ("type", "Type"),
    ("titre", "Title"),
    ("horaires", "Time"),
    ("lieu", "Place"),
    ("responsable", "Person in charge"),
    ("intervenants", "Speakers"),
    ("operateur", "Operator"),
    ("participants", "Participants"),
    ("present", "Present"),
    ("satisfaction", "Satisfaction survey"),
    ("droit_image", "Image release"),
    ("photos", "Photos taken"),
    ("procedure", "Procedure"),
    ("bilan", "Review"),
    ("sigle", "Acronym"),
    ("evenements_lies", "Events"),
    ("oui", "yes"),
    ("non", "no"),
    ("a_venir", "Coming up"),
    ("a_faire", "To do"),
    ("rien_a_faire", "Nothing to do for now."),
    ("presences_a_saisir", "Attendance to record"),
    (
        "presences_a_saisir_aide",
        "Past ateliers with no attendance recorded. The command writes their presences block (everyone present): only the absences are left to note.",
    ),
    (
        "aucune_presence_a_saisir",
        "Attendance is recorded for every past atelier.",
    ),
    ("commande", "Command"),
    ("avertissements", "Validation warnings"),
    ("aucun_avertissement", "No warning."),
    (
        "profil_public",
        "Details (people concerned, warnings) are only in the internal version of the site (carnet build --profile interne).",
    ),
    ("taches", "tasks"),
    ("derniere_activite", "Last activity"),
    ("coordination", "Coordination meeting"),
    ("chaque", "every"),
    ("a", "at"),
    ("genere_le", "Generated on"),
    (
        "profil_interne",
        "confidential personal data, do not share or display.",
    ),
    ("non_publie", "unpublished person"),
    ("rien_a_venir", "Nothing planned in the next 30 days."),
    (
        "consentement",
        "Only the details each person agreed to publish are shown here.",
    ),
    ("version_interne", "Internal version"),
    ("rubriques", "Sections"),
    ("fil_ariane", "Breadcrumb"),
    ("a_venir_30", "Coming up (next 30 days)"),
    ("voir_tableau", "Open the dashboard"),
    ("deux_points", ": "),
    ("aucune_coordonnee", "No contact details published."),
    ("assiduite", "Attended past workshops"),
    ("termine", "Finished"),
    ("periode", "Period"),
    ("nom", "Name"),
    ("aucun_atelier", "No workshop yet."),
    ("aucun_inscrit", "Nobody is enrolled yet."),
    ("pas_inscrit", "not enrolled yet"),
    ("rien_a_afficher", "Nothing to show."),
    ("detail", "Details"),
    ("formulaires", "Printable forms"),
    ("formulaires_vierges", "Blank forms, to fill in by hand"),
];

const ROLES_FR: &[(&str, &str)] = &[
    ("stagiaire", "Stagiaire"),
    ("parrain", "Parrain / marraine"),
    ("tuteur", "Tuteur / tutrice"),
    ("formateur", "Formateur / formatrice"),
    ("conseiller", "Conseiller / conseillère"),
    ("responsable_emploi", "Responsable emploi"),
    ("responsable_parrains", "Responsable des parrains"),
    ("responsable_rsa", "Responsable RSA"),
    ("accompagnateur", "Accompagnateur / accompagnatrice"),
    ("assistant", "Assistant(e)"),
    ("manager", "Manager"),
    ("ambassadeur", "Ambassadeur / ambassadrice"),
];

const ROLES_EN: &[(&str, &str)] = &[
    ("stagiaire", "Trainee"),
    ("parrain", "Mentor"),
    ("tuteur", "Tutor"),
    ("formateur", "Trainer"),
    ("conseiller", "Adviser"),
    ("responsable_emploi", "Employment manager"),
    ("responsable_parrains", "Mentor coordinator"),
    ("responsable_rsa", "RSA officer"),
    ("accompagnateur", "Support worker"),
    ("assistant", "Assistant"),
    ("manager", "Manager"),
    ("ambassadeur", "Ambassador"),
];

const STATUTS_FR: &[(&str, &str)] = &[
    ("present", "Présent(e)"),
    ("absent", "Absent(e)"),
    ("excuse", "Excusé(e)"),
    ("non_renseigne", "Non renseigné"),
    ("a_venir", "À venir"),
];

const STATUTS_EN: &[(&str, &str)] = &[
    ("present", "Present"),
    ("absent", "Absent"),
    ("excuse", "Excused"),
    ("non_renseigne", "Not recorded"),
    ("a_venir", "Upcoming"),
];

const TODOS_FR: &[(&str, &str)] = &[
    ("inscrit_sans_email", "Inscrit(e) sans adresse électronique"),
    (
        "entretien_en_retard",
        "Parrainage sans entretien récent (dernier le)",
    ),
    (
        "absence_rsa",
        "Absence non excusée d'un(e) bénéficiaire du RSA en parrainage (pour le responsable RSA)",
    ),
    (
        "droit_image_manquant",
        "Présent(e) à un événement photographié sans décharge de droit à l'image",
    ),
    (
        "retention",
        "Aucune activité depuis la durée de conservation : archiver ou anonymiser (dernière activité le)",
    ),
];

const TODOS_EN: &[(&str, &str)] = &[
    ("inscrit_sans_email", "Enrolled without an email address"),
    (
        "entretien_en_retard",
        "Mentorship without a recent interview (last on)",
    ),
    (
        "absence_rsa",
        "Unexcused absence of an RSA beneficiary in mentorship (for the RSA officer)",
    ),
    (
        "droit_image_manquant",
        "Present at a photographed event without an image release",
    ),
    (
        "retention",
        "No activity for longer than the retention period: archive or anonymise (last activity on)",
    ),
];

const TYPES_FR: &[(&str, &str)] = &[
    ("atelier", "Atelier"),
    ("atelier_debat", "Atelier-débat"),
    ("conference", "Conférence"),
    ("salon", "Salon"),
    ("visite_entreprise", "Visite d'entreprise"),
    ("journee_recrutement", "Journée de recrutement"),
    ("guest_speaker", "Intervenant invité"),
    ("seance_individuelle", "Séance individuelle"),
    ("reunion", "Réunion"),
    ("entreprise", "Entreprise"),
    ("organisme_formation", "Organisme de formation"),
    ("association_intermediaire", "Association intermédiaire"),
    ("entreprise_insertion", "Entreprise d'insertion"),
    ("travail_temporaire", "Travail temporaire"),
    ("centre_bilan", "Centre de bilan"),
    ("autre", "Autre"),
];

const TYPES_EN: &[(&str, &str)] = &[
    ("atelier", "Workshop"),
    ("atelier_debat", "Discussion workshop"),
    ("conference", "Conference"),
    ("salon", "Fair"),
    ("visite_entreprise", "Company visit"),
    ("journee_recrutement", "Recruitment day"),
    ("guest_speaker", "Guest speaker"),
    ("seance_individuelle", "One-to-one session"),
    ("reunion", "Meeting"),
    ("entreprise", "Company"),
    ("organisme_formation", "Training body"),
    ("association_intermediaire", "Intermediary association"),
    ("entreprise_insertion", "Work-integration company"),
    ("travail_temporaire", "Temporary work agency"),
    ("centre_bilan", "Skills assessment centre"),
    ("autre", "Other"),
];

const MONTHS_FR: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The word `key` in `lang`, or the key itself if there is no such word
/// (a bug, which then shows on the page rather than hiding).
pub fn word(lang: Lang, key: &'static str) -> &'static str {
    let list = match lang {
        Lang::Fr => FR,
        Lang::En => EN,
    };
    list.iter()
        .find(|(k, _)| *k == key)
        .map_or(key, |(_, w)| *w)
}

/// The name of month `month` (1 to 12) in `lang`: "août", "August".
pub fn month(lang: Lang, month: u32) -> &'static str {
    let names = match lang {
        Lang::Fr => &MONTHS_FR,
        Lang::En => &MONTHS_EN,
    };
    names
        .get(month.wrapping_sub(1) as usize)
        .copied()
        .unwrap_or("?")
}

type Words = BTreeMap<&'static str, &'static str>;

/// Every label of a language, as templates read it (the global `t`).
#[derive(Debug, Serialize)]
pub struct Labels {
    /// The words, by key.
    #[serde(flatten)]
    pub words: Words,
    /// Role names by code.
    pub roles: Words,
    /// Attendance statuses by code.
    pub statuts: Words,
    /// Task descriptions by kind.
    pub todos: Words,
    /// Event and operator types by code.
    pub types: Words,
}

/// Every label of `lang`.
pub fn of(lang: Lang) -> Labels {
    let (base, roles, statuts, todos, types) = match lang {
        Lang::Fr => (FR, ROLES_FR, STATUTS_FR, TODOS_FR, TYPES_FR),
        Lang::En => (EN, ROLES_EN, STATUTS_EN, TODOS_EN, TYPES_EN),
    };
    let words = |list: &[(&'static str, &'static str)]| list.iter().copied().collect();
    Labels {
        words: words(base),
        roles: words(roles),
        statuts: words(statuts),
        todos: words(todos),
        types: words(types),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_words_the_code_asks_for_exist_in_both_languages() {
        assert_eq!(word(Lang::Fr, "non_publie"), "personne non publiée");
        assert_eq!(word(Lang::En, "non_publie"), "unpublished person");
        assert_eq!(word(Lang::Fr, "apres_midi"), "Après-midi");
        assert_eq!(word(Lang::En, "club_emploi"), "Job club");
        assert_eq!(word(Lang::Fr, "pas_un_mot"), "pas_un_mot");
    }

    #[test]
    fn months_are_named_in_each_language() {
        assert_eq!(month(Lang::Fr, 8), "août");
        assert_eq!(month(Lang::En, 12), "December");
        assert_eq!(month(Lang::Fr, 13), "?");
    }

    #[test]
    fn templates_get_words_and_tables_of_codes() {
        let t = serde_json::to_value(of(Lang::Fr)).unwrap_or_default();
        assert_eq!(t["accueil"], "Accueil");
        assert_eq!(t["roles"]["parrain"], "Parrain / marraine");
        assert_eq!(t["statuts"]["excuse"], "Excusé(e)");
    }

    #[test]
    fn both_languages_have_the_same_keys() {
        fn keys(l: &[(&'static str, &'static str)]) -> Vec<&'static str> {
            l.iter().map(|(k, _)| *k).collect()
        }
        assert_eq!(keys(FR), keys(EN));
        assert_eq!(keys(ROLES_FR), keys(ROLES_EN));
        assert_eq!(keys(STATUTS_FR), keys(STATUTS_EN));
        assert_eq!(keys(TODOS_FR), keys(TODOS_EN));
        assert_eq!(keys(TYPES_FR), keys(TYPES_EN));
    }

    #[test]
    fn no_word_hides_a_table_of_codes() {
        for (key, _) in FR {
            assert!(
                !["roles", "statuts", "todos", "types"].contains(key),
                "t.{key} is a table of codes, a label cannot have that name"
            );
        }
    }
}
