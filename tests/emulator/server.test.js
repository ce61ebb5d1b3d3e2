// The Node adapter: a real HTTP round trip through startEmulatorServer on a free port.

import assert from "node:assert/strict";
import { test } from "node:test";
import { jwtVerify } from "jose";
import { DEFAULT_APP, hmsUrls } from "../../js/emulator/index.js";
import { startEmulatorServer } from "../../js/emulator/server.js";
import { managementToken } from "./helpers.js";

test("startEmulatorServer serves the emulator over HTTP on 127.0.0.1 and closes cleanly", async (t) => {
  const lines = [];
  const server = await startEmulatorServer({ port: 0, log: (line) => lines.push(line) });
  t.after(() => server.close());
  assert.ok(server.port > 0);
  assert.equal(server.url, `http://127.0.0.1:${server.port}`);

  const { baseUrl, authBaseUrl } = hmsUrls(server.url);
  const token = await managementToken();
  const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };
  const created = await fetch(`${baseUrl}/rooms`, { method: "POST", headers, body: JSON.stringify({ name: "over-http" }) });
  assert.equal(created.status, 200);
  assert.equal(created.headers.get("content-type"), "application/json");
  const room = await created.json();

  const codes = await (await fetch(`${baseUrl}/room-codes/room/${room.id}`, { method: "POST", headers })).json();
  const exchanged = await fetch(`${authBaseUrl}/token`, { method: "POST", body: JSON.stringify({ code: codes.data[0].code, user_id: "u1" }) });
  const { payload } = await jwtVerify((await exchanged.json()).token, new TextEncoder().encode(DEFAULT_APP.secret));
  assert.equal(payload.room_id, room.id);

  const missing = await fetch(`${baseUrl}/rooms/${room.id}x`, { headers });
  assert.equal(missing.status, 404);
  assert.deepEqual(await missing.json(), { code: 404, message: "room not found", details: [`no room ${room.id}x`] });

  // The in-process view sees what went over the wire, and the log line never carries the token.
  assert.deepEqual(server.emulator.requests.map((r) => `${r.method} ${r.path}`), [
    "POST /100ms/v2/rooms",
    `POST /100ms/v2/room-codes/room/${room.id}`,
    "POST /100ms-auth/v2/token",
    `GET /100ms/v2/rooms/${room.id}x`,
  ]);
  assert.equal(server.emulator.requests[0].body.name, "over-http");
  assert.deepEqual(lines, [
    "POST /100ms/v2/rooms -> 200",
    `POST /100ms/v2/room-codes/room/${room.id} -> 200`,
    "POST /100ms-auth/v2/token -> 200",
    `GET /100ms/v2/rooms/${room.id}x -> 404`,
  ]);

  await server.close();
  await assert.rejects(fetch(`${server.url}/health`), "closed server must refuse connections");
});

test("emulator options pass through: custom apps", async (t) => {
  const app = { accessKey: "server-key", secret: "server-secret-123456" };
  const server = await startEmulatorServer({ apps: [app] });
  t.after(() => server.close());
  const token = await managementToken({ app });
  const response = await fetch(`${server.url}/100ms/v2/rooms`, { headers: { authorization: `Bearer ${token}` } });
  assert.equal(response.status, 200);
  const defaultToken = await managementToken();
  const rejected = await fetch(`${server.url}/100ms/v2/rooms`, { headers: { authorization: `Bearer ${defaultToken}` } });
  assert.equal(rejected.status, 401);
});
