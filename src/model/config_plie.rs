//! carnet.yaml `plie:` as used: the signatory of the exit letters and the
//! size of the archive-box labels, checked, with their defaults.

use crate::diagnostic::{Diagnostic, msg};
use crate::load::config_plie::RawPlie;
use crate::load::spanned::Sp;
use crate::source::{FileId, Span};

/// Default label: 99.1 × 67.7 mm, the common sheet of 2 × 4 labels.
pub const LARGEUR_DEFAUT: f32 = 99.1;
/// See [`LARGEUR_DEFAUT`].
pub const HAUTEUR_DEFAUT: f32 = 67.7;
/// A label is at least this wide (mm): room for a name on a line.
const LARGEUR_MIN: f32 = 40.0;
/// A label is at least this tall (mm): room for the year, the nature and a name.
const HAUTEUR_MIN: f32 = 30.0;
/// What a label holds above its names (organisation, year and box number,
/// nature, first and last names) and its margins, in mm; each name takes
/// [`LIGNE_MM`] below. An estimate: the label's text is set smaller when it
/// would not fit, so that no name is ever cut.
const ENTETE_MM: f32 = 30.0;
/// Height of a line of names on a label (mm).
const LIGNE_MM: f32 = 4.0;

/// Who signs the exit letters.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Signataire {
    /// Name.
    pub nom: String,
    /// Function.
    pub fonction: Option<String>,
}

/// The size of the archive-box labels and how many names each holds.
#[derive(Clone, Debug, PartialEq)]
pub struct Etiquettes {
    /// Width (mm).
    pub largeur: f32,
    /// Height (mm).
    pub hauteur: f32,
    /// Names per label (a box holds the files of one label's names).
    pub noms: u32,
}

impl Etiquettes {
    /// Labels of `largeur` × `hauteur` mm holding what their height allows.
    pub fn of(largeur: f32, hauteur: f32) -> Etiquettes {
        Etiquettes {
            largeur,
            hauteur,
            noms: (((hauteur - ENTETE_MM) / LIGNE_MM).floor() as u32).max(1),
        }
    }
}

/// carnet.yaml `plie:`, checked.
#[derive(Clone, Debug, PartialEq)]
pub struct PlieConfig {
    /// Who signs the exit letters (none: a line to sign by hand).
    pub signataire: Option<Signataire>,
    /// Archive-box labels.
    pub etiquettes: Etiquettes,
}

impl Default for PlieConfig {
    fn default() -> PlieConfig {
        PlieConfig {
            signataire: None,
            etiquettes: Etiquettes::of(LARGEUR_DEFAUT, HAUTEUR_DEFAUT),
        }
    }
}

fn text(t: &Option<crate::load::records::Text>) -> Option<String> {
    t.as_ref()
        .map(|t| t.text().trim().to_string())
        .filter(|t| !t.is_empty())
}

/// A label size in `min..=max` mm, or an error at the value.
fn size(
    value: Option<&Sp<f32>>,
    (fr, en): (&str, &str),
    (min, max, default): (f32, f32, f32),
    file: FileId,
    diagnostics: &mut Vec<Diagnostic>,
) -> f32 {
    let Some(v) = value else { return default };
    if v.value.is_finite() && (min..=max).contains(&v.value) {
        return v.value;
    }
    diagnostics.push(
        Diagnostic::error_msg(
            Span::new(file, v.range.clone()),
            msg(
                format!("{fr} d'étiquette impossible : {} mm", v.value),
                format!("impossible label {en}: {} mm", v.value),
            ),
        )
        .expected_msg(msg(
            format!(
                "un nombre de millimètres entre {min} et {max} (une planche A4 fait 210 × 297 mm)"
            ),
            format!(
                "a number of millimetres between {min} and {max} (an A4 sheet is 210 × 297 mm)"
            ),
        )),
    );
    default
}

impl PlieConfig {
    /// Checks carnet.yaml `plie:` (absent: the defaults).
    pub fn from_raw(
        raw: Option<&RawPlie>,
        file: FileId,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> PlieConfig {
        let Some(raw) = raw else {
            return PlieConfig::default();
        };
        let signataire = raw.signataire.as_ref().and_then(|s| match text(&s.nom) {
            Some(nom) => Some(Signataire {
                nom,
                fonction: text(&s.fonction),
            }),
            None => {
                let span = match (&s.nom, &s.fonction) {
                    (Some(n), _) => Span::new(file, n.range.clone()),
                    (None, Some(f)) => Span::new(file, f.range.clone()),
                    (None, None) => Span::file_start(file),
                };
                diagnostics.push(
                    Diagnostic::error_msg(
                        span,
                        msg(
                            "le signataire des courriers de sortie n'a pas de nom",
                            "the signatory of the exit letters has no nom",
                        ),
                    )
                    .expected_msg(msg(
                        "signataire: { nom: \"Prénom Nom\", fonction: \"Directrice du PLIE\" }",
                        "signataire: { nom: \"First Last\", fonction: \"Head of the PLIE\" }",
                    )),
                );
                None
            }
        });
        let etiquettes = match &raw.etiquettes {
            None => Etiquettes::of(LARGEUR_DEFAUT, HAUTEUR_DEFAUT),
            Some(e) => {
                let largeur = size(
                    e.largeur.as_ref(),
                    ("largeur", "width"),
                    (LARGEUR_MIN, 210.0, LARGEUR_DEFAUT),
                    file,
                    diagnostics,
                );
                let hauteur = size(
                    e.hauteur.as_ref(),
                    ("hauteur", "height"),
                    (HAUTEUR_MIN, 297.0, HAUTEUR_DEFAUT),
                    file,
                    diagnostics,
                );
                let mut etiquettes = Etiquettes::of(largeur, hauteur);
                if let Some(n) = &e.noms {
                    if n.value == 0 {
                        diagnostics.push(
                            Diagnostic::error_msg(
                                Span::new(file, n.range.clone()),
                                msg(
                                    "une étiquette d'archives porte au moins un nom",
                                    "an archive label holds at least one name",
                                ),
                            )
                            .expected_msg(msg(
                                "un nombre de noms par étiquette, 1 ou plus",
                                "a number of names per label, 1 or more",
                            )),
                        );
                    } else {
                        etiquettes.noms = n.value;
                    }
                }
                etiquettes
            }
        };
        PlieConfig {
            signataire,
            etiquettes,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sheet_of_2_by_4_labels_holds_nine_names_each() {
        // 67.7 mm: 30 mm of heading and margins, then 37.7 / 4 = 9 lines.
        assert_eq!(Etiquettes::of(99.1, 67.7).noms, 9);
        // 2 × 7 labels (38.1 mm): 2 names.
        assert_eq!(Etiquettes::of(99.1, 38.1).noms, 2);
        assert_eq!(Etiquettes::of(99.1, 30.0).noms, 1);
    }
}
