// The fault injector itself (js/emulator/shared/faults.js): rules and their matching, each fault as
// the in-process handler answers it and as the Node server puts it on the wire, the HTTP
// control route, the request log. The SDK's side of the story is faults.test.mjs.

import { test } from "node:test";
import assert from "node:assert/strict";
import { HmsClient } from "edgeroom";
import { DEFAULT_APP, createEmulator } from "../../js/emulator/index.js";
import { startEmulatorServer } from "../../js/emulator/server.js";
import { HMS, ORIGIN, managementToken } from "../emulator/helpers.js";

const ROOM = "GET /100ms/v2/rooms/:room_id";

async function authed() {
  return { authorization: `Bearer ${await managementToken()}`, "content-type": "application/json" };
}

async function createRoom(fetchLike, base, name) {
  const response = await fetchLike(`${base}/rooms`, { method: "POST", headers: await authed(), body: JSON.stringify({ name }) });
  assert.equal(response.status, 200);
  return response.json();
}

test("bad rules are refused when given, naming what is wrong", () => {
  assert.throws(() => createEmulator({ faults: [{ fault: "explode" }] }), /unknown fault "explode"/);
  const emu = createEmulator();
  for (const [rule, message] of [
    [{ fault: "status" }, /status needs an integer status/],
    [{ fault: "status", status: 200 }, /from 400 to 599/],
    [{ fault: "status", status: 429, retryAfter: -1 }, /retryAfter/],
    [{ fault: "drop", times: 0 }, /times is a positive integer/],
    [{ fault: "latency" }, /latency needs latencyMs/],
    [{ fault: "latency", latencyMs: [50, 10] }, /latencyMs/],
    [{ fault: "trickle", chunkBytes: 0 }, /chunkBytes are positive integers/],
    [{ fault: "truncate", bytes: -1 }, /bytes is how many/],
    [{ fault: "drop", route: "rooms" }, /must start with \//],
    [{ fault: "drop", route: "GET /a extra" }, /METHOD \/path/],
    ["drop", /a rule is an object/],
  ]) {
    assert.throws(() => emu.faults.set(rule), message, JSON.stringify(rule));
  }
  assert.deepEqual(emu.faults.list(), []);
});

test("routes match by method and pattern, a /* suffix is a prefix, and the first rule with uses left wins", async () => {
  const emu = createEmulator();
  const base = `${ORIGIN}/100ms/v2`;
  const room = await createRoom(emu.fetch, base, "matching");
  const headers = await authed();
  const get = (path) => emu.fetch(`${base}${path}`, { headers }).then((r) => r.status);

  emu.faults.set([
    { route: ROOM, fault: "status", status: 503, times: 1 },
    { route: "POST /100ms/v2/*", fault: "status", status: 502 },
    { route: "/100ms/v2/room-codes/*", fault: "status", status: 504 },
  ]);
  assert.equal(await get(`/rooms/${room.id}`), 503);
  assert.equal(await get(`/rooms/${room.id}`), 200, "times: 1 is used up");
  assert.equal(await get("/rooms"), 200, "GET /rooms is not /rooms/:room_id");
  assert.equal(await get(`/room-codes/room/${room.id}`), 504, "a prefix with any method");
  const post = await emu.fetch(`${base}/rooms/${room.id}`, { method: "POST", headers, body: "{}" });
  assert.equal(post.status, 502);
  assert.deepEqual(
    emu.faults.list().map(({ hits, left }) => ({ hits, left })),
    [{ hits: 1, left: 0 }, { hits: 1, left: undefined }, { hits: 1, left: undefined }],
  );

  // No route: every request, except the emulator's own controls and CORS preflights.
  emu.faults.set({ fault: "status", status: 500 });
  assert.equal(await get(`/rooms/${room.id}`), 500);
  assert.equal((await emu.fetch(`${ORIGIN}/_emulator/100ms/rooms/${room.id}/messages`)).status, 200);
  assert.equal((await emu.fetch(`${base}/rooms`, { method: "OPTIONS" })).status, 204);
  emu.faults.clear();
  assert.equal(await get(`/rooms/${room.id}`), 200);
});

test("the log records every attempt with the rule that applied to it", async () => {
  const emu = createEmulator({ faults: [{ route: "GET /health", fault: "status", status: 503, retryAfter: 2, times: 1 }] });
  const first = await emu.fetch(`${ORIGIN}/health`);
  assert.equal(first.status, 503);
  assert.equal(first.headers.get("retry-after"), "2");
  assert.equal(first.headers.get("access-control-allow-origin"), "*");
  assert.deepEqual(await first.json(), { code: 503, message: "injected fault", details: ["the emulator answered 503 on purpose"] });
  assert.equal((await emu.fetch(`${ORIGIN}/health`)).status, 200);
  assert.deepEqual(emu.requests.map((r) => r.fault), [
    { route: "GET /health", fault: "status", status: 503, retryAfter: 2, times: 1 },
    undefined,
  ]);
  assert.equal(Object.hasOwn(emu.requests[1], "fault"), false, "an unfaulted entry keeps its usual shape");

  // reset() brings back the faults the emulator was created with, counts fresh.
  emu.reset();
  assert.equal((await emu.fetch(`${ORIGIN}/health`)).status, 503);
  assert.equal(emu.requests.length, 1);
});

test("status faults: a date Retry-After, an empty body, a raw body", async () => {
  const at = new Date(Date.UTC(2030, 0, 2, 3, 4, 5));
  const emu = createEmulator();
  emu.faults.set([
    { route: "GET /health", fault: "status", status: 429, retryAfter: at, times: 1 },
    { route: "GET /health", fault: "status", status: 502, body: null, times: 1 },
    { route: "GET /health", fault: "status", status: 500, body: "oops", times: 1 },
    { route: "GET /health", fault: "status", status: 503, body: { error: "down" }, times: 1 },
  ]);
  const limited = await emu.fetch(`${ORIGIN}/health`);
  assert.equal(limited.headers.get("retry-after"), "Wed, 02 Jan 2030 03:04:05 GMT");
  const empty = await emu.fetch(`${ORIGIN}/health`);
  assert.equal(empty.status, 502);
  assert.equal(await empty.text(), "");
  const raw = await emu.fetch(`${ORIGIN}/health`);
  assert.equal(raw.headers.get("content-type"), "text/plain");
  assert.equal(await raw.text(), "oops");
  assert.deepEqual(await (await emu.fetch(`${ORIGIN}/health`)).json(), { error: "down" });
});

test("in process: drop and lost reject like fetch does; lost performs the request first", async () => {
  const emu = createEmulator();
  const headers = await authed();
  emu.faults.set([{ route: "POST /100ms/v2/rooms", fault: "drop", times: 1 }, { route: "POST /100ms/v2/rooms", fault: "lost", times: 1 }]);
  const send = () => emu.fetch(`${HMS}/rooms`, { method: "POST", headers, body: JSON.stringify({ name: "lost-one" }) });
  await assert.rejects(send(), (e) => e instanceof TypeError && e.message === "fetch failed" && /dropped before/.test(e.cause.message));
  assert.equal(emu.state.rooms.length, 0, "a drop is not performed");
  await assert.rejects(send(), (e) => e instanceof TypeError && e.message === "fetch failed");
  assert.deepEqual(emu.state.rooms.map((r) => r.name), ["lost-one"], "a lost answer was performed");
});

test("in process: truncate, non-json and wrong-shape answer 200 with the broken body", async () => {
  const emu = createEmulator();
  emu.faults.set([
    { route: "GET /health", fault: "truncate", times: 1 },
    { route: "GET /health", fault: "truncate", bytes: 3, closeConnection: true, times: 1 },
    { route: "GET /health", fault: "non-json", times: 1 },
    { route: "GET /health", fault: "wrong-shape", times: 1 },
    { route: "GET /health", fault: "wrong-shape", body: { nope: 1 }, times: 1 },
  ]);
  const next = () => emu.fetch(`${ORIGIN}/health`);
  assert.equal(await (await next()).text(), '{"ok"', 'half of {"ok":true}');
  const cut = await next();
  const reader = cut.body.getReader();
  assert.equal(new TextDecoder().decode((await reader.read()).value), '{"o');
  await assert.rejects(reader.read(), /fetch failed/);
  const html = await next();
  assert.equal(html.status, 200);
  assert.match(await html.text(), /^<html>/);
  assert.equal(await (await next()).text(), "[]");
  assert.equal(await (await next()).text(), '{"nope":1}');
});

test("in process: trickle sends one byte at once, then one per interval, and stops with the request's signal", async () => {
  const emu = createEmulator({ faults: [{ route: "GET /health", fault: "trickle", intervalMs: 40 }] });
  let started = performance.now();
  const response = await emu.fetch(`${ORIGIN}/health`);
  assert.ok(performance.now() - started < 30, "headers at once");
  started = performance.now();
  assert.equal(await response.text(), '{"ok":true}');
  const took = performance.now() - started;
  assert.ok(took >= 10 * 40 - 20, `11 bytes, 10 waits of 40 ms: took ${took.toFixed(0)} ms`);

  const controller = new AbortController();
  const slow = await emu.fetch(`${ORIGIN}/health`, { signal: controller.signal });
  setTimeout(() => controller.abort(), 60);
  started = performance.now();
  await assert.rejects(slow.text());
  assert.ok(performance.now() - started < 150, "the body stops when the client gives up");
});

test("in process, with the SDK: a drop is `network`, a trickle is `timeout`", async () => {
  const emu = createEmulator();
  const hms = new HmsClient({ ...DEFAULT_APP, baseUrl: HMS, fetch: emu.fetch, retries: 0, timeoutMs: 150 });
  const room = await hms.rooms.create({ name: "in-process" });
  emu.faults.set({ route: ROOM, fault: "drop" });
  await assert.rejects(hms.rooms.retrieveById(room.id), (e) => e.code === "network" && /fetch failed/.test(e.message));
  emu.faults.set({ route: ROOM, fault: "trickle", intervalMs: 1000 });
  const started = performance.now();
  await assert.rejects(hms.rooms.retrieveById(room.id), { code: "timeout" });
  assert.ok(performance.now() - started < 150 + 300);
});

test("over HTTP: the control route sets, lists and clears faults, and is never faulted nor in emu.requests", async (t) => {
  const lines = [];
  const server = await startEmulatorServer({ port: 0, log: (line) => lines.push(line) });
  t.after(() => server.close());
  const control = (method, body) =>
    fetch(`${server.url}/_emulator/faults`, { method, body: body === undefined ? undefined : JSON.stringify(body) });

  const bad = await control("POST", { fault: "nope" });
  assert.equal(bad.status, 400);
  assert.match((await bad.json()).details[0], /unknown fault "nope"/);
  assert.equal((await control("POST", "{")).status, 400);
  assert.equal((await control("PUT")).status, 405);

  const set = await control("POST", [{ fault: "drop", times: 1 }, { route: "GET /health", fault: "status", status: 503 }]);
  assert.deepEqual((await set.json()).faults, [
    { fault: "drop", times: 1, hits: 0, left: 1 },
    { route: "GET /health", fault: "status", status: 503, hits: 0 },
  ]);
  await assert.rejects(fetch(`${server.url}/health`), (e) => e instanceof TypeError, "the socket is destroyed");
  assert.equal((await fetch(`${server.url}/health`)).status, 503);
  assert.deepEqual((await (await control("GET")).json()).faults.map((f) => f.hits), [1, 1]);
  assert.deepEqual((await (await control("DELETE")).json()).faults, []);
  assert.equal((await fetch(`${server.url}/health`)).status, 200);

  assert.deepEqual(server.emulator.requests.map((r) => r.fault?.fault ?? "none"), ["drop", "status", "none"]);
  const health = lines.filter((line) => line.startsWith("GET /health"));
  assert.deepEqual(health, ["GET /health -> dropped", "GET /health -> 503", "GET /health -> 200"]);
});

test("over HTTP: lost performs then destroys the socket; trickle streams, and stops when the client leaves", async (t) => {
  const server = await startEmulatorServer({ port: 0 });
  t.after(() => server.close());
  const base = `${server.url}/100ms/v2`;
  server.emulator.faults.set([
    { route: "POST /100ms/v2/rooms", fault: "lost", times: 1 },
    { route: "GET /health", fault: "trickle", intervalMs: 50 },
    { route: "GET /100ms/v2/rooms", fault: "truncate", closeConnection: true },
  ]);
  await assert.rejects(createRoom(fetch, base, "over-http"), (e) => e instanceof TypeError);
  assert.deepEqual(server.emulator.state.rooms.map((r) => r.name), ["over-http"]);

  const started = performance.now();
  const response = await fetch(`${server.url}/health`);
  assert.ok(performance.now() - started < 45, "headers before the first interval");
  assert.equal(await response.text(), '{"ok":true}');
  assert.ok(performance.now() - started >= 10 * 50 - 20, "then a byte per interval");

  // A body cut mid-way: the reader fails, as a reset connection does.
  const cut = await fetch(`${base}/rooms`, { headers: await authed() });
  await assert.rejects(cut.text(), (e) => e instanceof TypeError);

  // The client leaves mid-trickle: the server's stream is cancelled, close() does not wait for it.
  const controller = new AbortController();
  const slow = await fetch(`${server.url}/health`, { signal: controller.signal });
  controller.abort();
  await assert.rejects(slow.text());
  const closing = performance.now();
  await server.close();
  assert.ok(performance.now() - closing < 200, "nothing kept the server busy");
});
