//! No output overwrites another: a kit of hostile ids (a record named
//! `index`, a club and a session sharing an id, two ateliers on one date, an
//! event named like a person) is refused where an id clashes with carnet's
//! own pages, and otherwise built with one file per output, each link to a
//! PDF reaching its own file. Expected values are written by hand from the input.

mod common;

use carnet::Profile;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

const INDEX: &str = "data/personnes/index.yaml";

/// The hostile kit, with or without the person whose id is `index`.
fn hostile_kit(with_index: bool) -> Vec<(&'static str, String)> {
    let person = |nom: &str, prenom: &str, extra: &str| {
        format!("civilite: Mme\nnom: {nom}\nprenom: {prenom}\n{extra}")
    };
    let mut files = vec![
        ("carnet.yaml", "titre: Essai\norganisation: Essor\n".to_string()),
        (
            "data/personnes/dupont-jean.yaml",
            person(
                "Dupont",
                "Jeanne",
                "inscriptions: [{ session: s-2026-10, financement: CPF }]\nclubs: [s-2026-10]\n",
            ),
        ),
        // A person whose id is also an event's.
        (
            "data/personnes/salon.yaml",
            person("Salon", "Sophie", ""),
        ),
        (
            "data/personnes/tuteur-paul.yaml",
            person("Tuteur", "Paule", "roles: [tuteur]\n"),
        ),
        // A session and a club with the same id; two ateliers on one date in
        // cycle 1 of the session, and two on one date in the club.
        (
            "data/sessions/s-2026-10.yaml",
            "numero: 7\nmois: \"2026-10\"\ntuteurs: [tuteur-paul]\nateliers:\n\
             \x20 - { date: \"2026-10-05\", intitule: Accueil du matin, cycle: 1, presences: { dupont-jean: present } }\n\
             \x20 - { date: \"2026-10-05\", intitule: Accueil de l'après-midi, cycle: 1, presences: { dupont-jean: present } }\n"
                .to_string(),
        ),
        (
            "data/clubs/s-2026-10.yaml",
            "mois: \"2026-10\"\ntuteur: tuteur-paul\nateliers:\n\
             \x20 - { date: \"2026-10-06\", intitule: Atelier curriculum vitae, presences: { dupont-jean: present } }\n\
             \x20 - { date: \"2026-10-06\", intitule: Atelier lettre de motivation, presences: { dupont-jean: present } }\n"
                .to_string(),
        ),
        (
            "data/evenements/salon.yaml",
            "type: salon\ntitre: Salon de l'emploi\ndate: \"2026-10-20\"\nlieu: Parc\nphotos: true\n\
             participants: [{ personne: dupont-jean, present: true }, { personne: salon, present: true }]\n"
                .to_string(),
        ),
    ];
    if with_index {
        files.push((INDEX, person("Index", "Inès", "")));
        files.push((
            "data/evenements/index.yaml",
            "type: salon\ntitre: Forum\ndate: \"2026-10-21\"\n".to_string(),
        ));
    }
    files
}

fn refs<'a>(files: &'a [(&'static str, String)]) -> Vec<(&'a str, &'a str)> {
    files.iter().map(|(p, c)| (*p, c.as_str())).collect()
}

#[test]
fn an_id_that_names_a_list_page_is_an_error_at_its_file() {
    let kit = hostile_kit(true);
    let k = common::check(&refs(&kit));
    let mut found = k.locations("l'identifiant « index » est réservé");
    found.sort();
    assert_eq!(
        found,
        [
            "data/evenements/index.yaml:1:1".to_string(),
            format!("{INDEX}:1:1")
        ],
        "{}",
        k.dump()
    );
    let d = k.error_at("réservé : personnes/index.html", &format!("{INDEX}:1:1"));
    assert!(
        d.expected
            .as_deref()
            .is_some_and(|e| e.contains("data/personnes/index-1.yaml")),
        "{d:?}"
    );
    assert_eq!(k.errors().len(), 2, "{}", k.dump());
}

/// Every file under `dir`, by path relative to it, with `/`.
fn read_tree(root: &Path, dir: &Path, files: &mut BTreeMap<String, Vec<u8>>) {
    for entry in std::fs::read_dir(dir).expect("read a folder of the output") {
        let path = entry.expect("an entry").path();
        if path.is_dir() {
            read_tree(root, &path, files);
        } else {
            let rel = path.strip_prefix(root).expect("inside the output");
            let rel = rel.to_string_lossy().replace('\\', "/");
            files.insert(rel, std::fs::read(&path).expect("read an output file"));
        }
    }
}

/// The PDF links of a page: (target resolved from the output root, link text).
fn pdf_links(page: &str, html: &str) -> Vec<(String, String)> {
    let depth = page.matches('/').count();
    let mut found = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<a href=\"") {
        rest = &rest[start + 9..];
        let Some(end) = rest.find('"') else { break };
        let href = &rest[..end];
        let text_start = rest.find('>').map_or(0, |i| i + 1);
        let text_end = rest.find("</a>").unwrap_or(text_start);
        if href.ends_with(".pdf") {
            let up = "../".repeat(depth);
            let target = href
                .strip_prefix(&up)
                .unwrap_or_else(|| panic!("{page}: the link {href} does not start from the root"));
            found.push((target.to_string(), rest[text_start..text_end].to_string()));
        }
    }
    found
}

#[test]
fn hostile_ids_build_one_file_per_output_and_distinct_pdfs() {
    let kit = hostile_kit(false);
    let done = common::build_with_forms(&kit, Profile::Interne);
    let (out, built) = (&done.out, &done.built);
    let mut files = BTreeMap::new();
    read_tree(out, out, &mut files);
    // carnet's own marker (which tells the next build the folder is its own) is no output.
    assert!(files.remove(".carnet-sortie").is_some());

    // The summary counts what is on disk: nothing was written over.
    assert_eq!(files.len(), built.files, "files on disk vs summary");
    let pages = files.keys().filter(|p| p.ends_with(".html")).count();
    let pdfs = files.keys().filter(|p| p.ends_with(".pdf")).count();
    assert_eq!((built.pages, built.pdfs), (pages, pdfs));

    // Each club atelier of 06/10 has its own sheet, showing its own title.
    let sheet = |path: &str| {
        let pdf = files
            .get(path)
            .unwrap_or_else(|| panic!("{path} missing: {:#?}", files.keys()));
        let text = pdf_extract::extract_text_from_mem(pdf).expect("pdf-extract reads it");
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    };
    let first = sheet("formulaires/feuille-presence-club/club/s-2026-10/2026-10-06.pdf");
    let second = sheet("formulaires/feuille-presence-club/club/s-2026-10/2026-10-06-2.pdf");
    assert!(
        first.contains("Atelier curriculum vitae") && !first.contains("lettre de motivation"),
        "{first}"
    );
    assert!(
        second.contains("Atelier lettre de motivation") && !second.contains("curriculum"),
        "{second}"
    );

    // The session and the club named alike each have their own attestation;
    // the event and the person named alike do not meet either.
    for path in [
        "formulaires/attestation-participation/session/s-2026-10/dupont-jean.pdf",
        "formulaires/attestation-participation/club/s-2026-10/dupont-jean.pdf",
        "formulaires/attestation-participation/evenement/salon/dupont-jean.pdf",
        "formulaires/attestation-participation/evenement/salon/salon.pdf",
        "formulaires/droit-image/evenement/salon/salon.pdf",
        "formulaires/mise-a-jour-donnees/personne/salon.pdf",
        "sessions/s-2026-10.html",
        "clubs/s-2026-10.html",
        "personnes/salon.html",
        "evenements/salon.html",
    ] {
        assert!(files.contains_key(path), "{path} missing");
    }
    let session_cert =
        sheet("formulaires/attestation-participation/session/s-2026-10/dupont-jean.pdf");
    let club_cert = sheet("formulaires/attestation-participation/club/s-2026-10/dupont-jean.pdf");
    assert!(
        session_cert.contains("Accueil du matin") && !session_cert.contains("curriculum"),
        "{session_cert}"
    );
    assert!(
        club_cert.contains("Atelier curriculum vitae") && !club_cert.contains("Accueil"),
        "{club_cert}"
    );

    // Every PDF link reaches a file, and two different links never share one.
    let mut text_of: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (page, html) in files.iter().filter(|(p, _)| p.ends_with(".html")) {
        let html = String::from_utf8_lossy(html);
        for (target, text) in pdf_links(page, &html) {
            assert!(files.contains_key(&target), "{page}: {target} missing");
            text_of.entry(target).or_default().insert(text);
        }
    }
    for (target, texts) in &text_of {
        assert_eq!(texts.len(), 1, "{target} is reached by {texts:?}");
    }
    // Two filled forms never share a link text either (the blank forms are
    // named by their layout's `nom`, which two layouts may share).
    let filled: Vec<&BTreeSet<String>> = text_of
        .iter()
        .filter(|(target, _)| !target.starts_with("formulaires/vierges/"))
        .map(|(_, texts)| texts)
        .collect();
    let links: BTreeSet<&String> = filled.iter().copied().flatten().collect();
    assert_eq!(
        links.len(),
        filled.len(),
        "one file per link text: {text_of:#?}"
    );
    // Every PDF written is linked from some page.
    assert_eq!(text_of.len(), pdfs, "{text_of:#?}");
}
