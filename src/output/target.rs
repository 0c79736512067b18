//! Which folder a build may replace. Never the kit, a folder holding it or
//! one of its source folders; never a file; never a folder carnet did not
//! write (unless forced); never the public site with internal data (unless
//! forced). Decided before anything is rendered or moved.

use crate::view::Profile;
use std::io;
use std::path::{Component, Path, PathBuf};

/// The file carnet leaves in every output folder it writes: it names the
/// profile, and tells the next build that this folder may be replaced.
pub const MARKER: &str = ".carnet-sortie";

/// The folders of a kit that hold what it is made from.
const SOURCE_FOLDERS: [&str; 5] = ["data", "content", "templates", "themes", ".git"];

/// Why an output folder is refused (exit status 2): the sentence to print.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal(pub String);

/// The content of the marker of an output written for `profile`.
pub(super) fn marker_text(profile: Profile) -> String {
    format!(
        "profil: {}\nCe dossier est écrit par carnet et remplacé en entier à chaque « carnet build » : \
         n'y rangez rien d'autre.\n",
        profile_name(profile)
    )
}

fn profile_name(profile: Profile) -> &'static str {
    match profile {
        Profile::Public => "public",
        Profile::Interne => "interne",
    }
}

/// The profile named by the marker of `dir`, if carnet wrote that folder.
fn marked_profile(dir: &Path) -> Option<Profile> {
    let text = std::fs::read_to_string(dir.join(MARKER)).ok()?;
    match text.lines().next()?.strip_prefix("profil: ")? {
        "public" => Some(Profile::Public),
        "interne" => Some(Profile::Interne),
        _ => None,
    }
}

/// `path` made absolute, with `.` and `..` applied and every symbolic link
/// along it resolved, even when its last parts do not exist yet.
pub fn resolve(path: &Path) -> io::Result<PathBuf> {
    let absolute = std::path::absolute(path)?;
    let mut real = PathBuf::new();
    for component in absolute.components() {
        match component {
            Component::Prefix(_) | Component::RootDir => real.push(component),
            Component::CurDir => {}
            Component::ParentDir => {
                real.pop();
            }
            Component::Normal(name) => {
                real.push(name);
                let is_link =
                    std::fs::symlink_metadata(&real).is_ok_and(|m| m.file_type().is_symlink());
                if is_link {
                    real = std::fs::canonicalize(&real)?;
                }
            }
        }
    }
    Ok(real)
}

/// Where the site of `kit` may be written when `out` is asked: the real
/// folder (symbolic links resolved, so a linked `public` is updated through
/// its link), or why not.
pub fn check(out: &Path, kit: &Path, profile: Profile, force: bool) -> Result<PathBuf, Refusal> {
    let shown = out.display();
    let kit_real = std::fs::canonicalize(kit).map_err(|e| {
        Refusal(format!(
            "impossible de lire le dossier du kit {} : {e}",
            kit.display()
        ))
    })?;
    let real = resolve(out).map_err(|e| {
        Refusal(format!(
            "le dossier de sortie {shown} passe par un lien symbolique cassé ou illisible : {e}"
        ))
    })?;
    if kit_real.starts_with(&real) {
        return Err(Refusal(format!(
            "le dossier de sortie {shown} est le dossier du kit ou le contient : carnet le remplacerait \
             avec tout ce qu'il contient. Choisissez un dossier à part, par exemple {}",
            kit.join("public").display()
        )));
    }
    if let Some(folder) = SOURCE_FOLDERS
        .iter()
        .find(|f| real.starts_with(kit_real.join(f)))
    {
        return Err(Refusal(format!(
            "le dossier de sortie {shown} est dans {folder}/ du kit : carnet y remplacerait vos fichiers. \
             Choisissez un dossier à part, par exemple {}",
            kit.join("public").display()
        )));
    }
    let marked = match std::fs::metadata(&real) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) => {
            return Err(Refusal(format!(
                "impossible de lire le dossier de sortie {shown} : {e}"
            )));
        }
        Ok(meta) if !meta.is_dir() => {
            return Err(Refusal(format!(
                "{shown} est un fichier, pas un dossier : carnet ne le remplace pas. \
                 Choisissez un dossier pour --out"
            )));
        }
        Ok(_) => {
            let marked = marked_profile(&real);
            let empty = std::fs::read_dir(&real)
                .map_err(|e| {
                    Refusal(format!(
                        "impossible de lire le dossier de sortie {shown} : {e}"
                    ))
                })?
                .next()
                .is_none();
            if marked.is_none() && !empty && !force {
                return Err(Refusal(format!(
                    "{shown} n'est pas vide et n'a pas été écrit par carnet : le remplacer effacerait \
                     ce qu'il contient. Choisissez un autre dossier avec --out, videz celui-ci, \
                     ou ajoutez --force pour le remplacer quand même"
                )));
            }
            marked
        }
    };
    let public_output = real == kit_real.join("public") || marked == Some(Profile::Public);
    if profile == Profile::Interne && public_output && !force {
        return Err(Refusal(format!(
            "{shown} est le site public : le profil interne (données personnelles) n'y est pas écrit. \
             Sans --out, il va dans {} ; ajoutez --force pour écrire quand même dans {shown}",
            kit.join("interne").display()
        )));
    }
    writable(&real).map_err(|e| {
        Refusal(format!(
            "impossible d'écrire le dossier de sortie {shown} : {e} (rien n'a été modifié)"
        ))
    })?;
    Ok(real)
}

/// Whether the folder that will hold the output, and the output itself when
/// it exists, can be written: checked before anything moves.
fn writable(real: &Path) -> io::Result<()> {
    use rustix::fs::{Access, AtFlags, CWD, accessat};
    let parent = real
        .ancestors()
        .skip(1)
        .find(|p| p.exists())
        .unwrap_or(Path::new("/"));
    for path in [parent, real] {
        if path.exists() {
            accessat(CWD, path, Access::WRITE_OK, AtFlags::EACCESS).map_err(io::Error::from)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolve_applies_dots_and_links_even_past_missing_folders() {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = std::fs::canonicalize(dir.path()).expect("canonical");
        std::fs::create_dir(root.join("real")).expect("mkdir");
        std::os::unix::fs::symlink(root.join("real"), root.join("link")).expect("symlink");
        assert_eq!(
            resolve(&root.join("link/new/../site")).expect("resolves"),
            root.join("real/site")
        );
        assert_eq!(
            resolve(&root.join("missing/../real/./x")).expect("resolves"),
            root.join("real/x")
        );
    }
}
