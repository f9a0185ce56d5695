#!/usr/bin/env bash
# Trunk's post-build hook (see Trunk.toml), in order: minify the inline stylesheet, pre-render
# the page into index.html and set its Content-Security-Policy, then minify the JavaScript and
# pre-compress every file.
set -euo pipefail
node scripts/minify-css.mjs
cargo run --quiet --locked --no-default-features --features ssr --bin prerender
node scripts/finish-dist.mjs
