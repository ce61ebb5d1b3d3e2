// Helpers for the 100ms resource suites: an emulator with two apps and a room, a client that
// can also DELETE, and calls to the control service (no token).

import assert from "node:assert/strict";
import { DEFAULT_APP, createEmulator } from "../../js/emulator/index.js";
import { HMS, ORIGIN, call, client } from "./helpers.js";

export const OTHER = { accessKey: "other-key", secret: "other-secret-0123456789" };
export const TEMPLATES = [
  { name: "default-template", region: "us", roles: ["host", "guest"] },
  { name: "webinar", region: "eu", roles: ["host", "viewer"] },
];
export const CONTROL = `${ORIGIN}/_emulator/100ms`;
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
export const OBJECT_ID = /^[0-9a-f]{24}$/;

export async function hmsClient(emu, options = {}) {
  const base = await client(emu, options);
  return { ...base, del: (path) => call(emu, "DELETE", `${HMS}${path}`, { token: base.token }) };
}

// options.now: a clock function (tokens then follow it); options.templates as createEmulator.
export async function setup({ now, templates = TEMPLATES } = {}) {
  const emu = createEmulator({ apps: [DEFAULT_APP, OTHER], templates, ...(now ? { now } : {}) });
  const nowMs = now?.();
  const api = await hmsClient(emu, { nowMs });
  const other = await hmsClient(emu, { app: OTHER, nowMs });
  const room = (await api.post("/rooms", { name: "main-room" })).body;
  return { emu, api, other, room };
}

export const control = (emu, method, path, body) => call(emu, method, `${CONTROL}${path}`, { body });

// A controllable clock, for timestamps, filters and cursor expiry.
export function clock(startIso = "2025-06-01T10:00:00.000Z") {
  let ms = Date.parse(startIso);
  const now = () => ms;
  now.advance = (seconds) => { ms += seconds * 1000; };
  return now;
}

// The helpers on emu.hms throw the HttpError the route would answer.
export function assertThrowsHttp(fn, status, message) {
  assert.throws(fn, (error) => {
    assert.equal(error.status, status);
    assert.equal(error.message, message);
    return true;
  });
}
