//! The club convocation rule at its edges (SPEC §2): sessions whose month
//! lies in [sessions_du, sessions_au], bounds included; people employed on
//! the build day left out (a job starting later does not count yet);
//! `ajouter` and `retirer`; each person once. The rows the exports and the
//! page show are in tests/exports.rs.

mod common;

use common::check;

fn personne(nom: &str, prenom: &str, extra: &str) -> String {
    format!("civilite: Mme\nnom: {nom}\nprenom: {prenom}\n{extra}")
}

/// A session of `mois` numbered by its month, with `who` enrolled.
fn session(mois: &str, who: &[&str]) -> String {
    format!(
        "numero: {}\nmois: \"{mois}\"\nateliers:\n  - date: {mois}-10\n    cycle: 1\ninscrits:\n{}",
        mois[5..].trim_start_matches('0'),
        who.iter()
            .map(|p| format!("  - personne: {p}\n    financement: CPF\n"))
            .collect::<String>()
    )
}

/// The (person id, session id) rows of club `c`, in their order.
fn rows(k: &common::Checked, club: &str) -> Vec<(String, Option<String>)> {
    k.club(club)
        .convocation
        .iter()
        .map(|r| {
            (
                k.kit.personnes[r.personne].id.clone(),
                r.session.map(|s| k.kit.sessions[s].id.clone()),
            )
        })
        .collect()
}

fn row(person: &str, session: Option<&str>) -> (String, Option<String>) {
    (person.to_string(), session.map(str::to_string))
}

#[test]
fn bounds_included_employment_on_the_build_day_and_each_person_once() {
    // The build day is 2026-11-26 (common::today).
    let k = check(&[
        ("data/personnes/avant.yaml", &personne("Avant", "Ana", "")),
        ("data/personnes/debut.yaml", &personne("Debut", "Bea", "")),
        ("data/personnes/fin.yaml", &personne("Fin", "Cleo", "")),
        ("data/personnes/apres.yaml", &personne("Apres", "Dora", "")),
        (
            "data/personnes/embauche.yaml",
            &personne(
                "Embauche",
                "Elsa",
                "situation:\n  emploi: true\n  depuis: 2026-11-26\n",
            ),
        ),
        (
            "data/personnes/bientot.yaml",
            &personne(
                "Bientot",
                "Fanny",
                "situation:\n  emploi: true\n  depuis: 2026-12-01\n",
            ),
        ),
        (
            "data/personnes/sans-date.yaml",
            &personne("Sansdate", "Gina", "situation:\n  emploi: true\n"),
        ),
        (
            "data/personnes/cherche.yaml",
            &personne("Cherche", "Hana", "situation:\n  emploi: false\n"),
        ),
        (
            "data/sessions/s-2026-08.yaml",
            &session("2026-08", &["avant"]),
        ),
        (
            "data/sessions/s-2026-09.yaml",
            &session("2026-09", &["debut", "embauche", "bientot", "cherche"]),
        ),
        (
            "data/sessions/s-2026-10.yaml",
            &session("2026-10", &["fin", "debut", "sans-date"]),
        ),
        (
            "data/sessions/s-2026-11.yaml",
            &session("2026-11", &["apres"]),
        ),
        (
            "data/clubs/c-2026-11.yaml",
            "mois: \"2026-11\"\nconvocation:\n  sessions_du: \"2026-09\"\n  sessions_au: \"2026-10\"\n",
        ),
    ]);
    k.assert_clean();
    assert_eq!(
        rows(&k, "c-2026-11"),
        vec![
            // Employed from next week: still looking today, convened.
            row("bientot", Some("s-2026-09")),
            row("cherche", Some("s-2026-09")),
            // In both sessions of the range: once, with the first.
            row("debut", Some("s-2026-09")),
            row("fin", Some("s-2026-10")),
        ]
    );
}

#[test]
fn retirer_wins_over_ajouter_and_an_added_person_already_listed_keeps_their_session() {
    let k = check(&[
        ("data/personnes/a.yaml", &personne("Aubert", "Ana", "")),
        ("data/personnes/b.yaml", &personne("Bodin", "Bea", "")),
        ("data/personnes/c.yaml", &personne("Colin", "Cleo", "")),
        (
            "data/personnes/d.yaml",
            &personne("Daniel", "Dora", "situation:\n  emploi: true\n"),
        ),
        (
            "data/sessions/s-2026-09.yaml",
            &session("2026-09", &["a", "d"]),
        ),
        (
            "data/clubs/c-2026-11.yaml",
            "mois: \"2026-11\"\nconvocation:\n  sessions_du: \"2026-09\"\n  sessions_au: \"2026-09\"\n  ajouter: [a, b, c, d]\n  retirer: [c]\n",
        ),
    ]);
    k.assert_clean();
    assert_eq!(
        rows(&k, "c-2026-11"),
        vec![
            row("a", Some("s-2026-09")),
            row("b", None),
            // Employed, but added by hand: the coordinator decided.
            row("d", None),
        ]
    );
}
