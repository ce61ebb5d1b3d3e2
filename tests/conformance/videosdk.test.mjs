// Conformance: every room-API method of VideoSDK's official Node SDK
// (@videosdk.live/server-sdk 0.1.1) against the emulator. Each answer must carry every field
// the SDK's own types declare required (dist/index.d.ts); the lists below are copied from
// there. SIP, agents, batch calls, alert rules, connectors, ingress (WHIP/WHEP/socket) and the
// resource pool are not room APIs and are not emulated.

import assert from "node:assert/strict";
import { test } from "node:test";
import { VideoSDK } from "@videosdk.live/server-sdk";
import { DEFAULT_VIDEOSDK_APP } from "../../js/emulator/index.js";
import { JOB_STARTUP_MS } from "../../js/emulator/videosdk/jobs.js";
import { assertRequired, collect, serve } from "./helpers.mjs";

// From the SDK's index.d.ts (required = no `?`). Most of its types require only `id`.
const ROOM = ["id", "roomId"];
const ROOM_VALIDATION = ["valid", "roomId"];
const SESSION = ["id"];
const PARTICIPANT = ["participantId"];
const EGRESS_HANDLE = ["type", "roomId"];
const RECORDING = ["id"];
const INDIVIDUAL_RECORDING = ["id"];
const COMPOSITE_RECORDING = ["id"];
const MERGE_RECORDING = ["id"];
const CREATE_MERGE_RESULT = ["message", "recording", "recording.id"];
const HLS_STREAM = ["id"];
const CAPTURE_RESULT = ["message", "roomId"];
const LIVESTREAM = ["id"];
const RTMP_OUTPUT = ["url", "streamKey"];
const TRANSCODING = ["id"];
const TRANSCRIPTION = ["id"];
const WEBHOOK_SUMMARY = ["totalCount", "successCount", "data"];

const all = async (page) => collect(await page);

test("every room-API method of @videosdk.live/server-sdk answers with the fields its types require", async (t) => {
  const server = await serve(t);
  const emu = server.emulator;
  const sdk = new VideoSDK({
    apiKey: DEFAULT_VIDEOSDK_APP.apiKey,
    secret: DEFAULT_VIDEOSDK_APP.secret,
    // The SDK appends /v2/... and /ai/v1/... to this, as to https://api.videosdk.live.
    apiEndpoint: `${server.url}/videosdk`,
    maxRetries: 0,
  });
  const settle = () => server.clock.advance(JOB_STARTUP_MS);

  // rooms
  const room = await sdk.rooms.create({ customRoomId: "conformance-node" });
  assertRequired(room, ROOM, "Room");
  const { roomId } = room;
  assertRequired(await sdk.rooms.get(roomId), ROOM, "Room");
  for (const r of await all(sdk.rooms.list())) assertRequired(r, ROOM, "Room (list)");
  const validation = await sdk.rooms.validate(roomId);
  assertRequired(validation, ROOM_VALIDATION, "RoomValidation");
  assert.equal(validation.valid, true);
  assert.equal((await sdk.rooms.validate("zzzz-zzzz-zzzz")).valid, false);

  // a live session with participants
  await emu.videosdk.join(roomId, { participantId: "ann", name: "Ann" });
  await emu.videosdk.join(roomId, { participantId: "ben", name: "Ben" });
  const [live] = (await sdk.sessions.list({ roomId, status: "ongoing", perPage: 1 })).data;
  assertRequired(live, SESSION, "Session");
  assert.equal(live.status, "ongoing");
  assertRequired(await sdk.sessions.get(live.id), SESSION, "Session");
  const participants = await all(sdk.sessions.listParticipants(live.id));
  assert.deepEqual(participants.map((p) => p.participantId), ["ann", "ben"]);
  for (const p of participants) assertRequired(p, PARTICIPANT, "Participant");
  const active = await all(sdk.sessions.listActiveParticipants(live.id, { perPage: 1 }));
  assert.deepEqual(active.map((p) => p.participantId), ["ann", "ben"], "pages through data.participants");
  assertRequired(await sdk.sessions.getParticipant(live.id, "ann"), PARTICIPANT, "Participant");
  assert.equal(typeof await sdk.sessions.getStats(live.id), "object");
  assert.equal(typeof await sdk.sessions.getParticipantStats(live.id, "ann"), "object");
  const byRoom = await all(sdk.participants.list(roomId));
  assert.deepEqual(byRoom.map((p) => p.participantId), ["ann", "ben"]);
  assertRequired(await sdk.participants.get(roomId, "ben"), PARTICIPANT, "Participant");

  // egress: starts
  const recording = await sdk.recordings.start(roomId, { composition: { layout: "grid" } });
  assertRequired(recording, EGRESS_HANDLE, "EgressHandle");
  assert.equal(typeof await sdk.recordings.participant.start(roomId, { participantId: "ann", fileFormat: "webm" }), "string");
  assert.equal(typeof await sdk.recordings.track.start(roomId, { participantId: "ann", kind: "audio" }), "string");
  const composite = await sdk.recordings.composite.start(roomId, { participants: [{ participantId: "ben", kind: ["video"] }] });
  assertRequired(composite, [...EGRESS_HANDLE, "id"], "EgressHandle (composite)");
  const hls = await sdk.hls.start(roomId, { composition: { layout: "spotlight" } });
  assertRequired(hls, [...EGRESS_HANDLE, "id"], "EgressHandle (hls)");
  const rtmp = await sdk.rtmp.start(roomId, { streams: [{ url: "rtmp://live.example.invalid/app", streamKey: "key" }] });
  assertRequired(rtmp, EGRESS_HANDLE, "EgressHandle (rtmp)");
  const transcription = await sdk.transcription.realtime.start(roomId, { language: "en", summary: { enabled: true } });
  assertRequired(transcription, TRANSCRIPTION, "RealtimeTranscription");
  settle();

  // egress: while running
  const activeHls = await sdk.hls.get(roomId);
  assertRequired(activeHls, HLS_STREAM, "HlsStream");
  assert.equal(activeHls.roomId, roomId, "the SDK folds the legacy meetingId into roomId");
  assertRequired(await sdk.hls.getById(activeHls.id), HLS_STREAM, "HlsStream");
  assertRequired(await sdk.hls.capture({ roomId, format: "jpg", width: 640, height: 360 }), CAPTURE_RESULT, "CaptureHlsResult");
  const [stream] = (await sdk.rtmp.list({ roomId })).data;
  assertRequired(stream, LIVESTREAM, "Livestream");
  for (const output of stream.outputs) assertRequired(output, RTMP_OUTPUT, "RtmpStream");
  assertRequired(await sdk.rtmp.get(stream.id), LIVESTREAM, "Livestream");
  assertRequired(await sdk.transcription.realtime.get(transcription.id), TRANSCRIPTION, "RealtimeTranscription");

  // egress: stops
  assert.equal(typeof await sdk.recordings.participant.stop(roomId, "ann"), "string");
  assert.equal(typeof await sdk.recordings.track.stop(roomId, "ann", "audio"), "string");
  assert.equal(typeof await sdk.recordings.composite.stop(composite), "string");
  assert.equal(typeof await sdk.recordings.stop(recording), "string");
  assert.equal(typeof await sdk.hls.stop(hls), "string");
  assert.equal(typeof await sdk.rtmp.stop(rtmp), "string");
  const stopped = await sdk.transcription.realtime.stop(roomId);
  assertRequired(stopped, [...TRANSCRIPTION, "transcriptionFilePaths.txt", "summarizedFilePaths.txt"], "RealtimeTranscription");
  for (const x of await all(sdk.transcription.realtime.list())) assertRequired(x, TRANSCRIPTION, "RealtimeTranscription (list)");

  // finished media
  const [finished] = (await sdk.recordings.list({ roomId })).data;
  assertRequired(finished, RECORDING, "Recording");
  const fetched = await sdk.recordings.get(finished.id);
  assertRequired(fetched, [...RECORDING, "file.fileUrl"], "Recording");
  const [individual] = (await sdk.recordings.participant.list({ roomId })).data;
  assertRequired(individual, INDIVIDUAL_RECORDING, "IndividualRecording");
  assertRequired(await sdk.recordings.participant.get(individual.id), [...INDIVIDUAL_RECORDING, "files"], "IndividualRecording");
  const [track] = (await sdk.recordings.track.list({ participantId: "ann" })).data;
  assertRequired(await sdk.recordings.track.get(track.id), INDIVIDUAL_RECORDING, "IndividualRecording (track)");
  const [compositeRecording] = (await sdk.recordings.composite.list({ roomId })).data;
  assertRequired(await sdk.recordings.composite.get(compositeRecording.id), [...COMPOSITE_RECORDING, "file.fileUrl"], "CompositeRecording");
  for (const h of await all(sdk.hls.list({ roomId }))) assertRequired(h, HLS_STREAM, "HlsStream (list)");

  // merges and transcodings
  const merge = await sdk.recordings.merge.create({
    sessionId: live.id,
    channel1: [{ participantId: "ann", recordingId: individual.id }],
    channel2: [{ participantId: "ben" }],
  });
  assertRequired(merge, CREATE_MERGE_RESULT, "CreateMergeRecordingResult");
  for (const m of await all(sdk.recordings.merge.list({ sessionId: live.id }))) assertRequired(m, MERGE_RECORDING, "MergeRecording (list)");
  assertRequired(await sdk.recordings.merge.get(merge.recording.id), MERGE_RECORDING, "MergeRecording");
  // Individual recordings, as both SDKs document the merge.
  const merged = await sdk.transcodings.merge({ recordingIds: [individual.id, track.id] });
  assertRequired(merged, TRANSCODING, "Transcoding");
  assertRequired(await sdk.transcodings.hlsToMp4({ hlsId: activeHls.id }), TRANSCODING, "Transcoding");
  assertRequired(await sdk.transcodings.meetingRecordingMerge({ recordingIds: [finished.id] }), TRANSCODING, "Transcoding");
  assert.equal((await all(sdk.transcodings.list())).length, 3);
  assertRequired(await sdk.transcodings.get(merged.id), TRANSCODING, "Transcoding");
  const cancelled = await sdk.transcodings.cancel(merged.id);
  assert.equal(cancelled.status, "cancelled");
  settle();
  settle();
  const [, done] = (await sdk.transcodings.list({ status: "completed" })).data;
  assertRequired(done, [...TRANSCODING, "file.fileUrl"], "Transcoding (completed)");
  if (finished.webhook) assertRequired(finished.webhook, WEBHOOK_SUMMARY, "WebhookDeliverySummary");

  // deletes, removal, end
  for (const [del, id] of [
    [sdk.recordings.participant, individual.id], [sdk.recordings.track, track.id],
    [sdk.recordings.composite, compositeRecording.id], [sdk.recordings, finished.id], [sdk.hls, activeHls.id],
  ]) assert.equal(typeof await del.delete(id), "string");
  await sdk.participants.remove(roomId, "ben");
  await emu.videosdk.join(roomId, { participantId: "cid", name: "Cid" });
  await sdk.sessions.removeParticipant({ participantId: "cid", roomId });
  const ended = await sdk.sessions.end({ roomId });
  assertRequired(ended, SESSION, "Session");
  assert.equal(ended.status, "ended");
  assertRequired(await sdk.rooms.end(roomId), ROOM, "Room");
});
