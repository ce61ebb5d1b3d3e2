// Media jobs: recordings, live streams (HLS) and external streams (RTMP out) share one life
// cycle, so they share this code and differ only by a "kind" (hms/recordings.js,
// hms/live-streams.js, hms/external-streams.js) that validates the start body, names the
// events, adds its fields and plans the assets the job leaves behind.
//
// Life cycle: start -> starting -> running -> (stop) stopping -> completed, with recording
// assets. The emulator has no media pipeline, so each transition happens right after the
// answer that triggers it: the start call answers "starting" and any later read sees
// "running"; a stop answers "stopping" and any later read sees "completed" with its assets.
// Starting a job in an idle room opens a session (the recorder's browser joins it); the
// session closes when the job stops and nobody is left. A job per kind per room at a time.

import { recordEvent } from "./analytics.js";
import { beamEventData, complete } from "./job-completion.js";
import { presentAsset } from "./recording-assets.js";
import { notFound, requireEnabled, requireRoom } from "./lookup.js";
import { closeIfIdle, ensureSession } from "./sessions.js";
import { HttpError, badBodyParam, badQueryParam, objectBody } from "../shared/http.js";
import { objectId, unique, uuidV4 } from "../shared/ids.js";
import { paginate } from "./paging.js";
import { checkTypes } from "./room-rules.js";

const STATUSES = ["starting", "running", "stopping", "post_processing", "completed", "failed"];

// Shared body rules: the composite browser renders 500x500 to 1920x1920.
export function checkResolution(body) {
  if (body.resolution === undefined) return;
  const { resolution } = body;
  if (resolution === null || typeof resolution !== "object" || Array.isArray(resolution)) {
    throw badBodyParam("resolution", "resolution must be an object with width and height");
  }
  for (const side of ["width", "height"]) {
    const value = resolution[side];
    if (!Number.isInteger(value) || value < 500 || value > 1920) {
      throw badBodyParam(`resolution.${side}`, `resolution.${side} must be an integer from 500 to 1920`);
    }
  }
}

const runningJobs = (state, kind, roomId) =>
  [...state.jobs.values()].filter((j) => j.kind === kind.name && j.room_id === roomId && j.status === "running");

export function requireJob(ctx, kind, id) {
  const job = ctx.state.jobs.get(id);
  if (!job || job.kind !== kind.name || job.app_id !== ctx.app.app_id) throw notFound(kind.noun, id);
  return job;
}

export function requireRunning(kind, job) {
  if (job.status !== "running") throw new HttpError(400, `${kind.noun} is not running`, [`${kind.noun.toLowerCase()} ${job.id} is ${job.status}`]);
  return job;
}

// view: "starting" or "stopping" for the answer of the call that starts or stops the job.
export function presentJob(ctx, job, { view, withAssets = true } = {}) {
  const { id, room_id, session_id, meeting_url, destination, created_at, updated_at, started_by, stopped_by } = job;
  const assets = job.asset_ids.length === 0 || view ? null : job.asset_ids.map((a) => presentAsset(ctx.state.assets.get(a)));
  return structuredClone({
    id, room_id, session_id,
    status: view ?? job.status,
    ...job.fields,
    meeting_url,
    ...(destination === undefined ? {} : { destination }),
    created_at,
    started_at: view === "starting" ? null : job.started_at,
    updated_at,
    stopped_at: view === "stopping" ? null : job.stopped_at,
    started_by, stopped_by,
    ...(withAssets ? { recording_assets: assets } : {}),
  });
}

function stopOne(ctx, room, job) {
  const session = complete(ctx, room, job);
  if (session) closeIfIdle(ctx, room, session);
}

// One job kind's handlers: start, stop by id, stop all of a room, retrieve, list.
export function jobHandlers(kind) {
  function start(ctx) {
    const room = requireEnabled(requireRoom(ctx));
    const body = objectBody(ctx.body);
    checkTypes(body, { meeting_url: "string", destination: "string" });
    const spec = kind.parseStart(ctx, body, room);
    const [running] = runningJobs(ctx.state, kind, room.id);
    if (running) {
      throw new HttpError(400, `${kind.noun} already running`, [`${kind.noun.toLowerCase()} ${running.id} is running in room ${room.id}; stop it first`]);
    }
    const session = ensureSession(ctx, room);
    const job = {
      id: unique(objectId, (id) => ctx.state.jobs.has(id) || ctx.state.assets.has(id)),
      kind: kind.name,
      app_id: room.app_id,
      room_id: room.id,
      session_id: session.id,
      status: "running",
      fields: spec.fields,
      meeting_url: body.meeting_url ?? "",
      // Streams always name one (the official SDK's types require it); a body may choose it.
      destination: body.destination ?? kind.defaultDestination,
      created_at: ctx.clock.iso,
      started_at: ctx.clock.iso,
      updated_at: ctx.clock.iso,
      stopped_at: null,
      started_by: "", // started from the server side, as the docs say
      stopped_by: "",
      asset_ids: [],
      // Not on the wire: what stopping produces, and how this kind's events are named.
      internal: { beam_peer_id: uuidV4(), config: spec.config, plan: spec.plan, events: kind.events, id_field: kind.eventIdField, event_data: spec.eventData ?? {} },
    };
    ctx.state.jobs.set(job.id, job);
    recordEvent(ctx, room, kind.events.started, beamEventData(ctx.state, room, job, session));
    return presentJob(ctx, job, { view: "starting" });
  }

  function stop(ctx) {
    const job = requireRunning(kind, requireJob(ctx, kind, ctx.params[kind.idParam]));
    stopOne(ctx, ctx.state.rooms.get(job.room_id), job);
    return presentJob(ctx, job, { view: "stopping" });
  }

  // Answers the jobs it stopped, as a one-page list.
  function stopAll(ctx) {
    const room = requireRoom(ctx);
    const jobs = runningJobs(ctx.state, kind, room.id);
    if (jobs.length === 0) throw new HttpError(404, `No running ${kind.noun.toLowerCase()} found`, [`nothing is running in room ${room.id}`]);
    for (const job of jobs) stopOne(ctx, room, job);
    return { limit: jobs.length, data: jobs.map((job) => presentJob(ctx, job, { view: "stopping" })) };
  }

  function get(ctx) {
    return presentJob(ctx, requireJob(ctx, kind, ctx.params[kind.idParam]));
  }

  // Lists leave the assets out, as the recordings list documents ("to optimize for performance").
  function list(ctx) {
    const { query } = ctx;
    const status = query.get("status");
    if (status !== null && !STATUSES.includes(status)) throw badQueryParam("status", `status must be one of ${STATUSES.join(", ")}`);
    const filters = { room_id: query.get("room_id"), session_id: query.get("session_id"), status };
    const matches = (job) => Object.entries(filters).every(([field, value]) => value === null || job[field] === value);
    const mine = [...ctx.state.jobs.values()].filter((j) => j.kind === kind.name && j.app_id === ctx.app.app_id);
    const page = paginate(mine, { query, keyOf: (j) => j.id, matches });
    return { ...page, data: page.data.map((job) => presentJob(ctx, job, { withAssets: false })) };
  }

  return { start, stop, stopAll, get, list };
}

