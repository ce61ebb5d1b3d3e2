#!/usr/bin/env bash
# The shared JS suite in all four runtimes, against the built package (run
# `bash scripts/build.sh` first). Exits non-zero if any runtime has a failure.
#   bash tests/js/run-all.sh
set -u
set -o pipefail
cd "$(dirname "$0")/../.."

status=0
# The three Node-driven runners (Node itself, workerd via Miniflare, headless Chromium) run
# in parallel as separate node:test files; each starts its own emulator on a free port.
node --test tests/js/run-node.mjs tests/js/run-workerd.mjs tests/js/run-browser.mjs || status=1
# Deno serves the emulator itself (--allow-net=127.0.0.1); no --allow-read: the deno entries
# import their .wasm as modules.
node_modules/.bin/deno test --no-prompt --allow-net=127.0.0.1 tests/js/run-deno.mjs || status=1
exit "$status"
