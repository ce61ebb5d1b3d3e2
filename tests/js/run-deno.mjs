// Deno: the shared suite against the built package, resolved by Deno through ./node_modules
// (package.json present), which must pick the package's `deno` export condition.
//   node_modules/.bin/deno test --no-prompt --allow-net=127.0.0.1 tests/js/run-deno.mjs
//
// The emulator HTTP server runs in this same Deno process (Deno.serve over the emulator's
// fetch handler): nothing to spawn, so no --allow-run and no process to clean up.
import * as edgeroom from "edgeroom";
import * as tokens from "edgeroom/tokens";
import * as emulator from "edgeroom/emulator";
import * as jose from "jose";
import { makeContext, tests } from "./suite/index.js";

const emu = emulator.createEmulator();
const listening = Promise.withResolvers();
const server = Deno.serve({ port: 0, hostname: "127.0.0.1", onListen: listening.resolve }, (request) => emu.fetch(request));
const { hostname, port } = await listening.promise;

const ctx = makeContext({ edgeroom, tokens, jose, emulator, emulatorUrl: `http://${hostname}:${port}` });

Deno.test("[deno] runtime: `edgeroom` resolves to the deno entry", () => {
  const resolved = import.meta.resolve("edgeroom");
  if (!/\/entries\/deno\.js$/.test(resolved)) throw new Error(`resolved to ${resolved}`);
  const tokens = import.meta.resolve("edgeroom/tokens");
  if (!/\/entries\/tokens\/deno\.js$/.test(tokens)) throw new Error(`edgeroom/tokens resolved to ${tokens}`);
});

for (const t of tests) Deno.test(`[deno] ${t.name}`, () => t.run(ctx));

// Stop listening once every test has run, so the process can exit cleanly.
Deno.test.afterAll(() => server.shutdown());
