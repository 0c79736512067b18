//! `carnet presences SESSION|CLUB DATE` through the binary: the presence block
//! of a held atelier is written with everyone expected present, and nothing
//! else of the file changes (comments, order, quoting, flow maps).

mod common;

use carnet::model::Statut;
use common::run_carnet;
use std::path::Path;
use tempfile::TempDir;

const TODAY: &str = "2026-11-26";

fn person(nom: &str, prenom: &str, roles: &str, extra: &str) -> String {
    format!("civilite: Mme\nnom: {nom}\nprenom: {prenom}\nroles: [{roles}]\n{extra}")
}

/// Full of comments, flow maps and quoted values; leroy-anne joins on 11-12,
/// petit-marc is enrolled from his own file.
const SESSION: &str = "# Session de novembre — tenue par Claire
numero: 7   # septième
mois: '2026-11'
tuteurs: [martin-claire]   # une seule tutrice
ateliers:
  # Premier atelier
  - date: \"2026-11-03\"
    intitule: 'Atelier CV : « le bon format »'
    cycle: 1   # formation
    presences: {dupont-jean: present, petit-marc: {statut: absent, commentaire: \"malade\"}}
  - date: \"2026-11-10\"   # deuxième
    intitule: \"Atelier lettre\"
    cycle: 1
    # les présences viendront
  - {date: \"2026-11-17\", intitule: \"Simulation d'entretien\", cycle: 2 }
  - date: \"2026-11-30\"
    cycle: 2
inscrits:
  - {personne: dupont-jean, financement: CPF}
  - personne: leroy-anne
    financement: \"France Travail\"
    depuis: \"2026-11-12\"
";

const CLUB: &str = "mois: \"2026-10\"
tuteur: martin-claire
ateliers:
  - date: \"2026-10-15\" # jeudi
  - date: \"2026-11-19\"
inscrits: [dupont-jean]
";

fn kit() -> TempDir {
    let dupont = person("Dupont", "Jean", "stagiaire", "");
    let leroy = person("Leroy", "Anne", "stagiaire", "");
    let petit = person(
        "Petit",
        "Marc",
        "stagiaire",
        "inscriptions:\n  - session: \"2026-11\"\n    financement: CPF\n",
    );
    let martin = person("Martin", "Claire", "tuteur", "");
    common::write_kit(&[
        ("carnet.yaml", b"titre: Essai\norganisation: Essai\n"),
        ("data/personnes/dupont-jean.yaml", dupont.as_bytes()),
        ("data/personnes/leroy-anne.yaml", leroy.as_bytes()),
        ("data/personnes/petit-marc.yaml", petit.as_bytes()),
        ("data/personnes/martin-claire.yaml", martin.as_bytes()),
        ("data/sessions/2026-11.yaml", SESSION.as_bytes()),
        ("data/clubs/club-2026-10.yaml", CLUB.as_bytes()),
    ])
}

fn read(kit: &Path, path: &str) -> String {
    std::fs::read_to_string(kit.join(path)).expect("read a kit file")
}

fn stderr(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn presences(kit: &Path, id: &str, date: &str) -> std::process::Output {
    run_carnet(&["presences", id, date, "--today", TODAY], kit)
}

/// Runs the command from `dir` and asserts that it succeeds and that the
/// file at `path` of `kit` is then exactly `expected`.
fn assert_writes(kit: &Path, dir: &Path, id: &str, date: &str, path: &str, expected: &str) {
    let out = presences(dir, id, date);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(said.contains(path), "names the file written: {said}");
    assert_eq!(read(kit, path), expected);
}

/// Checks the kit: no error, no diagnostic about `path`, and the statuses of
/// the atelier of `date` in the session or club `id`, by person id.
fn statuses(kit: &Path, id: &str, date: &str, path: &str) -> Vec<(String, Statut)> {
    let (model, diagnostics) = common::check_dir(kit);
    let about: Vec<String> = diagnostics
        .iter()
        .filter(|d| {
            model.sources.path(d.span.file) == path
                || d.severity == carnet::diagnostic::Severity::Error
        })
        .map(|d| d.one_line(&model.sources))
        .collect();
    assert!(about.is_empty(), "{about:#?}");
    let activity = model
        .sessions
        .iter()
        .chain(&model.clubs)
        .find(|a| a.id == id)
        .expect("the activity");
    let atelier = activity
        .ateliers
        .iter()
        .find(|a| a.date.to_string() == date)
        .expect("the atelier");
    atelier
        .attendance
        .iter()
        .map(|a| (model.personnes[a.personne].id.clone(), a.statut))
        .collect()
}

#[test]
fn a_block_atelier_gets_its_presences_and_nothing_else_changes() {
    let kit = kit();
    let expected = SESSION.replace(
        "    cycle: 1\n    # les présences viendront\n",
        "    cycle: 1\n    presences:\n      dupont-jean: present\n      petit-marc: present\n    # les présences viendront\n",
    );
    assert_ne!(expected, SESSION);
    // From a subfolder, like `check`.
    let sessions = kit.path().join("data/sessions");
    let path = "data/sessions/2026-11.yaml";
    assert_writes(
        kit.path(),
        &sessions,
        "2026-11",
        "2026-11-10",
        path,
        &expected,
    );
    // leroy-anne joined on 11-12: not expected on 11-10.
    assert_eq!(
        statuses(
            kit.path(),
            "2026-11",
            "2026-11-10",
            "data/sessions/2026-11.yaml"
        ),
        [
            ("dupont-jean".to_string(), Statut::Present),
            ("petit-marc".to_string(), Statut::Present),
        ]
    );
    let check = run_carnet(&["check", "--today", TODAY], kit.path());
    assert_eq!(check.status.code(), Some(0), "{}", stderr(&check));
}

#[test]
fn a_flow_atelier_gets_a_flow_presences_entry() {
    let kit = kit();
    let expected = SESSION.replace(
        "cycle: 2 }",
        "cycle: 2, presences: {dupont-jean: present, leroy-anne: present, petit-marc: present} }",
    );
    let path = "data/sessions/2026-11.yaml";
    assert_writes(
        kit.path(),
        kit.path(),
        "2026-11",
        "2026-11-17",
        path,
        &expected,
    );
    let all = statuses(
        kit.path(),
        "2026-11",
        "2026-11-17",
        "data/sessions/2026-11.yaml",
    );
    assert_eq!(all.len(), 3);
    assert!(all.iter().all(|(_, s)| *s == Statut::Present), "{all:?}");
}

#[test]
fn a_second_run_refuses_and_leaves_the_file_alone() {
    let kit = kit();
    assert_eq!(
        presences(kit.path(), "2026-11", "2026-11-10").status.code(),
        Some(0)
    );
    let once = read(kit.path(), "data/sessions/2026-11.yaml");
    let again = presences(kit.path(), "2026-11", "2026-11-10");
    assert_eq!(again.status.code(), Some(2));
    assert!(
        stderr(&again).contains("a déjà des présences"),
        "{}",
        stderr(&again)
    );
    assert_eq!(read(kit.path(), "data/sessions/2026-11.yaml"), once);
    // Presences written by hand count too.
    let by_hand = presences(kit.path(), "2026-11", "2026-11-03");
    assert_eq!(by_hand.status.code(), Some(2));
    assert_eq!(read(kit.path(), "data/sessions/2026-11.yaml"), once);
}

#[test]
fn an_empty_presences_key_is_named_not_doubled() {
    let kit = kit();
    for empty in ["    presences: {}\n", "    presences:\n"] {
        let club = CLUB.replace("# jeudi\n", &format!("# jeudi\n{empty}"));
        std::fs::write(kit.path().join("data/clubs/club-2026-10.yaml"), &club).expect("write");
        let out = presences(kit.path(), "club-2026-10", "2026-10-15");
        assert_eq!(out.status.code(), Some(2), "{empty:?}");
        assert!(
            stderr(&out).contains("presences vide") || stderr(&out).contains("pas même vide"),
            "{empty:?}: {}",
            stderr(&out)
        );
        assert_eq!(read(kit.path(), "data/clubs/club-2026-10.yaml"), club);
    }
}

#[test]
fn an_unknown_date_lists_the_ateliers_and_an_unknown_record_is_named() {
    let kit = kit();
    let out = presences(kit.path(), "2026-11", "2026-11-11");
    assert_eq!(out.status.code(), Some(2));
    let message = stderr(&out);
    assert!(
        message.contains("la session « 2026-11 » n'a pas d'atelier le 2026-11-11")
            && message.contains("2026-11-03, 2026-11-10, 2026-11-17, 2026-11-30"),
        "{message}"
    );
    let out = presences(kit.path(), "2026-12", "2026-12-01");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("aucune session ni aucun club « 2026-12 »"),
        "{}",
        stderr(&out)
    );
    let out = presences(kit.path(), "2026-11", "10/11/2026");
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("AAAA-MM-JJ"), "{}", stderr(&out));
    assert_eq!(read(kit.path(), "data/sessions/2026-11.yaml"), SESSION);
}

#[test]
fn an_atelier_to_come_is_refused() {
    let kit = kit();
    let out = presences(kit.path(), "2026-11", "2026-11-30");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("n'a pas encore eu lieu"),
        "{}",
        stderr(&out)
    );
    assert_eq!(read(kit.path(), "data/sessions/2026-11.yaml"), SESSION);
}

#[test]
fn a_club_works_too() {
    let kit = kit();
    let expected = CLUB.replace(
        "# jeudi\n",
        "# jeudi\n    presences:\n      dupont-jean: present\n",
    );
    let path = "data/clubs/club-2026-10.yaml";
    assert_writes(
        kit.path(),
        kit.path(),
        "club-2026-10",
        "2026-10-15",
        path,
        &expected,
    );
    assert_eq!(
        statuses(
            kit.path(),
            "club-2026-10",
            "2026-10-15",
            "data/clubs/club-2026-10.yaml"
        ),
        [("dupont-jean".to_string(), Statut::Present)]
    );
}

#[test]
fn a_file_that_cannot_be_read_is_named_and_left_alone() {
    let kit = kit();
    let broken = "mois: \"2026-11\"\nateliers: [\n";
    std::fs::write(kit.path().join("data/sessions/2026-11.yaml"), broken).expect("write");
    let out = presences(kit.path(), "2026-11", "2026-11-10");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("data/sessions/2026-11.yaml n'a pas pu être lu"),
        "{}",
        stderr(&out)
    );
    assert_eq!(read(kit.path(), "data/sessions/2026-11.yaml"), broken);
}
