// VideoSDK end to end against the emulator: rooms (idempotent on customRoomId, validate,
// deactivate), sessions with simulated participants, the participants helpers keyed by
// room, and the media jobs. The REST token is raw in the Authorization header and carries
// the crawler role; the emulator refuses anything else, so every passing call proves it.
import { deepEqual, equal, ok, rejects } from "./assert.js";
import { checkEdgeroomError, uniqueName } from "./helpers.js";

function videosdk(ctx, extra = {}) {
  const { apiKey, secret } = ctx.emulator.DEFAULT_VIDEOSDK_APP;
  return new ctx.edgeroom.VideoSdkClient({ apiKey, secret, baseUrl: `${ctx.emulatorUrl}/videosdk`, ...extra });
}

/** Simulates a participant joining, through the emulator's control service. */
async function join(ctx, roomId, name) {
  const response = await fetch(`${ctx.emulatorUrl}/_emulator/videosdk/rooms/${roomId}/participants`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ name }),
  });
  ok(response.ok, `join answered ${response.status}`);
  return (await response.json()).participant;
}

async function collect(iterable) {
  const items = [];
  for await (const item of iterable) items.push(item);
  return items;
}

export default [
  {
    name: "videosdk: rooms are created once per customRoomId, listed page by page, validated and deactivated",
    async run(ctx) {
      const vsdk = videosdk(ctx);
      const customRoomId = uniqueName("standup");
      const room = await vsdk.rooms.create({
        customRoomId,
        webhook: { endPoint: "https://hooks.example.com/v", events: ["participant-joined", "session-ended"] },
        autoCloseConfig: { type: "session-ends", duration: 60 },
      });
      ok(/^[a-z]{3,4}-[a-z]{4}-[a-z]{3,4}$/.test(room.roomId), `roomId format: ${room.roomId}`);
      equal(room.customRoomId, customRoomId);
      equal((await vsdk.rooms.create({ customRoomId })).roomId, room.roomId, "create is idempotent on customRoomId");
      equal((await vsdk.rooms.get(room.roomId)).customRoomId, customRoomId);
      equal((await vsdk.rooms.validate(room.roomId)).roomId, room.roomId);

      for (let i = 0; i < 4; i++) await vsdk.rooms.create({ customRoomId: uniqueName("extra") });
      let pages = 0;
      const seen = [];
      const countingFetch = (url, init) => {
        if (url.includes("/v2/rooms?")) pages += 1;
        return fetch(url, init);
      };
      for await (const r of videosdk(ctx, { fetch: countingFetch }).rooms.list({ perPage: 2 })) seen.push(r.roomId);
      ok(seen.includes(room.roomId), "the room is listed");
      equal(new Set(seen).size, seen.length, "no room is listed twice");
      ok(pages >= 3, `perPage 2 over 5+ rooms takes 3+ pages (took ${pages})`);

      await vsdk.rooms.deactivate(room.roomId);
      const error = await rejects(vsdk.rooms.validate(room.roomId));
      checkEdgeroomError(ctx.edgeroom, error, { code: "bad_request" });
      equal(error.status, 400);
      const other = await vsdk.rooms.create({ customRoomId: uniqueName("ended") });
      await vsdk.rooms.end(other.roomId);
      equal((await vsdk.rooms.get(other.roomId)).disabled, true, "rooms.end deactivates, as VideoSDK's SDK names it");
    },
  },
  {
    name: "videosdk: the seed's rules are enforced before anything is sent",
    async run(ctx) {
      const emu = ctx.createEmulator();
      const { apiKey, secret } = ctx.emulator.DEFAULT_VIDEOSDK_APP;
      const vsdk = new ctx.edgeroom.VideoSdkClient({
        apiKey,
        secret,
        baseUrl: "http://emulator.invalid/videosdk",
        fetch: (url, init) => emu.fetch(new Request(url, init)),
      });
      const cases = [
        [{ region: "sg001" }, "region"],
        [{ webhook: { endPoint: "https://h", events: ["meeting-joined"] } }, "webhook.events[0]"],
        [{ autoCloseConfig: { type: "session-closes" } }, "autoCloseConfig.type"],
        [{ autoStartConfig: { recording: { config: { layout: { gridSize: 5 } } } } }, "autoStartConfig.recording.config.layout.gridSize"],
        [{ autoStartConfig: { hls: { config: { theme: "BLUE" } } } }, "autoStartConfig.hls.config.theme"],
        [{ autoStartConfig: { recording: { quality: "ultra" } } }, "autoStartConfig.recording.quality"],
      ];
      for (const [params, field] of cases) {
        checkEdgeroomError(ctx.edgeroom, await rejects(vsdk.rooms.create(params)), { code: "invalid_argument", field });
      }
      const missingOutputs = await rejects(vsdk.rtmp.start({ roomId: "abc-defg-hij", outputs: [] }));
      checkEdgeroomError(ctx.edgeroom, missingOutputs, { code: "invalid_argument", field: "outputs" });
      equal(emu.requests.length, 0, "no request reached the emulator");
    },
  },
  {
    name: "videosdk: sessions and participants follow simulated joins, removals and the end",
    async run(ctx) {
      const vsdk = videosdk(ctx);
      const room = await vsdk.rooms.create({ customRoomId: uniqueName("session") });
      const ana = await join(ctx, room.roomId, "Ana");
      const bo = await join(ctx, room.roomId, "Bo");

      const sessions = await collect(vsdk.sessions.list({ roomId: room.roomId }));
      equal(sessions.length, 1);
      const [session] = sessions;
      equal(session.status, "ongoing");
      equal((await vsdk.sessions.get(session.id)).id, session.id);
      const everyone = await collect(vsdk.sessions.listParticipants(session.id));
      deepEqual(everyone.map((p) => p.name).sort(), ["Ana", "Bo"]);
      equal((await vsdk.sessions.getParticipant(session.id, ana.participantId)).name, "Ana");

      const live = await collect(vsdk.participants.list(room.roomId));
      deepEqual(live.map((p) => p.participantId).sort(), [ana.participantId, bo.participantId].sort());
      equal((await vsdk.participants.get(room.roomId, bo.participantId)).name, "Bo");
      await vsdk.participants.remove(room.roomId, bo.participantId);
      deepEqual((await collect(vsdk.participants.list(room.roomId))).map((p) => p.name), ["Ana"]);

      await vsdk.sessions.end({ roomId: room.roomId });
      equal((await vsdk.sessions.get(session.id)).status, "ended");
      const noSession = await rejects(collect(vsdk.participants.list(room.roomId)));
      checkEdgeroomError(ctx.edgeroom, noSession, { code: "not_found", field: "roomId" });
    },
  },
  {
    name: "videosdk: recordings, HLS and RTMP jobs start, list, and stop",
    async run(ctx) {
      const vsdk = videosdk(ctx);
      const room = await vsdk.rooms.create({ customRoomId: uniqueName("media") });
      const noSession = await rejects(vsdk.recordings.start({ roomId: room.roomId }));
      checkEdgeroomError(ctx.edgeroom, noSession, { code: "conflict" });
      equal(noSession.status, 409, "a job needs a live session");

      await join(ctx, room.roomId, "Host");
      await vsdk.recordings.start({ roomId: room.roomId, config: { layout: { type: "GRID", gridSize: 4 }, quality: "high" } });
      const recordings = await collect(vsdk.recordings.list({ roomId: room.roomId }));
      equal(recordings.length, 1);
      equal((await vsdk.recordings.get(recordings[0].id)).roomId, room.roomId);
      await vsdk.recordings.stop(room.roomId);
      equal((await vsdk.recordings.get(recordings[0].id)).status, "stopped");
      await vsdk.recordings.delete(recordings[0].id);
      checkEdgeroomError(ctx.edgeroom, await rejects(vsdk.recordings.get(recordings[0].id)), { code: "not_found" });

      await vsdk.hls.start({ roomId: room.roomId, config: { orientation: "portrait" } });
      const active = await vsdk.hls.getActive(room.roomId);
      // The API names the room of an active stream with the legacy `meetingId`, as sent.
      equal(active.meetingId, room.roomId);
      await vsdk.hls.stop(room.roomId, active.id);
      checkEdgeroomError(ctx.edgeroom, await rejects(vsdk.hls.getActive(room.roomId)), { code: "not_found" });
      equal((await vsdk.hls.get(active.id)).status, "stopped");
      ok((await collect(vsdk.hls.list({ roomId: room.roomId }))).length >= 1);
      await vsdk.hls.delete(active.id);
      checkEdgeroomError(ctx.edgeroom, await rejects(vsdk.hls.get(active.id)), { code: "not_found" });

      await vsdk.rtmp.start({ roomId: room.roomId, outputs: [{ url: "rtmp://a.rtmp.youtube.com/live2", streamKey: "k" }] });
      const [stream] = await collect(vsdk.rtmp.list({ roomId: room.roomId }));
      deepEqual(stream.outputs, [{ url: "rtmp://a.rtmp.youtube.com/live2", streamKey: "k" }]);
      await vsdk.rtmp.stop(room.roomId);
      equal((await vsdk.rtmp.get(stream.id)).status, "stopped");
    },
  },
  {
    name: "videosdk: the REST token goes raw (no Bearer) with the crawler role, and is cached",
    async run(ctx) {
      const headers = [];
      const vsdk = videosdk(ctx, {
        fetch: (url, init) => {
          headers.push(init.headers.authorization);
          return fetch(url, init);
        },
      });
      await vsdk.rooms.create({ customRoomId: uniqueName("auth") });
      await vsdk.rooms.list({ perPage: 1 }).next();
      equal(headers.length, 2);
      ok(!headers[0].startsWith("Bearer "), "VideoSDK takes the token without a prefix");
      equal(headers[0], headers[1], "the token is reused while valid");
      const { claims } = ctx.edgeroom.decodeToken(headers[0]);
      deepEqual(claims.roles, ["crawler"]);
      equal(claims.version, 2);
      equal(claims.apikey, ctx.emulator.DEFAULT_VIDEOSDK_APP.apiKey);
    },
  },
];
