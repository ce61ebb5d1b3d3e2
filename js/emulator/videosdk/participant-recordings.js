// Recordings of single participants, of single tracks, composite recordings of chosen
// participants, and merges of participant recordings into a two-channel file, as the official
// SDKs call them (Rust resources/recordings.rs, Node RecordingParticipantResource and
// siblings):
//   POST /recordings/participant/start|stop          body {roomId, participantId, fileFormat?,
//                                                    webhookUrl?, bucketDirPath?, metadata?}
//   POST /recordings/participant/track/start|stop    the same plus kind (a track kind)
//   POST /recordings/composite/start                 {roomId, participants?, watermarks?, ...}
//   POST /recordings/composite/stop                  {roomId, recordingId}
//   GET /recordings/participant[/track|/composite]   page-based lists; GET|DELETE .../:id
//   POST /recordings/participant/merge               {sessionId, channel1, channel2, type?, ...}
//   GET /recordings/participant/merge[/:id]          the list's items are under `recordings`
// Starts and stops answer a message string (both SDKs read them as text), except the composite
// start, whose answer carries the id its stop needs. They share the job life cycle of jobs.js.

import { objectBody } from "../shared/http.js";
import { objectId, unique } from "../shared/ids.js";
import { checkObject, conflict, has, invalid, isoAt, notFound, optionalString, pageOf, requiredString } from "./http.js";
import { JOB_STARTUP_MS, isActive, jobsOf, presentJob, startJob, stopJob } from "./jobs.js";
import { liveSession, requireRoomId, requireSession } from "./store.js";

const PARTICIPANT_FORMATS = ["mp4", "webm", "m3u8"];
const TRACK_FORMATS = ["mp4", "webm", "m3u8", "mp3"];
const TRACK_KINDS = ["audio", "video", "screen_audio", "screen_video"];
const WATERMARK_TYPES = ["custom", "pubsub"];
const MERGE_TYPES = ["participant", "track"];

function checkEnum(body, field, allowed) {
  if (has(body, field) && !allowed.includes(body[field])) throw invalid(`${field} must be one of ${allowed.join(", ")}`);
  return body[field];
}

const pick = (body, fields) => Object.fromEntries(fields.filter((f) => has(body, f)).map((f) => [f, body[f]]));

function optionalObject(body, field) {
  if (has(body, field)) checkObject(body[field], field);
}

// The room's live session and the present participant a recording targets.
function liveParticipant(ctx, body) {
  const room = requireRoomId(ctx.state, ctx.app.apiKey, requiredString(body, "roomId"));
  const participantId = requiredString(body, "participantId");
  const session = liveSession(ctx.state, room.roomId);
  if (!session) throw conflict(`Room ${room.roomId} has no active session`);
  const participant = session.participants.find((p) => p.participantId === participantId);
  if (!participant || participant.timelog.at(-1).end !== null) {
    throw notFound(`Participant ${participantId} is not in the live session of room ${room.roomId}`);
  }
  return { room, session, participant };
}

const KINDS = {
  "participant-recording": { label: "Participant recording", noun: "participant" },
  "track-recording": { label: "Track recording", noun: "track" },
  composite: { label: "Composite recording", noun: "composite" },
};

function requireJob(ctx, kind, id) {
  const job = ctx.state.jobs.get(id);
  if (!job || job.kind !== kind || job.apiKey !== ctx.app.apiKey) throw notFound(`${KINDS[kind].label} not found: ${id}`);
  return job;
}

// The wire view: a track recording's `kind` is the track kind (the job's own kind is internal).
function present(ctx, job) {
  const { kindOfTrack, ...wire } = presentJob(ctx.base, job);
  return kindOfTrack === undefined ? wire : { ...wire, kind: kindOfTrack };
}

function listOf(ctx, kind, filters) {
  const values = Object.fromEntries(filters.map((f) => [f, ctx.query.get(f)]));
  const jobs = jobsOf(ctx.state, kind).filter((job) =>
    job.apiKey === ctx.app.apiKey && filters.every((f) => values[f] === null || job[f] === values[f]));
  return pageOf(jobs, ctx.query, (job) => present(ctx, job));
}

function removeJob(ctx, kind) {
  const job = requireJob(ctx, kind, ctx.params.id);
  if (isActive(job)) throw conflict(`${KINDS[kind].label} ${job.id} is still running: stop it first`);
  ctx.state.jobs.delete(job.id);
  return `${KINDS[kind].label} deleted successfully`;
}

const running = (ctx, kind, matches) => jobsOf(ctx.state, kind).find((job) => isActive(job) && matches(job));

// --- one participant, or one of its tracks ---

function individualHandlers(kind, { formats, withTrack }) {
  const { label } = KINDS[kind];
  const sameTarget = (room, participantId, trackKind) => (job) =>
    job.roomId === room.roomId && job.participantId === participantId && (!withTrack || job.kindOfTrack === trackKind);

  function start(ctx) {
    const body = objectBody(ctx.body);
    const trackKind = withTrack ? requiredString(body, "kind") : undefined;
    if (withTrack) checkEnum(body, "kind", TRACK_KINDS);
    checkEnum(body, "fileFormat", formats);
    optionalString(body, "webhookUrl");
    optionalString(body, "bucketDirPath");
    optionalObject(body, "metadata");
    const { room, session, participant } = liveParticipant(ctx, body);
    if (running(ctx, kind, sameTarget(room, participant.participantId, trackKind))) {
      throw conflict(`${label} is already running for participant ${participant.participantId}${withTrack ? ` (${trackKind})` : ""}`);
    }
    startJob(ctx.state, ctx.clock, kind, session, {
      participantId: participant.participantId,
      participantName: participant.name,
      ...(withTrack ? { kindOfTrack: trackKind } : {}),
      ...pick(body, ["fileFormat", "webhookUrl", "bucketDirPath", "metadata"]),
    });
    return `${label} started successfully`;
  }

  function stop(ctx) {
    const body = objectBody(ctx.body);
    const room = requireRoomId(ctx.state, ctx.app.apiKey, requiredString(body, "roomId"));
    const participantId = requiredString(body, "participantId");
    const trackKind = withTrack ? requiredString(body, "kind") : undefined;
    if (withTrack) checkEnum(body, "kind", TRACK_KINDS);
    const job = running(ctx, kind, sameTarget(room, participantId, trackKind));
    if (!job) throw conflict(`No ${label.toLowerCase()} is running for participant ${participantId} in room ${room.roomId}`);
    stopJob(job, ctx.clock.ms, ctx.state);
    return `${label} stopped successfully`;
  }

  return {
    start,
    stop,
    list: (ctx) => listOf(ctx, kind, ["roomId", "sessionId", "participantId"]),
    get: (ctx) => present(ctx, requireJob(ctx, kind, ctx.params.id)),
    remove: (ctx) => removeJob(ctx, kind),
  };
}

export const participantRecordingHandlers = individualHandlers("participant-recording", { formats: PARTICIPANT_FORMATS, withTrack: false });
export const trackRecordingHandlers = individualHandlers("track-recording", { formats: TRACK_FORMATS, withTrack: true });

// --- composite of chosen participants ---

function checkSelectors(participants) {
  if (!Array.isArray(participants)) throw invalid("participants must be an array");
  participants.forEach((selector, i) => {
    checkObject(selector, `participants[${i}]`);
    requiredString(selector, "participantId");
    if (has(selector, "kind")) {
      const kinds = selector.kind;
      if (!Array.isArray(kinds) || kinds.some((k) => !TRACK_KINDS.includes(k))) {
        throw invalid(`participants[${i}].kind must be an array of ${TRACK_KINDS.join(", ")}`);
      }
    }
  });
}

function checkWatermarks(watermarks) {
  if (!Array.isArray(watermarks)) throw invalid("watermarks must be an array");
  watermarks.forEach((mark, i) => {
    checkObject(mark, `watermarks[${i}]`);
    if (!WATERMARK_TYPES.includes(mark.type)) throw invalid(`watermarks[${i}].type must be one of ${WATERMARK_TYPES.join(", ")}`);
  });
}

function startComposite(ctx) {
  const body = objectBody(ctx.body);
  const room = requireRoomId(ctx.state, ctx.app.apiKey, requiredString(body, "roomId"));
  if (has(body, "participants")) checkSelectors(body.participants);
  if (has(body, "watermarks")) checkWatermarks(body.watermarks);
  for (const field of ["webhookUrl", "bucketDirPath", "preSignedURL"]) optionalString(body, field);
  checkEnum(body, "fileFormat", ["mp4", "webm"]);
  const session = liveSession(ctx.state, room.roomId);
  if (!session) throw conflict(`Room ${room.roomId} has no active session: a composite recording needs participants`);
  const job = startJob(ctx.state, ctx.clock, "composite", session, {
    meetingId: room.roomId,
    participants: structuredClone(body.participants ?? []),
    ...pick(body, ["watermarks", "webhookUrl", "bucketDirPath", "preSignedURL", "fileFormat"]),
  });
  // The SDKs take the handle's id from recordingId (then id).
  return { message: "Composite recording started successfully", recordingId: job.id, ...present(ctx, job) };
}

function stopComposite(ctx) {
  const body = objectBody(ctx.body);
  const room = requireRoomId(ctx.state, ctx.app.apiKey, requiredString(body, "roomId"));
  const job = requireJob(ctx, "composite", requiredString(body, "recordingId"));
  if (job.roomId !== room.roomId || !isActive(job)) {
    throw conflict(`Composite recording ${job.id} is not running in room ${room.roomId}`);
  }
  stopJob(job, ctx.clock.ms, ctx.state);
  return "Composite recording stopped successfully";
}

export const compositeRecordingHandlers = {
  start: startComposite,
  stop: stopComposite,
  list: (ctx) => listOf(ctx, "composite", ["roomId", "sessionId"]),
  get: (ctx) => present(ctx, requireJob(ctx, "composite", ctx.params.id)),
  remove: (ctx) => removeJob(ctx, "composite"),
};

// --- merges: two channels of a session's participant (or track) recordings ---
// "processing" when created, "completed" with its file JOB_STARTUP_MS later (settle()).

const MEDIA_ORIGIN = "https://cdn.emulator.invalid/videosdk";

function checkChannel(ctx, session, body, name, type) {
  const entries = body[name];
  if (!Array.isArray(entries) || entries.length === 0) throw invalid(`${name} must be a non-empty array`);
  return entries.map((entry, i) => {
    const path = `${name}[${i}]`;
    checkObject(entry, path);
    const participantId = requiredString(entry, "participantId");
    if (!session.participants.some((p) => p.participantId === participantId)) {
      throw invalid(`${path}.participantId: ${participantId} was not in session ${session.id}`);
    }
    const entryType = checkEnum(entry, "type", MERGE_TYPES) ?? type;
    const recordingId = optionalString(entry, "recordingId");
    if (recordingId !== undefined) {
      const job = ctx.state.jobs.get(recordingId);
      const kind = entryType === "track" ? "track-recording" : "participant-recording";
      if (!job || job.kind !== kind || job.sessionId !== session.id || job.participantId !== participantId) {
        throw invalid(`${path}.recordingId: no ${entryType} recording ${recordingId} of ${participantId} in session ${session.id}`);
      }
    }
    return { participantId, ...(recordingId === undefined ? {} : { recordingId }) };
  });
}

function createMerge(ctx) {
  const body = objectBody(ctx.body);
  const session = requireSession(ctx.state, ctx.app.apiKey, requiredString(body, "sessionId"));
  const type = checkEnum(body, "type", MERGE_TYPES) ?? "participant";
  optionalString(body, "webhookUrl");
  optionalString(body, "dirPath");
  const merge = {
    id: unique(objectId, (id) => ctx.state.merges.has(id) || ctx.state.jobs.has(id)),
    apiKey: session.apiKey,
    startMs: ctx.clock.ms,
    channel1: checkChannel(ctx, session, body, "channel1", type),
    channel2: checkChannel(ctx, session, body, "channel2", type),
    type,
    status: "processing",
    meetingId: session.roomId,
    sessionId: session.id,
    start: ctx.clock.iso,
    end: null,
    ...pick(body, ["webhookUrl", "dirPath"]),
  };
  ctx.state.merges.set(merge.id, merge);
  return { message: "Merge recording started successfully", recording: presentMerge(merge) };
}

export function settleMerges(state, nowMs) {
  for (const merge of state.merges.values()) {
    const doneAt = merge.startMs + JOB_STARTUP_MS;
    if (merge.status === "processing" && nowMs >= doneAt) {
      merge.status = "completed";
      merge.end = isoAt(doneAt);
      merge.file = { fileUrl: `${MEDIA_ORIGIN}/merges/${merge.id}.mp4` };
    }
  }
}

export function presentMerge(merge) {
  const { apiKey, startMs, ...wire } = structuredClone(merge);
  return wire;
}

function requireMerge(ctx, id) {
  const merge = ctx.state.merges.get(id);
  if (!merge || merge.apiKey !== ctx.app.apiKey) throw notFound(`Merge recording not found: ${id}`);
  return merge;
}

function listMerges(ctx) {
  const filters = { status: ctx.query.get("status"), meetingId: ctx.query.get("roomId"), sessionId: ctx.query.get("sessionId"), id: ctx.query.get("id") };
  const merges = [...ctx.state.merges.values()].filter((merge) =>
    merge.apiKey === ctx.app.apiKey && Object.entries(filters).every(([f, v]) => v === null || merge[f] === v));
  const page = pageOf(merges, ctx.query, presentMerge);
  // This list names its items `recordings` (both SDKs page it with that data key).
  return { pageInfo: page.pageInfo, recordings: page.data };
}

export const mergeRecordingHandlers = {
  create: createMerge,
  list: listMerges,
  get: (ctx) => presentMerge(requireMerge(ctx, ctx.params.id)),
};
