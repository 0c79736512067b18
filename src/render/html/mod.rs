//! The HTML site: templates (built-in, overridable by the kit's templates/),
//! the theme's static files, the plan of pages and their rendering.

pub mod labels;

use super::{Input, Output, RenderError};
use crate::embedded;
use crate::source::Sources;
use crate::view::View;
use minijinja::{Environment, UndefinedBehavior, Value, context};
use std::collections::BTreeMap;

/// Templates and theme files for one build: the built-in ones, with the kit's
/// files of the same name in their place. Taken from what the load stage
/// read: this module reads no file.
#[derive(Debug, Default)]
pub struct Assets {
    /// (name, source, overridden by the kit)
    pub templates: Vec<(String, String, bool)>,
    /// (path under theme/, bytes)
    pub theme: Vec<(String, Vec<u8>)>,
}

impl Assets {
    /// The built-in templates and theme, with the kit's files loaded by the
    /// load stage in their place: `templates/<name>.html` replaces the
    /// built-in template of that name (or adds one), `themes/<theme>/<path>`
    /// replaces the built-in `theme/<path>` (or adds one).
    pub fn from_sources(sources: &Sources, theme: &str) -> Assets {
        let mut templates: BTreeMap<String, (String, bool)> = embedded::files(&embedded::TEMPLATES)
            .into_iter()
            .filter_map(|(path, bytes)| {
                let name = path.to_str()?.to_string();
                let text = String::from_utf8_lossy(bytes).into_owned();
                name.ends_with(".html").then_some((name, (text, false)))
            })
            .collect();
        let mut files: BTreeMap<String, Vec<u8>> = embedded::files(&embedded::THEMES)
            .into_iter()
            .filter_map(|(path, bytes)| {
                let name = path.strip_prefix("default").ok()?.to_str()?;
                Some((name.replace('\\', "/"), bytes.to_vec()))
            })
            .collect();
        let theme_prefix = format!("themes/{theme}/");
        for (_, file) in sources.iter() {
            let Some(bytes) = file.bytes() else {
                continue;
            };
            if let Some(name) = file.path.strip_prefix("templates/")
                && name.ends_with(".html")
                && !name.contains('/')
            {
                templates.insert(name.to_string(), (file.text.clone(), true));
            } else if let Some(name) = file.path.strip_prefix(&theme_prefix) {
                files.insert(name.to_string(), bytes.to_vec());
            }
        }
        Assets {
            templates: templates
                .into_iter()
                .map(|(name, (text, kit))| (name, text, kit))
                .collect(),
            theme: files.into_iter().collect(),
        }
    }
}

/// What a page shows.
#[derive(Clone, Copy, Debug)]
pub enum Page {
    /// index.html
    Home,
    /// personnes/index.html
    People,
    /// A person's fiche.
    Person(usize),
    /// sessions/index.html
    Sessions,
    /// A session.
    Session(usize),
    /// clubs/index.html
    Clubs,
    /// A club.
    Club(usize),
    /// evenements/index.html
    Events,
    /// An event.
    Event(usize),
    /// operateurs/index.html
    Operators,
    /// An operator.
    Operator(usize),
    /// parrainages/index.html
    Mentorships,
    /// annuaire/index.html
    Directory,
    /// tableau-de-bord/index.html
    Dashboard,
    /// A free page.
    FreePage(usize),
}

/// One page to render.
#[derive(Debug)]
pub struct Job {
    /// Output path.
    pub path: String,
    /// Template name.
    pub template: &'static str,
    /// What it shows.
    pub page: Page,
    /// What it was made from.
    pub inputs: Vec<Input>,
}

/// Compiled templates and the values shared by every page.
pub struct Site<'v> {
    view: &'v View,
    env: Environment<'static>,
    theme: Vec<(String, Vec<u8>)>,
    common: Value,
}

fn template_error(e: minijinja::Error) -> RenderError {
    let mut message = e.to_string();
    let mut source = std::error::Error::source(&e);
    while let Some(inner) = source {
        message.push_str(&format!("\n  cause : {inner}"));
        source = inner.source();
    }
    RenderError {
        message: format!("gabarit invalide : {message}"),
    }
}

/// Writes a value into HTML: text is escaped (`& < > " '`), values marked
/// safe (the sanitised Markdown) are written as they are. Unlike the default,
/// `/` is left alone, so that relative links stay readable (`../personnes/x.html`).
fn html_formatter(
    out: &mut minijinja::Output,
    state: &mut minijinja::State,
    value: &Value,
) -> Result<(), minijinja::Error> {
    match value.as_str() {
        Some(text) if !value.is_safe() && *state.auto_escape() == minijinja::AutoEscape::Html => {
            write_escaped_html(out, text).map_err(|e| {
                minijinja::Error::new(minijinja::ErrorKind::WriteFailure, e.to_string())
            })
        }
        _ => minijinja::escape_formatter(out, state, value),
    }
}

fn write_escaped_html(out: &mut impl std::fmt::Write, text: &str) -> std::fmt::Result {
    let mut last = 0;
    for (i, b) in text.bytes().enumerate() {
        let entity = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#x27;",
            _ => continue,
        };
        out.write_str(&text[last..i])?;
        out.write_str(entity)?;
        last = i + 1;
    }
    out.write_str(&text[last..])
}

/// `2026-09-14` → `14/09/2026` (French) or unchanged (English).
fn format_date(lang: crate::config::Lang, iso: &str) -> String {
    match lang {
        crate::config::Lang::Fr if iso.len() == 10 && iso.is_ascii() => {
            format!("{}/{}/{}", &iso[8..10], &iso[5..7], &iso[..4])
        }
        _ => iso.to_string(),
    }
}

/// `2026-09-14` → `14/09` (French) or `14 Sep` (English), for narrow columns.
fn format_short_date(lang: crate::config::Lang, iso: &str) -> String {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let Ok(date) = chrono::NaiveDate::parse_from_str(iso, "%Y-%m-%d") else {
        return iso.to_string();
    };
    use chrono::Datelike;
    match lang {
        crate::config::Lang::Fr => format!("{:02}/{:02}", date.day(), date.month()),
        crate::config::Lang::En => {
            format!("{} {}", date.day(), MONTHS[date.month0() as usize])
        }
    }
}

impl<'v> Site<'v> {
    /// Compiles the templates once.
    pub fn new(view: &'v View, assets: &Assets) -> Result<Site<'v>, RenderError> {
        let mut env = Environment::new();
        env.set_undefined_behavior(UndefinedBehavior::SemiStrict);
        env.set_auto_escape_callback(|_| minijinja::AutoEscape::Html);
        env.set_formatter(html_formatter);
        let lang = view.site.langue;
        env.add_filter("date", move |iso: String| format_date(lang, &iso));
        env.add_filter("jour", move |iso: String| format_short_date(lang, &iso));
        for (name, source, overridden) in &assets.templates {
            env.add_template_owned(name.clone(), source.clone())
                .map_err(|e| {
                    let origin = if *overridden {
                        "templates/ du kit"
                    } else {
                        "intégré"
                    };
                    let mut err = template_error(e);
                    err.message = format!("{} ({origin} : {name})", err.message);
                    err
                })?;
        }
        let common = context! {
            site => ser(&view.site),
            t => labels::labels(lang),
        };
        Ok(Site {
            view,
            env,
            theme: assets.theme.clone(),
            common,
        })
    }

    /// Every page of the site, with its inputs.
    pub fn plan(&self) -> Vec<Job> {
        let v = self.view;
        let all = || vec![Input::AllRecords];
        let files =
            |f: &[crate::source::FileId]| f.iter().map(|&f| Input::File(f)).collect::<Vec<_>>();
        let mut jobs = vec![
            job("index.html", "home.html", Page::Home, all()),
            job(
                "personnes/index.html",
                "personnes.html",
                Page::People,
                all(),
            ),
            job(
                "sessions/index.html",
                "sessions.html",
                Page::Sessions,
                all(),
            ),
            job("clubs/index.html", "clubs.html", Page::Clubs, all()),
            job(
                "evenements/index.html",
                "evenements.html",
                Page::Events,
                all(),
            ),
            job(
                "operateurs/index.html",
                "operateurs.html",
                Page::Operators,
                all(),
            ),
            job(
                "parrainages/index.html",
                "parrainages.html",
                Page::Mentorships,
                all(),
            ),
            job(
                "annuaire/index.html",
                "annuaire.html",
                Page::Directory,
                all(),
            ),
            job(
                "tableau-de-bord/index.html",
                "tableau.html",
                Page::Dashboard,
                all(),
            ),
        ];
        jobs.extend(
            v.personnes
                .iter()
                .enumerate()
                .map(|(i, p)| job(&p.url, "personne.html", Page::Person(i), files(&p.inputs))),
        );
        jobs.extend(
            v.sessions
                .iter()
                .enumerate()
                .map(|(i, s)| job(&s.url, "activite.html", Page::Session(i), files(&s.inputs))),
        );
        jobs.extend(
            v.clubs
                .iter()
                .enumerate()
                .map(|(i, s)| job(&s.url, "activite.html", Page::Club(i), files(&s.inputs))),
        );
        jobs.extend(
            v.evenements
                .iter()
                .enumerate()
                .map(|(i, e)| job(&e.url, "evenement.html", Page::Event(i), files(&e.inputs))),
        );
        jobs.extend(v.operateurs.iter().enumerate().map(|(i, o)| {
            job(
                &o.url,
                "operateur.html",
                Page::Operator(i),
                files(&o.inputs),
            )
        }));
        jobs.extend(
            v.pages
                .iter()
                .enumerate()
                .map(|(i, p)| job(&p.url, "page.html", Page::FreePage(i), files(&p.inputs))),
        );
        jobs
    }

    fn data(&self, page: Page) -> Value {
        let v = self.view;
        match page {
            Page::Home => ser(context_home(v)),
            Page::People => ser(people_list(v)),
            Page::Person(i) => ser(&v.personnes[i]),
            Page::Sessions => ser(activity_list(&v.sessions)),
            Page::Session(i) => ser(&v.sessions[i]),
            Page::Clubs => ser(activity_list(&v.clubs)),
            Page::Club(i) => ser(&v.clubs[i]),
            Page::Events => ser(v
                .evenements
                .iter()
                .map(|e| (&e.date, &e.titre, &e.url, &e.type_evenement))
                .collect::<Vec<_>>()),
            Page::Event(i) => ser(&v.evenements[i]),
            Page::Operators => ser(v
                .operateurs
                .iter()
                .map(|o| (&o.nom, &o.url, &o.type_operateur))
                .collect::<Vec<_>>()),
            Page::Operator(i) => ser(&v.operateurs[i]),
            Page::Mentorships => ser(context! {
                en_cours => ser(&v.parrainages_en_cours),
                termines => ser(&v.parrainages_termines),
            }),
            Page::Directory => ser(&v.annuaire),
            Page::Dashboard => ser(context! {
                todos => ser(&v.todos),
                warnings => ser(&v.warnings),
                counts => ser(&v.counts),
            }),
            Page::FreePage(i) => ser(&v.pages[i]),
        }
    }

    /// Renders one page.
    pub fn render(&self, job: &Job) -> Result<Output, RenderError> {
        let template = self
            .env
            .get_template(job.template)
            .map_err(template_error)?;
        let depth = job.path.matches('/').count();
        let root = "../".repeat(depth);
        let ctx = context! {
            root => root,
            page => self.data(job.page),
            path => &job.path,
            formulaires => ser(self.view.forms.links.get(&job.path)),
            ..self.common.clone()
        };
        let html = template.render(ctx).map_err(template_error)?;
        let mut inputs = job.inputs.clone();
        inputs.push(Input::Template(job.template.to_string()));
        inputs.push(Input::Template("base.html".into()));
        Ok(Output {
            path: job.path.clone(),
            inputs,
            bytes: html.into_bytes(),
        })
    }

    /// The theme's files (CSS, images) under theme/.
    pub fn static_files(&self) -> Vec<Output> {
        self.theme
            .iter()
            .map(|(name, bytes)| Output {
                path: format!("theme/{name}"),
                inputs: vec![Input::Template(format!("theme/{name}"))],
                bytes: bytes.clone(),
            })
            .collect()
    }
}

fn job(path: &str, template: &'static str, page: Page, inputs: Vec<Input>) -> Job {
    Job {
        path: path.to_string(),
        template,
        page,
        inputs,
    }
}

fn context_home(v: &View) -> Value {
    context! {
        agenda => ser(&v.agenda),
        counts => ser(&v.counts),
        pages => ser(v.pages.iter().map(|p| (&p.titre, &p.url)).collect::<Vec<_>>()),
        vierges => ser(&v.forms.blank),
    }
}

fn people_list(v: &View) -> Value {
    ser(v
        .personnes
        .iter()
        .map(|p| context! { nom => &p.nom, prenom => &p.prenom, url => &p.url, roles => &p.roles })
        .collect::<Vec<_>>())
}

fn activity_list(list: &[crate::view::ActivityView]) -> Value {
    ser(
        list.iter()
            .map(|a| context! { titre => &a.titre, url => &a.url, debut => &a.debut, fin => &a.fin, inscrits => a.inscrits.len(), ateliers => a.ateliers.len() })
            .collect::<Vec<_>>(),
    )
}

/// Converts serializable data into a template value.
pub(crate) fn ser<T: serde::Serialize>(value: T) -> Value {
    Value::from(minijinja::value::Serde(value))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_text_is_escaped_but_slashes_are_kept() {
        let mut out = String::new();
        write_escaped_html(&mut out, "a/b <i>\"x\" & 'y'</i>").unwrap();
        assert_eq!(
            out,
            "a/b &lt;i&gt;&quot;x&quot; &amp; &#x27;y&#x27;&lt;/i&gt;"
        );
    }

    #[test]
    fn dates_in_both_languages() {
        use crate::config::Lang;
        assert_eq!(format_date(Lang::Fr, "2026-09-04"), "04/09/2026");
        assert_eq!(format_date(Lang::En, "2026-09-04"), "2026-09-04");
        assert_eq!(format_short_date(Lang::Fr, "2026-09-04"), "04/09");
        assert_eq!(format_short_date(Lang::En, "2026-09-04"), "4 Sep");
        assert_eq!(format_short_date(Lang::Fr, "bientôt"), "bientôt");
        assert_eq!(format_date(Lang::Fr, "é2026-09-0"), "é2026-09-0");
    }
}
