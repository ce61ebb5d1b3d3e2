// Where edgeroom's mint time goes, for whoever optimises the Rust side.
//
//   node bench/profile.mjs                    the shipped package (wasm names stripped)
//   node bench/profile.mjs --wasm DIR         a build of the same crate whose wasm keeps its
//                                             name section: DIR holds edgeroom.js and
//                                             edgeroom_bg.wasm (see README, "Profiling")
//
// 1. Splits one mint into layers by timing variants of the same call: the public
//    HmsClient.auth.getAuthToken, the wasm-bindgen class underneath (HmsCore.appToken), the
//    same with fewer options, and the cost of just crossing into wasm and back.
// 2. Samples a CPU profile (node:inspector) of minting and sums self time per function,
//    then per layer: JS glue (wasm-bindgen's edgeroom.js), imports it calls (Reflect.get,
//    Date.now, crypto.getRandomValues, TextEncoder/TextDecoder), wasm, GC.
import { Session } from "node:inspector/promises";
import { readFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { join, resolve } from "node:path";
import { HMS } from "./signers/config.mjs";
import { parseArgs } from "./lib/args.mjs";
import { mintFor, summary } from "./lib/stats.mjs";

const args = parseArgs(process.argv.slice(2), { ms: 3000, rounds: 5 });
const shippedGlue = fileURLToPath(new URL("../pkg/wasm/", import.meta.url));
const dir = resolve(args.wasm ?? shippedGlue);
const glue = await import(pathToFileURL(join(dir, "edgeroom.js")).href);
const wasm = glue.initSync({ module: readFileSync(join(dir, "edgeroom_bg.wasm")) });
const grant = { roomId: HMS.roomId, role: HMS.role, userId: HMS.userId };
const core = new glue.HmsCore(HMS.accessKey, HMS.secret); // the options one by one, as js/src/api.js passes them

const PROFILED = "HmsCore.appTokenOfTyped(roomId, role, userId): the public API's path";
const variants = {
  [PROFILED]: () => core.appTokenOfTyped(HMS.roomId, HMS.role, HMS.userId),
  "HmsCore.appTokenOf(roomId, role, userId): values of any type, read from wasm": () => core.appTokenOf(HMS.roomId, HMS.role, HMS.userId),
  "HmsCore.appToken({roomId, role, userId}): options read in wasm": () => core.appToken(grant),
  "HmsCore.appToken({roomId, role})": ((g) => () => core.appToken(g))({ roomId: HMS.roomId, role: HMS.role }),
};
if (!args.wasm) {
  // The Node entry has a glue (and so an instance) of its own; the same code.
  const { HmsClient } = await import("edgeroom");
  const hms = new HmsClient({ accessKey: HMS.accessKey, secret: HMS.secret });
  variants["HmsClient.auth.getAuthToken (public API)"] = () => hms.auth.getAuthToken(grant).token;
}
// The floor of any call: a wasm export that takes an object and returns a short string
// (decodeToken of a tiny token parses two JSON objects: an upper bound on the crossing).
const tiny = "eyJhbGciOiJIUzI1NiJ9.e30.x";
variants["decodeToken(tiny token): crossing + 2 tiny JSON parses, for scale"] = () => JSON.stringify(glue.decodeToken(tiny));

console.log(`wasm: ${join(dir, "edgeroom_bg.wasm")} (${readFileSync(join(dir, "edgeroom_bg.wasm")).length} bytes)`);
console.log("\n1. One mint, by layer (µs per call, median of rounds)");
const rows = Object.entries(variants).map(([name, fn]) => ({ name, fn, samples: [] }));
for (const row of rows) await mintFor(row.fn, false, 300);
for (let r = 0; r < args.rounds; r++) for (const row of rows) row.samples.push(1e6 / (await mintFor(row.fn, false, 250)));
for (const row of rows) console.log(`  ${summary(row.samples).median.toFixed(2).padStart(7)} µs  ${row.name}`);

console.log(`\n2. CPU profile of ${PROFILED} for ${args.ms} ms: self time`);
const session = new Session();
session.connect();
await session.post("Profiler.enable");
await session.post("Profiler.setSamplingInterval", { interval: 50 });
await session.post("Profiler.start");
await mintFor(variants[PROFILED], false, args.ms);
const { profile } = await session.post("Profiler.stop");
session.disconnect();

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const hits = new Map();
for (const id of profile.samples) hits.set(id, (hits.get(id) ?? 0) + 1);
const total = profile.samples.length;
const perFunction = new Map();
const perLayer = new Map();
const glueUrl = pathToFileURL(join(dir, "edgeroom.js")).href;
for (const [id, count] of hits) {
  const { functionName, url } = byId.get(id).callFrame;
  let layer;
  if (url === glueUrl) layer = "JS glue (wasm-bindgen edgeroom.js)";
  else if (url.startsWith("wasm://") || /^(\$|wasm-function)/.test(functionName)) layer = "wasm";
  else if (functionName === "(garbage collector)") layer = "GC";
  else if (url.includes("/bench/")) layer = "bench loop";
  else if (functionName === "(program)" || functionName === "(idle)") layer = "V8 (program: runtime, stubs, wasm<->JS wrappers)";
  else layer = "JS built-ins called by the glue";
  const name = `${functionName || "(anonymous)"}${url && !url.startsWith("wasm://") ? " " + url.split("/").slice(-1)[0] : ""}`;
  perFunction.set(name, { layer, count: (perFunction.get(name)?.count ?? 0) + count });
  perLayer.set(layer, (perLayer.get(layer) ?? 0) + count);
}
const pct = (n) => `${((100 * n) / total).toFixed(1).padStart(5)}%`;
console.log("  by layer:");
for (const [layer, n] of [...perLayer].sort((a, b) => b[1] - a[1])) console.log(`    ${pct(n)}  ${layer}`);
console.log("  top functions:");
for (const [name, { layer, count }] of [...perFunction].sort((a, b) => b[1].count - a[1].count).slice(0, Number(args.top ?? 25))) {
  console.log(`    ${pct(count)}  ${name.length > 110 ? name.slice(0, 107) + "..." : name}  [${layer}]`);
}
console.log(`\n3. wasm memory: ${wasm.memory.buffer.byteLength} bytes`);
