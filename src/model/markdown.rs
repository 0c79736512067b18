//! Markdown typed by staff (interview reports, event bilans, free pages):
//! what the model checks before it is rendered. An image with a remote
//! address would make every reader's browser call that address (a tracking
//! pixel): it is shown as a link instead, and `check` says so at the image.

use crate::diagnostic::Diagnostic;
use crate::load::Loaded;
use crate::load::records::Text;
use crate::load::spanned::{code_point, control_character_diagnostic, is_forbidden_control};
use crate::source::{FileId, Sources, Span};
use pulldown_cmark::{Event, Options, Parser, Tag};
use std::ops::Range;

/// The Markdown extensions carnet renders (the view and the checks must agree).
pub const OPTIONS: Options = Options::ENABLE_TABLES.union(Options::ENABLE_STRIKETHROUGH);

/// Whether a link or image target leaves the site: it has a scheme
/// (`https:`, `mailto:`…) or is protocol-relative (`//host`, which browsers
/// also accept written with backslashes).
pub fn is_absolute_url(url: &str) -> bool {
    let url = url.trim_start_matches(|c: char| c.is_whitespace() || c.is_control());
    if url.starts_with(['/', '\\']) {
        return url[1..].starts_with(['/', '\\']);
    }
    match url.split_once(':') {
        Some((scheme, _)) => {
            let mut chars = scheme.chars();
            chars.next().is_some_and(|c| c.is_ascii_alphabetic())
                && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
        }
        None => false,
    }
}

/// The images of `markdown` whose address is remote: the byte range of each
/// image in `markdown` (`![alt](address)`) and its address.
pub fn remote_images(markdown: &str) -> Vec<(Range<usize>, String)> {
    // Cheap test first: most texts hold no image at all.
    if !markdown.contains("![") {
        return Vec::new();
    }
    Parser::new_ext(markdown, OPTIONS)
        .into_offset_iter()
        .filter_map(|(event, range)| match event {
            Event::Start(Tag::Image { dest_url, .. }) if is_absolute_url(&dest_url) => {
                Some((range, dest_url.into_string()))
            }
            _ => None,
        })
        .collect()
}

/// Warns about every remote image of every Markdown field of the kit, at the
/// image in its file.
/// With a `cache`, an unchanged person's warnings are taken again.
pub(super) fn check_all(
    loaded: &Loaded,
    cache: Option<&mut super::reuse::Checked>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let sources = &loaded.sources;
    // Tens of thousands of interview reports: each person in parallel, the
    // warnings in file order.
    let reports: Vec<Diagnostic> = super::reuse::each_person(&loaded.personnes, cache, |raw| {
        let mut found = Vec::new();
        let entretiens = raw
            .record
            .parrainage
            .iter()
            .flat_map(|p| p.entretiens.iter().flatten());
        for entretien in entretiens {
            if let Some(text) = &entretien.compte_rendu {
                check_value(sources, raw.file, text, &mut found);
            }
        }
        found
    });
    diagnostics.extend(reports);
    for raw in &loaded.evenements {
        if let Some(text) = &raw.record.bilan {
            check_value(sources, raw.file, text, diagnostics);
        }
    }
    for raw in &loaded.pages {
        let file = sources.get(raw.file);
        // The body is the end of the file, after the front matter.
        let offset = file.text.len().saturating_sub(raw.record.body.len());
        for (range, url) in remote_images(&raw.record.body) {
            let span = Span::new(raw.file, offset + range.start..offset + range.end);
            diagnostics.push(remote_image(span, &url));
        }
        // YAML values are checked as they are read; a body is not YAML.
        if let Some((at, c)) = raw
            .record
            .body
            .char_indices()
            .find(|&(_, c)| is_forbidden_control(c))
        {
            let span = Span::new(raw.file, offset + at..offset + at + c.len_utf8());
            diagnostics.push(control_character_diagnostic(span, &code_point(c)));
        }
    }
}

/// Warns about the remote images of one YAML value. The value's text may
/// differ from what the file holds (quotes, escapes, a block's indentation):
/// each image is looked for as written, else its address, else the value is
/// pointed at as a whole.
fn check_value(sources: &Sources, file: FileId, value: &Text, diagnostics: &mut Vec<Diagnostic>) {
    let images = remote_images(&value.value);
    if images.is_empty() {
        return;
    }
    let written = sources
        .get(file)
        .text
        .get(value.range.clone())
        .unwrap_or_default();
    let mut cursor = 0;
    for (range, url) in images {
        let image = &value.value[range];
        let found = [image, url.as_str()].into_iter().find_map(|needle| {
            let at = written.get(cursor..)?.find(needle)? + cursor;
            Some(at..at + needle.len())
        });
        let span = match found {
            Some(found) => {
                cursor = found.end;
                Span::new(
                    file,
                    value.range.start + found.start..value.range.start + found.end,
                )
            }
            None => Span::new(file, value.range.clone()),
        };
        diagnostics.push(remote_image(span, &url));
    }
}

fn remote_image(span: Span, url: &str) -> Diagnostic {
    Diagnostic::warning(
        span,
        format!("l'image distante « {url} » sera affichée comme un simple lien"),
    )
    .en(format!(
        "the remote image « {url} » will be shown as a plain link"
    ))
    .expected(
        "une image du kit (chemin relatif, par exemple images/plan.png) : une image distante \
         n'est jamais chargée, car elle ferait appeler ce site par chaque lecteur",
    )
    .expected_en(
        "an image of the kit (a relative path, for example images/plan.png): a remote image \
         is never loaded, as it would make every reader call that site",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn absolute_addresses_are_told_from_relative_ones() {
        for url in [
            "https://t.example/p.png",
            "HTTP://t.example/p.png",
            "//t.example/p.png",
            "\\\\t.example/p.png",
            "/\\t.example/p.png",
            " https://t.example/p.png",
            "mailto:a@b.fr",
            "ftp://t.example",
        ] {
            assert!(is_absolute_url(url), "{url}");
        }
        for url in [
            "images/p.png",
            "/images/p.png",
            "../p.png",
            "p.png?a=b:c",
            "#x",
            "",
        ] {
            assert!(!is_absolute_url(url), "{url}");
        }
    }

    #[test]
    fn remote_images_are_found_with_their_place() {
        let text = "Voir ![plan](plan.png) et ![pixel](https://t.example/p.png).";
        let found = remote_images(text);
        assert_eq!(found.len(), 1);
        let (range, url) = &found[0];
        assert_eq!(&text[range.clone()], "![pixel](https://t.example/p.png)");
        assert_eq!(url, "https://t.example/p.png");
    }
}
