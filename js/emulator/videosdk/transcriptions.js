// Realtime transcription of a room's live session, under VideoSDK's AI API (served at
// /videosdk/ai/v1, beside /videosdk/v2), as the official SDKs call it (Rust
// resources/transcription.rs, Node RealtimeTranscriptionResource):
//   POST /realtime-transcriptions/start  {roomId, webhookUrl?, modelId?, language?,
//                                         summary?: {enabled?, prompt?}} -> the transcription
//   POST /realtime-transcriptions/end    {roomId} -> the stopped transcription
//   GET /realtime-transcriptions/:id, GET /realtime-transcriptions?page&perPage&status
//                                         (the list's items are under `transcriptions`)
// A transcription is a job of jobs.js ("starting", "started", "stopped"): it needs a live
// session, one runs per room, and it stops with its session. Its file paths appear once it
// stops (empty objects before, never null: the Rust SDK reads them as string maps).
//
// The answers name the room and session only under extension.extensionConfig: both SDKs say
// the get and list answers "bury" the room there and lift it out themselves (Node
// withRoomId, Rust with_room_id), and the start's fallback to the caller's roomId says the
// start answer need not carry one either. The list's status filter takes any text: the
// SDKs document its one value as "videosdk" (the extension's provider), so that value
// selects by provider and a job state selects by state.

import { objectBody } from "../shared/http.js";
import { checkObject, conflict, has, invalid, notFound, optionalString, pageOf, requiredString } from "./http.js";
import { activeJob, jobsOf, presentJob, startJob, stopJob } from "./jobs.js";
import { liveSession, requireRoomId } from "./store.js";

const KIND = "transcription";
const PROVIDER = "videosdk";

function present(ctx, job) {
  const { links, roomId, sessionId, ...wire } = presentJob(ctx.base, job);
  return {
    transcriptionFilePaths: {},
    summarizedFilePaths: {},
    ...wire,
    extension: { enabled: true, provider: PROVIDER, extensionConfig: { roomId, sessionId } },
  };
}

function start(ctx) {
  const body = objectBody(ctx.body);
  const room = requireRoomId(ctx.state, ctx.app.apiKey, requiredString(body, "roomId"));
  for (const field of ["webhookUrl", "modelId", "language"]) optionalString(body, field);
  if (has(body, "summary")) {
    checkObject(body.summary, "summary");
    if (has(body.summary, "enabled") && typeof body.summary.enabled !== "boolean") throw invalid("summary.enabled must be a boolean");
    optionalString(body.summary, "prompt", "summary.prompt");
  }
  const session = liveSession(ctx.state, room.roomId);
  if (!session) throw conflict(`Room ${room.roomId} has no active session: nothing to transcribe`);
  if (activeJob(ctx.state, KIND, room.roomId)) throw conflict(`Realtime transcription is already running in room ${room.roomId}`);
  const fields = Object.fromEntries(["webhookUrl", "modelId", "language", "summary"].filter((f) => has(body, f)).map((f) => [f, body[f]]));
  return present(ctx, startJob(ctx.state, ctx.clock, KIND, session, fields));
}

function end(ctx) {
  const body = objectBody(ctx.body);
  const room = requireRoomId(ctx.state, ctx.app.apiKey, requiredString(body, "roomId"));
  const job = activeJob(ctx.state, KIND, room.roomId);
  if (!job) throw conflict(`No realtime transcription is running in room ${room.roomId}`);
  stopJob(job, ctx.clock.ms, ctx.state);
  return present(ctx, job);
}

function get(ctx) {
  const job = ctx.state.jobs.get(ctx.params.id);
  if (!job || job.kind !== KIND || job.apiKey !== ctx.app.apiKey) throw notFound(`Realtime transcription not found: ${ctx.params.id}`);
  return present(ctx, job);
}

function list(ctx) {
  const status = ctx.query.get("status");
  const selected = (job) => status === null || status === job.status || status === PROVIDER;
  const jobs = jobsOf(ctx.state, KIND).filter((job) => job.apiKey === ctx.app.apiKey && selected(job));
  const page = pageOf(jobs, ctx.query, (job) => present(ctx, job));
  return { pageInfo: page.pageInfo, transcriptions: page.data };
}

export const transcriptionHandlers = { start, end, get, list };
