//! "Did you mean …?": the known name closest to a mistyped one. A neutral
//! utility, below the stages, used by the load stage (field names) and the
//! model (record ids).

use crate::diagnostic::{Msg, msg};

/// « vouliez-vous dire « close » ? », in French and English, to end a message.
pub fn did_you_mean(close: &str) -> Msg {
    msg(
        format!("vouliez-vous dire « {close} » ?"),
        format!("did you mean « {close} »?"),
    )
}

/// The candidate one or two edits (Levenshtein, by character) away from
/// `typed`, the closest first, ties broken alphabetically.
pub fn closest<'a>(typed: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|name| (strsim::levenshtein(typed, name), name))
        .filter(|(d, _)| *d <= 2)
        .min()
        .map(|(_, name)| name)
}

#[cfg(test)]
mod tests {
    use super::closest;

    #[test]
    fn suggests_a_name_two_edits_away_at_most() {
        let known = ["telephone", "email", "nom"];
        assert_eq!(closest("telephne", known), Some("telephone"));
        assert_eq!(closest("emial", known), Some("email"));
        assert_eq!(closest("adresse", known), None);
    }

    #[test]
    fn the_closest_wins_then_alphabetical_order() {
        assert_eq!(closest("nam", ["name", "nom", "nim"]), Some("name"));
        assert_eq!(closest("léa", ["lea", "léo"]), Some("lea"));
    }
}
