//! Who may see which field of a person: decided here and nowhere else.
//! A person's `annuaire` consent (name, phones, email, postal address)
//! governs every output read by someone other than the organisation's staff:
//! the public site, and, whatever the profile, the annuaire and the lists
//! handed to other members. Staff (the internal profile's own pages) see everything.

use super::Profile;
use crate::model::Personne;

/// Who reads an output, as far as consent goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reader {
    /// The organisation's staff: the internal profile's fiches and lists.
    Staff,
    /// Anyone else: the public site, the annuaire, lists handed to members.
    Others,
}

impl From<Profile> for Reader {
    fn from(profile: Profile) -> Reader {
        if profile.internal() {
            Reader::Staff
        } else {
            Reader::Others
        }
    }
}

/// A field of a person that consent governs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    /// The name, and so the fiche and every link to it.
    Nom,
    /// The phone and mobile numbers.
    Telephone,
    /// The email address.
    Email,
    /// The postal address (published only on an explicit `adresse: true`).
    Adresse,
}

/// Whether `reader` may see `field` of `person`.
pub fn may_see(reader: Reader, person: &Personne, field: Field) -> bool {
    let consent = person.annuaire;
    reader == Reader::Staff
        || match field {
            Field::Nom => consent.nom,
            Field::Telephone => consent.telephone,
            Field::Email => consent.email,
            Field::Adresse => consent.adresse,
        }
}

/// `value` (a field of `person`) when `reader` may see it, else nothing.
pub fn shown<T: Clone>(
    reader: Reader,
    person: &Personne,
    field: Field,
    value: &Option<T>,
) -> Option<T> {
    value.clone().filter(|_| may_see(reader, person, field))
}
