// Sessions: one per stretch of time a room is in use. The emulator has no media server, so
// peers come and go through the control service (hms/control.js); this file is the one place
// that opens and closes sessions, lets peers join and leave, and records the events that go
// with it. Peers that left stay in the session with their left_at, as the sessions API shows.

import { recordEvent } from "./analytics.js";
import { stopSessionJobs } from "./job-completion.js";
import { appOfRoom, requireEnabled, requireOwned, roleNamesOf } from "./lookup.js";
import { badBodyParam } from "../shared/http.js";
import { objectId, unique, uuidV4 } from "../shared/ids.js";
import { paginate, parseBooleanQuery, parseDateQuery } from "./paging.js";

export function activeSessionOf(state, roomId) {
  for (const session of state.sessions.values()) {
    if (session.active && session.room_id === roomId) return session;
  }
  return undefined;
}

export const presentPeersOf = (session) => Object.values(session.peers).filter((p) => p.left_at === undefined);

const seconds = (fromIso, toIso) => Math.max(0, Math.round((Date.parse(toIso) - Date.parse(fromIso)) / 1000));

function openSession(ctx, room) {
  const app = appOfRoom(ctx.state, room);
  const session = {
    id: unique(objectId, (id) => ctx.state.sessions.has(id)),
    room_id: room.id,
    customer_id: app.customer_id,
    app_id: app.app_id,
    active: true,
    peers: {},
    created_at: ctx.clock.iso,
    updated_at: ctx.clock.iso,
  };
  ctx.state.sessions.set(session.id, session);
  recordEvent(ctx, room, "session.open.success", { session_id: session.id, session_started_at: session.created_at });
  return session;
}

// The live session of a room, opened if the room is idle (a peer joining, or the recorder's
// browser joining to start a recording or stream).
export function ensureSession(ctx, room) {
  return activeSessionOf(ctx.state, room.id) ?? openSession(ctx, room);
}

const peerEventData = (session, peer) => ({
  session_id: session.id,
  peer_id: peer.id,
  user_id: peer.user_id,
  user_name: peer.name,
  role: peer.role,
  joined_at: peer.joined_at,
});

function trackEvent(ctx, room, session, peer, type, track) {
  const { id: track_id, stream_id, type: kind, source, mute, started_at } = track;
  recordEvent(ctx, room, type, {
    ...peerEventData(session, peer),
    track_id, stream_id, type: kind, source, mute, started_at,
    ...(type === "track.remove.success" ? { stopped_at: ctx.clock.iso } : {}),
  });
}

// Every peer publishes one audio and one video track: enough for the track events and the
// peer details to look like a real call.
function newTracks(ctx) {
  const stream_id = uuidV4();
  return Object.fromEntries(["audio", "video"].map((type) => {
    const track = { id: uuidV4(), stream_id, mute: false, type, source: "regular", started_at: ctx.clock.iso, description: "" };
    return [track.id, track];
  }));
}

function checkJoinBody(ctx, room, body) {
  const roles = roleNamesOf(ctx.state, room);
  if (typeof body.role !== "string" || !roles.includes(body.role)) {
    throw badBodyParam("role", `role is required and must be one of the room's template roles: ${roles.join(", ")}`);
  }
  for (const field of ["name", "user_id"]) {
    if (body[field] !== undefined && typeof body[field] !== "string") throw badBodyParam(field, `${field} must be a string`);
  }
}

// A locked (end-room with lock) or disabled room refuses new peers, like the room-code exchange.
export function joinPeer(ctx, room, body) {
  requireEnabled(room);
  checkJoinBody(ctx, room, body);
  const session = ensureSession(ctx, room);
  const userId = body.user_id || uuidV4();
  const peer = {
    id: uuidV4(),
    session_id: session.id,
    name: body.name ?? userId,
    role: body.role,
    user_id: userId,
    metadata: body.metadata ?? "",
    joined_at: ctx.clock.iso,
    left_at: undefined,
    tracks: newTracks(ctx),
  };
  session.peers[peer.id] = peer;
  session.updated_at = ctx.clock.iso;
  recordEvent(ctx, room, "peer.join.success", { ...peerEventData(session, peer), session_started_at: session.created_at });
  for (const track of Object.values(peer.tracks)) trackEvent(ctx, room, session, peer, "track.add.success", track);
  return { session, peer };
}

const hasRunningJobs = (state, sessionId) =>
  [...state.jobs.values()].some((job) => job.session_id === sessionId && job.status === "running");

// Closes the session once nobody is left in it: no peer, no recorder or streamer.
export function closeIfIdle(ctx, room, session) {
  if (session.active && presentPeersOf(session).length === 0 && !hasRunningJobs(ctx.state, session.id)) {
    closeSession(ctx, room, session);
  }
}

export function leavePeer(ctx, room, session, peer, reason = "") {
  peer.left_at = ctx.clock.iso;
  session.updated_at = ctx.clock.iso;
  for (const track of Object.values(peer.tracks)) trackEvent(ctx, room, session, peer, "track.remove.success", track);
  recordEvent(ctx, room, "peer.leave.success", {
    ...peerEventData(session, peer), left_at: peer.left_at, duration: seconds(peer.joined_at, peer.left_at), reason,
  });
  // The last peer out ends the session, and with it the jobs recording it (their auto-stop).
  if (presentPeersOf(session).length === 0) closeSession(ctx, room, session);
}

export function closeSession(ctx, room, session, reason = "") {
  if (!session.active) return;
  for (const peer of presentPeersOf(session)) leavePeer(ctx, room, session, peer, reason);
  if (!session.active) return; // the last leave closed it already
  session.active = false;
  stopSessionJobs(ctx, room, session);
  session.updated_at = ctx.clock.iso;
  recordEvent(ctx, room, "session.close.success", {
    session_id: session.id,
    session_started_at: session.created_at,
    session_stopped_at: ctx.clock.iso,
    session_duration: seconds(session.created_at, ctx.clock.iso),
  });
}

// The sessions API's view of a peer: no tracks or metadata, left_at once gone.
function presentSessionPeer({ id, session_id, name, role, user_id, joined_at, left_at }) {
  return { id, session_id, name, role, user_id, joined_at, ...(left_at === undefined ? {} : { left_at }) };
}

export function presentSession(session) {
  const { id, room_id, customer_id, app_id, active, peers, created_at, updated_at } = session;
  return {
    id, room_id, customer_id, app_id, active,
    peers: Object.fromEntries(Object.values(peers).map((p) => [p.id, presentSessionPeer(p)])),
    created_at, updated_at,
  };
}

function getSession(ctx) {
  return presentSession(requireOwned(ctx, ctx.state.sessions, "Session", ctx.params.session_id));
}

// before/after bound the start time, inclusive, as the docs put it ("greater than or equal").
function listSessions(ctx) {
  const { query } = ctx;
  const roomId = query.get("room_id");
  const active = parseBooleanQuery(query, "active");
  const after = parseDateQuery(query, "after");
  const before = parseDateQuery(query, "before");
  const matches = (s) => {
    const started = Date.parse(s.created_at);
    return (roomId === null || s.room_id === roomId)
      && (active === undefined || s.active === active)
      && (after === undefined || started >= after)
      && (before === undefined || started <= before);
  };
  const mine = [...ctx.state.sessions.values()].filter((s) => s.app_id === ctx.app.app_id);
  const page = paginate(mine, { query, keyOf: (s) => s.id, matches });
  return { ...page, data: page.data.map(presentSession) };
}

export const sessionHandlers = { getSession, listSessions };
