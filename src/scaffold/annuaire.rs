//! The consent written into the files `init` and `new` make: a person's
//! `annuaire:` block with every field spelled out, so staff see what each
//! person publishes, and the opt-in default of a new kit.

use super::ScaffoldError;
use serde::Deserialize;

/// Consent per field, as written in a person's `annuaire:` block.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Consent {
    /// Name (and so the fiche).
    pub nom: bool,
    /// Phone and mobile numbers.
    pub telephone: bool,
    /// Email address.
    pub email: bool,
    /// Home address.
    pub adresse: bool,
}

impl Consent {
    /// What a kit publishes of a person whose file says nothing: its
    /// `annuaire_par_defaut` for name, phones and email, never the address.
    pub fn by_default(annuaire_par_defaut: bool) -> Consent {
        Consent {
            nom: annuaire_par_defaut,
            telephone: annuaire_par_defaut,
            email: annuaire_par_defaut,
            adresse: false,
        }
    }

    /// The `annuaire:` block, with a comment saying what it publishes.
    pub fn block(self) -> String {
        format!(
            "# Ce que le site public et les listes remises aux membres montrent de cette personne (true : publié, false : caché)\n\
             annuaire:\n  nom: {}\n  telephone: {}\n  email: {}\n  adresse: {}\n",
            self.nom, self.telephone, self.email, self.adresse
        )
    }
}

/// The line of carnet.yaml that `carnet init` writes, and why.
const OPT_IN: &str = "# false : une personne n'apparaît sur le site public que pour ce que sa fiche accepte (annuaire:).\n\
     # Le site est sur le web ouvert, pas derrière un accès réservé aux membres.\n\
     annuaire_par_defaut: false\n";

/// carnet.yaml text with `annuaire_par_defaut: false` and its explanation,
/// in place of the line setting it (or at the end).
pub fn opt_in(config: &str) -> String {
    let mut out = String::new();
    let mut set = false;
    for line in config.split_inclusive('\n') {
        if line.starts_with("annuaire_par_defaut:") {
            out.push_str(OPT_IN);
            set = true;
        } else {
            out.push_str(line);
        }
    }
    if !set {
        if !out.is_empty() && !out.ends_with('\n') {
            out.push('\n');
        }
        out.push_str(OPT_IN);
    }
    out
}

/// The only setting of carnet.yaml that scaffolding reads.
#[derive(Deserialize)]
struct DefaultConsent {
    annuaire_par_defaut: Option<bool>,
}

/// The `annuaire_par_defaut` that carnet.yaml text sets (the model's default
/// when it says nothing).
pub fn kit_default(config: &str) -> Result<bool, ScaffoldError> {
    let read: Option<DefaultConsent> = serde_saphyr::from_str(config).map_err(|_| {
        ScaffoldError(
            "carnet.yaml est illisible, impossible de savoir ce qu'une nouvelle fiche publie \
             (annuaire_par_defaut) : corrigez-le (carnet check) puis recommencez"
                .into(),
        )
    })?;
    Ok(read
        .and_then(|r| r.annuaire_par_defaut)
        .unwrap_or(crate::model::config::Config::default().annuaire_par_defaut))
}

/// A person file with its consent spelled out: the fields its `annuaire:`
/// block (block style) leaves out, or the whole block when there is none,
/// written with the values `annuaire_par_defaut` gave them.
pub fn spell_out(person: &str, annuaire_par_defaut: bool) -> String {
    let lines: Vec<&str> = person.split_inclusive('\n').collect();
    let mut consent = Consent::by_default(annuaire_par_defaut);
    let Some(start) = lines.iter().position(|l| l.trim_end() == "annuaire:") else {
        if lines.iter().any(|l| l.starts_with("annuaire:")) {
            return person.to_string();
        }
        let mut out = person.to_string();
        if !out.is_empty() && !out.ends_with('\n') {
            out.push('\n');
        }
        out.push_str(&consent.block());
        return out;
    };
    let end = start
        + 1
        + lines[start + 1..]
            .iter()
            .take_while(|l| l.starts_with(' '))
            .count();
    for line in &lines[start + 1..end] {
        let Some((key, value)) = line.trim().split_once(':') else {
            return person.to_string();
        };
        let value = match value.trim() {
            "true" => true,
            "false" => false,
            _ => return person.to_string(),
        };
        match key.trim() {
            "nom" => consent.nom = value,
            "telephone" => consent.telephone = value,
            "email" => consent.email = value,
            "adresse" => consent.adresse = value,
            _ => return person.to_string(),
        }
    }
    let mut out: String = lines[..start].concat();
    out.push_str(&consent.block());
    out.push_str(&lines[end..].concat());
    out
}

#[cfg(test)]
mod tests {
    use super::{kit_default, opt_in, spell_out};

    #[test]
    fn a_new_kit_is_opt_in_and_says_why() {
        let config = opt_in("titre: Essai\nannuaire_par_defaut: true\nlangue: fr\n");
        assert!(
            config.contains("\nannuaire_par_defaut: false\nlangue: fr\n"),
            "{config}"
        );
        assert!(!config.contains("annuaire_par_defaut: true"), "{config}");
        assert!(config.contains("web ouvert"), "{config}");
        assert_eq!(kit_default(&config).ok(), Some(false));
        assert!(opt_in("titre: Essai").ends_with("\nannuaire_par_defaut: false\n"));
    }

    #[test]
    fn the_kit_default_is_read_from_carnet_yaml() {
        assert_eq!(kit_default("titre: Essai\n").ok(), Some(true));
        assert_eq!(kit_default("").ok(), Some(true));
        assert_eq!(
            kit_default("titre: Essai\nannuaire_par_defaut: false\nroles: [x]\n").ok(),
            Some(false)
        );
        assert!(kit_default("titre: [Essai\n").is_err());
    }

    #[test]
    fn a_person_without_a_block_gets_one_with_the_default_and_no_address() {
        let person = spell_out("nom: Dupont\nprenom: Jean\n", true);
        assert!(
            person.ends_with(
                "annuaire:\n  nom: true\n  telephone: true\n  email: true\n  adresse: false\n"
            ),
            "{person}"
        );
        assert!(
            person.starts_with("nom: Dupont\nprenom: Jean\n# "),
            "{person}"
        );
    }

    #[test]
    fn a_partial_block_keeps_its_choices_and_gains_the_others() {
        let person = spell_out(
            "nom: Leclerc\nannuaire:\n  telephone: false\netudes: []\n",
            true,
        );
        assert_eq!(
            person.split_once("annuaire:\n").map(|(_, rest)| rest),
            Some("  nom: true\n  telephone: false\n  email: true\n  adresse: false\netudes: []\n"),
            "{person}"
        );
    }
}
