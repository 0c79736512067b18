//! The site `carnet serve` holds in memory: built once, then brought up to
//! date after each change of the kit by re-rendering only the outputs whose
//! inputs changed and whose fingerprint (what they show of the view) changed.
//! PDF forms, spreadsheet exports and calendar feeds are rendered the first
//! time they are asked for. Nothing here writes a file: a preview never
//! replaces `public/`.

use super::check::{CheckCache, check};
use super::timings::Timings;
use crate::Profile;
use crate::diagnostic::Severity;
use crate::load::Changed;
use crate::plan::{ChangedFiles, Input, OutputKind, Planned, Renderer};
use crate::render::pdf::PdfForms;
use crate::source::FileId;
use crate::view::View;
use chrono::NaiveDate;
use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

/// One output as served: its bytes and a validator for conditional requests.
#[derive(Clone, Debug)]
pub struct Served {
    /// The file's bytes, exactly as `carnet build` would write them.
    pub bytes: Arc<[u8]>,
    /// A strong ETag (quoted), unique to these bytes (shared, as the bytes
    /// are, by the versions that keep the output; see [`fresh_etag`]).
    pub etag: Arc<str>,
}

impl Served {
    fn new(bytes: Vec<u8>) -> Served {
        Served {
            bytes: bytes.into(),
            etag: fresh_etag(),
        }
    }
}

/// A strong ETag never given before, by this server or an earlier one: the
/// time the server started and a counter. An ETag need only change when
/// the bytes do; a version keeping an output keeps its `Served`, and its
/// ETag, while hashing the bytes of the lists of everyone (megabytes) at
/// each rebuild took tens of milliseconds.
fn fresh_etag() -> Arc<str> {
    use std::sync::atomic::{AtomicU64, Ordering};
    static STARTED: OnceLock<u128> = OnceLock::new();
    static NEXT: AtomicU64 = AtomicU64::new(0);
    let started = STARTED.get_or_init(|| {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos())
    });
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    format!("\"{started:x}-{n:x}\"").into()
}

/// What one rebuild did, for the console line and the browsers.
#[derive(Debug, Default)]
pub struct Rebuild {
    /// The kit files that changed (kit paths), as given.
    pub changed_files: Vec<String>,
    /// Outputs whose bytes are new or different: their browsers reload.
    pub changed: Vec<String>,
    /// Outputs that no longer exist: their browsers go to the home page.
    pub removed: Vec<String>,
    /// How many outputs were rendered again (some may come out identical).
    pub rendered: usize,
    /// When the rebuild was published in two phases: the pages published
    /// first (see [`LiveSite::rebuild_in_phases`]).
    pub first: Option<FirstPhase>,
    /// The pages the quick lane published before the whole kit was
    /// checked ([`super::quick`]), sorted.
    pub quick: Vec<String>,
    /// The diagnostics that stop this version of the kit from being shown
    /// (file:line:col, the quoted line, what is expected), rendered as text;
    /// `None` when the kit is valid and the site is up to date.
    pub errors: Option<String>,
    /// Number of warnings of the kit.
    pub warnings: usize,
    /// Time taken.
    pub elapsed: Duration,
}

/// The first phase of a rebuild in two: the narrow pages that changed
/// (see [`broad`]), published before the broad ones are judged and rendered.
#[derive(Clone, Debug, Default)]
pub struct FirstPhase {
    /// Outputs whose bytes are new or different, published first (sorted).
    pub changed: Vec<String>,
    /// Time from the start of the rebuild to their publication.
    pub elapsed: Duration,
}

/// The pages announced before a rebuild's complete version (by the quick
/// lane, then the first phase), each with what was announced, and when the
/// first of them was.
#[derive(Default)]
struct Announced {
    pages: HashMap<String, Served>,
    first: Option<Duration>,
}

/// Whether an output is *broad*: it shows every record of a kind (an input
/// is a whole folder of data/, or the whole kit), as the lists of people,
/// the planning, the reports and the home page do. After an edit of a
/// record, those are the costly outputs (thousands of rows each, and the
/// fingerprints that spare most of them), while the record's own page and
/// the few pages naming it (its mentor's fiche, its session) are narrow:
/// made from a handful of files, each quick to render. The templates and
/// content/pages folders every page depends on do not make a page broad.
pub fn broad(planned: &Planned) -> bool {
    planned.inputs.iter().any(|input| match input {
        Input::Kit => true,
        Input::Folder(folder) => folder.starts_with("data/"),
        Input::File(_) => false,
    })
}

/// An output planned by the last good build and rendered on its first
/// request: a PDF form, a spreadsheet export or a calendar feed (thousands
/// of them, which no browser shows while the pages are edited).
struct Lazy {
    planned: Planned,
    rendered: OnceLock<Served>,
}

/// Whether outputs of this kind are rendered on request rather than with
/// the pages.
fn lazy(kind: OutputKind) -> bool {
    matches!(
        kind,
        OutputKind::Form | OutputKind::Export | OutputKind::Feed
    )
}

/// What [`LiveSite::render_changed`] made of a good kit: the outputs of the
/// next version, and how it differs from the published one.
struct NextVersion {
    /// How many outputs were rendered again.
    rendered: usize,
    /// Outputs whose bytes are new or different.
    changed: Vec<String>,
    /// Outputs that no longer exist.
    removed: Vec<String>,
    /// Pages and theme files, by output path.
    files: HashMap<String, Served>,
    /// Forms, exports and feeds, to render on request.
    forms: HashMap<String, Lazy>,
    /// The plans of the outputs it replaces, to free off the latency path.
    replaced: Vec<Planned>,
    /// The first phase, when the version was published in two.
    first: Option<FirstPhase>,
}

/// One good version of the site, as served: never changed once made, so
/// that requests are answered from it while the next version is built.
pub struct Published {
    /// The view it was rendered from (PDF forms are rendered from it).
    view: Option<View>,
    /// Pages and theme files, by output path.
    files: HashMap<String, Served>,
    /// PDF forms, exports and feeds, by output path.
    forms: HashMap<String, Lazy>,
    /// For the first phase of a rebuild: the complete version whose other
    /// outputs (and forms) it still shows, `files` holding only the narrow
    /// pages already brought up to date.
    under: Option<Arc<Published>>,
    /// The PDF renderer, made on the first request for a form.
    pdf: OnceLock<Result<PdfForms, String>>,
    /// Serialises rendering on request so that two requests render an output once.
    form_lock: Mutex<()>,
}

impl Published {
    /// Nothing yet: the site before its first good build.
    fn empty() -> Published {
        Published {
            view: None,
            files: HashMap::new(),
            forms: HashMap::new(),
            under: None,
            pdf: OnceLock::new(),
            form_lock: Mutex::new(()),
        }
    }

    /// Whether this is a good build (something can be served).
    pub fn is_built(&self) -> bool {
        self.view.is_some() || self.under.is_some()
    }

    /// The output at `path` (relative to the site root, without a leading `/`;
    /// `""` or a folder's path ending in `/` means its `index.html`), or
    /// `None`. A form, export or feed is rendered on its first request.
    pub fn get(&self, path: &str) -> Option<Served> {
        let path = if path.is_empty() || path.ends_with('/') {
            format!("{path}index.html")
        } else {
            path.to_string()
        };
        if let Some(served) = self.files.get(&path) {
            return Some(served.clone());
        }
        if let Some(under) = &self.under {
            return under.get(&path);
        }
        let form = self.forms.get(&path)?;
        if let Some(served) = form.rendered.get() {
            return Some(served.clone());
        }
        let view = self.view.as_ref()?;
        let _one_at_a_time = self.form_lock.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(served) = form.rendered.get() {
            return Some(served.clone());
        }
        let bytes = if form.planned.kind == OutputKind::Form {
            let pdf = self
                .pdf
                .get_or_init(|| PdfForms::new(view).map_err(|e| e.message));
            pdf.as_ref().ok()?.render(view, &form.planned).ok()?
        } else {
            crate::render::render_detached(view, &form.planned)?.ok()?
        };
        Some(form.rendered.get_or_init(|| Served::new(bytes)).clone())
    }

    /// Every output path of the site (pages, theme files and forms), sorted.
    pub fn paths(&self) -> Vec<String> {
        let mut all: Vec<String> = self
            .files
            .keys()
            .chain(self.forms.keys())
            .cloned()
            .chain(self.under.iter().flat_map(|under| under.paths()))
            .collect();
        all.sort();
        all.dedup();
        all
    }
}

/// The site `carnet serve` shows, and what is needed to bring it up to date.
pub struct LiveSite {
    root: PathBuf,
    profile: Profile,
    today: NaiveDate,
    /// The last good version.
    published: Arc<Published>,
    /// How each page or theme file of it was planned (its inputs and
    /// context), by output path.
    planned: HashMap<String, Planned>,
    /// The fingerprints ([`Renderer::fingerprint`]) of its pages, by output
    /// path, as far as they were computed: each is that of the view its
    /// bytes were rendered from.
    fingerprints: HashMap<String, u64>,
    /// Files changed since the last good build (a bad version is skipped,
    /// but what changed in it must still be redone).
    pending: HashSet<String>,
    /// What the last rebuild parsed and checked, to reuse.
    cache: CheckCache,
}

impl LiveSite {
    /// A site for the kit at `root`, not yet built: call [`LiveSite::rebuild`]
    /// with no changed file to build it.
    pub fn new(root: PathBuf, profile: Profile, today: NaiveDate) -> LiveSite {
        crate::view::markdown_memo::enable();
        LiveSite {
            root,
            profile,
            today,
            published: Arc::new(Published::empty()),
            planned: HashMap::new(),
            fingerprints: HashMap::new(),
            pending: HashSet::new(),
            cache: CheckCache::default(),
        }
    }

    /// The last good version, to answer requests from while the next is built.
    pub fn published(&self) -> Arc<Published> {
        Arc::clone(&self.published)
    }

    /// Whether a good build has been made (something can be served).
    pub fn is_built(&self) -> bool {
        self.published.is_built()
    }

    /// [`Published::get`] on the last good version.
    pub fn get(&self, path: &str) -> Option<Served> {
        self.published.get(path)
    }

    /// [`Published::paths`] of the last good version.
    pub fn paths(&self) -> Vec<String> {
        self.published.paths()
    }

    /// Brings the site up to date after `changed` kit files (paths relative to
    /// the kit, with `/`) were written, created, deleted or renamed, on
    /// `today`. The first call (or a new day) builds everything. When the kit
    /// is invalid or a template fails, the last good site stays and the
    /// errors are returned.
    pub fn rebuild(&mut self, changed: &[String], today: NaiveDate) -> Rebuild {
        self.rebuild_in_phases(changed, today, |_, _| {})
    }

    /// [`LiveSite::rebuild`], in two phases when an edit of data or content
    /// changes both narrow and broad pages ([`broad`]): once the narrow ones
    /// are rendered (without fingerprints: they are few), `first` is given a
    /// version showing them beside the broad ones of the last version, and
    /// the pages that changed, to be served and announced while the broad
    /// ones are judged and rendered. That version is consistent page by page
    /// (each page whole, of the old or the new kit): what a browser would
    /// have been shown a moment earlier, with the edited record's pages
    /// already new; pages of deleted records go only with the complete
    /// version. Before that, the quick lane ([`super::quick`]) may give
    /// `first` the edited records' own pages, made from a small kit before
    /// the whole kit is loaded: `first` is called up to twice, each time
    /// with the pages changed since what it was last given. When this
    /// returns, the complete version is published.
    pub fn rebuild_in_phases(
        &mut self,
        changed: &[String],
        today: NaiveDate,
        mut first: impl FnMut(Arc<Published>, &[String]),
    ) -> Rebuild {
        let start = Instant::now();
        let mut timings = Timings::start();
        let mut report = Rebuild {
            changed_files: changed.to_vec(),
            ..Rebuild::default()
        };
        let clean = self.pending.is_empty();
        self.pending.extend(changed.iter().cloned());
        let everything = !self.published.is_built() || today != self.today;
        self.today = today;
        let mut announced = Announced::default();
        if clean && !everything {
            report.quick = self.quick_lane(today, start, &mut announced, &mut first, &mut timings);
            timings.stage("voie rapide");
        }
        let changed = if everything {
            Changed::All
        } else {
            Changed::Only(&self.pending)
        };
        let checked = check(&self.root, today, &mut self.cache, &changed, &mut timings);
        let (kit, diagnostics) = match checked {
            Ok(checked) => checked,
            Err(e) => {
                report.errors = Some(e.message);
                report.elapsed = start.elapsed();
                return report;
            }
        };
        let errors = diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count();
        report.warnings = diagnostics.len() - errors;
        if errors > 0 {
            let lang = kit.config.langue;
            report.errors = Some(
                diagnostics
                    .iter()
                    .filter(|d| d.severity == Severity::Error)
                    .map(|d| d.render_in(&kit.sources, lang))
                    .collect(),
            );
            report.elapsed = start.elapsed();
            return report;
        }
        // The forms' data and the rest of the view read only the kit: made
        // side by side, as crate::view_of makes them one after the other, and
        // joined the same way (crate::attach_forms).
        let previous = self.published.view.as_ref().filter(|_| !everything);
        let previous = previous.and_then(|view| {
            let changed = self.pending.iter().map(String::as_str);
            crate::view::reuse::Previous::new(view, &kit, self.profile, changed)
        });
        // Only a view made whole reads every text of the kit: sweeping the
        // Markdown memo after a view that reused fiches would forget theirs.
        let whole = previous.is_none();
        let ((mut view, view_took), (forms, forms_took)) = rayon::join(
            || {
                let start = Instant::now();
                let view = match &previous {
                    Some(previous) => crate::view::View::updated(&kit, self.profile, previous),
                    None => crate::view::View::new(&kit, self.profile),
                };
                (view, start.elapsed())
            },
            || {
                let start = Instant::now();
                let forms = match &previous {
                    Some(previous) => {
                        crate::view::forms::FormsView::updated(&kit, self.profile, previous)
                    }
                    None => crate::view::forms::FormsView::new(&kit, self.profile),
                };
                (forms, start.elapsed())
            },
        );
        crate::attach_forms(&mut view, forms);
        if whole {
            crate::view::markdown_memo::sweep();
        }
        timings.stage("vue et formulaires");
        timings.alongside("dont vue", view_took);
        timings.alongside("dont formulaires", forms_took);
        match self.render_changed(&view, everything, &mut timings, start, announced, first) {
            Ok(version) => {
                report.rendered = version.rendered;
                report.first = version.first;
                report.changed = version.changed;
                report.removed = version.removed;
                let new = Published {
                    view: Some(view),
                    files: version.files,
                    forms: version.forms,
                    ..Published::empty()
                };
                let old = std::mem::replace(&mut self.published, Arc::new(new));
                let replaced = version.replaced;
                self.pending.clear();
                report.elapsed = start.elapsed();
                timings.stage("publication");
                timings.print();
                // Freeing a 10,000-person kit and view takes longer than
                // rendering the few outputs an edit changes: it is done
                // after the site is up to date, off the path to the browser
                // (the old version itself lives on while a request uses it).
                std::thread::spawn(move || drop((kit, old, replaced)));
                return report;
            }
            Err(message) => report.errors = Some(message),
        }
        report.elapsed = start.elapsed();
        report
    }

    /// The quick lane ([`super::quick`]): when an edit of record files
    /// allows it, their pages are published over the last version and
    /// announced, before the whole kit is checked; `announced` says which,
    /// with their bytes. Returns their paths, sorted.
    fn quick_lane(
        &self,
        today: NaiveDate,
        start: Instant,
        announced: &mut Announced,
        first: &mut impl FnMut(Arc<Published>, &[String]),
        timings: &mut Timings,
    ) -> Vec<String> {
        let Some(view) = self.published.view.as_ref() else {
            return Vec::new();
        };
        let last = super::quick::Last {
            parsed: self.cache.parsed(),
            planned: &self.planned,
            view,
        };
        let Some(pages) = super::quick::pages(
            &self.root,
            self.profile,
            today,
            &last,
            &self.pending,
            timings,
        ) else {
            return Vec::new();
        };
        let old = &self.published.files;
        let files: HashMap<String, Served> = pages
            .into_iter()
            .filter(|(path, bytes)| old.get(path).is_none_or(|b| *b.bytes != **bytes))
            .map(|(path, bytes)| (path, Served::new(bytes)))
            .collect();
        if files.is_empty() {
            return Vec::new();
        }
        let mut changed: Vec<String> = files.keys().cloned().collect();
        changed.sort();
        announced.pages.clone_from(&files);
        announced.first = Some(start.elapsed());
        let version = Published {
            files,
            under: Some(Arc::clone(&self.published)),
            ..Published::empty()
        };
        first(Arc::new(version), &changed);
        changed
    }

    /// Plans every output of `view` and renders the pages and theme files
    /// that may have changed (every one when `everything`); the others are
    /// taken from the published version. A page whose inputs cover a
    /// pending change but whose fingerprint is that of the published page
    /// shows the same thing: its bytes are kept. Forms, exports and feeds
    /// are left to be rendered on request, keeping the bytes of those
    /// already asked for whose inputs did not change.
    ///
    /// In two phases when fingerprints are compared (an edit of data or
    /// content) and both narrow and broad pages may have changed: the narrow
    /// ones are rendered first and, when some changed, given to `first`
    /// over the published version (see [`LiveSite::rebuild_in_phases`]).
    fn render_changed(
        &mut self,
        view: &View,
        everything: bool,
        timings: &mut Timings,
        start: Instant,
        mut announced: Announced,
        mut first: impl FnMut(Arc<Published>, &[String]),
    ) -> Result<NextVersion, String> {
        use rayon::prelude::*;
        let renderers = crate::render::renderers(view).map_err(|e| e.message)?;
        timings.stage("moteurs");
        let planned = crate::plan::plan(view, &renderers).map_err(|e| e.message)?;
        timings.stage("plan");
        let old = Arc::clone(&self.published);
        let changes = ChangedFiles::new(self.pending.iter().map(String::as_str));
        // Fingerprints leave the templates out: they compare two views
        // rendered with the same ones. Every page shows carnet.yaml's title
        // and menu: after an edit of it, a fingerprint per page would cost
        // much and nearly always differ.
        let config = [Input::File(FileId::of("carnet.yaml"))];
        let compare = !everything && !changes.under("templates") && !changes.cover(&config);
        if !compare {
            self.fingerprints.clear();
        }
        // An output may change when a changed file is among its inputs of
        // this build or of the last one: a trainee who leaves a session is
        // no longer an input of its page, which must still drop them.
        let previous = &self.planned;
        let covered = |p: &Planned| {
            changes.cover(&p.inputs)
                || previous
                    .get(&p.path)
                    .is_some_and(|before| changes.cover(&before.inputs))
        };
        let mut on_request = Vec::new();
        let mut kept = Vec::new();
        let mut suspects = Vec::new();
        let mut to_render = Vec::new();
        let mut narrow = Vec::new();
        for p in planned {
            if lazy(p.kind) {
                on_request.push(p);
            } else if !everything && old.files.contains_key(&p.path) && !covered(&p) {
                kept.push(p);
            } else if compare && !broad(&p) {
                narrow.push(p);
            } else if compare && old.files.contains_key(&p.path) {
                suspects.push(p);
            } else {
                to_render.push(p);
            }
        }
        timings.stage("tri");
        let mut rendered = Vec::new();
        // The pages published early, to publish again as they are when
        // their bytes are the same.
        let mut early = announced.pages.clone();
        let broad_work = !suspects.is_empty() || !to_render.is_empty();
        if !narrow.is_empty() && broad_work {
            rendered = render_all(view, &renderers, std::mem::take(&mut narrow))?;
            let files: HashMap<String, Served> = rendered
                .iter()
                .filter(|(p, bytes)| old.files.get(&p.path).is_none_or(|b| *b.bytes != **bytes))
                .map(|(p, bytes)| {
                    let served = match announced.pages.get(&p.path) {
                        Some(quick) if *quick.bytes == **bytes => quick.clone(),
                        _ => Served::new(bytes.clone()),
                    };
                    (p.path.clone(), served)
                })
                .collect();
            timings.stage("rendu (1re phase)");
            // A browser holds the page last announced, or the published
            // one: it is told of each page whose shown bytes now differ.
            let mut changed: Vec<String> = rendered
                .iter()
                .filter_map(|(p, _)| {
                    let shown = files.get(&p.path).or_else(|| old.files.get(&p.path))?;
                    let held = announced
                        .pages
                        .get(&p.path)
                        .or_else(|| old.files.get(&p.path));
                    let same = held.is_some_and(|held| Arc::ptr_eq(&held.etag, &shown.etag));
                    (!same).then(|| p.path.clone())
                })
                .collect();
            if !changed.is_empty() {
                changed.sort();
                for path in &changed {
                    if let Some(shown) = files.get(path).or_else(|| old.files.get(path)) {
                        announced.pages.insert(path.clone(), shown.clone());
                    }
                }
                early.extend(
                    files
                        .iter()
                        .map(|(path, served)| (path.clone(), served.clone())),
                );
                let version = Published {
                    files,
                    under: Some(Arc::clone(&old)),
                    ..Published::empty()
                };
                first(Arc::new(version), &changed);
                announced.first.get_or_insert(start.elapsed());
            }
            timings.stage("publication (1re phase)");
        } else {
            to_render.append(&mut narrow);
        }
        let old_view = old.view.as_ref();
        let known = &self.fingerprints;
        let judged: Vec<(Planned, Option<u64>, bool)> = suspects
            .into_par_iter()
            .map(|p| {
                let renderer = &renderers[p.renderer];
                let now = renderer.fingerprint(view, &p);
                let before = || {
                    known.get(&p.path).copied().or_else(|| {
                        let before = previous.get(&p.path).filter(|b| b.renderer == p.renderer)?;
                        renderer.fingerprint(old_view?, before)
                    })
                };
                let same = now.is_some() && before() == now;
                (p, now, same)
            })
            .collect();
        let mut prints = Vec::new();
        for (p, now, same) in judged {
            prints.push((p.path.clone(), now));
            if same {
                kept.push(p)
            } else {
                to_render.push(p)
            }
        }
        timings.stage("empreintes");
        rendered.extend(render_all(view, &renderers, to_render)?);
        timings.stage(if everything { "rendu (tout)" } else { "rendu" });

        // Outputs of the published version no longer planned (a record
        // deleted or renamed). Every page kept was published; when as many
        // of this plan's outputs were published as there are published
        // ones, none is gone and nothing more needs looking up.
        let pages_present = kept.len()
            + rendered
                .iter()
                .filter(|(p, _)| old.files.contains_key(&p.path))
                .count();
        let forms_present = on_request
            .iter()
            .filter(|p| old.forms.contains_key(&p.path))
            .count();
        let mut removed = Vec::new();
        if pages_present < old.files.len() {
            let now: HashSet<&str> = kept
                .iter()
                .map(|p| p.path.as_str())
                .chain(rendered.iter().map(|(p, _)| p.path.as_str()))
                .collect();
            removed.extend(
                old.files
                    .keys()
                    .filter(|path| !now.contains(path.as_str()))
                    .cloned(),
            );
        }
        let pages_removed = removed.len();
        if forms_present < old.forms.len() {
            let now: HashSet<&str> = on_request.iter().map(|p| p.path.as_str()).collect();
            removed.extend(
                old.forms
                    .keys()
                    .filter(|path| !now.contains(path.as_str()))
                    .cloned(),
            );
        }

        // The published pages, patched: a copy of the table (no rehashing),
        // the pages whose bytes changed put in, the pages gone taken out.
        // The plan and the fingerprints are patched the same way, in place;
        // the plans replaced are freed off the path to the browser.
        let mut files = old.files.clone();
        let mut replaced = Vec::with_capacity(kept.len() + rendered.len() + removed.len());
        for path in &removed[..pages_removed] {
            files.remove(path);
            replaced.extend(self.planned.remove(path));
            self.fingerprints.remove(path);
        }
        let mut plan = |p: Planned, replaced: &mut Vec<Planned>| match self.planned.get_mut(&p.path)
        {
            Some(slot) => replaced.push(std::mem::replace(slot, p)),
            None => {
                self.planned.insert(p.path.clone(), p);
            }
        };
        for p in kept {
            plan(p, &mut replaced);
        }
        let count = rendered.len();
        let mut changed = Vec::new();
        let mut unjudged = Vec::new();
        for (p, bytes) in rendered {
            let same = old.files.get(&p.path).is_some_and(|b| *b.bytes == *bytes);
            if !same {
                changed.push(p.path.clone());
                let served = early
                    .remove(&p.path)
                    .filter(|served| *served.bytes == *bytes)
                    .unwrap_or_else(|| Served::new(bytes));
                files.insert(p.path.clone(), served);
            }
            unjudged.push(p.path.clone());
            plan(p, &mut replaced);
        }
        for path in unjudged {
            self.fingerprints.remove(&path);
        }
        for (path, now) in prints {
            match now {
                Some(now) => self.fingerprints.insert(path, now),
                None => self.fingerprints.remove(&path),
            };
        }
        let mut lazy: HashMap<String, Lazy> = on_request
            .into_iter()
            .map(|p| {
                let lazy = Lazy {
                    rendered: OnceLock::new(),
                    planned: p,
                };
                (lazy.planned.path.clone(), lazy)
            })
            .collect();
        // The few forms already asked for keep their bytes when no changed
        // file is among their inputs, of this build or of the last one.
        if !everything {
            for (path, before) in &old.forms {
                let Some(done) = before.rendered.get() else {
                    continue;
                };
                if let Some(now) = lazy.get_mut(path)
                    && !changes.cover(&now.planned.inputs)
                    && !changes.cover(&before.planned.inputs)
                {
                    let _ = now.rendered.set(done.clone());
                }
            }
        }
        // A page announced early is announced again when its bytes are not
        // those announced (the quick lane's page was not the whole kit's).
        let mut first_changed = Vec::new();
        for (path, served) in &announced.pages {
            match files.get(path) {
                Some(now) if Arc::ptr_eq(&now.etag, &served.etag) => {
                    first_changed.push(path.clone())
                }
                _ if !changed.contains(path) && !removed.contains(path) => {
                    changed.push(path.clone())
                }
                _ => {}
            }
        }
        first_changed.sort();
        let first_phase = announced.first.map(|elapsed| FirstPhase {
            changed: first_changed,
            elapsed,
        });
        removed.sort();
        changed.sort();
        Ok(NextVersion {
            first: first_phase,
            replaced,
            rendered: count,
            changed,
            removed,
            files,
            forms: lazy,
        })
    }
}

/// Renders `jobs` in parallel, each returned with its bytes.
fn render_all(
    view: &View,
    renderers: &[Box<dyn Renderer + '_>],
    jobs: Vec<Planned>,
) -> Result<Vec<(Planned, Vec<u8>)>, String> {
    use rayon::prelude::*;
    jobs.into_par_iter()
        .map(|planned| {
            let bytes = renderers[planned.renderer]
                .render(view, &planned)
                .map_err(|e| e.message)?;
            Ok((planned, bytes))
        })
        .collect()
}
