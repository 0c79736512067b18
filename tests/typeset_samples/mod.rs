//! Sample documents shared by the integration tests and the examples.
// Each test binary uses only some of the samples.
#![allow(dead_code)]

use carnet::render::pdf::typeset::{
    Block, Column, Document, Field, Header, Image, ImageFormat, Orientation, Table,
};

fn fixture(name: &str) -> Image {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    Image::new(bytes, ImageFormat::Png).expect("fixture decodes")
}

pub fn header() -> Header {
    Header {
        organisation: "Association Tremplin Emploi — Vallée de l’Orne".into(),
        logo: Some(fixture("logo.png")),
    }
}

const PEOPLE: [(&str, &str); 10] = [
    ("DUPONT", "Hélène"),
    ("MARTIN", "Jean-Baptiste"),
    ("N’DIAYE", "Aïssatou"),
    ("LEFÈVRE", "François"),
    ("DŒUF", "Chloé"),
    ("GARCÍA LÓPEZ", "María José"),
    ("BENALI", "Yasmine"),
    (
        "DE LA TOUR D’AUVERGNE-LAURAGUAIS",
        "Marie-Françoise-Élisabeth",
    ),
    ("NGUYEN", "Thị Thu"),
    ("ROUSSEAU", "Noël"),
];

fn person(n: usize) -> (&'static str, &'static str) {
    PEOPLE[n % PEOPLE.len()]
}

/// A landscape attendance sheet: 30 people, three dates split into
/// morning and afternoon signature cells, blank rows, funders.
pub fn attendance_sheet() -> Document {
    let mut columns = vec![
        Column {
            title: "N°".into(),
            width: 0.45,
            group: None,
        },
        Column {
            title: "Nom".into(),
            width: 2.2,
            group: None,
        },
        Column {
            title: "Prénom".into(),
            width: 1.7,
            group: None,
        },
    ];
    for date in [
        "lundi 3 mars 2025",
        "mardi 4 mars 2025",
        "jeudi 6 mars 2025",
    ] {
        for half in ["Matin", "Après-midi"] {
            columns.push(Column {
                title: half.into(),
                width: 1.0,
                group: Some(date.into()),
            });
        }
    }
    let rows = (0..30)
        .map(|n| {
            let (name, first) = person(n);
            let mut row = vec![(n + 1).to_string(), name.to_owned(), first.to_owned()];
            row.resize(columns.len(), String::new());
            row
        })
        .collect();
    Document {
        title: "Feuille de présence — Session Cap Emploi n° 12, cycle 2".into(),
        orientation: Orientation::Landscape,
        header: header(),
        blocks: vec![
            Block::Heading { text: "Feuille de présence".into(), level: 1 },
            Block::Fields {
                items: vec![
                    Field { label: "Session".into(), value: Some("Cap Emploi n° 12 — cycle 2 : techniques de recherche d’emploi".into()) },
                    Field { label: "Lieu".into(), value: Some("Maison de l’emploi, 4 rue de la Fonderie, 14000 Caen".into()) },
                    Field { label: "Formateur ou formatrice".into(), value: None },
                ],
            },
            Block::Table(Table { columns, rows, blank_rows: 4, min_row_height_mm: 9.0 }),
            Block::Signatures {
                boxes: vec!["Signature du formateur".into(), "Cachet de l’organisme".into()],
            },
            Block::Funders {
                logos: vec![fixture("flag.png"), fixture("wide.png")],
                text: "Ce projet est cofinancé par le Fonds social européen dans le cadre du programme national « Emploi et Inclusion » 2021-2027.".into(),
            },
        ],
    }
}

/// A portrait mentoring charter: paragraphs with lists, tick boxes, fields
/// to fill in and signature boxes.
pub fn charter() -> Document {
    Document {
        title: "Fiche de parrainage — partie 2 : charte".into(),
        orientation: Orientation::Portrait,
        header: header(),
        blocks: vec![
            Block::Heading { text: "Charte du parrainage".into(), level: 1 },
            Block::Paragraph {
                markdown: "Le parrainage met en relation une personne en recherche d’emploi, le **filleul**, et un professionnel en activité ou retraité, le **parrain**, qui l’accompagne bénévolement pendant six mois renouvelables. Cette charte précise les *engagements réciproques* des deux parties.".into(),
            },
            Block::Heading { text: "1. Engagements du parrain".into(), level: 2 },
            Block::Paragraph {
                markdown: "Le parrain s’engage à :\n\n- rencontrer son filleul au moins **une fois par mois** ;\n- partager son réseau professionnel et ses conseils ;\n- respecter la confidentialité des informations échangées ;\n- informer le chargé de mission de toute difficulté.".into(),
            },
            Block::Heading { text: "2. Engagements du filleul".into(), level: 2 },
            Block::Paragraph {
                markdown: "Le filleul s’engage à :\n\n1. être présent aux rendez-vous convenus, ou à prévenir en cas d’empêchement ;\n2. tenir son parrain informé de l’avancée de ses démarches ;\n3. participer aux entretiens de suivi avec l’association.".into(),
            },
            Block::Checkboxes {
                label: Some("Modalités de contact :".into()),
                items: vec![
                    ("Téléphone".into(), true),
                    ("Courriel".into(), true),
                    ("Visioconférence".into(), false),
                    ("Rencontre sur place".into(), false),
                ],
            },
            Block::Fields {
                items: vec![
                    Field { label: "Filleul".into(), value: Some("Hélène DŒUF".into()) },
                    Field { label: "Parrain".into(), value: Some("Jean-Baptiste MARTIN".into()) },
                    Field { label: "Fait à".into(), value: None },
                    Field { label: "Le".into(), value: None },
                ],
            },
            Block::Signatures {
                boxes: vec![
                    "Le filleul, « lu et approuvé »".into(),
                    "Le parrain, « lu et approuvé »".into(),
                    "Le chargé de mission".into(),
                ],
            },
        ],
    }
}

/// Columns of equal width, without groups.
pub fn equal_columns(titles: &[&str]) -> Vec<Column> {
    titles
        .iter()
        .map(|t| Column {
            title: (*t).into(),
            width: 1.0,
            group: None,
        })
        .collect()
}

/// The benchmark's typical attendance sheet: one portrait page with a
/// table of 25 rows × 6 columns.
pub fn typical_sheet() -> Document {
    let titles = [
        "Nom",
        "Prénom",
        "Structure",
        "Matin",
        "Après-midi",
        "Observations",
    ];
    let columns = equal_columns(&titles);
    let rows = (0..25)
        .map(|n| {
            let (name, first) = person(n);
            vec![
                name.into(),
                first.into(),
                "Pôle emploi Caen".into(),
                String::new(),
                String::new(),
                String::new(),
            ]
        })
        .collect();
    Document {
        title: "Feuille de présence".into(),
        orientation: Orientation::Portrait,
        header: Header {
            organisation: "Association Tremplin Emploi".into(),
            logo: None,
        },
        blocks: vec![
            Block::Heading {
                text: "Feuille de présence — atelier CV".into(),
                level: 1,
            },
            Block::Table(Table {
                columns,
                rows,
                blank_rows: 0,
                min_row_height_mm: 7.0,
            }),
        ],
    }
}

/// Awkward content: long words in narrow cells, long values, nested lists,
/// many funders' logos, a section starting near the bottom of a page.
pub fn stress() -> Document {
    let mut columns = vec![
        Column {
            title: "Nom et prénom".into(),
            width: 1.2,
            group: None,
        },
        Column {
            title: "Structure d’accompagnement".into(),
            width: 0.9,
            group: None,
        },
    ];
    for n in 1..=8 {
        columns.push(Column {
            title: "Signature".into(),
            width: 0.6,
            group: Some(format!("Atelier {n}")),
        });
    }
    let rows = (0..14)
        .map(|n| {
            let (name, first) = PEOPLE[n % PEOPLE.len()];
            let mut row = vec![
                format!("{name} {first}"),
                "Wolfeschlegelsteinhausenbergerdorff".into(),
            ];
            row.resize(columns.len(), String::new());
            row
        })
        .collect();
    Document {
        title: "Document au titre extrêmement long, qui ne tient pas dans le pied de page et doit être coupé proprement avec des points de suspension".into(),
        orientation: Orientation::Portrait,
        header: Header {
            organisation: "Association intercommunale pour l’insertion professionnelle et l’accompagnement vers l’emploi durable des territoires ruraux".into(),
            logo: Some(fixture("wide.png")),
        },
        blocks: vec![
            Block::Heading { text: "Fiche de mise à jour des données personnelles".into(), level: 1 },
            Block::Fields {
                items: vec![
                    Field { label: "Adresse".into(), value: Some("Résidence « Les Tilleuls », bâtiment C, escalier 4, appartement 112, 27 avenue du Maréchal-de-Lattre-de-Tassigny, 14000 Caen".into()) },
                    Field { label: "Courriel".into(), value: Some("marie-francoise.de-la-tour-dauvergne-lauraguais@exemple-de-fournisseur.fr".into()) },
                    Field { label: "Nouvelle adresse, si elle a changé".into(), value: None },
                ],
            },
            Block::Paragraph {
                markdown: "Documents à fournir :\n\n- une pièce d’identité ;\n- un justificatif de domicile :\n  - facture d’électricité,\n  - ou quittance de loyer ;\n- l’attestation **France Travail** de moins de *trois mois*.\n\n> Les informations recueillies sont nécessaires au suivi de votre parcours.".into(),
            },
            Block::Table(Table { columns, rows, blank_rows: 3, min_row_height_mm: 10.0 }),
            Block::Heading { text: "Cette section commence en bas de page".into(), level: 2 },
            Block::Paragraph { markdown: "Le titre ci-dessus reste avec ce paragraphe. ".repeat(12) },
            Block::Funders {
                logos: vec![fixture("flag.png"), fixture("wide.png"), fixture("logo.png"), fixture("wide.png"), fixture("flag.png")],
                text: "Cofinancé par l’Union européenne.".into(),
            },
        ],
    }
}
