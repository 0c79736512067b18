//! Calendar feeds (`.ics`, RFC 5545) of the planning: everything, each
//! person's (tutor, trainer, event responsable), each session's and club's.
//! Written with the icalendar crate, which escapes text, folds lines at 75
//! octets and ends them with CRLF. What it leaves to us:
//! - DTSTAMP (it would write the clock's time): the build day, so a feed
//!   changes only when its data or the day change;
//! - all-day events end the next day (its `all_day` ends them the same day);
//! - the VTIMEZONE of Europe/Paris, which it cannot write (it would add a
//!   DTSTAMP and a random UID to it): a fixed block set before the events.

use crate::plan::{Input, OutputKind, Planned, RenderError, Renderer};
use crate::view::View;
use crate::view::planning::PlanningItem;
use chrono::{Days, NaiveDate, NaiveDateTime, TimeZone, Utc};
use icalendar::{Calendar, CalendarDateTime, Component, Event, EventLike, Property};

/// The zone of every time of the feeds.
const TZID: &str = "Europe/Paris";

/// Europe/Paris since 1996: CET, and CEST from the last Sunday of March to
/// the last Sunday of October.
const VTIMEZONE: &str = "BEGIN:VTIMEZONE\r\n\
TZID:Europe/Paris\r\n\
BEGIN:DAYLIGHT\r\n\
TZOFFSETFROM:+0100\r\n\
TZOFFSETTO:+0200\r\n\
TZNAME:CEST\r\n\
DTSTART:19700329T020000\r\n\
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n\
END:DAYLIGHT\r\n\
BEGIN:STANDARD\r\n\
TZOFFSETFROM:+0200\r\n\
TZOFFSETTO:+0100\r\n\
TZNAME:CET\r\n\
DTSTART:19701025T030000\r\n\
RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n\
END:STANDARD\r\n\
END:VTIMEZONE\r\n";

/// The calendar feeds.
pub struct Feeds;

/// One feed: its calendar's name and its items (indexes into the planning).
struct Feed {
    name: String,
    items: Vec<usize>,
}

impl Renderer for Feeds {
    fn plan(&self, view: &View) -> Vec<Planned> {
        // `carnet build --sans-exports` leaves the feeds out with the spreadsheets.
        if view.exports.left_out {
            return Vec::new();
        }
        let planning = &view.planning;
        view.planning_feeds()
            .into_iter()
            .map(|feed| {
                // Which items a feed holds depends on every dated record (a
                // session that starts naming a tutor); what they show, on
                // the records and people they name.
                let mut files: Vec<_> = feed
                    .items
                    .iter()
                    .flat_map(|&i| planning.items[i].inputs.iter().copied())
                    .chain(feed.owner)
                    .collect();
                files.sort_unstable();
                files.dedup();
                let inputs = [
                    Input::Folder("data/sessions"),
                    Input::Folder("data/clubs"),
                    Input::Folder("data/evenements"),
                ]
                .into_iter()
                .chain(files.into_iter().map(Input::File))
                .collect();
                let context = Feed {
                    name: feed.name,
                    items: feed.items,
                };
                Planned::new(feed.path, OutputKind::Feed, inputs, context)
            })
            .collect()
    }

    fn render(&self, view: &View, planned: &Planned) -> Result<Vec<u8>, RenderError> {
        let feed = planned.context::<Feed>()?;
        Ok(calendar(view, &feed.name, &feed.items).into_bytes())
    }

    fn describe(&self, planned: &Planned) -> String {
        format!("le calendrier {}", planned.path)
    }
}

/// Text as a calendar may hold it: line breaks as `\n` (the crate writes
/// them `\n` escaped), no other control character.
fn clean(text: &str) -> String {
    text.replace("\r\n", "\n")
        .replace('\r', "\n")
        .chars()
        .filter(|c| *c == '\n' || !c.is_control())
        .collect()
}

/// The feed named `name` holding these items of the planning.
fn calendar(view: &View, name: &str, items: &[usize]) -> String {
    let planning = &view.planning;
    let stamp = Utc.from_utc_datetime(&planning.today.and_time(chrono::NaiveTime::MIN));
    let mut cal = Calendar::empty();
    cal.append_property(Property::new("VERSION", "2.0"))
        .append_property(Property::new("PRODID", "-//carnet//planning//FR"))
        .append_property(Property::new("CALSCALE", "GREGORIAN"))
        .append_property(Property::new("METHOD", "PUBLISH"))
        .append_property(Property::new("X-WR-CALNAME", clean(name)))
        .append_property(Property::new("X-WR-TIMEZONE", TZID));
    let mut timed = false;
    for &i in items {
        let item = &planning.items[i];
        timed |= item.horaire.heure_debut.is_some();
        cal.push(event(view, item, stamp));
    }
    let text = cal.to_string();
    if !timed {
        return text;
    }
    // The zone goes before the first event (the crate cannot write it).
    let at = text
        .find("BEGIN:VEVENT\r\n")
        .unwrap_or_else(|| text.len() - "END:VCALENDAR\r\n".len());
    format!("{}{VTIMEZONE}{}", &text[..at], &text[at..])
}

/// One item as an event.
fn event(view: &View, item: &PlanningItem, stamp: chrono::DateTime<Utc>) -> Event {
    let planning = &view.planning;
    let lang = view.site.langue;
    let mut e = Event::new();
    e.uid(&format!("{}@{}", item.uid, planning.uid_domain))
        .timestamp(stamp);
    let summary = match &item.contexte {
        Some(c) => format!("{} — {}", item.titre, c),
        None => item.titre.clone(),
    };
    e.summary(&clean(&summary));
    match item.horaire.heure_debut {
        Some(start) => {
            let at = |date: NaiveDate, time| CalendarDateTime::WithTimezone {
                date_time: NaiveDateTime::new(date, time),
                tzid: TZID.to_string(),
            };
            e.starts(at(item.date, start.0));
            let end = item.horaire.heure_fin.map(|h| h.0).or_else(|| {
                let minutes = item.horaire.duree?.0;
                let (end, overflow) = start
                    .0
                    .overflowing_add_signed(chrono::TimeDelta::minutes(i64::from(minutes)));
                (overflow == 0).then_some(end)
            });
            if let Some(end) = end.filter(|&end| end > start.0) {
                e.ends(at(item.date, end));
            }
        }
        None => {
            e.starts(item.date);
            e.ends(item.date + Days::new(1));
        }
    }
    if let Some(lieu) = &item.lieu {
        e.location(&clean(lieu));
    }
    let mut lines = Vec::new();
    if let Some(c) = &item.contexte {
        lines.push(c.clone());
    }
    if !item.personnes.is_empty() {
        let names: Vec<&str> = item.personnes.iter().map(|p| p.nom.as_str()).collect();
        lines.push(format!(
            "{} {}",
            crate::labels::word(lang, "intervenants_planning"),
            names.join(", ")
        ));
    }
    if let Some(url) = &item.url {
        let link = match &planning.base_url {
            Some(base) => {
                let absolute = format!("{base}{url}");
                e.url(&absolute);
                absolute
            }
            None => url.clone(),
        };
        lines.push(format!(
            "{}{}{link}",
            crate::labels::word(lang, "fiche_en_ligne"),
            crate::labels::word(lang, "deux_points")
        ));
    }
    if !lines.is_empty() {
        e.description(&clean(&lines.join("\n")));
    }
    e.done()
}
