// Memory: mint 1,000,000 tokens and make 100,000 REST calls (rooms.create against a canned
// fetch) through the public API, and read the wasm linear memory (WebAssembly.Memory buffer
// byteLength) before, during and after. The clients are the package's API over its shared
// glue module (pkg/src/api.js, as the Deno and Workers entries compose it), initialised here,
// so the memory read is the very instance they use. (The Node entry is one module with a
// glue of its own, which nothing outside it reaches.)
//   node bench/runners/memory.mjs [--tokens 1000000] [--calls 100000]
import { readFileSync } from "node:fs";
import { HMS, VIDEOSDK } from "../signers/config.mjs";
import { parseArgs } from "../lib/args.mjs";

const args = parseArgs(process.argv.slice(2), { tokens: 1_000_000, calls: 100_000 });
const pkg = new URL("../", import.meta.resolve("edgeroom"));
const glue = await import(new URL("wasm/edgeroom.js", pkg).href);
const { memory } = glue.initSync({ module: readFileSync(new URL("wasm/edgeroom_bg.wasm", pkg)) });
glue.markReady();
const { HmsClient, VideoSdkClient } = await import(new URL("src/api.js", pkg).href);

const ROOM = JSON.stringify({ id: HMS.roomId, name: "bench-room", enabled: true, region: "in" });
const cannedFetch = () => Promise.resolve(new Response(ROOM, { status: 200, headers: { "content-type": "application/json" } }));
const hms = new HmsClient({ accessKey: HMS.accessKey, secret: HMS.secret, fetch: cannedFetch });
const videosdk = new VideoSdkClient({ apiKey: VIDEOSDK.apiKey, secret: VIDEOSDK.secret });
const grant = { roomId: HMS.roomId, role: HMS.role, userId: HMS.userId };
const vgrant = { permissions: VIDEOSDK.permissions, roles: VIDEOSDK.roles, roomId: VIDEOSDK.roomId };
hms.auth.getAuthToken(grant);
videosdk.auth.getToken(vgrant);
await hms.rooms.create({ name: "bench-room", region: "in" });

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
// REST calls: built, sent to the canned fetch, answered, read; ten in flight at a time.
const callCheckpoints = [];
for (let i = 0; i < args.calls; i += 10) {
  const batch = [];
  for (let j = 0; j < 10; j++) batch.push(hms.rooms.create({ name: `bench-room-${j}`, region: "in" }));
  for (const room of await Promise.all(batch)) sink += room.id.length;
  if ((i + 10) % (args.calls / 4) === 0) callCheckpoints.push(memory.buffer.byteLength);
}
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
    calls: args.calls,
    callCheckpoints,
    grew: after > before,
    heapUsedBefore: heapBefore,
    heapUsedAfter: process.memoryUsage().heapUsed,
    sink,
  }),
);
