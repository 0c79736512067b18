//! The template engine as the site uses it: strict about undefined values
//! (a misspelt variable is an error, never a blank), escaping every text it
//! writes, and formatting the view's typed dates and times in the site's
//! language with the filters `date`, `jour`, `date_longue`, `il_y_a`,
//! `heure` and `duree`.

use crate::labels::{Lang, word};
use crate::view::heure::Duree;
use chrono::{Datelike, NaiveDate, NaiveTime};
use minijinja::{Environment, Error, ErrorKind, UndefinedBehavior, Value};

/// A strict environment with the site's formatter and filters, without templates.
pub fn environment(lang: Lang) -> Environment<'static> {
    let mut env = Environment::new();
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    env.set_auto_escape_callback(|_| minijinja::AutoEscape::Html);
    env.set_formatter(html_formatter);
    env.add_filter("date", move |iso: &str| format_date(lang, iso));
    env.add_filter("jour", move |iso: &str| format_short_date(lang, iso));
    env.add_filter("date_longue", move |iso: &str| format_long_date(lang, iso));
    env.add_filter("il_y_a", move |days: i64| days_ago(lang, days));
    env.add_filter("heure", format_time);
    env.add_filter("duree", move |iso: &str| format_length(lang, iso));
    env
}

/// Writes a value into HTML: text is escaped (`& < > " '`), values marked
/// safe (the sanitised Markdown) are written as they are. Unlike the default,
/// `/` is left alone, so that relative links stay readable (`../personnes/x.html`).
fn html_formatter(
    out: &mut minijinja::Output,
    state: &mut minijinja::State,
    value: &Value,
) -> Result<(), Error> {
    match value.as_str() {
        Some(text) if !value.is_safe() && *state.auto_escape() == minijinja::AutoEscape::Html => {
            write_escaped_html(out, text)
                .map_err(|e| Error::new(ErrorKind::WriteFailure, e.to_string()))
        }
        _ => minijinja::escape_formatter(out, state, value),
    }
}

fn write_escaped_html(out: &mut impl std::fmt::Write, text: &str) -> std::fmt::Result {
    let mut last = 0;
    for (i, b) in text.bytes().enumerate() {
        let entity = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#x27;",
            _ => continue,
        };
        out.write_str(&text[last..i])?;
        out.write_str(entity)?;
        last = i + 1;
    }
    out.write_str(&text[last..])
}

/// A date of the view (`2026-09-14`), or an error naming what was given instead.
fn parse_date(iso: &str) -> Result<NaiveDate, Error> {
    // The view writes every date as `AAAA-MM-JJ`, read here digit by digit:
    // pages format hundreds of thousands of dates, and chrono's `FromStr`
    // (which reads the other forms, such as a signed year) costs several
    // times more. Anything else goes through it, so both accept the same.
    plain_iso_date(iso)
        .or_else(|| iso.parse::<NaiveDate>().ok())
        .ok_or_else(|| {
            Error::new(
                ErrorKind::InvalidOperation,
                "les filtres date et jour ne s'appliquent qu'aux dates (AAAA-MM-JJ)",
            )
        })
}

/// `AAAA-MM-JJ` exactly (ten characters, digits and two dashes), when it
/// names a day of the calendar.
fn plain_iso_date(iso: &str) -> Option<NaiveDate> {
    let bytes = iso.as_bytes();
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    let number = |digits: &[u8]| {
        digits.iter().try_fold(0u32, |n, &d| {
            d.is_ascii_digit().then(|| n * 10 + u32::from(d - b'0'))
        })
    };
    let year = i32::try_from(number(&bytes[0..4])?).ok()?;
    NaiveDate::from_ymd_opt(year, number(&bytes[5..7])?, number(&bytes[8..10])?)
}

/// `2026-09-14` → `14/09/2026` (French) or `2026-09-14` (English).
fn format_date(lang: Lang, iso: &str) -> Result<String, Error> {
    let date = parse_date(iso)?;
    Ok(match lang {
        Lang::Fr => french_date(date),
        Lang::En => date.to_string(),
    })
}

/// `2026-09-14` → `14/09` (French) or `14 Sep` (English), for narrow columns.
fn format_short_date(lang: Lang, iso: &str) -> Result<String, Error> {
    let date = parse_date(iso)?;
    Ok(match lang {
        Lang::Fr => {
            let mut text = String::with_capacity(5);
            push_day_month(&mut text, date);
            text
        }
        Lang::En => date.format("%-d %b").to_string(),
    })
}

/// `14/09/2026`: what `format!("{:02}/{:02}/{}", day, month, year)` writes,
/// written digit by digit: pages format hundreds of thousands of dates, and
/// `format!` was 2.8 % of the instructions spent rendering them.
fn french_date(date: NaiveDate) -> String {
    let mut text = String::with_capacity(10);
    push_day_month(&mut text, date);
    text.push('/');
    match u32::try_from(date.year()) {
        Ok(year) if (1000..=9999).contains(&year) => {
            push_digits(
                &mut text,
                &[year / 1000, year / 100 % 10, year / 10 % 10, year % 10],
            );
        }
        _ => text.push_str(&date.year().to_string()),
    }
    text
}

/// `14/09`: the day and the month on two digits each.
fn push_day_month(text: &mut String, date: NaiveDate) {
    let (day, month) = (date.day(), date.month());
    push_digits(text, &[day / 10, day % 10]);
    text.push('/');
    push_digits(text, &[month / 10, month % 10]);
}

/// Writes digits (each below ten).
fn push_digits(text: &mut String, digits: &[u32]) {
    for &d in digits {
        text.push(char::from_digit(d, 10).unwrap_or('?'));
    }
}

/// `2026-09-01` → `1er septembre 2026` (French) or `1 September 2026`
/// (English), for sentences.
fn format_long_date(lang: Lang, iso: &str) -> Result<String, Error> {
    let date = parse_date(iso)?;
    let month = crate::labels::month(lang, date.month());
    Ok(match (lang, date.day()) {
        (Lang::Fr, 1) => format!("1er {month} {}", date.year()),
        (_, day) => format!("{day} {month} {}", date.year()),
    })
}

/// A number of days as the time since: « il y a 5 jours », « il y a 3
/// semaines », « il y a 4 mois » (days up to two weeks, weeks up to two
/// months, months after); « 3 weeks ago » in English.
fn days_ago(lang: Lang, days: i64) -> String {
    let (n, one, many) = match days {
        ..=0 => return word(lang, "aujourd_hui").to_string(),
        1..14 => (days, "jour", "jours"),
        14..61 => (days / 7, "semaine", "semaines"),
        _ => (days / 30, "mois_duree", "mois_durees"),
    };
    let unit = word(lang, if n == 1 { one } else { many });
    word(lang, "il_y_a").replace("{}", &format!("{n} {unit}"))
}

/// `09:30` → `09:30`, in both languages.
fn format_time(hhmm: &str) -> Result<String, Error> {
    NaiveTime::parse_from_str(hhmm, "%H:%M")
        .map(|time| time.format("%H:%M").to_string())
        .map_err(|_| {
            Error::new(
                ErrorKind::InvalidOperation,
                "le filtre heure ne s'applique qu'aux heures (HH:MM)",
            )
        })
}

/// `PT1H30M` → `1 h 30` (French) or `1 h 30 min` (English).
fn format_length(lang: Lang, iso: &str) -> Result<String, Error> {
    Duree::parse_iso(iso)
        .map(|d| d.display(lang))
        .ok_or_else(|| {
            Error::new(
                ErrorKind::InvalidOperation,
                "le filtre duree ne s'applique qu'aux durées (PT1H30M)",
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_text_is_escaped_but_slashes_are_kept() {
        let mut out = String::new();
        write_escaped_html(&mut out, "a/b <i>\"x\" & 'y'</i>").unwrap();
        assert_eq!(
            out,
            "a/b &lt;i&gt;&quot;x&quot; &amp; &#x27;y&#x27;&lt;/i&gt;"
        );
    }

    #[test]
    fn dates_and_times_in_both_languages() {
        assert_eq!(format_date(Lang::Fr, "2026-09-04").unwrap(), "04/09/2026");
        assert_eq!(format_date(Lang::En, "2026-09-04").unwrap(), "2026-09-04");
        assert_eq!(format_short_date(Lang::Fr, "2026-09-04").unwrap(), "04/09");
        assert_eq!(format_short_date(Lang::En, "2026-09-04").unwrap(), "4 Sep");
        assert_eq!(format_time("09:30").unwrap(), "09:30");
        assert_eq!(
            format_long_date(Lang::Fr, "2026-09-12").unwrap(),
            "12 septembre 2026"
        );
        assert_eq!(
            format_long_date(Lang::Fr, "2026-08-01").unwrap(),
            "1er août 2026"
        );
        assert_eq!(
            format_long_date(Lang::En, "2026-09-12").unwrap(),
            "12 September 2026"
        );
        assert_eq!(format_length(Lang::Fr, "PT1H30M").unwrap(), "1 h 30");
    }

    #[test]
    fn french_dates_are_written_as_format_writes_them() {
        for (y, m, d) in [
            (2026, 9, 4),
            (2026, 12, 31),
            (1000, 1, 1),
            (9999, 10, 10),
            (999, 1, 2),
            (10000, 3, 4),
            (-5, 6, 7),
            (0, 1, 1),
        ] {
            let date = NaiveDate::from_ymd_opt(y, m, d).expect("a date");
            assert_eq!(french_date(date), format!("{d:02}/{m:02}/{y}"));
            let mut short = String::new();
            push_day_month(&mut short, date);
            assert_eq!(short, format!("{d:02}/{m:02}"));
        }
    }

    #[test]
    fn plain_dates_are_read_as_chrono_reads_them() {
        for iso in [
            "2026-09-14",
            "0001-01-01",
            "2024-02-29",
            "2023-02-29",
            "2026-13-01",
            "2026-00-10",
            "2026-09-00",
            "2026-09-1a",
            "+2026-09-14",
            "2026-09-14 ",
            "20260-09-14",
            "",
        ] {
            assert_eq!(
                parse_date(iso).ok(),
                iso.parse::<NaiveDate>().ok(),
                "{iso:?}"
            );
        }
    }

    #[test]
    fn time_since_reads_in_days_then_weeks_then_months() {
        let fr = |d| days_ago(Lang::Fr, d);
        assert_eq!(fr(0), "aujourd'hui");
        assert_eq!(fr(1), "il y a 1 jour");
        assert_eq!(fr(13), "il y a 13 jours");
        assert_eq!(fr(14), "il y a 2 semaines");
        assert_eq!(fr(23), "il y a 3 semaines");
        assert_eq!(fr(60), "il y a 8 semaines");
        assert_eq!(fr(61), "il y a 2 mois");
        assert_eq!(days_ago(Lang::En, 7 * 3), "3 weeks ago");
        assert_eq!(days_ago(Lang::En, 30), "4 weeks ago");
        assert_eq!(days_ago(Lang::En, 95), "3 months ago");
    }

    #[test]
    fn a_filter_given_something_else_says_what_it_expects() {
        let error = format_short_date(Lang::Fr, "bientôt").unwrap_err();
        assert!(
            error
                .to_string()
                .contains("les filtres date et jour ne s'appliquent qu'aux dates (AAAA-MM-JJ)")
        );
        assert!(format_date(Lang::Fr, "é2026-09-0").is_err());
        assert!(format_date(Lang::Fr, "2026-02-30").is_err());
        assert!(format_time("9h30").is_err());
    }

    #[test]
    fn an_undefined_variable_is_an_error_even_in_a_condition() {
        let env = environment(Lang::Fr);
        for source in ["{{ page.telephon }}", "{% if page.telephon %}x{% endif %}"] {
            let error = env
                .render_str(
                    source,
                    minijinja::context! { page => minijinja::context! {} },
                )
                .unwrap_err();
            assert_eq!(error.kind(), ErrorKind::UndefinedError, "{source}");
        }
    }
}
