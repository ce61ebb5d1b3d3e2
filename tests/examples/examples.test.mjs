// The three examples (Cloudflare Worker in workerd, Deno function, Node server), each
// started as its documented command does, against the emulator: create a room and its
// codes, mint a token that jose accepts, and receive a webhook only with the right secret.

import { test } from "node:test";
import assert from "node:assert/strict";
import { jwtVerify } from "jose";
import { DEFAULT_APP } from "edgeroom/emulator";
import { LOCAL_WEBHOOK_SECRET, startExample } from "../../examples/start.mjs";

function webhook(type, secret) {
  const body = JSON.stringify({
    version: "2.0", id: `evt-${type}`, app_id: "a", account_id: "c", timestamp: new Date().toISOString(), type,
    data: { room_id: "r1", peer_id: "p1" },
  });
  const headers = { "content-type": "application/json", ...(secret ? { "x-webhook-secret": secret } : {}) };
  return { method: "POST", headers, body };
}

for (const kind of ["worker", "deno", "node"]) {
  test(`the ${kind} example creates rooms, mints tokens and receives webhooks`, async () => {
    const example = await startExample(kind);
    try {
      const post = (path, body) => fetch(new URL(path, example.url), { method: "POST", body: JSON.stringify(body) });
      const created = await (await post("rooms", { name: `example-${kind}-${Date.now()}` })).json();
      assert.match(created.room.id, /^[0-9a-f]{24}$/);
      assert.deepEqual(created.codes.map((c) => c.role).sort(), ["guest", "host"]);

      const { token } = await (await post("tokens", { roomId: created.room.id, role: "guest", userId: "u-1" })).json();
      const { payload } = await jwtVerify(token, new TextEncoder().encode(DEFAULT_APP.secret), { algorithms: ["HS256"] });
      assert.equal(payload.room_id, created.room.id);
      assert.equal(payload.role, "guest");

      const bad = await (await post("rooms", { name: "not valid!" })).json();
      assert.equal(bad.error.code, "invalid_argument");
      assert.equal(bad.error.field, "name");

      const refused = await fetch(new URL("webhooks/100ms", example.url), webhook("peer.join.success", "wrong"));
      assert.equal(refused.status, 401);
      assert.equal((await refused.json()).error.code, "webhook_unauthenticated");
      const accepted = await fetch(new URL("webhooks/100ms", example.url), webhook("peer.join.success", LOCAL_WEBHOOK_SECRET));
      assert.equal(accepted.status, 200);
      const { event } = await (await fetch(new URL("webhooks/last", example.url))).json();
      assert.equal(event.type, "peer.join.success");
    } finally {
      await example.close();
    }
  });
}
