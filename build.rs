//! Rebuild when an embedded folder changes (include_dir does not tell cargo).
fn main() {
    for dir in ["templates", "themes", "data", "content", "carnet.yaml"] {
        println!("cargo:rerun-if-changed={dir}");
    }
}
