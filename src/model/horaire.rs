//! Hours of an atelier or event: `heure_debut`, `heure_fin`, `duree`, read
//! and checked once into an [`Horaire`]. A time is written `09:30`, `9:30` or
//! `9h30` (`9h`); a length `2h`, `1h30` or `90 min`. Whatever two of the
//! three are given, the third is derived; all three must agree.

use super::values::Checker;
use crate::diagnostic::{Msg, msg};
use crate::load::records::Text;
use chrono::{NaiveTime, Timelike};

/// What a time should look like, for the diagnostics.
const TIME_EXPECTED: (&str, &str) = (
    "une heure HH:MM entre guillemets (00:00 à 23:59), par exemple \"09:30\" ou \"9h30\"",
    "a time HH:MM in quotes (00:00 to 23:59), for example \"09:30\" or \"9h30\"",
);

/// What a length should look like, for the diagnostics.
const LENGTH_EXPECTED: (&str, &str) = (
    "une durée en heures et minutes, par exemple \"2h\", \"1h30\" ou \"90 min\"",
    "a length in hours and minutes, for example \"2h\", \"1h30\" or \"90 min\"",
);

/// The hours of an atelier or event, as far as the record gives them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Horaire {
    /// Start time.
    pub debut: Option<NaiveTime>,
    /// End time (written, or start + length).
    pub fin: Option<NaiveTime>,
    /// Length in minutes (written, or end − start).
    pub minutes: Option<u32>,
}

/// The three hour fields of a record, as written.
pub(super) struct RawHoraire<'a> {
    /// `heure_debut`.
    pub debut: &'a Option<Text>,
    /// `heure_fin`.
    pub fin: &'a Option<Text>,
    /// `duree`.
    pub duree: &'a Option<Text>,
}

impl RawHoraire<'_> {
    /// Whether any of the three fields is written.
    pub fn is_written(&self) -> bool {
        self.debut.is_some() || self.fin.is_some() || self.duree.is_some()
    }
}

/// Checks the hour fields of one record: each value's format, an end after
/// the start, a length that agrees with both. `what` names the record in
/// messages (« l'atelier », « l'événement »), in French and English.
pub(super) fn check(c: &mut Checker, raw: &RawHoraire, what: impl Into<Msg>) -> Horaire {
    let what = what.into();
    let (what, what_en) = (what.fr.as_str(), what.english());
    let debut = raw.debut.as_ref().and_then(|t| time(c, t));
    let fin = raw.fin.as_ref().and_then(|t| time(c, t));
    let minutes = raw.duree.as_ref().and_then(|t| length(c, t));
    let format = |t: NaiveTime| t.format("%H:%M").to_string();
    if let (Some(d), Some(f), Some(fin_text)) = (debut, fin, raw.fin) {
        if f <= d {
            let message = if f == d {
                msg(
                    format!("{what} finit à l'heure où il commence ({})", format(d)),
                    format!("{what_en} ends at the time it starts ({})", format(d)),
                )
            } else {
                msg(
                    format!(
                        "{what} finit ({}) avant de commencer ({})",
                        format(f),
                        format(d)
                    ),
                    format!(
                        "{what_en} ends ({}) before it starts ({})",
                        format(f),
                        format(d)
                    ),
                )
            };
            c.error(
                fin_text,
                message,
                msg(
                    "une heure de fin après l'heure de début (le même jour)",
                    "an end time after the start time (the same day)",
                ),
            );
            return Horaire {
                debut,
                ..Horaire::default()
            };
        }
        let between = minutes_between(d, f);
        if let (Some(m), Some(duree)) = (minutes, raw.duree)
            && m != between
        {
            c.error(
                duree,
                msg(
                    format!(
                        "la durée {} ne correspond pas aux heures {} – {} ({})",
                        duree.text(),
                        format(d),
                        format(f),
                        written_length(between)
                    ),
                    format!(
                        "the length {} does not match the hours {} – {} ({})",
                        duree.text(),
                        format(d),
                        format(f),
                        written_length(between)
                    ),
                ),
                msg(
                    "heure_fin ou duree, pas les deux (ou une durée égale à l'écart entre les heures)",
                    "heure_fin or duree, not both (or a length equal to the time between the hours)",
                ),
            );
        }
        return Horaire {
            debut,
            fin,
            minutes: Some(between),
        };
    }
    if let (None, Some(fin_text), None) = (raw.debut, raw.fin, raw.duree) {
        c.error(
            fin_text,
            msg(
                format!("{what} a une heure de fin sans heure de début"),
                format!("{what_en} has an end time but no start time"),
            ),
            msg(
                "heure_debut aussi (ou duree à la place de heure_fin)",
                "heure_debut as well (or duree instead of heure_fin)",
            ),
        );
        return Horaire::default();
    }
    let (Some(m), Some(duree)) = (minutes, raw.duree) else {
        return Horaire {
            debut,
            fin,
            minutes: None,
        };
    };
    let past_midnight = || {
        msg(
            format!(
                "avec la durée {}, {what} déborde sur le lendemain",
                duree.text()
            ),
            format!(
                "with the length {}, {what_en} runs past midnight",
                duree.text()
            ),
        )
    };
    match (debut, fin) {
        (Some(d), None) => match shift(d, m as i64) {
            Some(f) => Horaire {
                debut,
                fin: Some(f),
                minutes,
            },
            None => {
                c.error(
                    duree,
                    past_midnight(),
                    msg(
                        "une durée qui finit avant minuit",
                        "a length that ends before midnight",
                    ),
                );
                Horaire::default()
            }
        },
        (None, Some(f)) => match shift(f, -(m as i64)) {
            Some(d) => Horaire {
                debut: Some(d),
                fin,
                minutes,
            },
            None => {
                c.error(
                    duree,
                    past_midnight(),
                    msg(
                        "une durée qui commence après minuit",
                        "a length that starts after midnight",
                    ),
                );
                Horaire::default()
            }
        },
        _ => Horaire {
            debut,
            fin,
            minutes,
        },
    }
}

/// Minutes from `a` to `b` (b after a, the same day).
fn minutes_between(a: NaiveTime, b: NaiveTime) -> u32 {
    let minutes = |t: NaiveTime| t.hour() * 60 + t.minute();
    minutes(b) - minutes(a)
}

/// `t` moved by `minutes`, if that stays within the day.
fn shift(t: NaiveTime, minutes: i64) -> Option<NaiveTime> {
    let total = (t.hour() * 60 + t.minute()) as i64 + minutes;
    (0..24 * 60)
        .contains(&total)
        .then(|| NaiveTime::from_hms_opt((total / 60) as u32, (total % 60) as u32, 0))
        .flatten()
}

/// A length as the messages write it (`2h30`, `45 min`).
fn written_length(minutes: u32) -> String {
    match (minutes / 60, minutes % 60) {
        (0, m) => format!("{m} min"),
        (h, 0) => format!("{h}h"),
        (h, m) => format!("{h}h{m:02}"),
    }
}

/// A time of day, or a diagnostic at it.
pub(super) fn time(c: &mut Checker, value: &Text) -> Option<NaiveTime> {
    let parsed = parse_time(value.text());
    if parsed.is_none() {
        c.error(
            value,
            msg(
                format!("heure mal écrite « {} »", value.text()),
                format!("badly written time « {} »", value.text()),
            ),
            msg(TIME_EXPECTED.0, TIME_EXPECTED.1),
        );
    }
    parsed
}

/// A length in minutes (more than zero, within a day), or a diagnostic at it.
fn length(c: &mut Checker, value: &Text) -> Option<u32> {
    let text = value.text();
    match parse_length(text) {
        Some(m) if m > 0 && m < 24 * 60 => Some(m),
        Some(_) => {
            c.error(
                value,
                msg(
                    format!("durée impossible « {text} »"),
                    format!("impossible length « {text} »"),
                ),
                msg(
                    "une durée de plus de 0 minute et de moins de 24 heures",
                    "a length of more than 0 minutes and less than 24 hours",
                ),
            );
            None
        }
        None => {
            let bare = !text.trim().is_empty() && text.trim().bytes().all(|b| b.is_ascii_digit());
            let message = if bare {
                msg(
                    format!("durée sans unité « {text} »"),
                    format!("length without a unit « {text} »"),
                )
            } else {
                msg(
                    format!("durée mal écrite « {text} »"),
                    format!("badly written length « {text} »"),
                )
            };
            c.error(value, message, msg(LENGTH_EXPECTED.0, LENGTH_EXPECTED.1));
            None
        }
    }
}

/// `text` without spaces, in lower case (`9 H 30` → `9h30`).
fn compact(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_lowercase()
}

/// `09:30`, `9:30`, `9h30`, `9h`, `9 h 30`, `14H00` → the time.
pub fn parse_time(text: &str) -> Option<NaiveTime> {
    let compact = compact(text);
    let (hours, minutes) = compact.split_once([':', 'h'])?;
    let minutes = if minutes.is_empty() && compact.contains('h') {
        "00"
    } else {
        minutes
    };
    if !(1..=2).contains(&hours.len()) || minutes.len() != 2 {
        return None;
    }
    let number = |s: &str| {
        s.bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| s.parse::<u32>().ok())
            .flatten()
    };
    NaiveTime::from_hms_opt(number(hours)?, number(minutes)?, 0)
}

/// `2h`, `1h30`, `1 h 30`, `90 min`, `90min`, `45 mn` → minutes.
pub fn parse_length(text: &str) -> Option<u32> {
    let compact = compact(text);
    let digits = |s: &str| -> Option<u32> {
        (!s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    if let Some(m) = compact
        .strip_suffix("min")
        .or_else(|| compact.strip_suffix("mn"))
    {
        return digits(m);
    }
    let (hours, minutes) = compact.split_once('h')?;
    let minutes = match minutes {
        "" => 0,
        m if m.len() == 2 => digits(m).filter(|&m| m < 60)?,
        _ => return None,
    };
    Some(digits(hours)? * 60 + minutes)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap()
    }

    #[test]
    fn times_are_read_in_the_ways_staff_write_them() {
        for text in ["09:30", "9:30", "9h30", "9 h 30", "09H30"] {
            assert_eq!(parse_time(text), Some(t(9, 30)), "{text}");
        }
        assert_eq!(parse_time("14h"), Some(t(14, 0)));
        for bad in ["9.30", "24:00", "9:3", "9:60", "930", "midi", "9:30:00", ""] {
            assert_eq!(parse_time(bad), None, "{bad}");
        }
    }

    #[test]
    fn lengths_are_read_in_hours_and_minutes() {
        assert_eq!(parse_length("2h"), Some(120));
        assert_eq!(parse_length("1h30"), Some(90));
        assert_eq!(parse_length("1 h 30"), Some(90));
        assert_eq!(parse_length("90 min"), Some(90));
        assert_eq!(parse_length("45mn"), Some(45));
        for bad in ["90", "1,5h", "1h5", "1h75", "h30", "deux heures", ""] {
            assert_eq!(parse_length(bad), None, "{bad}");
        }
    }
}
