// One attempt of a REST call, sent from JavaScript: fetch's `init` with the attempt's own
// AbortController, a per-attempt timer, the fetch, and the answer's status, `retry-after` and
// text, each await raced against the timer and the caller's signal. It never rejects: it
// resolves to what became of the attempt, `{ kind, ... }` (OUTCOME below), and its callers
// say that in their words: the full module's transport (src/wasm/fetch.rs, through
// `attemptWithLines`, one call out of wasm an attempt instead of some thirty) and the token
// entry's room-code exchange (js/src/exchange.js).

/** What became of an attempt: the `kind` of the object `attempt` resolves to. */
export const OUTCOME = Object.freeze({
  /** `{ status, body, retryAfter }`: retryAfter only of an answer that is not a 2xx. */
  ANSWERED: 0,
  /** `{ cause }`: fetch, text() or the runtime threw or rejected. */
  THREW: 1,
  TIMED_OUT: 2,
  /** The caller's signal fired (`fired` resolved to `marker`). */
  ABORTED: 3,
  /** No integer status from 100 to 599. */
  NOT_RESPONSE: 4,
  /** No text() method. */
  NO_TEXT: 5,
  /** text() gave something other than a string. */
  NOT_TEXT: 6,
  /** No fetch was given and the runtime has no global one. */
  NO_FETCH: 7,
});

/** Thrown inside `attempt` when a wait ends early: its `kind` is the outcome. */
class Stop {
  constructor(kind) {
    this.kind = kind;
  }
}

/** `value[key]`, or undefined where reading throws (a getter, a proxy, null). */
export function read(value, key) {
  try {
    return value[key];
  } catch {
    return undefined;
  }
}

/**
 * Sends one attempt: `fetch` (undefined for the global one, looked up now) with `url` and
 * `init` (`signal` is set here), within `timeoutMs`, unless `fired` (the caller's signal's
 * promise, or undefined) resolves to `marker` first. Resolves to the outcome; the timer
 * never outlives the attempt, and an attempt stopped early aborts its fetch.
 */
export async function attempt(fetch, url, init, timeoutMs, fired, marker) {
  let timer;
  try {
    const controller = new AbortController();
    init.signal = controller.signal;
    const expired = {};
    const timeout = new Promise((resolve) => (timer = setTimeout(resolve, timeoutMs, expired)));
    const contenders = fired === undefined ? [undefined, timeout] : [undefined, timeout, fired];
    /** Awaits `work` unless the timer or the caller's signal comes first. */
    const until = async (work) => {
      contenders[0] = work;
      const value = await Promise.race(contenders);
      if (fired !== undefined && value === marker) {
        controller.abort();
        throw new Stop(OUTCOME.ABORTED);
      }
      if (value === expired) {
        const reason = new Error(`no answer within ${timeoutMs} ms`);
        reason.name = "TimeoutError";
        controller.abort(reason);
        throw new Stop(OUTCOME.TIMED_OUT);
      }
      return value;
    };

    const send = fetch ?? read(globalThis, "fetch");
    if (typeof send !== "function") return { kind: OUTCOME.NO_FETCH };
    const response = await until(send.call(undefined, url, init));
    // Duck typing, as any fetch-like function may answer: a status, headers.get, text().
    const status = read(response, "status");
    if (typeof status !== "number" || !Number.isInteger(status) || status < 100 || status > 599) {
      return { kind: OUTCOME.NOT_RESPONSE };
    }
    const text = read(response, "text");
    if (typeof text !== "function") return { kind: OUTCOME.NO_TEXT };
    // The one header a client reads, and only of an answer it may retry.
    const retryAfter = status >= 200 && status <= 299 ? undefined : header(response, "retry-after");
    const body = await until(text.call(response));
    if (typeof body !== "string") return { kind: OUTCOME.NOT_TEXT };
    return { kind: OUTCOME.ANSWERED, status, body, retryAfter };
  } catch (thrown) {
    return thrown instanceof Stop ? { kind: thrown.kind } : { kind: OUTCOME.THREW, cause: thrown };
  } finally {
    // Clearing a timer that has fired (or was never set) is a no-op.
    clearTimeout(timer);
  }
}

/**
 * `attempt` with the request's headers as one string of `name\nvalue` lines (names and
 * values of HTTP headers have no line breaks): what the wasm passes, so that a request
 * crosses out of wasm as four strings in one call rather than an object built member by
 * member.
 */
export function attemptWithLines(fetch, url, method, headerLines, body, timeoutMs, fired, marker) {
  const headers = {};
  if (headerLines !== "") {
    const parts = headerLines.split("\n");
    for (let i = 0; i < parts.length; i += 2) headers[parts[i]] = parts[i + 1];
  }
  const init = { method, headers };
  if (body !== undefined) init.body = body;
  return attempt(fetch, url, init, timeoutMs, fired, marker);
}

/** A response header by name, when `headers.get` gives a string; anything else is none. */
function header(response, name) {
  const headers = read(response, "headers");
  if (typeof headers !== "object" || headers === null) return undefined;
  try {
    const value = headers.get(name);
    return typeof value === "string" ? value : undefined;
  } catch {
    return undefined;
  }
}
