// Checks that a signer produced what it claims to: a compact HS256 JWT whose signature
// verifies with the right secret (checked with WebCrypto, independently of every signer)
// and whose claims are those of its kind of token.
import { HMS, LIVEKIT, VIDEOSDK } from "./config.mjs";

const SECRETS = { hms: HMS.secret, videosdk: VIDEOSDK.secret, livekit: LIVEKIT.apiSecret };
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function bytes(part) {
  const b64 = part.replace(/-/g, "+").replace(/_/g, "/");
  return Uint8Array.from(atob(b64 + "=".repeat((4 - (b64.length % 4)) % 4)), (c) => c.charCodeAt(0));
}

function decode(part) {
  return new TextDecoder().decode(bytes(part));
}

function expect(ok, what) {
  if (!ok) throw new Error(what);
}

/** Resolves to the decoded claims, or throws naming what is wrong. */
export async function verifyToken(kind, token) {
  expect(typeof token === "string", `not a string: ${typeof token}`);
  const parts = token.split(".");
  expect(parts.length === 3, "not a compact JWS");
  const header = JSON.parse(decode(parts[0]));
  const claims = JSON.parse(decode(parts[1]));
  expect(header.alg === "HS256", `alg ${header.alg}`);
  const key = await crypto.subtle.importKey("raw", new TextEncoder().encode(SECRETS[kind]), { name: "HMAC", hash: "SHA-256" }, false, [
    "verify",
  ]);
  const valid = await crypto.subtle.verify("HMAC", key, bytes(parts[2]), new TextEncoder().encode(`${parts[0]}.${parts[1]}`));
  expect(valid, "signature does not verify");
  const now = Math.floor(Date.now() / 1000);
  expect(typeof claims.exp === "number" && claims.exp > now, "exp missing or past");
  if (kind === "hms") {
    expect(header.typ === "JWT", `typ ${header.typ}`);
    const want = { access_key: HMS.accessKey, type: "app", version: 2, room_id: HMS.roomId, role: HMS.role, user_id: HMS.userId };
    for (const [k, v] of Object.entries(want)) expect(claims[k] === v, `${k}: ${JSON.stringify(claims[k])}`);
    expect(claims.iat <= now && claims.nbf <= now, "iat/nbf in the future");
    expect(UUID_V4.test(claims.jti), `jti ${claims.jti} is not a UUID v4`);
  } else if (kind === "videosdk") {
    expect(claims.apikey === VIDEOSDK.apiKey && claims.roomId === VIDEOSDK.roomId, "apikey/roomId");
    expect(JSON.stringify(claims.permissions) === JSON.stringify(VIDEOSDK.permissions), "permissions");
  } else if (kind === "livekit") {
    expect(claims.iss === LIVEKIT.apiKey && claims.video?.room === HMS.roomId, "iss/video.room");
  }
  return { header, claims };
}
