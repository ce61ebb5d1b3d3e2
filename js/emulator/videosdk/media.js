// The REST side of media jobs: start, end, list, fetch, delete, for recordings, HLS and RTMP
// live streams alike. What differs per kind is in MEDIA: the body rules, the fields kept, and
// the answers, which follow VideoSDK's pages (recording and live-stream starts answer a bare
// JSON string, HLS start the HLS object).

import { objectBody } from "../shared/http.js";
import { activeJob, isActive, jobsOf, presentJob, startJob, stopJob } from "./jobs.js";
import { conflict, has, invalid, notFound, optionalString, pageOf, requiredString } from "./http.js";
import { checkHlsStart, checkLivestreamStart, checkRecordingStart } from "./rules.js";
import { liveSession, requireRoomId } from "./store.js";

const MEDIA = {
  recording: {
    label: "Recording",
    check: checkRecordingStart,
    fields: ["templateUrl", "config", "transcription", "webhookUrl", "awsDirPath", "preSignedUrl", "onFailure", "fileFormat", "resourceId"],
    started: () => "Recording started successfully",
    ended: "Recording stopped successfully",
  },
  hls: {
    label: "HLS",
    check: checkHlsStart,
    fields: ["templateUrl", "config", "orientation", "transcription", "webhookUrl", "recording", "resourceId"],
    started: (ctx, job) => presentJob(ctx.base, job),
    ended: "HLS stopped successfully",
  },
  livestream: {
    label: "Livestream",
    check: checkLivestreamStart,
    fields: ["outputs", "templateUrl", "config", "transcription", "resourceId"],
    started: () => "Livestream started successfully",
    ended: "Livestream ended successfully",
  },
};

const pick = (body, fields) => Object.fromEntries(fields.filter((f) => has(body, f)).map((f) => [f, body[f]]));

function roomOf(ctx, body) {
  return requireRoomId(ctx.state, ctx.app.apiKey, requiredString(body, "roomId"));
}

function requireJob(ctx, kind, id) {
  const job = ctx.state.jobs.get(id);
  if (!job || job.kind !== kind || job.apiKey !== ctx.app.apiKey) throw notFound(`${MEDIA[kind].label} not found: ${id}`);
  return job;
}

function mediaHandlers(kind) {
  const { label, check, fields, started, ended } = MEDIA[kind];

  // Needs a live session (a composer records what participants send); one job per room.
  function start(ctx) {
    const body = objectBody(ctx.body);
    check(body);
    const room = roomOf(ctx, body);
    const session = liveSession(ctx.state, room.roomId);
    if (!session) throw conflict(`Room ${room.roomId} has no active session: ${label} needs participants in the room`);
    if (activeJob(ctx.state, kind, room.roomId)) throw conflict(`${label} is already running in room ${room.roomId}`);
    return started(ctx, startJob(ctx.state, ctx.clock, kind, session, pick(body, fields)));
  }

  // Ends the room's running job; with the job's `id` (recordings, HLS, RTMP alike), that one.
  function end(ctx) {
    const body = objectBody(ctx.body);
    const room = roomOf(ctx, body);
    const id = optionalString(body, "id");
    const job = id === undefined ? activeJob(ctx.state, kind, room.roomId) : requireJob(ctx, kind, id);
    if (!job || job.roomId !== room.roomId || !isActive(job)) {
      throw conflict(`No ${label} is running in room ${room.roomId}${id === undefined ? "" : ` with id ${id}`}`);
    }
    stopJob(job, ctx.clock.ms, ctx.state);
    return ended;
  }

  // Filters: roomId, sessionId, query (the room's id, exactly, or as a regular expression),
  // and for recordings withTranscription (true | false).
  function list(ctx) {
    const roomId = ctx.query.get("roomId");
    const sessionId = ctx.query.get("sessionId");
    const query = ctx.query.get("query");
    const withTranscription = ctx.query.get("withTranscription");
    if (kind === "recording" && withTranscription !== null && !["true", "false"].includes(withTranscription)) {
      throw invalid("withTranscription must be true or false");
    }
    let pattern = null;
    if (query !== null) {
      try {
        pattern = new RegExp(query);
      } catch {
        pattern = null;
      }
    }
    const matchesQuery = (id) => query === null || id === query || (pattern !== null && pattern.test(id));
    const jobs = jobsOf(ctx.state, kind).filter((job) =>
      job.apiKey === ctx.app.apiKey
      && (roomId === null || job.roomId === roomId)
      && (sessionId === null || job.sessionId === sessionId)
      && matchesQuery(job.roomId));
    return pageOf(jobs, ctx.query, (job) => presentJob(ctx.base, job));
  }

  function get(ctx) {
    return presentJob(ctx.base, requireJob(ctx, kind, ctx.params.id));
  }

  // Deleting removes a finished job's record (and, for real, its files); a running one must
  // be ended first.
  function remove(ctx) {
    const job = requireJob(ctx, kind, ctx.params.id);
    if (isActive(job)) throw conflict(`${label} ${job.id} is still running: end it first`);
    ctx.state.jobs.delete(job.id);
    return `${label} deleted successfully`;
  }

  // GET /hls/:roomId/active answers {data: stream}, the stream naming its room with the legacy
  // meetingId (as the official SDKs read it: Rust hls.get, Node hls.get); with nothing running
  // data is null, which both SDKs take as "none active".
  function active(ctx) {
    const room = requireRoomId(ctx.state, ctx.app.apiKey, ctx.params.roomId);
    const job = activeJob(ctx.state, kind, room.roomId);
    if (!job) return { data: null };
    const { roomId, ...stream } = presentJob(ctx.base, job);
    return { data: { ...stream, meetingId: roomId } };
  }

  return { start, end, list, get, remove, active };
}

export const recordingHandlers = mediaHandlers("recording");
export const hlsHandlers = mediaHandlers("hls");
export const livestreamHandlers = mediaHandlers("livestream");

const CAPTURE_FORMATS = ["png", "jpg", "webp"];
// width, height and time are unsigned 32-bit integers in the Rust SDK (u32) and bare numbers
// in the Node SDK; neither bounds them further, so neither does the emulator.
const MAX_U32 = 2 ** 32 - 1;

function optionalInteger(body, field, min, max) {
  if (!has(body, field)) return undefined;
  const value = body[field];
  if (!Number.isInteger(value) || value < min || value > max) throw invalid(`${field} must be an integer from ${min} to ${max}`);
  return value;
}

// POST /hls/capture: a still image of a room's running HLS stream (`time` seconds into it).
function capture(ctx) {
  const body = objectBody(ctx.body);
  const room = roomOf(ctx, body);
  const format = optionalString(body, "format") ?? "png";
  if (!CAPTURE_FORMATS.includes(format)) throw invalid(`format must be one of ${CAPTURE_FORMATS.join(", ")}`);
  const width = optionalInteger(body, "width", 1, MAX_U32) ?? 1280;
  const height = optionalInteger(body, "height", 1, MAX_U32) ?? 720;
  const time = optionalInteger(body, "time", 0, MAX_U32);
  const job = activeJob(ctx.state, "hls", room.roomId);
  if (!job) throw conflict(`No HLS is running in room ${room.roomId}: nothing to capture`);
  const fileName = `${job.id}-${ctx.clock.ms}.${format}`;
  return {
    message: "Capture taken successfully",
    roomId: room.roomId,
    filePath: `hls-captures/${room.roomId}/${fileName}`,
    fileSize: Math.round((width * height) / 8),
    fileName,
    meta: { format, width, height, ...(time === undefined ? {} : { time }), hlsId: job.id },
  };
}

hlsHandlers.capture = capture;
