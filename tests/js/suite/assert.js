// A small assertion library for the shared suite. node:assert is not available in every
// runtime the suite runs in (workerd without nodejs_compat, browsers), so this is ours:
// runtime-neutral, and every failure message shows both sides.

export class AssertionError extends Error {
  constructor(message) {
    super(message);
    this.name = "AssertionError";
  }
}

function show(value) {
  try {
    return typeof value === "string" ? JSON.stringify(value) : JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

function fail(message, detail) {
  throw new AssertionError(detail ? `${message}: ${detail}` : message);
}

export function ok(value, message = "expected a truthy value") {
  if (!value) fail(message, `got ${show(value)}`);
}

export function equal(actual, expected, message = "not equal") {
  if (!Object.is(actual, expected)) fail(message, `expected ${show(expected)}, got ${show(actual)}`);
}

export function notEqual(actual, unexpected, message = "expected a different value") {
  if (Object.is(actual, unexpected)) fail(message, `both are ${show(actual)}`);
}

function isPlainObject(value) {
  if (value === null || typeof value !== "object") return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

// Structural equality for JSON-like data (plain objects, arrays, primitives). Key order
// does not matter; an extra or missing key does.
function deepEquals(a, b) {
  if (Object.is(a, b)) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => deepEquals(x, b[i]));
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const ka = Object.keys(a).sort();
    const kb = Object.keys(b).sort();
    return deepEquals(ka, kb) && ka.every((k) => deepEquals(a[k], b[k]));
  }
  return false;
}

export function deepEqual(actual, expected, message = "not deeply equal") {
  if (!deepEquals(actual, expected)) fail(message, `expected ${show(expected)}, got ${show(actual)}`);
}

export function match(string, regex, message = "does not match") {
  if (typeof string !== "string" || !regex.test(string)) fail(message, `${show(string)} !~ ${regex}`);
}

// Checks the error against `expected`: every key of `expected` must equal the error's own
// property (e.g. { code: "timeout" }, { code: "forbidden", status: 403 }).
function checkError(error, expected, what) {
  if (!(error instanceof Error)) fail(`${what} a non-Error`, show(error));
  for (const [key, value] of Object.entries(expected ?? {})) {
    if (!Object.is(error[key], value)) {
      fail(`${what} an error with ${key} ${show(error[key])}, expected ${show(value)}`, `${error.name}: ${error.message}`);
    }
  }
  return error;
}

/** Runs `fn`, which must throw synchronously; returns the error for further checks. */
export function throws(fn, expected, message = "expected a throw") {
  let result;
  try {
    result = fn();
  } catch (error) {
    return checkError(error, expected, "threw");
  }
  if (result && typeof result.then === "function") fail(message, "got a promise (use rejects)");
  fail(message, `returned ${show(result)}`);
}

/**
 * `promise` must be a real promise that rejects. A synchronous throw from the call that
 * was supposed to return it fails too: callers chain `.catch()` on the API's promises.
 */
export async function rejects(promise, expected, message = "expected a rejection") {
  if (!promise || typeof promise.then !== "function") fail(message, `not a promise: ${show(promise)}`);
  let value;
  try {
    value = await promise;
  } catch (error) {
    return checkError(error, expected, "rejected with");
  }
  fail(message, `resolved to ${show(value)}`);
}
