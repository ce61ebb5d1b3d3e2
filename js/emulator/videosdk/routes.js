// The route tables of the VideoSDK side: its REST API (under /videosdk/v2, every route needs a
// token; videosdk/index.js checks it before dispatching) and the emulator's control service.

import { route } from "../shared/router.js";
import { controlHandlers as control } from "./control.js";
import { hlsHandlers as hls, livestreamHandlers as livestreams, recordingHandlers as recordings } from "./media.js";
import {
  compositeRecordingHandlers as composite,
  mergeRecordingHandlers as merges,
  participantRecordingHandlers as participantRecordings,
  trackRecordingHandlers as trackRecordings,
} from "./participant-recordings.js";
import { roomHandlers as rooms } from "./rooms.js";
import { sessionHandlers as sessions } from "./sessions.js";
import { transcodingHandlers as transcodings } from "./transcodings.js";
import { transcriptionHandlers as transcriptions } from "./transcriptions.js";

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
  route("GET", "/sessions/:sessionId/stats", sessions.getStats),
  route("GET", "/sessions/:sessionId/participant/:participantId/stats", sessions.getParticipantStats),

  // Participant, track and composite recordings and merges, before /recordings/:id.
  route("POST", "/recordings/participant/start", participantRecordings.start),
  route("POST", "/recordings/participant/stop", participantRecordings.stop),
  route("GET", "/recordings/participant", participantRecordings.list),
  route("POST", "/recordings/participant/merge", merges.create),
  route("GET", "/recordings/participant/merge", merges.list),
  route("GET", "/recordings/participant/merge/:id", merges.get),
  route("POST", "/recordings/participant/track/start", trackRecordings.start),
  route("POST", "/recordings/participant/track/stop", trackRecordings.stop),
  route("GET", "/recordings/participant/track", trackRecordings.list),
  route("GET", "/recordings/participant/track/:id", trackRecordings.get),
  route("DELETE", "/recordings/participant/track/:id", trackRecordings.remove),
  route("GET", "/recordings/participant/:id", participantRecordings.get),
  route("DELETE", "/recordings/participant/:id", participantRecordings.remove),
  route("POST", "/recordings/composite/start", composite.start),
  route("POST", "/recordings/composite/stop", composite.stop),
  route("GET", "/recordings/composite", composite.list),
  route("GET", "/recordings/composite/:id", composite.get),
  route("DELETE", "/recordings/composite/:id", composite.remove),

  route("POST", "/recordings/start", recordings.start),
  route("POST", "/recordings/end", recordings.end),
  route("GET", "/recordings", recordings.list),
  route("GET", "/recordings/:id", recordings.get),
  route("DELETE", "/recordings/:id", recordings.remove),

  route("POST", "/hls/start", hls.start),
  route("POST", "/hls/end", hls.end),
  route("POST", "/hls/capture", hls.capture),
  route("GET", "/hls", hls.list),
  route("GET", "/hls/:roomId/active", hls.active),
  route("GET", "/hls/:id", hls.get),
  route("DELETE", "/hls/:id", hls.remove),

  route("POST", "/livestreams/start", livestreams.start),
  route("POST", "/livestreams/end", livestreams.end),
  route("GET", "/livestreams", livestreams.list),
  route("GET", "/livestreams/:id", livestreams.get),

  route("POST", "/transcodings/merge", transcodings.merge),
  route("POST", "/transcodings/hls-to-mp4", transcodings.hlsToMp4),
  route("POST", "/transcodings/meeting-recording-merge", transcodings.meetingRecordingMerge),
  route("GET", "/transcodings", transcodings.list),
  route("GET", "/transcodings/:id", transcodings.get),
  route("POST", "/transcodings/:id/cancel", transcodings.cancel),
];

// VideoSDK's AI API (/ai/v1 beside /v2; served under /videosdk/ai/v1), same token and errors.
export const videoSdkAiRoutes = [
  route("POST", "/realtime-transcriptions/start", transcriptions.start),
  route("POST", "/realtime-transcriptions/end", transcriptions.end),
  route("GET", "/realtime-transcriptions", transcriptions.list),
  route("GET", "/realtime-transcriptions/:id", transcriptions.get),
];

export const videoSdkControlRoutes = [
  route("POST", "/rooms/:roomId/participants", control.join),
  route("DELETE", "/rooms/:roomId/participants/:participantId", control.leave),
];
