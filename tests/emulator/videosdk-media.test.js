// VideoSDK media jobs: recordings, HLS and RTMP live streams move starting -> started (after
// JOB_STARTUP_MS on the emulator's clock) -> stopped; their bodies follow the create-room
// page's enums; a session's end stops them; autoStartConfig starts them on the first join.

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { JOB_STARTUP_MS } from "../../js/emulator/videosdk/jobs.js";
import { VSDK, assertVideoSdkError, liveRoom, setup, videoSdkClient } from "./videosdk-helpers.js";

const at = (ms) => new Date(Date.parse("2025-03-01T10:00:00.000Z") + ms).toISOString();
const OTHER = { apiKey: "other-videosdk-key", secret: "other-videosdk-secret-0123456789" };

describe("recordings", () => {
  test("start answers VideoSDK's string; the recording goes starting -> started -> stopped with a file", async () => {
    const { emu, api, clock } = await setup();
    const { room, session } = await liveRoom(emu, api);
    const config = { layout: { type: "SPOTLIGHT", priority: "PIN", gridSize: 2 }, theme: "DEFAULT", mode: "audio", quality: "med", orientation: "portrait" };
    const start = await api.post("/recordings/start", { roomId: room.roomId, config, awsDirPath: "dir/x", webhookUrl: "https://h.example" });
    assert.equal(start.status, 200, start.text);
    assert.equal(start.body, "Recording started successfully");

    const [starting] = (await api.get(`/recordings?roomId=${room.roomId}`)).body.data;
    assert.equal(starting.status, "starting");
    assert.equal(starting.sessionId, session.id);
    assert.deepEqual(starting.config, config);
    assert.equal(starting.awsDirPath, "dir/x");
    assert.equal(starting.start, at(0));
    assert.equal(starting.end, null);
    assert.deepEqual(starting.links, { get_room: `${VSDK}/rooms/${room.roomId}`, get_session: `${VSDK}/sessions/${session.id}` });
    assert.ok(!("file" in starting));

    clock.advance(JOB_STARTUP_MS - 1);
    assert.equal((await api.get(`/recordings/${starting.id}`)).body.status, "starting");
    clock.advance(1);
    const started = (await api.get(`/recordings/${starting.id}`)).body;
    assert.equal(started.status, "started");
    assert.equal(started.updatedAt, at(JOB_STARTUP_MS));

    clock.advance(60_000);
    assert.equal((await api.post("/recordings/end", { roomId: room.roomId })).body, "Recording stopped successfully");
    const stopped = (await api.get(`/recordings/${starting.id}`)).body;
    assert.equal(stopped.status, "stopped");
    assert.equal(stopped.end, at(JOB_STARTUP_MS + 60_000));
    assert.match(stopped.file.fileUrl, /^https:\/\/cdn\.emulator\.invalid\/.+\.mp4$/);
    assertVideoSdkError(assert, await api.post("/recordings/end", { roomId: room.roomId }), 409, /No Recording is running/);
  });

  test("end takes the job's id (the official SDK's stop({ roomId, id })); lists filter by query and take withTranscription", async () => {
    const { emu, api } = await setup();
    const { room } = await liveRoom(emu, api);
    await api.post("/recordings/start", { roomId: room.roomId });
    const [job] = (await api.get(`/recordings?query=${room.roomId}&withTranscription=true`)).body.data;
    assert.equal(job.roomId, room.roomId);
    assert.deepEqual((await api.get("/recordings?query=no-such-room")).body.data, []);
    assert.equal((await api.get(`/recordings?query=${room.roomId.slice(0, 4)}.*`)).body.data.length, 1);
    assertVideoSdkError(assert, await api.get("/recordings?withTranscription=yes"), 400, /withTranscription must be true or false/);
    assertVideoSdkError(assert, await api.post("/recordings/end", { roomId: room.roomId, id: "other" }), 404, /Recording not found/);
    assert.equal((await api.post("/recordings/end", { roomId: room.roomId, id: job.id })).body, "Recording stopped successfully");
    assert.equal((await api.get(`/recordings/${job.id}`)).body.status, "stopped");
  });

  test("start keeps onFailure, fileFormat, resourceId, preSignedUrl and checks them", async () => {
    const { emu, api } = await setup();
    const { room } = await liveRoom(emu, api);
    assertVideoSdkError(assert, await api.post("/recordings/start", { roomId: room.roomId, fileFormat: "mkv" }), 400, /fileFormat must be one of mp4, webm/);
    assertVideoSdkError(assert, await api.post("/recordings/start", { roomId: room.roomId, onFailure: { action: "close-room", waitTime: 151 } }), 400, /waitTime/);
    const onFailure = { action: "close-room", waitTime: 30 };
    const start = await api.post("/recordings/start", { roomId: room.roomId, onFailure, fileFormat: "webm", resourceId: "res-1", preSignedUrl: "https://up.example/x" });
    assert.equal(start.status, 200, start.text);
    const [job] = (await api.get(`/recordings?roomId=${room.roomId}`)).body.data;
    assert.deepEqual([job.onFailure, job.fileFormat, job.resourceId, job.preSignedUrl], [onFailure, "webm", "res-1", "https://up.example/x"]);
  });

  test("start needs a live session and one recording at a time; roomId must be a roomId", async () => {
    const { emu, api } = await setup();
    const idle = (await api.post("/rooms", { customRoomId: "idle" })).body;
    assertVideoSdkError(assert, await api.post("/recordings/start", { roomId: idle.roomId }), 409, /no active session/);
    assertVideoSdkError(assert, await api.post("/recordings/start", { roomId: "idle" }), 402, /customRoomId/);
    assertVideoSdkError(assert, await api.post("/recordings/start", { roomId: "abc-defg-hijk" }), 404);
    assertVideoSdkError(assert, await api.post("/recordings/start", {}), 400, /roomId is required/);
    const { room } = await liveRoom(emu, api);
    await api.post("/recordings/start", { roomId: room.roomId });
    assertVideoSdkError(assert, await api.post("/recordings/start", { roomId: room.roomId }), 409, /already running/);
  });

  test("config enums and types are checked -> 400 naming the field", async () => {
    const { emu, api } = await setup();
    const { room } = await liveRoom(emu, api);
    const cases = [
      [{ config: "configObj" }, /config must be an object/],
      [{ config: { layout: { type: "grid" } } }, /config.layout.type must be one of GRID, SPOTLIGHT, SIDEBAR/],
      [{ config: { layout: { priority: "ACTIVE" } } }, /config.layout.priority must be one of SPEAKER, PIN/],
      [{ config: { layout: { gridSize: 5 } } }, /config.layout.gridSize must be an integer from 1 to 4/],
      [{ config: { layout: { gridSize: "4" } } }, /gridSize/],
      [{ config: { theme: "BLUE" } }, /config.theme must be one of DARK, LIGHT, DEFAULT/],
      [{ config: { mode: "video" } }, /config.mode must be one of video-and-audio, audio/],
      [{ config: { quality: "hd" } }, /config.quality must be one of low, med, high/],
      [{ config: { orientation: "up" } }, /config.orientation must be one of portrait, landscape/],
      [{ templateUrl: 5 }, /templateUrl must be a non-empty string/],
      [{ awsDirPath: "" }, /awsDirPath must be a non-empty string/],
      [{ transcription: true }, /transcription must be an object/],
    ];
    for (const [body, message] of cases) {
      assertVideoSdkError(assert, await api.post("/recordings/start", { roomId: room.roomId, ...body }), 400, message);
    }
    assert.equal((await api.get("/recordings")).body.pageInfo.total, 0);
  });

  test("list filters by roomId and sessionId and pages; delete only once stopped", async () => {
    const { emu, api } = await setup();
    const one = await liveRoom(emu, api);
    const two = await liveRoom(emu, api);
    await api.post("/recordings/start", { roomId: one.room.roomId });
    await api.post("/recordings/start", { roomId: two.room.roomId });
    assert.equal((await api.get("/recordings")).body.pageInfo.total, 2);
    const bySession = (await api.get(`/recordings?sessionId=${two.session.id}&perPage=1`)).body;
    assert.deepEqual(bySession.pageInfo, { currentPage: 1, perPage: 1, lastPage: 1, total: 1 });
    const { id } = bySession.data[0];
    assert.equal(bySession.data[0].roomId, two.room.roomId);

    assertVideoSdkError(assert, await api.delete(`/recordings/${id}`), 409, /still running/);
    await api.post("/recordings/end", { roomId: two.room.roomId });
    assert.equal((await api.delete(`/recordings/${id}`)).body, "Recording deleted successfully");
    assertVideoSdkError(assert, await api.get(`/recordings/${id}`), 404, /Recording not found/);
    assertVideoSdkError(assert, await api.delete(`/recordings/${id}`), 404);
  });

  test("another app's recordings do not exist for the caller", async () => {
    const { emu, api } = await setup({ videosdkApps: [{ apiKey: "emulator-videosdk-key", secret: "emulator-videosdk-secret-do-not-use-in-production" }, OTHER] });
    const other = await videoSdkClient(emu, { app: OTHER });
    const { room } = await liveRoom(emu, api);
    await api.post("/recordings/start", { roomId: room.roomId });
    const { id } = (await api.get("/recordings")).body.data[0];
    assertVideoSdkError(assert, await other.get(`/recordings/${id}`), 404);
    assert.equal((await other.get("/recordings")).body.pageInfo.total, 0);
    assertVideoSdkError(assert, await other.post("/recordings/start", { roomId: room.roomId }), 404);
  });
});

describe("HLS", () => {
  test("start answers the HLS object with its URLs; active; end by id; list", async () => {
    const { emu, api, clock } = await setup();
    const { room, session } = await liveRoom(emu, api);
    const { status, body: hls } = await api.post("/hls/start", { roomId: room.roomId, config: { layout: { type: "GRID", gridSize: 25 }, recording: { enabled: true } }, orientation: "portrait" });
    assert.equal(status, 200, JSON.stringify(hls));
    assert.equal(hls.roomId, room.roomId);
    assert.equal(hls.sessionId, session.id);
    assert.equal(hls.status, "starting");
    assert.equal(hls.start, at(0));
    assert.match(hls.playbackHlsUrl, /\/index\.m3u8$/);
    assert.match(hls.livestreamUrl, /\/live\.m3u8$/);
    assert.match(hls.id, /^[0-9a-f]{24}$/);
    assert.equal(hls.links.get_session, `${VSDK}/sessions/${session.id}`);

    clock.advance(JOB_STARTUP_MS);
    // {data: stream}, the room named by the legacy meetingId (as the official SDKs read it).
    const active = (await api.get(`/hls/${room.roomId}/active`)).body.data;
    assert.equal(active.id, hls.id);
    assert.equal(active.status, "started");
    assert.equal(active.meetingId, room.roomId);
    assert.equal(active.roomId, undefined);
    const { meetingId, ...byIdView } = active;
    assert.deepEqual((await api.get(`/hls/${hls.id}`)).body, { ...byIdView, roomId: meetingId });

    assertVideoSdkError(assert, await api.post("/hls/end", { roomId: room.roomId, id: "000000000000000000000000" }), 404, /HLS not found/);
    assert.equal((await api.post("/hls/end", { roomId: room.roomId, id: hls.id })).body, "HLS stopped successfully");
    assert.equal((await api.get(`/hls/${hls.id}`)).body.status, "stopped");
    // Nothing running: data is null (both SDKs take that as "none active").
    const none = await api.get(`/hls/${room.roomId}/active`);
    assert.equal(none.status, 200);
    assert.deepEqual(none.body, { data: null });
    assertVideoSdkError(assert, await api.post("/hls/end", { roomId: room.roomId }), 409);
    assert.deepEqual((await api.get(`/hls?roomId=${room.roomId}`)).body.data.map((h) => h.id), [hls.id]);
    assert.equal((await api.delete(`/hls/${hls.id}`)).body, "HLS deleted successfully");
  });

  test("HLS allows a grid of 25 but not 26; its enums are checked; end by id of another room -> 409", async () => {
    const { emu, api } = await setup();
    const one = await liveRoom(emu, api);
    const two = await liveRoom(emu, api);
    assertVideoSdkError(assert, await api.post("/hls/start", { roomId: one.room.roomId, config: { layout: { gridSize: 26 } } }), 400, /from 1 to 25/);
    assertVideoSdkError(assert, await api.post("/hls/start", { roomId: one.room.roomId, orientation: "wide" }), 400, /^orientation must be one of/);
    assertVideoSdkError(assert, await api.post("/hls/start", { roomId: one.room.roomId, config: { recording: { enabled: "yes" } } }), 400, /recording.enabled must be a boolean/);
    const hls = (await api.post("/hls/start", { roomId: one.room.roomId })).body;
    assertVideoSdkError(assert, await api.post("/hls/end", { roomId: two.room.roomId, id: hls.id }), 409, /with id/);
    assertVideoSdkError(assert, await api.get("/hls/abc-defg-hijk/active"), 404, /Room not found/);
  });
});

describe("RTMP live streams", () => {
  const outputs = [{ url: "rtmp://a.rtmp.youtube.com/live2", streamKey: "xxxx-xxxx" }, { url: "rtmp://live.twitch.tv/app", streamKey: "live_123" }];

  test("start answers VideoSDK's string; the stream keeps its outputs and goes starting -> started -> stopped", async () => {
    const { emu, api, clock } = await setup();
    const { room } = await liveRoom(emu, api);
    const start = await api.post("/livestreams/start", { roomId: room.roomId, outputs, config: { layout: { type: "SPOTLIGHT" }, theme: "DARK" } });
    assert.equal(start.body, "Livestream started successfully", start.text);
    const [stream] = (await api.get("/livestreams")).body.data;
    assert.deepEqual(stream.outputs, outputs);
    assert.equal(stream.status, "starting");
    clock.advance(JOB_STARTUP_MS);
    assert.equal((await api.get(`/livestreams/${stream.id}`)).body.status, "started");
    assert.equal((await api.post("/livestreams/end", { roomId: room.roomId })).body, "Livestream ended successfully");
    assert.equal((await api.get(`/livestreams/${stream.id}`)).body.status, "stopped");
    assertVideoSdkError(assert, await api.get("/livestreams/000000000000000000000000"), 404, /Livestream not found/);
    assertVideoSdkError(assert, await api.delete(`/livestreams/${stream.id}`), 405);
  });

  test("outputs are required, non-empty, each { url, streamKey }", async () => {
    const { emu, api } = await setup();
    const { room } = await liveRoom(emu, api);
    const cases = [
      [{}, /outputs is required/],
      [{ outputs: [] }, /non-empty array/],
      [{ outputs: "[{ streamKey, url }]" }, /non-empty array/],
      [{ outputs: ["rtmp://x"] }, /outputs\[0\] must be an object/],
      [{ outputs: [{ streamKey: "k" }] }, /outputs\[0\].url must be a non-empty string/],
      [{ outputs: [outputs[0], { url: "rtmp://x" }] }, /outputs\[1\].streamKey must be a string/],
      [{ outputs, config: { layout: { gridSize: 9 } } }, /gridSize must be an integer from 1 to 4/],
    ];
    for (const [body, message] of cases) {
      assertVideoSdkError(assert, await api.post("/livestreams/start", { roomId: room.roomId, ...body }), 400, message);
    }
  });
});

describe("jobs and sessions", () => {
  test("ending the session stops every running job of it", async () => {
    const { emu, api, clock } = await setup();
    const { room } = await liveRoom(emu, api);
    await api.post("/recordings/start", { roomId: room.roomId });
    await api.post("/hls/start", { roomId: room.roomId });
    await api.post("/livestreams/start", { roomId: room.roomId, outputs: [{ url: "rtmp://x/app", streamKey: "k" }] });
    clock.advance(1000); // still starting: they stop without ever having started
    await emu.videosdk.leave(room.roomId, "alice");
    const { recordings, hls, livestreams } = emu.videosdk.state;
    for (const job of [...recordings, ...hls, ...livestreams]) {
      assert.equal(job.status, "stopped");
      assert.equal(job.end, at(1000));
    }
  });

  test("autoStartConfig starts a recording and HLS with the session, with the room's configs", async () => {
    const { emu, api, clock } = await setup();
    const autoStartConfig = { recording: { config: { layout: { type: "GRID", gridSize: 4 } }, awsDirPath: "auto/" }, hls: { config: { theme: "LIGHT" } } };
    const { room, session } = await liveRoom(emu, api, { autoStartConfig });
    const [recording] = (await api.get("/recordings")).body.data;
    assert.equal(recording.sessionId, session.id);
    assert.deepEqual(recording.config, autoStartConfig.recording.config);
    assert.equal(recording.awsDirPath, "auto/");
    clock.advance(JOB_STARTUP_MS);
    const hls = (await api.get(`/hls/${room.roomId}/active`)).body.data;
    assert.deepEqual(hls.config, { theme: "LIGHT" });
    assert.equal(hls.status, "started");
  });

  test("an auto-closed session stops its jobs at the close time", async () => {
    const { emu, api, clock } = await setup();
    const { room } = await liveRoom(emu, api, { autoCloseConfig: { type: "session-ends", duration: 1 } });
    await api.post("/recordings/start", { roomId: room.roomId });
    clock.advance(5 * 60_000);
    const [recording] = (await api.get("/recordings")).body.data;
    assert.equal(recording.status, "stopped");
    assert.equal(recording.end, at(60_000));
    assert.equal(recording.updatedAt, at(60_000));
  });
});
