// The auth service's room-code exchange: POST /100ms-auth/v2/token. The app token it returns
// is checked with jose, independently of the emulator's own signing code.

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { decodeProtectedHeader, jwtVerify } from "jose";
import { DEFAULT_APP, createEmulator } from "../../js/emulator/index.js";
import { client, exchange } from "./helpers.js";

const OTHER = { accessKey: "other-key", secret: "other-secret-0123456789" };
const NOW = Date.parse("2025-03-01T12:00:00.000Z");
const key = (app) => new TextEncoder().encode(app.secret);
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

async function setup(app = DEFAULT_APP) {
  const emu = createEmulator({ apps: [DEFAULT_APP, OTHER], now: () => NOW });
  const api = await client(emu, { app, nowMs: NOW });
  const room = (await api.post("/rooms", { name: "exchange-room" })).body;
  const codes = Object.fromEntries((await api.post(`/room-codes/room/${room.id}`)).body.data.map((c) => [c.role, c.code]));
  return { emu, api, room, codes };
}

// {code, message} without details: the auth service's own error shape.
function assertAuthError(response, status, message) {
  assert.equal(response.status, status, response.text);
  assert.equal(response.headers.get("content-type"), "application/json");
  assert.deepEqual(response.body, { code: status, message });
}

describe("room-code exchange", () => {
  test("returns an HS256 app token for the code's room and role, signed with the owning app's secret", async () => {
    const { emu, room, codes } = await setup();
    const response = await exchange(emu, { code: codes.guest, user_id: "user-42" });
    assert.equal(response.status, 200);
    assert.deepEqual(Object.keys(response.body), ["token"]);
    const { token } = response.body;
    assert.deepEqual(decodeProtectedHeader(token), { alg: "HS256", typ: "JWT" });
    const { payload } = await jwtVerify(token, key(DEFAULT_APP), { algorithms: ["HS256"], currentDate: new Date(NOW) });
    const iat = NOW / 1000;
    assert.deepEqual(
      { ...payload, jti: undefined },
      { access_key: DEFAULT_APP.accessKey, type: "app", version: 2, room_id: room.id, role: "guest", user_id: "user-42", iat, nbf: iat, exp: iat + 86400, jti: undefined },
    );
    assert.match(payload.jti, UUID_V4);
    assert.equal(emu.requests.at(-1).authorized, false, "no management token involved");
  });

  test("without user_id a uuid is generated; each token gets its own jti", async () => {
    const { emu, codes } = await setup();
    const a = (await jwtVerify((await exchange(emu, { code: codes.host })).body.token, key(DEFAULT_APP), { currentDate: new Date(NOW) })).payload;
    const b = (await jwtVerify((await exchange(emu, { code: codes.host })).body.token, key(DEFAULT_APP), { currentDate: new Date(NOW) })).payload;
    assert.match(a.user_id, UUID_V4);
    assert.equal(a.role, "host");
    assert.notEqual(a.jti, b.jti);
  });

  test("a code of another app's room is signed with that app's secret", async () => {
    const { emu, codes } = await setup(OTHER);
    const { token } = (await exchange(emu, { code: codes.host })).body;
    const { payload } = await jwtVerify(token, key(OTHER), { currentDate: new Date(NOW) });
    assert.equal(payload.access_key, OTHER.accessKey);
    await assert.rejects(jwtVerify(token, key(DEFAULT_APP), { currentDate: new Date(NOW) }));
  });

  test("code missing -> 400 code is required", async () => {
    const { emu } = await setup();
    assertAuthError(await exchange(emu, { user_id: "u" }), 400, "code is required");
    assertAuthError(await exchange(emu, undefined), 400, "code is required");
  });

  test("malformed JSON -> 400 Invalid request body", async () => {
    const { emu } = await setup();
    assertAuthError(await exchange(emu, "{code:"), 400, "Invalid request body");
  });

  test("unknown code -> 404 Room code not found", async () => {
    const { emu } = await setup();
    assertAuthError(await exchange(emu, { code: "aaa-bbbb-ccc" }), 404, "Room code not found");
  });

  test("disabled code -> 403 Room code is disabled", async () => {
    const { emu, api, codes } = await setup();
    await api.post("/room-codes/code", { code: codes.host, enabled: false });
    assertAuthError(await exchange(emu, { code: codes.host }), 403, "Room code is disabled");
  });

  test("disabled room -> 403 Room is disabled, and works again once re-enabled", async () => {
    const { emu, api, room, codes } = await setup();
    await api.post(`/rooms/${room.id}`, { enabled: false });
    assertAuthError(await exchange(emu, { code: codes.host }), 403, "Room is disabled");
    await api.post(`/rooms/${room.id}`, { enabled: true });
    assert.equal((await exchange(emu, { code: codes.host })).status, 200);
  });

  test("a code disabled by a template re-sync can no longer be exchanged", async () => {
    const emu = createEmulator({ now: () => NOW, templates: [{ name: "a", roles: ["host", "guest"] }, { name: "b", roles: ["host"] }] });
    const api = await client(emu, { nowMs: NOW });
    const room = (await api.post("/rooms", {})).body;
    const guest = (await api.post(`/room-codes/room/${room.id}/role/guest`)).body.code;
    await api.post(`/rooms/${room.id}`, { template_id: emu.state.templates.find((t) => t.name === "b").id });
    await api.post(`/room-codes/room/${room.id}`);
    assertAuthError(await exchange(emu, { code: guest }), 403, "Room code is disabled");
  });
});
