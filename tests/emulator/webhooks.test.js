// The emulator's webhooks, in-process: a fake fetch stands in for the receivers, so what was
// sent (URL, headers, exact bytes) and when can be checked directly. The end-to-end run with
// edgeroom's receivers over HTTP is tests/webhooks/.

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { DEFAULT_APP, createEmulator } from "../../js/emulator/index.js";
import { JOB_STARTUP_MS } from "../../js/emulator/videosdk/jobs.js";
import { ORIGIN, call, client } from "./helpers.js";
import { OTHER, control } from "./hms-helpers.js";
import { T0, VSDK, videoSdkClient } from "./videosdk-helpers.js";

const FAST = [5, 5, 5];
const HOOKS = `${ORIGIN}/_emulator/webhooks`;

// A fetch that records every attempt and answers with `answer(url, attempt#)` (default 200).
function receiver(answer = () => 200) {
  const sent = [];
  const fetch = async (url, init) => {
    const bytes = init.body instanceof Uint8Array ? init.body : new TextEncoder().encode(init.body);
    const headers = new Headers(init.headers);
    sent.push({ url, headers, bytes, json: JSON.parse(new TextDecoder().decode(bytes)) });
    const status = await answer(url, sent.filter((s) => s.url === url).length, init);
    return new Response(status === 204 ? null : "{}", { status });
  };
  return { sent, fetch };
}

function hmsEmulator(webhooks = {}, options = {}) {
  const hooks = receiver(webhooks.answer);
  const { answer, ...rest } = webhooks;
  const emu = createEmulator({ apps: [DEFAULT_APP, OTHER], webhooks: { retryDelaysMs: FAST, fetch: hooks.fetch, ...rest }, ...options });
  return { emu, hooks };
}

describe("configuration", () => {
  test("createEmulator checks the webhooks option", () => {
    const cases = [
      [{ hms: { url: "ftp://x" } }, /webhooks\.hms\.url must be an http\(s\) URL/],
      [{ hms: { url: "https://x", headers: { "x-a": 1 } } }, /webhooks\.hms\.headers: "x-a" must be a header name with a string value/],
      [{ hms: [{ url: "https://x", accessKey: "" }] }, /webhooks\.hms\[0\]\.accessKey must be a non-empty string/],
      [{ retryDelaysMs: [1, -1] }, /retryDelaysMs must be an array/],
      [{ timeoutMs: 0 }, /timeoutMs must be a positive number/],
      [{ fetch: "no" }, /webhooks\.fetch must be a function/],
      [{ signed: true }, /webhooks\.signed is not an option/],
    ];
    for (const [webhooks, message] of cases) assert.throws(() => createEmulator({ webhooks }), message);
  });

  test("the app-level webhook: for every app, or one app by access key; a room's own webhook wins", async () => {
    const { emu, hooks } = hmsEmulator({ hms: { url: "https://all.example/h", accessKey: OTHER.accessKey } });
    const api = await client(emu);
    const other = await client(emu, { app: OTHER });
    const mine = (await api.post("/rooms", { name: "mine" })).body;
    const theirs = (await other.post("/rooms", { name: "theirs" })).body;
    const own = (await other.post("/rooms", { name: "own", webhook: { url: "https://own.example/h", headers: { "x-own": "1" } } })).body;
    for (const room of [mine, theirs, own]) emu.hms.addPeer(room.id, { role: "host" });
    await emu.webhooks.settled();
    const rooms = (url) => hooks.sent.filter((s) => s.url === url).map((s) => s.json.data.room_name);
    assert.deepEqual(rooms("https://all.example/h"), ["theirs", "theirs"], "only OTHER's room, without its own webhook");
    assert.deepEqual(rooms("https://own.example/h"), ["own", "own"]);

    assert.deepEqual(emu.webhooks.configureHms({ url: "https://every.example/h" }), { access_key: null, url: "https://every.example/h", header_names: [] });
    emu.hms.addPeer(mine.id, { role: "guest" });
    await emu.webhooks.settled();
    assert.deepEqual(rooms("https://every.example/h"), ["mine"]);
    assert.throws(() => emu.webhooks.configureHms({ url: "nope" }), /configureHms: url must be an http\(s\) URL/);
    assert.equal(emu.webhooks.configureHms(null), null);
  });

  test("the control service sets, lists and removes the app-level webhook, and checks the body", async () => {
    const { emu } = hmsEmulator();
    const set = await call(emu, "POST", `${HOOKS}/100ms`, { body: { url: "https://h.example/x", headers: { "x-secret": "s" }, access_key: OTHER.accessKey } });
    assert.equal(set.status, 200, set.text);
    assert.deepEqual(set.body, { access_key: OTHER.accessKey, url: "https://h.example/x", header_names: ["x-secret"] });
    assert.deepEqual((await call(emu, "GET", `${HOOKS}/100ms`)).body.targets, [set.body]);
    const bad = await call(emu, "POST", `${HOOKS}/100ms`, { body: { url: "mailto:x" } });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.message, "Invalid body param: url");
    assert.equal((await call(emu, "POST", `${HOOKS}/100ms`, { body: { url: "https://h", headers: [] } })).body.message, "Invalid body param: headers");
    assert.equal((await call(emu, "GET", `${HOOKS}/deliveries?status=lost`)).status, 400);
    const removed = await call(emu, "DELETE", `${HOOKS}/100ms?access_key=${OTHER.accessKey}`);
    assert.deepEqual(removed.body, { targets: [] });
  });
});

describe("100ms", () => {
  test("the documented envelope, the room's headers (a configured Content-Type replaces the default), event ids shared with analytics", async () => {
    const { emu, hooks } = hmsEmulator();
    const api = await client(emu);
    const headers = { "X-Hook-Secret": "s3", "Content-Type": "application/json; charset=utf-8" };
    const room = (await api.post("/rooms", { name: "enveloped", webhook: { url: "https://r.example/h", headers } })).body;
    const peer = emu.hms.addPeer(room.id, { role: "host", name: "Ann", user_id: "u1", metadata: "{\"hand\":true}" });
    await emu.webhooks.settled();
    const [open, join] = hooks.sent;
    assert.deepEqual(Object.keys(open.json), ["version", "id", "app_id", "account_id", "template_id", "timestamp", "type", "data"]);
    assert.equal(open.headers.get("x-hook-secret"), "s3");
    assert.equal(open.headers.get("content-type"), "application/json; charset=utf-8");
    assert.deepEqual(join.json.data, {
      room_id: room.id, room_name: "enveloped", session_id: peer.session_id, peer_id: peer.id, user_id: "u1", user_name: "Ann",
      role: "host", joined_at: join.json.data.joined_at, session_started_at: open.json.data.session_started_at,
      template_id: room.template_id, user_data: "{\"hand\":true}",
    });
    const analytics = await api.get(`/analytics/events?room_id=${room.id}&type=peer.join.success`);
    assert.equal(analytics.body.events[0].id, join.json.id);
    const [delivery] = emu.webhooks.deliveries.filter((d) => d.type === "peer.join.success");
    assert.equal(delivery.eventId, join.json.id);
    assert.deepEqual(delivery.headerNames, ["content-type", "x-hook-secret"]);
  });

  test("only webhook events are sent: track events stay analytics-only, and a room being created sends nothing", async () => {
    const { emu, hooks } = hmsEmulator({ hms: { url: "https://all.example/h" } });
    const api = await client(emu);
    const room = (await api.post("/rooms", { name: "tracks" })).body;
    await emu.webhooks.settled();
    assert.equal(hooks.sent.length, 0, "no webhook for a new room: 100ms has none");
    const peer = emu.hms.addPeer(room.id, { role: "host" });
    emu.hms.recordEvent(room.id, { type: "track.update.success", data: { peer_id: peer.id } });
    emu.hms.recordEvent(room.id, { type: "role.change.success", data: { peer_id: peer.id } });
    await emu.webhooks.settled();
    assert.deepEqual(hooks.sent.map((s) => s.json.type), ["session.open.success", "peer.join.success", "role.change.success"]);
    assert.ok((await api.get(`/analytics/events?room_id=${room.id}&type=track.add.success`)).body.events.length > 0);
  });

  test("only 200 is accepted: a 204 is retried like an error; an attempt that hangs times out", async () => {
    const { emu, hooks } = hmsEmulator({
      hms: { url: "https://h.example/x" },
      timeoutMs: 30,
      answer: (_url, n, init) => (n === 1 ? 204 : n === 2 ? new Promise((_, reject) => init.signal.addEventListener("abort", () => reject(init.signal.reason))) : 200),
    });
    const api = await client(emu);
    const room = (await api.post("/rooms", { name: "strict" })).body;
    emu.hms.addPeer(room.id, { role: "host" });
    await emu.webhooks.settled();
    const [open] = emu.webhooks.deliveries;
    assert.equal(open.status, "delivered");
    assert.deepEqual(open.responses.map((r) => r.status ?? r.error), [204, "no answer within 30 ms", 200]);
    assert.equal(hooks.sent.length, 4, "three attempts for the first event, one for the second");
  });

  test("reset() cancels retries under way and empties the log; close() cancels, later events still go out", async () => {
    const { emu, hooks } = hmsEmulator({ hms: { url: "https://down.example/x" }, retryDelaysMs: [60_000], answer: () => 503 });
    const api = await client(emu);
    let room = (await api.post("/rooms", { name: "down" })).body;
    emu.hms.addPeer(room.id, { role: "host" });
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.deepEqual(emu.webhooks.deliveries.map((d) => [d.status, d.attempts]), [["pending", 1], ["pending", 0]]);
    emu.reset();
    await emu.webhooks.settled(); // would take a minute if the retry were still waiting
    assert.deepEqual(emu.webhooks.deliveries, []);
    assert.equal(hooks.sent.length, 1);

    room = (await api.post("/rooms", { name: "down-again" })).body;
    emu.hms.addPeer(room.id, { role: "host" });
    await new Promise((resolve) => setTimeout(resolve, 20));
    emu.webhooks.close();
    await emu.webhooks.settled();
    assert.deepEqual(emu.webhooks.deliveries.map((d) => d.status), ["cancelled", "cancelled"]);
    emu.hms.addPeer(room.id, { role: "guest" });
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(emu.webhooks.deliveries.at(-1).attempts, 1, "sent after close()");
    emu.webhooks.close();
  });

  test("the log over HTTP: filters, settle, clear", async () => {
    const { emu } = hmsEmulator({ hms: { url: "https://h.example/x" } });
    const api = await client(emu);
    const room = (await api.post("/rooms", { name: "logged" })).body;
    await control(emu, "POST", `/rooms/${room.id}/peers`, { role: "host" });
    const settled = await call(emu, "POST", `${HOOKS}/settle`);
    assert.deepEqual(settled.body.deliveries.map((d) => [d.type, d.status]), [["session.open.success", "delivered"], ["peer.join.success", "delivered"]]);
    const joins = await call(emu, "GET", `${HOOKS}/deliveries?type=peer.join.success&provider=100ms`);
    assert.equal(joins.body.deliveries.length, 1);
    assert.deepEqual((await call(emu, "DELETE", `${HOOKS}/deliveries`)).body, { deleted: 2 });
    assert.deepEqual(emu.webhooks.deliveries, []);
  });
});

describe("VideoSDK", () => {
  async function vsdkEmulator(options = {}) {
    let now = T0;
    const hooks = receiver();
    const emu = createEmulator({ now: () => now, webhooks: { retryDelaysMs: FAST, fetch: hooks.fetch } });
    const api = await videoSdkClient(emu);
    return { emu, api, hooks, advance: (ms) => (now += ms), ...options };
  }

  test("the signature is RSASSA-PKCS1-v1_5 SHA-256 over the exact bytes, with the key served without a token", async () => {
    const { emu, api, hooks } = await vsdkEmulator();
    const room = (await api.post("/rooms", { webhook: { endPoint: "https://v.example/h" } })).body;
    await emu.videosdk.join(room.roomId, { participantId: "p1", name: "Ana" });
    await emu.webhooks.settled();
    const key = await call(emu, "GET", `${VSDK}/public/rsa-public-key`);
    assert.equal(key.status, 200);
    assert.deepEqual(Object.keys(key.body), ["publicKey"]);
    assert.equal(key.body.publicKey, await emu.webhooks.publicKey(), "one key pair per emulator");
    const der = Uint8Array.from(atob(key.body.publicKey.replace(/-----[A-Z ]+-----|\n/g, "")), (c) => c.charCodeAt(0));
    const publicKey = await crypto.subtle.importKey("spki", der, { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" }, false, ["verify"]);
    assert.deepEqual(hooks.sent.map((s) => s.json.webhookType), ["session-started", "participant-joined"]);
    for (const { headers, bytes } of hooks.sent) {
      assert.equal(headers.get("content-type"), "application/json");
      const signature = Uint8Array.from(atob(headers.get("videosdk-signature")), (c) => c.charCodeAt(0));
      assert.ok(await crypto.subtle.verify("RSASSA-PKCS1-v1_5", publicKey, signature, bytes));
      const flipped = bytes.slice();
      flipped[flipped.length - 2] ^= 1;
      assert.ok(!(await crypto.subtle.verify("RSASSA-PKCS1-v1_5", publicKey, signature, flipped)));
    }
    emu.reset();
    assert.equal((await call(emu, "GET", `${VSDK}/public/rsa-public-key`)).body.publicKey, key.body.publicKey, "reset keeps the key pair");
  });

  test("subscriptions: no events list means every event, [] none; deactivating a room ends its session with its jobs", async () => {
    const { emu, api, hooks } = await vsdkEmulator();
    const all = (await api.post("/rooms", { webhook: { endPoint: "https://all.example/h" }, autoStartConfig: { recording: {} } })).body;
    const none = (await api.post("/rooms", { webhook: { endPoint: "https://none.example/h", events: [] } })).body;
    await emu.videosdk.join(all.roomId, { participantId: "p1", name: "Ana" });
    await emu.videosdk.join(none.roomId, { participantId: "p2", name: "Bo" });
    await api.post("/rooms/deactivate", { roomId: all.roomId });
    await emu.webhooks.settled();
    assert.deepEqual(hooks.sent.filter((s) => s.url === "https://all.example/h").map((s) => s.json.webhookType), [
      "session-started", "recording-starting", "participant-joined", "participant-left", "recording-stopping", "recording-stopped", "session-ended",
    ]);
    assert.equal(hooks.sent.filter((s) => s.url === "https://none.example/h").length, 0);
    const ended = hooks.sent.at(-1).json.data;
    assert.deepEqual(Object.keys(ended), ["meetingId", "sessionId", "start", "end"]);
  });

  test("a job's start is noticed on the emulator's clock: by the next request, or by the wake-up after the start-up time", async () => {
    const { emu, api, hooks, advance } = await vsdkEmulator();
    const events = ["hls-starting", "hls-started", "hls-playable", "hls-stopping", "hls-stopped"];
    const room = (await api.post("/rooms", { webhook: { endPoint: "https://v.example/h", events } })).body;
    await emu.videosdk.join(room.roomId, { participantId: "p1", name: "Ana" });
    const hls = (await api.post("/hls/start", { roomId: room.roomId })).body;
    advance(JOB_STARTUP_MS);
    await api.get(`/hls/${hls.id}`); // the request that notices the start
    await api.post("/hls/end", { roomId: room.roomId, id: hls.id });
    await emu.webhooks.settled();
    assert.deepEqual(hooks.sent.map((s) => s.json.webhookType), events);
    const playable = hooks.sent[2].json.data;
    assert.deepEqual(playable, { meetingId: room.roomId, sessionId: hls.sessionId, playbackHlsUrl: hls.playbackHlsUrl, livestreamUrl: hls.livestreamUrl });
  });

  test("a livestream stopped before it started sends no started event", async () => {
    const { emu, api, hooks } = await vsdkEmulator();
    const room = (await api.post("/rooms", { webhook: { endPoint: "https://v.example/h", events: ["livestream-starting", "livestream-started", "livestream-stopped"] } })).body;
    await emu.videosdk.join(room.roomId, { participantId: "p1", name: "Ana" });
    await api.post("/livestreams/start", { roomId: room.roomId, outputs: [{ url: "rtmp://x.example/live", streamKey: "k" }] });
    await api.post("/livestreams/end", { roomId: room.roomId });
    await emu.webhooks.settled();
    assert.deepEqual(hooks.sent.map((s) => s.json.webhookType), ["livestream-starting", "livestream-stopped"]);
  });
});
