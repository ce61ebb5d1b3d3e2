// edgeroom/tokens in Node.js: the token-only .wasm, read next to this file and instantiated
// synchronously at import (as the full node entry does).
import { initSync, markReady, useRandomSource } from "../../wasm/edgeroom_tokens.js";
import { kernelRandom } from "../../src/kernel-random.js";

// process.getBuiltinModule: see ../node.js.
const { openSync, readFileSync, readSync } = process.getBuiltinModule?.("node:fs") ?? (await import("node:fs"));

initSync({ module: readFileSync(new URL("../../wasm/edgeroom_tokens_bg.wasm", import.meta.url)) });
useRandomSource(kernelRandom({ openSync, readSync }));
markReady();

export * from "../../src/tokens.js";
/** Already initialised at import; kept so code written for the browser entry runs unchanged. */
export async function init() {}
