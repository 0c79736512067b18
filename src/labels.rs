//! Every word carnet prints (pages, forms, names of months, role, status
//! and type codes), in French (default) and English. Below the stages: the
//! view and the renderers take their words from here; templates read them
//! as `t.<key>`, codes as `t.roles[code]`, `t.statuts[code]`, etc.

use serde::Serialize;
use std::collections::BTreeMap;

mod planning;
pub use planning::weekdays;
mod rapports;
pub use rapports::short_months;
mod suivi;

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
    ("menu_reference", "Référence"),
    ("menu_suivi", "Suivi"),
    ("convocations_a_envoyer", "Convocations à envoyer"),
    ("planning_commission", "Commission PLIE"),
    ("planning_comite_technique", "Comité technique PLIE"),
    ("planning_comite_pilotage", "Comité de pilotage PLIE"),
    ("planning_cloture_liaisons", "Clôture des liaisons PLIE"),
    ("prochain_atelier", "prochain atelier le"),
    ("convocation_a_convoquer", "{n} personne(s) à convoquer"),
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
    ("tuteur", "Tuteur"),
    ("convocation", "Liste de convocation"),
    ("session_origine", "Session d'origine"),
    ("ajoute", "ajouté(e) à la main"),
    ("parrainage", "Parrainage"),
    ("parrain", "Parrain"),
    ("filleul", "Filleul(e)"),
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
    ("termine", "Terminé"),
    ("periode", "Période"),
    ("nom", "Nom"),
    ("aucun_atelier", "Aucun atelier pour le moment."),
    ("aucun_inscrit", "Aucune personne inscrite pour le moment."),
    ("rien_a_afficher", "Rien à afficher."),
    ("non_attendu", "Non attendu(e) : pas encore inscrit(e)"),
    ("legende", "Légende"),
    ("tous", "Tous"),
    ("toutes", "Toutes"),
    ("session_ou_club", "Session ou club"),
    ("filtre_compte", "{n} personne(s) affichée(s) sur {total}"),
    ("detail", "Détail"),
    ("formulaires", "Formulaires à imprimer"),
    (
        "formulaires_vierges",
        "Formulaires vierges, à remplir à la main",
    ),
    // ---- tableau de bord, parrainages (issue 9, point 6, second half) ----
    ("par_acteur", "Par personne qui doit agir"),
    ("acteur_responsable_emploi", "Responsable emploi"),
    ("acteur_tuteur", "Tuteur"),
    ("acteur_tutrice", "Tutrice"),
    ("acteur_tuteurs", "Tuteurs"),
    ("acteur_tutrices", "Tutrices"),
    ("acteur_responsable_parrains", "Responsable des parrains"),
    ("acteur_responsable_rsa", "Responsable RSA"),
    ("attendu", "attendu"),
    (
        "phrase_sans_email",
        "pas d'adresse électronique, à lui demander au prochain atelier de",
    ),
    (
        "phrase_entretien",
        "aucun entretien de parrainage depuis le",
    ),
    ("phrase_absence", "absence non excusée le"),
    ("phrase_rsa", "bénéficiaire du RSA en parrainage"),
    ("phrase_droit_image", "droit à l'image non signé, photos de"),
    ("phrase_retention", "aucune activité depuis le"),
    (
        "phrase_retention_suite",
        " : dossier à archiver ou à anonymiser",
    ),
    ("par_parrain", "Par parrain ou marraine"),
    ("en_retard", "en retard"),
    ("aucun_entretien", "aucun entretien"),
    ("depuis_le_debut", "début"),
    ("il_y_a", "il y a {}"),
    ("aujourd_hui", "aujourd'hui"),
    ("jour", "jour"),
    ("jours", "jours"),
    ("semaine", "semaine"),
    ("semaines", "semaines"),
    ("mois_duree", "mois"),
    ("mois_durees", "mois"),
    // ---- end of the tableau de bord and parrainages block ----
    // ---- exports and the convocation page (issue 12) ----
    ("prenom", "Prénom"),
    ("civilite_titre", "Civilité"),
    ("session_numero", "N° de session"),
    ("session_mois", "Mois de la session"),
    ("compte_rendu", "Compte rendu"),
    ("exports", "Exports (tableur)"),
    (
        "convocation_voir",
        "Page de convocation (courriel, CSV, Excel)",
    ),
    ("convocation_ecrire", "Écrire aux {n} personnes"),
    (
        "convocation_cci",
        "Toutes les adresses sont en copie cachée (Cci) : personne ne voit l'adresse des autres.",
    ),
    ("convocation_avec_email", "Avec une adresse électronique"),
    (
        "convocation_sans_email",
        "Sans adresse électronique : à appeler",
    ),
    ("telecharger_csv", "Télécharger la liste (CSV, pour Excel)"),
    ("telecharger_xlsx", "Télécharger la liste (Excel)"),
    ("aucun_telephone", "aucun numéro"),
    ("rubrique", "Rubrique"),
    ("valeur", "Valeur"),
    // ---- end of the exports block ----
    // ---- PLIE parcours and exits (issue 13) ----
    ("plie_sorties", "Sorties PLIE"),
    ("plie_parcours", "Parcours PLIE"),
    ("plie_entree", "Entrée dans le PLIE"),
    ("plie_referent", "Accompagnement"),
    ("plie_assistant", "Assistance administrative"),
    ("plie_prescripteur", "Prescripteur"),
    ("plie_sortie_positive", "Sortie positive"),
    ("plie_valide_comite", "validée en comité technique"),
    ("plie_axe_fse", "Axe FSE"),
    ("plie_commission", "Commission"),
    ("plie_provisoire", "provisoire (calendrier à venir)"),
    ("plie_liaison", "Liaison"),
    ("plie_metier", "Métier"),
    ("plie_participant", "Participant·e"),
    ("plie_reliee_le", "reliée le"),
    ("plie_a_relier", "à relier au plus tard le"),
    ("plie_justificatif", "Justificatif"),
    ("plie_non_recu", "non reçu"),
    ("plie_rupture", "Rupture"),
    ("plie_fin_reelle", "fin réelle le"),
    ("plie_courriers", "Courriers de sortie"),
    ("plie_envoyes_le", "envoyés le"),
    ("plie_a_envoyer", "à envoyer au plus tard le"),
    ("plie_dossier", "Clôture du dossier"),
    ("plie_clos_le", "clos le"),
    ("plie_a_clore", "à clore au plus tard le"),
    ("plie_archive", "Année d'archivage"),
    ("plie_sortie", "Sortie du dispositif"),
    ("plie_aucune_sortie", "Aucune étape de sortie."),
    ("plie_etiquettes", "Étiquettes des boîtes d'archives"),
    (
        "plie_etiquettes_aide",
        "Une planche par année d'archive (l'année de la sortie), une étiquette par boîte, les noms par ordre alphabétique. Taille des étiquettes : carnet.yaml plie.etiquettes.",
    ),
    ("plie_lettres", "Courriers de sortie"),
    ("plie_cloture_liaisons", "clôture des liaisons le"),
    ("plie_passee", "passée"),
    ("plie_suivi_par", "Suivi par"),
    ("plie_echeances", "Échéances PLIE"),
    (
        "plie_echeances_aide",
        "Les six semaines à venir ; les échéances dépassées d'abord.",
    ),
    ("plie_libelle", "Libellé"),
    ("plie_contrat", "Contrat"),
    ("plie_rome", "Code ROME"),
    ("plie_operateur", "Opérateur"),
    ("plie_objectif", "Objectif"),
    (
        "plie_sorties_aide",
        "Les étapes de sortie regroupées par commission : liaison, pièces du dossier (les manquantes d'abord), courriers, clôture du dossier et année d'archivage.",
    ),
    ("plie_type_formation", "Formation"),
    ("plie_type_emploi", "Emploi"),
    ("plie_type_parcours", "Étape de parcours"),
    ("plie_etat_en_cours", "En cours"),
    ("plie_etat_terminee", "Terminée"),
    ("plie_etat_interrompue", "Interrompue"),
    ("plie_contrat_cdi", "CDI"),
    ("plie_contrat_cdd", "CDD"),
    ("plie_contrat_interim", "Intérim"),
    ("plie_contrat_contrat_aide", "Contrat aidé"),
    (
        "plie_contrat_professionnalisation",
        "Contrat de professionnalisation",
    ),
    ("plie_contrat_apprentissage", "Contrat d'apprentissage"),
    ("plie_justificatif_bulletin_salaire", "Bulletin de salaire"),
    ("plie_justificatif_diplome", "Diplôme"),
    ("plie_justificatif_attestation", "Attestation"),
    ("plie_echeance_liaison", "relier l'étape de sortie"),
    ("plie_echeance_courriers", "envoyer les courriers de sortie"),
    ("plie_echeance_dossier", "clore le dossier"),
    ("acteur_assistant", "Assistant PLIE"),
    ("acteur_assistante", "Assistante PLIE"),
    ("acteur_accompagnateur", "Accompagnateur emploi"),
    ("acteur_accompagnatrice", "Accompagnatrice emploi"),
    // ---- end of the PLIE block ----
    // ---- flowcharts (issue 11) ----
    ("flowchart_et", "ET"),
    ("flowchart_ou", "OU"),
    (
        "flowchart_et_titre",
        "Toutes les étapes qui mènent ici sont nécessaires",
    ),
    (
        "flowchart_ou_titre",
        "Une seule des étapes qui mènent ici suffit",
    ),
    ("flowchart_fin", "Fin"),
    ("flowchart_fin_titre", "Fin de la procédure"),
    ("flowchart_ensemble", "Étape menée ensemble"),
    ("flowchart_prerequis", "Prérequis :"),
    ("flowchart_resume", "{} étapes, {} acteurs : {}."),
    // ---- end of the flowcharts block ----
    // ---- procedure reference ----
    ("procedures", "Procédures"),
    ("documents", "Documents"),
    ("sans_famille", "Autres procédures"),
    ("par_famille", "Par famille"),
    ("acteurs", "Acteurs"),
    (
        "acteurs_intro",
        "Ce que fait chaque acteur, toutes procédures confondues.",
    ),
    ("catalogue", "Catalogue des documents"),
    ("code", "Code"),
    ("finalite", "Finalité"),
    ("version", "Version"),
    ("mis_a_jour", "Mise à jour"),
    ("etapes", "Étapes"),
    ("etape", "Étape"),
    ("nb_etapes", "étapes"),
    ("nb_etape", "étape"),
    ("famille", "Famille"),
    ("repere", "Repère"),
    ("prerequis", "Prérequis"),
    ("si", "si"),
    ("puis", "Puis"),
    ("vers_etape", "étape"),
    ("fin_procedure", "Fin de la procédure"),
    ("attend_toutes", "Jonction : attend toutes les étapes"),
    ("attend_une", "Jonction : attend l'une des étapes"),
    ("documents_reference", "Documents de référence"),
    ("outils", "Outils"),
    (
        "evenements_procedure",
        "Événements menés selon cette procédure",
    ),
    ("utilise_par", "Procédures qui l'utilisent"),
    ("parmi_outils", "parmi les outils de la procédure"),
    ("fichier", "Fichier"),
    ("taille", "Taille"),
    ("avec", "avec"),
    ("aussi_ecrit", "Aussi écrit"),
    ("logigramme", "Logigramme"),
    (
        "documents_intro",
        "Les fichiers à télécharger, par dossier.",
    ),
    ("dossier_racine", "Sans dossier"),
    (
        "aucune_procedure",
        "Aucune procédure n'utilise ce document.",
    ),
    // ---- end of the procedure reference block ----
    // ---- search (issue 11) ----
    ("recherche", "Rechercher"),
    ("recherche_aide", "Nom, atelier, page…"),
    ("recherche_resultats", "Résultats de la recherche"),
    ("recherche_aucun", "Aucun résultat."),
    ("recherche_un", "1 résultat"),
    ("recherche_nombre", "{n} résultats"),
    (
        "recherche_premiers",
        "{n} résultats, les {k} premiers affichés",
    ),
    ("recherche_chargement", "Chargement…"),
    ("recherche_erreur", "La recherche n'a pas pu être chargée."),
    ("recherche_personne", "Personne"),
    ("recherche_session", "Session"),
    ("recherche_club", "Club emploi"),
    ("recherche_evenement", "Événement"),
    ("recherche_operateur", "Opérateur"),
    ("recherche_page", "Page"),
    ("recherche_procedure", "Procédure"),
    ("recherche_etape", "Étape"),
    ("recherche_document", "Document"),
    // ---- end of the search block ----
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
    ("menu_reference", "Reference"),
    ("menu_suivi", "Follow-up"),
    ("convocations_a_envoyer", "Invitations to send"),
    ("planning_commission", "PLIE committee"),
    ("planning_comite_technique", "PLIE technical committee"),
    ("planning_comite_pilotage", "PLIE steering committee"),
    ("planning_cloture_liaisons", "PLIE links close"),
    ("prochain_atelier", "next atelier on"),
    ("convocation_a_convoquer", "{n} person(s) to invite"),
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
    ("tuteur", "Tutor"),
    ("convocation", "Invitation list"),
    ("session_origine", "From session"),
    ("ajoute", "added by hand"),
    ("parrainage", "Mentorship"),
    ("parrain", "Mentor"),
    ("filleul", "Mentee"),
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
    ("termine", "Finished"),
    ("periode", "Period"),
    ("nom", "Name"),
    ("aucun_atelier", "No workshop yet."),
    ("aucun_inscrit", "Nobody is enrolled yet."),
    ("rien_a_afficher", "Nothing to show."),
    ("non_attendu", "Not expected: not enrolled yet"),
    ("legende", "Legend"),
    ("tous", "All"),
    ("toutes", "All"),
    ("session_ou_club", "Session or club"),
    ("filtre_compte", "{n} of {total} people shown"),
    ("detail", "Details"),
    ("formulaires", "Printable forms"),
    ("formulaires_vierges", "Blank forms, to fill in by hand"),
    // ---- tableau de bord, parrainages (issue 9, point 6, second half) ----
    ("par_acteur", "By who must act"),
    ("acteur_responsable_emploi", "Employment manager"),
    ("acteur_tuteur", "Tutor"),
    ("acteur_tutrice", "Tutor"),
    ("acteur_tuteurs", "Tutors"),
    ("acteur_tutrices", "Tutors"),
    ("acteur_responsable_parrains", "Mentor coordinator"),
    ("acteur_responsable_rsa", "RSA officer"),
    ("attendu", "expected"),
    (
        "phrase_sans_email",
        "no email address, ask for it at the next atelier of",
    ),
    ("phrase_entretien", "no mentoring interview since"),
    ("phrase_absence", "unexcused absence on"),
    ("phrase_rsa", "RSA beneficiary in mentorship"),
    ("phrase_droit_image", "image release not signed, photos of"),
    ("phrase_retention", "no activity since"),
    ("phrase_retention_suite", ": file to archive or anonymise"),
    ("par_parrain", "By mentor"),
    ("en_retard", "late"),
    ("aucun_entretien", "no interview"),
    ("depuis_le_debut", "start"),
    ("il_y_a", "{} ago"),
    ("aujourd_hui", "today"),
    ("jour", "day"),
    ("jours", "days"),
    ("semaine", "week"),
    ("semaines", "weeks"),
    ("mois_duree", "month"),
    ("mois_durees", "months"),
    // ---- end of the tableau de bord and parrainages block ----
    // ---- exports and the convocation page (issue 12) ----
    ("prenom", "First name"),
    ("civilite_titre", "Title"),
    ("session_numero", "Session no."),
    ("session_mois", "Session month"),
    ("compte_rendu", "Report"),
    ("exports", "Exports (spreadsheet)"),
    ("convocation_voir", "Invitation page (email, CSV, Excel)"),
    ("convocation_ecrire", "Write to the {n} people"),
    (
        "convocation_cci",
        "Every address is in blind copy (Bcc): nobody sees the others' addresses.",
    ),
    ("convocation_avec_email", "With an email address"),
    (
        "convocation_sans_email",
        "Without an email address: to call",
    ),
    ("telecharger_csv", "Download the list (CSV, for Excel)"),
    ("telecharger_xlsx", "Download the list (Excel)"),
    ("aucun_telephone", "no number"),
    ("rubrique", "Field"),
    ("valeur", "Value"),
    // ---- end of the exports block ----
    // ---- PLIE parcours and exits (issue 13) ----
    ("plie_sorties", "PLIE exits"),
    ("plie_parcours", "PLIE pathway"),
    ("plie_entree", "Entry into the PLIE"),
    ("plie_referent", "Employment adviser"),
    ("plie_assistant", "Administrative assistant"),
    ("plie_prescripteur", "Referred by"),
    ("plie_sortie_positive", "Positive exit"),
    ("plie_valide_comite", "validated by the technical committee"),
    ("plie_axe_fse", "ESF axis"),
    ("plie_commission", "Committee"),
    ("plie_provisoire", "provisional (calendar to come)"),
    ("plie_liaison", "Link"),
    ("plie_metier", "Job"),
    ("plie_participant", "Participant"),
    ("plie_reliee_le", "linked on"),
    ("plie_a_relier", "to link by"),
    ("plie_justificatif", "Proof"),
    ("plie_non_recu", "not received"),
    ("plie_rupture", "Early end"),
    ("plie_fin_reelle", "actual end on"),
    ("plie_courriers", "Exit letters"),
    ("plie_envoyes_le", "sent on"),
    ("plie_a_envoyer", "to send by"),
    ("plie_dossier", "File closing"),
    ("plie_clos_le", "closed on"),
    ("plie_a_clore", "to close by"),
    ("plie_archive", "Archive year"),
    ("plie_sortie", "Exit from the programme"),
    ("plie_aucune_sortie", "No exit step."),
    ("plie_etiquettes", "Archive-box labels"),
    (
        "plie_etiquettes_aide",
        "One sheet per archive year (the year of the exit), one label per box, names in alphabetical order. Label size: carnet.yaml plie.etiquettes.",
    ),
    ("plie_lettres", "Exit letters"),
    ("plie_cloture_liaisons", "links close on"),
    ("plie_passee", "held"),
    ("plie_suivi_par", "Followed by"),
    ("plie_echeances", "PLIE deadlines"),
    (
        "plie_echeances_aide",
        "The coming six weeks; overdue deadlines first.",
    ),
    ("plie_libelle", "Label"),
    ("plie_contrat", "Contract"),
    ("plie_rome", "ROME code"),
    ("plie_operateur", "Operator"),
    ("plie_objectif", "Objective"),
    (
        "plie_sorties_aide",
        "Exit steps grouped by committee: link, file documents (missing ones first), letters, file closing and archive year.",
    ),
    ("plie_type_formation", "Training"),
    ("plie_type_emploi", "Employment"),
    ("plie_type_parcours", "Pathway step"),
    ("plie_etat_en_cours", "Ongoing"),
    ("plie_etat_terminee", "Finished"),
    ("plie_etat_interrompue", "Interrupted"),
    ("plie_contrat_cdi", "Permanent contract"),
    ("plie_contrat_cdd", "Fixed-term contract"),
    ("plie_contrat_interim", "Temporary work"),
    ("plie_contrat_contrat_aide", "Subsidised contract"),
    ("plie_contrat_professionnalisation", "Work-study contract"),
    ("plie_contrat_apprentissage", "Apprenticeship"),
    ("plie_justificatif_bulletin_salaire", "Payslip"),
    ("plie_justificatif_diplome", "Diploma"),
    ("plie_justificatif_attestation", "Certificate"),
    ("plie_echeance_liaison", "link the exit step"),
    ("plie_echeance_courriers", "send the exit letters"),
    ("plie_echeance_dossier", "close the file"),
    ("acteur_assistant", "PLIE assistant"),
    ("acteur_assistante", "PLIE assistant"),
    ("acteur_accompagnateur", "Employment adviser"),
    ("acteur_accompagnatrice", "Employment adviser"),
    // ---- end of the PLIE block ----
    // ---- flowcharts (issue 11) ----
    ("flowchart_et", "AND"),
    ("flowchart_ou", "OR"),
    ("flowchart_et_titre", "Every step leading here is needed"),
    (
        "flowchart_ou_titre",
        "Any one of the steps leading here is enough",
    ),
    ("flowchart_fin", "End"),
    ("flowchart_fin_titre", "End of the procedure"),
    ("flowchart_ensemble", "Step done together"),
    ("flowchart_prerequis", "Prerequisite:"),
    ("flowchart_resume", "{} steps, {} roles: {}."),
    // ---- end of the flowcharts block ----
    // ---- procedure reference ----
    ("procedures", "Procedures"),
    ("documents", "Documents"),
    ("sans_famille", "Other procedures"),
    ("par_famille", "By family"),
    ("acteurs", "Roles"),
    (
        "acteurs_intro",
        "What each role does, across every procedure.",
    ),
    ("catalogue", "Catalogue of documents"),
    ("code", "Code"),
    ("finalite", "Purpose"),
    ("version", "Version"),
    ("mis_a_jour", "Updated"),
    ("etapes", "Steps"),
    ("etape", "Step"),
    ("nb_etapes", "steps"),
    ("nb_etape", "step"),
    ("famille", "Family"),
    ("repere", "Time marker"),
    ("prerequis", "Prerequisite"),
    ("si", "if"),
    ("puis", "Then"),
    ("vers_etape", "step"),
    ("fin_procedure", "End of the procedure"),
    ("attend_toutes", "Join: waits for every step"),
    ("attend_une", "Join: waits for any one of steps"),
    ("documents_reference", "Reference documents"),
    ("outils", "Tools"),
    ("evenements_procedure", "Events run under this procedure"),
    ("utilise_par", "Procedures using it"),
    ("parmi_outils", "among the procedure's tools"),
    ("fichier", "File"),
    ("taille", "Size"),
    ("avec", "with"),
    ("aussi_ecrit", "Also written"),
    ("logigramme", "Flowchart"),
    ("documents_intro", "Files to download, by folder."),
    ("dossier_racine", "No folder"),
    ("aucune_procedure", "No procedure uses this document."),
    // ---- end of the procedure reference block ----
    // ---- search (issue 11) ----
    ("recherche", "Search"),
    ("recherche_aide", "Name, workshop, page…"),
    ("recherche_resultats", "Search results"),
    ("recherche_aucun", "No results."),
    ("recherche_un", "1 result"),
    ("recherche_nombre", "{n} results"),
    ("recherche_premiers", "{n} results, the first {k} shown"),
    ("recherche_chargement", "Loading…"),
    ("recherche_erreur", "Search could not be loaded."),
    ("recherche_personne", "Person"),
    ("recherche_session", "Session"),
    ("recherche_club", "Job club"),
    ("recherche_evenement", "Event"),
    ("recherche_operateur", "Operator"),
    ("recherche_page", "Page"),
    ("recherche_procedure", "Procedure"),
    ("recherche_etape", "Step"),
    ("recherche_document", "Document"),
    // ---- end of the search block ----
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
    ("modele", "Modèle"),
    ("guide", "Guide"),
    ("base_de_donnees", "Base de données"),
    ("outil", "Outil"),
    ("affiche", "Affiche"),
    ("depliant", "Dépliant"),
    ("ressource", "Ressource"),
    ("procedure", "Procédure"),
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
    ("modele", "Template"),
    ("guide", "Guide"),
    ("base_de_donnees", "Database"),
    ("outil", "Tool"),
    ("affiche", "Poster"),
    ("depliant", "Leaflet"),
    ("ressource", "Resource"),
    ("procedure", "Procedure"),
];

/// Grammatical gender of a person, from the civilité (Mme: feminine).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gender {
    /// Mme.
    Feminine,
    /// M.
    Masculine,
}

/// A word that agrees with the people it is said of: one man, one woman,
/// several people of whom at least one is a man, several women.
type Agreed = (&'static str, [&'static str; 4]);

/// Words that agree, by key: role codes (`tuteur` → Tuteur, Tutrice),
/// attendance statuses (`present` → Présent, Présente) and the words of the
/// forms and fiches (`inscrit`, `le_filleul`…).
const AGREED_FR: &[Agreed] = &[
    (
        "stagiaire",
        ["Stagiaire", "Stagiaire", "Stagiaires", "Stagiaires"],
    ),
    ("parrain", ["Parrain", "Marraine", "Parrains", "Marraines"]),
    ("tuteur", ["Tuteur", "Tutrice", "Tuteurs", "Tutrices"]),
    (
        "formateur",
        ["Formateur", "Formatrice", "Formateurs", "Formatrices"],
    ),
    (
        "conseiller",
        ["Conseiller", "Conseillère", "Conseillers", "Conseillères"],
    ),
    (
        "responsable_emploi",
        [
            "Responsable emploi",
            "Responsable emploi",
            "Responsables emploi",
            "Responsables emploi",
        ],
    ),
    (
        "responsable_parrains",
        [
            "Responsable des parrains",
            "Responsable des parrains",
            "Responsables des parrains",
            "Responsables des parrains",
        ],
    ),
    (
        "responsable_rsa",
        [
            "Responsable RSA",
            "Responsable RSA",
            "Responsables RSA",
            "Responsables RSA",
        ],
    ),
    (
        "accompagnateur",
        [
            "Accompagnateur",
            "Accompagnatrice",
            "Accompagnateurs",
            "Accompagnatrices",
        ],
    ),
    (
        "assistant",
        ["Assistant", "Assistante", "Assistants", "Assistantes"],
    ),
    ("manager", ["Manager", "Manager", "Managers", "Managers"]),
    (
        "ambassadeur",
        [
            "Ambassadeur",
            "Ambassadrice",
            "Ambassadeurs",
            "Ambassadrices",
        ],
    ),
    ("filleul", ["Filleul", "Filleule", "Filleuls", "Filleules"]),
    (
        "le_filleul",
        ["le filleul", "la filleule", "les filleuls", "les filleules"],
    ),
    (
        "le_parrain",
        ["le parrain", "la marraine", "les parrains", "les marraines"],
    ),
    (
        "du_filleul",
        [
            "du filleul",
            "de la filleule",
            "des filleuls",
            "des filleules",
        ],
    ),
    (
        "du_parrain",
        [
            "du parrain",
            "de la marraine",
            "des parrains",
            "des marraines",
        ],
    ),
    ("inscrit", ["inscrit", "inscrite", "inscrits", "inscrites"]),
    (
        "inscrit_depuis",
        [
            "Inscrit depuis le",
            "Inscrite depuis le",
            "Inscrits depuis le",
            "Inscrites depuis le",
        ],
    ),
    (
        "interesse",
        [
            "l'intéressé",
            "l'intéressée",
            "les intéressés",
            "les intéressées",
        ],
    ),
    ("present", ["Présent", "Présente", "Présents", "Présentes"]),
    ("absent", ["Absent", "Absente", "Absents", "Absentes"]),
    ("excuse", ["Excusé", "Excusée", "Excusés", "Excusées"]),
    (
        "non_renseigne",
        [
            "Non renseigné",
            "Non renseigné",
            "Non renseignés",
            "Non renseignés",
        ],
    ),
    ("a_venir", ["À venir", "À venir", "À venir", "À venir"]),
    (
        "pas_inscrit",
        [
            "Pas encore inscrit",
            "Pas encore inscrite",
            "Pas encore inscrits",
            "Pas encore inscrites",
        ],
    ),
    (
        "assiduite",
        [
            "Présent aux ateliers passés",
            "Présente aux ateliers passés",
            "Présents aux ateliers passés",
            "Présentes aux ateliers passés",
        ],
    ),
    ("madame", ["Monsieur", "Madame", "Messieurs", "Mesdames"]),
    ("il", ["il", "elle", "ils", "elles"]),
    ("sorti", ["sorti", "sortie", "sortis", "sorties"]),
    (
        "accompagne",
        ["accompagné", "accompagnée", "accompagnés", "accompagnées"],
    ),
];

const AGREED_EN: &[Agreed] = &[
    ("stagiaire", ["Trainee", "Trainee", "Trainees", "Trainees"]),
    ("parrain", ["Mentor", "Mentor", "Mentors", "Mentors"]),
    ("tuteur", ["Tutor", "Tutor", "Tutors", "Tutors"]),
    ("formateur", ["Trainer", "Trainer", "Trainers", "Trainers"]),
    ("conseiller", ["Adviser", "Adviser", "Advisers", "Advisers"]),
    (
        "responsable_emploi",
        [
            "Employment manager",
            "Employment manager",
            "Employment managers",
            "Employment managers",
        ],
    ),
    (
        "responsable_parrains",
        [
            "Mentor coordinator",
            "Mentor coordinator",
            "Mentor coordinators",
            "Mentor coordinators",
        ],
    ),
    (
        "responsable_rsa",
        ["RSA officer", "RSA officer", "RSA officers", "RSA officers"],
    ),
    (
        "accompagnateur",
        [
            "Support worker",
            "Support worker",
            "Support workers",
            "Support workers",
        ],
    ),
    (
        "assistant",
        ["Assistant", "Assistant", "Assistants", "Assistants"],
    ),
    ("manager", ["Manager", "Manager", "Managers", "Managers"]),
    (
        "ambassadeur",
        ["Ambassador", "Ambassador", "Ambassadors", "Ambassadors"],
    ),
    ("filleul", ["Mentee", "Mentee", "Mentees", "Mentees"]),
    (
        "le_filleul",
        ["the mentee", "the mentee", "the mentees", "the mentees"],
    ),
    (
        "le_parrain",
        ["the mentor", "the mentor", "the mentors", "the mentors"],
    ),
    (
        "du_filleul",
        [
            "of the mentee",
            "of the mentee",
            "of the mentees",
            "of the mentees",
        ],
    ),
    (
        "du_parrain",
        [
            "of the mentor",
            "of the mentor",
            "of the mentors",
            "of the mentors",
        ],
    ),
    ("inscrit", ["enrolled", "enrolled", "enrolled", "enrolled"]),
    (
        "inscrit_depuis",
        [
            "Enrolled since",
            "Enrolled since",
            "Enrolled since",
            "Enrolled since",
        ],
    ),
    (
        "interesse",
        ["the holder", "the holder", "the holders", "the holders"],
    ),
    ("present", ["Present", "Present", "Present", "Present"]),
    ("absent", ["Absent", "Absent", "Absent", "Absent"]),
    ("excuse", ["Excused", "Excused", "Excused", "Excused"]),
    (
        "non_renseigne",
        [
            "Not recorded",
            "Not recorded",
            "Not recorded",
            "Not recorded",
        ],
    ),
    ("a_venir", ["Upcoming", "Upcoming", "Upcoming", "Upcoming"]),
    (
        "pas_inscrit",
        [
            "Not enrolled yet",
            "Not enrolled yet",
            "Not enrolled yet",
            "Not enrolled yet",
        ],
    ),
    (
        "assiduite",
        [
            "Attended past workshops",
            "Attended past workshops",
            "Attended past workshops",
            "Attended past workshops",
        ],
    ),
    ("madame", ["Sir", "Madam", "Sirs", "Madams"]),
    ("il", ["he", "she", "they", "they"]),
    ("sorti", ["left", "left", "left", "left"]),
    (
        "accompagne",
        ["supported", "supported", "supported", "supported"],
    ),
];

/// The word `key` agreeing with `who`, the people it is said of: the
/// feminine when they are all women, the plural when there are several (or
/// none: a heading over an empty list). A key without gendered forms (a
/// role a kit added in carnet.yaml) is returned as it is.
pub fn agreed<'a>(lang: Lang, key: &'a str, who: &[Gender]) -> &'a str {
    let list = match lang {
        Lang::Fr => AGREED_FR,
        Lang::En => AGREED_EN,
    };
    let feminine = !who.is_empty() && who.iter().all(|g| *g == Gender::Feminine);
    let form = match (who.len() == 1, feminine) {
        (true, false) => 0,
        (true, true) => 1,
        (false, false) => 2,
        (false, true) => 3,
    };
    list.iter()
        .find(|(k, _)| *k == key)
        .map_or(key, |(_, forms)| forms[form])
}

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
    words_of(lang).get(key).copied().unwrap_or(key)
}

/// Every word of `lang` by key, gathered once: the first of a key in the
/// lists' order, as a search of the lists finds it (pages and forms ask for
/// words hundreds of thousands of times per build).
fn words_of(lang: Lang) -> &'static std::collections::HashMap<&'static str, &'static str> {
    use std::collections::HashMap;
    use std::sync::OnceLock;
    static FR_WORDS: OnceLock<HashMap<&str, &str>> = OnceLock::new();
    static EN_WORDS: OnceLock<HashMap<&str, &str>> = OnceLock::new();
    let (cell, list, planning) = match lang {
        Lang::Fr => (&FR_WORDS, FR, planning::FR),
        Lang::En => (&EN_WORDS, EN, planning::EN),
    };
    cell.get_or_init(|| {
        let mut words = HashMap::new();
        let all = list
            .iter()
            .chain(planning)
            .chain(rapports::words(lang))
            .chain(suivi::words(lang));
        for &(k, w) in all {
            words.entry(k).or_insert(w);
        }
        words
    })
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

/// carnet's roles in `lang`, in their order: code and name for a list of
/// people (« Tuteur / tutrice »).
pub fn role_names(lang: Lang) -> &'static [(&'static str, &'static str)] {
    match lang {
        Lang::Fr => ROLES_FR,
        Lang::En => ROLES_EN,
    }
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

/// Every label of `lang`, made once per run: for code that looks labels up
/// record by record (a grid's legend, a search entry's type), where making
/// the tables again each time was a measurable part of the view.
pub fn of_cached(lang: Lang) -> &'static Labels {
    static FR_LABELS: std::sync::OnceLock<Labels> = std::sync::OnceLock::new();
    static EN_LABELS: std::sync::OnceLock<Labels> = std::sync::OnceLock::new();
    match lang {
        Lang::Fr => FR_LABELS.get_or_init(|| of(Lang::Fr)),
        Lang::En => EN_LABELS.get_or_init(|| of(Lang::En)),
    }
}

/// Every label of `lang`.
pub fn of(lang: Lang) -> Labels {
    let (base, roles, statuts, todos, types) = match lang {
        Lang::Fr => (FR, ROLES_FR, STATUTS_FR, TODOS_FR, TYPES_FR),
        Lang::En => (EN, ROLES_EN, STATUTS_EN, TODOS_EN, TYPES_EN),
    };
    let words = |list: &[(&'static str, &'static str)]| list.iter().copied().collect();
    let mut all: Words = words(base);
    all.extend(
        match lang {
            Lang::Fr => planning::FR,
            Lang::En => planning::EN,
        }
        .iter()
        .copied(),
    );
    all.extend(rapports::words(lang).iter().copied());
    all.extend(suivi::words(lang).iter().copied());
    Labels {
        words: all,
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

    #[test]
    fn words_agree_with_the_people_they_are_said_of() {
        use Gender::{Feminine as F, Masculine as M};
        assert_eq!(agreed(Lang::Fr, "tuteur", &[F]), "Tutrice");
        assert_eq!(agreed(Lang::Fr, "tuteur", &[M]), "Tuteur");
        assert_eq!(agreed(Lang::Fr, "tuteur", &[F, F]), "Tutrices");
        assert_eq!(agreed(Lang::Fr, "tuteur", &[F, M]), "Tuteurs");
        assert_eq!(agreed(Lang::Fr, "formateur", &[]), "Formateurs");
        assert_eq!(agreed(Lang::Fr, "le_parrain", &[F]), "la marraine");
        assert_eq!(agreed(Lang::Fr, "inscrit", &[F]), "inscrite");
        assert_eq!(agreed(Lang::Fr, "conseiller", &[F]), "Conseillère");
        assert_eq!(agreed(Lang::En, "tuteur", &[F]), "Tutor");
        assert_eq!(agreed(Lang::Fr, "benevole", &[F]), "benevole");
    }

    #[test]
    fn every_role_and_status_has_its_agreeing_forms() {
        for (key, _) in ROLES_FR.iter().chain(STATUTS_FR) {
            for list in [AGREED_FR, AGREED_EN] {
                assert!(list.iter().any(|(k, _)| k == key), "{key} does not agree");
            }
        }
        let keys = |l: &[Agreed]| l.iter().map(|(k, _)| *k).collect::<Vec<_>>();
        assert_eq!(keys(AGREED_FR), keys(AGREED_EN));
    }
}
