// Stream keys: the RTMP ingest key of a room, for broadcasting into it from OBS and the like.
// One active key per room: creating another while one is active is a 400, so resetting a
// leaked key means disable, then create. Disabled rooms get neither (403).
//
// GET answers the active key as one object (`key`, `url`, and `rtmp_ingest_url`, the same URL
// under the name the edgeroom SDK reads), not the `{data: [...]}` page one docs page shows.

import { requireEnabled, requireRoom } from "./lookup.js";
import { HttpError } from "../shared/http.js";
import { objectId, randomToken, unique } from "../shared/ids.js";

const INGEST_URL = "rtmp://ingest.100ms-emulator.invalid:1935/live";

const activeKeyOf = (state, roomId) =>
  [...state.streamKeys.values()].find((k) => k.room_id === roomId && k.enabled);

function presentKey({ id, key, url, room_id, customer_id, app_id, enabled, created_at, updated_at }) {
  return { id, key, url, rtmp_ingest_url: url, room_id, customer_id, app_id, enabled, created_at, updated_at };
}

function createStreamKey(ctx) {
  const room = requireEnabled(requireRoom(ctx));
  const active = activeKeyOf(ctx.state, room.id);
  if (active) throw new HttpError(400, "Active key already exists", [`room ${room.id} has an active stream key; disable it first`]);
  const key = {
    id: unique(objectId, (id) => ctx.state.streamKeys.has(id)),
    key: randomToken(32),
    url: INGEST_URL,
    room_id: room.id,
    customer_id: ctx.app.customer_id,
    app_id: ctx.app.app_id,
    enabled: true,
    created_at: ctx.clock.iso,
    updated_at: ctx.clock.iso,
  };
  ctx.state.streamKeys.set(key.id, key);
  return presentKey(key);
}

function getStreamKey(ctx) {
  const room = requireEnabled(requireRoom(ctx));
  const active = activeKeyOf(ctx.state, room.id);
  if (!active) throw new HttpError(404, "No active key found", [`room ${room.id} has no active stream key`]);
  return presentKey(active);
}

function disableStreamKey(ctx) {
  const room = requireEnabled(requireRoom(ctx));
  const active = activeKeyOf(ctx.state, room.id);
  if (!active) throw new HttpError(404, "Key not found", [`room ${room.id} has no active stream key`]);
  active.enabled = false;
  active.updated_at = ctx.clock.iso;
  return { code: 200, message: "key disabled successfully" };
}

export const streamKeyHandlers = { createStreamKey, getStreamKey, disableStreamKey };
