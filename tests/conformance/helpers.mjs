// Shared by the conformance tests: the emulator served in-process on 127.0.0.1 (a port chosen
// at run time), and the required-field check. The expected field lists in each test are
// written from the official SDK's own TypeScript declarations (its .d.ts in node_modules):
// a field without `?` there is required, so every answer must carry it.

import assert from "node:assert/strict";
import { startEmulatorServer } from "../../js/emulator/server.js";

// clock.advance(ms) moves the emulator's clock (composers come up JOB_STARTUP_MS after a start)
// without waiting; tokens stay valid, as the offset is a few seconds.
export async function serve(t) {
  let offset = 0;
  const clock = { advance: (ms) => { offset += ms; } };
  const server = await startEmulatorServer({ port: 0, host: "127.0.0.1", now: () => Date.now() + offset });
  t.after(() => server.close());
  return Object.assign(server, { clock });
}

// fields: names, or "a.b" paths into nested objects; `label` names the SDK type in failures.
export function assertRequired(value, fields, label) {
  assert.ok(value !== null && typeof value === "object", `${label}: not an object: ${JSON.stringify(value)}`);
  for (const field of fields) {
    const path = field.split(".");
    let at = value;
    for (const key of path) {
      assert.ok(at !== null && typeof at === "object" && Object.hasOwn(at, key) && at[key] !== undefined,
        `${label}: required field ${field} missing in ${JSON.stringify(value)}`);
      at = at[key];
    }
  }
}

export async function collect(iterable) {
  const out = [];
  for await (const item of iterable) out.push(item);
  return out;
}
