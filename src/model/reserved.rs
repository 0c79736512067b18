//! Record ids that carnet's own pages use: a record named like one would be
//! written over it (`data/personnes/index.yaml` → `personnes/index.html`, the
//! list of people), so such an id is an error at its file.

use crate::diagnostic::Diagnostic;
use crate::source::{Sources, Span};

/// The record folders of data/: each one's fiches go to the site folder of
/// the same name, beside that folder's list page.
const FOLDERS: [&str; 5] = ["personnes", "sessions", "clubs", "evenements", "operateurs"];

/// Names the site uses inside every record folder, with what they are.
const RESERVED: [(&str, &str, &str); 1] = [(
    "index",
    "la page qui liste ces fiches",
    "the page that lists these fiches",
)];

/// An error for each record file of data/ whose id is reserved, read or not
/// (a file that failed to parse is named too, so the next run brings no surprise).
pub(super) fn check(sources: &Sources, diagnostics: &mut Vec<Diagnostic>) {
    for (file, source) in sources.iter() {
        let Some((folder, id)) = source
            .path
            .strip_prefix("data/")
            .and_then(|rest| rest.strip_suffix(".yaml"))
            .and_then(|rest| rest.split_once('/'))
        else {
            continue;
        };
        if !FOLDERS.contains(&folder) {
            continue;
        }
        let Some((name, what, what_en)) = RESERVED.iter().find(|(name, _, _)| *name == id) else {
            continue;
        };
        diagnostics.push(
            Diagnostic::error(
                Span::file_start(file),
                format!(
                    "l'identifiant « {name} » est réservé : {folder}/{name}.html est {what}, \
                     cette fiche la remplacerait"
                ),
            )
            .en(format!(
                "the id « {name} » is reserved: {folder}/{name}.html is {what_en}, \
                 this fiche would replace it"
            ))
            .expected(format!(
                "un autre nom de fichier, par exemple data/{folder}/{name}-1.yaml \
                 (et les références à « {name} » dans les autres fichiers à changer de même)"
            ))
            .expected_en(format!(
                "another file name, for example data/{folder}/{name}-1.yaml \
                 (and the references to « {name} » in the other files changed likewise)"
            )),
        );
    }
}
