// The Rust examples on the ready client (feature `reqwest`), built with cargo and run as a user
// would run them, against an emulator listening on a free port of 127.0.0.1:
// - examples/rust_emulator.rs creates a room and its codes, mints an app token, exchanges a
//   code at the token service and pages through the rooms, then does the same for VideoSDK;
// - examples/axum_service.rs serves room creation and tokens from one shared client.
// The emulator's own request log and its API (read with a management token that jose mints)
// say what it really received; jose checks the tokens.

import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { jwtVerify } from "jose";
import { startEmulatorServer } from "../../js/emulator/server.js";
import { DEFAULT_APP, hmsUrls } from "../../js/emulator/index.js";
import { buildExample } from "./cargo-example.mjs";
import { managementToken } from "../emulator/helpers.js";

/** Runs it to its end (at most 60 s); resolves with { code, stdout, stderr }. */
function run(executable, args, env = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(executable, args, { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
    child.once("error", reject);
    child.once("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

test("the Rust example drives the emulator over a real HTTP client", async () => {
  const executable = buildExample("rust_emulator");
  const log = [];
  const emulator = await startEmulatorServer({ port: 0, log: (line) => log.push(line) });
  try {
    const { baseUrl } = hmsUrls(emulator.url);
    const token = await managementToken();
    const api = (path, init = {}) =>
      fetch(`${baseUrl}${path}`, {
        ...init,
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      }).then(async (r) => ({ status: r.status, body: await r.json() }));
    // Rooms made beforehand, so the example's two-per-page listing takes several pages.
    for (const name of ["before-1", "before-2", "before-3", "before-4"]) {
      assert.equal((await api("/rooms", { method: "POST", body: JSON.stringify({ name }) })).status, 200);
    }

    const result = await run(executable, [emulator.url]);
    assert.equal(result.code, 0, `the example failed:\n${result.stdout}${result.stderr}`);
    const out = result.stdout;
    const id = out.match(/^room: ([0-9a-f]{24}) name=(rust-example-\d+) region=eu$/m);
    assert.ok(id, out);
    const [, roomId, name] = id;
    const codes = Object.fromEntries([...out.match(/^room codes: (.*)$/m)[1].matchAll(/(\w+)=([a-z]{3}-[a-z]{4}-[a-z]{3})/g)].map((m) => [m[1], m[2]]));
    assert.deepEqual(Object.keys(codes).sort(), ["guest", "host"]);
    assert.match(out, new RegExp(`^app token: role=host room=${roomId} expires_at=\\d+$`, "m"));
    assert.match(out, new RegExp(`^exchanged: code=${codes.guest} role=guest room=${roomId}$`, "m"));
    assert.match(out, /^listed: 5 rooms in 3 pages of at most 2, the new room among them$/m);
    const vroom = out.match(new RegExp(`^videosdk room: ([a-z0-9-]+) custom=${name}$`, "m"));
    assert.ok(vroom, out);
    assert.match(out, new RegExp(`^videosdk token: room=${vroom[1]} expires_at=\\d+$`, "m"));
    assert.match(out, /^videosdk listed: 1 rooms, the new room among them$/m);

    // The emulator has the room, and its codes, as the example printed them.
    const room = await api(`/rooms/${roomId}`);
    assert.equal(room.status, 200);
    assert.equal(room.body.name, name);
    assert.equal(room.body.region, "eu");
    const listed = await api(`/room-codes/room/${roomId}`);
    assert.deepEqual(listed.body.data.map((c) => [c.role, c.code]).sort(), Object.entries(codes).sort());

    // And it saw each step arrive over HTTP, the exchange at the token service.
    const seen = (line) => log.filter((l) => l === line).length;
    assert.equal(seen("POST /100ms/v2/rooms -> 200"), 5);
    assert.equal(seen(`POST /100ms/v2/room-codes/room/${roomId} -> 200`), 1);
    assert.equal(seen("POST /100ms-auth/v2/token -> 200"), 1);
    // Walked twice: page by page, then as a stream.
    assert.equal(seen("GET /100ms/v2/rooms -> 200"), 6);
    assert.equal(seen("POST /videosdk/v2/rooms -> 200"), 1);
    assert.equal(seen("GET /videosdk/v2/rooms -> 200"), 1);
  } finally {
    await emulator.close();
  }
});

test("the Rust example exits non-zero on an error", async () => {
  const executable = buildExample("rust_emulator");
  const emulator = await startEmulatorServer({ port: 0 });
  try {
    const result = await run(executable, [emulator.url], { HMS_SECRET: "not-the-apps-secret-not-the-apps-secret" });
    assert.equal(result.code, 1);
    assert.match(result.stderr, /^error: unauthorized: HTTP 401/m);
    assert.doesNotMatch(result.stdout + result.stderr, /not-the-apps-secret/);
  } finally {
    await emulator.close();
  }
});

/** Starts the axum example against `emulatorUrl`; resolves with its URL once it listens. */
function startService(executable, emulatorUrl) {
  return new Promise((resolve, reject) => {
    const child = spawn(executable, [emulatorUrl], { env: { ...process.env, PORT: "0" }, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    const timer = setTimeout(() => reject(new Error(`the service did not start:\n${stdout}${stderr}`)), 30_000);
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
      const listening = stdout.match(/^listening on (http:\/\/127\.0\.0\.1:\d+)$/m);
      if (listening) {
        clearTimeout(timer);
        resolve({ url: listening[1], stop: () => child.kill("SIGTERM") });
      }
    });
    child.once("error", reject);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the service exited with ${code}:\n${stdout}${stderr}`));
    });
  });
}

test("the axum example serves rooms and tokens from one shared client", async () => {
  const executable = buildExample("axum_service");
  const log = [];
  const emulator = await startEmulatorServer({ port: 0, log: (line) => log.push(line) });
  const service = await startService(executable, emulator.url);
  try {
    const post = (path, body) =>
      fetch(`${service.url}${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) })
        .then(async (r) => ({ status: r.status, body: await r.json() }));
    // Concurrent requests through the one client.
    const names = ["axum-1", "axum-2", "axum-3", "axum-4"];
    const created = await Promise.all(names.map((name) => post("/rooms", { name })));
    for (const [i, { status, body }] of created.entries()) {
      assert.equal(status, 200, JSON.stringify(body));
      assert.equal(body.room.name, names[i]);
      assert.deepEqual(body.codes.map((c) => c.role).sort(), ["guest", "host"]);
      assert.ok(body.codes.every((c) => c.room_id === body.room.id));
    }
    const roomId = created[0].body.room.id;
    const minted = await post("/tokens", { roomId, role: "guest", userId: "u-1" });
    assert.equal(minted.status, 200);
    const { payload } = await jwtVerify(minted.body.token, new TextEncoder().encode(DEFAULT_APP.secret), { algorithms: ["HS256"] });
    assert.deepEqual([payload.room_id, payload.role, payload.user_id, payload.type], [roomId, "guest", "u-1", "app"]);
    assert.equal(payload.exp, minted.body.expiresAt);

    const bad = await post("/rooms", { name: "not valid!" });
    assert.equal(bad.status, 400);
    assert.deepEqual([bad.body.error.code, bad.body.error.field], ["invalid_argument", "name"]);
    const missing = await post("/tokens", { roomId: "", role: "guest" });
    assert.equal(missing.status, 400);
    assert.equal(missing.body.error.field, "roomId");

    assert.equal(log.filter((l) => l === "POST /100ms/v2/rooms -> 200").length, 4);
    assert.ok(!log.some((l) => l.startsWith("POST /100ms/v2/rooms -> 4")), "the bad name was never sent");
  } finally {
    service.stop();
    await emulator.close();
  }
});
