// Shared fixtures of the suite: credentials, clocks, and the checks every error must pass.
import { equal, ok } from "./assert.js";

// Distinctive, so a leak into any message or serialisation cannot be a coincidence.
export const SECRET = "edgeroom-suite-SECRET-7f3a9c2e51-never-print-me";
export const ACCESS_KEY = "suite-access-key";
export const API_KEY = "suite-videosdk-api-key";

export const DAY = 24 * 60 * 60;
// The official 100ms SDK back-dates iat (and so nbf) by 10 s for peers whose clock lags.
export const HMS_BACKDATE = 10;

export const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

export const bytes = (text) => new TextEncoder().encode(text);
export const nowSec = () => Math.floor(Date.now() / 1000);

/** `jose.jwtVerify` with HS256 only and the secret as bytes, as a user would call it. */
export async function joseVerify(jose, token, secret = SECRET) {
  return jose.jwtVerify(token, bytes(secret), { algorithms: ["HS256"] });
}

/** Unique per call, so tests sharing one emulator never collide (and re-runs neither). */
let counter = 0;
export function uniqueName(prefix) {
  counter += 1;
  const random = Math.random().toString(36).slice(2, 8);
  return `${prefix}-${Date.now().toString(36)}-${random}-${counter}`;
}

/**
 * The contract of every edgeroom error: an Error named EdgeroomError with a string code;
 * for bad input, `field` and a message that names it; never the secret, in any form.
 */
export function checkEdgeroomError(edgeroom, error, { code, field } = {}) {
  ok(error instanceof Error, "an edgeroom error is an Error");
  equal(error.name, "EdgeroomError", "error.name");
  equal(typeof error.code, "string", "typeof error.code");
  if (code !== undefined) equal(error.code, code, `error.code (message: ${error.message})`);
  if (field !== undefined) {
    equal(error.field, field, "error.field");
    ok(error.message.includes(field), `the message names the field ${field}: ${error.message}`);
  }
  ok(edgeroom.isEdgeroomError(error), "isEdgeroomError(error)");
  const rendered = [error.message, String(error), error.stack ?? "", JSON.stringify({ ...error })].join("\n");
  ok(!rendered.includes(SECRET), `the secret leaked into an error: ${rendered}`);
  return error;
}

/** After an error the module must still mint: the wasm instance was not poisoned. */
export async function checkStillMints({ edgeroom, jose }) {
  const hms = new edgeroom.HmsClient({ accessKey: ACCESS_KEY, secret: SECRET });
  const { token } = hms.auth.getAuthToken({ roomId: "still-working", role: "host" });
  const { payload } = await joseVerify(jose, token);
  equal(payload.room_id, "still-working", "minted after an error");
}

/**
 * Fails instead of hanging when `promise` does not settle within `ms`: a hung request
 * must show up as a failed test, not as a stuck run.
 */
export function within(ms, promise, what) {
  let timer;
  const watchdog = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: still pending after ${ms} ms`)), ms);
  });
  return Promise.race([promise, watchdog]).finally(() => clearTimeout(timer));
}
