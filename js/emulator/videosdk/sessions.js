// Sessions: one live occupancy of a room, from the first join to the last leave. Participants
// are simulated (the control service joins and removes them); the REST API lists and ends
// sessions and removes participants, as VideoSDK's does.
//
// A session starts with its first participant, starting the media jobs of the room's
// autoStartConfig; it ends when the last participant leaves, when it is ended through the API,
// when its room is deactivated, or when its room's autoCloseConfig duration runs out. Ending it
// closes every open timelog and stops its jobs; with autoCloseConfig type
// "session-end-and-deactivate" it also deactivates the room, so it holds one session only.

import { HttpError, objectBody } from "../shared/http.js";
import { conflict, invalid, isoAt, links, notFound, optionalString, pageOf, requiredString } from "./http.js";
import { objectId, unique } from "../shared/ids.js";
import { advanceJob, startJob, stopJob } from "./jobs.js";
import { liveSession, requireRoomId, requireSession, sessionsOf } from "./store.js";
import { emitParticipantEvent, emitSessionEvent } from "./webhooks.js";

const isPresent = (participant) => participant.timelog.at(-1).end === null;

function newSession(state, clock, room) {
  const session = {
    id: unique(objectId, (id) => state.sessions.has(id)),
    apiKey: room.apiKey,
    roomId: room.roomId,
    start: clock.iso,
    end: null,
    participants: [],
    status: "ongoing",
    closeAtMs: room.autoCloseConfig ? clock.ms + room.autoCloseConfig.duration * 60_000 : undefined,
  };
  state.sessions.set(session.id, session);
  emitSessionEvent(state, "session-started", session);
  for (const kind of ["recording", "hls"]) {
    const auto = room.autoStartConfig?.[kind];
    if (auto) startJob(state, clock, kind, session, auto);
  }
  return session;
}

export function endSession(state, session, atMs) {
  const at = isoAt(atMs);
  for (const participant of session.participants.filter(isPresent)) {
    participant.timelog.at(-1).end = at;
    emitParticipantEvent(state, "participant-left", session, participant);
  }
  session.status = "ended";
  session.end = at;
  for (const job of state.jobs.values()) if (job.sessionId === session.id) stopJob(job, atMs, state);
  emitSessionEvent(state, "session-ended", session);
  const room = state.rooms.get(session.roomId);
  if (room.autoCloseConfig?.type === "session-end-and-deactivate" && !room.disabled) {
    room.disabled = true;
    room.updatedAt = at;
  }
}

// Applies what the clock says has happened since the last request: auto-closed sessions (at
// their due time, not now) and jobs that finished starting.
export function settle(state, nowMs) {
  for (const session of state.sessions.values()) {
    const due = session.status === "ongoing" && session.closeAtMs !== undefined && session.closeAtMs <= nowMs;
    if (due) endSession(state, session, session.closeAtMs);
  }
  for (const job of state.jobs.values()) advanceJob(job, nowMs, state);
}

// A rejoining participant keeps its record and gets a new timelog entry.
export function join(state, clock, room, { participantId, name }) {
  if (room.disabled) throw new HttpError(403, `Room ${room.roomId} is deactivated: nobody can join it`);
  const session = liveSession(state, room.roomId) ?? newSession(state, clock, room);
  let participant = session.participants.find((p) => p.participantId === participantId);
  if (participant && isPresent(participant)) {
    throw conflict(`Participant ${participantId} is already in session ${session.id}`);
  }
  if (participant) {
    participant.name = name;
    participant.timelog.push({ start: clock.iso, end: null });
  } else {
    participant = { participantId, name, timelog: [{ start: clock.iso, end: null }] };
    session.participants.push(participant);
  }
  emitParticipantEvent(state, "participant-joined", session, participant);
  return { session, participant };
}

// Leaving and being removed are the same here: the last one out ends the session.
export function leave(state, clock, session, participantId) {
  const participant = session.participants.find((p) => p.participantId === participantId);
  if (!participant || !isPresent(participant)) {
    throw notFound(`Participant ${participantId} is not in session ${session.id}`);
  }
  participant.timelog.at(-1).end = clock.iso;
  emitParticipantEvent(state, "participant-left", session, participant);
  if (!session.participants.some(isPresent)) endSession(state, session, clock.ms);
  return { session, participant };
}

export const presentParticipant = (participant) => structuredClone(participant);

export function presentSession(base, session) {
  const { apiKey, closeAtMs, participants, ...wire } = structuredClone(session);
  return { ...wire, participants, links: links(base, session.roomId, session.id) };
}

// The session an action on `room` targets: `sessionId` if given (it must be that room's and
// still live), else the room's live one.
function ongoingSession(ctx, room, sessionId) {
  if (sessionId === undefined) {
    const live = liveSession(ctx.state, room.roomId);
    if (!live) throw conflict(`Room ${room.roomId} has no active session`);
    return live;
  }
  const session = requireSession(ctx.state, ctx.app.apiKey, sessionId);
  if (session.roomId !== room.roomId) throw notFound(`Session ${sessionId} is not a session of room ${room.roomId}`);
  if (session.status !== "ongoing") throw conflict(`Session ${sessionId} has already ended`);
  return session;
}

function targetOf(ctx) {
  const body = objectBody(ctx.body);
  const room = requireRoomId(ctx.state, ctx.app.apiKey, requiredString(body, "roomId"));
  return { body, session: ongoingSession(ctx, room, optionalString(body, "sessionId")) };
}

const SESSION_STATUSES = ["ongoing", "ended"];

// Filters: roomId, customRoomId, status (ongoing | ended; the official SDKs find a room's live
// session with status=ongoing&perPage=1, so ignoring it would answer an ended one), query (the
// room's roomId or customRoomId, exactly), startDate and endDate (epoch milliseconds, on the
// session's start).
function listSessions(ctx) {
  const roomId = ctx.query.get("roomId");
  const customRoomId = ctx.query.get("customRoomId");
  const status = ctx.query.get("status");
  const query = ctx.query.get("query");
  if (status !== null && !SESSION_STATUSES.includes(status)) {
    throw invalid(`status must be one of ${SESSION_STATUSES.join(", ")}`);
  }
  const epoch = (name) => {
    const text = ctx.query.get(name);
    if (text === null) return null;
    if (!/^\d+$/.test(text)) throw invalid(`${name} must be epoch milliseconds`);
    return Number(text);
  };
  const startDate = epoch("startDate");
  const endDate = epoch("endDate");
  const matches = (session) => {
    const room = ctx.state.rooms.get(session.roomId);
    const started = Date.parse(session.start);
    return (roomId === null || session.roomId === roomId)
      && (customRoomId === null || room.customRoomId === customRoomId)
      && (status === null || session.status === status)
      && (query === null || session.roomId === query || room.customRoomId === query)
      && (startDate === null || started >= startDate)
      && (endDate === null || started <= endDate);
  };
  const sessions = sessionsOf(ctx.state, ctx.app.apiKey).filter(matches);
  return pageOf(sessions, ctx.query, (s) => presentSession(ctx.base, s));
}

const sessionOf = (ctx) => requireSession(ctx.state, ctx.app.apiKey, ctx.params.sessionId);

function getSession(ctx) {
  return presentSession(ctx.base, sessionOf(ctx));
}

// GET .../participants and .../participants/active answer {pageInfo, data} where data is the
// session and the page of participants is its `participants` (both official SDKs lift them
// out: Rust session_utils::reshape_session_participants, Node fetchParticipants).
function participantsPage(ctx, participants) {
  const session = sessionOf(ctx);
  const page = pageOf(participants(session), ctx.query, presentParticipant);
  return { pageInfo: page.pageInfo, data: { ...presentSession(ctx.base, session), participants: page.data } };
}

function listParticipants(ctx) {
  return participantsPage(ctx, (session) => session.participants);
}

function listActiveParticipants(ctx) {
  return participantsPage(ctx, (session) => session.participants.filter(isPresent));
}

function getParticipant(ctx) {
  const { participantId } = ctx.params;
  const participant = sessionOf(ctx).participants.find((p) => p.participantId === participantId);
  if (!participant) throw notFound(`Participant ${participantId} not found in session ${ctx.params.sessionId}`);
  return presentParticipant(participant);
}

// POST /sessions/end answers the ended session, as VideoSDK's server SDK describes. Booleans
// `vsdkForceKill` (the SDK's `force`; here every end is immediate) and `ignoreClosed` (a
// session already ended is answered as it is instead of a 409).
function endSessionRoute(ctx) {
  const body = objectBody(ctx.body);
  for (const flag of ["vsdkForceKill", "ignoreClosed"]) {
    if (body[flag] !== undefined && typeof body[flag] !== "boolean") throw invalid(`${flag} must be a boolean`);
  }
  const room = requireRoomId(ctx.state, ctx.app.apiKey, requiredString(body, "roomId"));
  const sessionId = optionalString(body, "sessionId");
  if (body.ignoreClosed === true && sessionId !== undefined) {
    const session = requireSession(ctx.state, ctx.app.apiKey, sessionId);
    if (session.roomId === room.roomId && session.status !== "ongoing") return presentSession(ctx.base, session);
  }
  const session = ongoingSession(ctx, room, sessionId);
  endSession(ctx.state, session, ctx.clock.ms);
  return presentSession(ctx.base, session);
}

// POST /sessions/participants/remove answers the session, as VideoSDK's example shows.
function removeParticipant(ctx) {
  const { body, session } = targetOf(ctx);
  leave(ctx.state, ctx.clock, session, requiredString(body, "participantId"));
  return presentSession(ctx.base, session);
}

const seconds = (fromIso, toIso) => Math.max(0, Math.round((Date.parse(toIso) - Date.parse(fromIso)) / 1000));

// Quality stats. Neither official SDK models them ("the shape varies by endpoint"), and no
// public page shows one, so these shapes are the emulator's own: figures derived from the
// session's timelogs, steady so tests can assert on them.
function participantStats(session, participant, nowIso) {
  const durationSec = participant.timelog.reduce((sum, t) => sum + seconds(t.start, t.end ?? nowIso), 0);
  return {
    participantId: participant.participantId,
    name: participant.name,
    durationSec,
    audio: { bitrateKbps: 32, packetLossPercent: 0, jitterMs: 5 },
    video: { bitrateKbps: 900, packetLossPercent: 0, jitterMs: 8, frameRate: 30 },
  };
}

function getStats(ctx) {
  const session = sessionOf(ctx);
  const end = session.end ?? ctx.clock.iso;
  return {
    sessionId: session.id,
    roomId: session.roomId,
    start: session.start,
    end: session.end,
    durationSec: seconds(session.start, end),
    participantCount: session.participants.length,
    participants: session.participants.map((p) => participantStats(session, p, ctx.clock.iso)),
  };
}

// GET /sessions/:sessionId/participant/:participantId/stats (singular "participant", as both
// SDKs send it): one participant's figures plus the resolutions it sent, by time.
function getParticipantStats(ctx) {
  const session = sessionOf(ctx);
  const { participantId } = ctx.params;
  const participant = session.participants.find((p) => p.participantId === participantId);
  if (!participant) throw notFound(`Participant ${participantId} not found in session ${session.id}`);
  const stats = participantStats(session, participant, ctx.clock.iso);
  return {
    sessionId: session.id,
    ...stats,
    resolutionUsage: { "1280x720": stats.durationSec },
  };
}

export const sessionHandlers = {
  listSessions, getSession, listParticipants, listActiveParticipants, getParticipant, endSessionRoute, removeParticipant,
  getStats, getParticipantStats,
};
