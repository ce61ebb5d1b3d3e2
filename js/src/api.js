// The public API of edgeroom, over the wasm exports. Each runtime entry (../entries/)
// initialises the module its own way, then re-exports this file.
//
// The wasm objects (HmsCore, VideoSdkCore) hold the secrets; the classes here keep them in
// private fields, so neither JSON.stringify(client) nor a console.log shows anything secret.

import { HmsCore, VideoSdkCore } from "../wasm/edgeroom.js";
import { edgeroomError } from "./errors.js";
import { assertReady } from "./ready.js";
import { HMS_CALLS, VIDEOSDK_CALLS } from "./calls.js";
import { freed, freedError, hmsTokenMethods, optionValues, videoSdkTokenMethods } from "./mint.js";
import { paramsText } from "./params.js";

export { HmsWebhookReceiver, VideoSdkWebhookReceiver } from "./webhooks.js";
// The token API of edgeroom/tokens, the very same functions and classes.
export {
  HmsTokens,
  VideoSdkTokens,
  verifyToken,
  decodeToken,
  exchangeRoomCode,
  isEdgeroomError,
} from "./tokens.js";

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
    const page = await call(name, args, query, options);
    for (const item of page.items) yield item;
    const next = page.next && JSON.stringify(page.next);
    if (!next || page.items.length === 0 || next === previous) return;
    previous = next;
    // The first page validated `filters`, so spreading it is safe from here on.
    query = { ...filters, ...page.next };
  }
}

/**
 * One call through the wasm object `core` (undefined once freed): a promise of its value,
 * rejected with an `EdgeroomError`, at once for bad params.
 */
function sendCall(core, name, args, params, callOptions) {
  if (!core) return Promise.reject(freedError());
  let text;
  try {
    text = paramsText(params);
  } catch (error) {
    return Promise.reject(error);
  }
  return core.call(name, args, text, callOptions);
}

/**
 * Binds every call of a generated table (js/src/calls.js, made from the Rust declarations)
 * to `call(name, args, params, options)`, as frozen namespaces: `rooms.create(params, o)`,
 * `rooms.retrieveById(roomId, o)`, `rooms.enableOrDisable(roomId, enabled, o)`, and for a
 * paged call an async iterable over every item.
 */
function bindApi(table, call) {
  const api = {};
  // Indexed, not destructured, and one closure a method: a client's first construction in a
  // process runs this in V8's interpreter, where each of those cost (~0.13 ms of the 72
  // methods of 100ms, bench/runners/cold-breakdown.mjs).
  for (let i = 0; i < table.length; i++) {
    const spec = table[i];
    const name = spec[0];
    const dot = name.indexOf(".");
    (api[name.slice(0, dot)] ??= {})[name.slice(dot + 1)] = spec[4]
      ? (...a) => paginate(call, name, ...invocation(spec, a))
      : (...a) => call(name, ...invocation(spec, a));
  }
  for (const namespace of Object.keys(api)) Object.freeze(api[namespace]);
  return api;
}

/**
 * The arguments `a` of a generated call (`spec`, a row of js/src/calls.js) as `call` takes
 * them: the path arguments, the params (none, one object, or one per positional field, which
 * become the params object), then the call options.
 */
function invocation([, args, fields, kind], a) {
  const n = args.length;
  if (kind === "none") return [a.slice(0, n), null, a[n]];
  // A `Date` filter (`after: new Date(...)`) needs nothing here: paramsText (params.js)
  // writes it as the ISO 8601 text the filters take.
  if (fields.length === 0) return [a.slice(0, n), a[n], a[n + 1]];
  return [a.slice(0, n), Object.fromEntries(fields.map((field, i) => [field, a[n + i]])), a[n + fields.length]];
}

// The client options, in the order the wasm constructors take them (HmsCore::new,
// VideoSdkCore::new), which check each value.
const TRANSPORT_KEYS = ["fetch", "timeoutMs", "retries", "retryMaxDelayMs", "onRetry"];
const HMS_CLIENT_KEYS = ["accessKey", "secret", "baseUrl", "authBaseUrl", ...TRANSPORT_KEYS];
const VIDEOSDK_CLIENT_KEYS = ["apiKey", "secret", "baseUrl", ...TRANSPORT_KEYS];

/** A client for the 100ms REST API, with the method names of @100mslive/server-sdk. */
export class HmsClient {
  #core;

  constructor(options) {
    assertReady();
    this.#core = new HmsCore(...optionValues(options, "HmsClient options", HMS_CLIENT_KEYS));
    // Every method reaches the wasm object through the field, so a call after free() is a
    // clear error instead of a null pointer in wasm.
    const core = () => this.#core ?? freed();
    const call = (name, args, params, callOptions) => sendCall(this.#core, name, args, params, callOptions);
    const { auth, ...api } = bindApi(HMS_CALLS, call);
    this.auth = Object.freeze({
      ...hmsTokenMethods(core),
      // `{ code, userId }` as the rest of the token options are spelled.
      exchangeRoomCode: (o, callOptions) => auth.exchangeRoomCode(exchangeBody(o), callOptions),
    });
    Object.assign(this, api);
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

/**
 * What the VideoSDK API adds to the generated calls: `rooms.end` (the official SDK's name
 * for deactivation) and `participants.*`, which address the participants of a room's live
 * session by the room, as @videosdk.live/server-sdk does.
 */
function videoSdkExtras(api, call) {
  return {
    rooms: Object.freeze({ ...api.rooms, end: api.rooms.deactivate }),
    participants: Object.freeze({
      list: (roomId, o) => participantsOfLiveSession(call, roomId, o),
      get: async (roomId, participantId, o) =>
        api.sessions.getParticipant((await liveSession(call, roomId, o)).id, participantId, o),
      // By the room alone, as the official SDK sends it: VideoSDK finds the live session.
      remove: (roomId, participantId, o) => api.sessions.removeParticipant({ roomId, participantId }, o),
    }),
  };
}

/**
 * The room's session that has not ended, or a `not_found` error. Asked for as the official
 * SDK asks (`status=ongoing&perPage=1`): one small page, not every past session of the room.
 */
async function liveSession(call, roomId, options) {
  for await (const session of paginate(call, "sessions.list", [], { roomId, status: "ongoing", perPage: 1 }, options)) {
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
    this.#core = new VideoSdkCore(...optionValues(options, "VideoSdkClient options", VIDEOSDK_CLIENT_KEYS));
    const core = () => this.#core ?? freed();
    const call = (name, args, params, callOptions) => sendCall(this.#core, name, args, params, callOptions);
    this.auth = Object.freeze(videoSdkTokenMethods(core));
    const api = bindApi(VIDEOSDK_CALLS, call);
    Object.assign(this, api, videoSdkExtras(api, call));
  }

  free() {
    this.#core?.free();
    this.#core = undefined;
  }

  toJSON() {
    return { provider: "videosdk" };
  }
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
