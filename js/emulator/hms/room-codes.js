// Room codes: one short code per (room, role), used to join without a server-minted token.
// Creating codes for a room re-syncs them with the room's template: roles that gained a code
// keep it, new roles get one, codes of roles that no longer exist are disabled.

import { HttpError, badBodyParam, objectBody } from "../shared/http.js";
import { roomCodeString, unique } from "../shared/ids.js";
import { paginate, parseBooleanQuery } from "./paging.js";
import { codesOfRoom, ownedRoom, ownedRoomCode } from "./store.js";

// Note the capital R: these routes answer "Room not found", unlike GET /rooms/:id.
function requireRoom(ctx) {
  const room = ownedRoom(ctx.state, ctx.app, ctx.params.room_id);
  if (!room) throw new HttpError(404, "Room not found", [`no room ${ctx.params.room_id}`]);
  return room;
}

function requireEnabledRoom(ctx) {
  const room = requireRoom(ctx);
  if (!room.enabled) throw new HttpError(403, "Room is disabled", [`room ${room.id} is disabled`]);
  return room;
}

const rolesOf = (ctx, room) => Object.keys(ctx.state.templates.get(room.template_id)?.roles ?? {});

const presentCode = (code) => ({ ...code });

// A disabled code stays disabled (it may have been revoked on purpose); the role gets a new one.
function ensureCode(ctx, room, role) {
  const existing = codesOfRoom(ctx.state, room.id).find((c) => c.role === role && c.enabled);
  if (existing) return existing;
  const code = {
    code: unique(roomCodeString, (c) => ctx.state.roomCodes.has(c)),
    room_id: room.id,
    role,
    enabled: true,
    created_at: ctx.clock.iso,
    updated_at: ctx.clock.iso,
  };
  ctx.state.roomCodes.set(code.code, code);
  return code;
}

function setEnabled(ctx, code, enabled) {
  if (code.enabled === enabled) return;
  code.enabled = enabled;
  code.updated_at = ctx.clock.iso;
}

function createRoomCodes(ctx) {
  const room = requireEnabledRoom(ctx);
  const roles = rolesOf(ctx, room);
  for (const code of codesOfRoom(ctx.state, room.id)) {
    if (!roles.includes(code.role)) setEnabled(ctx, code, false);
  }
  return { data: roles.map((role) => presentCode(ensureCode(ctx, room, role))) };
}

function createRoomCodeForRole(ctx) {
  const room = requireEnabledRoom(ctx);
  const { role } = ctx.params;
  if (!rolesOf(ctx, room).includes(role)) {
    throw new HttpError(404, "Role not found", [`the room's template has no role ${role}`]);
  }
  return presentCode(ensureCode(ctx, room, role));
}

function listRoomCodes(ctx) {
  const room = requireRoom(ctx);
  const { query } = ctx;
  const enabled = parseBooleanQuery(query, "enabled");
  const role = query.get("role");
  const matches = (c) => (enabled === undefined || c.enabled === enabled) && (role === null || c.role === role);
  const page = paginate(codesOfRoom(ctx.state, room.id), { query, keyOf: (c) => c.code, matches });
  return { ...page, data: page.data.map(presentCode) };
}

function updateRoomCode(ctx) {
  const body = objectBody(ctx.body);
  if (typeof body.code !== "string" || body.code === "") {
    throw badBodyParam("code", "code is required (a string)");
  }
  if (typeof body.enabled !== "boolean") {
    throw badBodyParam("enabled", "enabled is required (a boolean)");
  }
  const code = ownedRoomCode(ctx.state, ctx.app, body.code);
  if (!code) throw new HttpError(404, "Room code not found", [`no room code ${body.code}`]);
  setEnabled(ctx, code, body.enabled);
  return presentCode(code);
}

export const roomCodeHandlers = { createRoomCodes, createRoomCodeForRole, listRoomCodes, updateRoomCode };
