// Deno: the .wasm imported as a module (a source phase import: Deno compiles it while loading
// the module graph, like any import, so no --allow-read), instantiated synchronously at import.
import source wasmModule from "../wasm/edgeroom_bg.wasm";
import { initSync, markReady } from "../wasm/edgeroom.js";

initSync({ module: wasmModule });
markReady();

export * from "../src/api.js";
/** Already initialised at import; kept so code written for the browser entry runs unchanged. */
export async function init() {}
