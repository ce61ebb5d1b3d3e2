// The three examples (Cloudflare Worker in workerd, Deno function, Node server), each
// started as its documented command does, against the emulator: create a room and its
// codes, mint a token that jose accepts, receive the webhooks the emulator sends when a peer
// joins, and refuse a webhook without the right secret.

import { test } from "node:test";
import assert from "node:assert/strict";
import { jwtVerify } from "jose";
import { DEFAULT_APP } from "edgeroom/emulator";
import { startExample } from "../../examples/start.mjs";

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

      // A peer joins the room (the emulator's control service simulates it): the emulator
      // sends session.open.success then peer.join.success to the example, which accepts them.
      const joined = await fetch(`${example.emulator.url}/_emulator/100ms/rooms/${created.room.id}/peers`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ role: "guest", name: "Guest", user_id: "u-1" }),
      });
      const peer = await joined.json();
      assert.equal(joined.status, 200);
      await example.emulator.emulator.webhooks.settled();
      const sent = example.emulator.emulator.webhooks.deliveries.filter((d) => d.payload.data.room_id === created.room.id);
      assert.deepEqual(sent.map((d) => [d.type, d.status, d.attempts, d.url]), [
        ["session.open.success", "delivered", 1, new URL("webhooks/100ms", example.url).href],
        ["peer.join.success", "delivered", 1, new URL("webhooks/100ms", example.url).href],
      ]);
      const { event } = await (await fetch(new URL("webhooks/last", example.url))).json();
      assert.equal(event.type, "peer.join.success");
      assert.equal(event.id, sent[1].eventId);
      assert.equal(event.data.room_id, created.room.id);
      assert.equal(event.data.peer_id, peer.id);
      assert.equal(event.data.user_id, "u-1");

      const refused = await fetch(new URL("webhooks/100ms", example.url), webhook("peer.join.success", "wrong"));
      assert.equal(refused.status, 401);
      assert.equal((await refused.json()).error.code, "webhook_unauthenticated");
      const last = await (await fetch(new URL("webhooks/last", example.url))).json();
      assert.equal(last.event.id, event.id, "the refused webhook did not replace the last event");
    } finally {
      await example.close();
    }
  });
}
