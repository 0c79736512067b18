//! The tables of each export, made from the View only (the public view
//! lacks refused and internal fields, so an export cannot show more than the
//! profile may). Headers are words of `labels.rs`, in the kit's language.

use super::table::{Cell, Table};
use crate::labels::{Lang, month, word};
use crate::view::exports::ExportKind;
use crate::view::{ActivityView, ConvocationRow, MentorshipRow, PersonView, View};

/// The sheets of the export `kind` of `view`.
pub fn tables(view: &View, kind: ExportKind) -> Vec<Table> {
    let lang = view.site.langue;
    match kind {
        ExportKind::ConvocationCsv(i) | ExportKind::ConvocationXlsx(i) => {
            vec![convocation(lang, &view.clubs[i])]
        }
        ExportKind::ParrainagesEnCours => vec![en_cours(lang, &view.parrainages_en_cours)],
        ExportKind::ParrainagesTermines => vec![termines(lang, &view.parrainages_termines)],
        ExportKind::Filleul(i) => filleul(lang, &view.personnes[i]),
        ExportKind::InscritsSession(i) => {
            vec![inscrits(
                lang,
                &view.sessions[i],
                view.site.profile.internal(),
            )]
        }
        ExportKind::InscritsClub(i) => {
            vec![inscrits(lang, &view.clubs[i], view.site.profile.internal())]
        }
    }
}

fn headers(lang: Lang, keys: &[&'static str]) -> Vec<String> {
    keys.iter().map(|k| word(lang, k).to_string()).collect()
}

fn count(n: usize) -> Cell {
    Cell::Number(n as f64)
}

/// A club's convocation list: email, nom, prénom, phone, the session that
/// brought each person (number and month).
fn convocation(lang: Lang, club: &ActivityView) -> Table {
    let row = |r: &ConvocationRow| {
        vec![
            Cell::text(r.email.as_deref()),
            Cell::Text(r.nom.clone()),
            Cell::Text(r.prenom.clone()),
            Cell::text(r.telephone.as_deref()),
            r.session_numero
                .map_or(Cell::Empty, |n| Cell::Number(n.into())),
            r.session_mois.map_or(Cell::Empty, |m| {
                Cell::Month(
                    m.first_day(),
                    format!("{} {}", month(lang, m.month), m.year),
                )
            }),
        ]
    };
    Table {
        title: word(lang, "convocation").to_string(),
        headers: headers(
            lang,
            &[
                "email",
                "nom",
                "prenom",
                "telephone",
                "session_numero",
                "session_mois",
            ],
        ),
        rows: club.convocation.iter().map(row).collect(),
    }
}

/// A column of a mentorship table: its header (a word of `labels.rs`) and
/// its cell for one mentorship.
type MentorshipColumn = (&'static str, fn(&MentorshipRow) -> Cell);

/// The columns shared by both mentorship tables.
const FILLEUL: MentorshipColumn = ("filleul", |m| Cell::Text(m.filleul.nom.clone()));
const PARRAIN: MentorshipColumn = ("parrain", |m| Cell::Text(m.parrain.nom.clone()));
const DEBUT: MentorshipColumn = ("debut", |m| Cell::date(m.debut));
const ENTRETIENS: MentorshipColumn = ("entretiens", |m| m.entretiens.map_or(Cell::Empty, count));

/// The ongoing mentorships, late ones first (as on the page).
fn en_cours(lang: Lang, rows: &[MentorshipRow]) -> Table {
    mentorships(
        lang,
        "en_cours",
        rows,
        &[
            FILLEUL,
            PARRAIN,
            DEBUT,
            ENTRETIENS,
            ("dernier_entretien", |m| Cell::date(m.dernier_entretien)),
        ],
    )
}

/// The finished mentorships.
fn termines(lang: Lang, rows: &[MentorshipRow]) -> Table {
    mentorships(
        lang,
        "termines",
        rows,
        &[
            FILLEUL,
            PARRAIN,
            DEBUT,
            ("fin", |m| Cell::date(m.fin)),
            ENTRETIENS,
            ("motif_fin", |m| Cell::text(m.motif_fin.as_deref())),
        ],
    )
}

/// A table of mentorships titled « Parrainages — `status` », one line each,
/// with `columns`.
fn mentorships(
    lang: Lang,
    status: &'static str,
    rows: &[MentorshipRow],
    columns: &[MentorshipColumn],
) -> Table {
    Table {
        title: format!("{} — {}", word(lang, "parrainages"), word(lang, status)),
        headers: columns
            .iter()
            .map(|(key, _)| word(lang, key).to_string())
            .collect(),
        rows: rows
            .iter()
            .map(|m| columns.iter().map(|(_, cell)| cell(m)).collect())
            .collect(),
    }
}

/// One filleul's mentorship: identity, mentor, dates, end, observations on
/// a first sheet, one line per field (it reads and prints like a fiche);
/// every interview on a second (their reports as the view holds them: the
/// internal profile only has them).
fn filleul(lang: Lang, p: &PersonView) -> Vec<Table> {
    let Some(m) = &p.parrainage else {
        return Vec::new();
    };
    let fields = [
        ("civilite_titre", Cell::text(Some(p.civilite))),
        ("nom", Cell::Text(p.nom.clone())),
        ("prenom", Cell::Text(p.prenom.clone())),
        ("telephone", Cell::text(p.telephone.as_deref())),
        ("mobile", Cell::text(p.mobile.as_deref())),
        ("email", Cell::text(p.email.as_deref())),
        ("parrain", Cell::Text(m.parrain.nom.clone())),
        ("debut", Cell::date(m.debut)),
        ("fin", Cell::date(m.fin)),
        ("motif_fin", Cell::text(m.motif_fin.as_deref())),
        ("observations", Cell::text(m.observations.as_deref())),
    ];
    let identity = Table {
        title: word(lang, "parrainage").to_string(),
        headers: headers(lang, &["rubrique", "valeur"]),
        rows: fields
            .into_iter()
            .map(|(key, value)| vec![Cell::Text(word(lang, key).to_string()), value])
            .collect(),
    };
    let interviews = Table {
        title: word(lang, "entretiens").to_string(),
        headers: headers(lang, &["date", "disponibilite", "compte_rendu"]),
        rows: m
            .entretiens
            .iter()
            .map(|e| {
                vec![
                    Cell::Date(e.date),
                    Cell::text(e.disponibilite.as_deref()),
                    Cell::text(e.compte_rendu.as_deref()),
                ]
            })
            .collect(),
    };
    vec![identity, interviews]
}

/// The people enrolled in a session or club; financing columns in the
/// internal profile only.
fn inscrits(lang: Lang, a: &ActivityView, internal: bool) -> Table {
    let mut keys = vec!["nom"];
    if internal {
        keys.extend(["financement", "caf", "cli", "complement"]);
    }
    keys.push("inscrit_depuis");
    Table {
        title: word(lang, "inscrits").to_string(),
        headers: headers(lang, &keys),
        rows: a
            .inscrits
            .iter()
            .map(|i| {
                let mut row = vec![Cell::Text(i.personne.nom.clone())];
                if internal {
                    row.extend([
                        Cell::text(i.financement.as_deref()),
                        Cell::text(i.caf.as_deref()),
                        Cell::text(i.cli.as_deref()),
                        Cell::text(i.complement.as_deref()),
                    ]);
                }
                row.push(Cell::date(i.depuis));
                row
            })
            .collect(),
    }
}
