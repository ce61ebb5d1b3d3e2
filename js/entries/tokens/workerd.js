// edgeroom/tokens in Cloudflare Workers (workerd): the bundler hands over the token-only
// .wasm as a compiled WebAssembly.Module, so instantiation is synchronous.
import wasmModule from "../../wasm/edgeroom_tokens_bg.wasm";
import { initSync, markReady } from "../../wasm/edgeroom_tokens.js";

initSync({ module: wasmModule });
markReady();

export * from "../../src/tokens.js";
/** Already initialised at import; kept so code written for the browser entry runs unchanged. */
export async function init() {}
