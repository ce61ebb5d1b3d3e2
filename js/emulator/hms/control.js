// The control service: what the emulator cannot observe because it has no media server —
// peers joining and leaving, peers answering polls, client-side events — driven by tests over
// HTTP (served under /_emulator/100ms, no management token: it is not part of 100ms's API) or
// as methods of the emulator object (emu.hms.addPeer(...)). It also shows what the API did
// that a real 100ms would only show to peers: the messages sent, and to whom.
//
// Rooms are found by id across apps; an unknown room is a 404, and a disabled or locked room
// refuses new peers with a 403, as it refuses room-code exchanges.

import { injectEvent } from "./analytics.js";
import { presentPeerDetails } from "./active-rooms.js";
import { requireAnyRoom } from "./lookup.js";
import { answerPoll } from "./poll-runs.js";
import { activeSessionOf, joinPeer, leavePeer, presentSession } from "./sessions.js";
import { HttpError, objectBody } from "../shared/http.js";
import { route } from "../shared/router.js";

export const HMS_CONTROL_PREFIX = "/_emulator/100ms";

const roomOf = (ctx) => requireAnyRoom(ctx.state, ctx.params.room_id);

function addPeer(ctx) {
  const { session, peer } = joinPeer(ctx, roomOf(ctx), objectBody(ctx.body));
  return { ...presentPeerDetails(peer), session_id: session.id };
}

// The peer leaves; the session closes when it was the last one (and stops what recorded it).
function removePeer(ctx) {
  const room = roomOf(ctx);
  const session = activeSessionOf(ctx.state, room.id);
  const peer = session?.peers[ctx.params.peer_id];
  if (!peer || peer.left_at !== undefined) {
    throw new HttpError(404, "Peer not found", [`no peer ${ctx.params.peer_id} in the active session of room ${room.id}`]);
  }
  const body = ctx.body === null ? {} : objectBody(ctx.body);
  leavePeer(ctx, room, session, peer, typeof body.reason === "string" ? body.reason : "");
  return presentSession(session).peers[peer.id];
}

const presentMessage = (message) => JSON.parse(JSON.stringify(message)); // drops absent fields

function listMessages(ctx) {
  const room = roomOf(ctx);
  return { messages: ctx.state.messages.filter((m) => m.room_id === room.id).map(presentMessage) };
}

function answer(ctx) {
  return { responses: answerPoll(ctx, roomOf(ctx), ctx.params.poll_id, ctx.body) };
}

// The event belongs to the room's live session unless its data names one.
function addEvent(ctx) {
  const room = roomOf(ctx);
  const session = activeSessionOf(ctx.state, room.id);
  return injectEvent(ctx, room, objectBody(ctx.body), session ? { session_id: session.id } : {});
}

const handlers = { addPeer, removePeer, listMessages, answer, addEvent };

export const hmsControlRoutes = [
  route("POST", "/rooms/:room_id/peers", addPeer),
  route("DELETE", "/rooms/:room_id/peers/:peer_id", removePeer),
  route("GET", "/rooms/:room_id/messages", listMessages),
  route("POST", "/rooms/:room_id/polls/:poll_id/responses", answer),
  route("POST", "/rooms/:room_id/events", addEvent),
];

// The same as methods. `context()` gives { state, clock } for this instant. They throw the
// HttpError the route would answer, and return plain copies.
export function createHmsControl(context) {
  const call = (handler, params, body = null) =>
    structuredClone(handler({ ...context(), params, body, query: new URLSearchParams() }));
  return {
    addPeer: (roomId, peer) => call(handlers.addPeer, { room_id: roomId }, peer),
    removePeer: (roomId, peerId, { reason } = {}) => call(handlers.removePeer, { room_id: roomId, peer_id: peerId }, { reason }),
    messages: (roomId) => call(handlers.listMessages, { room_id: roomId }).messages,
    answerPoll: (roomId, pollId, body) => call(handlers.answer, { room_id: roomId, poll_id: pollId }, body).responses,
    recordEvent: (roomId, event) => call(handlers.addEvent, { room_id: roomId }, event),
    // Everything the 100ms side holds beyond emu.state, as a deep copy.
    snapshot() {
      const { state } = context();
      return structuredClone({
        sessions: [...state.sessions.values()],
        streamKeys: [...state.streamKeys.values()],
        jobs: [...state.jobs.values()],
        assets: [...state.assets.values()],
        events: state.events,
        messages: state.messages,
        polls: [...state.polls.values()],
        pollResponses: [...state.pollResponses.values()],
      });
    },
  };
}
