// Transcodings: post-processing tasks over finished media, as the official SDKs call them
// (Rust resources/transcodings.rs, Node TranscodingsResource):
//   POST /transcodings/merge                    {recordingIds, task?: "composite-merge",
//                                                webhookUrl?, watermark?}
//   POST /transcodings/hls-to-mp4               {roomId?, sessionId?, hlsId?, webhookUrl?, storage?}
//   POST /transcodings/meeting-recording-merge  {recordingIds: (id | {id, presignedUrl?})[], ...}
//   GET /transcodings?roomId&sessionId&hlsId&status&page&perPage, GET /transcodings/:id
//   POST /transcodings/:id/cancel               answers the cancelled transcoding
// Each answers the transcoding. Life cycle on the emulator's clock: "pending" when created,
// "processing" JOB_STARTUP_MS later, "completed" with its file after as long again; a pending
// or processing one can be cancelled.

import { objectBody } from "../shared/http.js";
import { objectId, unique } from "../shared/ids.js";
import { checkObject, conflict, has, invalid, isoAt, notFound, optionalString, pageOf } from "./http.js";
import { JOB_STARTUP_MS, isActive } from "./jobs.js";

const STATUSES = ["pending", "processing", "completed", "failed", "cancelled"];
const WATERMARK_TYPES = ["image", "timestamp", "lat_long"];
const STORAGE_TYPES = ["s3", "blob", "gcp"];
const MEDIA_ORIGIN = "https://cdn.emulator.invalid/videosdk";

// What a merge composes: individual recordings, i.e. participant and track recordings (both
// official SDKs: "Composite-merge multiple individual recordings into one MP4"; their
// IndividualRecording is "a participant recording or its track variant"). Room recordings are
// concatenated by meeting-recording-merge instead.
const INDIVIDUAL_KINDS = ["participant-recording", "track-recording"];

// Finished media of this app that a task may read: stopped jobs of the given kinds.
function finishedJob(ctx, id, kinds, path) {
  const job = ctx.state.jobs.get(id);
  if (!job || job.apiKey !== ctx.app.apiKey || !kinds.includes(job.kind)) throw invalid(`${path}: no recording ${id}`);
  if (isActive(job)) throw conflict(`${path}: ${id} is still running; stop it first`);
  return job;
}

function checkRecordingIds(body) {
  if (!Array.isArray(body.recordingIds) || body.recordingIds.length === 0) {
    throw invalid("recordingIds must be a non-empty array");
  }
  return body.recordingIds;
}

function create(ctx, task, fields) {
  const transcoding = {
    id: unique(objectId, (id) => ctx.state.transcodings.has(id) || ctx.state.jobs.has(id)),
    apiKey: ctx.app.apiKey,
    startMs: ctx.clock.ms,
    recordingIds: [],
    ...fields,
    status: "pending",
    task,
    startedAt: ctx.clock.iso,
    stoppedAt: null,
  };
  ctx.state.transcodings.set(transcoding.id, transcoding);
  return presentTranscoding(transcoding);
}

function merge(ctx) {
  const body = objectBody(ctx.body);
  const ids = checkRecordingIds(body);
  if (has(body, "task") && body.task !== "composite-merge") throw invalid("task must be composite-merge");
  optionalString(body, "webhookUrl");
  if (has(body, "watermark")) {
    checkObject(body.watermark, "watermark");
    if (!WATERMARK_TYPES.includes(body.watermark.type)) throw invalid(`watermark.type must be one of ${WATERMARK_TYPES.join(", ")}`);
  }
  const jobs = ids.map((id, i) => {
    if (typeof id !== "string" || id === "") throw invalid(`recordingIds[${i}] must be a non-empty string`);
    return finishedJob(ctx, id, INDIVIDUAL_KINDS, `recordingIds[${i}]`);
  });
  return create(ctx, "composite-merge", {
    recordingIds: [...ids],
    roomId: jobs[0].roomId,
    sessionId: jobs[0].sessionId,
    ...pickDefined(body, ["webhookUrl", "watermark"]),
  });
}

function hlsToMp4(ctx) {
  const body = objectBody(ctx.body);
  const roomId = optionalString(body, "roomId");
  const sessionId = optionalString(body, "sessionId");
  const hlsId = optionalString(body, "hlsId");
  optionalString(body, "webhookUrl");
  if (has(body, "storage")) {
    checkObject(body.storage, "storage");
    if (!STORAGE_TYPES.includes(body.storage.type)) throw invalid(`storage.type must be one of ${STORAGE_TYPES.join(", ")}`);
  }
  if (roomId === undefined && sessionId === undefined && hlsId === undefined) {
    throw invalid("one of hlsId, sessionId or roomId is required");
  }
  // The HLS stream: by id, else the latest of the session, else of the room.
  const streams = [...ctx.state.jobs.values()].filter((job) =>
    job.kind === "hls" && job.apiKey === ctx.app.apiKey
    && (hlsId === undefined || job.id === hlsId)
    && (sessionId === undefined || job.sessionId === sessionId)
    && (roomId === undefined || job.roomId === roomId));
  const stream = streams.at(-1);
  if (!stream) throw notFound("No HLS stream matches hlsId, sessionId and roomId");
  if (isActive(stream)) throw conflict(`HLS ${stream.id} is still running; end it first`);
  return create(ctx, "hls-to-mp4", {
    roomId: stream.roomId,
    sessionId: stream.sessionId,
    hlsId: stream.id,
    ...pickDefined(body, ["webhookUrl", "storage"]),
  });
}

function meetingRecordingMerge(ctx) {
  const body = objectBody(ctx.body);
  const refs = checkRecordingIds(body);
  optionalString(body, "webhookUrl");
  optionalString(body, "presignedOutputUrl");
  const ids = refs.map((ref, i) => {
    const path = `recordingIds[${i}]`;
    if (typeof ref === "string" && ref !== "") return ref;
    if (ref !== null && typeof ref === "object" && typeof ref.id === "string" && ref.id !== "") {
      optionalString(ref, "presignedUrl", `${path}.presignedUrl`);
      return ref.id;
    }
    throw invalid(`${path} must be a recording id or {id, presignedUrl?}`);
  });
  const jobs = ids.map((id, i) => finishedJob(ctx, id, ["recording"], `recordingIds[${i}]`));
  return create(ctx, "meeting-recording-merge", {
    recordingIds: ids,
    roomId: jobs[0].roomId,
    sessionId: jobs[0].sessionId,
    ...pickDefined(body, ["webhookUrl", "presignedOutputUrl"]),
  });
}

const pickDefined = (body, fields) => Object.fromEntries(fields.filter((f) => has(body, f)).map((f) => [f, body[f]]));

export function settleTranscodings(state, nowMs) {
  for (const t of state.transcodings.values()) {
    const processingAt = t.startMs + JOB_STARTUP_MS;
    const doneAt = processingAt + JOB_STARTUP_MS;
    if (t.status === "pending" && nowMs >= processingAt) t.status = "processing";
    if (t.status === "processing" && nowMs >= doneAt) {
      t.status = "completed";
      t.stoppedAt = isoAt(doneAt);
      t.file = {
        id: `${t.id}-file`,
        type: "video/mp4",
        size: 1_048_576,
        meta: { resolution: { width: 1280, height: 720 } },
        filePath: `transcodings/${t.id}.mp4`,
        fileUrl: `${MEDIA_ORIGIN}/transcodings/${t.id}.mp4`,
      };
    }
  }
}

export function presentTranscoding(t) {
  const { apiKey, startMs, ...wire } = structuredClone(t);
  return wire;
}

function requireTranscoding(ctx) {
  const t = ctx.state.transcodings.get(ctx.params.id);
  if (!t || t.apiKey !== ctx.app.apiKey) throw notFound(`Transcoding not found: ${ctx.params.id}`);
  return t;
}

function list(ctx) {
  const status = ctx.query.get("status");
  if (status !== null && !STATUSES.includes(status)) throw invalid(`status must be one of ${STATUSES.join(", ")}`);
  const filters = { roomId: ctx.query.get("roomId"), sessionId: ctx.query.get("sessionId"), hlsId: ctx.query.get("hlsId"), status };
  const items = [...ctx.state.transcodings.values()].filter((t) =>
    t.apiKey === ctx.app.apiKey && Object.entries(filters).every(([f, v]) => v === null || t[f] === v));
  return pageOf(items, ctx.query, presentTranscoding);
}

function cancel(ctx) {
  const t = requireTranscoding(ctx);
  if (t.status !== "pending" && t.status !== "processing") throw conflict(`Transcoding ${t.id} is ${t.status}: only a pending or processing one can be cancelled`);
  t.status = "cancelled";
  t.stoppedAt = ctx.clock.iso;
  return presentTranscoding(t);
}

export const transcodingHandlers = {
  merge,
  hlsToMp4,
  meetingRecordingMerge,
  list,
  get: (ctx) => presentTranscoding(requireTranscoding(ctx)),
  cancel,
};
