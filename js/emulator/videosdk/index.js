// edgeroom/emulator's VideoSDK side: a stand-in for VideoSDK's REST API (rooms, sessions,
// recordings, HLS, RTMP live streams) and a control service that simulates participants.
// index.js routes both prefixes here; this side keeps its own apps, state, token check and
// error shape, so the 100ms side is untouched by it. Runtime-neutral, like index.js.

import { checkApps } from "../shared/apps.js";
import { importHs256Key } from "../shared/hs256.js";
import { serveRoute } from "../shared/router.js";
import { authenticateVideoSdk } from "./auth.js";
import { joinRoom, leaveRoom } from "./control.js";
import { clockAt, videoSdkErrorResponse } from "./http.js";
import { jobsOf, presentJob } from "./jobs.js";
import { presentRoom } from "./rooms.js";
import { presentMerge, settleMerges } from "./participant-recordings.js";
import { videoSdkAiRoutes, videoSdkControlRoutes, videoSdkRoutes } from "./routes.js";
import { presentSession, settle } from "./sessions.js";
import { appByKey, buildVideoSdkSeed, createVideoSdkState } from "./store.js";
import { presentTranscoding, settleTranscodings } from "./transcodings.js";
import { attachVideoSdkWebhooks } from "./webhooks.js";

// Documented so examples work out of the box; never use it for a real app.
export const DEFAULT_VIDEOSDK_APP = Object.freeze({
  apiKey: "emulator-videosdk-key",
  secret: "emulator-videosdk-secret-do-not-use-in-production",
});

// Outside /videosdk/v2 on purpose: nothing here exists in VideoSDK's API.
export const VIDEOSDK_CONTROL_PREFIX = "/_emulator/videosdk";

// apps: [{ apiKey, secret }] (default: DEFAULT_VIDEOSDK_APP); now: () => ms; prefix: where the
// REST API is served, for links when there is no request to take an origin from.
// webhooks: the emulator's webhook hub (shared/webhooks.js), told of sessions, participants and jobs.
export function createVideoSdk({ apps, now, prefix, webhooks }) {
  const checked = checkApps(apps ?? [DEFAULT_VIDEOSDK_APP], {
    option: "videosdkApps",
    key: "apiKey",
    app: "VideoSDK app",
    duplicate: "VideoSDK apiKey",
  });
  let seed;
  let state;
  let keys;

  // A state that sends webhooks; a timer may bring it up to the clock between requests.
  const freshState = () => attachVideoSdkWebhooks(createVideoSdkState(seed), webhooks, () => ready(clockAt(now())));

  // Made on first use (Workers forbid random values and crypto at module scope), then brought
  // up to the clock, so every request sees what has happened since the last one.
  function ready(clock) {
    if (!seed) {
      seed = buildVideoSdkSeed(checked);
      state = freshState();
      keys = new Map(checked.map((app) => [app.apiKey, importHs256Key(app.secret)]));
    }
    settle(state, clock.ms);
    settleMerges(state, clock.ms);
    settleTranscodings(state, clock.ms);
    return state;
  }

  // service: the SERVICES entry of index.js, { prefix, videosdk: "api" | "control" }.
  async function dispatch(service, request, url, entry, parsed) {
    try {
      const clock = clockAt(now());
      const ctx = { state: ready(clock), clock, query: url.searchParams, body: parsed.body, base: `${url.origin}${prefix}` };
      const isApi = service.videosdk === "api" || service.videosdk === "ai";
      if (isApi) {
        const apiKey = await authenticateVideoSdk(request, { keys, nowSec: clock.sec });
        entry.authorized = true;
        ctx.app = appByKey(ctx.state, apiKey);
      }
      const routes = { api: videoSdkRoutes, ai: videoSdkAiRoutes, control: videoSdkControlRoutes }[service.videosdk];
      return await serveRoute({ prefix: service.prefix, routes }, request, url, parsed, ctx);
    } catch (error) {
      return videoSdkErrorResponse(error);
    }
  }

  // The JS helpers answer like the control service; their links are relative to the
  // emulator's origin, which only a request would tell.
  const helperContext = () => {
    const clock = clockAt(now());
    return { state: ready(clock), clock, base: prefix };
  };

  const api = {
    // participant: { participantId?, name }. Rejects with the HttpError the service would answer.
    async join(roomId, participant) {
      return joinRoom(helperContext(), roomId, participant);
    },
    async leave(roomId, participantId) {
      return leaveRoom(helperContext(), roomId, participantId);
    },
    // A snapshot in the REST API's shapes, so tests can inspect without mutating.
    get state() {
      const current = helperContext().state;
      const jobs = (kind) => jobsOf(current, kind).map((job) => presentJob(prefix, job));
      return structuredClone({
        apps: current.apps,
        rooms: [...current.rooms.values()].map((room) => presentRoom(prefix, room)),
        sessions: [...current.sessions.values()].map((session) => presentSession(prefix, session)),
        recordings: jobs("recording"),
        hls: jobs("hls"),
        livestreams: jobs("livestream"),
        participantRecordings: jobs("participant-recording"),
        trackRecordings: jobs("track-recording"),
        compositeRecordings: jobs("composite"),
        mergeRecordings: [...current.merges.values()].map(presentMerge),
        transcodings: [...current.transcodings.values()].map(presentTranscoding),
        transcriptions: jobs("transcription"),
      });
    },
  };

  return {
    dispatch,
    api,
    // Back to the seed: same apps and userIds, nothing else.
    reset() {
      if (seed) state = freshState();
    },
  };
}
