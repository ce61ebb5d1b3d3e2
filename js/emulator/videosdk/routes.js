// The route tables of the VideoSDK side: its REST API (under /videosdk/v2, every route needs a
// token; videosdk/index.js checks it before dispatching) and the emulator's control service.

import { route } from "../shared/router.js";
import { controlHandlers as control } from "./control.js";
import { hlsHandlers as hls, livestreamHandlers as livestreams, recordingHandlers as recordings } from "./media.js";
import { roomHandlers as rooms } from "./rooms.js";
import { sessionHandlers as sessions } from "./sessions.js";

// The router tries routes in order, so fixed paths ("/sessions/end", ".../participants/active")
// come before the parameterised ones of the same length that would otherwise take them.
export const videoSdkRoutes = [
  route("POST", "/rooms", rooms.createRoom),
  route("GET", "/rooms", rooms.listRooms),
  route("GET", "/rooms/:roomId", rooms.getRoom),
  route("GET", "/rooms/validate/:roomId", rooms.validateRoom),
  route("POST", "/rooms/deactivate", rooms.deactivateRoom),

  route("GET", "/sessions", sessions.listSessions),
  route("POST", "/sessions/end", sessions.endSessionRoute),
  route("POST", "/sessions/participants/remove", sessions.removeParticipant),
  route("GET", "/sessions/:sessionId", sessions.getSession),
  route("GET", "/sessions/:sessionId/participants", sessions.listParticipants),
  route("GET", "/sessions/:sessionId/participants/active", sessions.listActiveParticipants),
  route("GET", "/sessions/:sessionId/participants/:participantId", sessions.getParticipant),

  route("POST", "/recordings/start", recordings.start),
  route("POST", "/recordings/end", recordings.end),
  route("GET", "/recordings", recordings.list),
  route("GET", "/recordings/:id", recordings.get),
  route("DELETE", "/recordings/:id", recordings.remove),

  route("POST", "/hls/start", hls.start),
  route("POST", "/hls/end", hls.end),
  route("GET", "/hls", hls.list),
  route("GET", "/hls/:roomId/active", hls.active),
  route("GET", "/hls/:id", hls.get),
  route("DELETE", "/hls/:id", hls.remove),

  route("POST", "/livestreams/start", livestreams.start),
  route("POST", "/livestreams/end", livestreams.end),
  route("GET", "/livestreams", livestreams.list),
  route("GET", "/livestreams/:id", livestreams.get),
];

export const videoSdkControlRoutes = [
  route("POST", "/rooms/:roomId/participants", control.join),
  route("DELETE", "/rooms/:roomId/participants/:participantId", control.leave),
];
