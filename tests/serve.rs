//! `carnet serve`: the preview server answers from memory with the right
//! types and validators, refuses every path that tries to leave the site,
//! follows edits of the kit (live-reload events, new content, errors shown
//! then cleared), and refuses to show internal data to the network.

mod common;

use carnet::Profile;
use carnet::serve::{ServeOptions, Server};
use serde_json::Value;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{IpAddr, Ipv4Addr, SocketAddr, TcpStream};
use std::path::Path;
use std::time::{Duration, Instant};
use tempfile::TempDir;

/// How long a test waits for the server to follow an edit (a debug build
/// of the example kit rebuilds in well under a second).
const PATIENCE: Duration = Duration::from_secs(30);

/// A person of the example kit, and their fiche.
const PERSON: &str = "data/personnes/benali-karim.yaml";
const FICHE: &str = "personnes/benali-karim.html";

/// The example kit in a temporary folder, served on a free port.
fn serve_example() -> (TempDir, Server) {
    let kit = tempfile::tempdir().expect("a temporary folder");
    carnet::scaffold::init(kit.path()).expect("the example kit is written");
    let server = Server::start(&options(kit.path())).expect("the server starts");
    assert!(server.first.errors.is_none(), "{:?}", server.first.errors);
    (kit, server)
}

fn options(root: &Path) -> ServeOptions {
    ServeOptions {
        port: Some(0),
        today: Some(common::today()),
        verbose: false,
        ..ServeOptions::new(root.to_path_buf())
    }
}

/// An HTTP answer: status, headers (names in lower case), body.
struct Answer {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Answer {
    fn header(&self, name: &str) -> Option<&str> {
        let name = name.to_ascii_lowercase();
        self.headers
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.as_str())
    }

    fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// Sends `method target` exactly as written (no client-side normalisation
/// of `..` or escapes) with extra header lines, and reads the whole answer.
fn request(addr: SocketAddr, method: &str, target: &str, extra: &str) -> Answer {
    request_to("localhost", addr, method, target, extra)
}

/// [`request`] with the `Host` header naming `host`.
fn request_to(host: &str, addr: SocketAddr, method: &str, target: &str, extra: &str) -> Answer {
    let mut stream = TcpStream::connect(addr).expect("connect");
    stream.set_read_timeout(Some(PATIENCE)).unwrap();
    write!(
        stream,
        "{method} {target} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n{extra}\r\n"
    )
    .unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).expect("an answer");
    let end = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("a complete head");
    let head = String::from_utf8(raw[..end].to_vec()).unwrap();
    let mut lines = head.split("\r\n");
    let status = lines
        .next()
        .unwrap()
        .split(' ')
        .nth(1)
        .unwrap()
        .parse()
        .unwrap();
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    Answer {
        status,
        headers,
        body: raw[end + 4..].to_vec(),
    }
}

fn get(server: &Server, target: &str) -> Answer {
    request(server.addr, "GET", target, "")
}

/// A browser following live reload: the server-sent events as JSON.
struct Events {
    reader: BufReader<TcpStream>,
}

impl Events {
    fn connect(server: &Server) -> Events {
        let mut stream = TcpStream::connect(server.addr).expect("connect");
        write!(
            stream,
            "GET /_carnet/events HTTP/1.1\r\nHost: localhost\r\n\r\n"
        )
        .unwrap();
        let mut reader = BufReader::new(stream);
        let mut head = String::new();
        while head != "\r\n" {
            head.clear();
            reader.read_line(&mut head).expect("the events head");
            if head.to_ascii_lowercase().starts_with("content-type") {
                assert!(head.contains("text/event-stream"), "{head}");
            }
        }
        Events { reader }
    }

    /// The next event, or `None` if none comes within `wait`.
    fn next_within(&mut self, wait: Duration) -> Option<Value> {
        let deadline = Instant::now() + wait;
        let mut line = String::new();
        loop {
            let left = deadline.checked_duration_since(Instant::now())?;
            let stream = self.reader.get_ref();
            stream
                .set_read_timeout(Some(left.max(Duration::from_millis(1))))
                .unwrap();
            line.clear();
            match self.reader.read_line(&mut line) {
                Ok(0) => panic!("the server closed the events stream"),
                Ok(_) => {}
                Err(_) => return None,
            }
            if let Some(data) = line.strip_prefix("data: ") {
                return Some(serde_json::from_str(data).expect("events are JSON"));
            }
        }
    }

    /// The next event, which must come within [`PATIENCE`].
    fn next(&mut self) -> Value {
        self.next_within(PATIENCE)
            .expect("an event within the patience")
    }

    /// The events of one rebuild (one, or two when its first phase was
    /// announced apart), up to the one saying the site is complete, as one
    /// event: what changed and was removed in either, the last errors.
    fn whole(&mut self) -> Value {
        let mut whole = self.next();
        while whole["complete"] != true {
            let next = self.next();
            for list in ["changed", "removed"] {
                let more = next[list].as_array().expect("a list").clone();
                whole[list].as_array_mut().expect("a list").extend(more);
            }
            whole["errors"] = next["errors"].clone();
            whole["complete"] = next["complete"].clone();
        }
        whole
    }
}

fn strings(value: &Value) -> Vec<&str> {
    value
        .as_array()
        .expect("a list")
        .iter()
        .map(|v| v.as_str().expect("a path"))
        .collect()
}

fn edit(kit: &TempDir, path: &str, from: &str, to: &str) {
    let full = kit.path().join(path);
    let text = std::fs::read_to_string(&full).unwrap();
    assert!(text.contains(from), "{path} holds {from:?}");
    std::fs::write(&full, text.replacen(from, to, 1)).unwrap();
}

#[test]
fn pages_theme_files_and_forms_have_their_types() {
    let (_kit, server) = serve_example();
    let home = get(&server, "/");
    assert_eq!(home.status, 200);
    assert_eq!(
        home.header("content-type"),
        Some("text/html; charset=utf-8")
    );
    assert_eq!(home.header("cache-control"), Some("no-cache"));
    let html = home.text();
    let script = html
        .find("/_carnet/events")
        .expect("the live-reload script");
    assert!(
        script < html.rfind("</body>").unwrap(),
        "script before </body>"
    );

    let css = get(&server, "/theme/style.css");
    assert_eq!(css.status, 200);
    assert_eq!(css.header("content-type"), Some("text/css; charset=utf-8"));
    assert!(!css.text().contains("_carnet"), "only pages get the script");

    let form = get(&server, "/formulaires/vierges/fiche-accueil.pdf");
    assert_eq!(form.status, 200);
    assert_eq!(form.header("content-type"), Some("application/pdf"));
    assert!(form.body.starts_with(b"%PDF-"));
    server.stop();
}

#[test]
fn a_missing_page_gets_the_french_404_page_linking_home() {
    let (_kit, server) = serve_example();
    let missing = get(&server, "/personnes/personne-inconnue.html");
    assert_eq!(missing.status, 404);
    assert_eq!(
        missing.header("content-type"),
        Some("text/html; charset=utf-8")
    );
    let page = missing.text();
    assert!(page.contains("Page introuvable"), "{page}");
    assert!(
        page.contains("<a href=\"/\">Retour à l'accueil</a>"),
        "{page}"
    );
    server.stop();
}

#[test]
fn head_answers_the_length_without_the_body() {
    let (_kit, server) = serve_example();
    let full = get(&server, &format!("/{FICHE}"));
    let head = request(server.addr, "HEAD", &format!("/{FICHE}"), "");
    assert_eq!(head.status, 200);
    assert!(head.body.is_empty());
    assert_eq!(
        head.header("content-length"),
        Some(full.body.len().to_string().as_str())
    );
    assert_eq!(head.header("etag"), full.header("etag"));
    server.stop();
}

#[test]
fn a_page_the_browser_holds_is_not_sent_again() {
    let (_kit, server) = serve_example();
    for target in [format!("/{FICHE}"), "/theme/style.css".to_string()] {
        let first = get(&server, &target);
        let etag = first.header("etag").expect("an ETag").to_string();
        let again = request(
            server.addr,
            "GET",
            &target,
            &format!("If-None-Match: {etag}\r\n"),
        );
        assert_eq!(again.status, 304, "{target}");
        assert!(again.body.is_empty());
        let other = request(server.addr, "GET", &target, "If-None-Match: \"autre\"\r\n");
        assert_eq!(other.status, 200, "{target}");
    }
    server.stop();
}

#[test]
fn a_page_elsewhere_cannot_read_the_preview_through_another_name() {
    // DNS rebinding: evil.example made to resolve to 127.0.0.1.
    let (_kit, server) = serve_example();
    for target in [format!("/{FICHE}"), "/_carnet/events".to_string()] {
        let answer = request_to("evil.example:1111", server.addr, "GET", &target, "");
        assert_eq!(answer.status, 403, "{target}");
        assert!(!answer.text().contains("BENALI"));
        assert!(answer.text().contains("Adresse refusée"));
    }
    let by_ip = format!("{}", server.addr);
    assert_eq!(request_to(&by_ip, server.addr, "GET", "/", "").status, 200);
    server.stop();
}

#[test]
fn a_folder_without_its_slash_is_redirected() {
    let (_kit, server) = serve_example();
    let answer = get(&server, "/personnes?tri=nom");
    assert_eq!(answer.status, 302);
    assert_eq!(answer.header("location"), Some("/personnes/?tri=nom"));
    let folder = get(&server, "/personnes/");
    assert_eq!(folder.status, 200);
    server.stop();
}

#[test]
fn no_path_leaves_the_site() {
    let parent = tempfile::tempdir().unwrap();
    std::fs::write(parent.path().join("secret.txt"), "SECRET-HORS-DU-KIT").unwrap();
    let kit = parent.path().join("kit");
    carnet::scaffold::init(&kit).unwrap();
    std::fs::write(kit.join("secret.txt"), "SECRET-DANS-LE-KIT").unwrap();
    let server = Server::start(&options(&kit)).unwrap();
    for target in [
        "/../secret.txt",
        "/../../secret.txt",
        "/personnes/../../secret.txt",
        "/%2e%2e/secret.txt",
        "/%2E%2E/%2e%2e/secret.txt",
        "/.%2e/secret.txt",
        "/..%2fsecret.txt",
        "/..%2Fsecret.txt",
        "/..%5csecret.txt",
        "/..\\secret.txt",
        "/personnes\\..\\..\\secret.txt",
        "//etc/passwd",
        "/%2fetc/passwd",
        "/etc/passwd",
        "/C:/Windows/win.ini",
        "/secret.txt",
        "/carnet.yaml",
        "/data/personnes/benali-karim.yaml",
        "/index.html%00.txt",
        "/./secret.txt",
        "/%252e%252e/secret.txt",
    ] {
        let answer = get(&server, target);
        assert!(
            answer.status == 400 || answer.status == 404,
            "{target}: {}",
            answer.status
        );
        let body = answer.text();
        assert!(!body.contains("SECRET"), "{target} served a file");
        assert!(!body.contains("root:"), "{target} served /etc/passwd");
        assert!(!body.contains("civilite"), "{target} served a record");
    }
    server.stop();
}

#[test]
fn a_link_leaving_the_kit_is_never_served() {
    let parent = tempfile::tempdir().unwrap();
    let secret = parent.path().join("secret.md");
    std::fs::write(&secret, "SECRET-HORS-DU-KIT").unwrap();
    let kit = parent.path().join("kit");
    carnet::scaffold::init(&kit).unwrap();
    common::symlink(&kit, "content/pages/secret.md", &secret);
    let server = Server::start(&options(&kit)).unwrap();
    let errors = server.first.errors.clone().expect("the link is an error");
    assert!(errors.contains("content/pages/secret.md"), "{errors}");
    assert!(!errors.contains("SECRET"), "{errors}");
    for target in [
        "/pages/secret.html",
        "/content/pages/secret.md",
        "/../secret.md",
    ] {
        let answer = get(&server, target);
        assert_ne!(answer.status, 200, "{target}");
        assert!(!answer.text().contains("SECRET"), "{target}");
    }
    server.stop();
}

#[test]
fn an_editor_saving_by_rename_makes_one_rebuild() {
    let (kit, server) = serve_example();
    let mut browser = Events::connect(&server);
    browser.next();
    let person = kit.path().join(PERSON);
    let text = std::fs::read_to_string(&person).unwrap();
    // As vim does: the old file kept as a backup, a probe file, the new one written.
    std::fs::rename(&person, kit.path().join(format!("{PERSON}~"))).unwrap();
    std::fs::write(kit.path().join("data/personnes/4913"), "").unwrap();
    std::fs::remove_file(kit.path().join("data/personnes/4913")).unwrap();
    std::fs::write(&person, text.replace("nom: Benali", "nom: Benalim")).unwrap();
    let event = browser.whole();
    assert!(event["errors"].is_null(), "{event}");
    assert!(strings(&event["changed"]).contains(&FICHE), "{event}");
    assert!(strings(&event["removed"]).is_empty(), "{event}");
    // One save, one rebuild (its events up to the complete site).
    assert!(browser.next_within(Duration::from_millis(300)).is_none());

    // As other editors do: a hidden temporary file renamed over the record.
    let temporary = kit.path().join("data/personnes/.benali-karim.yaml.tmp1234");
    std::fs::write(&temporary, text.replace("nom: Benali", "nom: Benalix")).unwrap();
    std::fs::rename(&temporary, &person).unwrap();
    let event = browser.whole();
    assert!(strings(&event["changed"]).contains(&FICHE), "{event}");
    assert!(
        get(&server, &format!("/{FICHE}"))
            .text()
            .contains("BENALIX")
    );
    server.stop();
}

#[test]
fn an_edit_reaches_every_browser_and_the_page() {
    let (kit, server) = serve_example();
    let mut browser = Events::connect(&server);
    let mut other = Events::connect(&server);
    let hello = browser.next();
    assert_eq!(hello["hello"], true);
    assert!(hello["errors"].is_null());
    other.next();
    let before = get(&server, &format!("/{FICHE}"));
    assert!(before.text().contains("BENALI"));

    edit(&kit, PERSON, "nom: Benali", "nom: Benalou");
    for events in [&mut browser, &mut other] {
        let event = events.whole();
        assert!(event["errors"].is_null(), "{event}");
        assert!(strings(&event["changed"]).contains(&FICHE), "{event}");
        assert!(event["generation"].as_u64() > hello["generation"].as_u64());
    }
    let after = get(&server, &format!("/{FICHE}"));
    assert!(after.text().contains("BENALOU"));
    assert_ne!(after.header("etag"), before.header("etag"));
    server.stop();
}

#[test]
fn a_trainee_edit_serves_the_fiche_first_then_the_lists() {
    let (kit, server) = serve_example();
    let mut browser = Events::connect(&server);
    browser.next();
    edit(&kit, PERSON, "nom: Benali", "nom: Benalou");
    // First the fiche, already served, while the lists of everyone wait.
    let first = browser.next();
    assert!(first["errors"].is_null(), "{first}");
    assert_eq!(first["complete"], false, "{first}");
    assert!(strings(&first["changed"]).contains(&FICHE), "{first}");
    assert!(
        !strings(&first["changed"]).contains(&"personnes/index.html"),
        "{first}"
    );
    // Then the pages naming him (his session's, from the first phase of the
    // whole rebuild), then the lists, and the site is complete.
    let mut rest = browser.next();
    let mut between = Vec::new();
    while rest["complete"] == false {
        between.extend(strings(&rest["changed"]).into_iter().map(String::from));
        rest = browser.next();
    }
    assert!(rest["errors"].is_null(), "{rest}");
    assert!(
        between.iter().any(|p| p == "sessions/2026-10.html"),
        "his session's page before the lists: {between:?}"
    );
    assert!(
        !between.iter().any(|p| p == "personnes/index.html"),
        "{between:?}"
    );
    assert!(
        strings(&rest["changed"]).contains(&"personnes/index.html"),
        "{rest}"
    );
    assert!(!strings(&rest["changed"]).contains(&FICHE), "{rest}");
    assert!(rest["generation"].as_u64() > first["generation"].as_u64());
    assert!(
        get(&server, "/personnes/index.html")
            .text()
            .contains("BENALOU")
    );
    assert!(
        get(&server, &format!("/{FICHE}"))
            .text()
            .contains("BENALOU")
    );
    server.stop();
}

/// The lists of the second phase fail to render (a kit's list template
/// that breaks on the edited name) after the fiche was served in the first:
/// the errors are shown and the last good site is served again, fiche
/// included, not the fiche of a version that could not be completed.
#[test]
fn a_list_failing_after_the_fiche_was_served_brings_back_the_last_good_site() {
    let kit = tempfile::tempdir().unwrap();
    carnet::scaffold::init(kit.path()).unwrap();
    let list = include_str!("../templates/personnes.html").replacen(
        "{% for p in page.lignes %}",
        "{% for p in page.lignes %}{% if p.nom == \"BENALOU\" %}{{ 1 // 0 }}{% endif %}",
        1,
    );
    std::fs::create_dir_all(kit.path().join("templates")).unwrap();
    std::fs::write(kit.path().join("templates/personnes.html"), list).unwrap();
    let server = Server::start(&options(kit.path())).unwrap();
    assert!(server.first.errors.is_none(), "{:?}", server.first.errors);
    let mut browser = Events::connect(&server);
    browser.next();
    edit(&kit, PERSON, "nom: Benali", "nom: Benalou");
    let rebuild = browser.whole();
    let errors = rebuild["errors"].as_str().expect("the errors are sent");
    assert!(errors.contains("personnes"), "{errors}");
    let fiche = get(&server, &format!("/{FICHE}")).text();
    assert!(
        fiche.contains("BENALI") && !fiche.contains("BENALOU"),
        "{fiche}"
    );
    server.stop();
}

#[test]
fn a_new_record_gets_its_page_and_a_deleted_one_sends_its_browser_home() {
    let (kit, server) = serve_example();
    let mut browser = Events::connect(&server);
    browser.next();
    let record = kit.path().join("data/personnes/nouvelle-anne.yaml");
    std::fs::write(
        &record,
        "civilite: Mme\nnom: Nouvelle\nprenom: Anne\nroles: [stagiaire]\n",
    )
    .unwrap();
    let created = browser.whole();
    assert!(
        strings(&created["changed"]).contains(&"personnes/nouvelle-anne.html"),
        "{created}"
    );
    assert_eq!(get(&server, "/personnes/nouvelle-anne.html").status, 200);

    std::fs::remove_file(&record).unwrap();
    let deleted = browser.whole();
    assert!(deleted["errors"].is_null(), "{deleted}");
    assert!(
        strings(&deleted["removed"]).contains(&"personnes/nouvelle-anne.html"),
        "{deleted}"
    );
    assert_eq!(get(&server, "/personnes/nouvelle-anne.html").status, 404);
    server.stop();
}

#[test]
fn a_bad_edit_keeps_the_last_good_site_and_shows_the_errors_until_fixed() {
    let (kit, server) = serve_example();
    let mut browser = Events::connect(&server);
    browser.next();
    edit(&kit, PERSON, "nom: Benali", "nom: Benalou\nnom: Benali");
    let event = browser.next();
    let errors = event["errors"].as_str().expect("the errors are sent");
    assert!(
        errors.contains("le champ « nom » apparaît deux fois"),
        "{errors}"
    );
    assert!(errors.contains(&format!("{PERSON}:3:1")), "{errors}");
    assert!(errors.contains("attendu"), "{errors}");

    // The last good site is still served.
    let page = get(&server, &format!("/{FICHE}"));
    assert_eq!(page.status, 200);
    assert!(page.text().contains("BENALI"));
    // A page opened now shows the errors at once.
    let mut late = Events::connect(&server);
    let hello = late.next();
    assert_eq!(hello["errors"].as_str(), Some(errors));

    edit(&kit, PERSON, "nom: Benalou\n", "");
    let fixed = browser.next();
    assert!(fixed["errors"].is_null(), "{fixed}");
    assert!(late.next()["errors"].is_null());
    server.stop();
}

#[test]
fn a_kit_invalid_from_the_start_is_served_once_fixed() {
    let kit = tempfile::tempdir().unwrap();
    carnet::scaffold::init(kit.path()).unwrap();
    edit(&kit, PERSON, "civilite: M.", "civilite: Monsieur");
    let server = Server::start(&options(kit.path())).unwrap();
    assert!(server.first.errors.is_some());
    let waiting = get(&server, &format!("/{FICHE}"));
    assert_eq!(waiting.status, 503);
    assert!(waiting.text().contains("pas encore pu être construit"));
    assert!(waiting.text().contains("/_carnet/events"));
    let mut browser = Events::connect(&server);
    assert!(
        browser.next()["errors"]
            .as_str()
            .unwrap()
            .contains("Monsieur")
    );

    edit(&kit, PERSON, "civilite: Monsieur", "civilite: M.");
    let event = browser.next();
    assert!(event["errors"].is_null(), "{event}");
    assert!(strings(&event["changed"]).contains(&FICHE));
    assert_eq!(get(&server, &format!("/{FICHE}")).status, 200);
    server.stop();
}

#[test]
fn many_files_changed_at_once_make_few_rebuilds() {
    let (kit, server) = serve_example();
    let mut browser = Events::connect(&server);
    browser.next();
    let dir = kit.path().join("data/personnes");
    // As a `git checkout` does: each file is written whole under a name the
    // watcher ignores, then all are put in place at once (a file written in
    // place could be read half-written on a loaded machine, which this test
    // is not about).
    for i in 0..40 {
        let yaml = format!("civilite: Mme\nnom: Lot{i}\nprenom: Anne\nroles: [stagiaire]\n");
        std::fs::write(dir.join(format!(".lot-anne-{i}.yaml")), yaml).unwrap();
    }
    for i in 0..40 {
        let name = format!("lot-anne-{i}.yaml");
        std::fs::rename(dir.join(format!(".{name}")), dir.join(name)).unwrap();
    }
    let mut pages = std::collections::BTreeSet::new();
    let mut rebuilds = 0;
    while pages.len() < 40 {
        let event = browser.whole();
        assert!(event["errors"].is_null(), "{event}");
        rebuilds += 1;
        for page in strings(&event["changed"]) {
            if page.starts_with("personnes/lot-anne-") {
                pages.insert(page.to_string());
            }
        }
    }
    assert!(rebuilds <= 2, "{rebuilds} rebuilds for one burst");
    server.stop();
}

#[test]
fn editor_and_version_control_files_start_no_rebuild() {
    let (kit, server) = serve_example();
    let mut browser = Events::connect(&server);
    browser.next();
    let dir = kit.path().join("data/personnes");
    std::fs::write(dir.join(".benali-karim.yaml.swp"), "vim").unwrap();
    std::fs::write(dir.join("benali-karim.yaml~"), "backup").unwrap();
    std::fs::create_dir_all(kit.path().join(".git")).unwrap();
    std::fs::write(kit.path().join(".git/index"), "git").unwrap();
    std::fs::create_dir_all(kit.path().join("public")).unwrap();
    std::fs::write(kit.path().join("public/index.html"), "site").unwrap();
    assert!(browser.next_within(Duration::from_millis(500)).is_none());
    assert_eq!(server.rebuilds(), 0);
    // The watcher is alive: a record saved now is rebuilt.
    edit(&kit, PERSON, "nom: Benali", "nom: Benalo");
    assert!(strings(&browser.next()["changed"]).contains(&FICHE));
    server.stop();
}

#[test]
fn the_interne_profile_is_refused_on_a_network_address() {
    let kit = tempfile::tempdir().unwrap();
    carnet::scaffold::init(kit.path()).unwrap();
    let everyone = ServeOptions {
        bind: IpAddr::V4(Ipv4Addr::UNSPECIFIED),
        ..options(kit.path())
    };
    let Err(message) = Server::start(&everyone) else {
        panic!("interne served on 0.0.0.0");
    };
    assert!(
        message.contains("refus de servir le profil interne sur 0.0.0.0"),
        "{message}"
    );
    assert!(message.contains("127.0.0.1"), "{message}");
    assert!(message.contains("--profile public"), "{message}");

    let public = ServeOptions {
        profile: Profile::Public,
        ..everyone
    };
    Server::start(&public)
        .expect("the public site may be shared")
        .stop();
}

/// The `carnet` binary.
fn carnet() -> std::process::Command {
    std::process::Command::new(env!("CARGO_BIN_EXE_carnet"))
}

#[test]
fn the_command_serves_until_interrupted_and_leaves_the_kit_as_it_was() {
    use std::process::Stdio;
    let kit = tempfile::tempdir().unwrap();
    carnet::scaffold::init(kit.path()).unwrap();
    let listing = |dir: &Path| {
        let mut names: Vec<_> = walk(dir);
        names.sort();
        names
    };
    let before = listing(kit.path());
    let mut child = carnet()
        .args(["serve", "--port", "0", "--today", "2026-11-26"])
        .arg(kit.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut out = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    while !line.contains("site servi sur") {
        line.clear();
        assert_ne!(out.read_line(&mut line).unwrap(), 0, "the URL is printed");
    }
    let url = line
        .split("http://")
        .nth(1)
        .unwrap()
        .split('/')
        .next()
        .unwrap();
    let addr: SocketAddr = url.parse().unwrap();
    assert_eq!(request(addr, "GET", "/", "").status, 200);

    let pid = rustix::process::Pid::from_child(&child);
    rustix::process::kill_process(pid, rustix::process::Signal::INT).unwrap();
    let deadline = Instant::now() + PATIENCE;
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        assert!(
            Instant::now() < deadline,
            "carnet serve did not stop on Ctrl-C"
        );
        std::thread::sleep(Duration::from_millis(20));
    };
    assert!(status.success(), "{status}");
    assert_eq!(listing(kit.path()), before, "the kit is unchanged");
}

/// Every path under `dir`, relative.
fn walk(dir: &Path) -> Vec<String> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if path.is_dir() {
            found.extend(walk(&path).into_iter().map(|p| format!("{name}/{p}")));
        }
        found.push(name);
    }
    found
}

#[test]
fn the_command_refuses_interne_on_a_network_address() {
    let kit = tempfile::tempdir().unwrap();
    carnet::scaffold::init(kit.path()).unwrap();
    let output = carnet()
        .args(["serve", "--bind", "0.0.0.0"])
        .arg(kit.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("erreur : refus de servir le profil interne"),
        "{stderr}"
    );
    assert!(stderr.contains("--profile public"), "{stderr}");
}
