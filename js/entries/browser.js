// Browsers (and any runtime without a more specific entry): the page awaits init(), which
// fetches and compiles the .wasm (streaming where the server sends application/wasm).
import initWasm, { markReady } from "../wasm/edgeroom.js";
import { initOnce } from "../src/browser-init.js";

export * from "../src/api.js";

/**
 * Loads the module (see initOnce); `input` defaults to the .wasm beside this package. The
 * `new URL(<literal>, import.meta.url)` stays here, in the entry: it is what Vite, webpack and
 * Rollup's import-meta-assets plugin find and emit.
 */
export const init = initOnce({
  file: "edgeroom_bg.wasm",
  defaultUrl: () => new URL("../wasm/edgeroom_bg.wasm", import.meta.url),
  initWasm,
  markReady,
});
