//! The example kit of this repository copied into a temporary folder, and a
//! build kept in memory: for the tests that edit a kit and build it again.

use carnet::render::Sink;
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Mutex;

/// The example kit of this repository: everything a build reads.
pub const KIT: [&str; 5] = ["carnet.yaml", "data", "content", "templates", "themes"];

/// Copies `from` (a file or a folder) to `to`.
pub fn copy(from: &Path, to: &Path) {
    if from.is_dir() {
        std::fs::create_dir_all(to).expect("create a folder");
        for entry in std::fs::read_dir(from).expect("read a folder") {
            let entry = entry.expect("a folder entry");
            copy(&entry.path(), &to.join(entry.file_name()));
        }
    } else {
        std::fs::copy(from, to).expect("copy a file");
    }
}

/// A copy of the example kit in `dir`.
pub fn copy_kit(dir: &Path) {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::create_dir_all(dir).expect("create the kit folder");
    for part in KIT {
        copy(&repo.join(part), &dir.join(part));
    }
}

/// The outputs of a build, kept in memory by path: tests compare many
/// builds, and writing each to disk would double their time.
#[derive(Default)]
pub struct Memory(pub Mutex<BTreeMap<String, Vec<u8>>>);

impl Sink for Memory {
    fn put(&self, path: &str, bytes: Vec<u8>) -> std::io::Result<()> {
        self.0
            .lock()
            .expect("no panic while storing")
            .insert(path.to_string(), bytes);
        Ok(())
    }
}
