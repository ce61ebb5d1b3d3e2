// Webhooks the emulator sends when its state changes, as 100ms and VideoSDK send them: a POST
// per event to the configured endpoint, retried until the receiver accepts it. This file is
// the delivery side (queues, retries, the log tests read, configuration, the control routes);
// hms/webhooks.js and videosdk/webhooks.js turn state changes into each provider's payloads.
//
// Delivery never holds up the API answer that caused the event: emitting only queues it, and
// the POST runs on the runtime's own fetch and timers once the handler has returned. Events
// for one endpoint go out in order (one at a time, each with its retries), so a receiver sees
// them in the order they happened; different endpoints do not wait for each other.
//
// Observable: emu.webhooks.deliveries (url, type, status, attempts, each attempt's answer, the
// payload; never the header values, which are the receiver's secrets), emu.webhooks.settled(),
// and the control service under /_emulator/webhooks (GET/DELETE /deliveries, POST /settle,
// GET/POST/DELETE /100ms for the app-level 100ms webhook).
//
// Runtimes: in Node, Deno and browsers the deliveries simply run in the background; their
// retry timers do not keep a Node or Deno process alive unless something awaits settled(). In
// Cloudflare Workers work left running after a response may be cut short, so a Worker serving
// the emulator should keep its invocation alive for them:
//   const response = await emu.fetch(request); ctx.waitUntil(emu.webhooks.settled()); return response;
// (and, like anything started by one request and awaited by another, a delivery queued behind
// an earlier request's may log a cross-request promise warning there).
//
// Like index.js, runtime-neutral: fetch, setTimeout, AbortController and WebCrypto only, and
// nothing random or cryptographic at module scope.

import { hmsWebhook } from "../hms/webhooks.js";
import { HttpError, badBodyParam, objectBody } from "./http.js";
import { uuidV4 } from "./ids.js";
import { route } from "./router.js";
import { createSigner } from "../videosdk/webhooks.js";

export const WEBHOOKS_CONTROL_PREFIX = "/_emulator/webhooks";

// 100ms: "retries webhooks three times if your server does not return an HTTP 200 status
// code. First at 1 second after the original attempt. Second at 3 seconds after the first
// retry attempt. Third at 10 seconds after the second retry attempt."
export const DEFAULT_RETRY_DELAYS_MS = Object.freeze([1000, 3000, 10_000]);
// Neither provider documents how long it waits for an answer; an attempt that takes longer
// than this counts as failed (and is retried).
export const DEFAULT_TIMEOUT_MS = 10_000;

const STATUSES = ["pending", "delivered", "failed", "cancelled"];

// What counts as accepted. 100ms documents "an HTTP 200 status code" and nothing else; VideoSDK
// documents no rule, so any 2xx.
const ACCEPTS = {
  "100ms": (status) => status === 200,
  videosdk: (status) => status >= 200 && status < 300,
};

function isHttpUrl(value) {
  if (typeof value !== "string") return false;
  try {
    const { protocol } = new URL(value);
    return protocol === "http:" || protocol === "https:";
  } catch {
    return false;
  }
}

// A 100ms webhook target: { url, headers? } with string header values. `fail(field, why)`
// builds the error for the caller (a TypeError for options and methods, a 400 for the control
// route); `prefix` names where the target sits ("hms." in the options, "" in a body).
function checkHmsTarget(target, fail, prefix) {
  const at = (field) => `${prefix}${field}`;
  if (target === null || typeof target !== "object" || Array.isArray(target)) {
    throw fail(prefix.replace(/\.$/, "") || "body", `${prefix.replace(/\.$/, "") || "the target"} must be an object { url, headers }`);
  }
  if (!isHttpUrl(target.url)) throw fail(at("url"), `${at("url")} must be an http(s) URL`);
  const headers = target.headers ?? {};
  if (headers === null || typeof headers !== "object" || Array.isArray(headers)) {
    throw fail(at("headers"), `${at("headers")} must be an object of header names to string values`);
  }
  for (const [name, value] of Object.entries(headers)) {
    if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name) || typeof value !== "string") {
      throw fail(at("headers"), `${at("headers")}: ${JSON.stringify(name)} must be a header name with a string value`);
    }
  }
  return { url: target.url, headers: { ...headers } };
}

function checkDelays(delays) {
  if (!Array.isArray(delays) || !delays.every((d) => Number.isFinite(d) && d >= 0)) {
    throw new TypeError("createEmulator: webhooks.retryDelaysMs must be an array of delays in ms (>= 0)");
  }
  return [...delays];
}

const optionError = (_field, why) => new TypeError(`createEmulator: webhooks.${why}`);

function checkOptions(options = {}) {
  if (options === null || typeof options !== "object") throw new TypeError("createEmulator: webhooks must be an object");
  const { hms, retryDelaysMs = DEFAULT_RETRY_DELAYS_MS, timeoutMs = DEFAULT_TIMEOUT_MS, fetch: fetchFn, ...rest } = options;
  const unknown = Object.keys(rest)[0];
  if (unknown !== undefined) throw new TypeError(`createEmulator: webhooks.${unknown} is not an option (hms, retryDelaysMs, timeoutMs, fetch)`);
  if (!(Number.isFinite(timeoutMs) && timeoutMs > 0)) throw new TypeError("createEmulator: webhooks.timeoutMs must be a positive number of ms");
  if (fetchFn !== undefined && typeof fetchFn !== "function") throw new TypeError("createEmulator: webhooks.fetch must be a function like fetch");
  // hms: one target for every app, or a list of them, each with an optional accessKey.
  const targets = new Map();
  for (const [i, target] of (hms === undefined ? [] : [].concat(hms)).entries()) {
    const path = Array.isArray(hms) ? `hms[${i}]` : "hms";
    const checked = checkHmsTarget(target, optionError, `${path}.`);
    if (target.accessKey !== undefined && (typeof target.accessKey !== "string" || target.accessKey === "")) {
      throw new TypeError(`createEmulator: webhooks.${path}.accessKey must be a non-empty string`);
    }
    targets.set(target.accessKey ?? "*", checked);
  }
  return { targets, retryDelaysMs: checkDelays(retryDelaysMs), timeoutMs, fetchFn };
}

// A copy without header values: they are the receiver's secrets, and the log ends up in test
// output.
function presentDelivery(d) {
  const { id, provider, url, type, eventId, status, attempts, responses, headerNames, payload, queuedAt, finishedAt } = d;
  return structuredClone({ id, provider, url, type, eventId, status, attempts, responses, headerNames, payload, queuedAt, finishedAt });
}

const presentTarget = (key, target) => ({
  access_key: key === "*" ? null : key,
  url: target.url,
  header_names: Object.keys(target.headers),
});

// options: createEmulator's `webhooks` option. Returns the hub the emulator wires in: hms()
// takes the 100ms side's events, deliver() queues any payload (videosdk/webhooks.js calls it
// through the VideoSDK state), `api` is emu.webhooks; index.js serves the routes below, which
// find the hub as ctx.webhooks.
export function createWebhooks(options) {
  const config = checkOptions(options);
  const deliveries = [];
  const chains = new Map(); // url -> the promise of its last queued delivery
  const pending = new Set(); // promises of queued deliveries and scheduled wake-ups
  const cancellers = new Set(); // cancel functions of waits and attempts under way
  const signer = createSigner();
  let generation = 0; // bumped by reset()/close(): work from before stops at its next step

  // Timers (retry waits, wake-ups, attempt timeouts) hold a Node or Deno process open only
  // while someone awaits settled(): background deliveries must not keep a test run or script
  // alive, but a test awaiting them must not see its process exit under it.
  const timers = new Set();
  let waiters = 0;
  const hold = (timer, on) =>
    typeof timer === "object" ? timer?.[on ? "ref" : "unref"]?.() : globalThis.Deno?.[on ? "refTimer" : "unrefTimer"]?.(timer);

  // A wait that reset()/close() (or its own .cancel()) can cut short; resolves false when cut
  // short.
  function sleep(ms) {
    let cancel;
    const promise = new Promise((resolve) => {
      const end = (slept) => {
        clearTimeout(timer);
        timers.delete(timer);
        cancellers.delete(cancel);
        resolve(slept);
      };
      cancel = () => end(false);
      const timer = setTimeout(() => end(true), ms);
      timers.add(timer);
      hold(timer, waiters > 0);
      cancellers.add(cancel);
    });
    promise.cancel = cancel;
    return promise;
  }

  async function attempt(delivery, request) {
    const controller = new AbortController();
    const cancel = () => controller.abort();
    cancellers.add(cancel);
    const timer = setTimeout(() => controller.abort(), config.timeoutMs);
    timers.add(timer);
    hold(timer, waiters > 0); // else the request itself holds the process while under way
    try {
      const response = await (config.fetchFn ?? fetch)(delivery.url, {
        method: "POST",
        headers: request.headers,
        body: request.body,
        signal: controller.signal,
      });
      await response.arrayBuffer().catch(() => {}); // frees the connection
      return { status: response.status };
    } catch (error) {
      return { error: controller.signal.aborted ? `no answer within ${config.timeoutMs} ms` : String(error?.message ?? error) };
    } finally {
      clearTimeout(timer);
      timers.delete(timer);
      cancellers.delete(cancel);
    }
  }

  function finish(delivery, status) {
    delivery.status = status;
    delivery.finishedAt = new Date().toISOString();
  }

  // One delivery: the first attempt, then a retry after each delay until one is accepted.
  async function run(delivery, prepare, born) {
    if (born !== generation) return finish(delivery, "cancelled");
    let request;
    try {
      request = await prepare();
    } catch (error) {
      delivery.responses.push({ at: new Date().toISOString(), error: `not sent: ${error?.message ?? error}` });
      return finish(delivery, "failed");
    }
    for (let i = 0; ; i++) {
      if (born !== generation) return finish(delivery, "cancelled");
      const result = await attempt(delivery, request);
      delivery.attempts = i + 1;
      delivery.responses.push({ at: new Date().toISOString(), ...result });
      if (result.status !== undefined && ACCEPTS[delivery.provider](result.status)) return finish(delivery, "delivered");
      if (born !== generation) return finish(delivery, "cancelled");
      if (i >= config.retryDelaysMs.length) return finish(delivery, "failed");
      if (!(await sleep(config.retryDelaysMs[i]))) return finish(delivery, "cancelled");
    }
  }

  function track(promise) {
    const done = () => pending.delete(promise);
    pending.add(promise);
    promise.then(done, done);
    return promise;
  }

  // Queues one event. prepare: () => Promise<{ headers, body }>, run just before the first
  // attempt (VideoSDK signs there: signing is async and must not delay the API answer).
  function deliver({ provider, url, type, eventId = null, payload, headerNames, prepare }) {
    const delivery = {
      id: uuidV4(),
      provider,
      url,
      type,
      eventId,
      status: "pending",
      attempts: 0,
      responses: [],
      headerNames,
      payload,
      queuedAt: new Date().toISOString(),
      finishedAt: null,
    };
    deliveries.push(delivery);
    const born = generation;
    const go = () => run(delivery, prepare, born);
    const next = (chains.get(url) ?? Promise.resolve()).then(go, go);
    const forget = () => {
      if (chains.get(url) === next) chains.delete(url);
    };
    chains.set(url, next);
    next.then(forget, forget);
    track(next);
    return delivery;
  }

  // Runs `fn` after `ms` (the VideoSDK side uses it to notice a job that finished starting
  // without waiting for the next request). Cut short by reset()/close() or the returned
  // function.
  function wakeAfter(ms, fn) {
    const wait = sleep(ms);
    track(wait.then((slept) => {
      if (slept) fn();
    }).catch(() => {})); // a failed wake-up only means the next request notices instead
    return wait.cancel;
  }

  function cancelAll() {
    generation += 1;
    for (const cancel of [...cancellers]) cancel();
    chains.clear();
  }

  // Waits until nothing is queued, under way or scheduled (a delivery can schedule more).
  async function settled() {
    waiters += 1;
    for (const timer of timers) hold(timer, true);
    try {
      while (pending.size > 0) await Promise.allSettled([...pending]);
    } finally {
      waiters -= 1;
      if (waiters === 0) for (const timer of timers) hold(timer, false);
    }
  }

  function configureHms(target, { accessKey } = {}) {
    const key = accessKey ?? "*";
    if (target === null) {
      config.targets.delete(key);
      return null;
    }
    const checked = checkHmsTarget(target, (_f, why) => new TypeError(`configureHms: ${why}`), "");
    config.targets.set(key, checked);
    return presentTarget(key, checked);
  }

  const api = {
    /** Every delivery so far, oldest first, as copies: { url, type, status, attempts, responses, payload, ... }. */
    get deliveries() {
      return deliveries.map(presentDelivery);
    },
    /** Sets (or, with null, removes) the 100ms webhook of every app, or of one with { accessKey }. */
    configureHms,
    /** Resolves once every queued delivery has been accepted, has failed, or was cancelled. */
    settled,
    /** The PEM (SPKI) public key VideoSDK webhooks are signed with, made on first use. */
    publicKey: () => signer.publicKeyPem(),
    /** Forgets the log (deliveries under way carry on). */
    clear() {
      deliveries.length = 0;
    },
    /** Cancels every delivery under way or waiting for a retry; later events are still sent. */
    close() {
      cancelAll();
      for (const d of deliveries) if (d.status === "pending") finish(d, "cancelled");
    },
  };

  const hub = {
    api,
    deliver,
    wakeAfter,
    configureHms,
    signer,
    hmsTarget: (accessKey) => config.targets.get(accessKey) ?? config.targets.get("*"),
    hmsTargets: () => [...config.targets].map(([key, target]) => presentTarget(key, target)),
    presentDeliveries: (filter) => deliveries.filter(filter).map(presentDelivery),
    // The 100ms side: recordEvent (hms/analytics.js) hands over every event it records.
    hms: (state, room, event) => hmsWebhook(hub, state, room, event),
    // emu.reset(): back to an empty log, nothing under way; configuration and key pair stay.
    reset() {
      api.close();
      deliveries.length = 0;
    },
  };
  return hub;
}

// The control service (/_emulator/webhooks, no token): the log, waiting for it to settle, and
// the 100ms webhook of every app (or one, with access_key), which 100ms sets in its dashboard.
function listDeliveries(ctx) {
  const filters = Object.fromEntries(["provider", "type", "status", "url"].map((f) => [f, ctx.query.get(f)]));
  if (filters.status !== null && !STATUSES.includes(filters.status)) {
    throw new HttpError(400, "Invalid query param: status", [`status must be one of ${STATUSES.join(", ")}`]);
  }
  const matches = (d) => Object.entries(filters).every(([field, value]) => value === null || d[field] === value);
  return { deliveries: ctx.webhooks.presentDeliveries(matches) };
}

async function settle(ctx) {
  await ctx.webhooks.api.settled();
  return listDeliveries(ctx);
}

function clearDeliveries(ctx) {
  const deleted = ctx.webhooks.api.deliveries.length;
  ctx.webhooks.api.clear();
  return { deleted };
}

function setHmsTarget(ctx) {
  const { access_key: accessKey, ...target } = objectBody(ctx.body);
  if (accessKey !== undefined && (typeof accessKey !== "string" || accessKey === "")) {
    throw badBodyParam("access_key", "access_key must be a non-empty string");
  }
  const checked = checkHmsTarget(target, badBodyParam, "");
  return ctx.webhooks.configureHms(checked, { accessKey });
}

function removeHmsTarget(ctx) {
  ctx.webhooks.configureHms(null, { accessKey: ctx.query.get("access_key") ?? undefined });
  return { targets: ctx.webhooks.hmsTargets() };
}

export const webhookControlRoutes = [
  route("GET", "/deliveries", listDeliveries),
  route("DELETE", "/deliveries", clearDeliveries),
  route("POST", "/settle", settle),
  route("GET", "/100ms", (ctx) => ({ targets: ctx.webhooks.hmsTargets() })),
  route("POST", "/100ms", setHmsTarget),
  route("DELETE", "/100ms", removeHmsTarget),
];

// GET /videosdk/v2/public/rsa-public-key: VideoSDK serves it to anyone ("obtain it by making a
// GET request to this endpoint"), so no token here either; receivers fetch it unauthenticated.
export const videoSdkPublicRoutes = [
  route("GET", "/rsa-public-key", async (ctx) => ({ publicKey: await ctx.webhooks.signer.publicKeyPem() })),
];
