// Hostile input against every export of the built package ("edgeroom" → pkg/): random and
// adversarial arguments for each function, constructor and method, and a hostile server
// behind the `fetch` option. Each call must succeed, or throw/reject an Error named
// "EdgeroomError" whose `code` is documented (src/error.rs `ErrorCode::as_str`, plus
// "not_initialized") — never a TypeError from the glue, never a wasm trap — and afterwards
// the module must still mint and verify a token, and Object.prototype must be untouched.
//
//   node --test tests/hostile/
//   HOSTILE_SCALE=10 HOSTILE_SEED=42 node --test tests/hostile/    (a longer, reproducible run)
//
// Each group runs in its own worker thread, i.e. on its own instance of the wasm module, so
// a bug that kills one instance cannot hide what the other groups find. Nothing touches the
// network: every `fetch` (the option and globalThis.fetch) is a recorder with canned answers.

import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";

const GROUPS = {
  // name: fast-check runs at HOSTILE_SCALE=1, chosen so the whole file takes < 30 s on two
  // cores. The hostile server goes first: it waits on timeouts more than it computes.
  "hostile server": 3000,
  "free functions": 6000,
  "token entry": 3000,
  constructors: 4000,
  "100ms client methods": 6000,
  "VideoSDK client methods": 4000,
  "webhook receivers": 3000,
  "client lifecycle": 1000,
  "crafted cases": 1, // a fixed list; its own length
};

if (isMainThread) {
  await main();
} else {
  const { runGroup } = await import("./groups.mjs");
  parentPort.postMessage(await runGroup(workerData.group, workerData.runs, workerData.seed));
}

async function main() {
  const { test } = await import("node:test");
  const assert = (await import("node:assert/strict")).default;
  const scale = Number(process.env.HOSTILE_SCALE ?? 1);
  const seed = Number(process.env.HOSTILE_SEED ?? Math.floor(Math.random() * 2 ** 31));
  const started = Date.now();

  // Two groups at a time: each owns a wasm instance and a CPU.
  const queue = Object.entries(GROUPS);
  const results = new Map();
  const pending = new Map(queue.map(([name]) => [name, Promise.withResolvers ? Promise.withResolvers() : deferred()]));
  const runNext = () => {
    const next = queue.shift();
    if (!next) return;
    const [group, runs] = next;
    const worker = new Worker(new URL(import.meta.url), { workerData: { group, runs: Math.max(1, Math.round(runs * scale)), seed } });
    let settled = false;
    worker.once("message", (result) => {
      settled = true;
      results.set(group, result);
      pending.get(group).resolve(result);
    });
    worker.once("error", (error) => {
      settled = true;
      pending.get(group).reject(error);
    });
    worker.once("exit", (code) => {
      if (!settled) pending.get(group).reject(new Error(`the worker of "${group}" exited with ${code} before reporting`));
      runNext();
    });
  };
  runNext();
  runNext();

  for (const group of Object.keys(GROUPS)) {
    test(`hostile input: ${group}`, async (t) => {
      const result = await pending.get(group).promise;
      t.diagnostic(`${result.runs} inputs, ${result.calls} calls, ${result.unexpected} unexpected, ${result.ms} ms (seed ${seed})`);
      if (result.note) t.diagnostic(result.note);
      const problems = [];
      if (result.harnessErrors) problems.push(`the test itself failed on ${result.harnessErrors} input(s): ${result.lastHarnessError}`);
      if (result.polluted.length) problems.push(`prototypes polluted: ${result.polluted.join(", ")}`);
      if (!result.moduleHealthy) problems.push(`the module stopped working (no token could be minted and verified) ${result.moduleBroken}`);
      if (result.unexpected > 0) {
        problems.push(`${result.unexpected} unexpected outcome(s) in ${result.runs} inputs:`);
        for (const f of result.findings) {
          problems.push(
            `  [${f.count}×] ${f.category}: ${f.message}\n      in: ${f.entries}\n      e.g. ${f.entry}(${f.example})${f.detail ? `\n      at ${f.detail}` : ""}`,
          );
        }
      }
      if (problems.length) assert.fail(`${group} (seed ${seed}):\n${problems.join("\n")}`);
    });
  }

  test("hostile input: totals", async (t) => {
    await Promise.allSettled([...pending.values()].map((p) => p.promise));
    let runs = 0, calls = 0, unexpected = 0;
    for (const result of results.values()) {
      runs += result.runs;
      calls += result.calls;
      unexpected += result.unexpected;
    }
    const line = `hostile-input: ${runs} inputs, ${calls} calls, ${unexpected} unexpected, ${((Date.now() - started) / 1000).toFixed(1)} s (seed ${seed}, scale ${scale})`;
    t.diagnostic(line);
    console.log(line);
    assert.equal(results.size, Object.keys(GROUPS).length, "every group reported");
  });
}

function deferred() {
  let resolve, reject;
  const promise = new Promise((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}
