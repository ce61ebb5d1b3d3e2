// Helpers for the VideoSDK side's tests: tokens minted with jose (an independent JWT
// implementation, so the emulator's HS256 check is tested against it), a client that sends
// them the way VideoSDK wants (the raw token as Authorization), and an emulator on a clock the
// test moves.

import { SignJWT } from "jose";
import { DEFAULT_VIDEOSDK_APP, createEmulator } from "../../js/emulator/index.js";

export const ORIGIN = "http://emulator.test";
export const VSDK = `${ORIGIN}/videosdk/v2`;
export const CONTROL = `${ORIGIN}/_emulator/videosdk`;
export const T0 = Date.parse("2025-03-01T10:00:00.000Z");

const encoder = new TextEncoder();

// A REST API token like VideoSDK's server SDK mints: roles ["crawler"] with version 2, 24 h.
export async function videoSdkToken({
  app = DEFAULT_VIDEOSDK_APP,
  nowMs = T0,
  alg = "HS256",
  iat = Math.floor(nowMs / 1000),
  exp = iat + 86400,
  claims = { permissions: ["allow_join"], version: 2, roles: ["crawler"] },
} = {}) {
  const jwt = new SignJWT({ apikey: app.apiKey, ...claims }).setProtectedHeader({ alg, typ: "JWT" }).setIssuedAt(iat);
  if (exp !== null) jwt.setExpirationTime(exp); // null: a token without exp
  return jwt.sign(encoder.encode(app.secret));
}

// Calls the handler in-process; `authorization` is sent as is. Returns { status, body, headers, text }.
export async function call(emu, method, url, { body, authorization } = {}) {
  const headers = {};
  if (authorization !== undefined) headers.authorization = authorization;
  const init = { method, headers };
  if (body !== undefined) {
    init.body = typeof body === "string" ? body : JSON.stringify(body);
    headers["content-type"] = "application/json";
  }
  const response = await emu.fetch(new Request(url, init));
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, body: text ? JSON.parse(text) : null };
}

// An emulator whose clock the test moves with clock.advance(ms), and a client of its API.
export async function setup(options = {}) {
  let now = T0;
  const emu = createEmulator({ now: () => now, ...options });
  const clock = {
    get now() {
      return now;
    },
    advance(ms) {
      now += ms;
    },
  };
  const api = await videoSdkClient(emu, { app: options.videosdkApps?.[0] });
  return { emu, api, clock };
}

export async function videoSdkClient(emu, { app = DEFAULT_VIDEOSDK_APP } = {}) {
  const token = await videoSdkToken({ app, exp: Math.floor(T0 / 1000) + 30 * 86400 });
  const send = (method) => (path, body) => call(emu, method, `${VSDK}${path}`, { body, authorization: token });
  return { token, get: send("GET"), post: send("POST"), delete: send("DELETE") };
}

// Asserts the emulator's VideoSDK error shape, the status, and (a regex) the message.
export function assertVideoSdkError(assert, response, status, message) {
  assert.equal(response.status, status, `expected ${status}, got ${response.status}: ${response.text}`);
  assert.equal(response.headers.get("content-type"), "application/json");
  assert.deepEqual(Object.keys(response.body), ["statusCode", "error", "message"]);
  assert.equal(response.body.statusCode, status);
  assert.equal(typeof response.body.error, "string");
  if (message) assert.match(response.body.message, message);
}

// A room with a live session: creates the room and joins `names` through the JS helper.
export async function liveRoom(emu, api, body = {}, names = ["alice"]) {
  const room = (await api.post("/rooms", body)).body;
  let joined;
  for (const name of names) joined = await emu.videosdk.join(room.roomId, { participantId: name, name });
  return { room, session: joined.session };
}
