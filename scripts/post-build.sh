#!/usr/bin/env bash
# Trunk's post-build hook (see Trunk.toml), in order: minify the inline stylesheet, take out of
# the wasm what the page never calls and optimize it, give the wasm's bindings short names,
# pre-render the page into index.html and set its Content-Security-Policy, then minify the
# JavaScript and pre-compress every file.
set -euo pipefail
node scripts/minify-css.mjs
node scripts/optimize-wasm.mjs
node scripts/short-bindings.mjs
# The pre-render builds in the release profile, as Trunk's wasm build does, so the two share the
# build script's dependencies (the bake and its boolean geometry) in target/release instead of
# compiling them twice. Only its optimisation is turned off: the pre-render runs once and
# quickly, and changing any other setting (LTO, for one) would give those dependencies another
# hash, and so a second compile.
CARGO_PROFILE_RELEASE_OPT_LEVEL=0 \
    cargo run --quiet --locked --release --no-default-features --features ssr --bin prerender
node scripts/finish-dist.mjs
