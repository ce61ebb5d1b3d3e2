// 100ms's webhooks: every event the emulator records (hms/analytics.js recordEvent) that 100ms
// also sends as a webhook is POSTed, as JSON, to the room's `webhook.url` with the room's
// `webhook.headers`, or, for a room without one, to the app's webhook (the one 100ms sets per
// workspace in its dashboard: the emulator's `webhooks.hms` option, emu.webhooks.configureHms
// or POST /_emulator/webhooks/100ms). 100ms signs nothing: the configured headers (a shared
// secret, basic auth) are what a receiver checks.
//
// The envelope and the data follow 100ms's "Webhook Events" reference
// (100ms.live/docs/server-side/v2/how-to-guides/configure-webhooks/webhook):
//   { version: "2.0", id, app_id, account_id, template_id, timestamp, type, data }
// `id` is the recorded event's, so a webhook and GET /analytics/events agree on it. The data is
// the recorded event's, plus what the reference lists that the record lacks: template_id on
// every event; user_data and session_started_at on peer events; lock_room (for `lock`) and
// session_started_at on room.end.success; job_id, state_name, state_timestamp, recording flags,
// max_width/max_height, and on stops duration and reason ("client request") on beam.* and
// hls.* events (HLS ones also carry beam_id and the playback url, as documented).
//
// Sent: session.open/close.success, peer.join/leave.success, role.change.success,
// room.end.success, beam.started/stopped/recording.success (recordings and external streams),
// hls.started/stopped/recording.success (live streams). Not sent: track.* and client.* (they
// are analytics events, not webhooks), *.failure (nothing fails in the emulator), and nothing
// for a room being created: 100ms has no such webhook.

export const HMS_WEBHOOK_TYPES = new Set([
  "session.open.success",
  "session.close.success",
  "peer.join.success",
  "peer.leave.success",
  "role.change.success",
  "room.end.success",
  "beam.started.success",
  "beam.stopped.success",
  "beam.recording.success",
  "hls.started.success",
  "hls.stopped.success",
  "hls.recording.success",
]);

const STATE_NAMES = {
  "beam.started.success": "Started",
  "beam.stopped.success": "Stopped",
  "hls.started.success": "HLSStarted",
  "hls.stopped.success": "HLSStopped",
};

const seconds = (fromIso, toIso) => Math.max(0, Math.round((Date.parse(toIso) - Date.parse(fromIso)) / 1000));

function jobFields(state, event, data) {
  const job = state.jobs.get(data.beam_id ?? data.stream_id);
  if (!job) return {};
  const fields = { job_id: job.id };
  if (event.type.startsWith("hls.")) {
    fields.beam_id = job.id;
    fields.recording_vod_playlist_enabled = job.fields.recording?.hls_vod === true;
    fields.recording_single_file_per_layer_enabled = job.fields.recording?.single_file_per_layer === true;
    fields.url = job.fields.playback?.url;
  } else {
    fields.recording_enabled = job.kind === "recording" || job.fields.recording === true;
  }
  if (STATE_NAMES[event.type]) {
    const resolution = job.internal?.config?.resolution ?? job.fields.resolution ?? { width: 1280, height: 720 };
    Object.assign(fields, {
      state_name: STATE_NAMES[event.type],
      state_timestamp: event.timestamp,
      max_width: resolution.width,
      max_height: resolution.height,
    });
  }
  if (event.type.endsWith(".stopped.success")) {
    fields.duration = seconds(data.started_at, data.stopped_at);
    fields.reason = "client request";
  }
  return fields;
}

// The recorded data plus the documented fields it lacks (never replacing a recorded one).
function documentedData(state, room, event) {
  const data = structuredClone(event.data);
  const session = state.sessions.get(data.session_id);
  const extra = { template_id: room.template_id };
  if (event.type.startsWith("peer.")) {
    const peer = session?.peers[data.peer_id];
    if (peer) extra.user_data = typeof peer.metadata === "string" ? peer.metadata : JSON.stringify(peer.metadata ?? "");
    if (session) extra.session_started_at = session.created_at;
  }
  if (event.type === "room.end.success") {
    if (Object.hasOwn(data, "lock")) {
      extra.lock_room = data.lock;
      delete data.lock;
    }
    if (session) extra.session_started_at = session.created_at;
  }
  if (event.type.startsWith("beam.") || event.type.startsWith("hls.")) Object.assign(extra, jobFields(state, event, data));
  for (const [key, value] of Object.entries(extra)) if (!Object.hasOwn(data, key) && value !== undefined) data[key] = value;
  return data;
}

function roomTarget(room) {
  const webhook = room.webhook;
  return typeof webhook?.url === "string" && webhook.url !== "" ? { url: webhook.url, headers: webhook.headers ?? {} } : undefined;
}

// hub: the emulator's webhook hub (shared/webhooks.js). Called for every recorded event, in the
// request that records it; only queues the delivery.
export function hmsWebhook(hub, state, room, event) {
  if (!HMS_WEBHOOK_TYPES.has(event.type)) return;
  const app = state.apps.find((a) => a.app_id === room.app_id);
  const target = roomTarget(room) ?? hub.hmsTarget(app?.access_key);
  if (!target) return;
  const payload = {
    version: "2.0",
    id: event.id,
    app_id: room.app_id,
    account_id: room.customer_id,
    template_id: room.template_id,
    timestamp: event.timestamp,
    type: event.type,
    data: documentedData(state, room, event),
  };
  // Headers, so a configured "Content-Type" replaces the default instead of doubling it.
  const headers = new Headers({ "content-type": "application/json" });
  for (const [name, value] of Object.entries(target.headers)) headers.set(name, value);
  const body = JSON.stringify(payload);
  hub.deliver({
    provider: "100ms",
    url: target.url,
    type: event.type,
    eventId: event.id,
    payload,
    headerNames: [...headers.keys()],
    prepare: async () => ({ headers, body }),
  });
}
