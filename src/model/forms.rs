//! Rules of a form layout (templates/forms/*.yaml): one kind per block, known
//! targets and orientations, placeholders that compile. The checked layout
//! ([`crate::form_layout`]) is what the view carries and the PDF renderer reads.

use super::values::{Checker, opt_text};
use crate::diagnostic::{Diagnostic, msg};
use crate::form_layout::*;
use crate::load::RawFile;
use crate::load::layout::{RawBlock, RawColumn, RawLayout, RawTable};
use crate::load::records::Text;
use crate::load::spanned::Sp;
use crate::source::Span;

/// Checks every layout.
pub(super) fn build_all(
    raws: &[RawFile<RawLayout>],
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<FormLayout> {
    let mut layouts: Vec<FormLayout> = raws
        .iter()
        .filter_map(|raw| {
            let mut c = Checker {
                file: raw.file,
                diagnostics,
            };
            build_one(raw, &mut c)
        })
        .collect();
    layouts.sort_by(|a, b| a.id.cmp(&b.id));
    layouts
}

/// A placeholder string, checked (for the other layout rules' files).
pub(super) fn template(c: &mut Checker, text: &Text) -> Tpl {
    tpl(c, text)
}

/// A data path, checked (for the other layout rules' files).
pub(super) fn data_path(c: &mut Checker, text: &Text) -> DataPath {
    path(c, text)
}

fn tpl(c: &mut Checker, text: &Text) -> Tpl {
    let env = minijinja::Environment::new();
    if let Err(e) = env.template_from_str(&text.value) {
        c.error(
            text,
            msg(
                format!(
                    "espace réservé {{{{ … }}}} mal écrit : {}",
                    e.detail().unwrap_or("syntaxe invalide")
                ),
                format!(
                    "badly written placeholder {{{{ … }}}}: {}",
                    e.detail().unwrap_or("invalid syntax")
                ),
            ),
            msg(
                "{{ chemin.vers.valeur }}, par exemple {{ personne.nom }}",
                "{{ path.to.value }}, for example {{ personne.nom }}",
            ),
        );
    }
    Tpl {
        source: text.value.clone(),
        span: c.span(text),
    }
}

fn path(c: &mut Checker, text: &Text) -> DataPath {
    let p = text.text();
    let valid = !p.is_empty()
        && p.split('.').all(|part| {
            !part.is_empty()
                && part
                    .chars()
                    .all(|ch| ch.is_ascii_alphanumeric() || ch == '_')
        });
    if !valid {
        c.error(
            text,
            msg(
                format!("chemin de données invalide « {p} »"),
                format!("invalid data path « {p} »"),
            ),
            msg(
                "des noms séparés par des points, par exemple personnes ou session.ateliers",
                "names separated by dots, for example personnes or session.ateliers",
            ),
        );
    }
    DataPath {
        path: p.to_string(),
        span: c.span(text),
    }
}

fn build_one(raw: &RawFile<RawLayout>, c: &mut Checker) -> Option<FormLayout> {
    let r = &raw.record;
    let titre = match &r.titre {
        Some(t) => tpl(c, t),
        None => {
            c.missing(
                "titre",
                msg(
                    "le titre du formulaire, par exemple titre: \"Feuille de présence\"",
                    "the title of the form, for example titre: \"Feuille de présence\"",
                ),
            );
            return None;
        }
    };
    let target = match &r.pour {
        None => {
            c.missing("pour", msg(
                "session_cycle, club_atelier, session, club, inscription, parrainage, personne, attestation, participant, vierge, sortie ou archive",
                "session_cycle, club_atelier, session, club, inscription, parrainage, personne, attestation, participant, vierge, sortie or archive",
            ));
            return None;
        }
        Some(p) => match TARGETS.iter().find(|(name, _)| *name == p.text()) {
            Some((_, target)) => *target,
            None => {
                let targets = TARGETS
                    .iter()
                    .map(|(n, _)| *n)
                    .collect::<Vec<_>>()
                    .join(", ");
                c.error(
                    p,
                    msg(
                        format!(
                            "« {} » : on ne sait pas pour quoi imprimer ce formulaire",
                            p.text()
                        ),
                        format!("« {} »: what this form is printed for is unknown", p.text()),
                    ),
                    msg(targets.clone(), targets),
                );
                return None;
            }
        },
    };
    let landscape = match &r.orientation {
        None => false,
        Some(o) => match o.text() {
            "portrait" => false,
            "paysage" => true,
            other => {
                c.error(
                    o,
                    msg(
                        format!("orientation inconnue « {other} »"),
                        format!("unknown orientation « {other} »"),
                    ),
                    msg("portrait ou paysage", "portrait or paysage"),
                );
                false
            }
        },
    };
    let blocks: Vec<LayoutBlock> = r
        .blocs
        .iter()
        .flatten()
        .filter_map(|b| block(c, b))
        .collect();
    super::forms_labels::alone(c, &blocks, r.blocs.as_deref().unwrap_or_default());
    Some(FormLayout {
        id: raw.id.clone(),
        file: raw.file,
        nom: opt_text(&r.nom).unwrap_or_else(|| raw.id.replace('-', " ")),
        titre,
        target,
        landscape,
        blocks,
    })
}

fn block(c: &mut Checker, raw: &Sp<RawBlock>) -> Option<LayoutBlock> {
    let b = &raw.value;
    let mut kinds: Vec<BlockKind> = Vec::new();
    if let Some(t) = &b.titre {
        kinds.push(BlockKind::Heading(tpl(c, t), 1));
    }
    if let Some(t) = &b.section {
        kinds.push(BlockKind::Heading(tpl(c, t), 2));
    }
    if let Some(t) = &b.texte {
        kinds.push(BlockKind::Text(tpl(c, t)));
    }
    if let Some(fields) = &b.champs {
        let items = fields
            .iter()
            .filter_map(|f| {
                let Some(label) = &f.libelle else {
                    c.diagnostics.push(
                        Diagnostic::error_msg(
                            Span::new(c.file, raw.range.clone()),
                            msg("champ sans libellé", "field without a libelle"),
                        )
                        .expected_msg(msg(
                            "libelle: \"Nom\" (et valeur: \"{{ personne.nom }}\")",
                            "libelle: \"Nom\" (and valeur: \"{{ personne.nom }}\")",
                        )),
                    );
                    return None;
                };
                Some((tpl(c, label), f.valeur.as_ref().map(|v| tpl(c, v))))
            })
            .collect();
        kinds.push(BlockKind::Fields(items));
    }
    if let Some(boxes) = &b.cases {
        let label = boxes.libelle.as_ref().map(|l| tpl(c, l));
        let items = boxes
            .options
            .iter()
            .flatten()
            .filter_map(|o| {
                let text = o.texte.as_ref()?;
                Some((tpl(c, text), o.cochee_si.as_ref().map(|p| path(c, p))))
            })
            .collect();
        kinds.push(BlockKind::Checkboxes(label, items));
    }
    if let Some(table) = &b.tableau {
        kinds.push(BlockKind::Table(layout_table(c, table, raw)));
    }
    if let Some(signatures) = &b.signatures {
        kinds.push(BlockKind::Signatures(
            signatures.iter().map(|s| tpl(c, s)).collect(),
        ));
    }
    if b.financeurs.as_ref().is_some_and(|f| f.value) {
        kinds.push(BlockKind::Funders);
    }
    if let Some(space) = &b.espace {
        kinds.push(BlockKind::Spacer(space.value.clamp(0.0, 200.0)));
    }
    if b.saut_de_page.as_ref().is_some_and(|p| p.value) {
        kinds.push(BlockKind::PageBreak);
    }
    if let Some(t) = &b.a_droite {
        kinds.push(BlockKind::RightText(tpl(c, t)));
    }
    if let Some(labels) = &b.etiquettes {
        kinds.extend(super::forms_labels::labels(c, labels, raw));
    }
    let si = b.si.as_ref().map(|p| path(c, p));
    let span = Span::new(c.file, raw.range.clone());
    match kinds.len() {
        1 => kinds.pop().map(|kind| LayoutBlock { si, kind }),
        0 => {
            c.diagnostics.push(
                Diagnostic::error_msg(span, msg("bloc vide", "empty block"))
                    .expected_msg(msg(
                        "une des clés titre, section, texte, champs, cases, tableau, signatures, financeurs, espace, saut_de_page, a_droite, etiquettes",
                        "one of the keys titre, section, texte, champs, cases, tableau, signatures, financeurs, espace, saut_de_page, a_droite, etiquettes",
                    )),
            );
            None
        }
        _ => {
            c.diagnostics.push(
                Diagnostic::error_msg(
                    span,
                    msg(
                        "un bloc ne peut avoir qu'une seule sorte de contenu",
                        "a block can hold only one sort of content",
                    ),
                )
                .expected_msg(msg(
                    "un bloc par élément (une ligne « - » par titre, texte, tableau…)",
                    "one block per element (one « - » line per titre, texte, tableau…)",
                )),
            );
            None
        }
    }
}

fn layout_table(c: &mut Checker, t: &RawTable, raw: &Sp<RawBlock>) -> LayoutTable {
    let columns: Vec<LayoutColumn> = t
        .colonnes
        .iter()
        .flatten()
        .filter_map(|col| column(c, col))
        .collect();
    if columns.is_empty() {
        c.diagnostics.push(
            Diagnostic::error_msg(
                Span::new(c.file, raw.range.clone()),
                msg("tableau sans colonne", "tableau without columns"),
            )
            .expected_msg(msg(
                "colonnes: - titre: \"Nom\"",
                "colonnes: - titre: \"Nom\"",
            )),
        );
    }
    LayoutTable {
        rows: t.lignes.as_ref().map(|p| path(c, p)),
        blank_rows: t.lignes_vides.as_ref().map_or(0, |n| n.value.min(200)),
        min_row_height: t
            .hauteur_ligne
            .as_ref()
            .map_or(8.0, |h| h.value.clamp(4.0, 60.0)),
        columns,
    }
}

fn column(c: &mut Checker, col: &RawColumn) -> Option<LayoutColumn> {
    let Some(titre) = &col.titre else {
        c.missing(
            "colonnes.titre",
            msg("le titre de chaque colonne", "the title of each column"),
        );
        return None;
    };
    Some(LayoutColumn {
        titre: tpl(c, titre),
        width: col
            .largeur
            .as_ref()
            .map_or(1.0, |w| w.value.clamp(0.1, 50.0)),
        value: col.valeur.as_ref().map(|v| tpl(c, v)),
        repeat: col.pour_chaque.as_ref().map(|p| path(c, p)),
        blank_repeats: col.colonnes_vides.as_ref().map_or(0, |n| n.value.min(40)),
        half_days: col.demi_journees.as_ref().is_some_and(|h| h.value),
    })
}
