// Node.js: the shared suite against the built package, imported by name as users do.
//   node --test tests/js/run-node.mjs
import { after, test } from "node:test";
import assert from "node:assert/strict";
import * as edgeroom from "edgeroom";
import * as tokens from "edgeroom/tokens";
import * as emulator from "edgeroom/emulator";
import { startEmulatorServer } from "edgeroom/emulator/server";
import { appendFileSync, mkdirSync } from "node:fs";
import * as jose from "jose";
import { makeContext, tests } from "./suite/index.js";

// The emulator's request log goes to test-output/, where the secret scan reads it.
mkdirSync(new URL("../../test-output/", import.meta.url), { recursive: true });
const emulatorLog = new URL("../../test-output/emulator-node.log", import.meta.url);
const server = await startEmulatorServer({ port: 0, log: (line) => appendFileSync(emulatorLog, `${line}\n`) });
after(() => server.close());

const ctx = makeContext({ edgeroom, tokens, jose, emulator, emulatorUrl: server.url });

test("[node] runtime: `edgeroom` resolves to the node entry", () => {
  assert.match(import.meta.resolve("edgeroom"), /\/entries\/node\.js$/);
  assert.match(import.meta.resolve("edgeroom/tokens"), /\/entries\/tokens\/node\.js$/);
});

// Names carry the runtime: run-all.sh runs the node:test runners side by side.
for (const t of tests) test(`[node] ${t.name}`, () => t.run(ctx));

// The Node entries' random source (js/src/kernel-random.js, bundled into them): /dev/urandom
// read a pool at a time, each byte handed out once, WebCrypto where the kernel's cannot be read.
const { kernelRandom } = await import("../../js/src/kernel-random.js");

/** A fake of node:fs over a counter: byte i of the "kernel's" stream is i mod 251. */
function countingFs({ failAtRead } = {}) {
  const fs = { reads: 0, next: 0 };
  fs.openSync = () => 7;
  fs.readSync = (fd, into, offset, length) => {
    assert.equal(fd, 7);
    if (++fs.reads === failAtRead) throw new Error("EIO");
    // A short read, as the kernel may give: the source must ask again for the rest.
    const n = Math.min(length, 1000);
    for (let i = 0; i < n; i++) into[offset + i] = fs.next++ % 251;
    return n;
  };
  return fs;
}

test("[node] random source: the kernel's bytes, read a pool at a time, each handed out once", () => {
  const fs = countingFs();
  const random = kernelRandom(fs);
  const out = [];
  for (let i = 0; i < 600; i++) {
    const bytes = new Uint8Array(16);
    random(bytes);
    out.push(...bytes);
  }
  // 9,600 bytes: the stream in order, no byte twice, none skipped; three pools of 4,096.
  assert.deepEqual(out, Array.from({ length: 9600 }, (_, i) => i % 251));
  assert.equal(fs.next, 3 * 4096);
  // A request larger than the pool is read whole, straight from the kernel.
  const large = new Uint8Array(5000);
  random(large);
  assert.equal(large[0], (3 * 4096) % 251);
});

test("[node] random source: a refill that fails hands out none of its bytes; WebCrypto from then on", () => {
  const fs = countingFs({ failAtRead: 6 }); // the first pool takes reads 1-5, the refill fails on 6
  const random = kernelRandom(fs);
  const first = new Uint8Array(4096);
  random(first.subarray(0, 4000));
  const fromWebCrypto = new Uint8Array(200);
  random(fromWebCrypto); // 96 bytes left in the pool are not enough: a refill, which fails
  const readsAfterFailure = fs.reads;
  random(new Uint8Array(16));
  assert.equal(fs.reads, readsAfterFailure, "no more reads of the kernel after a failure");
  // Not the counter's stream (its next bytes would be 4096 % 251, 4097 % 251, ...).
  const stream = Array.from({ length: 200 }, (_, i) => (4096 + i) % 251);
  assert.notDeepEqual([...fromWebCrypto], stream);
});
