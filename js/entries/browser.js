// Browsers (and any runtime without a more specific entry): the page awaits init(), which
// fetches and compiles the .wasm (streaming where the server sends application/wasm).
import initWasm, { markReady } from "../wasm/edgeroom.js";

export * from "../src/api.js";

let initialising;

/**
 * Loads the module. Call once and await it before anything else; later calls return the
 * same promise. `input` may be a URL, a Response, bytes or a WebAssembly.Module.
 */
export function init(input) {
  initialising ??= initWasm({
    module_or_path: input ?? new URL("../wasm/edgeroom_bg.wasm", import.meta.url),
  }).then(
    () => markReady(),
    (error) => {
      initialising = undefined; // let a later call try again (e.g. after a network blip)
      throw error;
    },
  );
  return initialising;
}
