//! Rules of a layout's sheet of labels (`etiquettes:` block): its list and
//! its text are given, and the block is alone in its layout (a sheet of
//! labels is aligned to the paper: no header, no other block).

use super::values::Checker;
use crate::diagnostic::{Diagnostic, msg};
use crate::form_layout::{BlockKind, LayoutBlock, LayoutLabels};
use crate::load::layout::{RawBlock, RawLabels};
use crate::load::spanned::Sp;
use crate::source::Span;

/// The checked `etiquettes:` block, or none after a diagnostic.
pub(super) fn labels(c: &mut Checker, raw: &RawLabels, block: &Sp<RawBlock>) -> Option<BlockKind> {
    let span = Span::new(c.file, block.range.clone());
    let (Some(list), Some(texte)) = (&raw.pour_chaque, &raw.texte) else {
        let field = if raw.pour_chaque.is_none() {
            "pour_chaque"
        } else {
            "texte"
        };
        c.missing_at(
            span,
            field,
            msg(
                "etiquettes: { pour_chaque: etiquettes, texte: \"**{{ etiquette.annee }}**\" }",
                "etiquettes: { pour_chaque: etiquettes, texte: \"**{{ etiquette.annee }}**\" }",
            ),
        );
        return None;
    };
    Some(BlockKind::Labels(LayoutLabels {
        list: super::forms::data_path(c, list),
        texte: super::forms::template(c, texte),
    }))
}

/// An error when a layout holding a sheet of labels has other blocks too.
pub(super) fn alone(c: &mut Checker, blocks: &[LayoutBlock], raws: &[Sp<RawBlock>]) {
    if blocks.len() < 2
        || !blocks
            .iter()
            .any(|b| matches!(b.kind, BlockKind::Labels(_)))
    {
        return;
    }
    let at = raws
        .iter()
        .find(|b| b.value.etiquettes.is_none())
        .or(raws.first())
        .map(|b| Span::new(c.file, b.range.clone()))
        .unwrap_or_else(|| Span::file_start(c.file));
    c.diagnostics.push(
        Diagnostic::error_msg(
            at,
            msg(
                "une planche d'étiquettes est seule dans son formulaire",
                "a sheet of labels is alone in its form",
            ),
        )
        .expected_msg(msg(
            "un seul bloc etiquettes (le texte de chaque étiquette est dans son texte)",
            "a single etiquettes block (each label's text goes in its texte)",
        )),
    );
}
