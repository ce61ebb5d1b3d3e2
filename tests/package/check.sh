#!/usr/bin/env bash
# Checks the npm package as it would be published: packs the built pkg/ (run
# `bash scripts/build.sh` first), lints the tarball (publint, arethetypeswrong), then installs
# it ALONE into a fresh scratch directory and uses it from there in Node, Deno and workerd.
# Prints one line per check and a closing "N passed, N failed"; exits non-zero on any failure.
#   bash tests/package/check.sh
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HERE="$ROOT/tests/package"
BIN="$ROOT/node_modules/.bin"
cd "$ROOT"

for tool in publint attw deno esbuild; do
  [ -x "$BIN/$tool" ] || { echo "node_modules/.bin/$tool is missing: run npm install" >&2; exit 1; }
done
[ -f pkg/package.json ] || { echo "pkg/ is missing: run bash scripts/build.sh first" >&2; exit 1; }

WORK="$(mktemp -d "${TMPDIR:-/tmp}/edgeroom-package-XXXXXX")"
trap 'rm -rf "$WORK"' EXIT

passed=0
failed=0
ms() { date +%s%3N; }

# check NAME COMMAND...: runs COMMAND; prints "ok" or "FAIL" with the command's output.
check() {
  local name="$1" started out
  shift
  started="$(ms)"
  if out="$("$@" 2>&1)"; then
    printf 'ok    %-52s %6s ms  %s\n' "$name" "$(($(ms) - started))" "$(printf '%s' "$out" | tail -n 1 | cut -c1-90)"
    passed=$((passed + 1))
  else
    printf 'FAIL  %-52s %6s ms\n' "$name" "$(($(ms) - started))"
    printf '%s\n' "$out" | sed 's/^/      /'
    failed=$((failed + 1))
  fi
}

# A step the later checks depend on: stop at once if it fails.
must() {
  check "$@"
  if [ "$failed" -gt 0 ]; then
    echo "$passed passed, $failed failed"
    exit 1
  fi
}

# --- pack ------------------------------------------------------------------------------
pack() {
  npm pack ./pkg --pack-destination "$WORK" --loglevel=error >/dev/null
  TARBALL="$(ls "$WORK"/edgeroom-*.tgz)"
  echo "$(basename "$TARBALL"): $(wc -c <"$TARBALL") bytes, $(tar -tzf "$TARBALL" | wc -l) files"
}
# Run in this shell (not a subshell) so TARBALL is set for what follows.
started="$(ms)"
if out="$(pack 2>&1)" && TARBALL="$(ls "$WORK"/edgeroom-*.tgz 2>/dev/null)"; then
  printf 'ok    %-52s %6s ms  %s\n' "npm pack pkg/" "$(($(ms) - started))" "$out"
  passed=$((passed + 1))
else
  printf 'FAIL  %-52s\n%s\n' "npm pack pkg/" "$out"
  echo "$passed passed, 1 failed"
  exit 1
fi

# --- lint the tarball ------------------------------------------------------------------
# --strict: warnings fail too (suggestions are printed, not failed).
check "publint (tarball, --strict)" "$BIN/publint" run "$TARBALL" --strict

# The package is ESM only by design ("type": "module", no `require` condition), so the
# esm-only profile: node10 and require-from-CJS resolutions are not supported targets.
# `./edgeroom_bg.wasm` and `./edgeroom_tokens_bg.wasm` are raw binary assets (for
# init(input) and bundlers that take a URL or a WebAssembly.Module), not modules with types:
# excluded. --no-definitely-typed keeps
# attw offline (it would look for @types/edgeroom on the registry).
attw_esm_only() {
  local out
  out="$("$BIN/attw" "$TARBALL" --profile esm-only --exclude-entrypoints ./edgeroom_bg.wasm ./edgeroom_tokens_bg.wasm \
    --no-definitely-typed --format table-flipped --no-emoji --no-color 2>&1)" || { printf '%s\n' "$out"; return 1; }
  echo "$(printf '%s\n' "$out" | grep -c '^│ "edgeroom') entrypoints resolve with types under node16 (ESM) and bundler"
}
check "attw (tarball, --profile esm-only)" attw_esm_only

# --- install it alone ------------------------------------------------------------------
SCRATCH="$WORK/scratch"
install_alone() {
  mkdir -p "$SCRATCH"
  printf '{ "name": "edgeroom-package-check", "private": true, "type": "module" }\n' >"$SCRATCH/package.json"
  # --offline: the tarball has no dependencies, so nothing may come from a registry.
  (cd "$SCRATCH" && npm install --offline --no-audit --no-fund --no-package-lock --loglevel=error "$TARBALL" >/dev/null)
  local installed
  installed="$(cd "$SCRATCH/node_modules" && ls -A | grep -v -x -e .bin -e .package-lock.json | tr '\n' ' ')"
  [ "$installed" = "edgeroom " ] || { echo "expected node_modules to hold edgeroom only, found: $installed"; return 1; }
  cp "$HERE/exports-check.mjs" "$HERE/node-check.mjs" "$HERE/deno-check.mjs" "$HERE/deno-types.ts" "$HERE/worker.mjs" \
    "$HERE/quickstart.mjs" "$SCRATCH/"
  echo "node_modules: $installed"
}
must "npm install <tarball> (offline, alone)" install_alone

# --- use it ----------------------------------------------------------------------------
check "bin: edgeroom-emulator --help" \
  sh -c 'cd "$1" && node_modules/.bin/edgeroom-emulator --help | head -n 1' _ "$SCRATCH"

check "declarations name exactly the runtime exports" \
  sh -c 'cd "$1" && node exports-check.mjs' _ "$SCRATCH"

check "node: tokens (both entries), room via emulator/server, exit" \
  sh -c 'cd "$1" && node node-check.mjs' _ "$SCRATCH"

# No permissions at all: the entries import their .wasm as modules (no --allow-read), and
# the emulator runs in-process (no network).
check "deno: tokens (both entries), room, exit; no permissions" \
  sh -c 'cd "$1" && DENO_NO_UPDATE_CHECK=1 "$2" run --no-prompt --no-lock deno-check.mjs' _ "$SCRATCH" "$BIN/deno"

# Deno type-checks the package's declarations for its users: they must compile there too.
check "deno check: the declarations, as Deno users get them" \
  sh -c 'cd "$1" && DENO_NO_UPDATE_CHECK=1 "$2" check --no-lock --quiet deno-types.ts && echo "deno-types.ts type-checks"' \
  _ "$SCRATCH" "$BIN/deno"

# The README's quick starts (Worker, Deno, Node.js), code and command lines taken from its text.
check "README quick starts: Worker, Deno, Node.js, as written" \
  sh -c 'cd "$1" && node quickstart.mjs "$2" "$3" "$4"' _ "$SCRATCH" "$BIN/deno" "$ROOT/README.md" "$ROOT"

check "workerd: bundled Worker (both entries) in Miniflare" \
  node "$HERE/workerd.mjs" "$SCRATCH/worker.mjs"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
