//! carnet.yaml `plie:` as typed: the settings of the PLIE's printed
//! documents (who signs the exit letters, the size of the archive-box labels).

use super::records::Text;
use super::spanned::Sp;
use schemars::JsonSchema;
use serde::Deserialize;

/// carnet.yaml `plie:`.
#[derive(Clone, Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawPlie {
    /// Signataire des courriers de sortie
    pub signataire: Option<RawSignataire>,
    /// Taille des étiquettes des boîtes d'archives (planche A4)
    pub etiquettes: Option<RawEtiquettes>,
}

/// Who signs the exit letters.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawSignataire {
    /// Prénom et nom (ex. « Hélène Marchal »)
    #[schemars(required)]
    pub nom: Option<Text>,
    /// Fonction (ex. « Directrice du PLIE »)
    pub fonction: Option<Text>,
}

/// The labels of a sheet.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawEtiquettes {
    /// Largeur d'une étiquette en millimètres (99.1 par défaut : planche de 2 × 4)
    pub largeur: Option<Sp<f32>>,
    /// Hauteur d'une étiquette en millimètres (67.7 par défaut : planche de 2 × 4)
    pub hauteur: Option<Sp<f32>>,
    /// Noms de personnes par étiquette (par défaut : ce que la hauteur permet)
    pub noms: Option<Sp<u32>>,
}
