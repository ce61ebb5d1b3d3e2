// edgeroom/tokens in browsers (and any runtime without a more specific entry): `await init()`
// fetches and compiles the token-only .wasm.
import initWasm, { markReady } from "../../wasm/edgeroom_tokens.js";
import { initOnce } from "../../src/browser-init.js";

export * from "../../src/tokens.js";

/** Loads the token module (see initOnce); `input` defaults to its .wasm in this package. */
export const init = initOnce({
  file: "edgeroom_tokens_bg.wasm",
  defaultUrl: () => new URL("../../wasm/edgeroom_tokens_bg.wasm", import.meta.url),
  initWasm,
  markReady,
});
