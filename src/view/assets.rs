//! The files the renderers draw with, taken from what the load stage read:
//! HTML templates and theme files (the built-in ones, with the kit's files of
//! the same name in their place), the form layouts, and the images and words
//! the forms print. Each keeps the [`FileId`] of the kit file it comes from,
//! or would come from (a built-in template is replaced the day the kit adds
//! `templates/<name>`), so that every output can list it among its inputs.

use crate::embedded;
use crate::form_layout::FormLayout;
use crate::model::Kit;
use crate::source::{FileId, Sources, Span};
use std::collections::{BTreeMap, HashMap};

/// An HTML template.
#[derive(Debug, Clone)]
pub struct Template {
    /// Name, as templates refer to it (`personne.html`).
    pub name: String,
    /// Its source.
    pub source: String,
    /// Whether the kit's `templates/<name>` replaced the built-in one.
    pub from_kit: bool,
}

/// A file of the theme, published under `theme/`.
#[derive(Debug, Clone)]
pub struct ThemeFile {
    /// Path under `theme/` (`style.css`).
    pub name: String,
    /// Content.
    pub bytes: Vec<u8>,
    /// The kit file that gives it, or would replace the built-in one.
    pub file: FileId,
}

/// An image printed on the forms: its bytes and the kit file they came from.
#[derive(Debug, Clone)]
pub struct FormImage {
    /// PNG or JPEG bytes (checked by the load stage).
    pub bytes: Vec<u8>,
    /// The image's file.
    pub file: FileId,
}

/// Everything the renderers draw with, besides the records.
#[derive(Debug, Default)]
pub struct Assets {
    /// HTML templates, by name.
    pub templates: Vec<Template>,
    /// Theme files, by name.
    pub theme: Vec<ThemeFile>,
    /// Form layouts, checked.
    pub layouts: Vec<FormLayout>,
    /// `file:line:column` of each layout placeholder, for messages.
    pub placeholder_places: HashMap<Span, String>,
    /// The files of the images the forms print (their logos).
    pub image_files: Vec<FileId>,
    /// The organisation's logo (forms' header).
    pub logo: Option<FormImage>,
    /// The funders' logos.
    pub funder_logos: Vec<FormImage>,
    /// The funders' mentions, one per line.
    pub funder_text: String,
    /// One signature cell per half-day on attendance sheets.
    pub half_days: bool,
    /// Size of a label on a sheet of labels, width and height in mm
    /// (carnet.yaml `plie.etiquettes`).
    pub label_mm: (f32, f32),
}

/// The kit file a template of this name comes from when the kit has one.
pub fn template_file(name: &str) -> FileId {
    FileId::of(&format!("templates/{name}"))
}

/// The HTML templates of `kit`: the built-in ones, with the kit's
/// `templates/<name>.html` in their place (or added), by name.
pub fn templates(kit: &Kit) -> Vec<Template> {
    let mut templates: BTreeMap<String, (String, bool)> = embedded::files(&embedded::TEMPLATES)
        .into_iter()
        .filter_map(|(path, bytes)| {
            let name = path.to_str()?.to_string();
            let text = String::from_utf8_lossy(bytes).into_owned();
            name.ends_with(".html").then_some((name, (text, false)))
        })
        .collect();
    for (_, file) in kit.sources.iter() {
        if let Some(name) = file.path.strip_prefix("templates/")
            && name.ends_with(".html")
            && !name.contains('/')
            && file.bytes().is_some()
        {
            templates.insert(name.to_string(), (file.text.clone(), true));
        }
    }
    templates
        .into_iter()
        .map(|(name, (source, from_kit))| Template {
            name,
            source,
            from_kit,
        })
        .collect()
}

impl Assets {
    /// The assets of `kit`: its [`templates`], the built-in theme with the
    /// kit's `themes/<theme>/<path>` in their place (or added), its layouts
    /// and its logos.
    pub fn new(kit: &Kit) -> Assets {
        let theme = &kit.config.theme;
        let mut files: BTreeMap<String, Vec<u8>> = embedded::files(&embedded::THEMES)
            .into_iter()
            .filter_map(|(path, bytes)| {
                let name = path.strip_prefix("default").ok()?.to_str()?;
                Some((name.replace('\\', "/"), bytes.to_vec()))
            })
            .collect();
        let theme_prefix = format!("themes/{theme}/");
        for (_, file) in kit.sources.iter() {
            let Some(bytes) = file.bytes() else {
                continue;
            };
            if let Some(name) = file.path.strip_prefix(&theme_prefix) {
                files.insert(name.to_string(), bytes.to_vec());
            }
        }
        let config = &kit.config;
        let image = |path: &String| form_image(&kit.sources, path.as_str());
        let logo = config.logo.as_ref().and_then(image);
        let funder_logos: Vec<FormImage> = config
            .financeurs
            .iter()
            .filter_map(|f| f.logo.as_ref())
            .filter_map(image)
            .collect();
        Assets {
            templates: templates(kit),
            theme: files
                .into_iter()
                .map(|(name, bytes)| ThemeFile {
                    file: FileId::of(&format!("{theme_prefix}{name}")),
                    name,
                    bytes,
                })
                .collect(),
            layouts: kit.layouts.clone(),
            placeholder_places: kit
                .layouts
                .iter()
                .flat_map(FormLayout::placeholders)
                .map(|t| (t.span, kit.sources.location(t.span)))
                .collect(),
            image_files: logo.iter().chain(&funder_logos).map(|i| i.file).collect(),
            logo,
            funder_logos,
            funder_text: config
                .financeurs
                .iter()
                .map(|f| f.mention.as_str())
                .filter(|m| !m.is_empty())
                .collect::<Vec<_>>()
                .join("\n"),
            half_days: config.presence_demi_journee,
            label_mm: (
                config.plie.etiquettes.largeur,
                config.plie.etiquettes.hauteur,
            ),
        }
    }
}

/// The image at `path` (as written in carnet.yaml) among the loaded files;
/// the load stage has reported it if it could not be read.
fn form_image(sources: &Sources, path: &str) -> Option<FormImage> {
    let rel = crate::load::kit_path(path).ok()?;
    let file = sources.find(&rel)?;
    Some(FormImage {
        bytes: sources.get(file).bytes()?.to_vec(),
        file,
    })
}
