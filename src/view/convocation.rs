//! The convocation page of a club (internal profile only: it lists emails
//! and phones): who to convene, a `mailto:` link putting every address in
//! Bcc, the people without an email apart with their phone.

use super::records::ConvocationRow;
use super::{ActivityView, Link, urls};
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use schemars::JsonSchema;
use serde::Serialize;

/// What the convocation page of a club shows.
#[derive(Debug, Serialize, JsonSchema)]
pub struct ConvocationPage {
    /// The club.
    pub club: Link,
    /// The people to convene who have an email.
    pub lignes: Vec<ConvocationRow>,
    /// The people to convene without an email (to call).
    pub sans_email: Vec<ConvocationRow>,
    /// `mailto:?bcc=…` with every address of `lignes` in Bcc (none without).
    pub mailto: Option<String>,
    /// Root-relative URL of the CSV export.
    pub csv: String,
    /// Root-relative URL of the XLSX export.
    pub xlsx: String,
}

/// What an address may keep unencoded in a `mailto:` header value (RFC 6068
/// and 3986's unreserved characters, and `@`); everything else is
/// percent-encoded, so `&`, `?`, `,`, `%` or `+` in an address cannot split
/// or change the link.
const KEPT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~')
    .remove(b'@');

/// The link that opens one message to `emails`, every address in Bcc (the
/// recipients do not see each other's addresses), none when there is no address.
pub fn mailto_bcc<'a>(emails: impl IntoIterator<Item = &'a str>) -> Option<String> {
    let encoded: Vec<String> = emails
        .into_iter()
        .map(|e| utf8_percent_encode(e, KEPT).to_string())
        .collect();
    (!encoded.is_empty()).then(|| format!("mailto:?bcc={}", encoded.join(",")))
}

impl ConvocationPage {
    /// The convocation page of `club`.
    pub fn of(club: &ActivityView) -> ConvocationPage {
        let (lignes, sans_email): (Vec<ConvocationRow>, Vec<ConvocationRow>) = club
            .convocation
            .iter()
            .cloned()
            .partition(|r| r.email.is_some());
        ConvocationPage {
            club: Link {
                label: club.titre.clone(),
                url: club.url.clone(),
            },
            mailto: mailto_bcc(lignes.iter().filter_map(|r| r.email.as_deref())),
            lignes,
            sans_email,
            csv: urls::convocation(&club.id, "csv"),
            xlsx: urls::convocation(&club.id, "xlsx"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_address_goes_in_bcc_encoded() {
        assert_eq!(
            mailto_bcc(["a.b@x.fr", "c+d@y.fr", "e&cc=z@w.fr"]).as_deref(),
            Some("mailto:?bcc=a.b@x.fr,c%2Bd@y.fr,e%26cc%3Dz@w.fr")
        );
        assert_eq!(mailto_bcc([]), None);
    }
}
