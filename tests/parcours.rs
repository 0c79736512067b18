//! PLIE parcours (SPEC §5, issue 13): every rule fed a bad step and checked
//! for its message and its place (file:line:col), good steps proving the
//! rules do not fire wrongly, and the derived libellés, FSE axes, commissions
//! and deadlines, with expected values worked out by hand from the inputs.

mod common;

use carnet::diagnostic::Severity;
use carnet::model::parcours::{EtapeSortie, Parcours};
use carnet::model::parcours_pieces::{Piece, PieceKind};
use chrono::NaiveDate;
use common::{Checked, check};

const ALICE: &str = "data/personnes/durand-alice.yaml";
const CALENDAR: &str = "data/commissions.yaml";

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("a valid date")
}

/// Two commissions (4 February, 10 June 2027) and a comité technique between them.
const COMMISSIONS: &str = "\
- { date: 2027-02-04, cloture: 2027-01-21, type: commission }
- { date: 2027-03-18, type: comite_technique }
- { date: 2027-06-10, cloture: 2027-05-27, type: commission }
";

/// Alice's file: her parcours from line 4; `etapes` are written from line 8.
fn alice(etapes: &str, after: &str) -> String {
    format!(
        "civilite: Mme\nnom: Durand\nprenom: Alice\nparcours:\n  referent: roux-claire\n  assistant: petit-luc\n  etapes:\n{etapes}{after}"
    )
}

/// A kit with staff, two operators, the calendar and Alice's parcours.
fn kit_with(alice_file: &str, calendar: &str) -> Checked {
    check(&[
        (
            "data/personnes/roux-claire.yaml",
            "civilite: Mme\nnom: Roux\nprenom: Claire\nroles: [accompagnateur]\n",
        ),
        (
            "data/personnes/petit-luc.yaml",
            "civilite: M.\nnom: Petit\nprenom: Luc\nroles: [assistant]\n",
        ),
        ("data/operateurs/greta.yaml", "nom: GRETA Val de Loire\n"),
        (
            "data/operateurs/boulangerie.yaml",
            "nom: Boulangerie du Parc\n",
        ),
        (CALENDAR, calendar),
        (ALICE, alice_file),
    ])
}

fn kit(etapes: &str) -> Checked {
    kit_with(&alice(etapes, ""), COMMISSIONS)
}

fn parcours(k: &Checked) -> &Parcours {
    assert_eq!(k.kit.parcours.len(), 1, "{}", k.dump());
    &k.kit.parcours[0]
}

/// The derived facts of the only exit step.
fn exit(k: &Checked) -> EtapeSortie {
    let exits: Vec<_> = parcours(k)
        .etapes
        .iter()
        .filter_map(|e| e.sortie.clone())
        .collect();
    assert_eq!(exits.len(), 1, "{}", k.dump());
    exits[0].clone()
}

/// A positive CDI exit started on `debut`.
fn cdi(debut: &str) -> String {
    format!(
        "    - type: emploi\n      debut: {debut}\n      contrat: cdi\n      metier: Vendeuse\n      operateur: boulangerie\n      sortie_positive: true\n"
    )
}

// ───────────────────────── a good parcours ─────────────────────────

#[test]
fn a_good_parcours_is_clean_and_linked_to_its_staff() {
    let k = kit(&cdi("2026-10-05"));
    k.assert_clean();
    let p = parcours(&k);
    assert_eq!(k.kit.personnes[p.personne].id, "durand-alice");
    assert_eq!(k.kit.personnes[p.referent.unwrap()].id, "roux-claire");
    assert_eq!(k.kit.personnes[p.assistant.unwrap()].id, "petit-luc");
}

// ───────────────────────── people and operators ─────────────────────────

#[test]
fn referent_must_be_an_accompagnateur_and_assistant_an_assistant() {
    let file = "civilite: Mme\nnom: Durand\nprenom: Alice\nparcours:\n  referent: petit-luc\n  assistant: roux-claire\n";
    let k = kit_with(file, COMMISSIONS);
    k.error_at(
        "referent : Luc PETIT (« petit-luc ») n'a pas le rôle accompagnateur",
        &format!("{ALICE}:5:13"),
    );
    k.error_at(
        "assistant : Claire ROUX (« roux-claire ») n'a pas le rôle assistant",
        &format!("{ALICE}:6:14"),
    );
}

#[test]
fn unknown_referent_is_an_error_at_its_value() {
    let file = "civilite: Mme\nnom: Durand\nprenom: Alice\nparcours:\n  referent: roux-clair\n";
    let k = kit_with(file, COMMISSIONS);
    let e = k.error_at(
        "referent : personne inconnue « roux-clair »",
        &format!("{ALICE}:5:13"),
    );
    assert!(e.expected.as_deref().unwrap().contains("roux-claire"));
}

#[test]
fn unknown_operator_is_an_error_with_a_suggestion() {
    let k = kit(&cdi("2026-10-05").replace("operateur: boulangerie", "operateur: boulangeri"));
    let e = k.error_at(
        "opérateur inconnu « boulangeri »",
        &format!("{ALICE}:12:18"),
    );
    assert!(e.expected.as_deref().unwrap().contains("« boulangerie »"));
}

// ───────────────────────── values ─────────────────────────

#[test]
fn rome_code_is_a_letter_and_four_digits() {
    let bad = kit(&format!("{}      rome: F170\n", cdi("2026-10-05")));
    bad.error_at("code ROME mal écrit « F170 »", &format!("{ALICE}:14:13"));
    let lower = kit(&format!("{}      rome: f1705\n", cdi("2026-10-05")));
    lower.error_at("code ROME mal écrit « f1705 »", &format!("{ALICE}:14:13"));
    let good = kit(&format!("{}      rome: D1106\n", cdi("2026-10-05")));
    good.assert_clean();
    assert_eq!(parcours(&good).etapes[0].rome.as_deref(), Some("D1106"));
}

#[test]
fn unknown_words_list_the_accepted_ones() {
    let k = kit(
        "    - type: stage\n      debut: 2026-10-05\n    - type: emploi\n      debut: 2026-10-05\n      contrat: cdii\n      etat: finie\n",
    );
    let t = k.error_at("type d'étape inconnu « stage »", &format!("{ALICE}:8:13"));
    assert_eq!(
        t.expected.as_deref(),
        Some("un de : formation, emploi, parcours")
    );
    let c = k.error_at("contrat inconnu « cdii »", &format!("{ALICE}:12:16"));
    assert_eq!(
        c.expected.as_deref(),
        Some("un de : cdi, cdd, interim, contrat_aide, professionnalisation, apprentissage")
    );
    let e = k.error_at("état d'étape inconnu « finie »", &format!("{ALICE}:13:13"));
    assert_eq!(
        e.expected.as_deref(),
        Some("un de : en_cours, terminee, interrompue")
    );
}

#[test]
fn a_step_without_start_is_an_error() {
    let k = kit("    - type: parcours\n      objectif: Mobilité\n");
    k.error_at(
        "champ obligatoire manquant « etapes.debut »",
        &format!("{ALICE}:8:13"),
    );
}

#[test]
fn a_step_ending_before_it_starts_is_an_error() {
    let k = kit("    - type: parcours\n      debut: 2026-10-05\n      fin: 2026-10-04\n");
    k.error_at(
        "l'étape finit (2026-10-04) avant de commencer (2026-10-05)",
        &format!("{ALICE}:10:12"),
    );
}

// ───────────────────────── durable employment ─────────────────────────

#[test]
fn employment_exit_ends_at_most_six_months_after_its_start() {
    // 31 August + 6 months = 28 February 2027 (not a leap year).
    let on_limit = kit(&format!("{}      fin: 2027-02-28\n", cdi("2026-08-31")));
    on_limit.assert_clean();
    let after = kit(&format!("{}      fin: 2027-03-01\n", cdi("2026-08-31")));
    after.error_at(
        "la fin d'une étape de sortie emploi est au plus 6 mois après son début (2027-02-28)",
        &format!("{ALICE}:14:12"),
    );
    // In a leap year the limit is 29 February.
    let leap = kit(&format!("{}      fin: 2028-02-29\n", cdi("2027-08-31")));
    leap.assert_clean();
}

#[test]
fn a_cdd_counts_from_six_months() {
    let step = |months: u32| {
        format!(
            "    - type: emploi\n      debut: 2026-10-05\n      contrat: cdd\n      duree_mois: {months}\n      sortie_positive: true\n"
        )
    };
    kit(&step(6)).assert_clean();
    let short = kit(&step(5));
    let e = short.error_at(
        "un CDD de 5 mois n'est pas un emploi durable",
        &format!("{ALICE}:11:19"),
    );
    assert!(
        e.expected
            .as_deref()
            .unwrap()
            .contains("CDD d'au moins 6 mois")
    );
    let unknown = kit(
        "    - type: emploi\n      debut: 2026-10-05\n      contrat: cdd\n      sortie_positive: true\n",
    );
    unknown.error_at(
        "CDD de sortie emploi sans sa durée",
        &format!("{ALICE}:10:16"),
    );
}

#[test]
fn interim_is_not_a_durable_exit_but_fine_as_a_parcours_job() {
    let exit = kit(
        "    - type: emploi\n      debut: 2026-10-05\n      contrat: interim\n      sortie_positive: true\n",
    );
    exit.error_at(
        "un contrat d'intérim n'est pas un emploi durable",
        &format!("{ALICE}:10:16"),
    );
    let step = kit("    - type: emploi\n      debut: 2026-10-05\n      contrat: interim\n");
    step.assert_clean();
}

#[test]
fn an_employment_exit_says_its_contract() {
    let k = kit("    - type: emploi\n      debut: 2026-10-05\n      sortie_positive: true\n");
    k.error_at(
        "étape de sortie emploi sans contrat",
        &format!("{ALICE}:10:24"),
    );
}

#[test]
fn aided_contract_counts_only_validated_in_comite() {
    let step = |valide: &str| {
        format!(
            "    - type: emploi\n      debut: 2026-10-05\n      contrat: contrat_aide\n      sortie_positive: true\n{valide}"
        )
    };
    let k = kit(&step(""));
    k.error_at(
        "un contrat aidé ne compte comme sortie emploi qu'après validation en comité technique",
        &format!("{ALICE}:10:16"),
    );
    kit(&step("      valide_comite: true\n")).assert_clean();
}

#[test]
fn under_half_time_counts_only_validated_in_comite() {
    let step = |temps: &str, valide: &str| {
        format!(
            "{}      temps_travail: {temps}\n{valide}",
            cdi("2026-10-05")
        )
    };
    let k = kit(&step("0.4", ""));
    k.error_at(
        "un emploi à moins d'un mi-temps ne compte comme sortie qu'après validation en comité technique",
        &format!("{ALICE}:14:22"),
    );
    kit(&step("0.4", "      valide_comite: true\n")).assert_clean();
    kit(&step("0.5", "")).assert_clean();
    kit(&step("temps_plein", "")).assert_clean();
    let bad = kit(&step("mi-temps", ""));
    bad.error_at(
        "temps de travail illisible « mi-temps »",
        &format!("{ALICE}:14:22"),
    );
}

#[test]
fn professionalisation_and_apprenticeship_are_warnings() {
    for (word, said) in [
        (
            "professionnalisation",
            "contrat de professionnalisation en sortie emploi",
        ),
        ("apprentissage", "contrat d'apprentissage en sortie emploi"),
    ] {
        let k = kit(&cdi("2026-10-05").replace("contrat: cdi", &format!("contrat: {word}")));
        k.warning_at(said, &format!("{ALICE}:10:16"));
        k.assert_no_error();
    }
}

#[test]
fn at_most_one_stable_employment_exit_per_parcours() {
    let two = format!("{}{}", cdi("2026-10-05"), cdi("2026-11-02"));
    let k = kit(&two);
    let e = k.error_at(
        "une seule étape de sortie emploi durable par parcours",
        &format!("{ALICE}:19:24"),
    );
    assert_eq!(
        k.kit.sources.location(e.also[0].0),
        format!("{ALICE}:13:24")
    );
}

#[test]
fn a_training_exit_then_an_employment_exit_is_fine() {
    let training = "    - type: formation\n      debut: 2026-01-05\n      fin: 2026-06-30\n      intitule: CAP Boulanger\n      sortie_positive: true\n      etat: terminee\n";
    let k = kit(&format!("{training}{}", cdi("2026-10-05")));
    k.assert_clean();
    let axes: Vec<u8> = parcours(&k)
        .etapes
        .iter()
        .filter_map(|e| e.sortie.as_ref().map(|s| s.axe_fse))
        .collect();
    assert_eq!(axes, vec![4, 1]);
    // The training exit is only linked; letters and file closing follow the last exit.
    let finales: Vec<(bool, Option<NaiveDate>)> = parcours(&k)
        .etapes
        .iter()
        .filter_map(|e| e.sortie.as_ref().map(|s| (s.finale, s.courriers_avant)))
        .collect();
    // CDI from 2026-10-05 + 7 months = 2027-05-05: commission of 10 June, letters by 9 July.
    assert_eq!(finales, vec![(false, None), (true, Some(d(2027, 7, 9)))]);
}

#[test]
fn a_parcours_step_is_not_a_positive_exit() {
    let k = kit("    - type: parcours\n      debut: 2026-10-05\n      sortie_positive: true\n");
    k.error_at(
        "une étape de type parcours n'est pas une sortie positive",
        &format!("{ALICE}:10:24"),
    );
}

#[test]
fn an_interrupted_step_has_its_rupture() {
    let step = "    - type: formation\n      debut: 2026-09-01\n      etat: interrompue\n";
    let k = kit(step);
    let e = k.error_at(
        "étape interrompue sans rupture renseignée",
        &format!("{ALICE}:10:13"),
    );
    assert!(e.expected.as_deref().unwrap().contains("rupture"));
    let with = kit(&format!(
        "{step}      rupture: {{ motif: Abandon, raison: Santé, fin_reelle: 2026-10-12 }}\n"
    ));
    with.assert_clean();
    let r = parcours(&with).etapes[0].rupture.clone().unwrap();
    assert_eq!(r.motif.as_deref(), Some("Abandon"));
    assert_eq!(r.fin_reelle, Some(d(2026, 10, 12)));
}

#[test]
fn an_interrupted_exit_step_has_no_commission() {
    let step = format!(
        "{}      etat: interrompue\n      rupture: {{ motif: Fin de période d'essai }}\n",
        cdi("2026-10-05")
    );
    let k = kit(&step);
    k.assert_clean();
    assert!(parcours(&k).etapes[0].sortie.is_none());
}

// ───────────────────────── sortie and calendar ─────────────────────────

#[test]
fn sortie_names_a_commission_of_the_calendar() {
    let unknown = kit_with(
        &alice(
            &cdi("2026-10-05"),
            "  sortie: { date: 2027-05-31, commission: 2027-06-11 }\n",
        ),
        COMMISSIONS,
    );
    let e = unknown.error_at(
        "aucune commission le 2027-06-11 dans data/commissions.yaml",
        &format!("{ALICE}:14:43"),
    );
    assert_eq!(
        e.expected.as_deref(),
        Some("la date d'une commission : 2027-02-04, 2027-06-10")
    );
    let comite = kit_with(
        &alice(
            &cdi("2026-10-05"),
            "  sortie: { date: 2027-05-31, commission: 2027-03-18 }\n",
        ),
        COMMISSIONS,
    );
    comite.error_at(
        "le 2027-03-18 est un comité, pas une commission",
        &format!("{ALICE}:14:43"),
    );
    let good = kit_with(
        &alice(
            &cdi("2026-10-05"),
            "  sortie: { date: 2027-05-31, commission: 2027-06-10 }\n",
        ),
        COMMISSIONS,
    );
    good.assert_clean();
}

#[test]
fn calendar_rules_are_checked_at_their_line() {
    let calendar = "- { date: 2027-02-04, cloture: 2027-02-05, type: commission }\n- { date: 2027-03-18, type: comite }\n- { cloture: 2027-01-21, type: commission }\n";
    let k = kit_with(&alice(&cdi("2026-10-05"), ""), calendar);
    k.error_at(
        "la clôture des liaisons (2027-02-05) tombe après la réunion (2027-02-04)",
        &format!("{CALENDAR}:1:32"),
    );
    let t = k.error_at(
        "type de réunion inconnu « comite »",
        &format!("{CALENDAR}:2:29"),
    );
    assert_eq!(
        t.expected.as_deref(),
        Some("un de : commission, comite_technique, comite_pilotage")
    );
    k.error_at(
        "champ obligatoire manquant « date »",
        &format!("{CALENDAR}:3:14"),
    );
}

#[test]
fn a_yaml_problem_in_the_calendar_is_a_diagnostic() {
    let k = kit_with(
        &alice("", ""),
        "- { date: 2027-02-04, salle: B12, type: commission }\n",
    );
    let e = k.find("salle");
    assert_eq!(e.severity, Severity::Error);
    assert_eq!(
        k.kit
            .sources
            .location(e.span)
            .split(':')
            .take(2)
            .collect::<Vec<_>>(),
        [CALENDAR, "1"]
    );
}

// ───────────────────────── derived facts ─────────────────────────

#[test]
fn employment_libelle_and_dates() {
    // Start 2026-10-05 + 7 months = 2027-05-05: the commission of 10 June 2027,
    // linked before its cloture (27 May) or 15 days before the comité of
    // 18 March (3 March), whichever comes first.
    let step = "    - type: emploi\n      debut: 2026-10-05\n      contrat: cdd\n      duree_mois: 8\n      temps_travail: 0.6\n      metier: Vendeuse\n      operateur: boulangerie\n      sortie_positive: true\n";
    let k = kit_with(
        &alice(step, "  sortie: { date: 2027-05-31 }\n"),
        COMMISSIONS,
    );
    k.assert_clean();
    assert_eq!(
        exit(&k),
        EtapeSortie {
            libelle:
                "CDD 8 mois temps partiel 60 % / Vendeuse / Boulangerie du Parc / DURAND Alice"
                    .into(),
            axe_fse: 1,
            commission: d(2027, 6, 10),
            provisoire: false,
            liaison_avant: Some(d(2027, 3, 3)),
            finale: true,
            courriers_avant: Some(d(2027, 7, 9)),
            dossier_avant: Some(d(2027, 9, 9)),
            annee_archive: Some(2027),
            // Nothing received yet; no commission has validated the exit: no letters.
            pieces: vec![
                Piece {
                    piece: PieceKind::ContratTravail,
                    recue: false,
                    date: None
                },
                Piece {
                    piece: PieceKind::BulletinSalaire,
                    recue: false,
                    date: None
                },
            ],
        }
    );
}

#[test]
fn training_libelle_uses_the_operator_when_no_centre_and_the_proof_date() {
    // Proof of 2026-07-20 + 6 months = 2027-01-20: the commission of
    // 4 February 2027 (the end of training, 30 June, is not used).
    let step = "    - type: formation\n      debut: 2026-01-05\n      fin: 2026-06-30\n      financeur: Région\n      intitule: CAP Boulanger\n      operateur: greta\n      sortie_positive: true\n      justificatif: { type: diplome, date: 2026-07-20 }\n";
    let k = kit(step);
    k.assert_clean();
    let s = exit(&k);
    assert_eq!(
        s.libelle,
        "Région / CAP Boulanger / GRETA Val de Loire / DURAND Alice"
    );
    assert_eq!(s.axe_fse, 4);
    assert_eq!(s.commission, d(2027, 2, 4));
    assert_eq!(s.liaison_avant, Some(d(2027, 1, 21)));
    assert_eq!(s.annee_archive, None, "no exit date yet");
}

#[test]
fn a_written_libelle_is_kept() {
    let k = kit(&format!(
        "{}      libelle: CDI boulangerie (Alice)\n",
        cdi("2026-10-05")
    ));
    assert_eq!(exit(&k).libelle, "CDI boulangerie (Alice)");
}

#[test]
fn cdi_full_time_libelle() {
    let k = kit(&cdi("2026-10-05"));
    assert_eq!(
        exit(&k).libelle,
        "CDI temps complet / Vendeuse / Boulangerie du Parc / DURAND Alice"
    );
}

#[test]
fn a_commission_on_the_very_day_is_the_one() {
    // Training ended 2026-08-04 + 6 months = 2027-02-04: that day's commission.
    let step = "    - type: formation\n      debut: 2026-03-02\n      fin: 2026-08-04\n      sortie_positive: true\n";
    assert_eq!(exit(&kit(step)).commission, d(2027, 2, 4));
    // One day later: the next one.
    let later = step.replace("2026-08-04", "2026-08-05");
    assert_eq!(exit(&kit(&later)).commission, d(2027, 6, 10));
}

#[test]
fn a_comite_is_not_a_commission() {
    // Start 2026-08-18 + 7 months = 2027-03-18, the comité's day: the commission is June's.
    let s = exit(&kit(&cdi("2026-08-18")));
    assert_eq!(s.commission, d(2027, 6, 10));
    // The comité of 18 March is more than 15 days after the start: linked by 3 March.
    assert_eq!(s.liaison_avant, Some(d(2027, 3, 3)));
}

#[test]
fn no_commission_that_late_is_31_december_provisional() {
    // Start 2026-12-01 + 7 months = 2027-07-01: none in the calendar that late.
    let s = exit(&kit(&cdi("2026-12-01")));
    assert_eq!(s.commission, d(2027, 12, 31));
    assert!(s.provisoire);
    // No cloture known; the comité of 18 March still asks for the link.
    assert_eq!(s.liaison_avant, Some(d(2027, 3, 3)));
    assert_eq!(s.courriers_avant, Some(d(2028, 1, 30)));
    assert_eq!(s.dossier_avant, Some(d(2028, 3, 30)));
    let empty = exit(&kit_with(&alice(&cdi("2026-12-01"), ""), ""));
    assert_eq!(
        (empty.commission, empty.provisoire, empty.liaison_avant),
        (d(2027, 12, 31), true, None)
    );
}

#[test]
fn the_validating_commission_sets_the_closing_deadlines() {
    // The seed's example: commission 2019-02-07 → file closed by 2019-05-06.
    let calendar = "- { date: 2019-02-07, cloture: 2019-01-24, type: commission }\n";
    let k = kit_with(
        &alice(
            &cdi("2018-06-01"),
            "  sortie: { date: 2018-12-31, commission: 2019-02-07 }\n",
        ),
        calendar,
    );
    k.assert_clean();
    let s = exit(&k);
    assert_eq!(s.commission, d(2019, 2, 7));
    assert_eq!(s.dossier_avant, Some(d(2019, 5, 6)));
    assert_eq!(s.courriers_avant, Some(d(2019, 3, 6)));
    // Exit on 31 December 2018, examined in 2019: archived with 2018.
    assert_eq!(s.annee_archive, Some(2018));
}

#[test]
fn a_yaml_problem_in_a_parcours_is_a_diagnostic_at_its_line() {
    let k = kit(&format!(
        "{}      duree_mois: six\n      salaire: 1800\n",
        cdi("2026-10-05")
    ));
    let wrong = k
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| k.kit.sources.location(d.span))
        .collect::<Vec<_>>();
    // Both problems of the step are reported, each at its line.
    assert!(
        wrong.iter().any(|l| l.starts_with(&format!("{ALICE}:14:"))),
        "{}",
        k.dump()
    );
    assert!(
        wrong.iter().any(|l| l.starts_with(&format!("{ALICE}:15:"))),
        "{}",
        k.dump()
    );
    assert!(k.find("salaire").message.contains("salaire"));
}
