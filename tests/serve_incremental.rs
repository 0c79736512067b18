//! What `carnet serve` holds after any sequence of changes is what a full
//! build of the kit as it now stands would write, byte for byte: random
//! sequences of edits, additions, deletions and renames of records, pages,
//! templates, theme files and carnet.yaml are applied to a copy of the
//! example kit, the live site is told which files changed, and after each
//! step it is compared with a fresh build (pages, theme files and every PDF
//! form). Steps that make the kit invalid must leave the last good site and
//! report errors; the step that repairs it must bring everything back.

mod common;

use carnet::Profile;
use carnet::serve::site::LiveSite;
use common::example::{Memory, copy_kit};
use proptest::prelude::*;
use std::collections::BTreeMap;
use std::path::Path;

/// The build day of the tests.
fn today() -> chrono::NaiveDate {
    common::today()
}

/// Existing people of the example kit whose first name the test changes:
/// three trainees, and a marraine whose name is shown on her filleule's
/// fiche (a fact of one record shown on another's page).
const PEOPLE: [&str; 4] = [
    "data/personnes/aubert-sebastien.yaml",
    "data/personnes/caron-noemie.yaml",
    "data/personnes/chevallier-jean-pierre.yaml",
    "data/personnes/girard-christiane.yaml",
];

/// A filleule of the example kit whose interview report the test rewrites
/// (Markdown rendered once and remembered by the server).
const REPORT: (&str, &str) = (
    "data/personnes/collet-helene.yaml",
    "Visite du service d'accueil de la clinique organisée pour avril.",
);

/// Sessions a new person may enrol in.
const SESSIONS: [&str; 2] = ["2026-10", "2026-11"];

/// Free pages whose text the test changes; the mentoring charter is
/// printed on every fiche de parrainage.
const PAGES: [&str; 3] = [
    "content/pages/a-propos.md",
    "content/pages/entretiens.md",
    "content/pages/charte-parrainage.md",
];

/// A trainee of the example kit in no session, whom the session's own file
/// enrols ([`Op::SessionEnrols`]): their fiche and forms must show it.
const SESSION_ENROLMENT: (&str, &str) = (
    "data/sessions/2026-10.yaml",
    "  - personne: fontaine-julien\n    financement: CPF\n",
);

/// The marraine whose consent to the annuaire the test takes back and gives
/// again: her name on her filleule's fiche and in the lists of the public site.
const CONSENT: (&str, &str) = (
    "data/personnes/girard-christiane.yaml",
    "annuaire:\n  nom: false\n",
);

/// The PLIE calendar, and the commission whose date the test moves: the
/// commission a pending exit is planned for, shown on the participant's
/// fiche and on the sorties page.
const COMMISSION: (&str, &str) = (
    "data/commissions.yaml",
    "- { date: 2027-02-04, cloture: 2027-01-21, type: commission }",
);

/// One change a user could make while `carnet serve` runs.
#[derive(Clone, Debug)]
enum Op {
    /// A new first name for an existing person (their fiche, lists, forms…).
    Rename { person: usize, name: usize },
    /// A new site title (every page).
    Title(usize),
    /// A new trainee, enrolled in a session or not.
    Add { session: Option<usize> },
    /// Deletes one of the trainees added before.
    Delete(usize),
    /// Renames the file of a trainee added before (a new id).
    Move(usize),
    /// Enrols a trainee added before in a session, or strikes them off.
    Enrol {
        added: usize,
        session: Option<usize>,
    },
    /// New text for a free page.
    Page { page: usize, text: usize },
    /// New Markdown for an interview report.
    Report(usize),
    /// A new start month for the filleule's mentorship (a figure of two
    /// rapports month pages, though no page lists her file as its own).
    MentorshipStart(usize),
    /// A session renumbered and its first atelier retitled: shown on the
    /// fiche of each person it enrols (the session's title, the atelier's).
    Session(usize),
    /// A visible change to the kit's fiche template, or a comment only.
    Template { visible: bool, n: usize },
    /// A new colour in the theme's style sheet.
    Theme(usize),
    /// A comment appended to a record: no output changes.
    Comment(usize),
    /// A YAML syntax error in a person's file (the kit is invalid until repaired).
    Break(usize),
    /// Puts back every file broken before.
    Repair,
    /// The session's own file enrols an existing trainee, or no longer does.
    SessionEnrols(bool),
    /// The marraine refuses to have her name published, or consents again.
    Consent(bool),
    /// A new date for a commission of the PLIE calendar.
    Commission(usize),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (0..PEOPLE.len(), 0..5usize).prop_map(|(person, name)| Op::Rename { person, name }),
        (0..5usize).prop_map(Op::Title),
        proptest::option::of(0..SESSIONS.len()).prop_map(|session| Op::Add { session }),
        (0..4usize).prop_map(Op::Delete),
        (0..4usize).prop_map(Op::Move),
        (0..4usize, proptest::option::of(0..SESSIONS.len()))
            .prop_map(|(added, session)| Op::Enrol { added, session }),
        (0..PAGES.len(), 0..5usize).prop_map(|(page, text)| Op::Page { page, text }),
        (0..5usize).prop_map(Op::Report),
        (0..MONTHS.len()).prop_map(Op::MentorshipStart),
        (0..5usize).prop_map(Op::Session),
        (any::<bool>(), 0..5usize).prop_map(|(visible, n)| Op::Template { visible, n }),
        (0..5usize).prop_map(Op::Theme),
        (0..PEOPLE.len()).prop_map(Op::Comment),
        (0..PEOPLE.len()).prop_map(Op::Break),
        Just(Op::Repair),
        any::<bool>().prop_map(Op::SessionEnrols),
        any::<bool>().prop_map(Op::Consent),
        (0..5usize).prop_map(Op::Commission),
    ]
}

/// Start months the test gives the filleule's mentorship (it ends in July 2026).
const MONTHS: [&str; 3] = ["2026-03", "2026-05", "2026-06"];

const FIRST_NAMES: [&str; 5] = ["Léon", "Zoé", "Anaïs", "Marc-Antoine", "Inès"];

/// The kit being edited, and what the test added or broke in it.
struct Kit {
    dir: tempfile::TempDir,
    /// Trainees added by the test: id and enrolled session.
    added: Vec<(String, Option<usize>)>,
    /// Files broken, with their content before.
    broken: BTreeMap<String, String>,
    /// Counter for new ids.
    next: usize,
}

impl Kit {
    /// A copy of the example kit, nothing added or broken yet.
    fn example() -> Kit {
        let dir = tempfile::tempdir().expect("a temporary folder");
        copy_kit(dir.path());
        Kit {
            dir,
            added: vec![],
            broken: BTreeMap::new(),
            next: 0,
        }
    }

    /// The live site of this kit, built once.
    fn serve(&self, profile: Profile) -> LiveSite {
        let mut live = LiveSite::new(self.dir.path().to_path_buf(), profile, today());
        let first = live.rebuild(&[], today());
        assert!(
            first.errors.is_none(),
            "the example kit builds: {:?}",
            first.errors
        );
        live
    }

    fn path(&self, rel: &str) -> std::path::PathBuf {
        self.dir.path().join(rel)
    }

    fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.path(rel)).expect("read a kit file")
    }

    fn write(&self, rel: &str, text: &str) {
        let path = self.path(rel);
        std::fs::create_dir_all(path.parent().expect("a parent")).expect("create the folder");
        std::fs::write(path, text).expect("write a kit file");
    }

    /// Replaces the first line starting with `key` in `rel`.
    fn set_line(&self, rel: &str, key: &str, line: &str) {
        let text = self.read(rel);
        let replaced: Vec<&str> = text
            .lines()
            .map(|l| if l.starts_with(key) { line } else { l })
            .collect();
        self.write(rel, &(replaced.join("\n") + "\n"));
    }

    /// Takes `tail` out of the file `rel`, then ends the file with it when `on`.
    fn toggle_tail(&self, (rel, tail): (&str, &str), on: bool) -> Vec<String> {
        if self.broken.contains_key(rel) {
            return vec![];
        }
        let text = self.read(rel).replace(tail, "");
        self.write(rel, &if on { format!("{text}{tail}") } else { text });
        vec![rel.to_string()]
    }

    fn person_file(id: &str) -> String {
        format!("data/personnes/{id}.yaml")
    }

    fn person_text(n: usize, session: Option<usize>) -> String {
        let mut text = format!(
            "civilite: Mme\nnom: Essai{}\nprenom: Camille\nroles: [stagiaire]\nemail: essai{n}@example.org\n",
            ["", "-Dupuis", "-Martin"][n % 3]
        );
        if let Some(s) = session {
            text.push_str(&format!(
                "inscriptions:\n  - session: \"{}\"\n    financement: CPF\n",
                SESSIONS[s]
            ));
        }
        text
    }

    /// Applies `op`; returns the kit paths it touched (none when it did not apply).
    fn apply(&mut self, op: &Op) -> Vec<String> {
        match *op {
            Op::Rename { person, name } => {
                let rel = PEOPLE[person];
                if self.broken.contains_key(rel) {
                    return vec![];
                }
                self.set_line(rel, "prenom:", &format!("prenom: {}", FIRST_NAMES[name]));
                vec![rel.to_string()]
            }
            Op::Title(n) => {
                self.set_line("carnet.yaml", "titre:", &format!("titre: \"Carnet n°{n}\""));
                vec!["carnet.yaml".to_string()]
            }
            Op::Add { session } => {
                self.next += 1;
                let id = format!("essai-{}", self.next);
                let rel = Self::person_file(&id);
                self.write(&rel, &Self::person_text(self.next, session));
                self.added.push((id, session));
                vec![rel]
            }
            Op::Delete(i) => {
                if self.added.is_empty() {
                    return vec![];
                }
                let (id, _) = self.added.remove(i % self.added.len());
                let rel = Self::person_file(&id);
                std::fs::remove_file(self.path(&rel)).expect("delete a kit file");
                vec![rel]
            }
            Op::Move(i) => {
                if self.added.is_empty() {
                    return vec![];
                }
                let i = i % self.added.len();
                self.next += 1;
                let new = format!("essai-{}", self.next);
                let (from, to) = (Self::person_file(&self.added[i].0), Self::person_file(&new));
                std::fs::rename(self.path(&from), self.path(&to)).expect("rename a kit file");
                self.added[i].0 = new;
                vec![from, to]
            }
            Op::Enrol { added, session } => {
                if self.added.is_empty() {
                    return vec![];
                }
                let i = added % self.added.len();
                let rel = Self::person_file(&self.added[i].0);
                let n: usize = self.added[i].0["essai-".len()..].parse().expect("a number");
                self.write(&rel, &Self::person_text(n, session));
                self.added[i].1 = session;
                vec![rel]
            }
            Op::Page { page, text } => {
                let rel = PAGES[page];
                let body = self.read(rel);
                self.write(rel, &format!("{body}\nParagraphe ajouté n°{text}.\n"));
                vec![rel.to_string()]
            }
            Op::Report(n) => {
                let (rel, line) = REPORT;
                let text = self.read(rel);
                let start = text.find(line).or_else(|| text.find("Compte rendu n°"));
                let Some(start) = start else { return vec![] };
                let end = start + text[start..].find('\n').unwrap_or(text.len() - start);
                let new = format!("Compte rendu n°{n} : **à confirmer** avec _la clinique_.");
                self.write(rel, &format!("{}{new}{}", &text[..start], &text[end..]));
                vec![rel.to_string()]
            }
            Op::MentorshipStart(month) => {
                let (rel, _) = REPORT;
                if self.broken.contains_key(rel) {
                    return vec![];
                }
                let line = format!("  debut: \"{}-10\"", MONTHS[month]);
                self.set_line(rel, "  debut:", &line);
                vec![rel.to_string()]
            }
            Op::Session(n) => {
                let rel = "data/sessions/2026-10.yaml";
                self.set_line(rel, "numero:", &format!("numero: {}", 50 + n));
                self.set_line(
                    rel,
                    "    intitule:",
                    &format!("    intitule: Atelier n°{n}"),
                );
                vec![rel.to_string()]
            }
            Op::Template { visible, n } => {
                let rel = "templates/personne.html";
                let text = self.read(rel);
                let text = if visible {
                    text.replacen(
                        "<h1>",
                        &format!("<p class=\"essai\">version {n}</p>\n<h1>"),
                        1,
                    )
                } else {
                    format!("{{# essai {n} #}}\n{text}")
                };
                self.write(rel, &text);
                vec![rel.to_string()]
            }
            Op::Theme(n) => {
                let rel = "themes/default/style.css";
                let text = self.read(rel);
                self.write(rel, &format!("{text}\n.essai-{n} {{ color: #00{n}; }}\n"));
                vec![rel.to_string()]
            }
            Op::Comment(person) => {
                let rel = PEOPLE[person];
                let text = self.read(rel);
                self.write(rel, &format!("{text}# relu\n"));
                vec![rel.to_string()]
            }
            Op::Break(person) => {
                let rel = PEOPLE[person];
                if self.broken.contains_key(rel) {
                    return vec![];
                }
                let text = self.read(rel);
                self.write(rel, &format!("{text}prenom: [non fermé\n"));
                self.broken.insert(rel.to_string(), text);
                vec![rel.to_string()]
            }
            Op::Repair => {
                let broken = std::mem::take(&mut self.broken);
                for (rel, text) in &broken {
                    self.write(rel, text);
                }
                broken.into_keys().collect()
            }
            Op::SessionEnrols(on) => self.toggle_tail(SESSION_ENROLMENT, on),
            Op::Consent(refused) => self.toggle_tail(CONSENT, refused),
            Op::Commission(n) => {
                let (rel, line) = COMMISSION;
                let moved = line.replace("2027-02-04", &format!("2027-02-1{n}"));
                self.set_line(rel, "- { date: 2027-02-", &moved);
                vec![rel.to_string()]
            }
        }
    }
}

/// A fresh build of the kit at `root` (pages, theme files, forms), in
/// memory, or `None` when the kit has errors.
fn full_build(root: &Path, profile: Profile) -> Option<BTreeMap<String, Vec<u8>>> {
    full_build_on(root, profile, today())
}

/// [`full_build`] on `day`.
fn full_build_on(
    root: &Path,
    profile: Profile,
    day: chrono::NaiveDate,
) -> Option<BTreeMap<String, Vec<u8>>> {
    let (kit, diagnostics) = carnet::check(root, day).expect("no I/O error");
    if carnet::has_errors(&diagnostics) {
        return None;
    }
    let memory = Memory::default();
    carnet::render_kit(&kit, profile, true, &memory).expect("every output renders");
    Some(memory.0.into_inner().expect("no panic while storing"))
}

/// Asserts that `live` holds exactly `expected`.
fn assert_same(live: &LiveSite, expected: &BTreeMap<String, Vec<u8>>, step: &str) {
    let held = live.paths();
    let wanted: Vec<&String> = expected.keys().collect();
    assert_eq!(
        held.iter().collect::<Vec<_>>(),
        wanted,
        "after {step}: the live site's paths differ from a full build's"
    );
    for (path, bytes) in expected {
        let served = live
            .get(path)
            .unwrap_or_else(|| panic!("after {step}: {path} missing"));
        assert!(
            *served.bytes == **bytes,
            "after {step}: {path} differs from a full build"
        );
    }
}

fn run(ops: &[Op], profile: Profile) {
    let mut kit = Kit::example();
    let mut live = kit.serve(profile);
    for (n, op) in ops.iter().enumerate() {
        let changed = kit.apply(op);
        // The pages served before the rebuild is complete (the quick lane's
        // fiches, the first phase's narrow pages), as served then.
        let mut early: Vec<(String, Vec<u8>)> = Vec::new();
        let rebuild = live.rebuild_in_phases(&changed, today(), |version, paths| {
            for path in paths {
                let served = version.get(path).expect("an announced page is served");
                early.push((path.clone(), served.bytes.to_vec()));
            }
        });
        let step = format!("step {n} ({op:?}, {changed:?})");
        match full_build(kit.dir.path(), profile) {
            Some(expected) => {
                assert!(
                    rebuild.errors.is_none(),
                    "after {step}: {:?}",
                    rebuild.errors
                );
                assert_same(&live, &expected, &step);
                for (path, bytes) in &early {
                    assert!(
                        expected.get(path) == Some(bytes),
                        "after {step}: {path} was served early (quick lane {:?}) with bytes a full build does not give",
                        rebuild.quick
                    );
                }
            }
            None => {
                let errors = rebuild.errors.unwrap_or_default();
                assert!(
                    errors.starts_with("erreur : ") && errors.contains("data/personnes/"),
                    "after {step}: an invalid kit is reported in the kit's language with the file at fault, got {errors:?}"
                );
                assert!(live.is_built(), "the last good site is still served");
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 6, ..ProptestConfig::default() })]

    #[test]
    fn the_live_site_equals_a_full_build_after_any_changes(ops in proptest::collection::vec(op(), 1..7)) {
        run(&ops, Profile::Interne);
    }
}

/// The steps most likely to leave a page stale, in one fixed sequence, for
/// both profiles: a trainee enrolled then struck off (the session page must
/// drop them though they are no longer its input), renamed, deleted; a
/// broken file then repaired along with other changes made meanwhile; a
/// marraine renamed (shown on her filleule's fiche); an interview report
/// rewritten twice then back to its earlier text (its remembered HTML and
/// plain text must not outlive its text, nor be lost when it comes back); a
/// session renumbered and its atelier retitled (shown on its trainees'
/// fiches), twice, around a marraine renamed again.
#[test]
fn links_removed_and_repairs_leave_nothing_stale() {
    let ops = [
        Op::Add { session: Some(0) },
        Op::Enrol {
            added: 0,
            session: Some(1),
        },
        Op::Enrol {
            added: 0,
            session: None,
        },
        Op::Move(0),
        Op::Break(0),
        Op::Rename { person: 1, name: 2 },
        Op::Title(3),
        Op::Repair,
        Op::Template {
            visible: true,
            n: 1,
        },
        Op::Template {
            visible: false,
            n: 2,
        },
        Op::Delete(0),
        Op::Comment(2),
        Op::Rename { person: 3, name: 4 },
        Op::Report(1),
        Op::Report(2),
        Op::Report(1),
        Op::Session(3),
        Op::Rename { person: 3, name: 1 },
        Op::Session(4),
    ];
    for profile in [Profile::Interne, Profile::Public] {
        run(&ops, profile);
    }
}

/// The changes that reach a part of the view `carnet serve` would otherwise
/// take as is from its last build, for both profiles: a session's own file
/// enrolling a trainee (their fiche, forms and the lists), a marraine
/// renamed (her filleule's fiche and fiche de parrainage) then refusing to
/// be named and consenting again (the public fiches and lists), a
/// commission moved (the exit it is planned for), the charter edited (the
/// fiches de parrainage print it), a trainee added.
#[test]
fn parts_of_the_view_follow_every_change_that_reaches_them() {
    let ops = [
        Op::SessionEnrols(true),
        Op::Rename { person: 3, name: 0 },
        Op::Consent(true),
        Op::Rename { person: 3, name: 2 },
        Op::Commission(2),
        Op::Page { page: 2, text: 1 },
        Op::Consent(false),
        Op::SessionEnrols(false),
        Op::Commission(0),
        Op::Add { session: Some(0) },
        Op::Rename { person: 0, name: 3 },
        Op::Page { page: 2, text: 4 },
    ];
    for profile in [Profile::Interne, Profile::Public] {
        run(&ops, profile);
    }
}

/// A new day changes what the view counts from the build day (deadlines,
/// follow-ups, the agenda, attestations): nothing made the day before is
/// kept, even beside an edit.
#[test]
fn a_new_day_remakes_the_view() {
    for profile in [Profile::Interne, Profile::Public] {
        let mut kit = Kit::example();
        let mut live = kit.serve(profile);
        let mut day = today();
        for (n, op) in [Op::Rename { person: 3, name: 1 }, Op::Comment(0)]
            .iter()
            .enumerate()
        {
            day = day + chrono::Days::new(20);
            let changed = kit.apply(op);
            let rebuild = live.rebuild(&changed, day);
            assert!(rebuild.errors.is_none(), "{:?}", rebuild.errors);
            let expected = full_build_on(kit.dir.path(), profile, day).expect("a valid kit");
            assert_same(&live, &expected, &format!("day {n} ({op:?})"));
        }
    }
}

/// A comment changes no output: nothing is reported changed, so no browser
/// reloads; a new first name changes the person's fiche.
#[test]
fn only_outputs_whose_bytes_changed_are_reported() {
    let mut kit = Kit::example();
    let mut live = kit.serve(Profile::Interne);
    let changed = kit.apply(&Op::Comment(0));
    let rebuild = live.rebuild(&changed, today());
    assert!(
        rebuild.rendered > 0,
        "the outputs of the file are rendered again"
    );
    assert_eq!(rebuild.changed, Vec::<String>::new());
    let changed = kit.apply(&Op::Rename { person: 0, name: 1 });
    let rebuild = live.rebuild(&changed, today());
    assert!(
        rebuild
            .changed
            .contains(&"personnes/aubert-sebastien.html".to_string())
            || rebuild
                .changed
                .contains(&"personnes/aubert-sebastien/index.html".to_string()),
        "the fiche is reported changed: {:?}",
        rebuild.changed
    );
    assert!(
        rebuild.rendered < live.paths().len() / 2,
        "only the outputs that show the person are rendered again ({} of {})",
        rebuild.rendered,
        live.paths().len()
    );
}

/// A version of the site taken before a rebuild (a request being answered)
/// keeps its own bytes: requests are answered from the last good version
/// while the next one is built, and never see a mix of both.
#[test]
fn a_version_taken_before_a_rebuild_keeps_its_bytes() {
    let mut kit = Kit::example();
    let mut live = kit.serve(Profile::Interne);
    let before = live.published();
    let fiche = "personnes/aubert-sebastien.html";
    let changed = kit.apply(&Op::Rename { person: 0, name: 1 });
    live.rebuild(&changed, today());
    let old =
        String::from_utf8(before.get(fiche).expect("the fiche").bytes.to_vec()).expect("UTF-8");
    let new = String::from_utf8(live.get(fiche).expect("the fiche").bytes.to_vec()).expect("UTF-8");
    assert!(
        old.contains("AUBERT Sébastien") && !old.contains("Zoé"),
        "{old}"
    );
    assert!(new.contains("AUBERT Zoé"), "{new}");
}

/// The template contracts are checked again only when a template changes:
/// a misspelt field in a template is reported by the next rebuild (the
/// contract catches it before any page is rendered), a change elsewhere
/// keeps reporting it, and fixing the template brings the site back.
#[test]
fn a_template_breaking_its_contract_is_reported_until_fixed() {
    let mut kit = Kit::example();
    let mut live = kit.serve(Profile::Interne);
    let rel = "templates/personne.html";
    let good = kit.read(rel);
    let bad = good.replacen("{{ page.prenom }}</h1>", "{{ page.prenon }}</h1>", 1);
    assert_ne!(
        bad, good,
        "the example's fiche template shows the first name"
    );
    kit.write(rel, &bad);
    let broken = live.rebuild(&[rel.to_string()], today());
    let errors = broken.errors.unwrap_or_default();
    assert!(
        errors.contains("templates/personne.html") && errors.contains("prenon"),
        "{errors}"
    );
    assert!(full_build(kit.dir.path(), Profile::Interne).is_none());
    let changed = kit.apply(&Op::Title(2));
    let still = live.rebuild(&changed, today());
    assert!(
        still
            .errors
            .is_some_and(|e| e.contains("templates/personne.html")),
        "a change elsewhere keeps the template's error"
    );
    kit.write(rel, &good);
    let fixed = live.rebuild(&[rel.to_string()], today());
    assert!(fixed.errors.is_none(), "{:?}", fixed.errors);
    let expected = full_build(kit.dir.path(), Profile::Interne).expect("the kit is good again");
    assert_same(&live, &expected, "the template repaired");
}

/// A mentorship moved from March to May 2026: the rapports month pages of
/// both months change their figures (mentorships started), though a
/// trainee's edit leaves most month pages as they were; every output still
/// equals a full build's.
#[test]
fn a_start_date_edit_changes_the_rapports_months_it_moves_between() {
    let mut kit = Kit::example();
    let mut live = kit.serve(Profile::Interne);
    let changed = kit.apply(&Op::MentorshipStart(1));
    let rebuild = live.rebuild(&changed, today());
    for month in ["rapports/2026-03.html", "rapports/2026-05.html"] {
        assert!(
            rebuild.changed.contains(&month.to_string()),
            "{month} shows the new count: {:?}",
            rebuild.changed
        );
    }
    assert!(
        !rebuild
            .changed
            .contains(&"rapports/2025-10.html".to_string()),
        "{:?}",
        rebuild.changed
    );
    let expected = full_build(kit.dir.path(), Profile::Interne).expect("a good kit");
    assert_same(&live, &expected, "the mentorship moved to May");
}

/// A trainee's new first name is shown on his fiche, on the page of the
/// session he is enrolled in and in the annuaire (pages that list him
/// among others): each is rendered again, and equals a full build's.
#[test]
fn a_name_edit_reaches_the_session_page_and_the_annuaire() {
    let mut kit = Kit::example();
    let mut live = kit.serve(Profile::Interne);
    let changed = kit.apply(&Op::Rename { person: 0, name: 3 });
    let rebuild = live.rebuild(&changed, today());
    for page in [
        "personnes/aubert-sebastien.html",
        "sessions/2026-10.html",
        "annuaire/index.html",
    ] {
        assert!(
            rebuild.changed.contains(&page.to_string()),
            "{page} shows the new name: {:?}",
            rebuild.changed
        );
        let text =
            String::from_utf8(live.get(page).expect("served").bytes.to_vec()).expect("UTF-8");
        assert!(text.contains("Marc-Antoine"), "{page}");
    }
    let expected = full_build(kit.dir.path(), Profile::Interne).expect("a good kit");
    assert_same(&live, &expected, "the trainee renamed");
}

/// Exports and calendar feeds are rendered on request: a spreadsheet asked
/// for before and after an edit of a person it lists has the full build's
/// bytes both times (the one rendered before is not kept).
#[test]
fn an_export_rendered_on_request_follows_the_edits() {
    let mut kit = Kit::example();
    let mut live = kit.serve(Profile::Interne);
    let export = live
        .paths()
        .into_iter()
        .find(|p| p.starts_with("sessions/") && p.ends_with(".xlsx") && p.contains("2026-10"))
        .expect("the inscrits of session 2026-10 as a workbook");
    let first = full_build(kit.dir.path(), Profile::Interne).expect("a good kit");
    assert!(*live.get(&export).expect("served").bytes == *first[&export]);
    let changed = kit.apply(&Op::Rename { person: 0, name: 4 });
    live.rebuild(&changed, today());
    let expected = full_build(kit.dir.path(), Profile::Interne).expect("a good kit");
    assert_ne!(
        first[&export], expected[&export],
        "the workbook lists the trainee's first name"
    );
    assert!(*live.get(&export).expect("served").bytes == *expected[&export]);
}

/// Files checked again though they did not change: the marraine loses her
/// role, and her two filleules' unchanged files are now in error, naming
/// her; renamed meanwhile, she is named by her new name; given her role
/// back, the site is a full build's again. Then a new parrain's file comes
/// before hers: every index after it moves.
#[test]
fn a_mentor_losing_the_role_is_reported_with_her_current_name() {
    let kit = Kit::example();
    let mut live = kit.serve(Profile::Interne);
    let marraine = PEOPLE[3];
    kit.set_line(marraine, "roles:", "roles: [stagiaire]");
    let rebuild = live.rebuild(&[marraine.to_string()], today());
    let errors = rebuild.errors.expect("the filleules' files are in error");
    assert!(
        errors.contains("data/personnes/collet-helene.yaml")
            && errors.contains("data/personnes/gauthier-maelys.yaml")
            && errors.contains("Christiane GIRARD (« girard-christiane ») n'a pas le rôle parrain"),
        "{errors}"
    );
    kit.set_line(marraine, "prenom:", "prenom: Solange");
    let rebuild = live.rebuild(&[marraine.to_string()], today());
    let errors = rebuild.errors.expect("still in error");
    assert!(
        errors.contains("Solange GIRARD (« girard-christiane ») n'a pas le rôle parrain")
            && !errors.contains("Christiane"),
        "{errors}"
    );
    kit.set_line(marraine, "roles:", "roles: [parrain]");
    let rebuild = live.rebuild(&[marraine.to_string()], today());
    assert!(rebuild.errors.is_none(), "{:?}", rebuild.errors);
    let expected = full_build(kit.dir.path(), Profile::Interne).expect("a good kit");
    assert_same(&live, &expected, "the role given back");
    let added = "data/personnes/aaa-parrain.yaml";
    kit.write(
        added,
        "civilite: M.\nnom: Aaa\nprenom: Paul\nroles: [parrain]\n",
    );
    let rebuild = live.rebuild(&[added.to_string()], today());
    assert!(rebuild.errors.is_none(), "{:?}", rebuild.errors);
    let expected = full_build(kit.dir.path(), Profile::Interne).expect("a good kit");
    assert_same(&live, &expected, "a person added first in id order");
}

/// The quick lane: a trainee's new first name is served on his fiche, and
/// announced alone, before the whole kit is checked, with the bytes a full
/// build gives it; so is the fiche of a trainee who enrols in a session his
/// fiche did not name (the session is read for it). A broken file, the
/// edit that repairs it (files changed while the kit was invalid are
/// pending) and a change of roles (which other records are checked
/// against) wait for the whole rebuild.
#[test]
fn a_trainee_edit_takes_the_quick_lane_and_a_change_of_roles_does_not() {
    let mut kit = Kit::example();
    let mut live = kit.serve(Profile::Interne);
    let fiche = "personnes/aubert-sebastien.html";
    let changed = kit.apply(&Op::Rename { person: 0, name: 3 });
    let mut events = Vec::new();
    let rebuild = live.rebuild_in_phases(&changed, today(), |version, paths| {
        let shown = version.get(fiche).expect("the fiche is served");
        events.push((paths.to_vec(), shown.bytes.to_vec()));
    });
    assert_eq!(rebuild.quick, vec![fiche.to_string()]);
    assert_eq!(events[0].0, vec![fiche.to_string()], "the first event");
    let expected = full_build(kit.dir.path(), Profile::Interne).expect("a good kit");
    assert!(String::from_utf8_lossy(&events[0].1).contains("Marc-Antoine"));
    assert!(
        events[0].1 == expected[fiche],
        "the quick fiche is the full build's"
    );
    assert_same(&live, &expected, "the trainee renamed");

    let added = kit.apply(&Op::Add { session: None });
    let rebuild = live.rebuild(&added, today());
    assert!(
        rebuild.quick.is_empty(),
        "a new file waits for the whole rebuild"
    );
    let enrolled = kit.apply(&Op::Enrol {
        added: 0,
        session: Some(1),
    });
    let rebuild = live.rebuild(&enrolled, today());
    assert_eq!(rebuild.quick, vec!["personnes/essai-1.html".to_string()]);
    let expected = full_build(kit.dir.path(), Profile::Interne).expect("a good kit");
    let page = String::from_utf8(expected["personnes/essai-1.html"].clone()).expect("UTF-8");
    assert!(page.contains("2026-11"), "the fiche names the session");
    assert_same(&live, &expected, "the trainee enrolled");

    let broken = kit.apply(&Op::Break(1));
    let rebuild = live.rebuild(&broken, today());
    assert!(rebuild.errors.is_some(), "a YAML error");
    assert!(
        rebuild.quick.is_empty(),
        "nothing of a broken file is served"
    );
    let repaired = kit.apply(&Op::Repair);
    let rebuild = live.rebuild(&repaired, today());
    assert!(rebuild.errors.is_none(), "{:?}", rebuild.errors);
    assert!(rebuild.quick.is_empty(), "an edit pending since an error");

    kit.set_line(PEOPLE[0], "roles:", "roles: [stagiaire, parrain]");
    let rebuild = live.rebuild(&[PEOPLE[0].to_string()], today());
    assert!(rebuild.errors.is_none(), "{:?}", rebuild.errors);
    assert!(rebuild.quick.is_empty(), "{:?}", rebuild.quick);
    let expected = full_build(kit.dir.path(), Profile::Interne).expect("a good kit");
    assert_same(&live, &expected, "a role added");
}

/// A session's file that starts enrolling a trainee it did not name takes
/// the quick lane: its page is served first with the trainee (read for it
/// though the page's last inputs did not name him), with the bytes of a
/// full build; then the trainee's fiche follows with the rest.
#[test]
fn a_session_enrolling_a_trainee_takes_the_quick_lane() {
    let mut kit = Kit::example();
    let mut live = kit.serve(Profile::Interne);
    let page = "sessions/2026-10.html";
    let before = String::from_utf8(live.get(page).expect("served").bytes.to_vec()).expect("UTF-8");
    assert!(!before.contains("fontaine-julien"), "not enrolled yet");
    let changed = kit.apply(&Op::SessionEnrols(true));
    let mut first = None;
    let rebuild = live.rebuild_in_phases(&changed, today(), |version, paths| {
        if first.is_none() {
            let shown = version.get(page).expect("the session page is served");
            first = Some((paths.to_vec(), shown.bytes.to_vec()));
        }
    });
    assert_eq!(rebuild.quick, vec![page.to_string()]);
    let (paths, bytes) = first.expect("an early event");
    assert_eq!(
        paths,
        vec![page.to_string()],
        "the first event names the page alone"
    );
    let expected = full_build(kit.dir.path(), Profile::Interne).expect("a good kit");
    assert!(String::from_utf8_lossy(&bytes).contains("personnes/fontaine-julien.html"));
    assert!(
        bytes == expected[page],
        "the quick page is the full build's"
    );
    assert!(
        rebuild
            .changed
            .contains(&"personnes/fontaine-julien.html".to_string()),
        "his fiche follows: {:?}",
        rebuild.changed
    );
    assert_same(&live, &expected, "the session enrols him");
}
