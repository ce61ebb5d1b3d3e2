// Webhook receivers for edge functions. The checks and parsing run in wasm; this file does
// the I/O: reading the request body (raw, size-capped) and, for VideoSDK, verifying the
// RSA-SHA256 signature with WebCrypto, so no RSA code has to ship in the .wasm.

import { HmsWebhookCore, parseVideoSdkWebhook } from "../wasm/edgeroom.js";
import { edgeroomError } from "./errors.js";
import { assertReady } from "./ready.js";

/** How long the public-key fetch may take. */
const KEY_FETCH_TIMEOUT_MS = 10_000;

/** Webhook bodies are small JSON envelopes; anything larger is refused before parsing. */
const MAX_BODY_BYTES = 1024 * 1024;

/** The raw body of a Request as bytes, refusing oversized ones. */
async function rawBody(request) {
  let buffer;
  try {
    if (!request || typeof request.arrayBuffer !== "function") throw new TypeError("not a Request");
    buffer = await request.arrayBuffer();
    if (!(buffer instanceof ArrayBuffer)) throw new TypeError("arrayBuffer() gave no ArrayBuffer");
  } catch (cause) {
    throw edgeroomError("invalid_argument", `request: must be an unread Request (${cause?.message ?? cause})`, "request");
  }
  const bytes = new Uint8Array(buffer);
  if (bytes.byteLength > MAX_BODY_BYTES) {
    throw edgeroomError("invalid_webhook", `webhook: the body is over ${MAX_BODY_BYTES} bytes`);
  }
  return bytes;
}

function decode(bytes) {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw edgeroomError("invalid_webhook", "webhook: the body is not UTF-8");
  }
}

/** `(name) => value | null` over a Headers object or a plain `{ name: value }` object. */
function headerReader(headers) {
  try {
    if (headers && typeof headers.get === "function") {
      return (name) => {
        try {
          const value = headers.get(name);
          return typeof value === "string" ? value : null;
        } catch {
          throw edgeroomError("invalid_argument", "headers: cannot be read (a getter or proxy threw)", "headers");
        }
      };
    }
    if (headers && typeof headers === "object") {
      const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [String(k).toLowerCase(), v]));
      return (name) => (typeof lower[name] === "string" ? lower[name] : null);
    }
  } catch {
    // a getter or proxy threw: fall through to the error below
  }
  throw edgeroomError("invalid_argument", "headers: must be a Headers object or a plain object", "headers");
}

/**
 * 100ms webhooks. 100ms signs nothing: configure secret headers for your webhook endpoint
 * in 100ms (or basic auth) and name them here; they are compared in constant time.
 */
export class HmsWebhookReceiver {
  #core;

  /** @param options { headers?, basicAuth?: { username, password }, maxAgeSeconds?, allowUnauthenticated? } */
  constructor(options) {
    assertReady();
    this.#core = new HmsWebhookCore(options);
  }

  /** Authenticates and parses a webhook Request into its event, or throws. */
  async receive(request) {
    const body = decode(await rawBody(request)); // checks `request` before touching its headers
    return this.verify(request.headers, body);
  }

  /** The same for headers and a raw body you have already read. */
  verify(headers, body) {
    return this.#core.receive(headerReader(headers), body);
  }

  toJSON() {
    return { provider: "100ms", kind: "webhooks" };
  }
}

/**
 * VideoSDK webhooks: the `videosdk-signature` header is a base64 RSA-SHA256 signature over
 * the raw body, checked against VideoSDK's public key — pinned (`publicKey`, PEM) or fetched
 * once from `GET <baseUrl>/v2/public/rsa-public-key` and cached.
 */
export class VideoSdkWebhookReceiver {
  #publicKey;
  #baseUrl;
  #fetch;
  #maxAgeSeconds;
  #timeoutMs;
  #key;

  /** @param options { publicKey?, baseUrl?, fetch?, maxAgeSeconds? } */
  constructor(options = {}) {
    assertReady();
    if (options === null || typeof options !== "object") {
      throw edgeroomError("invalid_argument", "options: must be an object", "options");
    }
    let publicKey, baseUrl, fetchFn, maxAgeSeconds, timeoutMs, rest;
    try {
      ({ publicKey, baseUrl = "https://api.videosdk.live", fetch: fetchFn, maxAgeSeconds, timeoutMs = KEY_FETCH_TIMEOUT_MS, ...rest } =
        options);
    } catch {
      throw edgeroomError("invalid_argument", "options: cannot be read (a getter or proxy threw)", "options");
    }
    const unknown = Object.keys(rest)[0];
    if (unknown !== undefined) {
      throw edgeroomError(
        "invalid_argument",
        `${unknown}: is not a known option of VideoSdkWebhookReceiver (known: publicKey, baseUrl, fetch, maxAgeSeconds, timeoutMs)`,
        unknown,
      );
    }
    if (publicKey !== undefined && (typeof publicKey !== "string" || !publicKey.includes("BEGIN PUBLIC KEY"))) {
      throw edgeroomError("invalid_argument", "publicKey: must be a PEM public key (-----BEGIN PUBLIC KEY-----)", "publicKey");
    }
    if (typeof baseUrl !== "string" || !/^https?:\/\/[^/?#\s]+[^?#\s]*$/.test(baseUrl)) {
      throw edgeroomError("invalid_argument", "baseUrl: must be an absolute http:// or https:// URL", "baseUrl");
    }
    if (!Number.isInteger(timeoutMs) || timeoutMs < 1 || timeoutMs > 600_000) {
      throw edgeroomError("invalid_argument", "timeoutMs: must be an integer from 1 to 600000", "timeoutMs");
    }
    if (fetchFn !== undefined && typeof fetchFn !== "function") {
      throw edgeroomError("invalid_argument", "fetch: must be a function like globalThis.fetch", "fetch");
    }
    // Checked by the wasm parser too; checking here reports a bad option at construction.
    parseVideoSdkWebhook('{"webhookType":"check","data":{}}', maxAgeSeconds);
    this.#publicKey = publicKey;
    this.#baseUrl = String(baseUrl).replace(/\/+$/, "");
    this.#fetch = fetchFn;
    this.#maxAgeSeconds = maxAgeSeconds;
    this.#timeoutMs = timeoutMs;
  }

  /** Verifies and parses a webhook Request into its event, or throws. */
  async receive(request) {
    const body = await rawBody(request); // checks `request` before touching its headers
    return this.verify(request.headers, body);
  }

  /** The same for headers and a raw body (bytes or a string) you have already read. */
  async verify(headers, body) {
    let bytes;
    try {
      bytes = typeof body === "string" ? new TextEncoder().encode(body) : body;
      if (!(bytes instanceof Uint8Array)) throw new TypeError("not bytes");
    } catch {
      throw edgeroomError("invalid_argument", "body: must be a string or a Uint8Array", "body");
    }
    const signature = base64ToBytes(headerReader(headers)("videosdk-signature"));
    const key = await this.#verifyingKey();
    const valid = await crypto.subtle.verify("RSASSA-PKCS1-v1_5", key, signature, bytes);
    if (!valid) {
      throw edgeroomError("webhook_unauthenticated", "webhook: the videosdk-signature does not match the body");
    }
    return parseVideoSdkWebhook(decode(bytes), this.#maxAgeSeconds);
  }

  /** The imported key, fetched and imported once; a failure is not cached. */
  #verifyingKey() {
    this.#key ??= (async () => importPem(this.#publicKey ?? (await this.#fetchPublicKey())))().catch((error) => {
      this.#key = undefined;
      throw error;
    });
    return this.#key;
  }

  async #fetchPublicKey() {
    const url = `${this.#baseUrl}/v2/public/rsa-public-key`;
    let text;
    try {
      // A key server that never answers (or a fetch that ignores its signal) must not wedge
      // the receiver: give up after timeoutMs, and the next verify tries again.
      const signal = AbortSignal.timeout(this.#timeoutMs);
      const aborted = new Promise((_, reject) => signal.addEventListener("abort", () => reject(signal.reason), { once: true }));
      aborted.catch(() => {});
      const response = await Promise.race([(this.#fetch ?? fetch)(url, { headers: { accept: "application/json" }, signal }), aborted]);
      text = await Promise.race([response.text(), aborted]);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
    } catch (cause) {
      throw edgeroomError("network", `GET ${url} failed: ${cause.message}`);
    }
    // The key comes as a JSON object with `publicKey` (possibly under `data`), or as PEM text.
    let pem = text;
    try {
      const json = JSON.parse(text);
      pem = json.publicKey ?? json.data?.publicKey ?? json.key ?? "";
    } catch {
      // not JSON: the PEM itself
    }
    if (typeof pem !== "string" || !pem.includes("BEGIN PUBLIC KEY")) {
      throw edgeroomError("invalid_response", `GET ${url} did not answer a PEM public key`);
    }
    return pem;
  }

  toJSON() {
    return { provider: "videosdk", kind: "webhooks" };
  }
}

function base64ToBytes(text) {
  if (typeof text !== "string" || text === "") {
    throw edgeroomError("webhook_unauthenticated", "webhook: the videosdk-signature header is missing");
  }
  try {
    return Uint8Array.from(atob(text.trim()), (c) => c.charCodeAt(0));
  } catch {
    throw edgeroomError("webhook_unauthenticated", "webhook: the videosdk-signature header is not base64");
  }
}

async function importPem(pem) {
  const base64 = pem.replace(/-----(BEGIN|END) PUBLIC KEY-----/g, "").replace(/\s+/g, "");
  try {
    const der = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    return await crypto.subtle.importKey("spki", der, { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" }, false, ["verify"]);
  } catch {
    throw edgeroomError("invalid_argument", "publicKey: is not an RSA public key in PEM (SPKI) form", "publicKey");
  }
}
