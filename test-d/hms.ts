// The 100ms client as users write it: every namespace, correct calls first, then the
// mistakes the declarations must catch (each `@ts-expect-error` fails the build if the line
// below it compiles). The namespaces and their params and answer types are the ones
// generated from the Rust declarations of the calls (types/calls.d.ts).
import {
  HmsClient,
  type ActivePeer,
  type AnalyticsEvent,
  type CallOptions,
  type ExternalStream,
  type HmsApi,
  type JsonValue,
  type LiveStream,
  type Open,
  type PeerDetails,
  type Poll,
  type PollQuestion,
  type PresignedUrl,
  type RecordingAsset,
  type RecordingConfig,
  type RecordingJob,
  type Room,
  type RoomCode,
  type RoomFilters,
  type RoomSettings,
  type Session,
  type StreamKey,
  type Template,
  type TemplateRole,
} from "edgeroom";
import { expectAssignable, expectTrue, type Equals } from "./assert.js";

declare const accessKey: string;
declare const secret: string;

export async function rooms(): Promise<void> {
  const hms = new HmsClient({
    accessKey,
    secret,
    baseUrl: "http://127.0.0.1:8787/100ms/v2",
    authBaseUrl: "http://127.0.0.1:8787/100ms-auth/v2",
    fetch: globalThis.fetch,
    timeoutMs: 5000,
    retries: 3,
    retryMaxDelayMs: 2000,
    onRetry: ({ endpoint, attempt, delayMs, code, status }) => console.log(endpoint, attempt, delayMs, code, status),
  });
  // A fetch that is not globalThis.fetch: a wrapper, as the tests write them.
  new HmsClient({ accessKey, secret, fetch: (url, init) => fetch(url, init) });
  // The client carries the generated namespaces (all but the generated `auth`).
  expectAssignable<Omit<HmsApi, "auth">>(hms);
  expectTrue<Equals<HmsClient["rooms"], HmsApi["rooms"]>>();
  expectTrue<Equals<HmsClient["templates"], HmsApi["templates"]>>();

  const settings: RoomSettings = {
    name: "class-9pm",
    description: "English, batch 2",
    region: "eu",
    template_id: "t1",
    large_room: true,
    size: 5000,
    max_duration_seconds: 3600,
    recording_info: {
      enabled: true,
      upload_info: { type: "s3", location: "bucket", prefix: "rec/", options: { region: "eu-west-1" }, credentials: { key: "k", secret: "s" } },
    },
    webhook: { url: "https://hooks.example.com", headers: { "x-secret": "s" } },
  };
  const room = await hms.rooms.create(settings);
  expectTrue<Equals<typeof room, Room>>();
  expectAssignable<string>(room.id);
  expectAssignable<boolean | undefined>(room.enabled);
  // A misspelled read is an error: answers have no open index signature.
  // @ts-expect-error `nmae` is not a member of Room
  room.nmae;
  // @ts-expect-error nor by index
  room["polls"];
  // What the provider adds beyond the documented fields is read through Open<T>, as JSON.
  const open: Open<Room> = room;
  expectAssignable<JsonValue | undefined>(open["polls"]);
  expectAssignable<JsonValue | undefined>(open.nmae);
  expectTrue<Equals<typeof open.id, string>>();
  await hms.rooms.create();
  await hms.rooms.create({ region: "auto" });
  await hms.rooms.retrieveById(room.id, { timeoutMs: 1000, signal: AbortSignal.timeout(2000) });
  await hms.rooms.retrieveByName("class-9pm");
  await hms.rooms.update(room.id, { description: "moved", max_duration_seconds: 3600 });
  expectTrue<Equals<Awaited<ReturnType<typeof hms.rooms.enableOrDisable>>, Room>>();
  await hms.rooms.enableOrDisable(room.id, false);
  // Date filters: ISO 8601 text or a Date (sent as its ISO text).
  const filters: RoomFilters = { enabled: true, limit: 50, after: new Date(), before: "2026-01-01T00:00:00Z" };
  for await (const r of hms.rooms.list(filters)) {
    expectTrue<Equals<typeof r, Room>>();
  }
  // A list answers an async generator: for await, or .next() page by page.
  expectTrue<Equals<ReturnType<typeof hms.rooms.list>, AsyncIterableIterator<Room>>>();
  const iterator = hms.rooms.list();
  const first = await iterator.next();
  if (!first.done) expectAssignable<Room>(first.value);

  // @ts-expect-error a region is text
  await hms.rooms.create({ region: 1 });
  // @ts-expect-error an upload destination needs its location (the bucket)
  await hms.rooms.create({ recording_info: { upload_info: { type: "s3" } } });
  // @ts-expect-error `template` is refused: use template_id
  await hms.rooms.create({ template: "x" });
  // @ts-expect-error a misspelled field of the params
  await hms.rooms.create({ templateId: "t1" });
  // @ts-expect-error a room's webhook needs its url
  await hms.rooms.create({ webhook: { headers: {} } });
  // @ts-expect-error update needs its params
  await hms.rooms.update(room.id);
  // @ts-expect-error a number is not a room id
  await hms.rooms.retrieveById(42);
  // @ts-expect-error a date filter is ISO 8601 text or a Date, not a Unix time
  hms.rooms.list({ after: 1_700_000_000 });
  // @ts-expect-error a misspelled client option
  new HmsClient({ accessKey, secret, timeoutMS: 5000 });
  // @ts-expect-error the secret is required
  new HmsClient({ accessKey });
  // @ts-expect-error a misspelled per-call option
  await hms.rooms.retrieveById(room.id, { timeout: 5 });
  // @ts-expect-error a list is async: no sync for-of
  for (const r of hms.rooms.list()) console.log(r);
  // @ts-expect-error a list is not an array
  hms.rooms.list().length;
  // @ts-expect-error a list is not a promise of an array
  const all: Room[] = await hms.rooms.list();
  void all;
  // @ts-expect-error not a namespace of the 100ms API
  hms.participants;
}

export async function codesKeysSessions(hms: HmsClient, roomId: string): Promise<void> {
  const codes = await hms.roomCodes.create(roomId);
  expectTrue<Equals<typeof codes, RoomCode[]>>();
  const guest = await hms.roomCodes.createForRole(roomId, "guest");
  expectAssignable<string>(guest.code);
  for await (const c of hms.roomCodes.list(roomId, { enabled: true, role: "guest", limit: 10 })) expectAssignable<RoomCode>(c);
  await hms.roomCodes.enableOrDisable(guest.code, false);
  // @ts-expect-error enabled is a boolean
  await hms.roomCodes.enableOrDisable(guest.code, "no");
  // @ts-expect-error the list is of a room: its id comes first
  hms.roomCodes.list({ enabled: true });

  const { key, url } = await hms.streamKeys.create(roomId);
  expectAssignable<string>(key);
  expectAssignable<string | undefined>(url);
  expectAssignable<StreamKey>(await hms.streamKeys.retrieve(roomId));
  expectAssignable<JsonValue>(await hms.streamKeys.disable(roomId));
  // @ts-expect-error a stream key is made for a room id
  await hms.streamKeys.create();

  for await (const s of hms.sessions.list({ room_id: roomId, active: false, after: new Date("2026-01-01"), before: "2026-02-01T00:00:00Z" })) {
    expectTrue<Equals<typeof s, Session>>();
    for (const peer of Object.values(s.peers ?? {})) expectAssignable<string | undefined>(peer?.role);
  }
  expectAssignable<Session>(await hms.sessions.retrieveById("s1"));
  expectAssignable<boolean | undefined>((await hms.sessions.retrieveActiveByRoom(roomId)).active);
  // @ts-expect-error `active` is a boolean filter
  hms.sessions.list({ active: "yes" });
  // @ts-expect-error the wire name is room_id
  hms.sessions.list({ roomId });
}

export async function activeRooms(hms: HmsClient, roomId: string, peerId: string): Promise<void> {
  const active = await hms.activeRooms.retrieve(roomId);
  expectAssignable<string[] | undefined>(active.session?.peers);
  const peers = await hms.activeRooms.retrieveActivePeers(roomId);
  for (const peer of Object.values(peers)) if (peer) expectAssignable<ActivePeer>(peer);
  expectAssignable<ActivePeer | undefined>(peers[peerId]);
  const details = await hms.activeRooms.retrievePeerDetails(roomId, peerId);
  expectTrue<Equals<typeof details, PeerDetails>>();
  for (const track of Object.values(details.tracks ?? {})) expectAssignable<boolean | undefined>(track?.mute);
  await hms.activeRooms.updatePeer(roomId, peerId, { name: "Ana", role: "guest", metadata: '{"hand":true}' });
  await hms.activeRooms.sendMessage(roomId, { message: "hi", peer_id: peerId, type: "chat" });
  await hms.activeRooms.sendMessage(roomId, { message: "all" });
  await hms.activeRooms.removePeer(roomId, { role: "guest", reason: "time is up" });
  await hms.activeRooms.removePeer(roomId, { peer_id: peerId });
  await hms.activeRooms.end(roomId, { reason: "done", lock: true });
  await hms.activeRooms.end(roomId);
  // @ts-expect-error peer_id, not the official SDK's peerId
  await hms.activeRooms.sendMessage(roomId, { message: "hi", peerId });
  // @ts-expect-error a message needs its text
  await hms.activeRooms.sendMessage(roomId, { type: "chat" });
  // @ts-expect-error say whom to remove
  await hms.activeRooms.removePeer(roomId);
  // @ts-expect-error the peer comes after the room
  await hms.activeRooms.updatePeer(roomId, { name: "Ana" });
  // @ts-expect-error lock is a boolean
  await hms.activeRooms.end(roomId, { lock: "yes" });
}

export async function media(hms: HmsClient, roomId: string, options: CallOptions): Promise<void> {
  const rec = await hms.recordings.start(roomId, {
    resolution: { width: 1280, height: 720 },
    audio_only: false,
    transcription: { enabled: true, output_modes: ["txt", "srt"], summary: { enabled: true, sections: [{ title: "Actions", format: "bullets" }] } },
  });
  expectTrue<Equals<typeof rec, RecordingJob>>();
  await hms.recordings.stop(rec.id, options);
  expectAssignable<RecordingJob[]>(await hms.recordings.stopAll(roomId));
  const again = await hms.recordings.retrieve(rec.id);
  for (const asset of again.recording_assets ?? []) expectAssignable<string | undefined>(asset.path);
  await hms.recordings.retrieveConfig(rec.id);
  for await (const r of hms.recordings.list({ room_id: roomId, status: "completed" })) expectAssignable<RecordingJob>(r);
  // @ts-expect-error the page size is a number
  hms.recordings.list({ limit: "10" });
  // @ts-expect-error a resolution has both sides
  await hms.recordings.start(roomId, { resolution: { width: 1280 } });
  // @ts-expect-error audio_only is a boolean
  await hms.recordings.start(roomId, { audio_only: "yes" });

  for await (const a of hms.recordingAssets.list({ status: "completed", type: "room-composite" })) expectAssignable<RecordingAsset>(a);
  expectAssignable<RecordingAsset>(await hms.recordingAssets.retrieve("a1"));
  const presigned = await hms.recordingAssets.generatePreSignedURL("a1", 3600);
  expectTrue<Equals<typeof presigned, PresignedUrl>>();
  expectAssignable<string>(presigned.url);
  // @ts-expect-error the duration is a number of seconds
  await hms.recordingAssets.generatePreSignedURL("a1", "1h");

  const ls = await hms.liveStreams.start(roomId, { recording: { hls_vod: true, single_file_per_layer: false } });
  expectTrue<Equals<typeof ls, LiveStream>>();
  await hms.liveStreams.sendTimedMetadata(ls.id, { payload: "quiz-1", duration: 30 });
  await hms.liveStreams.pauseRecording(ls.id);
  await hms.liveStreams.resumeRecording(ls.id);
  await hms.liveStreams.stop(ls.id);
  await hms.liveStreams.stopAll(roomId);
  expectAssignable<string | undefined>((await hms.liveStreams.retrieve(ls.id)).playback?.url);
  for await (const s of hms.liveStreams.list({ room_id: roomId })) expectAssignable<LiveStream>(s);
  // @ts-expect-error timed metadata needs a duration
  await hms.liveStreams.sendTimedMetadata(ls.id, { payload: "x" });
  // @ts-expect-error hls_vod is a boolean
  await hms.liveStreams.start(roomId, { recording: { hls_vod: "yes" } });

  const es = await hms.externalStreams.start(roomId, { rtmp_urls: ["rtmp://a.rtmp.youtube.com/live2/KEY"], recording: true });
  expectTrue<Equals<typeof es, ExternalStream>>();
  await hms.externalStreams.stop(es.id);
  await hms.externalStreams.stopAll(roomId);
  await hms.externalStreams.retrieve(es.id);
  for await (const s of hms.externalStreams.list()) expectAssignable<ExternalStream>(s);
  // @ts-expect-error rtmp_urls is required
  await hms.externalStreams.start(roomId, {});
  // @ts-expect-error rtmp_urls is an array of URLs
  await hms.externalStreams.start(roomId, { rtmp_urls: "rtmp://a.rtmp.youtube.com/live2/KEY" });
}

export async function analyticsPollsTemplates(hms: HmsClient, roomId: string): Promise<void> {
  for await (const e of hms.analytics.listTrackEvents({ room_id: roomId })) {
    expectTrue<Equals<typeof e, AnalyticsEvent>>();
    expectAssignable<string | undefined>(e.data?.track_id);
  }
  for await (const e of hms.analytics.listRecordingEvents({ room_id: roomId, limit: 100 })) {
    expectTrue<Equals<typeof e, AnalyticsEvent>>();
    expectAssignable<string | undefined>(e.data?.recording_path);
  }
  for await (const e of hms.analytics.listEvents({ room_id: roomId, type: ["peer.join.success"], error: false })) {
    expectAssignable<AnalyticsEvent>(e);
    if (e.type === "peer.join.success") expectAssignable<string | undefined>(e.data?.peer_id);
  }
  // @ts-expect-error room_id is required
  hms.analytics.listEvents({ type: ["peer.join.success"] });
  // One type may be given alone, as the official SDK's listRecordingEvents takes it.
  hms.analytics.listTrackEvents({ room_id: roomId, type: "track.add.success" });
  hms.analytics.listRecordingEvents({ room_id: roomId, type: "beam.recording.success" });
  // @ts-expect-error a type is text
  hms.analytics.listTrackEvents({ room_id: roomId, type: 7 });

  const poll = await hms.polls.create({
    title: "Lunch?",
    type: "poll",
    questions: [{ text: "Where?", type: "single-choice", options: [{ text: "Here" }, { text: "There", weight: 1 }] }],
  });
  expectTrue<Equals<typeof poll, Poll>>();
  await hms.polls.retrieve(poll.id);
  await hms.polls.update(poll.id, { title: "Dinner?" });
  const question = await hms.polls.updateQuestion(poll.id, "1", { text: "Where now?" });
  expectTrue<Equals<typeof question, PollQuestion>>();
  expectAssignable<number | undefined>(question.index);
  await hms.polls.deleteQuestion(poll.id, "2");
  await hms.polls.updateOption(poll.id, "1", "1", { text: "Here", weight: 2 });
  await hms.polls.deleteOption(poll.id, "1", "2");
  await hms.polls.retrieveSession(poll.id, "s1");
  for (const result of (await hms.polls.retrieveResults(poll.id, "s1")).data ?? []) expectAssignable<number | undefined>(result.total);
  await hms.polls.retrieveResult(poll.id, "s1", "1");
  await hms.polls.retrieveResponses(poll.id, "s1");
  await hms.polls.retrieveResponse(poll.id, "s1", "r1");
  // @ts-expect-error a poll needs a title
  await hms.polls.create({ type: "quiz" });
  // @ts-expect-error a question's text is text
  await hms.polls.updateQuestion(poll.id, "1", { text: 5 });
  // @ts-expect-error an option's weight is a number
  await hms.polls.updateOption(poll.id, "1", "1", { weight: "heavy" });

  const template = await hms.templates.create({ name: "webinar", roles: { host: { name: "host", permissions: { endRoom: true } } } });
  expectTrue<Equals<typeof template, Template>>();
  await hms.templates.update(template.id, { name: "webinar-2" });
  await hms.templates.retrieve(template.id);
  expectAssignable<TemplateRole>(await hms.templates.createOrUpdateRole(template.id, "viewer", { priority: 2, maxPeerCount: 100 }));
  await hms.templates.retrieveRole(template.id, "viewer");
  await hms.templates.deleteRole(template.id, "viewer");
  await hms.templates.updateSettings(template.id, { region: "eu" });
  await hms.templates.retrieveSettings(template.id);
  const configs = await hms.templates.configureRecordings(template.id, [{ name: "main", role: "host", maxDuration: 3600 }]);
  expectAssignable<string | undefined>(configs[0]?.role);
  expectAssignable<RecordingConfig[]>(await hms.templates.retrieveRecordingsConfig(template.id));
  // @ts-expect-error recording configs are an array
  await hms.templates.configureRecordings(template.id, { name: "main", role: "host" });
  // @ts-expect-error a recording config names its role
  await hms.templates.configureRecordings(template.id, [{ name: "main" }]);
  for await (const t of hms.templates.list({ limit: 10 })) expectAssignable<string | undefined>(t.name);
  // @ts-expect-error priority is a number
  await hms.templates.createOrUpdateRole(template.id, "viewer", { priority: "high" });
  // @ts-expect-error a template needs a name
  await hms.templates.create({ roles: {} });
}
