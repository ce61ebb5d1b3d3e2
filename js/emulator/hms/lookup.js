// Lookups every 100ms resource handler needs, with the errors the API answers: an unknown id
// (or another app's) is a 404 naming what was not found, a disabled room a 403.

import { HttpError } from "../shared/http.js";
import { appById, ownedBy, ownedRoom } from "./store.js";

export const notFound = (what, id) => new HttpError(404, `${what} not found`, [`no ${what.toLowerCase()} ${id}`]);

export function requireRoom(ctx, id = ctx.params.room_id) {
  const room = ownedRoom(ctx.state, ctx.app, id);
  if (!room) throw notFound("Room", id);
  return room;
}

export function requireEnabled(room) {
  if (!room.enabled) throw new HttpError(403, "Room is disabled", [`room ${room.id} is disabled`]);
  return room;
}

// `map` is one of the state's maps of app-owned objects (sessions, jobs, assets, polls).
export function requireOwned(ctx, map, what, id) {
  const item = ownedBy(map, ctx.app, id);
  if (!item) throw notFound(what, id);
  return item;
}

// The control service has no app: it finds a room by id alone.
export function requireAnyRoom(state, id) {
  const room = state.rooms.get(id);
  if (!room) throw notFound("Room", id);
  return room;
}

export const appOfRoom = (state, room) => appById(state, room.app_id);

export const templateOf = (state, room) => state.templates.get(room.template_id);

export const roleNamesOf = (state, room) => Object.keys(templateOf(state, room)?.roles ?? {});

// Body fields that must be non-empty strings when present; "" counts as absent, as the docs'
// own examples send `"role": ""` next to a peer_id.
export const given = (body, field) => typeof body[field] === "string" && body[field] !== "";
