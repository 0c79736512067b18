//! Hours of ateliers and events (`heure_debut`, `heure_fin`, `duree`, a
//! session's or club's `horaires`): each rule fed a bad value and checked for
//! its message and place; the hours shown on pages and attendance sheets; the
//! total of hours attended, the date and the « Fait à » of the attestation.
//! Expected values are written by hand from the input.

mod common;

use chrono::NaiveTime;
use common::check;

const SESSION: &str = "data/sessions/s-2026-09.yaml";
const EVENT: &str = "data/evenements/visite.yaml";

/// A session with one atelier whose hour fields (indented for the list item)
/// start on line 6.
fn session_atelier(hours: &str) -> String {
    format!(
        "mois: \"2026-09\"\nateliers:\n  - date: \"2026-09-07\"\n    intitule: CV\n    cycle: 1\n{hours}"
    )
}

/// An event whose hour fields start on line 3.
fn event(hours: &str) -> String {
    format!("titre: Visite\ndate: \"2026-09-18\"\n{hours}")
}

fn hm(h: u32, m: u32) -> Option<NaiveTime> {
    NaiveTime::from_hms_opt(h, m, 0)
}

#[test]
fn hours_written_in_the_usual_ways_are_read_and_the_third_is_derived() {
    let k = check(&[
        (
            SESSION,
            "mois: \"2026-09\"\nhoraires: { heure_debut: \"9h\", duree: \"3h\" }\nateliers:\n  \
             - { date: \"2026-09-07\", cycle: 1, heure_debut: \"14:00\", heure_fin: \"16h30\" }\n  \
             - { date: \"2026-09-08\", cycle: 1, duree: \"90 min\" }\n  \
             - { date: \"2026-09-09\", cycle: 1 }\n",
        ),
        (EVENT, &event("heure_fin: \"12:00\"\nduree: \"1h30\"\n")),
    ]);
    k.assert_clean();
    let ateliers = &k.session("s-2026-09").ateliers;
    let own = ateliers[0].horaire;
    assert_eq!(
        (own.debut, own.fin, own.minutes),
        (hm(14, 0), hm(16, 30), Some(150))
    );
    // An atelier that writes any hour field does not take the defaults.
    let length_only = ateliers[1].horaire;
    assert_eq!(
        (length_only.debut, length_only.fin, length_only.minutes),
        (None, None, Some(90))
    );
    let default = ateliers[2].horaire;
    assert_eq!(
        (default.debut, default.fin, default.minutes),
        (hm(9, 0), hm(12, 0), Some(180))
    );
    let e = k.kit.evenements[0].horaire;
    assert_eq!(
        (e.debut, e.fin, e.minutes),
        (hm(10, 30), hm(12, 0), Some(90))
    );
}

#[test]
fn a_badly_written_time_is_an_error_at_it() {
    let k = check(&[
        (SESSION, &session_atelier("    heure_debut: \"9.30\"\n")),
        (
            EVENT,
            &event("heure_debut: \"14:00\"\nheure_fin: \"25:00\"\n"),
        ),
    ]);
    let d = k.error_at("heure mal écrite « 9.30 »", &format!("{SESSION}:6:18"));
    assert!(d.expected.as_deref().unwrap().contains("\"9h30\""));
    k.error_at("heure mal écrite « 25:00 »", &format!("{EVENT}:4:12"));
}

#[test]
fn an_end_before_the_start_is_an_error_at_the_end() {
    let k = check(&[
        (
            SESSION,
            &session_atelier("    heure_debut: \"14:00\"\n    heure_fin: \"12:00\"\n"),
        ),
        (
            EVENT,
            &event("heure_debut: \"10:00\"\nheure_fin: \"10:00\"\n"),
        ),
    ]);
    let d = k.error_at(
        "l'atelier finit (12:00) avant de commencer (14:00)",
        &format!("{SESSION}:7:16"),
    );
    assert!(
        d.expected
            .as_deref()
            .unwrap()
            .contains("après l'heure de début")
    );
    k.error_at(
        "l'événement finit à l'heure où il commence (10:00)",
        &format!("{EVENT}:4:12"),
    );
}

#[test]
fn a_length_that_contradicts_the_end_is_an_error_at_the_length() {
    let k = check(&[(
        SESSION,
        &session_atelier(
            "    heure_debut: \"09:30\"\n    heure_fin: \"12:00\"\n    duree: \"2h\"\n",
        ),
    )]);
    let d = k.error_at(
        "la durée 2h ne correspond pas aux heures 09:30 – 12:00 (2h30)",
        &format!("{SESSION}:8:12"),
    );
    assert!(d.expected.as_deref().unwrap().contains("pas les deux"));
    // Agreeing values are fine.
    check(&[(
        SESSION,
        &session_atelier(
            "    heure_debut: \"09:30\"\n    heure_fin: \"12:00\"\n    duree: \"2h30\"\n",
        ),
    )])
    .assert_clean();
}

#[test]
fn a_badly_written_or_impossible_length_is_an_error_at_it() {
    let k = check(&[
        (SESSION, &session_atelier("    duree: \"1,5h\"\n")),
        (EVENT, &event("duree: 90\n")),
        (
            "data/clubs/c.yaml",
            "mois: \"2026-09\"\nhoraires: { duree: \"0 min\" }\n",
        ),
    ]);
    let d = k.error_at("durée mal écrite « 1,5h »", &format!("{SESSION}:6:12"));
    assert!(d.expected.as_deref().unwrap().contains("\"90 min\""));
    k.error_at("durée sans unité « 90 »", &format!("{EVENT}:3:8"));
    k.error_at("durée impossible « 0 min »", "data/clubs/c.yaml:2:20");
}

#[test]
fn an_end_without_start_or_a_length_past_midnight_is_an_error() {
    let k = check(&[
        (SESSION, &session_atelier("    heure_fin: \"12:00\"\n")),
        (EVENT, &event("heure_debut: \"22:00\"\nduree: \"3h\"\n")),
    ]);
    k.error_at(
        "l'atelier a une heure de fin sans heure de début",
        &format!("{SESSION}:6:16"),
    );
    k.error_at(
        "avec la durée 3h, l'événement déborde sur le lendemain",
        &format!("{EVENT}:4:8"),
    );
}

#[test]
fn default_hours_of_a_session_are_checked_where_written() {
    let k = check(&[(
        SESSION,
        "mois: \"2026-09\"\nhoraires:\n  heure_debut: \"midi\"\nateliers:\n  \
         - { date: \"2026-09-07\", cycle: 1 }\n",
    )]);
    k.error_at("heure mal écrite « midi »", &format!("{SESSION}:3:16"));
}

#[test]
fn an_attestation_date_to_come_is_a_warning_and_a_bad_one_an_error() {
    let k = check(&[
        (
            SESSION,
            "mois: \"2026-09\"\ndate_attestation: \"2026-12-15\"\nateliers:\n  \
             - { date: \"2026-09-07\", cycle: 1 }\n",
        ),
        (EVENT, &event("date_attestation: \"2026-13-01\"\n")),
    ]);
    k.warning_at(
        "attestation de participation datée du 2026-12-15, après aujourd'hui",
        &format!("{SESSION}:2:19"),
    );
    assert_eq!(k.errors().len(), 1, "{}", k.dump());
    assert!(k.errors()[0].message.contains("2026-13-01"), "{}", k.dump());
}

// ───────────────────────── on pages and paper ─────────────────────────

/// A person enrolled in `s-2026-10` (or, with an empty `session`, in nothing).
fn trainee(nom: &str, session: &str) -> String {
    let enrol = if session.is_empty() {
        String::new()
    } else {
        format!("inscriptions: [{{ session: {session}, financement: CPF }}]\n")
    };
    format!("civilite: Mme\nnom: {nom}\nprenom: Anne\n{enrol}")
}

/// A session in October 2026 with default hours 09:00–12:00 (3 h): the
/// 05/10 atelier takes them, the 07/10 one starts at 13h30 for 1h30, the
/// 12/10 one lasts 45 min; Anne is present at all three, Bruno at the 05/10
/// and 12/10 ones. A club whose 06/10 atelier lasts 2 h and whose 13/10 one
/// has no hours, both attended by Anne. An event from 10:30 to 12:00.
fn hours_kit(carnet_extra: &str, session_extra: &str) -> Vec<(&'static str, String)> {
    vec![
        (
            "carnet.yaml",
            format!("titre: Essai\norganisation: \"Association Essor\"\n{carnet_extra}"),
        ),
        ("data/personnes/assidue-anne.yaml", trainee("Assidue", "s-2026-10")),
        ("data/personnes/bref-bruno.yaml", trainee("Bref", "s-2026-10")),
        (
            "data/sessions/s-2026-10.yaml",
            format!(
                "numero: 7\nmois: \"2026-10\"\nhoraires: {{ heure_debut: \"09:00\", heure_fin: \"12:00\" }}\n{session_extra}ateliers:\n  \
                 - {{ date: \"2026-10-05\", intitule: Atelier CV, cycle: 1, presences: {{ assidue-anne: present, bref-bruno: present }} }}\n  \
                 - {{ date: \"2026-10-07\", intitule: Atelier réseau, cycle: 1, heure_debut: \"13h30\", duree: \"1h30\", presences: {{ assidue-anne: present, bref-bruno: absent }} }}\n  \
                 - {{ date: \"2026-10-12\", intitule: Atelier entretien, cycle: 2, duree: \"45 min\", presences: {{ assidue-anne: present, bref-bruno: present }} }}\n"
            ),
        ),
        (
            "data/clubs/club-2026-10.yaml",
            "mois: \"2026-10\"\ninscrits: [assidue-anne]\nateliers:\n  \
             - { date: \"2026-10-06\", intitule: Candidatures, duree: \"2h\", presences: { assidue-anne: present } }\n  \
             - { date: \"2026-10-13\", intitule: Relances, presences: { assidue-anne: present } }\n"
                .to_string(),
        ),
        (
            EVENT,
            "titre: Visite\ndate: \"2026-10-20\"\nheure_debut: \"10:30\"\nheure_fin: \"12:00\"\n\
             participants: [assidue-anne]\n"
                .to_string(),
        ),
    ]
}

/// The output file at `path`, read.
fn output(built: &common::BuiltKit, path: &str) -> Vec<u8> {
    std::fs::read(built.out.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The text of a PDF, runs of white space made one space.
fn pdf_text(pdf: &[u8]) -> String {
    let text = pdf_extract::extract_text_from_mem(pdf).expect("pdf-extract reads the PDF");
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The text of an HTML page, tags left out, runs of white space made one space.
fn html_text(html: &[u8]) -> String {
    let html = String::from_utf8_lossy(html);
    let mut text = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The text of the attestation at `path` under its layout's folder.
fn attestation(built: &common::BuiltKit, path: &str) -> String {
    pdf_text(&output(
        built,
        &format!("formulaires/attestation-participation/{path}"),
    ))
}

#[test]
fn hours_are_shown_on_the_atelier_and_event_pages() {
    let built = common::build_with_forms(&hours_kit("", ""), carnet::Profile::Public);
    let session = html_text(&output(&built, "sessions/s-2026-10.html"));
    for expected in ["09:00 – 12:00 (3 h)", "13:30 – 15:00 (1 h 30)", "45 min"] {
        assert!(
            session.contains(expected),
            "{expected:?} missing:\n{session}"
        );
    }
    let club = html_text(&output(&built, "clubs/club-2026-10.html"));
    assert!(club.contains("2 h"), "{club}");
    let event = html_text(&output(&built, "evenements/visite.html"));
    assert!(
        event.contains("20/10/2026, 10:30 – 12:00 (1 h 30)"),
        "{event}"
    );
}

#[test]
fn hours_are_printed_on_the_attendance_sheets_and_the_fiche_d_accueil() {
    let built = common::build_with_forms(&hours_kit("", ""), carnet::Profile::Interne);
    let cycle = pdf_text(&output(
        &built,
        "formulaires/feuille-presence-session/session/s-2026-10/cycle-1.pdf",
    ));
    for expected in ["05/10/2026 09:00–12:00", "07/10/2026 13:30–15:00"] {
        assert!(cycle.contains(expected), "{expected:?} missing:\n{cycle}");
    }
    let club = pdf_text(&output(
        &built,
        "formulaires/feuille-presence-club/club/club-2026-10/2026-10-06.pdf",
    ));
    assert!(club.contains("Horaire (2 h)"), "a length only: {club}");
    let welcome = pdf_text(&output(
        &built,
        "formulaires/fiche-accueil/session/s-2026-10/assidue-anne.pdf",
    ));
    for expected in [
        "05/10/2026 09:00 – 12:00 Atelier CV",
        "07/10/2026 13:30 – 15:00 Atelier réseau",
    ] {
        assert!(
            welcome.contains(expected),
            "{expected:?} missing:\n{welcome}"
        );
    }
}

#[test]
fn a_half_day_sheet_has_a_cell_only_for_the_half_day_an_atelier_takes() {
    let built = common::build_with_forms(
        &hours_kit("presence_demi_journee: true\n", ""),
        carnet::Profile::Public,
    );
    let cycle = pdf_text(&output(
        &built,
        "formulaires/feuille-presence-session/session/s-2026-10/cycle-1.pdf",
    ));
    // 05/10 09:00–12:00: the morning; 07/10 from 13:30: the afternoon; in
    // the people's table and in the visa's.
    assert_eq!(cycle.matches("Matin").count(), 2, "{cycle}");
    assert_eq!(cycle.matches("Après-midi").count(), 2, "{cycle}");
    assert!(
        cycle.contains("05/10/2026 09:00–12:00 07/10/2026 13:30–15:00 Nom Prénom Matin Après-midi"),
        "{cycle}"
    );
}

#[test]
fn the_attestation_sums_the_hours_attended_and_is_dated_by_the_last_atelier() {
    let built = common::build_with_forms(
        &hours_kit(
            "adresse: { ligne1: \"8 rue Nationale\", code_postal: \"37000\", ville: Tours }\n",
            "",
        ),
        carnet::Profile::Interne,
    );
    // Anne: 3 h + 1 h 30 + 45 min.
    let anne = attestation(&built, "session/s-2026-10/assidue-anne.pdf");
    assert!(
        anne.contains("Durée totale de présence : 5 h 15 "),
        "{anne}"
    );
    assert!(
        anne.contains("13:30 – 15:00 Atelier réseau 1 h 30"),
        "{anne}"
    );
    assert!(anne.contains("8 rue Nationale, 37000 Tours"), "{anne}");
    assert!(anne.contains("Fait à Tours, le 12/10/2026."), "{anne}");
    assert!(!anne.contains("26/11/2026"), "not the build day: {anne}");
    // Bruno: 3 h + 45 min, last there on 12/10.
    let bruno = attestation(&built, "session/s-2026-10/bref-bruno.pdf");
    assert!(
        bruno.contains("Durée totale de présence : 3 h 45 "),
        "{bruno}"
    );
    // The club: 2 h known, one atelier without hours, said so.
    let club = attestation(&built, "club/club-2026-10/assidue-anne.pdf");
    assert!(
        club.contains(
            "Durée totale de présence : au moins 2 h (la durée de 1 rendez-vous n'est pas renseignée)."
        ),
        "{club}"
    );
    assert!(club.contains("Fait à Tours, le 13/10/2026."), "{club}");
    // The event: its own length, dated the event's day.
    let event = attestation(&built, "evenement/visite/assidue-anne.pdf");
    assert!(
        event.contains("Durée totale de présence : 1 h 30 "),
        "{event}"
    );
    assert!(event.contains("Fait à Tours, le 20/10/2026."), "{event}");
}

#[test]
fn an_explicit_attestation_date_dates_it_and_bounds_what_it_counts() {
    let built = common::build_with_forms(
        &hours_kit("", "date_attestation: \"2026-10-09\"\n"),
        carnet::Profile::Interne,
    );
    let anne = attestation(&built, "session/s-2026-10/assidue-anne.pdf");
    // Without a town in carnet.yaml: « Fait le ». The 12/10 atelier comes after the date.
    assert!(anne.contains("Fait le 09/10/2026."), "{anne}");
    assert!(
        anne.contains("Durée totale de présence : 4 h 30 "),
        "{anne}"
    );
    assert!(!anne.contains("Atelier entretien"), "{anne}");
}

/// A club of `n` people with one atelier and the funders' mention.
fn club_of(n: usize) -> Vec<(String, String)> {
    let mut files = vec![
        (
            "carnet.yaml".to_string(),
            "titre: Essai\norganisation: Essor\nfinanceurs:\n  - { nom: FSE, mention: \"Action cofinancée par le FSE+\" }\n"
                .to_string(),
        ),
        (
            "data/clubs/c.yaml".to_string(),
            format!(
                "mois: \"2026-10\"\nateliers:\n  - {{ date: \"2026-10-06\", intitule: CV }}\ninscrits: [{}]\n",
                (1..=n).map(|i| format!("p{i:02}")).collect::<Vec<_>>().join(", ")
            ),
        ),
    ];
    for i in 1..=n {
        files.push((
            format!("data/personnes/p{i:02}.yaml"),
            format!("civilite: Mme\nnom: Nom{i:02}\nprenom: Anne\n"),
        ));
    }
    files
}

#[test]
fn an_attendance_sheet_takes_no_second_page_for_blank_rows_or_the_visa() {
    // With its layout's 4 blank rows of 12 mm, 10 people and the visa took
    // two pages; 15 need lower rows as well.
    for n in [10, 15] {
        let files = club_of(n);
        let files: Vec<(&str, String)> =
            files.iter().map(|(p, c)| (p.as_str(), c.clone())).collect();
        let built = common::build_with_forms(&files, carnet::Profile::Public);
        let pdf = output(
            &built,
            "formulaires/feuille-presence-club/club/c/2026-10-06.pdf",
        );
        let pages = lopdf::Document::load_mem(&pdf).unwrap().get_pages().len();
        assert_eq!(pages, 1, "{n} people");
        let text = pdf_text(&pdf);
        assert!(text.contains(&format!("NOM{n:02}")), "{text}");
        assert!(
            text.contains("Le tuteur ou la tutrice, pour attester la feuille"),
            "{text}"
        );
    }
    // A list longer than a page still breaks, its visa with the last rows.
    let files = club_of(30);
    let files: Vec<(&str, String)> = files.iter().map(|(p, c)| (p.as_str(), c.clone())).collect();
    let built = common::build_with_forms(&files, carnet::Profile::Public);
    let pdf = output(
        &built,
        "formulaires/feuille-presence-club/club/c/2026-10-06.pdf",
    );
    let pages = pdf_extract::extract_text_from_mem_by_pages(&pdf).unwrap();
    assert_eq!(pages.len(), 2);
    assert!(pages[1].contains("NOM30") && pages[1].contains("pour attester la feuille"));
}

/// A session of `n` people whose cycle 1 has `ateliers` ateliers, each in the
/// morning (one signature cell each) unless `full_days` (a morning and an
/// afternoon cell each), on half-day sheets, with the funders' mention.
fn session_of(n: usize, ateliers: usize, full_days: bool) -> Vec<(String, String)> {
    let hours = if full_days {
        "heure_debut: \"09:00\", heure_fin: \"17:00\""
    } else {
        "heure_debut: \"09:00\", heure_fin: \"12:00\""
    };
    let ateliers: String = (1..=ateliers)
        .map(|d| {
            format!(
                "  - {{ date: \"2026-10-{:02}\", intitule: Atelier {d}, cycle: 1, {hours} }}\n",
                d + 4
            )
        })
        .collect();
    let inscrits: String = (1..=n)
        .map(|i| format!("  - {{ personne: p{i:02}, financement: CPF }}\n"))
        .collect();
    let mut files = vec![
        (
            "carnet.yaml".to_string(),
            "titre: Essai\norganisation: Essor\npresence_demi_journee: true\nfinanceurs:\n  - { nom: FSE, mention: \"Action cofinancée par le FSE+ au titre du programme national, avec une mention assez longue pour tenir sur deux lignes de la feuille\" }\n"
                .to_string(),
        ),
        (
            "data/sessions/s.yaml".to_string(),
            format!("numero: 43\nmois: \"2026-10\"\nateliers:\n{ateliers}inscrits:\n{inscrits}"),
        ),
    ];
    for i in 1..=n {
        files.push((
            format!("data/personnes/p{i:02}.yaml"),
            format!("civilite: Mme\nnom: Nom{i:02}\nprenom: Anne\n"),
        ));
    }
    files
}

/// Width and height of the first page of `pdf`, in points.
fn first_page_size(pdf: &[u8]) -> (f32, f32) {
    let doc = lopdf::Document::load_mem(pdf).expect("lopdf reads the PDF");
    let (_, page) = doc.get_pages().into_iter().next().expect("a page");
    let page = doc.get_dictionary(page).expect("a page dictionary");
    let media = page
        .get(b"MediaBox")
        .and_then(|m| m.as_array())
        .expect("a MediaBox");
    let n = |i: usize| {
        media[i]
            .as_float()
            .or_else(|_| media[i].as_i64().map(|v| v as f32))
            .expect("a number")
    };
    (n(2) - n(0), n(3) - n(1))
}

#[test]
fn a_session_sheet_of_nine_turns_to_portrait_rather_than_spill_its_visa() {
    // Nine people under the header and the funders' mention filled the
    // landscape page; the blank rows and the visa went onto a second one.
    let files = session_of(9, 3, false);
    let files: Vec<(&str, String)> = files.iter().map(|(p, c)| (p.as_str(), c.clone())).collect();
    let built = common::build_with_forms(&files, carnet::Profile::Public);
    let pdf = output(
        &built,
        "formulaires/feuille-presence-session/session/s/cycle-1.pdf",
    );
    let pages = lopdf::Document::load_mem(&pdf).unwrap().get_pages().len();
    assert_eq!(pages, 1);
    let (width, height) = first_page_size(&pdf);
    assert!(height > width, "portrait: {width} × {height}");
    let text = pdf_text(&pdf);
    assert!(
        text.contains("NOM09") && text.contains("Visa du tuteur"),
        "{text}"
    );
    // Six full days are twelve signature cells: too narrow in portrait, the
    // sheet stays in landscape and breaks its list instead.
    let files = session_of(9, 6, true);
    let files: Vec<(&str, String)> = files.iter().map(|(p, c)| (p.as_str(), c.clone())).collect();
    let built = common::build_with_forms(&files, carnet::Profile::Public);
    let pdf = output(
        &built,
        "formulaires/feuille-presence-session/session/s/cycle-1.pdf",
    );
    let (width, height) = first_page_size(&pdf);
    assert!(width > height, "landscape: {width} × {height}");
}
