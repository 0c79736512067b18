//! Putting a finished output in place, and never leaving a staging folder
//! behind: one atomic exchange of the staging and the live folder (Linux
//! `renameat2(RENAME_EXCHANGE)`, two renames elsewhere), staging folders
//! removed on Ctrl-C, and those of builds that died removed by the next one.

use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

/// Staging folders of this process that hold a build in progress.
static IN_PROGRESS: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// Set on Ctrl-C: writers stop creating files.
static STOPPING: AtomicBool = AtomicBool::new(false);

/// Distinguishes the staging folders of concurrent builds of one process.
static SEQUENCE: AtomicUsize = AtomicUsize::new(0);

/// Stops the calling thread for good once Ctrl-C was pressed: the interrupt
/// handler is removing the staging folder and ends the process, and no file
/// may be written into it meanwhile (nor the build reported as failed).
pub(super) fn halt_if_stopping() {
    while STOPPING.load(Ordering::SeqCst) {
        std::thread::park();
    }
}

/// `.NAME.tmp-PID-N`, next to `out`: a fresh staging folder name.
pub(super) fn staging_path(out: &Path) -> PathBuf {
    let n = SEQUENCE.fetch_add(1, Ordering::SeqCst);
    out.with_file_name(format!(
        ".{}.tmp-{}-{n}",
        folder_name(out),
        std::process::id()
    ))
}

fn folder_name(out: &Path) -> String {
    out.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "public".into())
}

/// Records a staging folder so that Ctrl-C removes it.
pub(super) fn register(dir: &Path) {
    if let Ok(mut dirs) = IN_PROGRESS.lock() {
        dirs.push(dir.to_path_buf());
    }
}

/// Forgets a staging folder that was put in place or removed.
pub(super) fn unregister(dir: &Path) {
    if let Ok(mut dirs) = IN_PROGRESS.lock() {
        dirs.retain(|d| d != dir);
    }
}

/// Makes Ctrl-C (and SIGTERM) remove the staging folders of builds in
/// progress before the process ends: an interrupted build leaves the previous
/// output as it was and no copy of the data behind.
pub fn clean_up_on_interrupt() -> Result<(), String> {
    ctrlc::set_handler(|| {
        STOPPING.store(true, Ordering::SeqCst);
        // Let the writer finish the file it is creating.
        std::thread::sleep(std::time::Duration::from_millis(30));
        let dirs = IN_PROGRESS.lock().map(|d| d.clone()).unwrap_or_default();
        for dir in &dirs {
            remove_patiently(dir);
        }
        eprintln!("carnet : interrompu, rien n'a été remplacé");
        std::process::exit(130);
    })
    .map_err(|e| format!("impossible d'intercepter Ctrl-C : {e}"))
}

/// Removes a folder that a writer thread may still be filling.
fn remove_patiently(dir: &Path) {
    for _ in 0..20 {
        match std::fs::remove_dir_all(dir) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => {
                std::thread::sleep(std::time::Duration::from_millis(10));
            }
            _ => return,
        }
    }
}

/// Removes the staging folders next to `out` left by builds that died
/// (killed, crashed): the process that made them no longer runs.
pub(super) fn remove_stale(out: &Path) {
    let Some(parent) = out.parent() else { return };
    let Ok(entries) = std::fs::read_dir(parent) else {
        return;
    };
    let name = folder_name(out);
    let prefixes = [format!(".{name}.tmp-"), format!(".{name}.old-")];
    for entry in entries.flatten() {
        let file_name = entry.file_name().to_string_lossy().into_owned();
        let pid = prefixes
            .iter()
            .find_map(|p| file_name.strip_prefix(p.as_str()))
            .and_then(|rest| rest.split('-').next())
            .and_then(|pid| pid.parse::<i32>().ok());
        if let Some(pid) = pid
            && !process_alive(pid)
        {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}

/// Whether a process of this id runs (ours always does).
fn process_alive(pid: i32) -> bool {
    if pid == std::process::id() as i32 {
        return true;
    }
    match rustix::process::Pid::from_raw(pid) {
        None => false,
        Some(pid) => !matches!(
            rustix::process::test_kill_process(pid),
            Err(rustix::io::Errno::SRCH)
        ),
    }
}

/// Puts `staging` in the place of `out` in one step, then removes what was
/// there before. `out` is a folder or does not exist (checked by the caller).
pub(super) fn swap_in(staging: &Path, out: &Path) -> io::Result<()> {
    if std::fs::symlink_metadata(out).is_err() {
        return std::fs::rename(staging, out);
    }
    if !std::fs::symlink_metadata(out)?.is_dir() {
        return Err(io::Error::other(
            "le dossier de sortie a été remplacé par un fichier pendant la construction",
        ));
    }
    exchange(staging, out)?;
    // The staging path now holds the previous output. Should removing it
    // fail, the next build removes it (this process will have ended).
    let _ = std::fs::remove_dir_all(staging);
    Ok(())
}

/// Exchanges two folders atomically: at no moment is `b` missing.
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> io::Result<()> {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    match renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE) {
        Ok(()) => Ok(()),
        // Old kernels and some file systems do not know the exchange.
        Err(rustix::io::Errno::INVAL | rustix::io::Errno::NOSYS) => exchange_by_renames(a, b),
        Err(e) => Err(e.into()),
    }
}

#[cfg(not(target_os = "linux"))]
fn exchange(a: &Path, b: &Path) -> io::Result<()> {
    exchange_by_renames(a, b)
}

/// The fallback: `b` moves aside, `a` takes its place, the old `b` ends at
/// `a`. A crash in between leaves `b` missing but its content kept.
fn exchange_by_renames(a: &Path, b: &Path) -> io::Result<()> {
    let aside = a.with_extension("ancien");
    std::fs::rename(b, &aside)?;
    if let Err(e) = std::fs::rename(a, b) {
        let _ = std::fs::rename(&aside, b);
        return Err(e);
    }
    std::fs::rename(&aside, a)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exchange_swaps_two_folders() {
        let dir = tempfile::tempdir().expect("temp dir");
        let (a, b) = (dir.path().join("a"), dir.path().join("b"));
        std::fs::create_dir(&a).expect("mkdir");
        std::fs::create_dir(&b).expect("mkdir");
        std::fs::write(a.join("new"), "n").expect("write");
        std::fs::write(b.join("old"), "o").expect("write");
        exchange(&a, &b).expect("exchange");
        assert!(b.join("new").is_file() && a.join("old").is_file());
        exchange_by_renames(&a, &b).expect("exchange by renames");
        assert!(a.join("new").is_file() && b.join("old").is_file());
        assert_eq!(std::fs::read_dir(dir.path()).expect("list").count(), 2);
    }

    #[test]
    fn only_staging_folders_of_dead_processes_are_removed() {
        let dir = tempfile::tempdir().expect("temp dir");
        let out = dir.path().join("public");
        let mut child = std::process::Command::new("true").spawn().expect("spawn");
        let dead = child.id();
        child.wait().expect("wait");
        let stale = dir.path().join(format!(".public.tmp-{dead}-0"));
        let alive = dir.path().join(".public.tmp-1-0");
        let other = dir.path().join(".autre.tmp-1-0");
        for d in [&stale, &alive, &other] {
            std::fs::create_dir(d).expect("mkdir");
        }
        remove_stale(&out);
        assert!(!stale.exists(), "the dead build's folder is removed");
        assert!(alive.exists(), "a running process's folder is kept");
        assert!(other.exists(), "another output's folder is kept");
    }
}
