// Rooms: create (an upsert by name, as 100ms documents), retrieve, update/enable, list.
// The body rules live in hms/room-rules.js.

import { HttpError, objectBody } from "../shared/http.js";
import { objectId, unique } from "../shared/ids.js";
import { paginate, parseBooleanQuery, parseDateQuery } from "./paging.js";
import { checkTypes, has, validateRoomConfig } from "./room-rules.js";
import { ownedRoom, roomsOf } from "./store.js";

// Copies the validated fields onto `room`. Fields absent from the body keep their value.
function applyRoomConfig(ctx, room, body, template) {
  if (template) {
    room.template_id = template.id;
    room.template = template.name;
  }
  for (const field of ["name", "description", "large_room", "size", "max_duration_seconds"]) {
    if (has(body, field)) room[field] = body[field];
  }
  if (has(body, "region")) {
    // "auto" falls back to the region of the room's template.
    room.region = body.region === "auto" ? ctx.state.templates.get(room.template_id)?.region ?? "us" : body.region;
  }
  if (has(body, "recording_info")) {
    room.recording_info = { enabled: false, ...structuredClone(body.recording_info) };
    room.recording_source_template = false;
  }
  if (has(body, "webhook")) room.webhook = structuredClone(body.webhook);
  if (has(body, "polls")) room.polls = [...body.polls];
  room.updated_at = ctx.clock.iso;
}

const sameName = (a, b) => a.toLowerCase() === b.toLowerCase();

const findByName = (ctx, name) => roomsOf(ctx.state, ctx.app).find((r) => sameName(r.name, name));

function generatedName(ctx) {
  return unique(
    () => `room-${objectId().slice(0, 10)}`,
    (name) => findByName(ctx, name) !== undefined,
  );
}

function newRoom(ctx, template) {
  const { app, clock } = ctx;
  return {
    id: unique(objectId, (id) => ctx.state.rooms.has(id)),
    name: generatedName(ctx),
    enabled: true,
    description: "",
    customer_id: app.customer_id,
    customer: app.customer_id, // deprecated alias the real API still sends
    app_id: app.app_id,
    recording_info: { enabled: false },
    recording_source_template: true,
    enabled_source_template: false,
    template_id: template.id,
    template: template.name,
    region: template.region,
    large_room: false,
    size: 0,
    max_duration_seconds: undefined,
    webhook: undefined,
    polls: undefined,
    created_at: clock.iso,
    updated_at: clock.iso,
  };
}

// The wire shape: fixed key order, optional fields only when set, and a copy so callers
// cannot mutate the state.
export function presentRoom(room) {
  const copy = structuredClone(room);
  for (const key of Object.keys(copy)) if (copy[key] === undefined) delete copy[key];
  const { created_at, updated_at, ...rest } = copy;
  return { ...rest, created_at, updated_at };
}

function requireRoom(ctx) {
  const room = ownedRoom(ctx.state, ctx.app, ctx.params.room_id);
  if (!room) throw new HttpError(404, "room not found", [`no room ${ctx.params.room_id}`]);
  return room;
}

// Create-or-return: an existing name (case-insensitive) answers the same room, updated with
// the configuration passed, as the 100ms docs warn.
function createRoom(ctx) {
  const body = objectBody(ctx.body);
  const existing = has(body, "name") && typeof body.name === "string" ? findByName(ctx, body.name) : undefined;
  const template = validateRoomConfig(ctx, body, existing);
  if (existing) {
    const { name, ...rest } = body; // the stored name keeps its original spelling
    applyRoomConfig(ctx, existing, rest, template);
    return presentRoom(existing);
  }
  const defaultTemplate = ctx.state.templates.get(ctx.app.default_template_id);
  const room = newRoom(ctx, template ?? defaultTemplate);
  applyRoomConfig(ctx, room, body, undefined);
  ctx.state.rooms.set(room.id, room);
  return presentRoom(room);
}

function updateRoom(ctx) {
  const room = requireRoom(ctx);
  const body = objectBody(ctx.body);
  checkTypes(body, { enabled: "boolean" });
  const template = validateRoomConfig(ctx, body, room);
  if (has(body, "name")) {
    const other = findByName(ctx, body.name);
    if (other && other.id !== room.id) {
      throw new HttpError(400, "room name already exists", [`another room is named ${other.name}`]);
    }
  }
  applyRoomConfig(ctx, room, body, template);
  if (has(body, "enabled")) room.enabled = body.enabled;
  return presentRoom(room);
}

function getRoom(ctx) {
  return presentRoom(requireRoom(ctx));
}

function listRooms(ctx) {
  const { query } = ctx;
  const name = query.get("name");
  const enabled = parseBooleanQuery(query, "enabled");
  const after = parseDateQuery(query, "after");
  const before = parseDateQuery(query, "before");
  const matches = (room) => {
    const created = Date.parse(room.created_at);
    return (name === null || sameName(room.name, name))
      && (enabled === undefined || room.enabled === enabled)
      && (after === undefined || created > after)
      && (before === undefined || created < before);
  };
  const page = paginate(roomsOf(ctx.state, ctx.app), { query, keyOf: (r) => r.id, matches });
  return { ...page, data: page.data.map(presentRoom) };
}

export const roomHandlers = { createRoom, updateRoom, getRoom, listRooms };
