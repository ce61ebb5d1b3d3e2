// Whether the wasm module is instantiated. The browser entry instantiates it asynchronously
// (\`await init()\`); the other entries before their first export is used. The build bundles
// this file (and errors.js) into pkg/wasm/edgeroom.js beside the glue, so the entries import
// markReady from there and the flag exists once (scripts/bundle-js.mjs).
import { edgeroomError } from "./errors.js";

let ready = false;

/** Called by each entry once the wasm module is instantiated. */
export function markReady() {
  ready = true;
}

export function assertReady() {
  if (!ready) {
    throw edgeroomError(
      "not_initialized",
      "edgeroom is not initialised yet: await init() from the browser entry before use",
    );
  }
}
