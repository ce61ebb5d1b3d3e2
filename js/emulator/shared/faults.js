// Fault injection: the emulator misbehaves on purpose, so a client's retries, timeouts and
// error handling can be tested against the failures a real network and a real provider
// produce. Rules are set in-process (createEmulator({ faults }), emu.faults.set/add/clear)
// or over HTTP at /_emulator/faults (GET lists, POST replaces, DELETE clears), so tests of
// the Node server and of other runtimes can drive them too.
//
// A rule: { fault, route?, times?, latencyMs?, ...its own options }
//   route      "GET /100ms/v2/rooms/:room_id" (a method and a path pattern), "/100ms/v2/*"
//              (any method, a prefix), "POST *"; absent or "*": every request
//   times      applies to the next N matching requests, then stops; absent: always
//   latencyMs  a wait before the fault: ms, or [min, max] for a random one
// The faults:
//   latency      only the wait, then the normal answer
//   status       answers `status` (429, any 5xx) without acting; `retryAfter` (seconds, an HTTP
//                date string, or a Date) sets Retry-After; `body`: absent = the provider's
//                JSON error, null = empty, a string = sent as is, anything else = JSON
//   drop         the connection breaks before any answer; the request is not performed
//   lost         the request IS performed (state changes), then the connection breaks: the
//                case that shows whether a client sends a non-idempotent request twice
//   truncate     performed; the answer keeps only its first `bytes` bytes (default: half).
//                A complete short answer, unless `closeConnection: true` breaks it mid-body
//   non-json     200 with an HTML page (or `body`); not performed
//   wrong-shape  200 with JSON `body` (default []); not performed
//   trickle      performed; the headers and a first byte go out at once, then `chunkBytes`
//                (1) every `intervalMs` (1000): slower than any sane timeout
// The first matching rule with uses left applies, one per request. Every faulted attempt is
// logged with its rule as `entry.fault`. Paths under /_emulator/ are never faulted (they are
// the tests' own controls), nor are CORS preflights (index.js answers them first).

import { HttpError, errorResponse, json, preflight } from "./http.js";

export const FAULTS_PATH = "/_emulator/faults";

// What the in-process handler rejects with when a fault breaks the connection: the error
// fetch itself throws on a network failure. server.js destroys the socket when it sees one.
export class DroppedConnection extends TypeError {
  constructor(why) {
    super("fetch failed", { cause: new Error(`emulator fault: ${why}`) });
  }
}

export const dropsConnection = (error) => error instanceof DroppedConnection;

const CONTROL_PREFIX = "/_emulator/";

// CORS headers like every other answer (browser tests read faulted answers too).
function headersWith(contentType) {
  const headers = new Headers(preflight().headers);
  if (contentType) headers.set("content-type", contentType);
  return headers;
}

// A body option: null means empty, a string is raw text, anything else is JSON.
function bodyOf(body) {
  if (body === null) return { text: null, type: undefined };
  if (typeof body === "string") return { text: body, type: "text/plain" };
  return { text: JSON.stringify(body), type: "application/json" };
}

function sleep(ms, signal) {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener("abort", () => (clearTimeout(timer), reject(signal.reason)), { once: true });
  });
}

const positiveInteger = (n) => Number.isInteger(n) && n > 0;

const pick = (ms) => (Array.isArray(ms) ? ms[0] + Math.random() * (ms[1] - ms[0]) : ms);

// The performed answer again, with another body (the status and headers stay).
const withBody = (response, body) => new Response(body, { status: response.status, headers: response.headers });

const KINDS = {
  latency: { apply: (_, { perform }) => perform() },

  status: {
    check({ status, retryAfter }) {
      if (!Number.isInteger(status) || status < 400 || status > 599) throw new TypeError("faults: status needs an integer status from 400 to 599");
      const ok = retryAfter === undefined || typeof retryAfter === "string" || retryAfter instanceof Date || (Number.isInteger(retryAfter) && retryAfter >= 0);
      if (!ok) throw new TypeError("faults: retryAfter is whole seconds, an HTTP date string or a Date");
    },
    apply({ status, retryAfter, body }) {
      if (body === undefined) {
        const response = errorResponse(new HttpError(status, "injected fault", [`the emulator answered ${status} on purpose`]));
        if (retryAfter !== undefined) response.headers.set("retry-after", retryAfterValue(retryAfter));
        return response;
      }
      const { text, type } = bodyOf(body);
      const headers = headersWith(type);
      if (retryAfter !== undefined) headers.set("retry-after", retryAfterValue(retryAfter));
      return new Response(text, { status, headers });
    },
  },

  drop: {
    apply() {
      throw new DroppedConnection("connection dropped before the answer");
    },
  },

  lost: {
    async apply(_, { perform }) {
      await perform(); // the state changes; only the answer is lost
      throw new DroppedConnection("connection dropped after the request was performed");
    },
  },

  truncate: {
    check({ bytes }) {
      if (bytes !== undefined && !(Number.isInteger(bytes) && bytes >= 0)) throw new TypeError("faults: bytes is how many bytes to keep, an integer >= 0");
    },
    async apply({ bytes, closeConnection }, { perform }) {
      const response = await perform();
      const full = new Uint8Array(await response.arrayBuffer());
      const kept = full.slice(0, bytes ?? Math.floor(full.length / 2));
      if (!closeConnection) return withBody(response, kept);
      // The body stops mid-way with an error, as a reset socket looks to a fetch reader. The
      // error waits for the next read, and a timer turn: erroring at once would discard the
      // part already queued, and server.js would destroy the socket before it is flushed.
      let sent = false;
      const body = new ReadableStream({
        async pull(controller) {
          if (!sent) {
            sent = true;
            return controller.enqueue(kept);
          }
          await sleep(0);
          controller.error(new DroppedConnection("connection closed mid-body"));
        },
      });
      return withBody(response, body);
    },
  },

  "non-json": {
    apply({ body }) {
      const text = body ?? "<html><body><h1>502 Bad Gateway</h1></body></html>";
      return new Response(text, { status: 200, headers: headersWith("text/html") });
    },
  },

  "wrong-shape": {
    apply({ body }) {
      return json(200, body === undefined ? [] : body);
    },
  },

  trickle: {
    check({ intervalMs = 1000, chunkBytes = 1 }) {
      if (!positiveInteger(intervalMs) || !positiveInteger(chunkBytes)) throw new TypeError("faults: intervalMs and chunkBytes are positive integers");
    },
    async apply({ intervalMs = 1000, chunkBytes = 1 }, { perform, signal }) {
      const response = await perform();
      const bytes = new Uint8Array(await response.arrayBuffer());
      let at = 0;
      // pull() is called only when the reader wants more, and stops when the client goes
      // (the request's signal, or a cancelled stream), so no timer outlives the exchange.
      const body = new ReadableStream({
        async pull(controller) {
          if (at > 0) await sleep(intervalMs, signal);
          const end = at === 0 ? 1 : Math.min(bytes.length, at + chunkBytes);
          controller.enqueue(bytes.slice(at, end));
          at = end;
          if (at >= bytes.length) controller.close();
        },
      });
      return withBody(response, body);
    },
  },
};

function retryAfterValue(value) {
  return value instanceof Date ? value.toUTCString() : String(value);
}

// "GET /a/:b", "/a/*", "POST *", "*" -> { method, segments, prefix }
function parseRoute(route) {
  if (typeof route !== "string" || route.trim() === "") throw new TypeError("faults: route is a string like \"GET /100ms/v2/rooms/:room_id\"");
  const parts = route.trim().split(/\s+/);
  if (parts.length > 2) throw new TypeError(`faults: route ${route} is "METHOD /path" or "/path"`);
  const [method, pattern] = parts.length === 2 ? [parts[0].toUpperCase(), parts[1]] : ["*", parts[0]];
  if (pattern === "*") return { method, segments: [], prefix: true };
  if (!pattern.startsWith("/")) throw new TypeError(`faults: the path of route ${route} must start with /`);
  const prefix = pattern.endsWith("/*");
  return { method, segments: (prefix ? pattern.slice(0, -2) : pattern).split("/").slice(1), prefix };
}

function matches(rule, method, path) {
  const { matcher } = rule;
  if (matcher.method !== "*" && matcher.method !== method) return false;
  const got = path.split("/").slice(1);
  if (matcher.prefix ? got.length < matcher.segments.length : got.length !== matcher.segments.length) return false;
  return matcher.segments.every((want, i) => (want.startsWith(":") ? got[i] !== "" : want === got[i]));
}

function checkLatency(ms) {
  const ok = (n) => Number.isFinite(n) && n >= 0;
  if (ms === undefined || ok(ms) || (Array.isArray(ms) && ms.length === 2 && ms.every(ok) && ms[0] <= ms[1])) return;
  throw new TypeError("faults: latencyMs is milliseconds, or [min, max]");
}

function compile(spec) {
  if (spec === null || typeof spec !== "object" || Array.isArray(spec)) {
    throw new TypeError("faults: a rule is an object like { fault: \"drop\", route: \"GET /100ms/v2/rooms/:room_id\" }");
  }
  const { fault, route = "*", times, latencyMs, ...options } = spec;
  const kind = Object.hasOwn(KINDS, fault) ? KINDS[fault] : undefined;
  if (!kind) throw new TypeError(`faults: unknown fault ${JSON.stringify(fault)}; one of ${Object.keys(KINDS).join(", ")}`);
  if (times !== undefined && !positiveInteger(times)) throw new TypeError("faults: times is a positive integer");
  checkLatency(latencyMs);
  if (fault === "latency" && latencyMs === undefined) throw new TypeError("faults: latency needs latencyMs");
  kind.check?.(options);
  return { spec: structuredClone(spec), kind, options, latencyMs, matcher: parseRoute(route), left: times ?? Infinity, hits: 0 };
}

const compileAll = (specs) => (Array.isArray(specs) ? specs : [specs]).map(compile);

export function createFaults(initial = []) {
  const initialRules = compileAll(initial).map((r) => r.spec); // checked now, at createEmulator
  let rules = compileAll(initialRules);

  const list = () => rules.map((r) => ({ ...structuredClone(r.spec), hits: r.hits, ...(r.left === Infinity ? {} : { left: r.left }) }));

  const api = {
    set(specs) {
      rules = compileAll(specs);
    },
    add(specs) {
      rules = rules.concat(compileAll(specs));
    },
    clear() {
      rules = [];
    },
    list,
    // Back to the rules the emulator was created with.
    reset() {
      rules = compileAll(initialRules);
    },

    // Runs `perform` (the normal dispatch) through the first matching rule, if any.
    async apply(request, path, entry, perform) {
      if (path.startsWith(CONTROL_PREFIX)) return perform();
      const rule = rules.find((r) => r.left > 0 && matches(r, request.method, path));
      if (!rule) return perform();
      rule.left -= 1;
      rule.hits += 1;
      entry.fault = structuredClone(rule.spec);
      // Not cut short when the client leaves: a real server that got the request still acts
      // on it, which is what makes a timeout on a non-idempotent call ambiguous.
      if (rule.latencyMs !== undefined) await sleep(pick(rule.latencyMs));
      return rule.kind.apply(rule.options, { perform, signal: request.signal });
    },

    // The HTTP face: GET lists, POST replaces (a rule or an array), DELETE clears.
    async control(request) {
      try {
        switch (request.method) {
          case "OPTIONS":
            return preflight();
          case "GET":
            return json(200, { faults: list() });
          case "POST": {
            let body;
            try {
              body = JSON.parse(await request.text());
            } catch {
              throw new TypeError("the body is not JSON");
            }
            api.set(body);
            return json(200, { faults: list() });
          }
          case "DELETE":
            api.clear();
            return json(200, { faults: [] });
          default:
            throw new HttpError(405, "method not allowed", ["allowed: GET, POST, DELETE"], { allow: "GET, POST, DELETE" });
        }
      } catch (error) {
        if (error instanceof HttpError) return errorResponse(error);
        return errorResponse(new HttpError(400, "Invalid faults", [String(error.message)]));
      }
    },
  };
  return api;
}
