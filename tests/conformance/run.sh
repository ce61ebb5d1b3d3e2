#!/usr/bin/env bash
# The conformance tier: the official SDKs against the emulator.
#   1. node --test tests/conformance/  @100mslive/server-sdk and @videosdk.live/server-sdk
#      (each test serves the emulator in-process on 127.0.0.1, a port chosen at run time)
#   2. cargo test in tests/conformance-rust/  VideoSDK's Rust SDK (videosdk-server-sdk), against
#      an emulator this script starts (node js/emulator/cli.js --port 0) and stops
# Exits non-zero if either fails.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"

echo "conformance: the official Node SDKs (node --test tests/conformance/)"
node --test tests/conformance/

echo "conformance: VideoSDK's Rust SDK (cargo test --manifest-path tests/conformance-rust/Cargo.toml)"
LOG="$(mktemp)"
node js/emulator/cli.js --port 0 --quiet >"$LOG" 2>&1 &
EMULATOR_PID=$!
stop_emulator() {
  kill "$EMULATOR_PID" 2>/dev/null || true
  wait "$EMULATOR_PID" 2>/dev/null || true
  rm -f "$LOG"
}
trap stop_emulator EXIT

URL=""
for _ in $(seq 1 100); do
  URL="$(sed -n 's/^edgeroom emulator listening on \(http:\/\/127\.0\.0\.1:[0-9]*\)$/\1/p' "$LOG")"
  [ -n "$URL" ] && break
  kill -0 "$EMULATOR_PID" 2>/dev/null || { cat "$LOG" >&2; echo "the emulator did not start" >&2; exit 1; }
  sleep 0.1
done
[ -n "$URL" ] || { cat "$LOG" >&2; echo "the emulator did not print its address" >&2; exit 1; }

EDGEROOM_EMULATOR_URL="$URL" cargo test --quiet --manifest-path tests/conformance-rust/Cargo.toml -- --nocapture
