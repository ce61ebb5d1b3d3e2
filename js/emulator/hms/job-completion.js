// How a media job ends: its assets appear and its stop (and recording) events are recorded.
// Apart from jobs.js because sessions.js needs it too (a closing session auto-stops its jobs),
// while jobs.js needs sessions.js to open and close sessions: this file imports neither.

import { recordEvent } from "./analytics.js";
import { templateOf } from "./lookup.js";
import { createAssets, presignAsset } from "./recording-assets.js";

export const beamEventData = (state, room, job, session) => ({
  [job.internal.id_field]: job.id,
  session_id: job.session_id,
  template_id: templateOf(state, room)?.id,
  meeting_url: job.meeting_url,
  started_at: job.started_at,
  session_started_at: session?.created_at,
  ...job.internal.event_data,
});

// Completes a running job: its assets appear and the stop (and recording) events are recorded.
export function complete(ctx, room, job) {
  job.status = "completed";
  job.stopped_at = ctx.clock.iso;
  job.updated_at = ctx.clock.iso;
  const assets = createAssets(ctx, room, job);
  job.asset_ids = assets.map((a) => a.id);
  const session = ctx.state.sessions.get(job.session_id);
  const data = beamEventData(ctx.state, room, job, session);
  recordEvent(ctx, room, job.internal.events.stopped, { ...data, stopped_at: job.stopped_at });
  const [main] = assets;
  if (main && job.internal.events.recorded) {
    recordEvent(ctx, room, job.internal.events.recorded, {
      ...data,
      created_at: main.created_at,
      stopped_at: job.stopped_at,
      duration: main.duration,
      max_width: main.metadata.resolution?.width ?? main.metadata.max_width ?? 0,
      max_height: main.metadata.resolution?.height ?? main.metadata.max_height ?? 0,
      recording_path: main.path,
      // Fields the official SDK's type of this event requires (analytics/recordingEvent.d.ts):
      // the recorder's own peer, a download URL, and the RTMP outputs (none for a recording).
      peer_id: job.internal.beam_peer_id,
      recording_presigned_url: presignAsset(main, ctx.clock.sec),
      rtmp: data.rtmp ?? [],
      size: main.size,
    });
  }
  return session;
}

// The auto-stop of a session that ends: called by hms/sessions.js, which closes the session.
export function stopSessionJobs(ctx, room, session) {
  for (const job of ctx.state.jobs.values()) {
    if (job.session_id === session.id && job.status === "running") complete(ctx, room, job);
  }
}
