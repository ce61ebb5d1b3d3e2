// The token API, the same in both entries: `edgeroom/tokens` (its own small .wasm, built
// without the REST calls) exports exactly this file, and the full entry re-exports it from
// api.js, whose clients mint through the same helpers. Both import the wasm exports as
// "../wasm/edgeroom.js"; scripts/bundle-js.mjs points that at the module of each build.
//
// HmsTokens and VideoSdkTokens mint with the credentials only: the methods, options, errors
// and results of `hms.auth` and `vsdk.auth`, without a REST client. The wasm objects hold the
// secrets; the classes keep them in private fields, so neither JSON.stringify nor a
// console.log shows anything secret.

import {
  HmsTokensCore,
  VideoSdkTokensCore,
  verifyToken as wasmVerifyToken,
  decodeToken as wasmDecodeToken,
} from "../wasm/edgeroom.js";
// Only one module of the two has each of the exchange's exports: read off the namespace.
import * as wasm from "../wasm/edgeroom.js";
import { assertReady } from "./ready.js";
import { freed, hmsTokenMethods, optionValues, videoSdkTokenMethods } from "./mint.js";
import { sendOnce } from "./exchange.js";

/** 100ms tokens without a REST client: `new HmsTokens({ accessKey, secret })`. */
export class HmsTokens {
  #core;

  constructor(options) {
    assertReady();
    this.#core = new HmsTokensCore(...optionValues(options, "HmsTokens options", ["accessKey", "secret"]));
    const methods = hmsTokenMethods(() => this.#core ?? freed());
    this.getManagementToken = methods.getManagementToken;
    this.getAuthToken = methods.getAuthToken;
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

/** VideoSDK tokens without a REST client: `new VideoSdkTokens({ apiKey, secret })`. */
export class VideoSdkTokens {
  #core;

  constructor(options) {
    assertReady();
    this.#core = new VideoSdkTokensCore(...optionValues(options, "VideoSdkTokens options", ["apiKey", "secret"]));
    this.getToken = videoSdkTokenMethods(() => this.#core ?? freed()).getToken;
  }

  free() {
    this.#core?.free();
    this.#core = undefined;
  }

  toJSON() {
    return { provider: "videosdk" };
  }
}


/** Verifies an HS256 token: `{ type?, leewaySeconds? }`. Returns the claims or throws. */
export function verifyToken(token, secret, options) {
  assertReady();
  return wasmVerifyToken(token, secret, ...optionValues(options, "verifyToken options", ["type", "leewaySeconds"]));
}

/** Header and claims of a token, NOT verified: for display only. */
export function decodeToken(token) {
  assertReady();
  return wasmDecodeToken(token);
}

/**
 * Exchanges a room code for an auth token. Needs no secret, so it works in a browser. The
 * full module's exchangeRoomCode retries as `hms.auth.exchangeRoomCode` does; the token
 * module has only the request and the reading of the answer, and the one attempt is sent
 * by exchange.js. Bad options reject (never throw) in both.
 */
export function exchangeRoomCode(options) {
  assertReady();
  // EDGEROOM_TOKEN_MODULE: a constant scripts/bundle-js.mjs defines per bundle (true in the
  // token entry's, false in the full entry's), so each keeps only its own module's path.
  return EDGEROOM_TOKEN_MODULE ? exchangeOnce(options) : wasm.exchangeRoomCode(options);
}

/** The options of exchangeRoomCode, in the order exchangeRoomCodeRequest takes them. */
const EXCHANGE_KEYS = ["code", "userId", "authBaseUrl", "fetch", "timeoutMs", "signal"];

function exchangeOnce(options) {
  try {
    const values = optionValues(options, "exchangeRoomCode options", EXCHANGE_KEYS);
    return sendOnce(wasm.exchangeRoomCodeRequest(...values), wasm.exchangeRoomCodeAnswer);
  } catch (error) {
    return Promise.reject(error);
  }
}

/** True for errors raised by edgeroom (they all carry a stable `code`). */
export function isEdgeroomError(value) {
  try {
    return value instanceof Error && value.name === "EdgeroomError" && typeof value.code === "string";
  } catch {
    return false; // a proxy whose traps throw is not one of ours
  }
}
