// Rooms: create (idempotent on customRoomId), fetch, list, validate, deactivate. The body rules
// live in videosdk/rules.js.

import { objectBody } from "../shared/http.js";
import { objectId, roomCodeString, unique } from "../shared/ids.js";
import { has, invalid, links, pageOf, requiredString } from "./http.js";
import { checkRoomBody, DEFAULT_AUTO_CLOSE_MINUTES } from "./rules.js";
import { endSession } from "./sessions.js";
import { liveSession, requireRoom, requireRoomId, roomsOf } from "./store.js";

// VideoSDK room ids look like "abc-xyzw-lmno". shared/ids.js draws 100ms's "abc-defg-hij"; one more
// (equally unbiased) letter from a second draw makes the last group four long.
const newRoomId = (state) => unique(() => `${roomCodeString()}${roomCodeString()[0]}`, (id) => state.rooms.has(id));

// The wire shape: VideoSDK's field order, optional configs only when set, and a copy.
export function presentRoom(base, room) {
  const { apiKey, ...wire } = structuredClone(room);
  const { webhook, autoCloseConfig, autoStartConfig, ...core } = wire;
  return { ...core, links: links(base, room.roomId), webhook, autoCloseConfig, autoStartConfig };
}

function newRoom(ctx, body) {
  const { clock, app } = ctx;
  const room = {
    roomId: newRoomId(ctx.state),
    customRoomId: body.customRoomId,
    userId: app.userId,
    disabled: false,
    createdAt: clock.iso,
    updatedAt: clock.iso,
    id: unique(objectId, (id) => roomsOf(ctx.state).some((r) => r.id === id)),
    apiKey: app.apiKey,
    webhook: structuredClone(body.webhook),
    autoStartConfig: structuredClone(body.autoStartConfig),
  };
  // Kept and answered only when given.
  for (const field of ["geoFence", "multiComposition", "allowedParticipantIds"]) {
    if (has(body, field)) room[field] = structuredClone(body[field]);
  }
  if (has(body, "autoCloseConfig")) {
    const { type, duration = DEFAULT_AUTO_CLOSE_MINUTES } = body.autoCloseConfig;
    room.autoCloseConfig = { type, duration };
  }
  return room;
}

// The same customRoomId answers the same room, unchanged, whatever else the body says (the
// body is still validated first, so a bad retry fails the same way a bad first call does).
function createRoom(ctx) {
  const body = objectBody(ctx.body);
  checkRoomBody(body);
  const existing = has(body, "customRoomId")
    ? roomsOf(ctx.state, ctx.app.apiKey).find((r) => r.customRoomId === body.customRoomId)
    : undefined;
  if (existing) return presentRoom(ctx.base, existing);
  const room = newRoom(ctx, body);
  ctx.state.rooms.set(room.roomId, room);
  return presentRoom(ctx.base, room);
}

// Filter: query (the room's roomId or customRoomId, exactly).
function listRooms(ctx) {
  const query = ctx.query.get("query");
  const rooms = roomsOf(ctx.state, ctx.app.apiKey)
    .filter((room) => query === null || room.roomId === query || room.customRoomId === query);
  return pageOf(rooms, ctx.query, (room) => presentRoom(ctx.base, room));
}

function getRoom(ctx) {
  return presentRoom(ctx.base, requireRoom(ctx.state, ctx.app.apiKey, ctx.params.roomId));
}

// Unknown ids answer 404; a deactivated room is not valid either (nobody can join it), 400.
function validateRoom(ctx) {
  const room = requireRoom(ctx.state, ctx.app.apiKey, ctx.params.roomId);
  if (room.disabled) throw invalid(`Room ${room.roomId} is deactivated`);
  return presentRoom(ctx.base, room);
}

// For ever, as VideoSDK puts it: a live session ends now, and no one can join again. Repeating
// it answers the same deactivated room.
function deactivateRoom(ctx) {
  const body = objectBody(ctx.body);
  const room = requireRoomId(ctx.state, ctx.app.apiKey, requiredString(body, "roomId"));
  const live = liveSession(ctx.state, room.roomId);
  if (live) endSession(ctx.state, live, ctx.clock.ms);
  if (!room.disabled) {
    room.disabled = true;
    room.updatedAt = ctx.clock.iso;
  }
  return presentRoom(ctx.base, room);
}

export const roomHandlers = { createRoom, listRooms, getRoom, validateRoom, deactivateRoom };
