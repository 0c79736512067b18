//! Stage 4: the plan. Every output of a build (its path, the files it is
//! made from, the renderer that makes it and what it shows) is listed from
//! the [`View`] before anything is rendered. Each output kind (HTML pages,
//! theme files, PDF forms…) is a [`Renderer`]: it plans its own outputs and
//! renders one of them; this stage asks every registered renderer, adds what
//! every output depends on, and checks that no two outputs share a path.

use crate::source::FileId;
use crate::view::View;
use std::any::Any;
use std::collections::HashMap;
use std::collections::hash_map::Entry;

/// What an output was made from: a rebuild redoes an output when one changes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Input {
    /// A file of the kit, by its path's id. It may not exist: a page depends
    /// on `templates/personne.html` even while the built-in one is used.
    File(FileId),
    /// Every file under a folder of the kit (`data/personnes`): an output that
    /// shows each record of a kind changes when one is added or removed.
    Folder(&'static str),
    /// Every file of the kit: the tableau de bord lists the warnings of all.
    Kit,
}

impl Input {
    /// Whether a change to the kit file at `path` may change an output with this input.
    pub fn covers(&self, path: &str) -> bool {
        match self {
            Input::File(id) => *id == FileId::of(path),
            Input::Folder(folder) => path
                .strip_prefix(folder)
                .is_some_and(|rest| rest.starts_with('/')),
            Input::Kit => true,
        }
    }
}

/// The kit files changed since the last build, ready to be tested against
/// the inputs of every output (a path is hashed once, not once per input).
pub struct ChangedFiles<'a> {
    ids: std::collections::HashSet<FileId>,
    paths: Vec<&'a str>,
}

impl<'a> ChangedFiles<'a> {
    /// The kit files at `paths` (relative to the kit, with `/`).
    pub fn new(paths: impl IntoIterator<Item = &'a str>) -> ChangedFiles<'a> {
        let paths: Vec<&str> = paths.into_iter().collect();
        ChangedFiles {
            ids: paths.iter().map(|p| FileId::of(p)).collect(),
            paths,
        }
    }

    /// Whether a change of these files may change an output made from
    /// `inputs` ([`Input::covers`] one of them).
    pub fn cover(&self, inputs: &[Input]) -> bool {
        inputs.iter().any(|input| match input {
            Input::File(id) => self.ids.contains(id),
            Input::Folder(_) => self.paths.iter().any(|p| input.covers(p)),
            Input::Kit => !self.paths.is_empty(),
        })
    }

    /// Whether one of the files is under `folder` (`templates`).
    pub fn under(&self, folder: &'static str) -> bool {
        self.paths.iter().any(|p| Input::Folder(folder).covers(p))
    }
}

/// What kind of file an output is, for the build's summary.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OutputKind {
    /// An HTML page.
    Page,
    /// A file of the theme (CSS, images, fonts).
    Theme,
    /// A PDF form.
    Form,
    /// A calendar feed (.ics).
    Feed,
    /// A spreadsheet export (Excel workbook, CSV).
    Export,
    /// The search index, a script a page loads when its search box is used.
    SearchIndex,
}

/// One output to make.
pub struct Planned {
    /// Path relative to the output folder, with `/`.
    pub path: String,
    /// What kind of file it is.
    pub kind: OutputKind,
    /// What it is made from.
    pub inputs: Vec<Input>,
    /// Which renderer makes it (its place in the list given to [`plan`]).
    pub renderer: usize,
    /// What it shows, in the renderer's own terms (the renderer that planned
    /// it reads it back).
    pub context: Box<dyn Any + Send + Sync>,
}

impl Planned {
    /// An output at `path` made from `inputs`, showing `context`.
    pub fn new(
        path: String,
        kind: OutputKind,
        inputs: Vec<Input>,
        context: impl Any + Send + Sync,
    ) -> Planned {
        Planned {
            path,
            kind,
            inputs,
            renderer: 0,
            context: Box::new(context),
        }
    }

    /// The context as the renderer that planned it made it.
    pub fn context<T: Any>(&self) -> Result<&T, RenderError> {
        self.context.downcast_ref().ok_or_else(|| RenderError {
            message: format!(
                "erreur interne de carnet : {} a été confié au mauvais moteur de rendu",
                self.path
            ),
        })
    }
}

/// A render failure: a template of the kit that failed on some data (with
/// its place), or an output that could not be stored.
#[derive(Debug)]
pub struct RenderError {
    /// What went wrong, with template name and line.
    pub message: String,
}

impl std::fmt::Display for RenderError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

/// An output kind: plans its outputs from the view, renders one of them.
/// Renderers read only the [`View`] (never a file, never the model).
pub trait Renderer: Sync {
    /// Every output of this kind, with its path, inputs and context.
    fn plan(&self, view: &View) -> Vec<Planned>;

    /// The bytes of one output this renderer planned.
    fn render(&self, view: &View, planned: &Planned) -> Result<Vec<u8>, RenderError>;

    /// What an output is, in a sentence, to name it in an error.
    fn describe(&self, planned: &Planned) -> String;

    /// A hash of what the output planned as `planned` shows of `view` (the
    /// records, figures and links it is made from), without the kit's
    /// templates: two views that give an output one fingerprint, with the
    /// same templates, give it the same bytes. `carnet serve` keeps the
    /// bytes of an output whose inputs changed but whose fingerprint did
    /// not (a trainee's new name changes no figure of a rapports month page).
    /// It reads `view`, which may be an earlier version than the one the
    /// renderer was made for (the published one, to compare with).
    /// `None` (the default) when the renderer has no cheap way to tell.
    fn fingerprint(&self, _view: &View, _planned: &Planned) -> Option<u64> {
        None
    }
}

/// Feeds what is written into a hasher: a fingerprint of serialised data
/// without keeping its text.
struct HashWriter(std::hash::DefaultHasher);

impl std::io::Write for HashWriter {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        std::hash::Hasher::write(&mut self.0, bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The fingerprint of serialisable data (see [`Renderer::fingerprint`]):
/// the hash of its JSON text, the same in every rebuild of one binary;
/// `None` when it has no JSON form (a map with keys that are not text).
/// The text goes to the hasher in blocks: serde_json writes a few bytes at a
/// time, and a hasher call per piece cost more than the hashing itself.
pub fn fingerprint_of(data: &impl serde::Serialize) -> Option<u64> {
    let hasher = HashWriter(std::hash::DefaultHasher::new());
    let mut writer = std::io::BufWriter::with_capacity(8 * 1024, hasher);
    serde_json::to_writer(&mut writer, data).ok()?;
    let writer = writer.into_inner().ok()?;
    Some(std::hash::Hasher::finish(&writer.0))
}

/// What every output depends on: carnet.yaml (site title, language, theme,
/// default consent…).
fn common_inputs() -> [Input; 1] {
    [Input::File(FileId::of("carnet.yaml"))]
}

/// Every output of the build, from every renderer, in the renderers' order.
/// Two outputs at one path would leave one file and lose the other: paths are
/// unique by construction (ids hold no `/`, ids that carnet's own pages use
/// are refused, form paths name the kind of record), so a clash is a bug of
/// carnet, reported naming both outputs and before anything is written.
pub fn plan(
    view: &View,
    renderers: &[Box<dyn Renderer + '_>],
) -> Result<Vec<Planned>, RenderError> {
    let mut all = Vec::new();
    for (index, renderer) in renderers.iter().enumerate() {
        for mut planned in renderer.plan(view) {
            planned.renderer = index;
            planned.inputs.extend(common_inputs());
            all.push(planned);
        }
    }
    let mut seen: HashMap<&str, &Planned> = HashMap::with_capacity(all.len());
    for planned in &all {
        match seen.entry(planned.path.as_str()) {
            Entry::Vacant(slot) => {
                slot.insert(planned);
            }
            Entry::Occupied(first) => {
                return Err(RenderError {
                    message: format!(
                        "erreur interne de carnet : deux sorties au même chemin « {} » ({} et {}) ; \
                         rien n'a été écrit. Merci de signaler ce problème avec le kit qui le produit.",
                        planned.path,
                        renderers[first.get().renderer].describe(first.get()),
                        renderers[planned.renderer].describe(planned),
                    ),
                });
            }
        }
    }
    Ok(all)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A renderer whose outputs are the given paths.
    struct Paths(&'static [&'static str]);

    impl Renderer for Paths {
        fn plan(&self, _: &View) -> Vec<Planned> {
            self.0
                .iter()
                .map(|p| Planned::new(p.to_string(), OutputKind::Page, Vec::new(), ()))
                .collect()
        }
        fn render(&self, _: &View, _: &Planned) -> Result<Vec<u8>, RenderError> {
            Ok(Vec::new())
        }
        fn describe(&self, planned: &Planned) -> String {
            format!("la sortie d'essai {}", planned.path)
        }
    }

    fn empty_view() -> View {
        let (kit, _) =
            crate::model::build(crate::load::Loaded::default(), &[], chrono::NaiveDate::MIN);
        View::new(&kit, crate::view::Profile::Public)
    }

    #[test]
    fn every_output_depends_on_carnet_yaml_and_knows_its_renderer() {
        let view = empty_view();
        let renderers: [Box<dyn Renderer>; 2] = [
            Box::new(Paths(&["index.html"])),
            Box::new(Paths(&["theme/style.css"])),
        ];
        let planned = plan(&view, &renderers).expect("distinct paths");
        assert_eq!(planned[1].renderer, 1);
        assert!(
            planned
                .iter()
                .all(|p| p.inputs.iter().any(|i| i.covers("carnet.yaml")))
        );
    }

    #[test]
    fn a_shared_path_is_an_error_naming_both_outputs() {
        let view = empty_view();
        let renderers: [Box<dyn Renderer>; 2] = [
            Box::new(Paths(&["personnes/index.html"])),
            Box::new(Paths(&["x.html", "personnes/index.html"])),
        ];
        let message = plan(&view, &renderers).map(|_| ()).unwrap_err().message;
        assert!(
            message.contains("« personnes/index.html »")
                && message
                    .matches("la sortie d'essai personnes/index.html")
                    .count()
                    == 2,
            "{message}"
        );
    }

    #[test]
    fn changed_files_cover_the_inputs_that_name_them() {
        let changed = ChangedFiles::new(["data/personnes/dupont-jean.yaml"]);
        let jean = Input::File(FileId::of("data/personnes/dupont-jean.yaml"));
        let marie = Input::File(FileId::of("data/personnes/martin-marie.yaml"));
        assert!(changed.cover(&[marie, jean]));
        assert!(!changed.cover(&[marie]));
        assert!(changed.cover(&[Input::Folder("data/personnes")]));
        assert!(!changed.cover(&[Input::Folder("data/sessions")]));
        assert!(changed.cover(&[Input::Kit]));
        assert!(!ChangedFiles::new([]).cover(&[Input::Kit]));
        assert!(!changed.under("templates"));
        assert!(ChangedFiles::new(["templates/personne.html"]).under("templates"));
    }

    #[test]
    fn a_fingerprint_tells_data_apart_by_value_and_by_type() {
        let same = fingerprint_of(&("Dupont", 3)).expect("JSON");
        assert_eq!(fingerprint_of(&("Dupont", 3)), Some(same));
        assert_ne!(fingerprint_of(&("Dupond", 3)), Some(same));
        // Rendered as « 3 » and « 3.0 »: not the same page.
        assert_ne!(fingerprint_of(&("Dupont", 3.0)), Some(same));
        assert_ne!(fingerprint_of(&("Dupont", Option::<u8>::None)), Some(same));
    }

    #[test]
    fn a_folder_input_covers_the_files_below_it_only() {
        let people = Input::Folder("data/personnes");
        assert!(people.covers("data/personnes/dupont-jean.yaml"));
        assert!(!people.covers("data/personnes-old/x.yaml"));
        assert!(!people.covers("data/sessions/2026-09.yaml"));
        assert!(Input::File(FileId::of("carnet.yaml")).covers("carnet.yaml"));
    }
}
