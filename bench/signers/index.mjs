// Every signer the benchmark measures, in table order. `module` is loaded lazily, so a
// runner (or a cold start) pays only for the signers it uses. `vs` is the edgeroom row a
// peer is compared with: same provider, same claims. `coldOnly` rows are not signers: the
// cold-start runners time them like one, the throughput runners skip them.

export const SIGNERS = [
  { id: "edgeroom-hms", label: "edgeroom HmsClient.auth.getAuthToken", kind: "hms", edgeroom: true },
  // The token entry (edgeroom/tokens, its own .wasm): the same token as edgeroom-hms.
  { id: "edgeroom-tokens", label: "edgeroom/tokens HmsTokens.getAuthToken", kind: "hms", edgeroom: true },
  { id: "node-crypto", label: "node:crypto createHmac(secret) per token", kind: "hms", vs: "edgeroom-hms", node: true },
  { id: "node-crypto-key", label: "node:crypto createHmac(KeyObject) per token", kind: "hms", vs: "edgeroom-hms", node: true },
  { id: "node-crypto-precomputed", label: "node:crypto precomputed ipad/opad, Hash#copy", kind: "hms", vs: "edgeroom-hms", node: true },
  { id: "webcrypto", label: "WebCrypto subtle.sign, imported CryptoKey", kind: "hms", vs: "edgeroom-hms" },
  { id: "jose", label: "jose SignJWT, secret as bytes", kind: "hms", vs: "edgeroom-hms" },
  { id: "jose-key", label: "jose SignJWT, imported CryptoKey", kind: "hms", vs: "edgeroom-hms" },
  { id: "jsonwebtoken", label: "jsonwebtoken sign", kind: "hms", vs: "edgeroom-hms", node: true },
  { id: "hms-sdk", label: "@100mslive/server-sdk getAuthToken", kind: "hms", vs: "edgeroom-hms", node: true },
  { id: "livekit", label: "livekit-server-sdk AccessToken.toJwt", kind: "livekit", vs: "edgeroom-hms" },
  { id: "edgeroom-videosdk", label: "edgeroom VideoSdkClient.auth.getToken", kind: "videosdk", edgeroom: true },
  { id: "videosdk-sdk", label: "@videosdk.live/server-sdk generateToken", kind: "videosdk", vs: "edgeroom-videosdk", node: true },
  // Cold start only (no token): import → the first REST call built, sent to a canned fetch, read.
  { id: "edgeroom-first-request", label: "edgeroom HmsClient.rooms.create, first call (canned fetch)", kind: "request", edgeroom: true, coldOnly: true },
];

/** The signers that mint (every row but the cold-start-only ones). */
export const MINTERS = SIGNERS.filter((s) => !s.coldOnly);

export const byId = Object.fromEntries(SIGNERS.map((s) => [s.id, s]));

/** Imports a signer's module and returns `{ mint, isAsync }`. */
export async function loadSigner(id) {
  const module = await import(`./${id}.mjs`);
  const mint = await module.load();
  return { mint, isAsync: module.isAsync === true };
}
