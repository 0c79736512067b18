//! The kit folder as the load stage sees it: every path is resolved, symlinks
//! included, and refused unless it stays inside the kit, so that nothing
//! outside the kit (`~/.ssh`, `/etc/passwd`, a sibling folder) is ever read.
//! Whatever cannot be used is a [`Problem`] about its kit path, and the walk
//! goes on.

use super::LoadError;
use crate::diagnostic::{Diagnostic, Msg, msg};
use crate::source::{FileId, Span};
use std::io::ErrorKind;
use std::path::{Path, PathBuf};

/// The kit folder, with its canonical path to compare resolved paths against.
pub(crate) struct KitDir {
    root: PathBuf,
    canonical: PathBuf,
}

/// What a kit path leads to.
pub(crate) enum Found {
    /// Nothing there.
    Missing,
    /// A file, at its resolved path on disk.
    File(PathBuf),
    /// A folder, at its resolved path on disk.
    Dir(PathBuf),
    /// Something that must not or cannot be read.
    Refused(Problem),
}

/// A kit file reached by a walk: its resolved path on disk, or why it cannot be read.
pub(crate) type Reached = Result<PathBuf, Problem>;

/// A problem about a kit path that was not read (refused, unreadable,
/// ignored): it becomes a diagnostic at the start of that path.
#[derive(Clone, Debug)]
pub(crate) struct Problem {
    /// The kit path at fault (the link itself, for a link leaving the kit).
    pub path: String,
    /// An error (true) or a warning.
    pub error: bool,
    /// What is wrong.
    pub message: Msg,
    /// What is expected instead (boxed: a `Problem` travels in `Result`s).
    pub expected: Box<Msg>,
}

impl Problem {
    /// An error about `path`.
    pub fn error(path: &str, message: impl Into<Msg>, expected: impl Into<Msg>) -> Problem {
        Problem {
            path: path.to_string(),
            error: true,
            message: message.into(),
            expected: Box::new(expected.into()),
        }
    }

    /// The diagnostic of this problem, at the start of `file` (its unread source).
    pub fn diagnostic(self, file: FileId) -> Diagnostic {
        let span = Span::file_start(file);
        let diagnostic = if self.error {
            Diagnostic::error_msg(span, self.message)
        } else {
            Diagnostic::warning_msg(span, self.message)
        };
        diagnostic.expected_msg(*self.expected)
    }

    /// A warning about `path` (texts in French and English: [`msg`]).
    pub fn warning(path: &str, message: impl Into<Msg>, expected: impl Into<Msg>) -> Problem {
        Problem {
            path: path.to_string(),
            error: false,
            message: message.into(),
            expected: Box::new(expected.into()),
        }
    }
}

const OUTSIDE: (&str, &str) = (
    "un fichier du kit : les liens symboliques qui mènent hors du kit ne sont jamais suivis",
    "a file of the kit: symbolic links leading out of the kit are never followed",
);

impl KitDir {
    /// The kit at `root`; an error only if the folder itself cannot be used.
    pub fn open(root: &Path) -> Result<KitDir, LoadError> {
        let canonical = std::fs::canonicalize(root)
            .ok()
            .filter(|p| p.is_dir())
            .ok_or_else(|| LoadError {
                message: format!("le dossier du kit « {} » n'existe pas", root.display()),
            })?;
        Ok(KitDir {
            root: root.to_path_buf(),
            canonical,
        })
    }

    /// The path on disk of a kit path, unresolved (for diagnostics).
    pub fn disk_path(&self, rel: &str) -> PathBuf {
        self.root.join(rel)
    }

    /// What the kit path `rel` (with `/` separators, no `..`) leads to.
    pub fn resolve(&self, rel: &str) -> Found {
        let path = self.root.join(rel);
        let link = match std::fs::symlink_metadata(&path) {
            Ok(meta) => meta.file_type().is_symlink(),
            Err(e) if e.kind() == ErrorKind::NotFound => return Found::Missing,
            Err(e) => return Found::Refused(unreadable(rel, &e)),
        };
        let real = match std::fs::canonicalize(&path) {
            Ok(real) => real,
            Err(e) if link && e.kind() == ErrorKind::NotFound => {
                return Found::Refused(Problem::error(
                    rel,
                    msg(
                        format!(
                            "« {rel} » est un lien symbolique vers un fichier qui n'existe pas"
                        ),
                        format!("« {rel} » is a symbolic link to a file that does not exist"),
                    ),
                    msg(
                        "un lien vers un fichier du kit, ou le fichier lui-même",
                        "a link to a file of the kit, or the file itself",
                    ),
                ));
            }
            Err(e) => return Found::Refused(unreadable(rel, &e)),
        };
        if !real.starts_with(&self.canonical) {
            let at = self.escaping_link(rel);
            return Found::Refused(Problem::error(
                &at,
                msg(
                    format!(
                        "« {at} » est un lien symbolique qui mène hors du kit ({}) : il n'est pas lu",
                        real.display()
                    ),
                    format!(
                        "« {at} » is a symbolic link leading out of the kit ({}): it is not read",
                        real.display()
                    ),
                ),
                msg(OUTSIDE.0, OUTSIDE.1),
            ));
        }
        match std::fs::metadata(&real) {
            Ok(meta) if meta.is_dir() => Found::Dir(real),
            Ok(meta) if meta.is_file() => Found::File(real),
            Ok(_) => Found::Refused(Problem::error(
                rel,
                msg(
                    format!("« {rel} » n'est ni un fichier ni un dossier"),
                    format!("« {rel} » is neither a file nor a folder"),
                ),
                msg("un fichier ordinaire", "a regular file"),
            )),
            Err(e) => Found::Refused(unreadable(rel, &e)),
        }
    }

    /// What the entry `name` of the folder `dir` (resolved, inside the kit) at
    /// kit path `rel` leads to: as [`KitDir::resolve`], but an entry that is
    /// not a link lies where its folder is and costs one `lstat`.
    pub fn resolve_entry(&self, rel: &str, dir: &Path, name: &str) -> Found {
        let path = dir.join(name);
        match std::fs::symlink_metadata(&path) {
            Ok(meta) if meta.is_dir() => Found::Dir(path),
            Ok(meta) if meta.is_file() => Found::File(path),
            _ => self.resolve(rel),
        }
    }

    /// The first part of `rel` that resolves outside the kit: the link to name.
    fn escaping_link(&self, rel: &str) -> String {
        let mut prefix = String::new();
        for part in rel.split('/') {
            if !prefix.is_empty() {
                prefix.push('/');
            }
            prefix.push_str(part);
            let outside = std::fs::canonicalize(self.root.join(&prefix))
                .is_ok_and(|real| !real.starts_with(&self.canonical));
            if outside {
                return prefix;
            }
        }
        rel.to_string()
    }

    /// The names in the kit folder `rel` (resolved at `dir`), sorted.
    pub fn names(&self, rel: &str, dir: &Path) -> Result<Vec<String>, Problem> {
        let read = std::fs::read_dir(dir).map_err(|e| unreadable(rel, &e))?;
        let mut names = Vec::new();
        for entry in read {
            let entry = entry.map_err(|e| unreadable(rel, &e))?;
            names.push(entry.file_name().to_string_lossy().into_owned());
        }
        names.sort();
        Ok(names)
    }

    /// The names at the top of the kit folder, sorted.
    pub fn root_names(&self) -> Result<Vec<String>, Problem> {
        self.names(".", &self.canonical)
    }

    /// Whether a resolved path lies in the kit folder `folder` (`data`).
    pub fn lies_in(&self, real: &Path, folder: &str) -> bool {
        real.starts_with(self.canonical.join(folder))
    }

    /// Reads a file reached by a walk or by [`KitDir::resolve`]: its path on disk and bytes.
    pub fn read(&self, rel: &str, reached: &Reached) -> Result<(PathBuf, Vec<u8>), Problem> {
        let disk = reached.as_ref().map_err(Problem::clone)?;
        let bytes = std::fs::read(disk).map_err(|e| unreadable(rel, &e))?;
        Ok((disk.clone(), bytes))
    }
}

fn unreadable(rel: &str, e: &std::io::Error) -> Problem {
    let reason = match e.kind() {
        ErrorKind::PermissionDenied => msg("accès refusé", "permission denied"),
        ErrorKind::NotFound => msg("introuvable", "not found"),
        ErrorKind::IsADirectory => msg("c'est un dossier", "it is a folder"),
        ErrorKind::NotADirectory => msg("ce n'est pas un dossier", "it is not a folder"),
        _ => msg(e.to_string(), e.to_string()),
    };
    Problem::error(
        rel,
        msg(
            format!("impossible de lire « {rel} » : {}", reason.fr),
            format!("cannot read « {rel} »: {}", reason.english()),
        ),
        msg(
            "un fichier lisible (droits de lecture, lien valide)",
            "a readable file (read permission, a valid link)",
        ),
    )
}
