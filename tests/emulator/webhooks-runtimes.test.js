// The emulator's webhooks outside Node: served by a Worker in workerd (through miniflare), it
// signs VideoSDK webhooks with a key pair made by workerd's WebCrypto and POSTs them, and its
// 100ms ones, to a receiver in this process.

import assert from "node:assert/strict";
import http from "node:http";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { managementToken } from "./helpers.js";
import { videoSdkToken } from "./videosdk-helpers.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const fixture = fileURLToPath(new URL("./fixtures/webhooks-worker.js", import.meta.url));

async function startReceiver() {
  const received = [];
  const server = http.createServer(async (req, res) => {
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    received.push({ path: req.url, headers: req.headers, body: Buffer.concat(chunks) });
    res.writeHead(200).end("ok");
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${server.address().port}`, received, close: () => new Promise((r) => server.close(r)) };
}

test("workerd: 100ms and signed VideoSDK webhooks go out from a Worker", async (t) => {
  const { Miniflare } = await import("miniflare");
  const receiver = await startReceiver();
  t.after(() => receiver.close());
  const mf = new Miniflare({
    modules: true,
    scriptPath: fixture,
    modulesRoot: root,
    modulesRules: [{ type: "ESModule", include: ["**/*.js"] }],
    compatibilityDate: "2024-09-01",
  });
  t.after(() => mf.dispose());
  const send = async (path, { method = "POST", body, authorization } = {}) => {
    const response = await mf.dispatchFetch(`http://worker${path}`, {
      method,
      headers: { "content-type": "application/json", ...(authorization ? { authorization } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    assert.equal(response.status, 200, `${method} ${path}: ${response.status}`);
    return response.json();
  };

  const hmsToken = `Bearer ${await managementToken()}`;
  const room = await send("/100ms/v2/rooms", { body: { name: "from-workerd", webhook: { url: `${receiver.url}/hms`, headers: { "x-k": "v" } } }, authorization: hmsToken });
  await send(`/_emulator/100ms/rooms/${room.id}/peers`, { body: { role: "host", name: "Ann" } });

  const vsdkToken = await videoSdkToken({ nowMs: Date.now() });
  const meeting = await send("/videosdk/v2/rooms", { body: { webhook: { endPoint: `${receiver.url}/videosdk`, events: ["participant-joined"] } }, authorization: vsdkToken });
  await send(`/_emulator/videosdk/rooms/${meeting.roomId}/participants`, { body: { name: "Ana" } });

  const deliveries = await send("/test/deliveries", { method: "GET" });
  assert.deepEqual(deliveries.map((d) => [d.type, d.status]), [
    ["session.open.success", "delivered"],
    ["peer.join.success", "delivered"],
    ["participant-joined", "delivered"],
  ]);
  const hms = receiver.received.filter((r) => r.path === "/hms");
  assert.deepEqual(hms.map((r) => [JSON.parse(r.body).type, r.headers["x-k"]]), [["session.open.success", "v"], ["peer.join.success", "v"]]);

  const [signed] = receiver.received.filter((r) => r.path === "/videosdk");
  const { publicKey: pem } = await send("/videosdk/v2/public/rsa-public-key", { method: "GET" });
  const der = Uint8Array.from(atob(pem.replace(/-----[A-Z ]+-----|\n/g, "")), (c) => c.charCodeAt(0));
  const key = await crypto.subtle.importKey("spki", der, { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" }, false, ["verify"]);
  const signature = Uint8Array.from(atob(signed.headers["videosdk-signature"]), (c) => c.charCodeAt(0));
  assert.ok(await crypto.subtle.verify("RSASSA-PKCS1-v1_5", key, signature, signed.body), "signed by the Worker's key");
  assert.equal(JSON.parse(signed.body).data.participantName, "Ana");
});
