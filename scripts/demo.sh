#!/usr/bin/env bash
# The main job: build the package, then serve the demo on 127.0.0.1 (emulator by default;
# set HMS_ACCESS_KEY and HMS_SECRET for the real 100ms API). Extra arguments go to the
# dev server, e.g. --port 0.
source "$(dirname "$0")/lib.sh"
bash "$ROOT/scripts/build.sh"
cd "$ROOT"
exec node www/serve.mjs "$@"
