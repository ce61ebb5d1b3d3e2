// Analytics events: recorded as state changes happen, filtered as documented, and paged with
// an opaque `next` that must be percent-encoded, points into a snapshot, and expires.

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { assertError } from "./helpers.js";
import { UUID, clock, control, hmsClient, setup } from "./hms-helpers.js";

const types = (body) => body.events.map((e) => e.type);

describe("analytics events", () => {
  test("a peer's visit and a recording produce the events 100ms would publish", async () => {
    const { emu, api, room } = await setup();
    const peer = emu.hms.addPeer(room.id, { user_id: "u-1", name: "Ann", role: "host" });
    const rec = (await api.post(`/recordings/room/${room.id}/start`)).body;
    emu.hms.removePeer(room.id, peer.id);
    const { status, body } = await api.get(`/analytics/events?room_id=${room.id}&limit=100`);
    assert.equal(status, 200);
    assert.deepEqual(Object.keys(body), ["limit", "total", "events"]);
    assert.deepEqual([body.limit, body.total], [11, 11]);
    assert.deepEqual(types(body), [
      "session.open.success", "peer.join.success", "track.add.success", "track.add.success", "beam.started.success",
      "track.remove.success", "track.remove.success", "peer.leave.success",
      "beam.stopped.success", "beam.recording.success", "session.close.success", // the recording stops with the session
    ]);
    const [open, join, track] = body.events;
    assert.deepEqual(Object.keys(open), ["version", "id", "timestamp", "type", "data"]);
    assert.equal(open.version, "2.0");
    assert.deepEqual([join.data.room_id, join.data.room_name, join.data.session_id, join.data.peer_id, join.data.user_id, join.data.user_name, join.data.role],
      [room.id, "main-room", peer.session_id, peer.id, "u-1", "Ann", "host"]);
    assert.deepEqual([track.data.type, track.data.source, track.data.mute], ["audio", "regular", false]);
    const recorded = body.events.find((e) => e.type === "beam.recording.success");
    assert.equal(recorded.data.beam_id, rec.id);
    assert.match(recorded.data.recording_path, /composite\.mp4$/);
    // What the official SDK's RecordingEvent type requires beyond those: the recorder's own
    // peer (not a visitor's), a download URL, and the RTMP outputs (none for a recording).
    assert.match(recorded.data.peer_id, UUID);
    assert.notEqual(recorded.data.peer_id, peer.id);
    assert.match(recorded.data.recording_presigned_url, /^https:\/\/.+composite\.mp4\?expires=\d+&signature=/);
    assert.deepEqual(recorded.data.rtmp, []);
  });

  test("filters: type (repeatable), peer_id, user_id, session_id, beam_id, error", async () => {
    const { emu, api, room } = await setup();
    const ann = emu.hms.addPeer(room.id, { user_id: "u-ann", role: "host" });
    const bob = emu.hms.addPeer(room.id, { user_id: "u-bob", role: "guest" });
    const rec = (await api.post(`/recordings/room/${room.id}/start`)).body;
    await api.post(`/recordings/${rec.id}/stop`);
    const injected = await control(emu, "POST", `/rooms/${room.id}/events`, { type: "client.join.failed", data: { peer_id: bob.id, error_code: 4006 } });
    assert.equal(injected.status, 200);
    const get = async (q) => (await api.get(`/analytics/events?room_id=${room.id}&limit=100${q}`)).body;
    assert.deepEqual(types(await get("&type=peer.join.success&type=beam.started.success")), ["peer.join.success", "peer.join.success", "beam.started.success"]);
    assert.ok((await get(`&peer_id=${ann.id}`)).events.every((e) => e.data.peer_id === ann.id));
    assert.deepEqual(types(await get("&user_id=u-bob&type=peer.join.success")), ["peer.join.success"]);
    assert.equal((await get(`&session_id=${ann.session_id}`)).total, (await get("")).total);
    assert.deepEqual(types(await get(`&beam_id=${rec.id}`)), ["beam.started.success", "beam.stopped.success", "beam.recording.success"]);
    assert.deepEqual(types(await get("&error=true")), ["client.join.failed"]);
    assert.equal((await get("&error=false")).total, (await get("")).total);
  });

  test("bad queries -> 400: room_id missing, unknown type, limit out of 1..100, error not a boolean", async () => {
    const { api, room } = await setup();
    assertError(assert, await api.get("/analytics/events"), 400, "Invalid query param: room_id");
    assertError(assert, await api.get(`/analytics/events?room_id=${room.id}&type=peer.dance`), 400, "Invalid query param: type");
    assertError(assert, await api.get(`/analytics/events?room_id=${room.id}&limit=0`), 400, "Invalid query param: limit");
    assertError(assert, await api.get(`/analytics/events?room_id=${room.id}&limit=101`), 400, "Invalid query param: limit");
    assertError(assert, await api.get(`/analytics/events?room_id=${room.id}&error=1`), 400, "Invalid query param: error");
  });

  test("paging: `next` holds : ~ = (and +), must be percent-encoded, and is absent on the last page", async () => {
    const { emu, api, room } = await setup();
    for (let i = 0; i < 5; i++) emu.hms.addPeer(room.id, { role: "guest" }); // 1 open + 5 * 3 = 16 events
    const all = (await api.get(`/analytics/events?room_id=${room.id}&limit=100`)).body.events.map((e) => e.id);
    assert.equal(all.length, 16);
    const seen = [];
    let next;
    let pages = 0;
    do {
      const q = next === undefined ? "" : `&start=${encodeURIComponent(next)}`;
      const page = (await api.get(`/analytics/events?room_id=${room.id}&limit=6${q}`)).body;
      assert.equal(page.total, 16);
      assert.equal(page.limit, page.events.length);
      seen.push(...page.events.map((e) => e.id));
      if (page.next !== undefined) {
        assert.match(page.next, /^[0-9a-f-]{36}:[0-9a-z]+:0~[A-Za-z0-9+/]*\+[A-Za-z0-9+/]*=$/);
        // Events recorded while paging do not shift the snapshot.
        if (pages === 0) emu.hms.addPeer(room.id, { role: "guest" });
      }
      next = page.next;
      pages++;
    } while (next !== undefined);
    assert.equal(pages, 3);
    assert.deepEqual(seen, all);
  });

  test("a cursor sent without encoding, tampered with, from another app, or after 24 h -> 400", async () => {
    const now = clock();
    const { emu, api, other, room } = await setup({ now });
    for (let i = 0; i < 4; i++) emu.hms.addPeer(room.id, { role: "guest" });
    const { next } = (await api.get(`/analytics/events?room_id=${room.id}&limit=2`)).body;
    const start = (client, cursor, roomId = room.id) => client.get(`/analytics/events?room_id=${roomId}&limit=2&start=${cursor}`);
    assertError(assert, await start(api, next), 400, "Invalid query param: start"); // the "+" arrives as a space
    assertError(assert, await start(api, encodeURIComponent(next.replace(/:\d+:/, ":zz:"))), 400, "Invalid query param: start");
    assertError(assert, await start(api, encodeURIComponent(next.replace("~", "~A"))), 400, "Invalid query param: start");
    assertError(assert, await start(other, encodeURIComponent(next)), 400, "Invalid query param: start");
    const second = (await api.post("/rooms", { name: "second" })).body;
    assertError(assert, await start(api, encodeURIComponent(next), second.id), 400, "Invalid query param: start");
    assert.equal((await start(api, encodeURIComponent(next))).status, 200);
    now.advance(24 * 3600 + 1);
    const later = await hmsClient(emu, { nowMs: now() });
    const expired = await start(later, encodeURIComponent(next));
    assertError(assert, expired, 400, "Invalid query param: start");
    assert.match(expired.body.details[0], /expired/);
  });

  test("another app's events are invisible; the control service checks what it injects", async () => {
    const { emu, other, room } = await setup();
    emu.hms.addPeer(room.id, { role: "host" });
    assert.deepEqual((await other.get(`/analytics/events?room_id=${room.id}`)).body, { limit: 0, total: 0, events: [] });
    assertError(assert, await control(emu, "POST", `/rooms/${room.id}/events`, { type: "client.sneezed" }), 400, "Invalid body param: type");
    assertError(assert, await control(emu, "POST", `/rooms/${room.id}/events`, { type: "client.disconnected", data: [] }), 400, "Invalid body param: data");
    assertError(assert, await control(emu, "POST", "/rooms/0123456789abcdef01234567/events", { type: "client.disconnected" }), 404, "Room not found");
  });
});
