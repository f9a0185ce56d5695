# The two commands of the README: `make serve` and `make test`. Both install what they need first.
SHELL := bash
export PATH := $(HOME)/.cargo/bin:$(CURDIR)/node_modules/.bin:$(PATH)

.PHONY: serve build test check bench fuzz setup places

## Set up, build the release page and serve it on http://127.0.0.1:8080
serve:
	scripts/setup.sh
	@echo "Yalu Border Atlas: http://127.0.0.1:8080/"
	trunk serve --release

## Set up and build dist/ for static hosting
build:
	scripts/setup.sh
	trunk build --release

## Set up and run every test: format, lint, unit, rebuilds, release build, size, valid HTML, end-to-end in Chromium, Firefox and WebKit
test:
	scripts/setup.sh test
	scripts/test.sh

## The fast checks alone, with no wasm build and no browser: format, lints, unit tests, the fuzz targets' build
check:
	scripts/test.sh check

## Set up, build the release page and benchmark it against a Leaflet peer and a plain-HTML baseline, in Chromium and WebKit (RUNS=10)
bench:
	scripts/setup.sh bench
	trunk build --release
	node scripts/size-check.mjs dist || true
	node --experimental-websocket bench/run.mjs --runs $(or $(RUNS),10)

## Fuzz the content parser, the places file and the hash router (FUZZ_SECONDS=60 each); not in `make test`
fuzz:
	scripts/fuzz.sh $(or $(FUZZ_SECONDS),60)

setup:
	scripts/setup.sh test

## Print, per article, a summary (places found, names left out by each rule, spelling rules used), then each paragraph's places and every name left out, with the reason
## (FAMILIES=1 also lists every place's spellings and the rule that made each)
places:
	cargo run -q -p yalu-bake --bin places-report -- $(if $(FAMILIES),--families)
