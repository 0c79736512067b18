//! Loaded files: their text (or bytes, for images, fonts and styles), their
//! path relative to the kit, and a line index, so that any byte range can be
//! turned into `file:line:column` and a quoted line.

use std::collections::HashMap;
use std::ops::Range;
use std::path::PathBuf;
use std::sync::Arc;

/// A file's identity: its kit path (`data/personnes/dupont-jean.yaml`),
/// hashed. The same path has the same id in every build and every process,
/// so that two builds' inputs can be compared; and a file that does not exist
/// yet already has one (a page depends on `templates/personne.html` before
/// the kit adds it).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FileId(u64);

impl FileId {
    /// The id of the file at kit path `path` (with `/` separators).
    pub fn of(path: &str) -> FileId {
        // FNV-1a, 64 bits: fixed, so ids do not change between versions of
        // the standard library; a collision between two paths of one kit
        // (about one chance in 10^11 for 10,000 files) is caught by `Sources::add`.
        let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
        for byte in path.bytes() {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
        FileId(hash)
    }
}

/// A byte range inside one loaded file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Span {
    /// The file the range belongs to.
    pub file: FileId,
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span covering `range` in `file`.
    pub fn new(file: FileId, range: Range<usize>) -> Span {
        Span {
            file,
            start: range.start,
            end: range.end,
        }
    }

    /// The start of a file: used when a whole document is at fault (a missing field).
    pub fn file_start(file: FileId) -> Span {
        Span {
            file,
            start: 0,
            end: 0,
        }
    }
}

/// One file of the kit, as the load stage found it.
#[derive(Clone, Debug)]
pub struct SourceFile {
    /// Path relative to the kit folder, with `/` separators (as shown to users).
    pub path: String,
    /// Absolute or kit-relative path on disk.
    pub disk_path: PathBuf,
    /// The whole text (valid UTF-8; non-UTF-8 files are replaced lossily and
    /// reported); empty for a binary file or a file that was not read.
    pub text: String,
    content: Content,
    /// Where each line starts, computed when first asked for: only a
    /// diagnostic needs it, and most files have none.
    line_starts: std::sync::OnceLock<Vec<usize>>,
}

/// What was read of a file.
#[derive(Clone, Debug)]
enum Content {
    /// Text, held in `text`.
    Text,
    /// Bytes used as they are (theme files, images).
    Binary(Vec<u8>),
    /// Nothing: a file named only so that a diagnostic can point at it
    /// (unreadable, refused, or ignored).
    Unread,
}

impl SourceFile {
    /// A text file.
    pub fn new(path: String, disk_path: PathBuf, text: String) -> SourceFile {
        SourceFile {
            path,
            disk_path,
            text,
            content: Content::Text,
            line_starts: std::sync::OnceLock::new(),
        }
    }

    /// Where each line starts (the first at 0), computed once.
    fn line_starts(&self) -> &[usize] {
        self.line_starts.get_or_init(|| {
            std::iter::once(0)
                .chain(self.text.match_indices('\n').map(|(i, _)| i + 1))
                .collect()
        })
    }

    /// A file whose bytes are used as they are (an image, a font, a style sheet).
    pub fn binary(path: String, disk_path: PathBuf, bytes: Vec<u8>) -> SourceFile {
        SourceFile {
            content: Content::Binary(bytes),
            ..SourceFile::new(path, disk_path, String::new())
        }
    }

    /// A file that was not read: only its path, for a diagnostic about it.
    pub fn unread(path: String, disk_path: PathBuf) -> SourceFile {
        SourceFile {
            content: Content::Unread,
            ..SourceFile::new(path, disk_path, String::new())
        }
    }

    /// The file's bytes: its text, or its binary content; `None` if it was not read.
    pub fn bytes(&self) -> Option<&[u8]> {
        match &self.content {
            Content::Text => Some(self.text.as_bytes()),
            Content::Binary(bytes) => Some(bytes),
            Content::Unread => None,
        }
    }

    /// 0-based line index of a byte offset.
    pub fn line_index(&self, byte: usize) -> usize {
        match self.line_starts().binary_search(&byte) {
            Ok(line) => line,
            Err(next) => next - 1,
        }
    }

    /// Byte range of a 0-based line (without its newline).
    pub fn line_range(&self, line: usize) -> Option<Range<usize>> {
        let starts = self.line_starts();
        let start = *starts.get(line)?;
        let end = starts
            .get(line + 1)
            .map(|next| next - 1)
            .unwrap_or(self.text.len());
        Some(start..end.max(start))
    }

    /// 1-based line and character column of a byte offset.
    pub fn line_column(&self, byte: usize) -> (usize, usize) {
        let line = self.line_index(byte);
        let start = self.line_starts()[line];
        let byte = byte.min(self.text.len());
        let column = self.text.get(start..byte).map_or(0, |s| s.chars().count());
        (line + 1, column + 1)
    }

    /// Byte offset of a 1-based line and character column (as YAML parsers report them).
    pub fn offset_of(&self, line: usize, column: usize) -> usize {
        let Some(range) = line.checked_sub(1).and_then(|l| self.line_range(l)) else {
            return self.text.len();
        };
        let line_text = &self.text[range.clone()];
        let in_line = line_text
            .char_indices()
            .nth(column.saturating_sub(1))
            .map_or(line_text.len(), |(i, _)| i);
        range.start + in_line
    }
}

/// Every file loaded for one run, addressed by [`FileId`], in the order added.
/// Each file is shared (`Arc`): `carnet serve` hands the files it did not
/// read again from one run's sources to the next without copying their text.
#[derive(Debug, Default)]
pub struct Sources {
    files: Vec<Arc<SourceFile>>,
    index: HashMap<FileId, usize>,
}

/// The file of an id that no file of this run has: a span or an input made
/// for another run, which is a bug of carnet.
const UNKNOWN: &str = "fichier inconnu de cette construction";

impl Sources {
    /// Adds a file and returns its id (the id of its path). A path added
    /// twice is one file: what was read of it wins over a mere mention.
    pub fn add(&mut self, file: SourceFile) -> FileId {
        self.add_shared(Arc::new(file))
    }

    /// [`Sources::add`] for a file already shared with another run.
    pub fn add_shared(&mut self, file: Arc<SourceFile>) -> FileId {
        let id = FileId::of(&file.path);
        match self.index.get(&id) {
            Some(&at) => {
                assert_eq!(
                    self.files[at].path, file.path,
                    "two kit paths with one FileId: change FileId::of"
                );
                if self.files[at].bytes().is_none() {
                    self.files[at] = file;
                }
            }
            None => {
                self.index.insert(id, self.files.len());
                self.files.push(file);
            }
        }
        id
    }

    /// Makes room for `additional` more files (a load knows how many it read).
    pub fn reserve(&mut self, additional: usize) {
        self.files.reserve(additional);
        self.index.reserve(additional);
    }

    /// The file of an id. Every id handed out by [`Sources::add`] has one;
    /// an id made for another run is a bug, shown as a placeholder file.
    pub fn get(&self, id: FileId) -> &SourceFile {
        static MISSING: std::sync::OnceLock<SourceFile> = std::sync::OnceLock::new();
        match self.index.get(&id) {
            Some(&at) => &self.files[at],
            None => MISSING.get_or_init(|| SourceFile::unread(UNKNOWN.into(), PathBuf::new())),
        }
    }

    /// Every file, in the order added.
    pub fn iter(&self) -> impl Iterator<Item = (FileId, &SourceFile)> {
        self.files.iter().map(|f| (FileId::of(&f.path), &**f))
    }

    /// The file read at a kit path (`content/images/logo.png`), if it was read.
    pub fn find(&self, path: &str) -> Option<FileId> {
        let id = FileId::of(path);
        self.index
            .get(&id)
            .filter(|&&at| self.files[at].bytes().is_some())
            .map(|_| id)
    }

    /// The kit path of a file, for sorting and showing.
    pub fn path(&self, id: FileId) -> &str {
        &self.get(id).path
    }

    /// Number of files in the list.
    pub fn len(&self) -> usize {
        self.files.len()
    }

    /// Whether no file was loaded.
    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// `path:line:column` of a span, as shown on the tableau de bord.
    pub fn location(&self, span: Span) -> String {
        let file = self.get(span.file);
        let (line, column) = file.line_column(span.start);
        format!("{}:{line}:{column}", file.path)
    }
}

impl<'a> codespan_reporting::files::Files<'a> for Sources {
    type FileId = FileId;
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, id: FileId) -> Result<&'a str, codespan_reporting::files::Error> {
        Ok(self.get(id).path.as_str())
    }

    fn source(&'a self, id: FileId) -> Result<&'a str, codespan_reporting::files::Error> {
        Ok(self.get(id).text.as_str())
    }

    fn line_index(
        &'a self,
        id: FileId,
        byte: usize,
    ) -> Result<usize, codespan_reporting::files::Error> {
        Ok(self.get(id).line_index(byte))
    }

    fn line_range(
        &'a self,
        id: FileId,
        line: usize,
    ) -> Result<Range<usize>, codespan_reporting::files::Error> {
        let file = self.get(id);
        let range =
            file.line_range(line)
                .ok_or(codespan_reporting::files::Error::LineTooLarge {
                    given: line,
                    max: file.line_starts().len() - 1,
                })?;
        // codespan expects the range to include the line terminator.
        let end = if range.end < file.text.len() {
            range.end + 1
        } else {
            range.end
        };
        Ok(range.start..end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_count_characters_not_bytes() {
        let file = SourceFile::new(
            "a.yaml".into(),
            "a.yaml".into(),
            "nom: Éloïse\nprenom: x\n".into(),
        );
        let byte = file.text.find('x').unwrap();
        assert_eq!(file.line_column(byte), (2, 9));
        let after_accent = file.text.find("se").unwrap();
        // n o m : ␠ É l o ï → « s » is the 10th character.
        assert_eq!(file.line_column(after_accent), (1, 10));
        assert_eq!(file.offset_of(1, 10), after_accent);
    }
}
