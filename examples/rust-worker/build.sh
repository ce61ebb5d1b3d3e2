#!/usr/bin/env bash
# Builds the Rust Worker into build/ as `worker-build --release` (0.8.7) does, with the tools
# installed for the repository instead of the binaries worker-build downloads from GitHub:
#   1. cargo build --lib --release --target wasm32-unknown-unknown (WASM_BINDGEN_USE_JS_SYS=1)
#   2. wasm-bindgen --target module --out-name index --no-typescript
#        --experimental-reset-state-function --force-enable-abort-handler
#   3. wasm-opt -O with workerd's wasm features, keeping the name section
#   4. js/postbuild.mjs: the entry shim, esbuild, the .wasm import rewritten
# The CLI is the repository's pinned wasm-bindgen (scripts/lib.sh installs it), which must be
# the version in this crate's Cargo.lock; wasm-opt (binaryen) and esbuild come from the
# repository's node_modules (`npm install`), the very versions worker-build 0.8.7 pins.
# Steps 2-4 are skipped while build/ is newer than the cargo output and than these scripts.
source "$(dirname "$0")/../../scripts/lib.sh"

HERE="$ROOT/examples/rust-worker"
OUT="$HERE/build"
cd "$HERE"

# worker-build's step_check_lib_versions: the CLI must be the library's very version.
want="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)"
have="$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')"
if [ "$want" != "$have" ]; then
  echo "build.sh: Cargo.lock has wasm-bindgen $want, the CLI on PATH is '${have:-missing}';" >&2
  echo "  cargo install wasm-bindgen-cli --version $want" >&2
  exit 1
fi
for tool in wasm-opt esbuild; do
  command -v "$tool" >/dev/null || { echo "build.sh: $tool missing: npm install at $ROOT" >&2; exit 1; }
done

# 1. step_build_wasm. WASM_BINDGEN_USE_JS_SYS makes wasm-bindgen's macro use js_sys's futures,
# as worker-build sets it (an environment variable: RUSTFLAGS do not reach proc-macros here).
say "rust-worker: cargo build --lib --release --target wasm32-unknown-unknown"
WASM_BINDGEN_USE_JS_SYS=1 cargo build --quiet --lib --release --target wasm32-unknown-unknown
TARGET_DIR="$(cargo metadata --format-version 1 --no-deps | node -e 'let s="";process.stdin.on("data",c=>s+=c).on("end",()=>console.log(JSON.parse(s).target_directory))')"
WASM="$TARGET_DIR/wasm32-unknown-unknown/release/edgeroom_rust_worker.wasm"

fresh=1
for input in "$WASM" "$HERE/build.sh" "$HERE/js/shim.js" "$HERE/js/postbuild.mjs"; do
  [ "$OUT/index.js" -nt "$input" ] || fresh=0
done
if [ "$fresh" = 1 ]; then
  say "rust-worker: build/ is up to date"
  exit 0
fi

# worker-build writes into a staging directory and swaps it in at the end; so does this.
STAGE="$OUT.tmp"
rm -rf "$STAGE"
mkdir -p "$STAGE"

# 2. step_run_wasm_bindgen with the release profile's defaults (no --debug, names demangled)
# and the two flags worker-build adds for its module target: the reset of the instance after
# a trap, and the abort handler that marks it.
say "rust-worker: wasm-bindgen --target module"
wasm-bindgen "$WASM" --out-dir "$STAGE" --no-typescript --target module --out-name index \
  --experimental-reset-state-function --force-enable-abort-handler

# 3. step_run_wasm_opt: `-O` (the release default of [package.metadata.wasm-pack]), an
# explicit feature set rather than --all-features (no encoding workerd does not read yet), and
# --debuginfo to keep the names section (readable stack traces).
say "rust-worker: wasm-opt -O"
wasm-opt "$STAGE/index_bg.wasm" -o "$STAGE/index_bg.wasm-opt.wasm" -O \
  --enable-mutable-globals --enable-sign-ext --enable-nontrapping-float-to-int \
  --enable-bulk-memory --enable-multivalue --enable-reference-types \
  --enable-exception-handling --debuginfo
mv "$STAGE/index_bg.wasm-opt.wasm" "$STAGE/index_bg.wasm"

# 4. The shim, the handlers and class wrappers, esbuild, the import fix, the alias.
say "rust-worker: the entry shim, bundled by esbuild"
node "$HERE/js/postbuild.mjs" "$STAGE"

rm -rf "$OUT"
mv "$STAGE" "$OUT"
say "rust-worker: built $(du -h "$OUT/index_bg.wasm" | cut -f1) of wasm into examples/rust-worker/build/"
