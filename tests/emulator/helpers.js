// Shared test helpers: management tokens minted with jose (an independent JWT implementation,
// so the emulator's own HS256 code is checked against it) and a small request wrapper.

import { SignJWT } from "jose";
import { DEFAULT_APP } from "../../js/emulator/index.js";

export const ORIGIN = "http://emulator.test";
export const HMS = `${ORIGIN}/100ms/v2`;
export const AUTH = `${ORIGIN}/100ms-auth/v2`;

const encoder = new TextEncoder();

// Valid by default, like the official SDK's: iat back-dated 10 s, nbf = iat, 24 h validity.
export async function managementToken({
  app = DEFAULT_APP,
  nowMs = Date.now(),
  type = "management",
  alg = "HS256",
  iat = Math.floor(nowMs / 1000) - 10,
  nbf = iat,
  exp = iat + 86400,
  claims = {},
} = {}) {
  return new SignJWT({ access_key: app.accessKey, type, version: 2, ...claims })
    .setProtectedHeader({ alg, typ: "JWT" })
    .setIssuedAt(iat)
    .setNotBefore(nbf)
    .setExpirationTime(exp)
    .setJti(crypto.randomUUID())
    .sign(encoder.encode(app.secret));
}

// Calls the handler in-process and returns { status, body, headers, text }.
export async function call(emu, method, url, { body, token, headers = {} } = {}) {
  const init = { method, headers: { ...headers } };
  if (token) init.headers.authorization = `Bearer ${token}`;
  if (body !== undefined) {
    init.body = typeof body === "string" ? body : JSON.stringify(body);
    init.headers["content-type"] = "application/json";
  }
  const response = await emu.fetch(new Request(url, init));
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, body: text ? JSON.parse(text) : null };
}

// A client bound to one emulator and app: api.post("/rooms", body) etc.
export async function client(emu, { app = DEFAULT_APP, nowMs } = {}) {
  const token = await managementToken({ app, nowMs });
  const send = (method) => (path, body) => call(emu, method, `${HMS}${path}`, { body, token });
  return { token, get: send("GET"), post: send("POST") };
}

export async function exchange(emu, body) {
  return call(emu, "POST", `${AUTH}/token`, { body });
}

// Asserts the 100ms error shape and exact status/message.
export function assertError(assert, response, status, message) {
  assert.equal(response.status, status, `expected ${status}, got ${response.status}: ${response.text}`);
  assert.equal(response.headers.get("content-type"), "application/json");
  assert.equal(response.body.code, status);
  assert.equal(response.body.message, message);
  assert.ok(Array.isArray(response.body.details), "details must be an array");
}
