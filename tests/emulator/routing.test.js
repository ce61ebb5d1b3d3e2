// Routing, the request log, reset, secret hygiene and runtime neutrality.

import assert from "node:assert/strict";
import { readdir, readFile } from "node:fs/promises";
import { describe, test } from "node:test";
import { DEFAULT_APP, createEmulator, hmsUrls } from "../../js/emulator/index.js";
import { AUTH, HMS, ORIGIN, assertError, call, client, exchange, managementToken } from "./helpers.js";

describe("routing", () => {
  test("GET /health -> 200 {ok: true}", async () => {
    const response = await call(createEmulator(), "GET", `${ORIGIN}/health`);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get("content-type"), "application/json");
    assert.deepEqual(response.body, { ok: true });
  });

  test("unknown routes -> 404 route not found, as JSON", async () => {
    const emu = createEmulator();
    const token = await managementToken();
    assertError(assert, await call(emu, "GET", `${ORIGIN}/nope`), 404, "route not found");
    assertError(assert, await call(emu, "GET", `${HMS}/no-such-resource`, { token }), 404, "route not found");
    assert.deepEqual((await call(emu, "GET", `${AUTH}/other`)).body, { code: 404, message: "route not found" });
    // VideoSDK is served now: without its raw token every path answers 401 before routing.
    assert.equal((await call(emu, "GET", `${ORIGIN}/videosdk/v2/rooms`)).status, 401);
  });

  test("paths are exact: a trailing or doubled slash is not the same route", async () => {
    const api = await client(createEmulator());
    assertError(assert, await api.get("/rooms/"), 404, "route not found");
    assertError(assert, await api.get("//rooms"), 404, "route not found");
  });

  test("a known path with the wrong method -> 405 with Allow", async () => {
    const emu = createEmulator();
    const token = await managementToken();
    const response = await call(emu, "DELETE", `${HMS}/rooms`, { token });
    assertError(assert, response, 405, "method not allowed");
    assert.equal(response.headers.get("allow"), "GET, POST");
    assert.equal((await call(emu, "GET", `${AUTH}/token`)).status, 405);
  });

  test("a path parameter with broken percent-encoding -> 400", async () => {
    const api = await client(createEmulator());
    assertError(assert, await api.get("/rooms/%E0%A4%A"), 400, "Invalid path param");
  });

  test("routing ignores the host, and emu.fetch works unbound with fetch's (url, init) arguments", async () => {
    const emu = createEmulator();
    const { fetch } = emu;
    const token = await managementToken();
    const init = { method: "POST", headers: { authorization: `Bearer ${token}` }, body: JSON.stringify({ name: "anywhere" }) };
    const a = await (await fetch("https://api.100ms.live/100ms/v2/rooms", init)).json();
    const b = await (await fetch(new URL("http://localhost:1/100ms/v2/rooms"), init)).json();
    assert.equal(a.id, b.id);
  });

  test("CORS: preflight answers 204 and JSON answers allow any origin", async () => {
    const emu = createEmulator();
    const preflight = await emu.fetch(new Request(`${AUTH}/token`, { method: "OPTIONS" }));
    assert.equal(preflight.status, 204);
    assert.match(preflight.headers.get("access-control-allow-headers"), /Authorization/);
    const response = await emu.fetch(new Request(`${ORIGIN}/health`));
    assert.equal(response.headers.get("access-control-allow-origin"), "*");
  });

  test("hmsUrls builds the client configuration from an origin", () => {
    const expected = { baseUrl: "http://127.0.0.1:8787/100ms/v2", authBaseUrl: "http://127.0.0.1:8787/100ms-auth/v2" };
    assert.deepEqual(hmsUrls("http://127.0.0.1:8787"), expected);
    assert.deepEqual(hmsUrls(new URL("http://127.0.0.1:8787/")), expected);
  });
});

describe("request log and reset", () => {
  test("every request is logged with method, path, query, body and authorized", async () => {
    const emu = createEmulator();
    assert.deepEqual(emu.requests, [], "a fresh emulator has seen no request");
    const token = await managementToken();
    await call(emu, "POST", `${HMS}/rooms`, { token, body: { name: "logged" } });
    await call(emu, "GET", `${HMS}/rooms?limit=5&name=a&name=b`, { token });
    await call(emu, "POST", `${HMS}/rooms`, { body: "{oops" });
    await call(emu, "GET", `${ORIGIN}/health`);
    assert.deepEqual(emu.requests, [
      { method: "POST", path: "/100ms/v2/rooms", query: {}, body: { name: "logged" }, authorized: true },
      { method: "GET", path: "/100ms/v2/rooms", query: { limit: "5", name: ["a", "b"] }, body: null, authorized: true },
      { method: "POST", path: "/100ms/v2/rooms", query: {}, body: "{oops", authorized: false },
      { method: "GET", path: "/health", query: {}, body: null, authorized: false },
    ]);
  });

  test("reset clears rooms, codes and the log (same array), keeps apps and template ids", async () => {
    const emu = createEmulator();
    const log = emu.requests;
    const before = emu.state;
    const api = await client(emu);
    const room = (await api.post("/rooms", { name: "gone" })).body;
    await api.post(`/room-codes/room/${room.id}`);
    assert.equal(emu.state.rooms.length, 1);
    emu.reset();
    assert.equal(log.length, 0);
    assert.equal(emu.requests, log);
    assert.deepEqual(emu.state, before);
    assertError(assert, await api.get(`/rooms/${room.id}`), 404, "room not found");
    assert.equal((await api.post("/rooms", { template_id: before.templates[0].id })).status, 200);
  });

  test("emu.state is a snapshot: mutating it does not change the emulator", async () => {
    const emu = createEmulator();
    const api = await client(emu);
    const room = (await api.post("/rooms", {})).body;
    emu.state.rooms[0].enabled = false;
    assert.equal((await api.get(`/rooms/${room.id}`)).body.enabled, true);
  });
});

describe("secrets", () => {
  const APP = { accessKey: "key-under-test", secret: "s3cr3t-value-that-must-never-leak" };

  test("no response, header, log entry or state snapshot contains an app secret", async () => {
    const emu = createEmulator({ apps: [APP, DEFAULT_APP] });
    const seen = [];
    const record = async (promise) => {
      const response = await promise;
      seen.push(response.text, JSON.stringify([...response.headers]));
      return response;
    };
    const good = await managementToken({ app: APP });
    const wrong = await managementToken({ app: { accessKey: APP.accessKey, secret: `${APP.secret}x` } });
    const room = (await record(call(emu, "POST", `${HMS}/rooms`, { token: good, body: { name: "r" } }))).body;
    const codes = (await record(call(emu, "POST", `${HMS}/room-codes/room/${room.id}`, { token: good }))).body.data;
    await record(exchange(emu, { code: codes[0].code }));
    await record(call(emu, "GET", `${HMS}/rooms`, { token: wrong }));
    await record(call(emu, "GET", `${HMS}/rooms`, { token: "x.y.z" }));
    await record(call(emu, "GET", `${HMS}/rooms`));
    await record(call(emu, "POST", `${HMS}/rooms`, { token: good, body: "{bad" }));
    seen.push(JSON.stringify(emu.requests), JSON.stringify(emu.state));
    assert.equal(seen.length, 16);
    for (const secret of [APP.secret, DEFAULT_APP.secret]) {
      for (const text of seen) assert.ok(!text.includes(secret), `secret leaked in: ${text.slice(0, 200)}`);
    }
  });

  test("configuration errors name the access key, never the secret", () => {
    assert.throws(() => createEmulator({ apps: [APP, APP] }), (error) => {
      assert.match(error.message, /duplicate accessKey key-under-test/);
      assert.ok(!error.message.includes(APP.secret));
      return true;
    });
    assert.throws(() => createEmulator({ apps: [{ accessKey: "k", secret: "" }] }), TypeError);
    assert.throws(() => createEmulator({ apps: [] }), TypeError);
  });
});

describe("runtime neutrality", () => {
  test("the handler's files use no Node-only API (only server.js and cli.js may)", async () => {
    const dir = new URL("../../js/emulator/", import.meta.url);
    const files = (await readdir(dir)).filter((f) => f.endsWith(".js") && !["server.js", "cli.js"].includes(f));
    assert.ok(files.includes("index.js"));
    for (const file of files) {
      const source = await readFile(new URL(file, dir), "utf8");
      for (const pattern of [/from\s+["']node:/, /import\(["']node:/, /\brequire\(/, /\bprocess\./, /\bBuffer\b/, /from\s+["']\.\/(server|cli)\.js/]) {
        assert.doesNotMatch(source, pattern, `${file} must stay runtime-neutral`);
      }
    }
  });
});
