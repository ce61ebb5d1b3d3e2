// VideoSDK sessions driven by simulated participants (the control service and its JS helpers):
// start on first join, end on last leave, through the API, or by autoCloseConfig; the
// sessions and participants endpoints.

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { CONTROL, VSDK, assertVideoSdkError, call, liveRoom, setup, T0 } from "./videosdk-helpers.js";

const at = (seconds) => new Date(Date.parse("2025-03-01T10:00:00.000Z") + seconds * 1000).toISOString();

const join = (emu, roomId, body) => call(emu, "POST", `${CONTROL}/rooms/${roomId}/participants`, { body });
const leave = (emu, roomId, participantId) => call(emu, "DELETE", `${CONTROL}/rooms/${roomId}/participants/${participantId}`);

describe("control service: join and leave", () => {
  test("the first join starts a session; later joins share it; answers {session, participant}", async () => {
    const { emu, api, clock } = await setup();
    const room = (await api.post("/rooms", {})).body;
    const first = await join(emu, room.roomId, { participantId: "alice", name: "Alice" });
    assert.equal(first.status, 200, first.text);
    const { session, participant } = first.body;
    assert.match(session.id, /^[0-9a-f]{24}$/);
    assert.deepEqual(session, {
      id: session.id,
      roomId: room.roomId,
      start: at(0),
      end: null,
      status: "ongoing",
      participants: [{ participantId: "alice", name: "Alice", timelog: [{ start: at(0), end: null }] }],
      links: { get_room: `${VSDK}/rooms/${room.roomId}`, get_session: `${VSDK}/sessions/${session.id}` },
    });
    assert.deepEqual(participant, session.participants[0]);
    clock.advance(5000);
    const second = (await join(emu, room.roomId, { name: "Bob" })).body;
    assert.equal(second.session.id, session.id);
    assert.match(second.participant.participantId, /^[a-z]{8}$/, "a generated id looks like VideoSDK's");
    assert.equal(second.participant.timelog[0].start, at(5));
  });

  test("the last one out ends the session; a rejoin starts a new one", async () => {
    const { emu, api, clock } = await setup();
    const room = (await api.post("/rooms", {})).body;
    await join(emu, room.roomId, { participantId: "a", name: "A" });
    await join(emu, room.roomId, { participantId: "b", name: "B" });
    clock.advance(10_000);
    const afterA = (await leave(emu, room.roomId, "a")).body;
    assert.equal(afterA.session.status, "ongoing");
    assert.deepEqual(afterA.participant.timelog, [{ start: at(0), end: at(10) }]);
    clock.advance(10_000);
    const afterB = (await leave(emu, room.roomId, "b")).body;
    assert.equal(afterB.session.status, "ended");
    assert.equal(afterB.session.end, at(20));
    const next = (await join(emu, room.roomId, { participantId: "a", name: "A" })).body;
    assert.notEqual(next.session.id, afterB.session.id);
    assert.equal((await api.get(`/sessions?roomId=${room.roomId}`)).body.pageInfo.total, 2);
  });

  test("a participant who left and rejoins the same session gets a second timelog entry", async () => {
    const { emu, api, clock } = await setup();
    const { room } = await liveRoom(emu, api, {}, ["host"]);
    await emu.videosdk.join(room.roomId, { participantId: "guest", name: "Guest" });
    clock.advance(1000);
    await emu.videosdk.leave(room.roomId, "guest");
    clock.advance(1000);
    const { participant } = await emu.videosdk.join(room.roomId, { participantId: "guest", name: "Guest 2" });
    assert.equal(participant.name, "Guest 2");
    assert.deepEqual(participant.timelog, [{ start: at(0), end: at(1) }, { start: at(2), end: null }]);
  });

  test("errors: unknown room 404, missing name or whitespace in participantId 400, already in 409, not in 404", async () => {
    const { emu, api } = await setup();
    const room = (await api.post("/rooms", { customRoomId: "ctl" })).body;
    assertVideoSdkError(assert, await join(emu, "abc-defg-hijk", { name: "A" }), 404, /Room not found/);
    assertVideoSdkError(assert, await join(emu, room.roomId, {}), 400, /name must be a non-empty string/);
    assertVideoSdkError(assert, await join(emu, room.roomId, { name: "A", participantId: "a b" }), 400, /whitespace/);
    assert.equal((await join(emu, "ctl", { participantId: "a", name: "A" })).status, 200, "customRoomId works here");
    assertVideoSdkError(assert, await join(emu, room.roomId, { participantId: "a", name: "A" }), 409, /already in session/);
    assertVideoSdkError(assert, await leave(emu, room.roomId, "zed"), 404, /not in session/);
    assertVideoSdkError(assert, await leave(emu, (await api.post("/rooms", {})).body.roomId, "a"), 404, /no active session/);
  });

  test("JS helpers reject with the service's HttpError", async () => {
    const { emu } = await setup();
    await assert.rejects(emu.videosdk.join("nope-nope-nope", { name: "A" }), { status: 404 });
    await assert.rejects(emu.videosdk.leave("nope-nope-nope", "a"), { status: 404 });
  });
});

describe("sessions API", () => {
  test("list filters by roomId or customRoomId and pages; get by id; unknown -> 404", async () => {
    const { emu, api } = await setup();
    const one = await liveRoom(emu, api, { customRoomId: "one" });
    const two = await liveRoom(emu, api, { customRoomId: "two" });
    assert.equal((await api.get("/sessions")).body.pageInfo.total, 2);
    const byRoom = (await api.get(`/sessions?roomId=${one.room.roomId}`)).body;
    assert.deepEqual(byRoom.data.map((s) => s.id), [one.session.id]);
    const byCustom = (await api.get("/sessions?customRoomId=two")).body;
    assert.deepEqual(byCustom.data.map((s) => s.id), [two.session.id]);
    assert.deepEqual((await api.get("/sessions?perPage=1&page=2")).body.pageInfo, { currentPage: 2, perPage: 1, lastPage: 2, total: 2 });
    const fetched = (await api.get(`/sessions/${one.session.id}`)).body;
    assert.deepEqual(fetched, byRoom.data[0]);
    // The JS helpers have no request origin: their links are relative to the emulator's.
    assert.deepEqual({ ...one.session, links: undefined }, { ...fetched, links: undefined });
    assert.equal(one.session.links.get_session, `/videosdk/v2/sessions/${one.session.id}`);
    assertVideoSdkError(assert, await api.get("/sessions/000000000000000000000000"), 404, /Session not found/);
  });

  test("list filters by query (roomId or customRoomId) and startDate/endDate (epoch ms, on the start)", async () => {
    const { emu, api, clock } = await setup();
    const one = await liveRoom(emu, api, { customRoomId: "one" });
    clock.advance(60_000);
    const two = await liveRoom(emu, api, { customRoomId: "two" });
    const ids = async (query) => (await api.get(`/sessions?${query}`)).body.data.map((s) => s.id);
    assert.deepEqual(await ids("query=one"), [one.session.id]);
    assert.deepEqual(await ids(`query=${two.room.roomId}`), [two.session.id]);
    assert.deepEqual(await ids(`startDate=${T0 + 1}`), [two.session.id]);
    assert.deepEqual(await ids(`endDate=${T0}`), [one.session.id]);
    assert.deepEqual(await ids(`startDate=${T0}&endDate=${T0 + 60_000}`), [one.session.id, two.session.id]);
    assertVideoSdkError(assert, await api.get("/sessions?startDate=yesterday"), 400, /startDate must be epoch milliseconds/);
  });

  test("participants, active participants and one participant", async () => {
    const { emu, api, clock } = await setup();
    const { room, session } = await liveRoom(emu, api, {}, ["ann", "ben", "cid"]);
    clock.advance(1000);
    await emu.videosdk.leave(room.roomId, "ben");
    // {pageInfo, data: the session}, the page of participants under data.participants, as the
    // official SDKs read it.
    const all = (await api.get(`/sessions/${session.id}/participants`)).body;
    assert.equal(all.data.id, session.id);
    assert.equal(all.data.roomId, room.roomId);
    assert.deepEqual(all.data.participants.map((p) => p.participantId), ["ann", "ben", "cid"]);
    assert.equal(all.pageInfo.total, 3);
    const active = (await api.get(`/sessions/${session.id}/participants/active?perPage=1`)).body;
    assert.deepEqual(active.pageInfo, { currentPage: 1, perPage: 1, lastPage: 2, total: 2 });
    assert.deepEqual(active.data.participants.map((p) => p.participantId), ["ann"]);
    const second = (await api.get(`/sessions/${session.id}/participants/active?perPage=1&page=2`)).body;
    assert.deepEqual(second.data.participants.map((p) => p.participantId), ["cid"]);
    const ben = (await api.get(`/sessions/${session.id}/participants/ben`)).body;
    assert.deepEqual(ben, { participantId: "ben", name: "ben", timelog: [{ start: at(0), end: at(1) }] });
    assertVideoSdkError(assert, await api.get(`/sessions/${session.id}/participants/zed`), 404);
    assertVideoSdkError(assert, await api.get("/sessions/nope/participants"), 404);
  });

  test("POST /sessions/end ends the live session (closing every timelog) and answers it", async () => {
    const { emu, api, clock } = await setup();
    const { room, session } = await liveRoom(emu, api, {}, ["ann", "ben"]);
    clock.advance(30_000);
    const { status, body } = await api.post("/sessions/end", { roomId: room.roomId });
    assert.equal(status, 200);
    assert.equal(body.id, session.id);
    assert.equal(body.status, "ended");
    assert.equal(body.end, at(30));
    assert.ok(body.participants.every((p) => p.timelog.at(-1).end === at(30)));
    assertVideoSdkError(assert, await api.post("/sessions/end", { roomId: room.roomId }), 409, /no active session/);
    assertVideoSdkError(assert, await api.post("/sessions/end", { roomId: room.roomId, sessionId: session.id }), 409, /already ended/);
    // ignoreClosed: an ended session is answered as it is; vsdkForceKill is a boolean.
    const again = await api.post("/sessions/end", { roomId: room.roomId, sessionId: session.id, ignoreClosed: true, vsdkForceKill: true });
    assert.equal(again.status, 200, again.text);
    assert.equal(again.body.status, "ended");
    assertVideoSdkError(assert, await api.post("/sessions/end", { roomId: room.roomId, vsdkForceKill: "yes" }), 400, /vsdkForceKill must be a boolean/);
  });

  test("POST /sessions/end: sessionId must be the room's; roomId is required and must be a roomId", async () => {
    const { emu, api } = await setup();
    const one = await liveRoom(emu, api, { customRoomId: "c-one" });
    const two = await liveRoom(emu, api);
    const mismatch = await api.post("/sessions/end", { roomId: two.room.roomId, sessionId: one.session.id });
    assertVideoSdkError(assert, mismatch, 404, /is not a session of room/);
    assertVideoSdkError(assert, await api.post("/sessions/end", {}), 400, /roomId is required/);
    assertVideoSdkError(assert, await api.post("/sessions/end", { roomId: "c-one" }), 402);
    assert.equal((await api.post("/sessions/end", { roomId: one.room.roomId, sessionId: one.session.id })).body.status, "ended");
  });

  test("POST /sessions/participants/remove removes one participant and answers the session", async () => {
    const { emu, api } = await setup();
    const { room, session } = await liveRoom(emu, api, {}, ["ann", "ben"]);
    const { status, body } = await api.post("/sessions/participants/remove", { roomId: room.roomId, participantId: "ben" });
    assert.equal(status, 200);
    assert.equal(body.id, session.id);
    assert.equal(body.status, "ongoing");
    assert.notEqual(body.participants.find((p) => p.participantId === "ben").timelog[0].end, null);
    assertVideoSdkError(assert, await api.post("/sessions/participants/remove", { roomId: room.roomId, participantId: "ben" }), 404);
    assertVideoSdkError(assert, await api.post("/sessions/participants/remove", { roomId: room.roomId }), 400, /participantId is required/);
    const last = await api.post("/sessions/participants/remove", { roomId: room.roomId, sessionId: session.id, participantId: "ann" });
    assert.equal(last.body.status, "ended", "removing the last one ends the session");
  });
});

describe("autoCloseConfig", () => {
  test("session-ends: the session closes `duration` minutes after it started, timed exactly", async () => {
    const { emu, api, clock } = await setup();
    const { room, session } = await liveRoom(emu, api, { autoCloseConfig: { type: "session-ends", duration: 10 } });
    clock.advance(10 * 60_000 - 1);
    assert.equal((await api.get(`/sessions/${session.id}`)).body.status, "ongoing");
    clock.advance(60_000);
    const closed = (await api.get(`/sessions/${session.id}`)).body;
    assert.equal(closed.status, "ended");
    assert.equal(closed.end, at(600));
    assert.equal((await api.get(`/rooms/${room.roomId}`)).body.disabled, false, "the room stays usable");
    assert.equal((await emu.videosdk.join(room.roomId, { name: "again" })).session.status, "ongoing");
  });

  test("session-end-and-deactivate: the room holds one session; however it ends, the room is deactivated", async () => {
    const { emu, api } = await setup();
    const { room } = await liveRoom(emu, api, { autoCloseConfig: { type: "session-end-and-deactivate" } });
    await emu.videosdk.leave(room.roomId, "alice");
    assert.equal((await api.get(`/rooms/${room.roomId}`)).body.disabled, true);
    await assert.rejects(emu.videosdk.join(room.roomId, { name: "B" }), { status: 403 });
  });
});
