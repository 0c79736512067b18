//! Live reload: the state browsers follow (the site's version and its
//! errors), the script injected into served pages, and the browsers
//! connected to the server-sent events, told after every rebuild.

use serde::Serialize;
use std::io::Write;
use std::sync::Mutex;

/// The script of every served page (see `live.js`).
const SCRIPT: &str = include_str!("live.js");

/// What a browser is told on connecting (`hello`) and after each rebuild.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Event {
    /// Whether this is the state sent on connecting rather than a rebuild.
    pub hello: bool,
    /// The site's version: it grows with every rebuild that changed an output.
    pub generation: u64,
    /// Outputs whose bytes changed: their browsers reload.
    pub changed: Vec<String>,
    /// Outputs that no longer exist: their browsers go to the home page.
    pub removed: Vec<String>,
    /// The diagnostics of the kit, rendered, while it is invalid.
    pub errors: Option<String>,
    /// Whether the site is up to date with the kit: false for the first
    /// event of a rebuild in two phases, whose broad pages follow in a
    /// second event.
    pub complete: bool,
}

impl Event {
    /// The event as one server-sent event (the JSON holds no newline).
    fn to_sse(&self) -> Vec<u8> {
        let json = serde_json::to_string(self).expect("an event serialises");
        format!("data: {json}\n\n").into_bytes()
    }
}

/// The live state and the connected browsers, under one lock so that a
/// browser connecting during a rebuild gets either the old state then the
/// event, or the new state.
#[derive(Default)]
pub struct Live {
    inner: Mutex<Inner>,
}

#[derive(Default)]
struct Inner {
    generation: u64,
    errors: Option<String>,
    /// Whether the first phase of a rebuild was announced and not the rest.
    partial: bool,
    clients: Vec<Box<dyn Write + Send>>,
}

/// The response head of the events stream, written by hand: a streamed
/// tiny_http `Response` would buffer the events.
const EVENTS_HEAD: &[u8] = b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n\
Cache-Control: no-cache\r\nConnection: keep-alive\r\n\r\n";

impl Live {
    /// The site's current version.
    pub fn generation(&self) -> u64 {
        self.lock().generation
    }

    /// Starts the events stream of a browser on `writer`, with the current state.
    pub fn connect(&self, mut writer: Box<dyn Write + Send>) {
        let mut inner = self.lock();
        let hello = Event {
            hello: true,
            generation: inner.generation,
            errors: inner.errors.clone(),
            complete: !inner.partial,
            ..Event::default()
        };
        let started = writer
            .write_all(EVENTS_HEAD)
            .and_then(|()| writer.write_all(&hello.to_sse()))
            .and_then(|()| writer.flush());
        if started.is_ok() {
            inner.clients.push(writer);
        }
    }

    /// Records the outcome of a rebuild and tells every browser: `errors`
    /// while the kit is invalid, otherwise what changed (the version grows
    /// when something did). A rebuild that changed nothing a browser shows
    /// (same outputs, same errors) is not sent, unless its first phase was
    /// ([`Live::first_phase`]): browsers are told when it is complete.
    pub fn rebuilt(&self, changed: Vec<String>, removed: Vec<String>, errors: Option<String>) {
        let mut inner = self.lock();
        let partial = std::mem::replace(&mut inner.partial, false);
        if changed.is_empty() && removed.is_empty() && errors == inner.errors && !partial {
            return;
        }
        if errors.is_none() && !(changed.is_empty() && removed.is_empty()) {
            inner.generation += 1;
        }
        inner.errors.clone_from(&errors);
        let event = Event {
            hello: false,
            generation: inner.generation,
            changed,
            removed,
            errors,
            complete: true,
        };
        Self::send(&mut inner, &event.to_sse());
    }

    /// Records and tells an early phase of a good rebuild (the quick lane,
    /// the first phase): the pages that `changed`, already served;
    /// [`Live::rebuilt`] follows with the rest.
    pub fn first_phase(&self, changed: Vec<String>) {
        let mut inner = self.lock();
        inner.generation += 1;
        inner.errors = None;
        inner.partial = true;
        let event = Event {
            hello: false,
            generation: inner.generation,
            changed,
            removed: Vec::new(),
            errors: None,
            complete: false,
        };
        Self::send(&mut inner, &event.to_sse());
    }

    /// A comment sent now and then, so that closed connections are noticed.
    pub fn keep_alive(&self) {
        Self::send(&mut self.lock(), b": carnet\n\n");
    }

    /// Closes every events stream (the server stops).
    pub fn close(&self) {
        self.lock().clients.clear();
    }

    fn send(inner: &mut Inner, bytes: &[u8]) {
        inner
            .clients
            .retain_mut(|w| w.write_all(bytes).and_then(|()| w.flush()).is_ok());
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// `html` with the live-reload script inserted before its last `</body>`
/// (at the end when there is none); `page` is the output it was served from.
pub fn inject(html: &[u8], page: &str, generation: u64) -> Vec<u8> {
    #[derive(Serialize)]
    struct Config<'a> {
        page: &'a str,
        generation: u64,
    }
    let config = serde_json::to_string(&Config { page, generation }).expect("serialises");
    // Inside a <script>, `<` could close it: JSON allows it escaped.
    let config = config.replace('<', "\\u003c");
    let script = format!("<script>({})({config});</script>", SCRIPT.trim_end());
    let at = html
        .windows(7)
        .rposition(|w| w.eq_ignore_ascii_case(b"</body>"))
        .unwrap_or(html.len());
    let mut out = Vec::with_capacity(html.len() + script.len());
    out.extend_from_slice(&html[..at]);
    out.extend_from_slice(script.as_bytes());
    out.extend_from_slice(&html[at..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    /// A browser's end of the events stream, kept in memory.
    #[derive(Clone, Default)]
    struct Browser(Arc<Mutex<Vec<u8>>>);

    impl Write for Browser {
        fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
            self.0.lock().unwrap().extend_from_slice(bytes);
            Ok(bytes.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    impl Browser {
        fn events(&self) -> Vec<String> {
            let text = String::from_utf8(self.0.lock().unwrap().clone()).unwrap();
            text.lines()
                .filter_map(|l| l.strip_prefix("data: "))
                .map(str::to_string)
                .collect()
        }
    }

    #[test]
    fn a_browser_is_told_what_changed_and_nothing_when_nothing_did() {
        let live = Live::default();
        let browser = Browser::default();
        live.connect(Box::new(browser.clone()));
        let page = || vec!["a.html".to_string()];
        live.rebuilt(page(), Vec::new(), None);
        live.rebuilt(Vec::new(), Vec::new(), None);
        live.rebuilt(Vec::new(), Vec::new(), Some("erreur".into()));
        live.rebuilt(Vec::new(), Vec::new(), Some("erreur".into()));
        live.rebuilt(Vec::new(), Vec::new(), None);
        assert_eq!(
            browser.events(),
            [
                r#"{"hello":true,"generation":0,"changed":[],"removed":[],"errors":null,"complete":true}"#,
                r#"{"hello":false,"generation":1,"changed":["a.html"],"removed":[],"errors":null,"complete":true}"#,
                r#"{"hello":false,"generation":1,"changed":[],"removed":[],"errors":"erreur","complete":true}"#,
                r#"{"hello":false,"generation":1,"changed":[],"removed":[],"errors":null,"complete":true}"#,
            ]
        );
    }

    #[test]
    fn a_rebuild_in_two_phases_is_told_twice_and_completes_even_with_nothing_more() {
        let live = Live::default();
        let browser = Browser::default();
        live.connect(Box::new(browser.clone()));
        live.first_phase(vec!["p.html".to_string()]);
        let late = Browser::default();
        live.connect(Box::new(late.clone()));
        live.rebuilt(vec!["liste.html".to_string()], Vec::new(), None);
        live.first_phase(vec!["p.html".to_string()]);
        live.rebuilt(Vec::new(), Vec::new(), None);
        assert_eq!(
            browser.events(),
            [
                r#"{"hello":true,"generation":0,"changed":[],"removed":[],"errors":null,"complete":true}"#,
                r#"{"hello":false,"generation":1,"changed":["p.html"],"removed":[],"errors":null,"complete":false}"#,
                r#"{"hello":false,"generation":2,"changed":["liste.html"],"removed":[],"errors":null,"complete":true}"#,
                r#"{"hello":false,"generation":3,"changed":["p.html"],"removed":[],"errors":null,"complete":false}"#,
                r#"{"hello":false,"generation":3,"changed":[],"removed":[],"errors":null,"complete":true}"#,
            ]
        );
        // A browser connecting between the phases is told the rest is to come.
        assert_eq!(
            late.events()[0],
            r#"{"hello":true,"generation":1,"changed":[],"removed":[],"errors":null,"complete":false}"#
        );
    }

    #[test]
    fn the_script_goes_before_the_end_of_the_body() {
        let page = inject(b"<html><body><p>x</p></BODY></html>", "a.html", 3);
        let page = String::from_utf8(page).unwrap();
        let script = page.find("<script>").unwrap();
        assert!(page[..script].ends_with("<p>x</p>"));
        assert!(page.ends_with("</script></BODY></html>"));
        assert!(page.contains(r#"({"page":"a.html","generation":3});"#));
    }

    #[test]
    fn a_page_name_cannot_close_the_script() {
        let page = inject(b"<body></body>", "</script><b>", 0);
        let page = String::from_utf8(page).unwrap();
        assert_eq!(page.matches("</script>").count(), 1);
        assert!(page.contains(r#""\u003c/script>\u003cb>""#));
    }
}
