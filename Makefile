# Newsmark. `make run` builds everything and annotates the seed page in a real browser;
# `make test` runs every test. Both install what is missing first (scripts/setup.sh).
SHELL := /bin/bash
export PATH := $(HOME)/.cargo/bin:$(CURDIR)/node_modules/.bin:$(PATH)
WASM_RAW := $(or $(CARGO_TARGET_DIR),target)/wasm32-unknown-unknown/release/newsmark.wasm
WASM_OPT := $(CURDIR)/node_modules/.bin/wasm-opt
BROWSER ?= chromium
PORT ?= 8765

.PHONY: setup build wasm run test check-layers test-native test-tools test-wasm e2e lint-ext eval-pages eval-text e2e-page bench data clean

setup:
	@scripts/setup.sh

## build: the wasm (optimised by binaryen from npm, never Debian's), the extension builds,
## the zips and the demo site, all under dist/.
build: setup wasm
	@python3 scripts/build_extension.py dist/pkg dist/pkg-web dist

wasm:
	@cargo build -q --lib --release --target wasm32-unknown-unknown
	@rm -rf dist/pkg dist/pkg-web && mkdir -p dist
	@wasm-bindgen --target no-modules --no-typescript --out-dir dist/pkg $(WASM_RAW)
	@wasm-bindgen --target web --no-typescript --out-dir dist/pkg-web $(WASM_RAW)
	@for d in dist/pkg dist/pkg-web; do $(WASM_OPT) -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue $$d/newsmark_bg.wasm -o $$d/newsmark_bg.wasm; done
	@echo "wasm: $$(stat -c %s dist/pkg/newsmark_bg.wasm) bytes, $$(gzip -9c dist/pkg/newsmark_bg.wasm | wc -c) gzipped"

## run: the main job (see README).
run: build
	@node tools/run.mjs

# e2e runs last: its closing "N passed, M failed" line is the run's summary.
test: build check-layers test-native test-tools test-wasm lint-ext roundtrip-pages e2e-hardening e2e

## check-layers: src/ imports go one way, text <- page <- data <- analysis <- present <- web.
check-layers:
	@scripts/check_layers.sh

test-native:
	@cargo test -q --features native

test-wasm:
	@wasm-pack test --headless --chrome --firefox --mode no-install -- --test web

test-tools:
	@node --test tests/tools/

e2e:
	@node tests/e2e/run.mjs

lint-ext:
	@npx --no-install web-ext lint --source-dir dist/firefox --self-hosted

eval-pages: build
	@test -n "$(INDEX)" -a -n "$(OUT)" || { echo "usage: make eval-pages INDEX=<index.jsonl> OUT=<predictions.json>"; exit 2; }
	@node tools/eval-pages.mjs "$(INDEX)" "$(OUT)"

eval-text:
	@test -n "$(INPUT)" -a -n "$(OUT)" || { echo "usage: make eval-text INPUT=<jsonl of {id,text,date}> OUT=<json>"; exit 2; }
	@cargo run -q --release --bin eval_text -- "$(INPUT)" "$(OUT)"

e2e-page: build
	@test -n "$(URL)" -a -n "$(OUT)" || { echo "usage: make e2e-page URL=<http url> OUT=<dir> [BROWSER=chromium|firefox]"; exit 2; }
	@node tools/e2e-page.mjs --url "$(URL)" --out "$(OUT)" --browser "$(BROWSER)"

data:
	@python3 scripts/gen_data.py ../shared/data
	@python3 scripts/gen_sources.py ../shared/data

clean:
	rm -rf dist out target/wasm32-unknown-unknown

## bench: Newsmark's click path against Readability and a bare text walk on every page of
## INDEX in headless Chromium, sizes, instantiation, native throughput (benches/); prints
## PASS/FAIL per budget and writes OUT. Budgets are reported, never asserted.
BENCH_INDEX = $(or $(INDEX),../shared/suites/index.jsonl)
bench: build
	@test -n "$(OUT)" || { echo "usage: make bench OUT=<file.json> [INDEX=<index.jsonl>]"; exit 2; }
	@native=$$(mktemp) && cargo bench -q --features native --bench throughput -- "$(BENCH_INDEX)" --json "$$native" && \
	  node tools/bench.mjs --index "$(BENCH_INDEX)" --out "$(OUT)" --native "$$native"; s=$$?; rm -f "$$native"; exit $$s

## e2e-hardening: hostile fixture pages, 10 MB / 100,000-node / 10,000-deep pages, a forced
## wasm panic and a CDP record of network requests, in both browsers (tests/e2e/hardening.mjs).
.PHONY: e2e-hardening fuzz
e2e-hardening:
	@node tests/e2e/hardening.mjs

## fuzz: the long fuzzing run (cargo-fuzz on nightly), FUZZ_SECONDS per target. Seeds come
## from tests/fixtures/fuzz/<target> (replayed on stable by `make test-native`); new inputs
## go to fuzz/target/corpus, crashes to fuzz/artifacts: copy a crash into the target's
## fixture folder once fixed, as its regression test.
FUZZ_SECONDS ?= 300
FUZZ_TARGETS ?= dates jsonld officials page
fuzz:
	@cargo +nightly fuzz --version >/dev/null 2>&1 || cargo install cargo-fuzz --locked
	@for t in $(FUZZ_TARGETS); do mkdir -p fuzz/target/corpus/$$t; \
	  cargo +nightly fuzz run -O $$t fuzz/target/corpus/$$t tests/fixtures/fuzz/$$t -- \
	    -max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=1024 -max_len=65536 || exit 1; done

## roundtrip-pages: annotate then clear leaves outerHTML unchanged on every suite page
## (real wasm, live documents in headless Chromium; tools/roundtrip-pages.mjs).
.PHONY: roundtrip-pages
roundtrip-pages: build
	@node tools/roundtrip-pages.mjs --index $(or $(INDEX),../shared/suites/index.jsonl)
