#!/usr/bin/env node
// Fails if any test secret appears in what the test tiers printed or logged.
//   node scripts/secret-scan.mjs <folder-of-logs>
//
// The secrets are the ones the tests use: the emulator's built-in app secrets, the shared
// suite's, the wasm tests', and the webhook secrets. A secret in an error message, a log
// line or a serialised client would show up in some tier's output; none may.

import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { DEFAULT_APP, DEFAULT_VIDEOSDK_APP } from "edgeroom/emulator";
import { SECRET as SUITE_SECRET } from "../tests/js/suite/helpers.js";

const SECRETS = [
  DEFAULT_APP.secret,
  DEFAULT_VIDEOSDK_APP.secret,
  SUITE_SECRET,
  "wasm-test-secret-0123456789",
  "hook-secret-3f9a1c",
  ...(process.env.EDGEROOM_SCAN_SECRETS ?? "").split(",").filter(Boolean),
];

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith(".log") ? [path] : [];
  });
}

const dir = process.argv[2] ?? "test-output";
const logs = files(dir);
let hits = 0;
let bytes = 0;
for (const file of logs) {
  const text = readFileSync(file, "utf8");
  bytes += text.length;
  for (const secret of SECRETS) {
    const at = text.indexOf(secret);
    if (at !== -1) {
      hits += 1;
      const line = text.slice(0, at).split("\n").length;
      console.error(`secret-scan: a test secret appears in ${file}:${line}`);
    }
  }
}
console.log(`secret-scan: ${logs.length} logs, ${bytes} characters, ${SECRETS.length} secrets, ${hits} leaked`);
process.exit(hits === 0 ? 0 : 1);
