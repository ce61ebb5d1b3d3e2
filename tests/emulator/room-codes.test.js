// Room codes: one per role, re-synced with the room's template, enable/disable, paging.

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { DEFAULT_APP, createEmulator } from "../../js/emulator/index.js";
import { assertError, client } from "./helpers.js";

const OTHER = { accessKey: "other-key", secret: "other-secret-0123456789" };
const TEMPLATES = [
  { name: "default-template", region: "us", roles: ["host", "guest"] },
  { name: "webinar", region: "eu", roles: ["host", "viewer"] },
];
const CODE = /^[a-z]{3}-[a-z]{4}-[a-z]{3}$/;

async function setup() {
  const emu = createEmulator({ apps: [DEFAULT_APP, OTHER], templates: TEMPLATES });
  const api = await client(emu);
  const room = (await api.post("/rooms", { name: "codes-room" })).body;
  const webinar = emu.state.templates.find((t) => t.name === "webinar" && t.app_id === room.app_id);
  return { emu, api, room, webinar };
}

const byRole = (codes) => Object.fromEntries(codes.map((c) => [c.role, c]));

describe("create room codes for all roles", () => {
  test("one enabled code per template role, in the documented shape", async () => {
    const { api, room } = await setup();
    const { status, body } = await api.post(`/room-codes/room/${room.id}`);
    assert.equal(status, 200);
    assert.deepEqual(body.data.map((c) => c.role), ["host", "guest"]);
    for (const code of body.data) {
      assert.match(code.code, CODE);
      assert.deepEqual(Object.keys(code), ["code", "room_id", "role", "enabled", "created_at", "updated_at"]);
      assert.equal(code.room_id, room.id);
      assert.equal(code.enabled, true);
    }
    assert.notEqual(body.data[0].code, body.data[1].code);
  });

  test("calling it again keeps the same codes", async () => {
    const { emu, api, room } = await setup();
    const first = (await api.post(`/room-codes/room/${room.id}`)).body.data;
    const second = (await api.post(`/room-codes/room/${room.id}`)).body.data;
    assert.deepEqual(second, first);
    assert.equal(emu.state.roomCodes.length, 2);
  });

  test("after a template change: kept roles keep their code, new roles get one, removed roles' codes are disabled", async () => {
    const { api, room, webinar } = await setup();
    const before = byRole((await api.post(`/room-codes/room/${room.id}`)).body.data);
    await api.post(`/rooms/${room.id}`, { template_id: webinar.id });
    const after = (await api.post(`/room-codes/room/${room.id}`)).body.data;
    assert.deepEqual(after.map((c) => c.role), ["host", "viewer"]);
    assert.equal(byRole(after).host.code, before.host.code);
    const disabled = (await api.get(`/room-codes/room/${room.id}?enabled=false`)).body.data;
    assert.deepEqual(disabled.map((c) => [c.code, c.role]), [[before.guest.code, "guest"]]);
  });

  test("a code disabled on purpose stays disabled; the role gets a new code", async () => {
    const { api, room } = await setup();
    const host = byRole((await api.post(`/room-codes/room/${room.id}`)).body.data).host;
    await api.post("/room-codes/code", { code: host.code, enabled: false });
    const newHost = byRole((await api.post(`/room-codes/room/${room.id}`)).body.data).host;
    assert.notEqual(newHost.code, host.code);
    assert.equal(newHost.enabled, true);
    const all = (await api.get(`/room-codes/room/${room.id}?role=host`)).body.data;
    assert.deepEqual(all.map((c) => [c.code, c.enabled]), [[host.code, false], [newHost.code, true]]);
  });

  test("unknown room -> 404 Room not found; disabled room -> 403 Room is disabled", async () => {
    const { emu, api, room } = await setup();
    assertError(assert, await api.post("/room-codes/room/0123456789abcdef01234567"), 404, "Room not found");
    await api.post(`/rooms/${room.id}`, { enabled: false });
    assertError(assert, await api.post(`/room-codes/room/${room.id}`), 403, "Room is disabled");
    assert.equal(emu.state.roomCodes.length, 0);
  });

  test("another app's room -> 404", async () => {
    const { emu, room } = await setup();
    const other = await client(emu, { app: OTHER });
    assertError(assert, await other.post(`/room-codes/room/${room.id}`), 404, "Room not found");
    assertError(assert, await other.get(`/room-codes/room/${room.id}`), 404, "Room not found");
  });
});

describe("create a room code for one role", () => {
  test("returns one code object and reuses the role's enabled code", async () => {
    const { api, room } = await setup();
    const one = await api.post(`/room-codes/room/${room.id}/role/guest`);
    assert.equal(one.status, 200);
    assert.equal(one.body.role, "guest");
    assert.match(one.body.code, CODE);
    assert.equal((await api.post(`/room-codes/room/${room.id}/role/guest`)).body.code, one.body.code);
    const all = byRole((await api.post(`/room-codes/room/${room.id}`)).body.data);
    assert.equal(all.guest.code, one.body.code);
  });

  test("a role name is URL-decoded", async () => {
    const emu = createEmulator({ templates: [{ name: "t", roles: ["stage manager"] }] });
    const api = await client(emu);
    const room = (await api.post("/rooms", {})).body;
    assert.equal((await api.post(`/room-codes/room/${room.id}/role/stage%20manager`)).body.role, "stage manager");
  });

  test("errors: 404 Room not found, 403 Room is disabled, 404 Role not found", async () => {
    const { api, room } = await setup();
    assertError(assert, await api.post("/room-codes/room/0123456789abcdef01234567/role/host"), 404, "Room not found");
    assertError(assert, await api.post(`/room-codes/room/${room.id}/role/viewer`), 404, "Role not found");
    await api.post(`/rooms/${room.id}`, { enabled: false });
    assertError(assert, await api.post(`/room-codes/room/${room.id}/role/host`), 403, "Room is disabled");
  });
});

describe("list and update room codes", () => {
  test("pages like rooms: every code once, last only while more remain", async () => {
    const emu = createEmulator({ templates: [{ name: "many", roles: Array.from({ length: 12 }, (_, i) => `role${i}`) }] });
    const api = await client(emu);
    const room = (await api.post("/rooms", {})).body;
    const codes = (await api.post(`/room-codes/room/${room.id}`)).body.data.map((c) => c.code);
    const p1 = (await api.get(`/room-codes/room/${room.id}?limit=5`)).body;
    const p2 = (await api.get(`/room-codes/room/${room.id}?limit=5&start=${p1.last}`)).body;
    const p3 = (await api.get(`/room-codes/room/${room.id}?limit=5&start=${p2.last}`)).body;
    assert.deepEqual([p1, p2, p3].map((p) => p.data.length), [5, 5, 2]);
    assert.ok(!("last" in p3));
    assert.deepEqual([...p1.data, ...p2.data, ...p3.data].map((c) => c.code), codes);
    assertError(assert, await api.get(`/room-codes/room/${room.id}?limit=0`), 400, "Invalid query param: limit");
  });

  test("listing an unknown room -> 404; a disabled room's codes stay listable", async () => {
    const { api, room } = await setup();
    assertError(assert, await api.get("/room-codes/room/0123456789abcdef01234567"), 404, "Room not found");
    await api.post(`/room-codes/room/${room.id}`);
    await api.post(`/rooms/${room.id}`, { enabled: false });
    assert.equal((await api.get(`/room-codes/room/${room.id}`)).body.data.length, 2);
  });

  test("POST /room-codes/code disables and re-enables a code", async () => {
    let now = Date.parse("2024-01-01T00:00:00.000Z");
    const emu = createEmulator({ now: () => now });
    const api = await client(emu, { nowMs: now });
    const room = (await api.post("/rooms", {})).body;
    const [host] = (await api.post(`/room-codes/room/${room.id}`)).body.data;
    now += 1000;
    const off = await api.post("/room-codes/code", { code: host.code, enabled: false });
    assert.equal(off.status, 200);
    assert.deepEqual(off.body, { ...host, enabled: false, updated_at: "2024-01-01T00:00:01.000Z" });
    assert.equal((await api.post("/room-codes/code", { code: host.code, enabled: true })).body.enabled, true);
  });

  test("POST /room-codes/code errors: missing fields -> 400, unknown or foreign code -> 404", async () => {
    const { emu, api, room } = await setup();
    const [host] = (await api.post(`/room-codes/room/${room.id}`)).body.data;
    assertError(assert, await api.post("/room-codes/code", { enabled: false }), 400, "Invalid body param: code");
    assertError(assert, await api.post("/room-codes/code", { code: host.code }), 400, "Invalid body param: enabled");
    assertError(assert, await api.post("/room-codes/code", { code: host.code, enabled: "false" }), 400, "Invalid body param: enabled");
    assertError(assert, await api.post("/room-codes/code", { code: "zzz-zzzz-zzz", enabled: false }), 404, "Room code not found");
    const other = await client(emu, { app: OTHER });
    assertError(assert, await other.post("/room-codes/code", { code: host.code, enabled: false }), 404, "Room code not found");
    assert.equal(emu.state.roomCodes.find((c) => c.code === host.code).enabled, true);
  });
});
