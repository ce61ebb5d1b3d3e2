// Differential: edgeroom's VideoSdkClient and @videosdk.live/server-sdk 0.1.1, same inputs, same
// requests (method, path, query as a multimap, JSON body as data) and same token claims. The
// official SDK's options are its own (`webhook.url`, `dirPath`, `streams`); edgeroom takes the
// API's wire names (`webhook.endPoint`, `awsDirPath`, `outputs`): each case gives both the same
// thing in their own words, and the requests must come out the same.

import assert from "node:assert/strict";
import { test } from "node:test";
import { Grant, VideoSDK } from "@videosdk.live/server-sdk";
import {
  VSDK, assertSameRequests, atInstant, claimsOf, drain, edgeroomVideoSdk, headerOfToken, normalize,
  officialVideoSdk,
} from "./helpers.mjs";

const ROOM = "abcd-efgh-ijkl";
const SESSION = "sess-1";
const layout = { type: "GRID", priority: "SPEAKER", gridSize: 4 };

// An answer every VideoSDK call's reader accepts: a one-page list whose item is also a session
// (with participants) and a participant, and an object with the ids.
const ITEM = { id: "obj-1", roomId: ROOM, participantId: "ann", status: "ongoing", participants: [{ participantId: "ann" }] };
const ANY = { ...ITEM, pageInfo: { currentPage: 1, perPage: 10, lastPage: 1, total: 1 }, data: [ITEM] };
const ACTIVE_HLS = { data: { id: "hls-1", roomId: ROOM } };

const CASES = [
  ["rooms.create", (s) => s.rooms.create({ customRoomId: "standup-42", webhook: { url: "https://example.invalid/hook", events: ["participant-joined", "session-ended"] }, autoCloseConfig: { type: "session-end-and-deactivate", afterInactiveSeconds: 60 } }),
    (c) => c.rooms.create({ customRoomId: "standup-42", webhook: { endPoint: "https://example.invalid/hook", events: ["participant-joined", "session-ended"] }, autoCloseConfig: { type: "session-end-and-deactivate", duration: 60 } })],
  ["rooms.create (no params)", (s) => s.rooms.create(), (c) => c.rooms.create()],
  ["rooms.get", (s) => s.rooms.get(ROOM), (c) => c.rooms.get(ROOM)],
  ["rooms.validate", (s) => s.rooms.validate(ROOM), (c) => c.rooms.validate(ROOM)],
  ["rooms.list", (s) => drain(s.rooms.list()), (c) => drain(c.rooms.list())],
  ["rooms.list (perPage)", (s) => drain(s.rooms.list({ page: 2, perPage: 50 })), (c) => drain(c.rooms.list({ page: 2, perPage: 50 }))],
  ["rooms.end", (s) => s.rooms.end(ROOM), (c) => c.rooms.end(ROOM)],
  ["sessions.list", (s) => drain(s.sessions.list({ roomId: ROOM, customRoomId: "standup-42", perPage: 20 })), (c) => drain(c.sessions.list({ roomId: ROOM, customRoomId: "standup-42", perPage: 20 }))],
  ["sessions.get", (s) => s.sessions.get(SESSION), (c) => c.sessions.get(SESSION)],
  ["sessions.listParticipants", (s) => drain(s.sessions.listParticipants(SESSION)), (c) => drain(c.sessions.listParticipants(SESSION))],
  ["sessions.listActiveParticipants", (s) => drain(s.sessions.listActiveParticipants(SESSION, { perPage: 5 })), (c) => drain(c.sessions.listActiveParticipants(SESSION, { perPage: 5 }))],
  ["sessions.getParticipant", (s) => s.sessions.getParticipant(SESSION, "ann"), (c) => c.sessions.getParticipant(SESSION, "ann")],
  ["sessions.end", (s) => s.sessions.end({ roomId: ROOM, sessionId: SESSION }), (c) => c.sessions.end({ roomId: ROOM, sessionId: SESSION })],
  ["sessions.removeParticipant", (s) => s.sessions.removeParticipant({ roomId: ROOM, participantId: "ann", sessionId: SESSION }), (c) => c.sessions.removeParticipant({ roomId: ROOM, participantId: "ann", sessionId: SESSION })],
  ["sessions.getStats", (s) => s.sessions.getStats(SESSION), (c) => c.sessions.getQualityStats(SESSION)],
  ["sessions.getParticipantStats", (s) => s.sessions.getParticipantStats(SESSION, "ann"), (c) => c.sessions.getParticipantQualityStats(SESSION, "ann")],
  ["participants.list", (s) => drain(s.participants.list(ROOM)), (c) => drain(c.participants.list(ROOM))],
  ["participants.get", (s) => s.participants.get(ROOM, "ann"), (c) => c.participants.get(ROOM, "ann")],
  ["participants.remove", (s) => s.participants.remove(ROOM, "ann"), (c) => c.participants.remove(ROOM, "ann")],
  ["recordings.start", (s) => s.recordings.start(ROOM, { composition: { layout: "grid", priority: "SPEAKER", gridSize: 4, theme: "DARK", quality: "high", orientation: "landscape" }, dirPath: "rec/", webhookUrl: "https://example.invalid/w" }),
    (c) => c.recordings.start({ roomId: ROOM, config: { layout, theme: "DARK", quality: "high", orientation: "landscape" }, awsDirPath: "rec/", webhookUrl: "https://example.invalid/w" })],
  ["recordings.start (presigned upload)", (s) => s.recordings.start(ROOM, { dirPath: "rec/", preSignedUrl: "https://example.invalid/put" }),
    (c) => c.recordings.start({ roomId: ROOM, awsDirPath: "rec/", preSignedUrl: "https://example.invalid/put" })],
  ["recordings.start (no options)", (s) => s.recordings.start(ROOM), (c) => c.recordings.start({ roomId: ROOM })],
  ["recordings.stop", (s) => s.recordings.stop(ROOM), (c) => c.recordings.stop(ROOM)],
  ["recordings.list", (s) => drain(s.recordings.list({ roomId: ROOM, sessionId: SESSION })), (c) => drain(c.recordings.list({ roomId: ROOM, sessionId: SESSION }))],
  ["recordings.get", (s) => s.recordings.get("rec-1"), (c) => c.recordings.get("rec-1")],
  ["recordings.delete", (s) => s.recordings.delete("rec-1"), (c) => c.recordings.delete("rec-1")],
  ["hls.start", (s) => s.hls.start(ROOM, { composition: { layout: "spotlight", orientation: "portrait" } }),
    (c) => c.hls.start({ roomId: ROOM, config: { layout: { type: "SPOTLIGHT", priority: "SPEAKER" }, orientation: "portrait" } })],
  ["hls.start (no options)", (s) => s.hls.start(ROOM), (c) => c.hls.start({ roomId: ROOM })],
  ["hls.stop", (s) => s.hls.stop({ type: "hls", roomId: ROOM, id: "hls-1" }), (c) => c.hls.stop(ROOM, "hls-1")],
  ["hls.get (active)", (s) => s.hls.get(ROOM), (c) => c.hls.getActive(ROOM), ACTIVE_HLS],
  ["hls.getById", (s) => s.hls.getById("hls-1"), (c) => c.hls.get("hls-1")],
  ["hls.capture", (s) => s.hls.capture({ roomId: ROOM, format: "jpg", width: 640, height: 360 }), (c) => c.hls.capture({ roomId: ROOM, format: "jpg", width: 640, height: 360 })],
  ["hls.list", (s) => drain(s.hls.list({ roomId: ROOM })), (c) => drain(c.hls.list({ roomId: ROOM }))],
  ["hls.delete", (s) => s.hls.delete("hls-1"), (c) => c.hls.delete("hls-1")],
  ["rtmp.start", (s) => s.rtmp.start(ROOM, { streams: [{ url: "rtmp://live.example.invalid/app", streamKey: "key" }] }),
    (c) => c.rtmp.start({ roomId: ROOM, outputs: [{ url: "rtmp://live.example.invalid/app", streamKey: "key" }] })],
  ["rtmp.stop", (s) => s.rtmp.stop(ROOM), (c) => c.rtmp.stop(ROOM)],
  ["rtmp.list", (s) => drain(s.rtmp.list({ roomId: ROOM })), (c) => drain(c.rtmp.list({ roomId: ROOM }))],
  ["rtmp.get", (s) => s.rtmp.get("ls-1"), (c) => c.rtmp.get("ls-1")],
  ["recordings.participant.start", (s) => s.recordings.participant.start(ROOM, { participantId: "ann", fileFormat: "webm", dirPath: "p/" }),
    (c) => c.participantRecordings.start({ roomId: ROOM, participantId: "ann", fileFormat: "webm", bucketDirPath: "p/" })],
  ["recordings.participant.stop", (s) => s.recordings.participant.stop(ROOM, "ann"), (c) => c.participantRecordings.stop(ROOM, "ann")],
  ["recordings.participant.list", (s) => drain(s.recordings.participant.list({ roomId: ROOM, participantId: "ann" })), (c) => drain(c.participantRecordings.list({ roomId: ROOM, participantId: "ann" }))],
  ["recordings.participant.get", (s) => s.recordings.participant.get("pr-1"), (c) => c.participantRecordings.get("pr-1")],
  ["recordings.participant.delete", (s) => s.recordings.participant.delete("pr-1"), (c) => c.participantRecordings.delete("pr-1")],
  ["recordings.track.start", (s) => s.recordings.track.start(ROOM, { participantId: "ann", kind: "audio" }), (c) => c.trackRecordings.start({ roomId: ROOM, participantId: "ann", kind: "audio" })],
  ["recordings.track.stop", (s) => s.recordings.track.stop(ROOM, "ann", "audio"), (c) => c.trackRecordings.stop(ROOM, "ann", "audio")],
  ["recordings.track.list", (s) => drain(s.recordings.track.list({ sessionId: SESSION })), (c) => drain(c.trackRecordings.list({ sessionId: SESSION }))],
  ["recordings.track.get", (s) => s.recordings.track.get("tr-1"), (c) => c.trackRecordings.get("tr-1")],
  ["recordings.track.delete", (s) => s.recordings.track.delete("tr-1"), (c) => c.trackRecordings.delete("tr-1")],
  ["recordings.composite.start", (s) => s.recordings.composite.start(ROOM, { participants: [{ participantId: "ben", kind: ["video"] }], preSignedUrl: "https://example.invalid/put" }),
    (c) => c.compositeRecordings.start({ roomId: ROOM, participants: [{ participantId: "ben", kind: ["video"] }], preSignedURL: "https://example.invalid/put" })],
  ["recordings.composite.stop", (s) => s.recordings.composite.stop({ roomId: ROOM, recordingId: "cr-1" }), (c) => c.compositeRecordings.stop(ROOM, "cr-1")],
  ["recordings.composite.list", (s) => drain(s.recordings.composite.list({ roomId: ROOM })), (c) => drain(c.compositeRecordings.list({ roomId: ROOM }))],
  ["recordings.composite.get", (s) => s.recordings.composite.get("cr-1"), (c) => c.compositeRecordings.get("cr-1")],
  ["recordings.composite.delete", (s) => s.recordings.composite.delete("cr-1"), (c) => c.compositeRecordings.delete("cr-1")],
  ["recordings.merge.create", (s) => s.recordings.merge.create({ sessionId: SESSION, channel1: [{ participantId: "ann", recordingId: "pr-1" }], channel2: [{ participantId: "ben" }] }),
    (c) => c.mergeRecordings.create({ sessionId: SESSION, channel1: [{ participantId: "ann", recordingId: "pr-1" }], channel2: [{ participantId: "ben" }] }),
    { message: "ok", recording: { id: "m-1" } }],
  ["recordings.merge.list", (s) => drain(s.recordings.merge.list({ sessionId: SESSION, status: "completed" })), (c) => drain(c.mergeRecordings.list({ sessionId: SESSION, status: "completed" })),
    { recordings: [{ id: "m-1" }], pageInfo: ANY.pageInfo }],
  ["recordings.merge.get", (s) => s.recordings.merge.get("m-1"), (c) => c.mergeRecordings.get("m-1")],
  ["transcodings.merge", (s) => s.transcodings.merge({ recordingIds: ["r-1", "r-2"], webhookUrl: "https://example.invalid/w" }), (c) => c.transcodings.merge({ recordingIds: ["r-1", "r-2"], webhookUrl: "https://example.invalid/w" })],
  ["transcodings.hlsToMp4", (s) => s.transcodings.hlsToMp4({ hlsId: "hls-1" }), (c) => c.transcodings.hlsToMp4({ hlsId: "hls-1" })],
  ["transcodings.meetingRecordingMerge", (s) => s.transcodings.meetingRecordingMerge({ recordingIds: ["r-1", { id: "r-2", presignedUrl: "https://example.invalid/r2" }] }), (c) => c.transcodings.meetingRecordingMerge({ recordingIds: ["r-1", { id: "r-2", presignedUrl: "https://example.invalid/r2" }] })],
  ["transcodings.list", (s) => drain(s.transcodings.list({ status: "completed", roomId: ROOM })), (c) => drain(c.transcodings.list({ status: "completed", roomId: ROOM }))],
  ["transcodings.get", (s) => s.transcodings.get("tc-1"), (c) => c.transcodings.get("tc-1")],
  ["transcodings.cancel", (s) => s.transcodings.cancel("tc-1"), (c) => c.transcodings.cancel("tc-1")],
  ["transcription.realtime.start", (s) => s.transcription.realtime.start(ROOM, { language: "en", summary: { enabled: true } }), (c) => c.realtimeTranscriptions.start({ roomId: ROOM, language: "en", summary: { enabled: true } })],
  ["transcription.realtime.stop", (s) => s.transcription.realtime.stop(ROOM), (c) => c.realtimeTranscriptions.stop(ROOM)],
  ["transcription.realtime.get", (s) => s.transcription.realtime.get("t-1"), (c) => c.realtimeTranscriptions.get("t-1")],
  ["transcription.realtime.list", (s) => drain(s.transcription.realtime.list({ status: "completed" })), (c) => drain(c.realtimeTranscriptions.list({ status: "completed" })),
    { transcriptions: [{ id: "t-1" }], pageInfo: ANY.pageInfo }],
];

async function both(officialCall, edgeroomCall, answer = ANY) {
  const official = officialVideoSdk(answer);
  const ours = edgeroomVideoSdk(answer);
  await officialCall(official.sdk);
  await edgeroomCall(ours.client);
  return { official: official.requests, ours: ours.requests };
}

for (const [label, officialCall, edgeroomCall, answer] of CASES) {
  test(`same request: ${label}`, async () => {
    const { official, ours } = await both(officialCall, edgeroomCall, answer);
    assert.ok(official.length > 0, `${label}: the official SDK sent nothing`);
    assertSameRequests(label, official, ours);
  });
}

test("same requests: a list's second page (page + perPage from pageInfo)", async () => {
  const answer = (req) => (req.query.page?.[0] === "2"
    ? { pageInfo: { currentPage: 2, perPage: 1, lastPage: 2, total: 2 }, data: [{ roomId: "r2", id: "2" }] }
    : { pageInfo: { currentPage: 1, perPage: 1, lastPage: 2, total: 2 }, data: [{ roomId: "r1", id: "1" }] });
  const { official, ours } = await both((s) => drain(s.rooms.list({ perPage: 1 })), (c) => drain(c.rooms.list({ perPage: 1 })), answer);
  assert.equal(official.length, 2);
  assertSameRequests("rooms.list, two pages", official, ours);
});

// ---- tokens ----

const NOW = Date.UTC(2026, 0, 15, 12, 0, 0);

test("same tokens: the REST (crawler) token on every call", async () => {
  await atInstant(NOW, async () => {
    const { official, ours } = await both((s) => s.rooms.get(ROOM), (c) => c.rooms.get(ROOM));
    // No "Bearer " on either side: VideoSDK takes the token itself.
    assert.doesNotMatch(official[0].authorization, /^Bearer /);
    assert.doesNotMatch(ours[0].authorization, /^Bearer /);
    assert.deepEqual(claimsOf(ours[0].authorization), claimsOf(official[0].authorization));
    assert.deepEqual(headerOfToken(ours[0].authorization), headerOfToken(official[0].authorization));
  });
});

test("same tokens: the official defaults (generateToken: allow_join + allow_mod, crawler, 24 h)", async () => {
  await atInstant(NOW, async () => {
    const official = VideoSDK.generateToken({ apiKey: VSDK.apiKey, secretKey: VSDK.secret });
    const ours = edgeroomVideoSdk().client.auth.getToken({ permissions: ["allow_join", "allow_mod"], roles: ["crawler"] }).token;
    assert.deepEqual(claimsOf(ours), claimsOf(official));
    assert.deepEqual(headerOfToken(ours), headerOfToken(official));
    assert.equal(claimsOf(official).exp - claimsOf(official).iat, 86400);
  });
});

test("same tokens: a participant token (the official builder: rtc, room, participant, lifetime)", async () => {
  await atInstant(NOW, async () => {
    const sdk = officialVideoSdk().sdk;
    const client = edgeroomVideoSdk().client;
    const official = sdk.accessToken().setParticipant("p-1").grant(Grant.AllowJoin).forRoom(ROOM).expiresIn(900).toJwt();
    const ours = client.auth.getToken({ permissions: ["allow_join"], roomId: ROOM, participantId: "p-1", roles: ["rtc"], validForSeconds: 900 }).token;
    assert.deepEqual(claimsOf(ours), claimsOf(official));
    const official2 = sdk.accessToken().grant(Grant.AskJoin).toJwt();
    const ours2 = client.auth.getToken({ permissions: ["ask_join"], roles: ["rtc"] }).token;
    assert.deepEqual(claimsOf(ours2), claimsOf(official2));
  });
});
