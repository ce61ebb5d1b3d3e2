// Node.js: the shared suite against the built package, imported by name as users do.
//   node --test tests/js/run-node.mjs
import { after, test } from "node:test";
import assert from "node:assert/strict";
import * as edgeroom from "edgeroom";
import * as emulator from "edgeroom/emulator";
import { startEmulatorServer } from "edgeroom/emulator/server";
import * as jose from "jose";
import { makeContext, tests } from "./suite/index.js";

const server = await startEmulatorServer({ port: 0 });
after(() => server.close());

const ctx = makeContext({ edgeroom, jose, emulator, emulatorUrl: server.url });

test("[node] runtime: `edgeroom` resolves to the node entry", () => {
  assert.match(import.meta.resolve("edgeroom"), /\/entries\/node\.js$/);
});

// Names carry the runtime: run-all.sh runs the node:test runners side by side.
for (const t of tests) test(`[node] ${t.name}`, () => t.run(ctx));
