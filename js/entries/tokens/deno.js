// edgeroom/tokens in Deno: the token-only .wasm, read next to this file at import.
import { initSync, markReady } from "../../wasm/edgeroom_tokens.js";

initSync({ module: Deno.readFileSync(new URL("../../wasm/edgeroom_tokens_bg.wasm", import.meta.url)) });
markReady();

export * from "../../src/tokens.js";
/** Already initialised at import; kept so code written for the browser entry runs unchanged. */
export async function init() {}
