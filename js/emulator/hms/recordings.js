// Recordings: browser-composite recordings of a room (100ms's "beam"), a job kind of
// hms/jobs.js. Stopping one leaves a room-composite video and the chat, plus transcripts and a
// summary when transcription was asked for.

import { checkResolution, jobHandlers, requireJob } from "./jobs.js";
import { badBodyParam } from "../shared/http.js";
import { checkTypes, has } from "./room-rules.js";

const OUTPUT_MODES = ["txt", "srt", "json"];
const SECTION_FORMATS = ["bullets", "paragraph"];

function checkSummary(summary) {
  checkTypes(summary, { enabled: "boolean", context: "string", temperature: "number", sections: "array" }, "transcription.summary.");
  if (has(summary, "context") && summary.context.length > 300) {
    throw badBodyParam("transcription.summary.context", "context is limited to 300 characters");
  }
  if (has(summary, "temperature") && !(summary.temperature >= 0.1 && summary.temperature <= 1)) {
    throw badBodyParam("transcription.summary.temperature", "temperature must be from 0.1 to 1.0");
  }
  const sections = summary.sections ?? [];
  if (sections.length > 6) throw badBodyParam("transcription.summary.sections", "at most 6 sections");
  for (const section of sections) {
    if (typeof section?.title !== "string" || section.title === "" || section.title.length > 100) {
      throw badBodyParam("transcription.summary.sections.title", "every section needs a title of 1 to 100 characters");
    }
    if (!SECTION_FORMATS.includes(section.format)) {
      throw badBodyParam("transcription.summary.sections.format", `format must be one of ${SECTION_FORMATS.join(", ")}`);
    }
  }
}

function checkTranscription(body) {
  if (!has(body, "transcription")) return;
  checkTypes(body, { transcription: "object" });
  const { transcription } = body;
  checkTypes(transcription, { enabled: "boolean", output_modes: "array", custom_vocabulary: "array", summary: "object" }, "transcription.");
  if (!(transcription.output_modes ?? []).every((mode) => OUTPUT_MODES.includes(mode))) {
    throw badBodyParam("transcription.output_modes", `output modes are ${OUTPUT_MODES.join(", ")}`);
  }
  if (has(transcription, "summary")) checkSummary(transcription.summary);
}

// What stopping the recording will leave behind.
function planAssets(body) {
  const audioOnly = body.audio_only === true;
  const resolution = body.resolution ?? { width: 1280, height: 720 };
  const plan = [
    audioOnly
      ? { type: "room-composite", file: "composite.mp3", metadata: { media_type: "audio" }, bytes_per_second: 16_000 }
      : { type: "room-composite", file: "composite.mp4", metadata: { resolution }, bytes_per_second: 480_000 },
    { type: "chat", file: "chat.csv", size: 74 },
  ];
  const transcription = body.transcription ?? {};
  if (transcription.enabled) {
    for (const mode of transcription.output_modes ?? ["txt"]) {
      plan.push({ type: "transcript", file: `transcript.${mode}`, metadata: { output_mode: mode }, bytes_per_second: 20 });
    }
    if (transcription.summary?.enabled) {
      plan.push({ type: "summary", file: "summary.json", metadata: { output_mode: "json" }, size: 2048 });
    }
  }
  return plan;
}

export const recordingKind = {
  name: "recording",
  noun: "Recording",
  idParam: "recording_id",
  eventIdField: "beam_id",
  events: { started: "beam.started.success", stopped: "beam.stopped.success", recorded: "beam.recording.success" },
  parseStart(ctx, body) {
    checkResolution(body);
    checkTypes(body, { audio_only: "boolean" });
    checkTranscription(body);
    const plan = planAssets(body);
    const config = {
      meeting_url: body.meeting_url ?? "",
      resolution: body.resolution ?? { width: 1280, height: 720 },
      audio_only: body.audio_only ?? false,
      ...(body.destination === undefined ? {} : { destination: body.destination }),
      transcription: structuredClone(body.transcription ?? { enabled: false }),
    };
    return { fields: { asset_types: [...new Set(plan.map((p) => p.type))] }, config, plan };
  },
};

// GET /recordings/:id/config: the configuration the recording runs with. 100ms does not
// document this shape; the emulator answers the start parameters with their defaults applied.
function getConfig(ctx) {
  const job = requireJob(ctx, recordingKind, ctx.params.recording_id);
  return { id: job.id, room_id: job.room_id, ...structuredClone(job.internal.config) };
}

export const recordingHandlers = { ...jobHandlers(recordingKind), getConfig };
