// Node.js: read the .wasm next to this file and instantiate it synchronously at import.
import { initSync, markReady, useRandomSource } from "../wasm/edgeroom.js";
import { kernelRandom } from "../src/kernel-random.js";

// `import "node:fs"` builds an ES module namespace for fs (and loads node:stream with it),
// ~1.3 ms of every cold start; process.getBuiltinModule (Node ≥ 20.16) hands over the module
// Node has already loaded. Older Node takes the import.
const { openSync, readFileSync, readSync } = process.getBuiltinModule?.("node:fs") ?? (await import("node:fs"));

initSync({ module: readFileSync(new URL("../wasm/edgeroom_bg.wasm", import.meta.url)) });
useRandomSource(kernelRandom({ openSync, readSync }));
markReady();

export * from "../src/api.js";
/** Already initialised at import; kept so code written for the browser entry runs unchanged. */
export async function init() {}
