//! Form layouts (templates/forms/*.yaml): what a printable form contains, as
//! data, so that a kit can change a form or add one without Rust. Strings may
//! hold placeholders `{{ … }}` filled from the record the form is printed for.

use super::records::Text;
use super::spanned::Sp;
use schemars::JsonSchema;
use serde::Deserialize;

/// A form layout as typed.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawLayout {
    /// Nom court du formulaire, pour les liens des fiches (ex. « Feuille de présence »)
    pub nom: Option<Text>,
    /// Titre du formulaire (pied de page, titre du PDF), avec des {{ … }}
    #[schemars(required)]
    pub titre: Option<Text>,
    /// Pour quoi le formulaire est imprimé : session_cycle, club_atelier, session, club,
    /// inscription, parrainage, personne, attestation, participant, vierge, sortie (courriers de
    /// sortie PLIE), archive (étiquettes des boîtes d'archives PLIE)
    #[schemars(required, extend("enum" = ["session_cycle", "club_atelier", "session", "club", "inscription", "parrainage", "personne", "attestation", "participant", "vierge", "sortie", "archive"]))]
    pub pour: Option<Text>,
    /// portrait (défaut) ou paysage
    #[schemars(extend("enum" = ["portrait", "paysage"]))]
    pub orientation: Option<Text>,
    /// Les blocs, de haut en bas
    #[schemars(required)]
    pub blocs: Option<Vec<Sp<RawBlock>>>,
}

/// One block of a form: exactly one of its keys is set.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawBlock {
    /// Titre principal (centré)
    pub titre: Option<Text>,
    /// Titre de section
    pub section: Option<Text>,
    /// Texte en Markdown (gras, italique, listes)
    pub texte: Option<Text>,
    /// Champs : libellé et valeur ; sans valeur (ou valeur vide), une ligne à remplir
    pub champs: Option<Vec<RawField>>,
    /// Cases à cocher
    pub cases: Option<RawCheckboxes>,
    /// Tableau : lignes tirées des données, puis des lignes vides
    pub tableau: Option<RawTable>,
    /// Cadres de signature, côte à côte
    pub signatures: Option<Vec<Text>>,
    /// Logos et mentions des financeurs de carnet.yaml
    pub financeurs: Option<Sp<bool>>,
    /// Espace vertical, en millimètres
    pub espace: Option<Sp<f32>>,
    /// Saut de page
    pub saut_de_page: Option<Sp<bool>>,
    /// N'afficher le bloc que si cette valeur est non vide (ex. « parrainage.entretiens »)
    pub si: Option<Text>,
    /// Texte en Markdown dans la moitié droite de la page (destinataire, lieu et date, signataire d'un courrier)
    pub a_droite: Option<Text>,
    /// Planche d'étiquettes : une étiquette par élément d'une liste, à la taille de carnet.yaml plie.etiquettes
    pub etiquettes: Option<RawLabels>,
}

/// A sheet of labels.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawLabels {
    /// Liste des données qui donne une étiquette par élément (ex. etiquettes)
    #[schemars(required)]
    pub pour_chaque: Option<Text>,
    /// Texte d'une étiquette en Markdown, avec des {{ etiquette.… }}
    #[schemars(required)]
    pub texte: Option<Text>,
}

/// A labelled value.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawField {
    /// Libellé
    #[schemars(required)]
    pub libelle: Option<Text>,
    /// Valeur, avec des {{ … }} ; vide : ligne à remplir à la main
    pub valeur: Option<Text>,
}

/// Tick boxes.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawCheckboxes {
    /// Texte avant les cases
    pub libelle: Option<Text>,
    /// Les cases
    #[schemars(required)]
    pub options: Option<Vec<RawCheckbox>>,
}

/// One tick box.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawCheckbox {
    /// Texte de la case
    #[schemars(required)]
    pub texte: Option<Text>,
    /// Cochée si cette valeur est vraie (ex. « personne.emploi »)
    pub cochee_si: Option<Text>,
}

/// A table.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawTable {
    /// Liste des données qui donne une ligne par élément (ex. personnes) ; absente : que des lignes vides
    pub lignes: Option<Text>,
    /// Lignes vides ajoutées après les données (arrivées imprévues)
    pub lignes_vides: Option<Sp<u32>>,
    /// Hauteur minimale d'une ligne, en millimètres
    pub hauteur_ligne: Option<Sp<f32>>,
    /// Les colonnes
    #[schemars(required)]
    pub colonnes: Option<Vec<RawColumn>>,
}

/// A column, or a group of columns repeated for each element of a list.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawColumn {
    /// Titre de la colonne ({{ element.… }} dans une colonne répétée)
    #[schemars(required)]
    pub titre: Option<Text>,
    /// Largeur relative (1 par défaut)
    pub largeur: Option<Sp<f32>>,
    /// Contenu de la cellule ({{ ligne.… }}) ; vide : case à remplir
    pub valeur: Option<Text>,
    /// Répéter la colonne pour chaque élément de cette liste (ex. ateliers)
    pub pour_chaque: Option<Text>,
    /// Colonnes répétées quand la liste est vide (formulaire vierge)
    pub colonnes_vides: Option<Sp<u32>>,
    /// Une colonne par demi-journée (matin, après-midi) si carnet.yaml presence_demi_journee
    pub demi_journees: Option<Sp<bool>>,
}

/// Reads the form layouts: the built-in ones (embedded), each replaced by the
/// kit's `templates/forms/<same name>.yaml`, plus the kit's own new forms.
/// Files are added to the sources; problems go to the diagnostics.
pub(super) fn load_all(
    kit: &super::kit_dir::KitDir,
    loaded: &mut super::Loaded,
) -> Vec<super::RawFile<RawLayout>> {
    use crate::source::SourceFile;
    use std::collections::BTreeMap;
    /// Where a layout comes from: built in, or the kit's file.
    enum Origin {
        BuiltIn(&'static str),
        Kit(String, super::kit_dir::Reached),
    }
    let mut found: BTreeMap<String, Origin> = crate::embedded::TEMPLATES
        .get_dir("forms")
        .into_iter()
        .flat_map(|dir| dir.files())
        .filter_map(|f| {
            let name = f.path().file_name()?.to_string_lossy().into_owned();
            let text = f.contents_utf8()?;
            name.ends_with(".yaml")
                .then_some((name, Origin::BuiltIn(text)))
        })
        .collect();
    let mut files = Vec::new();
    let mut problems = Vec::new();
    super::walk::walk(
        kit,
        "templates/forms",
        &super::walk::FORMS,
        &mut files,
        &mut problems,
    );
    for (rel, reached) in files {
        let name = rel.trim_start_matches("templates/forms/").to_string();
        found.insert(name, Origin::Kit(rel, reached));
    }
    for problem in problems {
        loaded.report(kit, problem);
    }
    let mut layouts = Vec::new();
    for (name, origin) in found {
        let id = name
            .trim_end_matches(".yaml")
            .trim_end_matches(".yml")
            .to_string();
        let file = match origin {
            Origin::BuiltIn(text) => Some(loaded.sources.add(SourceFile::new(
                format!("templates/forms/{name}"),
                std::path::PathBuf::new(),
                text.to_string(),
            ))),
            Origin::Kit(rel, reached) => loaded.add_text(kit, &rel, &reached),
        };
        let Some(file) = file else {
            continue;
        };
        match super::parse_yaml::<RawLayout>(loaded.sources.get(file), file) {
            Ok(record) => layouts.push(super::RawFile {
                file,
                id,
                record: std::sync::Arc::new(record),
            }),
            Err(found) => loaded.diagnostics.extend(found),
        }
    }
    layouts
}
