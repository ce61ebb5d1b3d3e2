// edgeroom/tokens in browsers (and any runtime without a more specific entry): `await init()`
// fetches and compiles the token-only .wasm.
import initWasm, { markReady } from "../../wasm/edgeroom_tokens.js";

export * from "../../src/tokens.js";

let initialising;

/**
 * Loads the module. Call once and await it before anything else; later calls return the
 * same promise. `input` may be a URL, a Response, bytes or a WebAssembly.Module.
 */
export function init(input) {
  initialising ??= initWasm({
    module_or_path: input ?? new URL("../../wasm/edgeroom_tokens_bg.wasm", import.meta.url),
  }).then(
    () => markReady(),
    (error) => {
      initialising = undefined; // let a later call try again (e.g. after a network blip)
      throw error;
    },
  );
  return initialising;
}
