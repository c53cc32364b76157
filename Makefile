# The two commands of the README: `make run` and `make test`. Both install what is missing first.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := run

CARGO_LEPTOS_VERSION := 0.3.10
BINARYEN_VERSION := 132.0.0
PLAYWRIGHT_VERSION := 1.65.1
LIGHTHOUSE_VERSION := 12.8.2
# cargo-leptos needs the wasm-bindgen CLI of exactly the version in Cargo.lock.
WASM_BINDGEN_VERSION := $(shell sed -n '/^name = "wasm-bindgen"$$/{n;s/^version = "\(.*\)"/\1/p;}' Cargo.lock)
TOOLS := $(CURDIR)/.tools
# cargo-leptos bakes this into Leptos at compile time; setting it for every cargo call keeps one cache.
export LEPTOS_OUTPUT_NAME := tandem
export PATH := $(HOME)/.cargo/bin:$(TOOLS)/node_modules/.bin:$(PATH)

.PHONY: run test tools test-tools lint unit unit-postgres e2e build-debug size size-budget speed bench clean

## Build a release and serve it at http://127.0.0.1:3000 on ./data/tandem.db.
run: tools
	cargo leptos serve --release --precompress --split

## Everything CI checks: formatting, lints (server and browser builds), unit, integration (on
## SQLite and on PostgreSQL), browser tests, and the size budget of the first load.
test: tools test-tools lint build-debug unit unit-postgres e2e size-budget

tools:
	@rustup target list --installed | grep -qx wasm32-unknown-unknown \
		|| rustup target add wasm32-unknown-unknown
	@cargo leptos --version 2>/dev/null | grep -qF "$(CARGO_LEPTOS_VERSION)" \
		|| cargo install cargo-leptos --locked --version $(CARGO_LEPTOS_VERSION) --features no_downloads
	@wasm-bindgen --version 2>/dev/null | grep -qF "$(WASM_BINDGEN_VERSION)" \
		|| cargo install wasm-bindgen-cli --version =$(WASM_BINDGEN_VERSION)
	@[ -x $(TOOLS)/node_modules/.bin/wasm-opt ] \
		|| npm install --prefix $(TOOLS) --no-save --no-audit --no-fund binaryen@$(BINARYEN_VERSION)

test-tools:
	@command -v chromium >/dev/null \
		|| { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium; }
	@ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 \
		|| { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql; }
	@command -v systemd-analyze >/dev/null \
		|| { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y systemd; }
	@[ -x /usr/sbin/nginx ] && command -v openssl >/dev/null && command -v curl >/dev/null \
		|| { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y nginx openssl curl; }
	@[ -d end2end/node_modules/@playwright/test ] \
		|| (cd end2end && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund)

lint:
	cargo fmt --all -- --check
	cargo clippy --workspace --all-targets -- -D warnings
	cargo clippy -p app --features hydrate --target wasm32-unknown-unknown -- -D warnings

build-debug:
	cargo leptos build --split

unit:
	cargo test --workspace

# Every integration test again, each server on a database of its own on a throwaway PostgreSQL.
unit-postgres:
	scripts/with-postgres.sh cargo test --workspace --test '*'

# The browser suite runs against the debug build on a temporary database and a free port.
e2e:
	@port=$$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'); \
	dir=$$(mktemp -d); trap 'rm -rf "$$dir"' EXIT; \
	cd end2end && TANDEM_E2E_PORT=$$port TANDEM_E2E_DB="sqlite://$$dir/e2e.db" npx playwright test

## What a first visit downloads, by the page landed on, compressed as served (release build).
size: tools
	cargo leptos build --release --precompress --split
	node scripts/size.mjs target/site/pkg target/release/hash.txt

# The same measure for CI: only the browser bundle needs the release build. Runs after the browser
# tests, which use the debug build in the same target/site. Every build splits the wasm
# (`--split`): with lazy pages in the code, a build without it cannot start.
size-budget:
	cargo leptos build --release --precompress --frontend-only --split
	node scripts/size.mjs target/site/pkg target/release/hash.txt

## Today on a release server: Lighthouse's mobile performance, and its offline start. Timings vary
## with the machine's load, so they are figures for docs/ARCHITECTURE.md, not a test.
speed: tools test-tools
	@grep -qs '"version": "$(LIGHTHOUSE_VERSION)"' $(TOOLS)/node_modules/lighthouse/package.json || npm install --prefix $(TOOLS) --no-save --no-audit --no-fund \
		binaryen@$(BINARYEN_VERSION) lighthouse@$(LIGHTHOUSE_VERSION)
	cargo leptos build --release --precompress --split
	@port=$$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'); \
	dir=$$(mktemp -d); \
	DATABASE_URL="sqlite://$$dir/speed.db" TANDEM_BIND=127.0.0.1:$$port LEPTOS_SITE_ROOT=target/site \
		TANDEM_LOG=warn TANDEM_SIGN_UPS_PER_HOUR=100 target/release/tandem & server=$$!; \
	trap 'kill $$server; rm -rf "$$dir"' EXIT; \
	for _ in $$(seq 150); do curl -sf http://127.0.0.1:$$port/healthz >/dev/null && break; \
		kill -0 $$server || exit 1; sleep 0.2; done; \
	node scripts/today-speed.mjs http://127.0.0.1:$$port

## Many devices pushing and pulling at once against a release server, on SQLite and on a
## throwaway PostgreSQL: latency, errors, throughput.
bench:
	cargo bench -p server --bench push --bench pull --bench program --bench streams
	scripts/with-postgres.sh cargo bench -p server --bench push --bench pull --bench program --bench streams

clean:
	cargo clean
	rm -rf $(TOOLS) end2end/node_modules
