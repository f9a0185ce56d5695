//! Writes the page, rendered from its Leptos components, into the built `index.html`: the map,
//! every place's passages and both articles are in the HTML, which the live page takes over; then sets a Content-Security-Policy that allows no inline code but the one
//! bootstrap script Trunk writes (by its hash), as a meta tag and in a `_headers` file for hosts
//! that read one. Trunk runs it after each build (see `Trunk.toml`).
//!
//! Usage: `prerender [INDEX_HTML]`; by default `$TRUNK_STAGING_DIR/index.html`.

use base64::Engine;
use leptos::prelude::*;
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

/// The policy, with `{script}` standing for the bootstrap script's hash source.
const POLICY: &str = "default-src 'none'; script-src 'self' {script} 'wasm-unsafe-eval'; \
     style-src 'self'; img-src 'self'; connect-src 'self'; manifest-src 'self'; worker-src 'self'; \
     base-uri 'none'; form-action 'none'";

/// The policy for `html`: exactly one inline script (Trunk's bootstrap) is allowed, by hash.
fn policy_for(html: &str) -> Result<String, String> {
    const OPEN: &str = "<script type=\"module\">";
    let starts: Vec<_> = html.match_indices("<script").collect();
    let [(at, _)] = starts.as_slice() else {
        return Err(format!(
            "expected exactly one <script>, found {}",
            starts.len()
        ));
    };
    let body_start = html[*at..]
        .strip_prefix(OPEN)
        .map(|_| at + OPEN.len())
        .ok_or("the <script> is not Trunk's inline module script")?;
    let body_end = body_start
        + html[body_start..]
            .find("</script>")
            .ok_or("unclosed <script>")?;
    let digest = Sha256::digest(&html.as_bytes()[body_start..body_end]);
    let hash = base64::engine::general_purpose::STANDARD.encode(digest);
    Ok(POLICY.replace("{script}", &format!("'sha256-{hash}'")))
}

fn fail(path: &Path, message: impl std::fmt::Display) -> ! {
    eprintln!("error: {}: {message}", path.display());
    std::process::exit(1);
}

fn main() {
    let path = std::env::args().nth(1).map(PathBuf::from).or_else(|| {
        std::env::var_os("TRUNK_STAGING_DIR").map(|d| PathBuf::from(d).join("index.html"))
    });
    let Some(path) = path else {
        eprintln!("usage: prerender INDEX_HTML (or run from Trunk, which sets TRUNK_STAGING_DIR)");
        std::process::exit(2);
    };
    let html =
        std::fs::read_to_string(&path).unwrap_or_else(|e| fail(&path, format!("cannot read: {e}")));
    let owner = Owner::new();
    let body = owner.with(|| view! { <yalu_atlas::App /> }.to_html());
    let body = yalu_atlas::markup::strip_hydration_markers(&body);
    const EMPTY: &str = "<body></body>";
    if html.matches(EMPTY).count() != 1 {
        eprintln!(
            "error: {}: expected exactly one empty {EMPTY} to fill",
            path.display()
        );
        std::process::exit(1);
    }
    let policy = policy_for(&html).unwrap_or_else(|e| fail(&path, e));
    let meta = format!("<meta http-equiv=\"Content-Security-Policy\" content=\"{policy}\" />");
    // The policy must come before anything it governs: first thing in <head>.
    let Some(head) = html.find("<head>") else {
        fail(&path, "no <head>")
    };
    let mut out = html.clone();
    out.insert_str(head + "<head>".len(), &format!("\n    {meta}"));
    let out = out.replacen(EMPTY, &format!("<body>{body}</body>"), 1);
    std::fs::write(&path, out).unwrap_or_else(|e| fail(&path, format!("cannot write: {e}")));
    // Hosts that read a _headers file also get the policy as a header, with what a meta tag cannot say.
    let headers = path.with_file_name("_headers");
    let text = format!("/*\n  Content-Security-Policy: {policy}; frame-ancestors 'none'\n  X-Content-Type-Options: nosniff\n  Referrer-Policy: no-referrer\n");
    std::fs::write(&headers, text).unwrap_or_else(|e| fail(&headers, format!("cannot write: {e}")));
}
