// VideoSDK's wire conventions, shared by its handlers: the error body, page-based lists, links
// and field checks that answer 400.
//
// VideoSDK does not document its error body. The emulator answers {"statusCode", "error",
// "message"}: statusCode repeats the HTTP status for clients that only look at the body, error
// is the reason phrase, message says what went wrong. Clients should branch on the HTTP status
// (400 validation, 401 auth, 403 permission, 402/404 not found, 409 conflict, 429), never on
// the wording.

import { HttpError, json } from "../shared/http.js";

const REASONS = {
  400: "Bad Request",
  401: "Unauthorized",
  402: "Payment Required",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  409: "Conflict",
  429: "Too Many Requests",
  500: "Internal Server Error",
};

// Handlers throw the shared HttpError; details (which shared/router.js and shared/http.js helpers fill)
// are folded into the one message this shape has.
export function videoSdkErrorResponse(error) {
  const known = error instanceof HttpError;
  const status = known ? error.status : 500;
  const details = known ? error.details : [String(error?.message ?? error)];
  const text = known ? error.message : "internal emulator error";
  const message = details.length > 0 ? `${text}: ${details.join("; ")}` : text;
  return json(status, { statusCode: status, error: REASONS[status] ?? "Error", message }, known ? error.headers : {});
}

export const invalid = (message) => new HttpError(400, message);
export const notFound = (message) => new HttpError(404, message);
export const conflict = (message) => new HttpError(409, message);

export const isObject = (value) => value !== null && typeof value === "object" && !Array.isArray(value);
export const has = (object, key) => Object.hasOwn(object, key);

export function checkObject(value, path) {
  if (!isObject(value)) throw invalid(`${path} must be an object`);
}

export function checkString(value, path, { empty = false } = {}) {
  if (typeof value !== "string" || (!empty && value === "")) {
    throw invalid(`${path} must be a ${empty ? "" : "non-empty "}string`);
  }
}

// A required string field of a JSON body, e.g. roomId.
export function requiredString(body, field) {
  if (!has(body, field)) throw invalid(`${field} is required`);
  checkString(body[field], field);
  return body[field];
}

export function optionalString(body, field, path = field) {
  if (has(body, field)) checkString(body[field], path);
  return body[field];
}

export const DEFAULT_PER_PAGE = 20; // VideoSDK's documented default
export const MAX_PER_PAGE = 100;

function pageNumber(query, name, fallback, max) {
  const raw = query.get(name);
  if (raw === null) return fallback;
  const value = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!(value >= 1 && value <= max)) {
    throw invalid(`${name} must be an integer from 1${max === Infinity ? " up" : ` to ${max}`}`);
  }
  return value;
}

// Page-based paging, 1-based. A page past the last one is empty, not an error. lastPage is at
// least 1 so that `page <= lastPage` loops always make one request.
export function pageOf(items, query, present) {
  const page = pageNumber(query, "page", 1, Infinity);
  const perPage = pageNumber(query, "perPage", DEFAULT_PER_PAGE, MAX_PER_PAGE);
  const total = items.length;
  const data = items.slice((page - 1) * perPage, page * perPage).map(present);
  return { pageInfo: { currentPage: page, perPage, lastPage: Math.max(1, Math.ceil(total / perPage)), total }, data };
}

// Like VideoSDK's links, but pointing at the emulator that answered (`base` is its origin plus
// the /videosdk/v2 prefix), so a client that follows them stays on the emulator. A room's own
// get_session is the bare collection, as in VideoSDK's examples.
export const links = (base, roomId, sessionId = "") => ({
  get_room: `${base}/rooms/${encodeURIComponent(roomId)}`,
  get_session: `${base}/sessions/${sessionId}`,
});

// One reading of the clock per request or helper call (shared/apps.js), for this side's handlers.
export { clockAt } from "../shared/apps.js";

export const isoAt = (ms) => new Date(ms).toISOString();
