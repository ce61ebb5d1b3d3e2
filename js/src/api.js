// The public API of edgeroom, over the wasm exports. Each runtime entry (../entries/)
// initialises the module its own way, then re-exports this file.
//
// The wasm objects (HmsCore, VideoSdkCore) hold the secrets; the classes here keep them in
// private fields, so neither JSON.stringify(client) nor a console.log shows anything secret.

import {
  HmsCore,
  VideoSdkCore,
  verifyToken as wasmVerifyToken,
  decodeToken as wasmDecodeToken,
  exchangeRoomCode as wasmExchangeRoomCode,
} from "../wasm/edgeroom.js";
import { edgeroomError } from "./errors.js";

let ready = false;

/** Called by each entry once the wasm module is instantiated. */
export function markReady() {
  ready = true;
}

function assertReady() {
  if (!ready) {
    throw edgeroomError(
      "not_initialized",
      "edgeroom is not initialised yet: await init() from the browser entry before use",
    );
  }
}

/**
 * Follows a list endpoint's cursor lazily: one page is fetched when the previous one has
 * been consumed. Stops on an empty page, a missing cursor, or a cursor that repeats (a
 * misbehaving server must not make an infinite loop).
 */
async function* paginate(call, name, args, filters, options) {
  let query = filters;
  let start;
  for (;;) {
    const page = await call(name, args, query, null, options);
    for (const item of page.items) yield item;
    if (!page.next || page.items.length === 0 || page.next === start) return;
    start = page.next;
    // The first page validated `filters`, so spreading it is safe from here on.
    query = { ...filters, start };
  }
}

/** A client for the 100ms REST API, with the method names of @100mslive/server-sdk. */
export class HmsClient {
  #core;

  constructor(options) {
    assertReady();
    const core = new HmsCore(options);
    this.#core = core;
    const call = (name, args, query, body, callOptions) => core.call(name, args, query, body, callOptions);

    this.auth = Object.freeze({
      getManagementToken: (o) => ({ token: core.managementToken(o) }),
      getAuthToken: (o) => ({ token: core.appToken(o) }),
      exchangeRoomCode: (o, callOptions) =>
        call("auth.exchangeRoomCode", [], null, exchangeBody(o), callOptions),
    });
    this.rooms = Object.freeze({
      create: (params, o) => call("rooms.create", [], null, params, o),
      retrieveById: (roomId, o) => call("rooms.retrieveById", [roomId], null, null, o),
      retrieveByName: (name, o) => call("rooms.retrieveByName", [], { name }, null, o),
      update: (roomId, params, o) => call("rooms.update", [roomId], null, params, o),
      enableOrDisable: (roomId, enabled, o) => call("rooms.enableOrDisable", [roomId], null, { enabled }, o),
      list: (filters, o) => paginate(call, "rooms.list", [], filters, o),
    });
    this.roomCodes = Object.freeze({
      create: (roomId, o) => call("roomCodes.create", [roomId], null, null, o),
      createForRole: (roomId, role, o) => call("roomCodes.createForRole", [roomId, role], null, null, o),
      list: (roomId, filters, o) => paginate(call, "roomCodes.list", [roomId], filters, o),
      enableOrDisable: (code, enabled, o) => call("roomCodes.enableOrDisable", [], null, { code, enabled }, o),
    });
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

/** A client for VideoSDK (tokens now; the REST API arrives with the VideoSDK release). */
export class VideoSdkClient {
  #core;

  constructor(options) {
    assertReady();
    const core = new VideoSdkCore(options);
    this.#core = core;
    this.auth = Object.freeze({
      getToken: (o) => ({ token: core.token(o) }),
    });
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
  const { code, userId, ...rest } = options;
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
  return value instanceof Error && value.name === "EdgeroomError" && typeof value.code === "string";
}
