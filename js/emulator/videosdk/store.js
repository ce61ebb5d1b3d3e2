// In-memory state of the VideoSDK side of one emulator, its seed, and lookups.
//
// The seed (each app's userId, the account id VideoSDK puts on rooms) is drawn once, so ids a
// test read stay valid across reset(). Secrets never enter the state: videosdk/index.js keeps them
// only as non-extractable CryptoKeys. Rooms, sessions and jobs belong to the app whose token
// created them (the control service, which has no token, passes no apiKey and sees all).

import { HttpError } from "../shared/http.js";
import { objectId } from "../shared/ids.js";
import { notFound } from "./http.js";

export const buildVideoSdkSeed = (apps) => ({ apps: apps.map(({ apiKey }) => ({ apiKey, userId: objectId() })) });

// Maps keep insertion order, which is the creation order lists page through.
export function createVideoSdkState(seed) {
  return { apps: structuredClone(seed.apps), rooms: new Map(), sessions: new Map(), jobs: new Map(), merges: new Map(), transcodings: new Map() };
}

export const appByKey = (state, apiKey) => state.apps.find((app) => app.apiKey === apiKey);

const visible = (apiKey) => (item) => apiKey === undefined || item.apiKey === apiKey;

export const roomsOf = (state, apiKey) => [...state.rooms.values()].filter(visible(apiKey));

export const sessionsOf = (state, apiKey) => [...state.sessions.values()].filter(visible(apiKey));

// GET /rooms/:roomId and validate take a roomId, the internal id or a customRoomId.
export const findRoom = (state, apiKey, id) =>
  roomsOf(state, apiKey).find((room) => room.roomId === id || room.id === id || room.customRoomId === id);

export function requireRoom(state, apiKey, id) {
  const room = findRoom(state, apiKey, id);
  if (!room) throw notFound(`Room not found: ${id}`);
  return room;
}

// Actions on a room (deactivate, sessions, media) take its roomId only; VideoSDK answers 402
// when given a customRoomId there, and 404 for an id it does not know at all.
export function requireRoomId(state, apiKey, roomId) {
  const room = state.rooms.get(roomId);
  if (room && visible(apiKey)(room)) return room;
  if (roomsOf(state, apiKey).some((r) => r.customRoomId === roomId)) {
    throw new HttpError(402, `Room not found: ${roomId} is a customRoomId, and this call takes the roomId`);
  }
  throw notFound(`Room not found: ${roomId}`);
}

export const liveSession = (state, roomId) =>
  [...state.sessions.values()].find((s) => s.roomId === roomId && s.status === "ongoing");

export function requireSession(state, apiKey, sessionId) {
  const session = state.sessions.get(sessionId);
  if (!session || !visible(apiKey)(session)) throw notFound(`Session not found: ${sessionId}`);
  return session;
}
