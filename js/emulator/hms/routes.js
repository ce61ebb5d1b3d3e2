// The 100ms REST API (served under /100ms/v2): its route table. Every route here needs a
// management token; index.js checks it before dispatching.

import { route } from "../shared/router.js";
import { roomHandlers as rooms } from "./rooms.js";
import { roomCodeHandlers as codes } from "./room-codes.js";
import { activeRoomHandlers as active } from "./active-rooms.js";
import { analyticsHandlers as analytics } from "./analytics.js";
import { externalStreamHandlers as external } from "./external-streams.js";
import { liveStreamHandlers as live } from "./live-streams.js";
import { pollRunHandlers as pollRuns } from "./poll-runs.js";
import { pollHandlers as polls } from "./polls.js";
import { assetHandlers as assets } from "./recording-assets.js";
import { recordingHandlers as recordings } from "./recordings.js";
import { sessionHandlers as sessions } from "./sessions.js";
import { streamKeyHandlers as streamKeys } from "./stream-keys.js";
import { templateHandlers as templates } from "./templates.js";

// The reads of a poll's runs. The 100ms collection lists them without /v2
// ({{HOST}}/polls/...); the API serves them under /v2 like every other poll path. Both are
// served: here, and as hmsUnversionedRoutes under /100ms.
const pollRunRoutes = [
  route("GET", "/polls/:poll_id/sessions/:session_id", pollRuns.getRun),
  route("GET", "/polls/:poll_id/sessions/:session_id/results", pollRuns.listResults),
  route("GET", "/polls/:poll_id/sessions/:session_id/results/:result_id", pollRuns.getResult),
  route("GET", "/polls/:poll_id/sessions/:session_id/responses", pollRuns.listResponses),
  route("GET", "/polls/:poll_id/sessions/:session_id/responses/:response_id", pollRuns.getResponse),
];

export const hmsUnversionedRoutes = pollRunRoutes;

export const hmsRoutes = [
  route("GET", "/rooms", rooms.listRooms),
  route("POST", "/rooms", rooms.createRoom),
  route("GET", "/rooms/:room_id", rooms.getRoom),
  route("POST", "/rooms/:room_id", rooms.updateRoom),

  route("GET", "/room-codes/room/:room_id", codes.listRoomCodes),
  route("POST", "/room-codes/room/:room_id", codes.createRoomCodes),
  route("POST", "/room-codes/room/:room_id/role/:role", codes.createRoomCodeForRole),
  route("POST", "/room-codes/code", codes.updateRoomCode),

  route("POST", "/stream-keys/room/:room_id", streamKeys.createStreamKey),
  route("GET", "/stream-keys/room/:room_id", streamKeys.getStreamKey),
  route("POST", "/stream-keys/room/:room_id/disable", streamKeys.disableStreamKey),

  route("GET", "/sessions", sessions.listSessions),
  route("GET", "/sessions/:session_id", sessions.getSession),

  route("GET", "/active-rooms/:room_id", active.getActiveRoom),
  route("GET", "/active-rooms/:room_id/peers", active.listPeers),
  route("GET", "/active-rooms/:room_id/peers/:peer_id", active.getPeer),
  route("POST", "/active-rooms/:room_id/peers/:peer_id", active.updatePeer),
  route("POST", "/active-rooms/:room_id/send-message", active.sendMessage),
  route("POST", "/active-rooms/:room_id/remove-peers", active.removePeers),
  route("POST", "/active-rooms/:room_id/end-room", active.endRoom),

  route("POST", "/recordings/room/:room_id/start", recordings.start),
  route("POST", "/recordings/room/:room_id/stop", recordings.stopAll),
  route("POST", "/recordings/:recording_id/stop", recordings.stop),
  route("GET", "/recordings/:recording_id", recordings.get),
  route("GET", "/recordings", recordings.list),
  route("GET", "/recordings/:recording_id/config", recordings.getConfig),

  route("GET", "/recording-assets", assets.listAssets),
  route("GET", "/recording-assets/:asset_id", assets.getAsset),
  route("GET", "/recording-assets/:asset_id/presigned-url", assets.presignedUrl),

  route("POST", "/live-streams/room/:room_id/start", live.start),
  route("POST", "/live-streams/room/:room_id/stop", live.stopAll),
  route("POST", "/live-streams/:stream_id/stop", live.stop),
  route("GET", "/live-streams/:stream_id", live.get),
  route("GET", "/live-streams", live.list),
  route("POST", "/live-streams/:stream_id/timed-metadata", live.sendTimedMetadata),
  route("POST", "/live-streams/:stream_id/pause-recording", live.pauseRecording),
  route("POST", "/live-streams/:stream_id/resume-recording", live.resumeRecording),

  route("POST", "/external-streams/room/:room_id/start", external.start),
  route("POST", "/external-streams/room/:room_id/stop", external.stopAll),
  route("POST", "/external-streams/:stream_id/stop", external.stop),
  route("GET", "/external-streams/:stream_id", external.get),
  route("GET", "/external-streams", external.list),

  route("GET", "/analytics/events", analytics.listEvents),

  route("POST", "/polls", polls.createPoll),
  route("GET", "/polls/:poll_id", polls.getPoll),
  route("POST", "/polls/:poll_id", polls.updatePoll),
  route("POST", "/polls/:poll_id/questions/:question_id", polls.updateQuestion),
  route("DELETE", "/polls/:poll_id/questions/:question_id", polls.deleteQuestion),
  route("POST", "/polls/:poll_id/questions/:question_id/options/:option_id", polls.updateOption),
  route("DELETE", "/polls/:poll_id/questions/:question_id/options/:option_id", polls.deleteOption),
  ...pollRunRoutes,

  route("GET", "/templates", templates.listTemplates),
  route("POST", "/templates", templates.createTemplate),
  route("GET", "/templates/:template_id", templates.getTemplate),
  route("POST", "/templates/:template_id", templates.updateTemplate),
  route("GET", "/templates/:template_id/roles/:role_name", templates.getRole),
  route("POST", "/templates/:template_id/roles/:role_name", templates.upsertRole),
  route("DELETE", "/templates/:template_id/roles/:role_name", templates.deleteRole),
  route("GET", "/templates/:template_id/settings", templates.getSettings),
  route("POST", "/templates/:template_id/settings", templates.updateSettings),
  route("GET", "/templates/:template_id/recordings", templates.getRecordings),
  route("POST", "/templates/:template_id/recordings", templates.configureRecordings),
];
