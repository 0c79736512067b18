//! Checks and normalisations of single values: dates, months, phone numbers,
//! names, emails. Each returns the clean value or a diagnostic at the value.

use crate::diagnostic::{Diagnostic, DiagnosticKind, Msg, msg};
use crate::load::records::Text;
use crate::source::{FileId, Span};
use chrono::{Datelike, NaiveDate};
use serde::Serialize;
use std::fmt;

/// A calendar month (`YYYY-MM`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month {
    /// Year.
    pub year: i32,
    /// Month, 1 to 12.
    pub month: u32,
}

impl Month {
    /// The month of a date.
    pub fn of(date: NaiveDate) -> Month {
        Month {
            year: date.year(),
            month: date.month(),
        }
    }

    /// The following month.
    pub fn next(self) -> Month {
        if self.month == 12 {
            Month {
                year: self.year + 1,
                month: 1,
            }
        } else {
            Month {
                year: self.year,
                month: self.month + 1,
            }
        }
    }

    /// First day of the month.
    pub fn first_day(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, self.month, 1).unwrap_or_default()
    }

    /// Last day of the month.
    pub fn last_day(self) -> NaiveDate {
        self.next().first_day().pred_opt().unwrap_or_default()
    }
}

impl fmt::Display for Month {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

impl Serialize for Month {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// Checks values of one file, collecting diagnostics.
pub struct Checker<'a> {
    /// The file being checked.
    pub file: FileId,
    /// Where problems go.
    pub diagnostics: &'a mut Vec<Diagnostic>,
}

impl Checker<'_> {
    /// Span of a value of this file.
    pub fn span(&self, value: &Text) -> Span {
        Span::new(self.file, value.range.clone())
    }

    /// Records an error at `value` (texts in French and English: [`msg`]).
    #[track_caller]
    pub fn error(&mut self, value: &Text, message: impl Into<Msg>, expected: impl Into<Msg>) {
        let span = self.span(value);
        self.diagnostics
            .push(Diagnostic::error_msg(span, message).expected_msg(expected));
    }

    /// Where to point for a field missing from an entry: the first of its
    /// sibling values that is present, else the start of the file.
    pub fn entry_span(&self, siblings: &[&Option<Text>]) -> Span {
        siblings
            .iter()
            .find_map(|v| v.as_ref())
            .map_or(Span::file_start(self.file), |t| self.span(t))
    }

    /// Records an error at `fin_text` when the end `fin` is before the start
    /// `debut` (both known): `message` says so from the two dates (end, start).
    #[track_caller]
    pub fn ends_before_start(
        &mut self,
        debut: Option<NaiveDate>,
        fin: Option<NaiveDate>,
        fin_text: &Option<Text>,
        message: impl FnOnce(NaiveDate, NaiveDate) -> Msg,
        expected: impl Into<Msg>,
    ) {
        if let (Some(debut), Some(fin), Some(text)) = (debut, fin, fin_text)
            && fin < debut
        {
            self.error(text, message(fin, debut), expected);
        }
    }

    /// Records an error at the start of the file (a missing field).
    pub fn missing(&mut self, field: &str, expected: impl Into<Msg>) {
        self.missing_at(Span::file_start(self.file), field, expected);
    }

    /// Whether `date` has come by `today`. When it has not, warns at `range`
    /// (the value at fault) that `what` is dated after the build day.
    pub fn happened(
        &mut self,
        range: std::ops::Range<usize>,
        date: NaiveDate,
        today: NaiveDate,
        what: impl Into<Msg>,
        expected: impl Into<Msg>,
    ) -> bool {
        if date <= today {
            return true;
        }
        let what = what.into();
        let message = Msg {
            fr: format!("{} du {date}, après aujourd'hui ({today})", what.fr),
            en: what
                .en
                .map(|w| format!("{w} dated {date}, after today ({today})")),
        };
        self.diagnostics.push(
            Diagnostic::warning_msg(Span::new(self.file, range), message).expected_msg(expected),
        );
        false
    }

    /// Records a missing field of the entry starting at `span`.
    pub fn missing_at(&mut self, span: Span, field: &str, expected: impl Into<Msg>) {
        self.diagnostics.push(
            Diagnostic::error(span, format!("champ obligatoire manquant « {field} »"))
                .en(format!("missing required field « {field} »"))
                .expected_msg(expected)
                .kind(DiagnosticKind::MissingField(field.into())),
        );
    }

    /// Records that the field `field`, written as `value`, is empty.
    pub fn empty(&mut self, value: &Text, field: &str, expected: impl Into<Msg>) {
        let span = self.span(value);
        self.diagnostics.push(
            Diagnostic::error(span, format!("le champ « {field} » est vide"))
                .en(format!("the field « {field} » is empty"))
                .expected_msg(expected)
                .kind(DiagnosticKind::MissingField(field.into())),
        );
    }

    /// A required text field, trimmed and non-empty.
    pub fn required(
        &mut self,
        value: &Option<Text>,
        field: &str,
        expected: impl Into<Msg>,
    ) -> Option<String> {
        let expected = expected.into();
        match value {
            Some(v) if !v.text().is_empty() && v.text().chars().all(is_invisible) => {
                self.error(
                    v,
                    msg(
                        format!("le champ « {field} » ne contient que des caractères invisibles"),
                        format!("the field « {field} » holds only invisible characters"),
                    ),
                    expected,
                );
                None
            }
            // `~` is YAML's way of writing nothing.
            Some(v) if !v.text().is_empty() && v.text() != "~" => Some(v.text().to_string()),
            Some(v) => {
                self.empty(v, field, expected);
                None
            }
            None => {
                self.missing(field, expected);
                None
            }
        }
    }

    /// A required date: `value` read by [`Checker::date`], or a missing
    /// `field` at the start of the file.
    pub fn required_date(
        &mut self,
        value: &Option<Text>,
        field: &str,
        expected: impl Into<Msg>,
    ) -> Option<NaiveDate> {
        match value {
            Some(v) => self.date(v),
            None => {
                self.missing(field, expected);
                None
            }
        }
    }

    /// A required month: `value` read by [`Checker::month`], or a missing
    /// `field` at the start of the file.
    pub fn required_month(
        &mut self,
        value: &Option<Text>,
        field: &str,
        expected: impl Into<Msg>,
    ) -> Option<Month> {
        match value {
            Some(v) => self.month(v),
            None => {
                self.missing(field, expected);
                None
            }
        }
    }

    /// A date `YYYY-MM-DD`.
    pub fn date(&mut self, value: &Text) -> Option<NaiveDate> {
        let text = value.text();
        let well_formed = text.len() == 10
            && text.bytes().enumerate().all(|(i, b)| match i {
                4 | 7 => b == b'-',
                _ => b.is_ascii_digit(),
            });
        if !well_formed {
            self.error(
                value,
                msg(
                    format!("date mal écrite « {text} »"),
                    format!("badly written date « {text} »"),
                ),
                msg(
                    "une date AAAA-MM-JJ, par exemple 2026-09-14",
                    "a date YYYY-MM-DD, for example 2026-09-14",
                ),
            );
            return None;
        }
        match NaiveDate::parse_from_str(text, "%Y-%m-%d") {
            Ok(date) => Some(date),
            Err(_) => {
                self.error(
                    value,
                    msg(
                        format!("date impossible « {text} » : ce jour n'existe pas"),
                        format!("impossible date « {text} »: this day does not exist"),
                    ),
                    msg(
                        "une date du calendrier (mois de 01 à 12, jour existant dans le mois)",
                        "a calendar date (month 01 to 12, a day that exists in that month)",
                    ),
                );
                None
            }
        }
    }

    /// An optional date.
    pub fn opt_date(&mut self, value: &Option<Text>) -> Option<NaiveDate> {
        value
            .as_ref()
            .filter(|v| !v.text().is_empty())
            .and_then(|v| self.date(v))
    }

    /// A month `YYYY-MM`.
    pub fn month(&mut self, value: &Text) -> Option<Month> {
        let text = value.text();
        let parsed = (text.len() == 7 && text.as_bytes()[4] == b'-')
            .then(|| {
                Some((
                    text[..4].parse::<i32>().ok()?,
                    text[5..].parse::<u32>().ok()?,
                ))
            })
            .flatten()
            .filter(|(_, m)| (1..=12).contains(m));
        match parsed {
            Some((year, month)) => Some(Month { year, month }),
            None => {
                self.error(
                    value,
                    msg(
                        format!("mois mal écrit « {text} »"),
                        format!("badly written month « {text} »"),
                    ),
                    msg(
                        "un mois AAAA-MM entre guillemets, par exemple \"2026-09\"",
                        "a month YYYY-MM in quotes, for example \"2026-09\"",
                    ),
                );
                None
            }
        }
    }

    /// A French phone number, normalised to `## ## ## ## ##`.
    pub fn phone(&mut self, value: &Option<Text>) -> Option<String> {
        let value = value.as_ref().filter(|v| !v.text().is_empty())?;
        match normalise_phone(value.text()) {
            Some(phone) => Some(phone),
            None => {
                self.error(
                    value,
                    msg(
                        format!("numéro de téléphone invalide « {} »", value.text()),
                        format!("invalid phone number « {} »", value.text()),
                    ),
                    msg(
                        "10 chiffres commençant par 0 (06 12 34 56 78), espaces, points ou +33 acceptés",
                        "10 digits starting with 0 (06 12 34 56 78); spaces, dots or +33 accepted",
                    ),
                );
                None
            }
        }
    }

    /// An email address: exactly one address, nothing a mail link could read
    /// as a second recipient or a header (`a@x.fr?cc=autre@y.fr`).
    pub fn email(&mut self, value: &Option<Text>) -> Option<String> {
        let value = value.as_ref().filter(|v| !v.text().is_empty())?;
        let text = value.text();
        match email_problem(text) {
            None => Some(text.to_string()),
            Some(problem) => {
                self.error(
                    value,
                    msg(
                        format!("adresse électronique invalide « {text} » : {}", problem.fr),
                        format!(
                            "invalid email address « {text} »: {}",
                            problem.en.unwrap_or_default()
                        ),
                    ),
                    msg(
                        "une seule adresse, par exemple prenom.nom@exemple.fr",
                        "a single address, for example firstname.name@example.fr",
                    ),
                );
                None
            }
        }
    }
}

/// What makes `text` something other than one email address, if anything.
/// Only letters, digits and `. _ - +` are accepted around a single `@`, so that
/// nothing can add a recipient or a header to a `mailto:` link (`?`, `&`, `,`,
/// `;`, `%`, spaces, `<>`, quotes, control characters).
fn email_problem(text: &str) -> Option<Msg> {
    let ats = text.matches('@').count();
    if ats != 1 {
        return Some(if ats == 0 {
            msg("il manque « @ »", "« @ » is missing")
        } else {
            msg(
                "plusieurs « @ » : une seule adresse est permise",
                "several « @ »: only one address is allowed",
            )
        });
    }
    let (local, domain) = text.split_once('@')?;
    let allowed = |c: char, extra: &str| c.is_alphanumeric() || extra.contains(c);
    if let Some(c) = local
        .chars()
        .find(|&c| !allowed(c, "._-+"))
        .or_else(|| domain.chars().find(|&c| !allowed(c, ".-")))
    {
        let shown = if c.is_whitespace() {
            msg("espace", "space")
        } else if c.is_control() {
            msg("caractère de contrôle", "control character")
        } else {
            msg(format!("« {c} »"), format!("« {c} »"))
        };
        return Some(msg(
            format!("caractère interdit ({})", shown.fr),
            format!("forbidden character ({})", shown.en.unwrap_or_default()),
        ));
    }
    if local.is_empty() {
        return Some(msg("rien avant « @ »", "nothing before « @ »"));
    }
    if !domain.contains('.') || domain.split('.').any(str::is_empty) {
        return Some(msg(
            "le domaine après « @ » doit être comme exemple.fr",
            "the domain after « @ » must look like example.fr",
        ));
    }
    None
}

/// Whether a character shows nothing: spaces, zero-width characters, the soft
/// hyphen, the byte order mark, fillers. A name made only of these is empty.
pub fn is_invisible(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\u{200B}'..='\u{200F}'
                | '\u{2060}'..='\u{2064}'
                | '\u{FEFF}'
                | '\u{00AD}'
                | '\u{034F}'
                | '\u{180E}'
                | '\u{115F}'
                | '\u{1160}'
                | '\u{3164}'
                | '\u{FFA0}'
        )
}

/// Trimmed text of an optional value, `None` when absent or blank.
pub fn opt_text(value: &Option<Text>) -> Option<String> {
    value
        .as_ref()
        .map(|v| v.text().to_string())
        .filter(|t| !t.is_empty())
}

/// `0612345678`, `06.12.34.56.78`, `+33 6 12 34 56 78` → `06 12 34 56 78`.
pub fn normalise_phone(typed: &str) -> Option<String> {
    let compact: String = typed
        .chars()
        .filter(|c| !matches!(c, ' ' | '.' | '-' | '\u{a0}'))
        .collect();
    let national = if let Some(rest) = compact.strip_prefix("+33") {
        format!("0{}", rest.strip_prefix("(0)").unwrap_or(rest))
    } else if let Some(rest) = compact.strip_prefix("0033") {
        format!("0{rest}")
    } else {
        compact
    };
    let valid = national.len() == 10
        && national.starts_with('0')
        && national.bytes().all(|b| b.is_ascii_digit())
        && national.as_bytes()[1] != b'0';
    valid.then(|| {
        national
            .as_bytes()
            .chunks(2)
            .map(|pair| String::from_utf8_lossy(pair).into_owned())
            .collect::<Vec<_>>()
            .join(" ")
    })
}

/// Family name as displayed: capitals, accents kept (d'almeida → D'ALMEIDA).
pub fn display_nom(typed: &str) -> String {
    typed.trim().to_uppercase()
}

/// Text folded for sorting: accents removed, ligatures expanded, capitals.
pub fn collation_key(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let mut key = String::with_capacity(text.len());
    for c in text.trim().nfd() {
        match c {
            'œ' | 'Œ' => key.push_str("OE"),
            'æ' | 'Æ' => key.push_str("AE"),
            c if unicode_normalization::char::is_combining_mark(c) => {}
            c => key.extend(c.to_uppercase()),
        }
    }
    key
}

/// First name as displayed: each part capitalised (marie-ève → Marie-Ève).
pub fn display_prenom(typed: &str) -> String {
    let mut out = String::with_capacity(typed.len());
    let mut start_of_part = true;
    for c in typed.trim().chars() {
        if start_of_part {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        start_of_part = matches!(c, '-' | ' ' | '\'' | '’');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phones_are_normalised_whatever_the_typing() {
        for typed in [
            "0612345678",
            "06 12 34 56 78",
            "06.12.34.56.78",
            "+33 6 12 34 56 78",
            "+33612345678",
            "0033612345678",
            "06-12-34-56-78",
        ] {
            assert_eq!(
                normalise_phone(typed).as_deref(),
                Some("06 12 34 56 78"),
                "{typed}"
            );
        }
    }

    #[test]
    fn phones_that_are_not_french_numbers_are_rejected() {
        for typed in [
            "612345678",
            "06123456789",
            "06 12 34 56 7a",
            "+44 20 7946 0958",
            "0012345678",
            "tel",
        ] {
            assert_eq!(normalise_phone(typed), None, "{typed}");
        }
    }

    #[test]
    fn names_are_displayed_normalised() {
        assert_eq!(display_nom("d'almeida"), "D'ALMEIDA");
        assert_eq!(display_nom("Lefèvre"), "LEFÈVRE");
        assert_eq!(display_prenom("marie-ève"), "Marie-Ève");
        assert_eq!(display_prenom("JEAN-PIERRE"), "Jean-Pierre");
        assert_eq!(display_prenom("éloïse"), "Éloïse");
        assert_eq!(display_prenom("anne marie"), "Anne Marie");
        assert_eq!(display_prenom("œdipe"), "Œdipe");
    }

    #[test]
    fn names_sort_ignoring_accents_and_case() {
        let mut names = vec!["Zola", "Çelik", "caron", "Éluard", "Dœuf", "Dupont"];
        names.sort_by_key(|n| collation_key(n));
        assert_eq!(
            names,
            ["caron", "Çelik", "Dœuf", "Dupont", "Éluard", "Zola"]
        );
    }

    #[test]
    fn month_bounds() {
        let m = Month {
            year: 2026,
            month: 12,
        };
        assert_eq!(
            m.next(),
            Month {
                year: 2027,
                month: 1
            }
        );
        assert_eq!(
            Month {
                year: 2028,
                month: 2
            }
            .last_day()
            .to_string(),
            "2028-02-29"
        );
    }
}
