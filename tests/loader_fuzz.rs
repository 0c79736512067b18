//! Whatever is written in a record file, `check` never panics, and every
//! diagnostic points inside its file, on character boundaries, and renders.

mod common;

use proptest::prelude::*;

/// Runs `check` on a kit holding `personne` and `session`, then renders every diagnostic.
fn check_does_not_panic(personne: &[u8], session: &[u8]) {
    let k = common::check_bytes(&[
        ("data/personnes/x.yaml", personne),
        ("data/sessions/y.yaml", session),
        (
            "data/personnes/martin-paul.yaml",
            b"civilite: M.\nnom: Martin\nprenom: Paul\nroles: [parrain, tuteur]\n",
        ),
    ]);
    for d in &k.diagnostics {
        let file = k.kit.sources.get(d.span.file);
        assert!(d.span.start <= d.span.end, "{d:?}");
        assert!(d.span.end <= file.text.len(), "{d:?}");
        assert!(file.text.is_char_boundary(d.span.start), "{d:?}");
        assert!(file.text.is_char_boundary(d.span.end), "{d:?}");
        assert!(!d.render(&k.kit.sources).is_empty());
        assert!(!d.one_line(&k.kit.sources).is_empty());
    }
}

/// Keys of the records, a few typos, and junk.
fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "civilite",
            "nom",
            "prenom",
            "roles",
            "telephone",
            "mobile",
            "email",
            "adresse",
            "ligne1",
            "annuaire",
            "etudes",
            "annee",
            "situation",
            "emploi",
            "depuis",
            "inscriptions",
            "session",
            "financement",
            "caf",
            "cli",
            "clubs",
            "parrainage",
            "parrain",
            "debut",
            "fin",
            "historique",
            "entretiens",
            "date",
            "numero",
            "mois",
            "tuteurs",
            "formateurs",
            "ateliers",
            "cycle",
            "presences",
            "statut",
            "inscrits",
            "personne",
            "martin-paul",
            "x",
            "nom_famille",
            "état",
            "\"quoted\"",
            "<<",
            "? k",
        ])
        .prop_map(str::to_string),
        "[a-z_é]{1,8}",
    ]
}

/// Values that trip YAML parsers and the rules.
fn value() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "",
            "M.",
            "Mme",
            "Durand",
            "no",
            "yes",
            "on",
            "~",
            "null",
            "0612345678",
            "612345678",
            "+33 6 12 34 56 78",
            "2026-09-14",
            "2026-02-30",
            "14/09/2026",
            "\"2026-09\"",
            "2026-13",
            "1",
            "3",
            "-1",
            "99999999999999999999",
            "1e3",
            ".nan",
            "present",
            "absent",
            "[a, b]",
            "[",
            "]",
            "{",
            "{a: 1}",
            "\"",
            "'",
            "\"unterminated",
            "&a x",
            "*a",
            "*b",
            "!!str 0612",
            "!!binary aGVsbG8=",
            "!custom x",
            "|",
            ">-",
            "- x",
            ": :",
            "#",
            "x # comment",
            "\t",
            "martin-paul",
            "x",
            "y",
            "RSA",
            "é",
            "\u{feff}",
            "\u{0}",
        ])
        .prop_map(str::to_string),
        "[ -~é\t]{0,12}",
    ]
}

/// One line: indentation, optional list marker, key and value (or a bare item).
fn line() -> impl Strategy<Value = String> {
    (0usize..4, any::<bool>(), key(), value(), 0u8..6).prop_map(
        |(indent, item, key, value, shape)| {
            let pad = "  ".repeat(indent);
            let marker = if item { "- " } else { "" };
            match shape {
                0 => format!("{pad}{marker}{value}"),
                1 => format!("{pad}{marker}{key}:"),
                5 => format!("{pad}---"),
                _ => format!("{pad}{marker}{key}: {value}"),
            }
        },
    )
}

fn yamlish() -> impl Strategy<Value = String> {
    (prop::collection::vec(line(), 0..14), any::<bool>()).prop_map(|(lines, crlf)| {
        let newline = if crlf { "\r\n" } else { "\n" };
        lines.join(newline)
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(personne in prop::collection::vec(any::<u8>(), 0..200),
                                   session in prop::collection::vec(any::<u8>(), 0..200)) {
        check_does_not_panic(&personne, &session);
    }

    #[test]
    fn arbitrary_yamlish_text_never_panics(personne in yamlish(), session in yamlish()) {
        check_does_not_panic(personne.as_bytes(), session.as_bytes());
    }

    #[test]
    fn valid_person_with_arbitrary_extra_lines_never_panics(extra in yamlish()) {
        let personne = format!("civilite: Mme\nnom: Durand\nprenom: Alice\n{extra}\n");
        let session = format!("mois: \"2026-09\"\nateliers:\n  - date: 2026-09-14\n    cycle: 1\n{extra}\n");
        check_does_not_panic(personne.as_bytes(), session.as_bytes());
    }
}

/// Inputs that once needed care: each must load or fail cleanly.
#[test]
fn known_tricky_inputs_never_panic() {
    let cases: [&[u8]; 13] = [
        b"",
        b"\xff\xfe",
        b"nom: \xe9t\xe9",
        b"\xef\xbb\xbf",
        b"---\n---\n",
        b"a: &a [*a]\n",
        b"prenom:\n  - Alice\nnom: [x\n",
        b"- \n- - \n",
        b"? [a]\n: b\n",
        b"civilite: Mme\nnom: A\nprenom: B\nparrainage:\n  entretiens:\n    - date:\n",
        b"\t\tnom: x\n",
        b"nom: \"\\u00\"\n",
        b"mois: \"2026-09\"\nateliers:\n  - date: 2026-09-14\n    cycle: 1\n      - \n\n",
    ];
    for personne in cases {
        check_does_not_panic(personne, personne);
    }
}
