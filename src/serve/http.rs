//! Answers one HTTP request from the site in memory: content types,
//! conditional requests (ETag), HEAD, folders and their redirects, the 404
//! page, and the live-reload events. No file is ever read here.

use super::Shared;
use super::live::inject;
use super::paths::{Route, output_key, route};
use std::net::IpAddr;
use std::sync::Arc;
use tiny_http::{Header, Request, Response, StatusCode};

/// Answers `request`; a failure to write the answer (the browser went
/// away) is not an error of the server.
pub fn answer(request: Request, shared: &Shared) {
    if !host_allowed(&request, shared.bind) {
        return reply(request, 403, &foreign_host_page(), None);
    }
    let path = match route(request.url()) {
        Err(_) => return reply(request, 400, &refused_page(), None),
        Ok(Route::Events) => return shared.live.connect(request.into_writer()),
        Ok(Route::Site(path)) => path,
    };
    let site = Arc::clone(&shared.site.read().unwrap_or_else(|e| e.into_inner()));
    let generation = shared.live.generation();
    if !site.is_built() {
        drop(site);
        let page = inject(&not_built_page(), "*", generation);
        return reply(request, 503, &page, None);
    }
    let key = output_key(&path);
    let Some(served) = site.get(&key) else {
        let folder = format!("{path}/index.html");
        let redirect = !path.is_empty() && !path.ends_with('/') && site.get(&folder).is_some();
        drop(site);
        if redirect {
            return redirect_to_folder(request, &path);
        }
        let page = inject(&not_found_page(&path), &key, generation);
        return reply(request, 404, &page, None);
    };
    drop(site);
    let kind = content_type(&key);
    let (bytes, etag) = if kind.starts_with("text/html") {
        let page = inject(&served.bytes, &key, generation);
        let etag = format!("{}-{generation}\"", served.etag.trim_end_matches('"'));
        (page, etag)
    } else {
        (served.bytes.to_vec(), served.etag.to_string())
    };
    if matches_etag(&request, &etag) {
        let response = Response::empty(304).with_header(header("ETag", &etag));
        let _ = request.respond(response.with_header(header("Cache-Control", "no-cache")));
        return;
    }
    reply_typed(request, 200, bytes, kind, Some(&etag));
}

/// Whether a request may be answered: on a loopback address, only when its
/// `Host` names this machine (`localhost`, `127.0.0.1`, `[::1]`), so that a
/// web page elsewhere cannot read the preview through a domain name made to
/// point at 127.0.0.1 (DNS rebinding). Any host on another address, which
/// only the public profile may use.
pub fn host_allowed(request: &Request, bind: IpAddr) -> bool {
    if !bind.is_loopback() {
        return true;
    }
    let host = request
        .headers()
        .iter()
        .find(|h| h.field.equiv("Host"))
        .map(|h| h.value.as_str());
    host.is_some_and(names_this_machine)
}

/// Whether a `Host` header value (`name[:port]`) names the loopback interface.
fn names_this_machine(host: &str) -> bool {
    let name = match host.strip_prefix('[') {
        Some(v6) => v6.split(']').next().unwrap_or_default(),
        None => host.split(':').next().unwrap_or_default(),
    };
    name.eq_ignore_ascii_case("localhost")
        || name.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

/// Whether the request's `If-None-Match` names `etag` (or `*`).
fn matches_etag(request: &Request, etag: &str) -> bool {
    request
        .headers()
        .iter()
        .filter(|h| h.field.equiv("If-None-Match"))
        .flat_map(|h| h.value.as_str().split(','))
        .map(|tag| tag.trim().trim_start_matches("W/"))
        .any(|tag| tag == etag || tag == "*")
}

/// `/foo` where `foo/index.html` exists: the browser is sent to `/foo/`, so
/// that the page's relative links resolve.
fn redirect_to_folder(request: Request, path: &str) {
    let query = request.url().find('?').map(|at| &request.url()[at..]);
    let location = format!("/{path}/{}", query.unwrap_or_default());
    let response = Response::empty(302).with_header(header("Location", &location));
    let _ = request.respond(response);
}

fn reply(request: Request, status: u16, html: &[u8], etag: Option<&str>) {
    reply_typed(
        request,
        status,
        html.to_vec(),
        "text/html; charset=utf-8",
        etag,
    );
}

fn reply_typed(request: Request, status: u16, bytes: Vec<u8>, kind: &str, etag: Option<&str>) {
    let mut response = Response::from_data(bytes)
        .with_status_code(StatusCode(status))
        .with_header(header("Content-Type", kind))
        .with_header(header("Cache-Control", "no-cache"))
        .with_header(header("X-Content-Type-Options", "nosniff"));
    if let Some(etag) = etag {
        response.add_header(header("ETag", etag));
    }
    let _ = request.respond(response);
}

fn header(name: &str, value: &str) -> Header {
    Header::from_bytes(name, value).expect("header names and values carnet makes are ASCII")
}

/// The Content-Type of an output, by its extension.
pub fn content_type(path: &str) -> &'static str {
    let extension = path.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
    match extension.as_deref().unwrap_or_default() {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "txt" => "text/plain; charset=utf-8",
        "ics" => "text/calendar; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "woff2" => "font/woff2",
        "pdf" => "application/pdf",
        "csv" => "text/csv; charset=utf-8",
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        _ => "application/octet-stream",
    }
}

/// A page of the preview server itself (404, 400, not built yet).
fn own_page(title: &str, body: &str) -> Vec<u8> {
    format!(
        "<!DOCTYPE html>\n<html lang=\"fr\"><head><meta charset=\"utf-8\">\
         <title>{title}</title></head>\n<body style=\"font-family:system-ui,sans-serif;\
         max-width:40em;margin:3em auto\">\n<h1>{title}</h1>\n{body}\n\
         <p><a href=\"/\">Retour à l'accueil</a></p>\n</body></html>\n"
    )
    .into_bytes()
}

fn not_found_page(path: &str) -> Vec<u8> {
    let path = minijinja::HtmlEscape(path);
    own_page(
        "Page introuvable",
        &format!(
            "<p>Le site ne contient pas de page <code>/{path}</code>. \
             Elle a peut-être été renommée ou supprimée, ou l'adresse contient une faute.</p>"
        ),
    )
}

fn refused_page() -> Vec<u8> {
    own_page(
        "Adresse refusée",
        "<p>Cette adresse sort du site (<code>..</code>, barre oblique codée ou inversée) : \
         le serveur de prévisualisation ne sert que les pages du site.</p>",
    )
}

fn foreign_host_page() -> Vec<u8> {
    own_page(
        "Adresse refusée",
        "<p>Le serveur de prévisualisation ne répond qu'aux adresses de cette machine : \
         ouvrez <code>http://127.0.0.1:…/</code> ou <code>http://localhost:…/</code>.</p>",
    )
}

fn not_built_page() -> Vec<u8> {
    own_page(
        "Le site n'a pas encore pu être construit",
        "<p>Le kit contient des erreurs (détail ci-dessus). \
         Corrigez-les : cette page se rechargera d'elle-même.</p>",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn types_follow_the_extension() {
        assert_eq!(content_type("personnes/x.html"), "text/html; charset=utf-8");
        assert_eq!(content_type("theme/logo.JPG"), "image/jpeg");
        assert_eq!(content_type("agenda.ics"), "text/calendar; charset=utf-8");
        assert_eq!(content_type("LICENSE"), "application/octet-stream");
    }

    #[test]
    fn only_names_of_this_machine_are_answered_on_loopback() {
        for host in [
            "localhost:1111",
            "LOCALHOST",
            "127.0.0.1:1111",
            "127.0.0.2",
            "[::1]:1111",
        ] {
            assert!(names_this_machine(host), "{host}");
        }
        for host in [
            "evil.example:1111",
            "192.168.1.10:1111",
            "[fe80::1]:1111",
            "",
            "localhost.evil.example",
        ] {
            assert!(!names_this_machine(host), "{host}");
        }
    }

    #[test]
    fn a_missing_path_is_shown_escaped() {
        let page = String::from_utf8(not_found_page("<img src=x>")).unwrap();
        assert!(page.contains("/&lt;img src=x&gt;"));
        assert!(!page.contains("<img"));
    }
}
