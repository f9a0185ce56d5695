//! Bakes `data/` into Rust statics (see the `yalu-bake` crate) so the page parses nothing at load.

use std::path::Path;
use yalu_bake::{codegen, detail, Atlas, DataPaths};

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
    let out_dir = std::path::PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    // Each detail level is drawn once: its index goes into the tables, its tiles beside the page.
    let detail = detail::Detail::new(&atlas);
    std::fs::write(
        out_dir.join("atlas.rs"),
        codegen::rust_source(&atlas, &detail),
    )
    .expect("OUT_DIR is writable");
    // The detail drawings are files beside the page, which the pre-render (the `ssr` build)
    // copies into it; the wasm needs only their index, in the tables above.
    if std::env::var_os("CARGO_FEATURE_SSR").is_some() {
        let dir = out_dir.join(yalu_model::DETAIL_DIR);
        let _ = std::fs::remove_dir_all(&dir);
        for tile in detail::tiles(&detail, &atlas) {
            let file = out_dir.join(yalu_model::detail_file(tile.level, tile.col, tile.row));
            std::fs::create_dir_all(file.parent().expect("a tile's file is in a folder"))
                .expect("OUT_DIR is writable");
            std::fs::write(file, tile.text).expect("OUT_DIR is writable");
        }
        println!("cargo:rustc-env=YALU_DETAIL_DIR={}", dir.display());
    }
}
