#!/usr/bin/env bash
# `make fuzz`: a short coverage-guided run (libFuzzer, through cargo-fuzz) of each fuzz target
# in fuzz/: the content parser, the places file and the hash router. Not part of the test command.
#   scripts/fuzz.sh [SECONDS]   seconds per target, 60 unless given (FUZZ_SECONDS too)
# Seeds each corpus from the real content, places and routes; a crash stops the run and leaves
# its input in fuzz/artifacts/<target>/ (replay: cargo +nightly fuzz run <target> <file>).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
SECONDS_EACH=${1:-${FUZZ_SECONDS:-60}}
CARGO_FUZZ_VERSION=0.13.2

say() { printf 'fuzz: %s\n' "$*"; }

# cargo-fuzz builds with sanitizer flags that only a nightly compiler takes.
if rustup toolchain list | grep -q '^nightly'; then
  TOOLCHAIN=+nightly
else
  echo "fuzz: needs a nightly Rust toolchain (rustup toolchain install nightly)" >&2
  exit 1
fi
if [ "$(cargo fuzz --version 2>/dev/null)" != "cargo-fuzz $CARGO_FUZZ_VERSION" ]; then
  say "installing cargo-fuzz $CARGO_FUZZ_VERSION"
  cargo install cargo-fuzz --version "$CARGO_FUZZ_VERSION" --locked
fi

# Seeds: each article behind each selector byte, the places file, and every route the page has.
mkdir -p fuzz/corpus/article fuzz/corpus/places fuzz/corpus/route
i=0
for article in content/*.txt; do
  for selector in 0 1; do
    { printf "\\x$(printf %02x "$selector")"; cat "$article"; } >"fuzz/corpus/article/seed-$i-$selector"
  done
  i=$((i + 1))
done
cp data/places.geojson fuzz/corpus/places/seed-places
ids_in() { grep -o '"id": *"[a-z0-9-]*"' "$1" | sed 's/.*"\([a-z0-9-]*\)"$/\1/'; }
for place in $(ids_in data/places.geojson); do
  printf '#/place/%s' "$place" >"fuzz/corpus/route/seed-place-$place"
done
for article in $(ids_in content/articles.json); do
  printf '#/read/%s/1' "$article" >"fuzz/corpus/route/seed-read-$article"
done

cd fuzz
for target in article places route; do
  say "$target for $SECONDS_EACH s"
  log="target/fuzz-$target.log"
  mkdir -p target
  rc=0
  cargo "$TOOLCHAIN" fuzz run "$target" -O -- -max_total_time="$SECONDS_EACH" -max_len=65536 \
    -print_final_stats=1 >"$log" 2>&1 || rc=$?
  grep -E '^(#[0-9]+ +DONE|stat::(number_of_executed_units|new_units_added|peak_rss_mb)|==[0-9]+==|SUMMARY|thread .* panicked|Test unit written)' "$log" || true
  if [ "$rc" != 0 ]; then
    tail -n 40 "$log" >&2
    echo "fuzz: $target failed (exit $rc); the input is in fuzz/artifacts/$target/, the log in fuzz/$log" >&2
    exit 1
  fi
done
say "no target failed"
