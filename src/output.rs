//! Stage 5: write the outputs into a hidden staging folder next to the target
//! as they are rendered, then swap it in. A failed build leaves the previous
//! folder intact and removes the staging folder.

use crate::render::{Output, Sink};
use std::collections::HashSet;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

fn sibling(out: &Path, suffix: &str) -> PathBuf {
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "public".into());
    out.with_file_name(format!(".{name}.{suffix}-{}", std::process::id()))
}

/// A staging folder receiving the outputs of one build.
pub struct Staging {
    out: PathBuf,
    dir: PathBuf,
    folders: Mutex<HashSet<PathBuf>>,
    io_error: Mutex<Option<String>>,
    committed: bool,
}

impl Staging {
    /// Creates an empty staging folder next to `out`.
    pub fn new(out: &Path) -> io::Result<Staging> {
        if let Some(parent) = out.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent)?;
        }
        let dir = sibling(out, "tmp");
        if dir.exists() {
            std::fs::remove_dir_all(&dir)?;
        }
        std::fs::create_dir_all(&dir)?;
        Ok(Staging {
            out: out.to_path_buf(),
            dir,
            folders: Mutex::new(HashSet::new()),
            io_error: Mutex::new(None),
            committed: false,
        })
    }

    /// The first write error, if any (an I/O failure, not a template one).
    pub fn io_error(&self) -> Option<String> {
        self.io_error.lock().ok().and_then(|e| e.clone())
    }

    /// Replaces the output folder with the staging folder (one rename; the
    /// previous folder is removed afterwards).
    pub fn commit(mut self) -> io::Result<()> {
        let out = self.out.clone();
        if out.exists() {
            let old = sibling(&out, "old");
            if old.exists() {
                std::fs::remove_dir_all(&old)?;
            }
            std::fs::rename(&out, &old)?;
            if let Err(e) = std::fs::rename(&self.dir, &out) {
                // Put the previous site back before reporting.
                let _ = std::fs::rename(&old, &out);
                return Err(e);
            }
            self.committed = true;
            std::fs::remove_dir_all(&old)
        } else {
            std::fs::rename(&self.dir, &out)?;
            self.committed = true;
            Ok(())
        }
    }

    fn write(&self, output: &Output) -> io::Result<()> {
        let path = self.dir.join(&output.path);
        if let Some(parent) = path.parent() {
            let known = self
                .folders
                .lock()
                .map(|f| f.contains(parent))
                .unwrap_or(false);
            if !known {
                std::fs::create_dir_all(parent)?;
                if let Ok(mut f) = self.folders.lock() {
                    f.insert(parent.to_path_buf());
                }
            }
        }
        std::fs::write(path, &output.bytes)
    }
}

impl Sink for Staging {
    fn put(&self, output: &Output) -> io::Result<()> {
        let result = self.write(output);
        if let Err(e) = &result
            && let Ok(mut first) = self.io_error.lock()
        {
            first.get_or_insert_with(|| format!("impossible d'écrire {} : {e}", output.path));
        }
        result
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = std::fs::remove_dir_all(&self.dir);
        }
    }
}
