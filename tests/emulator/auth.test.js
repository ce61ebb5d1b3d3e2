// Management-token checks on /100ms/v2: what a real 100ms account would reject, the emulator
// rejects too, so an SDK that sends a stale or wrong token fails here, not in production.

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { SignJWT } from "jose";
import { DEFAULT_APP, createEmulator } from "../../js/emulator/index.js";
import { HMS, assertError, call, managementToken } from "./helpers.js";

const NOW = Date.parse("2025-01-01T00:00:00.000Z");
const NOW_SEC = NOW / 1000;
const OTHER = { accessKey: "other-key", secret: "other-secret-0123456789" };

const emulator = () => createEmulator({ apps: [DEFAULT_APP, OTHER], now: () => NOW });

async function getRooms(emu, token, headers) {
  return call(emu, "GET", `${HMS}/rooms`, { token, headers });
}

async function assertTokenRejected(token, reason) {
  const emu = emulator();
  const response = await getRooms(emu, token);
  assertError(assert, response, 401, "Token validation error");
  assert.deepEqual(response.body.details, [reason]);
  assert.equal(emu.requests.at(-1).authorized, false);
}

describe("management token", () => {
  test("a token like the official SDK's is accepted", async () => {
    const emu = emulator();
    const response = await getRooms(emu, await managementToken({ nowMs: NOW }));
    assert.equal(response.status, 200);
    assert.equal(emu.requests.at(-1).authorized, true);
  });

  test("missing Authorization header -> 401 Authentication error", async () => {
    const response = await getRooms(emulator());
    assertError(assert, response, 401, "Authentication error");
    assert.deepEqual(response.body.details, ["missing Authorization header"]);
  });

  test("a non-Bearer Authorization header -> 401 Authentication error", async () => {
    const token = await managementToken({ nowMs: NOW });
    const response = await getRooms(emulator(), undefined, { authorization: token });
    assertError(assert, response, 401, "Authentication error");
  });

  test("not a JWT -> 401", async () => {
    await assertTokenRejected("not-a-jwt", "malformed token: expected three parts");
    await assertTokenRejected("a.b.c", "malformed token: header is not base64url JSON");
  });

  test("signed with the wrong secret -> 401", async () => {
    const token = await managementToken({ nowMs: NOW, app: { accessKey: DEFAULT_APP.accessKey, secret: "wrong-secret" } });
    await assertTokenRejected(token, "signature verification failed");
  });

  test("another app's secret with this app's key -> 401", async () => {
    const token = await managementToken({ nowMs: NOW, app: { accessKey: DEFAULT_APP.accessKey, secret: OTHER.secret } });
    await assertTokenRejected(token, "signature verification failed");
  });

  test("unknown access key -> 401", async () => {
    const token = await managementToken({ nowMs: NOW, app: { accessKey: "nobody", secret: "whatever-secret" } });
    await assertTokenRejected(token, "access_key not found");
  });

  test("alg other than HS256 -> 401", async () => {
    await assertTokenRejected(await managementToken({ nowMs: NOW, alg: "HS512" }), "alg must be HS256");
  });

  test("alg none (unsigned) -> 401", async () => {
    const valid = await managementToken({ nowMs: NOW });
    const [, payload] = valid.split(".");
    const header = Buffer.from(JSON.stringify({ alg: "none", typ: "JWT" })).toString("base64url");
    await assertTokenRejected(`${header}.${payload}.`, "alg must be HS256");
  });

  test("tampered payload -> 401", async () => {
    const [header, , signature] = (await managementToken({ nowMs: NOW })).split(".");
    const forged = Buffer.from(JSON.stringify({ access_key: DEFAULT_APP.accessKey, type: "management", exp: NOW_SEC + 999999 })).toString("base64url");
    await assertTokenRejected(`${header}.${forged}.${signature}`, "signature verification failed");
  });

  test("an app token (type app) is not a management token -> 401", async () => {
    await assertTokenRejected(await managementToken({ nowMs: NOW, type: "app" }), "type must be management");
  });

  test("expired token -> 401, even one second late", async () => {
    await assertTokenRejected(await managementToken({ iat: NOW_SEC - 3600, exp: NOW_SEC }), "token expired");
    await assertTokenRejected(await managementToken({ iat: NOW_SEC - 3600, exp: NOW_SEC - 30 }), "token expired");
  });

  test("token without exp -> 401", async () => {
    const token = await new SignJWT({ access_key: DEFAULT_APP.accessKey, type: "management" })
      .setProtectedHeader({ alg: "HS256", typ: "JWT" })
      .setIssuedAt(NOW_SEC)
      .sign(new TextEncoder().encode(DEFAULT_APP.secret));
    await assertTokenRejected(token, "exp claim missing");
  });

  test("nbf or iat more than 10 s ahead -> 401; within 10 s -> accepted", async () => {
    await assertTokenRejected(await managementToken({ iat: NOW_SEC - 10, nbf: NOW_SEC + 11 }), "token not valid yet (nbf)");
    await assertTokenRejected(await managementToken({ iat: NOW_SEC + 11, nbf: NOW_SEC }), "token issued in the future (iat)");
    const skewed = await managementToken({ iat: NOW_SEC + 10, nbf: NOW_SEC + 10 });
    assert.equal((await getRooms(emulator(), skewed)).status, 200);
  });

  test("the now option drives expiry: a token valid now is rejected once the clock passes exp", async () => {
    let now = NOW;
    const emu = createEmulator({ now: () => now });
    const token = await managementToken({ nowMs: NOW }); // exp = NOW - 10 s + 24 h
    assert.equal((await getRooms(emu, token)).status, 200);
    now = NOW + 24 * 3600 * 1000;
    assertError(assert, await getRooms(emu, token), 401, "Token validation error");
  });

  test("auth is checked before routing: an unknown /100ms/v2 path without a token -> 401", async () => {
    const response = await call(emulator(), "GET", `${HMS}/no-such-thing`);
    assertError(assert, response, 401, "Authentication error");
  });

  test("the token exchange needs no Authorization header", async () => {
    const response = await call(emulator(), "POST", "http://x/100ms-auth/v2/token", { body: { code: "abc-defg-hij" } });
    assert.equal(response.status, 404); // reached the handler: unknown code, not 401
  });
});
