// The VideoSDK client: tokens, rooms, sessions, participants, media jobs.
import {
  VideoSdkClient,
  type VideoSdkHls,
  type VideoSdkJobConfig,
  type VideoSdkLivestream,
  type VideoSdkParticipant,
  type VideoSdkRecording,
  type VideoSdkRoom,
  type VideoSdkSession,
} from "edgeroom";
import { expectAssignable, expectTrue, type Equals } from "./assert.js";

declare const apiKey: string;
declare const secret: string;

export async function videosdk(): Promise<void> {
  const vsdk = new VideoSdkClient({ apiKey, secret, baseUrl: "http://127.0.0.1:8787/videosdk", timeoutMs: 10_000, retries: 0 });
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

  const config: VideoSdkJobConfig = {
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
  await vsdk.rooms.get(room.roomId);
  await vsdk.rooms.validate(room.roomId);
  await vsdk.rooms.deactivate(room.roomId);
  await vsdk.rooms.end(room.roomId);
  for await (const r of vsdk.rooms.list({ perPage: 50 })) expectAssignable<VideoSdkRoom>(r);
  // @ts-expect-error gridSize is at most 4
  await vsdk.rooms.create({ autoStartConfig: { recording: { config: { layout: { gridSize: 5 } } } } });
  // @ts-expect-error gridSize is a number, not a string
  await vsdk.rooms.create({ autoStartConfig: { hls: { config: { layout: { gridSize: "4" } } } } });
  // @ts-expect-error not a layout type
  await vsdk.rooms.create({ autoStartConfig: { hls: { config: { layout: { type: "MOSAIC" } } } } });
  // @ts-expect-error not a theme
  await vsdk.rooms.create({ autoStartConfig: { hls: { config: { theme: "BLUE" } } } });
  // @ts-expect-error not a quality
  await vsdk.rooms.create({ autoStartConfig: { recording: { quality: "ultra" } } });
  // @ts-expect-error not a webhook event
  await vsdk.rooms.create({ webhook: { endPoint: "https://h", events: ["meeting-joined"] } });
  // @ts-expect-error region was discontinued by VideoSDK
  await vsdk.rooms.create({ region: "sg001" });
  // @ts-expect-error a number is not a room id
  await vsdk.rooms.get(7);

  for await (const s of vsdk.sessions.list({ roomId: room.roomId, perPage: 10 })) {
    expectTrue<Equals<typeof s, VideoSdkSession>>();
    for await (const p of vsdk.sessions.listParticipants(s.id, { page: 1 })) expectAssignable<VideoSdkParticipant>(p);
    for await (const p of vsdk.sessions.listActiveParticipants(s.id)) expectAssignable<string>(p.participantId);
    await vsdk.sessions.getParticipant(s.id, "p1");
    await vsdk.sessions.get(s.id);
  }
  vsdk.sessions.list({ customRoomId: "standup" });
  // @ts-expect-error roomId or customRoomId is required
  vsdk.sessions.list({ perPage: 10 });
  await vsdk.sessions.end({ roomId: room.roomId });
  await vsdk.sessions.removeParticipant({ roomId: room.roomId, participantId: "p1", sessionId: "s1" });

  for await (const p of vsdk.participants.list(room.roomId)) expectAssignable<VideoSdkParticipant>(p);
  await vsdk.participants.get(room.roomId, "p1");
  await vsdk.participants.remove(room.roomId, "p1");

  await vsdk.recordings.start({ roomId: room.roomId, config: { layout: { type: "GRID", gridSize: 4 }, quality: "high" } });
  await vsdk.recordings.stop(room.roomId);
  for await (const r of vsdk.recordings.list({ roomId: room.roomId })) expectTrue<Equals<typeof r, VideoSdkRecording>>();
  expectAssignable<string | undefined>((await vsdk.recordings.get("j1")).file?.fileUrl);
  await vsdk.recordings.delete("j1");
  // @ts-expect-error roomId is required
  await vsdk.recordings.start({ config });

  await vsdk.hls.start({ roomId: room.roomId, config: { orientation: "portrait" } });
  const active = await vsdk.hls.getActive(room.roomId);
  expectTrue<Equals<typeof active, VideoSdkHls>>();
  await vsdk.hls.stop(room.roomId, active.id);
  await vsdk.hls.get(active.id);
  await vsdk.hls.delete(active.id);
  for await (const h of vsdk.hls.list({ sessionId: "s1" })) expectAssignable<VideoSdkHls>(h);

  await vsdk.rtmp.start({ roomId: room.roomId, outputs: [{ url: "rtmp://a.rtmp.youtube.com/live2", streamKey: "k" }] });
  for await (const l of vsdk.rtmp.list({ roomId: room.roomId })) expectAssignable<VideoSdkLivestream>(l);
  await vsdk.rtmp.get("j2");
  await vsdk.rtmp.stop(room.roomId);
  // @ts-expect-error an output needs its stream key
  await vsdk.rtmp.start({ roomId: room.roomId, outputs: [{ url: "rtmp://x" }] });
}
