// Node.js: read the .wasm next to this file and instantiate it synchronously at import.
import { initSync, markReady, useRandomSource } from "../wasm/edgeroom.js";

// `import "node:fs"` builds an ES module namespace for fs (and loads node:stream with it),
// ~1.3 ms of every cold start; process.getBuiltinModule (Node ≥ 20.16) hands over the module
// Node has already loaded. Older Node takes the import.
const { openSync, readFileSync, readSync } = process.getBuiltinModule?.("node:fs") ?? (await import("node:fs"));

initSync({ module: readFileSync(new URL("../wasm/edgeroom_bg.wasm", import.meta.url)) });
useRandomSource(kernelRandom());
markReady();

export * from "../src/api.js";
/** Already initialised at import; kept so code written for the browser entry runs unchanged. */
export async function init() {}

/**
 * Random bytes (every token's `jti`, retry jitter) from the kernel's CSPRNG, the source
 * WebCrypto draws on too. In Node, `crypto.getRandomValues` loads WebCrypto on its first
 * call, about 2 ms that would land on the first token a process mints; reading
 * /dev/urandom costs about 0.2 ms. Where it cannot be read (Windows), WebCrypto it is.
 */
function kernelRandom() {
  let fd;
  let unavailable = false; // once it failed, WebCrypto for good rather than a failing open per refill
  return (bytes) => {
    if (!unavailable) {
      try {
        fd ??= openSync("/dev/urandom", "r");
        for (let filled = 0; filled < bytes.length; ) {
          const read = readSync(fd, bytes, filled, bytes.length - filled, null);
          if (read <= 0) throw new Error("/dev/urandom gave no bytes");
          filled += read;
        }
        return;
      } catch {
        unavailable = true;
      }
    }
    crypto.getRandomValues(bytes);
  };
}
