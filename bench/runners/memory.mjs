// Memory: mint 1,000,000 tokens through the public API and read the wasm linear memory
// (WebAssembly.Memory buffer byteLength) before and after. The memory is reached through
// the very glue module the `edgeroom` entry initialised: wasm-bindgen's initSync() returns
// the instance's exports (memory included) when the module is already initialised.
//   node bench/runners/memory.mjs [--tokens 1000000]
import { HmsClient, VideoSdkClient } from "edgeroom";
import { HMS, VIDEOSDK } from "../signers/config.mjs";
import { parseArgs } from "../lib/args.mjs";

const args = parseArgs(process.argv.slice(2), { tokens: 1_000_000 });
const glue = await import(new URL("../wasm/edgeroom.js", import.meta.resolve("edgeroom")).href);
const memory = glue.initSync().memory;

const hms = new HmsClient({ accessKey: HMS.accessKey, secret: HMS.secret });
const videosdk = new VideoSdkClient({ apiKey: VIDEOSDK.apiKey, secret: VIDEOSDK.secret });
const grant = { roomId: HMS.roomId, role: HMS.role, userId: HMS.userId };
const vgrant = { permissions: VIDEOSDK.permissions, roles: VIDEOSDK.roles, roomId: VIDEOSDK.roomId };
hms.auth.getAuthToken(grant);
videosdk.auth.getToken(vgrant);

const before = memory.buffer.byteLength;
const heapBefore = process.memoryUsage().heapUsed;
const t0 = performance.now();
let sink = 0;
const checkpoints = [];
for (let i = 1; i <= args.tokens; i++) {
  sink += hms.auth.getAuthToken(grant).token.length;
  if (i % (args.tokens / 4) === 0) checkpoints.push(memory.buffer.byteLength);
}
// VideoSDK tokens too, a tenth as many: a different claims path through the same allocator.
for (let i = 0; i < args.tokens / 10; i++) sink += videosdk.auth.getToken(vgrant).token.length;
const seconds = (performance.now() - t0) / 1000;
const after = memory.buffer.byteLength;
console.log(
  JSON.stringify({
    tokens: args.tokens,
    videosdkTokens: args.tokens / 10,
    seconds,
    wasmBefore: before,
    wasmAfter: after,
    checkpoints,
    grew: after > before,
    heapUsedBefore: heapBefore,
    heapUsedAfter: process.memoryUsage().heapUsed,
    sink,
  }),
);
