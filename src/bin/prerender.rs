//! Writes the page, rendered from the same components as in the browser, into the built
//! `index.html`, so the map and every place's passages are there without JavaScript or
//! WebAssembly. Trunk runs it after each build (see `Trunk.toml`).
//!
//! Usage: `prerender [INDEX_HTML]`; by default `$TRUNK_STAGING_DIR/index.html`.

use leptos::prelude::*;
use std::path::PathBuf;

fn main() {
    let path = std::env::args().nth(1).map(PathBuf::from).or_else(|| {
        std::env::var_os("TRUNK_STAGING_DIR").map(|d| PathBuf::from(d).join("index.html"))
    });
    let Some(path) = path else {
        eprintln!("usage: prerender INDEX_HTML (or run from Trunk, which sets TRUNK_STAGING_DIR)");
        std::process::exit(2);
    };
    let html = match std::fs::read_to_string(&path) {
        Ok(h) => h,
        Err(e) => {
            eprintln!("error: {}: cannot read: {e}", path.display());
            std::process::exit(1);
        }
    };
    let owner = Owner::new();
    let body = owner.with(|| view! { <yalu_atlas::App prerendered=true /> }.to_html());
    const EMPTY: &str = "<body></body>";
    if html.matches(EMPTY).count() != 1 {
        eprintln!(
            "error: {}: expected exactly one empty {EMPTY} to fill",
            path.display()
        );
        std::process::exit(1);
    }
    let out = html.replacen(EMPTY, &format!("<body>{body}</body>"), 1);
    if let Err(e) = std::fs::write(&path, out) {
        eprintln!("error: {}: cannot write: {e}", path.display());
        std::process::exit(1);
    }
}
