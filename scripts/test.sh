#!/usr/bin/env bash
# Runs every test tier, installing what is missing first. Exits non-zero on any failure.
#   native   cargo test (with the README's Rust example as a doctest), clippy (host, wasm32,
#            and the token module with wasm-tokens only; with and without the reqwest
#            feature), rustfmt, cargo doc without warnings,
#            the generated files current
#   wasm     wasm-bindgen tests in Node and in headless Chromium
#   package  the npm package build, then the emulator's own tests
#   conformance the official SDKs (100ms and VideoSDK for Node, VideoSDK for Rust) against the
#            emulator: every answer carries what their own types require
#   differential edgeroom and the official Node SDKs given the same inputs: same requests, same
#            token claims; deliberate differences asserted and listed in the README
#   types    compile-only TypeScript tests; package: npm pack, publint, attw, the tarball alone
#   runtimes one shared JS suite against the built package in Node, Deno, workerd, Chromium
#   bundlers esbuild, Vite, Rollup and webpack build pages from the tarball, as the README's
#            "Bundlers" says; each loads and mints in headless Chromium; a .wasm left behind
#            is the coded error wasm_load_failed
#   faults   fault injection matrix; webhooks: emulator-sent webhooks end to end
#   examples the deployable examples, each started as documented, and examples/rust_emulator.rs
#            (cargo build --example), against the emulator
#   hostile  fast-check hostile input at every export; fuzz: cargo-fuzz targets, 10 s each
#   load     thousands of concurrent calls from one client, steady wasm memory
#   demo     the demo page driven by Playwright in headless Chromium
#   secrets  every tier's output scanned for the test secrets
source "$(dirname "$0")/lib.sh"

ensure_rust
ensure_wasm_bindgen
ensure_node_modules
ensure_chromium

cd "$ROOT"
OUT="$ROOT/test-output"
rm -rf "$OUT"
mkdir -p "$OUT"

# Runs one tier with its output kept in test-output/<name>.log (the secret scan reads them).
tier() {
  local name="$1"
  shift
  "$@" 2>&1 | tee "$OUT/$name.log"
}

say "native: cargo fmt --check, clippy (host, wasm32, the token module), cargo test, cargo doc"
cargo fmt --all --check
# Natively: the default (sans-IO) build, and with the ready client (`reqwest`), whose tests
# and examples need it.
cargo clippy --quiet --workspace --all-targets -- -D warnings
cargo clippy --quiet --workspace --all-targets --features edgeroom/reqwest -- -D warnings
# wasm32: the package's full module and the Rust API over fetch, then each other build alone:
# the token entry's module (edgeroom with `wasm-tokens` only, as scripts/build.sh builds it),
# a Rust Worker's edgeroom (`fetch` alone) and the default build. Features unify across a
# workspace run, so only these runs see the cfgs that the narrower builds compile.
cargo clippy --quiet --workspace --all-targets --target wasm32-unknown-unknown --features edgeroom/wasm-full,edgeroom/fetch -- -D warnings
cargo clippy --quiet -p edgeroom-tokens --target wasm32-unknown-unknown -- -D warnings
cargo clippy --quiet -p edgeroom --lib --features fetch --target wasm32-unknown-unknown -- -D warnings
cargo clippy --quiet -p edgeroom --lib --target wasm32-unknown-unknown -- -D warnings
tier native cargo test --quiet --workspace
tier native-reqwest cargo test --quiet -p edgeroom --features reqwest
# js/src/calls.js and js/types/calls.d.ts are what the Rust declarations of the calls make
# (fails when either is stale: regenerate with EDGEROOM_WRITE_GENERATED=1, or build); the
# Rust methods (src/*/methods.rs) too, checked by the workspace run above.
tier native-generated cargo test --quiet --features ts --test generated
RUSTDOCFLAGS="-D warnings" cargo doc --quiet --no-deps --workspace --features edgeroom/reqwest

# wasm-bindgen-test-runner exits 0 if Node's event loop empties before the tests finish, so
# each run must also print its summary line to count as a pass.
run_wasm_tests() {
  local name="wasm-$1"
  shift
  tier "$name" env "$@" cargo test --target wasm32-unknown-unknown --features wasm-full --test wasm
  grep -q "^test result: ok\." "$OUT/$name.log" || { echo "wasm tests did not report a result" >&2; exit 1; }
}
say "wasm: wasm-bindgen tests in Node"
run_wasm_tests node WASM_BINDGEN_TEST_TIMEOUT=60
say "wasm: gloo-net against the transport's contract (the README's Dependencies section)"
tier wasm-gloo-net env WASM_BINDGEN_TEST_TIMEOUT=60 cargo test --target wasm32-unknown-unknown --test gloo_net
grep -q "^test result: ok\." "$OUT/wasm-gloo-net.log" || { echo "gloo-net tests did not report a result" >&2; exit 1; }
say "wasm: wasm-bindgen tests in headless Chromium"
run_wasm_tests chromium WASM_BINDGEN_USE_BROWSER=1 CHROMEDRIVER="$(command -v chromedriver)" WASM_BINDGEN_TEST_TIMEOUT=60

bash scripts/build.sh

say "types: compile-only tests of the declarations"
tier types node_modules/.bin/tsc -p test-d

say "package: pack, publint, attw, then the tarball alone in Node, Deno and workerd"
tier package bash tests/package/check.sh

say "emulator: its own tests"
tier emulator node --test tests/emulator/

# The emulator and the client are written by the same hands; the official SDKs are the
# independent oracles of what the emulator must answer (tests/conformance/run.sh: node --test
# for the two Node SDKs, cargo test for VideoSDK's Rust SDK in its own workspace).
say "conformance: the official SDKs against the emulator"
tier conformance bash tests/conformance/run.sh

# Same inputs to edgeroom and each official SDK give the same requests and tokens, bar the listed deliberate differences.
say "differential: edgeroom and the official SDKs send the same requests and mint the same tokens"
tier differential node --test tests/differential/

say "runtimes: the shared suite in Node, Deno, workerd and Chromium"
tier runtimes bash tests/js/run-all.sh

say "bundlers: esbuild, Vite, Rollup and webpack builds of a page, loaded in headless Chromium"
tier bundlers node --test tests/bundlers/

say "faults: the emulator misbehaves; retries, timeouts and errors are as documented"
tier faults node --test tests/faults/

say "webhooks: the emulator sends real webhooks; the receivers authenticate and parse them"
tier webhooks node --test tests/webhooks/

say "hostile input: random and adversarial values at every export (fast-check)"
tier hostile node --test tests/hostile/

say "fuzz: a short bounded libFuzzer run of each target (longer: bash fuzz/run.sh 300)"
tier fuzz bash fuzz/run.sh 10

say "load: thousands of concurrent calls from one client against the emulator"
tier load node --test tests/load/

say "examples: the Worker (workerd), the Deno function, the Node server and the native Rust example against the emulator"
tier examples node --test tests/examples/

say "demo: the page in headless Chromium (screenshots in test-output/demo/)"
tier demo node --test tests/demo/

say "secrets: no test secret in any tier's output or the emulator's log"
node scripts/secret-scan.mjs "$OUT"

say "all tiers passed"
