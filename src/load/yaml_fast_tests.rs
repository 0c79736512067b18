//! The quick YAML reader against serde-saphyr: whatever it reads, it must
//! read exactly as serde-saphyr does (values and ranges), and it must read
//! the records as the kits and the benchmark corpus write them.

use super::records::{RawClub, RawEvenement, RawOperateur, RawPersonne, RawSession};
use super::yaml_fast;
use proptest::prelude::*;
use serde::de::DeserializeOwned;
use std::fmt::Debug;

/// What serde-saphyr reads, as the load reads it.
fn saphyr<T: DeserializeOwned>(text: &str) -> Result<T, String> {
    let options = serde_saphyr::options! { null_as_string: true };
    serde_saphyr::from_str_with_options::<T>(text, options).map_err(|e| e.to_string())
}

/// Whether the quick reader read `text` as a `T`; panics when it read it
/// otherwise than serde-saphyr, or read what serde-saphyr refuses.
fn agrees_as<T: DeserializeOwned + Debug>(text: &str) -> bool {
    let Some(quick) = yaml_fast::parse::<T>(text) else {
        return false;
    };
    match saphyr::<T>(text) {
        Ok(slow) => assert_eq!(
            format!("{quick:#?}"),
            format!("{slow:#?}"),
            "the two readers differ on:\n{text}"
        ),
        Err(e) => panic!("the quick reader read what serde-saphyr refuses ({e}):\n{text}"),
    }
    true
}

/// Whether the quick reader read `text` as any kind of record (checking
/// every kind against serde-saphyr).
fn agrees(text: &str) -> bool {
    let kinds = [
        agrees_as::<RawPersonne>(text),
        agrees_as::<RawSession>(text),
        agrees_as::<RawClub>(text),
        agrees_as::<RawEvenement>(text),
        agrees_as::<RawOperateur>(text),
    ];
    kinds.contains(&true)
}

/// A fiche as the benchmark corpus writes it: everything double-quoted.
const CORPUS_FICHE: &str = r#"civilite: "M."
nom: "Morel"
prenom: "Benoît"
roles:
  - "stagiaire"
telephone: "06 45 90 52 37"
adresse:
  ligne1: "42 rue de la Libération"
  code_postal: "25000"
annuaire:
  nom: true
  telephone: false
etudes:
  - diplome: "Licence"
    annee: 2007
    etablissement: "École supérieure d'ingénieurs Léonard-de-Vinci"
situation:
  emploi: false
parrainage:
  parrain: "pa00121"
  debut: "2021-03-08"
  entretiens:
    - date: "2021-08-22"
      compte_rendu: "Période [globalement](https://exemple.org/fiches/891) s'est *bien* passée : **outils**. L'équipe « avec »."
"#;

#[test]
fn reads_a_corpus_fiche_as_serde_saphyr_does() {
    assert!(agrees_as::<RawPersonne>(CORPUS_FICHE));
}

#[test]
fn reads_plain_and_single_quoted_scalars_escapes_and_comments() {
    let text = "# a fiche\ncivilite: Mme   # after a value\nnom: 'O''Neil'\nprenom: \"Zo\\u00e9 \\\"Zaza\\\"\\n\\t\\\\ \\/\"  \n\n\
                roles:\n    - stagiaire\n    - parrain # two\nentreprise: Boulangerie, rue #3\nfonction: a#b\n\
                situation:\n  emploi: true\n  commentaire: ~\n  depuis:\n";
    assert!(agrees_as::<RawPersonne>(text));
}

#[test]
fn reads_words_yaml_could_take_for_numbers_as_the_text_written() {
    for value in [
        ".inf",
        "1e3",
        "0x1F",
        "0o17",
        "No",
        "0612345678",
        "2026-09-01",
        "12:30",
        "+33 6 12",
        "1_000",
        "NaN",
        "07",
        "1.5",
        "Yes",
        "n",
        "TRUE",
        "~x",
        "x~",
        "é",
    ] {
        let text = format!("civilite: Mme\nnom: {value}\nprenom: Ana\n");
        assert!(agrees_as::<RawPersonne>(&text), "not read quickly:\n{text}");
    }
}

#[test]
fn reads_presences_and_participants_in_both_shapes() {
    let session = "mois: \"2026-09\"\nateliers:\n  - date: \"2026-09-01\"\n    cycle: 2\n    presences:\n      st0001: present\n      st0002:\n        statut: absent\n        commentaire: \"malade\"\ninscrits:\n  - personne: st0001\n    financement: RSA\n";
    assert!(agrees_as::<RawSession>(session));
    let event = "titre: \"Forum\"\ndate: \"2026-10-01\"\nphotos: false\nparticipants:\n  - st0001\n  - personne: st0002\n    present: true\n  - nom: \"Léa\"\n    email: lea@exemple.fr\n";
    assert!(agrees_as::<RawEvenement>(event));
}

/// Files the quick reader leaves to serde-saphyr, each for a reason of its
/// own; serde-saphyr reads some of them and refuses the others.
#[test]
fn leaves_what_it_does_not_read_to_serde_saphyr() {
    let left = [
        "nom: \"a\"\n\tprenom: b\n",        // a tab
        "nom: \"a\"\r\nprenom: b\r\n",      // carriage returns
        "\u{feff}nom: a\n",                 // byte order mark
        "roles: [stagiaire,\n  parrain]\n", // flow sequence on two lines
        "roles: [[a]]\n",                   // nested flow sequence
        "adresse: {ville: Tours}\n",        // flow mapping
        "roles: [a, ~]\n",                  // null in a flow sequence
        "nom: |\n  a\n",                    // block scalar
        "nom: &x a\nprenom: *x\n",          // anchor and alias
        "nom: a\nnom: b\n",                 // duplicate key
        "roles:\n- stagiaire\n",            // indentless sequence
        "nom: a\n  b\n",                    // plain scalar on two lines
        "nom: \"a\n  b\"\n",                // quoted scalar on two lines
        "nom: a\ninconnu: b\n",             // unknown field
        "etudes:\n  - annee: 012\n",        // octal-looking number
        "etudes:\n  - annee: \"2007\"\n",   // quoted number
        "annuaire:\n  nom: True\n",         // boolean spelt otherwise
        "nom: \"a\\x41\"\n",                // escape it does not read
        "nom: \"a\" b\n",                   // text after a quoted scalar
        "nom: a: b\n",                      // mapping in a plain scalar
        "---\nnom: a\n",                    // document marker
        "  nom: a\n",                       // indented document
        "nom:\n",                           // empty required text
        "nom: \"a\\u0007\"\n",              // control character
        "roles:\n  -\n    - a\n",           // bare dash
        "\"nom\": a\n",                     // quoted key
    ];
    for text in left {
        assert!(
            yaml_fast::parse::<RawPersonne>(text).is_none(),
            "read by the quick reader:\n{text}"
        );
        // And no other kind of record reads it differently.
        agrees(text);
    }
}

#[test]
fn reads_every_record_of_the_example_kit_as_serde_saphyr_does() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let mut read = 0;
    let mut total = 0;
    for folder in ["personnes", "sessions", "clubs", "evenements", "operateurs"] {
        for entry in std::fs::read_dir(root.join(folder)).expect("example kit folder") {
            let text = std::fs::read_to_string(entry.expect("entry").path()).expect("record");
            total += 1;
            read += usize::from(agrees(&text));
        }
    }
    // The example kit is written as staff write: more than half of it is
    // read quickly, the rest (block scalars `|`) by serde-saphyr.
    assert!(
        total > 40 && read * 2 > total,
        "{read} of {total} read quickly"
    );
}

/// A small generator of YAML records, written in many styles, with slips.
struct Writer {
    state: u64,
    text: String,
}

impl Writer {
    fn next(&mut self, n: u64) -> u64 {
        // xorshift64*
        self.state ^= self.state >> 12;
        self.state ^= self.state << 25;
        self.state ^= self.state >> 27;
        self.state.wrapping_mul(0x2545_f491_4f6c_dd1d) % n
    }

    fn pick<'s>(&mut self, from: &[&'s str]) -> &'s str {
        from[self.next(from.len() as u64) as usize]
    }

    fn words(&mut self) -> String {
        const PLAIN: [&str; 12] = [
            "Léa", " rue", " Œuvre", " 2007", " a", ", b", " é", "-x", "'s", " (1)", "’", "l.",
        ];
        const RISKY: [&str; 16] = [
            ": ", " #", "#", "\"", "true", "null", "~", "yes", "12", "0x1F", "[x]", "?", "*", "-",
            "  ", ":",
        ];
        (0..1 + self.next(6))
            .map(|_| {
                if self.next(8) == 0 {
                    self.pick(&RISKY)
                } else {
                    self.pick(&PLAIN)
                }
            })
            .collect()
    }

    fn scalar(&mut self) -> String {
        let words = self.words();
        match self.next(16) {
            0..=6 => {
                let escaped = words.replace('\\', "\\\\").replace('"', "\\\"");
                let extra =
                    self.pick(&["", "", "", "\\n", "\\u00e9", "\\t", "\\x41", "\\/", "\\e"]);
                format!("\"{escaped}{extra}\"")
            }
            7 | 8 => format!("'{}'", words.replace('\'', "''")),
            9 => String::new(),
            _ => words.trim().to_string(),
        }
    }

    fn line(&mut self, indent: usize, key: &str, value: &str) {
        let comment = self.pick(&["", "", "", " # note", "  #", "   "]);
        let pad = " ".repeat(indent);
        self.text
            .push_str(&format!("{pad}{key}: {value}{comment}\n"));
        match self.next(12) {
            0 => self.text.push('\n'),
            1 => self.text.push_str(&format!("{pad}# comment\n")),
            2 => self.text.push_str("# at the margin\n"),
            _ => {}
        }
    }

    fn mapping(&mut self, indent: usize, keys: &[&str]) {
        // Distinct keys, but now and then one twice.
        let mut keys: Vec<&str> = keys.to_vec();
        if self.next(20) == 0 {
            keys.push(keys[0]);
        }
        for key in keys {
            if self.next(3) == 0 {
                continue;
            }
            let value = match key {
                "annee" | "cycle" | "numero" => self
                    .pick(&["2007", "0", "-3", "2", "012", "\"12\"", "3000000000", "x"])
                    .into(),
                "emploi" | "present" | "photos" => self
                    .pick(&[
                        "true", "false", "true", "false", "True", "yes", "\"true\"", "~",
                    ])
                    .into(),
                _ => self.scalar(),
            };
            self.line(indent, key, &value);
        }
    }

    fn sequence(&mut self, indent: usize, keys: &[&str]) {
        if keys.is_empty() && self.next(3) == 0 {
            let items: Vec<String> = (0..self.next(4)).map(|_| self.scalar()).collect();
            let comma = self.pick(&["", "", ",", " ,"]);
            let comment = self.pick(&["", "", " # note", "#x"]);
            self.text.pop();
            self.text
                .push_str(&format!(" [{}{comma}]{comment}\n", items.join(", ")));
            return;
        }
        let step = if self.next(6) == 0 { 0 } else { 2 };
        for _ in 0..1 + self.next(3) {
            let dash = format!("{}- ", " ".repeat(indent + step));
            if keys.is_empty() || self.next(4) == 0 {
                let value = self.scalar();
                self.text.push_str(&format!("{dash}{value}\n"));
            } else {
                let key = self.pick(keys);
                let value = self.scalar();
                self.text.push_str(&format!("{dash}{key}: {value}\n"));
                self.mapping(indent + step + 2, keys);
            }
        }
    }

    /// A fiche, a session or an event.
    fn record(seed: u64) -> String {
        let mut w = Writer {
            state: seed | 1,
            text: String::new(),
        };
        let kind = w.next(3);
        let sections = 1 + w.next(5);
        for section in 0..sections {
            if w.next(25) == 0 {
                let slip = w.pick(&[
                    "\t",
                    "\r",
                    " ",
                    "  nom: x",
                    "- x",
                    "nom:x",
                    "---",
                    "inconnu: 1",
                ]);
                w.text.push_str(slip);
                w.text.push('\n');
            }
            match (kind, section) {
                (0, 0) => w.mapping(0, &["civilite", "nom", "prenom", "email"]),
                (0, 1) => {
                    w.text.push_str("roles:\n");
                    w.sequence(0, &[]);
                }
                (0, 2) => {
                    w.text.push_str("etudes:\n");
                    w.sequence(0, &["diplome", "annee", "etablissement"]);
                }
                (0, 3) => {
                    w.text.push_str("situation:\n");
                    w.mapping(2, &["emploi", "depuis", "commentaire"]);
                }
                (0, _) => {
                    w.text
                        .push_str("parrainage:\n  parrain: pa01\n  entretiens:\n");
                    w.sequence(2, &["date", "compte_rendu", "disponibilite"]);
                }
                (1, 0) => w.mapping(0, &["mois", "numero", "date_attestation"]),
                (1, 1) => {
                    w.text
                        .push_str("ateliers:\n  - date: \"2026-01-02\"\n    presences:\n");
                    w.mapping(6, &["st01", "st02", "pa-03"]);
                }
                (1, _) => {
                    w.text.push_str("inscrits:\n");
                    w.sequence(0, &["personne", "financement", "caf"]);
                }
                (_, 0) => w.mapping(0, &["titre", "date", "lieu", "photos"]),
                (_, _) => {
                    w.text.push_str("participants:\n");
                    w.sequence(0, &["personne", "present", "nom"]);
                }
            }
        }
        w.text
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 5000, ..ProptestConfig::default() })]

    /// Whatever it reads, in whatever style and with whatever slip, the
    /// quick reader reads as serde-saphyr does.
    #[test]
    fn reads_any_record_as_serde_saphyr_does(seed in any::<u64>()) {
        agrees(&Writer::record(seed));
    }
}

#[test]
fn reads_most_generated_records() {
    // The generator writes mostly what the quick reader reads: a check
    // that the property above is not empty.
    let read = (1..=400u64)
        .filter(|&seed| agrees(&Writer::record(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15))))
        .count();
    assert!(
        read > 40,
        "only {read} of 400 generated records read quickly"
    );
}

#[test]
fn leaves_very_deep_wide_or_large_files_to_serde_saphyr() {
    // Ten thousand nested mappings: no stack overflow, and no answer.
    let deep: String = (0..10_000)
        .map(|i| format!("{}a:\n", " ".repeat(i)))
        .collect();
    assert!(yaml_fast::parse::<RawPersonne>(&deep).is_none());
    // Nor is a mapping of fifty thousand keys, which it would compare key
    // by key for repeats.
    let wide: String = (0..50_000).map(|i| format!("k{i}: x\n")).collect();
    assert!(yaml_fast::parse::<RawPersonne>(&wide).is_none());
    // Nor a list of more values than serde-saphyr accepts: it refuses the
    // file, and says so.
    let many = format!("roles: [{}]\n", vec!["a"; 300_000].join(", "));
    assert!(yaml_fast::parse::<RawPersonne>(&many).is_none());
    assert!(saphyr::<RawPersonne>(&many).is_err());
    // Nor a key longer than serde-saphyr looks for its colon.
    let long_key = format!("{}: x\n", "k".repeat(1100));
    assert!(yaml_fast::parse::<RawPersonne>(&long_key).is_none());
}
