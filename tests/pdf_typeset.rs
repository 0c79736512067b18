//! End-to-end checks on the PDF bytes, read back with pdf-extract (text) and
//! lopdf (structure).

#[path = "typeset_samples/mod.rs"]
mod common;

use carnet::render::pdf::typeset::{
    Block, Column, Document, Field, Header, Image, ImageFormat, Orientation, RenderError, Table,
    render,
};
use lopdf::{Document as Pdf, Object};

fn doc(blocks: Vec<Block>) -> Document {
    Document {
        title: "Essai".into(),
        orientation: Orientation::Portrait,
        header: Header {
            organisation: "Association Tremplin".into(),
            logo: None,
        },
        blocks,
    }
}

fn paragraph(markdown: &str) -> Block {
    Block::Paragraph {
        markdown: markdown.into(),
    }
}

fn pages_text(pdf: &[u8]) -> Vec<String> {
    pdf_extract::extract_text_from_mem_by_pages(pdf).expect("pdf-extract reads the PDF")
}

/// (font name, text) for every text-showing operator, decoded with the
/// font's /ToUnicode map.
fn text_by_font(pdf: &[u8]) -> Vec<(String, String)> {
    let pdf = Pdf::load_mem(pdf).expect("lopdf reads the PDF");
    let mut shown = Vec::new();
    for page in pdf.get_pages().into_values() {
        let fonts = pdf.get_page_fonts(page).expect("page fonts");
        let content = pdf.get_and_decode_page_content(page).expect("page content");
        let mut current = None;
        for op in content.operations {
            match op.operator.as_str() {
                "Tf" => {
                    current = op.operands[0]
                        .as_name()
                        .ok()
                        .and_then(|n| fonts.get(n))
                        .copied()
                }
                "Tj" | "TJ" => {
                    let font = current.expect("a font is set before text");
                    let name =
                        String::from_utf8_lossy(font.get(b"BaseFont").unwrap().as_name().unwrap())
                            .into_owned();
                    let encoding = font.get_font_encoding(&pdf).expect("encoding");
                    let strings: Vec<&Object> = match &op.operands[0] {
                        Object::Array(items) => items.iter().collect(),
                        other => vec![other],
                    };
                    let text: String = strings
                        .into_iter()
                        .filter_map(|o| o.as_str().ok())
                        .map(|bytes| Pdf::decode_text(&encoding, bytes).expect("decodes"))
                        .collect();
                    shown.push((name, text));
                }
                _ => {}
            }
        }
    }
    shown
}

#[test]
fn french_text_extracts_exactly() {
    let text = "« Hélène Dœuf — 12 € » : l’été, ça coûte cher à Noël.";
    let pdf = render(&doc(vec![paragraph(text)])).unwrap();
    let extracted = pages_text(&pdf).concat();
    assert!(extracted.contains(text), "extracted: {extracted:?}");
    assert!(extracted.contains("Association Tremplin"));
}

#[test]
fn a_long_table_spans_pages_with_its_header_and_numbered_footers() {
    let columns = common::equal_columns(&["N°", "Nom", "Prénom", "Signature"]);
    let rows = (1..=80)
        .map(|n| {
            vec![
                format!("R{n:02}x"),
                format!("Nom {n}"),
                "Prénom".into(),
                String::new(),
            ]
        })
        .collect();
    let table = Block::Table(Table {
        columns,
        rows,
        blank_rows: 0,
        min_row_height_mm: 8.0,
    });
    let pdf = render(&doc(vec![table])).unwrap();
    let pages = pages_text(&pdf);
    let count = Pdf::load_mem(&pdf).unwrap().get_pages().len();
    assert_eq!(pages.len(), count);
    assert!(
        count >= 3,
        "80 rows of 8 mm need several pages, got {count}"
    );
    for (index, text) in pages.iter().enumerate() {
        assert!(
            text.contains("Signature"),
            "header missing on page {}",
            index + 1
        );
        let footer = format!("Page {} / {count}", index + 1);
        assert!(
            text.contains(&footer),
            "{footer:?} missing on page {}",
            index + 1
        );
    }
    // Every row is printed once, on one page, in order.
    for n in 1..=80 {
        let id = format!("R{n:02}x");
        let on: Vec<usize> = (0..count).filter(|&p| pages[p].contains(&id)).collect();
        assert_eq!(on.len(), 1, "row {n} on pages {on:?}");
    }
}

#[test]
fn fonts_are_embedded_as_small_subsets() {
    let pdf = render(&common::charter()).unwrap();
    let pdf = Pdf::load_mem(&pdf).unwrap();
    let mut names = Vec::new();
    let mut file_sizes = Vec::new();
    for object in pdf.objects.values() {
        let Ok(dict) = object.as_dict() else { continue };
        if dict.get(b"Type").and_then(Object::as_name).ok() == Some(b"FontDescriptor".as_slice()) {
            names.push(
                String::from_utf8_lossy(dict.get(b"FontName").unwrap().as_name().unwrap())
                    .into_owned(),
            );
            let file = dict
                .get(b"FontFile2")
                .and_then(Object::as_reference)
                .expect("embedded TrueType");
            let stream = pdf.get_object(file).unwrap().as_stream().unwrap();
            file_sizes.push(
                stream
                    .decompressed_content()
                    .unwrap_or_else(|_| stream.content.clone())
                    .len(),
            );
        }
    }
    assert!(names.len() >= 3, "regular, bold and italic: {names:?}");
    for name in &names {
        let (tag, rest) = name.split_once('+').expect("subset tag");
        assert!(
            tag.len() == 6 && tag.chars().all(|c| c.is_ascii_uppercase()),
            "{name}"
        );
        assert!(rest.starts_with("NotoSans"), "{name}");
    }
    for size in file_sizes {
        assert!(
            size < 200_000 / 5,
            "subset of {size} bytes, the full font is ~200 kB"
        );
    }
}

#[test]
fn landscape_pages_are_wider_than_tall() {
    for (orientation, wide) in [
        (Orientation::Landscape, true),
        (Orientation::Portrait, false),
    ] {
        let pdf = render(&Document {
            orientation,
            ..doc(vec![paragraph("x")])
        })
        .unwrap();
        let pdf = Pdf::load_mem(&pdf).unwrap();
        let page = pdf.get_pages()[&1];
        let media_box = pdf
            .get_dictionary(page)
            .unwrap()
            .get(b"MediaBox")
            .unwrap()
            .as_array()
            .unwrap();
        let number = |i: usize| media_box[i].as_float().unwrap();
        let (width, height) = (number(2) - number(0), number(3) - number(1));
        assert_eq!(width > height, wide);
        // A4 in points.
        let (short, long) = (width.min(height), width.max(height));
        assert!((short - 595.3).abs() < 0.5 && (long - 841.9).abs() < 0.5);
    }
}

#[test]
fn markdown_bold_is_set_in_the_bold_face() {
    let pdf = render(&doc(vec![paragraph(
        "Texte ordinaire et **passage important** ; *nuance*.",
    )]))
    .unwrap();
    let shown = text_by_font(&pdf);
    let font_of = |needle: &str| {
        shown
            .iter()
            .find(|(_, text)| text.contains(needle))
            .map(|(font, _)| font.clone())
            .unwrap_or_else(|| panic!("{needle:?} not shown: {shown:?}"))
    };
    assert!(font_of("passage important").ends_with("NotoSans-Bold"));
    assert!(font_of("Texte ordinaire").ends_with("+NotoSans"));
    assert!(font_of("nuance").ends_with("NotoSans-Italic"));
}

#[test]
fn an_empty_field_draws_a_dotted_line_and_its_label_extracts() {
    let fields = Block::Fields {
        items: vec![Field {
            label: "Téléphone portable".into(),
            value: None,
        }],
    };
    let pdf = render(&doc(vec![fields])).unwrap();
    assert!(pages_text(&pdf).concat().contains("Téléphone portable"));
    let pdf = Pdf::load_mem(&pdf).unwrap();
    let content = pdf
        .get_and_decode_page_content(pdf.get_pages()[&1])
        .unwrap();
    let dashed = content
        .operations
        .iter()
        .any(|op| op.operator == "d" && op.operands[0].as_array().is_ok_and(|a| !a.is_empty()));
    assert!(dashed, "a dashed (dotted) line is stroked");
}

#[test]
fn user_text_cannot_inject_pdf_operators() {
    let nasty = "x) Tj ET 0 0 1 rg BT /F1 99 Tf (pwned";
    let pdf = render(&doc(vec![paragraph(nasty)])).unwrap();
    assert!(pages_text(&pdf).concat().contains(nasty));
    let shown = text_by_font(&pdf);
    assert!(
        shown
            .iter()
            .all(|(_, text)| !text.contains("pwned") || text.contains(nasty))
    );
}

#[test]
fn the_sample_forms_render() {
    for sample in [
        common::attendance_sheet(),
        common::charter(),
        common::typical_sheet(),
    ] {
        let pdf = render(&sample).unwrap();
        let text = pages_text(&pdf).concat();
        assert!(text.contains("Association Tremplin Emploi"));
    }
    let pages = pages_text(&render(&common::attendance_sheet()).unwrap());
    assert!(
        pages
            .iter()
            .all(|p| p.contains("Après-midi") && p.contains("mardi 4 mars 2025"))
    );
    assert!(pages.last().unwrap().contains("Fonds social européen"));
}

#[test]
fn rendering_is_reproducible_and_works_from_many_threads() {
    fn shared<T: Send + Sync>(_: &T) {}
    let sample = common::attendance_sheet();
    shared(&sample);
    let expected = render(&sample).unwrap();
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..4)
            .map(|_| scope.spawn(|| render(&sample).unwrap()))
            .collect();
        for handle in handles {
            assert!(handle.join().unwrap() == expected);
        }
    });
}

#[test]
fn bad_input_is_an_error_not_a_panic() {
    assert!(matches!(
        Image::new(b"not a png".to_vec(), ImageFormat::Png),
        Err(RenderError::Image(_))
    ));
    // A PNG cut in half: refused when created, or when rendered.
    let png = std::fs::read(format!(
        "{}/tests/fixtures/logo.png",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    match Image::new(png[..png.len() / 2].to_vec(), ImageFormat::Png) {
        Err(error) => assert!(matches!(error, RenderError::Image(_))),
        Ok(cut) => {
            let with_logo = Document {
                header: Header {
                    organisation: "X".into(),
                    logo: Some(cut),
                },
                ..doc(Vec::new())
            };
            assert!(matches!(render(&with_logo), Err(RenderError::Image(_))));
        }
    }
    let table = Block::Table(Table {
        columns: vec![Column {
            title: "A".into(),
            width: f32::NAN,
            group: None,
        }],
        rows: vec![vec!["1".into(), "2".into()]],
        blank_rows: 1,
        min_row_height_mm: f32::INFINITY,
    });
    assert!(matches!(
        render(&doc(vec![table])),
        Err(RenderError::TooManyCells {
            block: 0,
            row: 0,
            ..
        })
    ));
    // Odd numbers and empty content still give a valid document.
    let odd = doc(vec![
        Block::Spacer { mm: f32::NAN },
        Block::Spacer { mm: 1e9 },
        Block::Heading {
            text: String::new(),
            level: 0,
        },
        paragraph(""),
        Block::Table(Table {
            columns: vec![Column {
                title: "A".into(),
                width: -3.0,
                group: None,
            }],
            min_row_height_mm: 1e9,
            blank_rows: 3,
            ..Table::default()
        }),
        Block::Signatures { boxes: Vec::new() },
        Block::Checkboxes {
            label: None,
            items: Vec::new(),
        },
        Block::PageBreak,
        Block::PageBreak,
    ]);
    let pdf = render(&odd).unwrap();
    assert!(Pdf::load_mem(&pdf).is_ok());
}
