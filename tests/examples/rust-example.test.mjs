// The Rust example (examples/rust_emulator.rs), built with cargo and run as a user would run
// it, natively over ureq, against an emulator listening on a free port of 127.0.0.1: it creates
// a room and its codes, mints an app token, exchanges a code at the token service and pages
// through the rooms. The emulator's own request log and its API (read with a management token
// that jose mints) say what it really received.

import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { startEmulatorServer } from "../../js/emulator/server.js";
import { hmsUrls } from "../../js/emulator/index.js";
import { managementToken } from "../emulator/helpers.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** Builds the example (once); its executable's path, read from cargo's own JSON messages. */
let built;
function buildExample() {
  built ??= build();
  return built;
}

function build() {
  const build = spawnSync(
    "cargo",
    ["build", "--quiet", "--example", "rust_emulator", "--message-format=json-render-diagnostics"],
    { cwd: ROOT, encoding: "utf8", maxBuffer: 64 * 1024 * 1024, stdio: ["ignore", "pipe", "inherit"] },
  );
  assert.equal(build.status, 0, "cargo build --example rust_emulator failed");
  const artifact = build.stdout
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line))
    .find((m) => m.reason === "compiler-artifact" && m.target?.name === "rust_emulator" && m.executable);
  assert.ok(artifact, "cargo reported no rust_emulator executable");
  return artifact.executable;
}

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
  const executable = buildExample();
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
    assert.equal(seen("GET /100ms/v2/rooms -> 200"), 3);
  } finally {
    await emulator.close();
  }
});

test("the Rust example exits non-zero on an error", async () => {
  const executable = buildExample();
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
