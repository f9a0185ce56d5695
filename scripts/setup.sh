#!/usr/bin/env bash
# Installs what building (and, with `test`, testing) the page needs, from the package registries
# only. Idempotent: each tool is checked first and installed only when missing or at another version.
#   scripts/setup.sh        build tools: wasm32 target, Trunk, wasm-bindgen CLI, wasm-opt (npm)
#   scripts/setup.sh test   the same, plus Chromium, ChromeDriver, Firefox ESR and geckodriver,
#                           WebKitGTK's WebDriver and Xvfb, and Java for the Nu HTML checker
#   scripts/setup.sh bench  the same as test, plus Lighthouse and Leaflet (bench/package.json) for `make bench`
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
GECKODRIVER_VERSION=0.37.1
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

say() { printf 'setup: %s\n' "$*"; }

# The wasm-bindgen CLI must match the wasm-bindgen crate in Cargo.lock exactly.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)
[ -n "$WASM_BINDGEN_VERSION" ] || { echo "setup: no wasm-bindgen in Cargo.lock" >&2; exit 1; }

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
apt_updated=
apt_install() {
  [ -n "$apt_updated" ] || { as_root apt-get update -qq; apt_updated=1; }
  say "apt-get install $*"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

command -v cargo >/dev/null || { echo "setup: cargo (Rust, through rustup) is required" >&2; exit 1; }
command -v npm >/dev/null || apt_install nodejs npm

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "installing Trunk $TRUNK_VERSION (about 11 minutes on 2 cores)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  # Without --locked: the CLI's own lock file does not build with today's registry.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

# npm packages (wasm-opt, terser, axe-core) exactly as package-lock.json has them; the copy of the lock
# file kept in node_modules tells whether the installed tree is that one.
npm_ci() { # DIR: install DIR's package-lock.json into DIR/node_modules unless it is there already
  if ! cmp -s "$1/package-lock.json" "$1/node_modules/.installed-lock.json"; then
    say "installing the npm packages of $1/package-lock.json"
    # No install scripts: vnu-jar's would download a Java runtime; Debian's is used instead.
    npm ci --prefix "$1" --no-audit --no-fund --loglevel=error --ignore-scripts
    cp "$1/package-lock.json" "$1/node_modules/.installed-lock.json"
  fi
}
npm_ci .
node_modules/.bin/wasm-opt --version | grep -q 'version 132' || { echo "setup: node_modules has no wasm-opt 132" >&2; exit 1; }

if [ "${1:-}" = test ] || [ "${1:-}" = bench ]; then
  missing=()
  command -v chromium >/dev/null || missing+=(chromium)
  command -v chromedriver >/dev/null || missing+=(chromium-driver)
  command -v firefox-esr >/dev/null || missing+=(firefox-esr)
  command -v java >/dev/null || missing+=(default-jre-headless)
  command -v WebKitWebDriver >/dev/null || missing+=(webkit2gtk-driver)
  command -v xvfb-run >/dev/null || missing+=(xvfb)
  [ ${#missing[@]} = 0 ] || apt_install "${missing[@]}"
  if [ "$(geckodriver --version 2>/dev/null | head -n1)" != "geckodriver $GECKODRIVER_VERSION" ]; then
    say "installing geckodriver $GECKODRIVER_VERSION"
    cargo install geckodriver --version "$GECKODRIVER_VERSION"
  fi
fi
[ "${1:-}" != bench ] || npm_ci bench
say "ready"
