//! The printable forms as a tutor gets them: small kits written into
//! temporary folders, built with `carnet::build`, and the PDFs read back
//! (text with pdf-extract, structure with lopdf). Expected values are written
//! by hand from the input: names as displayed (NOM, Prénom), dates as
//! printed (dd/mm/yyyy).

mod common;

use carnet::{BuildOptions, Failure, Profile};
use lopdf::{Document as Pdf, Object};
use std::collections::BTreeMap;
use std::path::Path;
use tempfile::TempDir;

// ───────────────────────── helpers ─────────────────────────

/// A person file: the three required fields, then `extra`.
fn personne(civilite: &str, nom: &str, prenom: &str, extra: &str) -> String {
    format!("civilite: {civilite}\nnom: \"{nom}\"\nprenom: \"{prenom}\"\n{extra}")
}

/// carnet.yaml with `extra` settings.
fn carnet(extra: &str) -> String {
    format!("titre: Carnet d'essai\norganisation: \"Association Essor Quarante-Deux\"\n{extra}")
}

const ORGANISATION: &str = "Association Essor Quarante-Deux";
const FSE: &str = "Action cofinancée par le FSE+ au titre du programme Emploi";

/// The funders of a kit whose sheets carry the FSE mention.
fn financeurs() -> &'static str {
    "financeurs:\n  - nom: Fonds social européen\n    mention: \"Action cofinancée par le FSE+ au titre du programme Emploi\"\n"
}

/// A built kit: every file written under public/, by relative path.
struct Built {
    _dirs: (TempDir, TempDir),
    files: BTreeMap<String, Vec<u8>>,
}

fn build(files: &[(&str, &str)], profile: Profile) -> Built {
    let bytes: Vec<(&str, &[u8])> = files.iter().map(|(p, c)| (*p, c.as_bytes())).collect();
    let kit = common::write_kit(&bytes);
    let out_dir = tempfile::tempdir().expect("a temporary folder");
    let out = out_dir.path().join("public");
    let result = carnet::build(&BuildOptions {
        root: kit.path().to_path_buf(),
        out: out.clone(),
        profile,
        today: common::today(),
        forms: true,
        exports: true,
        force: false,
    });
    if let Err(e) = result {
        let message = match e {
            Failure::Io(m) | Failure::Template(m) | Failure::Refused(m) => m,
            Failure::Invalid { report, .. } => report,
        };
        panic!("the build failed:\n{message}");
    }
    let mut found = BTreeMap::new();
    read_pdfs(&out, &out, &mut found);
    Built {
        _dirs: (kit, out_dir),
        files: found,
    }
}

fn read_pdfs(root: &Path, dir: &Path, found: &mut BTreeMap<String, Vec<u8>>) {
    for entry in std::fs::read_dir(dir).expect("read a folder of the output") {
        let path = entry.expect("an entry").path();
        if path.is_dir() {
            read_pdfs(root, &path, found);
        } else if path.extension().is_some_and(|e| e == "pdf") {
            let rel = path
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            found.insert(rel, std::fs::read(&path).expect("read a PDF"));
        }
    }
}

impl Built {
    fn pdf(&self, path: &str) -> &[u8] {
        self.files.get(path).unwrap_or_else(|| {
            panic!(
                "{path} was not written; PDFs: {:#?}",
                self.files.keys().collect::<Vec<_>>()
            )
        })
    }

    /// The PDFs of one layout (not the blank one): their file names.
    fn of(&self, layout: &str) -> Vec<String> {
        let prefix = format!("formulaires/{layout}/");
        self.files
            .keys()
            .filter_map(|p| p.strip_prefix(&prefix).map(str::to_string))
            .collect()
    }

    /// The text of a PDF, all pages.
    fn text(&self, path: &str) -> String {
        text(self.pdf(path))
    }

    /// The text of each page of a PDF.
    fn pages(&self, path: &str) -> Vec<String> {
        pdf_extract::extract_text_from_mem_by_pages(self.pdf(path))
            .expect("pdf-extract reads the PDF")
    }
}

fn text(pdf: &[u8]) -> String {
    pdf_extract::extract_text_from_mem(pdf).expect("pdf-extract reads the PDF")
}

/// `text` with runs of white space made one space (pdf-extract puts line
/// breaks and spacing of its own between the pieces of a page).
fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn count(haystack: &str, needle: &str) -> usize {
    haystack.matches(needle).count()
}

// ───────────────────────── a session kit ─────────────────────────

/// Three trainees and a late joiner in session 42 (September 2026): cycle 1
/// on 07/09 and 09/09, cycle 2 on 21/09 and 23/09. Benoît joins on 15/09.
fn session_kit(half_days: bool) -> Vec<(&'static str, String)> {
    let enrol = |extra: &str| {
        format!("inscriptions:\n  - session: s-2026-09\n    financement: France Travail\n{extra}")
    };
    vec![
        (
            "carnet.yaml",
            carnet(&format!(
                "presence_demi_journee: {half_days}\n{}",
                financeurs()
            )),
        ),
        (
            "data/personnes/lefevre-marie-eve.yaml",
            personne("Mme", "lefèvre", "marie-ève", &enrol("")),
        ),
        (
            "data/personnes/celik-zoe.yaml",
            personne("Mme", "Çelik", "ZOÉ", &enrol("")),
        ),
        (
            "data/personnes/da-costa-joao.yaml",
            personne("M.", "da Costa", "joão", &enrol("")),
        ),
        (
            "data/personnes/benoit-remi.yaml",
            personne(
                "M.",
                "Benoît",
                "rémi",
                &enrol("    depuis: \"2026-09-15\"\n"),
            ),
        ),
        (
            "data/personnes/tuteur-paul.yaml",
            personne("M.", "Tuteur", "Paul", "roles: [tuteur]\n"),
        ),
        (
            "data/sessions/s-2026-09.yaml",
            "numero: 42\nmois: \"2026-09\"\ntuteurs: [tuteur-paul]\nateliers:\n\
             \x20 - { date: \"2026-09-07\", intitule: Accueil, cycle: 1 }\n\
             \x20 - { date: \"2026-09-09\", intitule: Compétences, cycle: 1 }\n\
             \x20 - { date: \"2026-09-21\", intitule: Entretien, cycle: 2 }\n\
             \x20 - { date: \"2026-09-23\", intitule: Réseau, cycle: 2 }\n"
                .to_string(),
        ),
    ]
}

fn refs<'a>(files: &'a [(&'static str, String)]) -> Vec<(&'a str, &'a str)> {
    files.iter().map(|(p, c)| (*p, c.as_str())).collect()
}

const CYCLE_1: &str = "formulaires/feuille-presence-session/session/s-2026-09/cycle-1.pdf";
const CYCLE_2: &str = "formulaires/feuille-presence-session/session/s-2026-09/cycle-2.pdf";

#[test]
fn attendance_sheet_lists_people_and_the_cycle_dates_by_half_day() {
    let kit = session_kit(true);
    let built = build(&refs(&kit), Profile::Public);
    assert_eq!(
        built.of("feuille-presence-session"),
        [
            "session/s-2026-09/cycle-1.pdf",
            "session/s-2026-09/cycle-2.pdf"
        ]
    );
    let one = flat(&built.text(CYCLE_1));
    for expected in [
        "LEFÈVRE",
        "Marie-Ève",
        "ÇELIK",
        "Zoé",
        "DA COSTA",
        "João",
        "07/09/2026",
        "09/09/2026",
    ] {
        assert!(
            one.contains(expected),
            "{expected:?} missing from cycle 1:\n{one}"
        );
    }
    // Cycle 2's dates are on the other sheet; the late joiner (from 15/09)
    // is expected at no atelier of cycle 1.
    for absent in ["21/09/2026", "23/09/2026", "BENOÎT", "Rémi"] {
        assert!(!one.contains(absent), "{absent:?} on cycle 1:\n{one}");
    }
    // Two dates, each split into a morning and an afternoon cell.
    // (in the people's table and in the tutor's visa row below it).
    assert_eq!(count(&one, "Matin"), 4, "{one}");
    assert_eq!(count(&one, "Après-midi"), 4, "{one}");
    assert!(
        one.contains("07/09/2026 09/09/2026 Nom Prénom Matin Après-midi Matin Après-midi"),
        "{one}"
    );
    assert!(one.contains("Session 42"), "{one}");
    assert!(one.contains("Cycle 1 — Formation"), "{one}");
    assert!(one.contains(FSE), "funders' mention missing:\n{one}");

    let two = flat(&built.text(CYCLE_2));
    for expected in [
        "BENOÎT",
        "Rémi",
        "LEFÈVRE",
        "21/09/2026",
        "23/09/2026",
        "Approfondissement",
    ] {
        assert!(
            two.contains(expected),
            "{expected:?} missing from cycle 2:\n{two}"
        );
    }
    assert!(!two.contains("07/09/2026"), "{two}");
}

#[test]
fn attendance_sheet_has_one_cell_per_date_without_half_days() {
    let kit = session_kit(false);
    let built = build(&refs(&kit), Profile::Public);
    let one = flat(&built.text(CYCLE_1));
    assert!(
        one.contains("07/09/2026") && one.contains("09/09/2026"),
        "{one}"
    );
    assert!(!one.contains("Matin"), "{one}");
    assert!(!one.contains("Après-midi"), "{one}");
    let blank = flat(&text(
        built.pdf("formulaires/vierges/feuille-presence-session.pdf"),
    ));
    assert!(!blank.contains("Matin"), "{blank}");
}

#[test]
fn a_long_attendance_sheet_repeats_its_header_on_every_page() {
    let mut files = vec![
        ("carnet.yaml".to_string(), carnet(financeurs())),
        (
            "data/sessions/s-2026-10.yaml".to_string(),
            "numero: 43\nmois: \"2026-10\"\nateliers:\n\
             \x20 - { date: \"2026-10-05\", intitule: Accueil, cycle: 1 }\n"
                .to_string(),
        ),
    ];
    for n in 1..=30 {
        files.push((
            format!("data/personnes/p{n:02}.yaml"),
            personne(
                "Mme",
                &format!("Nomligne{n:02}"),
                "Élise",
                "inscriptions: [{ session: s-2026-10, financement: CPF }]\n",
            ),
        ));
    }
    let files: Vec<(&str, &str)> = files
        .iter()
        .map(|(p, c)| (p.as_str(), c.as_str()))
        .collect();
    let built = build(&files, Profile::Public);
    let path = "formulaires/feuille-presence-session/session/s-2026-10/cycle-1.pdf";
    let pages = built.pages(path);
    let total = Pdf::load_mem(built.pdf(path)).unwrap().get_pages().len();
    assert_eq!(pages.len(), total);
    assert!(
        total >= 2,
        "30 people and blank rows need more than a page, got {total}"
    );
    for (n, page) in pages.iter().enumerate() {
        let page = flat(page);
        assert!(
            page.contains("Nom Prénom"),
            "header row missing on page {}:\n{page}",
            n + 1
        );
        assert!(
            page.contains(ORGANISATION),
            "organisation missing on page {}",
            n + 1
        );
        let footer = format!("Page {} / {total}", n + 1);
        assert!(page.contains(&footer), "{footer:?} missing:\n{page}");
    }
    // Every person once, in order.
    let all = flat(&pages.join(" "));
    let mut last = 0;
    for n in 1..=30 {
        let name = format!("NOMLIGNE{n:02}");
        assert_eq!(count(&all, &name), 1, "{name}");
        let at = all.find(&name).unwrap();
        assert!(at > last, "{name} out of order");
        last = at;
    }
    assert!(all.contains(FSE));
}

// ───────────────────────── clubs and lists ─────────────────────────

fn club_kit() -> Vec<(&'static str, String)> {
    vec![
        ("carnet.yaml", carnet("")),
        (
            "data/personnes/roche-sylvie.yaml",
            personne("Mme", "Roche", "Sylvie", "roles: [tuteur]\nmobile: \"06 11 22 33 44\"\n"),
        ),
        (
            "data/personnes/morel-ines.yaml",
            personne("Mme", "Morel", "inès", "mobile: \"06 12 12 12 12\"\nemail: ines.morel@exemple.fr\n"),
        ),
        (
            "data/personnes/secret-tel.yaml",
            personne(
                "M.",
                "Discret",
                "Yves",
                "mobile: \"07 98 76 54 32\"\nemail: yves.discret@exemple.fr\nannuaire: { telephone: false }\n",
            ),
        ),
        (
            "data/personnes/anonyme-nom.yaml",
            personne(
                "Mme",
                "Cachée",
                "Olympe",
                "mobile: \"06 55 44 33 22\"\nannuaire: { nom: false }\n",
            ),
        ),
        (
            "data/clubs/club-2026-10.yaml",
            "mois: \"2026-10\"\ntuteur: roche-sylvie\ninscrits: [morel-ines, secret-tel, anonyme-nom]\nateliers:\n\
             \x20 - { date: \"2026-10-06\", intitule: Lettre de motivation }\n\
             \x20 - { date: \"2026-11-17\", intitule: Relances téléphoniques }\n"
                .to_string(),
        ),
    ]
}

#[test]
fn club_attendance_sheets_are_one_per_atelier_with_its_date() {
    let kit = club_kit();
    let built = build(&refs(&kit), Profile::Public);
    assert_eq!(
        built.of("feuille-presence-club"),
        [
            "club/club-2026-10/2026-10-06.pdf",
            "club/club-2026-10/2026-11-17.pdf"
        ]
    );
    let first =
        flat(&built.text("formulaires/feuille-presence-club/club/club-2026-10/2026-10-06.pdf"));
    assert!(
        first.contains("06/10/2026") && first.contains("Lettre de motivation"),
        "{first}"
    );
    assert!(!first.contains("17/11/2026"), "{first}");
    assert!(
        first.contains("MOREL") && first.contains("Inès") && first.contains("Signature"),
        "{first}"
    );
    assert!(first.contains("Sylvie ROCHE"), "the tutor: {first}");
    let second =
        flat(&built.text("formulaires/feuille-presence-club/club/club-2026-10/2026-11-17.pdf"));
    assert!(
        second.contains("17/11/2026") && second.contains("Relances téléphoniques"),
        "{second}"
    );
}

#[test]
fn enrolment_list_honours_directory_consent_in_both_profiles() {
    let kit = club_kit();
    for profile in [Profile::Public, Profile::Interne] {
        let built = build(&refs(&kit), profile);
        let list = flat(&built.text("formulaires/liste-inscrits-club/club/club-2026-10.pdf"));
        // Consented: name, phone, email.
        assert!(
            list.contains("MOREL") && list.contains("06 12 12 12 12"),
            "{profile:?}: {list}"
        );
        assert!(
            list.contains("ines.morel@exemple.fr"),
            "{profile:?}: {list}"
        );
        // Telephone refused: the name and email are there, not the phone.
        assert!(
            list.contains("DISCRET") && list.contains("yves.discret@exemple.fr"),
            "{profile:?}: {list}"
        );
        assert!(
            !list.contains("07 98 76 54 32"),
            "{profile:?}: refused phone printed:\n{list}"
        );
        // Name refused: absent altogether.
        for hidden in ["CACHÉE", "Olympe", "06 55 44 33 22"] {
            assert!(
                !list.contains(hidden),
                "{profile:?}: {hidden:?} printed:\n{list}"
            );
        }
        // The tutor's contact.
        assert!(
            list.contains("Sylvie ROCHE") && list.contains("06 11 22 33 44"),
            "{profile:?}: {list}"
        );
    }
}

// ───────────────────────── mentorship ─────────────────────────

fn mentorship_kit() -> Vec<(&'static str, String)> {
    vec![
        ("carnet.yaml", carnet("")),
        (
            "content/pages/charte-parrainage.md",
            "---\ntitre: Charte\n---\n\nLe filleul s'engage à venir aux rendez-vous du jeudi.\n\n\
             Le parrain s'engage à relire chaque lettre de candidature.\n"
                .to_string(),
        ),
        (
            "data/personnes/girard-christiane.yaml",
            personne(
                "Mme",
                "Girard",
                "Christiane",
                "roles: [parrain]\nentreprise: Clinique du Val\n",
            ),
        ),
        (
            "data/personnes/collet-helene.yaml",
            personne(
                "Mme",
                "Collet",
                "hélène",
                "parrainage:\n  parrain: girard-christiane\n  debut: \"2026-03-10\"\n\
                 \x20 projet:\n    projet_pro: Agent d'accueil en milieu hospitalier\n\
                 \x20 entretiens:\n    - date: \"2026-03-24\"\n    - date: \"2026-05-12\"\n",
            ),
        ),
    ]
}

#[test]
fn mentoring_form_has_the_charter_the_interview_dates_and_both_signatures() {
    let kit = mentorship_kit();
    let built = build(&refs(&kit), Profile::Interne);
    let form = flat(&built.text("formulaires/fiche-parrainage/personne/collet-helene.pdf"));
    for expected in [
        "Hélène COLLET",
        "Christiane GIRARD",
        "Clinique du Val",
        "10/03/2026",
        "Agent d'accueil en milieu hospitalier",
        "24/03/2026",
        "12/05/2026",
        "Le filleul s'engage à venir aux rendez-vous du jeudi.",
        "Le parrain s'engage à relire chaque lettre de candidature.",
        // Both are women: the words agree with their civilité.
        "La filleule, « lu et approuvé »",
        "La marraine, « lu et approuvé »",
    ] {
        assert!(form.contains(expected), "{expected:?} missing:\n{form}");
    }
    // Parts 1 to 4 in order, the interview dates in part 4.
    let at = |s: &str| {
        form.find(s)
            .unwrap_or_else(|| panic!("{s:?} missing:\n{form}"))
    };
    let parts = ["Partie 1", "Partie 2", "Partie 3", "Partie 4"].map(at);
    assert!(parts.windows(2).all(|w| w[0] < w[1]), "{parts:?}");
    assert!(at("24/03/2026") > parts[3] && at("12/05/2026") > at("24/03/2026"));
    assert!(at("du jeudi") > parts[1] && at("du jeudi") < parts[2]);

    // The blank form carries the charter too, and nobody's data.
    let blank = flat(&text(built.pdf("formulaires/vierges/fiche-parrainage.pdf")));
    assert!(
        blank.contains("Le filleul s'engage à venir aux rendez-vous du jeudi."),
        "{blank}"
    );
    for personal in ["COLLET", "GIRARD", "24/03/2026", "Agent d'accueil"] {
        assert!(!blank.contains(personal), "{personal:?} on the blank form");
    }
}

// ───────────────────────── attestations ─────────────────────────

fn attestation_kit(after_survey: bool) -> Vec<(&'static str, String)> {
    let enrol = "inscriptions: [{ session: s-2026-10, financement: CPF }]\n";
    vec![
        (
            "carnet.yaml",
            carnet(&format!("attestation_apres_satisfaction: {after_survey}\n")),
        ),
        ("data/personnes/assidu-anne.yaml", personne("Mme", "Assidu", "Anne", enrol)),
        ("data/personnes/absent-alain.yaml", personne("M.", "Absent", "Alain", enrol)),
        ("data/personnes/sondee-sarah.yaml", personne("Mme", "Sondée", "Sarah", "")),
        ("data/personnes/muet-marc.yaml", personne("M.", "Muet", "Marc", "")),
        (
            "data/sessions/s-2026-10.yaml",
            "numero: 7\nmois: \"2026-10\"\nateliers:\n\
             \x20 - date: \"2026-10-05\"\n    intitule: Atelier CV\n    cycle: 1\n    presences: { assidu-anne: present, absent-alain: absent }\n\
             \x20 - date: \"2026-10-07\"\n    intitule: Atelier réseau\n    cycle: 1\n    presences: { assidu-anne: absent, absent-alain: excuse }\n\
             \x20 - date: \"2026-10-12\"\n    intitule: Atelier entretien\n    cycle: 2\n    presences: { assidu-anne: present, absent-alain: absent }\n"
                .to_string(),
        ),
        (
            "data/evenements/2026-10-20-salon.yaml",
            "type: salon\ntitre: Salon de l'emploi\ndate: \"2026-10-20\"\nlieu: Parc des expositions\n\
             participants:\n  - { personne: sondee-sarah, present: true, satisfaction: true }\n\
             \x20 - { personne: muet-marc, present: true }\n"
                .to_string(),
        ),
        (
            "data/evenements/2026-12-10-visite.yaml",
            "type: visite_entreprise\ntitre: Visite à venir\ndate: \"2026-12-10\"\nlieu: Usine\n\
             participants: [sondee-sarah, muet-marc]\n"
                .to_string(),
        ),
    ]
}

#[test]
fn attestation_only_for_attended_ateliers() {
    let kit = attestation_kit(false);
    let built = build(&refs(&kit), Profile::Interne);
    // Alain attended nothing; the December visit has not taken place yet.
    assert_eq!(
        built.of("attestation-participation"),
        [
            "evenement/2026-10-20-salon/muet-marc.pdf",
            "evenement/2026-10-20-salon/sondee-sarah.pdf",
            "session/s-2026-10/assidu-anne.pdf",
        ]
    );
    let anne = flat(
        &built.text("formulaires/attestation-participation/session/s-2026-10/assidu-anne.pdf"),
    );
    for expected in [
        "Mme Anne ASSIDU",
        "Session 7",
        "05/10/2026",
        "Atelier CV",
        "12/10/2026",
        "Atelier entretien",
    ] {
        assert!(anne.contains(expected), "{expected:?} missing:\n{anne}");
    }
    assert!(
        !anne.contains("07/10/2026") && !anne.contains("Atelier réseau"),
        "not attended:\n{anne}"
    );
    assert!(anne.contains(ORGANISATION), "{anne}");
}

#[test]
fn attestation_after_the_survey_only_for_those_who_answered() {
    let kit = attestation_kit(true);
    let built = build(&refs(&kit), Profile::Interne);
    let events: Vec<String> = built
        .of("attestation-participation")
        .into_iter()
        .filter(|f| f.contains("salon"))
        .collect();
    assert_eq!(events, ["evenement/2026-10-20-salon/sondee-sarah.pdf"]);
    let sarah =
        flat(&built.text(
            "formulaires/attestation-participation/evenement/2026-10-20-salon/sondee-sarah.pdf",
        ));
    assert!(
        sarah.contains("Sarah SONDÉE")
            && sarah.contains("Salon de l'emploi")
            && sarah.contains("20/10/2026"),
        "{sarah}"
    );
}

// ───────────────────────── privacy ─────────────────────────

/// Everyone refusing something, in a kit that has every kind of form.
fn privacy_kit() -> Vec<(&'static str, String)> {
    let mut kit = club_kit();
    kit.extend(
        mentorship_kit()
            .into_iter()
            .filter(|(p, _)| *p != "carnet.yaml"),
    );
    kit.push((
        "data/personnes/refus-total.yaml",
        personne(
            "M.",
            "Invisible",
            "Octave",
            "mobile: \"07 01 02 03 04\"\nemail: octave@exemple.fr\nannuaire: { nom: false, telephone: false, email: false, adresse: false }\n\
             inscriptions: [{ session: s-2026-10, financement: RSA, caf: \"1234567\", cli: \"7654\" }]\n",
        ),
    ));
    kit.push((
        "data/sessions/s-2026-10.yaml",
        "numero: 9\nmois: \"2026-10\"\ntuteurs: [roche-sylvie]\nateliers:\n\
         \x20 - date: \"2026-10-05\"\n    intitule: Accueil\n    cycle: 1\n    presences: { refus-total: present }\n"
            .to_string(),
    ));
    kit.push((
        "data/evenements/2026-10-21-forum.yaml",
        "type: salon\ntitre: Forum\ndate: \"2026-10-21\"\nlieu: Halle\nphotos: true\nparticipants: [refus-total, morel-ines]\n"
            .to_string(),
    ));
    kit
}

const PERSONAL: [&str; 5] = [
    "fiche-accueil",
    "fiche-parrainage",
    "mise-a-jour-donnees",
    "attestation-participation",
    "droit-image",
];

#[test]
fn the_public_profile_writes_no_personal_form_and_no_refused_data() {
    let kit = privacy_kit();
    let built = build(&refs(&kit), Profile::Public);
    for layout in PERSONAL {
        assert!(
            built.of(layout).is_empty(),
            "{layout}: {:?}",
            built.of(layout)
        );
    }
    // The shared forms are there…
    assert!(!built.of("feuille-presence-session").is_empty());
    assert!(!built.of("liste-inscrits-club").is_empty());
    // …and no refused name, phone or email is in the text of any PDF.
    for (path, pdf) in &built.files {
        let t = text(pdf);
        for refused in [
            "INVISIBLE",
            "Octave",
            "07 01 02 03 04",
            "octave@exemple.fr",
            "CACHÉE",
            "Olympe",
            "06 55 44 33 22",
            "07 98 76 54 32",
            "1234567",
        ] {
            assert!(!t.contains(refused), "{refused:?} in {path}");
        }
    }
    // Octave's seat on the attendance sheet is a blank row: the sheet still
    // has the other people's rows.
    let sheet =
        flat(&built.text("formulaires/feuille-presence-session/session/s-2026-10/cycle-1.pdf"));
    assert!(
        sheet.contains("Nom") && sheet.contains("05/10/2026"),
        "{sheet}"
    );
}

#[test]
fn the_internal_profile_writes_the_personal_forms() {
    let kit = privacy_kit();
    let built = build(&refs(&kit), Profile::Interne);
    assert_eq!(
        built.of("fiche-accueil"),
        ["session/s-2026-10/refus-total.pdf"]
    );
    assert_eq!(built.of("fiche-parrainage"), ["personne/collet-helene.pdf"]);
    // Present at the session's atelier and at the forum (present by default).
    assert_eq!(
        built.of("attestation-participation"),
        [
            "evenement/2026-10-21-forum/morel-ines.pdf",
            "evenement/2026-10-21-forum/refus-total.pdf",
            "session/s-2026-10/refus-total.pdf",
        ]
    );
    assert_eq!(
        built.of("droit-image"),
        [
            "evenement/2026-10-21-forum/morel-ines.pdf",
            "evenement/2026-10-21-forum/refus-total.pdf"
        ]
    );
    assert!(
        built
            .of("mise-a-jour-donnees")
            .contains(&"personne/refus-total.pdf".to_string())
    );
    let own = flat(&built.text("formulaires/mise-a-jour-donnees/personne/refus-total.pdf"));
    assert!(
        own.contains("INVISIBLE") && own.contains("07 01 02 03 04"),
        "one's own data:\n{own}"
    );
    // The attendance sheet passes from hand to hand: Octave signs beside his
    // name, but his phone is not printed, nor on the enrolment list.
    let sheet =
        flat(&built.text("formulaires/feuille-presence-session/session/s-2026-10/cycle-1.pdf"));
    assert!(sheet.contains("INVISIBLE"), "{sheet}");
    for (path, pdf) in &built.files {
        if path.contains("/feuille-presence-") || path.contains("/liste-inscrits-") {
            let t = text(pdf);
            assert!(
                !t.contains("07 01 02 03 04") && !t.contains("octave@exemple.fr"),
                "{path}"
            );
        }
    }
}

#[test]
fn blank_forms_exist_for_every_layout_and_hold_no_personal_data() {
    let kit = privacy_kit();
    let built = build(&refs(&kit), Profile::Interne);
    let blanks: Vec<String> = built
        .files
        .keys()
        .filter_map(|p| p.strip_prefix("formulaires/vierges/").map(str::to_string))
        .collect();
    assert_eq!(
        blanks,
        [
            "attestation-participation.pdf",
            "droit-image.pdf",
            "etiquettes-archives.pdf",
            "feuille-presence-club.pdf",
            "feuille-presence-session.pdf",
            "fiche-accueil.pdf",
            "fiche-parrainage.pdf",
            "lettre-sortie-adherent.pdf",
            "lettre-sortie-prescripteur.pdf",
            "liste-inscrits-club.pdf",
            "liste-inscrits-session.pdf",
            "mise-a-jour-donnees.pdf",
        ]
    );
    let names = [
        "MOREL",
        "Inès",
        "DISCRET",
        "ROCHE",
        "Sylvie",
        "COLLET",
        "GIRARD",
        "INVISIBLE",
        "Octave",
        "CACHÉE",
    ];
    let contacts = [
        "06 12 12 12 12",
        "07 98 76 54 32",
        "07 01 02 03 04",
        "@exemple.fr",
        "Clinique du Val",
    ];
    let data = [
        "05/10/2026",
        "06/10/2026",
        "Session 9",
        "Club emploi",
        "Forum",
        "26/11/2026",
    ];
    for blank in &blanks {
        let t = flat(&text(built.pdf(&format!("formulaires/vierges/{blank}"))));
        assert!(t.contains(ORGANISATION), "{blank}: organisation missing");
        for personal in names.iter().chain(&contacts).chain(&data) {
            assert!(
                !t.contains(personal),
                "{personal:?} on the blank {blank}:\n{t}"
            );
        }
        // No placeholder left half-filled.
        assert!(
            !t.contains("{{") && !t.contains(", du au") && !t.contains("**"),
            "{blank}:\n{t}"
        );
    }
    // A blank attendance sheet is a page of rows to fill.
    let sheet = flat(&text(
        built.pdf("formulaires/vierges/feuille-presence-club.pdf"),
    ));
    assert!(sheet.contains("Nom Prénom Signature"), "{sheet}");
}

// ───────────────────────── the PDF itself ─────────────────────────

#[test]
fn fonts_are_embedded_and_subset() {
    let kit = session_kit(true);
    let built = build(&refs(&kit), Profile::Public);
    for path in [CYCLE_1, "formulaires/vierges/fiche-parrainage.pdf"] {
        let pdf = Pdf::load_mem(built.pdf(path)).expect("lopdf reads the PDF");
        let mut fonts = 0;
        for object in pdf.objects.values() {
            let Ok(dict) = object.as_dict() else { continue };
            if dict.get(b"Type").and_then(Object::as_name).ok()
                == Some(b"FontDescriptor".as_slice())
            {
                fonts += 1;
                assert!(
                    dict.get(b"FontFile2").is_ok() || dict.get(b"FontFile3").is_ok(),
                    "{path}: a font is not embedded"
                );
                let name =
                    String::from_utf8_lossy(dict.get(b"FontName").unwrap().as_name().unwrap())
                        .into_owned();
                let (tag, rest) = name
                    .split_once('+')
                    .unwrap_or_else(|| panic!("{path}: {name} is not a subset"));
                assert!(
                    tag.len() == 6 && tag.chars().all(|c| c.is_ascii_uppercase()),
                    "{name}"
                );
                assert!(rest.starts_with("NotoSans"), "{name}");
            }
        }
        assert!(fonts >= 2, "{path}: regular and bold at least, got {fonts}");
        for (_, font) in pdf
            .objects
            .iter()
            .filter_map(|(id, o)| o.as_dict().ok().map(|d| (id, d)))
        {
            if font.get(b"Type").and_then(Object::as_name).ok() == Some(b"Font".as_slice())
                && let Ok(base) = font.get(b"BaseFont").and_then(Object::as_name)
            {
                let base = String::from_utf8_lossy(base);
                let tag = base.split_once('+').map(|(t, _)| t).unwrap_or_default();
                assert!(
                    tag.len() == 6 && tag.chars().all(|c| c.is_ascii_uppercase()),
                    "BaseFont {base}"
                );
            }
        }
    }
}

#[test]
fn text_that_looks_like_pdf_operators_or_html_is_printed_as_text() {
    let nom = r"Ba) Tj ET (x\";
    let prenom = "<b>zoé</b>) tj BT (";
    let files = vec![
        ("carnet.yaml", carnet("")),
        (
            "data/personnes/piege.yaml",
            format!(
                "civilite: Mme\nnom: '{nom}'\nprenom: '{prenom}'\nclubs: [club-2026-10]\n"
            ),
        ),
        (
            "data/clubs/club-2026-10.yaml",
            "mois: \"2026-10\"\nateliers:\n  - { date: \"2026-10-06\", intitule: \"<script>alert(1)</script> 0 0 m 9 9 l S\" }\n"
                .to_string(),
        ),
    ];
    let built = build(&refs(&files), Profile::Public);
    let path = "formulaires/feuille-presence-club/club/club-2026-10/2026-10-06.pdf";
    let sheet = flat(&built.text(path));
    // As displayed: NOM upper-cased, each part of the first name capitalised.
    for expected in [
        r"BA) TJ ET (X\",
        "<b>zoé</b>) Tj Bt (",
        "<script>alert(1)</script> 0 0 m 9 9 l S",
    ] {
        assert!(sheet.contains(expected), "{expected:?} missing:\n{sheet}");
    }
    // The page content is the text operators of the typesetter only: the
    // typed words are inside strings, never operators.
    let pdf = Pdf::load_mem(built.pdf(path)).unwrap();
    for page in pdf.get_pages().into_values() {
        let content = pdf
            .get_and_decode_page_content(page)
            .expect("page content parses");
        let ops: Vec<&str> = content
            .operations
            .iter()
            .map(|o| o.operator.as_str())
            .collect();
        assert_eq!(
            ops.iter().filter(|o| **o == "BT").count(),
            ops.iter().filter(|o| **o == "ET").count()
        );
        assert!(
            !ops.iter().any(|o| o.contains('<') || o.contains("script")),
            "{ops:?}"
        );
    }
}

// ───────────────────────── the kit's layouts ─────────────────────────

#[test]
fn a_kit_layout_replaces_the_built_in_one_and_a_new_one_is_printed() {
    let mut kit = session_kit(false);
    kit.push((
        "templates/forms/feuille-presence-club.yaml",
        "titre: \"Émargement — {{ club.titre }}\"\npour: club_atelier\nblocs:\n\
         \x20 - titre: \"Émargement de l'atelier du {{ atelier.date }}\"\n\
         \x20 - tableau:\n      lignes: personnes\n      colonnes:\n        - { titre: \"Qui\", valeur: \"{{ ligne.nom }}\" }\n"
            .to_string(),
    ));
    kit.push((
        "templates/forms/convocation.yaml",
        "nom: Convocation\ntitre: \"Convocation — {{ activite.titre }}\"\npour: session\nblocs:\n\
         \x20 - titre: \"Convocation à la {{ activite.titre }}\"\n\
         \x20 - texte: \"Premier rendez-vous le **{{ activite.debut }}**, avec {{ activite.tuteurs_noms }}.\"\n"
            .to_string(),
    ));
    kit.push((
        "data/clubs/club-2026-10.yaml",
        "mois: \"2026-10\"\ninscrits: [celik-zoe]\nateliers:\n  - { date: \"2026-10-06\", intitule: Lettre }\n".to_string(),
    ));
    let built = build(&refs(&kit), Profile::Public);
    let club =
        flat(&built.text("formulaires/feuille-presence-club/club/club-2026-10/2026-10-06.pdf"));
    assert!(
        club.contains("Émargement de l'atelier du 06/10/2026"),
        "{club}"
    );
    assert!(club.contains("Qui") && club.contains("ÇELIK"), "{club}");
    assert!(
        !club.contains("Feuille de présence"),
        "the built-in layout was used:\n{club}"
    );
    assert_eq!(built.of("convocation"), ["session/s-2026-09.pdf"]);
    let convocation = flat(&built.text("formulaires/convocation/session/s-2026-09.pdf"));
    assert!(
        convocation.contains("Convocation à la Session 42 — septembre 2026")
            && convocation.contains("Premier rendez-vous le 01/09/2026")
            && convocation.contains("avec Paul TUTEUR."),
        "{convocation}"
    );
    assert!(
        built
            .files
            .contains_key("formulaires/vierges/convocation.pdf")
    );
}

#[test]
fn bad_layouts_are_diagnosed_at_their_line() {
    let k = common::check(&[
        (
            "templates/forms/pour-inconnu.yaml",
            "titre: Essai\npour: semaine\nblocs:\n  - titre: Essai\n",
        ),
        (
            "templates/forms/deux-sortes.yaml",
            "titre: Essai\npour: session\nblocs:\n  - titre: Un\n  - texte: Deux\n    section: Trois\n  - champs:\n      - { libelle: Nom, valeur: \"{{ personne.nom\" }\n",
        ),
        (
            "templates/forms/champ-inconnu.yaml",
            "titre: Essai\npour: session\nblocs:\n  - titre: Un\n    couleur: rouge\n",
        ),
    ]);
    k.error_at("« semaine »", "templates/forms/pour-inconnu.yaml:2:7");
    k.error_at(
        "une seule sorte de contenu",
        "templates/forms/deux-sortes.yaml:5:5",
    );
    k.error_at("espace réservé", "templates/forms/deux-sortes.yaml:8:33");
    let unknown = k.error_at("couleur", "templates/forms/champ-inconnu.yaml:5:5");
    assert!(unknown.message.contains("couleur"), "{}", unknown.message);
    // The built-in layouts themselves are clean.
    assert!(
        k.diagnostics.iter().all(|d| k
            .kit
            .sources
            .location(d.span)
            .starts_with("templates/forms/pour-")
            || k.kit
                .sources
                .location(d.span)
                .starts_with("templates/forms/deux-")
            || k.kit
                .sources
                .location(d.span)
                .starts_with("templates/forms/champ-")),
        "{}",
        k.dump()
    );
}
