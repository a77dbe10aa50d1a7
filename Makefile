# NQP Index: build, test and benchmark.
GO        ?= go
WASM_EXEC := $(shell $(GO) env GOROOT)/lib/wasm/go_js_wasm_exec
ENGINE    := ./scoring/...
FUZZPKGS  := ./scoring/... ./cmd/nqp
FUZZTIME  ?= 5s

.PHONY: all build test test-native test-wasm test-e2e fuzz vet bench bench-native bench-wasm wasm site serve clean

all: build

## build: the nqp CLI in bin/ and a wasm build check of the engine
build:
	$(GO) build -o bin/nqp ./cmd/nqp
	GOOS=js GOARCH=wasm $(GO) build $(ENGINE)

## test: vet, every test natively (with the browser end-to-end test), the engine's tests under wasm (Node), brief fuzzing
test: vet test-native test-wasm test-e2e fuzz

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

## fuzz: run every fuzz target for FUZZTIME
fuzz:
	@set -e; for pkg in $$($(GO) list $(FUZZPKGS)); do \
	  for f in $$($(GO) test -list '^Fuzz' $$pkg | grep '^Fuzz' || true); do \
	    echo "fuzz $$pkg $$f"; \
	    $(GO) test -run '^$$' -fuzz "^$$f$$" -fuzztime $(FUZZTIME) $$pkg; \
	  done; \
	done

## bench: ingest and pipeline benchmarks, native and wasm
bench: bench-native bench-wasm

bench-native:
	$(GO) test -run '^$$' -bench . -benchmem ./scoring/ingest ./scoring/pipeline

bench-wasm:
	GOOS=js GOARCH=wasm $(GO) test -run '^$$' -bench . -benchtime 3x -exec="$(WASM_EXEC)" ./scoring/ingest ./scoring/pipeline

## wasm: the browser app's WebAssembly binary
wasm:
	@mkdir -p dist/web
	GOOS=js GOARCH=wasm $(GO) build -trimpath -ldflags='-s -w' -o dist/web/app.wasm ./wasm

## site: the static site in dist/ (deployable as plain files)
site: wasm
	$(GO) run ./site -out dist

## serve: build the site and serve it on http://127.0.0.1:8080 (opens with the bundled sample)
serve: wasm
	$(GO) run ./site -out dist -serve 127.0.0.1:8080

clean:
	rm -rf bin dist
