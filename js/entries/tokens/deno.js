// edgeroom/tokens in Deno: the token-only .wasm imported as a module (see entries/deno.js:
// no --allow-read), instantiated at import.
import source wasmModule from "../../wasm/edgeroom_tokens_bg.wasm";
import { initSync, markReady } from "../../wasm/edgeroom_tokens.js";

initSync({ module: wasmModule });
markReady();

export * from "../../src/tokens.js";
/** Already initialised at import; kept so code written for the browser entry runs unchanged. */
export async function init() {}
