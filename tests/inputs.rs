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
fn a_fiche_depends_on_its_records_and_a_list_on_all_records() {
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
        "civilite: Mme\nnom: Dupont\nprenom: Jeanne\nparrainage:\n  parrain: martin-paul\n  debut: \"2026-09-01\"\n",
    );
    write(
        root,
        "data/personnes/roux-luc.yaml",
        "civilite: M.\nnom: Roux\nprenom: Luc\n",
    );
    write(
        root,
        "data/sessions/2026-09.yaml",
        "numero: 1\nmois: \"2026-09\"\ntuteurs: [martin-paul]\nateliers:\n  - { date: \"2026-09-07\", intitule: Accueil, cycle: 1 }\ninscrits:\n  - { personne: dupont-jeanne, financement: CPF }\n",
    );
    let out = tempfile::tempdir().expect("temp dir");
    let built = carnet::build(&BuildOptions {
        root: root.to_path_buf(),
        out: out.path().join("public"),
        profile: Profile::Interne,
        today: NaiveDate::from_ymd_opt(2026, 11, 26).expect("a date"),
        forms: false,
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
}
