// Bundles the Worker at argv[2] (from the scratch directory, so `edgeroom` resolves to the
// installed tarball) with the repo's scripts/worker-bundle.mjs and runs it in workerd.
import assert from "node:assert/strict";
import { startWorker } from "../../scripts/worker-bundle.mjs";

const entry = process.argv[2];
const { mf, dispose } = await startWorker(entry, { bindings: { ROOM_NAME: "workerd-check" } });
try {
  const response = await mf.dispatchFetch("http://worker.test/");
  const text = await response.text();
  assert.equal(response.status, 200, text);
  const body = JSON.parse(text);
  assert.deepEqual([body.roomId, body.room], ["room-1", "workerd-check"]);
  assert.deepEqual(body.tokenEntry, { roomId: "room-2", verifies: "room-1" });
  console.log(JSON.stringify(body));
} finally {
  await dispose();
}
