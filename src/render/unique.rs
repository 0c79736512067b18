//! Every output path of a build, checked unique once everything is planned
//! and before anything is written: two outputs at one path would leave one
//! file, the other silently lost. Paths are unique by construction (ids hold
//! no `/`, the model refuses ids that carnet's own pages use, form paths name
//! the kind of record); a duplicate found here is a bug of carnet, reported
//! naming both outputs rather than written over.

use super::RenderError;
use super::html::Job;
use crate::view::forms::FormJob;
use std::borrow::Cow;
use std::collections::HashMap;
use std::collections::hash_map::Entry;

/// What a planned output is, to name it when it clashes.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Planned<'a> {
    /// An HTML page.
    Page(&'a Job),
    /// A file of the theme, by its output path (`theme/style.css`).
    Theme(&'a str),
    /// A PDF form.
    Form(&'a FormJob),
}

impl<'a> Planned<'a> {
    /// The output path (borrowed from the plan where it is stored whole).
    fn path(&self) -> Cow<'a, str> {
        match *self {
            Planned::Page(job) => job.path.as_str().into(),
            Planned::Theme(path) => Cow::Borrowed(path),
            Planned::Form(job) => job.path.as_str().into(),
        }
    }

    fn describe(&self) -> String {
        match self {
            Planned::Page(job) => format!("la page {:?} (gabarit {})", job.page, job.template),
            Planned::Theme(_) => "un fichier du thème".to_string(),
            Planned::Form(job) => format!(
                "le formulaire PDF (modèle n° {}, données {:?})",
                job.layout, job.data
            ),
        }
    }
}

/// `Ok` when no two of `planned` share a path; otherwise the first clash,
/// naming both outputs.
pub(crate) fn check<'a>(planned: impl IntoIterator<Item = Planned<'a>>) -> Result<(), RenderError> {
    let mut seen: HashMap<Cow<'a, str>, Planned<'a>> = HashMap::new();
    for output in planned {
        match seen.entry(output.path()) {
            Entry::Vacant(slot) => {
                slot.insert(output);
            }
            Entry::Occupied(first) => {
                return Err(RenderError {
                    message: format!(
                        "erreur interne de carnet : deux sorties au même chemin « {} » ({} et {}) ; \
                         rien n'a été écrit. Merci de signaler ce problème avec le kit qui le produit.",
                        first.key(),
                        first.get().describe(),
                        output.describe()
                    ),
                });
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::html::Page;

    fn page(path: &str, page: Page) -> Job {
        Job {
            path: path.to_string(),
            template: "personne.html",
            page,
            inputs: Vec::new(),
        }
    }

    #[test]
    fn distinct_paths_pass() {
        let (a, b) = (
            page("personnes/a.html", Page::Person(0)),
            page("personnes/index.html", Page::People),
        );
        let form = FormJob {
            layout: 0,
            data: Some(0),
            path: "formulaires/x/personne/a.pdf".into(),
        };
        let planned = [
            Planned::Page(&a),
            Planned::Page(&b),
            Planned::Theme("theme/style.css"),
            Planned::Form(&form),
        ];
        assert!(check(planned).is_ok());
    }

    #[test]
    fn a_shared_path_is_an_error_naming_both_outputs() {
        let (list, fiche) = (
            page("personnes/index.html", Page::People),
            page("personnes/index.html", Page::Person(3)),
        );
        let message = check([Planned::Page(&list), Planned::Page(&fiche)])
            .unwrap_err()
            .message;
        assert!(
            message.contains("« personnes/index.html »")
                && message.contains("People")
                && message.contains("Person(3)"),
            "{message}"
        );
        let form = FormJob {
            layout: 2,
            data: Some(7),
            path: "theme/x.pdf".into(),
        };
        let message = check([Planned::Theme("theme/x.pdf"), Planned::Form(&form)])
            .unwrap_err()
            .message;
        assert!(
            message.contains("un fichier du thème") && message.contains("modèle n° 2"),
            "{message}"
        );
    }
}
