//! PLIE parcours in the outputs (issue 13): the public build holds nothing of
//! a parcours (every output file scanned, PDF text included); the internal
//! build shows the timeline, the « sorties » page and the deadlines of the
//! tableau de bord, overdue first, up to six weeks ahead of the build day
//! (2026-11-26 in the tests).

mod common;

use carnet::Profile;
use carnet::view::View;
use carnet::view::plie::EcheanceKind;
use chrono::NaiveDate;
use common::{build_with_forms, check, files_under};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("a valid date")
}

const CALENDAR: &str = "\
- { date: 2026-10-08, cloture: 2026-09-24, type: commission }
- { date: 2026-12-17, type: comite_technique }
- { date: 2027-07-08, cloture: 2027-06-24, type: commission }
";

/// Alice (in the annuaire, enrolled in a session: she has a public fiche and
/// forms) has canary words in every text field of her parcours.
const ALICE: &str = "\
civilite: Mme
nom: Durand
prenom: Alice
parcours:
  entree: 2025-12-01
  referent: roux-claire
  assistant: petit-luc
  prescripteur: { nom: CANARIPRESC, adresse: { ligne1: CANARIRUE, ville: Tours } }
  etapes:
    - type: formation
      objectif: CANARIOBJ
      debut: 2026-01-05
      fin: 2026-03-31
      financeur: CANARIFIN
      intitule: CANARIFORMATION
      lieu: CANARILIEU
      sortie_positive: true
      etat: interrompue
      rupture: { motif: CANARIRUPT, raison: CANARIRAISON, fin_reelle: 2026-02-20 }
    - type: emploi
      libelle: CANARILIB
      debut: 2026-03-02
      contrat: cdi
      metier: CANARIMETIER
      rome: K1304
      operateur: boulangerie
      sortie_positive: true
      pieces: [contrat_travail]
  sortie: { date: 2026-09-30, motif: CANARISORTIE, commission: 2026-10-08 }
";

/// Bob's exit step started 2026-11-02: to link 15 days before the comité of 17 December.
const BOB: &str = "\
civilite: M.
nom: Martin
prenom: Bob
parcours:
  assistant: petit-luc
  etapes:
    - type: emploi
      debut: 2026-11-02
      contrat: cdi
      metier: Boulanger
      sortie_positive: true
";

/// Chloé's exit step started 2026-12-05 (too late for the comité): linked
/// by the cloture of 24 June 2027, beyond six weeks.
const CHLOE: &str = "\
civilite: Mme
nom: Petit
prenom: Chloé
parcours:
  assistant: petit-luc
  etapes:
    - type: emploi
      debut: 2026-12-05
      contrat: cdi
      sortie_positive: true
";

const SESSION: &str = "\
mois: \"2026-10\"
ateliers:
  - date: 2026-10-05
    intitule: Accueil
    cycle: 1
    heure_debut: \"09:30\"
    duree: 2h
    presences: { durand-alice: present }
inscrits:
  - personne: durand-alice
    financement: CPF
";

fn files() -> Vec<(&'static str, String)> {
    let mut files = vec![(
        "carnet.yaml",
        "titre: Test\norganisation: PLIE test\n".into(),
    )];
    files.extend(common::plie_team());
    files.extend([
        ("data/commissions.yaml", CALENDAR.into()),
        ("data/personnes/durand-alice.yaml", ALICE.into()),
        ("data/personnes/martin-bob.yaml", BOB.into()),
        ("data/personnes/petit-chloe.yaml", CHLOE.into()),
        ("data/sessions/2026-10.yaml", SESSION.into()),
    ]);
    files
}

/// Every output file as text (a PDF's extracted text), by path.
fn texts(out: &std::path::Path) -> Vec<(String, String)> {
    files_under(out)
        .into_iter()
        .map(|(path, bytes)| {
            let text = if path.extension().is_some_and(|e| e == "pdf") {
                pdf_extract::extract_text_from_mem(&bytes).expect("a readable PDF")
            } else {
                String::from_utf8_lossy(&bytes).into_owned()
            };
            (path.display().to_string(), text)
        })
        .collect()
}

#[test]
fn the_public_build_holds_nothing_of_a_parcours() {
    let built = build_with_forms(&files(), Profile::Public);
    let outputs = texts(&built.out);
    assert!(
        outputs
            .iter()
            .any(|(p, _)| p.ends_with("personnes/durand-alice.html")),
        "Alice has a public fiche: the test looks where a parcours could leak"
    );
    let pdfs = outputs.iter().filter(|(p, _)| p.ends_with(".pdf")).count();
    assert!(pdfs > 0, "forms are scanned too");
    for (path, text) in &outputs {
        assert!(!text.contains("CANARI"), "{path} shows a parcours field");
        for word in [
            "Parcours PLIE",
            "Sorties PLIE",
            "Échéances PLIE",
            "Sortie positive",
            "Pièces du dossier",
            "Pièces manquantes",
            "Suivi des sorties",
        ] {
            assert!(!text.contains(word), "{path} shows « {word} »");
        }
    }
    assert!(
        !built.out.join("sorties").exists(),
        "no sorties page in public"
    );
    // Alice's exit was decided on 8 October: her letters and the 2026
    // archive labels exist in the internal build only.
    for (path, _) in &outputs {
        assert!(
            !path.contains("lettre-sortie") && !path.contains("etiquettes-archives"),
            "{path}: a PLIE letter or label in public"
        );
    }
    let internal = build_with_forms(&files(), Profile::Interne);
    assert!(
        internal
            .out
            .join("formulaires/lettre-sortie-prescripteur/personne/durand-alice.pdf")
            .exists()
    );
    assert!(
        internal
            .out
            .join("formulaires/etiquettes-archives/2026.pdf")
            .exists()
    );
    assert!(
        !outputs.iter().any(|(p, _)| p.ends_with(".xlsx")),
        "no spreadsheet in public"
    );
}

#[test]
fn the_internal_fiche_shows_the_timeline() {
    let built = build_with_forms(&files(), Profile::Interne);
    let fiche = std::fs::read_to_string(built.out.join("personnes/durand-alice.html"))
        .expect("Alice's fiche");
    for shown in [
        "Parcours PLIE",
        "CANARIPRESC",
        "CANARIOBJ",
        "CANARIRUPT",
        "CANARIRAISON",
        "CANARILIB",
        "Interrompue",
        // Commission of 8 October 2026: letters by 7 November, file closed by 7 January.
        "à envoyer au plus tard le 07/11/2026",
        "à clore au plus tard le 07/01/2027",
    ] {
        assert!(fiche.contains(shown), "the fiche shows « {shown} »");
    }
    let bob =
        std::fs::read_to_string(built.out.join("personnes/martin-bob.html")).expect("Bob's fiche");
    // Start 2026-11-02 + 7 months = 2027-06-02: the commission of 8 July 2027.
    assert!(
        bob.contains("CDI temps complet / Boulanger / MARTIN Bob"),
        "generated libellé"
    );
    assert!(bob.contains("08/07/2027"));
}

#[test]
fn the_sorties_page_groups_exit_steps_by_commission() {
    let built = build_with_forms(&files(), Profile::Interne);
    let page =
        std::fs::read_to_string(built.out.join("sorties/index.html")).expect("the sorties page");
    let october = page
        .find("Commission — 8 octobre 2026")
        .expect("October's commission");
    let july = page
        .find("Commission — 8 juillet 2027")
        .expect("July's commission");
    assert!(october < july, "by date");
    let (before, after) = page.split_at(july);
    assert!(before.contains("CANARILIB"), "Alice's exit in October");
    assert!(!before.contains("MARTIN Bob"));
    assert!(after.contains("MARTIN Bob") && after.contains("PETIT Chloé"));
    // Alice's interrupted training is no exit.
    assert!(!page.contains("CANARIFORMATION"));
}

#[test]
fn the_tableau_lists_plie_deadlines_overdue_first_up_to_six_weeks() {
    let k = check(
        &files()
            .iter()
            .map(|(p, c)| (*p, c.as_str()))
            .collect::<Vec<_>>(),
    );
    k.assert_clean();
    let view = View::new(&k.kit, Profile::Interne);
    let group = view
        .tableau
        .iter()
        .find(|g| g.id == "plie-petit-luc")
        .expect("a group for the assistant");
    assert_eq!(group.acteur, "assistant");
    let lines: Vec<(NaiveDate, EcheanceKind, &str, bool)> = group
        .echeances
        .iter()
        .map(|e| (e.date, e.kind, e.personne.label.as_str(), e.en_retard))
        .collect();
    assert_eq!(
        lines,
        vec![
            (d(2026, 9, 24), EcheanceKind::Liaison, "Alice DURAND", true),
            (
                d(2026, 11, 7),
                EcheanceKind::Courriers,
                "Alice DURAND",
                true
            ),
            (d(2026, 12, 2), EcheanceKind::Liaison, "Bob MARTIN", false),
            // 2026-11-26 + 42 days: the last day listed.
            (d(2027, 1, 7), EcheanceKind::Dossier, "Alice DURAND", false),
        ]
    );
    let public = View::new(&k.kit, Profile::Public);
    assert!(public.sorties.is_none());
    assert!(public.personnes.iter().all(|p| p.parcours.is_none()));
}
