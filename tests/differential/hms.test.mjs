// Differential: edgeroom's HmsClient and @100mslive/server-sdk 0.3.0, same inputs, same
// requests (method, path, query as a multimap, JSON body as data) and same token claims.
// Where they differ on purpose (the official SDK's bugs that edgeroom fixes) the test says
// exactly what each one sends; README.md lists them under "Deliberate differences".

import assert from "node:assert/strict";
import { test } from "node:test";
import {
  ANY, HMS, assertSameRequests, atInstant, claimsOf, drain, edgeroomHms, headerOfToken, normalize,
  officialHms, withoutJti,
} from "./helpers.mjs";

const ROOM = "room-1";
const PEER = "peer-1";
const meeting_url = "https://example.invalid/meeting/abc";

// Every call both SDKs have: [label, official SDK call, edgeroom call, answer (default ANY)].
// Inputs are the ones the official SDK's types take; left-out arguments take its defaults.
const CASES = [
  ["rooms.create", (s) => s.rooms.create({ name: "class-9pm", description: "d", region: "eu", template_id: "tpl-1", recording_info: { enabled: true, upload_info: { type: "s3", location: "bucket", prefix: "p/", options: { region: "eu-west-1" }, credentials: { key: "k", secret: "s" } } } }),
    (c) => c.rooms.create({ name: "class-9pm", description: "d", region: "eu", template_id: "tpl-1", recording_info: { enabled: true, upload_info: { type: "s3", location: "bucket", prefix: "p/", options: { region: "eu-west-1" }, credentials: { key: "k", secret: "s" } } } })],
  ["rooms.create (no params)", (s) => s.rooms.create(), (c) => c.rooms.create()],
  ["rooms.retrieveById", (s) => s.rooms.retrieveById(ROOM), (c) => c.rooms.retrieveById(ROOM)],
  ["rooms.retrieveByName", (s) => s.rooms.retrieveByName("class-9pm"), (c) => c.rooms.retrieveByName("class-9pm")],
  ["rooms.update", (s) => s.rooms.update(ROOM, { name: "n2", description: "moved", region: "in" }), (c) => c.rooms.update(ROOM, { name: "n2", description: "moved", region: "in" })],
  ["rooms.enableOrDisable", (s) => s.rooms.enableOrDisable(ROOM, false), (c) => c.rooms.enableOrDisable(ROOM, false)],
  ["rooms.list", (s) => drain(s.rooms.list({ enabled: true, limit: 20 })), (c) => drain(c.rooms.list({ enabled: true, limit: 20 }))],
  ["rooms.list (no filters)", (s) => drain(s.rooms.list()), (c) => drain(c.rooms.list())],
  ["roomCodes.create", (s) => s.roomCodes.create(ROOM), (c) => c.roomCodes.create(ROOM)],
  ["roomCodes.createForRole", (s) => s.roomCodes.createForRole(ROOM, "guest"), (c) => c.roomCodes.createForRole(ROOM, "guest")],
  ["roomCodes.list", (s) => drain(s.roomCodes.list(ROOM, { enabled: true, role: "guest" })), (c) => drain(c.roomCodes.list(ROOM, { enabled: true, role: "guest" }))],
  ["roomCodes.enableOrDisable", (s) => s.roomCodes.enableOrDisable("abc-defg-hij", false), (c) => c.roomCodes.enableOrDisable("abc-defg-hij", false)],
  ["sessions.retrieveById", (s) => s.sessions.retrieveById("sess-1"), (c) => c.sessions.retrieveById("sess-1")],
  ["sessions.list", (s) => drain(s.sessions.list({ room_id: ROOM, active: false, limit: 5 })), (c) => drain(c.sessions.list({ room_id: ROOM, active: false, limit: 5 }))],
  ["sessions.retrieveActiveByRoom", (s) => s.sessions.retrieveActiveByRoom(ROOM), (c) => c.sessions.retrieveActiveByRoom(ROOM)],
  ["activeRooms.retrieve", (s) => s.activeRooms.retrieve(ROOM), (c) => c.activeRooms.retrieve(ROOM)],
  ["activeRooms.retrievePeerDetails", (s) => s.activeRooms.retrievePeerDetails(ROOM, PEER), (c) => c.activeRooms.retrievePeerDetails(ROOM, PEER)],
  ["activeRooms.retrieveActivePeers", (s) => s.activeRooms.retrieveActivePeers(ROOM), (c) => c.activeRooms.retrieveActivePeers(ROOM)],
  ["activeRooms.updatePeer", (s) => s.activeRooms.updatePeer(ROOM, PEER, { name: "Ana", role: "guest", metadata: '{"hand":true}' }), (c) => c.activeRooms.updatePeer(ROOM, PEER, { name: "Ana", role: "guest", metadata: '{"hand":true}' })],
  ["activeRooms.sendMessage (broadcast)", (s) => s.activeRooms.sendMessage(ROOM, { message: "hi", type: "chat" }), (c) => c.activeRooms.sendMessage(ROOM, { message: "hi", type: "chat" })],
  ["activeRooms.sendMessage (to a role)", (s) => s.activeRooms.sendMessage(ROOM, { message: "hi", role: "host" }), (c) => c.activeRooms.sendMessage(ROOM, { message: "hi", role: "host" })],
  ["activeRooms.removePeer (by id)", (s) => s.activeRooms.removePeer(ROOM, { peer_id: PEER, reason: "bye" }), (c) => c.activeRooms.removePeer(ROOM, { peer_id: PEER, reason: "bye" })],
  ["activeRooms.removePeer (by role)", (s) => s.activeRooms.removePeer(ROOM, { role: "guest" }), (c) => c.activeRooms.removePeer(ROOM, { role: "guest" })],
  ["activeRooms.end", (s) => s.activeRooms.end(ROOM, { reason: "done", lock: true }), (c) => c.activeRooms.end(ROOM, { reason: "done", lock: true })],
  ["activeRooms.end (no params)", (s) => s.activeRooms.end(ROOM), (c) => c.activeRooms.end(ROOM)],
  ["analytics.listTrackEvents", (s) => drain(s.analytics.listTrackEvents({ room_id: ROOM, type: ["track.add.success", "track.remove.success"], peer_id: PEER, limit: 50 })),
    (c) => drain(c.analytics.listTrackEvents({ room_id: ROOM, type: ["track.add.success", "track.remove.success"], peer_id: PEER, limit: 50 }))],
  ["analytics.listRecordingEvents", (s) => drain(s.analytics.listRecordingEvents({ room_id: ROOM, type: ["beam.recording.success"], session_id: "sess-1" })),
    (c) => drain(c.analytics.listRecordingEvents({ room_id: ROOM, type: ["beam.recording.success"], session_id: "sess-1" }))],
  ["recordings.start", (s) => s.recordings.start(ROOM, { meeting_url, resolution: { width: 1280, height: 720 } }), (c) => c.recordings.start(ROOM, { meeting_url, resolution: { width: 1280, height: 720 } })],
  ["recordings.retrieve", (s) => s.recordings.retrieve("rec-1"), (c) => c.recordings.retrieve("rec-1")],
  ["recordings.list", (s) => drain(s.recordings.list({ room_id: ROOM, status: "completed" })), (c) => drain(c.recordings.list({ room_id: ROOM, status: "completed" }))],
  ["recordingAssets.retrieve", (s) => s.recordingAssets.retrieve("asset-1"), (c) => c.recordingAssets.retrieve("asset-1")],
  ["recordingAssets.list", (s) => drain(s.recordingAssets.list({ room_id: ROOM, status: "completed" })), (c) => drain(c.recordingAssets.list({ room_id: ROOM, status: "completed" }))],
  ["recordingAssets.generatePreSignedURL", (s) => s.recordingAssets.generatePreSignedURL("asset-1", 600), (c) => c.recordingAssets.generatePreSignedURL("asset-1", 600)],
  ["recordingAssets.generatePreSignedURL (default duration)", (s) => s.recordingAssets.generatePreSignedURL("asset-1"), (c) => c.recordingAssets.generatePreSignedURL("asset-1")],
  ["liveStreams.start", (s) => s.liveStreams.start(ROOM, { meeting_url, recording: { hls_vod: true, single_file_per_layer: false } }), (c) => c.liveStreams.start(ROOM, { meeting_url, recording: { hls_vod: true, single_file_per_layer: false } })],
  ["liveStreams.retrieve", (s) => s.liveStreams.retrieve("ls-1"), (c) => c.liveStreams.retrieve("ls-1")],
  ["liveStreams.list", (s) => drain(s.liveStreams.list({ room_id: ROOM, session_id: "sess-1" })), (c) => drain(c.liveStreams.list({ room_id: ROOM, session_id: "sess-1" }))],
  ["liveStreams.sendTimedMetadata", (s) => s.liveStreams.sendTimedMetadata("ls-1", { payload: "quiz-1", duration: 30 }), (c) => c.liveStreams.sendTimedMetadata("ls-1", { payload: "quiz-1", duration: 30 })],
  ["externalStreams.start", (s) => s.externalStreams.start(ROOM, { meeting_url, rtmp_urls: ["rtmp://a.example.invalid/live/KEY"], recording: true, resolution: { width: 1280, height: 720 } }),
    (c) => c.externalStreams.start(ROOM, { meeting_url, rtmp_urls: ["rtmp://a.example.invalid/live/KEY"], recording: true, resolution: { width: 1280, height: 720 } })],
  ["externalStreams.retrieve", (s) => s.externalStreams.retrieve("es-1"), (c) => c.externalStreams.retrieve("es-1")],
  ["externalStreams.list", (s) => drain(s.externalStreams.list({ room_id: ROOM })), (c) => drain(c.externalStreams.list({ room_id: ROOM }))],
];

// POSTs that carry no parameters: the official SDK sends `{}` (its `post(path, payload ?? {})`),
// edgeroom sends no body, as the API's collection and docs show them. Same request otherwise.
const NO_PARAMS = [
  ["roomCodes.create", (s) => s.roomCodes.create(ROOM), (c) => c.roomCodes.create(ROOM)],
  ["roomCodes.createForRole", (s) => s.roomCodes.createForRole(ROOM, "guest"), (c) => c.roomCodes.createForRole(ROOM, "guest")],
  ["recordings.stop", (s) => s.recordings.stop("rec-1"), (c) => c.recordings.stop("rec-1")],
  ["recordings.stopAll", (s) => s.recordings.stopAll(ROOM), (c) => c.recordings.stopAll(ROOM)],
  ["liveStreams.stop", (s) => s.liveStreams.stop("ls-1"), (c) => c.liveStreams.stop("ls-1")],
  ["liveStreams.stopAll", (s) => s.liveStreams.stopAll(ROOM), (c) => c.liveStreams.stopAll(ROOM)],
  ["liveStreams.pauseRecording", (s) => s.liveStreams.pauseRecording("ls-1"), (c) => c.liveStreams.pauseRecording("ls-1")],
  ["liveStreams.resumeRecording", (s) => s.liveStreams.resumeRecording("ls-1"), (c) => c.liveStreams.resumeRecording("ls-1")],
  ["externalStreams.stop", (s) => s.externalStreams.stop("es-1"), (c) => c.externalStreams.stop("es-1")],
  ["externalStreams.stopAll", (s) => s.externalStreams.stopAll(ROOM), (c) => c.externalStreams.stopAll(ROOM)],
];
const NO_PARAMS_LABELS = new Set(NO_PARAMS.map(([label]) => label));

async function both(officialCall, edgeroomCall, answer) {
  const official = officialHms(answer);
  const ours = edgeroomHms(answer);
  await officialCall(official.sdk);
  await edgeroomCall(ours.client);
  return { official: official.requests, ours: ours.requests };
}

for (const [label, officialCall, edgeroomCall, answer] of CASES) {
  if (NO_PARAMS_LABELS.has(label)) continue;
  test(`same request: ${label}`, async () => {
    const { official, ours } = await both(officialCall, edgeroomCall, answer);
    assert.ok(official.length > 0, `${label}: the official SDK sent nothing`);
    assertSameRequests(label, official, ours);
  });
}

for (const [label, officialCall, edgeroomCall] of NO_PARAMS) {
  test(`same request but the empty body: ${label}`, async () => {
    const { official, ours } = await both(officialCall, edgeroomCall);
    const [o] = official.map(normalize);
    const [e] = ours.map(normalize);
    assert.equal(official.length, 1);
    assert.equal(ours.length, 1);
    assert.deepEqual(o.body, {}, "the official SDK sends {}");
    assert.equal(e.body, undefined, "edgeroom sends no body");
    assert.deepEqual({ ...e, body: null }, { ...o, body: null }, `${label}: method, path and query`);
  });
}

test("same requests: a list's second page (rooms.list follows `last` as `start`)", async () => {
  const page = (n) => Array.from({ length: n }, (_, i) => ({ ...ANY.data[0], id: `room-${i}` }));
  const answer = (req) => (req.query.start ? { data: [], limit: 10 } : { data: page(10), limit: 10, last: "cursor-2" });
  const { official, ours } = await both((s) => drain(s.rooms.list({ enabled: true })), (c) => drain(c.rooms.list({ enabled: true })), answer);
  assert.equal(official.length, 2);
  assertSameRequests("rooms.list, two pages", official, ours);
});

test("same requests: the management token on every REST call has the same claims", async () => {
  const now = Date.UTC(2026, 0, 15, 12, 0, 0);
  await atInstant(now, async () => {
    const { official, ours } = await both((s) => s.rooms.retrieveById(ROOM), (c) => c.rooms.retrieveById(ROOM));
    assert.match(official[0].authorization, /^Bearer /);
    assert.match(ours[0].authorization, /^Bearer /);
    assert.deepEqual(withoutJti(claimsOf(ours[0].authorization)), withoutJti(claimsOf(official[0].authorization)));
  });
});

// ---- tokens ----

const NOW = Date.UTC(2026, 0, 15, 12, 0, 0);

test("same tokens: the management token (official defaults: iat 10 s back, 24 h)", async () => {
  await atInstant(NOW, async () => {
    const official = (await officialHms().sdk.auth.getManagementToken()).token;
    const ours = edgeroomHms().client.auth.getManagementToken().token;
    assert.deepEqual(headerOfToken(ours), headerOfToken(official));
    assert.deepEqual(withoutJti(claimsOf(ours)), withoutJti(claimsOf(official)));
    assert.equal(claimsOf(official).iat, NOW / 1000 - 10);
    assert.equal(typeof claimsOf(ours).jti, "string");
  });
});

test("same tokens: the app (auth) token, with and without a user and times", async () => {
  await atInstant(NOW, async () => {
    const hms = officialHms().sdk;
    const ours = edgeroomHms().client;
    const cases = [
      { roomId: ROOM, role: "host" },
      { roomId: ROOM, role: "guest", userId: "u-42" },
      { roomId: ROOM, role: "guest", userId: "u-42", validForSeconds: 3600 },
      { roomId: ROOM, role: "guest", issuedAt: NOW / 1000 - 60, notValidBefore: NOW / 1000, validForSeconds: 600 },
    ];
    for (const options of cases) {
      const a = (await hms.auth.getAuthToken({ ...options })).token;
      const b = ours.auth.getAuthToken({ ...options }).token;
      assert.deepEqual(headerOfToken(b), headerOfToken(a));
      assert.deepEqual(withoutJti(claimsOf(b)), withoutJti(claimsOf(a)), JSON.stringify(options));
      assert.equal(typeof claimsOf(b).jti, "string");
    }
  });
});

test("same tokens: a management token with a lifetime", async () => {
  await atInstant(NOW, async () => {
    // (edgeroom's getManagementToken takes validForSeconds and forceNew; the official one also
    // issuedAt and notValidBefore, which a token kept by the client for its own calls has no
    // use for.)
    const options = { validForSeconds: 7200 };
    const a = (await officialHms().sdk.auth.getManagementToken({ ...options, forceNew: true })).token;
    const b = edgeroomHms().client.auth.getManagementToken({ ...options, forceNew: true }).token;
    assert.deepEqual(withoutJti(claimsOf(b)), withoutJti(claimsOf(a)));
  });
});

// ---- deliberate differences ----

test("deliberate: sendMessage to one peer — the official SDK sends peerId (a broadcast), edgeroom peer_id", async () => {
  const { official, ours } = await both(
    // The official SDK's own type (RoomMessageParams) spells it `peerId`; the API reads `peer_id`.
    (s) => s.activeRooms.sendMessage(ROOM, { peerId: PEER, message: "psst" }),
    (c) => c.activeRooms.sendMessage(ROOM, { peer_id: PEER, message: "psst" }),
  );
  assert.deepEqual(normalize(official[0]).body, { peerId: PEER, message: "psst" }, "the API ignores peerId: everyone gets it");
  assert.deepEqual(normalize(ours[0]).body, { peer_id: PEER, message: "psst" });
  assert.equal(normalize(ours[0]).path, normalize(official[0]).path);
  // And edgeroom refuses the official spelling instead of broadcasting.
  await assert.rejects(edgeroomHms().client.activeRooms.sendMessage(ROOM, { peerId: PEER, message: "psst" }), { code: "invalid_argument" });
});

test("deliberate: Date filters — the official SDK drops them, edgeroom sends ISO 8601 text", async () => {
  const after = new Date("2026-01-01T00:00:00.000Z");
  const before = new Date("2026-02-01T00:00:00.000Z");
  for (const [label, o, e] of [
    ["rooms.list", (s) => drain(s.rooms.list({ after, before, enabled: true })), (c) => drain(c.rooms.list({ after, before, enabled: true }))],
    ["sessions.list", (s) => drain(s.sessions.list({ room_id: ROOM, after, before })), (c) => drain(c.sessions.list({ room_id: ROOM, after, before }))],
  ]) {
    const { official, ours } = await both(o, e);
    const a = normalize(official[0]);
    const b = normalize(ours[0]);
    assert.equal(a.query.after, undefined, `${label}: the official SDK drops after`);
    assert.equal(a.query.before, undefined, `${label}: the official SDK drops before`);
    assert.deepEqual(b.query.after, [after.toISOString()], label);
    assert.deepEqual(b.query.before, [before.toISOString()], label);
    const { after: _a, before: _b, ...rest } = b.query;
    assert.deepEqual({ ...b, query: rest }, a, `${label}: the rest is the same`);
  }
});

test("deliberate: analytics paging — the official SDK stops after page 1, edgeroom follows `next`", async () => {
  const event = (id) => ({ version: "2.0", id, timestamp: "2026-01-15T12:00:00Z", type: "track.add.success", data: { room_id: ROOM } });
  const answer = (req) => (req.query.start
    ? { limit: 2, events: [event("e3")], next: null }
    : { limit: 2, events: [event("e1"), event("e2")], next: "cursor/2+=" });
  const official = officialHms(answer);
  const ours = edgeroomHms(answer);
  const filters = () => ({ room_id: ROOM, type: ["track.add.success"], limit: 2 });
  const a = await drain(official.sdk.analytics.listTrackEvents(filters()));
  const b = await drain(ours.client.analytics.listTrackEvents(filters()));
  assert.deepEqual(a.map((e) => e.id), ["e1", "e2"], "official: page 1 only (it looks for `last`, analytics answers `next`)");
  assert.deepEqual(b.map((e) => e.id), ["e1", "e2", "e3"]);
  assert.equal(official.requests.length, 1);
  assert.equal(ours.requests.length, 2);
  assertSameRequests("analytics page 1", official.requests, ours.requests.slice(0, 1));
  assert.deepEqual(normalize(ours.requests[1]).query, { limit: ["2"], room_id: [ROOM], start: ["cursor/2+="], type: ["track.add.success"] });
});

test("deliberate: analytics without `type` — the official SDK sends none, edgeroom the kind's types", async () => {
  for (const [label, o, e, types] of [
    ["listTrackEvents", (s) => drain(s.analytics.listTrackEvents({ room_id: ROOM })), (c) => drain(c.analytics.listTrackEvents({ room_id: ROOM })),
      ["track.add.success", "track.remove.success", "track.update.success"]],
    ["listRecordingEvents", (s) => drain(s.analytics.listRecordingEvents({ room_id: ROOM })), (c) => drain(c.analytics.listRecordingEvents({ room_id: ROOM })),
      ["beam.recording.success"]],
  ]) {
    const { official, ours } = await both(o, e);
    assert.deepEqual(normalize(official[0]).query, { room_id: [ROOM] }, `${label}: official, no type (events of every kind come back)`);
    assert.deepEqual(normalize(ours[0]).query, { room_id: [ROOM], type: types }, `${label}: edgeroom`);
  }
});

test("deliberate: the management token is renewed before it expires, not 30 s after", async () => {
  const official = officialHms();
  const ours = edgeroomHms();
  const t0 = NOW;
  const token = (req) => claimsOf(req.authorization);
  await atInstant(t0, async () => {
    await official.sdk.rooms.retrieveById(ROOM);
    await ours.client.rooms.retrieveById(ROOM);
  });
  const exp = token(official.requests[0]).exp;
  assert.equal(token(ours.requests[0]).exp, exp);
  // One minute before expiry: edgeroom has renewed (less than 5 minutes left), the official SDK
  // sends the old token.
  await atInstant((exp - 60) * 1000, async () => {
    await official.sdk.rooms.retrieveById(ROOM);
    await ours.client.rooms.retrieveById(ROOM);
  });
  assert.equal(token(official.requests[1]).exp, exp, "official: same token, 60 s left");
  assert.equal(token(ours.requests[1]).exp, exp - 60 + 86400 - 10, "edgeroom: a fresh token");
  // 20 s AFTER expiry the official SDK still sends the expired token (its 30 s buffer is the
  // wrong way round); the API answers 401 and it retries.
  await atInstant((exp + 20) * 1000, async () => {
    await official.sdk.rooms.retrieveById(ROOM);
  });
  assert.equal(token(official.requests[2]).exp, exp, "official: an expired token is sent");
});

test("the official SDK's credentials are the ones edgeroom uses (sanity)", () => {
  assert.equal(claimsOf(edgeroomHms().client.auth.getManagementToken().token).access_key, HMS.accessKey);
});
