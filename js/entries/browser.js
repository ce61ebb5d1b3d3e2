// Browsers (and any runtime without a more specific entry): the page awaits init(), which
// fetches and compiles the .wasm (streaming where the server sends application/wasm).
import initWasm, { markReady } from "../wasm/edgeroom.js";
import { initOnce } from "../src/browser-init.js";

export * from "../src/api.js";

/** Loads the module (see initOnce); `input` defaults to the .wasm beside this package. */
export const init = initOnce((input) =>
  initWasm({ module_or_path: input ?? new URL("../wasm/edgeroom_bg.wasm", import.meta.url) }).then(() => markReady()),
);
