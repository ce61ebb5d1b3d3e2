// Footprint: what esbuild ships for "mint an app token" and "create a room" with each
// library, bundled for a browser/Worker (ESM, minified, platform browser, conditions
// workerd/worker/browser, .wasm copied as a file), measured raw, gzip -9 and brotli q11.
// A library that needs Node built-ins cannot be bundled that way; the esbuild error says
// which, and that is reported as a fact. JSON on stdout for run.mjs.
//   node bench/runners/footprint.mjs
import { build } from "esbuild";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";

const benchDir = fileURLToPath(new URL("..", import.meta.url));

/** Entry sources: each exports one function doing the task the way the library's docs do. */
export const ENTRIES = {
  edgeroom: {
    mint: `import { HmsClient } from "edgeroom";
export function mint(accessKey, secret, roomId, role) {
  return new HmsClient({ accessKey, secret }).auth.getAuthToken({ roomId, role }).token;
}`,
    room: `import { HmsClient } from "edgeroom";
export function createRoom(accessKey, secret, name) {
  return new HmsClient({ accessKey, secret }).rooms.create({ name });
}`,
    // Both providers' clients: what issue 21's "full entry, both providers" target reads.
    both: `import { HmsClient, VideoSdkClient } from "edgeroom";
export function createRooms(hms, videoSdk, name) {
  return Promise.all([new HmsClient(hms).rooms.create({ name }), new VideoSdkClient(videoSdk).rooms.create({ customRoomId: name })]);
}`,
  },
  // The token entry: its own token-only .wasm; minting only (it has no REST calls).
  "edgeroom/tokens": {
    mint: `import { HmsTokens } from "edgeroom/tokens";
export function mint(accessKey, secret, roomId, role) {
  return new HmsTokens({ accessKey, secret }).getAuthToken({ roomId, role }).token;
}`,
  },
  "node:crypto (hand-written)": {
    mint: `export { load as mint } from "./signers/node-crypto.mjs";`,
  },
  "WebCrypto (hand-written)": {
    mint: `export { load as mint } from "./signers/webcrypto.mjs";`,
  },
  jose: {
    mint: `import { SignJWT } from "jose";
export function mint(claims, secret) {
  return new SignJWT(claims).setProtectedHeader({ alg: "HS256", typ: "JWT" }).setIssuedAt().setJti(crypto.randomUUID()).sign(secret);
}`,
  },
  jsonwebtoken: {
    mint: `import jwt from "jsonwebtoken";
export function mint(claims, secret) { return jwt.sign(claims, secret, { algorithm: "HS256" }); }`,
  },
  "@100mslive/server-sdk": {
    mint: `import { SDK } from "@100mslive/server-sdk";
export function mint(accessKey, secret, roomId, role) { return new SDK(accessKey, secret).auth.getAuthToken({ roomId, role }); }`,
    room: `import { SDK } from "@100mslive/server-sdk";
export function createRoom(accessKey, secret, name) { return new SDK(accessKey, secret).rooms.create({ name }); }`,
  },
  "@videosdk.live/server-sdk": {
    mint: `import { generateToken } from "@videosdk.live/server-sdk";
export function mint(apiKey, secretKey, roomId) { return generateToken({ apiKey, secretKey, claims: { roomId } }); }`,
    room: `import { VideoSDK } from "@videosdk.live/server-sdk";
export function createRoom(apiKey, secret, customRoomId) { return new VideoSDK({ apiKey, secret }).rooms.create({ customRoomId }); }`,
  },
  "livekit-server-sdk": {
    mint: `import { AccessToken } from "livekit-server-sdk";
export function mint(apiKey, apiSecret, room, identity) {
  const at = new AccessToken(apiKey, apiSecret, { identity });
  at.addGrant({ roomJoin: true, room });
  return at.toJwt();
}`,
    room: `import { RoomServiceClient } from "livekit-server-sdk";
export function createRoom(host, apiKey, apiSecret, name) { return new RoomServiceClient(host, apiKey, apiSecret).createRoom({ name }); }`,
  },
};

export function sizes(bytes) {
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    }).length,
  };
}

const add = (a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli });

export async function measure(contents) {
  try {
    const result = await build({
      stdin: { contents, resolveDir: benchDir, sourcefile: "entry.mjs", loader: "js" },
      bundle: true,
      write: false,
      outdir: "/bench-out",
      format: "esm",
      platform: "browser",
      target: "es2022",
      minify: true,
      conditions: ["workerd", "worker", "browser"],
      loader: { ".wasm": "copy" },
      logLevel: "silent",
    });
    const files = result.outputFiles.map((f) => ({ kind: f.path.endsWith(".wasm") ? "wasm" : "js", ...sizes(f.contents) }));
    const js = files.filter((f) => f.kind === "js").reduce(add, { raw: 0, gzip: 0, brotli: 0 });
    const wasmFiles = files.filter((f) => f.kind === "wasm");
    const wasm = wasmFiles.length ? wasmFiles.reduce(add, { raw: 0, gzip: 0, brotli: 0 }) : undefined;
    return { js, wasm, total: wasm ? add(js, wasm) : js };
  } catch (error) {
    const unresolved = [
      ...new Set(
        (error.errors ?? [])
          .map((e) => /Could not resolve "([^"]+)"/.exec(e.text)?.[1])
          .filter(Boolean)
          .sort(),
      ),
    ];
    return {
      error: unresolved.length
        ? `cannot be bundled for a browser/Worker: needs Node built-ins ${unresolved.join(", ")}`
        : String(error.errors?.[0]?.text ?? error.message).split("\n")[0],
    };
  }
}

async function main() {
  const results = [];
  for (const [library, tasks] of Object.entries(ENTRIES)) {
    results.push({
      library,
      mint: tasks.mint && (await measure(tasks.mint)),
      room: tasks.room && (await measure(tasks.room)),
      both: tasks.both && (await measure(tasks.both)),
    });
  }
  console.log(JSON.stringify({ results }));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
