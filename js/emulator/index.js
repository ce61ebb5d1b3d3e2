// edgeroom/emulator: a stateful, in-memory stand-in for the REST APIs of 100ms (with its
// room-code auth service) and VideoSDK, as a fetch-style handler. Runtime-neutral on purpose
// (web-standard globals only, no node: imports) so the same handler runs in Node, Deno,
// Cloudflare Workers and browsers; server.js adapts it to node:http.
//
// This file only composes: each provider's side (hms/index.js, videosdk/index.js: routes,
// state, auth, error shape) and the emulator's own services (health, fault injection, webhook
// control), behind one request log.

import { FAULTS_PATH, createFaults } from "./shared/faults.js";
import { preflight } from "./shared/http.js";
import { route } from "./shared/router.js";
import { DEFAULT_APP, HMS_AUTH_PREFIX, HMS_PREFIX, HMS_SERVICES, createHms, hmsUrls } from "./hms/index.js";
import { DEFAULT_VIDEOSDK_APP, VIDEOSDK_CONTROL_PREFIX, createVideoSdk } from "./videosdk/index.js";
import { WEBHOOKS_CONTROL_PREFIX, createWebhooks, videoSdkPublicRoutes, webhookControlRoutes } from "./shared/webhooks.js";

export { DEFAULT_APP, DEFAULT_VIDEOSDK_APP, HMS_AUTH_PREFIX, HMS_PREFIX, hmsUrls };

export const VIDEOSDK_PREFIX = "/videosdk/v2";
// VideoSDK's AI API (realtime transcription) lives at /ai/v1 beside /v2 on the same host, so a
// client whose base URL is `${origin}/videosdk` reaches both.
export const VIDEOSDK_AI_PREFIX = "/videosdk/ai/v1";

// Each service lives under its own prefix so providers can coexist on one origin: 100ms's
// (hms/index.js), then the emulator's own, which answer in 100ms's error shape and are served
// by the 100ms side's dispatch without a management token, then VideoSDK's.
const SERVICES = [
  ...HMS_SERVICES,
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

export function createEmulator(options = {}) {
  const now = options.now ?? Date.now;
  if (typeof now !== "function") throw new TypeError("createEmulator: now must be a function returning ms");
  const requests = [];
  const faults = createFaults(options.faults);
  const webhooks = createWebhooks(options.webhooks);
  const hms = createHms({ apps: options.apps, templates: options.templates, now, webhooks });
  const videosdk = createVideoSdk({ apps: options.videosdkApps, now, prefix: VIDEOSDK_PREFIX, webhooks });

  function dispatch(request, url, entry, parsed) {
    const service = serviceFor(url.pathname);
    if (service.videosdk) return videosdk.dispatch(service, request, url, entry, parsed);
    return hms.dispatch(service, request, url, entry, parsed);
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
    hms: hms.control,
    webhooks: webhooks.api,
    faults: { set: faults.set, add: faults.add, clear: faults.clear, list: faults.list },
    // Back to the seed: same apps, same template ids, no rooms or codes, empty log.
    reset() {
      hms.reset();
      videosdk.reset();
      webhooks.reset(); // empty log, nothing under way; configuration and signing key stay
      faults.reset(); // the faults given to createEmulator, with fresh counts
      requests.length = 0;
    },
    // A snapshot (a deep copy), so tests can inspect without mutating.
    get state() {
      return hms.state;
    },
  };
}
