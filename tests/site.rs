//! The HTML site as a reader gets it: small kits written into temporary
//! folders, built with `carnet::build`, and the files of the output read back.
//! Privacy, escaping, links and the atomic replacement of the output are
//! checked over every file written, not over a chosen page.

mod common;

use carnet::{Failure, Profile};
use std::collections::BTreeMap;
use std::path::{Component, Path};
use tempfile::TempDir;

// ---------------------------------------------------------------- helpers

/// Writes `files` (path inside the kit, content) into a new folder.
fn write_kit(files: &[(&str, &str)]) -> TempDir {
    let dir = tempfile::tempdir().expect("a temporary folder");
    for (path, content) in files {
        write(dir.path(), path, content);
    }
    dir
}

fn write(root: &Path, path: &str, content: &str) {
    let full = root.join(path);
    if let Some(parent) = full.parent() {
        std::fs::create_dir_all(parent).expect("create the folders");
    }
    std::fs::write(&full, content).expect("write a kit file");
}

/// A built site: the output folder (kept alive) and every file in it.
struct Site {
    _dir: TempDir,
    /// The files as text, made once when first asked.
    texts: std::sync::OnceLock<BTreeMap<String, String>>,
    /// Path relative to the output folder (with `/`) → content.
    files: BTreeMap<String, Vec<u8>>,
}

impl Site {
    /// Builds `kit` for `profile` into a fresh folder; panics with the report on failure.
    fn build(kit: &Path, profile: Profile) -> Site {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let out = dir.path().join("public");
        if let Err(e) = common::build(kit, &out, profile) {
            panic!("the build failed: {}", describe(&e));
        }
        let files = read_tree(&out);
        Site {
            _dir: dir,
            texts: std::sync::OnceLock::new(),
            files,
        }
    }

    /// The text of one page.
    fn page(&self, path: &str) -> &str {
        let bytes = self.files.get(path).unwrap_or_else(|| {
            panic!(
                "{path} was not written; files: {:?}",
                self.files.keys().collect::<Vec<_>>()
            )
        });
        std::str::from_utf8(bytes).expect("UTF-8 page")
    }

    /// Every HTML page, with its path.
    fn html(&self) -> impl Iterator<Item = (&String, &str)> {
        self.files
            .iter()
            .filter(|(p, _)| p.ends_with(".html"))
            .map(|(p, b)| (p, std::str::from_utf8(b).expect("UTF-8 page")))
    }

    /// Every file as text (lossy for binaries: the strings looked for are ASCII
    /// or UTF-8). A PDF's text is stored as glyph numbers, so its extracted
    /// text is searched as well.
    fn texts(&self) -> &BTreeMap<String, String> {
        self.texts.get_or_init(|| {
            self.files
                .iter()
                .map(|(p, b)| {
                    let mut text = String::from_utf8_lossy(b).into_owned();
                    if p.ends_with(".pdf")
                        && let Some(extracted) = pdf_text(b)
                    {
                        text.push_str(&extracted);
                    }
                    (p.clone(), text)
                })
                .collect()
        })
    }

    /// Files containing `needle`.
    fn containing(&self, needle: &str) -> Vec<String> {
        self.texts()
            .iter()
            .filter(|(_, t)| t.contains(needle))
            .map(|(p, _)| p.clone())
            .collect()
    }
}

/// The text of a PDF, extracted in Rust (pdf-extract), so that the check
/// does not depend on a tool installed on the machine.
fn pdf_text(bytes: &[u8]) -> Option<String> {
    Some(pdf_extract::extract_text_from_mem(bytes).expect("a readable PDF"))
}

fn describe(e: &Failure) -> String {
    match e {
        Failure::Io(m) | Failure::Template(m) | Failure::Refused(m) => m.clone(),
        Failure::Invalid { report, errors } => format!("{errors} error(s):\n{report}"),
    }
}

/// Every file under `dir`, by relative path with `/`.
fn read_tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).expect("read a folder of the output") {
            let path = entry.expect("a folder entry").path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let rel = path
                    .strip_prefix(dir)
                    .expect("inside the output")
                    .to_string_lossy()
                    .replace('\\', "/");
                files.insert(rel, std::fs::read(&path).expect("read an output file"));
            }
        }
    }
    files
}

/// Names directly inside a folder, sorted.
fn entries(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("read a folder")
        .map(|e| {
            e.expect("an entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.sort();
    names
}

/// Every tag of a page: its name and its attributes (name lowercased, value
/// with entities decoded). Text that merely looks like a tag (escaped HTML
/// typed by a user: `&lt;a href=…`) is not a tag.
fn tags(html: &str) -> Vec<(String, Vec<(String, String)>)> {
    let mut found = Vec::new();
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        rest = &rest[open + 1..];
        if !rest.starts_with(|c: char| c.is_ascii_alphabetic()) {
            continue;
        }
        let Some(close) = tag_end(rest) else { break };
        let tag = &rest[..close];
        rest = &rest[close..];
        let name_end = tag
            .find(|c: char| c.is_whitespace() || c == '/')
            .unwrap_or(tag.len());
        let name = tag[..name_end].to_ascii_lowercase();
        let mut attrs = Vec::new();
        let mut list = &tag[name_end..];
        loop {
            list = list.trim_start_matches(|c: char| c.is_whitespace() || c == '/');
            if list.is_empty() {
                break;
            }
            let len = list
                .find(|c: char| c.is_whitespace() || c == '=')
                .unwrap_or(list.len());
            let attr = list[..len].to_ascii_lowercase();
            list = &list[len..];
            let Some(after_eq) = list.trim_start().strip_prefix('=') else {
                attrs.push((attr, String::new()));
                continue;
            };
            let after_eq = after_eq.trim_start();
            let (value, next) = match after_eq.chars().next() {
                Some(q @ ('"' | '\'')) => {
                    let inner = &after_eq[1..];
                    let end = inner.find(q).unwrap_or(inner.len());
                    (&inner[..end], &inner[(end + 1).min(inner.len())..])
                }
                _ => {
                    let end = after_eq.find(char::is_whitespace).unwrap_or(after_eq.len());
                    (&after_eq[..end], &after_eq[end..])
                }
            };
            attrs.push((attr, decode_entities(value)));
            list = next;
        }
        found.push((name, attrs));
    }
    found
}

/// The values of every `href` and `src` attribute of a page.
fn links(html: &str) -> Vec<String> {
    tags(html)
        .into_iter()
        .flat_map(|(_, attrs)| attrs)
        .filter(|(name, _)| name == "href" || name == "src")
        .map(|(_, value)| value)
        .collect()
}

/// Where the tag starting at `s` (after its `<`) ends: the first `>` outside quotes.
fn tag_end(s: &str) -> Option<usize> {
    let mut quote = None;
    for (i, c) in s.char_indices() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '>') => return Some(i),
            _ => {}
        }
    }
    None
}

fn decode_entities(s: &str) -> String {
    s.replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&#x2f;", "/")
        .replace("&#x2F;", "/")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// Resolves a relative link of the page at `page` (relative to the output
/// root) to a path relative to the root; `None` if it leaves the site.
fn resolve(page: &str, link: &str) -> Option<String> {
    let target = link.split(['#', '?']).next().unwrap_or("");
    let base = Path::new(page).parent().unwrap_or(Path::new(""));
    let mut parts: Vec<String> = Vec::new();
    for c in base.join(target).components() {
        match c {
            Component::Normal(p) => parts.push(p.to_string_lossy().into_owned()),
            Component::ParentDir => {
                parts.pop()?;
            }
            Component::CurDir => {}
            Component::RootDir | Component::Prefix(_) => return None,
        }
    }
    Some(parts.join("/"))
}

/// The heading levels of a page, in order.
fn heading_levels(html: &str) -> Vec<u8> {
    let lower = html.to_ascii_lowercase();
    let bytes = lower.as_bytes();
    let mut levels = Vec::new();
    for (i, w) in bytes.windows(3).enumerate() {
        if w[0] == b'<'
            && w[1] == b'h'
            && (b'1'..=b'6').contains(&w[2])
            && matches!(bytes.get(i + 3), Some(b'>' | b' '))
        {
            levels.push(w[2] - b'0');
        }
    }
    levels
}

// ---------------------------------------------------------------- kits

const CONFIG: &str = "titre: \"Carnet d'essai\"\norganisation: \"Association d'essai\"\n";

/// A trainee with sessions, a club, a mentorship and interviews; a mentor;
/// a person who refuses every field of the annuaire; an event, an operator
/// and a free page. Every internal value is a distinctive marker.
fn full_kit(config: &str) -> TempDir {
    write_kit(&[
        ("carnet.yaml", config),
        (
            "data/personnes/dupont-jean-pierre.yaml",
            "civilite: M.\n\
             nom: dupont\n\
             prenom: jean-pierre\n\
             roles: [stagiaire]\n\
             telephone: \"+33 6 12 34 56 78\"\n\
             email: jp.dupont@example.org\n\
             adresse:\n  ligne1: \"5 rue des Lilas\"\n  code_postal: \"37000\"\n  ville: Tours\n\
             etudes:\n  - diplome: CAP Cuisine\n    annee: 2010\n    etablissement: Lycée des Métiers\n\
             situation:\n  emploi: false\n  commentaire: SITUATION-COMMENTAIRE-SECRET\n\
             inscriptions:\n  - session: \"2026-11\"\n    financement: RSA\n    caf: \"7391846\"\n    cli: \"582093\"\n    complement: COMPLEMENT-SECRET\n\
             clubs: [club-2026-10]\n\
             parrainage:\n  parrain: martin-claire\n  debut: \"2026-09-10\"\n  observations: OBSERVATIONS-SECRET\n  projet:\n    projet_pro: PROJET-PRO-SECRET\n  entretiens:\n    - date: \"2026-10-01\"\n      disponibilite: DISPONIBILITE-SECRET\n      compte_rendu: |\n        COMPTE-RENDU-SECRET avec **du gras**.\n",
        ),
        (
            "data/personnes/martin-claire.yaml",
            "civilite: Mme\nnom: Martin\nprenom: claire\nroles: [parrain, tuteur]\n\
             email: claire.martin@example.org\nentreprise: Transports Réunis\n",
        ),
        (
            "data/personnes/cache-refus.yaml",
            "civilite: Mme\nnom: Refusnom\nprenom: Secretprenom\nroles: [stagiaire]\n\
             telephone: \"07 98 76 54 32\"\nemail: refus.secret@example.org\n\
             adresse:\n  ligne1: \"12 rue Cachée\"\n  code_postal: \"37100\"\n  ville: Tours\n\
             annuaire:\n  nom: false\n  telephone: false\n  email: false\n  adresse: false\n",
        ),
        (
            "data/sessions/2026-11.yaml",
            "numero: 7\nmois: \"2026-11\"\ntuteurs: [martin-claire]\n\
             ateliers:\n\
             \x20 - date: \"2026-11-03\"\n    intitule: Atelier CV\n    cycle: 1\n    presences:\n\
             \x20     dupont-jean-pierre: { statut: excuse, commentaire: PRESENCE-COMMENTAIRE-SECRET }\n\
             \x20     cache-refus: present\n\
             \x20 - date: \"2026-11-10\"\n    intitule: Atelier entretien\n    cycle: 2\n    presences:\n\
             \x20     dupont-jean-pierre: absent\n\
             \x20 - date: \"2026-11-30\"\n    intitule: Atelier bilan\n    cycle: 2\n\
             inscrits:\n  - personne: cache-refus\n    financement: FINANCEMENT-CPF-SECRET\n",
        ),
        (
            "data/clubs/club-2026-10.yaml",
            "mois: \"2026-10\"\ntuteur: martin-claire\n\
             ateliers:\n  - date: \"2026-10-08\"\n    intitule: Réseau\n    presences:\n      dupont-jean-pierre: present\n\
             convocation:\n  sessions_du: \"2026-11\"\n  sessions_au: \"2026-11\"\n",
        ),
        (
            "data/evenements/2026-10-20-salon.yaml",
            "type: salon\ntitre: Salon de l'emploi\ndate: \"2026-10-20\"\nlieu: Parc des expositions\n\
             responsable: martin-claire\n\
             participants:\n  - personne: cache-refus\n    present: true\n\
             \x20 - nom: Externe Secretnom\n    email: externe.secret@example.org\n    present: true\n",
        ),
        (
            "data/operateurs/transports-reunis.yaml",
            "nom: Transports Réunis\ntype: entreprise\ntelephone: \"02 47 00 00 00\"\n",
        ),
        (
            "content/pages/guide.md",
            "---\ntitre: Guide du stagiaire\nordre: 1\nmenu: true\n---\n\n# Bienvenue\n\nVoir la [charte](charte.html) et [l'accueil](../index.html).\n",
        ),
        (
            "content/pages/charte.md",
            "---\ntitre: Charte\nordre: 2\nmenu: false\n---\n\nTexte de la charte.\n",
        ),
    ])
}

/// Everything the public site must never show for [`full_kit`].
const SECRETS: &[&str] = &[
    // the person who refused everything (the name as displayed: NOM Prénom)
    "REFUSNOM",
    "Secretprenom",
    "07 98 76 54 32",
    "0798765432",
    "refus.secret@example.org",
    "12 rue Cachée",
    "cache-refus",
    // internal data
    "SITUATION-COMMENTAIRE-SECRET",
    "PRESENCE-COMMENTAIRE-SECRET",
    "COMPLEMENT-SECRET",
    "FINANCEMENT-CPF-SECRET",
    "RSA",
    "7391846",
    "582093",
    "OBSERVATIONS-SECRET",
    "PROJET-PRO-SECRET",
    "COMPTE-RENDU-SECRET",
    "DISPONIBILITE-SECRET",
    "CAP Cuisine",
    "Externe Secretnom",
    "externe.secret@example.org",
];

// ---------------------------------------------------------------- fiches

#[test]
fn a_fiche_shows_identity_sessions_presences_and_mentorship() {
    let kit = full_kit(CONFIG);
    let site = Site::build(kit.path(), Profile::Interne);
    let fiche = site.page("personnes/dupont-jean-pierre.html");

    // Normalised name (NOM Prénom) and phone.
    assert!(fiche.contains("DUPONT Jean-Pierre"), "{fiche}");
    assert!(fiche.contains("<title>DUPONT Jean-Pierre"), "{fiche}");
    assert!(fiche.contains("06 12 34 56 78"), "{fiche}");
    assert!(fiche.contains("href=\"tel:0612345678\""), "{fiche}");
    assert!(fiche.contains("mailto:jp.dupont@example.org"));

    // Sessions and clubs with every atelier, its status and comment.
    assert!(fiche.contains("Session 7 — novembre 2026"), "{fiche}");
    assert!(fiche.contains("href=\"../sessions/2026-11.html\""));
    assert!(fiche.contains("Club emploi — octobre 2026"), "{fiche}");
    assert!(fiche.contains("href=\"../clubs/club-2026-10.html\""));
    for atelier in ["Atelier CV", "Atelier entretien", "Atelier bilan", "Réseau"] {
        assert!(fiche.contains(atelier), "{atelier} missing");
    }
    assert!(fiche.contains("badge-excuse\">Excusé<"), "{fiche}");
    assert!(fiche.contains("badge-absent\">Absent<"), "{fiche}");
    assert!(fiche.contains("badge-a_venir\">À venir"), "{fiche}");
    assert!(fiche.contains("badge-present\">Présent<"), "{fiche}");
    assert!(fiche.contains("PRESENCE-COMMENTAIRE-SECRET"));
    // Financing, CAF and CLI of the enrolment.
    assert!(fiche.contains("RSA") && fiche.contains("7391846") && fiche.contains("582093"));

    // Mentorship and interviews (Markdown rendered).
    assert!(fiche.contains("href=\"../personnes/martin-claire.html\">MARTIN Claire</a>"));
    assert!(fiche.contains("10/09/2026"));
    assert!(fiche.contains("OBSERVATIONS-SECRET") && fiche.contains("PROJET-PRO-SECRET"));
    assert!(fiche.contains("Entretien du <time datetime=\"2026-10-01\">01/10/2026</time>"));
    assert!(fiche.contains("COMPTE-RENDU-SECRET avec <strong>du gras</strong>"));
    assert!(fiche.contains("DISPONIBILITE-SECRET"));
    assert!(fiche.contains("SITUATION-COMMENTAIRE-SECRET"));

    // The mentor's fiche lists the mentee; the session page the presence grid.
    let mentor = site.page("personnes/martin-claire.html");
    assert!(mentor.contains("DUPONT Jean-Pierre"));
    let session = site.page("sessions/2026-11.html");
    assert!(
        session.contains("<h1>Session 7 — novembre 2026</h1>"),
        "{session}"
    );
    assert!(session.contains("PRESENCE-COMMENTAIRE-SECRET"));
    assert!(
        session.contains("REFUSNOM Secretprenom"),
        "interne shows everyone"
    );
}

#[test]
fn a_public_fiche_keeps_consented_contact_and_drops_internal_data() {
    let kit = full_kit(CONFIG);
    let site = Site::build(kit.path(), Profile::Public);
    let fiche = site.page("personnes/dupont-jean-pierre.html");
    assert!(fiche.contains("DUPONT Jean-Pierre"));
    assert!(fiche.contains("06 12 34 56 78"), "consented by default");
    assert!(fiche.contains("Session 7 — novembre 2026"));
    assert!(fiche.contains("MARTIN Claire"));
    assert!(!fiche.contains("COMPTE-RENDU-SECRET"));
    assert!(!site.files.contains_key("personnes/cache-refus.html"));
    assert!(!fiche.contains("Version interne"));
}

// ---------------------------------------------------------------- privacy

#[test]
fn the_public_site_never_contains_refused_or_internal_data() {
    let kit = full_kit(CONFIG);
    let public = Site::build(kit.path(), Profile::Public);
    assert!(
        public.files.len() > 10,
        "a whole site: {:?}",
        public.files.keys()
    );
    let mut leaks = Vec::new();
    for secret in SECRETS {
        for file in public.containing(secret) {
            leaks.push(format!("{secret:?} in {file}"));
        }
    }
    assert!(leaks.is_empty(), "public leaks:\n{}", leaks.join("\n"));

    // The refused person is still counted and referred to neutrally.
    let session = public.page("sessions/2026-11.html");
    assert!(session.contains("personne non publiée"), "{session}");

    // The internal site has every one of them somewhere.
    let interne = Site::build(kit.path(), Profile::Interne);
    let missing: Vec<&str> = SECRETS
        .iter()
        .copied()
        .filter(|s| interne.containing(s).is_empty())
        .collect();
    assert!(missing.is_empty(), "interne should show {missing:?}");
    assert!(
        interne
            .html()
            .all(|(_, h)| h.contains("class=\"internal-banner\"")),
        "every internal page carries the banner"
    );
    assert!(
        public.html().all(|(_, h)| !h.contains("internal-banner")),
        "no banner on the public site"
    );
}

#[test]
fn the_annuaire_shows_consented_fields_only() {
    let kit = write_kit(&[
        ("carnet.yaml", CONFIG),
        (
            "data/personnes/a-partiel.yaml",
            "civilite: Mme\nnom: Partiel\nprenom: Anne\ntelephone: \"0611111111\"\n\
             email: anne.partiel@example.org\n\
             adresse:\n  ligne1: \"1 rue Privée\"\n  code_postal: \"37000\"\n  ville: Tours\n\
             annuaire:\n  telephone: false\n  adresse: false\n",
        ),
        (
            "data/personnes/b-complet.yaml",
            "civilite: M.\nnom: Complet\nprenom: Bruno\nmobile: \"0622222222\"\n",
        ),
    ]);
    for profile in [Profile::Public, Profile::Interne] {
        let site = Site::build(kit.path(), profile);
        let annuaire = site.page("annuaire/index.html");
        assert!(annuaire.contains("PARTIEL Anne"));
        assert!(annuaire.contains("anne.partiel@example.org"));
        assert!(!annuaire.contains("06 11 11 11 11"), "{profile:?}");
        assert!(!annuaire.contains("1 rue Privée"), "{profile:?}");
        assert!(annuaire.contains("06 22 22 22 22"));
    }
    let public = Site::build(kit.path(), Profile::Public);
    assert!(public.containing("06 11 11 11 11").is_empty());
    assert!(public.containing("1 rue Privée").is_empty());
}

// ---------------------------------------------------------------- escaping

const XSS_NAME: &str = "<script>alert(1)</script>";
const XSS_ATTR: &str = "\"'><img src=x onerror=alert(1)>";

fn hostile_kit() -> TempDir {
    let yaml_attr = XSS_ATTR.replace('\\', "\\\\").replace('"', "\\\"");
    write_kit(&[
        (
            "carnet.yaml",
            &format!("titre: \"Carnet {yaml_attr}\"\norganisation: \"Org <b>gras</b>\"\n"),
        ),
        (
            "data/personnes/pirate-paul.yaml",
            &format!(
                "civilite: M.\nnom: \"{XSS_NAME}\"\nprenom: \"{yaml_attr}\"\n\
                 entreprise: \"{yaml_attr}\"\n\
                 situation:\n  emploi: false\n  commentaire: \"{XSS_NAME} {yaml_attr}\"\n\
                 inscriptions:\n  - session: \"2026-09\"\n    financement: \"{yaml_attr}\"\n    caf: \"1\"\n    cli: \"2\"\n\
                 parrainage:\n  parrain: bon-parrain\n  debut: \"2026-09-01\"\n  observations: \"{yaml_attr}\"\n\
                 \x20 entretiens:\n    - date: \"2026-10-01\"\n      disponibilite: \"{yaml_attr}\"\n      compte_rendu: |\n\
                 \x20       Lien [x](javascript:alert(1)) et [y](JaVaScRiPt:alert(2)) et <script>alert(3)</script>\n\
                 \x20       ![img](javascript:alert(4)) <img src=x onerror=alert(5)>\n"
            ),
        ),
        (
            "data/personnes/bon-parrain.yaml",
            "civilite: M.\nnom: Bon\nprenom: Parrain\nroles: [parrain]\n",
        ),
        (
            "data/sessions/2026-09.yaml",
            &format!(
                "numero: 1\nmois: \"2026-09\"\nateliers:\n  - date: \"2026-09-03\"\n    intitule: \"{yaml_attr}\"\n    cycle: 1\n\
                 \x20   presences:\n      pirate-paul: {{ statut: absent, commentaire: \"{XSS_NAME} {yaml_attr}\" }}\n"
            ),
        ),
        (
            "data/evenements/2026-10-01-x.yaml",
            &format!(
                "type: conference\ntitre: \"{XSS_NAME}\"\ndate: \"2026-10-01\"\nlieu: \"{yaml_attr}\"\n\
                 participants:\n  - nom: \"{yaml_attr}\"\n    email: \"x@example.org\"\n    present: true\n\
                 bilan: \"[clic](javascript:alert(6)) {XSS_NAME}\"\n"
            ),
        ),
        (
            "content/pages/piege.md",
            &format!(
                "---\ntitre: \"{yaml_attr}\"\nordre: 1\nmenu: true\n---\n\n<script>alert(7)</script>\n\n[a](javascript:alert(8)) [b](  javascript:alert(9))\n\n<a href=\"javascript:alert(10)\">c</a>\n"
            ),
        ),
    ])
}

/// `html` without the scripts carnet writes itself (the search box's, in
/// every page's head, and the filters of the list of people, static text
/// from templates/personnes.html): every other `<script` would be user text
/// let through.
fn without_builtin_script(path: &str, html: &str) -> String {
    const OPEN: &str = "<script id=\"filtre-personnes\">";
    let root = "../".repeat(path.matches('/').count());
    let search = format!("<script src=\"{root}theme/recherche.js\" defer></script>");
    assert_eq!(
        html.matches(&search).count(),
        1,
        "{path}: the search script"
    );
    let html = html.replacen(&search, "", 1);
    match (path == "personnes/index.html", html.find(OPEN)) {
        (true, Some(start)) => {
            let end = html[start..].find("</script>").expect("the script ends") + start;
            format!("{}{}", &html[..start], &html[end + "</script>".len()..])
        }
        _ => html,
    }
}

/// The page without the rapports' bar charts, the inline SVG carnet draws
/// itself (labels and numbers, no user text; their escaping is tested in
/// `view::rapports_svg`), so that any other `<svg>` is caught.
fn without_builtin_charts(html: &str) -> String {
    let mut html = html.to_string();
    while let Some(start) = html.find("<svg class=\"graphique\"") {
        let end = html[start..].find("</svg>").expect("the chart ends") + start;
        html.replace_range(start..end + "</svg>".len(), "");
    }
    html
}

#[test]
fn user_text_is_escaped_everywhere() {
    let kit = hostile_kit();
    for profile in [Profile::Interne, Profile::Public] {
        let site = Site::build(kit.path(), profile);
        let mut pages = 0;
        for (path, html) in site.html() {
            pages += 1;
            let html = &without_builtin_charts(&without_builtin_script(path, html));
            let lower = html.to_lowercase();
            assert!(
                !lower.contains("<script"),
                "{profile:?} {path}: raw <script>"
            );
            assert!(!lower.contains("<b>gras"), "{profile:?} {path}: raw <b>");
            assert!(
                !html.contains("\"'>"),
                "{profile:?} {path}: attribute broken out"
            );
            for (tag, attrs) in tags(html) {
                assert!(
                    !["script", "iframe", "object", "embed", "svg", "style"]
                        .contains(&tag.as_str()),
                    "{profile:?} {path}: <{tag}> in the page"
                );
                for (name, value) in attrs {
                    assert!(
                        !name.starts_with("on"),
                        "{profile:?} {path}: event handler {name}={value:?} on <{tag}>"
                    );
                    assert!(
                        !(matches!(name.as_str(), "href" | "src" | "action")
                            && value.contains("alert(")),
                        "{profile:?} {path}: user text became a link {name}={value:?} on <{tag}>"
                    );
                    let v = value.trim().to_ascii_lowercase();
                    assert!(
                        !v.starts_with("javascript:") && !v.starts_with("data:text"),
                        "{profile:?} {path}: dangerous {name}={value:?} on <{tag}>"
                    );
                }
            }
        }
        assert!(pages > 5);
        // The text is still there, shown as text.
        let home = site.page("index.html");
        assert!(home.contains("Carnet &quot;&#x27;&gt;&lt;img src=x onerror=alert(1)&gt;"));
        let page = site.page("pages/piege.html");
        assert!(
            page.contains("&lt;script&gt;alert(7)&lt;/script&gt;"),
            "{page}"
        );
    }
    let site = Site::build(kit.path(), Profile::Interne);
    let fiche = site.page("personnes/pirate-paul.html");
    assert!(
        fiche.contains("&lt;SCRIPT&gt;ALERT(1)&lt;/SCRIPT&gt;"),
        "{fiche}"
    );
    assert!(
        fiche.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "the comment"
    );
    assert!(
        fiche.contains("&lt;script&gt;alert(3)&lt;/script&gt;"),
        "the report"
    );
    let session = site.page("sessions/2026-09.html");
    assert!(
        session.contains("title=\"&quot;&#x27;&gt;&lt;img"),
        "{session}"
    );
}

// ---------------------------------------------------------------- links

/// Checks every `href`/`src` of every HTML page: relative links resolve to a
/// file of the output, nothing is fetched from elsewhere, no absolute path.
fn assert_links_resolve(site: &Site) -> usize {
    let mut checked = 0;
    let mut broken = Vec::new();
    for (page, html) in site.html() {
        for link in links(html) {
            let lower = link.to_ascii_lowercase();
            if link.starts_with('#')
                || lower.starts_with("mailto:")
                || lower.starts_with("tel:")
                || lower == "data:,"
            {
                continue;
            }
            if lower.starts_with("http:") || lower.starts_with("https:") || link.starts_with("//") {
                broken.push(format!("{page}: external link {link}"));
                continue;
            }
            if link.starts_with('/') || lower.contains(':') {
                broken.push(format!("{page}: not relative: {link}"));
                continue;
            }
            checked += 1;
            match resolve(page, &link) {
                Some(target) if site.files.contains_key(&target) => {}
                Some(target) if site.files.contains_key(&format!("{target}/index.html")) => {}
                Some(target) => broken.push(format!("{page}: {link} → {target} (missing)")),
                None => broken.push(format!("{page}: {link} leaves the site")),
            }
        }
    }
    assert!(broken.is_empty(), "broken links:\n{}", broken.join("\n"));
    checked
}

#[test]
fn every_relative_link_resolves_in_both_profiles() {
    let kit = full_kit(CONFIG);
    for profile in [Profile::Public, Profile::Interne] {
        let site = Site::build(kit.path(), profile);
        let checked = assert_links_resolve(&site);
        assert!(checked > 100, "{profile:?}: only {checked} links checked");
        // The stylesheet is linked from every page, at the right depth.
        assert!(site.page("index.html").contains("href=\"theme/style.css\""));
        assert!(
            site.page("personnes/dupont-jean-pierre.html")
                .contains("href=\"../theme/style.css\"")
        );
        assert!(site.files.contains_key("theme/style.css"));
    }
}

#[test]
fn the_example_kit_has_no_broken_link() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for profile in [Profile::Public, Profile::Interne] {
        let site = Site::build(root, profile);
        assert!(assert_links_resolve(&site) > 500);
    }
}

#[test]
fn the_link_checker_catches_what_it_should() {
    assert_eq!(
        resolve("personnes/a.html", "../sessions/b.html#x"),
        Some("sessions/b.html".into())
    );
    assert_eq!(
        resolve("index.html", "theme/style.css"),
        Some("theme/style.css".into())
    );
    assert_eq!(resolve("index.html", "../outside.html"), None);
    assert_eq!(
        links(
            "<a href=\"a.html\">x</a><link rel=x href='b.css'><img src=c.png alt=\"\"> <p>href=\"no\"</p>"
        ),
        vec!["a.html", "b.css", "c.png"]
    );
    assert_eq!(
        links("<p>&lt;a href=\"javascript:x\"&gt;</p><a title=\"a > b\" href=\"ok.html\">"),
        vec!["ok.html"]
    );
    let found = tags("<img src=x onerror=alert(1)><br/><input disabled value='a b'>");
    assert_eq!(found[0].0, "img");
    assert_eq!(
        found[0].1[1],
        ("onerror".to_string(), "alert(1)".to_string())
    );
    assert_eq!(found[1].0, "br");
    assert_eq!(found[2].1[0], ("disabled".to_string(), String::new()));
    assert_eq!(found[2].1[1], ("value".to_string(), "a b".to_string()));
    assert_eq!(links("<a href=\"a?b=1&amp;c=2\">"), vec!["a?b=1&c=2"]);
}

// ---------------------------------------------------------------- structure

#[test]
fn every_page_has_landmarks_one_h1_and_ordered_headings() {
    let kit = full_kit(CONFIG);
    for profile in [Profile::Public, Profile::Interne] {
        let site = Site::build(kit.path(), profile);
        for (path, html) in site.html() {
            assert!(html.starts_with("<!doctype html>"), "{path}");
            assert!(html.contains("<html lang=\"fr\">"), "{path}");
            assert!(
                html.contains("<a class=\"skip\" href=\"#contenu\">"),
                "{path}"
            );
            assert!(html.contains("<main id=\"contenu\""), "{path}");
            assert!(html.contains("<header class=\"site-header\">"), "{path}");
            assert!(
                html.contains("<nav class=\"site-nav\" aria-label="),
                "{path}"
            );
            assert!(html.contains("<footer"), "{path}");
            let levels = heading_levels(html);
            assert_eq!(
                levels.iter().filter(|&&l| l == 1).count(),
                1,
                "{profile:?} {path}: one h1, got {levels:?}"
            );
            assert_eq!(levels.first(), Some(&1), "{path}: starts with h1");
            for pair in levels.windows(2) {
                assert!(pair[1] <= pair[0] + 1, "{path}: heading jumps {levels:?}");
            }
            // Every header cell says what it heads; every table can scroll.
            let lower = html.to_ascii_lowercase();
            assert_eq!(
                lower.matches("<th ").count() + lower.matches("<th>").count(),
                lower.matches("<th scope=").count(),
                "{path}: <th> without scope"
            );
            assert_eq!(
                lower.matches("<table").count(),
                lower
                    .matches("class=\"table-wrap\" role=\"region\" aria-label=")
                    .count(),
                "{path}: table outside a scrolling region"
            );
            // The current section is marked in the menu.
            if path.ends_with("index.html") && path.contains('/') {
                assert!(html.contains("aria-current=\"page\""), "{path}");
            }
        }
    }
}

// ---------------------------------------------------------------- atomic output

#[test]
fn an_invalid_kit_leaves_the_previous_site_untouched() {
    let kit = full_kit(CONFIG);
    let dir = tempfile::tempdir().expect("a temporary folder");
    let out = dir.path().join("public");
    common::build(kit.path(), &out, Profile::Public).expect("first build");
    let before = read_tree(&out);
    assert!(before.contains_key("personnes/dupont-jean-pierre.html"));

    // Break a record: an unknown field and a bad phone number.
    write(
        kit.path(),
        "data/personnes/martin-claire.yaml",
        "civilite: Mme\nnom: Martin\nprenom: Claire\nroles: [parrain]\ntelefone: \"12\"\n",
    );
    match common::build(kit.path(), &out, Profile::Public) {
        Err(Failure::Invalid { report, errors }) => {
            assert!(errors >= 1);
            assert!(report.contains("martin-claire.yaml"), "{report}");
        }
        other => panic!("expected Failure::Invalid, got {other:?}"),
    }
    assert_eq!(read_tree(&out), before, "the previous site is unchanged");
    assert_eq!(
        entries(dir.path()),
        vec!["public"],
        "no temporary folder left"
    );

    // A broken template of the kit fails the same way, naming the template.
    write(
        kit.path(),
        "data/personnes/martin-claire.yaml",
        "civilite: Mme\nnom: Martin\nprenom: Claire\nroles: [parrain, tuteur]\n",
    );
    write(
        kit.path(),
        "templates/personne.html",
        "{% extends \"base.html\" %}{% block content %}{% if %}{% endblock %}",
    );
    match common::build(kit.path(), &out, Profile::Public) {
        Err(Failure::Invalid { report, .. }) => {
            assert!(report.contains("templates/personne.html:1:"), "{report}");
        }
        other => panic!("expected Failure::Invalid, got {other:?}"),
    }
    assert_eq!(read_tree(&out), before);
    assert_eq!(entries(dir.path()), vec!["public"]);

    // Fixed: the next build replaces the site.
    std::fs::remove_file(kit.path().join("templates/personne.html")).expect("remove");
    common::build(kit.path(), &out, Profile::Public).expect("build again");
    assert_ne!(read_tree(&out), before);
    assert_eq!(entries(dir.path()), vec!["public"]);
}

// ---------------------------------------------------------------- language, templates

#[test]
fn an_english_kit_gets_english_labels() {
    let kit = full_kit(&format!("{CONFIG}langue: en\n"));
    let site = Site::build(kit.path(), Profile::Interne);
    let home = site.page("index.html");
    assert!(home.contains("<html lang=\"en\">"));
    for word in [
        "People",
        "Mentorships",
        "Directory",
        "Dashboard",
        "Skip to content",
    ] {
        assert!(home.contains(word), "{word} missing:\n{home}");
    }
    assert!(!home.contains("Parrainages"));
    let fiche = site.page("personnes/dupont-jean-pierre.html");
    assert!(fiche.contains("Session 7 — November 2026"), "{fiche}");
    assert!(fiche.contains("Job club — October 2026"));
    assert!(fiche.contains("badge-excuse\">Excused"));
    assert!(fiche.contains("Interview of"));
    assert!(fiche.contains("Internal version"));
    let session = site.page("sessions/2026-11.html");
    assert!(
        session.contains(">3 Nov<"),
        "short English dates: {session}"
    );
}

#[test]
fn a_kit_template_replaces_the_built_in_one() {
    let kit = full_kit(CONFIG);
    write(
        kit.path(),
        "templates/personne.html",
        "{% extends \"base.html\" %}{% block title %}{{ page.nom }}{% endblock %}\
         {% block content %}<h1>FICHE MAISON {{ page.nom }} {{ page.prenom }}</h1>{% endblock %}",
    );
    let site = Site::build(kit.path(), Profile::Public);
    let fiche = site.page("personnes/dupont-jean-pierre.html");
    assert!(
        fiche.contains("<h1>FICHE MAISON DUPONT Jean-Pierre</h1>"),
        "{fiche}"
    );
    assert!(
        fiche.contains("class=\"site-nav\""),
        "the built-in base still applies"
    );
    assert!(
        !site.page("sessions/2026-11.html").contains("FICHE MAISON"),
        "other templates untouched"
    );
}

#[test]
fn a_kit_template_with_a_syntax_error_is_reported_by_name() {
    let kit = full_kit(CONFIG);
    write(
        kit.path(),
        "templates/activite.html",
        "{% extends \"base.html\" %}\n{% block content %}\n{% for x in %}\n{% endblock %}\n",
    );
    let dir = tempfile::tempdir().expect("a temporary folder");
    let out = dir.path().join("public");
    match common::build(kit.path(), &out, Profile::Public) {
        Err(Failure::Invalid { report, .. }) => {
            assert!(
                report.contains("templates/activite.html:3:"),
                "names the kit's file and line: {report}"
            );
        }
        other => panic!("expected Failure::Invalid, got {other:?}"),
    }
    assert!(!out.exists(), "nothing written");
    assert!(entries(dir.path()).is_empty(), "no temporary folder left");
}
