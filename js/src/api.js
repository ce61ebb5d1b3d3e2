// The public API of edgeroom, over the wasm exports. Each runtime entry (../entries/)
// initialises the module its own way, then re-exports this file.
//
// The wasm objects (HmsCore, VideoSdkCore) hold the secrets; the classes here keep them in
// private fields, so neither JSON.stringify(client) nor a console.log shows anything secret.
// A REST call is one call into wasm (`core.call(...)`), which sends, waits, retries and
// parses there and returns a promise.

import {
  HmsCore,
  VideoSdkCore,
  verifyToken as wasmVerifyToken,
  decodeToken as wasmDecodeToken,
  exchangeRoomCode as wasmExchangeRoomCode,
} from "../wasm/edgeroom.js";
import { edgeroomError } from "./errors.js";
import { assertReady } from "./ready.js";

export { HmsWebhookReceiver, VideoSdkWebhookReceiver } from "./webhooks.js";

/**
 * Follows a list endpoint lazily: one page is fetched when the previous one has been
 * consumed. Each page says which query fetches the next (`{start}` or `{page}`); the pager
 * stops on an empty page, on none, or on one that repeats (a misbehaving server must not
 * make an infinite loop).
 */
async function* paginate(call, name, args, filters, options) {
  let query = filters;
  let previous;
  for (;;) {
    const page = await call(name, args, query, null, options);
    for (const item of page.items) yield item;
    const next = page.next && JSON.stringify(page.next);
    if (!next || page.items.length === 0 || next === previous) return;
    previous = next;
    // The first page validated `filters`, so spreading it is safe from here on.
    query = { ...filters, ...page.next };
  }
}

// How a method's arguments map onto a call: `n` leading path arguments, then (for `body`
// and `list`) a params object, then the per-call options. One line per method below,
// and nothing else, is what it takes to expose an endpoint.
const path = (name, n = 1) => (call) => (...a) => call(name, a.slice(0, n), null, null, a[n]);
const body = (name, n = 1) => (call) => (...a) => call(name, a.slice(0, n), null, a[n], a[n + 1]);
const list = (name, n = 0) => (call) => (...a) => paginate(call, name, a.slice(0, n), a[n], a[n + 1]);
const events = (name, types) => (call) => (filters, o) => paginate(call, name, [], withTypes(filters, types), o);

/** The 100ms API by namespace; names mirror @100mslive/server-sdk where it has them. */
const HMS_API = {
  rooms: {
    create: body("rooms.create", 0),
    retrieveById: path("rooms.retrieveById"),
    retrieveByName: (call) => (name, o) => call("rooms.retrieveByName", [], { name }, null, o),
    update: body("rooms.update"),
    enableOrDisable: (call) => (roomId, enabled, o) => call("rooms.enableOrDisable", [roomId], null, { enabled }, o),
    list: list("rooms.list"),
  },
  roomCodes: {
    create: path("roomCodes.create"),
    createForRole: path("roomCodes.createForRole", 2),
    list: list("roomCodes.list", 1),
    enableOrDisable: (call) => (code, enabled, o) => call("roomCodes.enableOrDisable", [], null, { code, enabled }, o),
  },
  streamKeys: {
    create: path("streamKeys.create"),
    retrieve: path("streamKeys.retrieve"),
    disable: path("streamKeys.disable"),
  },
  sessions: {
    retrieveById: path("sessions.retrieveById"),
    list: list("sessions.list"),
    retrieveActiveByRoom: (call) => (roomId, o) =>
      call("sessions.retrieveActiveByRoom", [], { room_id: roomId, active: true }, null, o),
  },
  activeRooms: {
    retrieve: path("activeRooms.retrieve"),
    retrievePeerDetails: path("activeRooms.retrievePeerDetails", 2),
    retrieveActivePeers: path("activeRooms.retrieveActivePeers"),
    updatePeer: body("activeRooms.updatePeer", 2),
    sendMessage: body("activeRooms.sendMessage"),
    removePeer: body("activeRooms.removePeer"),
    end: body("activeRooms.end"),
  },
  recordings: {
    start: body("recordings.start"),
    stop: path("recordings.stop"),
    stopAll: path("recordings.stopAll"),
    retrieve: path("recordings.retrieve"),
    list: list("recordings.list"),
    retrieveConfig: path("recordings.retrieveConfig"),
  },
  recordingAssets: {
    retrieve: path("recordingAssets.retrieve"),
    list: list("recordingAssets.list"),
    generatePreSignedURL: (call) => (assetId, presignDuration, o) =>
      call("recordingAssets.generatePreSignedURL", [assetId], { presign_duration: presignDuration }, null, o),
  },
  liveStreams: {
    start: body("liveStreams.start"),
    stop: path("liveStreams.stop"),
    stopAll: path("liveStreams.stopAll"),
    retrieve: path("liveStreams.retrieve"),
    list: list("liveStreams.list"),
    sendTimedMetadata: body("liveStreams.sendTimedMetadata"),
    pauseRecording: path("liveStreams.pauseRecording"),
    resumeRecording: path("liveStreams.resumeRecording"),
  },
  externalStreams: {
    start: body("externalStreams.start"),
    stop: path("externalStreams.stop"),
    stopAll: path("externalStreams.stopAll"),
    retrieve: path("externalStreams.retrieve"),
    list: list("externalStreams.list"),
  },
  analytics: {
    listEvents: list("analytics.listEvents"),
    listTrackEvents: events("analytics.listEvents", ["track.add.success", "track.update.success", "track.remove.success"]),
    listRecordingEvents: events("analytics.listEvents", ["beam.recording.success"]),
  },
  polls: {
    create: body("polls.create", 0),
    retrieve: path("polls.retrieve"),
    update: body("polls.update"),
    updateQuestion: body("polls.updateQuestion", 2),
    deleteQuestion: path("polls.deleteQuestion", 2),
    updateOption: body("polls.updateOption", 3),
    deleteOption: path("polls.deleteOption", 3),
    retrieveSession: path("polls.retrieveSession", 2),
    retrieveResults: path("polls.retrieveResults", 2),
    retrieveResult: path("polls.retrieveResult", 3),
    retrieveResponses: path("polls.retrieveResponses", 2),
    retrieveResponse: path("polls.retrieveResponse", 3),
  },
  templates: {
    list: list("templates.list"),
    retrieve: path("templates.retrieve"),
    create: body("templates.create", 0),
    update: body("templates.update"),
    retrieveRole: path("templates.retrieveRole", 2),
    createOrUpdateRole: body("templates.createOrUpdateRole", 2),
    deleteRole: path("templates.deleteRole", 2),
    retrieveSettings: path("templates.retrieveSettings"),
    updateSettings: body("templates.updateSettings"),
    retrieveRecordingsConfig: path("templates.retrieveRecordingsConfig"),
    configureRecordings: body("templates.configureRecordings"),
  },
};

/** The event types of `listTrackEvents`/`listRecordingEvents`, unless the caller names some. */
function withTypes(filters, types) {
  try {
    if (filters === null || typeof filters !== "object" || filters.type !== undefined) return filters;
    return { ...filters, type: types };
  } catch {
    // A throwing getter or proxy: let the wasm side refuse the filters with a clear error.
    return filters;
  }
}

/** The options of getAuthToken, in the order HmsCore.appTokenOf takes them. */
const AUTH_TOKEN_KEYS = ["roomId", "role", "userId", "validForSeconds", "issuedAt", "notValidBefore"];
/** The options of VideoSDK's getToken, in the order VideoSdkCore.tokenOf takes them. */
const VIDEOSDK_TOKEN_KEYS = ["permissions", "roomId", "participantId", "roles", "validForSeconds", "issuedAt", "notValidBefore"];

/**
 * Mints a token with `core`. A plain object with only known `keys` is read here and its
 * values passed as arguments to the method `fast` (one crossing into wasm instead of one per
 * key); anything else (unknown keys, a class instance, a proxy, a throwing getter) goes to
 * the method `strict`, which reports exactly what is wrong. Either way the wasm side checks
 * every value.
 */
function mint(core, o, keys, fast, strict) {
  let values;
  try {
    if (isPlainRecord(o, keys)) values = keys.map((key) => o[key]);
  } catch {
    values = undefined;
  }
  return values ? core[fast](...values) : core[strict](o);
}

/** Whether `o` is an object literal (or Object.create(Object.prototype)) with only `keys`. */
function isPlainRecord(o, keys) {
  if (o === null || typeof o !== "object" || Object.getPrototypeOf(o) !== Object.prototype) return false;
  for (const key in o) if (!keys.includes(key)) return false;
  return true;
}

/** Binds each namespace's methods to `call`, as frozen objects. */
function bindApi(table, call) {
  const api = {};
  for (const [namespace, methods] of Object.entries(table)) {
    api[namespace] = Object.freeze(Object.fromEntries(Object.entries(methods).map(([m, make]) => [m, make(call)])));
  }
  return api;
}

/** A client for the 100ms REST API, with the method names of @100mslive/server-sdk. */
export class HmsClient {
  #core;

  constructor(options) {
    assertReady();
    this.#core = new HmsCore(options);
    // Every method reaches the wasm object through the field, so a call after free() is a
    // clear error instead of a null pointer in wasm.
    const core = () => this.#core ?? freed();
    const call = (name, args, query, body, callOptions) =>
      this.#core ? this.#core.call(name, args, query, body, callOptions) : Promise.reject(freedError());
    this.auth = Object.freeze({
      getManagementToken: (o) => ({ token: core().managementToken(o) }),
      getAuthToken: (o) => ({ token: mint(core(), o, AUTH_TOKEN_KEYS, "appTokenOf", "appToken") }),
      exchangeRoomCode: (o, callOptions) =>
        call("auth.exchangeRoomCode", [], null, exchangeBody(o), callOptions),
    });
    Object.assign(this, bindApi(HMS_API, call));
  }

  /** Releases the wasm memory now rather than when the garbage collector gets to it. */
  free() {
    this.#core?.free();
    this.#core = undefined;
  }

  toJSON() {
    return { provider: "100ms" };
  }
}

/** The VideoSDK API by namespace; names mirror @videosdk.live/server-sdk. */
const VIDEOSDK_API = {
  rooms: {
    create: body("rooms.create", 0),
    get: path("rooms.get"),
    validate: path("rooms.validate"),
    list: list("rooms.list"),
    deactivate: (call) => (roomId, o) => call("rooms.deactivate", [], null, { roomId }, o),
    /** VideoSDK's SDK calls deactivation `end`. */
    end: (call) => (roomId, o) => call("rooms.deactivate", [], null, { roomId }, o),
  },
  sessions: {
    list: list("sessions.list"),
    get: path("sessions.get"),
    listParticipants: list("sessions.listParticipants", 1),
    listActiveParticipants: list("sessions.listActiveParticipants", 1),
    getParticipant: path("sessions.getParticipant", 2),
    end: body("sessions.end", 0),
    removeParticipant: body("sessions.removeParticipant", 0),
  },
  participants: {
    list: (call) => (roomId, o) => participantsOfLiveSession(call, roomId, o),
    get: (call) => async (roomId, participantId, o) =>
      call("sessions.getParticipant", [(await liveSession(call, roomId, o)).id, participantId], null, null, o),
    remove: (call) => async (roomId, participantId, o) =>
      call("sessions.removeParticipant", [], null, { roomId, participantId, sessionId: (await liveSession(call, roomId, o)).id }, o),
  },
  recordings: {
    start: body("recordings.start", 0),
    stop: (call) => (roomId, o) => call("recordings.stop", [], null, { roomId }, o),
    list: list("recordings.list"),
    get: path("recordings.get"),
    delete: path("recordings.delete"),
  },
  hls: {
    start: body("hls.start", 0),
    stop: (call) => (roomId, id, o) => call("hls.stop", [], null, { roomId, id }, o),
    getActive: path("hls.getActive"),
    list: list("hls.list"),
    get: path("hls.get"),
    delete: path("hls.delete"),
  },
  rtmp: {
    start: body("rtmp.start", 0),
    stop: (call) => (roomId, o) => call("rtmp.stop", [], null, { roomId }, o),
    list: list("rtmp.list"),
    get: path("rtmp.get"),
  },
};

/** The room's session that has not ended, or a `not_found` error. */
async function liveSession(call, roomId, options) {
  for await (const session of paginate(call, "sessions.list", [], { roomId }, options)) {
    if (session === null || typeof session !== "object" || typeof session.id !== "string") {
      throw edgeroomError("invalid_response", "the response is not the documented JSON: a session without an id");
    }
    if (session.status === "ongoing" || (session.status === undefined && !session.end)) return session;
  }
  throw edgeroomError("not_found", `roomId: room ${roomId} has no live session`, "roomId");
}

async function* participantsOfLiveSession(call, roomId, options) {
  const session = await liveSession(call, roomId, options);
  yield* paginate(call, "sessions.listActiveParticipants", [session.id], null, options);
}

/** A client for VideoSDK: tokens, rooms, sessions and media jobs. */
export class VideoSdkClient {
  #core;

  constructor(options) {
    assertReady();
    this.#core = new VideoSdkCore(options);
    const core = () => this.#core ?? freed();
    const call = (name, args, query, body, callOptions) =>
      this.#core ? this.#core.call(name, args, query, body, callOptions) : Promise.reject(freedError());
    this.auth = Object.freeze({
      getToken: (o) => ({ token: mint(core(), o, VIDEOSDK_TOKEN_KEYS, "tokenOf", "token") }),
    });
    Object.assign(this, bindApi(VIDEOSDK_API, call));
  }

  free() {
    this.#core?.free();
    this.#core = undefined;
  }

  toJSON() {
    return { provider: "videosdk" };
  }
}

function freedError() {
  return edgeroomError("not_initialized", "this client was released with free(); create a new one");
}

function freed() {
  throw freedError();
}

function exchangeBody(options) {
  if (options === null || typeof options !== "object") {
    throw edgeroomError("invalid_argument", "options: must be an object with a code", "options");
  }
  let code, userId, rest;
  try {
    ({ code, userId, ...rest } = options);
  } catch {
    throw edgeroomError("invalid_argument", "options: cannot be read (a getter or proxy threw)", "options");
  }
  const unknown = Object.keys(rest);
  if (unknown.length > 0) {
    throw edgeroomError(
      "invalid_argument",
      `${unknown[0]}: is not a known option of exchangeRoomCode (known: code, userId)`,
      unknown[0],
    );
  }
  return { code, user_id: userId };
}

/** Verifies an HS256 token: `{ type?, leewaySeconds? }`. Returns the claims or throws. */
export function verifyToken(token, secret, options) {
  assertReady();
  return wasmVerifyToken(token, secret, options);
}

/** Header and claims of a token, NOT verified: for display only. */
export function decodeToken(token) {
  assertReady();
  return wasmDecodeToken(token);
}

/** Exchanges a room code for an auth token. Needs no secret, so it works in a browser. */
export function exchangeRoomCode(options) {
  assertReady();
  return wasmExchangeRoomCode(options);
}

/** True for errors raised by edgeroom (they all carry a stable `code`). */
export function isEdgeroomError(value) {
  try {
    return value instanceof Error && value.name === "EdgeroomError" && typeof value.code === "string";
  } catch {
    return false; // a proxy whose traps throw is not one of ours
  }
}
