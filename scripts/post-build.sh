#!/usr/bin/env bash
# Trunk's post-build hook (see Trunk.toml), in order: pre-render the page into index.html and
# set its Content-Security-Policy, then minify the JavaScript and pre-compress every file.
set -euo pipefail
cargo run --quiet --locked --no-default-features --features ssr --bin prerender
node scripts/finish-dist.mjs
