//! A memo of the Markdown rendered by the view, for `carnet serve`: after a
//! save, the view is made again for the whole kit, but the 30,000 interview
//! reports of a large kit have not changed; their HTML is taken from here
//! instead of being parsed again. Off unless [`enable`]d (a build renders
//! each text once: a memo would only cost). Rendering is a pure function of
//! the text and the heading level, so a memoised HTML is the one a full
//! build makes.

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

/// Whether the memo is used.
static ENABLED: AtomicBool = AtomicBool::new(false);

/// The memo itself.
static MEMO: Mutex<Memo> = Mutex::new(Memo {
    generation: 0,
    entries: None,
});

/// Rendered texts by the hash of (level, text), with the generation that
/// last used each one.
struct Memo {
    generation: u64,
    entries: Option<HashMap<u64, Vec<Entry>>>,
}

struct Entry {
    parent: u8,
    markdown: Box<str>,
    html: String,
    used: u64,
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
    let mut hasher = DefaultHasher::new();
    (parent, markdown).hash(&mut hasher);
    let key = hasher.finish();
    {
        let mut memo = MEMO.lock().unwrap_or_else(|e| e.into_inner());
        let generation = memo.generation;
        let known = memo.entries.get_or_insert_with(HashMap::new).get_mut(&key);
        if let Some(entry) = known
            .into_iter()
            .flatten()
            .find(|e| e.parent == parent && *e.markdown == *markdown)
        {
            entry.used = generation;
            return entry.html.clone();
        }
    }
    let html = render(markdown, parent);
    let mut memo = MEMO.lock().unwrap_or_else(|e| e.into_inner());
    let used = memo.generation;
    let same = memo
        .entries
        .get_or_insert_with(HashMap::new)
        .entry(key)
        .or_default();
    if !same
        .iter()
        .any(|e| e.parent == parent && *e.markdown == *markdown)
    {
        same.push(Entry {
            parent,
            markdown: markdown.into(),
            html: html.clone(),
            used,
        });
    }
    html
}

/// Forgets the texts not used since the last sweep (edited or deleted
/// ones), so that the memo holds what the kit holds; called after each view.
pub fn sweep() {
    let mut memo = MEMO.lock().unwrap_or_else(|e| e.into_inner());
    let current = memo.generation;
    if let Some(entries) = memo.entries.as_mut() {
        entries.retain(|_, same| {
            same.retain(|e| e.used == current);
            !same.is_empty()
        });
    }
    memo.generation += 1;
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
}
