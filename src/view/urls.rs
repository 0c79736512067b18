//! Every address of the site, made here and nowhere else: each page's path
//! in the output folder is also its root-relative URL (`personnes/x.html`),
//! and templates prefix it with `root` to make it relative to the page
//! that links to it. Record ids hold only `a-z0-9-`, so a path needs no escaping.

use crate::model::ActivityKind;

/// The home page.
pub const ACCUEIL: &str = "index.html";
/// The list of people.
pub const PERSONNES: &str = "personnes/index.html";
/// The list of sessions.
pub const SESSIONS: &str = "sessions/index.html";
/// The list of clubs.
pub const CLUBS: &str = "clubs/index.html";
/// The list of events.
pub const EVENEMENTS: &str = "evenements/index.html";
/// The list of operators.
pub const OPERATEURS: &str = "operateurs/index.html";
/// Ongoing and finished mentorships.
pub const PARRAINAGES: &str = "parrainages/index.html";
/// The annuaire.
pub const ANNUAIRE: &str = "annuaire/index.html";
/// The tableau de bord.
pub const TABLEAU: &str = "tableau-de-bord/index.html";
/// The planning (its month pages and feeds: [`super::planning::adresses`]).
pub const PLANNING: &str = super::planning::adresses::INDEX;
/// The procedure reference's index.
pub const PROCEDURES: &str = "procedures/index.html";
/// The files of content/documents/, by folder.
pub const DOCUMENTS: &str = "documents/index.html";
/// The PLIE exits by commission (internal profile of a PLIE).
pub const SORTIES: &str = "sorties/index.html";
/// The rapports (internal profile only).
pub const RAPPORTS: &str = super::rapports::INDEX;

/// The addresses of the site's own pages, given to every template as `u`
/// (`{{ root }}{{ u.personnes }}`), so that no template writes a path.
#[derive(Clone, Copy, Debug, serde::Serialize, schemars::JsonSchema)]
pub struct SitePages {
    /// The home page.
    pub accueil: &'static str,
    /// The list of people.
    pub personnes: &'static str,
    /// The list of sessions.
    pub sessions: &'static str,
    /// The list of clubs.
    pub clubs: &'static str,
    /// The list of events.
    pub evenements: &'static str,
    /// The list of operators.
    pub operateurs: &'static str,
    /// The mentorships.
    pub parrainages: &'static str,
    /// The annuaire.
    pub annuaire: &'static str,
    /// The tableau de bord.
    pub tableau: &'static str,
    /// The planning.
    pub planning: &'static str,
    /// The procedure reference.
    pub procedures: &'static str,
    /// The documents to download.
    pub documents: &'static str,
    /// The PLIE exits (internal profile of a PLIE).
    pub sorties: &'static str,
    /// The rapports (internal profile only).
    pub rapports: &'static str,
}

/// The site's own pages.
pub const SITE_PAGES: SitePages = SitePages {
    accueil: ACCUEIL,
    personnes: PERSONNES,
    sessions: SESSIONS,
    clubs: CLUBS,
    evenements: EVENEMENTS,
    operateurs: OPERATEURS,
    parrainages: PARRAINAGES,
    annuaire: ANNUAIRE,
    tableau: TABLEAU,
    planning: PLANNING,
    procedures: PROCEDURES,
    documents: DOCUMENTS,
    sorties: SORTIES,
    rapports: RAPPORTS,
};

/// A person's fiche.
pub fn personne(id: &str) -> String {
    format!("personnes/{id}.html")
}

/// A session's page.
pub fn session(id: &str) -> String {
    format!("sessions/{id}.html")
}

/// A club's page.
pub fn club(id: &str) -> String {
    format!("clubs/{id}.html")
}

/// A session's or a club's page.
pub fn activite(kind: ActivityKind, id: &str) -> String {
    match kind {
        ActivityKind::Session => session(id),
        ActivityKind::Club => club(id),
    }
}

/// An event's page.
pub fn evenement(id: &str) -> String {
    format!("evenements/{id}.html")
}

/// An operator's page.
pub fn operateur(id: &str) -> String {
    format!("operateurs/{id}.html")
}

/// A free page (content/pages/<id>.md).
pub fn page(id: &str) -> String {
    format!("pages/{id}.html")
}

/// A filled form: the layout's folder, then the form's key
/// (`formulaires/feuille-presence-session/session/s-2026-09/cycle-1.pdf`).
pub fn formulaire(layout: &str, key: &str) -> String {
    format!("formulaires/{layout}/{key}.pdf")
}

/// The blank version of a form, for filling by hand.
pub fn formulaire_vierge(layout: &str) -> String {
    format!("formulaires/vierges/{layout}.pdf")
}

/// A club's convocation list (internal profile): its page, and its exports
/// with `ext` `csv` or `xlsx`. A folder of their own, so no club id can clash.
pub fn convocation(club: &str, ext: &str) -> String {
    format!("clubs/convocation/{club}.{ext}")
}

/// The Excel export of the ongoing mentorships.
pub const PARRAINAGES_EN_COURS_XLSX: &str = "parrainages/en-cours.xlsx";
/// The Excel export of the finished mentorships.
pub const PARRAINAGES_TERMINES_XLSX: &str = "parrainages/termines.xlsx";
/// The « suivi des sorties » Excel export (PLIE, internal profile).
pub const SUIVI_SORTIES_XLSX: &str = "sorties/suivi-des-sorties.xlsx";

/// The Excel workbook of one filleul's mentorship, by the filleul's id.
pub fn parrainage_xlsx(filleul: &str) -> String {
    format!("parrainages/filleuls/{filleul}.xlsx")
}

/// The Excel list of the people enrolled in a session or club.
pub fn inscrits_xlsx(kind: ActivityKind, id: &str) -> String {
    match kind {
        ActivityKind::Session => format!("sessions/inscrits/{id}.xlsx"),
        ActivityKind::Club => format!("clubs/inscrits/{id}.xlsx"),
    }
}

/// A procedure's page (codes hold only `A-Za-z0-9_-`).
pub fn procedure(code: &str) -> String {
    format!("procedures/{code}.html")
}

/// A role's page: every step it performs.
pub fn acteur(slug: &str) -> String {
    format!("procedures/acteurs/{slug}.html")
}

/// A catalogued document's page.
pub fn document(code: &str) -> String {
    format!("documents/{code}.html")
}

/// Where a file of content/documents/ is published (its path below that folder).
pub fn fichier(path: &str) -> String {
    format!("documents/fichiers/{path}")
}

/// [`fichier`] as a link: each part percent-encoded (a file name may hold
/// spaces, accents, `#` or `?`).
pub fn fichier_url(path: &str) -> String {
    const PART: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
        .remove(b'-')
        .remove(b'_')
        .remove(b'.')
        .remove(b'~');
    let parts: Vec<String> = path
        .split('/')
        .map(|p| percent_encoding::utf8_percent_encode(p, PART).to_string())
        .collect();
    fichier(&parts.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_kind_of_page_has_its_folder() {
        assert_eq!(personne("dupont-jean"), "personnes/dupont-jean.html");
        assert_eq!(
            activite(ActivityKind::Session, "2026-09"),
            "sessions/2026-09.html"
        );
        assert_eq!(
            activite(ActivityKind::Club, "2026-09"),
            "clubs/2026-09.html"
        );
        assert_eq!(evenement("forum"), "evenements/forum.html");
        assert_eq!(operateur("afpa"), "operateurs/afpa.html");
        assert_eq!(page("charte"), "pages/charte.html");
        assert_eq!(procedure("P08"), "procedures/P08.html");
        assert_eq!(acteur("tuteur"), "procedures/acteurs/tuteur.html");
        assert_eq!(document("M30"), "documents/M30.html");
        assert_eq!(
            fichier_url("modèles/fiche #2.md"),
            "documents/fichiers/mod%C3%A8les/fiche%20%232.md"
        );
        assert_eq!(
            formulaire("droit-image", "evenement/forum/dupont-jean"),
            "formulaires/droit-image/evenement/forum/dupont-jean.pdf"
        );
        assert_eq!(
            formulaire_vierge("droit-image"),
            "formulaires/vierges/droit-image.pdf"
        );
    }
}
