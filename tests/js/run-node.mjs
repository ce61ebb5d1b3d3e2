// Node.js: the shared suite against the built package, imported by name as users do.
//   node --test tests/js/run-node.mjs
import { after, test } from "node:test";
import assert from "node:assert/strict";
import * as edgeroom from "edgeroom";
import * as tokens from "edgeroom/tokens";
import * as emulator from "edgeroom/emulator";
import { startEmulatorServer } from "edgeroom/emulator/server";
import { appendFileSync, mkdirSync } from "node:fs";
import * as jose from "jose";
import { makeContext, tests } from "./suite/index.js";

// The emulator's request log goes to test-output/, where the secret scan reads it.
mkdirSync(new URL("../../test-output/", import.meta.url), { recursive: true });
const emulatorLog = new URL("../../test-output/emulator-node.log", import.meta.url);
const server = await startEmulatorServer({ port: 0, log: (line) => appendFileSync(emulatorLog, `${line}\n`) });
after(() => server.close());

const ctx = makeContext({ edgeroom, tokens, jose, emulator, emulatorUrl: server.url });

test("[node] runtime: `edgeroom` resolves to the node entry", () => {
  assert.match(import.meta.resolve("edgeroom"), /\/entries\/node\.js$/);
  assert.match(import.meta.resolve("edgeroom/tokens"), /\/entries\/tokens\/node\.js$/);
});

// Names carry the runtime: run-all.sh runs the node:test runners side by side.
for (const t of tests) test(`[node] ${t.name}`, () => t.run(ctx));
