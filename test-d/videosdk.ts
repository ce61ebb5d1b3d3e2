// The VideoSDK client: tokens, rooms, sessions, participants, media jobs, transcodings and
// transcriptions. The namespaces and their types are the generated ones (types/calls.d.ts),
// plus what the JS adds: `rooms.end` and `participants`.
import {
  VideoSdkClient,
  type CompositeRecording,
  type HlsCapture,
  type HlsStream,
  type IndividualRecording,
  type JobConfig,
  type JsonValue,
  type Livestream,
  type MergeRecording,
  type MergeRecordingCreated,
  type Participant,
  type QualityStats,
  type RealtimeTranscription,
  type Recording,
  type Transcoding,
  type VideoSdkApi,
  type VideoSdkRoom,
  type VideoSdkSession,
} from "edgeroom";
import { expectAssignable, expectTrue, type Equals } from "./assert.js";

declare const apiKey: string;
declare const secret: string;

export async function videosdk(): Promise<void> {
  const vsdk = new VideoSdkClient({ apiKey, secret, baseUrl: "http://127.0.0.1:8787/videosdk", timeoutMs: 10_000, retries: 0 });
  // The client carries the generated namespaces, and more of rooms.
  expectAssignable<VideoSdkApi>(vsdk);
  expectTrue<Equals<VideoSdkClient["sessions"], VideoSdkApi["sessions"]>>();
  expectTrue<Equals<VideoSdkClient["transcodings"], VideoSdkApi["transcodings"]>>();
  const { token } = vsdk.auth.getToken({ permissions: ["allow_join", "allow_mod"], roomId: "abc-xyzw-lmno", participantId: "p1", roles: ["rtc"] });
  expectAssignable<string>(token);
  vsdk.auth.getToken({ permissions: ["ask_join"], validForSeconds: 600 });
  // @ts-expect-error not a VideoSDK permission
  vsdk.auth.getToken({ permissions: ["allow_all"] });
  // @ts-expect-error not a VideoSDK role
  vsdk.auth.getToken({ permissions: ["allow_join"], roles: ["admin"] });
  // @ts-expect-error permissions are required
  vsdk.auth.getToken({ roomId: "abc" });
  // @ts-expect-error VideoSDK takes apiKey, not accessKey
  new VideoSdkClient({ accessKey: apiKey, secret });

  const config: JobConfig = {
    layout: { type: "GRID", priority: "SPEAKER", gridSize: 4 },
    theme: "DARK",
    mode: "video-and-audio",
    quality: "high",
    orientation: "landscape",
  };
  const room = await vsdk.rooms.create({
    customRoomId: "standup",
    webhook: { endPoint: "https://hooks.example.com/v", events: ["participant-joined", "session-ended", "hls-playable"] },
    autoCloseConfig: { type: "session-end-and-deactivate", duration: 60 },
    autoStartConfig: { recording: { config, awsDirPath: "bucket/x", quality: "med" }, hls: { config: { orientation: "portrait" } } },
  });
  expectTrue<Equals<typeof room, VideoSdkRoom>>();
  expectAssignable<string>(room.roomId);
  await vsdk.rooms.create();
  await vsdk.rooms.get(room.roomId);
  await vsdk.rooms.validate(room.roomId);
  const deactivated = await vsdk.rooms.deactivate(room.roomId);
  // `end` is `deactivate` under the official SDK's name.
  expectTrue<Equals<Awaited<ReturnType<typeof vsdk.rooms.end>>, typeof deactivated>>();
  await vsdk.rooms.end(room.roomId, { timeoutMs: 1000 });
  for await (const r of vsdk.rooms.list({ perPage: 50 })) expectAssignable<VideoSdkRoom>(r);
  // @ts-expect-error gridSize is a number, not a string
  await vsdk.rooms.create({ autoStartConfig: { hls: { config: { layout: { gridSize: "4" } } } } });
  // @ts-expect-error a layout is an object
  await vsdk.rooms.create({ autoStartConfig: { recording: { config: { layout: "GRID" } } } });
  // @ts-expect-error a theme is text
  await vsdk.rooms.create({ autoStartConfig: { hls: { config: { theme: true } } } });
  // @ts-expect-error awsDirPath is for recordings, not HLS
  await vsdk.rooms.create({ autoStartConfig: { hls: { awsDirPath: "bucket/x" } } });
  // @ts-expect-error the webhook's events are an array
  await vsdk.rooms.create({ webhook: { endPoint: "https://h", events: "session-ended" } });
  // @ts-expect-error the auto-close duration is minutes, a number
  await vsdk.rooms.create({ autoCloseConfig: { duration: "1h" } });
  // @ts-expect-error region was discontinued by VideoSDK
  await vsdk.rooms.create({ region: "sg001" });
  // @ts-expect-error a number is not a room id
  await vsdk.rooms.get(7);
  // @ts-expect-error end takes the room id
  await vsdk.rooms.end();

  for await (const s of vsdk.sessions.list({ roomId: room.roomId, perPage: 10 })) {
    expectTrue<Equals<typeof s, VideoSdkSession>>();
    for await (const p of vsdk.sessions.listParticipants(s.id, { page: 1 })) expectAssignable<Participant>(p);
    for await (const p of vsdk.sessions.listActiveParticipants(s.id)) expectAssignable<string>(p.participantId);
    await vsdk.sessions.getParticipant(s.id, "p1");
    await vsdk.sessions.get(s.id);
    const stats = await vsdk.sessions.getQualityStats(s.id);
    expectTrue<Equals<typeof stats, QualityStats>>();
    expectAssignable<QualityStats>(await vsdk.sessions.getParticipantQualityStats(s.id, "p1"));
  }
  vsdk.sessions.list({ customRoomId: "standup" });
  // @ts-expect-error the filters are required: roomId or customRoomId
  vsdk.sessions.list();
  // @ts-expect-error the page number is a number
  vsdk.sessions.list({ roomId: room.roomId, page: "2" });
  // @ts-expect-error quality stats are of a session: its id
  await vsdk.sessions.getQualityStats();
  // @ts-expect-error a participant's stats need the participant
  await vsdk.sessions.getParticipantQualityStats("s1");
  await vsdk.sessions.end({ roomId: room.roomId });
  await vsdk.sessions.removeParticipant({ roomId: room.roomId, participantId: "p1", sessionId: "s1" });
  // @ts-expect-error removing needs the participant
  await vsdk.sessions.removeParticipant({ roomId: room.roomId });

  const live = vsdk.participants.list(room.roomId);
  expectTrue<Equals<typeof live, AsyncIterableIterator<Participant>>>();
  for await (const p of live) expectAssignable<Participant>(p);
  expectTrue<Equals<Awaited<ReturnType<typeof vsdk.participants.get>>, Participant>>();
  await vsdk.participants.get(room.roomId, "p1");
  expectAssignable<JsonValue>(await vsdk.participants.remove(room.roomId, "p1"));
  // @ts-expect-error a participant is found by room and participant id
  await vsdk.participants.get(room.roomId);
  // @ts-expect-error the room id is text
  vsdk.participants.list({ roomId: room.roomId });

  await vsdk.recordings.start({ roomId: room.roomId, config: { layout: { type: "GRID", gridSize: 4 }, quality: "high" } });
  await vsdk.recordings.stop(room.roomId);
  // One job by its id, as the official SDK's stop({ roomId, id }).
  await vsdk.recordings.stop(room.roomId, "rec-1");
  await vsdk.rtmp.stop(room.roomId, "ls-1", { timeoutMs: 1000 });
  // @ts-expect-error the id is text
  await vsdk.recordings.stop(room.roomId, 7);
  // @ts-expect-error a VideoSDK room has no room_id (it is roomId)
  room.room_id;
  for await (const s of vsdk.sessions.list({ roomId: room.roomId, query: room.roomId, startDate: 1767225600000, endDate: 1767312000000 })) expectAssignable<string>(s.id);
  // @ts-expect-error startDate is epoch milliseconds, not a Date
  vsdk.sessions.list({ roomId: room.roomId, startDate: new Date() });
  for await (const r of vsdk.recordings.list({ query: "abc.*", withTranscription: true })) expectAssignable<Recording>(r);
  for await (const r of vsdk.recordings.list({ roomId: room.roomId })) expectTrue<Equals<typeof r, Recording>>();
  expectAssignable<JsonValue | undefined>((await vsdk.recordings.get("j1")).file);
  await vsdk.recordings.delete("j1");
  // @ts-expect-error roomId is required
  await vsdk.recordings.start({ config });

  await vsdk.hls.start({ roomId: room.roomId, config: { orientation: "portrait" } });
  const active = await vsdk.hls.getActive(room.roomId);
  expectTrue<Equals<typeof active, HlsStream>>();
  await vsdk.hls.stop(room.roomId, active.id);
  await vsdk.hls.get(active.id);
  await vsdk.hls.delete(active.id);
  for await (const h of vsdk.hls.list({ sessionId: "s1" })) expectAssignable<HlsStream>(h);
  const capture = await vsdk.hls.capture({ roomId: room.roomId, format: "png", width: 640, height: 360, time: 5 });
  expectTrue<Equals<typeof capture, HlsCapture>>();
  expectAssignable<string | undefined>(capture.filePath);
  // @ts-expect-error a capture is of a room
  await vsdk.hls.capture({ format: "png" });
  // @ts-expect-error the width is in pixels, a number
  await vsdk.hls.capture({ roomId: room.roomId, width: "640px" });

  await vsdk.rtmp.start({ roomId: room.roomId, outputs: [{ url: "rtmp://a.rtmp.youtube.com/live2", streamKey: "k" }] });
  for await (const l of vsdk.rtmp.list({ roomId: room.roomId })) expectAssignable<Livestream>(l);
  await vsdk.rtmp.get("j2");
  await vsdk.rtmp.stop(room.roomId);
  // @ts-expect-error an output needs its stream key
  await vsdk.rtmp.start({ roomId: room.roomId, outputs: [{ url: "rtmp://x" }] });
}

export async function recordingsOfParticipantsAndTracks(vsdk: VideoSdkClient, roomId: string): Promise<void> {
  await vsdk.participantRecordings.start({ roomId, participantId: "p1", fileFormat: "webm", webhookUrl: "https://hooks.example.com/r" });
  await vsdk.participantRecordings.stop(roomId, "p1");
  for await (const r of vsdk.participantRecordings.list({ roomId, participantId: "p1", perPage: 20 })) {
    expectTrue<Equals<typeof r, IndividualRecording>>();
  }
  expectAssignable<IndividualRecording>(await vsdk.participantRecordings.get("r1"));
  await vsdk.participantRecordings.delete("r1");
  // @ts-expect-error a participant recording names its participant
  await vsdk.participantRecordings.start({ roomId });
  // @ts-expect-error stop takes the room and the participant, positionally
  await vsdk.participantRecordings.stop({ roomId, participantId: "p1" });

  await vsdk.trackRecordings.start({ roomId, participantId: "p1", kind: "audio", fileFormat: "mp3" });
  await vsdk.trackRecordings.stop(roomId, "p1", "screen_video");
  for await (const r of vsdk.trackRecordings.list({ sessionId: "s1" })) expectAssignable<IndividualRecording>(r);
  await vsdk.trackRecordings.get("t1");
  await vsdk.trackRecordings.delete("t1");
  // @ts-expect-error a track recording names the kind of track
  await vsdk.trackRecordings.start({ roomId, participantId: "p1" });
  // @ts-expect-error stop names the kind of track too
  await vsdk.trackRecordings.stop(roomId, "p1");

  await vsdk.compositeRecordings.start({
    roomId,
    participants: [{ participantId: "p1", kind: ["audio", "video"] }],
    watermarks: [{ type: "custom", text: "draft" }],
    fileFormat: "mp4",
  });
  await vsdk.compositeRecordings.stop(roomId, "c1");
  for await (const c of vsdk.compositeRecordings.list({ roomId })) expectTrue<Equals<typeof c, CompositeRecording>>();
  await vsdk.compositeRecordings.get("c1");
  await vsdk.compositeRecordings.delete("c1");
  // @ts-expect-error each participant of a composite is named by id
  await vsdk.compositeRecordings.start({ roomId, participants: [{ kind: ["audio"] }] });
  // @ts-expect-error stop names the recording too
  await vsdk.compositeRecordings.stop(roomId);

  const merged = await vsdk.mergeRecordings.create({
    sessionId: "s1",
    channel1: [{ participantId: "p1", type: "participant" }],
    channel2: [{ participantId: "p2", recordingId: "r2", type: "track" }],
  });
  expectTrue<Equals<typeof merged, MergeRecordingCreated>>();
  expectAssignable<MergeRecording>(merged.recording);
  for await (const m of vsdk.mergeRecordings.list({ status: "completed", roomId })) expectAssignable<MergeRecording>(m);
  await vsdk.mergeRecordings.get("m1");
  // @ts-expect-error a merge needs both channels
  await vsdk.mergeRecordings.create({ sessionId: "s1", channel1: [] });
}

export async function transcodingsAndTranscriptions(vsdk: VideoSdkClient, roomId: string): Promise<void> {
  const merge = await vsdk.transcodings.merge({ recordingIds: ["r1", "r2"], watermark: { type: "timestamp", startTime: "2026-01-01T00:00:00Z" } });
  expectTrue<Equals<typeof merge, Transcoding>>();
  await vsdk.transcodings.hlsToMp4({ roomId, hlsId: "h1", storage: { type: "s3", bucket: "b", dirPath: "x/" } });
  await vsdk.transcodings.meetingRecordingMerge({ recordingIds: ["r1", { id: "r2", presignedUrl: "https://s3.example.com/r2" }] });
  for await (const t of vsdk.transcodings.list({ roomId, status: "completed" })) expectAssignable<Transcoding>(t);
  await vsdk.transcodings.get(merge.id);
  expectAssignable<Transcoding>(await vsdk.transcodings.cancel(merge.id));
  // @ts-expect-error the recordings to merge are required
  await vsdk.transcodings.merge({ webhookUrl: "https://h" });
  // @ts-expect-error a storage names its type
  await vsdk.transcodings.hlsToMp4({ roomId, storage: { bucket: "b" } });
  // @ts-expect-error recording ids are text (or { id, presignedUrl })
  await vsdk.transcodings.meetingRecordingMerge({ recordingIds: [42] });

  const started = await vsdk.realtimeTranscriptions.start({ roomId, language: "en", summary: { enabled: true, prompt: "action items" } });
  expectTrue<Equals<typeof started, RealtimeTranscription>>();
  await vsdk.realtimeTranscriptions.stop(roomId);
  await vsdk.realtimeTranscriptions.get(started.id);
  for await (const t of vsdk.realtimeTranscriptions.list({ status: "completed", perPage: 10 })) expectAssignable<RealtimeTranscription>(t);
  // @ts-expect-error a transcription is of a room
  await vsdk.realtimeTranscriptions.start({ language: "en" });
  // @ts-expect-error summary.enabled is a boolean
  await vsdk.realtimeTranscriptions.start({ roomId, summary: { enabled: "yes" } });
}
