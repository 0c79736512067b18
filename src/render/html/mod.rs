//! The HTML site: templates (built-in, overridable by the kit's templates/),
//! the plan of pages with their inputs, and their rendering. Each kind of
//! page ([`Page`]) has one template and one type of `page` data, which the
//! [`contract`] check renders over a sample at `carnet check`.

mod context;
pub mod contract;
mod env;
mod menu;

use super::value::ser;
use crate::plan::{Input, OutputKind, Planned, RenderError, Renderer};
use crate::source::FileId;
use crate::view::convocation::ConvocationPage;
use crate::view::pages::{
    Accueil, ActiviteLigne, EvenementLigne, OperateurLigne, Parrainages, Personnes, Tableau,
    activites_lignes,
};
use crate::view::planning::Month;
use crate::view::planning_pages::{MoisPage, PlanningIndex};
use crate::view::procedures;
use crate::view::rapports::{RapportMois, Rapports};
use crate::view::sample::{minimal, sample};
use crate::view::{
    ActivityView, DirectoryRow, EventView, OperatorView, PageView, PersonView, View, urls,
};
use context::{PageContext, Shared};
use minijinja::{Environment, Value};
use schemars::JsonSchema;
use std::sync::Arc;

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
    /// planning/index.html
    PlanningIndex,
    /// A month of the planning, of everything or of one person (their index
    /// in the planning's people).
    PlanningMonth(Month, Option<usize>),
    /// A club's convocation page (internal profile).
    Convocation(usize),
    /// procedures/index.html: the reference by famille, acteur, document.
    Procedures,
    /// A procedure.
    Procedure(usize),
    /// A role: every step it performs.
    Acteur(usize),
    /// A catalogued document.
    Document(usize),
    /// documents/index.html: the files to download, by folder.
    Documents,
    /// sorties/index.html (internal profile of a PLIE).
    Sorties,
    /// rapports/index.html (internal profile only)
    Rapports,
    /// A month of the rapports (internal profile only).
    RapportMois(usize),
}

/// A sample of `T` as `page`: full (every option set, lists of one) or minimal.
fn samples<T: JsonSchema>(full: bool) -> serde_json::Value {
    if full { sample::<T>() } else { minimal::<T>() }
}

impl Page {
    /// One page of each kind, to check every template.
    pub const KINDS: [Page; 26] = [
        Page::Home,
        Page::People,
        Page::Person(0),
        Page::Sessions,
        Page::Session(0),
        Page::Clubs,
        Page::Club(0),
        Page::Events,
        Page::Event(0),
        Page::Operators,
        Page::Operator(0),
        Page::Mentorships,
        Page::Directory,
        Page::Dashboard,
        Page::FreePage(0),
        Page::PlanningIndex,
        Page::PlanningMonth(
            Month {
                year: 2026,
                month: 9,
            },
            None,
        ),
        Page::Convocation(0),
        Page::Procedures,
        Page::Procedure(0),
        Page::Acteur(0),
        Page::Document(0),
        Page::Documents,
        Page::Sorties,
        Page::Rapports,
        Page::RapportMois(0),
    ];

    /// The template that shows this kind of page.
    pub fn template(self) -> &'static str {
        match self {
            Page::Home => "home.html",
            Page::People => "personnes.html",
            Page::Person(_) => "personne.html",
            Page::Sessions => "sessions.html",
            Page::Clubs => "clubs.html",
            Page::Session(_) | Page::Club(_) => "activite.html",
            Page::Events => "evenements.html",
            Page::Event(_) => "evenement.html",
            Page::Operators => "operateurs.html",
            Page::Operator(_) => "operateur.html",
            Page::Mentorships => "parrainages.html",
            Page::Directory => "annuaire.html",
            Page::Dashboard => "tableau.html",
            Page::FreePage(_) => "page.html",
            Page::PlanningIndex => "planning.html",
            Page::PlanningMonth(..) => "planning-mois.html",
            Page::Convocation(_) => "convocation.html",
            Page::Procedures => "procedures.html",
            Page::Procedure(_) => "procedure.html",
            Page::Acteur(_) => "acteur.html",
            Page::Document(_) => "document.html",
            Page::Documents => "documents.html",
            Page::Sorties => "sorties.html",
            Page::Rapports => "rapports.html",
            Page::RapportMois(_) => "rapport-mois.html",
        }
    }

    /// A sample of what `page` holds on this kind of page, of the same type
    /// as [`Site::data`] gives it: full, or minimal (see [`crate::view::sample`]).
    pub fn sample(self, full: bool) -> serde_json::Value {
        match self {
            Page::Home => samples::<Accueil>(full),
            Page::People => samples::<Personnes>(full),
            Page::Person(_) => samples::<PersonView>(full),
            Page::Sessions | Page::Clubs => samples::<Vec<ActiviteLigne>>(full),
            Page::Session(_) | Page::Club(_) => samples::<ActivityView>(full),
            Page::Events => samples::<Vec<EvenementLigne>>(full),
            Page::Event(_) => samples::<EventView>(full),
            Page::Operators => samples::<Vec<OperateurLigne>>(full),
            Page::Operator(_) => samples::<OperatorView>(full),
            Page::Mentorships => samples::<Parrainages>(full),
            Page::Directory => samples::<Vec<DirectoryRow>>(full),
            Page::Dashboard => samples::<Tableau>(full),
            Page::FreePage(_) => samples::<PageView>(full),
            Page::PlanningIndex => samples::<PlanningIndex>(full),
            Page::PlanningMonth(..) => samples::<MoisPage>(full),
            Page::Convocation(_) => samples::<ConvocationPage>(full),
            Page::Procedures => samples::<procedures::ProceduresIndex>(full),
            Page::Procedure(_) => samples::<procedures::ProcedureView>(full),
            Page::Acteur(_) => samples::<procedures::ActeurView>(full),
            Page::Document(_) => samples::<procedures::DocumentView>(full),
            Page::Documents => samples::<Vec<procedures::Dossier>>(full),
            Page::Sorties => samples::<crate::view::plie::Sorties>(full),
            Page::Rapports => samples::<Rapports>(full),
            Page::RapportMois(_) => samples::<RapportMois>(full),
        }
    }
}

/// Compiled templates and the values shared by every page.
pub struct Site<'v> {
    view: &'v View,
    env: Environment<'static>,
    common: Arc<Shared>,
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

/// What every page of the procedure reference is made from: the procedures
/// (names and links cross them), the catalogue, the files to download (their
/// sizes) and the events (those that followed a procedure).
fn reference_inputs() -> Vec<Input> {
    vec![
        Input::Folder("content/procedures"),
        Input::File(FileId::of("data/documents.yaml")),
        Input::Folder("content/documents"),
        EVENTS,
    ]
}

/// The files, as inputs.
fn files(files: &[FileId]) -> impl Iterator<Item = Input> + '_ {
    files.iter().map(|&f| Input::File(f))
}

/// The files, as inputs, without repeats.
fn files_of<'a>(files: impl Iterator<Item = &'a FileId>) -> impl Iterator<Item = Input> {
    let set: std::collections::BTreeSet<FileId> = files.copied().collect();
    set.into_iter().map(Input::File)
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

/// The values every page receives besides its own: `site`, the labels `t`,
/// the site's pages `u`, `sans_exports` (true when the build leaves out
/// the spreadsheets and calendar feeds: the pages then link to neither) and
/// the function `menu(root, path)` (the menu, see [`menu`]).
fn common(site: Value, lang: crate::labels::Lang, sans_exports: bool) -> Arc<Shared> {
    let t = context::labels(&crate::labels::of(lang));
    let u = ser(urls::SITE_PAGES);
    Arc::new(Shared {
        menu: menu::Menu::value(&site, &t, &u),
        site,
        t,
        u,
        sans_exports: Value::from(sans_exports),
    })
}

/// The whole context of a page: `page` (what it shows), `path` (its own
/// path), `root` (the way back to the site's root), `formulaires` (links to
/// its PDF forms, or none), `exports` (links to its spreadsheets, or none)
/// and the [`common`] values.
fn page_context(
    common: &Arc<Shared>,
    path: &str,
    page: Value,
    formulaires: Value,
    exports: Value,
) -> Value {
    Value::from_object(PageContext {
        root: Value::from("../".repeat(path.matches('/').count())),
        page,
        path: Value::from(path),
        formulaires,
        exports,
        shared: common.clone(),
    })
}

/// Runs `$body` with `$data` bound to what `$page` holds on a page of `$v`
/// (the types [`Page::sample`] samples), typed: [`Site::data`] turns it into
/// a template value, [`Site::fingerprint`] hashes it without that copy.
macro_rules! with_page_data {
    ($v:expr, $page:expr, |$data:ident| $body:expr) => {
        match $page {
            Page::Home => {
                let $data = $v.accueil();
                $body
            }
            Page::People => {
                let $data = $v.personnes();
                $body
            }
            Page::Person(i) => {
                let $data = &$v.personnes[i];
                $body
            }
            Page::Sessions => {
                let $data = activites_lignes(&$v.sessions);
                $body
            }
            Page::Session(i) => {
                let $data = &$v.sessions[i];
                $body
            }
            Page::Clubs => {
                let $data = activites_lignes(&$v.clubs);
                $body
            }
            Page::Club(i) => {
                let $data = &$v.clubs[i];
                $body
            }
            Page::Events => {
                let $data = $v.evenements_lignes();
                $body
            }
            Page::Event(i) => {
                let $data = &$v.evenements[i];
                $body
            }
            Page::Operators => {
                let $data = $v.operateurs_lignes();
                $body
            }
            Page::Operator(i) => {
                let $data = &$v.operateurs[i];
                $body
            }
            Page::Mentorships => {
                let $data = $v.parrainages();
                $body
            }
            Page::Directory => {
                let $data = &$v.annuaire;
                $body
            }
            Page::Dashboard => {
                let $data = $v.tableau();
                $body
            }
            Page::FreePage(i) => {
                let $data = &$v.pages[i];
                $body
            }
            Page::PlanningIndex => {
                let $data = $v.planning_index();
                $body
            }
            Page::PlanningMonth(month, person) => {
                let $data = $v.planning_mois(month, person);
                $body
            }
            Page::Convocation(i) => {
                let $data = ConvocationPage::of(&$v.clubs[i]);
                $body
            }
            Page::Procedures => {
                let $data = &$v.reference.index;
                $body
            }
            Page::Procedure(i) => {
                let $data = &$v.reference.procedures[i];
                $body
            }
            Page::Acteur(i) => {
                let $data = &$v.reference.acteurs[i];
                $body
            }
            Page::Document(i) => {
                let $data = &$v.reference.documents[i];
                $body
            }
            Page::Documents => {
                let $data = &$v.reference.dossiers;
                $body
            }
            Page::Sorties => {
                let $data = &$v.sorties;
                $body
            }
            Page::Rapports => {
                let $data = &$v.rapports;
                $body
            }
            Page::RapportMois(i) => {
                let $data = &$v.rapports_mois[i].1;
                $body
            }
        }
    };
}

impl<'v> Site<'v> {
    /// Compiles the templates once.
    pub fn new(view: &'v View) -> Result<Site<'v>, RenderError> {
        let lang = view.site.langue;
        let mut env = env::environment(lang);
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
        let common = common(ser(&view.site), lang, view.exports.left_out);
        Ok(Site { view, env, common })
    }

    /// Every page of the site, with the inputs of what it shows.
    fn pages(&self) -> Vec<(String, Page, Vec<Input>)> {
        let v = self.view;
        let counted = |folder, people: &[FileId]| {
            std::iter::once(folder)
                .chain(files(people))
                .collect::<Vec<_>>()
        };
        let lists = [
            (urls::ACCUEIL, Page::Home, vec![Input::Kit]),
            (urls::PERSONNES, Page::People, vec![PEOPLE, SESSIONS, CLUBS]),
            (
                urls::SESSIONS,
                Page::Sessions,
                counted(SESSIONS, &v.list_inputs.sessions),
            ),
            (
                urls::CLUBS,
                Page::Clubs,
                counted(CLUBS, &v.list_inputs.clubs),
            ),
            (urls::EVENEMENTS, Page::Events, vec![EVENTS]),
            (urls::OPERATEURS, Page::Operators, vec![OPERATORS]),
            (urls::PARRAINAGES, Page::Mentorships, vec![PEOPLE]),
            (urls::ANNUAIRE, Page::Directory, vec![PEOPLE]),
            (urls::TABLEAU, Page::Dashboard, vec![Input::Kit]),
        ];
        let mut pages: Vec<(String, Page, Vec<Input>)> = lists
            .into_iter()
            .map(|(path, page, inputs)| (path.to_string(), page, inputs))
            .collect();
        let mut add = |url: &str, page, inputs| pages.push((url.to_string(), page, inputs));
        for (i, p) in v.personnes.iter().enumerate() {
            add(&p.url, Page::Person(i), files(&p.inputs).collect());
        }
        for (i, s) in v.sessions.iter().enumerate() {
            add(&s.url, Page::Session(i), files(&s.inputs).collect());
        }
        for (i, c) in v.clubs.iter().enumerate() {
            add(&c.url, Page::Club(i), files(&c.inputs).collect());
        }
        for (i, e) in v.evenements.iter().enumerate() {
            add(&e.url, Page::Event(i), files(&e.inputs).collect());
        }
        for (i, o) in v.operateurs.iter().enumerate() {
            add(&o.url, Page::Operator(i), files(&o.inputs).collect());
        }
        for (i, p) in v.pages.iter().enumerate() {
            add(&p.url, Page::FreePage(i), files(&p.inputs).collect());
        }
        let planning = &v.planning;
        let dated = [SESSIONS, CLUBS, EVENTS];
        let every_item = planning.items.iter().flat_map(|i| &i.inputs);
        add(
            urls::PLANNING,
            Page::PlanningIndex,
            dated.into_iter().chain(files_of(every_item)).collect(),
        );
        for (url, month, person) in v.planning_pages() {
            let only = person.map(|i| planning.personnes[i].items.as_slice());
            let shown = planning.of_month(month, only);
            let mut inputs: Vec<Input> = dated
                .into_iter()
                .chain(files_of(shown.iter().flat_map(|i| &i.inputs)))
                .collect();
            inputs.extend(person.map(|i| Input::File(planning.personnes[i].file)));
            add(&url, Page::PlanningMonth(month, person), inputs);
        }
        for (i, c) in v.clubs.iter().enumerate() {
            if let Some(url) = &c.convocation_url {
                add(url, Page::Convocation(i), files(&c.inputs).collect());
            }
        }
        let r = &v.reference;
        add(urls::PROCEDURES, Page::Procedures, reference_inputs());
        add(urls::DOCUMENTS, Page::Documents, reference_inputs());
        for (i, p) in r.procedures.iter().enumerate() {
            add(&p.url, Page::Procedure(i), reference_inputs());
        }
        for (i, a) in r.acteurs.iter().enumerate() {
            add(&a.url, Page::Acteur(i), reference_inputs());
        }
        for (i, d) in r.documents.iter().enumerate() {
            add(&d.url, Page::Document(i), reference_inputs());
        }
        if v.sorties.is_some() {
            let calendar = Input::File(crate::view::plie::calendar_file());
            add(
                urls::SORTIES,
                Page::Sorties,
                vec![PEOPLE, OPERATORS, calendar],
            );
        }
        if v.site.profile.internal() {
            // Ateliers and presences, events, mentorships and interviews.
            let counted = vec![SESSIONS, CLUBS, EVENTS, PEOPLE];
            add(urls::RAPPORTS, Page::Rapports, counted.clone());
            for (i, (url, _)) in v.rapports_mois.iter().enumerate() {
                add(url, Page::RapportMois(i), counted.clone());
            }
        }
        pages
    }

    /// What `page` holds on a page of `v`: the types [`Page::sample`] samples.
    fn data(v: &View, page: Page) -> Value {
        with_page_data!(v, page, |data| ser(data))
    }

    /// Renders one page.
    fn page(&self, path: &str, page: Page) -> Result<Vec<u8>, RenderError> {
        let template = self
            .env
            .get_template(page.template())
            .map_err(template_error)?;
        let ctx = page_context(
            &self.common,
            path,
            Self::data(self.view, page),
            ser(self.view.forms.links.get(path)),
            ser(self.view.exports.links.get(path)),
        );
        Ok(template.render(ctx).map_err(template_error)?.into_bytes())
    }
}

impl Renderer for Site<'_> {
    fn plan(&self, _: &View) -> Vec<Planned> {
        self.pages()
            .into_iter()
            .map(|(path, page, mut inputs)| {
                inputs.extend(EVERY_PAGE);
                // The menu links to the sorties page when the calendar exists.
                inputs.push(Input::File(crate::view::plie::calendar_file()));
                Planned::new(path, OutputKind::Page, inputs, page)
            })
            .collect()
    }

    fn render(&self, _: &View, planned: &Planned) -> Result<Vec<u8>, RenderError> {
        self.page(&planned.path, *planned.context::<Page>()?)
    }

    /// Everything [`Site::page`] gives the template besides the templates
    /// themselves: the page's data, its path, its links to forms and
    /// exports, and the site's values (title, menu, language of the labels).
    /// None for the pages that list every person or every warning: hashing
    /// them costs about as much as rendering them, and an edit of a person
    /// changes them nearly always.
    fn fingerprint(&self, view: &View, planned: &Planned) -> Option<u64> {
        let page = *planned.context::<Page>().ok()?;
        if matches!(page, Page::People | Page::Directory | Page::Dashboard) {
            return None;
        }
        let path = planned.path.as_str();
        with_page_data!(view, page, |data| crate::plan::fingerprint_of(&(
            &view.site,
            path,
            data,
            view.forms.links.get(path),
            view.exports.links.get(path),
        )))
    }

    fn describe(&self, planned: &Planned) -> String {
        match planned.context::<Page>() {
            Ok(page) => format!("la page {page:?} (gabarit {})", page.template()),
            Err(_) => format!("la page {}", planned.path),
        }
    }
}
