// Active rooms: the live session of a room seen from the server side. Its peers, updating one
// (name, role, metadata), messages to one peer / a role / everyone, removing peers, and ending
// the session, optionally locking the room (which disables it, as the docs warn: the room must
// be enabled again before anyone can join or exchange a room code).

import { recordEvent } from "./analytics.js";
import { given, requireRoom, roleNamesOf } from "./lookup.js";
import { activeSessionOf, closeSession, leavePeer, presentPeersOf } from "./sessions.js";
import { HttpError, badBodyParam, objectBody } from "../shared/http.js";
import { objectId } from "../shared/ids.js";
import { checkTypes, has } from "./room-rules.js";

function requireActive(ctx) {
  const room = requireRoom(ctx);
  const session = activeSessionOf(ctx.state, room.id);
  if (!session) throw new HttpError(404, "Room is not active", [`room ${room.id} has no active session`]);
  return { room, session };
}

function requirePeer(session, peerId) {
  const peer = session.peers[peerId];
  if (!peer || peer.left_at !== undefined) throw new HttpError(404, "Peer not found", [`no peer ${peerId} in the active session`]);
  return peer;
}

export function presentActivePeer({ id, name, user_id, metadata, role, joined_at }) {
  return structuredClone({ id, name, user_id, metadata, role, joined_at });
}

export const presentPeerDetails = (peer) => ({ ...presentActivePeer(peer), tracks: structuredClone(peer.tracks) });

function getActiveRoom(ctx) {
  const { room, session } = requireActive(ctx);
  const app = ctx.app;
  return {
    id: room.id,
    name: room.name,
    customer_id: app.customer_id,
    session: { id: session.id, created_at: session.created_at, peers: presentPeersOf(session).map((p) => p.id) },
  };
}

// Filters: user_id and role; no match is an empty map, not an error.
function listPeers(ctx) {
  const { session } = requireActive(ctx);
  const userId = ctx.query.get("user_id");
  const role = ctx.query.get("role");
  const peers = presentPeersOf(session).filter((p) => (userId === null || p.user_id === userId) && (role === null || p.role === role));
  return { peers: Object.fromEntries(peers.map((p) => [p.id, presentActivePeer(p)])) };
}

function getPeer(ctx) {
  const { session } = requireActive(ctx);
  return presentPeerDetails(requirePeer(session, ctx.params.peer_id));
}

function updatePeer(ctx) {
  const { room, session } = requireActive(ctx);
  const peer = requirePeer(session, ctx.params.peer_id);
  const body = objectBody(ctx.body);
  if (!["name", "role", "metadata"].some((field) => has(body, field))) {
    throw new HttpError(400, "Invalid request body", ["pass at least one of name, role, metadata"]);
  }
  checkTypes(body, { name: "string", role: "string" });
  if (has(body, "role") && !roleNamesOf(ctx.state, room).includes(body.role)) {
    throw badBodyParam("role", `the room's template has no role ${body.role}`);
  }
  if (has(body, "name")) peer.name = body.name;
  // The docs call metadata an object and describe a stringified JSON: either is kept as sent.
  if (has(body, "metadata")) peer.metadata = structuredClone(body.metadata);
  if (has(body, "role") && body.role !== peer.role) {
    const previous = peer.role;
    peer.role = body.role;
    recordEvent(ctx, room, "role.change.success", {
      session_id: session.id, peer_id: peer.id, user_id: peer.user_id, user_name: peer.name, role: peer.role, old_role: previous,
    });
  }
  session.updated_at = ctx.clock.iso;
  return presentPeerDetails(peer);
}

// peer_id wins over role; neither means everyone. Each message is kept with its recipients so
// tests can see who it reached (emu.hms.messages(roomId)).
function sendMessage(ctx) {
  const { room, session } = requireActive(ctx);
  const body = objectBody(ctx.body);
  if (typeof body.message !== "string" || body.message === "") throw badBodyParam("message", "message is required (a non-empty string)");
  checkTypes(body, { peer_id: "string", role: "string", type: "string" });
  let recipients;
  if (given(body, "peer_id")) recipients = [requirePeer(session, body.peer_id)];
  else if (given(body, "role")) recipients = presentPeersOf(session).filter((p) => p.role === body.role);
  else recipients = presentPeersOf(session);
  ctx.state.messages.push({
    id: objectId(),
    room_id: room.id,
    session_id: session.id,
    message: body.message,
    type: given(body, "type") ? body.type : "chat",
    peer_id: given(body, "peer_id") ? body.peer_id : undefined,
    role: !given(body, "peer_id") && given(body, "role") ? body.role : undefined,
    recipients: recipients.map((p) => p.id),
    sent_at: ctx.clock.iso,
  });
  return { message: "message sent" };
}

function removePeers(ctx) {
  const { room, session } = requireActive(ctx);
  const body = objectBody(ctx.body);
  checkTypes(body, { peer_id: "string", role: "string", reason: "string" });
  if (!given(body, "peer_id") && !given(body, "role")) throw badBodyParam("peer_id", "peer_id or role is required: say whom to remove");
  const peers = given(body, "peer_id")
    ? [requirePeer(session, body.peer_id)]
    : presentPeersOf(session).filter((p) => p.role === body.role);
  for (const peer of peers) leavePeer(ctx, room, session, peer, body.reason ?? "");
  return { message: "peer remove request submitted" };
}

function endRoom(ctx) {
  const { room, session } = requireActive(ctx);
  const body = objectBody(ctx.body);
  checkTypes(body, { reason: "string", lock: "boolean" });
  const reason = body.reason ?? "";
  closeSession(ctx, room, session, reason);
  recordEvent(ctx, room, "room.end.success", { session_id: session.id, reason, lock: body.lock === true });
  if (body.lock === true) {
    room.enabled = false;
    room.updated_at = ctx.clock.iso;
  }
  return { message: "session is ending" };
}

export const activeRoomHandlers = { getActiveRoom, listPeers, getPeer, updatePeer, sendMessage, removePeers, endRoom };
