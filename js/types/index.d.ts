// Type declarations for edgeroom. Every runtime entry (node, deno, workerd, browser) exports
// exactly this API. Request and response objects use the providers' own wire names
// (`template_id`, `recording_info`, VideoSDK's `roomId`), so their docs apply as they are.
//
// The calls (`hms.rooms.create`, `vsdk.sessions.list`, ...), their params and answers and
// `CallOptions` are declared in ./calls.d.ts, generated from the Rust declarations of the
// calls by `cargo test --features ts --test generated` (`EDGEROOM_WRITE_GENERATED=1`
// rewrites it; scripts/build.sh does). This file declares what is not a call: errors,
// `init`, transport options, tokens, the clients' constructors and `auth`, the JS-side
// VideoSDK helpers (`rooms.end`, `participants`), and the webhook receivers.
//
// Keep in sync with: js/src/api.js (the clients and the helpers beside the generated
// table), src/wasm/*.rs (the option names each constructor and method accepts),
// js/src/webhooks.js. (The error codes are generated from src/error.rs.)

// `.d.ts` specifiers (type-only imports and exports allow them), not "./calls.js": Deno
// type-checks these files, and where they are not inside a node_modules package (the repo's
// node_modules/edgeroom links to pkg/) it maps no `.js` specifier to its `.d.ts`.
import type {
  AuthToken,
  CallOptions,
  ErrorCode,
  EventType,
  HmsApi,
  JsonValue,
  Participant,
  VideoSdkApi,
  WebhookEvent,
} from "./calls.d.ts";

// Every call's params and answer types, `CallOptions`, and the `HmsApi` and `VideoSdkApi`
// namespaces the clients carry.
export type * from "./calls.d.ts";

// =======================================================================================
// Errors

// `ErrorCode` (the union of the stable codes in `err.code`) is generated into calls.d.ts from
// src/error.rs `ErrorCode::ALL`; the README's "Errors" table says when each is raised.

/**
 * An answer with the members edgeroom's types do not name: what the provider sends beyond
 * them, typed as JSON. The answer types list only the documented members, so a misspelled
 * read (`room.nmae`) is a type error; to read a member the provider added, say so:
 * @example
 * const room: Open<Room> = await hms.rooms.retrieveById(id);
 * const extra = room.new_member; // JsonValue | undefined
 */
export type Open<T> = T & { readonly [member: string]: JsonValue | undefined };

/**
 * Every error edgeroom throws or rejects with: a real `Error` whose `name` is
 * `"EdgeroomError"`, with a stable `code`. Never carries a secret.
 * @example
 * try {
 *   await hms.roomCodes.create(roomId);
 * } catch (err) {
 *   if (isEdgeroomError(err) && err.code === "forbidden") console.log("room disabled");
 *   else throw err;
 * }
 */
export interface EdgeroomError extends Error {
  name: "EdgeroomError";
  /** Stable: branch on this, not on the message. */
  code: ErrorCode;
  /** For `invalid_argument`: the offending field, e.g. `"recording_info.upload_info.type"`. */
  field?: string;
  /** For errors that came with an HTTP answer. */
  status?: number;
  /** The provider's own error body (parsed JSON when it is JSON, else the raw text). */
  body?: unknown;
}

/**
 * True for errors raised by edgeroom (they all carry a stable `code`).
 * @example if (isEdgeroomError(err) && err.code === "not_found") return null;
 */
export function isEdgeroomError(value: unknown): value is EdgeroomError;

// =======================================================================================
// Runtime and transport

/**
 * Loads the WebAssembly module. Required (and awaited) before anything else in the browser
 * entry, where it fetches and compiles `edgeroom_bg.wasm` once (later calls return the same
 * promise); a no-op in the Node, Deno and workerd entries, so portable code can always
 * `await init()`.
 * A load that fails (a 404 from a bundler that left the `.wasm` behind, an HTML answer, a
 * refused fetch, bytes that do not compile) rejects with the code `wasm_load_failed`, naming
 * the URL and the fix (the README's "Bundlers"); a later call tries again.
 * @param input where the browser entry finds `edgeroom_bg.wasm`: a URL, a Response, the
 *   bytes or a compiled module. Default: the file next to the entry (with esbuild, the URL
 *   of `import wasmUrl from "edgeroom/edgeroom_bg.wasm"` under `--loader:.wasm=file`).
 * @example await init();
 */
export function init(
  input?: URL | string | Response | ArrayBuffer | ArrayBufferView | WebAssembly.Module,
): Promise<void>;

/** The second argument edgeroom passes to `fetch`: a plain object. */
export interface FetchInit {
  method: string;
  headers: Record<string, string>;
  body?: string;
  /** Fires on the call's timeout and on the caller's own signal. */
  signal: AbortSignal;
}

/** What edgeroom reads of an answer (a `Response` has all of it). */
export interface FetchResponseLike {
  readonly status: number;
  readonly headers: { get(name: string): string | null };
  text(): Promise<string>;
}

/**
 * A `fetch`-compatible function: `globalThis.fetch`, undici's, workerd's, a test double, or
 * the emulator's `emu.fetch`.
 */
export type FetchLike = (url: string, init: FetchInit) => Promise<FetchResponseLike>;

/** What the `onRetry` hook is told before each retry waits. */
export interface RetryNotice {
  /** The call, e.g. `"rooms.retrieveById"`. */
  endpoint: string;
  /** 1 for the first retry. */
  attempt: number;
  /** The wait before this retry, in milliseconds (jittered, or the server's `Retry-After`). */
  delayMs: number;
  /** Why the previous attempt failed. */
  code: ErrorCode;
  message: string;
  /** The HTTP status of the previous attempt, when there was an answer. */
  status?: number;
}

/** The transport options both clients take beside their credentials. */
export interface TransportOptions {
  /** Default `globalThis.fetch`. */
  fetch?: FetchLike;
  /** Per attempt, 1 ..= 600000 ms. Default 30000. */
  timeoutMs?: number;
  /**
   * Retries of a request that is safe to repeat (reads, deletes, declared upserts) after a
   * network error, 429 or 5xx: 0 ..= 10. Default 2. Other requests are sent exactly once.
   */
  retries?: number;
  /** The longest wait before one retry (a longer `Retry-After` is not waited for): 0 ..= 600000 ms. Default 10000. */
  retryMaxDelayMs?: number;
  /** Observes each retry before its wait; an exception in it does not change the call. */
  onRetry?: (notice: RetryNotice) => void;
}


// =======================================================================================
// Tokens

/** Options that shape a token's validity. */
export interface ValidityOptions {
  /** Seconds from `iat` to expiry, 1 ..= 31536000. Default 86400 (24 h). */
  validForSeconds?: number;
  /** `iat` in Unix seconds (2000 ..= 2100; milliseconds are refused). Default: now (100ms: now − 10 s). */
  issuedAt?: number;
  /** `nbf` in Unix seconds. Default: `iat`. */
  notValidBefore?: number;
}

/** A minted token. */
export interface TokenResult {
  token: string;
}

/** The options of `verifyToken`. */
export interface VerifyTokenOptions {
  /** The `type` claim must equal this: `"app"` or `"management"` for 100ms tokens. */
  type?: "app" | "management" | (string & {});
  /** Clock skew tolerated on `exp`/`nbf`, 0 ..= 300 seconds. Default 0. */
  leewaySeconds?: number;
}

/** A token's claims: those of 100ms and VideoSDK tokens, plus whatever else it carries. */
export interface TokenClaims {
  exp?: number;
  nbf?: number;
  iat?: number;
  jti?: string;
  /** 100ms: `"management"` or `"app"`. */
  type?: string;
  /** 100ms: the app access key. VideoSDK: see `apikey`. */
  access_key?: string;
  version?: number;
  /** 100ms app tokens. */
  room_id?: string;
  role?: string;
  user_id?: string;
  /** VideoSDK tokens. */
  apikey?: string;
  permissions?: VideoSdkPermission[];
  roles?: VideoSdkRole[];
  roomId?: string;
  participantId?: string;
  [claim: string]: unknown;
}

/** The claims of a verified token: it always has an `exp`. */
export interface VerifiedTokenClaims extends TokenClaims {
  exp: number;
}

/** A token's header and claims, as `decodeToken` splits them. */
export interface DecodedToken {
  header: { alg?: string; typ?: string; [key: string]: unknown };
  claims: TokenClaims;
}

/**
 * Verifies an HS256 token (only HS256: `none` and every other algorithm are refused; the
 * signature is compared in constant time; `exp` is required, `nbf` checked) and returns its
 * claims. Throws an {@link EdgeroomError} otherwise.
 * @example const claims = verifyToken(token, secret, { type: "app" }); // claims.room_id
 */
export function verifyToken(token: string, secret: string, options?: VerifyTokenOptions): VerifiedTokenClaims;

/**
 * Header and claims of a token, NOT verified: for display only.
 * @example console.log(decodeToken(token).claims.role);
 */
export function decodeToken(token: string): DecodedToken;

/** The answer of the room-code exchange: `{ token }`, an app (auth) token for the code's room and role. */
export type ExchangedToken = AuthToken;

/** The params of `hms.auth.exchangeRoomCode`. */
export interface ExchangeRoomCodeParams {
  /** The room code, e.g. `"abc-defg-hij"`. */
  code: string;
  /** Your id for the peer; 100ms generates one when absent. */
  userId?: string;
}

/** The options of the standalone `exchangeRoomCode`. */
export interface ExchangeRoomCodeOptions extends ExchangeRoomCodeParams, CallOptions {
  /** Default `https://auth.100ms.live/v2`. */
  authBaseUrl?: string;
  /** Default `globalThis.fetch`. */
  fetch?: FetchLike;
}

/**
 * Exchanges a room code for an auth token. Needs no secret, so it also runs in a browser.
 * From `edgeroom`: retried on network errors, timeouts, 429 and 5xx, as 100ms's own web SDK
 * does. From `edgeroom/tokens`: one attempt (its small module has no retry driver); the same
 * options and the same errors otherwise.
 * @example const { token } = await exchangeRoomCode({ code: "abc-defg-hij", userId: "u-1" });
 */
export function exchangeRoomCode(options: ExchangeRoomCodeOptions): Promise<ExchangedToken>;

// =======================================================================================
// 100ms: client options and tokens

/** The options of `new HmsClient(...)`. Unknown options are refused. */
export interface HmsClientOptions extends TransportOptions {
  /** The app access key from the 100ms dashboard. */
  accessKey: string;
  /** The app secret. It stays inside the wasm module; it is never in an error or a log. */
  secret: string;
  /** Absolute http(s) URL. Default `https://api.100ms.live/v2`. */
  baseUrl?: string;
  /** Absolute http(s) URL of the room-code exchange. Default `https://auth.100ms.live/v2`. */
  authBaseUrl?: string;
}

/** The options of `hms.auth.getManagementToken`. */
export interface ManagementTokenOptions {
  /** 1 ..= 31536000. Default 86400. A different value than the cached token's mints anew. */
  validForSeconds?: number;
  /** Mint a new token even if the cached one is still comfortably valid. */
  forceNew?: boolean;
}

/** The options of `hms.auth.getAuthToken`. */
export interface AuthTokenOptions extends ValidityOptions {
  /** The room the peer may join. */
  roomId: string;
  /** A role of the room's template, e.g. `"host"`. */
  role: string;
  /** Your id for the peer (the `user_id` claim). */
  userId?: string;
}

/** `hms.auth`: tokens (synchronous) and the room-code exchange. */
export interface HmsAuth {
  /**
   * A management token for the REST API, cached and renewed before it expires.
   * @example const { token } = hms.auth.getManagementToken();
   */
  getManagementToken(options?: ManagementTokenOptions): TokenResult;
  /**
   * An app (auth) token for one peer of one room.
   * @example const { token } = hms.auth.getAuthToken({ roomId, role: "host", userId: "u-1" });
   */
  getAuthToken(options: AuthTokenOptions): TokenResult;
  /**
   * Exchanges a room code for an auth token at this client's `authBaseUrl`.
   * @example const { token } = await hms.auth.exchangeRoomCode({ code, userId: "u-1" });
   */
  exchangeRoomCode(params: ExchangeRoomCodeParams, options?: CallOptions): Promise<ExchangedToken>;
}
/** The credentials of {@link HmsTokens}: no base URL, no transport. */
export interface HmsTokensOptions {
  accessKey: string;
  secret: string;
}

/**
 * 100ms tokens without a REST client: the token methods of `hms.auth`, with the same options,
 * errors and results. Exported by `edgeroom/tokens` (its own small .wasm) and by `edgeroom`.
 * @example
 * const tokens = new HmsTokens({ accessKey, secret });
 * const { token } = tokens.getAuthToken({ roomId, role: "guest" });
 */
export class HmsTokens implements Pick<HmsAuth, "getManagementToken" | "getAuthToken"> {
  constructor(options: HmsTokensOptions);
  getManagementToken(options?: ManagementTokenOptions): TokenResult;
  getAuthToken(options: AuthTokenOptions): TokenResult;
  /** Releases the wasm memory now; later calls throw `not_initialized`. */
  free(): void;
  toJSON(): { provider: "100ms" };
}

// =======================================================================================
// 100ms: the client

/**
 * The generated calls of `HmsClient` (rooms, roomCodes, streamKeys, sessions, activeRooms,
 * recordings, recordingAssets, liveStreams, externalStreams, analytics, polls, templates),
 * without the generated `auth`: the client's own {@link HmsAuth} replaces it.
 */
export interface HmsClient extends Omit<HmsApi, "auth"> {}

/**
 * A client for the 100ms REST API. Method names mirror `@100mslive/server-sdk`; the secret
 * never leaves the wasm module. Every network call takes its path arguments first, then a
 * params or filters object, then `{ signal, timeoutMs }`; a list answers an async iterator
 * that fetches the pages lazily.
 * @example
 * const hms = new HmsClient({ accessKey, secret });
 * const room = await hms.rooms.create({ name: "demo" });
 * const [host] = await hms.roomCodes.create(room.id);
 * const { token } = hms.auth.getAuthToken({ roomId: room.id, role: "host" });
 */
export class HmsClient {
  /** Throws an {@link EdgeroomError} (`invalid_argument`) on a missing or unknown option. */
  constructor(options: HmsClientOptions);
  readonly auth: HmsAuth;
  /** Frees the wasm memory now instead of at garbage collection. */
  free(): void;
  /** Never the credentials. */
  toJSON(): { provider: "100ms" };
}

// =======================================================================================
// VideoSDK: tokens and client options

/** A VideoSDK token's permissions. */
export type VideoSdkPermission = "allow_join" | "allow_mod" | "ask_join";
/** A VideoSDK token's roles: `crawler` for the REST API, `rtc` for joining a meeting. */
export type VideoSdkRole = "crawler" | "rtc";

/** The options of `new VideoSdkClient(...)`. Unknown options are refused. */
export interface VideoSdkClientOptions extends TransportOptions {
  apiKey: string;
  /** It stays inside the wasm module; it is never in an error or a log. */
  secret: string;
  /** Absolute http(s) URL. Default `https://api.videosdk.live`. */
  baseUrl?: string;
}

/** The options of `vsdk.auth.getToken`. */
export interface VideoSdkTokenOptions extends ValidityOptions {
  /** At least one. */
  permissions: VideoSdkPermission[];
  roomId?: string;
  participantId?: string;
  roles?: VideoSdkRole[];
}

/** `vsdk.auth`. */
export interface VideoSdkAuth {
  /**
   * A VideoSDK token. `version: 2` is set when roomId, participantId or roles are given.
   * @example const { token } = vsdk.auth.getToken({ permissions: ["allow_join"], roomId, roles: ["rtc"] });
   */
  getToken(options: VideoSdkTokenOptions): TokenResult;
}
/** The credentials of {@link VideoSdkTokens}. */
export interface VideoSdkTokensOptions {
  apiKey: string;
  secret: string;
}

/**
 * VideoSDK tokens without a REST client: `vsdk.auth.getToken`, with the same options, errors
 * and results. Exported by `edgeroom/tokens` and by `edgeroom`.
 * @example const { token } = new VideoSdkTokens({ apiKey, secret }).getToken({ permissions: ["allow_join"] });
 */
export class VideoSdkTokens implements VideoSdkAuth {
  constructor(options: VideoSdkTokensOptions);
  getToken(options: VideoSdkTokenOptions): TokenResult;
  /** Releases the wasm memory now; later calls throw `not_initialized`. */
  free(): void;
  toJSON(): { provider: "videosdk" };
}

// =======================================================================================
// VideoSDK: the client

/** `vsdk.rooms`: the generated calls, and `end`. */
export type VideoSdkRooms = VideoSdkApi["rooms"] & {
  /** `deactivate`, as VideoSDK's SDK names it. */
  end(roomId: string, options?: CallOptions): ReturnType<VideoSdkApi["rooms"]["deactivate"]>;
};

/** `vsdk.participants`: the live session's participants, addressed by the room. */
export interface VideoSdkParticipants {
  /**
   * Those present in the room's live session; `not_found` (field `roomId`) when none is live.
   * @example for await (const p of vsdk.participants.list(roomId)) console.log(p.name);
   */
  list(roomId: string, options?: CallOptions): AsyncIterableIterator<Participant>;
  /** One participant of the room's live session. */
  get(roomId: string, participantId: string, options?: CallOptions): Promise<Participant>;
  /** Removes a participant from the room's live session. */
  remove(roomId: string, participantId: string, options?: CallOptions): Promise<JsonValue>;
}

/**
 * The generated calls of `VideoSdkClient` (sessions, recordings, participantRecordings,
 * trackRecordings, compositeRecordings, mergeRecordings, hls, rtmp, transcodings,
 * realtimeTranscriptions), with `rooms` and `participants` declared on the class.
 */
export interface VideoSdkClient extends Omit<VideoSdkApi, "rooms"> {}

/**
 * A client for VideoSDK: tokens, rooms, sessions, participants and media jobs. Names mirror
 * `@videosdk.live/server-sdk`; the REST token (role `crawler`) is minted and cached inside.
 * @example
 * const vsdk = new VideoSdkClient({ apiKey, secret });
 * const room = await vsdk.rooms.create({ customRoomId: "standup" });
 * const { token } = vsdk.auth.getToken({ permissions: ["allow_join"], roomId: room.roomId, roles: ["rtc"] });
 */
export class VideoSdkClient {
  /** Throws an {@link EdgeroomError} (`invalid_argument`) on a missing or unknown option. */
  constructor(options: VideoSdkClientOptions);
  readonly auth: VideoSdkAuth;
  readonly rooms: VideoSdkRooms;
  readonly participants: VideoSdkParticipants;
  /** Frees the wasm memory now instead of at garbage collection. */
  free(): void;
  /** Never the credentials. */
  toJSON(): { provider: "videosdk" };
}

// =======================================================================================
// Webhook receivers

/** A header bag: a `Headers` object, or a plain `{ name: value }` object (any case). */
export type HeadersLike = { get(name: string): string | null } | Record<string, string>;

/** What a receiver reads of a webhook request (a `Request` has all of it). */
export interface WebhookRequestLike {
  readonly headers: HeadersLike;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/**
 * The options of `new HmsWebhookReceiver(...)`. 100ms signs nothing: name the secret headers
 * (or the basic auth) configured for the webhook in 100ms; an unauthenticated receiver must
 * be asked for with `allowUnauthenticated: true`. Unknown options are refused.
 */
export type HmsWebhookReceiverOptions = {
  /** Header name (any case) → the exact value 100ms is configured to send. */
  headers?: Record<string, string>;
  /** Checked as an `Authorization: Basic ...` header. */
  basicAuth?: { username: string; password: string };
  /** Refuse events whose `timestamp` is further than this from now: 1 ..= 86400 seconds. */
  maxAgeSeconds?: number;
  allowUnauthenticated?: boolean;
} & (
  | { headers: Record<string, string> }
  | { basicAuth: { username: string; password: string } }
  | { allowUnauthenticated: true }
);

/** A 100ms webhook event. Unknown (newer) types come through as they are. */
export interface HmsWebhookEvent {
  version?: string;
  id: string;
  app_id?: string;
  account_id?: string;
  template_id?: string;
  /** ISO 8601. */
  timestamp: string;
  /** The documented types, or a newer one as it is. */
  type: EventType;
  data: {
    room_id?: string;
    room_name?: string;
    session_id?: string;
    peer_id?: string;
    user_id?: string;
    role?: string;
    [key: string]: unknown;
  };
  [key: string]: unknown;
}

/**
 * Receives 100ms webhooks in an edge function: checks the configured secret headers in
 * constant time, then parses the event. Never shows the secrets (`JSON.stringify` included).
 * @example
 * const webhooks = new HmsWebhookReceiver({ headers: { "x-webhook-secret": env.HMS_WEBHOOK_SECRET }, maxAgeSeconds: 300 });
 * const event = await webhooks.receive(request); // event.type, event.data.room_id
 */
export class HmsWebhookReceiver {
  /** Throws an {@link EdgeroomError} (`invalid_argument`) on bad or unknown options. */
  constructor(options: HmsWebhookReceiverOptions);
  /**
   * Authenticates and parses a webhook request. Rejects with `webhook_unauthenticated`,
   * `invalid_webhook` or `webhook_expired`.
   */
  receive(request: WebhookRequestLike): Promise<HmsWebhookEvent>;
  /** The same, synchronously, for headers and a raw body you have already read. */
  verify(headers: HeadersLike, body: string): HmsWebhookEvent;
  toJSON(): { provider: "100ms"; kind: "webhooks" };
}

/** A `fetch`-compatible function for VideoSDK's public key. */
export type PublicKeyFetch = (
  url: string,
  init: { headers: Record<string, string> },
) => Promise<{ readonly ok: boolean; readonly status: number; text(): Promise<string> }>;

/** The options of `new VideoSdkWebhookReceiver(...)`. Unknown options are refused. */
export interface VideoSdkWebhookReceiverOptions {
  /** VideoSDK's RSA public key (PEM, SPKI). Default: fetched once from `baseUrl`. */
  publicKey?: string;
  /** Where the key is fetched from: `${baseUrl}/v2/public/rsa-public-key`. Default `https://api.videosdk.live`. */
  baseUrl?: string;
  /** Default `globalThis.fetch`. */
  fetch?: PublicKeyFetch;
  /** Refuse events whose `end` (else `start`) is further than this from now: 1 ..= 86400 seconds. */
  maxAgeSeconds?: number;
}

/** A VideoSDK webhook event. Unknown (newer) types come through as they are. */
export interface VideoSdkWebhookEvent {
  /** The documented types, or a newer one as it is. */
  webhookType: WebhookEvent;
  data: {
    meetingId?: string;
    sessionId?: string;
    participantId?: string;
    participantName?: string;
    start?: string;
    end?: string;
    [key: string]: unknown;
  };
  [key: string]: unknown;
}

/**
 * Receives VideoSDK webhooks: verifies the `videosdk-signature` header (RSA-SHA256 over the
 * raw body, with WebCrypto) against VideoSDK's public key, then parses the event.
 * @example
 * const webhooks = new VideoSdkWebhookReceiver({ maxAgeSeconds: 300 });
 * const event = await webhooks.receive(request); // event.webhookType, event.data.meetingId
 */
export class VideoSdkWebhookReceiver {
  /** Throws an {@link EdgeroomError} (`invalid_argument`) on bad or unknown options. */
  constructor(options?: VideoSdkWebhookReceiverOptions);
  /**
   * Verifies and parses a webhook request. Rejects with `webhook_unauthenticated`,
   * `invalid_webhook`, `webhook_expired`, or `network`/`invalid_response` when the key
   * cannot be fetched.
   */
  receive(request: WebhookRequestLike): Promise<VideoSdkWebhookEvent>;
  /** The same for headers and a raw body (bytes or text) you have already read. */
  verify(headers: HeadersLike, body: string | Uint8Array): Promise<VideoSdkWebhookEvent>;
  toJSON(): { provider: "videosdk"; kind: "webhooks" };
}
