// Stream keys: one active RTMP ingest key per room; disable then create to reset a leaked one.

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { assertError } from "./helpers.js";
import { OBJECT_ID, setup } from "./hms-helpers.js";

describe("stream keys", () => {
  test("create answers the key and its ingest URL; a second create while it is active -> 400", async () => {
    const { api, room } = await setup();
    const { status, body } = await api.post(`/stream-keys/room/${room.id}`);
    assert.equal(status, 200);
    assert.deepEqual(Object.keys(body), ["id", "key", "url", "rtmp_ingest_url", "room_id", "customer_id", "app_id", "enabled", "created_at", "updated_at"]);
    assert.match(body.id, OBJECT_ID);
    assert.match(body.key, /^[A-Za-z0-9]{32}$/);
    assert.match(body.url, /^rtmp:\/\//);
    assert.equal(body.rtmp_ingest_url, body.url);
    assert.deepEqual([body.room_id, body.app_id, body.customer_id, body.enabled], [room.id, room.app_id, room.customer_id, true]);
    assertError(assert, await api.post(`/stream-keys/room/${room.id}`), 400, "Active key already exists");
    assert.deepEqual((await api.get(`/stream-keys/room/${room.id}`)).body, body);
  });

  test("disable, then GET -> 404, disable again -> 404, and a new create gets a new key", async () => {
    const { api, room } = await setup();
    assertError(assert, await api.get(`/stream-keys/room/${room.id}`), 404, "No active key found");
    const first = (await api.post(`/stream-keys/room/${room.id}`)).body;
    assert.deepEqual((await api.post(`/stream-keys/room/${room.id}/disable`)).body, { code: 200, message: "key disabled successfully" });
    assertError(assert, await api.get(`/stream-keys/room/${room.id}`), 404, "No active key found");
    assertError(assert, await api.post(`/stream-keys/room/${room.id}/disable`), 404, "Key not found");
    const second = (await api.post(`/stream-keys/room/${room.id}`)).body;
    assert.notEqual(second.key, first.key);
    assert.notEqual(second.id, first.id);
  });

  test("unknown or foreign room -> 404 Room not found; disabled room -> 403 on all three", async () => {
    const { api, other, room } = await setup();
    for (const [method, suffix] of [["post", ""], ["get", ""], ["post", "/disable"]]) {
      assertError(assert, await api[method](`/stream-keys/room/0123456789abcdef01234567${suffix}`), 404, "Room not found");
      assertError(assert, await other[method](`/stream-keys/room/${room.id}${suffix}`), 404, "Room not found");
    }
    await api.post(`/rooms/${room.id}`, { enabled: false });
    for (const [method, suffix] of [["post", ""], ["get", ""], ["post", "/disable"]]) {
      assertError(assert, await api[method](`/stream-keys/room/${room.id}${suffix}`), 403, "Room is disabled");
    }
  });
});
