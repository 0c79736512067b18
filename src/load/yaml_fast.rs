//! A quick reader for the YAML that record files are nearly always written
//! in: block mappings and block sequences of quoted or simple plain scalars,
//! lists on one line (`[a, "b"]`), comments and blank lines. It gives the very same record as
//! serde-saphyr (every value and every byte range of [`Sp`]) or nothing at
//! all: a file with anything outside that subset, and any file with a
//! problem, is left to serde-saphyr, which reads it again and words what is
//! wrong. Reading the records is most of the load, and this reader takes a
//! small part of serde-saphyr's time on them (bench/README.md);
//! `tests/yaml_fast.rs` checks that both readers agree.
//!
//! [`Sp`]: super::spanned::Sp

use serde::de::{self, DeserializeOwned, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use std::borrow::Cow;
use std::cell::Cell;
use std::ops::Range;

/// Reads `text` as a `T`, or `None` when serde-saphyr must read it.
pub(crate) fn parse<T: DeserializeOwned>(text: &str) -> Option<T> {
    if text.len() > MAX_BYTES || !plain_characters(text) {
        return None;
    }
    let mut reader = Reader {
        text,
        lines: lines(text),
        at: 0,
        depth: 0,
    };
    let root = reader.document()?;
    let _reading = Reading::start();
    T::deserialize(De { node: &root }).ok()
}

/// The largest file read (a fiche with years of interviews is a few dozen
/// kilobytes). serde-saphyr refuses a file of over 250,000 values, which
/// takes at least two bytes each: a larger file is left to it, to be
/// refused with its words.
const MAX_BYTES: usize = 256 * 1024;

/// The longest key read: serde-saphyr looks no further than 1,024
/// characters for the `:` of a key.
const MAX_KEY: usize = 1000;

/// The name under which [`spanned`] asks this reader for a value's range.
const SPANNED: &str = "$carnet::yaml_fast::spanned";

thread_local! {
    /// Whether [`parse`] is reading on this thread: [`Sp`](super::spanned::Sp)
    /// then takes its range from here, not from serde-saphyr.
    static READING: Cell<bool> = const { Cell::new(false) };
    /// The range of the value a [`SPANNED`] newtype is about to read.
    static PENDING: Cell<Option<Range<usize>>> = const { Cell::new(None) };
}

/// Marks this thread as reading with [`parse`] until dropped.
struct Reading;

impl Reading {
    fn start() -> Reading {
        READING.with(|r| r.set(true));
        Reading
    }
}

impl Drop for Reading {
    fn drop(&mut self) {
        READING.with(|r| r.set(false));
        PENDING.with(|p| p.set(None));
    }
}

/// Whether the value being deserialized on this thread comes from [`parse`].
pub(crate) fn reading() -> bool {
    READING.with(Cell::get)
}

/// A value and its byte range, as [`parse`]'s deserializer gives them.
pub(crate) fn spanned<'de, T, D>(deserializer: D) -> Result<(T, Range<usize>), D::Error>
where
    T: de::Deserialize<'de>,
    D: de::Deserializer<'de>,
{
    struct SpannedVisitor<T>(std::marker::PhantomData<T>);
    impl<'de, T: de::Deserialize<'de>> Visitor<'de> for SpannedVisitor<T> {
        type Value = (T, Range<usize>);
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a value with its range")
        }
        fn visit_newtype_struct<D: de::Deserializer<'de>>(
            self,
            deserializer: D,
        ) -> Result<Self::Value, D::Error> {
            let range = PENDING
                .with(Cell::take)
                .ok_or_else(|| de::Error::custom("no range"))?;
            Ok((T::deserialize(deserializer)?, range))
        }
    }
    deserializer.deserialize_newtype_struct(SPANNED, SpannedVisitor(std::marker::PhantomData))
}

/// Whether `text` holds only characters this reader takes as they are: no
/// control character but the newline (no tab, no carriage return), no
/// byte order mark, none of the line separators YAML 1.1 knew.
fn plain_characters(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.iter().enumerate().all(|(i, &b)| match b {
        b'\n' => true,
        0..0x20 | 0x7f => false,
        // U+0085
        0xc2 => bytes.get(i + 1) != Some(&0x85),
        // U+2028, U+2029
        0xe2 => !(bytes.get(i + 1) == Some(&0x80) && matches!(bytes.get(i + 2), Some(0xa8 | 0xa9))),
        // U+FEFF
        0xef => !(bytes.get(i + 1) == Some(&0xbb) && bytes.get(i + 2) == Some(&0xbf)),
        _ => true,
    })
}

/// A line that holds something: its indentation and where its content
/// starts and ends in the text (trailing blanks and newline left out).
#[derive(Clone, Copy)]
struct Line {
    indent: usize,
    start: usize,
    end: usize,
}

/// The lines of `text` that hold something other than a comment.
fn lines(text: &str) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut offset = 0;
    for raw in text.split_inclusive('\n') {
        let line_start = offset;
        offset += raw.len();
        let content = raw.trim_end_matches('\n').trim_end_matches(' ');
        let indent = content.len() - content.trim_start_matches(' ').len();
        if indent == content.len() || content.as_bytes()[indent] == b'#' {
            continue;
        }
        lines.push(Line {
            indent,
            start: line_start + indent,
            end: line_start + content.len(),
        });
    }
    lines
}

/// A node of the document.
enum Node<'a> {
    /// An empty value or `~`, `null`.
    Null,
    /// A scalar: its text (unquoted), whether it was plain, and its range
    /// (quotes included).
    Scalar {
        text: Cow<'a, str>,
        plain: bool,
        range: Range<usize>,
    },
    /// A block mapping, whose range is empty where its first key starts.
    Map {
        entries: Vec<(Node<'a>, Node<'a>)>,
        range: Range<usize>,
    },
    /// A sequence, whose range is empty at its first `-` (a block
    /// sequence) or holds its `[` (a flow sequence).
    Seq {
        items: Vec<Node<'a>>,
        range: Range<usize>,
    },
}

impl Node<'_> {
    /// The range serde-saphyr gives the node.
    fn range(&self) -> Option<Range<usize>> {
        match self {
            Node::Null => None,
            Node::Scalar { range, .. } | Node::Map { range, .. } | Node::Seq { range, .. } => {
                Some(range.clone())
            }
        }
    }

    /// The text of a plain scalar.
    fn plain(&self) -> Option<&str> {
        match self {
            Node::Scalar {
                text, plain: true, ..
            } => Some(text),
            _ => None,
        }
    }
}

/// Reads the lines into nodes.
struct Reader<'a> {
    text: &'a str,
    lines: Vec<Line>,
    /// The next line to read.
    at: usize,
    /// How many blocks hold the one being read.
    depth: usize,
}

/// The deepest block read (a record nests four or five): deeper, serde-saphyr
/// reads the file, with its own limits.
const MAX_DEPTH: usize = 24;

/// The most entries of a mapping read (keys are checked against each other
/// for repeats; a session's presences list a few dozen people).
const MAX_ENTRIES: usize = 2000;

impl<'a> Reader<'a> {
    /// The document: one block mapping or sequence from the first column.
    fn document(&mut self) -> Option<Node<'a>> {
        if self.lines.first()?.indent != 0 {
            return None;
        }
        let node = self.block(0)?;
        (self.at == self.lines.len()).then_some(node)
    }

    /// The block starting at the next line, indented by `indent`.
    fn block(&mut self, indent: usize) -> Option<Node<'a>> {
        if self.depth == MAX_DEPTH {
            return None;
        }
        self.depth += 1;
        let node = if self.is_item(self.lines[self.at]) {
            self.sequence(indent)
        } else {
            self.mapping(indent)
        };
        self.depth -= 1;
        node
    }

    /// Whether the line is a sequence entry (`- `).
    fn is_item(&self, line: Line) -> bool {
        let bytes = self.text.as_bytes();
        bytes[line.start] == b'-' && (line.start + 1 == line.end || bytes[line.start + 1] == b' ')
    }

    fn mapping(&mut self, indent: usize) -> Option<Node<'a>> {
        let at = self.lines[self.at].start;
        let mut entries: Vec<(Node<'a>, Node<'a>)> = Vec::new();
        while let Some(&line) = self.lines.get(self.at) {
            if line.indent < indent {
                break;
            }
            if line.indent > indent {
                return None;
            }
            let (key, after) = key(self.text, line)?;
            if entries.len() == MAX_ENTRIES || entries.iter().any(|(k, _)| k.plain() == key.plain())
            {
                return None;
            }
            self.at += 1;
            let value = self.value(indent, after, line.end)?;
            entries.push((key, value));
        }
        Some(Node::Map {
            entries,
            range: at..at,
        })
    }

    /// The value after a key at `indent`, from `from` to `end` on its line:
    /// a scalar there, or a block on the lines below, or nothing.
    fn value(&mut self, indent: usize, from: usize, end: usize) -> Option<Node<'a>> {
        let start = skip_blanks(self.text, from, end);
        if start == end || self.text.as_bytes()[start] == b'#' {
            return match self.lines.get(self.at).copied() {
                Some(next) if next.indent > indent => self.block(next.indent),
                // A sequence at the key's own indentation: serde-saphyr's
                // ranges differ there.
                Some(next) if next.indent == indent && self.is_item(next) => None,
                _ => Some(Node::Null),
            };
        }
        let node = scalar(self.text, start, end)?;
        self.ends_scalar(indent)?;
        Some(node)
    }

    /// `Some` when the next line does not go on with a scalar of a block at
    /// `indent` (a plain scalar over several lines, or a mistake).
    fn ends_scalar(&self, indent: usize) -> Option<()> {
        match self.lines.get(self.at) {
            Some(next) if next.indent > indent => None,
            _ => Some(()),
        }
    }

    fn sequence(&mut self, indent: usize) -> Option<Node<'a>> {
        let at = self.lines[self.at].start;
        let mut items = Vec::new();
        while let Some(&line) = self.lines.get(self.at) {
            if line.indent < indent {
                break;
            }
            if line.indent > indent || !self.is_item(line) {
                return None;
            }
            let start = skip_blanks(self.text, line.start + 1, line.end);
            if start == line.end || self.is_item(Line { start, ..line }) {
                return None;
            }
            let column = line.indent + (start - line.start);
            let rest = Line {
                indent: column,
                start,
                end: line.end,
            };
            if key(self.text, rest).is_some() {
                // `- key: value`: a mapping whose first key is on this line.
                self.lines[self.at] = rest;
                items.push(self.mapping(column)?);
            } else {
                self.at += 1;
                items.push(scalar(self.text, start, line.end)?);
                self.ends_scalar(indent)?;
            }
        }
        Some(Node::Seq {
            items,
            range: at..at,
        })
    }
}

fn skip_blanks(text: &str, mut at: usize, end: usize) -> usize {
    while at < end && text.as_bytes()[at] == b' ' {
        at += 1;
    }
    at
}

/// The key that starts `line` (a plain word followed by `:` and a blank or
/// the end of the line), and where its value starts.
fn key(text: &str, line: Line) -> Option<(Node<'_>, usize)> {
    let bytes = &text.as_bytes()[line.start..line.end];
    let len = bytes
        .iter()
        .position(|&b| !(b.is_ascii_alphanumeric() || b == b'_' || b == b'-'))?;
    if len > MAX_KEY || bytes[len] != b':' || !matches!(bytes.get(len + 1), None | Some(b' ')) {
        return None;
    }
    let word = &text[line.start..line.start + len];
    if !is_word(word) {
        return None;
    }
    let node = Node::Scalar {
        text: Cow::Borrowed(word),
        plain: true,
        range: line.start..line.start + len,
    };
    Some((node, line.start + len + 1))
}

/// Whether a plain scalar is text whatever the type asked for: it starts
/// with a letter and is none of the words YAML may read as a boolean, a
/// null or a number.
fn is_word(text: &str) -> bool {
    const SPECIAL: [&str; 12] = [
        "true", "false", "yes", "no", "on", "off", "y", "n", "null", "nan", "inf", "infinity",
    ];
    text.chars().next().is_some_and(char::is_alphabetic)
        && !SPECIAL.iter().any(|s| s.eq_ignore_ascii_case(text))
}

/// The value from `start` to the end of the line (`end`), with at most a
/// comment after it: a scalar, or a list of scalars written `[a, b]`.
fn scalar(text: &str, start: usize, end: usize) -> Option<Node<'_>> {
    let (node, after) = match text.as_bytes()[start] {
        b'"' => double_quoted(text, start, end)?,
        b'\'' => single_quoted(text, start, end)?,
        b'[' => flow_sequence(text, start, end)?,
        _ => return plain(text, start, end),
    };
    only_comment(text, after, end)?;
    Some(node)
}

/// After a value ending before `after`: only blanks, then a comment or nothing.
fn only_comment(text: &str, after: usize, end: usize) -> Option<()> {
    let next = skip_blanks(text, after, end);
    (next == end || (next > after && text.as_bytes()[next] == b'#')).then_some(())
}

/// A list on one line, `[a, "b", 'c']`, of quoted or plain scalars (a
/// comma may end it); where it ends.
fn flow_sequence(text: &str, start: usize, end: usize) -> Option<(Node<'_>, usize)> {
    let bytes = text.as_bytes();
    let mut items = Vec::new();
    let mut at = skip_blanks(text, start + 1, end);
    loop {
        match *bytes.get(at).filter(|_| at < end)? {
            b']' => break,
            b'"' | b'\'' => {
                let (node, after) = if bytes[at] == b'"' {
                    double_quoted(text, at, end)?
                } else {
                    single_quoted(text, at, end)?
                };
                items.push(node);
                at = skip_blanks(text, after, end);
            }
            _ => {
                let len = text[at..end].find([',', ']'])?;
                items.push(flow_plain(text, at, at + len)?);
                at += len;
            }
        }
        match *bytes.get(at).filter(|_| at < end)? {
            b']' => break,
            b',' => at = skip_blanks(text, at + 1, end),
            _ => return None,
        }
    }
    let node = Node::Seq {
        items,
        range: start..start + 1,
    };
    Some((node, at + 1))
}

/// A plain scalar inside `[…]`, from `start` to the comma or bracket at `end`.
fn flow_plain(text: &str, start: usize, end: usize) -> Option<Node<'_>> {
    let value = text[start..end].trim_end_matches(' ');
    if value.is_empty() || value.contains(['[', '{', '}', '#', '"', '\'']) {
        return None;
    }
    match plain(text, start, start + value.len())? {
        Node::Null => None,
        node => Some(node),
    }
}

fn double_quoted(text: &str, start: usize, end: usize) -> Option<(Node<'_>, usize)> {
    let bytes = text.as_bytes();
    let mut owned: Option<String> = None;
    let mut copied = start + 1;
    let mut i = start + 1;
    while i < end {
        match bytes[i] {
            b'"' => {
                let text = match owned {
                    Some(mut s) => {
                        s.push_str(&text[copied..i]);
                        Cow::Owned(s)
                    }
                    None => Cow::Borrowed(&text[start + 1..i]),
                };
                let node = Node::Scalar {
                    text,
                    plain: false,
                    range: start..i + 1,
                };
                return Some((node, i + 1));
            }
            b'\\' => {
                let s = owned.get_or_insert_with(String::new);
                s.push_str(&text[copied..i]);
                let (c, len) = escape(text, i + 1, end)?;
                s.push(c);
                i += 1 + len;
                copied = i;
            }
            _ => i += 1,
        }
    }
    None
}

/// The character of the escape whose letter is at `at`, and the length of
/// what follows the backslash.
fn escape(text: &str, at: usize, end: usize) -> Option<(char, usize)> {
    let c = match *text.as_bytes().get(at).filter(|_| at < end)? {
        b'\\' => '\\',
        b'"' => '"',
        b'/' => '/',
        b'n' => '\n',
        b't' => '\t',
        b'u' => {
            let hex = text.get(at + 1..at + 5).filter(|_| at + 5 <= end)?;
            if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
                return None;
            }
            return Some((char::from_u32(u32::from_str_radix(hex, 16).ok()?)?, 5));
        }
        _ => return None,
    };
    Some((c, 1))
}

fn single_quoted(text: &str, start: usize, end: usize) -> Option<(Node<'_>, usize)> {
    let bytes = text.as_bytes();
    let mut i = start + 1;
    let mut doubled = false;
    while i < end {
        if bytes[i] == b'\'' {
            if bytes.get(i + 1) == Some(&b'\'') && i + 1 < end {
                doubled = true;
                i += 2;
                continue;
            }
            let inner = &text[start + 1..i];
            let text = if doubled {
                Cow::Owned(inner.replace("''", "'"))
            } else {
                Cow::Borrowed(inner)
            };
            let node = Node::Scalar {
                text,
                plain: false,
                range: start..i + 1,
            };
            return Some((node, i + 1));
        }
        i += 1;
    }
    None
}

/// A plain scalar: it cannot start with an indicator and ends at a comment
/// or the end of the line; `~` and `null` are nulls.
fn plain(text: &str, start: usize, end: usize) -> Option<Node<'_>> {
    let first = text.as_bytes()[start];
    if b"-?:,[]{}#&*!|>'\"%@`".contains(&first) {
        return None;
    }
    let line = &text[start..end];
    let len = line.find(" #").unwrap_or(line.len());
    let value = line[..len].trim_end_matches(' ');
    if value.contains(": ") || value.ends_with(':') || value.contains(['[', ']', '{', '}']) {
        return None;
    }
    if matches!(value, "~" | "null" | "Null" | "NULL") {
        return Some(Node::Null);
    }
    Some(Node::Scalar {
        text: Cow::Borrowed(value),
        plain: true,
        range: start..start + value.len(),
    })
}

/// Any problem: the file goes to serde-saphyr.
#[derive(Debug)]
struct Bail;

impl std::fmt::Display for Bail {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("left to serde-saphyr")
    }
}

impl std::error::Error for Bail {}

impl de::Error for Bail {
    fn custom<T: std::fmt::Display>(_: T) -> Bail {
        Bail
    }
}

/// Deserializes one node.
struct De<'n, 'a> {
    node: &'n Node<'a>,
}

impl De<'_, '_> {
    /// A plain decimal integer, as serde-saphyr reads it.
    fn integer(&self) -> Result<i64, Bail> {
        let text = self.node.plain().ok_or(Bail)?;
        let digits = text.strip_prefix('-').unwrap_or(text);
        let canonical = !digits.is_empty()
            && digits.bytes().all(|b| b.is_ascii_digit())
            && (digits == "0" || !digits.starts_with('0'));
        if !canonical {
            return Err(Bail);
        }
        text.parse().map_err(|_| Bail)
    }

    /// A scalar's text, as serde-saphyr gives it to a text: as written.
    fn string(&self) -> Result<&str, Bail> {
        match self.node {
            Node::Scalar { text, .. } => Ok(text),
            _ => Err(Bail),
        }
    }

    /// A scalar's text, when it is text whatever the type asked for.
    fn text(&self) -> Result<&str, Bail> {
        match self.node {
            Node::Scalar {
                text, plain: false, ..
            } => Ok(text),
            Node::Scalar {
                text, plain: true, ..
            } if is_word(text) => Ok(text),
            _ => Err(Bail),
        }
    }
}

/// Methods for the integer types: each visitor checks its own range.
macro_rules! integers {
    ($($name:ident)*) => {
        $(fn $name<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Bail> {
            visitor.visit_i64(self.integer()?)
        })*
    };
}

/// Methods for the types no record holds.
macro_rules! bail {
    ($($name:ident($($arg:ty),*))*) => {
        $(fn $name<V: Visitor<'de>>(self, $(_: $arg,)* _: V) -> Result<V::Value, Bail> {
            Err(Bail)
        })*
    };
}

impl<'de> de::Deserializer<'de> for De<'_, '_> {
    type Error = Bail;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Bail> {
        match self.node {
            Node::Map { entries, .. } => visitor.visit_map(Entries {
                entries: entries.iter(),
                value: None,
            }),
            Node::Seq { items, .. } => visitor.visit_seq(Items {
                items: items.iter(),
            }),
            _ => visitor.visit_str(self.text()?),
        }
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Bail> {
        match self.node.plain() {
            Some("true") => visitor.visit_bool(true),
            Some("false") => visitor.visit_bool(false),
            _ => Err(Bail),
        }
    }

    integers! {
        deserialize_i8 deserialize_i16 deserialize_i32 deserialize_i64
        deserialize_u8 deserialize_u16 deserialize_u32 deserialize_u64
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Bail> {
        visitor.visit_str(self.string()?)
    }
    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Bail> {
        visitor.visit_str(self.string()?)
    }
    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Bail> {
        visitor.visit_str(self.text()?)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Bail> {
        match self.node {
            Node::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Bail> {
        if name == SPANNED {
            let range = self.node.range().ok_or(Bail)?;
            PENDING.with(|p| p.set(Some(range)));
        }
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Bail> {
        match self.node {
            Node::Seq { .. } => self.deserialize_any(visitor),
            _ => Err(Bail),
        }
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Bail> {
        match self.node {
            Node::Map { .. } => self.deserialize_any(visitor),
            _ => Err(Bail),
        }
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Bail> {
        self.deserialize_map(visitor)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Bail> {
        visitor.visit_unit()
    }

    bail! {
        deserialize_i128() deserialize_u128() deserialize_f32() deserialize_f64()
        deserialize_char() deserialize_bytes() deserialize_byte_buf() deserialize_unit()
        deserialize_unit_struct(&'static str) deserialize_tuple(usize)
        deserialize_tuple_struct(&'static str, usize)
        deserialize_enum(&'static str, &'static [&'static str])
    }
}

/// The entries of a mapping, for serde.
struct Entries<'n, 'a> {
    entries: std::slice::Iter<'n, (Node<'a>, Node<'a>)>,
    value: Option<&'n Node<'a>>,
}

impl<'de> MapAccess<'de> for Entries<'_, '_> {
    type Error = Bail;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Bail> {
        let Some((key, value)) = self.entries.next() else {
            return Ok(None);
        };
        self.value = Some(value);
        seed.deserialize(De { node: key }).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Bail> {
        seed.deserialize(De {
            node: self.value.take().ok_or(Bail)?,
        })
    }
}

/// The items of a sequence, for serde.
struct Items<'n, 'a> {
    items: std::slice::Iter<'n, Node<'a>>,
}

impl<'de> SeqAccess<'de> for Items<'_, '_> {
    type Error = Bail;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Bail> {
        self.items
            .next()
            .map(|node| seed.deserialize(De { node }))
            .transpose()
    }
}
