//! Every output knows the files it was made from: what watch mode will use to
//! rebuild only the pages a changed file affects.

use carnet::render::Input;
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
    let files_of = |page: &str| -> Vec<String> {
        let written = built
            .outputs
            .iter()
            .find(|w| w.path == page)
            .expect("the page is written");
        written
            .inputs
            .iter()
            .filter_map(|i| match i {
                Input::File(f) => Some(built.input_files[*f].clone()),
                _ => None,
            })
            .collect()
    };
    let fiche = files_of("personnes/dupont-jeanne.html");
    assert!(
        fiche.contains(&"data/personnes/dupont-jeanne.yaml".to_string()),
        "{fiche:?}"
    );
    assert!(
        fiche.contains(&"data/personnes/martin-paul.yaml".to_string()),
        "mentor: {fiche:?}"
    );
    assert!(
        fiche.contains(&"data/sessions/2026-09.yaml".to_string()),
        "session: {fiche:?}"
    );
    assert!(
        !fiche.contains(&"data/personnes/roux-luc.yaml".to_string()),
        "unrelated: {fiche:?}"
    );
    let session = files_of("sessions/2026-09.html");
    assert!(
        session.contains(&"data/personnes/dupont-jeanne.yaml".to_string()),
        "{session:?}"
    );
    let list = built
        .outputs
        .iter()
        .find(|w| w.path == "personnes/index.html")
        .expect("list page");
    assert!(list.inputs.contains(&Input::AllRecords));
    let fiche_templates: Vec<&Input> = built
        .outputs
        .iter()
        .find(|w| w.path == "personnes/dupont-jeanne.html")
        .map(|w| {
            w.inputs
                .iter()
                .filter(|i| matches!(i, Input::Template(_)))
                .collect()
        })
        .unwrap_or_default();
    assert!(fiche_templates.contains(&&Input::Template("personne.html".into())));
}
