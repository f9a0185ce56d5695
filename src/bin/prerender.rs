//! Writes the page, rendered from its Leptos components, into the built `index.html`: the map,
//! every place's passages and both articles are in the HTML, which the live page takes over;
//! then sets a Content-Security-Policy that allows no inline code but the bootstrap script and
//! the stylesheet Trunk writes into it (by their hashes), as a meta tag and in a `_headers` file
//! for hosts that read one. Trunk runs it after each build (see `Trunk.toml`).
//!
//! Usage: `prerender [INDEX_HTML]`; by default `$TRUNK_STAGING_DIR/index.html`.

use base64::Engine;
use leptos::prelude::*;
use sha2::{Digest, Sha256};
use std::ops::Range;
use std::path::{Path, PathBuf};

/// The policy, with `{script}` and `{style}` standing for the hash sources of the bootstrap
/// script and of the inline stylesheet.
const POLICY: &str = "default-src 'none'; script-src 'self' {script} 'wasm-unsafe-eval'; \
     style-src {style}; img-src 'self'; connect-src 'self'; manifest-src 'self'; worker-src 'self'; \
     base-uri 'none'; form-action 'none'";

/// The one element `<{tag}…>` of `html`, whose opening tag must be exactly `open`: where it
/// starts, and where its content starts and ends. An error if there is none, more than one, or
/// another kind of `<{tag}>`.
fn only_element(html: &str, tag: &str, open: &str) -> Result<(usize, Range<usize>), String> {
    let starts: Vec<_> = html.match_indices(&format!("<{tag}")).collect();
    let [(at, _)] = starts.as_slice() else {
        return Err(format!(
            "expected exactly one <{tag}>, found {}",
            starts.len()
        ));
    };
    let body_start = html[*at..]
        .strip_prefix(open)
        .map(|_| at + open.len())
        .ok_or_else(|| format!("the <{tag}> is not {open}"))?;
    let body_end = body_start
        + html[body_start..]
            .find(&format!("</{tag}>"))
            .ok_or_else(|| format!("unclosed <{tag}>"))?;
    Ok((*at, body_start..body_end))
}

/// The SHA-256 hash source of the content of the one element `<{tag}…>` of `html`
/// ([`only_element`]).
fn hash_of_only(html: &str, tag: &str, open: &str) -> Result<String, String> {
    let (_, body) = only_element(html, tag, open)?;
    let digest = Sha256::digest(&html.as_bytes()[body]);
    let hash = base64::engine::general_purpose::STANDARD.encode(digest);
    Ok(format!("'sha256-{hash}'"))
}

/// The opening tag of the page's one inline script, the bootstrap.
const BOOTSTRAP_OPEN: &str = "<script type=\"module\" async>";

/// Replaces Trunk's bootstrap script and its `<link rel="preload">` of the wasm with one that
/// fetches the wasm itself, as soon as the head is parsed, and starts the page once the document
/// is parsed. Safari fetches a preloaded file a second time when a script asks for it, so a
/// preload would cost every WebKit reader the wasm twice; an `async` module script with no
/// import of its own runs at once, where the preload would have started.
///
/// A page that has it already (a built page rendered again) is left as it is.
fn early_bootstrap(html: &str) -> Result<String, String> {
    const OPEN: &str = "<script type=\"module\">";
    if html.contains(BOOTSTRAP_OPEN) {
        return Ok(html.to_owned());
    }
    let (start, body) = only_element(html, "script", OPEN)?;
    let end = body.end;
    let body = &html[body];
    let quoted = |after: &str| -> Result<&str, String> {
        let at = body
            .find(after)
            .ok_or_else(|| format!("the bootstrap has no {after}"))?
            + after.len();
        let len = body[at..]
            .find('\'')
            .ok_or("unclosed quote in the bootstrap")?;
        Ok(&body[at..at + len])
    };
    let glue = quoted("from '")?;
    let wasm = quoted("module_or_path: '")?;
    let link_start = html
        .find("<link rel=\"preload\"")
        .ok_or("no <link rel=\"preload\"> of the wasm")?;
    if link_start < end {
        return Err("the wasm's preload link comes before the bootstrap".to_owned());
    }
    let link_end = link_start + html[link_start..].find('>').ok_or("unclosed <link>")? + 1;
    let link = &html[link_start..link_end];
    if !link.contains(&format!("href=\"{wasm}\"")) {
        return Err(format!("the preload link is not of {wasm}: {link}"));
    }
    let integrity = link
        .split("integrity=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .ok_or("the wasm's preload link has no integrity")?;
    // Once the wasm runs, each island hydrates the element it rendered (the wasm exports a
    // function per island, named by the element's `data-component`), then the page goes live.
    // The two marks let the bench say where the time to live goes.
    let script = format!(
        "{BOOTSTRAP_OPEN}\n\
         const wasm = fetch('{wasm}', {{ integrity: '{integrity}' }});\n\
         const parsed = new Promise((ok) => (document.readyState === 'loading' ? addEventListener('DOMContentLoaded', ok, {{ once: true }}) : ok()));\n\
         const [page] = await Promise.all([import('{glue}'), parsed]);\n\
         const started = await page.default({{ module_or_path: wasm }});\n\
         performance.mark('yalu-instantiated');\n\
         for (const island of document.querySelectorAll('leptos-island')) page[island.dataset.component](island);\n\
         performance.mark('yalu-hydrated');\n\
         page.go_live();\n\
         dispatchEvent(new CustomEvent('TrunkApplicationStarted', {{ detail: {{ wasm: started }} }}));\n\
         </script>"
    );
    let mut out = String::with_capacity(html.len());
    out.push_str(&html[..start]);
    out.push_str(&script);
    out.push_str(&html[end + "</script>".len()..link_start]);
    out.push_str(&html[link_end..]);
    Ok(out)
}

/// The policy for `html`: no inline code but the bootstrap script and the stylesheet Trunk
/// inlines (so that the first paint waits for no second request), each allowed by its hash.
fn policy_for(html: &str) -> Result<String, String> {
    let script = hash_of_only(html, "script", BOOTSTRAP_OPEN)?;
    let style = hash_of_only(html, "style", "<style>")?;
    if html.contains("rel=\"stylesheet\"") {
        return Err("a linked stylesheet beside the inline one".to_owned());
    }
    Ok(POLICY
        .replace("{script}", &script)
        .replace("{style}", &style))
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
    // Islands render only under an owner with a shared context, as a server's would be.
    let owner = Owner::new_root(Some(std::sync::Arc::new(
        hydration_context::SsrSharedContext::new(),
    )));
    let body = owner.with(|| {
        provide_context(yalu_atlas::islands::Store::rendered());
        view! { <yalu_atlas::App /> }.to_html()
    });
    let body =
        yalu_atlas::markup::strip_hydration_markers(&body).unwrap_or_else(|e| fail(&path, e));
    const EMPTY: &str = "<body></body>";
    if html.matches(EMPTY).count() != 1 {
        eprintln!(
            "error: {}: expected exactly one empty {EMPTY} to fill",
            path.display()
        );
        std::process::exit(1);
    }
    let html = early_bootstrap(&html).unwrap_or_else(|e| fail(&path, e));
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
    // The detail drawings the build script cut, beside the page.
    let detail = path.with_file_name(yalu_model::DETAIL_DIR);
    copy_dir(Path::new(env!("YALU_DETAIL_DIR")), &detail)
        .unwrap_or_else(|e| fail(&detail, format!("cannot copy the detail drawings: {e}")));
}

/// Copies folder `from` and everything in it to `to`, replacing what was there.
fn copy_dir(from: &Path, to: &Path) -> std::io::Result<()> {
    let _ = std::fs::remove_dir_all(to);
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), target)?;
        }
    }
    Ok(())
}
