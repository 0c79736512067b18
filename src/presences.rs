//! `carnet presences SESSION|CLUB DATE`: writes the `presences:` block of one
//! held atelier into its session or club file, every person expected at it
//! marked `present` (the tutor then edits only the absences). The rest of the
//! file is kept byte for byte: the block is inserted at the end of the
//! atelier's mapping, found through the spans the loader gives its values.

use crate::load::records::RawAtelier;
use crate::model::ActivityKind;
use chrono::NaiveDate;
use std::path::{Path, PathBuf};

/// Why nothing was written (exit status 2), in French.
#[derive(Debug)]
pub struct PresencesError(pub String);

impl std::fmt::Display for PresencesError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// What was written.
#[derive(Debug)]
pub struct Written {
    /// The session or club file, on disk.
    pub path: PathBuf,
    /// The same, relative to the kit (as shown to users).
    pub fichier: String,
    /// The ids marked present, in the order written.
    pub personnes: Vec<String>,
}

/// Where the atelier of the chosen date is written in its file.
struct Place {
    /// Start of its date value.
    date_start: usize,
    /// End of its last value.
    end: usize,
    /// How many presences its `presences` key holds, if it has one.
    presences: Option<usize>,
}

/// Writes the presence block of the atelier of `date` in the session or club
/// `id` of the kit at `root`. Refuses (nothing written) when the record or the
/// date is unknown, the atelier is still to come, or it already has presences.
pub fn write(
    root: &Path,
    id: &str,
    date: &str,
    today: NaiveDate,
) -> Result<Written, PresencesError> {
    let fail = |m: String| Err(PresencesError(m));
    let Ok(day) = date.trim().parse::<NaiveDate>() else {
        return fail(format!(
            "date mal écrite « {date} » : attendu AAAA-MM-JJ, par exemple 2026-09-14"
        ));
    };
    let mut loaded = crate::load::load(root).map_err(|e| PresencesError(e.message))?;
    let found = find_record(&loaded, id)?;
    let (kind, file, ateliers) = found;
    let dates: Vec<String> = ateliers.iter().map(|(d, _)| d.clone()).collect();
    let Some(place) = ateliers
        .into_iter()
        .find(|(d, _)| d.parse::<NaiveDate>() == Ok(day))
        .map(|(_, p)| p)
    else {
        return fail(format!(
            "{} n'a pas d'atelier le {day} ; ses ateliers : {}",
            what(kind, id),
            list_or_none(&dates)
        ));
    };
    match place.presences {
        Some(0) => {
            return fail(format!(
                "l'atelier du {day} de {} a une clé presences vide : supprimez la ligne « presences: » de cet atelier, puis relancez la commande",
                what(kind, id)
            ));
        }
        Some(_) => {
            return fail(format!(
                "l'atelier du {day} de {} a déjà des présences : rien n'a été écrit (modifiez-les dans le fichier)",
                what(kind, id)
            ));
        }
        None => {}
    }
    if day > today {
        return fail(format!(
            "l'atelier du {day} n'a pas encore eu lieu (aujourd'hui : {today}) : les présences se saisissent une fois l'atelier passé"
        ));
    }
    let layouts = std::mem::take(&mut loaded.layouts);
    let (kit, _) = crate::model::build(loaded, &layouts, today);
    let list = match kind {
        ActivityKind::Session => &kit.sessions,
        ActivityKind::Club => &kit.clubs,
    };
    let Some(atelier) = list
        .iter()
        .find(|a| a.id == id)
        .and_then(|a| a.ateliers.iter().find(|at| at.date == day))
    else {
        return fail(format!(
            "{} n'a pas pu être lu(e) : lancez carnet check et corrigez ses erreurs d'abord",
            what(kind, id)
        ));
    };
    let personnes: Vec<String> = atelier
        .attendance
        .iter()
        .map(|a| kit.personnes[a.personne].id.clone())
        .collect();
    if personnes.is_empty() {
        return fail(format!(
            "personne n'est attendu à l'atelier du {day} de {} : inscrivez d'abord les stagiaires",
            what(kind, id)
        ));
    }
    let source = kit.sources.get(file);
    let text = insert_block(&source.text, &place, &personnes);
    reads_back(source, &text, kind, day, &personnes)?;
    let path = source.disk_path.clone();
    replace_file(&path, &text)?;
    Ok(Written {
        path,
        fichier: source.path.clone(),
        personnes,
    })
}

/// A record's kind, its file and its ateliers (date as written, place).
type Found = (ActivityKind, crate::source::FileId, Vec<(String, Place)>);

/// The session or club `id`, or why there is none.
fn find_record(loaded: &crate::load::Loaded, id: &str) -> Result<Found, PresencesError> {
    if let Some(s) = loaded.sessions.iter().find(|s| s.id == id) {
        return Ok((ActivityKind::Session, s.file, places(&s.record.ateliers)));
    }
    if let Some(c) = loaded.clubs.iter().find(|c| c.id == id) {
        return Ok((ActivityKind::Club, c.file, places(&c.record.ateliers)));
    }
    if let Some((folder, _)) = loaded
        .broken
        .iter()
        .find(|(folder, broken)| ["sessions", "clubs"].contains(folder) && broken == id)
    {
        return Err(PresencesError(format!(
            "data/{folder}/{id}.yaml n'a pas pu être lu : lancez carnet check et corrigez-le d'abord"
        )));
    }
    let ids = loaded
        .sessions
        .iter()
        .map(|s| s.id.as_str())
        .chain(loaded.clubs.iter().map(|c| c.id.as_str()));
    let hint = match crate::suggest::closest(id, ids) {
        Some(close) => format!(" ; vouliez-vous dire « {close} » ?"),
        None => String::new(),
    };
    Err(PresencesError(format!(
        "aucune session ni aucun club « {id} » (attendu : le nom d'un fichier de data/sessions/ ou data/clubs/, sans .yaml){hint}"
    )))
}

/// The ateliers of a file that have a date, with where they are written.
fn places(ateliers: &Option<Vec<RawAtelier>>) -> Vec<(String, Place)> {
    ateliers
        .iter()
        .flatten()
        .filter_map(|a| {
            let date = a.date.as_ref()?;
            let ends = [
                Some(date.range.end),
                a.intitule.as_ref().map(|t| t.range.end),
                a.cycle.as_ref().map(|c| c.range.end),
            ];
            Some((
                date.text().to_string(),
                Place {
                    date_start: date.range.start,
                    end: ends.into_iter().flatten().max().unwrap_or(date.range.end),
                    presences: a.presences.as_ref().map(|p| p.0.len()),
                },
            ))
        })
        .collect()
}

/// Checks that `text`, the new content of `source`, parses and gives the
/// atelier of `day` exactly the presences of `personnes`: a layout the
/// insertion does not foresee (a `presences:` key left empty…) is refused
/// rather than written.
fn reads_back(
    source: &crate::source::SourceFile,
    text: &str,
    kind: ActivityKind,
    day: NaiveDate,
    personnes: &[String],
) -> Result<(), PresencesError> {
    use crate::load::records::{RawClub, RawSession};
    let file = crate::source::FileId::of(&source.path);
    let new = crate::source::SourceFile::new(
        source.path.clone(),
        source.disk_path.clone(),
        text.to_string(),
    );
    let parsed = match kind {
        ActivityKind::Session => {
            crate::load::parse_yaml::<RawSession>(&new, file).map(|r| r.ateliers)
        }
        ActivityKind::Club => crate::load::parse_yaml::<RawClub>(&new, file).map(|r| r.ateliers),
    };
    let written: Option<Vec<String>> = match &parsed {
        Ok(ateliers) => ateliers
            .iter()
            .flatten()
            .find(|a| a.date.as_ref().is_some_and(|d| d.text().parse() == Ok(day)))
            .and_then(|a| a.presences.as_ref())
            .map(|p| p.0.iter().map(|(id, _)| id.text().to_string()).collect()),
        Err(_) => None,
    };
    if written.as_deref() == Some(personnes) {
        return Ok(());
    }
    let why = match parsed {
        Err(problems) => problems
            .first()
            .map(|d| format!(" ({})", d.message))
            .unwrap_or_default(),
        Ok(_) => String::new(),
    };
    Err(PresencesError(format!(
        "{} : le bloc presences de l'atelier du {day} ne peut pas être ajouté sans changer le reste du fichier{why} ; rien n'a été écrit (attendu : un atelier sans clé presences, pas même vide ; sinon écrivez le bloc à la main)",
        source.path
    )))
}

fn what(kind: ActivityKind, id: &str) -> String {
    match kind {
        ActivityKind::Session => format!("la session « {id} »"),
        ActivityKind::Club => format!("le club « {id} »"),
    }
}

fn list_or_none(dates: &[String]) -> String {
    if dates.is_empty() {
        "aucun".to_string()
    } else {
        dates.join(", ")
    }
}

/// `text` with the presence block of `personnes` added to the atelier at
/// `place`: a key of its block mapping, or of its flow mapping `{…}`.
fn insert_block(text: &str, place: &Place, personnes: &[String]) -> String {
    let line_start = text[..place.date_start].rfind('\n').map_or(0, |i| i + 1);
    let before_date = &text[line_start..place.date_start];
    let mut out = String::with_capacity(text.len() + 32 * personnes.len());
    if before_date.contains('{') {
        let entries: Vec<String> = personnes.iter().map(|p| format!("{p}: present")).collect();
        let close = text[place.end..]
            .find('}')
            .map_or(text.len(), |i| place.end + i);
        let at = text[..close].trim_end().len().max(place.end);
        out.push_str(&text[..at]);
        out.push_str(&format!(", presences: {{{}}}", entries.join(", ")));
        out.push_str(&text[at..]);
        return out;
    }
    let newline = if text.contains("\r\n") { "\r\n" } else { "\n" };
    let indent = " ".repeat(
        before_date
            .chars()
            .take_while(|c| *c == ' ' || *c == '-')
            .count(),
    );
    let at = if text[..place.end].ends_with('\n') {
        place.end
    } else {
        text[place.end..]
            .find('\n')
            .map_or(text.len(), |i| place.end + i + 1)
    };
    out.push_str(&text[..at]);
    if !out.is_empty() && !out.ends_with('\n') {
        out.push_str(newline);
    }
    out.push_str(&format!("{indent}presences:{newline}"));
    for p in personnes {
        out.push_str(&format!("{indent}  {p}: present{newline}"));
    }
    out.push_str(&text[at..]);
    out
}

/// Replaces `path` with `text` through a file beside it renamed over it, so
/// that the record is never half-written.
fn replace_file(path: &Path, text: &str) -> Result<(), PresencesError> {
    let name = path
        .file_name()
        .map_or_else(|| "fiche".into(), |n| n.to_string_lossy().into_owned());
    let temp = path.with_file_name(format!(".{name}.tmp-{}", std::process::id()));
    let io = |e: std::io::Error| {
        let _ = std::fs::remove_file(&temp);
        PresencesError(format!("impossible d'écrire {} : {e}", path.display()))
    };
    std::fs::write(&temp, text).map_err(io)?;
    std::fs::rename(&temp, path).map_err(io)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(text: &str, date: &str, last: &str) -> Place {
        let last_at = text.find(last).unwrap();
        Place {
            date_start: text.find(date).unwrap(),
            end: last_at + last.len(),
            presences: None,
        }
    }

    #[test]
    fn block_goes_after_the_last_value_line_at_the_key_indentation() {
        let text = "ateliers:\n  - date: 2026-09-03 # premier\n    cycle: 1\n  # suivant\n  - date: 2026-09-10\n";
        let out = insert_block(text, &place(text, "2026-09-03", "cycle: 1"), &["a".into()]);
        assert_eq!(
            out,
            "ateliers:\n  - date: 2026-09-03 # premier\n    cycle: 1\n    presences:\n      a: present\n  # suivant\n  - date: 2026-09-10\n"
        );
    }

    #[test]
    fn last_line_without_newline_gets_one() {
        let text = "ateliers:\n- date: 2026-09-03";
        let out = insert_block(
            text,
            &place(text, "2026-09-03", "2026-09-03"),
            &["a".into()],
        );
        assert_eq!(
            out,
            "ateliers:\n- date: 2026-09-03\n  presences:\n    a: present\n"
        );
    }
}
