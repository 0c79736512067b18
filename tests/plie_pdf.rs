//! The PLIE's PDFs (issue 13): the exit letters to the prescripteur and to
//! the participant, and the archive-box labels. Text is extracted with
//! pdf-extract, pages counted with lopdf; expectations are written by hand.
//! The build day of the tests is 2026-11-26.

mod common;

use carnet::Profile;
use common::{build_with_forms, check};
use lopdf::Document as Pdf;

const CALENDAR: &str = "\
- { date: 2026-06-11, cloture: 2026-05-28, type: commission }
- { date: 2026-10-08, cloture: 2026-09-24, type: commission }
- { date: 2027-07-08, cloture: 2027-06-24, type: commission }
";

const CONFIG: &str = "\
titre: Test
organisation: PLIE des Deux Rives
adresse: { ligne1: 3 quai des Tanneurs, code_postal: \"37000\", ville: Tours }
plie:
  signataire: { nom: Hélène Marchal, fonction: Directrice du PLIE }
";

/// Alice: a CDI exit validated by the commission of 8 October 2026 (held).
const ALICE: &str = "\
civilite: Mme
nom: Durand
prenom: Alice
adresse: { ligne1: 12 rue des Lilas, code_postal: \"37100\", ville: Tours }
parcours:
  entree: 2025-12-01
  referent: roux-claire
  assistant: petit-luc
  prescripteur: { nom: Mission locale de Touraine, adresse: { ligne1: 5 place Anatole-France, code_postal: \"37000\", ville: Tours } }
  etapes:
    - type: emploi
      debut: 2026-03-02
      contrat: cdi
      metier: Boulangère
      operateur: boulangerie
      sortie_positive: true
  sortie: { date: 2026-09-30, motif: Emploi durable, commission: 2026-10-08 }
";

/// Marc: a qualifying training whose commission (11 June 2026) is held.
const MARC: &str = "\
civilite: M.
nom: Lemoine
prenom: Marc
parcours:
  referent: roux-claire
  prescripteur: { nom: France Travail Tours Nord }
  etapes:
    - type: formation
      debut: 2025-09-01
      fin: 2025-12-05
      intitule: Titre professionnel de cariste
      financeur: Région
      sortie_positive: true
      justificatif: { type: diplome, date: 2025-12-05 }
  sortie: { date: 2025-12-05 }
";

/// Bob: an exit whose commission (8 July 2027) is still to come: no letter yet.
const BOB: &str = "\
civilite: M.
nom: Martin
prenom: Bob
parcours:
  assistant: petit-luc
  prescripteur: { nom: CCAS de Joué }
  etapes:
    - type: emploi
      debut: 2026-11-02
      contrat: cdi
      metier: Boulanger
      sortie_positive: true
";

fn files(config: &str, extra: &[(&'static str, String)]) -> Vec<(&'static str, String)> {
    let mut files = vec![
        ("carnet.yaml", config.to_string()),
        ("data/commissions.yaml", CALENDAR.into()),
        ("data/personnes/durand-alice.yaml", ALICE.into()),
        ("data/personnes/lemoine-marc.yaml", MARC.into()),
        ("data/personnes/martin-bob.yaml", BOB.into()),
    ];
    files.extend(common::plie_team());
    files.extend(extra.iter().cloned());
    files
}

/// A PDF's text without its white space (pdf-extract joins some lines
/// without a space): expectations are compared the same way, see [`has`].
fn text(bytes: &[u8]) -> String {
    flat(&pdf_extract::extract_text_from_mem(bytes).expect("a readable PDF"))
}

fn flat(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Whether the flattened text holds `expected`, white space aside.
fn has(text: &str, expected: &str) -> bool {
    text.contains(&flat(expected))
}

fn read(out: &std::path::Path, path: &str) -> Vec<u8> {
    std::fs::read(out.join(path)).unwrap_or_else(|_| panic!("{path} is built"))
}

#[test]
fn the_letter_to_the_prescripteur_reports_the_exit_and_is_signed() {
    let built = build_with_forms(&files(CONFIG, &[]), Profile::Interne);
    let letter = text(&read(
        &built.out,
        "formulaires/lettre-sortie-prescripteur/personne/durand-alice.pdf",
    ));
    for expected in [
        // Sender block, then the recipient's.
        "PLIE des Deux Rives 3 quai des Tanneurs 37000 Tours Dossier suivi par Luc PETIT",
        "Mission locale de Touraine 5 place Anatole-France 37000 Tours",
        // Place and date: the build day, no letter being recorded as sent.
        "Tours, le 26/11/2026",
        "Objet : sortie positive du PLIE de Mme Alice DURAND",
        "Madame, Monsieur,",
        "qu'elle est sortie du dispositif",
        "validée par la commission du 08/10/2026, avec effet au 30/09/2026",
        "emploi en CDI, Boulangère, chez Boulangerie du Parc, depuis le 02/03/2026",
        "CDI temps complet / Boulangère / Boulangerie du Parc / DURAND Alice",
        "Hélène Marchal Directrice du PLIE",
    ] {
        assert!(has(&letter, expected), "« {expected} » in {letter}");
    }
}

#[test]
fn the_letter_to_the_participant_goes_to_their_address_in_agreed_words() {
    let built = build_with_forms(&files(CONFIG, &[]), Profile::Interne);
    let alice = text(&read(
        &built.out,
        "formulaires/lettre-sortie-adherent/personne/durand-alice.pdf",
    ));
    for expected in [
        "Mme Alice DURAND 12 rue des Lilas 37100 Tours",
        "Objet : votre sortie du PLIE",
        "Madame,",
        "La commission du PLIE réunie le 08/10/2026 a validé votre sortie positive",
        "Nous vous prions d'agréer, Madame,",
        "Hélène Marchal Directrice du PLIE",
    ] {
        assert!(has(&alice, expected), "« {expected} » in {alice}");
    }
    let marc = text(&read(
        &built.out,
        "formulaires/lettre-sortie-adherent/personne/lemoine-marc.pdf",
    ));
    for expected in [
        "M. Marc LEMOINE",
        "Monsieur,",
        // Proof of 5 December 2025 + 6 months: the commission of 11 June 2026.
        "réunie le 11/06/2026",
        "formation qualifiante « Titre professionnel de cariste », du 01/09/2025 au 05/12/2025",
    ] {
        assert!(has(&marc, expected), "« {expected} » in {marc}");
    }
    let prescripteur = text(&read(
        &built.out,
        "formulaires/lettre-sortie-prescripteur/personne/lemoine-marc.pdf",
    ));
    assert!(has(&prescripteur, "France Travail Tours Nord"));
    assert!(has(&prescripteur, "qu'il est sorti du dispositif"));
}

#[test]
fn letters_wait_for_the_commission_and_are_linked_from_the_sorties_page_and_the_fiche() {
    let built = build_with_forms(&files(CONFIG, &[]), Profile::Interne);
    assert!(
        !built
            .out
            .join("formulaires/lettre-sortie-adherent/personne/martin-bob.pdf")
            .exists(),
        "Bob's commission is still to come"
    );
    let page = std::fs::read_to_string(built.out.join("sorties/index.html")).unwrap();
    for link in [
        "../formulaires/lettre-sortie-prescripteur/personne/durand-alice.pdf",
        "../formulaires/lettre-sortie-adherent/personne/durand-alice.pdf",
        "../formulaires/etiquettes-archives/2026.pdf",
        "../formulaires/etiquettes-archives/2025.pdf",
    ] {
        assert!(page.contains(link), "the sorties page links {link}");
    }
    assert!(!page.contains("martin-bob.pdf"));
    let fiche = std::fs::read_to_string(built.out.join("personnes/durand-alice.html")).unwrap();
    assert!(fiche.contains("class=\"links forms lettres\""));
    assert!(fiche.contains("../formulaires/lettre-sortie-adherent/personne/durand-alice.pdf"));
}

#[test]
fn without_a_signatory_the_letter_leaves_room_to_sign_by_hand() {
    let built = build_with_forms(
        &files("titre: Test\norganisation: PLIE test\n", &[]),
        Profile::Interne,
    );
    let letter = text(&read(
        &built.out,
        "formulaires/lettre-sortie-adherent/personne/durand-alice.pdf",
    ));
    assert!(has(&letter, "Pour le PLIE, nom et fonction :"));
    // No town in carnet.yaml: « Le 26/11/2026 ».
    assert!(has(&letter, "Le 26/11/2026"), "{letter}");
}

/// `n` people who left the PLIE in 2026 (their CDI exit validated by the
/// commission of 8 October), named `Nom01`…
fn leavers(n: usize) -> Vec<(&'static str, String)> {
    (1..=n)
        .map(|i| {
            let path: &'static str = Box::leak(format!("data/personnes/p{i:02}.yaml").into_boxed_str());
            (
                path,
                format!(
                    "civilite: Mme\nnom: Nom{i:02}\nprenom: Eva\nparcours:\n  etapes:\n    - {{ type: emploi, debut: 2026-03-02, contrat: cdi, sortie_positive: true }}\n  sortie: {{ date: 2026-09-30, commission: 2026-10-08 }}\n"
                ),
            )
        })
        .collect()
}

#[test]
fn archive_labels_hold_every_name_split_into_boxes_in_alphabetical_order() {
    // Three names a box: Alice and 7 others exit in 2026 → 8 names, 3 boxes.
    let config = format!("{CONFIG}  etiquettes: {{ largeur: 99.1, hauteur: 67.7, noms: 3 }}\n");
    let built = build_with_forms(&files(&config, &leavers(7)), Profile::Interne);
    let bytes = read(&built.out, "formulaires/etiquettes-archives/2026.pdf");
    let sheet = text(&bytes);
    for expected in [
        "Archives PLIE 2026 — boîte 1 / 3",
        "De DURAND Alice à NOM02 Eva",
        "Archives PLIE 2026 — boîte 2 / 3",
        "De NOM03 Eva à NOM05 Eva",
        "Archives PLIE 2026 — boîte 3 / 3",
        "De NOM06 Eva à NOM07 Eva",
        "Dossiers de sortie du dispositif",
    ] {
        assert!(has(&sheet, expected), "« {expected} » in {sheet}");
    }
    assert_eq!(
        sheet.matches("NOM04Eva").count(),
        1,
        "listed once, nothing cut"
    );
    assert!(!has(&sheet, "LEMOINE"), "Marc left in 2025: his own sheet");
    assert_eq!(
        Pdf::load_mem(&bytes).unwrap().get_pages().len(),
        1,
        "3 labels, one sheet of 8"
    );
    let y2025 = text(&read(
        &built.out,
        "formulaires/etiquettes-archives/2025.pdf",
    ));
    assert!(
        has(
            &y2025,
            "Archives PLIE 2025 — boîte 1 / 1 Dossiers de sortie du dispositif De LEMOINE Marc à LEMOINE Marc"
        ),
        "{y2025}"
    );
}

#[test]
fn small_labels_take_several_sheets_and_every_name_is_printed() {
    // 2 × 7 labels of 38.1 mm: 2 names a label by default; 21 names → 11 labels, 14 a sheet.
    let config = format!("{CONFIG}  etiquettes: {{ largeur: 99.1, hauteur: 38.1 }}\n");
    let built = build_with_forms(&files(&config, &leavers(20)), Profile::Interne);
    let bytes = read(&built.out, "formulaires/etiquettes-archives/2026.pdf");
    let sheet = text(&bytes);
    assert!(has(&sheet, "boîte 11 / 11"), "{sheet}");
    for i in 1..=20 {
        assert!(has(&sheet, &format!("NOM{i:02} Eva")), "NOM{i:02} printed");
    }
    assert_eq!(Pdf::load_mem(&bytes).unwrap().get_pages().len(), 1);
    // 30 more: 51 names, 26 labels → 2 sheets.
    let built = build_with_forms(&files(&config, &leavers(50)), Profile::Interne);
    let bytes = read(&built.out, "formulaires/etiquettes-archives/2026.pdf");
    assert_eq!(Pdf::load_mem(&bytes).unwrap().get_pages().len(), 2);
    let sheet = text(&bytes);
    assert!(has(&sheet, "boîte 26 / 26"));
    assert!(has(&sheet, "NOM50 Eva"));
}

#[test]
fn hostile_names_typeset_without_harm() {
    let long = "Anticonstitutionnellement".repeat(6);
    let hostile = format!(
        "civilite: M.\nnom: \"<b>O'Hara & Fils</b>\"\nprenom: \"{long}\"\nadresse: {{ ligne1: \"1 rue <script> & *co*\", ville: \"Tours\" }}\nparcours:\n  prescripteur: {{ nom: \"Service <i>emploi</i> & Cie {long}\" }}\n  etapes:\n    - {{ type: emploi, debut: 2026-03-02, contrat: cdi, metier: \"{long}\", sortie_positive: true }}\n  sortie: {{ date: 2026-09-30, commission: 2026-10-08 }}\n"
    );
    let built = build_with_forms(
        &files(CONFIG, &[("data/personnes/ohara.yaml", hostile)]),
        Profile::Interne,
    );
    for path in [
        "formulaires/lettre-sortie-prescripteur/personne/ohara.pdf",
        "formulaires/lettre-sortie-adherent/personne/ohara.pdf",
        "formulaires/etiquettes-archives/2026.pdf",
    ] {
        let t = text(&read(&built.out, path));
        assert!(has(&t, "<B>O'HARA & FILS</B>"), "{path}: {t}");
    }
}

#[test]
fn a_bad_signatory_or_label_size_is_reported_at_its_line() {
    let config = "\
titre: Test
plie:
  signataire: { fonction: Directrice }
  etiquettes: { largeur: 400, hauteur: 10, noms: 0 }
";
    let k = check(&[("carnet.yaml", config)]);
    k.error_at(
        "signataire des courriers de sortie n'a pas de nom",
        "carnet.yaml:3:27",
    );
    k.error_at(
        "largeur d'étiquette impossible : 400 mm",
        "carnet.yaml:4:26",
    );
    k.error_at("hauteur d'étiquette impossible : 10 mm", "carnet.yaml:4:40");
    k.error_at(
        "une étiquette d'archives porte au moins un nom",
        "carnet.yaml:4:50",
    );
}

#[test]
fn a_sheet_of_labels_is_alone_in_its_layout() {
    let layout = "\
nom: Étiquettes
titre: Étiquettes
pour: archive
blocs:
  - titre: Étiquettes
  - etiquettes: { pour_chaque: etiquettes, texte: \"{{ etiquette.annee }}\" }
";
    let k = check(&[
        ("carnet.yaml", "titre: Test\n"),
        ("templates/forms/mes-etiquettes.yaml", layout),
    ]);
    k.error_at(
        "une planche d'étiquettes est seule dans son formulaire",
        "templates/forms/mes-etiquettes.yaml:5:5",
    );
    let misspelt = "\
nom: Étiquettes
titre: Étiquettes
pour: archive
blocs:
  - etiquettes: { pour_chaque: etiquettes, texte: \"{{ etiquette.anne }}\" }
";
    let k = check(&[
        ("carnet.yaml", "titre: Test\n"),
        ("templates/forms/mes-etiquettes.yaml", misspelt),
    ]);
    assert!(
        k.at("etiquette.anne")
            .starts_with("templates/forms/mes-etiquettes.yaml:5:"),
        "{}",
        k.dump()
    );
}

#[test]
fn the_public_build_has_no_letter_and_no_label() {
    let built = build_with_forms(&files(CONFIG, &leavers(3)), Profile::Public);
    for (path, bytes) in common::files_under(&built.out) {
        let p = path.display().to_string();
        assert!(
            !p.contains("lettre-sortie") && !p.contains("etiquettes-archives"),
            "{p} in public"
        );
        if p.ends_with(".pdf") {
            let t = text(&bytes);
            for word in [
                "Courrier de sortie",
                "Archives PLIE",
                "Mission locale de Touraine",
                "Hélène Marchal",
            ] {
                assert!(!has(&t, word), "{p} shows « {word} »");
            }
        } else {
            let t = String::from_utf8_lossy(&bytes);
            assert!(
                !t.contains("lettre-sortie") && !t.contains("etiquettes-archives"),
                "{p} links them"
            );
        }
    }
}
