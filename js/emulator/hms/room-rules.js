// The rules a room create/update body must follow, with the exact messages 100ms documents
// for POST /v2/rooms, so an SDK can be tested against the real wire errors.

import { HttpError, badBodyParam } from "../shared/http.js";
import { ownedTemplate } from "./store.js";

const REGIONS = ["eu", "in", "us", "auto"];
const UPLOAD_TYPES = ["s3", "gs", "oss", "azure"];
const NAME_PATTERN = /^[A-Za-z0-9.:_-]+$/;
const MIN_DURATION = 120;
const MAX_DURATION = 43200;
const MAX_SIZE = 2500;
const MAX_LARGE_SIZE = 20000;

const FIELD_TYPES = {
  name: "string",
  description: "string",
  template_id: "string",
  recording_info: "object",
  region: "string",
  large_room: "boolean",
  size: "integer",
  max_duration_seconds: "integer",
  webhook: "object",
  polls: "array",
};

function hasType(value, type) {
  switch (type) {
    case "integer":
      return Number.isInteger(value);
    case "object":
      return value !== null && typeof value === "object" && !Array.isArray(value);
    case "array":
      return Array.isArray(value);
    default:
      return typeof value === type;
  }
}

export const has = (object, key) => Object.hasOwn(object, key);

export function checkTypes(body, types, prefix = "") {
  for (const [field, type] of Object.entries(types)) {
    if (has(body, field) && !hasType(body[field], type)) {
      throw badBodyParam(`${prefix}${field}`, `${prefix}${field} must be of type ${type}`);
    }
  }
}

const badUpload = (why) => new HttpError(400, "Invalid upload configuration", [why]);

function checkUploadInfo(upload) {
  if (!hasType(upload, "object")) throw badUpload("upload_info must be an object");
  if (upload.location === undefined || upload.location === "") {
    throw new HttpError(400, "Bucket location is missing", ["upload_info.location is required"]);
  }
  if (typeof upload.location !== "string") throw badUpload("upload_info.location must be a string");
  if (!UPLOAD_TYPES.includes(upload.type)) {
    throw badUpload(`upload_info.type must be one of ${UPLOAD_TYPES.join(", ")}`);
  }
  if (has(upload, "prefix") && typeof upload.prefix !== "string") {
    throw badUpload("upload_info.prefix must be a string");
  }
  if (has(upload, "options") && !(hasType(upload.options, "object") && ["string", "undefined"].includes(typeof upload.options.region))) {
    throw badUpload("upload_info.options must be an object with a string region");
  }
  if (has(upload, "credentials")) {
    const { credentials } = upload;
    if (!hasType(credentials, "object") || typeof credentials.key !== "string" || typeof credentials.secret !== "string") {
      throw badUpload("upload_info.credentials needs string key and secret");
    }
  }
}

function checkRecordingInfo(info) {
  checkTypes(info, { enabled: "boolean" }, "recording_info.");
  if (has(info, "upload_info")) checkUploadInfo(info.upload_info);
}

function checkWebhookAndPolls(body) {
  if (has(body, "webhook")) {
    checkTypes(body.webhook, { url: "string", headers: "object" }, "webhook.");
    const headers = body.webhook.headers ?? {};
    if (!Object.values(headers).every((v) => typeof v === "string")) {
      throw badBodyParam("webhook.headers", "webhook.headers values must be strings");
    }
  }
  if (has(body, "polls") && !body.polls.every((p) => typeof p === "string")) {
    throw badBodyParam("polls", "polls must be an array of poll ids (strings)");
  }
}

function checkSize(body, current) {
  if (!has(body, "size") && !has(body, "large_room")) return;
  const large = body.large_room ?? current?.large_room ?? false;
  const size = body.size ?? current?.size ?? 0;
  const max = large ? MAX_LARGE_SIZE : MAX_SIZE;
  if (size < 0 || size > max) {
    throw badBodyParam("size", `size must be from 0 to ${max}${large ? " with large_room" : " (without large_room)"}`);
  }
}

function checkDuration(seconds) {
  if (seconds === undefined) return;
  if (seconds < MIN_DURATION) {
    throw badBodyParam(`max_duration_seconds less than ${MIN_DURATION} seconds`, `minimum is ${MIN_DURATION}`);
  }
  if (seconds > MAX_DURATION) {
    throw badBodyParam(`max_duration_seconds greater than ${MAX_DURATION} seconds`, `maximum is ${MAX_DURATION}`);
  }
}

// Validates a create/update body against `current` (the room being updated, if any) and
// returns the template it names, if any. Throws the documented 400s.
export function validateRoomConfig(ctx, body, current) {
  if (has(body, "template")) {
    throw badBodyParam("template. Use template_id", "`template` (a name) is not accepted; pass template_id");
  }
  checkTypes(body, FIELD_TYPES);
  if (has(body, "name") && !NAME_PATTERN.test(body.name)) {
    throw badBodyParam("name", "accepted characters are a-z, A-Z, 0-9 and . - : _");
  }
  if (has(body, "region") && !REGIONS.includes(body.region)) {
    throw new HttpError(400, "Error: region not supported", [`region must be one of ${REGIONS.join(", ")}`]);
  }
  let template;
  if (has(body, "template_id")) {
    template = ownedTemplate(ctx.state, ctx.app, body.template_id);
    if (!template) throw new HttpError(400, "Error: template not found", [`no template ${body.template_id}`]);
  }
  checkDuration(body.max_duration_seconds);
  checkSize(body, current);
  if (has(body, "recording_info")) checkRecordingInfo(body.recording_info);
  checkWebhookAndPolls(body);
  return template;
}
