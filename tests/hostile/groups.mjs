// The groups of the hostile-input test. Each runs in its own worker (its own wasm instance)
// and reports what it tried and every outcome that broke the contract.

import fc from "fast-check";
import { readFileSync } from "node:fs";
import * as E from "edgeroom";
import * as T from "edgeroom/tokens";
import {
  ACCESS_KEY, HOSTILE, MB, SECRET, argArb, arr, c, describe, hostileArb, inj, inject, materialize, nearly, obj, signToken, v,
} from "./values.mjs";

// ----------------------------------------------------------------------------------------
// The contract.

/** The documented codes: every `ErrorCode::as_str` string in src/error.rs, and the JS-only one. */
const DOCUMENTED = (() => {
  const source = readFileSync(new URL("../../src/error.rs", import.meta.url), "utf8");
  const body = source.slice(source.indexOf("fn as_str"), source.indexOf("fn for_status"));
  const codes = [...body.matchAll(/=>\s*"([a-z_]+)"/g)].map((m) => m[1]);
  if (codes.length < 10) throw new Error("could not read the error codes from src/error.rs");
  return new Set([...codes, "not_initialized"]);
})();

const HOOK_SECRET = "s3cret-hook-value";
const CALL_TIMEOUT_MS = 1500;

// ----------------------------------------------------------------------------------------
// No network: globalThis.fetch and every `fetch` option are recorders with canned answers.

let globalFetchCalls = 0;
globalThis.fetch = async (url, init) => {
  globalFetchCalls++;
  return recordingFetch(url, init);
};

/** What the 200 answers look like: enough members to satisfy most endpoints' replies. */
const UNIVERSAL = JSON.stringify({
  id: "id-1", code: "code-1", key: "key-1", roomId: "room-1", token: "token-1", url: "https://x.test/a",
  peers: { p1: { id: "p1" } },
  data: [{ id: "sess-1", status: "ongoing", roomId: "room-1", code: "c", name: "n" }],
  pageInfo: { currentPage: 1, lastPage: 1 },
  last: null, events: [], next: null, publicKey: null,
});
let canned = UNIVERSAL;
let requests = [];
async function recordingFetch(url, init) {
  requests.push({ url, init });
  return new Response(canned, { status: 200, headers: { "content-type": "application/json" } });
}

// ----------------------------------------------------------------------------------------
// Outcomes.

class Ledger {
  constructor() {
    this.runs = 0;
    this.calls = 0;
    this.unexpected = 0;
    this.findings = new Map();
  }
  /** One breach; breaches with the same category and message are counted together. */
  record(entry, category, message, argsSpec, detail) {
    this.unexpected++;
    const normalized = String(message).replace(/\d+/g, "N").replace(/"[^"]*"/g, '""').replace(/\(keys of it: .*\)/, "").slice(0, 160);
    const key = `${category}|${normalized}`;
    let found = this.findings.get(key);
    if (!found) {
      found = {
        category, message: String(message).slice(0, 240), count: 0, entries: new Set(), entry,
        example: argsSpec ? argsSpec.map((s) => describe(s)).join(", ").slice(0, 600) : "",
        detail,
      };
      this.findings.set(key, found);
    }
    found.count++;
    found.entries.add(entry.replace(/ \(after .*\)$/, ""));
  }
  report() {
    return [...this.findings.values()]
      .sort((a, b) => b.count - a.count)
      .map(({ entries, ...f }) => ({ ...f, entries: [...entries].slice(0, 12).join(", ") + (entries.size > 12 ? `, … (${entries.size})` : "") }));
  }
}

/** Why an error breaks the contract, or null if it is a documented EdgeroomError. */
function badError(error) {
  if (error instanceof WebAssembly.RuntimeError) return "wasm trap";
  if (error?.name === "Hang") return "no answer (hang)";
  if (error !== null && typeof error === "object" && error[HOSTILE]) return "the caller's own exception passed through unwrapped";
  if (!(error instanceof Error)) return `threw a non-Error (${typeof error})`;
  if (error.name !== "EdgeroomError") return `${error.constructor?.name ?? "Error"} from the glue`;
  if (!DOCUMENTED.has(error.code)) return `undocumented code ${JSON.stringify(error.code)}`;
  if (typeof error.message !== "string" || error.message.length === 0) return "EdgeroomError without a message";
  if (leaksSecret(error)) return "the secret appears in the error";
  return null;
}
function leaksSecret(error) {
  try {
    return [error.message, error.stack, JSON.stringify(error.body ?? null)].some((s) => String(s).includes(SECRET));
  } catch {
    return false;
  }
}
function message(error) {
  try {
    return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  } catch {
    return "<unprintable>";
  }
}

/**
 * What results must look like: no `undefined` where JSON was answered, and no object whose
 * prototype is anything but Object.prototype / Array.prototype (a `"__proto__"` key in the
 * data must stay data, not become the prototype of what the caller receives).
 */
function badResult(value) {
  const seen = new Set();
  const stack = [[value, "result"]];
  let nodes = 0;
  while (stack.length && nodes++ < 20_000) {
    const [node, path] = stack.pop();
    if (node === null || typeof node !== "object" || seen.has(node)) continue;
    seen.add(node);
    const proto = Object.getPrototypeOf(node);
    if (proto !== Object.prototype && proto !== Array.prototype) {
      return `${path} has a foreign prototype (keys of it: ${Object.keys(proto ?? {}).join(",")})`;
    }
    for (const [k, child] of Object.entries(node)) stack.push([child, `${path}.${k}`]);
  }
  return null;
}

/** Runs one call; returns { ok, value, error } and records contract breaches. */
async function attempt(ledger, entry, argsSpec, fn, { expect, shape = true, sent = () => requests.length } = {}) {
  ledger.calls++;
  const sentBefore = sent();
  const recordedBefore = requests.length;
  let outcome;
  try {
    let value = fn();
    if (value && typeof value.then === "function") value = await withTimeout(value);
    else if (value && typeof value[Symbol.asyncIterator] === "function") value = await withTimeout(take(value, 4));
    outcome = { ok: true, value };
  } catch (error) {
    outcome = { ok: false, error };
  }
  if (outcome.ok) {
    const problem = (expect && expect(outcome.value)) || (shape ? badResult(outcome.value) : null);
    if (problem) ledger.record(entry, "bad result", problem, argsSpec);
  } else {
    const why = badError(outcome.error);
    if (why) {
      ledger.record(entry, why, message(outcome.error), argsSpec, outcome.error?.stack?.split("\n").slice(1, 3).join(" | ").trim());
    } else if (outcome.error.code === "invalid_argument" && sent() > sentBefore && !entry.includes("participants.")) {
      ledger.record(entry, "invalid_argument after a request was sent", outcome.error.message, argsSpec);
    }
  }
  for (const request of requests.slice(recordedBefore)) {
    const problem = badRequest(request);
    if (problem) ledger.record(entry, "malformed outgoing request", problem, argsSpec);
  }
  return outcome;
}

async function take(iterator, n) {
  const out = [];
  for await (const item of iterator) {
    out.push(item);
    if (out.length >= n) break;
  }
  return out;
}

function withTimeout(promise) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error(`no answer within ${CALL_TIMEOUT_MS} ms`), { name: "Hang" })), CALL_TIMEOUT_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** The request a call sent: a printable http(s) URL, a known method, JSON body and headers. */
function badRequest({ url, init }) {
  if (typeof url !== "string" || !/^https?:\/\/[\x21-\x7e]+$/.test(url)) return `url ${JSON.stringify(url)}`;
  if (url.includes("#")) return `fragment in ${url}`;
  if (!["GET", "POST", "DELETE"].includes(init?.method ?? "GET")) return `method ${init?.method}`;
  for (const [name, value] of Object.entries(init.headers ?? {})) {
    if (typeof value !== "string" || /[\r\n\0]/.test(value)) return `header ${name}`;
  }
  if (init.body !== undefined) {
    if (typeof init.body !== "string") return `body of type ${typeof init.body}`;
    try {
      JSON.parse(init.body);
    } catch {
      return `body is not JSON: ${init.body.slice(0, 80)}`;
    }
  }
  return null;
}

// ----------------------------------------------------------------------------------------
// Health: the module still mints and verifies, and no prototype gained a key.

const PROTOTYPES = { Object: Object.prototype, Array: Array.prototype, Function: Function.prototype, String: String.prototype, Promise: Promise.prototype, Error: Error.prototype };
const prototypeKeys = Object.fromEntries(Object.entries(PROTOTYPES).map(([n, p]) => [n, Reflect.ownKeys(p).map(String).sort().join()]));
function pollution() {
  const found = [];
  for (const [name, proto] of Object.entries(PROTOTYPES)) {
    if (Reflect.ownKeys(proto).map(String).sort().join() !== prototypeKeys[name]) found.push(`${name}.prototype`);
  }
  if (({}).polluted !== undefined || ({}).admin !== undefined) found.push("Object.prototype (inherited value)");
  return found;
}

const sanityHms = new E.HmsClient({ accessKey: ACCESS_KEY, secret: SECRET, fetch: recordingFetch });
function healthy(full) {
  const token = sanityHms.auth.getAuthToken({ roomId: "room-1", role: "host" }).token;
  const claims = E.verifyToken(token, SECRET, { type: "app" });
  if (claims.room_id !== "room-1" || claims.role !== "host") throw new Error("minted token has the wrong claims");
  if (full) {
    const hms = new E.HmsClient({ accessKey: ACCESS_KEY, secret: SECRET, fetch: recordingFetch });
    E.verifyToken(hms.auth.getManagementToken({ forceNew: true }).token, SECRET, { type: "management" });
    hms.free();
    const vsdk = new E.VideoSdkClient({ apiKey: ACCESS_KEY, secret: SECRET, fetch: recordingFetch });
    E.verifyToken(vsdk.auth.getToken({ permissions: ["allow_join"], roomId: "room-1" }).token, SECRET);
    vsdk.free();
  }
}

// ----------------------------------------------------------------------------------------
// Shared argument pools.

const TOKENS = ["tokenApp", "tokenManagement", "tokenExpired", "tokenNoExp", "tokenFutureNbf", "tokenNbfAtChronoMin", "tokenNbfFloat",
  "tokenBigClaimExact", "tokenProtoClaim", "tokenAlgNone", "tokenHs512", "tokenWrongSecret", "tokenGarbage", "tokenFourParts", "tokenHugeClaims"].map(c);
const HMS_OPTIONS = [["accessKey", c("accessKey")], ["secret", c("secret")], ["fetch", inj("fetch")], ["retries", v(0)], ["timeoutMs", v(2000)],
  ["baseUrl", v("https://api.test/v2")], ["authBaseUrl", v("https://auth.test/v2")], ["retryMaxDelayMs", v(0)], ["onRetry", c("arrow")]];
const VSDK_OPTIONS = [["apiKey", c("accessKey")], ["secret", c("secret")], ["fetch", inj("fetch")], ["retries", v(0)], ["timeoutMs", v(2000)],
  ["baseUrl", v("https://vsdk.test")], ["retryMaxDelayMs", v(0)], ["onRetry", c("arrow")]];
const CALL_OPTIONS = [["timeoutMs", v(1000)], ["signal", c("liveSignal")]];
const PARAMS = [["name", v("room-1")], ["description", v("d")], ["enabled", v(true)], ["limit", v(10)], ["region", v("eu")], ["roomId", v("room-1")],
  ["role", v("host")], ["permissions", arr([v("allow_join")])], ["validForSeconds", v(600)], ["size", v(10)]];
const methodArg = fc.oneof(
  { arbitrary: fc.constantFrom(c("roomId"), c("roleName"), c("roomCode"), v("id-2"), c("undefined"), v(true)), weight: 5 },
  { arbitrary: nearly(CALL_OPTIONS), weight: 2 },
  { arbitrary: nearly(PARAMS), weight: 2 },
  { arbitrary: hostileArb, weight: 4 },
);
const methodArgs = fc.array(methodArg, { maxLength: 5 });

/** Every namespace method of a client, as "namespace.method". */
function methodsOf(client) {
  const out = [];
  for (const [ns, methods] of Object.entries(client)) {
    if (methods && typeof methods === "object") {
      for (const [m, f] of Object.entries(methods)) if (typeof f === "function") out.push(`${ns}.${m}`);
    }
  }
  return out.sort();
}
function invoke(client, name, args) {
  const [ns, m] = name.split(".");
  return client[ns][m](...args);
}

// ----------------------------------------------------------------------------------------
// Webhook material: an RSA key for VideoSDK signatures, and event bodies.

const FRESH = new Date(Date.now()).toISOString();
const HMS_EVENTS = {
  valid: JSON.stringify({ version: "2.0", id: "e1", app_id: "a", account_id: "c", timestamp: FRESH, type: "peer.join.success", data: { room_id: "r" } }),
  bigint: `{"version":"2.0","id":"e1","timestamp":"${FRESH}","type":"t","data":{"n":9007199254740993}}`,
  proto: `{"id":"e1","timestamp":"${FRESH}","type":"t","data":{"__proto__":{"polluted":"yes"}}}`,
  stale: JSON.stringify({ id: "e1", timestamp: "2001-01-01T00:00:00Z", type: "t", data: {} }),
  badTimestamp: JSON.stringify({ id: "e1", timestamp: "2024-99-99T99:99:99+99:99", type: "t", data: {} }),
  deepJson: `{"id":"e","timestamp":"${FRESH}","type":"t","data":${"[".repeat(5000)}${"]".repeat(5000)}}`,
  huge: JSON.stringify({ id: "e1", timestamp: FRESH, type: "t", data: { pad: "x".repeat(MB - 200) } }),
  notJson: "<xml/>",
};
const VSDK_EVENTS = {
  valid: JSON.stringify({ webhookType: "participant-joined", data: { meetingId: "m", sessionId: "s", start: FRESH } }),
  bigint: `{"webhookType":"x","data":{"meetingId":"m","n":-9007199254740993}}`,
  proto: `{"webhookType":"x","data":{"__proto__":{"polluted":"yes"}}}`,
  stale: JSON.stringify({ webhookType: "session-ended", data: { start: "2001-01-01T00:00:00Z", end: "2001-01-01T01:00:00Z" } }),
  notJson: "not json",
};
async function webhookMaterial() {
  const keys = await crypto.subtle.generateKey(
    { name: "RSASSA-PKCS1-v1_5", modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: "SHA-256" }, true, ["sign", "verify"]);
  const spki = Buffer.from(await crypto.subtle.exportKey("spki", keys.publicKey)).toString("base64");
  const pem = `-----BEGIN PUBLIC KEY-----\n${spki.match(/.{1,64}/g).join("\n")}\n-----END PUBLIC KEY-----\n`;
  inject("pem", pem);
  for (const [name, text] of Object.entries(VSDK_EVENTS)) {
    const signature = await crypto.subtle.sign("RSASSA-PKCS1-v1_5", keys.privateKey, new TextEncoder().encode(text));
    inject(`vsdkBody:${name}`, text);
    inject(`vsdkBytes:${name}`, new TextEncoder().encode(text));
    inject(`vsdkSig:${name}`, Buffer.from(signature).toString("base64"));
  }
  for (const [name, text] of Object.entries(HMS_EVENTS)) inject(`hmsBody:${name}`, text);
  return pem;
}

// ----------------------------------------------------------------------------------------
// The groups. Each returns an arbitrary of inputs and a runner for one input.

const GROUPS = {
  "free functions": () => {
    const verifyOptions = argArb([c("undefined"), obj([["type", v("app")]]), obj([["leewaySeconds", v(300)]])], [["leewaySeconds", v(10)], ["type", v("app")]]);
    const entries = {
      verifyToken: fc.tuple(argArb(TOKENS), argArb([c("secret")]), verifyOptions),
      decodeToken: fc.tuple(argArb(TOKENS)),
      exchangeRoomCode: fc.tuple(argArb([obj([["code", c("roomCode")], ["fetch", inj("fetch")]])],
        [["code", c("roomCode")], ["fetch", inj("fetch")], ["userId", v("u-1")], ["timeoutMs", v(1000)], ["authBaseUrl", v("https://auth.test/v2")], ["signal", c("liveSignal")]])),
      isEdgeroomError: fc.tuple(hostileArb),
      init: fc.tuple(hostileArb),
    };
    const expectations = {
      verifyToken: (r) => (r && typeof r === "object" && "exp" in r ? null : `resolved to ${typeof r}: claims missing`),
      decodeToken: (r) => (r && r.header && typeof r.claims === "object" && r.claims !== null ? null : `claims are ${typeof r?.claims}`),
      exchangeRoomCode: (r) => (r && typeof r === "object" ? null : `resolved to ${typeof r}`),
      isEdgeroomError: (r) => (typeof r === "boolean" ? null : `returned ${typeof r}`),
    };
    return {
      arbitrary: fc.oneof(...Object.entries(entries).map(([name, args]) => args.map((a) => ({ name, args: [...a] })))),
      run: async (ledger, { name, args }) => {
        const values = args.map(materialize);
        await attempt(ledger, name, args, () => E[name](...values), { expect: expectations[name] });
      },
    };
  },

  // edgeroom/tokens over its own module: the token options read in JavaScript and passed one
  // by one (js/src/mint.js), and its exchangeRoomCode sent once from JavaScript
  // (js/src/exchange.js) around the two synchronous halves in wasm.
  "token entry": () => {
    const verifyOptions = argArb([c("undefined"), obj([["type", v("app")]]), obj([["leewaySeconds", v(300)]])], [["leewaySeconds", v(10)], ["type", v("app")]]);
    const credentials = (key) => argArb([obj([[key, v(ACCESS_KEY)], ["secret", c("secret")]])], [[key, v(ACCESS_KEY)], ["secret", c("secret")]]);
    const authOptions = argArb([obj([["roomId", v("room-1")], ["role", v("host")]])],
      [["roomId", v("room-1")], ["role", v("host")], ["userId", v("u-1")], ["validForSeconds", v(600)], ["issuedAt", v(1_800_000_000)], ["notValidBefore", v(1_800_000_000)]]);
    const managementOptions = argArb([c("undefined"), obj([["forceNew", v(true)]])], [["validForSeconds", v(600)], ["forceNew", v(true)]]);
    const vsdkOptions = argArb([obj([["permissions", arr([v("allow_join")])]])],
      [["permissions", arr([v("allow_join")])], ["roomId", v("room-1")], ["participantId", v("p-1")], ["roles", arr([v("rtc")])], ["validForSeconds", v(600)]]);
    const entries = {
      verifyToken: fc.tuple(argArb(TOKENS), argArb([c("secret")]), verifyOptions),
      decodeToken: fc.tuple(argArb(TOKENS)),
      exchangeRoomCode: fc.tuple(argArb([obj([["code", c("roomCode")], ["fetch", inj("fetch")]])],
        [["code", c("roomCode")], ["fetch", inj("fetch")], ["userId", v("u-1")], ["timeoutMs", v(1000)], ["authBaseUrl", v("https://auth.test/v2")], ["signal", c("liveSignal")]])),
      "HmsTokens#getAuthToken": fc.tuple(credentials("accessKey"), authOptions),
      "HmsTokens#getManagementToken": fc.tuple(credentials("accessKey"), managementOptions),
      "VideoSdkTokens#getToken": fc.tuple(credentials("apiKey"), vsdkOptions),
    };
    const expectations = {
      verifyToken: (r) => (r && typeof r === "object" && "exp" in r ? null : `resolved to ${typeof r}: claims missing`),
      decodeToken: (r) => (r && r.header && typeof r.claims === "object" && r.claims !== null ? null : `claims are ${typeof r?.claims}`),
      exchangeRoomCode: (r) => (r && typeof r === "object" && typeof r.token === "string" ? null : `resolved to ${typeof r}`),
    };
    const minted = (r) => (r && typeof r.token === "string" && r.token.split(".").length === 3 ? null : "no token");
    return {
      arbitrary: fc.oneof(...Object.entries(entries).map(([name, args]) => args.map((a) => ({ name, args: [...a] })))),
      run: async (ledger, { name, args }) => {
        const values = args.map(materialize);
        if (!name.includes("#")) {
          await attempt(ledger, `tokens.${name}`, args, () => T[name](...values), { expect: expectations[name] });
        } else {
          const [cls, method] = name.split("#");
          const made = await attempt(ledger, `new tokens.${cls}`, args.slice(0, 1), () => new T[cls](values[0]), { shape: false });
          if (made.ok) {
            await attempt(ledger, `tokens.${name}`, args, () => made.value[method](values[1]), { expect: minted });
            await attempt(ledger, `tokens.${cls}#free`, args, () => made.value.free());
          }
        }
        // The token module still mints and verifies after each input.
        const token = new T.HmsTokens({ accessKey: ACCESS_KEY, secret: SECRET }).getAuthToken({ roomId: "room-1", role: "host" }).token;
        if (T.verifyToken(token, SECRET, { type: "app" }).room_id !== "room-1") ledger.record(`tokens.${name}`, "the token module stopped minting", "", args);
      },
    };
  },

  constructors: () => {
    const entries = {
      HmsClient: argArb([obj(HMS_OPTIONS.slice(0, 3))], HMS_OPTIONS),
      VideoSdkClient: argArb([obj(VSDK_OPTIONS.slice(0, 3))], VSDK_OPTIONS),
      HmsWebhookReceiver: argArb([obj([["headers", obj([["x-hook-secret", v(HOOK_SECRET)]])]])],
        [["headers", obj([["x-hook-secret", v(HOOK_SECRET)]])], ["maxAgeSeconds", v(300)], ["basicAuth", obj([["username", v("u")], ["password", v("p")]])], ["allowUnauthenticated", v(false)]]),
      VideoSdkWebhookReceiver: argArb([c("undefined"), obj([["publicKey", inj("pem")]])],
        [["publicKey", inj("pem")], ["fetch", inj("fetch")], ["maxAgeSeconds", v(300)], ["baseUrl", v("https://vsdk.test")]]),
    };
    return {
      arbitrary: fc.oneof(...Object.entries(entries).map(([name, arg]) => arg.map((a) => ({ name, args: [a] })))),
      run: async (ledger, { name, args }) => {
        const options = materialize(args[0]);
        const outcome = await attempt(ledger, `new ${name}`, args, () => new E[name](options), { shape: false });
        if (!outcome.ok) return;
        const instance = outcome.value;
        const json = JSON.stringify(instance);
        if (json.includes(SECRET) || String(instance).includes(SECRET)) ledger.record(`new ${name}`, "the secret is visible on the instance", json, args);
        if (name === "HmsClient") {
          await attempt(ledger, "HmsClient#auth.getManagementToken", args, () => instance.auth.getManagementToken());
          await attempt(ledger, "HmsClient#rooms.retrieveById", args, () => instance.rooms.retrieveById("room-1"));
        } else if (name === "VideoSdkClient") {
          await attempt(ledger, "VideoSdkClient#auth.getToken", args, () => instance.auth.getToken({ permissions: ["allow_join"] }));
          await attempt(ledger, "VideoSdkClient#rooms.get", args, () => instance.rooms.get("room-1"));
        } else if (name === "HmsWebhookReceiver") {
          await attempt(ledger, "HmsWebhookReceiver#verify", args, () => instance.verify({ "x-hook-secret": HOOK_SECRET }, HMS_EVENTS.valid));
        } else {
          await attempt(ledger, "VideoSdkWebhookReceiver#verify", args, () => instance.verify({ "videosdk-signature": materialize(inj("vsdkSig:valid")) }, VSDK_EVENTS.valid));
        }
        if (typeof instance.free === "function") {
          await attempt(ledger, `${name}#free`, args, () => instance.free());
        }
      },
    };
  },

  "100ms client methods": () => clientGroup("HmsClient", () => new E.HmsClient({ accessKey: ACCESS_KEY, secret: SECRET, fetch: recordingFetch, retries: 0, timeoutMs: 2000 })),
  "VideoSDK client methods": () => clientGroup("VideoSdkClient", () => new E.VideoSdkClient({ apiKey: ACCESS_KEY, secret: SECRET, fetch: recordingFetch, retries: 0, timeoutMs: 2000 })),

  "webhook receivers": () => {
    const hmsHeaders = argArb([obj([["x-hook-secret", v(HOOK_SECRET)]]), obj([["X-Hook-Secret", v(HOOK_SECRET)]]), c("headersObject")], [["x-hook-secret", v(HOOK_SECRET)]]);
    const hmsBody = argArb(Object.keys(HMS_EVENTS).map((n) => inj(`hmsBody:${n}`)));
    const vsdk = fc.record({
      body: fc.constantFrom(...Object.keys(VSDK_EVENTS)),
      as: fc.constantFrom("string", "bytes", "hostile"),
      signature: fc.constantFrom("match", "match", "other", "missing", "garbage"),
      hostileBody: hostileArb,
      extraHeaders: fc.array(fc.tuple(fc.constantFrom("videosdk-signature", "content-type", "__proto__"), hostileArb), { maxLength: 1 }),
    }).map(({ body, as, signature, hostileBody, extraHeaders }) => {
      const sig = { match: inj(`vsdkSig:${body}`), other: inj("vsdkSig:valid"), missing: null, garbage: v("!!not base64!!") }[signature];
      const headers = obj([...(sig ? [["videosdk-signature", sig]] : []), ...extraHeaders]);
      const bodySpec = as === "string" ? inj(`vsdkBody:${body}`) : as === "bytes" ? inj(`vsdkBytes:${body}`) : hostileBody;
      return [headers, bodySpec];
    });
    const maxAge = fc.constantFrom(undefined, 60, 86_400);
    const requestArb = (headersArb, bodyArb) =>
      fc.oneof(
        { arbitrary: fc.tuple(headersArb, bodyArb).map(([h, b]) => ({ k: "request", headers: h, body: b })), weight: 3 },
        { arbitrary: hostileArb, weight: 1 },
      );
    return {
      arbitrary: fc.oneof(
        fc.record({ method: fc.constant("HmsWebhookReceiver#verify"), args: fc.tuple(hmsHeaders, hmsBody), maxAge }),
        fc.record({ method: fc.constant("HmsWebhookReceiver#receive"), args: fc.tuple(requestArb(hmsHeaders, hmsBody)), maxAge }),
        fc.record({ method: fc.constant("VideoSdkWebhookReceiver#verify"), args: vsdk, maxAge }),
        fc.record({ method: fc.constant("VideoSdkWebhookReceiver#receive"), args: vsdk.map(([h, b]) => [{ k: "request", headers: h, body: b }]), maxAge }),
      ),
      run: async (ledger, { method, args, maxAge }) => {
        const receiver = method.startsWith("Hms")
          ? new E.HmsWebhookReceiver({ headers: { "x-hook-secret": HOOK_SECRET }, maxAgeSeconds: maxAge })
          : new E.VideoSdkWebhookReceiver({ publicKey: materialize(inj("pem")), maxAgeSeconds: maxAge });
        const values = args.map((spec) => (spec.k === "request" ? toRequest(spec) : materialize(spec)));
        const call = method.endsWith("#verify") ? () => receiver.verify(...values) : () => receiver.receive(...values);
        await attempt(ledger, method, args, call, {
          expect: (event) => (event && typeof event === "object" ? null : `resolved to ${typeof event}: the event is missing`),
        });
      },
    };
  },

  "hostile server": () => serverGroup(),

  "crafted cases": () => craftedGroup(),

  "client lifecycle": () => {
    const op = fc.oneof(
      { arbitrary: fc.constant({ op: "free" }), weight: 1 },
      { arbitrary: fc.constant({ op: "toJSON" }), weight: 1 },
      { arbitrary: fc.constant({ op: "token" }), weight: 2 },
      { arbitrary: fc.constant({ op: "call" }), weight: 3 },
      { arbitrary: fc.constant({ op: "list" }), weight: 1 },
    );
    return {
      arbitrary: fc.record({ provider: fc.constantFrom("HmsClient", "VideoSdkClient"), ops: fc.array(op, { minLength: 1, maxLength: 6 }) }),
      run: async (ledger, { provider, ops }) => {
        const client = provider === "HmsClient"
          ? new E.HmsClient({ accessKey: ACCESS_KEY, secret: SECRET, fetch: recordingFetch, retries: 0 })
          : new E.VideoSdkClient({ apiKey: ACCESS_KEY, secret: SECRET, fetch: recordingFetch, retries: 0 });
        const sequence = ops.map((o) => o.op).join(" → ");
        const spec = [v(sequence)];
        let freed = false;
        for (const { op } of ops) {
          const entry = `${provider} ${freed ? "after free()" : ""} #${op}`.replace(/\s+/g, " ");
          if (op === "free") {
            await attempt(ledger, `${provider}#free`, spec, () => client.free());
            freed = true;
          } else if (op === "toJSON") {
            await attempt(ledger, entry, spec, () => JSON.stringify(client));
          } else if (op === "token") {
            await attempt(ledger, entry, spec, () =>
              provider === "HmsClient" ? client.auth.getAuthToken({ roomId: "room-1", role: "host" }) : client.auth.getToken({ permissions: ["allow_join"] }));
          } else if (op === "call") {
            await attempt(ledger, entry, spec, () => (provider === "HmsClient" ? client.rooms.retrieveById("room-1") : client.rooms.get("room-1")));
          } else {
            await attempt(ledger, entry, spec, () => client.rooms.list());
          }
        }
      },
    };
  },
};

/**
 * Hand-picked inputs, each aimed at one weakness, so every run checks them whatever the
 * seed. The last one repeats a breach a few thousand times to see whether the module
 * survives it (each exception that unwinds through wasm leaks its shadow stack).
 */
function craftedGroup() {
  const hms = (fetch = recordingFetch) => new E.HmsClient({ accessKey: ACCESS_KEY, secret: SECRET, fetch, retries: 0, timeoutMs: 500 });
  const vsdk = (fetch = recordingFetch) => new E.VideoSdkClient({ apiKey: ACCESS_KEY, secret: SECRET, fetch, retries: 0, timeoutMs: 500 });
  const answer = (body, status = 200) => async (url, init) => {
    requests.push({ url, init });
    return new Response(body, { status, headers: { "content-type": "application/json" } });
  };
  const vsdkPage = (items, page = 1, last = 1) => `{"pageInfo":{"currentPage":${page},"lastPage":${last}},"data":[${items}]}`;
  const cases = [
    ["verifyToken", [c("tokenNbfAtChronoMin"), c("secret"), obj([["leewaySeconds", v(1)]])]],
    ["verifyToken", [c("tokenBigClaimExact"), c("secret")]],
    ["verifyToken", [c("tokenProtoClaim"), c("secret")]],
    ["verifyToken", [c("tokenApp"), c("secret"), c("revokedObject")]],
    ["decodeToken", [c("tokenBigClaimExact")]],
    ["decodeToken", [c("tokenProtoClaim")]],
    ["exchangeRoomCode", [obj([["code", c("roomCode")], ["fetch", inj("fetch")], ["signal", c("fakeSignal")]])]],
    ["isEdgeroomError", [c("proxyAllThrow")]],
    ["isEdgeroomError", [c("revokedObject")]],
    ["HmsClient#rooms.create", [obj([["name", v("room-1")], ["description", c("dateToIsoNumber")]])]],
    ["HmsClient#rooms.create", [obj([["name", v("room-1")], ["description", c("dateGetTimeThrows")]])]],
    ["HmsClient#rooms.create", [obj([["name", v("room-1")], ["description", c("fakeDate")]])]],
    ["HmsClient#rooms.create", [obj([["name", v("room-1")], ["description", c("arrayIndexGetterThrows")]])]],
    ["HmsClient#rooms.create", [obj([["name", v("room-1")], ["description", c("proxyArrayGetThrows")]])]],
    ["HmsClient#rooms.create", [c("revokedObject")]],
    ["HmsClient#rooms.list", [], answer('{"data":[{"id":"r","n":9007199254740993}],"last":null}')],
    ["HmsClient#rooms.retrieveById", [c("roomId")], answer('{"id":"r","n":9007199254740993}')],
    ["HmsClient#rooms.retrieveById", [c("roomId")], answer('{"id":"r","__proto__":{"polluted":"yes"}}')],
    ["VideoSdkClient#rooms.list", [], answer(vsdkPage('{"roomId":"a"}', 1_000_000, 1_000_001))],
    ["VideoSdkClient#participants.list", [c("roomId")], answer(vsdkPage("null"))],
    ["VideoSdkClient#participants.get", [c("roomId"), v("p-1")], answer(vsdkPage("null"))],
    ["HmsWebhookReceiver#receive", [c("null")]],
    ["HmsWebhookReceiver#verify", [obj([["x-hook-secret", v(HOOK_SECRET)]]), inj("hmsBody:bigint")]],
    ["HmsWebhookReceiver#verify", [obj([["x-hook-secret", v(HOOK_SECRET)]]), inj("hmsBody:proto")]],
    ["VideoSdkWebhookReceiver#receive", [c("null")]],
    ["VideoSdkWebhookReceiver (key fetch hangs)#verify", [obj([["videosdk-signature", inj("vsdkSig:valid")]]), inj("vsdkBody:valid")]],
    ["new VideoSdkWebhookReceiver", [obj([["baseUrl", v("not a url")]])]],
  ];
  return {
    arbitrary: fc.constant(null),
    runs: cases.length + 1,
    run: async (ledger) => {
      ledger.caseIndex = (ledger.caseIndex ?? 0) + 1;
      const index = ledger.caseIndex - 1;
      if (index === cases.length) return unwindUntilBroken(ledger);
      const [entry, args, fetch] = cases[index];
      const values = args.map(materialize);
      if (entry.startsWith("HmsClient#") || entry.startsWith("VideoSdkClient#")) {
        const client = entry.startsWith("Hms") ? hms(fetch) : vsdk(fetch);
        await attempt(ledger, entry, args, () => invoke(client, entry.split("#")[1], values), {
          expect: (value) => (value === undefined ? "resolved to undefined" : null),
        });
        await attempt(ledger, `${entry.split("#")[0]}#free`, args, () => client.free());
      } else if (entry.startsWith("HmsWebhookReceiver#")) {
        const receiver = new E.HmsWebhookReceiver({ headers: { "x-hook-secret": HOOK_SECRET } });
        await attempt(ledger, entry, args, () => receiver[entry.split("#")[1]](...values), {
          expect: (value) => (value && typeof value === "object" ? null : `resolved to ${typeof value}: the event is missing`),
        });
      } else if (entry.startsWith("VideoSdkWebhookReceiver")) {
        const hang = entry.includes("hangs");
        const receiver = new E.VideoSdkWebhookReceiver(hang ? { fetch: () => new Promise(() => {}), timeoutMs: 300 } : { publicKey: materialize(inj("pem")) });
        await attempt(ledger, entry, args, () => receiver[entry.split("#")[1]](...values));
      } else if (entry.startsWith("new ")) {
        const name = entry.slice(4);
        await attempt(ledger, entry, args, () => {
          const instance = new E[name](...values);
          return instance.verify({ "videosdk-signature": "AAAA" }, "{}");
        });
      } else {
        await attempt(ledger, entry, args, () => E[entry](...values), {
          expect: entry === "isEdgeroomError" ? (r) => (typeof r === "boolean" ? null : `returned ${typeof r}`) : (r) => (r === undefined ? "returned undefined" : null),
        });
      }
    },
  };
}

/** Repeats a glue exception (a call on a freed client) until the module breaks, at most 20000 times. */
async function unwindUntilBroken(ledger) {
  const client = new E.HmsClient({ accessKey: ACCESS_KEY, secret: SECRET });
  client.free();
  for (let i = 1; i <= 20_000; i++) {
    try {
      client.auth.getAuthToken({ roomId: "room-1", role: "host" });
    } catch (error) {
      if (error instanceof WebAssembly.RuntimeError) {
        ledger.record("HmsClient after free()#auth.getAuthToken ×N", "wasm trap", `${message(error)} after ${i} calls`, [v(`${i} calls on a freed client`)]);
        return;
      }
    }
    ledger.calls++;
  }
}

function toRequest(spec) {
  const headers = materialize(spec.headers);
  const body = materialize(spec.body);
  try {
    return new Request("https://hook.test/", { method: "POST", headers, body });
  } catch {
    // Not something a Request accepts: hand over a Request-like object instead. Its
    // arrayBuffer() answers the body as it is, except a thenable: an async function adopts
    // it, and a thenable whose `then` never calls back is an arrayBuffer() that never
    // settles, the caller's own hang (as a body stream that never ends would be), which no
    // receiver can tell from a slow one. It answers a plain object in its place, which the
    // receiver must refuse as it refuses any other non-ArrayBuffer.
    let thenable = false;
    try {
      thenable = body !== null && (typeof body === "object" || typeof body === "function") && typeof body.then === "function";
    } catch {
      // A `then` that throws when read rejects the adopting promise: the body is kept.
    }
    return {
      headers,
      arrayBuffer: async () => (typeof body === "string" ? new TextEncoder().encode(body).buffer : thenable ? { notAnArrayBuffer: true } : body),
    };
  }
}

function clientGroup(provider, make) {
  const names = methodsOf(make());
  return {
    arbitrary: fc.record({ method: fc.constantFrom(...names), args: methodArgs, canned: fc.constantFrom("universal", "universal", "empty") }),
    run: async (ledger, { method, args, canned: answer }) => {
      canned = answer === "universal" ? UNIVERSAL : "{}";
      const client = make();
      const values = args.map(materialize);
      try {
        await attempt(ledger, `${provider}#${method}`, args, () => invoke(client, method, values), {
          expect: (value) => (value === undefined && !method.startsWith("auth.get") ? "resolved to undefined" : null),
        });
      } finally {
        canned = UNIVERSAL;
      }
      await attempt(ledger, `${provider}#free (after ${method})`, args, () => client.free());
    },
  };
}

// ----------------------------------------------------------------------------------------
// A hostile server: statuses, headers and bodies chosen against the parser, and fetch
// functions that reject, hang, or resolve to things that are not Responses.

// Hostile items and members, each served in every reply shape: a 100ms page, a VideoSDK
// page, an object, and raw.
const HOSTILE_ITEMS = ["null", "5", '"s"', "[]", '{"n":9007199254740993}', '{"n":-9007199254740993}', '{"n":18446744073709551615}',
  '{"__proto__":{"admin":true}}', '{"constructor":{"prototype":{"polluted":1}}}', '{"id":"\\ud800"}', `{"deep":${"[".repeat(120)}${"]".repeat(120)}}`,
  '{"id":"sess-1","status":"ongoing"}', '{"id":null,"status":"ongoing"}', '{"status":"ended","end":"x"}'];
const SERVER_BODIES = [
  UNIVERSAL, "{}", "", "null", "[]", "<html>502</html>", "\uFEFF{}", '{"data":null}', '{"data":{}}', `${"[".repeat(20000)}`, "1e400",
  '{"id":1}', '{"id":"x","code":5}', '{"last":5,"data":[]}', '{"peers":[]}', '{"peers":null}', '{"message":"boom","details":["a",1,null]}',
  '{"message":{"nested":true}}', '{"error":"denied"}', `{"id":"${"x".repeat(MB)}"}`, '{"id":"x"}garbage', '{"id":"x","__proto__":{"polluted":"yes"}}',
  '{"pageInfo":{"currentPage":18446744073709551615,"lastPage":18446744073709551615},"data":[{"id":"a"}]}',
  '{"pageInfo":{"currentPage":1000000,"lastPage":1000001},"data":[{"id":"a"}]}', '{"pageInfo":{"currentPage":1,"lastPage":1e300},"data":[{"id":"a"}]}',
  '{"pageInfo":{"currentPage":-1,"lastPage":2},"data":[]}', '{"data":[{"id":"a"}],"last":"a"}', '{"events":[{"type":"x"}],"next":"n"}',
  ...HOSTILE_ITEMS.flatMap((item) => [
    `{"data":[${item}],"last":null}`,
    `{"pageInfo":{"currentPage":1,"lastPage":1},"data":[${item}]}`,
    `{"events":[${item}],"next":null}`,
    `{"id":"x","code":"c","key":"k","roomId":"r","token":"t","url":"u","peers":{"p":${item}},"item":${item}}`,
  ]),
];
const STATUSES = [200, 201, 204, 299, 100, 101, 199, 300, 304, 400, 401, 402, 403, 404, 409, 418, 429, 500, 502, 503, 504, 599, 600, 0, -1, 200.5, NaN];
const BEHAVIOURS = ["reject", "throwSync", "hang", "notResponse", "textThrows", "textNotString", "statusString", "headersThrow", "proxyResponse"];

function serverFetch(spec, calls) {
  return (url, init) => {
    calls.push({ url, init });
    const body = spec.body;
    switch (spec.behaviour) {
      case "reject":
        return Promise.reject(new TypeError("fetch failed", { cause: new Error("ECONNRESET") }));
      case "throwSync":
        throw new TypeError("fetch blew up synchronously");
      case "hang":
        return new Promise(() => {});
      case "notResponse":
        return Promise.resolve(spec.status === 200 ? null : { ok: true });
      case "textThrows":
        return Promise.resolve({ status: spec.status, headers: new Headers(), text: () => Promise.reject(new TypeError("body stream broke")) });
      case "textNotString":
        return Promise.resolve({ status: spec.status, headers: new Headers(), text: async () => 42 });
      case "statusString":
        return Promise.resolve({ status: String(spec.status), headers: new Headers(), text: async () => body });
      case "headersThrow":
        return Promise.resolve({ status: 200, headers: { get() { throw new TypeError("headers broke"); } }, text: async () => body });
      case "proxyResponse":
        return Promise.resolve(new Proxy({}, { get() { throw new TypeError("response proxy"); } }));
      default: {
        const headers = new Headers({ "content-type": "application/json" });
        if (spec.retryAfter !== null) headers.set("retry-after", spec.retryAfter);
        const status = Number.isInteger(spec.status) && spec.status >= 200 && spec.status <= 599 ? spec.status : null;
        if (status === null || status === 204) {
          // Response refuses these statuses (or a body with them): answer a look-alike.
          return Promise.resolve({ status: spec.status, headers, text: async () => body });
        }
        return Promise.resolve(new Response(body, { status, headers }));
      }
    }
  };
}

async function serverGroup() {
  // Arguments that get each method past validation to the fetch, found by trying a few.
  const candidates = [[], ["room-1"], ["room-1", "host"], ["room-1", "host", "opt-1"], [{}], ["room-1", {}], ["room-1", "host", {}],
    [{ roomId: "room-1" }], [{ roomId: "room-1", participantId: "p", sessionId: "s" }], [{ roomId: "room-1", id: "x" }],
    ["room-1", { name: "n" }], ["room-1", true], ["room-1", 600], [{ message: "hi" }], ["room-1", { message: "hi" }], ["room-1", { role: "host" }],
    [{ name: "n" }], [{ roomId: "room-1", config: {} }], ["room-1", { meeting_url: "https://m.test" }], ["room-1", { payload: "p" }],
    ["room-1", "q-1", { text: "t" }], ["room-1", "q-1", "o-1", { text: "t" }], [{ title: "t" }], ["room-1", { title: "t" }], ["room-1", "host", { name: "host" }],
    [{ type: ["peer.join.success"] }], ["room-1", { lock: true }], ["room-1", { reason: "r" }], ["room-1", { peer_id: "p" }], ["room-1", [{ role: "host" }]],
    [{ roomId: "room-1", outputs: [{ url: "rtmp://x", streamKey: "k" }] }], ["room-1", { rtmp_urls: ["rtmp://x"] }],
    [{ room_id: "room-1" }], [{ code: "abc-defg-hij" }], ["room-1", { payload: "p", duration: 10 }], ["t-1", [{ name: "n", role: "host" }]]];
  const calibrate = async (make, names) => {
    const working = {};
    for (const name of names) {
      for (const args of candidates) {
        const client = make(recordingFetch);
        const before = requests.length;
        try {
          const result = invoke(client, name, args);
          await (result && typeof result[Symbol.asyncIterator] === "function" ? take(result, 1) : result);
        } catch {
          // a rejection after sending still counts: the request went out
        }
        client.free();
        if (requests.length > before) {
          working[name] = args;
          break;
        }
      }
    }
    return working;
  };
  const makeHms = (fetch, retries = 0) => new E.HmsClient({ accessKey: ACCESS_KEY, secret: SECRET, fetch, retries, retryMaxDelayMs: 0, timeoutMs: 50 });
  const makeVsdk = (fetch, retries = 0) => new E.VideoSdkClient({ apiKey: ACCESS_KEY, secret: SECRET, fetch, retries, retryMaxDelayMs: 0, timeoutMs: 50 });
  const hmsNames = methodsOf(makeHms(recordingFetch)).filter((n) => !n.startsWith("auth.get"));
  const vsdkNames = methodsOf(makeVsdk(recordingFetch)).filter((n) => !n.startsWith("auth.get"));
  const hmsArgs = await calibrate(makeHms, hmsNames);
  const vsdkArgs = await calibrate(makeVsdk, vsdkNames);
  const uncalibrated = [...hmsNames.filter((n) => !(n in hmsArgs)), ...vsdkNames.filter((n) => !(n in vsdkArgs))];

  const response = fc.record({
    status: fc.oneof({ arbitrary: fc.constant(200), weight: 8 }, { arbitrary: fc.constantFrom(...STATUSES), weight: 3 }),
    body: fc.oneof({ arbitrary: fc.constantFrom(...SERVER_BODIES), weight: 8 }, { arbitrary: fc.json({ maxDepth: 3 }), weight: 2 }, { arbitrary: fc.string({ unit: "binary", maxLength: 30 }), weight: 1 }),
    behaviour: fc.oneof({ arbitrary: fc.constant("response"), weight: 12 }, { arbitrary: fc.constantFrom(...BEHAVIOURS), weight: 4 }),
    retryAfter: fc.constantFrom(null, null, "0", "1", "-1", "99999999999999999999", "Sun, 06 Nov 1994 08:49:37 GMT", "Fri, 31 Dec 9999 23:59:59 GMT", "garbage", "\u00e9"),
  });
  return {
    note: uncalibrated.length ? `methods no plausible arguments reach the server with: ${uncalibrated.join(", ")}` : "",
    arbitrary: fc.record({
      target: fc.oneof({ arbitrary: fc.constantFrom("hms", "vsdk"), weight: 18 }, { arbitrary: fc.constantFrom("exchangeRoomCode", "tokensExchangeRoomCode", "vsdkKey"), weight: 2 }),
      pick: fc.nat(),
      retries: fc.constantFrom(0, 0, 1, 2),
      answers: fc.array(response, { minLength: 1, maxLength: 4 }),
    }),
    run: async (ledger, { target, pick, retries, answers }) => {
      const t0 = Date.now();
      try {
        await serverRun(ledger, { target, pick, retries, answers });
      } finally {
        ledger.timing ??= {};
        ledger.timing[target] = (ledger.timing[target] ?? 0) + (Date.now() - t0);
      }
    },
  };
  async function serverRun(ledger, { target, pick, retries, answers }) {
      let n = 0;
      const calls = [];
      const fetchers = answers.map((a) => serverFetch(a, calls));
      const fetch = (url, init) => fetchers[Math.min(n++, fetchers.length - 1)](url, init);
      const spec = answers.map((a) => v(`${a.behaviour} ${a.status} retry-after=${a.retryAfter} body=${a.body.slice(0, 120)}`));
      const sentBefore = requests.length;
      if (target === "hms" || target === "vsdk") {
        const table = target === "hms" ? hmsArgs : vsdkArgs;
        const names = Object.keys(table);
        const name = names[pick % names.length];
        const client = (target === "hms" ? makeHms : makeVsdk)(fetch, retries);
        await attempt(ledger, `${target === "hms" ? "HmsClient" : "VideoSdkClient"}#${name} vs server`, [v(name), ...spec], () => invoke(client, name, table[name]), {
          expect: (value) => (value === undefined ? "resolved to undefined" : null),
          sent: () => calls.length,
        });
        await attempt(ledger, `free after ${name} vs server`, spec, () => client.free());
      } else if (target === "exchangeRoomCode") {
        // Its retries (2, up to 10 s apart) cannot be configured; the signal bounds the wait.
        await attempt(ledger, "exchangeRoomCode vs server", spec, () => E.exchangeRoomCode({ code: "abc-defg-hij", fetch, timeoutMs: 50, signal: AbortSignal.timeout(60) }), {
          expect: (value) => (value && typeof value === "object" ? null : `resolved to ${typeof value}`),
        });
      } else if (target === "tokensExchangeRoomCode") {
        // The token entry's: one attempt, sent from JavaScript (js/src/exchange.js).
        await attempt(ledger, "tokens.exchangeRoomCode vs server", spec, () => T.exchangeRoomCode({ code: "abc-defg-hij", fetch, timeoutMs: 50, signal: AbortSignal.timeout(60) }), {
          expect: (value) => (value && typeof value === "object" && typeof value.token === "string" ? null : `resolved to ${typeof value}`),
          sent: () => calls.length,
        });
      } else {
        // Once seen, a hang of the key fetch is not waited out again (each costs CALL_TIMEOUT_MS).
        if (answers[0].behaviour === "hang" && ledger.keyFetchHung) return;
        const receiver = new E.VideoSdkWebhookReceiver({ fetch, timeoutMs: 300 });
        const outcome = await attempt(ledger, "VideoSdkWebhookReceiver key fetch vs server", spec, () =>
          receiver.verify({ "videosdk-signature": materialize(inj("vsdkSig:valid")) }, VSDK_EVENTS.valid));
        if (!outcome.ok && outcome.error?.name === "Hang") ledger.keyFetchHung = true;
      }
      for (const request of calls) {
        const problem = badRequest(request);
        if (problem) ledger.record(target, "malformed outgoing request", problem, spec);
      }
      if (requests.length !== sentBefore) ledger.record(target, "used the recorder instead of the given fetch", "", spec);
  }
}

// ----------------------------------------------------------------------------------------

export async function runGroup(name, runs, seed) {
  const started = Date.now();
  const ledger = new Ledger();
  inject("fetch", recordingFetch);
  await webhookMaterial();
  const { arbitrary, run, note = "", runs: fixedRuns } = await GROUPS[name]();
  if (fixedRuns) runs = fixedRuns;
  process.on("unhandledRejection", (reason) => ledger.record("(process)", "unhandled rejection", message(reason), null));
  let moduleHealthy = true;
  let moduleBroken = "";
  await fc.assert(
    fc.asyncProperty(arbitrary, async (input) => {
      if (!moduleHealthy) return;
      ledger.runs++;
      try {
        await run(ledger, input);
      } catch (error) {
        ledger.harnessErrors = (ledger.harnessErrors ?? 0) + 1;
        ledger.lastHarnessError = `${message(error)} ${error?.stack?.split("\n")[1] ?? ""}`;
      }
      try {
        healthy(ledger.runs % 200 === 0);
      } catch (error) {
        moduleHealthy = false;
        moduleBroken = `after input #${ledger.runs} (${JSON.stringify(input, (_, x) => (typeof x === "bigint" ? `${x}n` : x)).slice(0, 400)}): ${message(error)}`;
      }
    }),
    { numRuns: runs, seed, endOnFailure: true },
  );
  if (moduleHealthy) {
    try {
      healthy(true);
    } catch (error) {
      moduleHealthy = false;
      moduleBroken = `at the end: ${message(error)}`;
    }
  }
  return {
    group: name,
    runs: ledger.runs,
    calls: ledger.calls,
    unexpected: ledger.unexpected,
    findings: ledger.report(),
    polluted: pollution(),
    globalFetchCalls,
    moduleHealthy,
    moduleBroken,
    note: [note, ledger.timing ? `time by target (ms): ${JSON.stringify(ledger.timing)}` : ""].filter(Boolean).join("; "),
    harnessErrors: ledger.harnessErrors ?? 0,
    lastHarnessError: ledger.lastHarnessError ?? "",
    ms: Date.now() - started,
  };
}
