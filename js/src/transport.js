// The I/O of a REST call. The wasm side decides everything (credentials, the 401 renewal,
// what is retried and after how long, parsing) and hands over a PendingCall, a state
// machine whose steps arrive as JSON: send this request, wait this long, or here is the
// value. This file only carries them out: `fetch` with the per-attempt timeout and the
// caller's AbortSignal, the backoff sleeps, the `onRetry` hook. Keeping the waiting in
// JavaScript keeps an async runtime out of the .wasm.

import { edgeroomError } from "./errors.js";

/**
 * Runs a call to its end. `begin` starts it (and throws on bad input, which becomes the
 * rejection: a call always returns a promise). The PendingCall is freed whatever happens.
 */
export async function run(begin) {
  const pending = begin();
  let release = () => {};
  try {
    const { fetch: fetchFn, timeoutMs, onRetry } = pending;
    let signal;
    [signal, release] = mirror(pending.signal);
    let step = JSON.parse(pending.first());
    for (;;) {
      if ("value" in step) return step.value;
      if ("wait" in step) {
        notify(onRetry, step.notice);
        step = JSON.parse((await sleep(step.wait, signal)) ? pending.resend() : pending.fail("aborted", ABORTED));
        continue;
      }
      step = JSON.parse(await attempt(pending, step.send, fetchFn, signal, timeoutMs));
    }
  } finally {
    release();
    pending.free();
  }
}

/**
 * The caller's signal as one of our own: a real AbortSignal that aborts when theirs does.
 * Their object only has to look like an AbortSignal, and a getter or listener method that
 * throws must end the call with a clear error, not escape from the middle of the driver.
 * Returns the signal (undefined without one) and a function that stops listening.
 */
function mirror(callerSignal) {
  if (!callerSignal) return [undefined, () => {}];
  const own = new AbortController();
  const onAbort = () => {
    let reason;
    try {
      reason = callerSignal.reason;
    } catch {
      // A throwing getter must not throw inside the event dispatch (an uncaught exception).
    }
    own.abort(reason);
  };
  try {
    if (callerSignal.aborted) onAbort();
    else callerSignal.addEventListener("abort", onAbort, { once: true });
  } catch (cause) {
    throw edgeroomError("invalid_argument", `signal: cannot be read or listened to (${describe(cause)})`, "signal");
  }
  const release = () => {
    try {
      callerSignal.removeEventListener("abort", onAbort);
    } catch {
      // Theirs to keep: the listener only aborts a controller nobody uses any more.
    }
  };
  return [own.signal, release];
}

const ABORTED = "the request was aborted by its AbortSignal";

/** One attempt: the next step's JSON, from the answer or from why there was none. */
async function attempt(pending, request, fetchFn, signal, timeoutMs) {
  const what = `${request.method} ${request.url.split("?")[0]}`;
  if (signal?.aborted) return pending.fail("aborted", ABORTED);
  // One controller ends the attempt for both reasons: its own timer (a plain setTimeout,
  // cleared when the attempt ends: AbortSignal.timeout costs ~20 times as much in Node and
  // leaves its timer pending for the whole timeout) and the caller's signal.
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new DOMException(`no answer within ${timeoutMs} ms`, "TimeoutError"));
  }, timeoutMs);
  const onAbort = () => controller.abort(signal.reason);
  signal?.addEventListener("abort", onAbort, { once: true });
  let status, retryAfter, contentType, body;
  try {
    const init = { method: request.method, headers: request.headers, signal: controller.signal };
    if (request.body !== undefined) init.body = request.body;
    // Any fetch-like function works: the answer is read by duck typing, and the race with
    // the signal ends the attempt even when that function ignores its signal.
    const response = await untilSettledOrAborted((fetchFn ?? globalThis.fetch)(request.url, init), controller.signal);
    status = response?.status;
    if (!Number.isInteger(status) || status < 100 || status > 599) throw new TypeError("fetch did not resolve to a Response");
    const header = (name) => {
      const value = typeof response.headers?.get === "function" ? response.headers.get(name) : undefined;
      return typeof value === "string" ? value : undefined;
    };
    retryAfter = header("retry-after");
    contentType = header("content-type");
    body = await untilSettledOrAborted(response.text(), controller.signal);
    if (typeof body !== "string") throw new TypeError("the body is not text");
  } catch (cause) {
    if (signal?.aborted) return pending.fail("aborted", ABORTED);
    if (timedOut) return pending.fail("timeout", `no complete answer within ${timeoutMs} ms (${what})`);
    return pending.fail("network", `${what} failed: ${describe(cause)}`);
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener("abort", onAbort);
  }
  return pending.answer(status, retryAfter, contentType, body);
}

/**
 * `value` (a promise or a plain value), unless `signal` aborts first; the abort listener is
 * removed once `value` settles.
 */
function untilSettledOrAborted(value, signal) {
  let onAbort;
  const aborted = new Promise((_, reject) => {
    onAbort = () => reject(signal.reason);
    if (signal.aborted) onAbort();
    else signal.addEventListener("abort", onAbort, { once: true });
  });
  aborted.catch(() => {});
  return Promise.race([Promise.resolve(value), aborted]).finally(() => signal.removeEventListener("abort", onAbort));
}

/**
 * Resolves true after `ms`, or false as soon as `signal` (if any) aborts, clearing the
 * timer so that an abandoned wait does not keep the process alive.
 */
function sleep(ms, signal) {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve(false);
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve(true);
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/** The hook observes; an exception in it must not change the call's outcome. */
function notify(onRetry, notice) {
  if (!onRetry) return;
  try {
    onRetry(notice);
  } catch {
    // ignored on purpose
  }
}

/** A thrown value's message (and its `cause`'s, which is where undici puts the reason). */
function describe(cause) {
  const message = (v) => {
    try {
      return typeof v?.message === "string" ? v.message : typeof v === "string" ? v : undefined;
    } catch {
      return undefined;
    }
  };
  let text = message(cause) ?? "unknown error";
  let inner;
  try {
    inner = message(cause?.cause);
  } catch {
    inner = undefined;
  }
  return inner ? `${text} (${inner})` : text;
}
