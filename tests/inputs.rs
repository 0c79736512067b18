//! Every output knows the files it was made from: what watch mode will use to
//! rebuild only the pages a changed file affects.

use carnet::{BuildOptions, Profile};
use chrono::NaiveDate;
use std::path::Path;

fn write(root: &Path, rel: &str, text: &str) {
    let path = root.join(rel);
    std::fs::create_dir_all(path.parent().expect("a parent")).expect("folders");
    std::fs::write(path, text).expect("write");
}

#[test]
fn each_output_depends_on_the_records_it_shows() {
    let kit = tempfile::tempdir().expect("temp dir");
    let root = kit.path();
    write(root, "carnet.yaml", "titre: Essai\n");
    write(
        root,
        "data/personnes/martin-paul.yaml",
        "civilite: M.\nnom: Martin\nprenom: Paul\nroles: [parrain, tuteur]\n",
    );
    write(
        root,
        "data/personnes/dupont-jeanne.yaml",
        "civilite: Mme\nnom: Dupont\nprenom: Jeanne\nroles: [stagiaire]\nparrainage:\n  parrain: martin-paul\n  debut: \"2026-09-01\"\n  historique:\n    - { parrain: petit-anne, debut: \"2026-06-01\", fin: \"2026-08-31\" }\n",
    );
    write(
        root,
        "data/personnes/petit-anne.yaml",
        "civilite: Mme\nnom: Petit\nprenom: Anne\nroles: [parrain, tuteur]\n",
    );
    write(
        root,
        "data/clubs/club-2026-10.yaml",
        "mois: \"2026-10\"\nconvocation:\n  sessions_du: \"2026-09\"\n  sessions_au: \"2026-09\"\n",
    );
    write(
        root,
        "data/personnes/roux-luc.yaml",
        "civilite: M.\nnom: Roux\nprenom: Luc\n",
    );
    write(
        root,
        "data/sessions/2026-09.yaml",
        "numero: 1\nmois: \"2026-09\"\ntuteurs: [martin-paul, petit-anne]\nateliers:\n  - { date: \"2026-09-07\", intitule: Accueil, cycle: 1 }\ninscrits:\n  - { personne: dupont-jeanne, financement: CPF }\n",
    );
    let out = tempfile::tempdir().expect("temp dir");
    let built = carnet::build(&BuildOptions {
        root: root.to_path_buf(),
        out: out.path().join("public"),
        profile: Profile::Interne,
        today: NaiveDate::from_ymd_opt(2026, 11, 26).expect("a date"),
        forms: true,
        exports: true,
        force: false,
    })
    .expect("the kit builds");
    let covers = |page: &str, file: &str| -> bool {
        built
            .outputs
            .iter()
            .find(|w| w.path == page)
            .unwrap_or_else(|| panic!("{page} is written"))
            .inputs
            .iter()
            .any(|i| i.covers(file))
    };
    let fiche = "personnes/dupont-jeanne.html";
    assert!(covers(fiche, "data/personnes/dupont-jeanne.yaml"));
    assert!(covers(fiche, "data/personnes/martin-paul.yaml"), "mentor");
    assert!(
        covers(fiche, "data/personnes/petit-anne.yaml"),
        "former mentor"
    );
    assert!(covers(fiche, "data/sessions/2026-09.yaml"), "session");
    assert!(!covers(fiche, "data/personnes/roux-luc.yaml"), "unrelated");
    assert!(covers(fiche, "templates/personne.html"), "its template");
    assert!(covers(fiche, "carnet.yaml"), "site settings");
    assert!(covers(
        "sessions/2026-09.html",
        "data/personnes/dupont-jeanne.yaml"
    ));
    let list = "personnes/index.html";
    assert!(
        covers(list, "data/personnes/someone-new.yaml"),
        "a list reads its kind"
    );
    assert!(
        !covers(list, "data/operateurs/acme.yaml"),
        "and not the others"
    );
    assert!(!covers(
        "operateurs/index.html",
        "data/personnes/roux-luc.yaml"
    ));
    let sessions = "sessions/index.html";
    assert!(
        covers(sessions, "data/personnes/dupont-jeanne.yaml"),
        "the sessions list counts the people enrolled"
    );
    assert!(!covers(sessions, "data/personnes/roux-luc.yaml"));
    let club = "clubs/club-2026-10.html";
    assert!(
        covers(club, "data/sessions/2026-09.yaml"),
        "a club's convocation reads the sessions"
    );
    assert!(
        covers(club, "data/personnes/dupont-jeanne.yaml"),
        "and the people they enrol (employed or not)"
    );
    let form = "formulaires/fiche-parrainage/personne/dupont-jeanne.pdf";
    assert!(covers(form, "data/personnes/martin-paul.yaml"));
    assert!(
        covers(form, "data/personnes/petit-anne.yaml"),
        "a tutor of the session printed"
    );
    assert!(
        covers(form, "content/pages/charte-parrainage.md"),
        "the charter, even before the kit has one"
    );
    assert!(covers(form, "templates/forms/fiche-parrainage.yaml"));
}
