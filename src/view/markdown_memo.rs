//! A memo of the Markdown rendered by the view, for `carnet serve`: after a
//! save, the view is made again for the whole kit, but the 30,000 interview
//! reports of a large kit have not changed; their HTML and plain text are
//! taken from here instead of being parsed again. Off unless [`enable`]d (a build renders
//! each text once: a memo would only cost). Rendering is a pure function of
//! the text and the heading level, so a memoised HTML (or plain text) is
//! the one a full build makes.

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

/// Whether the memo is used.
static ENABLED: AtomicBool = AtomicBool::new(false);

/// How many parts the memo is cut into: the fiches are made on every core,
/// each text takes the lock of its own part only.
const SHARDS: usize = 16;

/// The memo itself, by part (the hash of a text chooses its part).
static MEMO: [Mutex<Option<Shard>>; SHARDS] = [const { Mutex::new(None) }; SHARDS];

/// The current generation: bumped by each [`sweep`].
static GENERATION: AtomicU64 = AtomicU64::new(0);

/// Rendered texts by the hash of (level, with plain text, text).
type Shard = HashMap<u64, Vec<Entry>>;

/// One rendered text, with the generation that last used it.
struct Entry {
    parent: u8,
    markdown: Box<str>,
    html: String,
    /// The plain text too, for an entry of [`cached_with_plain_text`].
    plain: Option<String>,
    used: u64,
}

impl Entry {
    fn is(&self, markdown: &str, parent: u8, with_plain: bool) -> bool {
        self.parent == parent && self.plain.is_some() == with_plain && *self.markdown == *markdown
    }
}

/// Turns the memo on for the rest of the process (`carnet serve`).
pub fn enable() {
    ENABLED.store(true, Ordering::Relaxed);
}

/// The HTML of `markdown` under a heading of level `parent`: from the memo
/// when enabled and known, else made by `render` (and remembered).
pub fn cached(markdown: &str, parent: u8, render: fn(&str, u8) -> String) -> String {
    if !ENABLED.load(Ordering::Relaxed) {
        return render(markdown, parent);
    }
    if let Some((html, _)) = recall(markdown, parent, false) {
        return html;
    }
    let html = render(markdown, parent);
    remember(markdown, parent, &html, None);
    html
}

/// The HTML and the plain text of `markdown` under a heading of level
/// `parent`: from the memo when enabled and known, else made by `render`
/// (and remembered).
pub fn cached_with_plain_text(
    markdown: &str,
    parent: u8,
    render: fn(&str, u8) -> (String, String),
) -> (String, String) {
    if !ENABLED.load(Ordering::Relaxed) {
        return render(markdown, parent);
    }
    if let Some((html, Some(plain))) = recall(markdown, parent, true) {
        return (html, plain);
    }
    let (html, plain) = render(markdown, parent);
    remember(markdown, parent, &html, Some(&plain));
    (html, plain)
}

/// The key of a text and the part of the memo it lies in.
fn key(markdown: &str, parent: u8, with_plain: bool) -> (u64, usize) {
    let mut hasher = DefaultHasher::new();
    (parent, with_plain, markdown).hash(&mut hasher);
    let key = hasher.finish();
    (key, (key % SHARDS as u64) as usize)
}

/// What the memo holds for a text, marked as used by this generation.
fn recall(markdown: &str, parent: u8, with_plain: bool) -> Option<(String, Option<String>)> {
    let (key, shard) = key(markdown, parent, with_plain);
    let mut memo = MEMO[shard].lock().unwrap_or_else(|e| e.into_inner());
    let entry = memo
        .get_or_insert_with(HashMap::new)
        .get_mut(&key)?
        .iter_mut()
        .find(|e| e.is(markdown, parent, with_plain))?;
    entry.used = GENERATION.load(Ordering::Relaxed);
    Some((entry.html.clone(), entry.plain.clone()))
}

/// Remembers what a text was rendered to.
fn remember(markdown: &str, parent: u8, html: &str, plain: Option<&str>) {
    let with_plain = plain.is_some();
    let (key, shard) = key(markdown, parent, with_plain);
    let mut memo = MEMO[shard].lock().unwrap_or_else(|e| e.into_inner());
    let same = memo
        .get_or_insert_with(HashMap::new)
        .entry(key)
        .or_default();
    if !same.iter().any(|e| e.is(markdown, parent, with_plain)) {
        same.push(Entry {
            parent,
            markdown: markdown.into(),
            html: html.to_string(),
            plain: plain.map(str::to_string),
            used: GENERATION.load(Ordering::Relaxed),
        });
    }
}

/// Forgets the texts not used since the last sweep (edited or deleted
/// ones), so that the memo holds what the kit holds; called after each view
/// made whole (a view that reuses fiches reads only the texts of the others).
pub fn sweep() {
    let current = GENERATION.load(Ordering::Relaxed);
    for shard in &MEMO {
        let mut memo = shard.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(entries) = memo.as_mut() {
            entries.retain(|_, same| {
                same.retain(|e| e.used == current);
                !same.is_empty()
            });
        }
    }
    GENERATION.fetch_add(1, Ordering::Relaxed);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shout(text: &str, parent: u8) -> String {
        format!("{parent}:{}", text.to_uppercase())
    }

    #[test]
    fn a_text_is_memoised_by_its_words_and_its_heading_level() {
        enable();
        assert_eq!(cached("un *compte rendu*", 4, shout), "4:UN *COMPTE RENDU*");
        assert_eq!(cached("un *compte rendu*", 4, shout), "4:UN *COMPTE RENDU*");
        assert_eq!(cached("un *compte rendu*", 2, shout), "2:UN *COMPTE RENDU*");
        assert_eq!(cached("un autre", 4, shout), "4:UN AUTRE");
    }

    fn shout_both(text: &str, parent: u8) -> (String, String) {
        (shout(text, parent), text.to_lowercase())
    }

    #[test]
    fn a_text_memoised_alone_and_with_its_plain_text_keeps_both_apart() {
        enable();
        assert_eq!(cached("Un Bilan", 4, shout), "4:UN BILAN");
        assert_eq!(
            cached_with_plain_text("Un Bilan", 4, shout_both),
            ("4:UN BILAN".to_string(), "un bilan".to_string())
        );
        assert_eq!(
            cached_with_plain_text("Un Bilan", 4, shout_both),
            ("4:UN BILAN".to_string(), "un bilan".to_string())
        );
        assert_eq!(cached("Un Bilan", 4, shout), "4:UN BILAN");
    }
}
