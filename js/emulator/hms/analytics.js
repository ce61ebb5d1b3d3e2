// Analytics events: every state change the emulator simulates (a peer joins, a track starts, a
// recording stops...) is recorded as the event 100ms would publish, and GET /analytics/events
// serves them with the documented filters and its own paging style: {limit, total, next, events}.
//
// As documented, results are a snapshot taken by the first query: `next` points into that
// snapshot (so events recorded meanwhile do not shift pages) and expires after 24 hours. The
// cursor looks like 100ms's ("<uuid>:<pos>:0~<base64>=") and always contains a "+", so a client
// that forgets to percent-encode it sends a space instead and gets a 400 here.

import { badBodyParam, badQueryParam } from "../shared/http.js";
import { base64Token, unique, uuidV4 } from "../shared/ids.js";
import { parseBooleanQuery, parseLimit } from "./paging.js";
import { HMS_WEBHOOK_TYPES } from "./webhooks.js";

const TRACK_EVENTS = ["track.add.success", "track.update.success", "track.remove.success"];
const ERROR_EVENTS = ["client.publish.failed", "client.subscribe.failed", "client.join.failed", "client.disconnected", "client.connect.failed"];
// The documented queryable types, plus the webhook events the emulator also records (one
// list, kept with the webhook sender, so the two cannot drift apart).
export const EVENT_TYPES = new Set([...TRACK_EVENTS, ...ERROR_EVENTS, ...HMS_WEBHOOK_TYPES]);
export const isErrorEvent = (type) => ERROR_EVENTS.includes(type);

const CURSOR_LIFETIME_MS = 24 * 60 * 60 * 1000;
const CURSOR = /^([0-9a-f-]{36}):([0-9a-z]+):0~([A-Za-z0-9+/]+)=$/;
const FILTER_FIELDS = ["session_id", "peer_id", "user_id", "beam_id"];

// `data` is the event's payload; room_id and room_name come from the room. The ones 100ms
// also sends as webhooks are queued for delivery (hms/webhooks.js) when ctx has the hub.
export function recordEvent(ctx, room, type, data) {
  const event = {
    version: "2.0",
    id: uuidV4(),
    timestamp: ctx.clock.iso,
    type,
    data: { room_id: room.id, room_name: room.name, ...structuredClone(data) },
    app_id: room.app_id, // not on the wire: lists are per app
  };
  ctx.state.events.push(event);
  ctx.webhooks?.hms(ctx.state, room, event);
}

const presentEvent = ({ version, id, timestamp, type, data }) => structuredClone({ version, id, timestamp, type, data });

function parseFilters(query) {
  const roomId = query.get("room_id");
  if (!roomId) throw badQueryParam("room_id", "room_id is required");
  const types = query.getAll("type");
  const unknown = types.find((t) => !EVENT_TYPES.has(t));
  if (unknown !== undefined) throw badQueryParam("type", `unknown event type ${unknown}`);
  const fields = Object.fromEntries(FILTER_FIELDS.filter((f) => query.get(f) !== null).map((f) => [f, query.get(f)]));
  return { roomId, types, errorsOnly: parseBooleanQuery(query, "error") === true, fields };
}

function matching(ctx, { roomId, types, errorsOnly, fields }) {
  return ctx.state.events.filter((e) =>
    e.app_id === ctx.app.app_id
    && e.data.room_id === roomId
    && (types.length === 0 || types.includes(e.type))
    && (!errorsOnly || isErrorEvent(e.type))
    && Object.entries(fields).every(([field, value]) => e.data[field] === value));
}

const badCursor = (why) => badQueryParam("start", why);

// The snapshot a `start` cursor points into, and the position in it.
function resume(ctx, start, roomId) {
  const match = CURSOR.exec(start);
  if (!match) throw badCursor("start must be the `next` of a previous page, percent-encoded");
  const [, snapshotId, position, tag] = match;
  const snapshot = ctx.state.eventCursors.get(snapshotId);
  if (!snapshot || snapshot.tag !== tag || snapshot.app_id !== ctx.app.app_id || snapshot.room_id !== roomId) {
    throw badCursor("unknown cursor (was it percent-encoded?)");
  }
  if (ctx.clock.ms > snapshot.expires_ms) throw badCursor("the cursor expired (24 hours after the first query)");
  const offset = parseInt(position, 36);
  if (offset > snapshot.ids.length) throw badCursor("cursor position out of range");
  const byId = new Map(ctx.state.events.map((e) => [e.id, e]));
  return { snapshotId, snapshot, offset, all: snapshot.ids.map((id) => byId.get(id)) };
}

function snapshotOf(ctx, roomId, events) {
  const snapshotId = unique(uuidV4, (id) => ctx.state.eventCursors.has(id));
  const tag = unique(() => base64Token(18), (t) => !t.includes("+"));
  const snapshot = { ids: events.map((e) => e.id), tag, app_id: ctx.app.app_id, room_id: roomId, expires_ms: ctx.clock.ms + CURSOR_LIFETIME_MS };
  ctx.state.eventCursors.set(snapshotId, snapshot);
  return { snapshotId, snapshot };
}

function listEvents(ctx) {
  const filters = parseFilters(ctx.query);
  const limit = parseLimit(ctx.query);
  const start = ctx.query.get("start");
  let page;
  if (start !== null) {
    page = resume(ctx, start, filters.roomId);
  } else {
    const all = matching(ctx, filters);
    page = { all, offset: 0, ...(all.length > limit ? snapshotOf(ctx, filters.roomId, all) : {}) };
  }
  const events = page.all.slice(page.offset, page.offset + limit);
  const end = page.offset + events.length;
  // "limit: number of events in current response", as the analytics docs define it.
  const answer = { limit: events.length, total: page.all.length };
  if (end < page.all.length) answer.next = `${page.snapshotId}:${end.toString(36)}:0~${page.snapshot.tag}=`;
  return { ...answer, events: events.map(presentEvent) };
}

export const analyticsHandlers = { listEvents };

// The control service's way to inject an event the emulator cannot cause itself (a client
// error, a mute). Known types only, so a typo fails loudly; `defaults` fill data fields the
// body leaves out.
export function injectEvent(ctx, room, body, defaults = {}) {
  if (typeof body.type !== "string" || !EVENT_TYPES.has(body.type)) {
    throw badBodyParam("type", `type must be one of ${[...EVENT_TYPES].join(", ")}`);
  }
  if (body.data !== undefined && (body.data === null || typeof body.data !== "object" || Array.isArray(body.data))) {
    throw badBodyParam("data", "data must be an object");
  }
  recordEvent(ctx, room, body.type, { ...defaults, ...body.data });
  return presentEvent(ctx.state.events.at(-1));
}
