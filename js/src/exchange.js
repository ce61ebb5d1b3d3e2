// The token entry's exchangeRoomCode: one attempt, sent from here. Its module has no driver,
// no timers and no async Rust: the wasm checks the options and builds the request
// (`exchangeRoomCodeRequest`) and reads the answer (`exchangeRoomCodeAnswer`, the provider's
// errors mapped as for every call); this file is the one place that sends it and says what
// became of the attempt (`network`, `timeout`, `aborted`, `invalid_response`), in the words
// of the full module's transport (src/wasm/fetch.rs), which tests/js/suite/tokens-entry.js
// checks side by side. The full entry's exchangeRoomCode is the wasm's own (retried).
import { edgeroomError } from "./errors.js";

const ABORTED = "the request was aborted by its AbortSignal";

/**
 * Sends `request` (what `exchangeRoomCodeRequest` answered) once and hands the answer's
 * status and text to `answer`. Listens to the caller's signal at once (a signal that cannot
 * be listened to rejects before anything is sent); the timer and the listener never outlive
 * the attempt.
 */
export function sendOnce(request, answer) {
  const { method, url, headers, body, timeoutMs, fetch, signal } = request;
  const abort = signal === undefined ? undefined : listen(signal);
  return attempt(method, url, { method, headers, body }, timeoutMs, fetch, abort, answer).finally(() => abort?.stop());
}

/** Listens to the caller's AbortSignal (already checked to look like one) for the call. */
function listen(signal) {
  const marker = {};
  let listener;
  const fired = new Promise((resolve) => (listener = () => resolve(marker)));
  let already;
  try {
    already = Boolean(signal.aborted);
    if (!already) {
      const add = signal.addEventListener;
      if (typeof add !== "function") throw "no addEventListener";
      add.call(signal, "abort", listener);
    }
  } catch (cause) {
    throw edgeroomError("invalid_argument", `signal: cannot be read or listened to (${describe(cause)})`, "signal");
  }
  return {
    marker,
    fired,
    // Read again before sending; a getter that throws now counts as not aborted, as the
    // listener still ends the call when the signal fires.
    aborted: () => already || Boolean(read(signal, "aborted")),
    stop() {
      // The signal is theirs to keep; a remover that throws changes nothing.
      try {
        const remove = signal.removeEventListener;
        if (typeof remove === "function") remove.call(signal, "abort", listener);
      } catch {
        // nothing to undo
      }
    },
  };
}

async function attempt(method, url, init, timeoutMs, fetch, abort, answer) {
  if (abort?.aborted()) throw edgeroomError("aborted", ABORTED);
  const what = `${method} ${url.split("?")[0]}`;
  const failed = (cause) => edgeroomError("network", `${what} failed: ${describe(cause)}`);
  const notResponse = (rule) => edgeroomError("invalid_response", `${what}: ${rule}`);
  let controller, timer;
  const timedOut = {};
  try {
    let expired;
    try {
      controller = new AbortController();
      init.signal = controller.signal;
      expired = new Promise((resolve) => (timer = setTimeout(resolve, timeoutMs, timedOut)));
    } catch (cause) {
      throw failed(cause);
    }
    /** Awaits `work` unless the timer or the caller's signal comes first. */
    const until = async (work) => {
      let value;
      try {
        value = await Promise.race(abort ? [work, expired, abort.fired] : [work, expired]);
      } catch (cause) {
        throw failed(cause);
      }
      if (abort && value === abort.marker) {
        controller.abort();
        throw edgeroomError("aborted", ABORTED);
      }
      if (value === timedOut) {
        const reason = new Error(`no answer within ${timeoutMs} ms`);
        reason.name = "TimeoutError";
        controller.abort(reason);
        throw edgeroomError("timeout", `no complete answer within ${timeoutMs} ms (${what})`);
      }
      return value;
    };

    const send = fetch ?? read(globalThis, "fetch");
    if (typeof send !== "function") throw edgeroomError("unsupported_runtime", "this runtime has no global fetch");
    let pending;
    try {
      pending = send.call(undefined, url, init);
    } catch (cause) {
      throw failed(cause);
    }
    const response = await until(pending);
    // Duck typing, as any fetch-like function may answer: a status and text().
    const status = read(response, "status");
    if (typeof status !== "number" || !Number.isInteger(status) || status < 100 || status > 599) {
      throw notResponse("fetch did not resolve to a Response");
    }
    const text = read(response, "text");
    if (typeof text !== "function") throw notResponse("fetch did not resolve to a Response (no text())");
    let reading;
    try {
      reading = text.call(response);
    } catch (cause) {
      throw failed(cause);
    }
    const bodyText = await until(reading);
    if (typeof bodyText !== "string") throw notResponse("the body is not text");
    return answer(status, bodyText);
  } finally {
    // Clearing a timer that has fired is a no-op.
    if (timer !== undefined) clearTimeout(timer);
  }
}

/** `value[key]`, or undefined where reading throws (a getter, a proxy, null). */
function read(value, key) {
  try {
    return value[key];
  } catch {
    return undefined;
  }
}

/** A thrown value's message, and its `cause`'s (where undici puts the reason). */
function describe(cause) {
  const message = (value) => {
    if (typeof value === "string") return value;
    if (typeof value !== "object" || value === null) return undefined;
    const text = read(value, "message");
    return typeof text === "string" ? text : undefined;
  };
  const text = message(cause) ?? "unknown error";
  const inner = typeof cause === "object" && cause !== null ? message(read(cause, "cause")) : undefined;
  return inner === undefined ? text : `${text} (${inner})`;
}
