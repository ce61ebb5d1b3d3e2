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
  exchangeRoomCode as wasmExchangeRoomCode,
} from "../wasm/edgeroom.js";
import { assertReady } from "./ready.js";
import { freed, hmsTokenMethods, videoSdkTokenMethods } from "./mint.js";

/** 100ms tokens without a REST client: `new HmsTokens({ accessKey, secret })`. */
export class HmsTokens {
  #core;

  constructor(options) {
    assertReady();
    this.#core = new HmsTokensCore(options);
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
    this.#core = new VideoSdkTokensCore(options);
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
