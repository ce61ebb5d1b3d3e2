// The rest of the 100ms collection, end to end against the emulator: stream keys,
// sessions, active rooms, recordings and their assets, live and external streams,
// analytics, polls and templates. Peers are simulated through the emulator's control
// service (`/_emulator/100ms`), which the real API has no equivalent of.
import { deepEqual, equal, notEqual, ok, rejects } from "./assert.js";
import { checkEdgeroomError, uniqueName } from "./helpers.js";

function client(ctx, extra = {}) {
  const { accessKey, secret } = ctx.emulator.DEFAULT_APP;
  return new ctx.edgeroom.HmsClient({ accessKey, secret, ...ctx.emulator.hmsUrls(ctx.emulatorUrl), ...extra });
}

async function control(ctx, method, path, body) {
  const response = await fetch(`${ctx.emulatorUrl}/_emulator/100ms${path}`, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  ok(response.ok, `control ${method} ${path} answered ${response.status}`);
  return response.json();
}

const addPeer = (ctx, roomId, peer) => control(ctx, "POST", `/rooms/${roomId}/peers`, peer);

async function collect(iterable) {
  const items = [];
  for await (const item of iterable) items.push(item);
  return items;
}

async function liveRoom(ctx, hms, prefix) {
  const room = await hms.rooms.create({ name: uniqueName(prefix) });
  const host = await addPeer(ctx, room.id, { role: "host", name: "Host", user_id: "u-host" });
  const guest = await addPeer(ctx, room.id, { role: "guest", name: "Guest", user_id: "u-guest" });
  return { room, host, guest };
}

export default [
  {
    name: "collection: stream keys are created, retrieved and disabled",
    async run(ctx) {
      const hms = client(ctx);
      const room = await hms.rooms.create({ name: uniqueName("keys") });
      const key = await hms.streamKeys.create(room.id);
      ok(typeof key.key === "string" && key.key.length > 8, "a key");
      equal((await hms.streamKeys.retrieve(room.id)).key, key.key);
      checkEdgeroomError(ctx.edgeroom, await rejects(hms.streamKeys.create(room.id)), { code: "bad_request" });
      await hms.streamKeys.disable(room.id);
      notEqual((await hms.streamKeys.create(room.id)).key, key.key, "a new key once the old one is disabled");
    },
  },
  {
    name: "collection: sessions and active rooms follow simulated peers",
    async run(ctx) {
      const hms = client(ctx);
      const { room, host, guest } = await liveRoom(ctx, hms, "active");
      const live = await hms.sessions.retrieveActiveByRoom(room.id);
      equal(live.room_id, room.id);
      equal(live.active, true);
      equal((await hms.sessions.retrieveById(live.id)).id, live.id);
      const listed = await collect(hms.sessions.list({ room_id: room.id, after: new Date(Date.now() - 60_000) }));
      deepEqual(listed.map((s) => s.id), [live.id]);

      const active = await hms.activeRooms.retrieve(room.id);
      equal(active.session.id, live.id);
      const peers = await hms.activeRooms.retrieveActivePeers(room.id);
      deepEqual(Object.keys(peers).sort(), [host.id, guest.id].sort());
      equal((await hms.activeRooms.retrievePeerDetails(room.id, guest.id)).name, "Guest");
      const renamed = await hms.activeRooms.updatePeer(room.id, guest.id, { name: "Ana", metadata: '{"hand":true}' });
      equal(renamed.name, "Ana");

      await hms.activeRooms.sendMessage(room.id, { message: "only for you", peer_id: guest.id, type: "chat" });
      await hms.activeRooms.sendMessage(room.id, { message: "hosts", role: "host" });
      const { messages } = await control(ctx, "GET", `/rooms/${room.id}/messages`);
      deepEqual(messages.map((m) => m.recipients), [[guest.id], [host.id]], "peer_id reaches one peer, role its role");

      checkEdgeroomError(ctx.edgeroom, await rejects(hms.activeRooms.removePeer(room.id, { reason: "?" })), {
        code: "invalid_argument",
        field: "peer_id",
      });
      await hms.activeRooms.removePeer(room.id, { peer_id: guest.id, reason: "bye" });
      deepEqual(Object.keys(await hms.activeRooms.retrieveActivePeers(room.id)), [host.id]);

      await hms.activeRooms.end(room.id, { reason: "done", lock: true });
      const [code] = await hms.roomCodes.create(room.id).catch(() => []);
      equal(code, undefined, "a locked room refuses room codes");
      checkEdgeroomError(ctx.edgeroom, await rejects(hms.roomCodes.create(room.id)), { code: "forbidden" });
      await hms.rooms.enableOrDisable(room.id, true);
      ok((await hms.roomCodes.create(room.id)).length >= 2, "codes again once re-enabled");
    },
  },
  {
    name: "collection: recordings move through their states and leave assets with presigned URLs",
    async run(ctx) {
      const hms = client(ctx);
      const { room } = await liveRoom(ctx, hms, "rec");
      const recording = await hms.recordings.start(room.id, { resolution: { width: 1280, height: 720 } });
      equal(recording.room_id, room.id);
      equal((await hms.recordings.retrieve(recording.id)).status, "running");
      const config = await hms.recordings.retrieveConfig(recording.id);
      deepEqual(config.resolution, { width: 1280, height: 720 });
      ok((await collect(hms.recordings.list({ room_id: room.id }))).some((r) => r.id === recording.id));
      await hms.recordings.stop(recording.id);
      const done = await hms.recordings.retrieve(recording.id);
      equal(done.status, "completed");
      const assets = await collect(hms.recordingAssets.list({ room_id: room.id }));
      ok(assets.length >= 1, "the recording left assets");
      equal((await hms.recordingAssets.retrieve(assets[0].id)).id, assets[0].id);
      const presigned = await hms.recordingAssets.generatePreSignedURL(assets[0].id, 3600);
      equal(presigned.expiry, 3600);
      ok(presigned.url.startsWith("http"), presigned.url);

      const second = await hms.recordings.start(room.id, {});
      const stopped = await hms.recordings.stopAll(room.id);
      deepEqual(stopped.map((r) => r.id), [second.id]);
    },
  },
  {
    name: "collection: live streams pause and resume recording, take timed metadata, and stop",
    async run(ctx) {
      const hms = client(ctx);
      const { room } = await liveRoom(ctx, hms, "live");
      const stream = await hms.liveStreams.start(room.id, { recording: { hls_vod: true, single_file_per_layer: false } });
      equal((await hms.liveStreams.retrieve(stream.id)).status, "running");
      await hms.liveStreams.sendTimedMetadata(stream.id, { payload: "quiz-1", duration: 30 });
      await hms.liveStreams.pauseRecording(stream.id);
      checkEdgeroomError(ctx.edgeroom, await rejects(hms.liveStreams.pauseRecording(stream.id)), { code: "bad_request" });
      await hms.liveStreams.resumeRecording(stream.id);
      ok((await collect(hms.liveStreams.list({ room_id: room.id }))).some((s) => s.id === stream.id));
      await hms.liveStreams.stop(stream.id);
      equal((await hms.liveStreams.retrieve(stream.id)).status, "completed");
      const again = await hms.liveStreams.start(room.id, {});
      deepEqual((await hms.liveStreams.stopAll(room.id)).map((s) => s.id), [again.id]);
    },
  },
  {
    name: "collection: external streams need RTMP URLs, start, list and stop",
    async run(ctx) {
      const hms = client(ctx);
      const { room } = await liveRoom(ctx, hms, "rtmp");
      checkEdgeroomError(ctx.edgeroom, await rejects(hms.externalStreams.start(room.id, { rtmp_urls: [] })), {
        code: "invalid_argument",
        field: "rtmp_urls",
      });
      const stream = await hms.externalStreams.start(room.id, { rtmp_urls: ["rtmp://a.rtmp.youtube.com/live2/KEY"], recording: true });
      deepEqual((await hms.externalStreams.retrieve(stream.id)).rtmp_urls, ["rtmp://a.rtmp.youtube.com/live2/KEY"]);
      ok((await collect(hms.externalStreams.list({ room_id: room.id }))).some((s) => s.id === stream.id));
      await hms.externalStreams.stop(stream.id);
      const again = await hms.externalStreams.start(room.id, { rtmp_urls: ["rtmps://live.example.com/app/KEY"] });
      deepEqual((await hms.externalStreams.stopAll(room.id)).map((s) => s.id), [again.id]);
    },
  },
  {
    name: "collection: analytics events page through every event with encoded cursors",
    async run(ctx) {
      const hms = client(ctx);
      const { room } = await liveRoom(ctx, hms, "analytics");
      for (let i = 0; i < 5; i++) await control(ctx, "POST", `/rooms/${room.id}/events`, { type: "track.add.success", data: { track_id: `t${i}` } });
      const pages = [];
      const counting = (url, init) => {
        pages.push(url);
        return fetch(url, init);
      };
      const events = await collect(client(ctx, { fetch: counting }).analytics.listEvents({ room_id: room.id, limit: 2 }));
      ok(events.length >= 7, `two joins and five track events (got ${events.length})`);
      equal(new Set(events.map((e) => e.id)).size, events.length, "no event twice");
      ok(pages.length >= 4, `limit 2 takes several pages (${pages.length})`);
      ok(pages.slice(1).every((u) => /start=[^&]*%/.test(u)), "the next cursor is percent-encoded");
      const tracks = await collect(hms.analytics.listTrackEvents({ room_id: room.id }));
      ok(tracks.every((e) => e.type.startsWith("track.")), "only track events");
      const injected = tracks.map((e) => e.data.track_id).filter((id) => /^t\d$/.test(id));
      deepEqual(injected.sort(), ["t0", "t1", "t2", "t3", "t4"]);
      const recordingEvents = await collect(hms.analytics.listRecordingEvents({ room_id: room.id }));
      ok(recordingEvents.every((e) => e.type === "beam.recording.success"));
    },
  },
  {
    name: "collection: polls are created, edited, answered and read back per session",
    async run(ctx) {
      const hms = client(ctx);
      const { room, guest } = await liveRoom(ctx, hms, "polls");
      const poll = await hms.polls.create({
        title: "Lunch?",
        type: "poll",
        questions: [
          { text: "Where?", type: "single-choice", options: [{ text: "Here" }, { text: "There" }] },
          { text: "Why?", type: "short-answer" },
        ],
      });
      equal((await hms.polls.retrieve(poll.id)).title, "Lunch?");
      equal((await hms.polls.update(poll.id, { title: "Dinner?" })).title, "Dinner?");
      await hms.polls.updateQuestion(poll.id, "1", { text: "Where now?", type: "single-choice", options: [{ text: "Here" }, { text: "There" }, { text: "Elsewhere" }] });
      await hms.polls.updateOption(poll.id, "1", "3", { text: "Anywhere" });
      await hms.polls.deleteOption(poll.id, "1", "2");
      await hms.polls.deleteQuestion(poll.id, "2");
      const edited = await hms.polls.retrieve(poll.id);
      equal(edited.questions.length, 1);
      deepEqual(edited.questions[0].options.map((o) => o.text), ["Here", "Anywhere"]);

      const session = await hms.sessions.retrieveActiveByRoom(room.id);
      await control(ctx, "POST", `/rooms/${room.id}/polls/${poll.id}/responses`, { peer_id: guest.id, responses: [{ question: 1, option: 2 }] });
      const run = await hms.polls.retrieveSession(poll.id, session.id);
      equal(run.poll_id, poll.id);
      const results = await hms.polls.retrieveResults(poll.id, session.id);
      ok(Array.isArray(results.data) && results.data.length === 1, "one result per question");
      equal((await hms.polls.retrieveResult(poll.id, session.id, results.data[0].id)).question, 1);
      const responses = await hms.polls.retrieveResponses(poll.id, session.id);
      equal(responses.data.length, 1);
      equal((await hms.polls.retrieveResponse(poll.id, session.id, responses.data[0].id)).option, 2);
    },
  },
  {
    name: "collection: templates and their roles drive the room codes of rooms using them",
    async run(ctx) {
      const hms = client(ctx);
      const name = uniqueName("webinar");
      const template = await hms.templates.create({ name, roles: { host: { name: "host" }, viewer: { name: "viewer" } } });
      equal((await hms.templates.retrieve(template.id)).name, name);
      ok((await collect(hms.templates.list())).some((t) => t.id === template.id));
      await hms.templates.createOrUpdateRole(template.id, "speaker", { priority: 2 });
      equal((await hms.templates.retrieveRole(template.id, "speaker")).name, "speaker");
      const room = await hms.rooms.create({ name: uniqueName("webinar-room"), template_id: template.id });
      deepEqual((await hms.roomCodes.create(room.id)).map((c) => c.role).sort(), ["host", "speaker", "viewer"]);
      await hms.templates.deleteRole(template.id, "viewer");
      const codes = await collect(hms.roomCodes.list(room.id));
      equal(codes.find((c) => c.role === "viewer").enabled, false, "a deleted role's code is disabled");
      const settings = await hms.templates.updateSettings(template.id, { region: "eu" });
      equal(settings.region, "eu");
      equal((await hms.templates.retrieveSettings(template.id)).region, "eu");
      const recordingConfig = [{ name: "composite", role: "host", maxDuration: 3600 }];
      await hms.templates.configureRecordings(template.id, recordingConfig);
      deepEqual((await hms.templates.retrieveRecordingsConfig(template.id)).map((c) => c.name), ["composite"]);
      equal((await hms.templates.update(template.id, { name: `${name}-2` })).name, `${name}-2`);
    },
  },
];
