// Type declarations for edgeroom. Every runtime entry (node, deno, workerd, browser) exports
// exactly this API. Request and response objects use the providers' own wire names
// (`template_id`, `recording_info`, VideoSDK's `roomId`), so their docs apply as they are.
//
// Keep in sync with: js/src/api.js (methods and their arguments), src/wasm/*.rs (the option
// names each constructor and method accepts), src/hms/*.rs and src/videosdk/*.rs (the fields,
// rules and reply shapes of each endpoint), src/error.rs `ErrorCode::as_str` (error codes).

// =======================================================================================
// Errors

/** The stable error codes every edgeroom error carries in `err.code`. */
export type ErrorCode =
  /** An argument broke a documented rule; nothing was signed or sent. `err.field` names it. */
  | "invalid_argument"
  /** A token that is not three base64url parts of JSON. */
  | "malformed_token"
  /** A token signed with anything but HS256 (`none` included). */
  | "unsupported_algorithm"
  /** The signature does not match the secret. */
  | "invalid_signature"
  /** `exp` has passed (beyond the leeway), or the token has no `exp`. */
  | "token_expired"
  /** `nbf` lies in the future. */
  | "token_not_yet_valid"
  /** The `type` claim is not the one asked for. */
  | "token_type_mismatch"
  /** HTTP 400 from the provider. */
  | "bad_request"
  /** HTTP 401 from the provider (after one renewal of the management token). */
  | "unauthorized"
  /** HTTP 403 from the provider (e.g. "Room is disabled"). */
  | "forbidden"
  /** HTTP 404 (and VideoSDK's 402 for an unknown room); `retrieveByName` with no match. */
  | "not_found"
  /** HTTP 409 from the provider. */
  | "conflict"
  /** HTTP 429 from the provider. */
  | "rate_limited"
  /** Any other non-2xx answer. */
  | "api_error"
  /** A 2xx answer that is not the documented JSON; `err.body` has the raw text. */
  | "invalid_response"
  /** The request could not be sent or its answer not read. */
  | "network"
  /** No complete answer within `timeoutMs`. */
  | "timeout"
  /** The caller's `AbortSignal` fired. */
  | "aborted"
  /** The runtime lacks a secure random source (WebCrypto). */
  | "unsupported_runtime"
  /** A webhook request that is not the provider's documented envelope (or is over 1 MiB). */
  | "invalid_webhook"
  /** A webhook whose secret headers or signature do not match. */
  | "webhook_unauthenticated"
  /** A webhook whose timestamp lies outside the `maxAgeSeconds` replay window. */
  | "webhook_expired"
  /** The browser entry was used before `await init()`. */
  | "not_initialized";

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
 * @param input where the browser entry finds `edgeroom_bg.wasm`: a URL, a Response, the
 *   bytes or a compiled module. Default: the file next to the entry.
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

/** Per-call options, the trailing argument of every network call. */
export interface CallOptions {
  /** Cancels the call; it rejects with `code: "aborted"`. */
  signal?: AbortSignal;
  /** Overrides the client's `timeoutMs` for this call (1 ..= 600000). */
  timeoutMs?: number;
}

/** An ISO 8601 date-time string such as `"2024-01-31T12:00:00Z"`, or a `Date`. */
export type DateTimeInput = string | Date;

/**
 * The JSON answer of a call whose reply the provider does not document (a message object,
 * a bare string, or `null` for an empty body). Read it only for display.
 */
export type UndocumentedReply = unknown;

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

/** The answer of the room-code exchange. */
export interface ExchangedToken {
  /** An app (auth) token for the code's room and role. */
  token: string;
  [key: string]: unknown;
}

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
 * Retried on network errors, 429 and 5xx, as 100ms's own web SDK does.
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

// =======================================================================================
// 100ms: rooms

/** Where a room runs: `auto` falls back to the template's region. */
export type HmsRegion = "eu" | "in" | "us" | "auto";
/** Recording storage: S3, Google Cloud Storage, Alibaba OSS; `azure` per the 2026 docs. */
export type UploadType = "s3" | "gs" | "oss" | "azure";

/** Where a room's recordings are uploaded. */
export interface UploadInfo {
  type: UploadType;
  /** The bucket. */
  location: string;
  prefix?: string;
  options?: { region?: string };
  credentials?: { key: string; secret: string };
}

/** A room's recording settings. */
export interface RecordingInfo {
  enabled?: boolean;
  upload_info?: UploadInfo;
}

/** A room's webhook. */
export interface RoomWebhook {
  url: string;
  /** Custom headers, e.g. a shared secret: 100ms webhooks carry no signature. */
  headers?: Record<string, string>;
}

/** `hms.rooms.create` params. Every field is optional; unknown fields are refused. */
export interface CreateRoomParams {
  /** a-z A-Z 0-9 `.` `-` `:` `_` only. Creating with an existing name returns (and updates) that room. */
  name?: string;
  description?: string;
  template_id?: string;
  recording_info?: RecordingInfo;
  region?: HmsRegion;
  /** Allows `size` up to 20000. */
  large_room?: boolean;
  /** Integer 0 ..= 2500, or 0 ..= 20000 with `large_room: true`. */
  size?: number;
  /** Integer 120 ..= 43200. */
  max_duration_seconds?: number;
  webhook?: RoomWebhook;
  /** @deprecated Refused: use `template_id`. */
  template?: never;
}

/** `hms.rooms.update` params: at least one field. */
export interface UpdateRoomParams {
  name?: string;
  description?: string;
  recording_info?: RecordingInfo;
  region?: HmsRegion;
  large_room?: boolean;
  size?: number;
  max_duration_seconds?: number;
  webhook?: RoomWebhook;
  /** @deprecated Refused: use `template_id` at creation. */
  template?: never;
}

/** The filters of `hms.rooms.list`. */
export interface ListRoomsFilters {
  name?: string;
  enabled?: boolean;
  /** Created at or after. */
  after?: DateTimeInput;
  /** Created at or before. */
  before?: DateTimeInput;
  /** Page size, 1 ..= 100. */
  limit?: number;
  /** Start after this cursor (the pager sets it for the next pages). */
  start?: string;
}

/** A 100ms room. */
export interface Room {
  id: string;
  name: string;
  enabled: boolean;
  description?: string;
  customer_id?: string;
  /** @deprecated use customer_id */
  customer?: string;
  app_id?: string;
  recording_info?: RecordingInfo;
  recording_source_template?: boolean;
  enabled_source_template?: boolean;
  template_id?: string;
  /** @deprecated use template_id */
  template?: string;
  region?: string;
  large_room?: boolean;
  size?: number;
  max_duration_seconds?: number;
  polls?: unknown[];
  webhook?: RoomWebhook;
  created_at?: string;
  updated_at?: string;
  [key: string]: unknown;
}

/** `hms.rooms`. */
export interface HmsRooms {
  /**
   * Creates a room, or returns (and updates) the room with that name.
   * @example const room = await hms.rooms.create({ name: "standup", region: "eu" });
   */
  create(params?: CreateRoomParams, options?: CallOptions): Promise<Room>;
  /**
   * A room by id.
   * @example const room = await hms.rooms.retrieveById(roomId);
   */
  retrieveById(roomId: string, options?: CallOptions): Promise<Room>;
  /** A room by name; rejects with `not_found` when none has it. */
  retrieveByName(name: string, options?: CallOptions): Promise<Room>;
  /**
   * Changes a room.
   * @example await hms.rooms.update(room.id, { description: "moved", max_duration_seconds: 3600 });
   */
  update(roomId: string, params: UpdateRoomParams, options?: CallOptions): Promise<Room>;
  /** Enables or disables a room (a disabled room refuses joins and room codes). */
  enableOrDisable(roomId: string, enabled: boolean, options?: CallOptions): Promise<Room>;
  /**
   * Every room, fetched lazily a page at a time.
   * @example for await (const room of hms.rooms.list({ enabled: true })) console.log(room.name);
   */
  list(filters?: ListRoomsFilters, options?: CallOptions): AsyncIterableIterator<Room>;
}

// =======================================================================================
// 100ms: room codes

/** A room code: a short code per role that a peer exchanges for an auth token. */
export interface RoomCode {
  code: string;
  room_id: string;
  role: string;
  enabled: boolean;
  created_at?: string;
  updated_at?: string;
  [key: string]: unknown;
}

/** The filters of `hms.roomCodes.list`. */
export interface ListRoomCodesFilters {
  enabled?: boolean;
  role?: string;
  /** Page size, 1 ..= 100. */
  limit?: number;
  start?: string;
}

/** `hms.roomCodes`. */
export interface HmsRoomCodes {
  /**
   * Creates (or re-syncs) a room code for every role of the room.
   * @example const codes = await hms.roomCodes.create(room.id);
   */
  create(roomId: string, options?: CallOptions): Promise<RoomCode[]>;
  /**
   * The room code of one role.
   * @example const guest = await hms.roomCodes.createForRole(room.id, "guest");
   */
  createForRole(roomId: string, role: string, options?: CallOptions): Promise<RoomCode>;
  /**
   * The room's codes, fetched lazily.
   * @example for await (const c of hms.roomCodes.list(room.id, { enabled: true })) console.log(c.code);
   */
  list(roomId: string, filters?: ListRoomCodesFilters, options?: CallOptions): AsyncIterableIterator<RoomCode>;
  /** Enables or disables one code. */
  enableOrDisable(code: string, enabled: boolean, options?: CallOptions): Promise<RoomCode>;
}

// =======================================================================================
// 100ms: stream keys

/** A room's RTMP ingest key (one active key per room). */
export interface StreamKey {
  id: string;
  /** The stream key to configure in OBS and the like. */
  key: string;
  /** The RTMP ingest URL. */
  url: string;
  room_id: string;
  customer_id?: string;
  app_id?: string;
  enabled?: boolean;
  created_at?: string;
  updated_at?: string;
  [key: string]: unknown;
}

/** `hms.streamKeys`. */
export interface HmsStreamKeys {
  /**
   * Creates the room's stream key (a 400 while an active one exists: disable it first).
   * @example const { key, url } = await hms.streamKeys.create(roomId);
   */
  create(roomId: string, options?: CallOptions): Promise<StreamKey>;
  /** The room's active stream key. */
  retrieve(roomId: string, options?: CallOptions): Promise<StreamKey>;
  /** Disables the room's active stream key. */
  disable(roomId: string, options?: CallOptions): Promise<UndocumentedReply>;
}

// =======================================================================================
// 100ms: sessions

/** A peer as the sessions API shows it (peers that left keep their `left_at`). */
export interface SessionPeer {
  id: string;
  session_id?: string;
  name: string;
  role: string;
  user_id: string;
  joined_at: string;
  left_at?: string;
  [key: string]: unknown;
}

/** A session: one stretch of time a room has peers in it. */
export interface Session {
  id: string;
  room_id: string;
  customer_id?: string;
  app_id?: string;
  active: boolean;
  /** Peer id → peer. */
  peers: Record<string, SessionPeer>;
  created_at: string;
  updated_at?: string;
  [key: string]: unknown;
}

/** The filters of `hms.sessions.list`. */
export interface ListSessionsFilters {
  room_id?: string;
  active?: boolean;
  /** Started at or before. */
  before?: DateTimeInput;
  /** Started at or after. */
  after?: DateTimeInput;
  /** Page size, 1 ..= 100. */
  limit?: number;
  start?: string;
}

/** `hms.sessions`. */
export interface HmsSessions {
  /** A session by id. */
  retrieveById(sessionId: string, options?: CallOptions): Promise<Session>;
  /**
   * Sessions, fetched lazily.
   * @example for await (const s of hms.sessions.list({ room_id: roomId, active: false })) console.log(s.id);
   */
  list(filters?: ListSessionsFilters, options?: CallOptions): AsyncIterableIterator<Session>;
  /** The room's live session; rejects with `not_found` when there is none. */
  retrieveActiveByRoom(roomId: string, options?: CallOptions): Promise<Session>;
}

// =======================================================================================
// 100ms: active rooms

/** An active room: a room with a live session. */
export interface ActiveRoom {
  id: string;
  name?: string;
  customer_id?: string;
  session: {
    id: string;
    created_at: string;
    /** The ids of the connected peers. */
    peers: string[];
    [key: string]: unknown;
  };
  [key: string]: unknown;
}

/** A connected peer. */
export interface ActivePeer {
  id: string;
  name: string;
  user_id: string;
  role: string;
  /** Custom data, as set by the client or `updatePeer` (usually stringified JSON). */
  metadata?: unknown;
  joined_at: string;
  [key: string]: unknown;
}

/** A connected peer's track. */
export interface PeerTrack {
  id: string;
  stream_id: string;
  mute: boolean;
  type: "audio" | "video" | (string & {});
  source: "regular" | "screen" | (string & {});
  started_at: string;
  description?: string;
  [key: string]: unknown;
}

/** A connected peer with its tracks. */
export interface ActivePeerDetails extends ActivePeer {
  /** Track id → track. */
  tracks: Record<string, PeerTrack>;
}

/** `hms.activeRooms.updatePeer` params: at least one of them. */
export interface UpdatePeerParams {
  name?: string;
  /** Moves the peer to another role of the template. */
  role?: string;
  /** A stringified JSON (or an object) that reaches the peer. */
  metadata?: unknown;
}

/** `hms.activeRooms.sendMessage` params: `peer_id` wins over `role`; neither broadcasts. */
export interface SendMessageParams {
  message: string;
  /** Only this peer (the wire name: the official SDK's `peerId` turns it into a broadcast). */
  peer_id?: string;
  /** Every peer of this role. */
  role?: string;
  /** e.g. `"chat"`, `"emoji"`, a custom event name. */
  type?: string;
}

/** `hms.activeRooms.removePeer` params: `peer_id` or `role` is required. */
export type RemovePeerParams =
  | { peer_id: string; role?: string; reason?: string }
  | { peer_id?: string; role: string; reason?: string };

/** `hms.activeRooms.end` params. */
export interface EndRoomParams {
  reason?: string;
  /** Also disables the room: no joins until it is enabled again. */
  lock?: boolean;
}

/** `hms.activeRooms`. */
export interface HmsActiveRooms {
  /** The room's live session; a 404 (`not_found`) when the room is not active. */
  retrieve(roomId: string, options?: CallOptions): Promise<ActiveRoom>;
  /** One connected peer, with its tracks. */
  retrievePeerDetails(roomId: string, peerId: string, options?: CallOptions): Promise<ActivePeerDetails>;
  /**
   * The connected peers, by peer id.
   * @example const peers = await hms.activeRooms.retrieveActivePeers(roomId); // { [peerId]: peer }
   */
  retrieveActivePeers(roomId: string, options?: CallOptions): Promise<Record<string, ActivePeer>>;
  /** Changes a connected peer's name, role or metadata. */
  updatePeer(roomId: string, peerId: string, params: UpdatePeerParams, options?: CallOptions): Promise<ActivePeerDetails>;
  /**
   * Sends a message to one peer, one role, or everyone.
   * @example await hms.activeRooms.sendMessage(roomId, { message: "hi", peer_id: peerId, type: "chat" });
   */
  sendMessage(roomId: string, params: SendMessageParams, options?: CallOptions): Promise<UndocumentedReply>;
  /**
   * Removes one peer, or every peer of a role.
   * @example await hms.activeRooms.removePeer(roomId, { role: "guest", reason: "time is up" });
   */
  removePeer(roomId: string, params: RemovePeerParams, options?: CallOptions): Promise<UndocumentedReply>;
  /**
   * Ends the live session; with `lock`, also disables the room.
   * @example await hms.activeRooms.end(roomId, { reason: "done", lock: true });
   */
  end(roomId: string, params?: EndRoomParams, options?: CallOptions): Promise<UndocumentedReply>;
}

// =======================================================================================
// 100ms: recordings, live streams, external streams (media jobs) and recording assets

/** The life cycle of a media job. */
export type JobStatus = "starting" | "running" | "stopping" | "post_processing" | "completed" | "failed";

/** Output size of a composite recording or stream: each side 500 ..= 1920 pixels. */
export interface Resolution {
  width: number;
  height: number;
}

/** What every media job (recording, live stream, external stream) has. */
export interface MediaJob {
  id: string;
  room_id: string;
  session_id: string;
  status: JobStatus;
  meeting_url?: string;
  destination?: string;
  created_at: string;
  started_at?: string | null;
  updated_at?: string;
  stopped_at?: string | null;
  started_by?: string;
  stopped_by?: string;
  /** The files it left; `null` while running; absent in lists. */
  recording_assets?: RecordingAsset[] | null;
  [key: string]: unknown;
}

/** A browser composite recording of a room. */
export interface Recording extends MediaJob {
  asset_types?: RecordingAssetType[];
}

/** Transcript output formats. */
export type TranscriptionOutputMode = "txt" | "srt" | "json";

/** Transcription (and AI summary) of a recording. */
export interface TranscriptionParams {
  enabled?: boolean;
  output_modes?: TranscriptionOutputMode[];
  custom_vocabulary?: string[];
  summary?: {
    enabled?: boolean;
    /** At most 300 characters. */
    context?: string;
    /** 0.1 ..= 1.0. */
    temperature?: number;
    /** At most 6. */
    sections?: { title: string; format: "bullets" | "paragraph" }[];
  };
}

/** `hms.recordings.start` params. */
export interface StartRecordingParams {
  /** The page the recorder opens; default: 100ms's prebuilt page. */
  meeting_url?: string;
  resolution?: Resolution;
  audio_only?: boolean;
  transcription?: TranscriptionParams;
}

/** The filters of the media-job lists (recordings, live streams, external streams). */
export interface ListJobsFilters {
  room_id?: string;
  session_id?: string;
  status?: JobStatus;
  /** Page size, 1 ..= 100. */
  limit?: number;
  start?: string;
}

/** The kinds of files a job leaves. */
export type RecordingAssetType =
  | "room-composite"
  | "room-composite-legacy"
  | "room-vod"
  | "chat"
  | "transcript"
  | "summary";

/** A file a recording or stream left behind. */
export interface RecordingAsset {
  id: string;
  job_id?: string;
  room_id?: string;
  session_id?: string;
  type: RecordingAssetType;
  /** Where it is stored, e.g. `s3://bucket/prefix/...`. */
  path: string;
  status: "completed" | "failed";
  /** Bytes. */
  size: number;
  /** Seconds. */
  duration: number;
  created_at: string;
  thumbnails?: string[] | null;
  metadata?: {
    resolution?: Resolution;
    num_layers?: string;
    layer?: string;
    max_width?: number;
    max_height?: number;
    media_type?: string;
    output_mode?: string;
    [key: string]: unknown;
  };
  [key: string]: unknown;
}

/** The filters of `hms.recordingAssets.list`. */
export interface ListRecordingAssetsFilters {
  room_id?: string;
  session_id?: string;
  status?: "completed" | "failed";
  type?: RecordingAssetType;
  /** Page size, 1 ..= 100. */
  limit?: number;
  start?: string;
}

/** A short-lived download URL of an asset. */
export interface PresignedUrl {
  id: string;
  path: string;
  url: string;
  /** Seconds the URL stays valid. */
  expiry: number;
  [key: string]: unknown;
}

/** `hms.recordings`. */
export interface HmsRecordings {
  /**
   * Starts a composite recording of the room (sent once: never retried automatically).
   * @example const rec = await hms.recordings.start(roomId, { resolution: { width: 1280, height: 720 } });
   */
  start(roomId: string, params?: StartRecordingParams, options?: CallOptions): Promise<Recording>;
  /** Stops one recording. */
  stop(recordingId: string, options?: CallOptions): Promise<Recording>;
  /** Stops every recording of the room; answers those it stopped. */
  stopAll(roomId: string, options?: CallOptions): Promise<Recording[]>;
  /** One recording, with its assets once completed. */
  retrieve(recordingId: string, options?: CallOptions): Promise<Recording>;
  /**
   * Recordings, fetched lazily (without their assets).
   * @example for await (const r of hms.recordings.list({ room_id: roomId })) console.log(r.status);
   */
  list(filters?: ListJobsFilters, options?: CallOptions): AsyncIterableIterator<Recording>;
  /** The configuration a recording runs with (not documented by 100ms: an open object). */
  retrieveConfig(recordingId: string, options?: CallOptions): Promise<Record<string, unknown>>;
}

/** `hms.recordingAssets`. */
export interface HmsRecordingAssets {
  /** One asset. */
  retrieve(assetId: string, options?: CallOptions): Promise<RecordingAsset>;
  /**
   * Assets, fetched lazily.
   * @example for await (const a of hms.recordingAssets.list({ status: "completed" })) console.log(a.path);
   */
  list(filters?: ListRecordingAssetsFilters, options?: CallOptions): AsyncIterableIterator<RecordingAsset>;
  /**
   * A download URL valid for `presignDuration` seconds (60 ..= 604800).
   * @example const { url } = await hms.recordingAssets.generatePreSignedURL(assetId, 3600);
   */
  generatePreSignedURL(assetId: string, presignDuration: number, options?: CallOptions): Promise<PresignedUrl>;
}

/** A live (HLS) stream of a room. */
export interface LiveStream extends MediaJob {
  recording?: { hls_vod: boolean; single_file_per_layer: boolean; [key: string]: unknown };
  playback?: { url: string; [key: string]: unknown };
}

/** `hms.liveStreams.start` params. */
export interface StartLiveStreamParams {
  meeting_url?: string;
  recording?: {
    /** A VOD recording of the stream. */
    hls_vod?: boolean;
    /** One MP4 per layer. */
    single_file_per_layer?: boolean;
  };
  destination?: string;
}

/** `hms.liveStreams.sendTimedMetadata` params: a cue in the HLS stream. */
export interface TimedMetadataParams {
  payload: string;
  /** Seconds it stays current, 1 ..= 86400. */
  duration: number;
}

/** `hms.liveStreams`. */
export interface HmsLiveStreams {
  /**
   * Starts an HLS stream of the room (sent once: never retried automatically).
   * @example const ls = await hms.liveStreams.start(roomId, { recording: { hls_vod: true } });
   */
  start(roomId: string, params?: StartLiveStreamParams, options?: CallOptions): Promise<LiveStream>;
  stop(streamId: string, options?: CallOptions): Promise<LiveStream>;
  /** Stops every live stream of the room; answers those it stopped. */
  stopAll(roomId: string, options?: CallOptions): Promise<LiveStream[]>;
  retrieve(streamId: string, options?: CallOptions): Promise<LiveStream>;
  list(filters?: ListJobsFilters, options?: CallOptions): AsyncIterableIterator<LiveStream>;
  /**
   * Puts a timed-metadata cue into the stream.
   * @example await hms.liveStreams.sendTimedMetadata(ls.id, { payload: "quiz-1", duration: 30 });
   */
  sendTimedMetadata(streamId: string, params: TimedMetadataParams, options?: CallOptions): Promise<LiveStream>;
  pauseRecording(streamId: string, options?: CallOptions): Promise<LiveStream>;
  resumeRecording(streamId: string, options?: CallOptions): Promise<LiveStream>;
}

/** An external stream: the room sent to RTMP ingest URLs (YouTube, Twitch...). */
export interface ExternalStream extends MediaJob {
  rtmp_urls?: string[];
  recording?: boolean;
  resolution?: Resolution;
}

/** `hms.externalStreams.start` params. */
export interface StartExternalStreamParams {
  meeting_url?: string;
  /** At least one `rtmp://` or `rtmps://` URL. */
  rtmp_urls: string[];
  /** Also record it. */
  recording?: boolean;
  resolution?: Resolution;
  destination?: string;
}

/** `hms.externalStreams`. */
export interface HmsExternalStreams {
  /**
   * Starts streaming the room to RTMP URLs (sent once: never retried automatically).
   * @example const es = await hms.externalStreams.start(roomId, { rtmp_urls: ["rtmp://a.rtmp.youtube.com/live2/KEY"] });
   */
  start(roomId: string, params: StartExternalStreamParams, options?: CallOptions): Promise<ExternalStream>;
  stop(streamId: string, options?: CallOptions): Promise<ExternalStream>;
  /** Stops every external stream of the room; answers those it stopped. */
  stopAll(roomId: string, options?: CallOptions): Promise<ExternalStream[]>;
  retrieve(streamId: string, options?: CallOptions): Promise<ExternalStream>;
  list(filters?: ListJobsFilters, options?: CallOptions): AsyncIterableIterator<ExternalStream>;
}

// =======================================================================================
// 100ms: analytics events

/** Track events, as `listTrackEvents` asks for them. */
export type TrackEventType = "track.add.success" | "track.update.success" | "track.remove.success";
/** The recording event, as `listRecordingEvents` asks for it. */
export type RecordingEventType = "beam.recording.success";
/** Client error events (`error: true` selects them). */
export type ClientErrorEventType =
  | "client.publish.failed"
  | "client.subscribe.failed"
  | "client.join.failed"
  | "client.disconnected"
  | "client.connect.failed";
/** Event types 100ms records (the analytics and webhook names). */
export type AnalyticsEventType =
  | TrackEventType
  | RecordingEventType
  | ClientErrorEventType
  | "session.open.success"
  | "session.close.success"
  | "peer.join.success"
  | "peer.leave.success"
  | "role.change.success"
  | "room.end.success"
  | "beam.started.success"
  | "beam.stopped.success"
  | "hls.started.success"
  | "hls.stopped.success"
  | "hls.recording.success";

/** The filters of the analytics lists. */
export interface AnalyticsFilters {
  /** Required. */
  room_id: string;
  /** Repeatable; any of these types. */
  type?: (AnalyticsEventType | (string & {}))[];
  session_id?: string;
  peer_id?: string;
  user_id?: string;
  beam_id?: string;
  /** Only client error events. */
  error?: boolean;
  /** Page size, 1 ..= 100. */
  limit?: number;
  /** The `next` cursor of a previous page (the pager percent-encodes and passes it). */
  start?: string;
}

/** An analytics event. */
export interface AnalyticsEvent<
  Type extends string = string,
  Data extends Record<string, unknown> = Record<string, unknown>,
> {
  version: string;
  id: string;
  /** When it happened. */
  timestamp: string;
  type: Type;
  data: Data & { room_id: string; room_name?: string; session_id?: string; [key: string]: unknown };
}

/** A track was added, updated or removed. */
export type TrackEvent = AnalyticsEvent<
  TrackEventType,
  {
    session_id: string;
    peer_id: string;
    user_id: string;
    user_name: string;
    role: string;
    joined_at: string;
    track_id: string;
    stream_id: string;
    type: "audio" | "video" | (string & {});
    source: "regular" | "screen" | (string & {});
    mute: boolean;
    started_at: string;
    stopped_at?: string;
  }
>;

/** A recording (beam) finished and its file is stored. */
export type RecordingEvent = AnalyticsEvent<
  RecordingEventType,
  {
    beam_id: string;
    session_id: string;
    template_id?: string;
    peer_id?: string;
    meeting_url?: string;
    created_at?: string;
    started_at?: string;
    stopped_at?: string;
    session_started_at?: string;
    /** Seconds. */
    duration: number;
    max_width?: number;
    max_height?: number;
    recording_path: string;
    recording_presigned_url?: string;
    rtmp?: { url: string }[];
    /** Bytes. */
    size: number;
  }
>;

/** `hms.analytics`. Pages follow the opaque `next` cursor, percent-encoded. */
export interface HmsAnalytics {
  /**
   * Events of a room, fetched lazily.
   * @example for await (const e of hms.analytics.listEvents({ room_id: roomId, type: ["peer.join.success"] })) console.log(e.id);
   */
  listEvents(filters: AnalyticsFilters, options?: CallOptions): AsyncIterableIterator<AnalyticsEvent>;
  /**
   * Track events (`type` defaults to the three track types).
   * @example for await (const e of hms.analytics.listTrackEvents({ room_id: roomId })) console.log(e.data.track_id);
   */
  listTrackEvents(
    filters: Omit<AnalyticsFilters, "type"> & { type?: TrackEventType[] },
    options?: CallOptions,
  ): AsyncIterableIterator<TrackEvent>;
  /**
   * Recording events (`type` defaults to `beam.recording.success`).
   * @example for await (const e of hms.analytics.listRecordingEvents({ room_id: roomId })) console.log(e.data.recording_path);
   */
  listRecordingEvents(
    filters: Omit<AnalyticsFilters, "type"> & { type?: RecordingEventType[] },
    options?: CallOptions,
  ): AsyncIterableIterator<RecordingEvent>;
}

// =======================================================================================
// 100ms: polls

export type PollType = "poll" | "quiz";
export type PollQuestionType = "single-choice" | "multiple-choice" | "short-answer" | "long-answer";
/** How voters are counted: by user id, peer id or user name. */
export type PollMode = "userid" | "peerid" | "username";

/** An option of a choice question (params). */
export interface PollOptionParams {
  text?: string;
  /** Quiz score of the option, 0 ..= 1000000. */
  weight?: number;
}

/** A question (params). Fields beyond these are passed through unchecked. */
export interface PollQuestionParams {
  text?: string;
  type?: PollQuestionType;
  options?: PollOptionParams[];
  format?: string;
  attachment?: unknown[];
  skippable?: boolean;
  /** Seconds. */
  duration?: number;
  /** One answer per voter. */
  once?: boolean;
  weight?: number;
  answer_min_len?: number;
  answer_max_len?: number;
  /** The correct answer of a quiz question: option indexes (1-based) or text. */
  answer?: { hidden?: boolean; options?: number[]; text?: string; case?: boolean; trim?: boolean };
}

/** `hms.polls.create` params. Fields beyond these are passed through unchecked. */
export interface CreatePollParams {
  title: string;
  type?: PollType;
  /** Seconds, 0 ..= 86400 (0: no limit). */
  duration?: number;
  anonymous?: boolean;
  mode?: PollMode;
  start?: "auto" | "manual";
  questions?: PollQuestionParams[];
}

/** `hms.polls.update` params. */
export type UpdatePollParams = Partial<CreatePollParams>;

/** An option of a poll question. */
export interface PollOption {
  /** 1-based. */
  index: number;
  text: string;
  weight?: number;
  [key: string]: unknown;
}

/** A poll question. */
export interface PollQuestion {
  /** 1-based: the `questionId` of the question calls. */
  index: number;
  text: string;
  type: PollQuestionType;
  options?: PollOption[];
  format?: string;
  attachment?: unknown[];
  skippable?: boolean;
  duration?: number;
  once?: boolean;
  weight?: number;
  answer_min_len?: number;
  answer_max_len?: number;
  answer?: { hidden?: boolean; options?: number[]; text?: string; case?: boolean; trim?: boolean };
  [key: string]: unknown;
}

/** A poll or quiz. */
export interface Poll {
  id: string;
  title: string;
  type?: PollType;
  duration?: number;
  anonymous?: boolean;
  mode?: PollMode;
  start?: string;
  questions?: PollQuestion[];
  [key: string]: unknown;
}

/** A poll's run in one session. */
export interface PollSession {
  poll_id?: string;
  session_id?: string;
  room_id?: string;
  state?: string;
  started_at?: string;
  stopped_at?: string | null;
  total_response?: number;
  user_count?: number;
  max_user?: number;
  [key: string]: unknown;
}

/** The result of one question in one session. */
export interface PollResult {
  /** The question's index. */
  question?: number;
  type?: PollQuestionType;
  /** Answers, skips included. */
  total?: number;
  skipped?: number;
  /** Votes per option, in option order (choice questions). */
  options?: number[];
  /** Correct answers (quizzes). */
  correct?: number;
  [key: string]: unknown;
}

/** One voter's answer to one question. */
export interface PollResponse {
  id: string;
  poll_id?: string;
  session_id?: string;
  question?: number;
  type?: PollQuestionType;
  skipped?: boolean;
  option?: number;
  options?: number[];
  text?: string;
  correct?: boolean;
  final?: boolean;
  /** Empty strings for an anonymous poll. */
  peer?: { peerid?: string; userid?: string; username?: string };
  created_at?: string;
  [key: string]: unknown;
}

/** A page of a poll's results or responses, as the API answers it. */
export interface PollPage<T> {
  data?: T[];
  limit?: number;
  last?: string;
  [key: string]: unknown;
}

/** `hms.polls`. */
export interface HmsPolls {
  /**
   * Creates a poll or quiz.
   * @example
   * const poll = await hms.polls.create({
   *   title: "Lunch?", type: "poll",
   *   questions: [{ text: "Where?", type: "single-choice", options: [{ text: "Here" }] }],
   * });
   */
  create(params: CreatePollParams, options?: CallOptions): Promise<Poll>;
  retrieve(pollId: string, options?: CallOptions): Promise<Poll>;
  update(pollId: string, params: UpdatePollParams, options?: CallOptions): Promise<Poll>;
  /** Rewrites question `questionId` (its 1-based index; one past the last appends). */
  updateQuestion(pollId: string, questionId: string, params: PollQuestionParams, options?: CallOptions): Promise<PollQuestion>;
  deleteQuestion(pollId: string, questionId: string, options?: CallOptions): Promise<UndocumentedReply>;
  /** Rewrites option `optionId` (its 1-based index; one past the last appends). */
  updateOption(
    pollId: string,
    questionId: string,
    optionId: string,
    params: PollOptionParams,
    options?: CallOptions,
  ): Promise<PollOption>;
  deleteOption(pollId: string, questionId: string, optionId: string, options?: CallOptions): Promise<UndocumentedReply>;
  /** The poll's run in a session. */
  retrieveSession(pollId: string, sessionId: string, options?: CallOptions): Promise<PollSession>;
  /** The results of every question in a session. */
  retrieveResults(pollId: string, sessionId: string, options?: CallOptions): Promise<PollPage<PollResult>>;
  retrieveResult(pollId: string, sessionId: string, resultId: string, options?: CallOptions): Promise<PollResult>;
  /** The answers given in a session. */
  retrieveResponses(pollId: string, sessionId: string, options?: CallOptions): Promise<PollPage<PollResponse>>;
  retrieveResponse(pollId: string, sessionId: string, responseId: string, options?: CallOptions): Promise<PollResponse>;
}

// =======================================================================================
// 100ms: templates (the policy API: camelCase objects)

/** A template's region (its rooms' default). */
export type TemplateRegion = "eu" | "in" | "us";

/** What a role may do. */
export interface TemplatePermissions {
  endRoom?: boolean;
  removeOthers?: boolean;
  mute?: boolean;
  unmute?: boolean;
  changeRole?: boolean;
  sendRoomState?: boolean;
  pollRead?: boolean;
  pollWrite?: boolean;
  browserRecording?: boolean;
  rtmpStreaming?: boolean;
  hlsStreaming?: boolean;
  [key: string]: unknown;
}

/** A role (params). Fields beyond these are passed through unchecked. */
export interface TemplateRoleParams {
  name?: string;
  /** What the role publishes: `allowed` tracks, audio/video/screen settings, simulcast. */
  publishParams?: Record<string, unknown>;
  /** Whom the role subscribes to (`subscribeToRoles`) and how. */
  subscribeParams?: Record<string, unknown>;
  permissions?: TemplatePermissions;
  /** 1 ..= 1000. */
  priority?: number;
  /** 0 ..= 20000 (0: no limit). */
  maxPeerCount?: number;
}

/** A template's role. */
export interface TemplateRole {
  name: string;
  publishParams?: Record<string, unknown>;
  subscribeParams?: Record<string, unknown>;
  permissions?: TemplatePermissions;
  priority?: number;
  maxPeerCount?: number;
  [key: string]: unknown;
}

/** A template's settings (a large, evolving object). */
export interface TemplateSettings {
  region?: TemplateRegion;
  recording?: unknown;
  roomState?: {
    messageInterval?: number;
    sendPeerList?: boolean;
    stopRoomStateOnJoin?: boolean;
    enabled?: boolean;
    [key: string]: unknown;
  };
  [key: string]: unknown;
}

/** `hms.templates.create` params. Fields beyond these are passed through unchecked. */
export interface CreateTemplateParams {
  /** Like room names: a-z A-Z 0-9 `.` `-` `:` `_`. An existing name is overwritten. */
  name: string;
  /** Role name → role. */
  roles?: Record<string, TemplateRoleParams>;
  settings?: TemplateSettings;
  destinations?: Record<string, unknown>;
}

/** `hms.templates.update` params. */
export type UpdateTemplateParams = Partial<CreateTemplateParams>;

/** A template: the roles, settings and destinations of the rooms made from it. */
export interface Template {
  id: string;
  name: string;
  customerId?: string;
  appId?: string;
  /** The app's default template. */
  default?: boolean;
  roles: Record<string, TemplateRole>;
  settings: TemplateSettings;
  destinations?: Record<string, unknown>;
  createdAt?: string;
  updatedAt?: string;
  [key: string]: unknown;
}

/**
 * One recording configuration of a template (params). 100ms currently allows exactly one
 * per template. Fields beyond these are passed through unchecked.
 */
export interface TemplateRecordingConfigParams {
  name: string;
  /** The role whose view is recorded: a role of the template. */
  role: string;
  /** Seconds, 1 ..= 86400. */
  maxDuration?: number;
  /** Seconds the recordings' presigned URLs live, 60 ..= 604800. */
  presignDuration?: number;
  thumbnails?: Record<string, unknown>;
  compositeRecording?: Record<string, unknown>;
  trackRecording?: Record<string, unknown>;
  streamRecording?: Record<string, unknown>;
}

/** A template's recording configuration, as the API answers it. */
export interface TemplateRecordingConfig {
  name: string;
  role: string;
  maxDuration?: number;
  presignDuration?: number;
  thumbnails?: Record<string, unknown>;
  compositeRecording?: Record<string, unknown>;
  trackRecording?: Record<string, unknown>;
  streamRecording?: Record<string, unknown>;
  [key: string]: unknown;
}

/** The filters of `hms.templates.list`. */
export interface ListTemplatesFilters {
  /** Page size, 1 ..= 100. */
  limit?: number;
  start?: string;
}

/** `hms.templates`. */
export interface HmsTemplates {
  /**
   * Every template, fetched lazily.
   * @example for await (const t of hms.templates.list()) console.log(t.name);
   */
  list(filters?: ListTemplatesFilters, options?: CallOptions): AsyncIterableIterator<Template>;
  retrieve(templateId: string, options?: CallOptions): Promise<Template>;
  /**
   * Creates a template (an existing name is overwritten).
   * @example const template = await hms.templates.create({ name: "webinar", roles: { host: { name: "host" } } });
   */
  create(params: CreateTemplateParams, options?: CallOptions): Promise<Template>;
  update(templateId: string, params: UpdateTemplateParams, options?: CallOptions): Promise<Template>;
  retrieveRole(templateId: string, roleName: string, options?: CallOptions): Promise<TemplateRole>;
  /**
   * Adds or changes a role.
   * @example await hms.templates.createOrUpdateRole(template.id, "viewer", { priority: 2 });
   */
  createOrUpdateRole(templateId: string, roleName: string, params: TemplateRoleParams, options?: CallOptions): Promise<TemplateRole>;
  deleteRole(templateId: string, roleName: string, options?: CallOptions): Promise<UndocumentedReply>;
  retrieveSettings(templateId: string, options?: CallOptions): Promise<TemplateSettings>;
  updateSettings(templateId: string, params: TemplateSettings, options?: CallOptions): Promise<TemplateSettings>;
  /** The template's recording configurations (an array). */
  retrieveRecordingsConfig(templateId: string, options?: CallOptions): Promise<TemplateRecordingConfig[]>;
  /**
   * Replaces the template's recording configurations: an array of exactly one.
   * @example await hms.templates.configureRecordings(template.id, [{ name: "main", role: "host" }]);
   */
  configureRecordings(
    templateId: string,
    params: [TemplateRecordingConfigParams],
    options?: CallOptions,
  ): Promise<TemplateRecordingConfig[]>;
}

// =======================================================================================
// 100ms: the client

/**
 * A client for the 100ms REST API. Method names mirror `@100mslive/server-sdk`; the secret
 * never leaves the wasm module. Every network call takes its path arguments first, then a
 * params or filters object, then `{ signal, timeoutMs }`.
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
  readonly rooms: HmsRooms;
  readonly roomCodes: HmsRoomCodes;
  readonly streamKeys: HmsStreamKeys;
  readonly sessions: HmsSessions;
  readonly activeRooms: HmsActiveRooms;
  readonly recordings: HmsRecordings;
  readonly recordingAssets: HmsRecordingAssets;
  readonly liveStreams: HmsLiveStreams;
  readonly externalStreams: HmsExternalStreams;
  readonly analytics: HmsAnalytics;
  readonly polls: HmsPolls;
  readonly templates: HmsTemplates;
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

// =======================================================================================
// VideoSDK: rooms

/** The webhook events a VideoSDK room can subscribe to. */
export type VideoSdkWebhookEventType =
  | "participant-joined"
  | "participant-left"
  | "session-started"
  | "session-ended"
  | "recording-starting"
  | "recording-started"
  | "recording-stopping"
  | "recording-stopped"
  | "recording-failed"
  | "livestream-starting"
  | "livestream-started"
  | "livestream-stopping"
  | "livestream-stopped"
  | "livestream-failed"
  | "hls-starting"
  | "hls-started"
  | "hls-playable"
  | "hls-stopping"
  | "hls-stopped"
  | "hls-failed";

export type VideoSdkLayoutType = "GRID" | "SPOTLIGHT" | "SIDEBAR";
export type VideoSdkLayoutPriority = "SPEAKER" | "PIN";
export type VideoSdkTheme = "DARK" | "LIGHT" | "DEFAULT";
export type VideoSdkMode = "video-and-audio" | "audio";
export type VideoSdkQuality = "low" | "med" | "high";
export type VideoSdkOrientation = "portrait" | "landscape";

/** How a composed recording or stream arranges participants. */
export interface VideoSdkLayout {
  type?: VideoSdkLayoutType;
  priority?: VideoSdkLayoutPriority;
  /** At most 4. */
  gridSize?: 1 | 2 | 3 | 4;
}

/** A media job's `config`. */
export interface VideoSdkJobConfig {
  layout?: VideoSdkLayout;
  theme?: VideoSdkTheme;
  mode?: VideoSdkMode;
  quality?: VideoSdkQuality;
  orientation?: VideoSdkOrientation;
}

/** `autoStartConfig.hls`: started with each session. */
export interface VideoSdkAutoStartHls {
  /** A custom layout page. */
  templateUrl?: string;
  config?: VideoSdkJobConfig;
  theme?: VideoSdkTheme;
  mode?: VideoSdkMode;
  quality?: VideoSdkQuality;
  orientation?: VideoSdkOrientation;
}

/** `autoStartConfig.recording`: started with each session. */
export interface VideoSdkAutoStartRecording extends VideoSdkAutoStartHls {
  /** Your S3 bucket path. */
  awsDirPath?: string;
}

/** A VideoSDK room's webhook. */
export interface VideoSdkWebhook {
  /** Where events are POSTed; required when `events` are given. */
  endPoint: string;
  events?: VideoSdkWebhookEventType[];
}

/** Closes each session after `duration` minutes. */
export interface VideoSdkAutoCloseConfig {
  /** `session-end-and-deactivate` also deactivates the room (one session only). */
  type?: "session-ends" | "session-end-and-deactivate";
  /** Minutes, 1 ..= 10080. Default 480. */
  duration?: number;
}

/** `vsdk.rooms.create` params. Unknown fields are refused. */
export interface CreateVideoSdkRoomParams {
  /** Your id for the room; create is idempotent on it. */
  customRoomId?: string;
  webhook?: VideoSdkWebhook;
  autoCloseConfig?: VideoSdkAutoCloseConfig;
  autoStartConfig?: { recording?: VideoSdkAutoStartRecording; hls?: VideoSdkAutoStartHls };
  /** @deprecated Discontinued by VideoSDK (its servers pick the region) and refused. */
  region?: never;
}

/** A VideoSDK room. */
export interface VideoSdkRoom {
  /** The meeting id, e.g. `"abc-xyzw-lmno"`: what every other call takes. */
  roomId: string;
  customRoomId?: string;
  userId?: string;
  /** Deactivated: nobody can join it. */
  disabled: boolean;
  createdAt?: string;
  updatedAt?: string;
  /** VideoSDK's internal object id (not the room id). */
  id?: string;
  links?: { get_room?: string; get_session?: string; [key: string]: unknown };
  webhook?: VideoSdkWebhook;
  autoCloseConfig?: VideoSdkAutoCloseConfig;
  autoStartConfig?: { recording?: VideoSdkAutoStartRecording; hls?: VideoSdkAutoStartHls };
  [key: string]: unknown;
}

/** Page-number paging of VideoSDK lists (the pager advances `page`). */
export interface VideoSdkPageFilters {
  /** From 1. */
  page?: number;
  /** 1 ..= 100. */
  perPage?: number;
}

/** `vsdk.rooms`. Names mirror `@videosdk.live/server-sdk`. */
export interface VideoSdkRooms {
  /**
   * Creates a room (idempotent on `customRoomId`).
   * @example const room = await vsdk.rooms.create({ customRoomId: "standup", webhook: { endPoint, events: ["session-ended"] } });
   */
  create(params?: CreateVideoSdkRoomParams, options?: CallOptions): Promise<VideoSdkRoom>;
  get(roomId: string, options?: CallOptions): Promise<VideoSdkRoom>;
  /** The room if it can be joined; `bad_request` for a deactivated room, `not_found` for none. */
  validate(roomId: string, options?: CallOptions): Promise<VideoSdkRoom>;
  /**
   * Every room, fetched lazily.
   * @example for await (const r of vsdk.rooms.list({ perPage: 50 })) console.log(r.roomId);
   */
  list(filters?: VideoSdkPageFilters, options?: CallOptions): AsyncIterableIterator<VideoSdkRoom>;
  /** Deactivates the room for good: its live session ends and no one can join again. */
  deactivate(roomId: string, options?: CallOptions): Promise<VideoSdkRoom>;
  /** `deactivate`, as VideoSDK's SDK names it. */
  end(roomId: string, options?: CallOptions): Promise<VideoSdkRoom>;
}

// =======================================================================================
// VideoSDK: sessions and participants

/** A participant of a session, with each stretch of presence. */
export interface VideoSdkParticipant {
  participantId: string;
  name?: string;
  /** `end` is `null` while present. */
  timelog?: { start: string; end: string | null }[];
  [key: string]: unknown;
}

/** A VideoSDK session: one occupancy of a room. */
export interface VideoSdkSession {
  id: string;
  roomId: string;
  start: string;
  /** `null` while ongoing. */
  end?: string | null;
  status?: "ongoing" | "ended";
  participants?: VideoSdkParticipant[];
  links?: Record<string, unknown>;
  [key: string]: unknown;
}

/** The filters of `vsdk.sessions.list`: `roomId` or `customRoomId` is required. */
export type ListVideoSdkSessionsFilters = VideoSdkPageFilters &
  ({ roomId: string; customRoomId?: string } | { roomId?: string; customRoomId: string });

/** `vsdk.sessions`. */
export interface VideoSdkSessions {
  /**
   * A room's sessions, fetched lazily.
   * @example for await (const s of vsdk.sessions.list({ roomId })) console.log(s.status);
   */
  list(filters: ListVideoSdkSessionsFilters, options?: CallOptions): AsyncIterableIterator<VideoSdkSession>;
  get(sessionId: string, options?: CallOptions): Promise<VideoSdkSession>;
  /** Everyone who took part in the session. */
  listParticipants(
    sessionId: string,
    filters?: VideoSdkPageFilters,
    options?: CallOptions,
  ): AsyncIterableIterator<VideoSdkParticipant>;
  /** Those present now. */
  listActiveParticipants(
    sessionId: string,
    filters?: VideoSdkPageFilters,
    options?: CallOptions,
  ): AsyncIterableIterator<VideoSdkParticipant>;
  getParticipant(sessionId: string, participantId: string, options?: CallOptions): Promise<VideoSdkParticipant>;
  /** Ends the room's live session (or `sessionId`). */
  end(params: { roomId: string; sessionId?: string }, options?: CallOptions): Promise<UndocumentedReply>;
  /** Removes a participant from the room's live session (or `sessionId`). */
  removeParticipant(
    params: { roomId: string; participantId: string; sessionId?: string },
    options?: CallOptions,
  ): Promise<UndocumentedReply>;
}

/** `vsdk.participants`: the live session's participants, keyed by room. */
export interface VideoSdkParticipants {
  /**
   * Those present in the room's live session; `not_found` (field `roomId`) when none is live.
   * @example for await (const p of vsdk.participants.list(roomId)) console.log(p.name);
   */
  list(roomId: string, options?: CallOptions): AsyncIterableIterator<VideoSdkParticipant>;
  get(roomId: string, participantId: string, options?: CallOptions): Promise<VideoSdkParticipant>;
  remove(roomId: string, participantId: string, options?: CallOptions): Promise<UndocumentedReply>;
}

// =======================================================================================
// VideoSDK: media jobs

/** A VideoSDK media job's life cycle. */
export type VideoSdkJobStatus = "starting" | "started" | "stopped" | (string & {});

/** A recording, HLS stream or RTMP live stream. */
export interface VideoSdkJob {
  id: string;
  roomId: string;
  sessionId?: string;
  status?: VideoSdkJobStatus;
  start?: string;
  end?: string | null;
  templateUrl?: string;
  config?: VideoSdkJobConfig;
  createdAt?: string;
  updatedAt?: string;
  links?: Record<string, unknown>;
  [key: string]: unknown;
}

/** A cloud recording. */
export interface VideoSdkRecording extends VideoSdkJob {
  /** Once stopped. */
  file?: { fileUrl?: string; [key: string]: unknown };
}

/** An HLS stream. */
export interface VideoSdkHls extends VideoSdkJob {
  playbackHlsUrl?: string;
  livestreamUrl?: string;
}

/** An RTMP destination. */
export interface VideoSdkRtmpOutput {
  url: string;
  streamKey: string;
}

/** An RTMP live stream. */
export interface VideoSdkLivestream extends VideoSdkJob {
  outputs?: VideoSdkRtmpOutput[];
}

/** The filters of the job lists. */
export interface ListVideoSdkJobsFilters extends VideoSdkPageFilters {
  roomId?: string;
  sessionId?: string;
}

/** `vsdk.recordings.start` params. */
export interface StartVideoSdkRecordingParams {
  roomId: string;
  templateUrl?: string;
  config?: VideoSdkJobConfig;
  awsDirPath?: string;
  webhookUrl?: string;
  transcription?: Record<string, unknown>;
}

/** `vsdk.hls.start` params. */
export interface StartVideoSdkHlsParams {
  roomId: string;
  templateUrl?: string;
  config?: VideoSdkJobConfig;
  transcription?: Record<string, unknown>;
}

/** `vsdk.rtmp.start` params. */
export interface StartVideoSdkRtmpParams {
  roomId: string;
  /** At least one. */
  outputs: VideoSdkRtmpOutput[];
  templateUrl?: string;
  config?: VideoSdkJobConfig;
}

/** `vsdk.recordings`. */
export interface VideoSdkRecordings {
  /**
   * Starts a cloud recording of the room's live session (sent once).
   * @example await vsdk.recordings.start({ roomId, config: { layout: { type: "GRID", gridSize: 4 }, quality: "high" } });
   */
  start(params: StartVideoSdkRecordingParams, options?: CallOptions): Promise<UndocumentedReply>;
  stop(roomId: string, options?: CallOptions): Promise<UndocumentedReply>;
  list(filters?: ListVideoSdkJobsFilters, options?: CallOptions): AsyncIterableIterator<VideoSdkRecording>;
  get(id: string, options?: CallOptions): Promise<VideoSdkRecording>;
  delete(id: string, options?: CallOptions): Promise<UndocumentedReply>;
}

/** `vsdk.hls`. */
export interface VideoSdkHlsStreams {
  /**
   * Starts an HLS stream of the room's live session (sent once).
   * @example await vsdk.hls.start({ roomId, config: { orientation: "portrait" } });
   */
  start(params: StartVideoSdkHlsParams, options?: CallOptions): Promise<UndocumentedReply>;
  /** Stops the room's HLS stream `id`. */
  stop(roomId: string, id: string, options?: CallOptions): Promise<UndocumentedReply>;
  /** The room's running HLS stream. */
  getActive(roomId: string, options?: CallOptions): Promise<VideoSdkHls>;
  list(filters?: ListVideoSdkJobsFilters, options?: CallOptions): AsyncIterableIterator<VideoSdkHls>;
  get(id: string, options?: CallOptions): Promise<VideoSdkHls>;
  delete(id: string, options?: CallOptions): Promise<UndocumentedReply>;
}

/** `vsdk.rtmp`. */
export interface VideoSdkRtmpStreams {
  /**
   * Streams the room's live session to RTMP outputs (sent once).
   * @example await vsdk.rtmp.start({ roomId, outputs: [{ url: "rtmp://a.rtmp.youtube.com/live2", streamKey }] });
   */
  start(params: StartVideoSdkRtmpParams, options?: CallOptions): Promise<UndocumentedReply>;
  stop(roomId: string, options?: CallOptions): Promise<UndocumentedReply>;
  list(filters?: ListVideoSdkJobsFilters, options?: CallOptions): AsyncIterableIterator<VideoSdkLivestream>;
  get(id: string, options?: CallOptions): Promise<VideoSdkLivestream>;
}

// =======================================================================================
// VideoSDK: the client

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
  readonly sessions: VideoSdkSessions;
  readonly participants: VideoSdkParticipants;
  readonly recordings: VideoSdkRecordings;
  readonly hls: VideoSdkHlsStreams;
  readonly rtmp: VideoSdkRtmpStreams;
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
  type: AnalyticsEventType | (string & {});
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
  webhookType: VideoSdkWebhookEventType | (string & {});
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
