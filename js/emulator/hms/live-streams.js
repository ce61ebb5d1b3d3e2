// Live streams: HLS streams of a room, a job kind of hms/jobs.js, with a playback URL. When
// recorded they leave a room-vod (hls_vod) and/or one room-composite per layer
// (single_file_per_layer). A running stream takes timed metadata and can pause and resume its
// recording; pausing a paused recording (or resuming a running one) is a 400.

import { jobHandlers, presentJob, requireJob, requireRunning } from "./jobs.js";
import { HttpError, badBodyParam, objectBody } from "../shared/http.js";
import { checkTypes, has } from "./room-rules.js";

const LAYERS = [{ width: 1280, height: 720 }, { width: 640, height: 360 }];
const MAX_PAYLOAD = 100;

function planAssets(recording) {
  const plan = [];
  if (recording.hls_vod) {
    plan.push({ type: "room-vod", file: "vod.zip", metadata: { num_layers: String(LAYERS.length), max_width: 1280, max_height: 720 }, bytes_per_second: 600_000 });
  }
  if (recording.single_file_per_layer) {
    LAYERS.forEach((resolution, layer) => {
      plan.push({ type: "room-composite", file: `layer-${layer}.mp4`, metadata: { resolution, layer: String(layer) }, bytes_per_second: 300_000 / (layer + 1) });
    });
  }
  return plan;
}

export const liveStreamKind = {
  name: "live-stream",
  noun: "Live stream",
  idParam: "stream_id",
  eventIdField: "stream_id",
  defaultDestination: "hls",
  events: { started: "hls.started.success", stopped: "hls.stopped.success", recorded: "hls.recording.success" },
  parseStart(ctx, body, room) {
    checkTypes(body, { recording: "object" });
    checkTypes(body.recording ?? {}, { hls_vod: "boolean", single_file_per_layer: "boolean" }, "recording.");
    const recording = { hls_vod: body.recording?.hls_vod ?? false, single_file_per_layer: body.recording?.single_file_per_layer ?? false };
    const playback = { url: `https://hls.100ms-emulator.invalid/${room.app_id}/${room.id}/master.m3u8` };
    return { fields: { playback, recording }, config: { recording_paused: false, timed_metadata: [] }, plan: planAssets(recording) };
  },
};

const handlers = jobHandlers(liveStreamKind);

const requireStream = (ctx) => requireRunning(liveStreamKind, requireJob(ctx, liveStreamKind, ctx.params.stream_id));

function sendTimedMetadata(ctx) {
  const stream = requireStream(ctx);
  const body = objectBody(ctx.body);
  if (typeof body.payload !== "string" || body.payload === "" || body.payload.length > MAX_PAYLOAD) {
    throw badBodyParam("payload", `payload is required: a string of 1 to ${MAX_PAYLOAD} characters`);
  }
  if (!has(body, "duration")) throw badBodyParam("duration", "duration is required (seconds)");
  checkTypes(body, { duration: "integer" });
  if (body.duration < 1) throw badBodyParam("duration", "duration must be at least 1 second");
  stream.internal.config.timed_metadata.push({ payload: body.payload, duration: body.duration, sent_at: ctx.clock.iso });
  stream.updated_at = ctx.clock.iso;
  return presentJob(ctx, stream);
}

// paused: the state to move to. Only a recorded stream has a recording to pause.
function setRecordingPaused(ctx, paused) {
  const stream = requireStream(ctx);
  const { recording } = stream.fields;
  if (!recording.hls_vod && !recording.single_file_per_layer) {
    throw new HttpError(400, "Recording is not enabled for this live stream", [`live stream ${stream.id} was started without recording`]);
  }
  const { config } = stream.internal;
  if (config.recording_paused === paused) {
    throw new HttpError(400, paused ? "Recording is already paused" : "Recording is not paused", [`live stream ${stream.id}`]);
  }
  config.recording_paused = paused;
  stream.updated_at = ctx.clock.iso;
  return presentJob(ctx, stream);
}

export const liveStreamHandlers = {
  ...handlers,
  sendTimedMetadata,
  pauseRecording: (ctx) => setRecordingPaused(ctx, true),
  resumeRecording: (ctx) => setRecordingPaused(ctx, false),
};
