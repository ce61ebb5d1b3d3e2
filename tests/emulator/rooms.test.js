// Rooms: the documented create rules and messages, create-or-return by name, update and
// enable/disable, app isolation, and cursor paging.

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { DEFAULT_APP, createEmulator } from "../../js/emulator/index.js";
import { assertError, client } from "./helpers.js";

const OTHER = { accessKey: "other-key", secret: "other-secret-0123456789" };
const TEMPLATES = [
  { name: "default-template", region: "us", roles: ["host", "guest"] },
  { name: "webinar", region: "eu", roles: ["host", "viewer"] },
];

async function setup(options = {}) {
  const emu = createEmulator({ apps: [DEFAULT_APP, OTHER], templates: TEMPLATES, ...options });
  const api = await client(emu, { nowMs: options.now?.() }); // tokens follow the emulator's clock
  const templates = emu.state.templates.filter((t) => t.app_id === emu.state.apps[0].app_id);
  return { emu, api, defaultTemplate: templates[0], webinar: templates[1] };
}

const ISO_MS = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

describe("create room", () => {
  test("a minimal create gets a generated name and the default template's settings", async () => {
    const { emu, api, defaultTemplate } = await setup();
    const { status, body } = await api.post("/rooms", {});
    assert.equal(status, 200);
    assert.match(body.id, /^[0-9a-f]{24}$/);
    assert.match(body.name, /^room-[0-9a-f]+$/);
    assert.equal(body.enabled, true);
    assert.equal(body.app_id, emu.state.apps[0].app_id);
    assert.equal(body.customer_id, emu.state.apps[0].customer_id);
    assert.deepEqual(body.recording_info, { enabled: false });
    assert.equal(body.recording_source_template, true);
    assert.equal(body.template_id, defaultTemplate.id);
    assert.equal(body.template, "default-template");
    assert.equal(body.region, "us");
    assert.equal(body.large_room, false);
    assert.ok(!("max_duration_seconds" in body));
    assert.match(body.created_at, ISO_MS);
    assert.match(body.updated_at, ISO_MS);
  });

  test("an empty body creates a room too", async () => {
    const { api } = await setup();
    assert.equal((await api.post("/rooms")).status, 200);
  });

  test("all fields are kept; region auto falls back to the template's region", async () => {
    const { api, webinar } = await setup({ now: () => Date.parse("2024-05-06T07:08:09.123Z") });
    const recording_info = {
      enabled: true,
      upload_info: { type: "s3", location: "bucket", prefix: "p/", options: { region: "ap-south-1" }, credentials: { key: "k", secret: "s" } },
    };
    const { status, body } = await api.post("/rooms", {
      name: "Class.2:a_b-c", description: "desc", template_id: webinar.id, region: "auto",
      recording_info, large_room: true, size: 15000, max_duration_seconds: 3600,
      webhook: { url: "https://hooks.example/x", headers: { "x-secret-header": "v" } }, polls: ["poll-1"],
    });
    assert.equal(status, 200, JSON.stringify(body));
    assert.equal(body.name, "Class.2:a_b-c");
    assert.equal(body.description, "desc");
    assert.equal(body.template, "webinar");
    assert.equal(body.region, "eu");
    assert.deepEqual(body.recording_info, recording_info);
    assert.equal(body.recording_source_template, false);
    assert.equal(body.large_room, true);
    assert.equal(body.size, 15000);
    assert.equal(body.max_duration_seconds, 3600);
    assert.deepEqual(body.webhook, { url: "https://hooks.example/x", headers: { "x-secret-header": "v" } });
    assert.deepEqual(body.polls, ["poll-1"]);
    assert.equal(body.created_at, "2024-05-06T07:08:09.123Z");
  });

  test("an explicit region wins over the template's", async () => {
    const { api } = await setup();
    assert.equal((await api.post("/rooms", { region: "in" })).body.region, "in");
  });

  const documentedErrors = [
    ["template instead of template_id", { template: "default-template" }, "Invalid body param: template. Use template_id"],
    ["unsupported region", { region: "mars" }, "Error: region not supported"],
    ["unknown template_id", { template_id: "0123456789abcdef01234567" }, "Error: template not found"],
    ["max_duration_seconds < 120", { max_duration_seconds: 119 }, "Invalid body param: max_duration_seconds less than 120 seconds"],
    ["max_duration_seconds > 43200", { max_duration_seconds: 43201 }, "Invalid body param: max_duration_seconds greater than 43200 seconds"],
    ["upload_info without location", { recording_info: { enabled: true, upload_info: { type: "s3" } } }, "Bucket location is missing"],
    ["upload_info without type", { recording_info: { upload_info: { location: "b" } } }, "Invalid upload configuration"],
    ["upload_info with an unknown type", { recording_info: { upload_info: { location: "b", type: "dropbox" } } }, "Invalid upload configuration"],
    ["name with a space", { name: "my room" }, "Invalid body param: name"],
    ["name with a slash", { name: "a/b" }, "Invalid body param: name"],
    ["size above 2500", { size: 2501 }, "Invalid body param: size"],
    ["negative size", { size: -1 }, "Invalid body param: size"],
    ["size above 20000 in a large room", { large_room: true, size: 20001 }, "Invalid body param: size"],
    ["name of the wrong type", { name: 42 }, "Invalid body param: name"],
    ["large_room of the wrong type", { large_room: "yes" }, "Invalid body param: large_room"],
    ["size not an integer", { size: 10.5 }, "Invalid body param: size"],
    ["recording_info.enabled of the wrong type", { recording_info: { enabled: "true" } }, "Invalid body param: recording_info.enabled"],
    ["description of the wrong type", { description: null }, "Invalid body param: description"],
  ];
  for (const [what, body, message] of documentedErrors) {
    test(`400 ${message} for ${what}`, async () => {
      const { emu, api } = await setup();
      assertError(assert, await api.post("/rooms", body), 400, message);
      assert.equal(emu.state.rooms.length, 0, "a rejected create must not create a room");
    });
  }

  test("the boundaries are accepted: 120 and 43200 s, size 2500, azure uploads", async () => {
    const { api } = await setup();
    for (const body of [
      { max_duration_seconds: 120 }, { max_duration_seconds: 43200 }, { size: 2500 }, { size: 0 },
      { recording_info: { upload_info: { type: "azure", location: "container" } } },
    ]) {
      assert.equal((await api.post("/rooms", body)).status, 200, JSON.stringify(body));
    }
  });

  test("malformed JSON -> 400 Invalid request body; a JSON array too", async () => {
    const { emu, api } = await setup();
    assertError(assert, await api.post("/rooms", "{not json"), 400, "Invalid request body");
    assertError(assert, await api.post("/rooms", [1]), 400, "Invalid request body");
    assert.equal(emu.state.rooms.length, 0);
  });
});

describe("create-or-return by name", () => {
  test("the same name (any case) returns the same room, updated with the new config", async () => {
    const { emu, api, webinar } = await setup();
    const first = (await api.post("/rooms", { name: "Standup", description: "v1" })).body;
    const again = await api.post("/rooms", { name: "standup", template_id: webinar.id, region: "in" });
    assert.equal(again.status, 200);
    assert.equal(again.body.id, first.id);
    assert.equal(again.body.name, "Standup");
    assert.equal(again.body.template_id, webinar.id);
    assert.equal(again.body.template, "webinar");
    assert.equal(again.body.region, "in");
    assert.equal(again.body.description, "v1", "fields not passed are kept");
    assert.equal(emu.state.rooms.length, 1);
  });

  test("the size limit is checked against the existing room's large_room", async () => {
    const { api } = await setup();
    await api.post("/rooms", { name: "big", large_room: true, size: 10000 });
    assert.equal((await api.post("/rooms", { name: "big", size: 12000 })).status, 200);
    assertError(assert, await api.post("/rooms", { name: "big", large_room: false }), 400, "Invalid body param: size");
  });

  test("names are per app: another app gets its own room", async () => {
    const { emu, api } = await setup();
    const mine = (await api.post("/rooms", { name: "shared-name" })).body;
    const other = await client(emu, { app: OTHER });
    const theirs = (await other.post("/rooms", { name: "shared-name" })).body;
    assert.notEqual(theirs.id, mine.id);
    assert.equal(theirs.app_id, emu.state.apps[1].app_id);
  });
});

describe("retrieve and update", () => {
  test("GET /rooms/:id returns the room; unknown id -> 404 room not found", async () => {
    const { api } = await setup();
    const room = (await api.post("/rooms", { name: "r1" })).body;
    assert.deepEqual((await api.get(`/rooms/${room.id}`)).body, room);
    assertError(assert, await api.get("/rooms/0123456789abcdef01234567"), 404, "room not found");
  });

  test("another app's room is invisible: 404 on get and update, absent from lists", async () => {
    const { emu, api } = await setup();
    const room = (await api.post("/rooms", { name: "private" })).body;
    const other = await client(emu, { app: OTHER });
    assertError(assert, await other.get(`/rooms/${room.id}`), 404, "room not found");
    assertError(assert, await other.post(`/rooms/${room.id}`, { enabled: false }), 404, "room not found");
    assert.deepEqual((await other.get("/rooms")).body.data, []);
    assert.equal((await api.get(`/rooms/${room.id}`)).body.enabled, true);
  });

  test("POST /rooms/:id updates fields and updated_at, keeps created_at", async () => {
    let now = Date.parse("2024-01-01T00:00:00.000Z");
    const { api } = await setup({ now: () => now });
    const room = (await api.post("/rooms", { name: "before" })).body;
    now += 60_000;
    const { status, body } = await api.post(`/rooms/${room.id}`, {
      name: "after", description: "new", region: "eu", recording_info: { enabled: true },
    });
    assert.equal(status, 200);
    assert.equal(body.id, room.id);
    assert.equal(body.name, "after");
    assert.equal(body.description, "new");
    assert.equal(body.region, "eu");
    assert.deepEqual(body.recording_info, { enabled: true });
    assert.equal(body.recording_source_template, false);
    assert.equal(body.created_at, room.created_at);
    assert.equal(body.updated_at, "2024-01-01T00:01:00.000Z");
    assert.deepEqual((await api.get(`/rooms/${room.id}`)).body, body);
  });

  test("renaming to a name another room uses -> 400 room name already exists", async () => {
    const { api } = await setup();
    await api.post("/rooms", { name: "taken" });
    const room = (await api.post("/rooms", { name: "mine" })).body;
    assertError(assert, await api.post(`/rooms/${room.id}`, { name: "TAKEN" }), 400, "room name already exists");
    assert.equal((await api.post(`/rooms/${room.id}`, { name: "MINE" })).status, 200, "its own name is fine");
  });

  test("update applies the create rules", async () => {
    const { api } = await setup();
    const room = (await api.post("/rooms", {})).body;
    assertError(assert, await api.post(`/rooms/${room.id}`, { region: "xx" }), 400, "Error: region not supported");
    assertError(assert, await api.post(`/rooms/${room.id}`, { template: "x" }), 400, "Invalid body param: template. Use template_id");
    assertError(assert, await api.post(`/rooms/${room.id}`, { max_duration_seconds: 60 }), 400, "Invalid body param: max_duration_seconds less than 120 seconds");
    assertError(assert, await api.post(`/rooms/${room.id}`, { enabled: "no" }), 400, "Invalid body param: enabled");
    assertError(assert, await api.post("/rooms/0123456789abcdef01234567", { enabled: false }), 404, "room not found");
  });

  test("enabled: false disables and enabled: true re-enables", async () => {
    const { api } = await setup();
    const room = (await api.post("/rooms", { name: "toggle" })).body;
    assert.equal((await api.post(`/rooms/${room.id}`, { enabled: false })).body.enabled, false);
    assert.equal((await api.get(`/rooms/${room.id}`)).body.enabled, false);
    assert.equal((await api.post(`/rooms/${room.id}`, { enabled: true })).body.enabled, true);
  });
});

describe("list rooms", () => {
  test("25 rooms paged by 10: every room exactly once, in creation order, last only while more remain", async () => {
    const { api } = await setup();
    const created = [];
    for (let i = 0; i < 25; i++) created.push((await api.post("/rooms", { name: `room-${i}` })).body.id);
    const seen = [];
    const pages = [];
    let start;
    for (;;) {
      const { status, body } = await api.get(`/rooms?limit=10${start ? `&start=${start}` : ""}`);
      assert.equal(status, 200);
      assert.equal(body.limit, 10);
      pages.push(body.data.length);
      seen.push(...body.data.map((r) => r.id));
      if (!body.last || body.data.length === 0) break;
      start = body.last;
    }
    assert.deepEqual(pages, [10, 10, 5]);
    assert.deepEqual(seen, created);
  });

  test("exactly one full page: no last", async () => {
    const { api } = await setup();
    for (let i = 0; i < 10; i++) await api.post("/rooms", {});
    const { body } = await api.get("/rooms");
    assert.equal(body.limit, 10, "default limit is 10");
    assert.equal(body.data.length, 10);
    assert.ok(!("last" in body));
  });

  test("filters: name (case-insensitive), enabled, after, before", async () => {
    let now = Date.parse("2024-01-01T00:00:00.000Z");
    const { api } = await setup({ now: () => now });
    const a = (await api.post("/rooms", { name: "Alpha" })).body;
    now += 3600_000;
    const b = (await api.post("/rooms", { name: "beta" })).body;
    now += 3600_000;
    const c = (await api.post("/rooms", { name: "gamma" })).body;
    await api.post(`/rooms/${b.id}`, { enabled: false });
    const ids = async (q) => (await api.get(`/rooms?${q}`)).body.data.map((r) => r.id);
    assert.deepEqual(await ids("name=ALPHA"), [a.id]);
    assert.deepEqual(await ids("enabled=false"), [b.id]);
    assert.deepEqual(await ids("enabled=true"), [a.id, c.id]);
    assert.deepEqual(await ids("after=2024-01-01T00:30:00.000Z"), [b.id, c.id]);
    assert.deepEqual(await ids("before=2024-01-01T01:30:00.000Z"), [a.id, b.id]);
    assert.deepEqual(await ids("after=2024-01-01T00:30:00Z&before=2024-01-01T01:30:00Z"), [b.id]);
  });

  test("a filtered list pages with the same cursor rules", async () => {
    const { api } = await setup();
    const enabled = [];
    for (let i = 0; i < 7; i++) {
      const room = (await api.post("/rooms", {})).body;
      if (i % 2) await api.post(`/rooms/${room.id}`, { enabled: false });
      else enabled.push(room.id);
    }
    const first = (await api.get("/rooms?enabled=true&limit=3")).body;
    const second = (await api.get(`/rooms?enabled=true&limit=3&start=${first.last}`)).body;
    assert.deepEqual([...first.data, ...second.data].map((r) => r.id), enabled);
    assert.ok(!("last" in second));
  });

  test("bad query values -> 400", async () => {
    const { api } = await setup();
    for (const limit of ["0", "101", "abc", "10abc", "-1"]) {
      assertError(assert, await api.get(`/rooms?limit=${limit}`), 400, "Invalid query param: limit");
    }
    assert.equal((await api.get("/rooms?limit=100")).status, 200);
    assertError(assert, await api.get("/rooms?enabled=yes"), 400, "Invalid query param: enabled");
    assertError(assert, await api.get("/rooms?after=yesterday"), 400, "Invalid query param: after");
    assertError(assert, await api.get("/rooms?start=nope"), 400, "Invalid query param: start");
  });
});
