#!/usr/bin/env bash
# Builds the npm package into pkg/: the generated call table and declarations brought up to
# date, the crate for wasm32, wasm-bindgen (--target web, on the .wasm with multivalue unlisted:
# scripts/no-multivalue.mjs), wasm-opt -Oz -ocimfs 10, then the JS
# (bundled: few modules per entry), types and emulator beside it.
source "$(dirname "$0")/lib.sh"

ensure_rust
ensure_wasm_bindgen
ensure_node_modules

cd "$ROOT"
# The JS method table and the TypeScript declarations of the calls are made from the Rust
# declarations (tests/generated.rs): regenerated first, so a build never ships a stale
# table. Files already current are left untouched.
say "regenerating js/src/calls.js, js/types/calls.d.ts and the Rust methods from the Rust declarations"
EDGEROOM_WRITE_GENERATED=1 cargo test --quiet --features ts --test generated
EDGEROOM_WRITE_GENERATED=1 cargo test --quiet --test generated_methods

# The crate's default features are a Rust user's (no JavaScript exports); the package's main
# module is the crate with `wasm-full`.
say "compiling the crate for wasm32-unknown-unknown (release, wasm-full)"
cargo build --quiet --release --lib --features wasm-full --target wasm32-unknown-unknown

# The token entry's module (edgeroom/tokens): crates/tokens links edgeroom with
# `wasm-tokens` only (not `wasm-full`), so only the token exports are left. Its own target directory:
# the crate's library is built with other features there, and on wasm32 cargo gives a
# workspace cdylib's files no hash, so in one directory each build would overwrite the
# other's and both would be rebuilt every time. Costs one more build of the dependencies
# the first time (about 40 s here), nothing after.
say "compiling the token entry's module (crates/tokens, wasm-tokens only)"
TOKENS_TARGET="${CARGO_TARGET_DIR:-$ROOT/target}/tokens-entry"
CARGO_TARGET_DIR="$TOKENS_TARGET" cargo build --quiet --release --lib -p edgeroom-tokens --target wasm32-unknown-unknown

PKG="$ROOT/pkg"
# Cargo's output honours CARGO_TARGET_DIR (a target directory shared between work trees);
# what this script makes itself stays in this tree's target/.
CARGO_WASM="${CARGO_TARGET_DIR:-$ROOT/target}/wasm32-unknown-unknown/release/edgeroom.wasm"
CARGO_TOKENS_WASM="$TOKENS_TARGET/wasm32-unknown-unknown/release/edgeroom_tokens.wasm"
mkdir -p "$ROOT/target"

# wasm-bindgen's input: cargo's .wasm without "multivalue" in its target_features, so the
# exports return their results through memory rather than as several wasm results, which
# V8 (Node 20) would compile a JS-to-wasm wrapper for per distinct signature before
# `new WebAssembly.Module` returns (~0.3 ms each: 6 in the token module, 8 in the full one).
# The code is the same bytes; see scripts/no-multivalue.mjs. Rewritten only when older than
# its input (so the named copies below stay fresh across builds).
without_multivalue() { # <cargo wasm> <out>
  if [ "$2" -nt "$1" ] && [ "$2" -nt "$ROOT/scripts/no-multivalue.mjs" ]; then return; fi
  node "$ROOT/scripts/no-multivalue.mjs" "$1" "$2"
}
BINDGEN_IN="$ROOT/target/edgeroom-bindgen-in.wasm"
BINDGEN_TOKENS_IN="$ROOT/target/edgeroom_tokens-bindgen-in.wasm"
without_multivalue "$CARGO_WASM" "$BINDGEN_IN"
without_multivalue "$CARGO_TOKENS_WASM" "$BINDGEN_TOKENS_IN"
BINDGEN="$ROOT/target/edgeroom-bindgen" # wasm-bindgen's output, before bundling
rm -rf "$PKG" "$BINDGEN"
mkdir -p "$PKG/wasm"
# --weak-refs: a client the program drops is freed by a FinalizationRegistry, no leak.
# --remove-name-section instead of strip=true: strip breaks wasm-bindgen's feature detection.
wasm-bindgen "$BINDGEN_IN" \
  --target web --out-dir "$BINDGEN" --out-name edgeroom \
  --weak-refs --remove-name-section --remove-producers-section --no-typescript
wasm-bindgen "$BINDGEN_TOKENS_IN" \
  --target web --out-dir "$BINDGEN" --out-name edgeroom_tokens \
  --weak-refs --remove-name-section --remove-producers-section --no-typescript

WASM_FEATURES=(--enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext
  --enable-mutable-globals --enable-reference-types --enable-multivalue)
# -ocimfs 10 (--one-caller-inline-max-function-size): a function with one caller is inlined
# into it only if it is small (binaryen's default inlines every such function). gzip -9, what
# is uploaded and downloaded, of full / token module with -Oz --converge (binaryen 132, issue
# 21): -ocimfs unset 257.4 / 96.4 KB, 0 214.2 / 94.6, 5 213.6 / 94.5, 10 211.7 / 94.4,
# 15 211.9 / 94.3, 20 212.2 / 94.3, 40 (before the doc strings left) 216.7 / 94.5.
# --merge-similar-functions is already in -Oz; -Os is larger.
WASM_OPT=(-Oz --converge -ocimfs 10 "${WASM_FEATURES[@]}")

say "optimising with wasm-opt ${WASM_OPT[*]:0:4}"
wasm-opt "${WASM_OPT[@]}" "$BINDGEN/edgeroom_bg.wasm" -o "$PKG/wasm/edgeroom_bg.wasm"
wasm-opt "${WASM_OPT[@]}" "$BINDGEN/edgeroom_tokens_bg.wasm" -o "$PKG/wasm/edgeroom_tokens_bg.wasm"

# The same wasm with its function names, for `node bench/run.mjs --only size` (code bytes per
# feature) and profiling; never shipped. -g keeps the name section through wasm-opt without
# changing the code: the same sections and function sizes as the shipped file, which
# bench/runners/size.mjs checks. This second wasm-opt run costs as much as the first (~5 s),
# so it is skipped while the copy is newer than what it is made from: wasm-bindgen's input, this
# script, and package-lock.json (which pins wasm-opt).
# One named copy per module: target/edgeroom-named.wasm and target/edgeroom_tokens-named.wasm.
named_copy() { # <cargo wasm> <out-name>
  local cargo_wasm="$1" name="$2" named="target/$2-named.wasm" fresh=true tmp
  for input in "$cargo_wasm" "$ROOT/scripts/build.sh" "$ROOT/package-lock.json"; do
    [ "$named" -nt "$input" ] || fresh=false
  done
  if $fresh; then
    say "named wasm for the size report is up to date: $named"
    return
  fi
  say "optimising a named copy for the size report: $named"
  tmp="$(mktemp -d)"
  wasm-bindgen "$cargo_wasm" --target web --out-dir "$tmp" --out-name "$name" \
    --weak-refs --remove-producers-section --no-typescript
  wasm-opt "${WASM_OPT[@]}" -g "$tmp/${name}_bg.wasm" -o "$tmp/named.wasm"
  # Moved into place only when complete, so a failed run never leaves a copy that looks fresh.
  mv "$tmp/named.wasm" "$named"
  rm -rf "$tmp"
}
named_copy "$BINDGEN_IN" edgeroom
named_copy "$BINDGEN_TOKENS_IN" edgeroom_tokens

# Fewer JS modules per entry (node: two instead of seven; the token entry's node file one),
# since a cold start in Node pays for module files by the piece; the full entry's glue stays
# one shared module. The glue's catching imports get their parameters declared (fewer
# wasm-to-JS wrappers for V8 to compile at instantiation). See scripts/bundle-js.mjs.
say "bundling the JS entries"
node scripts/bundle-js.mjs "$BINDGEN" "$PKG"
cp -r js/emulator js/types "$PKG/"
cp js/package.json README.md "$PKG/"

# Tests and the demo import the package by name, exactly as users do.
mkdir -p node_modules
ln -sfn ../pkg node_modules/edgeroom

say "built pkg/: wasm $(wc -c < "$PKG/wasm/edgeroom_bg.wasm") bytes, $(gzip -9c "$PKG/wasm/edgeroom_bg.wasm" | wc -c) gzip; tokens wasm $(wc -c < "$PKG/wasm/edgeroom_tokens_bg.wasm") bytes, $(gzip -9c "$PKG/wasm/edgeroom_tokens_bg.wasm" | wc -c) gzip"
