// Shared by the differential tests: edgeroom and an official SDK are given the same inputs, and
// the requests each would put on the wire are captured at the lowest layer that still sees
// the final request, then compared as data.
//   edgeroom                  its injected `fetch` option
//   @100mslive/server-sdk     an axios adapter on its own axios instance (`api.axios`): the
//                             request interceptor has set the token, the paramsSerializer and
//                             transformRequest have run; the URL is built by axios's getUri
//   @videosdk.live/server-sdk its `fetch` option (its HttpClient calls fetch with the final
//                             URL, headers and JSON text)
// Nothing leaves the process: every recorder answers a canned JSON the call accepts.

import assert from "node:assert/strict";
import hmsSdk from "@100mslive/server-sdk";
import { VideoSDK } from "@videosdk.live/server-sdk";
import * as edgeroom from "edgeroom";

const { SDK: HMSSDK } = hmsSdk;

export const HMS = { accessKey: "diff-access-key", secret: "diff-secret-0123456789abcdef0123456789" };
export const VSDK = { apiKey: "diff-api-key", secret: "diff-videosdk-secret-0123456789abcdef" };

/** One object that satisfies every call's response reader, on both sides. */
export const ANY = Object.freeze({
  id: "obj-1",
  roomId: "room-1",
  name: "room-1",
  code: "abc-defg-hij",
  token: "t",
  url: "https://example.invalid/x",
  peers: {},
  data: [{ id: "obj-1", roomId: "room-1", name: "room-1" }],
});

/** `(request, index) => JSON` from a constant or a function; the default answers ANY. */
function answerer(answer) {
  return typeof answer === "function" ? answer : () => answer ?? ANY;
}

/** A request as data: method, path, query as a multimap (values sorted), parsed JSON body. */
export function normalize({ method, url, body }) {
  const u = new URL(url);
  const query = {};
  for (const [key, value] of u.searchParams) (query[key] ??= []).push(value);
  for (const key of Object.keys(query)) query[key].sort();
  const sorted = Object.fromEntries(Object.keys(query).sort().map((k) => [k, query[k]]));
  const text = body === undefined || body === null ? "" : String(body);
  return {
    method: method.toUpperCase(),
    path: u.pathname,
    query: sorted,
    body: text === "" ? undefined : JSON.parse(text),
  };
}

function jsonResponse(value) {
  return new Response(JSON.stringify(value), { status: 200, headers: { "content-type": "application/json" } });
}

function headerOf(headers, name) {
  if (!headers) return undefined;
  if (typeof headers.get === "function") return headers.get(name) ?? undefined;
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
  return key === undefined ? undefined : headers[key];
}

/** edgeroom's HmsClient with a recording fetch. */
export function edgeroomHms(answer, options = {}) {
  const requests = [];
  const reply = answerer(answer);
  const fetch = async (url, init = {}) => {
    const request = { method: init.method ?? "GET", url: String(url), body: init.body, authorization: headerOf(init.headers, "authorization") };
    requests.push(request);
    return jsonResponse(reply(normalize(request), requests.length - 1));
  };
  const client = new edgeroom.HmsClient({ ...HMS, fetch, retries: 0, ...options });
  return { client, requests };
}

/** edgeroom's VideoSdkClient with a recording fetch. */
export function edgeroomVideoSdk(answer, options = {}) {
  const requests = [];
  const reply = answerer(answer);
  const fetch = async (url, init = {}) => {
    const request = { method: init.method ?? "GET", url: String(url), body: init.body, authorization: headerOf(init.headers, "authorization") };
    requests.push(request);
    return jsonResponse(reply(normalize(request), requests.length - 1));
  };
  const client = new edgeroom.VideoSdkClient({ ...VSDK, fetch, retries: 0, ...options });
  return { client, requests };
}

/**
 * The official 100ms SDK with an axios adapter in place of the network. Its base URL stays
 * its own default (https://api.100ms.live/v2), as edgeroom's does.
 */
export function officialHms(answer) {
  const requests = [];
  const reply = answerer(answer);
  const sdk = new HMSSDK(HMS.accessKey, HMS.secret);
  sdk.setLogLevel("silent"); // its own error log would flood the output
  const axios = sdk.api.axios;
  axios.defaults.adapter = async (config) => {
    const request = { method: config.method, url: axios.getUri(config), body: config.data, authorization: headerOf(config.headers, "authorization") };
    requests.push(request);
    // A fresh copy: the SDK turns `*_at` strings into Dates in place.
    const data = structuredClone(reply(normalize(request), requests.length - 1));
    return { data, status: 200, statusText: "OK", headers: { "content-type": "application/json" }, config, request: {} };
  };
  return { sdk, requests };
}

/** The official VideoSDK SDK with a recording fetch (its own `fetch` option). */
export function officialVideoSdk(answer) {
  const requests = [];
  const reply = answerer(answer);
  const fetch = async (url, init = {}) => {
    const request = { method: init.method ?? "GET", url: String(url), body: init.body, authorization: headerOf(init.headers, "authorization") };
    requests.push(request);
    return jsonResponse(reply(normalize(request), requests.length - 1));
  };
  const sdk = new VideoSDK({ ...VSDK, fetch, maxRetries: 0 });
  return { sdk, requests };
}

/** Consumes a list (an async iterable, or a promise of one as VideoSDK's SDK returns). */
export async function drain(list) {
  const out = [];
  for await (const item of await list) out.push(item);
  return out;
}

/** The claims of a JWT, unverified. */
export function claimsOf(token) {
  const raw = token.startsWith("Bearer ") ? token.slice(7) : token;
  return JSON.parse(Buffer.from(raw.split(".")[1], "base64url").toString("utf8"));
}

/** The header of a JWT. */
export function headerOfToken(token) {
  return JSON.parse(Buffer.from(token.split(".")[0], "base64url").toString("utf8"));
}

/** Claims without `jti`, which is random on both sides. */
export function withoutJti(claims) {
  const { jti, ...rest } = claims;
  return rest;
}

/**
 * Runs `fn` with Date.now frozen at `ms` (both SDKs and edgeroom's wasm read the clock
 * through it), restoring it afterwards.
 */
export async function atInstant(ms, fn) {
  const real = Date.now;
  Date.now = () => ms;
  try {
    return await fn();
  } finally {
    Date.now = real;
  }
}

/** Asserts the two request lists are the same data, naming the call on failure. */
export function assertSameRequests(label, officialRequests, edgeroomRequests) {
  const official = officialRequests.map(normalize);
  const ours = edgeroomRequests.map(normalize);
  assert.deepStrictEqual(ours, official, `${label}: edgeroom sent\n${JSON.stringify(ours, null, 1)}\nthe official SDK sent\n${JSON.stringify(official, null, 1)}`);
}
