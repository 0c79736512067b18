//! Forms: a checked layout (templates/forms/*.yaml) filled with a form's data
//! becomes a typeset document, then PDF bytes. Placeholders are minijinja
//! templates rendered without HTML escaping: the text goes through the PDF
//! text API only, never into PDF operators. A filled form's placeholders are
//! rendered strictly: `carnet check` has checked them against the type of
//! their data ([`crate::view::form_contract`]), so a value they name is there.
//! Dates are printed in the kit's language ([`super::dates`]).
//!
//! A blank form is the same layout filled with data that has `vierge: true`
//! and no record, rendered leniently: a placeholder without a value prints
//! as dots, a field whose
//! value is made only of placeholders becomes a line to write on, the title
//! falls back to the layout's short name, and the main table filled from data
//! gets as many blank rows as its last page holds.
//!
//! An attendance sheet's table of people gets likewise the blank rows its
//! last page holds, at least [`SHEET_MIN_ROWS`] (the layout's `lignes_vides`
//! is the most it starts with), and when that still takes one more page its
//! rows are made lower, down to [`SHEET_MIN_ROW_MM`], if that saves the page:
//! a sheet never takes one more page only for blank rows or for the visa
//! block that follows its table.

use super::dates::DateFields;
use super::typeset::{self, Block, Column, Document, Field, Header, Orientation, Table};
use crate::form_layout::{BlockKind, DataPath, FormLayout, LayoutColumn, LayoutTable, Target, Tpl};
use crate::labels::Lang;
use crate::render::RenderError;
use crate::render::value::ser;
use crate::view::forms::FormData;
use minijinja::{Environment, UndefinedBehavior, Value, context};
use serde_json::Value as Json;

/// Images and settings the forms share, decoded once.
pub struct FormAssets {
    /// Organisation name (page header).
    pub organisation: String,
    /// Logo (page header).
    pub logo: Option<typeset::Image>,
    /// Funders' logos.
    pub funder_logos: Vec<typeset::Image>,
    /// Funders' mentions, one paragraph each.
    pub funder_text: String,
    /// Attendance sheets with a column per half-day.
    pub half_days: bool,
    /// Language of the words carnet adds (Matin / Après-midi).
    pub lang: Lang,
    /// Size of a label of a sheet of labels (mm): width, height.
    pub label_mm: (f32, f32),
}

/// What a placeholder without a value prints on a blank form.
const FILL: &str = "…………………";

/// Blank rows every table filled from data gets on a blank form, at least.
const BLANK_MIN_ROWS: usize = 3;

/// Blank rows an attendance sheet keeps for walk-ins, at least (fewer if
/// its layout asks for fewer).
const SHEET_MIN_ROWS: usize = 2;

/// An attendance sheet's rows are made at most this low (mm) to save a page:
/// still room for a signature.
const SHEET_MIN_ROW_MM: f32 = 8.0;

/// At most this many more blank rows fill the page of a form's main table.
const BLANK_FILL_MAX: usize = 40;

/// The compiled placeholders of every layout.
pub struct Forms {
    /// For filled forms: a value a placeholder names must exist.
    strict: Environment<'static>,
    /// For blank forms: a missing value prints as dots.
    lenient: Environment<'static>,
    /// Template name → `file:line:column` of the placeholder in its layout.
    places: std::collections::HashMap<String, String>,
    /// Which values of each target's data are dates.
    dates: DateFields,
}

/// The placeholders of one form, rendered in one environment.
struct Filler<'a> {
    env: &'a Environment<'static>,
    places: &'a std::collections::HashMap<String, String>,
}

fn name(tpl: &Tpl) -> String {
    format!("{:?}:{}", tpl.span.file, tpl.span.start)
}

/// `text` with what the font cannot draw replaced by its transliteration
/// ([`crate::glyphs::printable`]): a name in another script identifies its
/// row instead of printing as empty boxes.
fn printable(text: String) -> String {
    match crate::glyphs::printable(&text) {
        std::borrow::Cow::Borrowed(_) => text,
        std::borrow::Cow::Owned(latin) => latin,
    }
}

/// Looks up a dotted path in the data.
fn lookup<'a>(data: &'a Json, path: &DataPath) -> Option<&'a Json> {
    path.path.split('.').try_fold(data, |v, key| v.get(key))
}

/// An environment for placeholders: no HTML escaping, and a missing value or
/// `none` printed as nothing (the word `none` never), or on a blank form as
/// dots to fill by hand.
fn environment(undefined: UndefinedBehavior) -> Environment<'static> {
    let mut env = Environment::new();
    env.set_undefined_behavior(undefined);
    env.set_auto_escape_callback(|_| minijinja::AutoEscape::None);
    env.set_formatter(|out, state, value| {
        if value.is_undefined() || value.is_none() {
            if state.lookup("vierge").is_some_and(|v| v.is_true()) {
                out.write_str(FILL)?;
            }
            return Ok(());
        }
        minijinja::escape_formatter(out, state, value)
    });
    env
}

fn non_empty(v: Option<&Json>) -> bool {
    match v {
        None | Some(Json::Null) => false,
        Some(Json::Bool(b)) => *b,
        Some(Json::String(s)) => !s.trim().is_empty(),
        Some(Json::Array(a)) => !a.is_empty(),
        Some(Json::Object(o)) => !o.is_empty(),
        Some(Json::Number(n)) => n.as_f64() != Some(0.0),
    }
}

impl Forms {
    /// Compiles the placeholders of every layout once, for dates in `lang`.
    /// `places` gives the `file:line:column` of each placeholder, for messages.
    pub fn new(
        layouts: &[FormLayout],
        places: &std::collections::HashMap<crate::source::Span, String>,
        lang: Lang,
    ) -> Result<Forms, RenderError> {
        let mut strict = environment(UndefinedBehavior::Strict);
        let mut lenient = environment(UndefinedBehavior::Chainable);
        let mut failure = None;
        let mut named = std::collections::HashMap::new();
        for t in layouts.iter().flat_map(FormLayout::placeholders) {
            let place = places.get(&t.span).cloned().unwrap_or_default();
            for env in [&mut strict, &mut lenient] {
                if let Err(e) = env.add_template_owned(name(t), t.source.clone()) {
                    failure.get_or_insert((place.clone(), e));
                }
            }
            named.insert(name(t), place);
        }
        let targets = layouts.iter().map(|l| l.target).chain([Target::Vierge]);
        match failure {
            Some((place, e)) => Err(RenderError {
                message: format!("{place} : {e}"),
            }),
            None => Ok(Forms {
                strict,
                lenient,
                places: named,
                dates: DateFields::new(targets, lang),
            }),
        }
    }
}

impl Filler<'_> {
    /// A sheet of labels: the text of each element of its list, seen as
    /// `etiquette`; on a blank form (no list), one sheet of labels to fill by hand.
    fn labels(
        &self,
        labels: &crate::form_layout::LayoutLabels,
        data: &Json,
        ctx: &Value,
        assets: &FormAssets,
    ) -> Result<typeset::LabelSheet, RenderError> {
        let (width_mm, height_mm) = assets.label_mm;
        let mut sheet = typeset::LabelSheet {
            width_mm,
            height_mm,
            cells: Vec::new(),
        };
        match lookup(data, &labels.list).and_then(Json::as_array) {
            Some(items) => {
                for item in items {
                    let cell = context! { etiquette => ser(item), ..ctx.clone() };
                    sheet.cells.push(self.text(&labels.texte, &cell)?);
                }
            }
            None => {
                let text = self.text(&labels.texte, ctx)?;
                sheet.cells = vec![text; typeset::labels_per_sheet(&sheet)];
            }
        }
        Ok(sheet)
    }

    /// The text of a placeholder for `ctx`, as the font can print it.
    fn text(&self, tpl: &Tpl, ctx: &Value) -> Result<String, RenderError> {
        self.env
            .get_template(&name(tpl))
            .and_then(|t| t.render(ctx))
            .map(printable)
            .map_err(|e| RenderError {
                message: format!(
                    "{} : {}",
                    self.places
                        .get(&name(tpl))
                        .map_or("formulaire", String::as_str),
                    e.detail().unwrap_or(&e.to_string())
                ),
            })
    }
}

impl Forms {
    /// Fills `layout` with `form`'s data (the blank forms' data: the blank
    /// form) and typesets it.
    pub fn render(
        &self,
        layout: &FormLayout,
        form: &FormData,
        assets: &FormAssets,
    ) -> Result<Vec<u8>, RenderError> {
        let mut data = serde_json::to_value(&form.context).map_err(|e| RenderError {
            message: format!("formulaire {} : {e}", layout.id),
        })?;
        self.dates.format(form.target, &mut data);
        let data = &data;
        let ctx = ser(data);
        let blank = form.target == Target::Vierge;
        let sheet = matches!(form.target, Target::SessionCycle | Target::ClubAtelier);
        let fill = Filler {
            env: if blank { &self.lenient } else { &self.strict },
            places: &self.places,
        };
        // On a blank form, a value made of placeholders only is to write by hand.
        let to_fill = |text: &str| blank && text.contains(FILL);
        let mut blocks = Vec::with_capacity(layout.blocks.len());
        // The main table of a blank form or attendance sheet (most blank
        // rows, then the last one), given the rest of its page: (its blank
        // rows, position), index.
        let mut main: Option<((u32, usize), usize)> = None;
        for block in &layout.blocks {
            if let Some(path) = &block.si
                && !non_empty(lookup(data, path))
            {
                continue;
            }
            blocks.push(match &block.kind {
                BlockKind::Heading(t, level) => Block::Heading {
                    text: fill.text(t, &ctx)?,
                    level: *level,
                },
                BlockKind::Text(t) => Block::Paragraph {
                    markdown: fill.text(t, &ctx)?,
                },
                BlockKind::Fields(items) => Block::Fields {
                    items: items
                        .iter()
                        .map(|(label, value)| {
                            let value = match value {
                                Some(v) => Some(fill.text(v, &ctx)?)
                                    .filter(|v| !v.trim().is_empty() && !to_fill(v)),
                                None => None,
                            };
                            Ok(Field {
                                label: fill.text(label, &ctx)?,
                                value,
                            })
                        })
                        .collect::<Result<_, RenderError>>()?,
                },
                BlockKind::Checkboxes(label, items) => Block::Checkboxes {
                    label: label.as_ref().map(|l| fill.text(l, &ctx)).transpose()?,
                    items: items
                        .iter()
                        .map(|(t, path)| {
                            let ticked = path.as_ref().is_some_and(|p| non_empty(lookup(data, p)));
                            Ok((fill.text(t, &ctx)?, ticked))
                        })
                        .collect::<Result<_, RenderError>>()?,
                },
                BlockKind::Table(table) => {
                    let mut t = fill.table(table, data, &ctx, assets)?;
                    let fits = match (blank, sheet) {
                        (true, _) => t.rows.is_empty(),
                        (false, true) => table.blank_rows > 0,
                        (false, false) => false,
                    };
                    if fits && table.rows.is_some() {
                        t.blank_rows = if blank {
                            t.blank_rows.max(BLANK_MIN_ROWS)
                        } else {
                            // The rows of people who keep their name unpublished stay.
                            let hidden = t.blank_rows - table.blank_rows as usize;
                            hidden + SHEET_MIN_ROWS.min(table.blank_rows as usize)
                        };
                        let key = (table.blank_rows, blocks.len());
                        if main.is_none_or(|(k, _)| key >= k) {
                            main = Some((key, blocks.len()));
                        }
                    }
                    Block::Table(t)
                }
                BlockKind::Signatures(list) => Block::Signatures {
                    boxes: list
                        .iter()
                        .map(|t| fill.text(t, &ctx))
                        .collect::<Result<_, _>>()?,
                },
                BlockKind::Funders => {
                    if assets.funder_text.is_empty() && assets.funder_logos.is_empty() {
                        continue;
                    }
                    Block::Funders {
                        logos: assets.funder_logos.clone(),
                        text: printable(assets.funder_text.clone()),
                    }
                }
                BlockKind::Spacer(mm) => Block::Spacer { mm: *mm },
                BlockKind::PageBreak => Block::PageBreak,
                BlockKind::RightText(t) => Block::RightParagraph {
                    markdown: fill.text(t, &ctx)?,
                },
                BlockKind::Labels(labels) => {
                    Block::Labels(fill.labels(labels, data, &ctx, assets)?)
                }
            });
        }
        let title = fill.text(&layout.titre, &ctx)?;
        let mut doc = Document {
            title: if to_fill(&title) {
                layout.nom.clone()
            } else {
                title
            },
            orientation: if layout.landscape {
                Orientation::Landscape
            } else {
                Orientation::Portrait
            },
            header: Header {
                organisation: printable(assets.organisation.clone()),
                logo: assets.logo.clone(),
            },
            blocks,
        };
        let failed = |e: typeset::RenderError| RenderError {
            message: format!("formulaire {} : {e}", layout.id),
        };
        match main {
            Some((_, index)) if sheet => {
                lower_rows(&mut doc, index).map_err(failed)?;
                turn_to_portrait(&mut doc, index).map_err(failed)?;
                fill_page(&mut doc, index).map_err(failed)
            }
            Some((_, index)) => fill_page(&mut doc, index).map_err(failed),
            None => typeset::render(&doc).map_err(failed),
        }
    }
}

impl Filler<'_> {
    fn table(
        &self,
        table: &LayoutTable,
        data: &Json,
        ctx: &Value,
        assets: &FormAssets,
    ) -> Result<Table, RenderError> {
        // Expand repeated columns: (column, element it repeats for, header, group).
        let mut expanded: Vec<(&LayoutColumn, Option<&Json>, String, Option<String>)> = Vec::new();
        let halves = ["matin", "apres_midi"].map(|half| crate::labels::word(assets.lang, half));
        for column in &table.columns {
            let Some(path) = &column.repeat else {
                expanded.push((column, None, self.text(&column.titre, ctx)?, None));
                continue;
            };
            let elements = lookup(data, path)
                .and_then(Json::as_array)
                .map(Vec::as_slice)
                .unwrap_or_default();
            if elements.is_empty() {
                for n in 0..column.blank_repeats {
                    if column.half_days && assets.half_days {
                        // Distinct blank group titles, so that each pair keeps its own header cell.
                        let group = " ".repeat(n as usize + 1);
                        for half in halves {
                            expanded.push((column, None, half.to_string(), Some(group.clone())));
                        }
                    } else {
                        expanded.push((column, None, String::new(), None));
                    }
                }
                continue;
            }
            for element in elements {
                let title = self.text(
                    &column.titre,
                    &context! { element => ser(element), ..ctx.clone() },
                )?;
                if column.half_days && assets.half_days {
                    for (half, _) in halves.iter().zip(half_days_of(element)).filter(|h| h.1) {
                        expanded.push((
                            column,
                            Some(element),
                            half.to_string(),
                            Some(title.clone()),
                        ));
                    }
                } else {
                    expanded.push((column, Some(element), title, None));
                }
            }
        }
        let rows_data = table
            .rows
            .as_ref()
            .and_then(|p| lookup(data, p))
            .and_then(Json::as_array)
            .map(Vec::as_slice)
            .unwrap_or_default();
        let mut rows = Vec::with_capacity(rows_data.len());
        for row in rows_data {
            let row_ctx = context! { ligne => ser(row), ..ctx.clone() };
            let mut cells = Vec::with_capacity(expanded.len());
            for (column, element, _, _) in &expanded {
                let cell = match (&column.value, element) {
                    (None, _) => String::new(),
                    (Some(v), None) => self.text(v, &row_ctx)?,
                    (Some(v), Some(el)) => {
                        self.text(v, &context! { element => ser(el), ..row_ctx.clone() })?
                    }
                };
                cells.push(cell);
            }
            rows.push(cells);
        }
        let hidden = data.get("non_publies").and_then(Json::as_u64).unwrap_or(0) as usize;
        Ok(Table {
            columns: expanded
                .into_iter()
                .map(|(column, _, title, group)| Column {
                    title,
                    width: column.width,
                    group,
                })
                .collect(),
            rows,
            blank_rows: table.blank_rows as usize + hidden,
            min_row_height_mm: table.min_row_height,
        })
    }
}

/// The half-days (morning, afternoon) an atelier's hours take: the morning
/// only when it ends by 13:00, the afternoon only when it starts at noon or
/// later, else both (hours not known, or across noon).
fn half_days_of(element: &Json) -> [bool; 2] {
    let time = |key: &str| {
        element
            .get(key)
            .and_then(Json::as_str)
            .and_then(|t| chrono::NaiveTime::parse_from_str(t, "%H:%M").ok())
    };
    let at = |h: u32| chrono::NaiveTime::from_hms_opt(h, 0, 0);
    match (time("heure_debut"), time("heure_fin")) {
        (_, Some(fin)) if Some(fin) <= at(13) => [true, false],
        (Some(debut), _) if Some(debut) >= at(12) => [false, true],
        _ => [true, true],
    }
}

/// Lowers the rows of the table at block `index`, a millimetre at a time
/// down to [`SHEET_MIN_ROW_MM`], to the first height that saves a page; the
/// table is left as it was if none does.
fn lower_rows(doc: &mut Document, index: usize) -> Result<(), typeset::RenderError> {
    fn height(doc: &mut Document, index: usize) -> Option<&mut f32> {
        match doc.blocks.get_mut(index) {
            Some(Block::Table(t)) => Some(&mut t.min_row_height_mm),
            _ => None,
        }
    }
    let Some(&mut tall) = height(doc, index) else {
        return Ok(());
    };
    let pages = typeset::page_count(doc)?;
    let set = |doc: &mut Document, mm: f32| {
        if let Some(h) = height(doc, index) {
            *h = mm;
        }
    };
    // The lowest rows first: when they save no page, no height does.
    set(doc, SHEET_MIN_ROW_MM);
    if pages == 1 || typeset::page_count(doc)? == pages {
        set(doc, tall);
        return Ok(());
    }
    let mut lower = tall - 1.0;
    while lower > SHEET_MIN_ROW_MM {
        set(doc, lower);
        if typeset::page_count(doc)? < pages {
            return Ok(());
        }
        lower -= 1.0;
    }
    set(doc, SHEET_MIN_ROW_MM);
    Ok(())
}

/// The narrowest cell a signature goes in, in millimetres.
const SIGNATURE_MIN_MM: f32 = 20.0;

/// Turns a landscape attendance sheet that takes more than one page to
/// portrait when that takes fewer pages and every cell stays wide enough to
/// sign in: landscape A4 holds about nine rows under the header and the
/// funders' mention, so a session of nine spilled its blank rows and visa
/// onto a second page. Rows are lowered again for the new page if that
/// saves one more. The layout's own orientation is kept otherwise.
fn turn_to_portrait(doc: &mut Document, index: usize) -> Result<(), typeset::RenderError> {
    if doc.orientation != Orientation::Landscape {
        return Ok(());
    }
    let pages = typeset::page_count(doc)?;
    let wide_enough = typeset::narrowest_column_mm(doc, Orientation::Portrait)
        .is_some_and(|mm| mm >= SIGNATURE_MIN_MM);
    if pages == 1 || !wide_enough {
        return Ok(());
    }
    let landscape = doc.clone();
    doc.orientation = Orientation::Portrait;
    lower_rows(doc, index)?;
    if typeset::page_count(doc)? >= pages {
        *doc = landscape;
    }
    Ok(())
}

/// Typesets a form with as many blank rows in its main table (block
/// `index`) as its last page holds: the most rows that add no page.
fn fill_page(doc: &mut Document, index: usize) -> Result<Vec<u8>, typeset::RenderError> {
    let rows = |doc: &mut Document, n: usize| {
        if let Some(Block::Table(t)) = doc.blocks.get_mut(index) {
            t.blank_rows = n;
        }
    };
    let base = match doc.blocks.get(index) {
        Some(Block::Table(t)) => t.blank_rows,
        _ => return typeset::render(doc),
    };
    let pages = typeset::page_count(doc)?;
    // Largest extra in [fits, last] that keeps the page count.
    let (mut fits, mut last) = (0, BLANK_FILL_MAX);
    while fits < last {
        let mid = (fits + last).div_ceil(2);
        rows(doc, base + mid);
        if typeset::page_count(doc)? == pages {
            fits = mid;
        } else {
            last = mid - 1;
        }
    }
    rows(doc, base + fits);
    typeset::render(doc)
}
