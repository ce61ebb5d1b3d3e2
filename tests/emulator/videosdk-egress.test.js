// The VideoSDK calls the official SDKs make beyond rooms, sessions and the room's own media:
// session filters and stats, participant / track / composite recordings and their merges, HLS
// capture, transcodings and realtime transcription (under /videosdk/ai/v1).

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { JOB_STARTUP_MS } from "../../js/emulator/videosdk/jobs.js";
import { ORIGIN, assertVideoSdkError, call, liveRoom, setup } from "./videosdk-helpers.js";

const AI = `${ORIGIN}/videosdk/ai/v1`;
const ai = (emu, api, method, path, body) => call(emu, method, `${AI}${path}`, { body, authorization: api.token });

describe("sessions: status filter and stats", () => {
  test("status=ongoing&perPage=1 answers the live session, not an ended one", async () => {
    const { emu, api, clock } = await setup();
    const { room, session: first } = await liveRoom(emu, api);
    await api.post("/sessions/end", { roomId: room.roomId });
    clock.advance(1000);
    const { session: second } = await liveRoom(emu, api, { customRoomId: "other" });
    await emu.videosdk.join(room.roomId, { participantId: "bob", name: "bob" });
    const live = (await api.get(`/sessions?roomId=${room.roomId}&status=ongoing&perPage=1`)).body;
    assert.equal(live.data.length, 1);
    assert.notEqual(live.data[0].id, first.id);
    assert.equal(live.data[0].status, "ongoing");
    assert.equal(live.data[0].roomId, room.roomId);
    const ended = (await api.get("/sessions?status=ended")).body;
    assert.deepEqual(ended.data.map((s) => s.id), [first.id]);
    assert.ok(second.id);
    assertVideoSdkError(assert, await api.get("/sessions?status=live"), 400, /status must be one of ongoing, ended/);
  });

  test("session stats and one participant's stats", async () => {
    const { emu, api, clock } = await setup();
    const { session } = await liveRoom(emu, api, {}, ["ann", "ben"]);
    clock.advance(60_000);
    const stats = (await api.get(`/sessions/${session.id}/stats`)).body;
    assert.equal(stats.sessionId, session.id);
    assert.equal(stats.participantCount, 2);
    assert.equal(stats.durationSec, 60);
    const ann = (await api.get(`/sessions/${session.id}/participant/ann/stats`)).body;
    assert.equal(ann.participantId, "ann");
    assert.equal(ann.durationSec, 60);
    assert.deepEqual(ann.resolutionUsage, { "1280x720": 60 });
    assertVideoSdkError(assert, await api.get(`/sessions/${session.id}/participant/zed/stats`), 404);
    assertVideoSdkError(assert, await api.get("/sessions/nope/stats"), 404, /Session not found/);
  });
});

describe("participant, track and composite recordings, merges", () => {
  test("a participant recording: start, one at a time, stop, list, get, delete", async () => {
    const { emu, api, clock } = await setup();
    const { room, session } = await liveRoom(emu, api, {}, ["ann", "ben"]);
    assertVideoSdkError(assert, await api.post("/recordings/participant/start", { roomId: room.roomId }), 400, /participantId is required/);
    assertVideoSdkError(assert, await api.post("/recordings/participant/start", { roomId: room.roomId, participantId: "ann", fileFormat: "avi" }), 400, /fileFormat must be one of mp4, webm, m3u8/);
    assertVideoSdkError(assert, await api.post("/recordings/participant/start", { roomId: room.roomId, participantId: "zed" }), 404, /not in the live session/);
    const started = await api.post("/recordings/participant/start", { roomId: room.roomId, participantId: "ann", fileFormat: "webm", bucketDirPath: "p/" });
    assert.equal(started.status, 200);
    assert.equal(typeof started.body, "string");
    assertVideoSdkError(assert, await api.post("/recordings/participant/start", { roomId: room.roomId, participantId: "ann" }), 409, /already running/);
    clock.advance(JOB_STARTUP_MS);
    assert.equal(typeof (await api.post("/recordings/participant/stop", { roomId: room.roomId, participantId: "ann" })).body, "string");
    assertVideoSdkError(assert, await api.post("/recordings/participant/stop", { roomId: room.roomId, participantId: "ann" }), 409);
    const list = (await api.get(`/recordings/participant?sessionId=${session.id}&participantId=ann`)).body;
    assert.equal(list.pageInfo.total, 1);
    const [recording] = list.data;
    assert.equal(recording.participantName, "ann");
    assert.equal(recording.status, "stopped");
    assert.match(recording.files[0].fileUrl, /\.webm$/);
    assert.deepEqual((await api.get(`/recordings/participant/${recording.id}`)).body, recording);
    assert.equal(typeof (await api.delete(`/recordings/participant/${recording.id}`)).body, "string");
    assertVideoSdkError(assert, await api.get(`/recordings/participant/${recording.id}`), 404);
  });

  test("a track recording names its track kind; webm by default, as the SDKs say", async () => {
    const { emu, api } = await setup();
    const { room } = await liveRoom(emu, api, {}, ["ann"]);
    assertVideoSdkError(assert, await api.post("/recordings/participant/track/start", { roomId: room.roomId, participantId: "ann", kind: "mic" }), 400, /kind must be one of/);
    await api.post("/recordings/participant/track/start", { roomId: room.roomId, participantId: "ann", kind: "audio" });
    await api.post("/recordings/participant/track/start", { roomId: room.roomId, participantId: "ann", kind: "video" });
    await api.post("/recordings/participant/track/stop", { roomId: room.roomId, participantId: "ann", kind: "audio" });
    const tracks = (await api.get("/recordings/participant/track")).body.data;
    assert.deepEqual(tracks.map((t) => [t.kind, t.status]), [["audio", "stopped"], ["video", "starting"]]);
    assert.match(tracks[0].files[0].fileUrl, /\.webm$/);
    assert.equal(tracks[0].files[0].fileFormat, "webm");
    assertVideoSdkError(assert, await api.delete(`/recordings/participant/track/${tracks[1].id}`), 409, /still running/);
  });

  test("a composite recording answers the id its stop takes; the session's end stops it", async () => {
    const { emu, api } = await setup();
    const { room } = await liveRoom(emu, api, {}, ["ann", "ben"]);
    assertVideoSdkError(assert, await api.post("/recordings/composite/start", { roomId: room.roomId, watermarks: [{ type: "logo" }] }), 400, /watermarks\[0\]\.type/);
    const started = (await api.post("/recordings/composite/start", { roomId: room.roomId, participants: [{ participantId: "ann", kind: ["video"] }] })).body;
    assert.equal(started.recordingId, started.id);
    assert.equal(started.meetingId, room.roomId);
    assertVideoSdkError(assert, await api.post("/recordings/composite/stop", { roomId: room.roomId }), 400, /recordingId is required/);
    await api.post("/sessions/end", { roomId: room.roomId });
    const stopped = (await api.get(`/recordings/composite/${started.id}`)).body;
    assert.equal(stopped.status, "stopped");
    assert.ok(stopped.file.fileUrl);
    assertVideoSdkError(assert, await api.post("/recordings/composite/stop", { roomId: room.roomId, recordingId: started.id }), 409);
  });

  test("a merge of two channels: checked, processing, then completed; listed under recordings", async () => {
    const { emu, api, clock } = await setup();
    const { room, session } = await liveRoom(emu, api, {}, ["ann", "ben"]);
    await api.post("/recordings/participant/start", { roomId: room.roomId, participantId: "ann" });
    await api.post("/recordings/participant/stop", { roomId: room.roomId, participantId: "ann" });
    const [annRecording] = (await api.get("/recordings/participant")).body.data;
    assertVideoSdkError(assert, await api.post("/recordings/participant/merge", { sessionId: session.id, channel1: [], channel2: [{ participantId: "ben" }] }), 400, /channel1 must be a non-empty array/);
    assertVideoSdkError(assert, await api.post("/recordings/participant/merge", { sessionId: session.id, channel1: [{ participantId: "zed" }], channel2: [{ participantId: "ben" }] }), 400, /zed was not in session/);
    assertVideoSdkError(assert, await api.post("/recordings/participant/merge", { sessionId: session.id, channel1: [{ participantId: "ben", recordingId: annRecording.id }], channel2: [{ participantId: "ann" }] }), 400, /recordingId/);
    const { message, recording } = (await api.post("/recordings/participant/merge", {
      sessionId: session.id, channel1: [{ participantId: "ann", recordingId: annRecording.id }], channel2: [{ participantId: "ben" }],
    })).body;
    assert.equal(typeof message, "string");
    assert.equal(recording.status, "processing");
    assert.equal(recording.meetingId, room.roomId);
    clock.advance(JOB_STARTUP_MS);
    const listed = (await api.get(`/recordings/participant/merge?sessionId=${session.id}`)).body;
    assert.deepEqual(Object.keys(listed), ["pageInfo", "recordings"]);
    assert.equal(listed.recordings[0].status, "completed");
    assert.deepEqual((await api.get(`/recordings/participant/merge/${recording.id}`)).body, listed.recordings[0]);
    assert.equal((await api.get("/recordings/participant/merge?status=processing")).body.recordings.length, 0);
  });
});

describe("HLS capture and transcodings", () => {
  test("capture needs a running HLS and checks its format and size", async () => {
    const { emu, api } = await setup();
    const { room } = await liveRoom(emu, api);
    assertVideoSdkError(assert, await api.post("/hls/capture", { roomId: room.roomId }), 409, /No HLS is running/);
    await api.post("/hls/start", { roomId: room.roomId });
    assertVideoSdkError(assert, await api.post("/hls/capture", { roomId: room.roomId, format: "gif" }), 400, /format must be one of png, jpg, webp/);
    assertVideoSdkError(assert, await api.post("/hls/capture", { roomId: room.roomId, width: 0 }), 400, /width must be an integer/);
    assertVideoSdkError(assert, await api.post("/hls/capture", { roomId: room.roomId, time: 2 ** 32 }), 400, /time must be an integer from 0 to 4294967295/);
    // No bound beyond the SDKs' u32: a 4K frame an hour in is fine.
    assert.equal((await api.post("/hls/capture", { roomId: room.roomId, width: 3840, height: 2160, time: 3600 })).status, 200);
    const shot = (await api.post("/hls/capture", { roomId: room.roomId, format: "jpg", width: 640, height: 360, time: 3 })).body;
    assert.equal(shot.roomId, room.roomId);
    assert.match(shot.fileName, /\.jpg$/);
    assert.deepEqual({ ...shot.meta, hlsId: undefined }, { format: "jpg", width: 640, height: 360, time: 3, hlsId: undefined });
  });

  test("merge, hls-to-mp4 and meeting-recording-merge: pending, processing, completed; cancel; list filters", async () => {
    const { emu, api, clock } = await setup();
    const { room } = await liveRoom(emu, api, {}, ["ann"]);
    await api.post("/recordings/start", { roomId: room.roomId });
    await api.post("/recordings/participant/start", { roomId: room.roomId, participantId: "ann" });
    await api.post("/recordings/participant/track/start", { roomId: room.roomId, participantId: "ann", kind: "audio" });
    const hls = (await api.post("/hls/start", { roomId: room.roomId })).body;
    assertVideoSdkError(assert, await api.post("/transcodings/hls-to-mp4", { hlsId: hls.id }), 409, /still running/);
    await api.post("/sessions/end", { roomId: room.roomId });
    const [recording] = (await api.get("/recordings")).body.data;
    const [individual] = (await api.get("/recordings/participant")).body.data;
    const [track] = (await api.get("/recordings/participant/track")).body.data;
    // A merge composes individual recordings (participant or track ones), not room recordings.
    assertVideoSdkError(assert, await api.post("/transcodings/merge", { recordingIds: [recording.id] }), 400, new RegExp(`no recording ${recording.id}`));
    assertVideoSdkError(assert, await api.post("/transcodings/merge", { recordingIds: [] }), 400, /recordingIds must be a non-empty array/);
    assertVideoSdkError(assert, await api.post("/transcodings/merge", { recordingIds: ["nope"] }), 400, /no recording nope/);
    assertVideoSdkError(assert, await api.post("/transcodings/hls-to-mp4", {}), 400, /one of hlsId, sessionId or roomId/);
    const merged = (await api.post("/transcodings/merge", { recordingIds: [individual.id, track.id], watermark: { type: "timestamp" } })).body;
    assert.deepEqual([merged.task, merged.status, merged.stoppedAt], ["composite-merge", "pending", null]);
    assert.deepEqual(merged.recordingIds, [individual.id, track.id]);
    const toMp4 = (await api.post("/transcodings/hls-to-mp4", { roomId: room.roomId })).body;
    assert.equal(toMp4.hlsId, hls.id);
    const meeting = (await api.post("/transcodings/meeting-recording-merge", { recordingIds: [{ id: recording.id, presignedUrl: "https://up.invalid/x" }] })).body;
    assert.deepEqual(meeting.recordingIds, [recording.id]);
    clock.advance(JOB_STARTUP_MS);
    assert.equal((await api.get(`/transcodings/${merged.id}`)).body.status, "processing");
    assert.equal((await api.post(`/transcodings/${merged.id}/cancel`)).body.status, "cancelled");
    assertVideoSdkError(assert, await api.post(`/transcodings/${merged.id}/cancel`), 409, /cancelled/);
    clock.advance(JOB_STARTUP_MS);
    const done = (await api.get("/transcodings?status=completed&perPage=1")).body;
    assert.deepEqual(done.pageInfo, { currentPage: 1, perPage: 1, lastPage: 2, total: 2 });
    assert.ok(done.data[0].file.fileUrl);
    assert.equal((await api.get(`/transcodings?hlsId=${hls.id}`)).body.data[0].id, toMp4.id);
    assertVideoSdkError(assert, await api.get("/transcodings?status=done"), 400);
    assertVideoSdkError(assert, await api.get("/transcodings/nope"), 404);
  });
});

describe("realtime transcription (/videosdk/ai/v1)", () => {
  test("start, one per room, get, stop with its files, list under transcriptions", async () => {
    const { emu, api, clock } = await setup();
    const { room, session } = await liveRoom(emu, api);
    assertVideoSdkError(assert, await ai(emu, api, "POST", "/realtime-transcriptions/start", { roomId: room.roomId, summary: { enabled: "yes" } }), 400, /summary\.enabled/);
    const started = (await ai(emu, api, "POST", "/realtime-transcriptions/start", { roomId: room.roomId, language: "en", summary: { enabled: true } })).body;
    // The room and session only under extension.extensionConfig, where both SDKs look.
    assert.equal(started.roomId, undefined);
    assert.equal(started.sessionId, undefined);
    assert.deepEqual(started.extension.extensionConfig, { roomId: room.roomId, sessionId: session.id });
    assert.deepEqual([started.transcriptionFilePaths, started.summarizedFilePaths], [{}, {}]);
    assertVideoSdkError(assert, await ai(emu, api, "POST", "/realtime-transcriptions/start", { roomId: room.roomId }), 409, /already running/);
    clock.advance(JOB_STARTUP_MS);
    assert.equal((await ai(emu, api, "GET", `/realtime-transcriptions/${started.id}`)).body.status, "started");
    const stopped = (await ai(emu, api, "POST", "/realtime-transcriptions/end", { roomId: room.roomId })).body;
    assert.equal(stopped.status, "stopped");
    assert.match(stopped.transcriptionFilePaths.txt, /\.txt$/);
    assert.match(stopped.summarizedFilePaths.txt, /summary\.txt$/);
    assertVideoSdkError(assert, await ai(emu, api, "POST", "/realtime-transcriptions/end", { roomId: room.roomId }), 409);
    const list = (await ai(emu, api, "GET", "/realtime-transcriptions?status=stopped")).body;
    assert.deepEqual(Object.keys(list), ["pageInfo", "transcriptions"]);
    assert.equal(list.transcriptions[0].id, started.id);
    assert.equal(list.transcriptions[0].roomId, undefined);
    // status=videosdk, the one value the SDKs document, selects by provider: every one.
    assert.deepEqual((await ai(emu, api, "GET", "/realtime-transcriptions?status=videosdk")).body.transcriptions.map((t) => t.id), [started.id]);
    assert.deepEqual((await ai(emu, api, "GET", "/realtime-transcriptions?status=started")).body.transcriptions, []);
    assertVideoSdkError(assert, await call(emu, "GET", `${AI}/realtime-transcriptions`), 401);
    assert.equal(emu.videosdk.state.transcriptions.length, 1);
  });
});
