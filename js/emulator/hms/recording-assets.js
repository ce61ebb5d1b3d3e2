// Recording assets: the files a recording or stream leaves behind when it stops, and the
// short-lived download URLs 100ms signs for them. The bytes do not exist; paths, sizes and
// durations are derived from the job so they stay plausible and deterministic.

import { requireOwned } from "./lookup.js";
import { badQueryParam } from "../shared/http.js";
import { objectId, randomToken, unique } from "../shared/ids.js";
import { paginate, parseIntegerQuery } from "./paging.js";

export const ASSET_TYPES = ["room-composite", "room-composite-legacy", "room-vod", "chat", "transcript", "summary"];
const ASSET_STATUSES = ["completed", "failed"];
const DEFAULT_PRESIGN_SECONDS = 3 * 24 * 60 * 60; // "an expiry of 3 days for AWS S3 and GCS"
const PRESIGN_RANGE = { min: 60, max: 604800 };

const seconds = (fromIso, toIso) => Math.max(0, Math.round((Date.parse(toIso) - Date.parse(fromIso)) / 1000));

// The room's own bucket when its recording_info names one, 100ms's otherwise.
function storagePath(room, job, file) {
  const upload = room.recording_info?.upload_info;
  const base = upload?.location ? `${upload.type}://${upload.location}/${upload.prefix ?? ""}` : `s3://100ms-emulator-recordings/${job.app_id}/`;
  return `${base}${room.id}/${job.session_id}/${job.id}/${file}`;
}

// plan: [{ type, file, metadata, bytes_per_second | size }], decided when the job started.
export function createAssets(ctx, room, job) {
  const duration = seconds(job.started_at, job.stopped_at);
  return job.internal.plan.map((item) => {
    const path = storagePath(room, job, item.file);
    const asset = {
      id: unique(objectId, (id) => ctx.state.assets.has(id) || ctx.state.jobs.has(id)),
      job_id: job.id,
      room_id: job.room_id,
      session_id: job.session_id,
      type: item.type,
      path,
      status: "completed",
      size: item.size ?? Math.max(1, duration) * item.bytes_per_second,
      duration: item.type === "chat" ? 0 : duration,
      created_at: ctx.clock.iso,
      thumbnails: item.type === "room-vod" ? [path.replace(/[^/]+$/, "thumbnails/0.jpg")] : null,
      metadata: structuredClone(item.metadata ?? {}),
      app_id: job.app_id, // not on the wire
    };
    ctx.state.assets.set(asset.id, asset);
    return asset;
  });
}

export function presentAsset(asset) {
  const { app_id, ...wire } = asset;
  return structuredClone(wire);
}

const requireAsset = (ctx) => requireOwned(ctx, ctx.state.assets, "Recording asset", ctx.params.asset_id);

function getAsset(ctx) {
  return presentAsset(requireAsset(ctx));
}

function listAssets(ctx) {
  const { query } = ctx;
  const status = query.get("status");
  if (status !== null && !ASSET_STATUSES.includes(status)) throw badQueryParam("status", `status must be one of ${ASSET_STATUSES.join(", ")}`);
  const type = query.get("type");
  if (type !== null && !ASSET_TYPES.includes(type)) throw badQueryParam("type", `type must be one of ${ASSET_TYPES.join(", ")}`);
  const filters = { room_id: query.get("room_id"), session_id: query.get("session_id"), job_id: query.get("job_id"), status, type };
  const matches = (asset) => Object.entries(filters).every(([field, value]) => value === null || asset[field] === value);
  const mine = [...ctx.state.assets.values()].filter((a) => a.app_id === ctx.app.app_id);
  const page = paginate(mine, { query, keyOf: (a) => a.id, matches });
  return { ...page, data: page.data.map(presentAsset) };
}

// A time-limited download URL of an asset (the presigned-url call, and the
// recording_presigned_url of beam.recording.success events).
export function presignAsset(asset, nowSec, expiry = DEFAULT_PRESIGN_SECONDS) {
  const file = asset.path.split("/").pop();
  return `https://storage.100ms-emulator.invalid/${asset.id}/${encodeURIComponent(file)}`
    + `?expires=${nowSec + expiry}&signature=${randomToken(40)}`;
}

function presignedUrl(ctx) {
  const asset = requireAsset(ctx);
  const expiry = parseIntegerQuery(ctx.query, "presign_duration", { ...PRESIGN_RANGE, fallback: DEFAULT_PRESIGN_SECONDS });
  return { id: asset.id, path: asset.path, url: presignAsset(asset, ctx.clock.sec, expiry), expiry };
}

export const assetHandlers = { getAsset, listAssets, presignedUrl };
