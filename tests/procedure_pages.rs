//! The pages of the procedure reference as a reader gets them: the example
//! kit's index, a procedure with its numbered steps, branches and links, a
//! role's page gathering steps from several procedures, a document's page,
//! the files to download with their size; a kit of procedures only builds.

mod common;

use carnet::Profile;
use std::path::{Path, PathBuf};

/// Builds the kit at `kit` without PDF forms; the output folder.
fn build(kit: &Path, out: &Path, profile: Profile) -> PathBuf {
    let out = out.join("site");
    carnet::build(&carnet::BuildOptions {
        root: kit.to_path_buf(),
        out: out.clone(),
        profile,
        today: common::today(),
        forms: false,
        exports: true,
        force: true,
    })
    .unwrap_or_else(|e| match e {
        carnet::Failure::Invalid { report, .. } => panic!("{report}"),
        carnet::Failure::Io(m) | carnet::Failure::Template(m) | carnet::Failure::Refused(m) => {
            panic!("{m}")
        }
    });
    out
}

fn read(out: &Path, path: &str) -> String {
    std::fs::read_to_string(out.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Every `href="…"` of a page that is not an anchor of the page itself,
/// resolved from the page's folder (without its `#fragment`).
fn links(out: &Path, path: &str) -> Vec<PathBuf> {
    let html = read(out, path);
    let folder = out
        .join(path)
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default();
    html.split("href=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .filter(|href| !href.starts_with('#') && !href.starts_with("data:"))
        .map(|href| {
            let file = href.split('#').next().unwrap_or(href);
            let decoded = percent_decode(file);
            folder.join(decoded)
        })
        .collect()
}

/// `%C3%A9` → `é`, enough for the file names of these tests.
fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let byte = (bytes[i] == b'%' && i + 2 < bytes.len())
            .then(|| u8::from_str_radix(&text[i + 1..i + 3], 16).ok())
            .flatten();
        if let Some(b) = byte {
            out.push(b);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8(out).expect("UTF-8 links")
}

fn assert_links_resolve(out: &Path, path: &str) {
    for target in links(out, path) {
        assert!(
            target.exists(),
            "{path} links to a missing {}",
            target.display()
        );
    }
}

#[test]
fn the_example_kit_shows_its_procedure_reference_in_both_profiles() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let kit = dir.path().join("kit");
    common::example::copy_kit(&kit);
    for profile in [Profile::Public, Profile::Interne] {
        let out = build(&kit, &dir.path().join(format!("{profile:?}")), profile);

        let index = read(&out, "procedures/index.html");
        assert!(index.contains("<h3>Parrainage</h3>"), "{index}");
        assert!(index.contains(
            r#"<a href="../procedures/P03.html"><span class="code">P03</span> Mettre en place un parrainage</a>"#
        ));
        assert!(index.contains(r#"<a href="../procedures/acteurs/tuteur.html">Tuteur·rice</a>"#));
        assert!(index.contains(r#"<a href="../documents/M03.html">M03</a>"#));

        // A procedure: numbered steps, the acteurs emphasised and linked,
        // branches, a step done by two, documents linked, the end marked.
        let p03 = read(&out, "procedures/P03.html");
        assert!(p03.contains(r#"<li id="etape-4" value="4" class="etape">"#));
        assert!(p03.contains(
            r#"<strong><a href="../procedures/acteurs/parrain-ou-marraine.html">Parrain ou marraine</a></strong> + <strong><a href="../procedures/acteurs/stagiaire.html">Stagiaire</a></strong>"#
        ));
        assert!(p03.contains(r##"si aucun parrain disponible → <a href="#etape-7">étape 7</a>"##));
        assert!(p03.contains(r#"<span class="repere">Repère : sous 15 jours</span>"#));
        assert!(
            p03.contains(
                r#"<a href="../documents/M02.html" title="Fiche et charte de parrainage">"#
            )
        );
        assert!(p03.contains("Fin de la procédure"));
        // A join, with the steps it waits for.
        let p02 = read(&out, "procedures/P02.html");
        assert!(p02.contains(
            r##"Jonction : attend toutes les étapes <a href="#etape-2">2</a>, <a href="#etape-3">3</a>"##
        ));
        assert!(p02.contains("<strong>Prérequis :</strong> au moins un atelier enregistré"));
        // Its swimlane flowchart, inline: one lane per acteur as written here.
        let chart = &p03[p03
            .find("<div class=\"flowchart-wrap\"><svg")
            .expect("a flowchart")..];
        let chart = &chart[..chart.find("</svg>").expect("closed")];
        for lane in [
            "Tuteur·rice",
            "Stagiaire",
            "Responsable des parrains",
            "Parrain ou marraine",
        ] {
            assert!(chart.contains(&format!(">{lane}<")), "lane {lane}");
        }
        assert!(chart.contains("<title>"));
        // The events that followed a procedure.
        let p06 = read(&out, "procedures/P06.html");
        assert!(p06.contains(r#"href="../evenements/2026-09-18-visite-transports-meridien.html""#));
        let visite = read(
            &out,
            "evenements/2026-09-18-visite-transports-meridien.html",
        );
        assert!(visite.contains(r#"<dd><a href="../procedures/P06.html">P06</a></dd>"#));

        // A role's page: its steps in every procedure, the alias merged in.
        let tuteur = read(&out, "procedures/acteurs/tuteur.html");
        for code in ["P01", "P02", "P03", "P05", "P06"] {
            assert!(
                tuteur.contains(&format!(r#"<span class="code">{code}</span>"#)),
                "{code}"
            );
        }
        assert!(tuteur.contains(
            r#"<a href="../../procedures/P01.html#etape-5">Étape 5</a> — Inscrit la personne dans la session"#
        ));
        assert!(tuteur.contains("Aussi écrit : Tuteur / tutrice"));

        // A document's page: the procedures and steps using it, its file.
        let m03 = read(&out, "documents/M03.html");
        for code in ["P02", "P05", "P06", "P08"] {
            assert!(
                m03.contains(&format!(r#"<span class="code">{code}</span>"#)),
                "{code}"
            );
        }
        let g01 = read(&out, "documents/G01.html");
        assert!(g01.contains(
            r#"<a href="../documents/fichiers/guides/guide-tuteur.md" download>guide-tuteur.md</a>"#
        ));

        let files = read(&out, "documents/index.html");
        assert!(files.contains("<h2 id=\"dossier-1\">guides</h2>"));
        assert!(files.contains("<h2 id=\"dossier-2\">modeles</h2>"));
        assert!(files.contains(
            r#"<td><a href="../documents/B01.html"><span class="code">B01</span> Tableau de suivi des personnes accompagnées</a></td>"#
        ));
        assert_eq!(
            std::fs::read(out.join("documents/fichiers/modeles/suivi.csv")).expect("published"),
            std::fs::read(kit.join("content/documents/modeles/suivi.csv")).expect("in the kit"),
        );

        for page in [
            "procedures/index.html",
            "procedures/P02.html",
            "procedures/P03.html",
            "procedures/P06.html",
            "procedures/acteurs/tuteur.html",
            "documents/M03.html",
            "documents/G01.html",
            "documents/index.html",
        ] {
            assert_links_resolve(&out, page);
        }
        // Every page's menu leads to the reference and to the documents.
        let home = read(&out, "index.html");
        assert!(home.contains(r#"<a href="procedures/index.html">Procédures</a>"#));
        assert!(home.contains(r#"<a href="documents/index.html">Documents</a>"#));
    }
}

#[test]
fn a_kit_of_procedures_only_builds_with_sizes_and_escaped_text() {
    let two_kb = "x".repeat(2560);
    let files: Vec<(&str, &[u8])> = vec![
        (
            "content/procedures/P01.md",
            b"---\ntitre: \"Accueil <b>gras</b>\"\nacteurs: [Tuteur]\netapes:\n  - { n: 1, acteur: Tuteur, action: Accueille, documents: [M01] }\n---\n",
        ),
        (
            "data/documents.yaml",
            "- { code: M01, titre: Modèle, type: modele, fichier: \"modèles/fiche d'accueil #1.txt\" }\n".as_bytes(),
        ),
        ("content/documents/modèles/fiche d'accueil #1.txt", b"12345"),
        ("content/documents/grand.txt", two_kb.as_bytes()),
    ];
    let kit = common::write_kit(&files);
    let dir = tempfile::tempdir().expect("a temporary folder");
    let out = build(kit.path(), dir.path(), Profile::Public);
    let page = read(&out, "procedures/P01.html");
    assert!(page.contains("Accueil &lt;b&gt;gras&lt;/b&gt;"), "{page}");
    let doc = read(&out, "documents/M01.html");
    assert!(doc.contains(
        r#"<a href="../documents/fichiers/mod%C3%A8les/fiche%20d%27accueil%20%231.txt" download>fiche d&#x27;accueil #1.txt</a> <span class="muted">(5 octets)</span>"#
    ), "{doc}");
    let listing = read(&out, "documents/index.html");
    assert!(
        listing.contains("<td class=\"num\">2,5 Ko</td>"),
        "{listing}"
    );
    assert_links_resolve(&out, "documents/M01.html");
    assert_links_resolve(&out, "documents/index.html");
}
