//! The search: what each profile's index holds (built from the example kit
//! and read back as a reader's browser gets it), and the page's script run
//! for real in headless Chromium: typing, accents, prefixes, ranking,
//! highlighting, relative links, a hostile name staying text, and the index
//! loaded only once the box is focused.

mod common;

use carnet::Profile;
use serde_json::Value;
use std::path::{Path, PathBuf};
use tempfile::TempDir;
use unicode_normalization::UnicodeNormalization;

// ---------------------------------------------------------------- helpers

/// A site built into a temporary folder (kept alive with it).
struct Built {
    _dir: TempDir,
    out: PathBuf,
}

impl Built {
    fn of(kit: &Path, profile: Profile) -> Built {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let out = dir.path().join("site");
        carnet::build(&carnet::BuildOptions {
            root: kit.to_path_buf(),
            out: out.clone(),
            force: false,
            profile,
            today: common::today(),
            forms: false,
            exports: true,
        })
        .unwrap_or_else(|e| panic!("the build failed: {e:?}"));
        Built { _dir: dir, out }
    }

    fn read(&self, path: &str) -> String {
        std::fs::read_to_string(self.out.join(path))
            .unwrap_or_else(|e| panic!("{path} not readable: {e}"))
    }

    /// The index file as written.
    fn index_text(&self) -> String {
        self.read("recherche/index.js")
    }

    /// The index's entries, parsed: `[kind, url, title, text, folded title, folded words]`.
    fn index(&self) -> (Vec<String>, Vec<Vec<Value>>) {
        let text = self.index_text();
        let json = text
            .strip_prefix("window.carnetRecherche = ")
            .and_then(|t| t.strip_suffix(";\n"))
            .expect("the index assigns window.carnetRecherche");
        let data: Value = serde_json::from_str(json).expect("the index is JSON");
        let genres = data["genres"]
            .as_array()
            .expect("genres")
            .iter()
            .map(|g| g.as_str().expect("a genre").to_string())
            .collect();
        let entries = data["entrees"]
            .as_array()
            .expect("entrees")
            .iter()
            .map(|e| e.as_array().expect("an entry").clone())
            .collect();
        (genres, entries)
    }
}

/// The example kit of the repository.
fn example() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Folded as a reader's query is (written here, not taken from carnet).
fn fold(text: &str) -> String {
    let lower: String = text
        .nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect::<String>()
        .replace('œ', "oe")
        .replace('æ', "ae");
    lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// What a reader sees of an HTML page: tags dropped, references decoded.
fn page_text(html: &str) -> String {
    let mut text = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                text.push(' ');
            }
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    text.replace("&#x27;", "'")
        .replace("&#x2f;", "/")
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

// ---------------------------------------------------------------- the index of each profile

#[test]
fn the_public_index_holds_only_what_the_public_pages_show() {
    let public = Built::of(&example(), Profile::Public);
    let text = public.index_text();
    // A person who refused to have her name published (kone-fatoumata) is no entry.
    for hidden in ["KONÉ", "Fatoumata", "fatoumata", "kone-fatoumata"] {
        assert!(!text.contains(hidden), "public index holds {hidden}");
    }
    // A refused email (ndiaye-awa, annuaire email: false).
    assert!(
        !text.contains("awa.ndiaye"),
        "public index holds a refused email"
    );
    // Internal data: a situation comment (diallo-mamadou) and a diploma (ndiaye-awa).
    assert!(!text.contains("CDD de 8 mois"));
    assert!(!text.contains("polyvalent"));
    // The published ones are there.
    assert!(text.contains("\"N'DIAYE Awa\""), "the fiche of ndiaye-awa");
    assert!(text.contains("\"D'ALMEIDA Inès\""));

    // Every word of every entry is a word its page shows.
    let (_, entries) = public.index();
    for e in &entries {
        let url = e[1].as_str().expect("a url");
        let file = url.split('#').next().expect("a path");
        let page = fold(&page_text(&public.read(file)));
        let page_words: std::collections::HashSet<&str> = page.split(' ').collect();
        for field in [&e[4], &e[5]] {
            for word in field.as_str().expect("folded words").split(' ') {
                assert!(
                    word.is_empty() || page_words.contains(word),
                    "{url}: « {word} » is in the index but not on the page"
                );
            }
        }
    }
}

#[test]
fn the_internal_index_holds_what_the_internal_pages_show() {
    let interne = Built::of(&example(), Profile::Interne);
    let text = interne.index_text();
    assert!(text.contains("\"KONÉ Fatoumata\""));
    assert!(text.contains("awa.ndiaye@example.org"));
    assert!(text.contains("CDD de 8 mois"));
    assert!(text.contains("CAP Agent polyvalent de restauration"));
}

#[test]
fn every_fiche_and_page_is_an_entry_once_with_its_kind() {
    let public = Built::of(&example(), Profile::Public);
    let (genres, entries) = public.index();
    assert_eq!(
        genres,
        [
            "Personne",
            "Session",
            "Club emploi",
            "Événement",
            "Opérateur",
            "Page",
            "Procédure",
            "Étape",
            "Document"
        ]
    );
    let mut urls: Vec<&str> = entries
        .iter()
        .map(|e| e[1].as_str().expect("url"))
        .collect();
    let kinds = |folder: &str| -> usize {
        std::fs::read_dir(public.out.join(folder))
            .expect("the folder")
            .filter(|f| {
                let name = f.as_ref().expect("an entry").file_name();
                let name = name.to_string_lossy();
                name.ends_with(".html") && name != "index.html"
            })
            .count()
    };
    for (folder, genre) in [
        ("personnes", 0),
        ("sessions", 1),
        ("clubs", 2),
        ("evenements", 3),
        ("operateurs", 4),
        ("pages", 5),
        ("procedures", 6),
        ("documents", 8),
    ] {
        let of_kind: Vec<_> = entries.iter().filter(|e| e[0] == genre).collect();
        assert_eq!(of_kind.len(), kinds(folder), "{folder}");
        assert!(
            of_kind
                .iter()
                .all(|e| e[1].as_str().expect("url").starts_with(folder))
        );
    }
    // Each step of a procedure is an entry at its anchor on the procedure's page.
    let steps: Vec<_> = entries.iter().filter(|e| e[0] == 7).collect();
    assert!(steps.len() >= 8 * 3, "{} steps", steps.len());
    for step in steps {
        let url = step[1].as_str().expect("url");
        let (file, anchor) = url.split_once('#').expect("an anchor");
        assert!(file.starts_with("procedures/"), "{url}");
        assert!(
            public.read(file).contains(&format!("id=\"{anchor}\"")),
            "{url}: no such anchor"
        );
    }
    let all = urls.len();
    urls.sort();
    urls.dedup();
    assert_eq!(urls.len(), all, "an entry is stored once");
    // An entry: kind, url, title and text as shown, then the folded words.
    let dalmeida = entries
        .iter()
        .find(|e| e[1] == "personnes/dalmeida-ines.html")
        .expect("the fiche of Inès D'Almeida");
    assert_eq!(dalmeida[2], "D'ALMEIDA Inès");
    assert_eq!(dalmeida[4], "d almeida ines");
    assert_eq!(dalmeida[3], "Stagiaire · ines.dalmeida@example.org");
    assert_eq!(dalmeida[5], "stagiaire dalmeida example org");
}

#[test]
fn user_text_in_the_index_holds_no_markup_character() {
    let kit = common::write_kit(&[
        ("carnet.yaml", b"titre: T\norganisation: O\n"),
        (
            "data/personnes/pirate-paul.yaml",
            b"civilite: M.\nnom: \"<img src=x onerror=alert(1)>\"\nprenom: Paul\nentreprise: \"</script><script>alert(2)</script> & co\"\n",
        ),
    ]);
    let text = Built::of(kit.path(), Profile::Public).index_text();
    assert!(
        !text.contains('<') && !text.contains('>') && !text.contains('&'),
        "{text}"
    );
    assert!(
        text.contains(r"\u003cIMG SRC=X ONERROR=ALERT(1)\u003e Paul"),
        "{text}"
    );
}

#[test]
fn every_page_has_the_box_hidden_until_its_script_runs_and_labelled() {
    let public = Built::of(&example(), Profile::Public);
    let mut pages = 0;
    let mut stack = vec![public.out.clone()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("a folder") {
            let path = entry.expect("an entry").path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "html") {
                let html = std::fs::read_to_string(&path).expect("a page");
                let at = path.display();
                assert_eq!(
                    html.matches("<form class=\"recherche\" role=\"search\" hidden ")
                        .count(),
                    1,
                    "{at}"
                );
                assert!(html.contains("<label class=\"visually-hidden\" for=\"recherche-champ\">Rechercher</label>"), "{at}");
                assert!(
                    html.contains("theme/recherche.js\" defer></script>"),
                    "{at}"
                );
                assert!(
                    !html.contains("recherche/index.js"),
                    "{at}: the index is loaded on focus only"
                );
                pages += 1;
            }
        }
    }
    assert!(pages > 50, "{pages} pages");
}

// ---------------------------------------------------------------- the script, in a browser

/// A kit for the browser tests: accents, a page and a fiche mentioning the
/// same word (title against text), a hostile name, an unpublished name.
fn browser_kit() -> TempDir {
    common::write_kit(&[
        ("carnet.yaml", "titre: Essai\norganisation: Asso\n".as_bytes()),
        (
            "data/personnes/lefevre-elodie.yaml",
            "civilite: Mme\nnom: Lefèvre\nprenom: Élodie\nfonction: Élève infirmière\n".as_bytes(),
        ),
        (
            "data/personnes/durand-marc.yaml",
            "civilite: M.\nnom: Durand\nprenom: Marc\nentreprise: École Jules Ferry\n".as_bytes(),
        ),
        (
            "data/personnes/pirate-paul.yaml",
            b"civilite: M.\nnom: \"<img src=x onerror=alert(1)>\"\nprenom: Paul\n",
        ),
        (
            "data/personnes/secret-sylvie.yaml",
            b"civilite: Mme\nnom: Secret\nprenom: Sylvie\nannuaire:\n  nom: false\n",
        ),
        (
            "content/pages/ecole.md",
            "---\ntitre: \"École de la deuxième chance\"\n---\n\nUne école pour les jeunes adultes.\n".as_bytes(),
        ),
    ])
}

/// The probe: on load, records whether the index is already there, focuses
/// the box, waits for the index, types each query and records the results.
const PROBE: &str = r#"<script>
window.addEventListener("load", function () {
  var input = document.getElementById("recherche-champ");
  var before = !!window.carnetRecherche || !!document.querySelector('script[src*="recherche/index.js"]');
  var shown = !document.querySelector("form.recherche").hidden;
  input.dispatchEvent(new FocusEvent("focus"));
  var tries = 0;
  (function wait() {
    if (!window.carnetRecherche && tries++ < 200) { setTimeout(wait, 10); return; }
    var out = { before: before, shown: shown, queries: {} };
    QUERIES.forEach(function (q) {
      input.value = q;
      input.dispatchEvent(new Event("input"));
      var list = document.getElementById("recherche-resultats");
      out.queries[q] = {
        status: document.getElementById("recherche-statut").textContent,
        images: list.querySelectorAll("img").length,
        items: Array.prototype.map.call(list.querySelectorAll("li"), function (li) {
          return {
            href: li.querySelector("a").getAttribute("href"),
            title: li.querySelector(".recherche-titre").textContent,
            marks: Array.prototype.map.call(li.querySelectorAll("mark"), function (m) { return m.textContent; })
          };
        })
      };
    });
    /* The keyboard: ↓ from the box to the first result, ↓ to the next, Échap back. */
    input.value = "ecole";
    input.dispatchEvent(new Event("input"));
    var key = function (k) { document.activeElement.dispatchEvent(new KeyboardEvent("keydown", { key: k, bubbles: true })); };
    input.focus();
    key("ArrowDown");
    out.down = document.activeElement.getAttribute("href");
    key("ArrowDown");
    out.down2 = document.activeElement.getAttribute("href");
    key("Escape");
    out.escape = { open: !document.querySelector(".recherche-panneau").hidden, focus: document.activeElement.id };
    var pre = document.createElement("pre");
    pre.id = "verdict";
    pre.textContent = JSON.stringify(out);
    document.body.appendChild(pre);
  })();
});
</script>"#;

/// A browser to run pages in.
fn chromium() -> PathBuf {
    for name in ["chromium", "chromium-browser", "google-chrome"] {
        if let Ok(paths) = std::env::var("PATH") {
            for dir in std::env::split_paths(&paths) {
                let path = dir.join(name);
                if path.is_file() {
                    return path;
                }
            }
        }
    }
    panic!("these tests run the search script in headless Chromium: install chromium");
}

/// Runs `page` of `site` with the probe typing `queries`; what it recorded.
fn run_in_browser(site: &Built, page: &str, queries: &[&str]) -> Value {
    let html = site.read(page);
    let probe = PROBE.replace("QUERIES", &serde_json::to_string(queries).expect("JSON"));
    let probed = page.replace(".html", ".probe.html");
    std::fs::write(
        site.out.join(&probed),
        html.replace("</body>", &format!("{probe}</body>")),
    )
    .expect("write the probe page");
    let profile = tempfile::tempdir().expect("a browser profile folder");
    let output = std::process::Command::new(chromium())
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--virtual-time-budget=10000",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg("--dump-dom")
        .arg(format!("file://{}", site.out.join(&probed).display()))
        .output()
        .expect("chromium runs");
    let dom = String::from_utf8_lossy(&output.stdout);
    let start = dom.find("<pre id=\"verdict\">").unwrap_or_else(|| {
        panic!(
            "the probe did not finish:\n{dom}\n{}",
            String::from_utf8_lossy(&output.stderr)
        )
    }) + "<pre id=\"verdict\">".len();
    let end = dom[start..].find("</pre>").expect("the verdict ends") + start;
    let json = dom[start..end]
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&nbsp;", "\u{a0}")
        .replace("&amp;", "&");
    serde_json::from_str(&json).expect("the verdict is JSON")
}

/// The titles of a query's results, in order.
fn titles(verdict: &Value, query: &str) -> Vec<String> {
    verdict["queries"][query]["items"]
        .as_array()
        .expect("results")
        .iter()
        .map(|i| i["title"].as_str().expect("a title").to_string())
        .collect()
}

#[test]
fn typing_finds_without_accents_by_prefix_title_first_highlights_and_the_keyboard_moves() {
    let kit = browser_kit();
    let site = Built::of(kit.path(), Profile::Public);
    let v = run_in_browser(
        &site,
        "personnes/index.html",
        &[
            "eleve",
            "ecole",
            "ÉCOLE",
            "lef",
            "lefevre elo",
            "fevre",
            "img",
            "secret",
            "zzz",
        ],
    );
    assert_eq!(
        v["before"], false,
        "the index was loaded before the box was focused"
    );
    assert_eq!(v["shown"], true, "the box is shown when the script runs");
    // « eleve » finds « Élève » in the text, its word highlighted as written.
    let eleve = &v["queries"]["eleve"];
    assert_eq!(titles(&v, "eleve"), ["LEFÈVRE Élodie"]);
    assert_eq!(eleve["items"][0]["marks"], serde_json::json!(["Élève"]));
    assert_eq!(
        eleve["items"][0]["href"],
        "../personnes/lefevre-elodie.html"
    );
    assert_eq!(eleve["status"], "1 résultat");
    // « ecole » finds the page titled « École… » before the fiche whose text
    // says « École » (though its title is shorter); links are relative to this page.
    assert_eq!(
        titles(&v, "ecole"),
        ["École de la deuxième chance", "DURAND Marc"]
    );
    assert_eq!(titles(&v, "ÉCOLE"), titles(&v, "ecole"));
    let ecole = &v["queries"]["ecole"]["items"];
    assert_eq!(ecole[0]["href"], "../pages/ecole.html");
    assert_eq!(ecole[0]["marks"], serde_json::json!(["École", "école"]));
    assert_eq!(v["queries"]["ecole"]["status"], "2 résultats");
    // Prefixes of words while typing, every word typed; not the middle of a word.
    assert_eq!(titles(&v, "lef"), ["LEFÈVRE Élodie"]);
    assert_eq!(
        v["queries"]["lef"]["items"][0]["marks"],
        serde_json::json!(["LEF"])
    );
    assert_eq!(titles(&v, "lefevre elo"), ["LEFÈVRE Élodie"]);
    assert!(titles(&v, "fevre").is_empty());
    // A hostile name stays text: no image made, the name shown as typed.
    let img = &v["queries"]["img"];
    assert_eq!(img["images"], 0);
    assert_eq!(titles(&v, "img"), ["<IMG SRC=X ONERROR=ALERT(1)> Paul"]);
    assert_eq!(img["items"][0]["marks"], serde_json::json!(["IMG"]));
    // An unpublished name is not found; nothing found says so.
    assert!(titles(&v, "secret").is_empty());
    assert_eq!(v["queries"]["zzz"]["status"], "Aucun résultat.");
    // The keyboard reaches the results and comes back.
    assert_eq!(v["down"], "../pages/ecole.html");
    assert_eq!(v["down2"], "../personnes/durand-marc.html");
    assert_eq!(
        v["escape"],
        serde_json::json!({ "open": false, "focus": "recherche-champ" })
    );
}

#[test]
fn from_the_home_page_links_start_at_the_root() {
    let kit = browser_kit();
    let site = Built::of(kit.path(), Profile::Public);
    let v = run_in_browser(&site, "index.html", &["deuxieme"]);
    assert_eq!(v["before"], false);
    assert_eq!(
        v["queries"]["deuxieme"]["items"][0]["href"],
        "pages/ecole.html"
    );
}
