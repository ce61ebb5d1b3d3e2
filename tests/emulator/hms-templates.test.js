// Templates (policy API): camelCase objects, create-or-overwrite by name, roles that drive
// room codes, settings, and the recording configuration.

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { assertError, exchange } from "./helpers.js";
import { OBJECT_ID, setup } from "./hms-helpers.js";

const byRole = (codes) => Object.fromEntries(codes.map((c) => [c.role, c]));

describe("templates", () => {
  test("list: the seeded templates in camelCase, the app's default flagged, paged", async () => {
    const { emu, api } = await setup();
    const { status, body } = await api.get("/templates");
    assert.equal(status, 200);
    assert.deepEqual(body.data.map((t) => [t.name, t.default]), [["default-template", true], ["webinar", false]]);
    const [first] = body.data;
    assert.deepEqual(Object.keys(first), ["id", "name", "customerId", "appId", "default", "roles", "settings", "destinations", "createdAt", "updatedAt", "_id", "customer"]);
    assert.equal(first._id, first.id);
    assert.equal(first.customerId, emu.state.apps[0].customer_id);
    assert.equal(first.createdAt, "0001-01-01T00:00:00Z");
    assert.deepEqual(Object.keys(first.roles.host), ["name", "publishParams", "subscribeParams", "permissions", "priority", "maxPeerCount"]);
    assert.deepEqual(first.roles.host.subscribeParams.subscribeToRoles, ["host", "guest"]);
    assert.deepEqual(first.settings, { region: "us", recording: null, roomState: { messageInterval: 5, sendPeerList: false, stopRoomStateOnJoin: true, enabled: false }, retry: {} });
    const page = (await api.get("/templates?limit=1")).body;
    assert.equal(page.last, first.id);
    assert.deepEqual((await api.get(`/templates?limit=1&start=${page.last}`)).body.data.map((t) => t.name), ["webinar"]);
    assertError(assert, await api.get("/templates?limit=0"), 400, "Invalid query param: limit");
  });

  test("GET one; unknown or another app's -> 404 Template not found", async () => {
    const { api, other } = await setup();
    const [first] = (await api.get("/templates")).body.data;
    assert.deepEqual((await api.get(`/templates/${first.id}`)).body, first);
    assertError(assert, await api.get("/templates/0123456789abcdef01234567"), 404, "Template not found");
    assertError(assert, await other.get(`/templates/${first.id}`), 404, "Template not found");
  });

  test("create fills role defaults; an existing name overwrites that template", async () => {
    const { api } = await setup();
    const created = await api.post("/templates", { name: "class room", roles: { teacher: { priority: 2, permissions: { endRoom: true } }, student: {} }, settings: { region: "in" } });
    assert.equal(created.status, 200, created.text);
    const t = created.body;
    assert.match(t.id, OBJECT_ID);
    assert.equal(t.default, false);
    assert.deepEqual([t.roles.teacher.priority, t.roles.teacher.permissions.endRoom, t.roles.teacher.permissions.hlsStreaming], [2, true, true]);
    assert.deepEqual(t.roles.student.publishParams.video, { bitRate: 300, codec: "vp8", frameRate: 30, width: 480, height: 360 });
    assert.equal(t.settings.region, "in");
    const overwritten = (await api.post("/templates", { name: "class room", roles: { host: {} } })).body;
    assert.equal(overwritten.id, t.id);
    assert.deepEqual(Object.keys(overwritten.roles), ["host"]);
    assert.equal(overwritten.settings.region, "us");
    assert.match((await api.post("/templates", {})).body.name, /^template-[0-9a-f]+$/);
    // Its roles are the roles of the rooms that use it, and so of their room codes.
    const room = (await api.post("/rooms", { name: "class-1", template_id: t.id })).body;
    assert.deepEqual((await api.post(`/room-codes/room/${room.id}`)).body.data.map((c) => c.role), ["host"]);
  });

  test("create/update errors -> 400", async () => {
    const { api } = await setup();
    const [first] = (await api.get("/templates")).body.data;
    for (const [body, field] of [
      [{ name: "a/b" }, "name"], [{ roles: [] }, "roles"], [{ roles: { "x/y": {} } }, "roles.x/y"],
      [{ roles: { host: { priority: 9 } } }, "roles.host.priority"], [{ settings: { region: "mars" } }, "settings.region"],
      [{ settings: "eu" }, "settings"], [{ destinations: [] }, "destinations"],
    ]) {
      assertError(assert, await api.post("/templates", body), 400, `Invalid body param: ${field}`);
    }
    assertError(assert, await api.post(`/templates/${first.id}`, { name: "webinar" }), 400, "Template name already exists");
    assertError(assert, await api.post("/templates/0123456789abcdef01234567", { name: "x" }), 404, "Template not found");
  });

  test("update: rename, replace settings, become the default template", async () => {
    const { api } = await setup();
    const webinar = (await api.get("/templates")).body.data[1];
    const updated = (await api.post(`/templates/${webinar.id}`, { name: "webinar-2", default: true, settings: { region: "in" } })).body;
    assert.deepEqual([updated.name, updated.default, updated.settings.region], ["webinar-2", true, "in"]);
    assert.notEqual(updated.updatedAt, "0001-01-01T00:00:00Z");
    assert.deepEqual(Object.keys(updated.roles), ["host", "viewer"], "roles not passed are kept");
    const room = (await api.post("/rooms", { name: "uses-default", region: "auto" })).body;
    assert.deepEqual([room.template_id, room.region], [webinar.id, "in"]);
  });
});

describe("template roles", () => {
  async function withCodes() {
    const ctx = await setup();
    const template = (await ctx.api.get("/templates")).body.data[0];
    const codes = byRole((await ctx.api.post(`/room-codes/room/${ctx.room.id}`)).body.data);
    return { ...ctx, template, codes };
  }

  test("GET a role; unknown -> 404 Role not found", async () => {
    const { api, template } = await withCodes();
    assert.deepEqual((await api.get(`/templates/${template.id}/roles/host`)).body, template.roles.host);
    assertError(assert, await api.get(`/templates/${template.id}/roles/nobody`), 404, "Role not found");
  });

  test("a new role gets its room code at the next re-sync; an update merges into the role", async () => {
    const { api, room, template, codes } = await withCodes();
    const created = (await api.post(`/templates/${template.id}/roles/viewer`, { maxPeerCount: 100 })).body;
    assert.deepEqual([created.name, created.maxPeerCount, created.priority], ["viewer", 100, 1]);
    const resynced = byRole((await api.post(`/room-codes/room/${room.id}`)).body.data);
    assert.deepEqual(Object.keys(resynced), ["host", "guest", "viewer"]);
    assert.equal(resynced.host.code, codes.host.code);
    const merged = (await api.post(`/templates/${template.id}/roles/viewer`, { priority: 3 })).body;
    assert.deepEqual([merged.maxPeerCount, merged.priority], [100, 3]);
    assertError(assert, await api.post(`/templates/${template.id}/roles/viewer`, { priority: 0 }), 400, "Invalid body param: priority");
    assertError(assert, await api.post(`/templates/${template.id}/roles/viewer`, { permissions: true }), 400, "Invalid body param: permissions");
  });

  test("deleting a role disables its room code at once; deleting it again -> 404", async () => {
    const { emu, api, template, codes } = await withCodes();
    const deleted = await api.del(`/templates/${template.id}/roles/guest`);
    assert.equal(deleted.status, 200);
    assert.equal(deleted.text, "");
    assert.deepEqual((await exchange(emu, { code: codes.guest.code })).body, { code: 403, message: "Room code is disabled" });
    assert.equal((await exchange(emu, { code: codes.host.code })).status, 200);
    const host = (await api.get(`/templates/${template.id}/roles/host`)).body;
    assert.deepEqual(host.subscribeParams.subscribeToRoles, ["host"], "nobody subscribes to a deleted role");
    assertError(assert, await api.del(`/templates/${template.id}/roles/guest`), 404, "Role not found");
  });

  test("a name in the body renames the role (its code is disabled); onto an existing role -> 400", async () => {
    const { emu, api, template, codes } = await withCodes();
    assertError(assert, await api.post(`/templates/${template.id}/roles/guest`, { name: "host" }), 400, "Role already exists");
    const renamed = (await api.post(`/templates/${template.id}/roles/guest`, { name: "audience" })).body;
    assert.equal(renamed.name, "audience");
    assert.deepEqual(Object.keys((await api.get(`/templates/${template.id}`)).body.roles), ["host", "audience"]);
    assert.equal((await exchange(emu, { code: codes.guest.code })).status, 403);
  });
});

describe("template settings and recordings", () => {
  test("settings: read, replace (region follows), and 400 on a bad region", async () => {
    const { api } = await setup();
    const [template] = (await api.get("/templates")).body.data;
    assert.deepEqual((await api.get(`/templates/${template.id}/settings`)).body, template.settings);
    const updated = (await api.post(`/templates/${template.id}/settings`, { region: "eu", roomState: { enabled: true } })).body;
    assert.deepEqual([updated.region, updated.roomState.enabled, updated.roomState.messageInterval], ["eu", true, 5]);
    assert.equal((await api.post("/rooms", { name: "auto-region", region: "auto" })).body.region, "eu");
    assertError(assert, await api.post(`/templates/${template.id}/settings`, { region: "moon" }), 400, "Invalid body param: settings.region");
    assertError(assert, await api.get("/templates/0123456789abcdef01234567/settings"), 404, "Template not found");
  });

  test("recordings: [] until configured with an array of one config; bad bodies -> 400", async () => {
    const { api } = await setup();
    const [template] = (await api.get("/templates")).body.data;
    const path = `/templates/${template.id}/recordings`;
    assert.deepEqual((await api.get(path)).body, []);
    const config = [{ name: "default", role: "host", maxDuration: 1800, presignDuration: 3600, compositeRecording: { browserComposite: { autoStart: false } } }];
    assert.deepEqual((await api.post(path, config)).body, config);
    assert.deepEqual((await api.get(path)).body, config);
    assertError(assert, await api.post(path, config[0]), 400, "Invalid request body");
    assertError(assert, await api.post(path, [config[0], config[0]]), 400, "Invalid body param: recordingConfigs");
    assertError(assert, await api.post(path, [{ name: "x", role: "viewer" }]), 400, "Invalid body param: recordingConfigs[0].role");
    assertError(assert, await api.post(path, [{ role: "host" }]), 400, "Invalid body param: recordingConfigs[0].name");
    assertError(assert, await api.post(path, [{ name: "x", role: "host", maxDuration: "long" }]), 400, "Invalid body param: recordingConfigs[0].maxDuration");
    assertError(assert, await api.get("/templates/0123456789abcdef01234567/recordings"), 404, "Template not found");
  });
});
