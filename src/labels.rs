//! The words carnet prints (pages, forms, names of months), in French
//! (default) and English. Below the stages: any stage may use it.

use serde::Serialize;

/// Language of the generated pages and forms.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Français (default).
    #[default]
    Fr,
    /// English.
    En,
}
