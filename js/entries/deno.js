// Deno: read the .wasm next to this file and instantiate it synchronously at import.
import { initSync, markReady } from "../wasm/edgeroom.js";

initSync({ module: Deno.readFileSync(new URL("../wasm/edgeroom_bg.wasm", import.meta.url)) });
markReady();

export * from "../src/api.js";
/** Already initialised at import; kept so code written for the browser entry runs unchanged. */
export async function init() {}
