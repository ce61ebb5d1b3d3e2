// JSON responses and the single error type that route handlers throw.
//
// 100ms answers every error as {"code", "message", "details"}; its auth service (room-code
// exchange) answers {"code", "message"} only. Handlers throw HttpError and the dispatcher picks
// the shape for the service, so no handler builds a Response by hand.

export class HttpError extends Error {
  constructor(status, message, details = [], headers = {}) {
    super(message);
    this.status = status;
    this.details = details;
    this.headers = headers;
  }
}

// The emulator runs on 127.0.0.1 with fake data; browser tests (a page on another origin, the
// web SDK calling the auth service) need CORS, so every answer allows any origin.
const CORS_HEADERS = {
  "access-control-allow-origin": "*",
  "access-control-allow-methods": "GET, POST, DELETE, OPTIONS",
  "access-control-allow-headers": "Authorization, Content-Type, Accept",
  "access-control-max-age": "600",
};

export function json(status, body, headers = {}) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", ...CORS_HEADERS, ...headers },
  });
}

export function preflight() {
  return new Response(null, { status: 204, headers: CORS_HEADERS });
}

export function errorResponse(error, { withDetails = true } = {}) {
  const body = { code: error.status, message: error.message };
  if (withDetails) body.details = error.details;
  return json(error.status, body, error.headers);
}

// The wording 100ms uses for a bad field, with a human hint in details.
export const badBodyParam = (field, why) =>
  new HttpError(400, `Invalid body param: ${field}`, [why]);

export const badQueryParam = (name, why) =>
  new HttpError(400, `Invalid query param: ${name}`, [why]);

// Routes that take a JSON object: an empty body counts as {}, anything else (an array, a
// string) is as unusable as malformed JSON.
export function objectBody(body) {
  if (body === null) return {};
  if (typeof body !== "object" || Array.isArray(body)) {
    throw new HttpError(400, "Invalid request body", ["the body must be a JSON object"]);
  }
  return body;
}
