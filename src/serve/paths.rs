//! Which output of the site a request's path asks for. Everything is served
//! from memory, so nothing here can read a file; still, a path that tries to
//! leave the site (`..`, encoded slashes, backslashes, absolute paths, NUL)
//! is refused outright rather than looked up.

use percent_encoding::percent_decode_str;

/// What a request's path names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// An output of the site: its path without the leading `/` (`""` for the
    /// home page, ending in `/` for a folder's `index.html`).
    Site(String),
    /// The server-sent events of live reload.
    Events,
}

/// The address of the live-reload events.
pub const EVENTS: &str = "/_carnet/events";

/// Why a path is refused (answered with 400, never looked up).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refused;

/// The route of a request URL (`/personnes/x.html?y#z`): the path is
/// percent-decoded once, and refused when it holds a `..` or `.` segment,
/// an encoded `/` or `\`, a backslash, a NUL, a `:`, an empty first segment
/// (`//etc/passwd`), or is not valid UTF-8.
pub fn route(url: &str) -> Result<Route, Refused> {
    let raw = url.split(['?', '#']).next().unwrap_or_default();
    let lower = raw.to_ascii_lowercase();
    if !raw.starts_with('/') || lower.contains("%2f") || lower.contains("%5c") {
        return Err(Refused);
    }
    let decoded = percent_decode_str(raw).decode_utf8().map_err(|_| Refused)?;
    if decoded == EVENTS {
        return Ok(Route::Events);
    }
    let path = &decoded[1..];
    let unsafe_char = |c: char| matches!(c, '\\' | '\0' | ':');
    let bad_segment = |s: &str| s == ".." || s == ".";
    if path.starts_with('/') || path.contains(unsafe_char) || path.split('/').any(bad_segment) {
        return Err(Refused);
    }
    Ok(Route::Site(path.to_string()))
}

/// The key of the output a site path is served from: a folder's path
/// (`""`, `personnes/`) means its `index.html`.
pub fn output_key(path: &str) -> String {
    if path.is_empty() || path.ends_with('/') {
        format!("{path}index.html")
    } else {
        path.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(path: &str) -> Result<Route, Refused> {
        Ok(Route::Site(path.to_string()))
    }

    #[test]
    fn plain_paths_are_decoded_once() {
        assert_eq!(route("/"), site(""));
        assert_eq!(route("/personnes/x.html?a=1#b"), site("personnes/x.html"));
        assert_eq!(route("/pages/%C3%A9t%C3%A9.html"), site("pages/été.html"));
        // Decoded once: `%252e%252e` is the literal name `%2e%2e`, not `..`.
        assert_eq!(route("/%252e%252e/x"), site("%2e%2e/x"));
        assert_eq!(route(EVENTS), Ok(Route::Events));
    }

    #[test]
    fn every_traversal_form_is_refused() {
        for url in [
            "/../etc/passwd",
            "/personnes/../../etc/passwd",
            "/%2e%2e/etc/passwd",
            "/%2E%2E/etc/passwd",
            "/.%2e/etc/passwd",
            "/personnes/%2e%2e%2fetc",
            "/..%2fetc/passwd",
            "/..%2Fetc/passwd",
            "/..%5cetc",
            "/..\\etc\\passwd",
            "/personnes\\x.html",
            "//etc/passwd",
            "/%2fetc/passwd",
            "/C:/Windows/win.ini",
            "/x.html%00.png",
            "/./x.html",
            "etc/passwd",
            "/%ff%fe",
        ] {
            assert_eq!(route(url), Err(Refused), "{url}");
        }
    }

    #[test]
    fn folders_mean_their_index() {
        assert_eq!(output_key(""), "index.html");
        assert_eq!(output_key("personnes/"), "personnes/index.html");
        assert_eq!(output_key("style.css"), "style.css");
    }
}
