// Cloudflare workerd (through Miniflare): the shared suite inside a real Worker.
//   node --test tests/js/run-workerd.mjs
//
// The Worker is bundled as wrangler would (conditions workerd, worker, browser; the .wasm
// kept as its own module, loaded as CompiledWasm), started in Miniflare, and asked to run
// each suite test; it reaches the emulator HTTP server this process starts on 127.0.0.1.
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { rmSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";
import { Miniflare } from "miniflare";
import { startEmulatorServer } from "edgeroom/emulator/server";
import { registerRemoteTests } from "./remote.mjs";

const outdir = await mkdtemp(join(tmpdir(), "edgeroom-workerd-"));
// On exit rather than in after(): node:test skips after() hooks when setup below throws.
process.once("exit", () => rmSync(outdir, { recursive: true, force: true }));
const server = await startEmulatorServer({ port: 0 });
let mf;
after(async () => {
  await mf?.dispose();
  await server.close();
});

const bundle = await esbuild.build({
  entryPoints: [fileURLToPath(new URL("./workerd/worker.js", import.meta.url))],
  outdir,
  bundle: true,
  format: "esm",
  platform: "browser",
  target: "es2022",
  conditions: ["workerd", "worker", "browser"],
  loader: { ".wasm": "copy" }, // stays an import of a .wasm file next to worker.js
  metafile: true,
  logLevel: "warning",
});

mf = new Miniflare({
  modules: true,
  scriptPath: join(outdir, "worker.js"),
  modulesRoot: outdir, // module names are relative to it; the default (cwd) is not above /tmp
  modulesRules: [{ type: "CompiledWasm", include: ["**/*.wasm"] }],
  compatibilityDate: "2024-09-23",
});
await mf.ready;

test("[workerd] runtime: the bundle took the workerd entry and kept the .wasm as a module", () => {
  const inputs = Object.keys(bundle.metafile.inputs);
  assert.ok(inputs.some((p) => p.endsWith("entries/workerd.js")), inputs.join("\n"));
  assert.ok(inputs.some((p) => p.endsWith("entries/tokens/workerd.js")), inputs.join("\n"));
  assert.ok(!inputs.some((p) => /entries\/(tokens\/)?(node|deno|browser)\.js$/.test(p)), inputs.join("\n"));
  const outputs = Object.keys(bundle.metafile.outputs);
  assert.ok(outputs.some((p) => p.endsWith(".wasm")), outputs.join("\n"));
});

registerRemoteTests("workerd", async (name) => {
  const url = new URL("http://suite.test/");
  url.searchParams.set("test", name);
  url.searchParams.set("emulator", server.url);
  const response = await mf.dispatchFetch(url);
  if (!response.ok) throw new Error(`the Worker answered ${response.status}: ${await response.text()}`);
  return response.json();
});
