// Recordings and their assets: starting -> running -> stopping -> completed, the assets a stop
// leaves, auto-stop when the session ends, lists and filters, and presigned URLs.

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { assertError } from "./helpers.js";
import { OBJECT_ID, clock, setup } from "./hms-helpers.js";

describe("recordings", () => {
  test("the state machine: starting, running, stopping, completed with assets", async () => {
    const now = clock();
    const { emu, api, room } = await setup({ now });
    const peer = emu.hms.addPeer(room.id, { role: "host" });
    const started = await api.post(`/recordings/room/${room.id}/start`, { meeting_url: "https://app.example/meet", resolution: { width: 1280, height: 720 } });
    assert.equal(started.status, 200, started.text);
    const rec = started.body;
    assert.deepEqual(Object.keys(rec), ["id", "room_id", "session_id", "status", "asset_types", "meeting_url", "created_at", "started_at", "updated_at", "stopped_at", "started_by", "stopped_by", "recording_assets"]);
    assert.match(rec.id, OBJECT_ID);
    assert.deepEqual([rec.room_id, rec.session_id, rec.status, rec.started_at, rec.recording_assets], [room.id, peer.session_id, "starting", null, null]);
    assert.deepEqual(rec.asset_types, ["room-composite", "chat"]);
    assert.equal(rec.started_by, "");

    const running = (await api.get(`/recordings/${rec.id}`)).body;
    assert.deepEqual([running.status, running.started_at, running.recording_assets], ["running", rec.created_at, null]);

    now.advance(90);
    const stopping = (await api.post(`/recordings/${rec.id}/stop`)).body;
    assert.deepEqual([stopping.status, stopping.stopped_at], ["stopping", null]);

    const done = (await api.get(`/recordings/${rec.id}`)).body;
    assert.equal(done.status, "completed");
    assert.equal(done.stopped_at, "2025-06-01T10:01:30.000Z");
    assert.deepEqual(done.recording_assets.map((a) => a.type), ["room-composite", "chat"]);
    const [video, chat] = done.recording_assets;
    assert.deepEqual([video.job_id, video.room_id, video.session_id, video.status, video.duration], [rec.id, room.id, peer.session_id, "completed", 90]);
    assert.deepEqual(video.metadata, { resolution: { width: 1280, height: 720 } });
    assert.equal(chat.duration, 0);
    assert.deepEqual((await api.get(`/recording-assets/${video.id}`)).body, video);
    assertError(assert, await api.post(`/recordings/${rec.id}/stop`), 400, "Recording is not running");
  });

  test("a recording started in an idle room opens a session, which closes when it stops", async () => {
    const { api, room } = await setup();
    const rec = (await api.post(`/recordings/room/${room.id}/start`, {})).body;
    assert.equal((await api.get(`/sessions/${rec.session_id}`)).body.active, true);
    await api.post(`/recordings/${rec.id}/stop`);
    assert.equal((await api.get(`/sessions/${rec.session_id}`)).body.active, false);
  });

  test("the last peer leaving stops the recording (auto-stop)", async () => {
    const { emu, api, room } = await setup();
    const peer = emu.hms.addPeer(room.id, { role: "host" });
    const rec = (await api.post(`/recordings/room/${room.id}/start`)).body;
    emu.hms.removePeer(room.id, peer.id);
    const done = (await api.get(`/recordings/${rec.id}`)).body;
    assert.equal(done.status, "completed");
    assert.equal(done.recording_assets.length, 2);
  });

  test("start errors: already running 400, bad body 400, disabled room 403, unknown room 404", async () => {
    const { api, room } = await setup();
    const start = (body) => api.post(`/recordings/room/${room.id}/start`, body);
    assertError(assert, await start({ resolution: { width: 100, height: 720 } }), 400, "Invalid body param: resolution.width");
    assertError(assert, await start({ resolution: "720p" }), 400, "Invalid body param: resolution");
    assertError(assert, await start({ audio_only: "yes" }), 400, "Invalid body param: audio_only");
    assertError(assert, await start({ meeting_url: 42 }), 400, "Invalid body param: meeting_url");
    assertError(assert, await start({ transcription: { enabled: true, output_modes: ["pdf"] } }), 400, "Invalid body param: transcription.output_modes");
    assertError(assert, await start({ transcription: { summary: { sections: [{ title: "x", format: "poem" }] } } }), 400, "Invalid body param: transcription.summary.sections.format");
    assertError(assert, await start([1]), 400, "Invalid request body");
    assert.equal((await start({})).status, 200);
    assertError(assert, await start({}), 400, "Recording already running");
    assertError(assert, await api.post("/recordings/room/0123456789abcdef01234567/start"), 404, "Room not found");
    const disabled = (await api.post("/rooms", { name: "off" })).body;
    await api.post(`/rooms/${disabled.id}`, { enabled: false });
    assertError(assert, await api.post(`/recordings/room/${disabled.id}/start`), 403, "Room is disabled");
  });

  test("stop all of a room answers the stopped ones; nothing running -> 404; unknown id -> 404", async () => {
    const { api, other, room } = await setup();
    assertError(assert, await api.post(`/recordings/room/${room.id}/stop`), 404, "No running recording found");
    const rec = (await api.post(`/recordings/room/${room.id}/start`)).body;
    assertError(assert, await other.get(`/recordings/${rec.id}`), 404, "Recording not found");
    assertError(assert, await other.post(`/recordings/${rec.id}/stop`), 404, "Recording not found");
    const stopped = (await api.post(`/recordings/room/${room.id}/stop`)).body;
    assert.equal(stopped.limit, 1);
    assert.deepEqual(stopped.data.map((r) => [r.id, r.status]), [[rec.id, "stopping"]]);
    assertError(assert, await api.get("/recordings/0123456789abcdef01234567"), 404, "Recording not found");
    const live = (await api.post(`/live-streams/room/${room.id}/start`)).body;
    assertError(assert, await api.get(`/recordings/${live.id}`), 404, "Recording not found");
  });

  test("list: filters room_id, session_id, status; pages; items leave the assets out", async () => {
    const { api, room } = await setup();
    const second = (await api.post("/rooms", { name: "second" })).body;
    const a = (await api.post(`/recordings/room/${room.id}/start`)).body;
    await api.post(`/recordings/${a.id}/stop`);
    const b = (await api.post(`/recordings/room/${second.id}/start`)).body;
    const c = (await api.post(`/recordings/room/${room.id}/start`)).body;
    const ids = async (q) => (await api.get(`/recordings${q}`)).body.data.map((r) => r.id);
    assert.deepEqual(await ids(""), [a.id, b.id, c.id]);
    assert.deepEqual(await ids(`?room_id=${room.id}`), [a.id, c.id]);
    assert.deepEqual(await ids(`?session_id=${b.session_id}`), [b.id]);
    assert.deepEqual(await ids("?status=running"), [b.id, c.id]);
    assert.deepEqual(await ids("?status=completed"), [a.id]);
    const page = (await api.get("/recordings?limit=2")).body;
    assert.equal(page.last, b.id);
    assert.ok(page.data.every((r) => !("recording_assets" in r)));
    assertError(assert, await api.get("/recordings?status=done"), 400, "Invalid query param: status");
  });

  test("config: the start parameters with defaults applied; unknown id -> 404", async () => {
    const { api, room } = await setup();
    const rec = (await api.post(`/recordings/room/${room.id}/start`, { audio_only: true, destination: "rec-1" })).body;
    assert.equal(rec.destination, "rec-1");
    assert.deepEqual((await api.get(`/recordings/${rec.id}/config`)).body, {
      id: rec.id, room_id: room.id, meeting_url: "", resolution: { width: 1280, height: 720 }, audio_only: true,
      destination: "rec-1", transcription: { enabled: false },
    });
    assertError(assert, await api.get("/recordings/0123456789abcdef01234567/config"), 404, "Recording not found");
  });
});

describe("recording assets", () => {
  async function recorded(startBody = {}) {
    const ctx = await setup();
    const rec = (await ctx.api.post(`/recordings/room/${ctx.room.id}/start`, startBody)).body;
    await ctx.api.post(`/recordings/${rec.id}/stop`);
    const assets = (await ctx.api.get(`/recordings/${rec.id}`)).body.recording_assets;
    return { ...ctx, rec, assets };
  }

  test("transcription adds transcript and summary assets; audio_only records audio", async () => {
    const { assets, rec } = await recorded({
      audio_only: true,
      transcription: { enabled: true, output_modes: ["txt", "srt"], summary: { enabled: true, sections: [{ title: "Agenda", format: "bullets" }] } },
    });
    assert.deepEqual(rec.asset_types, ["room-composite", "chat", "transcript", "summary"]);
    assert.deepEqual(assets.map((a) => [a.type, a.metadata.output_mode ?? a.metadata.media_type ?? null]), [
      ["room-composite", "audio"], ["chat", null], ["transcript", "txt"], ["transcript", "srt"], ["summary", "json"],
    ]);
  });

  test("a room's own bucket shows in the asset paths", async () => {
    const ctx = await setup();
    const room = (await ctx.api.post("/rooms", { name: "bucket-room", recording_info: { enabled: true, upload_info: { type: "gs", location: "my-bucket", prefix: "calls/" } } })).body;
    const rec = (await ctx.api.post(`/recordings/room/${room.id}/start`)).body;
    await ctx.api.post(`/recordings/${rec.id}/stop`);
    const [video] = (await ctx.api.get(`/recordings/${rec.id}`)).body.recording_assets;
    assert.match(video.path, new RegExp(`^gs://my-bucket/calls/${room.id}/`));
  });

  test("GET one: unknown or foreign -> 404 Recording asset not found", async () => {
    const { api, other, assets } = await recorded();
    assertError(assert, await api.get("/recording-assets/0123456789abcdef01234567"), 404, "Recording asset not found");
    assertError(assert, await other.get(`/recording-assets/${assets[0].id}`), 404, "Recording asset not found");
  });

  test("list filters status, room_id, session_id, type; bad status or type -> 400", async () => {
    const { api, room, rec, assets } = await recorded();
    const ids = async (q) => (await api.get(`/recording-assets${q}`)).body.data.map((a) => a.id);
    const all = assets.map((a) => a.id);
    assert.deepEqual(await ids(""), all);
    assert.deepEqual(await ids("?status=completed"), all);
    assert.deepEqual(await ids("?status=failed"), []);
    assert.deepEqual(await ids(`?room_id=${room.id}&session_id=${rec.session_id}`), all);
    assert.deepEqual(await ids("?type=chat"), [assets[1].id]);
    assert.deepEqual(await ids("?room_id=0123456789abcdef01234567"), []);
    assertError(assert, await api.get("/recording-assets?status=done"), 400, "Invalid query param: status");
    assertError(assert, await api.get("/recording-assets?type=movie"), 400, "Invalid query param: type");
  });

  test("presigned URL: 3 days by default, 60..604800 accepted, anything else -> 400", async () => {
    const { api, assets } = await recorded();
    const url = (q = "") => api.get(`/recording-assets/${assets[0].id}/presigned-url${q}`);
    const { status, body } = await url();
    assert.equal(status, 200);
    assert.deepEqual(Object.keys(body), ["id", "path", "url", "expiry"]);
    assert.deepEqual([body.id, body.path, body.expiry], [assets[0].id, assets[0].path, 259200]);
    assert.match(body.url, /^https:\/\/.+\?expires=\d+&signature=[A-Za-z0-9]+$/);
    assert.equal((await url("?presign_duration=60")).body.expiry, 60);
    assert.equal((await url("?presign_duration=604800")).body.expiry, 604800);
    for (const bad of ["59", "604801", "abc", "-5", "1.5"]) {
      assertError(assert, await url(`?presign_duration=${bad}`), 400, "Invalid query param: presign_duration");
    }
    assertError(assert, await api.get("/recording-assets/0123456789abcdef01234567/presigned-url"), 404, "Recording asset not found");
  });
});
