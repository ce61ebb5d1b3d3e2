// Simulated activity (the control service and emu.hms), sessions, and the active-room API:
// peers, updates, messages, removals, and ending a room with or without a lock.

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { assertError, exchange } from "./helpers.js";
import { OBJECT_ID, UUID, assertThrowsHttp, clock, control, hmsClient, setup } from "./hms-helpers.js";

describe("control service: peers join and leave", () => {
  test("a peer joins over HTTP without a management token; its room's session opens", async () => {
    const { emu, api, room } = await setup();
    const joined = await control(emu, "POST", `/rooms/${room.id}/peers`, { user_id: "u-1", name: "Ann", role: "host", metadata: "{\"hand\":false}" });
    assert.equal(joined.status, 200, joined.text);
    assert.equal(emu.requests.at(-1).authorized, false);
    const peer = joined.body;
    assert.match(peer.id, UUID);
    assert.match(peer.session_id, OBJECT_ID);
    assert.deepEqual([peer.name, peer.user_id, peer.role, peer.metadata], ["Ann", "u-1", "host", "{\"hand\":false}"]);
    assert.deepEqual(Object.values(peer.tracks).map((t) => t.type).sort(), ["audio", "video"]);

    const session = (await api.get(`/sessions/${peer.session_id}`)).body;
    assert.deepEqual(Object.keys(session), ["id", "room_id", "customer_id", "app_id", "active", "peers", "created_at", "updated_at"]);
    assert.equal(session.room_id, room.id);
    assert.equal(session.active, true);
    assert.equal(session.app_id, room.app_id);
    assert.deepEqual(session.peers[peer.id], {
      id: peer.id, session_id: session.id, name: "Ann", role: "host", user_id: "u-1", joined_at: peer.joined_at,
    });
  });

  test("emu.hms: the last peer leaving closes the session; those who left keep left_at; a new join opens a new session", async () => {
    const now = clock();
    const { emu, api, room } = await setup({ now });
    const ann = emu.hms.addPeer(room.id, { name: "Ann", role: "host" });
    const bob = emu.hms.addPeer(room.id, { name: "Bob", role: "guest" });
    assert.match(ann.user_id, UUID, "user_id defaults to a uuid");
    assert.equal(bob.session_id, ann.session_id);
    now.advance(60);
    const left = await control(emu, "DELETE", `/rooms/${room.id}/peers/${ann.id}`);
    assert.equal(left.status, 200);
    assert.equal(left.body.left_at, "2025-06-01T10:01:00.000Z");
    assert.equal((await api.get(`/sessions/${ann.session_id}`)).body.active, true);
    now.advance(60);
    emu.hms.removePeer(room.id, bob.id);
    const closed = (await api.get(`/sessions/${ann.session_id}`)).body;
    assert.equal(closed.active, false);
    assert.equal(closed.updated_at, "2025-06-01T10:02:00.000Z");
    assert.deepEqual(Object.values(closed.peers).map((p) => p.left_at), ["2025-06-01T10:01:00.000Z", "2025-06-01T10:02:00.000Z"]);
    const again = emu.hms.addPeer(room.id, { role: "host" });
    assert.notEqual(again.session_id, ann.session_id);
  });

  test("refusals: unknown room 404, bad role 400, unknown peer 404, disabled room 403", async () => {
    const { emu, api, room } = await setup();
    assertError(assert, await control(emu, "POST", "/rooms/0123456789abcdef01234567/peers", { role: "host" }), 404, "Room not found");
    assertThrowsHttp(() => emu.hms.addPeer("0123456789abcdef01234567", { role: "host" }), 404, "Room not found");
    assertError(assert, await control(emu, "POST", `/rooms/${room.id}/peers`, { role: "viewer" }), 400, "Invalid body param: role");
    assertError(assert, await control(emu, "POST", `/rooms/${room.id}/peers`, { name: "no role" }), 400, "Invalid body param: role");
    assertError(assert, await control(emu, "POST", `/rooms/${room.id}/peers`, { role: "host", name: 7 }), 400, "Invalid body param: name");
    assertError(assert, await control(emu, "DELETE", `/rooms/${room.id}/peers/nobody`), 404, "Peer not found");
    assertError(assert, await control(emu, "GET", `/rooms/${room.id}/peers`), 405, "method not allowed");
    await api.post(`/rooms/${room.id}`, { enabled: false });
    assertError(assert, await control(emu, "POST", `/rooms/${room.id}/peers`, { role: "host" }), 403, "Room is disabled");
    assert.equal(emu.hms.snapshot().sessions.length, 0, "a refused join opens no session");
  });

  test("reset forgets the activity", async () => {
    const { emu, room } = await setup();
    emu.hms.addPeer(room.id, { role: "host" });
    emu.reset();
    const snapshot = emu.hms.snapshot();
    assert.deepEqual([snapshot.sessions.length, snapshot.events.length], [0, 0]);
  });
});

describe("sessions API", () => {
  test("GET /sessions/:id: unknown or another app's session -> 404 Session not found", async () => {
    const { emu, other, api, room } = await setup();
    const { session_id: sessionId } = emu.hms.addPeer(room.id, { role: "host" });
    assertError(assert, await api.get("/sessions/0123456789abcdef01234567"), 404, "Session not found");
    assertError(assert, await other.get(`/sessions/${sessionId}`), 404, "Session not found");
    assert.deepEqual((await other.get("/sessions")).body.data, []);
  });

  test("GET /sessions filters by room_id, active, after/before (inclusive) and pages like rooms", async () => {
    const now = clock("2025-01-01T00:00:00.000Z");
    const { emu, api, room } = await setup({ now });
    const second = (await api.post("/rooms", { name: "second-room" })).body;
    const ids = [];
    for (const target of [room, second, room]) {
      const peer = emu.hms.addPeer(target.id, { role: "host" });
      ids.push(peer.session_id);
      now.advance(3600);
      if (ids.length < 3) emu.hms.removePeer(target.id, peer.id);
    }
    const list = async (q) => (await api.get(`/sessions${q}`)).body.data.map((s) => s.id);
    assert.deepEqual(await list(""), ids);
    assert.deepEqual(await list(`?room_id=${room.id}`), [ids[0], ids[2]]);
    assert.deepEqual(await list("?active=true"), [ids[2]]);
    assert.deepEqual(await list("?active=false"), [ids[0], ids[1]]);
    assert.deepEqual(await list("?after=2025-01-01T01:00:00.000Z"), [ids[1], ids[2]]);
    assert.deepEqual(await list("?before=2025-01-01T01:00:00.000Z"), [ids[0], ids[1]]);
    const p1 = (await api.get("/sessions?limit=2")).body;
    assert.equal(p1.last, ids[1]);
    const p2 = (await api.get(`/sessions?limit=2&start=${p1.last}`)).body;
    assert.deepEqual(p2.data.map((s) => s.id), [ids[2]]);
    assert.ok(!("last" in p2));
    for (const [q, param] of [["?active=yes", "active"], ["?after=soon", "after"], ["?limit=0", "limit"], ["?start=nope", "start"]]) {
      assertError(assert, await api.get(`/sessions${q}`), 400, `Invalid query param: ${param}`);
    }
  });
});

describe("active rooms API", () => {
  async function busyRoom() {
    const ctx = await setup();
    const { emu, room } = ctx;
    const ann = emu.hms.addPeer(room.id, { user_id: "teacher-1", name: "Ann", role: "host" });
    const bob = emu.hms.addPeer(room.id, { user_id: "student-1", name: "Bob", role: "guest" });
    const cid = emu.hms.addPeer(room.id, { user_id: "student-2", name: "Cid", role: "guest" });
    return { ...ctx, ann, bob, cid };
  }

  test("GET /active-rooms/:id: the session and its present peers; idle room 404, unknown room 404", async () => {
    const { emu, api, room, ann, bob, cid } = await busyRoom();
    emu.hms.removePeer(room.id, cid.id);
    const { status, body } = await api.get(`/active-rooms/${room.id}`);
    assert.equal(status, 200);
    assert.deepEqual(body, {
      id: room.id, name: "main-room", customer_id: room.customer_id,
      session: { id: ann.session_id, created_at: ann.joined_at, peers: [ann.id, bob.id] },
    });
    const idle = (await api.post("/rooms", { name: "idle" })).body;
    assertError(assert, await api.get(`/active-rooms/${idle.id}`), 404, "Room is not active");
    assertError(assert, await api.get(`/active-rooms/${idle.id}/peers`), 404, "Room is not active");
    assertError(assert, await api.post(`/active-rooms/${idle.id}/send-message`, { message: "anyone?" }), 404, "Room is not active");
    assertError(assert, await control(emu, "GET", "/rooms/0123456789abcdef01234567/messages"), 404, "Room not found");
    assertError(assert, await api.get("/active-rooms/0123456789abcdef01234567"), 404, "Room not found");
  });

  test("peers: listed with role/user_id filters; one peer with its tracks; unknown peer 404", async () => {
    const { api, room, ann, bob, cid } = await busyRoom();
    const all = (await api.get(`/active-rooms/${room.id}/peers`)).body.peers;
    assert.deepEqual(Object.keys(all), [ann.id, bob.id, cid.id]);
    assert.deepEqual(all[ann.id], { id: ann.id, name: "Ann", user_id: "teacher-1", metadata: "", role: "host", joined_at: ann.joined_at });
    assert.deepEqual(Object.keys((await api.get(`/active-rooms/${room.id}/peers?role=guest`)).body.peers), [bob.id, cid.id]);
    assert.deepEqual(Object.keys((await api.get(`/active-rooms/${room.id}/peers?user_id=student-2`)).body.peers), [cid.id]);
    assert.deepEqual((await api.get(`/active-rooms/${room.id}/peers?role=nobody`)).body, { peers: {} });
    const one = (await api.get(`/active-rooms/${room.id}/peers/${bob.id}`)).body;
    assert.deepEqual(one.tracks, bob.tracks);
    assertError(assert, await api.get(`/active-rooms/${room.id}/peers/nobody`), 404, "Peer not found");
  });

  test("POST a peer updates name, role and metadata; bad role 400, empty body 400, unknown peer 404", async () => {
    const { emu, api, room, bob } = await busyRoom();
    const updated = await api.post(`/active-rooms/${room.id}/peers/${bob.id}`, { name: "Robert", role: "host", metadata: "{\"hand\":true}" });
    assert.equal(updated.status, 200);
    assert.deepEqual([updated.body.name, updated.body.role, updated.body.metadata], ["Robert", "host", "{\"hand\":true}"]);
    assert.ok(updated.body.tracks);
    assert.equal((await api.get(`/active-rooms/${room.id}/peers/${bob.id}`)).body.role, "host");
    const roleChange = emu.hms.snapshot().events.find((e) => e.type === "role.change.success");
    assert.deepEqual([roleChange.data.peer_id, roleChange.data.old_role, roleChange.data.role], [bob.id, "guest", "host"]);
    assertError(assert, await api.post(`/active-rooms/${room.id}/peers/${bob.id}`, { role: "viewer" }), 400, "Invalid body param: role");
    assertError(assert, await api.post(`/active-rooms/${room.id}/peers/${bob.id}`, {}), 400, "Invalid request body");
    assertError(assert, await api.post(`/active-rooms/${room.id}/peers/${bob.id}`, { name: 5 }), 400, "Invalid body param: name");
    assertError(assert, await api.post(`/active-rooms/${room.id}/peers/nobody`, { name: "x" }), 404, "Peer not found");
  });

  test("send-message: to one peer (peer_id wins over role), to a role, to everyone; who got what is recorded", async () => {
    const { emu, api, room, ann, bob, cid } = await busyRoom();
    const send = (body) => api.post(`/active-rooms/${room.id}/send-message`, body);
    assert.deepEqual((await send({ message: "hi Bob", peer_id: bob.id, role: "host", type: "custom_event" })).body, { message: "message sent" });
    await send({ message: "guests only", role: "guest", peer_id: "" });
    await send({ message: "everyone" });
    const messages = emu.hms.messages(room.id);
    assert.deepEqual(messages.map((m) => [m.message, m.type, m.recipients]), [
      ["hi Bob", "custom_event", [bob.id]],
      ["guests only", "chat", [bob.id, cid.id]],
      ["everyone", "chat", [ann.id, bob.id, cid.id]],
    ]);
    assert.equal(messages[0].peer_id, bob.id);
    assert.ok(!("role" in messages[0]), "the role was ignored: peer_id wins");
    const overHttp = await control(emu, "GET", `/rooms/${room.id}/messages`);
    assert.deepEqual(overHttp.body.messages, messages);
    assertError(assert, await send({ peer_id: bob.id }), 400, "Invalid body param: message");
    assertError(assert, await send({ message: "" }), 400, "Invalid body param: message");
    assertError(assert, await send({ message: "x", peer_id: "nobody" }), 404, "Peer not found");
    assert.equal(emu.hms.messages(room.id).length, 3, "refused messages are not recorded");
  });

  test("remove-peers: by peer_id or by role; neither is a 400; the last removal closes the session", async () => {
    const { api, room, ann, bob } = await busyRoom();
    const remove = (body) => api.post(`/active-rooms/${room.id}/remove-peers`, body);
    assertError(assert, await remove({ reason: "bye" }), 400, "Invalid body param: peer_id");
    assertError(assert, await remove({ peer_id: "", role: "" }), 400, "Invalid body param: peer_id");
    assertError(assert, await remove({ peer_id: "nobody" }), 404, "Peer not found");
    assert.deepEqual((await remove({ peer_id: ann.id, role: "guest" })).body, { message: "peer remove request submitted" });
    assert.deepEqual((await api.get(`/active-rooms/${room.id}`)).body.session.peers.length, 2);
    await remove({ role: "guest", reason: "class over" });
    assertError(assert, await api.get(`/active-rooms/${room.id}`), 404, "Room is not active");
    const session = (await api.get(`/sessions/${bob.session_id}`)).body;
    assert.equal(session.active, false);
  });

  test("end-room without lock: everyone leaves, the session closes, the room stays enabled", async () => {
    const { api, room, ann } = await busyRoom();
    assertError(assert, await api.post(`/active-rooms/${room.id}/end-room`, { lock: "yes" }), 400, "Invalid body param: lock");
    const ended = await api.post(`/active-rooms/${room.id}/end-room`, { reason: "Class has ended" });
    assert.deepEqual(ended.body, { message: "session is ending" });
    assert.equal((await api.get(`/sessions/${ann.session_id}`)).body.active, false);
    assert.equal((await api.get(`/rooms/${room.id}`)).body.enabled, true);
    assertError(assert, await api.post(`/active-rooms/${room.id}/end-room`, {}), 404, "Room is not active");
  });

  test("end-room with lock: codes, exchanges and joins get 403 until the room is enabled again", async () => {
    const { emu, api, room } = await busyRoom();
    const [host] = (await api.post(`/room-codes/room/${room.id}`)).body.data;
    await api.post(`/active-rooms/${room.id}/end-room`, { reason: "locked", lock: true });
    assert.equal((await api.get(`/rooms/${room.id}`)).body.enabled, false);
    assertError(assert, await api.post(`/room-codes/room/${room.id}`), 403, "Room is disabled");
    assert.deepEqual((await exchange(emu, { code: host.code })).body, { code: 403, message: "Room is disabled" });
    assertThrowsHttp(() => emu.hms.addPeer(room.id, { role: "host" }), 403, "Room is disabled");
    await api.post(`/rooms/${room.id}`, { enabled: true });
    assert.equal((await api.post(`/room-codes/room/${room.id}`)).status, 200);
    assert.equal((await exchange(emu, { code: host.code })).status, 200);
    assert.equal(emu.hms.addPeer(room.id, { role: "host" }).role, "host");
  });

  test("another app cannot see or act on the room", async () => {
    const { emu, room } = await busyRoom();
    const other = await hmsClient(emu, { app: { accessKey: "other-key", secret: "other-secret-0123456789" } });
    assertError(assert, await other.get(`/active-rooms/${room.id}`), 404, "Room not found");
    assertError(assert, await other.post(`/active-rooms/${room.id}/end-room`, {}), 404, "Room not found");
  });
});
