//! Stage 5: write the outputs into a temporary folder next to the target, then
//! swap it in. An interrupted or failed build leaves the previous folder intact.

use crate::render::Output;
use rayon::prelude::*;
use std::io;
use std::path::{Path, PathBuf};

fn sibling(out: &Path, suffix: &str) -> PathBuf {
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "public".into());
    out.with_file_name(format!(".{name}.{suffix}-{}", std::process::id()))
}

/// Writes `outputs` under `out`, replacing its previous content atomically
/// (one rename; the old folder is removed afterwards).
pub fn write_atomically(out: &Path, outputs: &[Output]) -> io::Result<()> {
    if let Some(parent) = out.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent)?;
    }
    let staging = sibling(out, "tmp");
    if staging.exists() {
        std::fs::remove_dir_all(&staging)?;
    }
    std::fs::create_dir_all(&staging)?;
    let result = write_all(&staging, outputs).and_then(|()| swap(out, &staging));
    if result.is_err() {
        let _ = std::fs::remove_dir_all(&staging);
    }
    result
}

fn write_all(dir: &Path, outputs: &[Output]) -> io::Result<()> {
    let mut folders: Vec<PathBuf> = outputs
        .iter()
        .filter_map(|o| Path::new(&o.path).parent().map(|p| dir.join(p)))
        .collect();
    folders.sort();
    folders.dedup();
    for folder in folders {
        std::fs::create_dir_all(folder)?;
    }
    outputs
        .par_iter()
        .try_for_each(|o| std::fs::write(dir.join(&o.path), &o.bytes))
}

fn swap(out: &Path, staging: &Path) -> io::Result<()> {
    if out.exists() {
        let old = sibling(out, "old");
        if old.exists() {
            std::fs::remove_dir_all(&old)?;
        }
        std::fs::rename(out, &old)?;
        if let Err(e) = std::fs::rename(staging, out) {
            // Put the previous site back before reporting.
            let _ = std::fs::rename(&old, out);
            return Err(e);
        }
        std::fs::remove_dir_all(&old)
    } else {
        std::fs::rename(staging, out)
    }
}
