//! Bakes `data/` into Rust statics (see the `yalu-bake` crate) so the page parses nothing at load.

use std::path::Path;
use yalu_bake::{codegen, Atlas, DataPaths};

fn main() {
    // Read at run time, not compiled in (env!): a build script compiled for one checkout is reused
    // for another that shares its target folder, and must bake that other checkout's files.
    let root = std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let mut paths = DataPaths::under(Path::new(&root));
    // The end-to-end tests bake other articles (hostile text) into a page of their own.
    println!("cargo:rerun-if-env-changed=YALU_CONTENT_DIR");
    if let Some(dir) = std::env::var_os("YALU_CONTENT_DIR") {
        paths.content = dir.into();
    }
    for file in paths.all() {
        println!("cargo:rerun-if-changed={}", file.display());
    }
    let atlas = match Atlas::load(&paths) {
        Ok(atlas) => atlas,
        Err(err) => {
            // Cargo shows a failing build script's stderr: the message names file, feature and fault.
            eprintln!("error: {err}");
            std::process::exit(1);
        }
    };
    for warnings in &atlas.warnings {
        println!("cargo:warning={}", warnings.message);
    }
    let out = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("atlas.rs");
    std::fs::write(&out, codegen::rust_source(&atlas)).expect("OUT_DIR is writable");
}
