#!/usr/bin/env bash
# Runs every cargo-fuzz target for a bounded time, installing what is missing first.
#
#   bash fuzz/run.sh                 10 s per target (the quick run)
#   bash fuzz/run.sh 600             10 min per target (the long run)
#   bash fuzz/run.sh 60 token        one target
#

# The fuzz crate (fuzz/) has its own workspace and needs nightly (-Zsanitizer=address); the
# main crate stays on its pinned stable toolchain and is not changed. New inputs go to
# fuzz/corpus/<target>/ (kept between runs), seeds are read from fuzz/seeds/<target>/, and a
# crash is written to fuzz/artifacts/<target>/ (reproduce: cargo +nightly fuzz run
# --fuzz-dir fuzz <target> <file>). Exits non-zero if any target crashed.
set -euo pipefail

SECONDS_PER_TARGET="${1:-10}"
shift || true
ALL_TARGETS=(response_parser token validators webhooks)
TARGETS=("${@:-${ALL_TARGETS[@]}}")
[[ "$SECONDS_PER_TARGET" =~ ^[1-9][0-9]*$ ]] || { echo "usage: $0 [seconds-per-target] [target...]" >&2; exit 2; }

FUZZ_DIR="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(dirname "$FUZZ_DIR")"
cd "$ROOT"
say() { printf '\n== %s\n' "$*"; }

if ! rustup toolchain list | grep -q '^nightly'; then
  say "installing the nightly toolchain (cargo-fuzz needs -Zsanitizer)"
  rustup toolchain install nightly --profile minimal
fi
if ! cargo +nightly fuzz --version >/dev/null 2>&1; then
  say "installing cargo-fuzz"
  cargo +nightly install cargo-fuzz --locked
fi

say "building the fuzz targets ($(cargo +nightly fuzz --version))"
cargo +nightly fuzz build --fuzz-dir "$FUZZ_DIR"

LOGS="$FUZZ_DIR/artifacts/logs"
mkdir -p "$LOGS"
failed=()
summary=()
for target in "${TARGETS[@]}"; do
  say "fuzzing $target for ${SECONDS_PER_TARGET}s"
  mkdir -p "$FUZZ_DIR/corpus/$target" "$FUZZ_DIR/seeds/$target"
  log="$LOGS/$target.log"
  started=$(date +%s)
  set +e
  cargo +nightly fuzz run --fuzz-dir "$FUZZ_DIR" "$target" \
    "$FUZZ_DIR/corpus/$target" "$FUZZ_DIR/seeds/$target" -- \
    -max_total_time="$SECONDS_PER_TARGET" -timeout=25 -rss_limit_mb=4096 \
    -dict="$FUZZ_DIR/dict/json.dict" -print_final_stats=1 2>&1 | tee "$log" | grep -E '^(#[0-9]+\s+(INITED|DONE|pulse)|==[0-9]+==|SUMMARY|thread .* panicked|Done )'
  rc=${PIPESTATUS[0]}
  set -e
  elapsed=$(( $(date +%s) - started ))
  runs=$(grep -oE 'stat::number_of_executed_units: [0-9]+' "$log" | grep -oE '[0-9]+$' | tail -1 || true)
  cov=$(grep -oE '^#[0-9]+\s+DONE\s+cov: [0-9]+' "$log" | grep -oE '[0-9]+$' | tail -1 || true)
  corpus=$(find "$FUZZ_DIR/corpus/$target" -type f | wc -l)
  if [ "$rc" -ne 0 ]; then
    failed+=("$target")
    summary+=("$(printf '%-16s CRASH  %6ss  %10s runs  (log %s)' "$target" "$elapsed" "${runs:-?}" "$log")")
    grep -E -A1 'panicked at' "$log" | head -4 >&2 || true
    grep -E 'Test unit written to|^Base64:' "$log" | head -2 >&2 || true
  else
    summary+=("$(printf '%-16s ok     %6ss  %10s runs  cov %6s  corpus %6s' "$target" "$elapsed" "${runs:-?}" "${cov:-?}" "$corpus")")
  fi
done

say "summary (${SECONDS_PER_TARGET}s per target)"
printf '%s\n' "${summary[@]}"
if [ "${#failed[@]}" -ne 0 ]; then
  echo "crashed: ${failed[*]} (inputs in fuzz/artifacts/<target>/)" >&2
  exit 1
fi
