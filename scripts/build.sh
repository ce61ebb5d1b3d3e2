#!/usr/bin/env bash
# Builds the npm package into pkg/: the crate for wasm32, wasm-bindgen (--target web),
# wasm-opt -Oz, then the JS entries, types and emulator beside it.
source "$(dirname "$0")/lib.sh"

ensure_rust
ensure_wasm_bindgen
ensure_node_modules

cd "$ROOT"
say "compiling the crate for wasm32-unknown-unknown (release)"
cargo build --quiet --release --lib --target wasm32-unknown-unknown --features wasm-runtime

PKG="$ROOT/pkg"
rm -rf "$PKG"
mkdir -p "$PKG/wasm"
# --weak-refs: a client the program drops is freed by a FinalizationRegistry, no leak.
# --remove-name-section instead of strip=true: strip breaks wasm-bindgen's feature detection.
wasm-bindgen target/wasm32-unknown-unknown/release/edgeroom.wasm \
  --target web --out-dir "$PKG/wasm" --out-name edgeroom \
  --weak-refs --remove-name-section --remove-producers-section --no-typescript

say "optimising with wasm-opt -Oz"
wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue \
  "$PKG/wasm/edgeroom_bg.wasm" -o "$PKG/wasm/edgeroom_bg.wasm"

cp -r js/entries js/src js/emulator js/types "$PKG/"
cp js/package.json README.md "$PKG/"

# Tests and the demo import the package by name, exactly as users do.
mkdir -p node_modules
ln -sfn ../pkg node_modules/edgeroom

say "built pkg/: wasm $(wc -c < "$PKG/wasm/edgeroom_bg.wasm") bytes, $(gzip -9c "$PKG/wasm/edgeroom_bg.wasm" | wc -c) gzip"
