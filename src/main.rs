//! The `carnet` command: parses arguments, calls the library, maps results to
//! exit statuses (0 success, 1 invalid data, 2 usage or I/O error).

mod cli_lang;

use carnet::labels::Lang;
use carnet::{BuildOptions, Failure, Profile};
use chrono::NaiveDate;
use clap::{CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};
use std::net::IpAddr;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// mimalloc rather than the system allocator: a build allocates and frees
/// millions of small values (YAML events, template values, page strings) on
/// every core, where glibc's malloc spent about a sixth of the CPU time.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// For `carnet serve` and `carnet build`, memory freed stays with the
/// process. mimalloc otherwise gives it back to the system soon after, and
/// takes it back page by page when it allocates again, each page zeroed by
/// the kernel. For serve, the next rebuild (the next save, seconds later)
/// paid 25–40 ms more before an edited fiche was served, of the 50 it is
/// given; the server holds the whole site in memory anyway. A build frees
/// and allocates all along (the model, then the view, then pages): keeping
/// what it frees took its system time down by a sixth, for 25–30 MB more at
/// its peak (bench/README.md).
fn keep_freed_memory() {
    /// `mi_option_purge_delay` in mimalloc.h's `mi_option_e` (the enum's
    /// 16th member in mimalloc 2 and 3; libmimalloc-sys names no constant
    /// for it); -1 never purges.
    const PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;
    // SAFETY: mimalloc's options are plain values read at each purge; this
    // runs on the main thread before the command starts any other thread.
    unsafe { libmimalloc_sys::mi_option_set(PURGE_DELAY, -1) };
}

#[derive(Parser)]
#[command(
    name = "carnet",
    version,
    about = "Fiches, site et formulaires d'une association d'aide à l'emploi, à partir de fichiers YAML"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum)]
enum ProfileArg {
    /// Seules les données consenties (par défaut)
    Public,
    /// Toutes les données : à garder hors d'un site public
    Interne,
}

impl From<ProfileArg> for Profile {
    fn from(arg: ProfileArg) -> Profile {
        match arg {
            ProfileArg::Public => Profile::Public,
            ProfileArg::Interne => Profile::Interne,
        }
    }
}

#[derive(Subcommand)]
enum Command {
    /// Écrit un nouveau kit avec les données d'exemple
    Init {
        /// Dossier du nouveau kit
        #[arg(default_value = ".")]
        dir: PathBuf,
    },
    /// Charge et vérifie tout le kit, affiche chaque problème
    Check {
        /// Dossier du kit
        #[arg(default_value = ".")]
        dir: PathBuf,
        /// Date du jour (AAAA-MM-JJ), pour des résultats reproductibles
        #[arg(long, hide = true)]
        today: Option<NaiveDate>,
        /// Affiche tous les avertissements (sinon les 20 premiers, puis leur nombre par sorte)
        #[arg(long)]
        tout: bool,
    },
    /// Construit le site dans public/
    Build {
        /// Dossier du kit
        #[arg(default_value = ".")]
        dir: PathBuf,
        /// Public (par défaut) ou interne
        #[arg(long, value_enum, default_value = "public")]
        profile: ProfileArg,
        /// Dossier de sortie (par défaut public/ du kit, interne/ avec --profile interne)
        #[arg(long)]
        out: Option<PathBuf>,
        /// Remplacer le dossier de sortie même s'il n'a pas été écrit par carnet,
        /// ou écrire le profil interne dans le site public
        #[arg(long)]
        force: bool,
        /// Ne pas écrire les formulaires PDF (site seul, plus rapide)
        #[arg(long)]
        sans_pdf: bool,
        /// Ne pas écrire les exports Excel et CSV ni les calendriers .ics (pages
        /// seules, sans lien vers eux ; plus rapide)
        #[arg(long)]
        sans_exports: bool,
        /// Date du jour (AAAA-MM-JJ), pour des résultats reproductibles
        #[arg(long, hide = true)]
        today: Option<NaiveDate>,
    },
    /// Crée une fiche : personne "Nom Prénom", session AAAA-MM, club AAAA-MM
    New {
        #[command(subcommand)]
        what: NewCommand,
        /// Dossier du kit
        #[arg(long, default_value = ".", global = true)]
        dir: PathBuf,
    },
    /// Écrit les présences d'un atelier passé : tout le monde présent, il reste à noter les absences
    Presences {
        /// La session ou le club : nom de son fichier sans .yaml (session-2026-09)
        id: String,
        /// Date de l'atelier (AAAA-MM-JJ)
        date: String,
        /// Dossier du kit
        #[arg(long, default_value = ".")]
        dir: PathBuf,
        /// Date du jour (AAAA-MM-JJ), pour des résultats reproductibles
        #[arg(long, hide = true)]
        today: Option<NaiveDate>,
    },
    /// Prévisualise le site sur cette machine, mis à jour à chaque modification du kit
    Serve {
        /// Dossier du kit
        #[arg(default_value = ".")]
        dir: PathBuf,
        /// Port (par défaut 1111, ou le suivant libre)
        #[arg(long)]
        port: Option<u16>,
        /// Adresse d'écoute (le profil interne n'est servi que sur 127.0.0.1)
        #[arg(long, default_value = "127.0.0.1", value_name = "ADRESSE")]
        bind: IpAddr,
        /// Interne (par défaut : toutes les données) ou public
        #[arg(long, value_enum, default_value = "interne")]
        profile: ProfileArg,
        /// Date du jour (AAAA-MM-JJ), pour des résultats reproductibles
        #[arg(long, hide = true)]
        today: Option<NaiveDate>,
    },
    /// Écrit le schéma JSON de chaque type de fiche (complétion dans l'éditeur)
    Schema {
        /// Dossier où écrire les schémas
        #[arg(long, default_value = "schemas")]
        out: PathBuf,
    },
}

#[derive(Subcommand)]
enum NewCommand {
    /// Nouvelle personne : "Nom, Prénom", "NOM Prénom" ou --nom … --prenom …
    Personne {
        /// "Le Goff, Yann" (virgule), "LE GOFF Yann" (nom en capitales) ou "Dupont Jeanne" (deux mots)
        #[arg(
            value_name = "NOM PRÉNOM",
            required_unless_present = "nom",
            conflicts_with = "nom"
        )]
        nom_prenom: Option<String>,
        /// Nom de famille (avec --prenom, à la place de "NOM PRÉNOM")
        #[arg(long, requires = "prenom")]
        nom: Option<String>,
        /// Prénom (avec --nom)
        #[arg(long, requires = "nom")]
        prenom: Option<String>,
        /// M. ou Mme
        #[arg(long)]
        civilite: String,
    },
    /// Nouvelle session mensuelle : AAAA-MM
    Session {
        /// Mois de la session
        mois: String,
    },
    /// Nouveau club emploi : AAAA-MM (premier des deux mois)
    Club {
        /// Premier mois du club
        mois: String,
    },
}

fn today(given: Option<NaiveDate>) -> NaiveDate {
    given.unwrap_or_else(|| chrono::Local::now().date_naive())
}

fn main() -> ExitCode {
    let lang = cli_lang::current_lang();
    let cli = cli_lang::localize(Cli::command(), lang)
        .try_get_matches()
        .and_then(|matches| Cli::from_arg_matches(&matches))
        .unwrap_or_else(|error| cli_lang::exit(error, lang));
    let code = match cli.command {
        Command::Init { dir } => match carnet::scaffold::init(&dir) {
            Ok(n) => {
                println!(
                    "carnet : nouveau kit écrit dans {} ({n} fichiers)",
                    dir.display()
                );
                0
            }
            Err(e) => fail(lang, &e.to_string()),
        },
        Command::Check {
            dir,
            today: day,
            tout,
        } => match kit_root(&dir, lang) {
            Ok(root) => check(&root, today(day), tout, lang),
            Err(code) => code,
        },
        Command::Build {
            dir,
            profile,
            out,
            force,
            sans_pdf,
            sans_exports,
            today: day,
        } => {
            let root = match kit_root(&dir, lang) {
                Ok(root) => root,
                Err(code) => return ExitCode::from(code),
            };
            keep_freed_memory();
            let profile = Profile::from(profile);
            let out = out.unwrap_or_else(|| {
                root.join(match profile {
                    Profile::Public => "public",
                    Profile::Interne => "interne",
                })
            });
            if let Err(message) = carnet::output::swap::clean_up_on_interrupt() {
                return ExitCode::from(fail(lang, &message));
            }
            build(
                &BuildOptions {
                    root,
                    out,
                    force,
                    profile,
                    today: today(day),
                    forms: !sans_pdf,
                    exports: !sans_exports,
                },
                lang,
            )
        }
        Command::New { what, dir } => {
            let dir = match kit_root(&dir, lang) {
                Ok(root) => root,
                Err(code) => return ExitCode::from(code),
            };
            let written = match what {
                NewCommand::Personne {
                    nom_prenom,
                    nom,
                    prenom,
                    civilite,
                } => {
                    let name = match (nom, prenom) {
                        (Some(nom), Some(prenom)) => {
                            carnet::scaffold::Name::explicit(&nom, &prenom)
                        }
                        _ => carnet::scaffold::Name::split(&nom_prenom.unwrap_or_default()),
                    };
                    name.and_then(|name| {
                        let path = carnet::scaffold::new_person(&dir, &name, &civilite)?;
                        println!("carnet : {name}");
                        Ok(path)
                    })
                }
                NewCommand::Session { mois } => carnet::scaffold::new_session(&dir, &mois),
                NewCommand::Club { mois } => carnet::scaffold::new_club(&dir, &mois),
            };
            match written {
                Ok(path) => {
                    println!("{}", cli_lang::written(lang, &path));
                    0
                }
                Err(e) => fail(lang, &e.to_string()),
            }
        }
        Command::Presences {
            id,
            date,
            dir,
            today: day,
        } => match kit_root(&dir, lang) {
            Ok(root) => presences(&root, &id, &date, today(day), lang),
            Err(code) => code,
        },
        Command::Serve {
            dir,
            port,
            bind,
            profile,
            today,
        } => match kit_root(&dir, lang) {
            Ok(root) => {
                keep_freed_memory();
                carnet::serve::run(&carnet::serve::ServeOptions {
                    port,
                    bind,
                    profile: profile.into(),
                    today,
                    ..carnet::serve::ServeOptions::new(root)
                })
                .map_or_else(|message| fail(lang, &message), |()| 0)
            }
            Err(code) => code,
        },
        Command::Schema { out } => match carnet::schema::write(&out) {
            Ok(paths) => {
                for p in paths {
                    println!("{}", cli_lang::written(lang, &p));
                }
                0
            }
            Err(e) => fail(
                lang,
                &format!(
                    "impossible d'écrire les schémas dans {} : {e}",
                    out.display()
                ),
            ),
        },
    };
    ExitCode::from(code)
}

/// The kit holding `dir` (itself or a parent with carnet.yaml), shown
/// relative to the current folder when inside it; or the exit status 2.
fn kit_root(dir: &Path, lang: Lang) -> Result<PathBuf, u8> {
    let root = carnet::load::kit_root::find(dir).map_err(|message| fail(lang, &message))?;
    let here = std::env::current_dir()
        .ok()
        .and_then(|d| std::fs::canonicalize(d).ok());
    Ok(
        match here.as_deref().and_then(|h| root.strip_prefix(h).ok()) {
            Some(rel) if rel.as_os_str().is_empty() => PathBuf::from("."),
            Some(rel) => rel.to_path_buf(),
            None => root,
        },
    )
}

/// Prints a problem that stops the command; the exit status 2.
fn fail(lang: Lang, message: &str) -> u8 {
    eprintln!("{}", cli_lang::stopped(lang, message));
    2
}

/// `carnet check`: every error, the warnings (all of them with `--tout`),
/// a summary line in the kit's language.
fn check(dir: &Path, today: NaiveDate, all: bool, lang: Lang) -> u8 {
    match carnet::check(dir, today) {
        Err(e) => fail(lang, &e.message),
        Ok((kit, diagnostics)) => {
            let lang = kit.config.langue;
            let report = carnet::diagnostic::report::report(&diagnostics, &kit.sources, lang, all);
            eprint!("{report}");
            let errors = diagnostics
                .iter()
                .filter(|d| d.severity == carnet::diagnostic::Severity::Error)
                .count();
            let summary = cli_lang::files_read(
                lang,
                kit.sources.iter().count(),
                errors,
                diagnostics.len() - errors,
            );
            if errors > 0 {
                eprintln!("{summary}");
                1
            } else {
                println!("{summary}");
                0
            }
        }
    }
}

fn presences(root: &Path, id: &str, date: &str, today: NaiveDate, lang: Lang) -> u8 {
    match carnet::presences::write(root, id, date, today) {
        Ok(written) => {
            println!(
                "{}",
                cli_lang::presences_written(lang, &written.fichier, written.personnes.len(), date)
            );
            0
        }
        Err(e) => fail(lang, &e.to_string()),
    }
}

fn build(options: &BuildOptions, lang: Lang) -> u8 {
    let code = match carnet::build(options) {
        Ok(built) => {
            eprint!("{}", built.report);
            println!("{}", cli_lang::built(lang, &built, &options.out));
            if !options.exports {
                println!("{}", cli_lang::exports_left_out(lang));
            }
            0
        }
        Err(failure) => {
            match &failure {
                Failure::Io(message) | Failure::Refused(message) => {
                    fail(lang, message);
                }
                Failure::Invalid { report, errors } => {
                    eprint!("{report}");
                    eprintln!(
                        "{}",
                        cli_lang::nothing_written(lang, Some(*errors), &options.out)
                    );
                }
                Failure::Template(message) => {
                    fail(lang, message);
                    eprintln!("{}", cli_lang::nothing_written(lang, None, &options.out));
                }
            }
            failure.exit_code() as u8
        }
    };
    if code == 0 && options.profile == Profile::Interne {
        eprintln!("{}", cli_lang::internal_profile(lang, &options.out));
    }
    code
}
