// Type declarations for `edgeroom/emulator` (js/emulator/index.js): a stateful, in-memory
// stand-in for the 100ms REST API, its room-code auth service and VideoSDK's REST API, as a
// fetch-style handler that runs in Node, Deno, workerd and browsers.
//
// Keep in sync with the exports of js/emulator/index.js (and ./emulator-server.d.ts with
// js/emulator/server.js).

// A `.d.ts` specifier (type-only imports allow it), not "./calls.js": Deno type-checks these
// files, and where they are not inside a node_modules package (the repo's node_modules/edgeroom
// links to pkg/) it maps no `.js` specifier to its `.d.ts`.
import type {
  AnalyticsEvent,
  HlsStream,
  Livestream,
  Participant,
  PeerDetails,
  PollResponse,
  Recording,
  Room,
  RoomCode,
  SessionPeer,
  VideoSdkRoom,
  VideoSdkSession,
} from "./calls.d.ts";

// =======================================================================================
// Apps and URLs

/** A 100ms app the emulator accepts management tokens of. */
export interface EmulatorApp {
  accessKey: string;
  secret: string;
}

/** A VideoSDK app the emulator accepts tokens of. */
export interface EmulatorVideoSdkApp {
  apiKey: string;
  secret: string;
}

/**
 * The app every emulator accepts unless told otherwise. Documented so examples work out of
 * the box; never use it for a real app.
 * @example const hms = new HmsClient({ ...DEFAULT_APP, ...hmsUrls(server.url) });
 */
export const DEFAULT_APP: Readonly<{
  accessKey: "emulator-access-key";
  secret: "emulator-secret-do-not-use-in-production";
}>;

/** The VideoSDK app every emulator accepts unless told otherwise. */
export const DEFAULT_VIDEOSDK_APP: Readonly<{
  apiKey: "emulator-videosdk-key";
  secret: "emulator-videosdk-secret-do-not-use-in-production";
}>;

/** Where the 100ms REST API is served: `${origin}/100ms/v2`. */
export const HMS_PREFIX: "/100ms/v2";
/** Where the 100ms room-code auth service is served. */
export const HMS_AUTH_PREFIX: "/100ms-auth/v2";
/** Where VideoSDK's REST API is served (a VideoSDK client's `baseUrl` is `${origin}/videosdk`). */
export const VIDEOSDK_PREFIX: "/videosdk/v2";
/** Where VideoSDK's AI API (realtime transcription, `/ai/v1`) is served, beside VIDEOSDK_PREFIX. */
export const VIDEOSDK_AI_PREFIX: "/videosdk/ai/v1";

/**
 * What to configure a 100ms client with when the emulator is served at `origin`.
 * @example new HmsClient({ ...DEFAULT_APP, ...hmsUrls("http://127.0.0.1:8787") });
 */
export function hmsUrls(origin: string | URL): { baseUrl: string; authBaseUrl: string };

/** A template every app starts with (the first is each app's default). */
export interface EmulatorTemplateSpec {
  name: string;
  region?: "eu" | "in" | "us";
  /** Role names, or role name → role object (camelCase, as the policy API takes them). */
  roles?: string[] | Record<string, Record<string, unknown>>;
}

// =======================================================================================
// Fault injection

/** What an injected fault does. */
export type EmulatorFaultKind =
  | "latency"
  | "status"
  | "drop"
  | "lost"
  | "truncate"
  | "non-json"
  | "wrong-shape"
  | "trickle";

/** What every fault rule may say: where it applies, how often, and a wait before it. */
export interface EmulatorFaultBase {
  /**
   * `"GET /100ms/v2/rooms/:room_id"` (a method and a path pattern), `"/100ms/v2/*"` (any
   * method, a prefix), `"POST *"`; absent or `"*"`: every request. Paths under
   * `/_emulator/` are never faulted.
   */
  route?: string;
  /** Applies to the next N matching requests, then stops. Default: always. */
  times?: number;
  /** A wait before the fault: milliseconds, or `[min, max]` for a random one. */
  latencyMs?: number | [number, number];
}

/**
 * A fault rule. The first matching rule with uses left applies, one per request.
 * @example emu.faults.set({ fault: "status", status: 503, retryAfter: 1, route: "GET /100ms/v2/rooms/:room_id", times: 2 });
 */
export type EmulatorFault = EmulatorFaultBase &
  (
    | {
        /** Only the wait, then the normal answer. */
        fault: "latency";
        latencyMs: number | [number, number];
      }
    | {
        /** Answers `status` without acting. */
        fault: "status";
        /** 400 ..= 599. */
        status: number;
        /** Whole seconds, an HTTP date string, or a Date. */
        retryAfter?: number | string | Date;
        /** Absent: the provider's JSON error; `null`: empty; a string: as is; else JSON. */
        body?: unknown;
      }
    | {
        /** The connection breaks before any answer; the request is not performed. */
        fault: "drop";
      }
    | {
        /** The request IS performed, then the connection breaks. */
        fault: "lost";
      }
    | {
        /** Performed; the answer keeps only its first `bytes` bytes (default: half). */
        fault: "truncate";
        bytes?: number;
        /** Break the connection mid-body instead of a complete short answer. */
        closeConnection?: boolean;
      }
    | {
        /** 200 with an HTML page (or `body`); not performed. */
        fault: "non-json";
        body?: string;
      }
    | {
        /** 200 with JSON `body` (default `[]`); not performed. */
        fault: "wrong-shape";
        body?: unknown;
      }
    | {
        /** Performed; the body arrives `chunkBytes` (1) every `intervalMs` (1000). */
        fault: "trickle";
        intervalMs?: number;
        chunkBytes?: number;
      }
  );

/** A fault rule as `emu.faults.list()` shows it: with its use count. */
export type EmulatorFaultState = EmulatorFault & {
  /** Requests it applied to. */
  hits: number;
  /** Uses left, for a rule with `times`. */
  left?: number;
};

/**
 * The fault rules of an emulator (also at `/_emulator/faults` over HTTP: GET lists, POST
 * replaces, DELETE clears). Bad rules throw a `TypeError`.
 */
export interface EmulatorFaults {
  /** Replaces the rules. */
  set(rules: EmulatorFault | EmulatorFault[]): void;
  /** Adds rules after the current ones. */
  add(rules: EmulatorFault | EmulatorFault[]): void;
  /** Removes every rule. */
  clear(): void;
  list(): EmulatorFaultState[];
}

// =======================================================================================
// Webhooks the emulator sends

/** Where the emulator POSTs a 100ms app's webhooks (100ms signs nothing: send secret headers). */
export interface EmulatorHmsWebhookTarget {
  /** An http(s) URL. */
  url: string;
  headers?: Record<string, string>;
}

/** The `webhooks` option of `createEmulator`. Unknown options throw a `TypeError`. */
export interface EmulatorWebhooksOptions {
  /** One target for every app, or several, each for one app (`accessKey`) or all. */
  hms?: (EmulatorHmsWebhookTarget & { accessKey?: string }) | (EmulatorHmsWebhookTarget & { accessKey?: string })[];
  /** Waits before each retry. Default `[1000, 3000, 10000]`, as 100ms retries. */
  retryDelaysMs?: number[];
  /** An attempt without an answer this long failed (and is retried). Default 10000. */
  timeoutMs?: number;
  /** How deliveries are sent. Default `globalThis.fetch`. */
  fetch?: (url: string, init: { method: string; headers: Record<string, string>; body: string; signal: AbortSignal }) => Promise<Response>;
}

/** One webhook delivery, as the log keeps it (header values left out: they are secrets). */
export interface EmulatorWebhookDelivery {
  id: string;
  provider: "100ms" | "videosdk";
  url: string;
  /** The event type (100ms `type`, VideoSDK `webhookType`). */
  type: string;
  eventId: string | null;
  status: "pending" | "delivered" | "failed" | "cancelled";
  attempts: number;
  /** Each attempt's answer: its status, or why it failed. */
  responses: { at: string; status?: number; error?: string }[];
  headerNames: string[];
  /** The JSON body sent. */
  payload: unknown;
  queuedAt: string;
  finishedAt: string | null;
}

/**
 * The webhooks the emulator sends when its state changes, as the providers send them. In a
 * Worker serving the emulator, keep the invocation alive for them:
 * `ctx.waitUntil(emu.webhooks.settled())`.
 */
export interface EmulatorWebhooks {
  /** Every delivery so far, oldest first, as copies. */
  readonly deliveries: EmulatorWebhookDelivery[];
  /**
   * Sets (or with `null` removes) the 100ms webhook of every app, or of one (`accessKey`).
   * @example emu.webhooks.configureHms({ url: "http://127.0.0.1:8788/webhooks/100ms", headers: { "x-webhook-secret": s } });
   */
  configureHms(
    target: EmulatorHmsWebhookTarget | null,
    options?: { accessKey?: string },
  ): { access_key: string | null; url: string; header_names: string[] } | null;
  /** Resolves once every queued delivery was accepted, failed, or was cancelled. */
  settled(): Promise<void>;
  /** The PEM (SPKI) public key VideoSDK webhooks are signed with. */
  publicKey(): Promise<string>;
  /** Forgets the log (deliveries under way carry on). */
  clear(): void;
  /** Cancels every delivery under way or waiting for a retry; later events are still sent. */
  close(): void;
}

// =======================================================================================
// createEmulator

/** The options of `createEmulator` (and of `startEmulatorServer`). */
export interface EmulatorOptions {
  /** Fault rules from the start (`reset()` returns to them, with fresh counts). */
  faults?: EmulatorFault | EmulatorFault[];
  /** Webhooks the emulator sends, and how. */
  webhooks?: EmulatorWebhooksOptions;
  /** The 100ms apps. Default `[DEFAULT_APP]`. */
  apps?: EmulatorApp[];
  /** The VideoSDK apps. Default `[DEFAULT_VIDEOSDK_APP]`. */
  videosdkApps?: EmulatorVideoSdkApp[];
  /** Each app's templates. Default one `default-template` (region `us`, roles host and guest). */
  templates?: EmulatorTemplateSpec[];
  /** The clock in milliseconds. Default `Date.now`: pass your own to move time in tests. */
  now?: () => number;
}

/** One request the emulator received, as the log keeps it. */
export interface EmulatorRequestLog {
  method: string;
  path: string;
  /** Repeated keys become arrays. */
  query: Record<string, string | string[]>;
  /** The parsed JSON body, the raw text when it was not JSON, or `null`. */
  body: unknown;
  /** True once a valid management (or VideoSDK) token was seen. */
  authorized: boolean;
  /** The fault rule applied to this request, if one was. */
  fault?: EmulatorFault;
}

/** A 100ms app as the emulator seeded it (no secret). */
export interface EmulatorAppRecord {
  access_key: string;
  app_id: string;
  customer_id: string;
  default_template_id: string;
  [key: string]: unknown;
}

/** A snapshot of the 100ms side. */
export interface EmulatorState {
  apps: EmulatorAppRecord[];
  /** The emulator's own template records. */
  templates: { id: string; name: string; app_id: string; [key: string]: unknown }[];
  rooms: Room[];
  roomCodes: RoomCode[];
}

/** A peer to simulate (`role` must be a role of the room's template). */
export interface EmulatorPeerParams {
  role: string;
  name?: string;
  user_id?: string;
  metadata?: unknown;
}

/** What `sendMessage` delivered, and to whom. */
export interface EmulatorMessage {
  id: string;
  room_id: string;
  session_id: string;
  message: string;
  type: string;
  peer_id?: string;
  role?: string;
  /** The peer ids it reached. */
  recipients: string[];
  sent_at: string;
}

/** One peer's answers to a poll. */
export interface EmulatorPollAnswer {
  peer_id: string;
  responses: {
    /** The question's index. */
    question: number;
    option?: number;
    options?: number[];
    text?: string;
    skipped?: boolean;
  }[];
}

/**
 * The 100ms control side: what the emulator cannot observe without a media server. Methods
 * throw the error the control route would answer (an `Error` with `status` and `details`).
 */
export interface EmulatorHmsControl {
  /**
   * A peer joins the room (opening a session when it is idle).
   * @example const peer = emu.hms.addPeer(room.id, { role: "guest", name: "Ana" });
   */
  addPeer(roomId: string, peer: EmulatorPeerParams): PeerDetails & { session_id: string };
  /** The peer leaves; the last one out closes the session. */
  removePeer(roomId: string, peerId: string, options?: { reason?: string }): SessionPeer;
  /** The messages `sendMessage` delivered in the room. */
  messages(roomId: string): EmulatorMessage[];
  /** A peer answers a poll in the room's live session. */
  answerPoll(roomId: string, pollId: string, answer: EmulatorPollAnswer): PollResponse[];
  /** Records an analytics event the emulator cannot cause itself (a client error, a mute). */
  recordEvent(roomId: string, event: { type: string; data?: Record<string, unknown> }): AnalyticsEvent;
  /** Everything the 100ms side holds beyond `emu.state`, as a deep copy. */
  snapshot(): {
    sessions: Record<string, unknown>[];
    streamKeys: Record<string, unknown>[];
    jobs: Record<string, unknown>[];
    assets: Record<string, unknown>[];
    events: Record<string, unknown>[];
    messages: Record<string, unknown>[];
    polls: Record<string, unknown>[];
    pollResponses: Record<string, unknown>[];
    [key: string]: unknown;
  };
}

/** What joining or leaving answers: the session and the participant, in the API's shapes. */
export interface EmulatorVideoSdkPresence {
  session: VideoSdkSession;
  participant: Participant;
}

/** The VideoSDK control side: simulated participants. */
export interface EmulatorVideoSdkControl {
  /**
   * A participant joins the room (by roomId or customRoomId), starting a session if none is live.
   * @example await emu.videosdk.join(room.roomId, { name: "Ana" });
   */
  join(roomId: string, participant: { name: string; participantId?: string }): Promise<EmulatorVideoSdkPresence>;
  /** The participant leaves; the last one out ends the session. */
  leave(roomId: string, participantId: string): Promise<EmulatorVideoSdkPresence>;
  /** A snapshot in the REST API's shapes. */
  readonly state: {
    apps: Record<string, unknown>[];
    rooms: VideoSdkRoom[];
    sessions: VideoSdkSession[];
    recordings: Recording[];
    hls: HlsStream[];
    livestreams: Livestream[];
    /** Recordings of one participant (POST /recordings/participant/start). */
    participantRecordings: Record<string, unknown>[];
    /** Recordings of one track of a participant (POST /recordings/participant/track/start). */
    trackRecordings: Record<string, unknown>[];
    /** Composite recordings of chosen participants (POST /recordings/composite/start). */
    compositeRecordings: Record<string, unknown>[];
    /** Two-channel merges of participant recordings (POST /recordings/participant/merge). */
    mergeRecordings: Record<string, unknown>[];
    /** Post-processing tasks (POST /transcodings/merge, /hls-to-mp4, /meeting-recording-merge). */
    transcodings: Record<string, unknown>[];
    /** Realtime transcriptions (POST /videosdk/ai/v1/realtime-transcriptions/start). */
    transcriptions: Record<string, unknown>[];
  };
}

/** An emulator instance. */
export interface Emulator {
  /**
   * The handler: takes fetch's own arguments (or a `Request`), so it can stand in for a
   * client's `fetch`. Routing is on the path only.
   * @example const hms = new HmsClient({ ...DEFAULT_APP, ...hmsUrls("http://emulator.invalid"), fetch: emu.fetch });
   */
  fetch(input: Request | string | URL, init?: RequestInit): Promise<Response>;
  /** Every request received, oldest first (emptied by `reset()`). */
  readonly requests: EmulatorRequestLog[];
  /** The 100ms control side. */
  readonly hms: EmulatorHmsControl;
  /** The VideoSDK control side. */
  readonly videosdk: EmulatorVideoSdkControl;
  /** Injected failures: latency, error statuses, dropped or lost answers, broken bodies. */
  readonly faults: EmulatorFaults;
  /** The webhooks it sends: configuration, the delivery log, `settled()`. */
  readonly webhooks: EmulatorWebhooks;
  /** Back to the seed: same apps and template ids, nothing else, empty log, the initial faults. */
  reset(): void;
  /** A deep copy of the 100ms side's apps, templates, rooms and room codes. */
  readonly state: EmulatorState;
}

/**
 * A new emulator. Throws a `TypeError` on bad options (messages never name a secret).
 * @example
 * const emu = createEmulator();
 * Deno.serve((request) => emu.fetch(request));
 */
export function createEmulator(options?: EmulatorOptions): Emulator;

// =======================================================================================
// edgeroom/emulator/server (Node only)
//
// The interfaces only: the function is declared in ./emulator-server.d.ts, the types of
// `edgeroom/emulator/server` (edgeroom/emulator does not export it at run time).

/** The options of `startEmulatorServer`: the emulator's, plus where to listen. */
export interface EmulatorServerOptions extends EmulatorOptions {
  /** Default 0: a free port. */
  port?: number;
  /** Default `127.0.0.1`: not reachable from the network unless asked. */
  host?: string;
  /** Called once per request with `"METHOD /path -> status"` (never headers or bodies). */
  log?: (line: string) => void;
}

/** A running emulator server. */
export interface EmulatorServer {
  /** The origin, e.g. `http://127.0.0.1:41234`. */
  url: string;
  port: number;
  emulator: Emulator;
  /** Stops listening and closes open connections; the same promise on every call. */
  close(): Promise<void>;
}
