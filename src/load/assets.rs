//! The kit's files other than records and pages: its HTML templates
//! (templates/*.html), its theme (themes/<name>/), the logos named in
//! carnet.yaml and its form layouts. Each is read here, inside the kit, into
//! the sources: the renderers use what was loaded and read no file.

use super::Loaded;
use super::kit_dir::{Found, KitDir, Problem};
use super::walk;
use crate::diagnostic::{Diagnostic, Msg, msg};
use crate::source::{FileId, Span};
use std::ops::Range;

/// Reads the templates, the theme, the logos and the form layouts.
pub(super) fn load(kit: &KitDir, loaded: &mut Loaded) {
    let mut files = Vec::new();
    let mut problems = Vec::new();
    walk::walk(
        kit,
        "templates",
        &walk::TEMPLATES,
        &mut files,
        &mut problems,
    );
    for (rel, reached) in &files {
        loaded.add_text(kit, rel, reached);
    }
    for problem in problems {
        loaded.report(kit, problem);
    }
    theme(kit, loaded);
    logos(kit, loaded);
    loaded.layouts = super::layout::load_all(kit, loaded);
}

/// A value of carnet.yaml: its file, its byte range and its text.
struct Setting {
    file: FileId,
    range: Range<usize>,
    text: String,
}

impl Setting {
    fn error(&self, message: impl Into<Msg>, expected: impl Into<Msg>) -> Diagnostic {
        Diagnostic::error_msg(Span::new(self.file, self.range.clone()), message)
            .expected_msg(expected)
    }
}

/// The theme named in carnet.yaml (`default` when none is named).
const DEFAULT_THEME: &str = "default";

/// Reads every file of the theme's folder, after checking that the theme is
/// a name (never a path) and that its folder exists.
fn theme(kit: &KitDir, loaded: &mut Loaded) {
    let setting = loaded.config.as_ref().and_then(|c| {
        let theme = c.record.theme.as_ref()?;
        Some(Setting {
            file: c.file,
            range: theme.range.clone(),
            text: theme.text().to_string(),
        })
    });
    let name = setting
        .as_ref()
        .map(|s| s.text.as_str())
        .filter(|t| !t.is_empty())
        .unwrap_or(DEFAULT_THEME)
        .to_string();
    let at_setting = |loaded: &mut Loaded, message: Msg, expected: Msg| {
        if let Some(setting) = &setting {
            loaded.diagnostics.push(setting.error(message, expected));
        }
    };
    if name.contains(['/', '\\']) || name.starts_with('.') {
        return at_setting(
            loaded,
            msg(
                format!(
                    "« {name} » n'est pas un nom de thème : un thème se désigne par le nom de son dossier, pas par un chemin"
                ),
                format!(
                    "« {name} » is not a theme name: a theme is named by its folder, not by a path"
                ),
            ),
            theme_names(kit),
        );
    }
    let rel = format!("themes/{name}");
    match kit.resolve(&rel) {
        Found::Dir(_) => {}
        Found::Missing if name == DEFAULT_THEME => return,
        Found::Missing | Found::File(_) => {
            return at_setting(
                loaded,
                msg(
                    format!("le thème « {name} » n'existe pas : il n'y a pas de dossier {rel}/"),
                    format!("the theme « {name} » does not exist: there is no folder {rel}/"),
                ),
                theme_names(kit),
            );
        }
        Found::Refused(problem) => return loaded.report(kit, problem),
    }
    let mut files = Vec::new();
    let mut problems = Vec::new();
    walk::walk(kit, &rel, &walk::THEME, &mut files, &mut problems);
    for (path, reached) in files {
        let reached = match reached {
            Ok(disk) if kit.lies_in(&disk, "data") => Err(Problem::error(
                &path,
                msg(
                    format!("« {path} » mène aux fiches de data/ : un thème ne les publie pas"),
                    format!(
                        "« {path} » leads to the records of data/: a theme does not publish them"
                    ),
                ),
                msg(
                    "des feuilles de style, images et polices propres au thème",
                    "style sheets, images and fonts of the theme's own",
                ),
            )),
            other => other,
        };
        loaded.add_binary(kit, &path, &reached);
    }
    for problem in problems {
        loaded.report(kit, problem);
    }
}

/// What a theme setting expects: the name of a folder of themes/.
fn theme_names(kit: &KitDir) -> Msg {
    let names = themes(kit).join(", ");
    msg(
        format!("le nom d'un dossier de themes/ : {names}"),
        format!("the name of a folder of themes/: {names}"),
    )
}

/// The themes a kit can name: `default` and its folders under themes/.
fn themes(kit: &KitDir) -> Vec<String> {
    let mut names = vec![DEFAULT_THEME.to_string()];
    if let Found::Dir(dir) = kit.resolve("themes") {
        for name in kit.names("themes", &dir).unwrap_or_default() {
            let folder = matches!(kit.resolve(&format!("themes/{name}")), Found::Dir(_));
            if folder && !name.starts_with('.') && name != DEFAULT_THEME {
                names.push(name);
            }
        }
    }
    names
}

/// A path written in carnet.yaml as a kit path: relative, with `/`, without
/// `.` parts; an error (in French and English) if it is absolute or could leave the kit.
pub fn kit_path(value: &str) -> Result<String, Msg> {
    if value.starts_with('/') || value.contains('\\') || std::path::Path::new(value).is_absolute() {
        return Err(msg(
            "est un chemin absolu ou écrit avec « \\ »",
            "is an absolute path or written with « \\ »",
        ));
    }
    let mut parts = Vec::new();
    for part in value.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                return Err(msg(
                    "sort du dossier du kit (« .. »)",
                    "leaves the kit folder (« .. »)",
                ));
            }
            part => parts.push(part),
        }
    }
    if parts.is_empty() {
        return Err(msg("ne désigne aucun fichier", "names no file"));
    }
    Ok(parts.join("/"))
}

const LOGO_EXPECTED: (&str, &str) = (
    "une image PNG ou JPEG du kit, chemin relatif au dossier du kit (ex. content/images/logo.png)",
    "a PNG or JPEG image of the kit, its path relative to the kit folder (e.g. content/images/logo.png)",
);

/// Reads and decodes the logo and the funders' logos of carnet.yaml: a
/// problem is an error at the value that names the file.
fn logos(kit: &KitDir, loaded: &mut Loaded) {
    let Some(config) = &loaded.config else {
        return;
    };
    let funders = config.record.financeurs.iter().flatten();
    let settings: Vec<Setting> = config
        .record
        .logo
        .iter()
        .chain(funders.filter_map(|f| f.logo.as_ref()))
        .map(|logo| Setting {
            file: config.file,
            range: logo.range.clone(),
            text: logo.text().to_string(),
        })
        .filter(|s| !s.text.is_empty())
        .collect();
    for setting in settings {
        if let Err(message) = logo(kit, loaded, &setting.text) {
            let diagnostic = setting.error(
                msg(
                    format!("logo « {} » : {}", setting.text, message.fr),
                    format!("logo « {} »: {}", setting.text, message.english()),
                ),
                msg(LOGO_EXPECTED.0, LOGO_EXPECTED.1),
            );
            loaded.diagnostics.push(diagnostic);
        }
    }
}

/// Reads one logo into the sources (once, however many values name it) and
/// checks that it decodes; the error says why not.
fn logo(kit: &KitDir, loaded: &mut Loaded, value: &str) -> Result<(), Msg> {
    let rel = kit_path(value)?;
    let file = match loaded.sources.find(&rel) {
        Some(file) => file,
        None => {
            let reached = match kit.resolve(&rel) {
                Found::File(disk) => Ok(disk),
                Found::Missing => {
                    return Err(msg("ce fichier n'existe pas", "this file does not exist"));
                }
                Found::Dir(_) => {
                    return Err(msg(
                        "c'est un dossier, pas une image",
                        "it is a folder, not an image",
                    ));
                }
                Found::Refused(problem) => return Err(problem.message),
            };
            let (disk, bytes) = kit.read(&rel, &reached).map_err(|p| p.message)?;
            loaded
                .sources
                .add(crate::source::SourceFile::binary(rel, disk, bytes))
        }
    };
    let bytes = loaded.sources.get(file).bytes().unwrap_or_default();
    crate::image::check(bytes)
}
