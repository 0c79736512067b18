//! The follow-up of PLIE exit files (issue 13, seed 004): the checklist of
//! missing documents computed by the model on a hand-built kit, the rules of
//! `pieces:` (message and place), the « suivi des sorties » workbook read
//! back with calamine (values, real dates, a formula typed as a libellé kept
//! as text, same bytes on a rebuild), the sorties page showing the
//! checklist and linking the workbook, and the public build holding neither.
//! Build day: 2026-11-26.

mod common;

use calamine::{Data, Reader, Xlsx};
use carnet::Profile;
use carnet::model::parcours::EtapeType;
use carnet::model::parcours_pieces::PieceKind;
use chrono::NaiveDate;
use std::io::Cursor;

const ALICE: &str = "data/personnes/durand-alice.yaml";
const XLSX: &str = "sorties/suivi-des-sorties.xlsx";

/// Two commissions, no comité.
const CALENDAR: &str = "\
- { date: 2026-10-08, cloture: 2026-09-24, type: commission }
- { date: 2027-02-04, cloture: 2027-01-21, type: commission }
";

/// A training exit (its entry certificate received, no proof of success),
/// then a CDI exit (payslip received, no contract) validated by the
/// commission of 8 October 2026, letters not sent.
const ALICE_FILE: &str = "\
civilite: Mme
nom: Durand
prenom: Alice
parcours:
  referent: roux-claire
  assistant: petit-luc
  etapes:
    - type: formation
      debut: 2025-09-01
      fin: 2026-01-30
      financeur: Région
      intitule: CAP Boulanger
      operateur: greta
      sortie_positive: true
      etat: terminee
      liaison: 2025-09-15
      pieces: [attestation_entree]
    - type: emploi
      debut: 2026-03-02
      fin: 2026-08-31
      contrat: cdi
      metier: Boulangère
      operateur: boulangerie
      sortie_positive: true
      etat: terminee
      liaison: 2026-03-16
      justificatif: { type: bulletin_salaire, date: 2026-08-31 }
  sortie: { date: 2026-08-31, commission: 2026-10-08 }
";

/// A CDI exit started 2026-11-02 with a libellé typed as a formula; its
/// commission (from 2027-06-02) is later than the calendar: 31 December 2027,
/// provisional. Nothing received, not linked.
const BOB_FILE: &str = "\
civilite: M.
nom: Martin
prenom: Bob
parcours:
  referent: roux-claire
  etapes:
    - type: emploi
      libelle: '=HYPERLINK(\"http://x.example\")'
      debut: 2026-11-02
      contrat: cdi
      sortie_positive: true
";

fn files(alice: &str) -> Vec<(&'static str, String)> {
    let mut files = vec![
        (
            "carnet.yaml",
            "titre: Test\norganisation: PLIE test\n".into(),
        ),
        (
            "data/operateurs/greta.yaml",
            "nom: GRETA Val de Loire\n".into(),
        ),
        ("data/commissions.yaml", CALENDAR.into()),
        (ALICE, alice.into()),
        ("data/personnes/martin-bob.yaml", BOB_FILE.into()),
    ];
    files.extend(common::plie_team());
    files
}

fn checked(alice: &str) -> common::Checked {
    let f = files(alice);
    let refs: Vec<(&str, &str)> = f.iter().map(|(p, c)| (*p, c.as_str())).collect();
    common::check(&refs)
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("a valid date")
}

// ───────────────────────── the checklist ─────────────────────────

#[test]
fn the_checklist_lists_missing_documents_first_by_type_of_exit() {
    let k = checked(ALICE_FILE);
    k.assert_clean();
    let alice = k
        .kit
        .parcours
        .iter()
        .find(|p| k.kit.personnes[p.personne].id == "durand-alice")
        .expect("Alice's parcours");
    let lists: Vec<(EtapeType, Vec<(PieceKind, bool)>)> = alice
        .etapes
        .iter()
        .map(|e| {
            let s = e.sortie.as_ref().expect("an exit step");
            (
                e.type_etape,
                s.pieces.iter().map(|p| (p.piece, p.recue)).collect(),
            )
        })
        .collect();
    assert_eq!(
        lists,
        [
            // Training, not the last exit: no letters.
            (
                EtapeType::Formation,
                vec![
                    (PieceKind::JustificatifReussite, false),
                    (PieceKind::AttestationEntree, true),
                ]
            ),
            // Employment, validated in commission: the letters' copy is due.
            (
                EtapeType::Emploi,
                vec![
                    (PieceKind::ContratTravail, false),
                    (PieceKind::Courriers, false),
                    (PieceKind::BulletinSalaire, true),
                ]
            ),
        ]
    );
    let payslip = &alice.etapes[1].sortie.as_ref().unwrap().pieces[2];
    assert_eq!(payslip.date, Some(d(2026, 8, 31)));
}

#[test]
fn sent_letters_and_a_received_contract_complete_the_file() {
    let file = ALICE_FILE
        .replace(
            "      justificatif: { type: bulletin_salaire",
            "      pieces:\n        - contrat_travail\n      justificatif: { type: bulletin_salaire",
        )
        .replace("commission: 2026-10-08 }", "commission: 2026-10-08, courriers: 2026-10-20 }");
    let k = checked(&file);
    k.assert_clean();
    let alice = &k.kit.parcours[0];
    assert_eq!(k.kit.personnes[alice.personne].id, "durand-alice");
    let emploi = alice.etapes[1].sortie.as_ref().unwrap();
    assert!(emploi.pieces.iter().all(|p| p.recue), "{:?}", emploi.pieces);
    assert_eq!(emploi.pieces.len(), 3);
}

// ───────────────────────── rules of `pieces:` ─────────────────────────

#[test]
fn unknown_and_misplaced_documents_are_errors_at_their_value() {
    let file = "\
civilite: Mme
nom: Durand
prenom: Alice
parcours:
  referent: roux-claire
  assistant: petit-luc
  etapes:
    - type: emploi
      debut: 2026-10-05
      contrat: cdi
      sortie_positive: true
      pieces: [contrat_travail, contrat]
    - type: formation
      debut: 2026-01-05
      fin: 2026-06-30
      pieces: [contrat_travail]
";
    let k = checked(file);
    let unknown = k.error_at("pièce inconnue « contrat »", &format!("{ALICE}:12:33"));
    assert!(
        unknown
            .expected
            .as_deref()
            .unwrap()
            .starts_with("un de : attestation_entree (formation), contrat_travail (emploi)"),
        "{:?}",
        unknown.expected
    );
    k.error_at(
        "la pièce « contrat_travail » n'est pas une pièce d'une étape formation",
        &format!("{ALICE}:16:16"),
    );
    // The right word of the first step still counts.
    let emploi = k.kit.parcours[0]
        .etapes
        .iter()
        .find(|e| e.type_etape == EtapeType::Emploi)
        .unwrap();
    assert_eq!(emploi.pieces, [PieceKind::ContratTravail]);
}

// ───────────────────────── the workbook ─────────────────────────

fn kit() -> tempfile::TempDir {
    let f = files(ALICE_FILE);
    let bytes: Vec<(&str, &[u8])> = f.iter().map(|(p, c)| (*p, c.as_bytes())).collect();
    common::write_kit(&bytes)
}

fn s(text: &str) -> Data {
    Data::String(text.to_string())
}

fn date(y: i32, m: u32, day: u32) -> DateCell {
    DateCell(d(y, m, day))
}

/// Expects a real date cell of that day.
struct DateCell(NaiveDate);

impl PartialEq<DateCell> for Data {
    fn eq(&self, other: &DateCell) -> bool {
        match self {
            Data::DateTime(dt) => dt.as_datetime().map(|t| t.date()) == Some(other.0),
            _ => false,
        }
    }
}

fn assert_date(cell: &Data, expected: DateCell, what: &str) {
    assert!(
        *cell == expected,
        "{what}: {cell:?} is not the date {}",
        expected.0
    );
}

#[test]
fn the_workbook_has_one_row_per_exit_step_with_real_dates() {
    let dir = kit();
    let site = common::build_files(dir.path(), Profile::Interne);
    let xlsx = site.get(XLSX).unwrap_or_else(|| panic!("no {XLSX}"));
    let mut book: Xlsx<_> =
        calamine::open_workbook_from_rs(Cursor::new(xlsx.clone())).expect("an xlsx");
    assert_eq!(book.sheet_names(), ["Suivi des sorties"]);
    let range = book.worksheet_range("Suivi des sorties").unwrap();
    let rows: Vec<Vec<Data>> = range.rows().map(|r| r.to_vec()).collect();
    assert_eq!(
        rows[0],
        [
            s("Participant·e"),
            s("Accompagnement"),
            s("Assistance administrative"),
            s("Type"),
            s("Libellé"),
            s("Axe FSE"),
            s("Début"),
            s("Fin"),
            s("État de l'étape"),
            s("Commission"),
            s("Commission provisoire"),
            s("À relier avant le"),
            s("Reliée le"),
            s("Courriers à envoyer avant le"),
            s("Courriers envoyés le"),
            s("Dossier à clore avant le"),
            s("Dossier clos le"),
            s("Année d'archivage"),
            s("État du dossier"),
            s("En retard"),
            s("Pièces manquantes"),
        ]
    );
    assert_eq!(rows.len(), 4, "{rows:?}");
    // Commission of 8 October 2026: Alice's job, then her training (by libellé).
    let job = &rows[1];
    assert_eq!(
        job[..6],
        [
            s("Alice DURAND"),
            s("Claire ROUX"),
            s("Luc PETIT"),
            s("Emploi"),
            s("CDI temps complet / Boulangère / Boulangerie du Parc / DURAND Alice"),
            Data::Float(1.0),
        ]
    );
    assert_date(&job[6], date(2026, 3, 2), "début");
    assert_date(&job[7], date(2026, 8, 31), "fin");
    assert_eq!(job[8], s("Terminée"));
    assert_date(&job[9], date(2026, 10, 8), "commission");
    assert_eq!(job[10], Data::Empty);
    assert_date(&job[11], date(2026, 9, 24), "à relier avant (clôture)");
    assert_date(&job[12], date(2026, 3, 16), "reliée le");
    // Letters within a month of the commission, file within three.
    assert_date(&job[13], date(2026, 11, 7), "courriers avant");
    assert_eq!(job[14], Data::Empty);
    assert_date(&job[15], date(2027, 1, 7), "dossier avant");
    assert_eq!(job[16], Data::Empty);
    assert_eq!(job[17], Data::Float(2026.0));
    assert_eq!(job[18], s("commission passée, dossier à clore"));
    assert_eq!(job[19], s("oui"), "letters due 7 November, not sent");
    assert_eq!(
        job[20],
        s("Contrat de travail\nCopie des courriers de sortie")
    );
    let training = &rows[2];
    assert_eq!(training[3], s("Formation"));
    assert_eq!(training[5], Data::Float(4.0));
    assert_eq!(
        training[13],
        Data::Empty,
        "letters follow the last exit only"
    );
    assert_eq!(training[18], s("relié (étape de sortie antérieure)"));
    assert_eq!(
        training[20],
        s("Justificatif de réussite (diplôme ou attestation)")
    );
    // Bob: provisional 31 December 2027, nothing to link by yet; his
    // formula-like libellé is a string.
    let bob = &rows[3];
    assert_eq!(bob[0], s("Bob MARTIN"));
    assert_eq!(bob[2], Data::Empty, "no assistant");
    assert_eq!(bob[4], s("=HYPERLINK(\"http://x.example\")"));
    assert_date(&bob[9], date(2027, 12, 31), "provisional commission");
    assert_eq!(bob[10], s("oui"));
    assert_eq!(bob[11], Data::Empty);
    assert_eq!(bob[18], s("à relier"));
    assert_eq!(
        bob[20],
        s("Contrat de travail\nDernier bulletin de salaire")
    );
    let formulas = book.worksheet_formula("Suivi des sorties").unwrap();
    assert!(formulas.used_cells().all(|(_, _, f)| f.is_empty()));
    // The same kit gives the same bytes.
    let again = common::build_files(dir.path(), Profile::Interne);
    assert!(again[XLSX] == *xlsx, "a rebuild changes the workbook");
}

#[test]
fn the_sorties_page_shows_the_checklist_and_links_the_workbook() {
    let dir = kit();
    let site = common::build_files(dir.path(), Profile::Interne);
    let page = std::str::from_utf8(&site["sorties/index.html"]).unwrap();
    assert!(
        page.contains(r#"href="../sorties/suivi-des-sorties.xlsx""#),
        "link to the workbook"
    );
    assert!(page.contains("Pièces du dossier"));
    // Alice's job: the contract missing before the payslip received.
    let missing = page
        .find("manquante</strong> Contrat de travail")
        .expect("missing contract");
    let received = page
        .find("reçue</span> Dernier bulletin de salaire")
        .expect("payslip received");
    assert!(missing < received, "missing documents come first");
    let fiche = std::str::from_utf8(&site["personnes/durand-alice.html"]).unwrap();
    assert!(fiche.contains("manquante</strong> Justificatif de réussite"));
    // The tableau: Alice's letters (due 7 November) and file closing (due
    // 7 January, six weeks ahead) each say her job's file misses 2 documents.
    let tableau = std::str::from_utf8(&site["tableau-de-bord/index.html"]).unwrap();
    assert_eq!(
        tableau.matches("(pièces manquantes : 2)").count(),
        2,
        "{tableau}"
    );
}

#[test]
fn the_public_build_has_no_workbook_nor_checklist() {
    let dir = kit();
    let site = common::build_files(dir.path(), Profile::Public);
    assert!(
        !site.keys().any(|p| p.ends_with(".xlsx")),
        "{:?}",
        site.keys()
    );
    for (path, bytes) in &site {
        let text = String::from_utf8_lossy(bytes);
        for word in [
            "Pièces du dossier",
            "Suivi des sorties",
            "manquante</strong>",
            "Contrat de travail",
        ] {
            assert!(!text.contains(word), "{path} shows « {word} »");
        }
    }
}
