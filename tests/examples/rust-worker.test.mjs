// The Rust Worker (examples/rust-worker: workers-rs over edgeroom's fetch transport), built by
// its build.sh (worker-build's steps with the installed tools) and run in workerd through
// Miniflare, its vars pointing at an emulator on a free port of 127.0.0.1: POST /rooms
// creates a room and its codes and mints a host token. The emulator's API (read with a
// management token that jose mints) says what it really holds, and jose verifies the token
// with the app's secret.
//
// The first build compiles `worker`, edgeroom and their dependencies for wasm32: a few minutes
// on a busy machine. Later runs cost cargo's no-op check (build.sh skips the rest while
// build/ is newer than the cargo output).

import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { jwtVerify } from "jose";
import { Miniflare } from "miniflare";
import { DEFAULT_APP, hmsUrls } from "../../js/emulator/index.js";
import { startEmulatorServer } from "../../js/emulator/server.js";
import { COMPATIBILITY_DATE } from "../../scripts/worker-bundle.mjs";
import { managementToken } from "../emulator/helpers.js";

const HERE = fileURLToPath(new URL("../../examples/rust-worker/", import.meta.url));
const BUILD = `${HERE}build`;

let emulator;
let worker;
const log = [];

/** build/ in workerd, as wrangler deploys it: index.js the entry, its .wasm a CompiledWasm module. */
function startRustWorker(bindings) {
  return new Miniflare({
    modules: true,
    scriptPath: `${BUILD}/index.js`,
    modulesRoot: BUILD,
    modulesRules: [{ type: "CompiledWasm", include: ["**/*.wasm"] }],
    compatibilityDate: COMPATIBILITY_DATE,
    bindings,
  });
}

/** The Worker's configuration against the emulator, its default app unless told otherwise. */
function bindings({ secret = DEFAULT_APP.secret } = {}) {
  const urls = hmsUrls(emulator.url);
  return { HMS_ACCESS_KEY: DEFAULT_APP.accessKey, HMS_SECRET: secret, HMS_BASE_URL: urls.baseUrl, HMS_AUTH_BASE_URL: urls.authBaseUrl };
}

before(async () => {
  const built = spawnSync("bash", [`${HERE}build.sh`], { stdio: ["ignore", "inherit", "inherit"] });
  assert.equal(built.status, 0, "examples/rust-worker/build.sh failed");
  emulator = await startEmulatorServer({ port: 0, log: (line) => log.push(line) });
  worker = startRustWorker(bindings());
  await worker.ready;
});

after(async () => {
  await worker?.dispose();
  await emulator?.close();
});

/** The emulator's own API, with a management token jose mints. */
async function api(path) {
  const token = await managementToken();
  const response = await fetch(`${hmsUrls(emulator.url).baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: response.status, body: await response.json() };
}

const post = (path, body) =>
  worker.dispatchFetch(new URL(path, "http://rust-worker.test/"), { method: "POST", body: JSON.stringify(body) });

test("the Rust Worker creates a room and its codes in the emulator and mints a host token", async () => {
  const name = `rust-worker-${Date.now()}`;
  const response = await post("/rooms", { name });
  const text = await response.text();
  assert.equal(response.status, 200, text);
  assert.match(response.headers.get("content-type"), /^application\/json/);
  const { room, codes, token } = JSON.parse(text);

  // The room is in the emulator, as the Worker answered it.
  assert.match(room.id, /^[0-9a-f]{24}$/);
  assert.equal(room.name, name);
  const stored = await api(`/rooms/${room.id}`);
  assert.equal(stored.status, 200);
  assert.equal(stored.body.id, room.id);
  assert.equal(stored.body.name, name);

  // Its codes: one per role of the template, each belonging to this room.
  const roles = codes.map((c) => c.role).sort();
  assert.deepEqual(roles, ["guest", "host"]);
  const listed = await api(`/room-codes/room/${room.id}`);
  assert.equal(listed.status, 200);
  assert.deepEqual(
    listed.body.data.map((c) => [c.role, c.code]).sort(),
    codes.map((c) => [c.role, c.code]).sort(),
  );
  for (const code of listed.body.data) assert.equal(code.room_id, room.id);

  // The token: jose verifies it with the app's secret, for this room and the host role.
  assert.equal(typeof token.token, "string");
  const { payload, protectedHeader } = await jwtVerify(token.token, new TextEncoder().encode(DEFAULT_APP.secret), {
    algorithms: ["HS256"],
  });
  assert.equal(protectedHeader.alg, "HS256");
  assert.equal(payload.access_key, DEFAULT_APP.accessKey);
  assert.equal(payload.room_id, room.id);
  assert.equal(payload.role, "host");
  assert.equal(payload.type, "app");
  assert.equal(payload.exp, token.expires_at);
  assert.ok(payload.exp > Date.now() / 1000, "the token is not yet expired");

  // The Worker reached the emulator over HTTP: one create, one create of the codes.
  assert.equal(log.filter((l) => l === "POST /100ms/v2/rooms -> 200").length, 1, log.join("\n"));
  assert.equal(log.filter((l) => l === `POST /100ms/v2/room-codes/room/${room.id} -> 200`).length, 1, log.join("\n"));
});

test("the Rust Worker answers edgeroom's errors as JSON with a status", async () => {
  const before = log.length;
  const bad = await post("/rooms", { name: "not valid!" });
  assert.equal(bad.status, 400);
  const { error } = await bad.json();
  assert.equal(error.code, "invalid_argument");
  assert.equal(error.field, "name");
  assert.match(error.message, /name/);
  assert.deepEqual(log.slice(before), [], "a bad name is refused before anything is sent");

  const unknown = await worker.dispatchFetch("http://rust-worker.test/nowhere");
  assert.equal(unknown.status, 404);
  assert.equal((await unknown.json()).error.code, "not_found");
});

test("the Rust Worker answers the provider's refusal as JSON, without the secret", async () => {
  const wrong = "not-the-apps-secret-not-the-apps-secret";
  const misconfigured = startRustWorker(bindings({ secret: wrong }));
  try {
    const response = await misconfigured.dispatchFetch("http://rust-worker.test/rooms", {
      method: "POST",
      body: JSON.stringify({ name: "refused" }),
    });
    const text = await response.text();
    assert.equal(response.status, 401, text);
    assert.equal(JSON.parse(text).error.code, "unauthorized");
    assert.doesNotMatch(text, new RegExp(wrong));
  } finally {
    await misconfigured.dispose();
  }
});

test("the Rust Worker without its access key answers 500: its configuration, not the caller, is at fault", async () => {
  const config = bindings();
  delete config.HMS_ACCESS_KEY;
  const unconfigured = startRustWorker(config);
  try {
    const before = log.length;
    const response = await unconfigured.dispatchFetch("http://rust-worker.test/rooms", {
      method: "POST",
      body: JSON.stringify({ name: "unconfigured" }),
    });
    const text = await response.text();
    assert.equal(response.status, 500, text);
    assert.equal(JSON.parse(text).error.code, "invalid_argument");
    assert.deepEqual(log.slice(before), [], "nothing was sent");
  } finally {
    await unconfigured.dispose();
  }
});
