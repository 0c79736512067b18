//! The command line's own words in the kit's language: clap's help headings,
//! flags and usage errors in French by default (clap writes English), left
//! in English when the kit found from the current folder has `langue: en`;
//! and the summary lines carnet prints after a command.

use carnet::labels::Lang;
use clap::error::{ContextKind, ContextValue, ErrorFormatter, ErrorKind};
use clap::{Arg, ArgAction, Command};
use std::fmt::Write as _;

/// The language of the kit holding the current folder (French when there is none).
pub fn current_lang() -> Lang {
    carnet::load::kit_root::find(std::path::Path::new("."))
        .map_or(Lang::Fr, |root| carnet::load::kit_lang(&root))
}

/// `command` with clap's own words in `lang`.
pub fn localize(command: Command, lang: Lang) -> Command {
    match lang {
        Lang::En => command,
        Lang::Fr => french(command, true),
    }
}

/// The help template: clap's default with the usage heading in French.
const TEMPLATE: &str =
    "{before-help}{about-with-newline}\nUtilisation : {usage}\n\n{all-args}{after-help}";

fn french(command: Command, root: bool) -> Command {
    let command = command
        .help_template(TEMPLATE)
        .subcommand_help_heading("Commandes")
        .subcommand_value_name("COMMANDE")
        .disable_help_subcommand(true)
        .disable_help_flag(true)
        .arg(
            Arg::new("aide")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help("Affiche l'aide"),
        )
        .mut_args(french_arg)
        .mut_subcommands(|sub| french(sub, false));
    if root {
        command.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help("Affiche la version"),
        )
    } else {
        command
    }
}

/// An argument whose `[default: …]` and `[possible values: …]` clap would
/// write in English: said in its help instead.
fn french_arg(arg: Arg) -> Arg {
    if !arg.get_action().takes_values() {
        return arg;
    }
    let mut help = arg.get_help().map(ToString::to_string).unwrap_or_default();
    let values: Vec<String> = arg
        .get_possible_values()
        .iter()
        .filter(|v| !v.is_hide_set())
        .map(|v| v.get_name().to_string())
        .collect();
    if !values.is_empty() {
        let _ = write!(help, " [valeurs : {}]", values.join(", "));
    }
    let defaults: Vec<String> = arg
        .get_default_values()
        .iter()
        .map(|d| d.to_string_lossy().into_owned())
        .collect();
    if !defaults.is_empty() {
        let _ = write!(help, " [par défaut : {}]", defaults.join(", "));
    }
    let name = VALUE_NAMES
        .iter()
        .find(|(id, _)| arg.get_id() == *id)
        .map(|(_, name)| *name);
    let arg = match name {
        Some(name) => arg.value_name(name),
        None => arg,
    };
    arg.hide_default_value(true)
        .hide_possible_values(true)
        .help(help.trim_start().to_string())
}

/// Prints a usage error (or the help, the version) in `lang` and exits: 2
/// for a usage error, 0 for the help and the version.
pub fn exit(error: clap::Error, lang: Lang) -> ! {
    let help = matches!(
        error.kind(),
        ErrorKind::DisplayHelp | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    );
    match lang {
        Lang::Fr if help => {
            // clap writes its headings « Options: »: French puts a space before the colon.
            let text = error.render().to_string();
            let text = HEADINGS.iter().fold(text, |text, h| {
                text.replace(&format!("\n{h}:\n"), &format!("\n{h} :\n"))
            });
            if error.use_stderr() {
                eprint!("{text}");
            } else {
                print!("{text}");
            }
            std::process::exit(error.exit_code())
        }
        Lang::En => error.exit(),
        Lang::Fr => error.apply::<French>().exit(),
    }
}

/// The headings of clap's help.
const HEADINGS: [&str; 3] = ["Commandes", "Arguments", "Options"];

/// French names of the values the arguments take, by argument id.
const VALUE_NAMES: [(&str, &str); 5] = [
    ("dir", "DOSSIER"),
    ("out", "DOSSIER"),
    ("profile", "PROFIL"),
    ("civilite", "CIVILITÉ"),
    ("prenom", "PRÉNOM"),
];

/// clap's usage errors written in French.
struct French;

impl ErrorFormatter for French {
    fn format_error(error: &clap::error::Error<Self>) -> clap::builder::StyledStr {
        let context = |kind| error.get(kind).map(ToString::to_string).unwrap_or_default();
        let arg = context(ContextKind::InvalidArg);
        let value = context(ContextKind::InvalidValue);
        let mut out = String::from("erreur : ");
        out.push_str(&match error.kind() {
            ErrorKind::UnknownArgument => format!("argument inattendu « {arg} »"),
            ErrorKind::InvalidSubcommand => format!(
                "commande inconnue « {} »",
                context(ContextKind::InvalidSubcommand)
            ),
            ErrorKind::InvalidValue | ErrorKind::ValueValidation if value.is_empty() => {
                format!("une valeur est attendue après « {arg} »")
            }
            ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
                format!("valeur « {value} » invalide pour « {arg} »")
            }
            ErrorKind::MissingRequiredArgument => {
                format!("argument obligatoire manquant : {arg}")
            }
            ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
                "une commande est attendue".to_string()
            }
            ErrorKind::ArgumentConflict if context(ContextKind::PriorArg) == arg => {
                format!("« {arg} » ne peut être donné qu'une fois")
            }
            ErrorKind::ArgumentConflict => format!(
                "« {arg} » ne peut pas être employé avec « {} »",
                context(ContextKind::PriorArg)
            ),
            ErrorKind::NoEquals => format!("« = » attendu entre « {arg} » et sa valeur"),
            ErrorKind::TooManyValues | ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
                format!("nombre de valeurs inattendu pour « {arg} »")
            }
            ErrorKind::InvalidUtf8 => "argument qui n'est pas du texte UTF-8".to_string(),
            _ => "arguments incorrects".to_string(),
        });
        out.push('\n');
        if let Some(ContextValue::Strings(valid)) = error.get(ContextKind::ValidValue) {
            let _ = writeln!(out, "  valeurs possibles : {}", valid.join(", "));
        }
        for kind in [
            ContextKind::SuggestedArg,
            ContextKind::SuggestedSubcommand,
            ContextKind::SuggestedValue,
        ] {
            if let Some(ContextValue::String(one)) = error.get(kind) {
                let _ = writeln!(out, "  conseil : vouliez-vous dire « {one} » ?");
            }
            if let Some(ContextValue::Strings(some)) = error.get(kind) {
                let some: Vec<String> = some.iter().map(|s| format!("« {s} »")).collect();
                let _ = writeln!(out, "  conseil : vouliez-vous dire {} ?", some.join(" ou "));
            }
        }
        if let Some(usage) = error.get(ContextKind::Usage) {
            let usage = usage.to_string();
            let usage = usage.trim_start_matches("Usage:").trim();
            let _ = writeln!(out, "\nUtilisation : {usage}");
        }
        out.push_str("\nPour plus d'informations, essayez « --help ».\n");
        out.into()
    }
}

/// `carnet : N fichiers lus, …` after a check.
pub fn files_read(lang: Lang, files: usize, errors: usize, warnings: usize) -> String {
    match (lang, errors) {
        (Lang::Fr, 0) => {
            format!("carnet : {files} fichiers lus, aucune erreur, {warnings} avertissement(s)")
        }
        (Lang::Fr, _) => format!(
            "carnet : {files} fichiers lus, {errors} erreur(s), {warnings} avertissement(s)"
        ),
        (Lang::En, 0) => format!("carnet: {files} files read, no errors, {warnings} warning(s)"),
        (Lang::En, _) => {
            format!("carnet: {files} files read, {errors} error(s), {warnings} warning(s)")
        }
    }
}

/// `carnet : N pages, M formulaires PDF, F calendrier(s) .ics et E
/// export(s) Excel ou CSV écrits dans …` after a build; the feeds and exports are named
/// only when there are some (the public site has no export).
pub fn built(lang: Lang, b: &carnet::Built, out: &std::path::Path) -> String {
    let out = out.display();
    let (pages, pdfs, feeds, exports) = match lang {
        Lang::Fr => (
            format!("{} pages", b.pages),
            format!("{} formulaires PDF", b.pdfs),
            format!("{} calendrier(s) .ics", b.feeds),
            format!("{} export(s) Excel ou CSV", b.exports),
        ),
        Lang::En => (
            format!("{} pages", b.pages),
            format!("{} PDF forms", b.pdfs),
            format!("{} .ics calendar(s)", b.feeds),
            format!("{} Excel or CSV export(s)", b.exports),
        ),
    };
    let mut parts = vec![pages, pdfs];
    if b.feeds > 0 {
        parts.push(feeds);
    }
    if b.exports > 0 {
        parts.push(exports);
    }
    let last = parts.pop().unwrap_or_default();
    let and = match lang {
        Lang::Fr => " et ",
        Lang::En => " and ",
    };
    let written = format!("{}{and}{last}", parts.join(", "));
    match lang {
        Lang::Fr => format!(
            "carnet : {written} écrits dans {out} ({} fichiers, {} avertissement(s)) en {:.2} s",
            b.files, b.warnings, b.seconds
        ),
        Lang::En => format!(
            "carnet: {written} written to {out} ({} files, {} warning(s)) in {:.2} s",
            b.files, b.warnings, b.seconds
        ),
    }
}

/// After a failed build: nothing was written.
pub fn nothing_written(lang: Lang, errors: Option<usize>, out: &std::path::Path) -> String {
    let out = out.display();
    match (lang, errors) {
        (Lang::Fr, Some(n)) => {
            format!("carnet : {n} erreur(s) : rien n'a été écrit, {out} est inchangé")
        }
        (Lang::Fr, None) => format!("carnet : rien n'a été écrit, {out} est inchangé"),
        (Lang::En, Some(n)) => {
            format!("carnet: {n} error(s): nothing was written, {out} is unchanged")
        }
        (Lang::En, None) => format!("carnet: nothing was written, {out} is unchanged"),
    }
}

/// A problem that stops a command: `erreur : …`.
pub fn stopped(lang: Lang, message: &str) -> String {
    match lang {
        Lang::Fr => format!("erreur : {message}"),
        Lang::En => format!("error: {message}"),
    }
}

/// `carnet : FILE écrit` after `new` and `schema`.
pub fn written(lang: Lang, path: &std::path::Path) -> String {
    match lang {
        Lang::Fr => format!("carnet : {} écrit", path.display()),
        Lang::En => format!("carnet: {} written", path.display()),
    }
}

/// After `presences`: who was written present, and what is left to do.
pub fn presences_written(lang: Lang, file: &str, people: usize, date: &str) -> String {
    match lang {
        Lang::Fr => format!(
            "carnet : {file} — {people} personne(s) notée(s) présente(s) le {date} ; notez les absences dans ce fichier"
        ),
        Lang::En => format!(
            "carnet: {file} — {people} person(s) marked present on {date}; write the absences in this file"
        ),
    }
}

/// The reminder after an internal build: where its personal data may go.
pub fn internal_profile(lang: Lang, out: &std::path::Path) -> String {
    let out = out.display();
    match lang {
        Lang::Fr => format!(
            "attention : profil interne — {out} contient toutes les données personnelles \
             (commentaires, financements, numéros CAF/CLI, comptes rendus). \
             À garder sur 127.0.0.1 ou derrière un contrôle d'accès, jamais sur le site public."
        ),
        Lang::En => format!(
            "warning: internal profile — {out} holds every personal datum \
             (comments, funding, CAF/CLI numbers, interview notes). \
             Keep it on 127.0.0.1 or behind access control, never on the public site."
        ),
    }
}

/// After a build with `--sans-exports`: what it left out, so that nobody
/// looks for the spreadsheets or the calendar feeds in that folder.
pub fn exports_left_out(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => {
            "carnet : exports Excel et CSV et calendriers .ics non écrits (--sans-exports), ni liens vers eux"
        }
        Lang::En => {
            "carnet: Excel and CSV exports and .ics calendars not written (--sans-exports), nor links to them"
        }
    }
}
