// VideoSDK rooms: the create-room page's fields, enums and rules; idempotent create on
// customRoomId; fetch, page-based list, validate and deactivate.

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { VSDK, assertVideoSdkError, liveRoom, setup } from "./videosdk-helpers.js";

const ISO = "2025-03-01T10:00:00.000Z";
const ROOM_ID = /^[a-z]{3}-[a-z]{4}-[a-z]{4}$/;

const FULL = {
  customRoomId: "final-testing",
  webhook: { endPoint: "https://hooks.example/videosdk", events: ["session-started", "recording-stopped", "hls-playable"] },
  autoCloseConfig: { type: "session-end-and-deactivate", duration: 60 },
  autoStartConfig: {
    recording: {
      templateUrl: "https://example.com/layout",
      awsDirPath: "bucket/dir",
      config: { layout: { type: "GRID", priority: "SPEAKER", gridSize: 4 }, theme: "DARK", mode: "video-and-audio", quality: "high", orientation: "landscape" },
    },
    hls: { config: { layout: { type: "SIDEBAR", priority: "PIN", gridSize: 1 }, theme: "LIGHT", mode: "audio", quality: "low", orientation: "portrait" } },
  },
};

describe("create room", () => {
  test("a minimal create answers VideoSDK's room object", async () => {
    const { emu, api } = await setup();
    const { status, body } = await api.post("/rooms", {});
    assert.equal(status, 200);
    assert.deepEqual(Object.keys(body), ["roomId", "userId", "disabled", "createdAt", "updatedAt", "id", "links"]);
    assert.match(body.roomId, ROOM_ID);
    assert.equal(body.userId, emu.videosdk.state.apps[0].userId);
    assert.match(body.userId, /^[0-9a-f]{24}$/);
    assert.match(body.id, /^[0-9a-f]{24}$/);
    assert.equal(body.disabled, false);
    assert.equal(body.createdAt, ISO);
    assert.equal(body.updatedAt, ISO);
    assert.deepEqual(body.links, { get_room: `${VSDK}/rooms/${body.roomId}`, get_session: `${VSDK}/sessions/` });
    assert.equal((await api.post("/rooms")).status, 200, "an empty body creates a room too");
  });

  test("every documented field is kept; autoCloseConfig.duration defaults to 480 minutes", async () => {
    const { api } = await setup();
    const { status, body } = await api.post("/rooms", FULL);
    assert.equal(status, 200, JSON.stringify(body));
    assert.equal(body.customRoomId, "final-testing");
    assert.deepEqual(body.webhook, FULL.webhook);
    assert.deepEqual(body.autoCloseConfig, FULL.autoCloseConfig);
    assert.deepEqual(body.autoStartConfig, FULL.autoStartConfig);
    const defaulted = (await api.post("/rooms", { autoCloseConfig: { type: "session-ends" } })).body;
    assert.deepEqual(defaulted.autoCloseConfig, { type: "session-ends", duration: 480 });
  });

  test("the same customRoomId answers the same room, unchanged; another one a new room", async () => {
    const { api } = await setup();
    const first = (await api.post("/rooms", { customRoomId: "daily-standup" })).body;
    const again = await api.post("/rooms", { customRoomId: "daily-standup", webhook: { endPoint: "https://x.example" } });
    assert.equal(again.status, 200);
    assert.deepEqual(again.body, first);
    const other = (await api.post("/rooms", { customRoomId: "retro" })).body;
    assert.notEqual(other.roomId, first.roomId);
    assert.equal((await api.get("/rooms")).body.pageInfo.total, 2);
  });

  test("geoFence, multiComposition, allowedParticipantIds are kept and checked; list filters by query", async () => {
    const { api } = await setup();
    const extra = { geoFence: "eu001", multiComposition: { recording: true, rtmp: false }, allowedParticipantIds: ["ann"] };
    const room = (await api.post("/rooms", { customRoomId: "fenced", ...extra })).body;
    assert.deepEqual([room.geoFence, room.multiComposition, room.allowedParticipantIds], [extra.geoFence, extra.multiComposition, extra.allowedParticipantIds]);
    assert.ok(!("geoFence" in (await api.post("/rooms", {})).body));
    assertVideoSdkError(assert, await api.post("/rooms", { multiComposition: { sip: true } }), 400, /multiComposition.sip is not supported/);
    assertVideoSdkError(assert, await api.post("/rooms", { allowedParticipantIds: "ann" }), 400, /allowedParticipantIds must be an array/);
    assert.deepEqual((await api.get("/rooms?query=fenced")).body.data.map((r) => r.roomId), [room.roomId]);
    assert.deepEqual((await api.get(`/rooms?query=${room.roomId}`)).body.data.map((r) => r.roomId), [room.roomId]);
  });

  test("region is discontinued -> 400 saying so", async () => {
    const { api } = await setup();
    assertVideoSdkError(assert, await api.post("/rooms", { region: "sg001" }), 400, /region is discontinued/);
  });

  const INVALID = [
    [{ customRoomId: 7 }, /customRoomId must be a non-empty string/],
    [{ customRoomId: "" }, /customRoomId must be a non-empty string/],
    [{ webhook: "see example" }, /webhook must be an object/],
    [{ webhook: { events: ["session-started"] } }, /webhook.endPoint is required/],
    [{ webhook: { endPoint: "ftp://x" } }, /webhook.endPoint must be an http\(s\) URL/],
    [{ webhook: { endPoint: "https://x.example", events: "session-started" } }, /webhook.events must be an array/],
    [{ webhook: { endPoint: "https://x.example", events: ["session.open"] } }, /"session.open" is not an event/],
    [{ autoCloseConfig: {} }, /autoCloseConfig.type must be one of session-ends, session-end-and-deactivate/],
    [{ autoCloseConfig: { type: "session-ends", duration: 0 } }, /autoCloseConfig.duration/],
    [{ autoCloseConfig: { type: "session-ends", duration: 1.5 } }, /autoCloseConfig.duration/],
    [{ autoStartConfig: { livestream: {} } }, /autoStartConfig.livestream is not supported/],
    [{ autoStartConfig: { recording: true } }, /autoStartConfig.recording must be an object/],
    [{ autoStartConfig: { recording: { config: { layout: { type: "MOSAIC" } } } } }, /autoStartConfig.recording.config.layout.type must be one of GRID, SPOTLIGHT, SIDEBAR/],
    [{ autoStartConfig: { hls: { config: { layout: { priority: "LOUDEST" } } } } }, /layout.priority must be one of SPEAKER, PIN/],
    [{ autoStartConfig: { hls: { config: { layout: { gridSize: 5 } } } } }, /autoStartConfig.hls.config.layout.gridSize must be an integer from 1 to 4/],
    [{ autoStartConfig: { recording: { config: { theme: "dark" } } } }, /config.theme must be one of DARK, LIGHT, DEFAULT/],
    [{ autoStartConfig: { recording: { config: { mode: "video" } } } }, /config.mode must be one of video-and-audio, audio/],
    [{ autoStartConfig: { recording: { config: { quality: "ultra" } } } }, /config.quality must be one of low, med, high/],
    [{ autoStartConfig: { hls: { config: { orientation: "square" } } } }, /config.orientation must be one of portrait, landscape/],
    [{ autoStartConfig: { recording: { theme: "NEON" } } }, /autoStartConfig.recording.theme must be one of/],
    [{ autoStartConfig: { recording: { awsDirPath: 3 } } }, /autoStartConfig.recording.awsDirPath must be a non-empty string/],
    [{ autoStartConfig: { hls: { templateUrl: "" } } }, /autoStartConfig.hls.templateUrl must be a non-empty string/],
  ];

  test("each documented rule answers 400 naming the field", async () => {
    const { api } = await setup();
    for (const [body, message] of INVALID) {
      assertVideoSdkError(assert, await api.post("/rooms", body), 400, message);
    }
    assert.equal((await api.get("/rooms")).body.pageInfo.total, 0, "nothing was created");
  });

  test("an invalid body with a known customRoomId still fails", async () => {
    const { api } = await setup();
    await api.post("/rooms", { customRoomId: "known" });
    assertVideoSdkError(assert, await api.post("/rooms", { customRoomId: "known", region: "in002" }), 400);
  });
});

describe("fetch and list rooms", () => {
  test("GET /rooms/:roomId takes the roomId, the id or the customRoomId; unknown -> 404", async () => {
    const { api } = await setup();
    const room = (await api.post("/rooms", { customRoomId: "by-custom" })).body;
    for (const id of [room.roomId, room.id, "by-custom"]) assert.deepEqual((await api.get(`/rooms/${id}`)).body, room);
    assertVideoSdkError(assert, await api.get("/rooms/zzz-zzzz-zzzz"), 404, /Room not found: zzz-zzzz-zzzz/);
  });

  test("page-based paging: pageInfo {currentPage, perPage, lastPage, total} and data in creation order", async () => {
    const { api } = await setup();
    const ids = [];
    for (let i = 0; i < 5; i++) ids.push((await api.post("/rooms", {})).body.roomId);
    const page2 = (await api.get("/rooms?page=2&perPage=2")).body;
    assert.deepEqual(page2.pageInfo, { currentPage: 2, perPage: 2, lastPage: 3, total: 5 });
    assert.deepEqual(page2.data.map((r) => r.roomId), ids.slice(2, 4));
    assert.deepEqual((await api.get("/rooms?page=3&perPage=2")).body.data.map((r) => r.roomId), ids.slice(4));
    assert.deepEqual((await api.get("/rooms?page=9&perPage=2")).body.data, []);
    const all = (await api.get("/rooms")).body;
    assert.deepEqual(all.pageInfo, { currentPage: 1, perPage: 20, lastPage: 1, total: 5 });
  });

  test("an empty list has lastPage 1; bad page or perPage -> 400", async () => {
    const { api } = await setup();
    assert.deepEqual((await api.get("/rooms")).body, { pageInfo: { currentPage: 1, perPage: 20, lastPage: 1, total: 0 }, data: [] });
    for (const query of ["page=0", "page=x", "perPage=0", "perPage=101", "perPage=2.5", "page=-1"]) {
      assertVideoSdkError(assert, await api.get(`/rooms?${query}`), 400, /must be an integer/);
    }
  });
});

describe("validate and deactivate", () => {
  test("validate answers the room for its roomId or customRoomId; unknown -> 404", async () => {
    const { api } = await setup();
    const room = (await api.post("/rooms", { customRoomId: "checked" })).body;
    assert.deepEqual((await api.get(`/rooms/validate/${room.roomId}`)).body, room);
    assert.deepEqual((await api.get("/rooms/validate/checked")).body, room);
    assertVideoSdkError(assert, await api.get("/rooms/validate/abc-defg-hijk"), 404, /Room not found/);
  });

  test("deactivate takes {roomId}, answers the disabled room, and a deactivated room fails validation", async () => {
    const { api, clock } = await setup();
    const room = (await api.post("/rooms", { customRoomId: "to-close" })).body;
    clock.advance(1000);
    const { status, body } = await api.post("/rooms/deactivate", { roomId: room.roomId });
    assert.equal(status, 200);
    assert.equal(body.disabled, true);
    assert.equal(body.updatedAt, "2025-03-01T10:00:01.000Z");
    assert.equal(body.createdAt, room.createdAt);
    assertVideoSdkError(assert, await api.get(`/rooms/validate/${room.roomId}`), 400, /is deactivated/);
    assert.equal((await api.get(`/rooms/${room.roomId}`)).body.disabled, true, "it can still be fetched");
    clock.advance(1000);
    assert.deepEqual((await api.post("/rooms/deactivate", { roomId: room.roomId })).body, body, "again: same answer");
  });

  test("deactivate: a customRoomId -> 402, unknown -> 404, no roomId -> 400", async () => {
    const { api } = await setup();
    await api.post("/rooms", { customRoomId: "custom-only" });
    assertVideoSdkError(assert, await api.post("/rooms/deactivate", { roomId: "custom-only" }), 402, /is a customRoomId/);
    assertVideoSdkError(assert, await api.post("/rooms/deactivate", { roomId: "abc-defg-hijk" }), 404);
    assertVideoSdkError(assert, await api.post("/rooms/deactivate", {}), 400, /roomId is required/);
    assertVideoSdkError(assert, await api.post("/rooms/deactivate", { roomId: 5 }), 400, /roomId must be a non-empty string/);
  });

  test("deactivating ends the live session, and nobody can join again", async () => {
    const { emu, api } = await setup();
    const { room, session } = await liveRoom(emu, api);
    await api.post("/rooms/deactivate", { roomId: room.roomId });
    const ended = (await api.get(`/sessions/${session.id}`)).body;
    assert.equal(ended.status, "ended");
    await assert.rejects(emu.videosdk.join(room.roomId, { name: "late" }), (error) => {
      assert.equal(error.status, 403);
      assert.match(error.message, /is deactivated/);
      return true;
    });
  });
});
