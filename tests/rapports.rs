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
        sorties_formation: 0,
        sorties_emploi: 0,
        sorties_validees: 0,
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
        sorties_formation: 0,
        sorties_emploi: 0,
        sorties_validees: 0,
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
            sorties_formation: 0,
            sorties_emploi: 0,
            sorties_validees: 0,
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
    // No PLIE data in this kit: no positive exits shown.
    assert!(!november.contains("Sorties"), "{november}");

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

// ---------------------------------------------------------------------------
// Positive exits of a PLIE, counted by hand on the same kit with parcours and
// a calendar added. Build day 2026-11-26.
//
// | who     | step                                   | exit counted | validated      |
// |---------|----------------------------------------|--------------|----------------|
// | Gauthier| emploi CDI from 2026-02-02, sortie     | 2026-02 emp. | 2026-10 (recorded commission) |
// |         | recorded, commission 2026-10-08        |              |                |
// | Henry   | formation 2025-06-02, proof 2025-12-12,| 2025-06 form.| 2026-10 (proof + 6 months =     |
// |         | linked 2025-06-16                      |              | 2026-06-12 → commission 10-08) |
// | Henry   | emploi CDD 8 months from 2026-09-07,   | 2026-09 emp. | no (commission 2027, provisional) |
// |         | linked                                 |              |                |
// | Izard   | formation 2026-03-02 interrupted       | no           | no             |
// | Izard   | emploi 2026-04-06 not an exit          | no           | no             |
// | Joly    | emploi CDI from 2026-12-01 (to come)   | no           | no             |
// | Klein   | formation 2026-09-14, not linked       | 2026-09 form.| no             |
// | Lemoine | formation 2025-09-01, proof 2026-04-10,| 2025-09 form.| no (commission 2027-02-04 to come) |
// |         | linked                                 |              |                |
// | Morin   | formation 2025-10-06 → 2025-11-20, not | 2025-10 form.| no (its commission 2026-06-11 |
// |         | linked                                 |              | is held, but it was never linked) |

const CALENDRIER: &str = "- { date: 2026-06-11, cloture: 2026-05-28, type: commission }
- { date: 2026-10-08, cloture: 2026-09-24, type: commission }
- { date: 2027-02-04, cloture: 2027-01-21, type: commission }
";

fn with_parcours(nom: &str, prenom: &str, parcours: &str) -> String {
    format!("civilite: Mme\nnom: {nom}\nprenom: {prenom}\nparcours:\n{parcours}")
}

const GAUTHIER: &str = "  entree: 2025-03-10
  etapes:
    - type: emploi
      debut: 2026-02-02
      fin: 2026-07-31
      contrat: cdi
      sortie_positive: true
      etat: terminee
      liaison: 2026-02-16
  sortie:
    date: 2026-07-31
    motif: Emploi durable
    commission: 2026-10-08
";

const HENRY: &str = "  entree: 2025-05-05
  etapes:
    - type: formation
      debut: 2025-06-02
      fin: 2025-11-28
      intitule: Titre professionnel Employée commerciale
      sortie_positive: true
      etat: terminee
      liaison: 2025-06-16
      justificatif: { type: diplome, date: 2025-12-12 }
    - type: emploi
      debut: 2026-09-07
      fin: 2027-03-05
      contrat: cdd
      duree_mois: 8
      sortie_positive: true
      liaison: 2026-09-21
";

const IZARD: &str = "  entree: 2026-01-12
  etapes:
    - type: formation
      debut: 2026-03-02
      fin: 2026-09-25
      sortie_positive: true
      etat: interrompue
      rupture: { motif: Abandon, raison: Garde d'enfant, fin_reelle: 2026-05-15 }
    - type: emploi
      debut: 2026-04-06
      contrat: interim
      etat: terminee
";

const JOLY: &str = "  entree: 2026-04-20
  etapes:
    - type: emploi
      debut: 2026-12-01
      contrat: cdi
      sortie_positive: true
";

const KLEIN: &str = "  entree: 2026-05-04
  etapes:
    - type: formation
      debut: 2026-09-14
      fin: 2027-03-01
      sortie_positive: true
";

const LEMOINE: &str = "  entree: 2025-06-16
  etapes:
    - type: formation
      debut: 2025-09-01
      fin: 2026-03-27
      sortie_positive: true
      etat: terminee
      liaison: 2025-09-15
      justificatif: { type: diplome, date: 2026-04-10 }
";

const MORIN: &str = "  entree: 2025-09-01
  etapes:
    - type: formation
      debut: 2025-10-06
      fin: 2025-11-20
      sortie_positive: true
      etat: terminee
";

fn plie_files() -> Vec<(&'static str, String)> {
    let mut files = files();
    files.extend([
        ("data/commissions.yaml", CALENDRIER.to_string()),
        (
            "data/personnes/gauthier-anne.yaml",
            with_parcours("Gauthier", "Anne", GAUTHIER),
        ),
        (
            "data/personnes/henry-lea.yaml",
            with_parcours("Henry", "Léa", HENRY),
        ),
        (
            "data/personnes/izard-nina.yaml",
            with_parcours("Izard", "Nina", IZARD),
        ),
        (
            "data/personnes/joly-eva.yaml",
            with_parcours("Joly", "Eva", JOLY),
        ),
        (
            "data/personnes/klein-ines.yaml",
            with_parcours("Klein", "Inès", KLEIN),
        ),
        (
            "data/personnes/lemoine-zoe.yaml",
            with_parcours("Lemoine", "Zoé", LEMOINE),
        ),
        (
            "data/personnes/morin-lise.yaml",
            with_parcours("Morin", "Lise", MORIN),
        ),
    ]);
    files
}

/// (month, training exits, employment exits, validated exits) of every
/// month of `year` that has any exit figure.
fn exits(checked: &common::Checked, year: i32) -> Vec<(String, usize, usize, usize)> {
    let y = checked
        .kit
        .rapports
        .annees
        .iter()
        .find(|y| y.annee == year)
        .unwrap_or_else(|| panic!("no year {year}"));
    y.mois
        .iter()
        .map(|m| {
            let f = &m.figures;
            (
                m.mois.to_string(),
                f.sorties_formation,
                f.sorties_emploi,
                f.sorties_validees,
            )
        })
        .filter(|(_, a, b, c)| a + b + c > 0)
        .collect()
}

fn plie_checked() -> common::Checked {
    let files = plie_files();
    let refs: Vec<(&str, &str)> = files.iter().map(|(p, c)| (*p, c.as_str())).collect();
    let checked = common::check(&refs);
    checked.assert_no_error();
    checked
}

#[test]
fn positive_exits_count_in_the_month_their_step_starts_and_validations_in_their_commissions() {
    let checked = plie_checked();
    let r = &checked.kit.rapports;
    assert!(r.plie);
    let years: Vec<i32> = r.annees.iter().map(|y| y.annee).collect();
    assert_eq!(years, [2025, 2026]);
    let s = |m: &str, f, e, v| (m.to_string(), f, e, v);
    assert_eq!(
        exits(&checked, 2025),
        [
            s("2025-06", 1, 0, 0),
            s("2025-09", 1, 0, 0),
            s("2025-10", 1, 0, 0)
        ]
    );
    // Izard's interrupted training (March) and Joly's CDI to come (December)
    // are not counted; Morin's training is never validated: not linked.
    assert_eq!(
        exits(&checked, 2026),
        [
            s("2026-02", 0, 1, 0),
            s("2026-09", 1, 1, 0),
            s("2026-10", 0, 0, 2)
        ]
    );
    let y2025 = &r.annees[0].figures;
    assert_eq!(
        (
            y2025.sorties_formation,
            y2025.sorties_emploi,
            y2025.sorties_validees
        ),
        (3, 0, 0)
    );
    assert_eq!(y2025.sorties(), 3);
    let y2026 = &r.annees[1].figures;
    assert_eq!(
        (
            y2026.sorties_formation,
            y2026.sorties_emploi,
            y2026.sorties_validees
        ),
        (1, 2, 2)
    );
    // A month with only exits is a month of the rapports; the other figures
    // of October and November are those of the kit without parcours.
    let months: Vec<String> = r.annees[1]
        .mois
        .iter()
        .map(|m| m.mois.to_string())
        .collect();
    assert_eq!(months, ["2026-02", "2026-09", "2026-10", "2026-11"]);
    assert_eq!(r.annees[1].mois[2].figures.ateliers, 2);
    assert_eq!(r.annees[1].mois[2].figures.presents, 4);
}

#[test]
fn a_kit_without_plie_data_shows_no_exits() {
    assert!(!checked().kit.rapports.plie);
}

#[test]
fn the_pages_show_positive_exits_in_a_plie_kit() {
    let built = common::build_with_forms(&plie_files(), Profile::Interne);
    let october = page(&built, "rapports/2026-10.html");
    assert!(
        october.contains("<dt>Sorties positives</dt><dd>0</dd>"),
        "{october}"
    );
    assert!(october.contains("<dt>Sorties validées en commission</dt><dd>2</dd>"));
    let september = page(&built, "rapports/2026-09.html");
    assert!(september.contains("<dt>Sorties positives</dt><dd>2</dd>"));
    assert!(september.contains("<dt>Sorties en formation qualifiante</dt><dd>1</dd>"));
    assert!(september.contains("<dt>Sorties en emploi durable</dt><dd>1</dd>"));
    assert!(page(&built, "rapports/2025-06.html").contains("<dt>Sorties positives</dt><dd>1</dd>"));

    let index = page(&built, "rapports/index.html");
    let row = |name: &str, cells: &[&str]| {
        let (total, months) = cells.split_last().expect("a total");
        let mut expected = format!("<tr><th scope=\"row\">{name}</th>");
        for c in months {
            expected.push_str(&format!("<td class=\"num\">{c}</td>"));
        }
        expected.push_str(&format!("<td class=\"num total\">{total}</td></tr>"));
        assert!(index.contains(&expected), "{expected}\n{index}");
    };
    // 2026: February, September, October, November, then the year.
    row("Sorties positives", &["1", "2", "0", "0", "3"]);
    row(
        "Sorties en formation qualifiante",
        &["0", "1", "0", "0", "1"],
    );
    row("Sorties en emploi durable", &["1", "1", "0", "0", "2"]);
    row("Sorties validées en commission", &["0", "0", "2", "0", "2"]);
    // 2025: June, September, October.
    row("Sorties positives", &["1", "1", "1", "3"]);
    // The chart of exits, with the year's summary figure.
    assert!(index.contains(
        "<title id=\"graphique-sorties-2026-titre\">Sorties positives par mois 2026</title>"
    ));
    assert!(
        index.contains("<strong>3</strong> sorties positives"),
        "{index}"
    );
}

// ---------------------------------------------------------------------------
// The rapports' workbook, read back with calamine.

use calamine::{Data, Reader, Xlsx};
use std::io::Cursor;

fn workbook(built: &common::BuiltKit) -> Xlsx<Cursor<Vec<u8>>> {
    let bytes = std::fs::read(built.out.join("rapports/rapports.xlsx")).expect("the workbook");
    calamine::open_workbook_from_rs(Cursor::new(bytes)).expect("an xlsx")
}

fn sheet(book: &mut Xlsx<Cursor<Vec<u8>>>, name: &str) -> Vec<Vec<Data>> {
    let range = book.worksheet_range(name).expect("the sheet");
    range.rows().map(|r| r.to_vec()).collect()
}

fn n(value: f64) -> Data {
    Data::Float(value)
}

fn st(text: &str) -> Data {
    Data::String(text.to_string())
}

/// Whether the cell is a date of that day (a month's first day).
fn month(cell: &Data, y: i32, m: u32) -> bool {
    match cell {
        Data::DateTime(dt) => {
            dt.as_datetime().map(|t| t.date()) == chrono::NaiveDate::from_ymd_opt(y, m, 1)
        }
        _ => false,
    }
}

#[test]
fn the_workbook_has_a_sheet_per_year_a_row_per_month_and_numbers_as_numbers() {
    let built = common::build_with_forms(&plie_files(), Profile::Interne);
    let mut book = workbook(&built);
    assert_eq!(book.sheet_names(), ["2026", "2025"]);
    let rows = sheet(&mut book, "2026");
    let header: Vec<Data> = [
        "Mois",
        "Sessions tenues",
        "Clubs tenus",
        "Ateliers tenus",
        "Personnes attendues",
        "Personnes présentes",
        "Taux de présence",
        "Présences non saisies",
        "Nouveaux stagiaires",
        "Parrainages commencés",
        "Parrainages terminés",
        "Entretiens de parrainage",
        "Événements",
        "Participants présents aux événements",
        "Sorties positives",
        "Sorties en formation qualifiante",
        "Sorties en emploi durable",
        "Sorties validées en commission",
    ]
    .map(st)
    .to_vec();
    assert_eq!(rows[0], header);
    // February, September, October, November, then the year's total.
    assert_eq!(rows.len(), 6, "{rows:?}");
    for (row, m) in [(1, 2), (2, 9), (3, 10), (4, 11)] {
        assert!(month(&rows[row][0], 2026, m), "{:?}", rows[row][0]);
    }
    // February: one employment exit and nothing else; no one expected, so no rate.
    let mut february = vec![n(0.0); 17];
    february[5] = Data::Empty;
    february[13] = n(1.0);
    february[15] = n(1.0);
    assert_eq!(rows[1][1..], february[..]);
    let row = |values: [f64; 17]| values.map(n).to_vec();
    assert_eq!(
        rows[3][1..],
        row([
            1.,
            0.,
            2.,
            6.,
            4.,
            4. / 6.,
            0.,
            3.,
            2.,
            0.,
            1.,
            0.,
            0.,
            0.,
            0.,
            0.,
            2.
        ])[..]
    );
    assert_eq!(
        rows[4][1..],
        row([
            1.,
            0.,
            2.,
            6.,
            2.,
            2. / 6.,
            3.,
            2.,
            0.,
            1.,
            1.,
            1.,
            2.,
            0.,
            0.,
            0.,
            0.
        ])[..]
    );
    // The total is the year's figures (two sessions, each counted once).
    assert_eq!(rows[5][0], st("Total 2026"));
    assert_eq!(
        rows[5][1..],
        row([
            2., 0., 4., 12., 6., 0.5, 3., 5., 2., 1., 2., 1., 2., 3., 1., 2., 2.
        ])[..]
    );
    // The month column is wide enough for « septembre 2026 » (14
    // characters), not the 10 of a date, which would show ###.
    let bytes = std::fs::read(built.out.join("rapports/rapports.xlsx")).expect("the workbook");
    let mut zip = zip::ZipArchive::new(Cursor::new(&bytes)).expect("a zip");
    let mut xml = String::new();
    std::io::Read::read_to_string(
        &mut zip.by_name("xl/worksheets/sheet1.xml").expect("the sheet"),
        &mut xml,
    )
    .expect("UTF-8");
    let width: f64 = xml
        .split("<col min=\"1\" max=\"1\" width=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .and_then(|w| w.parse().ok())
        .unwrap_or_else(|| panic!("no width for the first column: {xml}"));
    assert!(width >= 14.0, "{width}");
    let y2025 = sheet(&mut book, "2025");
    assert_eq!(y2025.len(), 5, "{y2025:?}");
    assert_eq!(y2025[4][0], st("Total 2025"));
    assert_eq!(y2025[4][14..], [n(3.0), n(3.0), n(0.0), n(0.0)]);
}

#[test]
fn the_workbook_shows_the_rate_as_a_percentage_and_is_linked_from_the_rapports() {
    let built = common::build_with_forms(&files(), Profile::Interne);
    let bytes = std::fs::read(built.out.join("rapports/rapports.xlsx")).expect("the workbook");
    let mut zip = zip::ZipArchive::new(Cursor::new(&bytes)).expect("a zip");
    let mut styles = String::new();
    std::io::Read::read_to_string(
        &mut zip.by_name("xl/styles.xml").expect("styles"),
        &mut styles,
    )
    .expect("UTF-8");
    assert!(styles.contains(r#"formatCode="0 %""#), "{styles}");
    assert!(
        styles.contains(r#"formatCode="[$-40C]mmmm yyyy""#),
        "{styles}"
    );
    // Without PLIE data, no exit column.
    let mut book = workbook(&built);
    assert_eq!(book.sheet_names(), ["2026"]);
    let rows = sheet(&mut book, "2026");
    assert_eq!(rows[0].len(), 14);
    assert_eq!(rows[0][13], st("Participants présents aux événements"));
    assert_eq!(rows[1][6], n(4.0 / 6.0));
    let link = "href=\"../rapports/rapports.xlsx\" download>Rapports mensuels (Excel)</a>";
    assert!(page(&built, "rapports/index.html").contains(link));
    assert!(page(&built, "rapports/2026-11.html").contains(link));
}
