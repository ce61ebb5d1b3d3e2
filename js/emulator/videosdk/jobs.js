// Media jobs (recordings, HLS streams, RTMP live streams): one lifecycle for the three kinds.
// A job is "starting" when asked for, "started" JOB_STARTUP_MS later on the emulator's clock
// (real composers take seconds to come up; tests move the clock with the `now` option), and
// "stopped" when ended, when its session ends, or when the room is deactivated. At most one
// job of each kind runs per room.
//
// Transitions happen in settle() (called on every request) and stopJob(), never while
// presenting, so a later webhook emitter has one place per transition to hook into.

import { isoAt, links } from "./http.js";
import { objectId, unique } from "../shared/ids.js";
import { emitJobEvent } from "./webhooks.js";

export const JOB_STARTUP_MS = 2000;

// Media URLs of a job: fake, on a reserved TLD, so nothing can mistake them for real files.
const MEDIA_ORIGIN = "https://cdn.emulator.invalid/videosdk";

// Fields a kind adds when it starts or stops, beyond the shared ones.
const KINDS = {
  recording: {
    onStop: (job) => ({ file: { fileUrl: `${MEDIA_ORIGIN}/recordings/${job.id}.mp4` } }),
  },
  hls: {
    onStart: (job) => ({
      playbackHlsUrl: `${MEDIA_ORIGIN}/hls/${job.id}/index.m3u8`,
      livestreamUrl: `${MEDIA_ORIGIN}/hls/${job.id}/live.m3u8`,
    }),
  },
  livestream: {},
  // A participant's (or one of its tracks') own recording: a list of files, one per format,
  // webm unless asked otherwise (both official SDKs: "Defaults to webm", for either kind).
  "participant-recording": {
    onStart: () => ({ files: [] }),
    onStop: (job) => ({ files: [{ fileUrl: `${MEDIA_ORIGIN}/participants/${job.id}.${individualFormat(job)}`, fileFormat: individualFormat(job) }] }),
  },
  "track-recording": {
    onStart: () => ({ files: [] }),
    onStop: (job) => ({
      files: [{ fileUrl: `${MEDIA_ORIGIN}/tracks/${job.id}-${job.kindOfTrack}.${individualFormat(job)}`, fileFormat: individualFormat(job) }],
    }),
  },
  composite: {
    onStop: (job) => ({ fileId: `${job.id}-file`, file: { fileUrl: `${MEDIA_ORIGIN}/composite/${job.id}.${job.fileFormat ?? "mp4"}` } }),
  },
  // Realtime transcription: its files appear once it stops.
  transcription: {
    onStop: (job) => ({
      transcriptionFilePaths: { txt: `${MEDIA_ORIGIN}/transcriptions/${job.id}.txt`, json: `${MEDIA_ORIGIN}/transcriptions/${job.id}.json` },
      summarizedFilePaths: job.summary?.enabled ? { txt: `${MEDIA_ORIGIN}/transcriptions/${job.id}-summary.txt` } : {},
    }),
  },
};

const individualFormat = (job) => job.fileFormat ?? "webm";

const ACTIVE = new Set(["starting", "started"]);
export const isActive = (job) => ACTIVE.has(job.status);

export const jobsOf = (state, kind) => [...state.jobs.values()].filter((job) => job.kind === kind);

export const activeJob = (state, kind, roomId) =>
  jobsOf(state, kind).find((job) => job.roomId === roomId && isActive(job));

// `fields` are the request's own (config, outputs, templateUrl...), kept as given.
export function startJob(state, clock, kind, session, fields) {
  const job = {
    id: unique(objectId, (id) => state.jobs.has(id)),
    kind,
    apiKey: session.apiKey,
    roomId: session.roomId,
    sessionId: session.id,
    status: "starting",
    startMs: clock.ms,
    start: clock.iso,
    end: null,
  };
  Object.assign(job, structuredClone(fields), KINDS[kind].onStart?.(job), { createdAt: clock.iso, updatedAt: clock.iso });
  state.jobs.set(job.id, job);
  emitJobEvent(state, job, "starting", JOB_STARTUP_MS);
  return job;
}

// Promotes a starting job whose start-up time has passed by `atMs`. `state` (optional) lets
// the transition's webhook go out.
export function advanceJob(job, atMs, state) {
  const startedAt = job.startMs + JOB_STARTUP_MS;
  if (job.status !== "starting" || atMs < startedAt) return;
  job.status = "started";
  job.updatedAt = isoAt(startedAt);
  emitJobEvent(state, job, "started");
}

export function stopJob(job, atMs, state) {
  advanceJob(job, atMs, state);
  if (!isActive(job)) return;
  emitJobEvent(state, job, "stopping");
  job.status = "stopped";
  job.end = isoAt(atMs);
  job.updatedAt = job.end;
  Object.assign(job, KINDS[job.kind].onStop?.(job));
  emitJobEvent(state, job, "stopped");
}

export function presentJob(base, job) {
  const { kind, apiKey, startMs, ...wire } = structuredClone(job);
  return { ...wire, links: links(base, job.roomId, job.sessionId) };
}
