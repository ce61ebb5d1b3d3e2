// The emulator sends real webhooks, and edgeroom's receivers accept them: the emulator's HTTP
// server on one side, a receiver server (node:http on 127.0.0.1) on the other running
// HmsWebhookReceiver and VideoSdkWebhookReceiver, the latter fetching the emulator's public key
// through `baseUrl: <emulator>/videosdk`. State changes are driven through the SDK clients and
// the emulator's control services (simulated peers and participants), never hand-made.
//
//   node --test tests/webhooks/

import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import http from "node:http";
import { HmsClient, HmsWebhookReceiver, VideoSdkClient, VideoSdkWebhookReceiver, isEdgeroomError } from "edgeroom";
import { DEFAULT_APP, DEFAULT_VIDEOSDK_APP, hmsUrls } from "../../js/emulator/index.js";
import { startEmulatorServer } from "../../js/emulator/server.js";

// Not one of the secrets the secret scan knows, and never printed: assertions compare it
// without putting it in their messages.
const HOOK_SECRET = "receiver-secret-5b1e0c";
const RETRY_DELAYS_MS = [40, 80, 160]; // 100ms's 1 s, 3 s, 10 s, shrunk

let emulator; // { url, emulator, close } from startEmulatorServer
let receiver; // { url, hits, events, close, gate }
let hms;
let vsdk;

/** node:http -> Request, so the receivers see what an edge function would. */
async function toRequest(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  const body = Buffer.concat(chunks);
  const headers = new Headers();
  for (let i = 0; i < req.rawHeaders.length; i += 2) headers.append(req.rawHeaders[i], req.rawHeaders[i + 1]);
  return { request: new Request(`http://receiver${req.url}`, { method: req.method, headers, body: body.length ? body : undefined }), body, headers };
}

// The answer a receiving edge function gives: 200 with the event, 401/400 when refused.
async function receive(verify, request, events) {
  try {
    const event = await verify(request);
    events.push(event);
    return [200, { received: event.type ?? event.webhookType }];
  } catch (error) {
    if (!isEdgeroomError(error)) throw error;
    return [error.code === "invalid_webhook" ? 400 : 401, { error: error.code }];
  }
}

async function startReceiver(emulatorUrl) {
  const hms = new HmsWebhookReceiver({ headers: { "x-webhook-secret": HOOK_SECRET }, maxAgeSeconds: 300 });
  const videosdk = new VideoSdkWebhookReceiver({ baseUrl: `${emulatorUrl}/videosdk`, maxAgeSeconds: 300 });
  const events = { hms: [], videosdk: [], recording: [] };
  const hits = []; // every request: { path, status, body (text), signature }
  let gate = Promise.resolve();
  const failures = new Map(); // path -> how many more requests to answer 500
  const routes = {
    "/hms": (request) => receive((r) => hms.receive(r), request, events.hms),
    "/hms-slow": async (request) => {
      await gate;
      return receive((r) => hms.receive(r), request, events.hms);
    },
    "/videosdk": (request) => receive((r) => videosdk.receive(r), request, events.videosdk),
    "/videosdk-recording": (request) => receive((r) => videosdk.receive(r), request, events.recording),
  };
  const server = http.createServer(async (req, res) => {
    const { request, body, headers } = await toRequest(req);
    const path = new URL(request.url).pathname;
    const route = routes[path.replace(/-flaky$/, "")];
    let status = 404;
    let answer = { error: "not_found" };
    if ((failures.get(path) ?? 0) > 0) {
      failures.set(path, failures.get(path) - 1);
      [status, answer] = [500, { error: "receiver is down" }];
    } else if (route) {
      [status, answer] = await route(request);
    }
    hits.push({ path, status, body: body.toString("utf8"), signature: headers.get("videosdk-signature"), at: Date.now() });
    res.writeHead(status, { "content-type": "application/json" });
    res.end(JSON.stringify(answer));
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${server.address().port}`;
  return {
    url,
    hits,
    events,
    failures,
    /** Holds /hms-slow answers until the returned function is called. */
    hold() {
      let release;
      gate = new Promise((resolve) => (release = resolve));
      return release;
    },
    close: () => new Promise((resolve) => {
      server.close(resolve);
      server.closeAllConnections();
    }),
  };
}

before(async () => {
  emulator = await startEmulatorServer({ port: 0, webhooks: { retryDelaysMs: RETRY_DELAYS_MS } });
  receiver = await startReceiver(emulator.url);
  hms = new HmsClient({ ...DEFAULT_APP, ...hmsUrls(emulator.url), retries: 0 });
  vsdk = new VideoSdkClient({ ...DEFAULT_VIDEOSDK_APP, baseUrl: `${emulator.url}/videosdk` });
});

after(async () => {
  emulator?.emulator.webhooks.close();
  await receiver?.close();
  await emulator?.close();
});

const settled = () => emulator.emulator.webhooks.settled();
const deliveriesTo = (url) => emulator.emulator.webhooks.deliveries.filter((d) => d.url === url);
const uniqueName = (prefix) => `${prefix}-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e6)}`;

/** The emulator's control services: simulated peers (100ms) and participants (VideoSDK). */
async function control(method, path, body) {
  const response = await fetch(`${emulator.url}/_emulator${path}`, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  assert.ok(response.ok, `${method} ${path} answered ${response.status}: ${text}`);
  return text ? JSON.parse(text) : null;
}

test("100ms: a room's webhook receives its session, peer, recording, live stream, role and end events, authenticated", async () => {
  const url = `${receiver.url}/hms`;
  const room = await hms.rooms.create({ name: uniqueName("hooks"), webhook: { url, headers: { "x-webhook-secret": HOOK_SECRET } } });
  const ann = await control("POST", `/100ms/rooms/${room.id}/peers`, { role: "host", name: "Ann", user_id: "u-ann" });
  const bo = await control("POST", `/100ms/rooms/${room.id}/peers`, { role: "guest", name: "Bo", user_id: "u-bo" });
  const recording = await hms.recordings.start(room.id, { resolution: { width: 1280, height: 720 } });
  await hms.recordings.stop(recording.id);
  const stream = await hms.liveStreams.start(room.id, {});
  await hms.liveStreams.stop(stream.id);
  await hms.activeRooms.updatePeer(room.id, bo.id, { role: "host" });
  await hms.activeRooms.end(room.id, { reason: "class is over" });
  await settled();

  const events = receiver.events.hms.filter((e) => e.data.room_id === room.id);
  assert.deepEqual(events.map((e) => e.type), [
    "session.open.success",
    "peer.join.success",
    "peer.join.success",
    "beam.started.success",
    "beam.stopped.success",
    "beam.recording.success",
    "hls.started.success",
    "hls.stopped.success",
    "role.change.success",
    "peer.leave.success",
    "peer.leave.success",
    "session.close.success",
    "room.end.success",
  ]);
  const { session_id: sessionId } = ann;
  for (const event of events) {
    assert.equal(event.version, "2.0");
    assert.equal(event.app_id, room.app_id);
    assert.equal(event.account_id, room.customer_id);
    assert.equal(event.template_id, room.template_id);
    assert.equal(event.data.room_name, room.name);
    assert.equal(event.data.session_id, sessionId, `${event.type} is of the session`);
    assert.ok(Math.abs(Date.parse(event.timestamp) - Date.now()) < 60_000, "a fresh timestamp");
  }
  const byType = (type) => events.filter((e) => e.type === type);
  assert.deepEqual(byType("peer.join.success").map((e) => [e.data.peer_id, e.data.user_id, e.data.role]), [
    [ann.id, "u-ann", "host"],
    [bo.id, "u-bo", "guest"],
  ]);
  const [started] = byType("beam.started.success");
  assert.equal(started.data.beam_id, recording.id);
  assert.equal(started.data.recording_enabled, true);
  const [recorded] = byType("beam.recording.success");
  assert.match(recorded.data.recording_path, new RegExp(`/${recording.id}/composite\\.mp4$`));
  assert.equal(typeof recorded.data.size, "number");
  const [hlsStarted] = byType("hls.started.success");
  assert.equal(hlsStarted.data.job_id, stream.id);
  assert.equal(hlsStarted.data.url, stream.playback.url);
  assert.equal(byType("hls.stopped.success")[0].data.reason, "client request");
  assert.deepEqual(byType("role.change.success").map((e) => [e.data.peer_id, e.data.old_role, e.data.role]), [[bo.id, "guest", "host"]]);
  assert.equal(byType("session.close.success")[0].data.session_started_at, byType("session.open.success")[0].data.session_started_at);
  const [ended] = byType("room.end.success");
  assert.equal(ended.data.reason, "class is over");
  assert.equal(ended.data.lock_room, false);

  // The ids are the events' own: the analytics API serves the same ones.
  const analytics = [];
  for await (const e of hms.analytics.listEvents({ room_id: room.id, type: ["peer.join.success"] })) analytics.push(e.id);
  assert.deepEqual(analytics, byType("peer.join.success").map((e) => e.id));

  // Every delivery is logged: one attempt each, accepted, in order, headers named not shown.
  const log = deliveriesTo(url).filter((d) => d.payload.data.room_id === room.id);
  assert.deepEqual(log.map((d) => d.type), events.map((e) => e.type));
  for (const d of log) {
    assert.equal(d.provider, "100ms");
    assert.equal(d.status, "delivered");
    assert.equal(d.attempts, 1);
    assert.deepEqual(d.responses.map((r) => r.status), [200]);
    assert.deepEqual(d.headerNames.sort(), ["content-type", "x-webhook-secret"]);
    assert.ok(!JSON.stringify(d).includes(HOOK_SECRET), "the log never holds the secret header's value");
  }
  const overHttp = await control("GET", `/webhooks/deliveries?provider=100ms&type=room.end.success&url=${encodeURIComponent(url)}`);
  assert.ok(overHttp.deliveries.some((d) => d.eventId === ended.id), "the control service lists deliveries too");
});

test("100ms: the API answers without waiting for the receiver", async () => {
  const url = `${receiver.url}/hms-slow`;
  const room = await hms.rooms.create({ name: uniqueName("slow"), webhook: { url, headers: { "x-webhook-secret": HOOK_SECRET } } });
  const release = receiver.hold();
  try {
    const peer = await control("POST", `/100ms/rooms/${room.id}/peers`, { role: "host", name: "Ann" });
    assert.ok(peer.id, "the peer joined while the receiver still holds the first webhook");
    await new Promise((resolve) => setTimeout(resolve, 50));
    const log = deliveriesTo(url);
    assert.deepEqual(log.map((d) => [d.type, d.status]), [["session.open.success", "pending"], ["peer.join.success", "pending"]]);
  } finally {
    release();
  }
  await settled();
  assert.deepEqual(deliveriesTo(url).map((d) => [d.type, d.status]), [["session.open.success", "delivered"], ["peer.join.success", "delivered"]]);
});

test("100ms: a receiver answering 500 gets the event again, 1+3 retries on the configured delays, until it answers 200", async () => {
  const url = `${receiver.url}/hms-flaky`;
  const room = await hms.rooms.create({ name: uniqueName("flaky"), webhook: { url, headers: { "x-webhook-secret": HOOK_SECRET } } });
  receiver.failures.set("/hms-flaky", 2);
  await control("POST", `/100ms/rooms/${room.id}/peers`, { role: "host", name: "Ann" });
  await settled();
  const [open, join] = deliveriesTo(url);
  assert.equal(open.type, "session.open.success");
  assert.equal(open.status, "delivered");
  assert.equal(open.attempts, 3);
  assert.deepEqual(open.responses.map((r) => r.status), [500, 500, 200]);
  assert.equal(join.attempts, 1, "the next event went out after the first was accepted");
  const tries = receiver.hits.filter((h) => h.path === "/hms-flaky").slice(0, 3);
  assert.equal(new Set(tries.map((h) => JSON.parse(h.body).id)).size, 1, "the same event each time");
  const gaps = tries.slice(1).map((h, i) => h.at - tries[i].at);
  gaps.forEach((gap, i) => assert.ok(gap >= RETRY_DELAYS_MS[i] - 5, `retry ${i + 1} came ${gap} ms after the previous attempt`));

  // One that never recovers: the first attempt and three retries, then the delivery fails.
  receiver.failures.set("/hms-flaky", 100);
  await control("POST", `/100ms/rooms/${room.id}/peers`, { role: "guest", name: "Bo" });
  await settled();
  const failed = deliveriesTo(url).at(-1);
  assert.equal(failed.type, "peer.join.success");
  assert.equal(failed.status, "failed");
  assert.equal(failed.attempts, 1 + RETRY_DELAYS_MS.length);
  assert.deepEqual(failed.responses.map((r) => r.status), [500, 500, 500, 500]);
  receiver.failures.delete("/hms-flaky");
});

test("100ms: a wrong secret is refused by the receiver, and the emulator gives up after its retries", async () => {
  const url = `${receiver.url}/hms`;
  const room = await hms.rooms.create({ name: uniqueName("wrong"), webhook: { url, headers: { "x-webhook-secret": "not-the-secret" } } });
  await control("POST", `/100ms/rooms/${room.id}/peers`, { role: "host", name: "Mallory" });
  await settled();
  const mine = deliveriesTo(url).filter((d) => d.payload.data.room_id === room.id);
  assert.deepEqual(mine.map((d) => [d.type, d.status, d.attempts]), [
    ["session.open.success", "failed", 4],
    ["peer.join.success", "failed", 4],
  ]);
  assert.ok(mine.every((d) => d.responses.every((r) => r.status === 401)), "every attempt was answered 401");
  assert.equal(receiver.events.hms.filter((e) => e.data.room_id === room.id).length, 0, "nothing was accepted");
  const refused = receiver.hits.filter((h) => h.path === "/hms" && h.status === 401 && JSON.parse(h.body).data.room_id === room.id);
  assert.equal(refused.length, 8);
});

test("100ms: the app's webhook (set through the control service) serves rooms without their own", async () => {
  const url = `${receiver.url}/hms`;
  const set = await control("POST", "/webhooks/100ms", { url, headers: { "x-webhook-secret": HOOK_SECRET } });
  assert.deepEqual(set, { access_key: null, url, header_names: ["x-webhook-secret"] });
  try {
    const room = await hms.rooms.create({ name: uniqueName("app-level") });
    await control("POST", `/100ms/rooms/${room.id}/peers`, { role: "guest", name: "Cy" });
    await settled();
    const events = receiver.events.hms.filter((e) => e.data.room_id === room.id);
    assert.deepEqual(events.map((e) => e.type), ["session.open.success", "peer.join.success"]);
  } finally {
    await control("DELETE", "/webhooks/100ms");
  }
  const quiet = await hms.rooms.create({ name: uniqueName("no-hook") });
  await control("POST", `/100ms/rooms/${quiet.id}/peers`, { role: "guest", name: "Di" });
  await settled();
  assert.equal(emulator.emulator.webhooks.deliveries.filter((d) => d.payload.data?.room_id === quiet.id).length, 0);
});

test("VideoSDK: subscribed events arrive signed, verified against the key the receiver fetches from the emulator", async () => {
  const url = `${receiver.url}/videosdk`;
  const recordingUrl = `${receiver.url}/videosdk-recording`;
  const subscribed = [
    "participant-joined", "participant-left", "session-started", "session-ended",
    "recording-started", "recording-stopped", "hls-started", "hls-playable", "hls-stopped",
  ];
  const room = await vsdk.rooms.create({ customRoomId: uniqueName("vsdk"), webhook: { endPoint: url, events: subscribed } });
  const ana = (await control("POST", `/videosdk/rooms/${room.roomId}/participants`, { name: "Ana" })).participant;
  await vsdk.recordings.start({ roomId: room.roomId, webhookUrl: recordingUrl });
  await vsdk.hls.start({ roomId: room.roomId });
  // Jobs take 2 s to start (the emulator's clock); their "started" webhooks go out then, with no
  // request needed to notice. settled() waits for them.
  await settled();
  const hls = await vsdk.hls.getActive(room.roomId);
  await vsdk.recordings.stop(room.roomId);
  await vsdk.hls.stop(room.roomId, hls.id);
  await control("DELETE", `/videosdk/rooms/${room.roomId}/participants/${ana.participantId}`);
  await settled();

  const events = receiver.events.videosdk.filter((e) => e.data.meetingId === room.roomId);
  assert.deepEqual(events.map((e) => e.webhookType), [
    "session-started",
    "participant-joined",
    "recording-started",
    "hls-started",
    "hls-playable",
    "recording-stopped",
    "hls-stopped",
    "participant-left",
    "session-ended",
  ]);
  const sessionId = events[0].data.sessionId;
  assert.ok(events.every((e) => e.data.sessionId === sessionId), "one session");
  const byType = (type) => events.find((e) => e.webhookType === type).data;
  assert.deepEqual(byType("participant-joined"), { meetingId: room.roomId, sessionId, participantId: ana.participantId, participantName: "Ana" });
  assert.ok(byType("session-ended").end >= byType("session-ended").start);
  const recording = (await vsdk.recordings.get((await collect(vsdk.recordings.list({ roomId: room.roomId })))[0].id));
  assert.equal(byType("recording-stopped").fileUrl, recording.file.fileUrl);
  assert.equal(byType("recording-stopped").filePath, new URL(recording.file.fileUrl).pathname);
  assert.equal(byType("hls-playable").playbackHlsUrl, hls.playbackHlsUrl);
  assert.equal(byType("hls-playable").livestreamUrl, hls.livestreamUrl);

  // Not subscribed: no *-starting/-stopping, nothing of the HLS start-up, no livestream.
  const sent = deliveriesTo(url).filter((d) => d.payload.data.meetingId === room.roomId);
  assert.deepEqual(sent.map((d) => d.type), events.map((e) => e.webhookType));
  assert.ok(sent.every((d) => d.status === "delivered" && d.attempts === 1 && d.provider === "videosdk"));

  // The recording's own webhookUrl gets every recording event, subscribed or not.
  const recordingEvents = receiver.events.recording.filter((e) => e.data.meetingId === room.roomId);
  assert.deepEqual(recordingEvents.map((e) => e.webhookType), ["recording-starting", "recording-started", "recording-stopping", "recording-stopped"]);

  // The key was fetched from the emulator, without a token, once.
  const keyFetches = emulator.emulator.requests.filter((r) => r.path === "/videosdk/v2/public/rsa-public-key");
  assert.equal(keyFetches.length, 1);
  assert.equal(keyFetches[0].authorized, false);
  const { publicKey } = await (await fetch(`${emulator.url}/videosdk/v2/public/rsa-public-key`)).json();
  assert.equal(publicKey, await emulator.emulator.webhooks.publicKey());
  assert.match(publicKey, /^-----BEGIN PUBLIC KEY-----\n[A-Za-z0-9+/=\n]+-----END PUBLIC KEY-----\n$/);

  // The signature covers the exact bytes: the same signature over an altered body is refused.
  const hit = receiver.hits.find((h) => h.path === "/videosdk" && h.body.includes(room.roomId));
  assert.ok(hit.signature, "a videosdk-signature header was sent");
  const strict = new VideoSdkWebhookReceiver({ publicKey });
  const genuine = await strict.verify({ "videosdk-signature": hit.signature }, hit.body);
  assert.equal(genuine.data.meetingId, room.roomId);
  const altered = hit.body.replace(room.roomId, "abc-defg-hijk");
  await assert.rejects(strict.verify({ "videosdk-signature": hit.signature }, altered), (error) => error.code === "webhook_unauthenticated");
});

test("VideoSDK: a room without a webhook sends nothing", async () => {
  const room = await vsdk.rooms.create({ customRoomId: uniqueName("quiet") });
  const count = emulator.emulator.webhooks.deliveries.length;
  const bo = (await control("POST", `/videosdk/rooms/${room.roomId}/participants`, { name: "Bo" })).participant;
  await control("DELETE", `/videosdk/rooms/${room.roomId}/participants/${bo.participantId}`);
  await settled();
  assert.equal(emulator.emulator.webhooks.deliveries.length, count);
});

async function collect(iterable) {
  const items = [];
  for await (const item of iterable) items.push(item);
  return items;
}
