//! References between records: an id must name an existing record, and a
//! person referenced as mentor, tutor or trainer must have that role.

use super::values::Checker;
use super::{PersonIdx, Personne};
use crate::diagnostic::msg;
use crate::load::records::Text;
use std::collections::{HashMap, HashSet};

/// Resolves person ids to indices, checking roles.
pub struct Resolver<'a> {
    personnes: &'a [Personne],
    index: &'a HashMap<String, PersonIdx>,
    broken: &'a HashSet<String>,
}

impl<'a> Resolver<'a> {
    /// A resolver over the people of the kit. `broken`: ids of person files
    /// that exist but could not be read; naming them is not an error of its own
    /// (their file's problems are already reported).
    pub fn new(
        personnes: &'a [Personne],
        index: &'a HashMap<String, PersonIdx>,
        broken: &'a HashSet<String>,
    ) -> Resolver<'a> {
        Resolver {
            personnes,
            index,
            broken,
        }
    }

    /// The people.
    pub fn personnes(&self) -> &'a [Personne] {
        self.personnes
    }

    /// The index of a person id, without any check.
    pub fn index_of(&self, id: &str) -> Option<PersonIdx> {
        self.index.get(id).copied()
    }

    /// Resolves `id` (read in `field`) to a person who has `role`, if a role is required.
    pub fn person(
        &self,
        checker: &mut Checker,
        id: &Text,
        field: &str,
        role: Option<&str>,
    ) -> Option<PersonIdx> {
        let Some(&index) = self.index.get(id.text()) else {
            if self.broken.contains(id.text()) {
                return None;
            }
            let expected = match self.closest(id.text()) {
                Some(close) => {
                    let question = crate::suggest::did_you_mean(close);
                    msg(
                        format!(
                            "l'identifiant d'un fichier de data/personnes/ ; {}",
                            question.fr
                        ),
                        format!(
                            "the id of a file in data/personnes/; {}",
                            question.english()
                        ),
                    )
                }
                None => msg(
                    "l'identifiant d'un fichier de data/personnes/ (nom du fichier sans .yaml)",
                    "the id of a file in data/personnes/ (the file name without .yaml)",
                ),
            };
            checker.error(
                id,
                msg(
                    format!("{field} : personne inconnue « {} »", id.text()),
                    format!("{field}: unknown person « {} »", id.text()),
                ),
                expected,
            );
            return None;
        };
        if let Some(role) = role {
            let person = &self.personnes[index];
            if !person.has_role(role) {
                checker.error(
                    id,
                    msg(
                        format!(
                            "{field} : {} (« {} ») n'a pas le rôle {role}",
                            person.nom_complet(),
                            id.text()
                        ),
                        format!(
                            "{field}: {} (« {} ») does not have the role {role}",
                            person.nom_complet(),
                            id.text()
                        ),
                    ),
                    msg(
                        format!("une personne dont « roles » contient {role}"),
                        format!("a person whose « roles » include {role}"),
                    ),
                );
                return None;
            }
        }
        Some(index)
    }

    /// The existing id closest to a mistyped one (one or two edits away).
    /// The id the user may have meant: the one a displayed name stands
    /// for (`Chevallier Jean-Pierre`), else the closest by spelling.
    fn closest(&self, typed: &str) -> Option<&str> {
        crate::id::from_display_name(typed)
            .iter()
            .find_map(|id| {
                self.index
                    .get_key_value(id.as_str())
                    .map(|(k, _)| k.as_str())
            })
            .or_else(|| crate::suggest::closest(typed, self.index.keys().map(String::as_str)))
    }
}
