// The token entry's exchangeRoomCode: one attempt. Its module has no driver, no timers and
// no async Rust: the wasm checks the options and builds the request (`exchangeRoomCodeRequest`)
// and reads the answer (`exchangeRoomCodeAnswer`, the provider's errors mapped as for every
// call); the attempt is sent by js/src/attempt.js, the same code that sends the full module's
// attempts, and this file says what became of it (`network`, `timeout`, `aborted`,
// `invalid_response`) in the words of the full module's transport (src/wasm/fetch.rs), which
// tests/js/suite/tokens-entry.js checks side by side. The full entry's exchangeRoomCode is
// the wasm's own (retried).
import { OUTCOME, attempt, read } from "./attempt.js";
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
  return attemptOnce(method, url, { method, headers, body }, timeoutMs, fetch, abort, answer).finally(() => abort?.stop());
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

/** The attempt, sent unless the caller's signal has aborted; its answer, or its error. */
async function attemptOnce(method, url, init, timeoutMs, fetch, abort, answer) {
  if (abort?.aborted()) throw edgeroomError("aborted", ABORTED);
  const outcome = await attempt(fetch, url, init, timeoutMs, abort?.fired, abort?.marker);
  const what = `${method} ${url.split("?")[0]}`;
  const notResponse = (rule) => edgeroomError("invalid_response", `${what}: ${rule}`);
  switch (outcome.kind) {
    case OUTCOME.ANSWERED:
      return answer(outcome.status, outcome.body);
    case OUTCOME.TIMED_OUT:
      throw edgeroomError("timeout", `no complete answer within ${timeoutMs} ms (${what})`);
    case OUTCOME.ABORTED:
      throw edgeroomError("aborted", ABORTED);
    case OUTCOME.NOT_RESPONSE:
      throw notResponse("fetch did not resolve to a Response");
    case OUTCOME.NO_TEXT:
      throw notResponse("fetch did not resolve to a Response (no text())");
    case OUTCOME.NOT_TEXT:
      throw notResponse("the body is not text");
    case OUTCOME.NO_FETCH:
      throw edgeroomError("unsupported_runtime", "this runtime has no global fetch");
    default:
      throw edgeroomError("network", `${what} failed: ${describe(outcome.cause)}`);
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
