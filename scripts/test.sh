#!/usr/bin/env bash
# Runs every test tier, installing what is missing first. Exits non-zero on any failure.
#   native   cargo test (with the README's Rust example as a doctest), clippy (host and
#            wasm32), rustfmt, cargo doc without warnings
#   wasm     wasm-bindgen tests in Node and in headless Chromium
#   package  the npm package build, then the emulator's own tests
#   runtimes one shared JS suite against the built package in Node, Deno, workerd, Chromium
#   examples the deployable examples, each started as documented, against the emulator
#   demo     the demo page driven by Playwright in headless Chromium
source "$(dirname "$0")/lib.sh"

ensure_rust
ensure_wasm_bindgen
ensure_node_modules
ensure_chromium

cd "$ROOT"
OUT="$ROOT/test-output"
mkdir -p "$OUT"

say "native: cargo fmt --check, clippy (host, wasm32), cargo test"
cargo fmt --check
cargo clippy --quiet --all-targets -- -D warnings
cargo clippy --quiet --all-targets --target wasm32-unknown-unknown -- -D warnings
cargo test --quiet
RUSTDOCFLAGS="-D warnings" cargo doc --quiet --no-deps

# wasm-bindgen-test-runner exits 0 if Node's event loop empties before the tests finish, so
# each run must also print its summary line to count as a pass.
run_wasm_tests() {
  local log="$OUT/wasm-$1.log"
  shift
  env "$@" cargo test --target wasm32-unknown-unknown --test wasm 2>&1 | tee "$log"
  grep -q "^test result: ok\." "$log" || { echo "wasm tests did not report a result" >&2; exit 1; }
}
say "wasm: wasm-bindgen tests in Node"
run_wasm_tests node WASM_BINDGEN_TEST_TIMEOUT=60
say "wasm: wasm-bindgen tests in headless Chromium"
run_wasm_tests chromium WASM_BINDGEN_USE_BROWSER=1 CHROMEDRIVER="$(command -v chromedriver)" WASM_BINDGEN_TEST_TIMEOUT=60

bash scripts/build.sh

say "emulator: its own tests"
node --test tests/emulator/

say "runtimes: the shared suite in Node, Deno, workerd and Chromium"
bash tests/js/run-all.sh

say "examples: the Worker (workerd), the Deno function and the Node server against the emulator"
node --test tests/examples/

say "demo: the page in headless Chromium (screenshots in test-output/demo/)"
node --test tests/demo/

say "all tiers passed"
