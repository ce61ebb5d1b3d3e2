// Load: thousands of concurrent calls from one client against the emulator on loopback —
// mixed creates, gets, lists and room-code exchanges — with no error, no lost or duplicated
// room, and wasm memory that stops growing after the first round (nothing leaks per call).
//
//   node --test tests/load/                      (the test command: 5 rounds of 2000 calls)
//   LOAD_CALLS=20000 LOAD_ROUNDS=5 node --test tests/load/     (the long run)

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
// The API over the shared glue module, as the Deno and Workers entries compose it: the
// instance this file initialises is the one its clients use, so its memory is theirs. (The
// Node entry, `edgeroom` here, is one module with a glue of its own.)
import { initSync, markReady } from "../../pkg/wasm/edgeroom.js";
import { HmsClient, exchangeRoomCode } from "../../pkg/src/api.js";
import { DEFAULT_APP, hmsUrls } from "edgeroom/emulator";
import { startEmulatorServer } from "edgeroom/emulator/server";

const CALLS = Number(process.env.LOAD_CALLS ?? 2000);
// At least three: one to warm up, then rounds that must not grow memory.
const ROUNDS = Math.max(3, Number(process.env.LOAD_ROUNDS ?? 5));

const wasm = initSync({ module: readFileSync(new URL("../../pkg/wasm/edgeroom_bg.wasm", import.meta.url)) });
markReady();
const wasmBytes = () => wasm.memory.buffer.byteLength;

test(`${CALLS} concurrent mixed calls per round, ${ROUNDS} rounds, from one client`, { timeout: 600_000 }, async () => {
  const server = await startEmulatorServer({ port: 0 });
  const urls = hmsUrls(server.url);
  const hms = new HmsClient({ ...DEFAULT_APP, ...urls, retries: 0 });
  try {
    const base = await hms.rooms.create({ name: "load-base" });
    const [code] = await hms.roomCodes.create(base.id);
    const created = new Map();
    const memory = [];
    let calls = 0;

    for (let round = 0; round < ROUNDS; round++) {
      const work = [];
      for (let i = 0; i < CALLS; i++) {
        const name = `load-${round}-${i % (CALLS / 4)}`; // every name is created twice per round
        switch (i % 4) {
          case 0:
            work.push(hms.rooms.create({ name }).then((room) => {
              if (created.has(name)) assert.equal(created.get(name), room.id, `create-by-name ${name} returned another room`);
              created.set(name, room.id);
            }));
            break;
          case 1:
            work.push(hms.rooms.retrieveById(base.id).then((room) => assert.equal(room.name, "load-base")));
            break;
          case 2:
            work.push(hms.rooms.list({ limit: 10 }).next().then(({ value }) => assert.ok(value?.id)));
            break;
          default:
            work.push(
              exchangeRoomCode({ code: code.code, userId: `u-${i}`, authBaseUrl: urls.authBaseUrl }).then(({ token }) =>
                assert.equal(token.split(".").length, 3),
              ),
            );
        }
      }
      const results = await Promise.allSettled(work);
      const failures = results.filter((r) => r.status === "rejected");
      assert.deepEqual(failures.map((f) => `${f.reason?.code}: ${f.reason?.message}`).slice(0, 5), [], `${failures.length} calls failed`);
      calls += work.length;
      memory.push(wasmBytes());
    }

    // Every room created is listed exactly once, and nothing else appeared.
    const listed = [];
    for await (const room of hms.rooms.list({ limit: 100 })) listed.push(room);
    const names = listed.map((r) => r.name);
    assert.equal(new Set(names).size, names.length, "no room is listed twice");
    for (const [name, id] of created) assert.equal(listed.find((r) => r.name === name)?.id, id, `room ${name} is lost`);
    assert.equal(listed.length, created.size + 1, "only the rooms we created (and the base room) exist");

    // Wasm memory grows to its working size in the first round. After that the allocator may
    // still take one more 64 KiB page as its free lists fragment, but no more: a leak of even
    // 16 bytes per call would take (ROUNDS - 1) × CALLS × 16 bytes, several pages.
    const PAGE = 65_536;
    const growth = memory.at(-1) - memory[0];
    assert.ok(growth <= PAGE, `wasm memory grew ${growth} bytes after the first round: ${memory.join(", ")}`);
    console.log(`load: ${calls} calls in ${ROUNDS} rounds of ${CALLS} concurrent, 0 failed, ${created.size} rooms, wasm memory ${memory.join(" → ")} bytes`);
  } finally {
    hms.free();
    await server.close();
  }
});
