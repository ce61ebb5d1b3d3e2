// Cloudflare Workers (workerd): the bundler (wrangler, Miniflare) hands us a compiled
// WebAssembly.Module for the .wasm import, so instantiation is synchronous and cheap.
import wasmModule from "../wasm/edgeroom_bg.wasm";
import { initSync, markReady } from "../wasm/edgeroom.js";

initSync({ module: wasmModule });
markReady();

export * from "../src/api.js";
/** Already initialised at import; kept so code written for the browser entry runs unchanged. */
export async function init() {}
