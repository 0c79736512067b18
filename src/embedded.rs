//! Files built into the binary: default templates and theme (overridable file
//! by file by the kit), and the example kit written by `carnet init`.

use include_dir::{Dir, include_dir};

/// templates/ of the repository: HTML templates and form layouts.
pub static TEMPLATES: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/templates");

/// themes/ of the repository.
pub static THEMES: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/themes");

/// data/ of the example kit.
pub static EXAMPLE_DATA: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/data");

/// content/ of the example kit.
pub static EXAMPLE_CONTENT: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/content");

/// carnet.yaml of the example kit.
pub static EXAMPLE_CONFIG: &str = include_str!("../carnet.yaml");

/// Every file of an embedded folder, with its path relative to that folder.
pub fn files(dir: &'static Dir<'static>) -> Vec<(&'static std::path::Path, &'static [u8])> {
    let mut out = Vec::new();
    let mut stack = vec![dir];
    while let Some(d) = stack.pop() {
        for f in d.files() {
            out.push((f.path(), f.contents()));
        }
        stack.extend(d.dirs());
    }
    out.sort_by_key(|(p, _)| *p);
    out
}
