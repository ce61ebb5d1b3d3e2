// Type declarations for edgeroom. Every runtime entry (node, deno, workerd, browser)
// exports exactly this API.

/** The stable error codes every edgeroom error carries in `err.code`. */
export type ErrorCode =
  | "invalid_argument"
  | "malformed_token"
  | "unsupported_algorithm"
  | "invalid_signature"
  | "token_expired"
  | "token_not_yet_valid"
  | "token_type_mismatch"
  | "bad_request"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "rate_limited"
  | "api_error"
  | "invalid_response"
  | "network"
  | "timeout"
  | "aborted"
  | "unsupported_runtime"
  | "not_initialized";

/** Every error edgeroom throws or rejects with. */
export interface EdgeroomError extends Error {
  name: "EdgeroomError";
  /** Stable: branch on this. */
  code: ErrorCode;
  /** For `invalid_argument`: the offending field, e.g. `"recording_info.upload_info.type"`. */
  field?: string;
  /** For errors that came with an HTTP answer. */
  status?: number;
  /** The provider's own error body (parsed JSON when it is JSON, else the raw text). */
  body?: unknown;
}

/** True for errors raised by edgeroom. */
export function isEdgeroomError(value: unknown): value is EdgeroomError;

/**
 * Loads the WebAssembly module. Required (and awaited) in the browser entry; a no-op
 * elsewhere, so portable code can always `await init()`.
 * @param input a URL, Response, bytes or WebAssembly.Module of `edgeroom_bg.wasm`
 */
export function init(input?: URL | string | Response | BufferSource | WebAssembly.Module): Promise<void>;

/** A `fetch`-compatible function: `(url, init) => Promise<Response>`. */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

/** Per-call options, the trailing argument of every network call. */
export interface CallOptions {
  /** Cancels the call; it rejects with `code: "aborted"`. */
  signal?: AbortSignal;
  /** Overrides the client's `timeoutMs` for this call (1 ..= 600000). */
  timeoutMs?: number;
}

/** Options that shape a token's validity. */
export interface ValidityOptions {
  /** Seconds from now (or from `issuedAt`) to expiry, 1 ..= 31536000. Default 86400 (24 h). */
  validForSeconds?: number;
  /** `iat` in Unix seconds. Default: now (100ms: now − 10 s, for clock skew). */
  issuedAt?: number;
  /** `nbf` in Unix seconds. Default: `iat`. */
  notValidBefore?: number;
}

export interface TokenResult {
  token: string;
}

// ---------------------------------------------------------------------------------------
// 100ms

export interface HmsClientOptions {
  /** The app access key from the 100ms dashboard. */
  accessKey: string;
  /** The app secret. It stays inside the wasm module; it is never in an error or a log. */
  secret: string;
  /** Default `https://api.100ms.live/v2`. */
  baseUrl?: string;
  /** Default `https://auth.100ms.live/v2` (the room-code exchange). */
  authBaseUrl?: string;
  /** Default `globalThis.fetch`. */
  fetch?: FetchLike;
  /** Per attempt, 1 ..= 600000 ms. Default 30000. */
  timeoutMs?: number;
}

export interface ManagementTokenOptions {
  /** Default 86400. A different value than the cached token's mints anew. */
  validForSeconds?: number;
  /** Mint a new token even if the cached one is still comfortably valid. */
  forceNew?: boolean;
}

export interface AuthTokenOptions extends ValidityOptions {
  roomId: string;
  role: string;
  userId?: string;
}

export interface ExchangeRoomCodeParams {
  /** The room code, e.g. `"abc-defg-hij"`. */
  code: string;
  /** Your id for the peer; 100ms generates one when absent. */
  userId?: string;
}

export interface ExchangeRoomCodeOptions extends ExchangeRoomCodeParams, CallOptions {
  /** Default `https://auth.100ms.live/v2`. */
  authBaseUrl?: string;
  /** Default `globalThis.fetch`. */
  fetch?: FetchLike;
}

/** The answer of the room-code exchange. */
export interface ExchangedToken {
  /** An app (auth) token for the code's room and role. */
  token: string;
  [key: string]: unknown;
}

export type HmsRegion = "eu" | "in" | "us" | "auto";
export type UploadType = "s3" | "gs" | "oss" | "azure";

export interface UploadInfo {
  type: UploadType;
  /** The bucket. */
  location: string;
  prefix?: string;
  options?: { region?: string };
  credentials?: { key: string; secret: string };
}

export interface RecordingInfo {
  enabled?: boolean;
  upload_info?: UploadInfo;
}

export interface RoomWebhook {
  url: string;
  headers?: Record<string, string>;
}

/** `hms.rooms.create` parameters. Every field is optional. */
export interface CreateRoomParams {
  /** a-z A-Z 0-9 . - : _ only. Creating with an existing name returns (and updates) that room. */
  name?: string;
  description?: string;
  template_id?: string;
  recording_info?: RecordingInfo;
  region?: HmsRegion;
  /** Allows `size` up to 20000. */
  large_room?: boolean;
  /** 0 ..= 2500, or 0 ..= 20000 with `large_room: true`. */
  size?: number;
  /** 120 ..= 43200. */
  max_duration_seconds?: number;
  webhook?: RoomWebhook;
}

/** `hms.rooms.update` parameters: at least one field. */
export interface UpdateRoomParams {
  name?: string;
  description?: string;
  recording_info?: RecordingInfo;
  region?: HmsRegion;
  large_room?: boolean;
  size?: number;
  max_duration_seconds?: number;
  webhook?: RoomWebhook;
}

export interface ListRoomsFilters {
  name?: string;
  enabled?: boolean;
  /** ISO 8601 date-time (or a Date). */
  after?: string | Date;
  before?: string | Date;
  /** Page size, 1 ..= 100. */
  limit?: number;
  /** Start after this cursor. */
  start?: string;
}

export interface Room {
  id: string;
  name: string;
  enabled: boolean;
  description?: string;
  customer_id?: string;
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
  webhook?: RoomWebhook;
  created_at?: string;
  updated_at?: string;
  [key: string]: unknown;
}

export interface RoomCode {
  code: string;
  room_id: string;
  role: string;
  enabled: boolean;
  created_at?: string;
  updated_at?: string;
  [key: string]: unknown;
}

export interface ListRoomCodesFilters {
  enabled?: boolean;
  role?: string;
  limit?: number;
  start?: string;
}

export interface HmsAuth {
  /**
   * A management token for the REST API, cached while comfortably valid.
   * @example const { token } = hms.auth.getManagementToken();
   */
  getManagementToken(options?: ManagementTokenOptions): TokenResult;
  /**
   * An app (auth) token for one peer of one room.
   * @example const { token } = hms.auth.getAuthToken({ roomId, role: "host", userId: "u-1" });
   */
  getAuthToken(options: AuthTokenOptions): TokenResult;
  /** Exchanges a room code for an auth token at this client's `authBaseUrl`. */
  exchangeRoomCode(params: ExchangeRoomCodeParams, options?: CallOptions): Promise<ExchangedToken>;
}

export interface HmsRooms {
  /**
   * Creates a room, or returns (and updates) the room with that name.
   * @example const room = await hms.rooms.create({ name: "standup", region: "eu" });
   */
  create(params?: CreateRoomParams, options?: CallOptions): Promise<Room>;
  retrieveById(roomId: string, options?: CallOptions): Promise<Room>;
  /** Rejects with `not_found` when no room has that name. */
  retrieveByName(name: string, options?: CallOptions): Promise<Room>;
  update(roomId: string, params: UpdateRoomParams, options?: CallOptions): Promise<Room>;
  enableOrDisable(roomId: string, enabled: boolean, options?: CallOptions): Promise<Room>;
  /**
   * Every room, fetched lazily a page at a time.
   * @example for await (const room of hms.rooms.list({ enabled: true })) console.log(room.name);
   */
  list(filters?: ListRoomsFilters, options?: CallOptions): AsyncIterableIterator<Room>;
}

export interface HmsRoomCodes {
  /**
   * Creates (or re-syncs) a room code for every role of the room.
   * @example const codes = await hms.roomCodes.create(room.id);
   */
  create(roomId: string, options?: CallOptions): Promise<RoomCode[]>;
  createForRole(roomId: string, role: string, options?: CallOptions): Promise<RoomCode>;
  list(roomId: string, filters?: ListRoomCodesFilters, options?: CallOptions): AsyncIterableIterator<RoomCode>;
  enableOrDisable(code: string, enabled: boolean, options?: CallOptions): Promise<RoomCode>;
}

/**
 * A 100ms client. Method names mirror `@100mslive/server-sdk`.
 * @example
 * const hms = new HmsClient({ accessKey, secret });
 * const room = await hms.rooms.create({ name: "demo" });
 * const [host] = await hms.roomCodes.create(room.id);
 */
export class HmsClient {
  constructor(options: HmsClientOptions);
  readonly auth: HmsAuth;
  readonly rooms: HmsRooms;
  readonly roomCodes: HmsRoomCodes;
  /** Frees the wasm memory now instead of at garbage collection. */
  free(): void;
  toJSON(): { provider: "100ms" };
}

// ---------------------------------------------------------------------------------------
// VideoSDK

export type VideoSdkPermission = "allow_join" | "allow_mod" | "ask_join";
export type VideoSdkRole = "crawler" | "rtc";

export interface VideoSdkClientOptions {
  apiKey: string;
  secret: string;
}

export interface VideoSdkTokenOptions extends ValidityOptions {
  /** At least one. */
  permissions: VideoSdkPermission[];
  roomId?: string;
  participantId?: string;
  roles?: VideoSdkRole[];
}

export interface VideoSdkAuth {
  /**
   * A VideoSDK token. `version: 2` is set when roomId, participantId or roles are given.
   * @example const { token } = vsdk.auth.getToken({ permissions: ["allow_join"], roomId });
   */
  getToken(options: VideoSdkTokenOptions): TokenResult;
}

/** A VideoSDK client. */
export class VideoSdkClient {
  constructor(options: VideoSdkClientOptions);
  readonly auth: VideoSdkAuth;
  free(): void;
  toJSON(): { provider: "videosdk" };
}

// ---------------------------------------------------------------------------------------
// Tokens

export interface VerifyTokenOptions {
  /** The `type` claim must equal this (`"app"`, `"management"`). */
  type?: string;
  /** Clock skew tolerated on `exp`/`nbf`, 0 ..= 300 seconds. Default 0. */
  leewaySeconds?: number;
}

/** A token's claims. */
export interface TokenClaims {
  exp?: number;
  nbf?: number;
  iat?: number;
  jti?: string;
  type?: string;
  [claim: string]: unknown;
}

/**
 * Verifies an HS256 token (only HS256; `none` and every other algorithm are rejected) and
 * returns its claims. Throws an {@link EdgeroomError} otherwise.
 * @example const claims = verifyToken(token, secret, { type: "app" });
 */
export function verifyToken(token: string, secret: string, options?: VerifyTokenOptions): TokenClaims;

/** Header and claims of a token, NOT verified: for display only. */
export function decodeToken(token: string): { header: Record<string, unknown>; claims: TokenClaims };

/**
 * Exchanges a room code for an auth token. Needs no secret, so it also runs in a browser.
 * @example const { token } = await exchangeRoomCode({ code: "abc-defg-hij", userId: "u-1" });
 */
export function exchangeRoomCode(options: ExchangeRoomCodeOptions): Promise<ExchangedToken>;
