#!/usr/bin/env bash
# Every test of the project, in order; stops at the first failing step and names it.
# Run through `make test`, which installs the tools first.
#   scripts/test.sh          every step
#   scripts/test.sh check    the fast steps alone (`make check`): format, lints, unit tests and
#                            the fuzz targets' build; no wasm build, no browser
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

step() {
  local name=$1; shift
  printf '\n== %s: %s\n' "$name" "$*"
  if ! "$@"; then
    printf '\nFAILED step "%s": %s\n' "$name" "$*" >&2
    exit 1
  fi
}

step format cargo fmt --all --check
step lint cargo clippy --workspace --all-targets -- -D warnings
step lint-prerender cargo clippy --no-default-features --features ssr --bin prerender -- -D warnings
step unit cargo test --workspace
# The fuzz targets are their own crate (make fuzz runs them on nightly); building them here keeps
# them in step with the code they call. The shared target folder reuses the workspace's builds.
step fuzz-targets cargo check --quiet --manifest-path fuzz/Cargo.toml --target-dir target --bins
if [ "${1:-}" = check ]; then
  printf '\nAll fast checks passed (no wasm build, no browser: make test runs those too).\n'
  exit 0
fi
step rebuild node scripts/rebuild-check.mjs
step build trunk build --release
step size-budget node scripts/size-check.mjs dist
step valid-html node scripts/html-check.mjs dist
step end-to-end node --experimental-websocket --test --test-reporter=spec tests/e2e/
step serve node scripts/serve-check.mjs
printf '\nAll test steps passed.\n'
