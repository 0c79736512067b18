//! The HTML site: templates (built-in, overridable by the kit's templates/),
//! the plan of pages with their inputs, and their rendering.

pub mod labels;

use crate::plan::{Input, OutputKind, Planned, RenderError, Renderer};
use crate::source::FileId;
use crate::view::View;
use minijinja::{Environment, UndefinedBehavior, Value, context};

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

/// One page to render: its template and what it shows.
#[derive(Debug)]
struct PageJob {
    template: &'static str,
    page: Page,
}

/// Compiled templates and the values shared by every page.
pub struct Site<'v> {
    view: &'v View,
    env: Environment<'static>,
    common: Value,
}

/// What every page depends on besides its records: the templates (a kit
/// template may include any other; the form layouts under templates/forms/
/// name the links to the forms) and the free pages that make the menu.
const EVERY_PAGE: [Input; 2] = [Input::Folder("templates"), Input::Folder("content/pages")];

/// The folders of each kind of record, for the lists that show every record
/// of their kind (and no other kind: a list of sessions counts the people
/// enrolled, by their files, not the folder of every person).
const PEOPLE: Input = Input::Folder("data/personnes");
const SESSIONS: Input = Input::Folder("data/sessions");
const CLUBS: Input = Input::Folder("data/clubs");
const EVENTS: Input = Input::Folder("data/evenements");
const OPERATORS: Input = Input::Folder("data/operateurs");

/// The files, as inputs.
fn files(files: &[FileId]) -> impl Iterator<Item = Input> + '_ {
    files.iter().map(|&f| Input::File(f))
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
    pub fn new(view: &'v View) -> Result<Site<'v>, RenderError> {
        let mut env = Environment::new();
        env.set_undefined_behavior(UndefinedBehavior::SemiStrict);
        env.set_auto_escape_callback(|_| minijinja::AutoEscape::Html);
        env.set_formatter(html_formatter);
        let lang = view.site.langue;
        env.add_filter("date", move |iso: String| format_date(lang, &iso));
        env.add_filter("jour", move |iso: String| format_short_date(lang, &iso));
        for template in &view.assets.templates {
            let name = &template.name;
            env.add_template_owned(name.clone(), template.source.clone())
                .map_err(|e| {
                    let origin = if template.from_kit {
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
        Ok(Site { view, env, common })
    }

    /// Every page of the site, with the inputs of what it shows.
    fn pages(&self) -> Vec<(String, PageJob, Vec<Input>)> {
        let v = self.view;
        let counted =
            |folder, people: &[FileId]| std::iter::once(folder).chain(files(people)).collect();
        let lists = [
            ("index.html", "home.html", Page::Home, vec![Input::Kit]),
            (
                "personnes/index.html",
                "personnes.html",
                Page::People,
                vec![PEOPLE],
            ),
            (
                "sessions/index.html",
                "sessions.html",
                Page::Sessions,
                counted(SESSIONS, &v.list_inputs.sessions),
            ),
            (
                "clubs/index.html",
                "clubs.html",
                Page::Clubs,
                counted(CLUBS, &v.list_inputs.clubs),
            ),
            (
                "evenements/index.html",
                "evenements.html",
                Page::Events,
                vec![EVENTS],
            ),
            (
                "operateurs/index.html",
                "operateurs.html",
                Page::Operators,
                vec![OPERATORS],
            ),
            (
                "parrainages/index.html",
                "parrainages.html",
                Page::Mentorships,
                vec![PEOPLE],
            ),
            (
                "annuaire/index.html",
                "annuaire.html",
                Page::Directory,
                vec![PEOPLE],
            ),
            (
                "tableau-de-bord/index.html",
                "tableau.html",
                Page::Dashboard,
                vec![Input::Kit],
            ),
        ];
        let files = |f: &[FileId]| files(f).collect();
        let mut pages: Vec<(String, PageJob, Vec<Input>)> = lists
            .into_iter()
            .map(|(path, template, page, inputs)| {
                (path.to_string(), PageJob { template, page }, inputs)
            })
            .collect();
        let mut add = |url: &str, template, page, inputs| {
            pages.push((url.to_string(), PageJob { template, page }, inputs));
        };
        for (i, p) in v.personnes.iter().enumerate() {
            add(&p.url, "personne.html", Page::Person(i), files(&p.inputs));
        }
        for (i, s) in v.sessions.iter().enumerate() {
            add(&s.url, "activite.html", Page::Session(i), files(&s.inputs));
        }
        for (i, c) in v.clubs.iter().enumerate() {
            add(&c.url, "activite.html", Page::Club(i), files(&c.inputs));
        }
        for (i, e) in v.evenements.iter().enumerate() {
            add(&e.url, "evenement.html", Page::Event(i), files(&e.inputs));
        }
        for (i, o) in v.operateurs.iter().enumerate() {
            add(
                &o.url,
                "operateur.html",
                Page::Operator(i),
                files(&o.inputs),
            );
        }
        for (i, p) in v.pages.iter().enumerate() {
            add(&p.url, "page.html", Page::FreePage(i), files(&p.inputs));
        }
        pages
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
    fn page(&self, path: &str, job: &PageJob) -> Result<Vec<u8>, RenderError> {
        let template = self
            .env
            .get_template(job.template)
            .map_err(template_error)?;
        let depth = path.matches('/').count();
        let root = "../".repeat(depth);
        let ctx = context! {
            root => root,
            page => self.data(job.page),
            path => path,
            formulaires => ser(self.view.forms.links.get(path)),
            ..self.common.clone()
        };
        Ok(template.render(ctx).map_err(template_error)?.into_bytes())
    }
}

impl Renderer for Site<'_> {
    fn plan(&self, _: &View) -> Vec<Planned> {
        self.pages()
            .into_iter()
            .map(|(path, job, mut inputs)| {
                inputs.extend(EVERY_PAGE);
                Planned::new(path, OutputKind::Page, inputs, job)
            })
            .collect()
    }

    fn render(&self, _: &View, planned: &Planned) -> Result<Vec<u8>, RenderError> {
        self.page(&planned.path, planned.context::<PageJob>()?)
    }

    fn describe(&self, planned: &Planned) -> String {
        match planned.context::<PageJob>() {
            Ok(job) => format!("la page {:?} (gabarit {})", job.page, job.template),
            Err(_) => format!("la page {}", planned.path),
        }
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
