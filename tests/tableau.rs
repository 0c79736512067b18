//! The tableau de bord, the home page and the parrainages as a coordinator
//! reads them (build day 2026-11-26): in the internal profile, every task,
//! atelier without presences and warning is a sentence naming the person,
//! grouped by who must act; in the public profile, nothing internal shows, not
//! even a figure. Ongoing mentorships show the time since the last interview,
//! late ones first, and per mentor.

mod common;

use carnet::Profile;
use common::{CONFIG, page};

/// Staff: one person per role, so that each group of the tableau is named.
const LEMOINE: &str = "civilite: Mme\nnom: Lemoine\nprenom: Catherine\nroles: [responsable_emploi]\nemail: c.lemoine@example.org\n";
const FABRE: &str = "civilite: M.\nnom: Fabre\nprenom: Olivier\nroles: [responsable_parrains]\nemail: o.fabre@example.org\n";
const NGUYEN: &str = "civilite: Mme\nnom: Nguyen\nprenom: Lan\nroles: [responsable_rsa]\nemail: l.nguyen@example.org\n";
/// The tutor of the session, and the mentor of both mentees.
const MARTIN_CLAIRE: &str = "civilite: Mme\nnom: Martin\nprenom: Claire\nroles: [tuteur, parrain]\nemail: c.martin@example.org\n";

/// No email; a mentorship whose last interview is 1 August (117 days ago).
const MARTIN_PAUL: &str = "civilite: M.
nom: Martin
prenom: Paul
parrainage:
  parrain: martin-claire
  debut: \"2026-06-01\"
  entretiens:
    - date: \"2026-08-01\"
";

/// RSA, absent without excuse on 3 November, mentored since 5 November
/// (21 days) without an interview yet.
const DUPONT: &str = "civilite: M.
nom: Dupont
prenom: Jean
email: j.dupont@example.org
parrainage:
  parrain: martin-claire
  debut: \"2026-11-05\"
";

/// The canary: refused the annuaire, no email, enrolled without financement.
const CANARI: &str = "civilite: Mme
nom: Canari
prenom: Zoé
annuaire:
  nom: false
";

/// Held with presences (11-03), held without (11-10), to come (11-30).
const SESSION: &str = "numero: 7
mois: \"2026-11\"
tuteurs: [martin-claire]
ateliers:
  - date: \"2026-11-03\"
    intitule: Atelier CV
    cycle: 1
    presences:
      dupont-jean: absent
      martin-paul: present
      canari-zoe: present
  - date: \"2026-11-10\"
    intitule: Atelier lettre
    cycle: 1
  - date: \"2026-11-30\"
    intitule: Atelier bilan
    cycle: 2
inscrits:
  - personne: dupont-jean
    financement: RSA
    caf: \"123\"
    cli: \"456\"
  - personne: martin-paul
    financement: CPF
  - personne: canari-zoe
";

const FORUM: &str = "type: salon
titre: Forum emploi
date: \"2026-11-20\"
photos: true
participants:
  - personne: martin-paul
    present: true
";

fn files() -> Vec<(&'static str, String)> {
    [
        ("carnet.yaml", CONFIG),
        ("data/personnes/lemoine-catherine.yaml", LEMOINE),
        ("data/personnes/fabre-olivier.yaml", FABRE),
        ("data/personnes/nguyen-lan.yaml", NGUYEN),
        ("data/personnes/martin-claire.yaml", MARTIN_CLAIRE),
        ("data/personnes/martin-paul.yaml", MARTIN_PAUL),
        ("data/personnes/dupont-jean.yaml", DUPONT),
        ("data/personnes/canari-zoe.yaml", CANARI),
        ("data/sessions/2026-11.yaml", SESSION),
        ("data/evenements/forum.yaml", FORUM),
    ]
    .into_iter()
    .map(|(p, c)| (p, c.to_string()))
    .collect()
}

/// The section of the tableau de bord of the group whose heading starts with `heading`.
fn group<'a>(tableau: &'a str, heading: &str) -> &'a str {
    tableau
        .split("<section class=\"acteur\"")
        .skip(1)
        .find(|s| s.contains(&format!(">{heading} — ")))
        .unwrap_or_else(|| panic!("no group « {heading} » in:\n{tableau}"))
}

/// `text` without its HTML tags, to read sentences across links.
fn words(text: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in text.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&#x27;", "'")
}

#[test]
fn the_internal_tableau_groups_sentences_by_who_must_act() {
    let built = common::build_with_forms(&files(), Profile::Interne);
    let tableau = page(&built, "tableau-de-bord/index.html");

    let tutor = group(&tableau, "Tutrice");
    assert!(
        tutor.contains("<a href=\"../personnes/martin-claire.html\">Claire MARTIN</a>"),
        "the tutor is named and linked: {tutor}"
    );
    let tutor_text = words(tutor);
    assert!(
        tutor_text.contains("Présences à saisir (1)"),
        "{tutor_text}"
    );
    assert!(tutor_text.contains("10 novembre 2026"), "{tutor_text}");
    assert!(
        tutor.contains("<a href=\"../personnes/martin-paul.html\">Paul MARTIN</a>"),
        "{tutor}"
    );
    assert!(
        tutor_text.contains(
            "Paul MARTIN : pas d'adresse électronique, à lui demander au prochain atelier de Session 7 — novembre 2026."
        ),
        "{tutor_text}"
    );
    assert!(
        tutor_text.contains("Zoé CANARI : pas d'adresse électronique"),
        "{tutor_text}"
    );
    // The warning of the session's file: a sentence, its record linked, and where it is in small.
    assert!(
        tutor_text
            .contains("Session 7 — novembre 2026 : inscription de Zoé CANARI sans financement"),
        "{tutor_text}"
    );
    assert!(
        tutor.contains(
            "<small class=\"where\"><code>data/sessions/2026-11.yaml:25:15</code></small>"
        ),
        "{tutor}"
    );

    let mentoring = words(group(&tableau, "Responsable des parrains"));
    assert!(mentoring.contains("Olivier FABRE"), "{mentoring}");
    assert!(
        mentoring.contains(
            "Paul MARTIN : aucun entretien de parrainage depuis le 1er août 2026 (marraine : Claire MARTIN)."
        ),
        "{mentoring}"
    );
    assert!(
        !mentoring.contains("Jean DUPONT"),
        "21 days is not late: {mentoring}"
    );

    let rsa = words(group(&tableau, "Responsable RSA"));
    assert!(
        rsa.contains(
            "Jean DUPONT : absence non excusée le 3 novembre 2026, Session 7 — novembre 2026 (bénéficiaire du RSA en parrainage)."
        ),
        "{rsa}"
    );

    let emploi = words(group(&tableau, "Responsable emploi"));
    assert!(emploi.contains("Catherine LEMOINE"), "{emploi}");
    assert!(
        emploi.contains(
            "Paul MARTIN : droit à l'image non signé, photos de Forum emploi (20 novembre 2026)."
        ),
        "{emploi}"
    );
    assert!(
        !emploi.contains("pas d'adresse électronique") && !emploi.contains("Présences à saisir"),
        "the tutor's tasks are not the responsable emploi's: {emploi}"
    );
}

#[test]
fn without_a_tutor_the_responsable_emploi_acts_and_a_fiche_s_warning_links_the_fiche() {
    let files: Vec<(&str, String)> = files()
        .into_iter()
        .map(|(path, text)| match path {
            "data/sessions/2026-11.yaml" => (path, text.replace("tuteurs: [martin-claire]\n", "")),
            // An interview dated ahead: a warning at its date, line 10.
            "data/personnes/canari-zoe.yaml" => (
                path,
                format!("{text}parrainage:\n  parrain: martin-claire\n  debut: \"2026-11-20\"\n  entretiens:\n    - date: \"2026-12-05\"\n"),
            ),
            _ => (path, text),
        })
        .collect();
    let built = common::build_with_forms(&files, Profile::Interne);
    let tableau = page(&built, "tableau-de-bord/index.html");
    assert!(
        !tableau.contains(">Tutrice — "),
        "no tutor, no tutor group: {tableau}"
    );
    let emploi = group(&tableau, "Responsable emploi");
    let text = words(emploi);
    assert!(text.contains("Présences à saisir (1)"), "{text}");
    assert!(
        text.contains("Paul MARTIN : pas d'adresse électronique"),
        "{text}"
    );
    assert!(
        emploi.contains("<a href=\"../personnes/canari-zoe.html\">Zoé CANARI</a> : "),
        "the warning of a fiche starts with its link: {emploi}"
    );
    assert!(
        emploi.contains("<code>data/personnes/canari-zoe.yaml:10:13</code>"),
        "{emploi}"
    );
}

#[test]
fn a_public_reader_sees_no_internal_figure_or_text_and_an_internal_one_does() {
    let internal = common::build_with_forms(&files(), Profile::Interne);
    let public = common::build_with_forms(&files(), Profile::Public);
    // Counted by hand from the kit: tasks = 2 without email (Paul, Zoé), 1
    // late mentorship (Paul), 1 RSA absence (Jean), 1 image release (Paul).
    let figures = [
        "<strong>5</strong> tâches",
        "<strong>1</strong> présences à saisir",
    ];
    let canaries = [
        "CANARI",
        "Canari",
        "sans financement",
        "Atelier lettre",
        "tâches",
        "avertissements de validation",
        "tile-count",
        "class=\"figure",
        "Paul MARTIN",
        "bénéficiaire du RSA",
    ];
    for path in ["index.html", "tableau-de-bord/index.html"] {
        let inside = page(&internal, path);
        for figure in figures {
            assert!(
                inside.contains(figure),
                "{path} (interne) lacks {figure}: {inside}"
            );
        }
        let outside = page(&public, path);
        for canary in canaries {
            assert!(
                !outside.contains(canary),
                "{path} (public) shows « {canary} »:\n{outside}"
            );
        }
        assert!(
            outside.contains("Atelier bilan"),
            "a public reader sees what is on: {outside}"
        );
    }
    let home = page(&internal, "index.html");
    assert!(
        home.contains("<span class=\"tile-count\">7</span>"),
        "seven people in the internal home: {home}"
    );
    assert!(page(&internal, "tableau-de-bord/index.html").contains("Zoé CANARI"));
}

#[test]
fn ongoing_mentorships_show_the_time_since_the_last_interview_late_first_and_per_mentor() {
    let built = common::build_with_forms(&files(), Profile::Interne);
    let parrainages = page(&built, "parrainages/index.html");
    let ongoing = parrainages
        .split("id=\"en-cours\"")
        .nth(1)
        .and_then(|s| s.split("</table>").next())
        .unwrap_or_else(|| panic!("no table of ongoing mentorships: {parrainages}"));
    let text = words(ongoing);
    let paul = text.find("MARTIN Paul").expect("Paul's row");
    let jean = text.find("DUPONT Jean").expect("Jean's row");
    assert!(
        paul < jean,
        "the late one first, although DUPONT sorts before MARTIN: {text}"
    );
    assert!(text.contains("il y a 3 mois"), "117 days: {text}");
    assert!(text.contains("en retard"), "{text}");
    assert!(
        text.contains("aucun entretien (début il y a 3 semaines)"),
        "21 days since the start, no interview: {text}"
    );

    let per_mentor = parrainages
        .split("id=\"par-parrain\"")
        .nth(1)
        .unwrap_or_else(|| panic!("no view per mentor: {parrainages}"));
    let mentor = per_mentor
        .split("<section class=\"mentor\">")
        .nth(1)
        .expect("a mentor's section");
    assert!(mentor.contains("MARTIN Claire"), "{mentor}");
    assert!(
        mentor.contains("MARTIN Paul") && mentor.contains("DUPONT Jean"),
        "both mentees under their mentor: {mentor}"
    );

    let public = common::build_with_forms(&files(), Profile::Public);
    let parrainages = page(&public, "parrainages/index.html");
    for internal in ["il y a", "aucun entretien", "en retard", "par-parrain"] {
        assert!(
            !parrainages.contains(internal),
            "public parrainages show « {internal} »: {parrainages}"
        );
    }
}

#[test]
fn a_club_meeting_within_two_weeks_asks_its_tutor_to_send_the_convocation() {
    let club = |mois: &str, date: &str| {
        format!(
            "mois: \"{mois}\"\ntuteur: martin-claire\nateliers:\n  - date: \"{date}\"\n    intitule: Point candidatures\nconvocation:\n  sessions_du: \"2026-11\"\n  sessions_au: \"2026-11\"\n"
        )
    };
    let mut files = files();
    // 3 December is 7 days after the build day (26 November); 20 December, 24 days.
    files.push((
        "data/clubs/club-2026-12.yaml",
        club("2026-12", "2026-12-03"),
    ));
    files.push((
        "data/clubs/club-2027-01.yaml",
        club("2026-12", "2026-12-20"),
    ));
    let built = common::build_with_forms(&files, Profile::Interne);
    let tableau = page(&built, "tableau-de-bord/index.html");
    let tutor = group(&tableau, "Tutrice");
    let section = &tutor[tutor
        .find("Convocations à envoyer")
        .expect("the convocations")..];
    let section = &section[..section.find("</section>").expect("its end")];
    // The three people of the November session, none employed, are convened.
    assert!(
        words(section).contains("prochain atelier le 3 décembre 2026, 3 personne(s) à convoquer"),
        "{section}"
    );
    assert!(
        section.contains("href=\"../clubs/convocation/club-2026-12.html\""),
        "{section}"
    );
    assert!(!section.contains("club-2027-01"), "{section}");
}
