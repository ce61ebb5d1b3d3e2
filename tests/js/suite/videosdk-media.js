// VideoSDK's media calls beyond room recordings, HLS and RTMP, end to end against the
// emulator through edgeroom's public JS API: quality stats, HLS frame capture, participant,
// track and composite recordings, stereo merges, transcodings and realtime transcription.
// Each test asserts what a user relies on: a started job is listed, stopping it changes its
// state, deleting it makes `get` answer not_found, lists page across pages, and bad input is
// refused naming the field. Tests that need time to pass (merges and transcodings complete
// on the emulator's clock) run on an in-process emulator whose clock they move.
import { deepEqual, equal, ok, rejects } from "./assert.js";
import { checkEdgeroomError, uniqueName } from "./helpers.js";

// The emulator's start-up time of a job and of each step of a transcoding (JOB_STARTUP_MS).
const STEP_MS = 2000;

/** A client on the shared emulator server; `countPath` counts requests whose URL has it. */
function onServer(ctx, countPath) {
  const { apiKey, secret } = ctx.emulator.DEFAULT_VIDEOSDK_APP;
  const counter = { requests: 0 };
  const vsdk = new ctx.edgeroom.VideoSdkClient({
    apiKey,
    secret,
    baseUrl: `${ctx.emulatorUrl}/videosdk`,
    fetch: (url, init) => {
      if (countPath && url.includes(countPath)) counter.requests += 1;
      return fetch(url, init);
    },
  });
  const join = async (roomId, name) => {
    const response = await fetch(`${ctx.emulatorUrl}/_emulator/videosdk/rooms/${roomId}/participants`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name }),
    });
    ok(response.ok, `join answered ${response.status}`);
    return (await response.json()).participant;
  };
  return { vsdk, join, counter };
}

/**
 * A client on an in-process emulator of its own, whose clock only `advance` moves (from the
 * real time, so the client's tokens stay valid), and which no other test shares.
 */
function onOwnEmulator(ctx) {
  let nowMs = Date.now();
  const emu = ctx.createEmulator({ now: () => nowMs });
  const { apiKey, secret } = ctx.emulator.DEFAULT_VIDEOSDK_APP;
  const paths = [];
  const vsdk = new ctx.edgeroom.VideoSdkClient({
    apiKey,
    secret,
    baseUrl: "http://emulator.invalid/videosdk",
    fetch: (url, init) => {
      paths.push(`${init?.method ?? "GET"} ${new URL(url).pathname}${new URL(url).search}`);
      return emu.fetch(new Request(url, init));
    },
  });
  const join = async (roomId, name) => (await emu.videosdk.join(roomId, { name })).participant;
  const advance = (ms) => {
    nowMs += ms;
  };
  /** How many requests went to `path` (method and path, without the query) since `from`. */
  const countSince = (from, path) => paths.slice(from).filter((p) => p.split("?")[0] === path).length;
  return { emu, vsdk, join, advance, paths, countSince };
}

async function collect(iterable) {
  const items = [];
  for await (const item of iterable) items.push(item);
  return items;
}

/** A room with a live session of the given participants. */
async function liveRoom(env, prefix, names) {
  const room = await env.vsdk.rooms.create({ customRoomId: uniqueName(prefix) });
  const people = [];
  for (const name of names) people.push(await env.join(room.roomId, name));
  const [session] = await collect(env.vsdk.sessions.list({ roomId: room.roomId }));
  return { room, session, people };
}

async function refused(ctx, promise, field, code = "invalid_argument") {
  return checkEdgeroomError(ctx.edgeroom, await rejects(promise), { code, field });
}

export default [
  {
    name: "videosdk media: quality stats of a session and of one participant",
    async run(ctx) {
      const env = onServer(ctx);
      const { room, session, people } = await liveRoom(env, "stats", ["Ana", "Bo"]);
      const [ana] = people;

      const stats = await env.vsdk.sessions.getQualityStats(session.id);
      equal(stats.sessionId, session.id, "the stats are the session's");
      equal(stats.roomId, room.roomId);
      equal(stats.participants.length, 2, "every participant's figures, kept as sent");

      const mine = await env.vsdk.sessions.getParticipantQualityStats(session.id, ana.participantId);
      equal(mine.participantId, ana.participantId);
      equal(typeof mine.resolutionUsage, "object", "resolution usage comes with a participant's stats");

      const stranger = await refused(ctx, env.vsdk.sessions.getParticipantQualityStats(session.id, "nobody"), undefined, "not_found");
      equal(stranger.status, 404);
      await refused(ctx, env.vsdk.sessions.getQualityStats("no-such-session"), undefined, "not_found");
      await refused(ctx, env.vsdk.sessions.getQualityStats(""), "sessionId");
      await refused(ctx, env.vsdk.sessions.getParticipantQualityStats(session.id, ""), "participantId");
    },
  },
  {
    name: "videosdk media: hls.capture takes a frame of the running stream only, and names bad fields",
    async run(ctx) {
      const env = onServer(ctx);
      const { room } = await liveRoom(env, "capture", ["Host"]);
      const idle = await refused(ctx, env.vsdk.hls.capture({ roomId: room.roomId }), undefined, "conflict");
      equal(idle.status, 409, "nothing to capture without a running stream");

      await env.vsdk.hls.start({ roomId: room.roomId });
      const active = await env.vsdk.hls.getActive(room.roomId);
      const frame = await env.vsdk.hls.capture({ roomId: room.roomId, format: "jpg", width: 640, height: 360, time: 5 });
      equal(frame.roomId, room.roomId);
      ok(frame.fileName.endsWith(".jpg"), `the format names the file: ${frame.fileName}`);
      ok(frame.filePath.endsWith(frame.fileName), `filePath ${frame.filePath} ends with fileName`);
      ok(Number.isInteger(frame.fileSize) && frame.fileSize > 0, `fileSize: ${frame.fileSize}`);
      equal(frame.meta.hlsId, active.id, "the frame is of the running stream");
      ok((await env.vsdk.hls.capture({ roomId: room.roomId })).fileName.endsWith(".png"), "png by default");
      const big = await env.vsdk.hls.capture({ roomId: room.roomId, width: 3840, height: 2160, time: 3600 });
      equal(big.meta.width, 3840, "sizes up to the SDKs' u32, not a smaller bound of the emulator's");
      await refused(ctx, env.vsdk.hls.capture({ roomId: room.roomId, height: 2 ** 32 }), "height");

      await refused(ctx, env.vsdk.hls.capture({ roomId: room.roomId, format: "gif" }), "format");
      await refused(ctx, env.vsdk.hls.capture({ roomId: room.roomId, width: 0 }), "width");
      await refused(ctx, env.vsdk.hls.capture({ roomId: room.roomId, time: -1 }), "time");
      await refused(ctx, env.vsdk.hls.capture({ format: "png" }), "roomId");

      await env.vsdk.hls.stop(room.roomId, active.id);
      await refused(ctx, env.vsdk.hls.capture({ roomId: room.roomId }), undefined, "conflict");
    },
  },
  {
    name: "videosdk media: participant recordings start, list, stop, get and delete",
    async run(ctx) {
      const env = onServer(ctx, "/v2/recordings/participant?");
      const { room, session, people } = await liveRoom(env, "precording", ["Ana", "Bo", "Cy"]);
      const [ana, bo, cy] = people;

      const started = await env.vsdk.participantRecordings.start({
        roomId: room.roomId,
        participantId: ana.participantId,
        fileFormat: "mp4",
        bucketDirPath: "suite/",
        metadata: { take: 1 },
      });
      equal(typeof started, "string", `the start answers VideoSDK's confirmation: ${JSON.stringify(started)}`);
      const again = await refused(
        ctx,
        env.vsdk.participantRecordings.start({ roomId: room.roomId, participantId: ana.participantId }),
        undefined,
        "conflict",
      );
      equal(again.status, 409, "one recording per participant at a time");

      const [recording] = await collect(env.vsdk.participantRecordings.list({ participantId: ana.participantId }));
      ok(recording, "the started recording is listed");
      equal(recording.roomId, room.roomId);
      equal(recording.sessionId, session.id);
      equal(recording.participantName, "Ana");
      equal(recording.end, null, "running: no end yet");
      deepEqual(recording.files, [], "no files while running");
      equal((await env.vsdk.participantRecordings.get(recording.id)).id, recording.id);

      const running = await refused(ctx, env.vsdk.participantRecordings.delete(recording.id), undefined, "conflict");
      equal(running.status, 409, "a running recording is stopped before it is deleted");

      await env.vsdk.participantRecordings.stop(room.roomId, ana.participantId);
      const stopped = await env.vsdk.participantRecordings.get(recording.id);
      equal(stopped.status, "stopped", "stop changes the recording's status");
      ok(typeof stopped.end === "string", "a stopped recording has an end");
      equal(stopped.files.length, 1, "and its file");
      ok(stopped.files[0].fileUrl.endsWith(".mp4"), `the file is in the asked format: ${stopped.files[0].fileUrl}`);
      const notRunning = await refused(ctx, env.vsdk.participantRecordings.stop(room.roomId, ana.participantId), undefined, "conflict");
      equal(notRunning.status, 409);

      // Pages: three recordings of this room, one per page.
      await env.vsdk.participantRecordings.start({ roomId: room.roomId, participantId: bo.participantId });
      await env.vsdk.participantRecordings.start({ roomId: room.roomId, participantId: cy.participantId });
      env.counter.requests = 0;
      const listed = await collect(env.vsdk.participantRecordings.list({ roomId: room.roomId, perPage: 1 }));
      deepEqual(listed.map((r) => r.participantName).sort(), ["Ana", "Bo", "Cy"], "every page's recording, once");
      ok(env.counter.requests >= 3, `perPage 1 over 3 recordings takes 3+ pages (took ${env.counter.requests})`);

      await env.vsdk.participantRecordings.delete(recording.id);
      await refused(ctx, env.vsdk.participantRecordings.get(recording.id), undefined, "not_found");
      ok(!(await collect(env.vsdk.participantRecordings.list({ roomId: room.roomId }))).some((r) => r.id === recording.id), "a deleted recording is not listed");

      const stranger = await refused(
        ctx,
        env.vsdk.participantRecordings.start({ roomId: room.roomId, participantId: "not-here" }),
        undefined,
        "not_found",
      );
      equal(stranger.status, 404, "only a present participant is recorded");
      await refused(ctx, env.vsdk.participantRecordings.start({ roomId: room.roomId, participantId: bo.participantId, fileFormat: "mp3" }), "fileFormat");
      await refused(ctx, env.vsdk.participantRecordings.start({ roomId: room.roomId, participantId: "" }), "participantId");
      await refused(ctx, env.vsdk.participantRecordings.stop(room.roomId, ""), "participantId");
      await refused(ctx, collect(env.vsdk.participantRecordings.list({ perPage: 101 })), "perPage");
    },
  },
  {
    name: "videosdk media: track recordings are kept per track; stop ends one track's",
    async run(ctx) {
      const env = onServer(ctx);
      const { room, people } = await liveRoom(env, "track", ["Ana"]);
      const [ana] = people;

      await env.vsdk.trackRecordings.start({ roomId: room.roomId, participantId: ana.participantId, kind: "audio" });
      await env.vsdk.trackRecordings.start({ roomId: room.roomId, participantId: ana.participantId, kind: "video", fileFormat: "mp4" });
      await refused(
        ctx,
        env.vsdk.trackRecordings.start({ roomId: room.roomId, participantId: ana.participantId, kind: "audio" }),
        undefined,
        "conflict",
      );
      const tracks = await collect(env.vsdk.trackRecordings.list({ roomId: room.roomId }));
      deepEqual(tracks.map((t) => t.kind).sort(), ["audio", "video"], "one recording per track, naming its kind");
      const audio = tracks.find((t) => t.kind === "audio");
      const video = tracks.find((t) => t.kind === "video");
      ok(!(await collect(env.vsdk.participantRecordings.list({ roomId: room.roomId }))).length, "track recordings are not participant recordings");

      await env.vsdk.trackRecordings.stop(room.roomId, ana.participantId, "audio");
      const audioDone = await env.vsdk.trackRecordings.get(audio.id);
      equal(audioDone.status, "stopped", "stop ends that track's recording");
      ok(audioDone.files[0].fileUrl.endsWith(".webm"), `webm by default, as the SDKs say: ${audioDone.files[0].fileUrl}`);
      equal((await env.vsdk.trackRecordings.get(video.id)).end, null, "the other track's recording runs on");
      await env.vsdk.trackRecordings.stop(room.roomId, ana.participantId, "video");
      ok((await env.vsdk.trackRecordings.get(video.id)).files[0].fileUrl.endsWith(".mp4"), "in the format asked for");

      await env.vsdk.trackRecordings.delete(audio.id);
      await refused(ctx, env.vsdk.trackRecordings.get(audio.id), undefined, "not_found");
      await refused(ctx, env.vsdk.participantRecordings.get(video.id), undefined, "not_found");
      deepEqual((await collect(env.vsdk.trackRecordings.list({ participantId: ana.participantId }))).map((t) => t.id), [video.id]);

      await refused(ctx, env.vsdk.trackRecordings.start({ roomId: room.roomId, participantId: ana.participantId, kind: "camera" }), "kind");
      await refused(ctx, env.vsdk.trackRecordings.start({ roomId: room.roomId, participantId: ana.participantId }), "kind");
      await refused(ctx, env.vsdk.trackRecordings.stop(room.roomId, ana.participantId, "mic"), "kind");
    },
  },
  {
    name: "videosdk media: composite recordings start with the id that stops them, and are listed and deleted",
    async run(ctx) {
      const env = onServer(ctx);
      const { room, session, people } = await liveRoom(env, "composite", ["Ana", "Bo"]);
      const [ana, bo] = people;

      const started = await env.vsdk.compositeRecordings.start({
        roomId: room.roomId,
        participants: [{ participantId: ana.participantId, kind: ["audio", "video"] }, { participantId: bo.participantId }],
        watermarks: [{ type: "custom", text: "suite", position: "top-left" }],
        preSignedURL: "https://upload.example.com/c.mp4",
        fileFormat: "mp4",
      });
      equal(typeof started.recordingId, "string", `the start answers the recordingId: ${JSON.stringify(started)}`);
      const { recordingId } = started;

      const [listed] = await collect(env.vsdk.compositeRecordings.list({ sessionId: session.id }));
      equal(listed?.id, recordingId, "the started recording is listed by session");
      equal(listed.meetingId, room.roomId, "the room, by its legacy name");
      equal(listed.participants.length, 2);
      equal(listed.end, null);

      await refused(ctx, env.vsdk.compositeRecordings.stop(room.roomId, "not-a-recording"), undefined, "not_found");
      await env.vsdk.compositeRecordings.stop(room.roomId, recordingId);
      const stopped = await env.vsdk.compositeRecordings.get(recordingId);
      equal(stopped.status, "stopped", "stop changes its status");
      ok(stopped.file.fileUrl.endsWith(".mp4"), `a stopped composite has its file: ${JSON.stringify(stopped.file)}`);
      equal(typeof stopped.fileId, "string");
      await refused(ctx, env.vsdk.compositeRecordings.stop(room.roomId, recordingId), undefined, "conflict");

      await env.vsdk.compositeRecordings.delete(recordingId);
      await refused(ctx, env.vsdk.compositeRecordings.get(recordingId), undefined, "not_found");
      deepEqual(await collect(env.vsdk.compositeRecordings.list({ roomId: room.roomId })), [], "a deleted one is not listed");

      await refused(ctx, env.vsdk.compositeRecordings.start({ roomId: room.roomId, watermarks: [{ type: "logo" }] }), "watermarks[0].type");
      await refused(
        ctx,
        env.vsdk.compositeRecordings.start({ roomId: room.roomId, participants: [{ participantId: ana.participantId, kind: ["mic"] }] }),
        "participants[0].kind[0]",
      );
      const four = Array.from({ length: 4 }, () => ({ type: "custom" }));
      await refused(ctx, env.vsdk.compositeRecordings.start({ roomId: room.roomId, watermarks: four }), "watermarks");
      await refused(ctx, env.vsdk.compositeRecordings.stop(room.roomId, ""), "recordingId");
    },
  },
  {
    name: "videosdk media: merges of participant recordings are created, complete, and page",
    async run(ctx) {
      const env = onOwnEmulator(ctx);
      const { room, session, people } = await liveRoom(env, "merge", ["Ana", "Bo"]);
      const [ana, bo] = people;
      await env.vsdk.participantRecordings.start({ roomId: room.roomId, participantId: ana.participantId });
      await env.vsdk.participantRecordings.stop(room.roomId, ana.participantId);
      const [anaRecording] = await collect(env.vsdk.participantRecordings.list({ participantId: ana.participantId }));

      const created = await env.vsdk.mergeRecordings.create({
        sessionId: session.id,
        channel1: [{ participantId: ana.participantId, recordingId: anaRecording.id }],
        channel2: [{ participantId: bo.participantId }],
        dirPath: "merges/",
      });
      equal(typeof created.message, "string");
      const merge = created.recording;
      equal(merge.status, "processing");
      equal(merge.sessionId, session.id);
      equal(merge.meetingId, room.roomId);
      deepEqual(merge.channel1, [{ participantId: ana.participantId, recordingId: anaRecording.id }]);
      equal(merge.channel2[0].participantId, bo.participantId);

      env.advance(STEP_MS);
      const done = await env.vsdk.mergeRecordings.get(merge.id);
      equal(done.status, "completed", "a merge completes on the emulator's clock");
      ok(done.file.fileUrl.endsWith(".mp4"));

      for (let i = 0; i < 2; i++) {
        await env.vsdk.mergeRecordings.create({ sessionId: session.id, channel1: [{ participantId: bo.participantId }], channel2: [{ participantId: ana.participantId }] });
      }
      const from = env.paths.length;
      const merges = await collect(env.vsdk.mergeRecordings.list({ sessionId: session.id, perPage: 1 }));
      equal(merges.length, 3, "every page's merge");
      equal(new Set(merges.map((m) => m.id)).size, 3, "none twice");
      ok(env.countSince(from, "GET /videosdk/v2/recordings/participant/merge") >= 3, "one page per merge");
      deepEqual((await collect(env.vsdk.mergeRecordings.list({ status: "completed" }))).map((m) => m.id), [merge.id]);
      deepEqual((await collect(env.vsdk.mergeRecordings.list({ id: merge.id }))).map((m) => m.id), [merge.id]);
      deepEqual(await collect(env.vsdk.mergeRecordings.list({ roomId: "abc-defg-hij" })), []);

      await refused(ctx, env.vsdk.mergeRecordings.get("no-such-merge"), undefined, "not_found");
      await refused(ctx, env.vsdk.mergeRecordings.create({ sessionId: session.id, channel1: [], channel2: [{ participantId: bo.participantId }] }), "channel1");
      await refused(
        ctx,
        env.vsdk.mergeRecordings.create({ sessionId: session.id, channel1: [{ participantId: ana.participantId }], channel2: [{ participantId: bo.participantId, type: "mix" }] }),
        "channel2[0].type",
      );
      const stranger = await refused(
        ctx,
        env.vsdk.mergeRecordings.create({ sessionId: session.id, channel1: [{ participantId: "not-here" }], channel2: [{ participantId: bo.participantId }] }),
        undefined,
        "bad_request",
      );
      equal(stranger.status, 400, "the API refuses a participant who was not in the session");
    },
  },
  {
    name: "videosdk media: transcodings run pending, processing, completed; cancel stops one; lists page and filter",
    async run(ctx) {
      const env = onOwnEmulator(ctx);
      const { room, session, people } = await liveRoom(env, "transcode", ["Ana"]);
      const [ana] = people;

      // Finished media to transcode: a room recording, individual (participant and track)
      // recordings, an HLS stream.
      await env.vsdk.recordings.start({ roomId: room.roomId });
      await env.vsdk.recordings.stop(room.roomId);
      const [recording] = await collect(env.vsdk.recordings.list({ roomId: room.roomId }));
      await env.vsdk.participantRecordings.start({ roomId: room.roomId, participantId: ana.participantId });
      await env.vsdk.trackRecordings.start({ roomId: room.roomId, participantId: ana.participantId, kind: "audio" });
      const [individual] = await collect(env.vsdk.participantRecordings.list({ roomId: room.roomId }));
      const [track] = await collect(env.vsdk.trackRecordings.list({ roomId: room.roomId }));
      const running = await refused(ctx, env.vsdk.transcodings.merge({ recordingIds: [individual.id] }), undefined, "conflict");
      equal(running.status, 409, "a running recording is not transcoded");
      await env.vsdk.participantRecordings.stop(room.roomId, ana.participantId);
      await env.vsdk.trackRecordings.stop(room.roomId, ana.participantId, "audio");
      const roomRecording = await refused(ctx, env.vsdk.transcodings.merge({ recordingIds: [recording.id] }), undefined, "bad_request");
      equal(roomRecording.status, 400, "a merge takes individual recordings; room recordings go to meetingRecordingMerge");
      await env.vsdk.hls.start({ roomId: room.roomId });
      const hls = await env.vsdk.hls.getActive(room.roomId);
      await env.vsdk.hls.stop(room.roomId, hls.id);

      const merged = await env.vsdk.transcodings.merge({
        recordingIds: [individual.id, track.id],
        task: "composite-merge",
        watermark: { type: "lat_long", lat: 12.97, long: 77.59 },
      });
      equal(merged.status, "pending");
      equal(merged.task, "composite-merge");
      deepEqual(merged.recordingIds, [individual.id, track.id]);
      equal(merged.sessionId, session.id);
      equal(merged.stoppedAt, null);

      const converted = await env.vsdk.transcodings.hlsToMp4({ hlsId: hls.id, storage: { type: "s3", bucket: "b", dirPath: "x/" } });
      equal(converted.task, "hls-to-mp4");
      equal(converted.hlsId, hls.id);
      equal(converted.sessionId, session.id);

      const joined = await env.vsdk.transcodings.meetingRecordingMerge({
        recordingIds: [recording.id, { id: recording.id, presignedUrl: "https://fetch.example.com/r.mp4" }],
        presignedOutputUrl: "https://upload.example.com/out.mp4",
      });
      equal(joined.task, "meeting-recording-merge");
      equal(joined.roomId, room.roomId);

      env.advance(STEP_MS);
      equal((await env.vsdk.transcodings.get(merged.id)).status, "processing");
      const cancelled = await env.vsdk.transcodings.cancel(merged.id);
      equal(cancelled.status, "cancelled", "cancel answers the cancelled job");
      ok(typeof cancelled.stoppedAt === "string");
      equal((await env.vsdk.transcodings.get(merged.id)).status, "cancelled");

      env.advance(STEP_MS);
      const finished = await env.vsdk.transcodings.get(converted.id);
      equal(finished.status, "completed", "the others run to completion");
      ok(finished.file.fileUrl.endsWith(".mp4"), JSON.stringify(finished.file));
      const late = await refused(ctx, env.vsdk.transcodings.cancel(converted.id), undefined, "conflict");
      equal(late.status, 409, "a completed job cannot be cancelled");
      equal((await env.vsdk.transcodings.get(merged.id)).status, "cancelled", "a cancelled job stays cancelled");
      const twice = await refused(ctx, env.vsdk.transcodings.cancel(merged.id), undefined, "conflict");
      equal(twice.status, 409, "only a pending or processing job is cancelled");

      const from = env.paths.length;
      const all = await collect(env.vsdk.transcodings.list({ perPage: 1 }));
      deepEqual(all.map((t) => t.id).sort(), [merged.id, converted.id, joined.id].sort(), "every page's job, once");
      ok(env.countSince(from, "GET /videosdk/v2/transcodings") >= 3, "one page per job");
      deepEqual((await collect(env.vsdk.transcodings.list({ status: "cancelled" }))).map((t) => t.id), [merged.id]);
      deepEqual((await collect(env.vsdk.transcodings.list({ hlsId: hls.id }))).map((t) => t.id), [converted.id]);
      deepEqual((await collect(env.vsdk.transcodings.list({ status: "completed", roomId: room.roomId }))).map((t) => t.id).sort(), [converted.id, joined.id].sort());

      await refused(ctx, env.vsdk.transcodings.get("no-such-job"), undefined, "not_found");
      await refused(ctx, env.vsdk.transcodings.merge({ recordingIds: [] }), "recordingIds");
      await refused(ctx, env.vsdk.transcodings.merge({ recordingIds: ["a", "a"] }), "recordingIds[1]");
      await refused(ctx, env.vsdk.transcodings.merge({ recordingIds: ["a"], watermark: { type: "image" } }), "watermark.image");
      await refused(ctx, env.vsdk.transcodings.hlsToMp4({}), "roomId");
      await refused(ctx, env.vsdk.transcodings.hlsToMp4({ roomId: room.roomId, storage: { type: "ftp" } }), "storage.type");
      await refused(ctx, env.vsdk.transcodings.meetingRecordingMerge({ recordingIds: [""] }), "recordingIds[0]");
      await refused(ctx, collect(env.vsdk.transcodings.list({ status: "done" })), "status");
    },
  },
  {
    name: "videosdk media: realtime transcription starts on a live session, stops with its files, and is listed",
    async run(ctx) {
      const env = onOwnEmulator(ctx);
      const room = await env.vsdk.rooms.create({ customRoomId: uniqueName("transcribe") });
      const idle = await refused(ctx, env.vsdk.realtimeTranscriptions.start({ roomId: room.roomId }), undefined, "conflict");
      equal(idle.status, 409, "nothing to transcribe without a session");
      await env.join(room.roomId, "Ana");

      const started = await env.vsdk.realtimeTranscriptions.start({
        roomId: room.roomId,
        language: "en-US",
        summary: { enabled: true, prompt: "Action items" },
      });
      equal(started.status, "starting");
      // As both SDKs read it: the room only under extension.extensionConfig, as sent.
      equal(started.extension.extensionConfig.roomId, room.roomId);
      equal(started.roomId, undefined, "no roomId at the top: the SDKs lift it, edgeroom keeps answers as sent");
      ok(env.paths.at(-1).startsWith("POST /videosdk/ai/v1/realtime-transcriptions/start"), `under the AI API: ${env.paths.at(-1)}`);
      await refused(ctx, env.vsdk.realtimeTranscriptions.start({ roomId: room.roomId }), undefined, "conflict");

      env.advance(STEP_MS);
      equal((await env.vsdk.realtimeTranscriptions.get(started.id)).status, "started");
      deepEqual((await collect(env.vsdk.realtimeTranscriptions.list({ status: "started" }))).map((t) => t.id), [started.id]);

      const stopped = await env.vsdk.realtimeTranscriptions.stop(room.roomId);
      equal(stopped.id, started.id, "stop answers the room's transcription");
      equal(stopped.status, "stopped");
      ok(stopped.transcriptionFilePaths.txt.endsWith(".txt"), "its files once stopped");
      ok(stopped.summarizedFilePaths.txt, "and the summary asked for");
      equal((await env.vsdk.realtimeTranscriptions.get(started.id)).status, "stopped");
      await refused(ctx, env.vsdk.realtimeTranscriptions.stop(room.roomId), undefined, "conflict");

      // Two more, one after the other, then every one of them page by page.
      await env.vsdk.realtimeTranscriptions.start({ roomId: room.roomId });
      await env.vsdk.realtimeTranscriptions.stop(room.roomId);
      await env.vsdk.realtimeTranscriptions.start({ roomId: room.roomId });
      const from = env.paths.length;
      const all = await collect(env.vsdk.realtimeTranscriptions.list({ perPage: 1 }));
      equal(all.length, 3, "every page's transcription");
      equal(new Set(all.map((t) => t.id)).size, 3, "none twice");
      ok(env.countSince(from, "GET /videosdk/ai/v1/realtime-transcriptions") >= 3, "one page per transcription");
      equal((await collect(env.vsdk.realtimeTranscriptions.list({ status: "stopped" }))).length, 2);
      equal((await collect(env.vsdk.realtimeTranscriptions.list({ status: "videosdk" }))).length, 3, "the status value the SDKs document");
      deepEqual(all.map((t) => t.extension.extensionConfig.roomId), [room.roomId, room.roomId, room.roomId]);

      await refused(ctx, env.vsdk.realtimeTranscriptions.get("no-such-transcription"), undefined, "not_found");
      await refused(ctx, env.vsdk.realtimeTranscriptions.get(""), "transcriptionId");
      await refused(ctx, env.vsdk.realtimeTranscriptions.start({ language: "en" }), "roomId");
      await refused(ctx, env.vsdk.realtimeTranscriptions.stop(""), "roomId");
      await refused(ctx, collect(env.vsdk.realtimeTranscriptions.list({ perPage: 0 })), "perPage");
    },
  },
];
