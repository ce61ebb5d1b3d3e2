// The rules VideoSDK documents for bodies: create room (every field and enum of its reference
// page) and the configs of recordings, HLS and RTMP live streams, which share the layout, theme,
// mode, quality and orientation enums. Each check throws a 400 naming the field's path.

import { checkObject, checkString, has, invalid, isObject, optionalString } from "./http.js";

export const WEBHOOK_EVENTS = [
  "participant-joined", "participant-left", "session-started", "session-ended",
  "recording-starting", "recording-started", "recording-stopping", "recording-stopped", "recording-failed",
  "livestream-starting", "livestream-started", "livestream-stopping", "livestream-stopped", "livestream-failed",
  "hls-starting", "hls-started", "hls-playable", "hls-stopping", "hls-stopped", "hls-failed",
];

export const AUTO_CLOSE_TYPES = ["session-ends", "session-end-and-deactivate"];
export const DEFAULT_AUTO_CLOSE_MINUTES = 480;

// The layout grid holds at most 4 tiles, except for HLS started by API (25, per its page).
export const MAX_GRID_SIZE = 4;
export const MAX_HLS_GRID_SIZE = 25;

const LAYOUT_ENUMS = { type: ["GRID", "SPOTLIGHT", "SIDEBAR"], priority: ["SPEAKER", "PIN"] };
const MEDIA_ENUMS = {
  theme: ["DARK", "LIGHT", "DEFAULT"],
  mode: ["video-and-audio", "audio"],
  quality: ["low", "med", "high"],
  orientation: ["portrait", "landscape"],
};

function checkEnums(object, enums, path) {
  for (const [field, allowed] of Object.entries(enums)) {
    if (has(object, field) && !allowed.includes(object[field])) {
      throw invalid(`${path ? `${path}.` : ""}${field} must be one of ${allowed.join(", ")}`);
    }
  }
}

function checkLayout(layout, path, maxGridSize) {
  checkObject(layout, path);
  checkEnums(layout, LAYOUT_ENUMS, path);
  if (has(layout, "gridSize")) {
    const size = layout.gridSize;
    if (!Number.isInteger(size) || size < 1 || size > maxGridSize) {
      throw invalid(`${path}.gridSize must be an integer from 1 to ${maxGridSize}`);
    }
  }
}

function checkMediaConfig(config, path, maxGridSize) {
  checkObject(config, path);
  if (has(config, "layout")) checkLayout(config.layout, `${path}.layout`, maxGridSize);
  checkEnums(config, MEDIA_ENUMS, path);
  // HLS and live streams can also record what they stream.
  if (has(config, "recording")) {
    checkObject(config.recording, `${path}.recording`);
    if (has(config.recording, "enabled") && typeof config.recording.enabled !== "boolean") {
      throw invalid(`${path}.recording.enabled must be a boolean`);
    }
  }
}

// The fields every media start shares: templateUrl, a config, a transcription request.
// VideoSDK's pages list theme/mode/quality/orientation both inside config and beside it, so
// both places are checked.
function checkMediaOptions(body, path, maxGridSize) {
  const at = (field) => (path ? `${path}.${field}` : field);
  optionalString(body, "templateUrl", at("templateUrl"));
  if (has(body, "config")) checkMediaConfig(body.config, at("config"), maxGridSize);
  checkEnums(body, MEDIA_ENUMS, path);
  if (has(body, "transcription")) checkObject(body.transcription, at("transcription"));
}

function checkWebhook(webhook) {
  checkObject(webhook, "webhook");
  if (!has(webhook, "endPoint")) throw invalid("webhook.endPoint is required");
  checkString(webhook.endPoint, "webhook.endPoint");
  if (!/^https?:\/\/\S+$/i.test(webhook.endPoint)) throw invalid("webhook.endPoint must be an http(s) URL");
  if (has(webhook, "events")) {
    if (!Array.isArray(webhook.events)) throw invalid("webhook.events must be an array");
    const unknown = webhook.events.find((event) => !WEBHOOK_EVENTS.includes(event));
    if (unknown !== undefined) {
      throw invalid(`webhook.events: ${JSON.stringify(unknown)} is not an event; known events are ${WEBHOOK_EVENTS.join(", ")}`);
    }
  }
}

function checkAutoClose(config) {
  checkObject(config, "autoCloseConfig");
  if (!AUTO_CLOSE_TYPES.includes(config.type)) {
    throw invalid(`autoCloseConfig.type must be one of ${AUTO_CLOSE_TYPES.join(", ")}`);
  }
  if (has(config, "duration") && !(Number.isInteger(config.duration) && config.duration >= 1)) {
    throw invalid("autoCloseConfig.duration must be a whole number of minutes, at least 1");
  }
}

function checkAutoStart(config) {
  checkObject(config, "autoStartConfig");
  const unknown = Object.keys(config).find((key) => key !== "recording" && key !== "hls");
  if (unknown !== undefined) throw invalid(`autoStartConfig.${unknown} is not supported: use recording and/or hls`);
  for (const kind of ["recording", "hls"]) {
    if (!has(config, kind)) continue;
    const path = `autoStartConfig.${kind}`;
    checkObject(config[kind], path);
    checkMediaOptions(config[kind], path, MAX_GRID_SIZE);
    if (kind === "recording") optionalString(config.recording, "awsDirPath", `${path}.awsDirPath`);
  }
}

export function checkRoomBody(body) {
  if (has(body, "region")) {
    throw invalid("region is discontinued: VideoSDK now picks the servers closest to the participants; for geo-fencing, contact VideoSDK");
  }
  optionalString(body, "customRoomId");
  optionalString(body, "geoFence");
  if (has(body, "multiComposition")) {
    checkObject(body.multiComposition, "multiComposition");
    for (const [kind, on] of Object.entries(body.multiComposition)) {
      if (!["recording", "hls", "rtmp"].includes(kind)) throw invalid(`multiComposition.${kind} is not supported: use recording, hls and/or rtmp`);
      if (typeof on !== "boolean") throw invalid(`multiComposition.${kind} must be a boolean`);
    }
  }
  if (has(body, "allowedParticipantIds")) {
    const ids = body.allowedParticipantIds;
    if (!Array.isArray(ids) || !ids.every((id) => typeof id === "string" && id !== "")) {
      throw invalid("allowedParticipantIds must be an array of participant ids");
    }
  }
  if (has(body, "webhook")) checkWebhook(body.webhook);
  if (has(body, "autoCloseConfig")) checkAutoClose(body.autoCloseConfig);
  if (has(body, "autoStartConfig")) checkAutoStart(body.autoStartConfig);
}

// `onFailure: { action: "close-room", waitTime: 0 ..= 150 }`, `fileFormat` mp4 | webm.
export function checkRecordingStart(body) {
  checkMediaOptions(body, "", MAX_GRID_SIZE);
  for (const field of ["webhookUrl", "awsDirPath", "preSignedUrl", "resourceId"]) optionalString(body, field);
  if (has(body, "fileFormat") && !["mp4", "webm"].includes(body.fileFormat)) throw invalid("fileFormat must be one of mp4, webm");
  if (has(body, "onFailure")) {
    const { onFailure } = body;
    if (!isObject(onFailure) || onFailure.action !== "close-room") throw invalid("onFailure.action must be close-room");
    const wait = onFailure.waitTime;
    if (wait !== undefined && !(Number.isInteger(wait) && wait >= 0 && wait <= 150)) throw invalid("onFailure.waitTime must be an integer from 0 to 150");
  }
}

export function checkHlsStart(body) {
  checkMediaOptions(body, "", MAX_HLS_GRID_SIZE);
  for (const field of ["webhookUrl", "resourceId"]) optionalString(body, field);
  if (has(body, "recording") && !isObject(body.recording)) throw invalid("recording must be an object");
}

export function checkLivestreamStart(body) {
  if (!has(body, "outputs")) throw invalid("outputs is required: a non-empty array of { url, streamKey }");
  if (!Array.isArray(body.outputs) || body.outputs.length === 0) {
    throw invalid("outputs must be a non-empty array of { url, streamKey }");
  }
  body.outputs.forEach((output, i) => {
    if (!isObject(output)) throw invalid(`outputs[${i}] must be an object { url, streamKey }`);
    checkString(output.url, `outputs[${i}].url`);
    checkString(output.streamKey, `outputs[${i}].streamKey`, { empty: true });
  });
  checkMediaOptions(body, "", MAX_GRID_SIZE);
}
