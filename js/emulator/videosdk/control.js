// The emulator's own control service for VideoSDK (served outside /videosdk/v2, no token): it
// stands in for clients joining and leaving meetings, which the REST API cannot do, so tests
// can drive sessions. The same operations back emu.videosdk.join/leave.
//
// Both answer { session, participant } in the REST API's shapes. Rooms are named by roomId or
// customRoomId, in any app.

import { objectBody } from "../shared/http.js";
import { roomCodeString } from "../shared/ids.js";
import { checkString, has, invalid, notFound } from "./http.js";
import { join, leave, presentParticipant, presentSession } from "./sessions.js";
import { liveSession, requireRoom } from "./store.js";

// VideoSDK generates ids like "but3ihic" and refuses ones with whitespace.
function readParticipant(body) {
  checkString(body.name, "name");
  if (!has(body, "participantId")) return { participantId: roomCodeString().replace(/-/g, "").slice(0, 8), name: body.name };
  checkString(body.participantId, "participantId");
  if (/\s/.test(body.participantId)) throw invalid("participantId must not contain whitespace");
  return { participantId: body.participantId, name: body.name };
}

const answer = (base, { session, participant }) => ({
  session: presentSession(base, session),
  participant: presentParticipant(participant),
});

// Operations on (state, clock, base), shared by the HTTP handlers and the JS helpers.
export function joinRoom({ state, clock, base }, roomId, body) {
  const room = requireRoom(state, undefined, roomId);
  return answer(base, join(state, clock, room, readParticipant(objectBody(body ?? null))));
}

export function leaveRoom({ state, clock, base }, roomId, participantId) {
  const room = requireRoom(state, undefined, roomId);
  const session = liveSession(state, room.roomId);
  if (!session) throw notFound(`Room ${room.roomId} has no active session`);
  return answer(base, leave(state, clock, session, participantId));
}

export const controlHandlers = {
  join: (ctx) => joinRoom(ctx, ctx.params.roomId, ctx.body),
  leave: (ctx) => leaveRoom(ctx, ctx.params.roomId, ctx.params.participantId),
};
