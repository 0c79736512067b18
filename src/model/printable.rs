//! Text printed on the PDF forms that their font cannot draw: a warning at
//! the value, naming the characters and what the forms print instead (their
//! transliteration, [`crate::glyphs::printable`]). Checked where a form needs
//! the text to identify a row or an action: people's names, atelier and
//! event titles, the organisation in every header.

use crate::diagnostic::Diagnostic;
use crate::load::Loaded;
use crate::load::records::Text;
use crate::source::{FileId, Span};

/// At most this many characters are named in one warning.
const NAMED: usize = 6;

/// A warning for each checked value of `loaded` that holds characters the
/// forms' font cannot draw.
/// With a `cache`, an unchanged person's warnings are taken again.
pub(super) fn check(
    loaded: &Loaded,
    cache: Option<&mut super::reuse::Checked>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    // Ten thousand people: in parallel, in file order.
    let people = super::reuse::each_person(&loaded.personnes, cache, |p| {
        [("nom", &p.record.nom), ("prenom", &p.record.prenom)]
            .into_iter()
            .filter_map(|(field, value)| warning(p.file, field, value.as_ref()?))
            .collect()
    });
    if let Some(config) = &loaded.config {
        warn(
            diagnostics,
            config.file,
            "organisation",
            &config.record.organisation,
        );
    }
    diagnostics.extend(people);
    let activities = loaded
        .sessions
        .iter()
        .map(|s| (s.file, &s.record.ateliers))
        .chain(loaded.clubs.iter().map(|c| (c.file, &c.record.ateliers)));
    for (file, ateliers) in activities {
        for atelier in ateliers.iter().flatten() {
            warn(diagnostics, file, "intitule", &atelier.intitule);
        }
    }
    for e in &loaded.evenements {
        warn(diagnostics, e.file, "titre", &e.record.titre);
    }
}

/// The warning of a value, if it is given and has characters the font lacks.
fn warn(diagnostics: &mut Vec<Diagnostic>, file: FileId, field: &str, value: &Option<Text>) {
    if let Some(value) = value {
        diagnostics.extend(warning(file, field, value));
    }
}

fn warning(file: FileId, field: &str, value: &Text) -> Option<Diagnostic> {
    let missing = crate::glyphs::missing(&value.value);
    if missing.is_empty() {
        return None;
    }
    let mut named: Vec<String> = missing
        .iter()
        .take(NAMED)
        .map(|c| format!("{c} (U+{:04X})", u32::from(*c)))
        .collect();
    if missing.len() > NAMED {
        named.push("…".into());
    }
    let printed = crate::glyphs::printable(value.text()).into_owned();
    Some(
        Diagnostic::warning(
            Span::new(file, value.range.clone()),
            format!(
                "{field} « {} » : la police des formulaires PDF n'a pas les caractères {} ; \
                 les formulaires imprimeront « {printed} » à la place",
                value.text(),
                named.join(", ")
            ),
        )
        .en(format!(
            "{field} « {} »: the font of the PDF forms lacks the characters {}; \
             the forms will print « {printed} » instead",
            value.text(),
            named.join(", ")
        ))
        .expected(
            "des lettres latines, grecques ou cyrilliques, que les formulaires impriment \
             telles quelles ; sinon, vérifiez que ce qui sera imprimé permet de reconnaître la ligne",
        )
        .expected_en(
            "Latin, Greek or Cyrillic letters, which the forms print as they are; \
             otherwise, check that what will be printed still lets the line be recognised",
        ),
    )
}
