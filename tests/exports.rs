//! The spreadsheet exports and the convocation page as a coordinator gets
//! them: a small kit built in both profiles, the workbooks read back with
//! calamine (values and types), their XML looked at where calamine does not
//! look (frozen header, autofilter, formats), the CSV byte for byte.

mod common;

use calamine::{Data, Reader, Xlsx};
use carnet::Profile;
use chrono::NaiveDate;
use std::collections::BTreeMap;
use std::io::{Cursor, Read};
use tempfile::TempDir;

fn kit() -> TempDir {
    common::write_kit(&[
        (
            "data/personnes/martin-paul.yaml",
            b"civilite: M.\nnom: Martin\nprenom: Paul\nroles: [parrain]\nemail: paul@exemple.fr\n",
        ),
        (
            "data/personnes/durand-alice.yaml",
            "civilite: Mme\nnom: Durand\nprenom: Alice\nemail: alice@exemple.fr\nmobile: \"06 12 34 56 78\"\n\
             parrainage:\n  parrain: martin-paul\n  debut: 2026-05-04\n  observations: Suivi régulier\n\
             \x20 entretiens:\n    - date: 2026-06-01\n      compte_rendu: CR-CANARY point sur le CV\n      disponibilite: mardis\n"
                .as_bytes(),
        ),
        (
            "data/personnes/cruz-carla.yaml",
            "civilite: Mme\nnom: Cruz\nprenom: Carla\nmobile: \"06 11 22 33 44\"\n\
             parrainage:\n  parrain: martin-paul\n  debut: 2026-03-02\n  fin: 2026-07-31\n  motif_fin: Emploi trouvé\n\
             \x20 entretiens:\n    - date: 2026-04-07\n      compte_rendu: |\n        ## Bilan\n\n        Objectif **tenu** : deux\n        candidatures par *semaine*.\n\n        - relancer [la mairie](https://mairie.example) ;\n        - préparer l'entretien.\n"
                .as_bytes(),
        ),
        (
            "data/personnes/formule.yaml",
            "civilite: Mme\nnom: '=HYPERLINK(\"http://x.example\")'\nprenom: Zoé\nemail: z@exemple.fr\n".as_bytes(),
        ),
        (
            "data/personnes/roy-remi.yaml",
            "civilite: M.\nnom: 'Roy; \"dit Le Grand\"'\nprenom: Rémi\nemail: roy@exemple.fr\nmobile: \"+33 6 98 76 54 32\"\n"
                .as_bytes(),
        ),
        (
            "data/sessions/s-2026-09.yaml",
            b"numero: 42\nmois: \"2026-09\"\nateliers:\n  - date: 2026-09-10\n    intitule: CV\n    cycle: 1\n\
              inscrits:\n  - personne: durand-alice\n    financement: FINANCEMENT-CANARY\n\
              \x20 - personne: cruz-carla\n    financement: CPF\n\
              \x20 - personne: formule\n    financement: CPF\n\
              \x20 - personne: roy-remi\n    financement: CPF\n",
        ),
        (
            "data/clubs/c-2026-11.yaml",
            b"mois: \"2026-11\"\nconvocation:\n  sessions_du: \"2026-09\"\n  sessions_au: \"2026-09\"\n",
        ),
    ])
}

fn file<'a>(files: &'a BTreeMap<String, Vec<u8>>, path: &str) -> &'a [u8] {
    files
        .get(path)
        .unwrap_or_else(|| panic!("{path} not written: {:?}", files.keys().collect::<Vec<_>>()))
}

fn text<'a>(files: &'a BTreeMap<String, Vec<u8>>, path: &str) -> &'a str {
    std::str::from_utf8(file(files, path)).expect("UTF-8")
}

/// The cells of `sheet` of a workbook, row by row.
fn cells(bytes: &[u8], sheet: &str) -> Vec<Vec<Data>> {
    let mut book: Xlsx<_> =
        calamine::open_workbook_from_rs(Cursor::new(bytes.to_vec())).expect("an xlsx");
    let range = book
        .worksheet_range(sheet)
        .unwrap_or_else(|e| panic!("no sheet {sheet:?} ({e}) in {:?}", book.sheet_names()));
    range.rows().map(|r| r.to_vec()).collect()
}

fn sheet_names(bytes: &[u8]) -> Vec<String> {
    let book: Xlsx<_> =
        calamine::open_workbook_from_rs(Cursor::new(bytes.to_vec())).expect("an xlsx");
    book.sheet_names()
}

/// One part of the workbook's zip, as text.
fn part(bytes: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).expect("a zip");
    let mut text = String::new();
    zip.by_name(name)
        .expect("the part")
        .read_to_string(&mut text)
        .expect("UTF-8 XML");
    text
}

fn s(text: &str) -> Data {
    Data::String(text.to_string())
}

/// Whether the cell is a date (not a string, not a bare number) of that day.
fn is_date(cell: &Data, y: i32, m: u32, d: u32) -> bool {
    match cell {
        Data::DateTime(dt) => {
            dt.as_datetime().map(|t| t.date()) == NaiveDate::from_ymd_opt(y, m, d)
        }
        _ => false,
    }
}

#[test]
fn the_convocation_csv_is_what_french_excel_opens() {
    let dir = kit();
    let site = common::build_files(dir.path(), Profile::Interne);
    let csv = file(&site, "clubs/convocation/c-2026-11.csv");
    let expected = "\u{feff}Courriel;Nom;Prénom;Téléphone;N° de session;Mois de la session\r\n\
        z@exemple.fr;\"'=HYPERLINK(\"\"HTTP://X.EXAMPLE\"\")\";Zoé;;42;septembre 2026\r\n\
        ;CRUZ;Carla;06 11 22 33 44;42;septembre 2026\r\n\
        alice@exemple.fr;DURAND;Alice;06 12 34 56 78;42;septembre 2026\r\n\
        roy@exemple.fr;\"ROY; \"\"DIT LE GRAND\"\"\";Rémi;06 98 76 54 32;42;septembre 2026\r\n";
    assert_eq!(std::str::from_utf8(csv).unwrap(), expected);
}

#[test]
fn the_convocation_workbook_holds_typed_cells_and_no_formula() {
    let dir = kit();
    let site = common::build_files(dir.path(), Profile::Interne);
    let xlsx = file(&site, "clubs/convocation/c-2026-11.xlsx");
    assert_eq!(sheet_names(xlsx), ["Liste de convocation"]);
    let rows = cells(xlsx, "Liste de convocation");
    assert_eq!(
        rows[0],
        [
            s("Courriel"),
            s("Nom"),
            s("Prénom"),
            s("Téléphone"),
            s("N° de session"),
            s("Mois de la session")
        ]
    );
    assert_eq!(rows.len(), 5, "{rows:?}");
    // A name typed as a formula is a string cell, kept as typed.
    assert_eq!(rows[1][1], s("=HYPERLINK(\"HTTP://X.EXAMPLE\")"));
    assert_eq!(
        rows[2][..4],
        [Data::Empty, s("CRUZ"), s("Carla"), s("06 11 22 33 44")]
    );
    assert_eq!(rows[3][4], Data::Float(42.0));
    assert!(is_date(&rows[3][5], 2026, 9, 1), "{:?}", rows[3][5]);
    let mut book: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(xlsx.to_vec())).unwrap();
    let formulas = book.worksheet_formula("Liste de convocation").unwrap();
    assert!(
        formulas.used_cells().all(|(_, _, f)| f.is_empty()),
        "{formulas:?}"
    );
    let sheet = part(xlsx, "xl/worksheets/sheet1.xml");
    assert!(!sheet.contains("<f>"), "{sheet}");
    // The header row is frozen and filtered; the columns have widths.
    assert!(
        sheet.contains(
            r#"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#
        ),
        "{sheet}"
    );
    assert!(sheet.contains(r#"<autoFilter ref="A1:F5"/>"#), "{sheet}");
    assert!(sheet.contains("<cols><col "), "{sheet}");
    let styles = part(xlsx, "xl/styles.xml");
    assert!(styles.contains("<b/>"), "{styles}");
    // Months named in French whatever the reader's settings.
    assert!(
        styles.contains(r#"formatCode="[$-40C]mmmm yyyy""#),
        "{styles}"
    );
}

#[test]
fn the_convocation_page_writes_to_everyone_in_bcc_and_lists_who_has_no_email() {
    let dir = kit();
    let site = common::build_files(dir.path(), Profile::Interne);
    let page = text(&site, "clubs/convocation/c-2026-11.html");
    assert!(
        page.contains(r#"href="mailto:?bcc=z@exemple.fr,alice@exemple.fr,roy@exemple.fr""#),
        "{page}"
    );
    assert_eq!(page.matches("mailto:").count(), 1, "one link, in Bcc only");
    assert!(page.contains("Écrire aux 3 personnes"), "{page}");
    let apart = &page[page
        .find("Sans adresse électronique")
        .expect("the section apart")..];
    assert!(
        apart.contains("CRUZ") && apart.contains("06 11 22 33 44"),
        "{apart}"
    );
    assert!(!apart.contains("DURAND"), "{apart}");
    assert!(page.contains(r#"href="../../clubs/convocation/c-2026-11.csv""#));
    assert!(page.contains(r#"href="../../clubs/convocation/c-2026-11.xlsx""#));
    // The club's page leads to it.
    let club = text(&site, "clubs/c-2026-11.html");
    assert!(
        club.contains(r#"href="../clubs/convocation/c-2026-11.html""#),
        "{club}"
    );
}

#[test]
fn mentorship_workbooks_hold_dates_as_dates() {
    let dir = kit();
    let site = common::build_files(dir.path(), Profile::Interne);
    let en_cours = cells(
        file(&site, "parrainages/en-cours.xlsx"),
        "Parrainages — En cours",
    );
    assert_eq!(
        en_cours[0],
        [
            s("Filleul(e)"),
            s("Parrain"),
            s("Début"),
            s("Entretiens"),
            s("Dernier entretien")
        ]
    );
    assert_eq!(en_cours.len(), 2);
    assert_eq!(en_cours[1][..2], [s("DURAND Alice"), s("MARTIN Paul")]);
    assert!(is_date(&en_cours[1][2], 2026, 5, 4), "{:?}", en_cours[1][2]);
    assert_eq!(en_cours[1][3], Data::Float(1.0));
    assert!(is_date(&en_cours[1][4], 2026, 6, 1));

    let styles = part(file(&site, "parrainages/en-cours.xlsx"), "xl/styles.xml");
    assert!(styles.contains(r#"formatCode="dd/mm/yyyy""#), "{styles}");

    let termines = cells(
        file(&site, "parrainages/termines.xlsx"),
        "Parrainages — Terminés",
    );
    assert_eq!(termines.len(), 2);
    assert_eq!(termines[1][..2], [s("CRUZ Carla"), s("MARTIN Paul")]);
    assert!(is_date(&termines[1][2], 2026, 3, 2) && is_date(&termines[1][3], 2026, 7, 31));
    assert_eq!(termines[1][5], s("Emploi trouvé"));

    let parrainages = text(&site, "parrainages/index.html");
    assert!(parrainages.contains(
        r#"<a href="../parrainages/en-cours.xlsx" download>Parrainages — En cours (Excel)</a>"#
    ));
    assert!(parrainages.contains(r#"href="../parrainages/termines.xlsx""#));
}

#[test]
fn a_filleul_workbook_has_the_mentorship_and_every_interview() {
    let dir = kit();
    let site = common::build_files(dir.path(), Profile::Interne);
    let xlsx = file(&site, "parrainages/filleuls/durand-alice.xlsx");
    assert_eq!(sheet_names(xlsx), ["Parrainage", "Entretiens"]);
    let m = cells(xlsx, "Parrainage");
    assert_eq!(m[0], [s("Rubrique"), s("Valeur")]);
    assert_eq!(m[1], [s("Civilité"), s("Mme")]);
    assert_eq!(m[2], [s("Nom"), s("DURAND")]);
    assert_eq!(m[3], [s("Prénom"), s("Alice")]);
    assert_eq!(m[4], [s("Téléphone"), Data::Empty]);
    assert_eq!(m[5], [s("Mobile"), s("06 12 34 56 78")]);
    assert_eq!(m[7], [s("Parrain"), s("MARTIN Paul")]);
    assert!(is_date(&m[8][1], 2026, 5, 4), "{:?}", m[8]);
    assert_eq!(m[9], [s("Fin"), Data::Empty]);
    assert_eq!(m[11], [s("Observations"), s("Suivi régulier")]);
    let e = cells(xlsx, "Entretiens");
    assert_eq!(e[0], [s("Date"), s("Disponibilité"), s("Compte rendu")]);
    assert!(is_date(&e[1][0], 2026, 6, 1));
    assert_eq!(e[1][1..], [s("mardis"), s("CR-CANARY point sur le CV")]);
    let fiche = text(&site, "personnes/durand-alice.html");
    assert!(fiche.contains(r#"href="../parrainages/filleuls/durand-alice.xlsx""#));
    // A person without a mentorship has no workbook.
    assert!(!site.contains_key("parrainages/filleuls/roy-remi.xlsx"));
}

#[test]
fn the_enrolled_workbook_shows_financing_internally() {
    let dir = kit();
    let site = common::build_files(dir.path(), Profile::Interne);
    let rows = cells(file(&site, "sessions/inscrits/s-2026-09.xlsx"), "Inscrits");
    assert_eq!(
        rows[0],
        [
            s("Nom"),
            s("Financement"),
            s("N° CAF"),
            s("N° CLI"),
            s("Complément"),
            s("Inscrit(e) depuis le")
        ]
    );
    assert!(
        rows.iter()
            .any(|r| r[0] == s("DURAND Alice") && r[1] == s("FINANCEMENT-CANARY")),
        "{rows:?}"
    );
    let session = text(&site, "sessions/s-2026-09.html");
    assert!(session.contains(r#"href="../sessions/inscrits/s-2026-09.xlsx""#));
}

#[test]
fn two_builds_give_the_same_bytes() {
    let dir = kit();
    let first = common::build_files(dir.path(), Profile::Interne);
    let second = common::build_files(dir.path(), Profile::Interne);
    let exports: Vec<&String> = first
        .keys()
        .filter(|p| p.ends_with(".xlsx") || p.ends_with(".csv"))
        .collect();
    assert_eq!(exports.len(), 9, "{exports:?}");
    for path in exports {
        assert!(
            first[path] == second[path],
            "{path} differs between two builds"
        );
    }
}

#[test]
fn the_public_site_has_no_export_nor_convocation() {
    let dir = kit();
    let site = common::build_files(dir.path(), Profile::Public);
    for (path, bytes) in &site {
        assert!(
            !path.ends_with(".xlsx") && !path.ends_with(".csv") && !path.contains("convocation/"),
            "{path} in the public site"
        );
        let content = String::from_utf8_lossy(bytes);
        for canary in ["FINANCEMENT-CANARY", "CR-CANARY", "mailto:?bcc", ".xlsx"] {
            assert!(!content.contains(canary), "{canary} in public {path}");
        }
    }
}

#[test]
fn interview_reports_are_plain_text_in_the_filleul_workbook() {
    let dir = kit();
    let site = common::build_files(dir.path(), Profile::Interne);
    let e = cells(
        file(&site, "parrainages/filleuls/cruz-carla.xlsx"),
        "Entretiens",
    );
    assert!(is_date(&e[1][0], 2026, 4, 7), "{:?}", e[1][0]);
    assert_eq!(
        e[1][2],
        s(
            "Bilan\n\nObjectif tenu : deux candidatures par semaine.\n\n– relancer la mairie ;\n– préparer l'entretien."
        )
    );
}
