//! The kit's files other than records and pages: its HTML templates
//! (templates/*.html), its theme (themes/<name>/), the logos named in
//! carnet.yaml and its form layouts. Each is read here, inside the kit, into
//! the sources: the renderers use what was loaded and read no file.

use super::Loaded;
use super::kit_dir::{Found, KitDir, Problem};
use super::walk;
use crate::diagnostic::Diagnostic;
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
    fn error(&self, message: String, expected: impl Into<String>) -> Diagnostic {
        Diagnostic::error(Span::new(self.file, self.range.clone()), message).expected(expected)
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
    let at_setting = |loaded: &mut Loaded, message: String, expected: String| {
        if let Some(setting) = &setting {
            loaded.diagnostics.push(setting.error(message, expected));
        }
    };
    if name.contains(['/', '\\']) || name.starts_with('.') {
        return at_setting(
            loaded,
            format!(
                "« {name} » n'est pas un nom de thème : un thème se désigne par le nom de son dossier, pas par un chemin"
            ),
            format!(
                "le nom d'un dossier de themes/ : {}",
                themes(kit).join(", ")
            ),
        );
    }
    let rel = format!("themes/{name}");
    match kit.resolve(&rel) {
        Found::Dir(_) => {}
        Found::Missing if name == DEFAULT_THEME => return,
        Found::Missing | Found::File(_) => {
            return at_setting(
                loaded,
                format!("le thème « {name} » n'existe pas : il n'y a pas de dossier {rel}/"),
                format!(
                    "le nom d'un dossier de themes/ : {}",
                    themes(kit).join(", ")
                ),
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
                format!("« {path} » mène aux fiches de data/ : un thème ne les publie pas"),
                "des feuilles de style, images et polices propres au thème",
            )),
            other => other,
        };
        loaded.add_binary(kit, &path, &reached);
    }
    for problem in problems {
        loaded.report(kit, problem);
    }
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
/// `.` parts; an error (in French) if it is absolute or could leave the kit.
pub fn kit_path(value: &str) -> Result<String, String> {
    if value.starts_with('/') || value.contains('\\') || std::path::Path::new(value).is_absolute() {
        return Err("est un chemin absolu ou écrit avec « \\ »".into());
    }
    let mut parts = Vec::new();
    for part in value.split('/') {
        match part {
            "" | "." => {}
            ".." => return Err("sort du dossier du kit (« .. »)".into()),
            part => parts.push(part),
        }
    }
    if parts.is_empty() {
        return Err("ne désigne aucun fichier".into());
    }
    Ok(parts.join("/"))
}

const LOGO_EXPECTED: &str =
    "une image PNG ou JPEG du kit, chemin relatif au dossier du kit (ex. content/images/logo.png)";

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
                format!("logo « {} » : {message}", setting.text),
                LOGO_EXPECTED,
            );
            loaded.diagnostics.push(diagnostic);
        }
    }
}

/// Reads one logo into the sources (once, however many values name it) and
/// checks that it decodes; the error says why not.
fn logo(kit: &KitDir, loaded: &mut Loaded, value: &str) -> Result<(), String> {
    let rel = kit_path(value)?;
    let file = match loaded.sources.find(&rel) {
        Some(file) => file,
        None => {
            let reached = match kit.resolve(&rel) {
                Found::File(disk) => Ok(disk),
                Found::Missing => return Err("ce fichier n'existe pas".into()),
                Found::Dir(_) => return Err("c'est un dossier, pas une image".into()),
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
