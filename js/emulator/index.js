// edgeroom/emulator: a stateful, in-memory stand-in for the 100ms REST API and its room-code
// auth service, as a fetch-style handler. Runtime-neutral on purpose (web-standard globals only,
// no node: imports) so the same handler runs in Node, Deno, Cloudflare Workers and browsers;
// server.js adapts it to node:http.

import { FAULTS_PATH, createFaults } from "./shared/faults.js";
import { HttpError, errorResponse, json, preflight } from "./shared/http.js";
import { importHs256Key } from "./shared/hs256.js";
import { hmsAuthRoutes } from "./hms/auth-service.js";
import { HMS_CONTROL_PREFIX, createHmsControl, hmsControlRoutes } from "./hms/control.js";
import { hmsRoutes, hmsUnversionedRoutes } from "./hms/routes.js";
import { authenticateManagement } from "./hms/management-auth.js";
import { presentRoom } from "./hms/rooms.js";
import { findRoute, route } from "./shared/router.js";
import { appByKey, buildSeed, checkTemplateSpecs, createState } from "./hms/store.js";
import { DEFAULT_VIDEOSDK_APP, VIDEOSDK_CONTROL_PREFIX, createVideoSdk } from "./videosdk/index.js";
import { WEBHOOKS_CONTROL_PREFIX, createWebhooks, videoSdkPublicRoutes, webhookControlRoutes } from "./shared/webhooks.js";

export { DEFAULT_VIDEOSDK_APP };

// Documented in the README so examples work out of the box; never use it for a real app.
export const DEFAULT_APP = Object.freeze({
  accessKey: "emulator-access-key",
  secret: "emulator-secret-do-not-use-in-production",
});

export const HMS_PREFIX = "/100ms/v2";
export const HMS_AUTH_PREFIX = "/100ms-auth/v2";
export const VIDEOSDK_PREFIX = "/videosdk/v2";
// VideoSDK's AI API (realtime transcription) lives at /ai/v1 beside /v2 on the same host, so a
// client whose base URL is `${origin}/videosdk` reaches both.
export const VIDEOSDK_AI_PREFIX = "/videosdk/ai/v1";

// What to configure a 100ms client with when the emulator is served at `origin`.
export function hmsUrls(origin) {
  const base = String(origin).replace(/\/+$/, "");
  return { baseUrl: `${base}${HMS_PREFIX}`, authBaseUrl: `${base}${HMS_AUTH_PREFIX}` };
}

// Each service lives under its own prefix so providers can coexist on one origin. `details`
// picks the error shape: the 100ms auth service answers {code, message} only.
const SERVICES = [
  { prefix: HMS_PREFIX, routes: hmsRoutes, management: true, details: true },
  { prefix: HMS_AUTH_PREFIX, routes: hmsAuthRoutes, management: false, details: false },
  // The 100ms collection reads poll runs without /v2 (served under /100ms too), and the 100ms
  // control service that simulates peers (hms/control.js; no management token).
  { prefix: "/100ms", routes: hmsUnversionedRoutes, management: true, details: true },
  { prefix: HMS_CONTROL_PREFIX, routes: hmsControlRoutes, management: false, details: true },
  // VideoSDK's webhook signing key is public (no token); shared/webhooks.js serves it and the
  // emulator's webhook control service.
  { prefix: `${VIDEOSDK_PREFIX}/public`, routes: videoSdkPublicRoutes, management: false, details: true },
  { prefix: WEBHOOKS_CONTROL_PREFIX, routes: webhookControlRoutes, management: false, details: true },
  // The VideoSDK side (its API and its control service) has its own state, auth and error shape.
  { prefix: VIDEOSDK_PREFIX, videosdk: "api" },
  { prefix: VIDEOSDK_AI_PREFIX, videosdk: "ai" },
  { prefix: VIDEOSDK_CONTROL_PREFIX, videosdk: "control" },
  { prefix: "", routes: [route("GET", "/health", () => ({ ok: true }))], management: false, details: true },
];

const serviceFor = (path) =>
  SERVICES.find((s) => s.prefix === "" || path === s.prefix || path.startsWith(`${s.prefix}/`));

function checkApps(apps) {
  if (!Array.isArray(apps) || apps.length === 0) {
    throw new TypeError("createEmulator: apps must be a non-empty array of { accessKey, secret }");
  }
  const seen = new Set();
  for (const app of apps) {
    if (typeof app?.accessKey !== "string" || app.accessKey === "") {
      throw new TypeError("createEmulator: every app needs a non-empty string accessKey");
    }
    // The message names the access key only: errors end up in logs, secrets must not.
    if (typeof app.secret !== "string" || app.secret === "") {
      throw new TypeError(`createEmulator: app ${app.accessKey} needs a non-empty string secret`);
    }
    if (seen.has(app.accessKey)) throw new TypeError(`createEmulator: duplicate accessKey ${app.accessKey}`);
    seen.add(app.accessKey);
  }
  return apps;
}

// Repeated query keys become arrays; defineProperty keeps a key like "__proto__" a plain key.
function queryObject(params) {
  const out = {};
  for (const [key, value] of params) {
    const merged = Object.hasOwn(out, key) ? [].concat(out[key], value) : value;
    Object.defineProperty(out, key, { value: merged, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

// The log keeps unparseable text as is, so a test can see what a broken client sent.
function parseBody(text) {
  if (text === "") return { body: null, malformed: false };
  try {
    return { body: JSON.parse(text), malformed: false };
  } catch {
    return { body: text, malformed: true };
  }
}

// One reading of the clock per request, so created_at, updated_at and token times agree.
const clockAt = (ms) => ({ ms, sec: Math.floor(ms / 1000), iso: new Date(ms).toISOString() });

export function createEmulator(options = {}) {
  const apps = checkApps(options.apps ?? [DEFAULT_APP]);
  const templateSpecs = checkTemplateSpecs(options.templates);
  const now = options.now ?? Date.now;
  if (typeof now !== "function") throw new TypeError("createEmulator: now must be a function returning ms");
  const requests = [];
  const faults = createFaults(options.faults);
  const webhooks = createWebhooks(options.webhooks);
  const videosdk = createVideoSdk({ apps: options.videosdkApps, now, prefix: VIDEOSDK_PREFIX, webhooks });

  // Ids and keys are made on first use, not here: Cloudflare Workers forbid random values and
  // crypto at module scope, where `const emu = createEmulator()` naturally sits.
  let seed;
  let state;
  let keys;
  function ready() {
    if (!seed) {
      seed = buildSeed(apps, templateSpecs);
      state = createState(seed);
      // Secrets end up only here, as non-extractable keys: no state or log can reveal one.
      keys = new Map(apps.map((app) => [app.accessKey, importHs256Key(app.secret)]));
    }
    return state;
  }

  async function dispatch(request, url, entry, parsed) {
    const service = serviceFor(url.pathname);
    if (service.videosdk) return videosdk.dispatch(service, request, url, entry, parsed);
    try {
      const ctx = { state: ready(), keys, query: url.searchParams, body: parsed.body, clock: clockAt(now()), webhooks };
      if (service.management) {
        const accessKey = await authenticateManagement(request, { keys, nowSec: ctx.clock.sec });
        entry.authorized = true;
        ctx.app = appByKey(ctx.state, accessKey);
      }
      const found = findRoute(service.routes, request.method, url.pathname.slice(service.prefix.length));
      if (parsed.malformed) throw new HttpError(400, "Invalid request body", ["the body is not valid JSON"]);
      ctx.params = found.params;
      return json(200, await found.handler(ctx));
    } catch (error) {
      if (error instanceof HttpError) return errorResponse(error, { withDetails: service.details });
      return errorResponse(new HttpError(500, "internal emulator error", [String(error?.message ?? error)]));
    }
  }

  // Accepts fetch's own arguments, so `fetch: emu.fetch` can replace a client's fetch.
  async function handle(input, init) {
    const request = input instanceof Request && init === undefined ? input : new Request(input, init);
    const url = new URL(request.url); // the host is ignored: routing is on the path only
    if (url.pathname === FAULTS_PATH) return faults.control(request); // not logged, never faulted
    const parsed = parseBody(await request.text());
    const entry = {
      method: request.method,
      path: url.pathname,
      query: queryObject(url.searchParams),
      body: parsed.body,
      authorized: false, // true once a valid management token was seen
    };
    requests.push(entry);
    if (request.method === "OPTIONS") return preflight();
    return faults.apply(request, url.pathname, entry, () => dispatch(request, url, entry, parsed));
  }

  return {
    fetch: handle,
    requests,
    videosdk: videosdk.api,
    hms: createHmsControl(() => ({ state: ready(), clock: clockAt(now()), webhooks })),
    webhooks: webhooks.api,
    faults: { set: faults.set, add: faults.add, clear: faults.clear, list: faults.list },
    // Back to the seed: same apps, same template ids, no rooms or codes, empty log.
    reset() {
      if (seed) state = createState(seed);
      videosdk.reset();
      webhooks.reset(); // empty log, nothing under way; configuration and signing key stay
      faults.reset(); // the faults given to createEmulator, with fresh counts
      requests.length = 0;
    },
    // A snapshot (a deep copy), so tests can inspect without mutating.
    get state() {
      ready();
      return structuredClone({
        apps: state.apps,
        templates: [...state.templates.values()],
        rooms: [...state.rooms.values()].map(presentRoom),
        roomCodes: [...state.roomCodes.values()],
      });
    },
  };
}
