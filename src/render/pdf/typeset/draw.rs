//! Drawing laid-out pages with krilla. Text goes through krilla's glyph API
//! (subset fonts with a /ToUnicode map), never through hand-written operators.

use krilla::SerializeSettings;
use krilla::color::luma;
use krilla::error::KrillaError;
use krilla::geom::{PathBuilder, Point, Rect, Size, Transform};
use krilla::metadata::Metadata;
use krilla::page::PageSettings;
use krilla::paint::{Fill, LineCap, LineJoin, Stroke, StrokeDash};
use krilla::surface::Surface;
use krilla::text::{GlyphId, KrillaGlyph};

use super::error::RenderError;
use super::fonts::Fonts;
use super::layout::item::{Item, Page};
use super::style::{Grey, INK, PageGeometry};

/// The PDF of `pages`.
///
/// # Errors
/// [`RenderError::Image`] for an image that cannot be decoded,
/// [`RenderError::Pdf`] if krilla cannot write the file.
pub(crate) fn draw(
    title: &str,
    geometry: &PageGeometry,
    pages: &[Page],
) -> Result<Vec<u8>, RenderError> {
    let size = Size::from_wh(geometry.width, geometry.height).expect("A4 has a positive size");
    // No XMP packet (the title goes in the document information) and no
    // structure tags: neither is used by printed forms, and both cost time.
    let mut document = krilla::Document::new_with(SerializeSettings {
        xmp_metadata: false,
        enable_tagging: false,
        ..SerializeSettings::default()
    });
    document.set_metadata(Metadata::new().title(title.to_owned()));
    let mut painter = Painter {
        fonts: Fonts::get(),
        glyphs: Vec::new(),
    };
    for page in pages {
        let mut pdf_page = document.start_page_with(PageSettings::new(size));
        let mut surface = pdf_page.surface();
        for item in &page.items {
            painter.item(&mut surface, item);
        }
        surface.finish();
        pdf_page.finish();
    }
    document.finish().map_err(|error| match error {
        KrillaError::Image(_, _, message) => RenderError::Image(message),
        other => RenderError::Pdf(other.to_string()),
    })
}

fn fill(grey: Grey) -> Fill {
    Fill {
        paint: luma::Color::new(grey).into(),
        ..Fill::default()
    }
}

fn stroke(width: f32, grey: Grey) -> Stroke {
    Stroke {
        paint: luma::Color::new(grey).into(),
        width,
        ..Stroke::default()
    }
}

struct Painter {
    fonts: &'static Fonts,
    /// Reused from one text item to the next.
    glyphs: Vec<KrillaGlyph>,
}

impl Painter {
    fn item(&mut self, surface: &mut Surface<'_>, item: &Item) {
        match item {
            Item::Text {
                x,
                y,
                size,
                style,
                grey,
                text,
            } => {
                let face = self.fonts.face(*style);
                self.glyphs.clear();
                self.glyphs
                    .extend(text.char_indices().filter_map(|(index, c)| {
                        let glyph = face.glyph(c)?;
                        Some(KrillaGlyph::new(
                            GlyphId::new(u32::from(glyph.id)),
                            glyph.advance,
                            0.0,
                            0.0,
                            0.0,
                            index..index + c.len_utf8(),
                            None,
                        ))
                    }));
                if self.glyphs.is_empty() {
                    return;
                }
                surface.set_stroke(None);
                surface.set_fill(Some(fill(*grey)));
                surface.draw_glyphs(
                    Point::from_xy(*x, *y),
                    &self.glyphs,
                    face.krilla_font().clone(),
                    text,
                    *size,
                    false,
                );
            }
            Item::Line {
                from,
                to,
                width,
                grey,
                dotted,
            } => {
                let mut path = PathBuilder::new();
                path.move_to(from.0, from.1);
                path.line_to(to.0, to.1);
                let mut line = stroke(*width, *grey);
                if *dotted {
                    line.line_cap = LineCap::Round;
                    line.dash = Some(StrokeDash {
                        array: vec![0.0, 2.5 * width],
                        offset: 0.0,
                    });
                }
                draw_path(surface, path, None, Some(line));
            }
            Item::Rect {
                x,
                y,
                width,
                height,
                fill: paint,
                stroke: outline,
            } => {
                let Some(rect) = Rect::from_xywh(*x, *y, *width, *height) else {
                    return;
                };
                let mut path = PathBuilder::new();
                path.push_rect(rect);
                draw_path(
                    surface,
                    path,
                    paint.map(fill),
                    outline.map(|(width, grey)| stroke(width, grey)),
                );
            }
            Item::Tick { x, y, side } => {
                let mut path = PathBuilder::new();
                path.move_to(x + 0.2 * side, y + 0.52 * side);
                path.line_to(x + 0.42 * side, y + 0.76 * side);
                path.line_to(x + 0.82 * side, y + 0.22 * side);
                let mut tick = stroke(0.12 * side, INK);
                tick.line_cap = LineCap::Round;
                tick.line_join = LineJoin::Round;
                draw_path(surface, path, None, Some(tick));
            }
            Item::Image {
                x,
                y,
                width,
                height,
                image,
            } => {
                let Some(size) = Size::from_wh(*width, *height) else {
                    return;
                };
                surface.push_transform(&Transform::from_translate(*x, *y));
                surface.draw_image(image.krilla().clone(), size);
                surface.pop();
            }
        }
    }
}

fn draw_path(
    surface: &mut Surface<'_>,
    path: PathBuilder,
    fill: Option<Fill>,
    stroke: Option<Stroke>,
) {
    let Some(path) = path.finish() else { return };
    surface.set_fill(fill);
    surface.set_stroke(stroke);
    surface.draw_path(&path);
}
