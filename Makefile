# NQP Index: build, test and benchmark.
GO        ?= go
WASM_EXEC := $(shell $(GO) env GOROOT)/lib/wasm/go_js_wasm_exec
ENGINE    := ./scoring/...
FUZZPKGS  := ./scoring/... ./cmd/nqp
FUZZTIME  ?= 5s
# PRECOMPRESS=1: make site writes name.br (brotli -q 11) and name.gz beside
# every file over 1 KiB (for intranet servers; Netlify and Cloudflare
# compress by themselves, so netlify.toml builds with PRECOMPRESS=0).
PRECOMPRESS ?= 1

.PHONY: all build test test-native test-wasm test-e2e fuzz vet bench bench-native bench-wasm wasm js site serve clean precompress test-site test-worker worker reproducible lighthouse perf

all: build

## build: the nqp CLI in bin/ and a wasm build check of the engine
build:
	$(GO) build -o bin/nqp ./cmd/nqp
	GOOS=js GOARCH=wasm $(GO) build $(ENGINE)

## test: vet, every test natively (with the browser end-to-end test), the engine's tests under wasm (Node), brief fuzzing
test: vet test-native test-wasm test-e2e test-site test-worker fuzz

vet:
	@test -z "$$(gofmt -l scoring cmd)" || { gofmt -l scoring cmd; echo "gofmt needed"; exit 1; }
	$(GO) vet ./...

test-native:
	$(GO) test -count=1 ./...

## test-e2e: the built site in headless Chromium (alone, so that it is not starved of CPU)
test-e2e: wasm
	NQP_E2E=1 $(GO) test -count=1 -run E2E ./site

test-wasm:
	GOOS=js GOARCH=wasm $(GO) test -count=1 -exec="$(WASM_EXEC)" $(ENGINE)

## fuzz: run every fuzz target for FUZZTIME. Go's fuzzer can end a run
## whose time is up with a spurious "context deadline exceeded" and no failing
## input (golang/go#48127); such a run is repeated once, a real failure is not.
fuzz:
	@set -e; for pkg in $$($(GO) list $(FUZZPKGS)); do \
	  for f in $$($(GO) test -list '^Fuzz' $$pkg | grep '^Fuzz' || true); do \
	    echo "fuzz $$pkg $$f"; \
	    if ! $(GO) test -run '^$$' -fuzz "^$$f$$" -fuzztime $(FUZZTIME) $$pkg > fuzz.log 2>&1; then \
	      cat fuzz.log; \
	      if grep -q 'context deadline exceeded' fuzz.log && ! grep -qi 'failing input' fuzz.log; then \
	        echo "fuzz $$pkg $$f: the fuzzer's deadline, not a failure; once more"; \
	        $(GO) test -run '^$$' -fuzz "^$$f$$" -fuzztime $(FUZZTIME) $$pkg; \
	      else rm -f fuzz.log; exit 1; fi; \
	    else tail -n 3 fuzz.log; fi; \
	  done; \
	done; rm -f fuzz.log

## bench: ingest and pipeline benchmarks, native and wasm
bench: bench-native bench-wasm

bench-native:
	$(GO) test -run '^$$' -bench . -benchmem ./scoring/ingest ./scoring/pipeline ./app

bench-wasm:
	GOOS=js GOARCH=wasm $(GO) test -run '^$$' -bench . -benchtime 3x -exec="$(WASM_EXEC)" ./scoring/ingest ./scoring/pipeline ./app

## wasm: the page's WebAssembly (app.wasm), the engine worker's (engine.wasm) and the bundled JavaScript libraries
wasm: js
	@mkdir -p dist/web
	@# The page is built with the tag nqppage, which leaves out the engine side of
	@# package app and the file readers; it must not link them (app/compute.go).
	@if GOOS=js GOARCH=wasm $(GO) list -tags nqppage -deps ./wasm | grep -E 'xuri/excelize|scoring/ingest$$|x/text/encoding$$'; then \
	  echo "the page (app.wasm) links the engine's readers"; exit 1; fi
	GOOS=js GOARCH=wasm $(GO) build -tags nqppage -trimpath -ldflags='-s -w' -o dist/web/app.wasm ./wasm
	GOOS=js GOARCH=wasm $(GO) build -trimpath -ldflags='-s -w' -o dist/web/engine.wasm ./wasm/engine

## js: the JavaScript libraries bundled into dist/web at build time (no CDN):
## Apache ECharts, pinned in site/package.json and site/package-lock.json
ECHARTS := site/node_modules/echarts/dist/echarts.min.js

js: dist/web/echarts.min.js

dist/web/echarts.min.js: $(ECHARTS)
	@mkdir -p dist/web
	cp $(ECHARTS) $@

$(ECHARTS): site/package.json site/package-lock.json
	npm ci --prefix site --ignore-scripts --no-audit --no-fund
	@touch $@

## site: the static site in dist/ (deployable as plain files)
site: wasm
	$(GO) run ./site -out dist
ifeq ($(PRECOMPRESS),1)
	@$(MAKE) --no-print-directory precompress
endif

## precompress: name.br and name.gz beside every file in dist/ over 1 KiB (not PNGs)
precompress:
	@command -v brotli >/dev/null || { echo "brotli is needed (apt-get install brotli), or build with PRECOMPRESS=0" >&2; exit 1; }
	find dist -type f \( -name '*.br' -o -name '*.gz' \) -delete
	find dist -type f -size +1k ! -name '*.png' -print0 | sort -z | \
	  xargs -0 -n 1 -P 2 sh -c 'brotli -q 11 -f -k -o "$$0.br" "$$0" && gzip -9 -n -k -f "$$0"'

## test-site: the built dist/ (precompressed) against the size budget, served with netlify.toml's headers
# SIZE_BUDGET: the first load (HTML, JS, CSS, app.wasm) in brotli bytes
# (issue 6: under 3 MB). The engine is web/engine.wasm, loaded by the Web
# Worker when the first computation starts, so it is not part of it.
SIZE_BUDGET ?= 3000000
test-site: site
	NQP_SITE=1 NQP_SIZE_BUDGET=$(SIZE_BUDGET) $(GO) test -count=1 -run 'Site' ./site

## reproducible: build dist/ twice from scratch and compare every byte
reproducible:
	rm -rf dist && $(MAKE) --no-print-directory site && (cd dist && find . -type f | sort | xargs sha256sum) > /tmp/nqp-dist-1.sha256
	rm -rf dist && $(MAKE) --no-print-directory site && (cd dist && find . -type f | sort | xargs sha256sum) > /tmp/nqp-dist-2.sha256
	diff /tmp/nqp-dist-1.sha256 /tmp/nqp-dist-2.sha256 && echo "dist/ is byte-identical across builds ($$(wc -l < /tmp/nqp-dist-1.sha256) files)"

## worker: the Cloudflare Worker in site/worker (build/ for the Go API, public/ for the assets)
worker: wasm site/worker/node_modules/.package-lock.json
	$(GO) run ./site -out dist -cloudflare site/worker/public
	cd site/worker && $(GO) run github.com/syumai/workers/cmd/workers-assets-gen -mode=go -o build
	cd site/worker && $(GO) run ./entrygen -o build/entry.json
	cd site/worker && GOOS=js GOARCH=wasm $(GO) build -trimpath -ldflags='-s -w' -o build/app.wasm .

site/worker/node_modules/.package-lock.json: site/worker/package.json site/worker/package-lock.json
	cd site/worker && npm ci --ignore-scripts --no-audit --no-fund
	@touch $@

## test-worker: the Worker in wrangler's local workerd: pages, headers, MIME types, SPA fallback, API = CLI
test-worker: worker
	NQP_WORKER=1 WRANGLER_SEND_METRICS=false CLOUDFLARE_CF_FETCH_ENABLED=false WRANGLER_HIDE_BANNER=true \
	  $(GO) test -count=1 -run Worker ./site/worker

## lighthouse: Lighthouse 12 audit of the served dist/ in Debian's chromium (scores in tools/lighthouse/report.json)
lighthouse: site tools/lighthouse/node_modules/.package-lock.json
	sh tools/lighthouse/run.sh

tools/lighthouse/node_modules/.package-lock.json: tools/lighthouse/package.json tools/lighthouse/package-lock.json
	cd tools/lighthouse && npm ci --ignore-scripts --no-audit --no-fund
	@touch $@

## perf: the performance figures of the built site in headless Chromium
## (cold and warm first screen, first-load bytes in brotli, the 20 MB county panel)
perf: site
	$(GO) run ./tools/perf -dist dist

## serve: build the site and serve it on http://127.0.0.1:8080 (opens with the bundled sample)
serve: wasm
	$(GO) run ./site -out dist -serve 127.0.0.1:8080

clean:
	rm -rf bin dist site/worker/build site/worker/public
