//! The rapports (monthly figures) on a small kit counted by hand (build day
//! 2026-11-26): two sessions (October and November), an atelier to come that
//! must not count, presences not recorded, two mentorships (one started in
//! October and ended in November), two interviews, an event with
//! participants and one to come. The figures are asserted in the model, on
//! the month pages and on the year summary; the public build has no rapports.

mod common;

use carnet::Profile;
use carnet::model::rapports::Figures;
use common::{CONFIG, page};

const MENTOR: &str = "civilite: Mme\nnom: Roux\nprenom: Odile\nroles: [tuteur, parrain]\nemail: o.roux@example.org\n";

/// In both sessions (new in October only); mentored since 1 October, with an
/// interview in October and one in November.
const ALBERT: &str = "civilite: M.
nom: Albert
prenom: Rémi
email: r.albert@example.org
parrainage:
  parrain: roux-odile
  debut: \"2026-10-01\"
  entretiens:
    - date: \"2026-10-15\"
    - date: \"2026-11-12\"
";

/// Mentored from 20 October to 18 November.
const BLANC: &str = "civilite: Mme
nom: Blanc
prenom: Sarah
email: s.blanc@example.org
parrainage:
  parrain: roux-odile
  debut: \"2026-10-20\"
  fin: \"2026-11-18\"
  motif_fin: Emploi trouvé
";

fn person(nom: &str, prenom: &str) -> String {
    format!(
        "civilite: M.\nnom: {nom}\nprenom: {prenom}\nemail: {}@example.org\n",
        prenom.to_lowercase()
    )
}

/// October: 2 ateliers, 3 expected at each: 2 + 2 present.
const OCTOBRE: &str = "numero: 1
mois: \"2026-10\"
tuteurs: [roux-odile]
ateliers:
  - date: \"2026-10-06\"
    intitule: Atelier CV
    cycle: 1
    presences:
      albert-remi: present
      blanc-sarah: present
      colin-marc: absent
  - date: \"2026-10-13\"
    intitule: Atelier lettre
    cycle: 1
    presences:
      albert-remi: present
      blanc-sarah: excuse
      colin-marc: present
inscrits:
  - personne: albert-remi
    financement: CPF
  - personne: blanc-sarah
    financement: CPF
  - personne: colin-marc
    financement: CPF
";

/// November: 11-03 with 2 of 3 present, 11-10 held without presences
/// recorded (3 expected, 0 present), 11-30 to come (must not count).
const NOVEMBRE: &str = "numero: 2
mois: \"2026-11\"
tuteurs: [roux-odile]
ateliers:
  - date: \"2026-11-03\"
    intitule: Atelier entretien
    cycle: 1
    presences:
      albert-remi: present
      dubois-luc: present
      etienne-paul: absent
  - date: \"2026-11-10\"
    intitule: Atelier réseau
    cycle: 1
  - date: \"2026-11-30\"
    intitule: Atelier bilan
    cycle: 1
inscrits:
  - personne: albert-remi
    financement: CPF
  - personne: dubois-luc
    financement: CPF
  - personne: etienne-paul
    financement: CPF
";

/// Held on 20 November: 2 present, 1 absent outsider.
const FORUM: &str = "type: salon
titre: Forum <emploi> & métiers
date: \"2026-11-20\"
participants:
  - personne: albert-remi
    present: true
  - personne: dubois-luc
    present: true
  - nom: Invitée Extérieure
    present: false
";

/// To come: must not count.
const DEBAT: &str = "type: conference
titre: Débat à venir
date: \"2026-12-08\"
participants:
  - personne: albert-remi
";

fn files() -> Vec<(&'static str, String)> {
    vec![
        ("carnet.yaml", CONFIG.to_string()),
        ("data/personnes/roux-odile.yaml", MENTOR.to_string()),
        ("data/personnes/albert-remi.yaml", ALBERT.to_string()),
        ("data/personnes/blanc-sarah.yaml", BLANC.to_string()),
        ("data/personnes/colin-marc.yaml", person("Colin", "Marc")),
        ("data/personnes/dubois-luc.yaml", person("Dubois", "Luc")),
        (
            "data/personnes/etienne-paul.yaml",
            person("Etienne", "Paul"),
        ),
        ("data/sessions/2026-10.yaml", OCTOBRE.to_string()),
        ("data/sessions/2026-11.yaml", NOVEMBRE.to_string()),
        ("data/evenements/forum.yaml", FORUM.to_string()),
        ("data/evenements/debat.yaml", DEBAT.to_string()),
    ]
}

fn checked() -> common::Checked {
    let files = files();
    let refs: Vec<(&str, &str)> = files.iter().map(|(p, c)| (*p, c.as_str())).collect();
    let checked = common::check(&refs);
    checked.assert_no_error();
    checked
}

#[test]
fn each_month_counts_only_what_has_happened() {
    let checked = checked();
    let annees = &checked.kit.rapports.annees;
    assert_eq!(annees.len(), 1);
    let months: Vec<String> = annees[0].mois.iter().map(|m| m.mois.to_string()).collect();
    assert_eq!(months, ["2026-10", "2026-11"]);
    let october = Figures {
        sessions: 1,
        clubs: 0,
        ateliers: 2,
        attendus: 6,
        presents: 4,
        non_renseignes: 0,
        nouveaux: 3,
        parrainages_debut: 2,
        parrainages_fin: 0,
        entretiens: 1,
        evenements: 0,
        participants: 0,
    };
    assert_eq!(annees[0].mois[0].figures, october);
    assert_eq!(october.taux_presence(), Some(67));
    // The atelier of 11-30 and the event of 12-08 are to come: not counted.
    let november = Figures {
        sessions: 1,
        clubs: 0,
        ateliers: 2,
        attendus: 6,
        presents: 2,
        non_renseignes: 3,
        nouveaux: 2,
        parrainages_debut: 0,
        parrainages_fin: 1,
        entretiens: 1,
        evenements: 1,
        participants: 2,
    };
    assert_eq!(annees[0].mois[1].figures, november);
    assert_eq!(november.taux_presence(), Some(33));
}

#[test]
fn the_year_adds_its_months_and_counts_each_session_once() {
    let checked = checked();
    let year = &checked.kit.rapports.annees[0];
    assert_eq!(year.annee, 2026);
    assert_eq!(
        year.figures,
        Figures {
            sessions: 2,
            clubs: 0,
            ateliers: 4,
            attendus: 12,
            presents: 6,
            non_renseignes: 3,
            nouveaux: 5,
            parrainages_debut: 2,
            parrainages_fin: 1,
            entretiens: 2,
            evenements: 1,
            participants: 2,
        }
    );
    assert_eq!(year.figures.taux_presence(), Some(50));
}

#[test]
fn nobody_expected_gives_no_rate_rather_than_zero() {
    assert_eq!(Figures::default().taux_presence(), None);
}

#[test]
fn the_internal_site_has_a_page_per_month_and_a_year_summary() {
    let built = common::build_with_forms(&files(), Profile::Interne);
    let october = page(&built, "rapports/2026-10.html");
    assert!(
        october.contains("<h1>Rapport du mois — octobre 2026</h1>"),
        "{october}"
    );
    assert!(october.contains("<dt>Ateliers tenus</dt><dd>2</dd>"));
    assert!(october.contains("<dt>Taux de présence</dt><dd>67 %</dd>"));
    assert!(october.contains("<dt>Nouveaux stagiaires</dt><dd>3</dd>"));
    assert!(october.contains("<dt>Parrainages commencés</dt><dd>2</dd>"));
    assert!(october.contains("href=\"../rapports/2026-11.html\" rel=\"next\""));
    let november = page(&built, "rapports/2026-11.html");
    assert!(november.contains("<dt>Présences non saisies</dt><dd>3</dd>"));
    assert!(november.contains("<dt>Parrainages terminés</dt><dd>1</dd>"));
    assert!(november.contains("<dt>Participants présents aux événements</dt><dd>2</dd>"));
    assert!(november.contains("<dt>Événements</dt><dd>1</dd>"));
    assert!(!built.out.join("rapports/2026-12.html").exists());

    let index = page(&built, "rapports/index.html");
    assert!(index.contains("<h2 id=\"annee-2026\">Bilan de l&#x27;année 2026</h2>"));
    // The charts: images with a title and a description, drawn inline.
    assert!(index.contains("role=\"img\" aria-labelledby=\"graphique-presences-2026-titre graphique-presences-2026-desc\""));
    assert!(index.contains(
        "<title id=\"graphique-ateliers-2026-titre\">Ateliers tenus par mois 2026</title>"
    ));
    assert!(index.contains(">67 %</text>"));
    // The same figures in a table: a row per figure, a column per month
    // (October, November) then the year's total.
    assert!(
        index.contains("<a href=\"../rapports/2026-10.html\" title=\"octobre 2026\">oct.</a>"),
        "{index}"
    );
    let row = |name: &str, cells: &str| {
        let expected = format!("<tr><th scope=\"row\">{name}</th>{cells}</tr>");
        assert!(index.contains(&expected), "{expected}\n{index}");
    };
    let cells = |oct: &str, nov: &str, year: &str| {
        format!(
            "<td class=\"num\">{oct}</td><td class=\"num\">{nov}</td><td class=\"num total\">{year}</td>"
        )
    };
    row("Sessions tenues", &cells("1", "1", "2"));
    row("Ateliers tenus", &cells("2", "2", "4"));
    row("Personnes attendues", &cells("6", "6", "12"));
    row("Personnes présentes", &cells("4", "2", "6"));
    row("Taux de présence", &cells("67 %", "33 %", "50 %"));
    row("Nouveaux stagiaires", &cells("3", "2", "5"));
    row("Parrainages commencés", &cells("2", "0", "2"));
    row("Parrainages terminés", &cells("0", "1", "1"));
    row("Entretiens de parrainage", &cells("1", "1", "2"));
    row("Événements", &cells("0", "1", "1"));
    row(
        "Participants présents aux événements",
        &cells("0", "2", "2"),
    );
    // Linked from the menu and the tableau de bord.
    assert!(page(&built, "index.html").contains("<a href=\"rapports/index.html\""));
    assert!(
        page(&built, "tableau-de-bord/index.html")
            .contains("<a href=\"../rapports/index.html\">Rapports</a>")
    );
}

#[test]
fn the_public_site_has_no_rapports_and_no_link_to_them() {
    let built = common::build_with_forms(&files(), Profile::Public);
    assert!(!built.out.join("rapports").exists());
    let home = page(&built, "index.html");
    assert!(!home.contains("rapports/"), "{home}");
}
