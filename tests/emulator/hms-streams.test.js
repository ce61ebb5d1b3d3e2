// Live streams (HLS: timed metadata, pause/resume of their recording) and external streams
// (RTMP out: rtmp_urls required), both through the shared job life cycle.

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { assertError } from "./helpers.js";
import { setup } from "./hms-helpers.js";

describe("live streams", () => {
  test("start answers starting with a playback URL; then running; stop leaves the recording's assets", async () => {
    const { api, room } = await setup();
    const started = await api.post(`/live-streams/room/${room.id}/start`, { meeting_url: "https://app.example/m", recording: { hls_vod: true, single_file_per_layer: true } });
    assert.equal(started.status, 200, started.text);
    const stream = started.body;
    assert.equal(stream.status, "starting");
    assert.match(stream.playback.url, /^https:\/\/.+\.m3u8$/);
    assert.deepEqual(stream.recording, { hls_vod: true, single_file_per_layer: true });
    assert.equal(stream.destination, "hls"); // required by the official SDK's type
    assert.equal((await api.get(`/live-streams/${stream.id}`)).body.status, "running");
    assert.equal((await api.post(`/live-streams/${stream.id}/stop`)).body.status, "stopping");
    const done = (await api.get(`/live-streams/${stream.id}`)).body;
    assert.equal(done.status, "completed");
    assert.deepEqual(done.recording_assets.map((a) => [a.type, a.metadata.layer ?? a.metadata.num_layers]), [["room-vod", "2"], ["room-composite", "0"], ["room-composite", "1"]]);
    assert.ok(Array.isArray(done.recording_assets[0].thumbnails));
  });

  test("defaults: no recording, no assets; a second start while running -> 400", async () => {
    const { api, room } = await setup();
    const stream = (await api.post(`/live-streams/room/${room.id}/start`)).body;
    assert.deepEqual(stream.recording, { hls_vod: false, single_file_per_layer: false });
    assertError(assert, await api.post(`/live-streams/room/${room.id}/start`), 400, "Live stream already running");
    assertError(assert, await api.post(`/live-streams/room/${room.id}/start`, { recording: { hls_vod: "yes" } }), 400, "Invalid body param: recording.hls_vod");
    await api.post(`/live-streams/${stream.id}/stop`);
    assert.equal((await api.get(`/live-streams/${stream.id}`)).body.recording_assets, null);
  });

  test("timed metadata: payload (1..100 chars) and duration (>= 1 s) required, running streams only", async () => {
    const { api, emu, room } = await setup();
    const stream = (await api.post(`/live-streams/room/${room.id}/start`)).body;
    const send = (body) => api.post(`/live-streams/${stream.id}/timed-metadata`, body);
    const sent = await send({ payload: "show-quiz", duration: 5 });
    assert.equal(sent.status, 200);
    assert.equal(sent.body.id, stream.id);
    assert.deepEqual(emu.hms.snapshot().jobs[0].internal.config.timed_metadata.map((m) => [m.payload, m.duration]), [["show-quiz", 5]]);
    assertError(assert, await send({ duration: 5 }), 400, "Invalid body param: payload");
    assertError(assert, await send({ payload: "x".repeat(101), duration: 5 }), 400, "Invalid body param: payload");
    assertError(assert, await send({ payload: "x" }), 400, "Invalid body param: duration");
    assertError(assert, await send({ payload: "x", duration: 0 }), 400, "Invalid body param: duration");
    assertError(assert, await send({ payload: "x", duration: "5" }), 400, "Invalid body param: duration");
    await api.post(`/live-streams/${stream.id}/stop`);
    assertError(assert, await send({ payload: "late", duration: 5 }), 400, "Live stream is not running");
    assertError(assert, await api.post("/live-streams/0123456789abcdef01234567/timed-metadata", { payload: "x", duration: 1 }), 404, "Live stream not found");
  });

  test("pause and resume the recording: each is a 400 when already in that state", async () => {
    const { api, room } = await setup();
    const stream = (await api.post(`/live-streams/room/${room.id}/start`, { recording: { hls_vod: true } })).body;
    const pause = () => api.post(`/live-streams/${stream.id}/pause-recording`);
    const resume = () => api.post(`/live-streams/${stream.id}/resume-recording`);
    assertError(assert, await resume(), 400, "Recording is not paused");
    const paused = await pause();
    assert.equal(paused.status, 200);
    assert.equal(paused.body.status, "running");
    assertError(assert, await pause(), 400, "Recording is already paused");
    assert.equal((await resume()).status, 200);
    assertError(assert, await resume(), 400, "Recording is not paused");
    assert.equal((await pause()).status, 200);
    await api.post(`/live-streams/${stream.id}/stop`);
    assertError(assert, await resume(), 400, "Live stream is not running");
  });

  test("pausing a stream that records nothing -> 400", async () => {
    const { api, room } = await setup();
    const stream = (await api.post(`/live-streams/room/${room.id}/start`)).body;
    assertError(assert, await api.post(`/live-streams/${stream.id}/pause-recording`), 400, "Recording is not enabled for this live stream");
  });

  test("stop all, list with filters, unknown ids", async () => {
    const { api, other, room } = await setup();
    assertError(assert, await api.post(`/live-streams/room/${room.id}/stop`), 404, "No running live stream found");
    const stream = (await api.post(`/live-streams/room/${room.id}/start`)).body;
    assertError(assert, await other.get(`/live-streams/${stream.id}`), 404, "Live stream not found");
    assert.deepEqual((await api.get("/live-streams?status=running")).body.data.map((s) => s.id), [stream.id]);
    const stopped = (await api.post(`/live-streams/room/${room.id}/stop`)).body;
    assert.deepEqual(stopped.data.map((s) => s.status), ["stopping"]);
    assert.deepEqual((await api.get("/live-streams?status=running")).body.data, []);
    assert.deepEqual((await api.get(`/live-streams?room_id=${room.id}`)).body.data.map((s) => s.id), [stream.id]);
    assertError(assert, await api.post(`/live-streams/${stream.id}/stop`), 400, "Live stream is not running");
    assertError(assert, await api.get("/live-streams/0123456789abcdef01234567"), 404, "Live stream not found");
    assertError(assert, await api.get("/live-streams?status=live"), 400, "Invalid query param: status");
  });
});

describe("external streams", () => {
  test("rtmp_urls is required: 1 to 5 rtmp:// or rtmps:// URLs", async () => {
    const { api, room } = await setup();
    const start = (body) => api.post(`/external-streams/room/${room.id}/start`, body);
    for (const rtmp_urls of [undefined, [], "rtmp://a/live", ["https://a/live"], [42], Array(6).fill("rtmp://a/live")]) {
      assertError(assert, await start({ rtmp_urls }), 400, "Invalid body param: rtmp_urls");
    }
    assertError(assert, await start({ rtmp_urls: ["rtmp://a/live"], recording: "yes" }), 400, "Invalid body param: recording");
    const { status, body } = await start({ rtmp_urls: ["rtmp://a.example/live/key", "rtmps://b.example:443/app/key"] });
    assert.equal(status, 200);
    assert.equal(body.status, "starting");
    assert.deepEqual(body.rtmp_urls, ["rtmp://a.example/live/key", "rtmps://b.example:443/app/key"]);
    assert.deepEqual([body.recording, body.resolution], [false, { width: 1280, height: 720 }]);
  });

  test("stop by id: stopping, then completed; a recorded one leaves a room-composite", async () => {
    const { api, room } = await setup();
    const stream = (await api.post(`/external-streams/room/${room.id}/start`, { rtmp_urls: ["rtmp://a/live"], recording: true, resolution: { width: 1920, height: 1080 } })).body;
    assert.equal(stream.destination, "rtmp"); // required by the official SDK's type; a body may name another
    assert.equal((await api.post(`/external-streams/room/${room.id}/start`, { rtmp_urls: ["rtmp://a/live"] })).status, 400);
    assert.equal((await api.get(`/external-streams/${stream.id}`)).body.status, "running");
    assert.equal((await api.post(`/external-streams/${stream.id}/stop`)).body.status, "stopping");
    const done = (await api.get(`/external-streams/${stream.id}`)).body;
    assert.equal(done.status, "completed");
    assert.deepEqual(done.recording_assets.map((a) => [a.type, a.metadata.resolution]), [["room-composite", { width: 1920, height: 1080 }]]);
    assertError(assert, await api.post(`/external-streams/${stream.id}/stop`), 400, "External stream is not running");
    const chosen = (await api.post(`/external-streams/room/${room.id}/start`, { rtmp_urls: ["rtmp://a/live"], destination: "youtube" })).body;
    assert.equal(chosen.destination, "youtube");
  });

  test("stop all of a room, list, unknown ids", async () => {
    const { api, room } = await setup();
    assertError(assert, await api.post(`/external-streams/room/${room.id}/stop`), 404, "No running external stream found");
    const stream = (await api.post(`/external-streams/room/${room.id}/start`, { rtmp_urls: ["rtmp://a/live"] })).body;
    assertError(assert, await api.post(`/external-streams/room/${room.id}/start`, { rtmp_urls: ["rtmp://a/live"] }), 400, "External stream already running");
    assert.deepEqual((await api.post(`/external-streams/room/${room.id}/stop`)).body.data.map((s) => [s.id, s.status]), [[stream.id, "stopping"]]);
    const listed = (await api.get(`/external-streams?session_id=${stream.session_id}`)).body;
    assert.deepEqual(listed.data.map((s) => [s.id, s.status]), [[stream.id, "completed"]]);
    assertError(assert, await api.get("/external-streams/0123456789abcdef01234567"), 404, "External stream not found");
    assertError(assert, await api.get("/external-streams?limit=500"), 400, "Invalid query param: limit");
    assertError(assert, await api.post("/external-streams/0123456789abcdef01234567/stop"), 404, "External stream not found");
    assertError(assert, await api.post("/external-streams/room/0123456789abcdef01234567/start", { rtmp_urls: ["rtmp://a/live"] }), 404, "Room not found");
  });
});
