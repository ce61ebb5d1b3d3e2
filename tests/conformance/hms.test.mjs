// Conformance: every method of 100ms's official Node SDK (@100mslive/server-sdk 0.3.0) against
// the emulator. Each answer must carry every field the SDK's own types declare required
// (dist/types/types/api_types/*.d.ts); the lists below are copied from there.

import assert from "node:assert/strict";
import { test } from "node:test";
import hmsSdk from "@100mslive/server-sdk";
import { DEFAULT_APP, hmsUrls } from "../../js/emulator/index.js";
import { assertRequired, collect, serve } from "./helpers.mjs";

const { SDK: HMSSDK } = hmsSdk; // the package exports its HMSSDK class as SDK

// From the SDK's .d.ts (required = no `?`).
const ROOM = ["id", "name", "enabled", "description", "customer_id", "app_id", "template_id", "template", "region", "created_at", "updated_at", "customer"];
const ROOM_CODE = ["code", "room_id", "role", "enabled", "created_at", "updated_at"];
const SESSION = ["id", "room_id", "customer_id", "app_id", "active", "peers", "created_at", "updated_at"];
const BASE_PEER = ["id", "name", "role", "user_id", "joined_at"];
const SESSION_PEER = [...BASE_PEER, "session_id", "left_at"];
const ACTIVE_ROOM = ["id", "name", "customer_id", "session", "session.id", "session.created_at", "session.peers"];
const ACTIVE_PEER = [...BASE_PEER, "metadata"];
const PEER_WITH_TRACKS = [...ACTIVE_PEER, "tracks"];
const PEER_TRACK = ["id", "stream_id", "mute", "type", "source", "started_at", "description"];
const BEAM = ["id", "room_id", "session_id", "status", "created_at", "updated_at", "meeting_url", "started_by", "stopped_by"];
const RECORDING = [...BEAM, "asset_types"];
const LIVE_STREAM = [...BEAM, "recording", "recording.hls_vod", "recording.single_file_per_layer", "playback", "playback.url", "destination"];
const EXTERNAL_STREAM = [...BEAM, "destination", "rtmp_urls", "recording", "resolution", "resolution.width", "resolution.height"];
const ASSET = ["id", "duration", "path", "status", "created_at", "type", "size", "metadata", "job_id", "room_id", "session_id"];
const PRESIGNED = ["id", "path", "url", "expiry"];
const TRACK_EVENT = ["version", "id", "timestamp", "type", ...["room_id", "session_id", "room_name", "peer_id", "user_id", "user_name", "joined_at", "role", "track_id", "stream_id", "type", "source", "mute", "started_at"].map((f) => `data.${f}`)];
const RECORDING_EVENT = ["version", "id", "timestamp", "type", ...["beam_id", "room_id", "session_id", "peer_id", "template_id", "created_at", "duration", "started_at", "stopped_at", "max_width", "max_height", "recording_path", "recording_presigned_url", "meeting_url", "rtmp", "session_started_at", "size"].map((f) => `data.${f}`)];

function sdkFor(server) {
  const hms = new HMSSDK(DEFAULT_APP.accessKey, DEFAULT_APP.secret);
  // The official SDK has no base-URL option (it picks api.100ms.live, or api-nonprod with
  // HMS_ENV=nonprod), so the test points its axios instance at the emulator. `api.axios` is
  // private in the SDK's types but a plain property at run time.
  hms.api.axios.defaults.baseURL = hmsUrls(server.url).baseUrl;
  return hms;
}

test("every method of @100mslive/server-sdk answers with the fields its types require", async (t) => {
  const server = await serve(t);
  const emu = server.emulator;
  const hms = sdkFor(server);

  // auth: the emulator accepts the SDK's own management token (same secret, its claims).
  assert.ok((await hms.auth.getManagementToken()).token);

  // rooms
  const room = await hms.rooms.create({ name: "conformance-hms", description: "official SDK" });
  assertRequired(room, ROOM, "Room.Object");
  assertRequired(await hms.rooms.retrieveById(room.id), ROOM, "Room.Object");
  assertRequired(await hms.rooms.retrieveByName(room.name), ROOM, "Room.Object");
  assertRequired(await hms.rooms.update(room.id, { description: "updated" }), ROOM, "Room.Object");
  assertRequired(await hms.rooms.enableOrDisable(room.id, true), ROOM, "Room.Object");
  const rooms = await collect(hms.rooms.list());
  assert.ok(rooms.some((r) => r.id === room.id));
  for (const r of rooms) assertRequired(r, ROOM, "Room.Object (list)");

  // room codes
  const codes = await hms.roomCodes.create(room.id);
  assert.ok(codes.length > 0);
  for (const c of codes) assertRequired(c, ROOM_CODE, "RoomCode.Object");
  const role = codes[0].role;
  assertRequired(await hms.roomCodes.createForRole(room.id, role), ROOM_CODE, "RoomCode.Object");
  for (const c of await collect(hms.roomCodes.list(room.id))) assertRequired(c, ROOM_CODE, "RoomCode.Object (list)");
  assertRequired(await hms.roomCodes.enableOrDisable(codes[0].code, false), ROOM_CODE, "RoomCode.Object");
  assert.ok((await hms.auth.getAuthToken({ roomId: room.id, role, userId: "user-1" })).token);

  // peers join (the emulator's control side), then the active-room calls
  const ann = emu.hms.addPeer(room.id, { role, name: "Ann", user_id: "ann" });
  const ben = emu.hms.addPeer(room.id, { role, name: "Ben", user_id: "ben" });
  assertRequired(await hms.activeRooms.retrieve(room.id), ACTIVE_ROOM, "ActiveRoom.Object");
  const active = await hms.activeRooms.retrieveActivePeers(room.id);
  for (const peer of Object.values(active)) assertRequired(peer, ACTIVE_PEER, "ActiveRoom.Peer");
  const details = await hms.activeRooms.retrievePeerDetails(room.id, ann.id);
  assertRequired(details, PEER_WITH_TRACKS, "ActiveRoom.PeerWithTrack");
  for (const track of Object.values(details.tracks)) assertRequired(track, PEER_TRACK, "ActiveRoom.PeerTrack");
  assertRequired(await hms.activeRooms.updatePeer(room.id, ann.id, { metadata: "{}" }), PEER_WITH_TRACKS, "ActiveRoom.PeerWithTrack");
  await hms.activeRooms.sendMessage(room.id, { message: "hello" });

  // sessions
  const live = await hms.sessions.retrieveActiveByRoom(room.id);
  assertRequired(live, SESSION, "Session.Object");
  assertRequired(await hms.sessions.retrieveById(live.id), SESSION, "Session.Object");

  // recordings, live streams, external streams
  const meeting_url = "https://app.100ms-emulator.invalid/meeting/abc";
  const recording = await hms.recordings.start(room.id, { meeting_url, resolution: { width: 1280, height: 720 } });
  assertRequired(recording, RECORDING, "Recording.Object");
  const liveStream = await hms.liveStreams.start(room.id, { meeting_url, recording: { hls_vod: true, single_file_per_layer: false } });
  assertRequired(liveStream, LIVE_STREAM, "LiveStream.Object");
  const external = await hms.externalStreams.start(room.id, { meeting_url, rtmp_urls: ["rtmp://live.example.invalid/app/key"], recording: true });
  assertRequired(external, EXTERNAL_STREAM, "ExternalStream.Object");

  assertRequired(await hms.recordings.retrieve(recording.id), RECORDING, "Recording.Object");
  assertRequired(await hms.liveStreams.retrieve(liveStream.id), LIVE_STREAM, "LiveStream.Object");
  assertRequired(await hms.liveStreams.sendTimedMetadata(liveStream.id, { payload: "cue", duration: 5 }), LIVE_STREAM, "LiveStream.Object");
  assertRequired(await hms.liveStreams.pauseRecording(liveStream.id), LIVE_STREAM, "LiveStream.Object");
  assertRequired(await hms.liveStreams.resumeRecording(liveStream.id), LIVE_STREAM, "LiveStream.Object");
  assertRequired(await hms.externalStreams.retrieve(external.id), EXTERNAL_STREAM, "ExternalStream.Object");

  assertRequired(await hms.recordings.stop(recording.id), RECORDING, "Recording.Object");
  assertRequired(await hms.liveStreams.stop(liveStream.id), LIVE_STREAM, "LiveStream.Object");
  assertRequired(await hms.externalStreams.stop(external.id), EXTERNAL_STREAM, "ExternalStream.Object");
  // stopAll: start one of each again, stop them all by room.
  await hms.recordings.start(room.id, { meeting_url });
  await hms.liveStreams.start(room.id, { meeting_url });
  await hms.externalStreams.start(room.id, { meeting_url, rtmp_urls: ["rtmp://live.example.invalid/app/key"] });
  for (const r of await hms.recordings.stopAll(room.id)) assertRequired(r, RECORDING, "Recording.Object (stopAll)");
  for (const s of await hms.liveStreams.stopAll(room.id)) assertRequired(s, LIVE_STREAM, "LiveStream.Object (stopAll)");
  for (const s of await hms.externalStreams.stopAll(room.id)) assertRequired(s, EXTERNAL_STREAM, "ExternalStream.Object (stopAll)");

  for (const r of await collect(hms.recordings.list({ room_id: room.id }))) assertRequired(r, RECORDING, "Recording.Object (list)");
  for (const s of await collect(hms.liveStreams.list({ room_id: room.id }))) assertRequired(s, LIVE_STREAM, "LiveStream.Object (list)");
  for (const s of await collect(hms.externalStreams.list({ room_id: room.id }))) assertRequired(s, EXTERNAL_STREAM, "ExternalStream.Object (list)");

  // recording assets
  const assets = await collect(hms.recordingAssets.list({ room_id: room.id }));
  assert.ok(assets.length > 0);
  for (const a of assets) assertRequired(a, ASSET, "RecordingAsset.Object (list)");
  assertRequired(await hms.recordingAssets.retrieve(assets[0].id), ASSET, "RecordingAsset.Object");
  assertRequired(await hms.recordingAssets.generatePreSignedURL(assets[0].id, 600), PRESIGNED, "RecordingAsset.PreSignedURL");

  // analytics
  const trackEvents = await collect(hms.analytics.listTrackEvents({ room_id: room.id, type: ["track.add.success"] }));
  assert.ok(trackEvents.length > 0);
  for (const e of trackEvents) assertRequired(e, TRACK_EVENT, "TrackEvent.Object");
  const recordingEvents = await collect(hms.analytics.listRecordingEvents({ room_id: room.id, type: "beam.recording.success" }));
  assert.ok(recordingEvents.length > 0);
  for (const e of recordingEvents) assertRequired(e, RECORDING_EVENT, "RecordingEvent.Object");

  // remove a peer, end the room; the closed session's peers all have left_at
  await hms.activeRooms.removePeer(room.id, { peer_id: ben.id, reason: "conformance" });
  await hms.activeRooms.end(room.id, { reason: "done", lock: false });
  const closed = await hms.sessions.retrieveById(live.id);
  assertRequired(closed, SESSION, "Session.Object");
  for (const peer of Object.values(closed.peers)) assertRequired(peer, SESSION_PEER, "Session.Peer");
  for (const s of await collect(hms.sessions.list({ room_id: room.id }))) assertRequired(s, SESSION, "Session.Object (list)");
});
