//! Very long lines, cut for display. A diagnostic quotes the line at fault; a
//! line of a megabyte (a generated or corrupted file) would flood the terminal.
//! codespan-reporting is handed a copy of the file where each long line a
//! label points into is cut to a window around the label, marked with « … »,
//! while the `file:line:col` it prints stays that of the real file.

use crate::source::{FileId, SourceFile, Sources};
use codespan_reporting::files::{Error, Files, Location};
use std::collections::HashMap;
use std::ops::Range;

/// Lines longer than this (in bytes) are cut.
const MAX_LINE: usize = 200;
/// Characters kept before and after the start of a label.
const BEFORE: usize = 40;
const AFTER: usize = 80;
/// Marks where a line was cut.
const MARK: &str = "…";

/// One cut line: the part kept, and where it starts in the shortened text.
struct Cut {
    /// The whole line, in the real file.
    line: Range<usize>,
    /// The part kept, in the real file.
    kept: Range<usize>,
    /// Where the kept part starts in the shortened text.
    new_start: usize,
    /// Shortened length minus real length of the line.
    shift: isize,
}

/// A file with some lines cut.
struct Shortened {
    text: SourceFile,
    cuts: Vec<Cut>,
}

/// The files of one diagnostic as codespan sees them.
pub(super) struct Window<'a> {
    sources: &'a Sources,
    shortened: HashMap<FileId, Shortened>,
}

impl<'a> Window<'a> {
    /// The sources, with the long lines holding the start of a `label` cut.
    pub(super) fn new(sources: &'a Sources, labels: &[(FileId, usize)]) -> Window<'a> {
        let mut by_file: HashMap<FileId, Vec<usize>> = HashMap::new();
        for &(file, at) in labels {
            by_file.entry(file).or_default().push(at);
        }
        let shortened = by_file
            .into_iter()
            .filter_map(|(file, starts)| Some((file, shorten(sources.get(file), starts)?)))
            .collect();
        Window { sources, shortened }
    }

    /// A byte range of the real file, in the text codespan is given.
    pub(super) fn map(&self, file: FileId, range: Range<usize>) -> Range<usize> {
        let start = self.map_offset(file, range.start);
        start..self.map_offset(file, range.end).max(start)
    }

    fn map_offset(&self, file: FileId, at: usize) -> usize {
        let Some(short) = self.shortened.get(&file) else {
            return at;
        };
        let mut shift = 0isize;
        for cut in &short.cuts {
            if cut.line.contains(&at) || at == cut.line.end {
                let inside = at.clamp(cut.kept.start, cut.kept.end);
                return cut.new_start + (inside - cut.kept.start);
            }
            if cut.line.start > at {
                break;
            }
            shift += cut.shift;
        }
        at.saturating_add_signed(shift)
    }
}

/// The file with its long lines holding one of `starts` cut, if any is long.
fn shorten(file: &SourceFile, mut starts: Vec<usize>) -> Option<Shortened> {
    starts.sort_unstable();
    let mut lines: Vec<(Range<usize>, usize)> = Vec::new();
    for at in starts {
        let line = file.line_range(file.line_index(at))?;
        if line.len() > MAX_LINE && lines.last().is_none_or(|(l, _)| l.start != line.start) {
            lines.push((line, at));
        }
    }
    if lines.is_empty() {
        return None;
    }
    let text = &file.text;
    let mut out = String::with_capacity(text.len().min(1 << 20));
    let mut cuts = Vec::new();
    let mut copied = 0;
    for (line, at) in lines {
        out.push_str(&text[copied..line.start]);
        let at = at.min(line.end);
        let from = text[line.start..at]
            .char_indices()
            .rev()
            .nth(BEFORE.saturating_sub(1))
            .map_or(line.start, |(i, _)| line.start + i);
        let to = text[at..line.end]
            .char_indices()
            .nth(AFTER)
            .map_or(line.end, |(i, _)| at + i);
        let before = len_of_line_start(&out);
        if from > line.start {
            out.push_str(MARK);
            out.push(' ');
        }
        let new_start = out.len();
        out.push_str(&text[from..to]);
        if to < line.end {
            out.push(' ');
            out.push_str(MARK);
        }
        let new_len = out.len() - before;
        cuts.push(Cut {
            shift: new_len as isize - line.len() as isize,
            line: line.clone(),
            kept: from..to,
            new_start,
        });
        copied = line.end;
    }
    out.push_str(&text[copied..]);
    Some(Shortened {
        text: SourceFile::new(file.path.clone(), file.disk_path.clone(), out),
        cuts,
    })
}

/// Where the line being written into `out` starts.
fn len_of_line_start(out: &str) -> usize {
    out.rfind('\n').map_or(0, |n| n + 1)
}

impl<'b> Files<'b> for Window<'_> {
    type FileId = FileId;
    type Name = &'b str;
    type Source = &'b str;

    fn name(&'b self, id: FileId) -> Result<&'b str, Error> {
        self.sources.name(id)
    }

    fn source(&'b self, id: FileId) -> Result<&'b str, Error> {
        match self.shortened.get(&id) {
            Some(short) => Ok(short.text.text.as_str()),
            None => self.sources.source(id),
        }
    }

    fn line_index(&'b self, id: FileId, byte: usize) -> Result<usize, Error> {
        match self.shortened.get(&id) {
            Some(short) => Ok(short.text.line_index(byte)),
            None => self.sources.line_index(id, byte),
        }
    }

    fn line_range(&'b self, id: FileId, line: usize) -> Result<Range<usize>, Error> {
        let Some(short) = self.shortened.get(&id) else {
            return self.sources.line_range(id, line);
        };
        let range = short.text.line_range(line).ok_or(Error::LineTooLarge {
            given: line,
            max: short.text.line_index(short.text.text.len()),
        })?;
        // codespan expects the range to include the line terminator.
        let end = if range.end < short.text.text.len() {
            range.end + 1
        } else {
            range.end
        };
        Ok(range.start..end)
    }

    /// The place in the real file: a cut line keeps its real column.
    fn location(&'b self, id: FileId, byte: usize) -> Result<Location, Error> {
        let real = self.sources.get(id);
        let offset = match self.shortened.get(&id) {
            None => byte,
            Some(short) => real_offset(short, byte),
        };
        let (line_number, column_number) = real.line_column(offset);
        Ok(Location {
            line_number,
            column_number,
        })
    }
}

/// The offset in the real file of an offset of the shortened text.
fn real_offset(short: &Shortened, byte: usize) -> usize {
    let mut shift = 0isize;
    for cut in &short.cuts {
        let new_line_start = cut.line.start.saturating_add_signed(shift);
        let new_line_end = cut.line.end.saturating_add_signed(shift + cut.shift);
        if byte < new_line_start {
            break;
        }
        if byte <= new_line_end {
            let inside = byte.saturating_sub(cut.new_start);
            return (cut.kept.start + inside).min(cut.kept.end);
        }
        shift += cut.shift;
    }
    byte.saturating_add_signed(-shift)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_line_is_cut_around_the_label_and_keeps_its_real_column() {
        let long = format!("roles: [{}chef]", "stagiaire, ".repeat(1000));
        let text = format!("nom: X\n{long}\nprenom: A\n");
        let mut sources = Sources::default();
        let file = sources.add(SourceFile::new(
            "a.yaml".into(),
            "a.yaml".into(),
            text.clone(),
        ));
        let at = text.find("chef").unwrap_or_default();
        let window = Window::new(&sources, &[(file, at)]);
        let shown = window.source(file).unwrap_or_default();
        assert!(shown.len() < 300, "{shown}");
        assert!(shown.starts_with("nom: X\n… "), "{shown}");
        assert!(shown.ends_with("chef]\nprenom: A\n"), "{shown}");
        let mapped = window.map(file, at..at + 4);
        assert_eq!(&shown[mapped.clone()], "chef");
        let location = window.location(file, mapped.start).ok();
        assert_eq!(
            location.map(|l| (l.line_number, l.column_number)),
            Some((2, 8 + 11 * 1000 + 1))
        );
    }
}
