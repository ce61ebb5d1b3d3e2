// JS↔wasm crossings per REST call, counted rather than timed: the wasm instance is created
// with every import wrapped (wasm → JS) and every exported function wrapped (JS → wasm:
// the exports the API calls, the closures wasm-bindgen-futures is called back through, and
// the glue's own helpers such as __wbindgen_malloc), then one call is made against a canned
// `fetch` that answers at once. Prints JSON: per case, the totals and the busiest names.
//   node bench/runners/crossings.mjs [--pkg DIR]   (default: the built pkg/)
// To compare with another build, point --pkg at its pkg/ directory.
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "../lib/args.mjs";
import { HMS } from "../signers/config.mjs";

const args = parseArgs(process.argv.slice(2), { pkg: new URL("../../pkg", import.meta.url).pathname });
const PKG = resolve(String(args.pkg));

const counts = { in: new Map(), out: new Map() };
const bump = (map, name) => map.set(name, (map.get(name) ?? 0) + 1);

// The glue instantiates with `new WebAssembly.Instance(module, imports)` (initSync, which
// the Node entry uses) and reads `instance.exports`; hand it wrapped imports and exports.
const RealInstance = WebAssembly.Instance;
WebAssembly.Instance = function Instance(module, imports) {
  const wrappedImports = {};
  for (const [ns, members] of Object.entries(imports)) {
    wrappedImports[ns] = {};
    for (const [name, value] of Object.entries(members)) {
      wrappedImports[ns][name] =
        typeof value === "function"
          ? function (...a) {
              bump(counts.out, name);
              return value.apply(this, a);
            }
          : value;
    }
  }
  const real = new RealInstance(module, wrappedImports);
  const exports = {};
  for (const [name, value] of Object.entries(real.exports)) {
    exports[name] =
      typeof value === "function"
        ? (...a) => {
            bump(counts.in, name);
            return value(...a);
          }
        : value;
  }
  return { exports };
};

const E = await import(pathToFileURL(`${PKG}/entries/node.js`).href);

const ROOM = JSON.stringify({ id: "65f1c0a3d4e5f60718293a4c", name: "bench-room", enabled: true });
const canned = (body) => () => Promise.resolve(new Response(body, { status: 200, headers: { "content-type": "application/json" } }));

const CASES = {
  "hms.rooms.create": async () => {
    const hms = new E.HmsClient({ accessKey: HMS.accessKey, secret: HMS.secret, fetch: canned(ROOM) });
    await hms.rooms.create({ name: "bench-room" }); // warm: the management token is minted and cached
    return () => hms.rooms.create({ name: "bench-room" });
  },
  "hms.rooms.retrieveById": async () => {
    const hms = new E.HmsClient({ accessKey: HMS.accessKey, secret: HMS.secret, fetch: canned(ROOM) });
    await hms.rooms.retrieveById("r1");
    return () => hms.rooms.retrieveById("r1");
  },
  exchangeRoomCode: async () => {
    const fetch = canned(JSON.stringify({ token: "t" }));
    return () => E.exchangeRoomCode({ code: "abc-defg-hij", fetch });
  },
};

const total = (map) => [...map.values()].reduce((a, b) => a + b, 0);
const top = (map) => Object.fromEntries([...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, 12));
const out = { pkg: PKG, cases: {} };
for (const [name, make] of Object.entries(CASES)) {
  const run = await make();
  counts.in.clear();
  counts.out.clear();
  await run();
  // Let the glue's finalizers and any trailing microtasks settle into the count too.
  await new Promise((r) => setTimeout(r, 0));
  out.cases[name] = {
    jsToWasm: total(counts.in),
    wasmToJs: total(counts.out),
    jsToWasmByName: top(counts.in),
    wasmToJsByName: top(counts.out),
  };
}
console.log(JSON.stringify(out, null, 2));
