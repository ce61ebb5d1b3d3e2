// Mint throughput inside workerd (Miniflare), printed as JSON for run.mjs. One Worker holds
// every signer that bundles for workerd; each round is one request minting N tokens, timed
// from this process, less the median time of an empty request.
//   node bench/runners/workerd.mjs [--rounds 7] [--round-ms 250] [--warmup-ms 500]
import { Miniflare } from "miniflare";
import { rm } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { bundleWorker, COMPATIBILITY_DATE } from "../../scripts/worker-bundle.mjs";
import { MINTERS as SIGNERS } from "../signers/index.mjs";
import { verifyToken } from "../signers/verify.mjs";
import { parseArgs } from "../lib/args.mjs";
import { summary } from "../lib/stats.mjs";

/** Node built-ins the peers import; kept as imports, which workerd's nodejs_compat serves. */
export const NODE_BUILTINS = ["node:*", "crypto", "events", "fs/promises", "path", "buffer", "util", "stream"];
export const FLAGS = ["nodejs_compat"];

/** Why the signers missing from the Worker are missing (found by trying; see README). */
export const NOT_IN_WORKERD = {
  jsonwebtoken: "bundles, but fails at start: CommonJS require() of Node built-ins (\"Dynamic require of buffer is not supported\")",
  "hms-sdk": "bundles, but fails at start: its jsonwebtoken/axios require() Node built-ins (\"Dynamic require of buffer is not supported\")",
};

export async function startMiniflare(entry) {
  const { dir, scriptPath } = await bundleWorker(entry, { external: NODE_BUILTINS });
  const mf = new Miniflare({
    modules: true,
    scriptPath,
    modulesRoot: dir,
    modulesRules: [{ type: "CompiledWasm", include: ["**/*.wasm"] }],
    compatibilityDate: COMPATIBILITY_DATE,
    compatibilityFlags: FLAGS,
  });
  await mf.ready;
  return { mf, dispose: async () => (await mf.dispose(), await rm(dir, { recursive: true, force: true })) };
}

async function main() {
  const args = parseArgs(process.argv.slice(2), { rounds: 7, "round-ms": 250, "warmup-ms": 500 });
  const { mf, dispose } = await startMiniflare(fileURLToPath(new URL("../workerd/mint-worker.mjs", import.meta.url)));
  const base = "http://bench.test/";
  const get = async (query) => {
    const response = await mf.dispatchFetch(base + query);
    const text = await response.text();
    if (!response.ok) throw new Error(text.split("\n")[0]);
    return JSON.parse(text);
  };
  const timed = async (query) => {
    const t0 = performance.now();
    await get(query);
    return performance.now() - t0;
  };
  try {
    const available = new Set(await get("?signer=list"));
    // The cost of a request that mints nothing, subtracted from every round.
    for (let i = 0; i < 20; i++) await timed("?n=0");
    const emptyRuns = [];
    for (let i = 0; i < 30; i++) emptyRuns.push(await timed("?n=0"));
    const overheadMs = summary(emptyRuns).median;

    const rows = [];
    for (const signer of SIGNERS) {
      const row = { id: signer.id, samples: [] };
      rows.push(row);
      if (!available.has(signer.id)) {
        row.error = NOT_IN_WORKERD[signer.id] ?? "not in the Worker";
        continue;
      }
      try {
        await verifyToken(signer.kind, (await get(`?signer=${signer.id}&token=1`)).token);
        // Warm up while finding N: double it until one request takes warmup-ms / 4.
        let n = 64;
        let spent = 0;
        let ms;
        for (;;) {
          ms = await timed(`?signer=${signer.id}&n=${n}`);
          spent += ms;
          if (ms >= args["warmup-ms"] / 4) break;
          n *= 2;
        }
        while (spent < args["warmup-ms"]) spent += await timed(`?signer=${signer.id}&n=${n}`);
        row.n = Math.max(64, Math.round((n * args["round-ms"]) / Math.max(ms - overheadMs, 0.1)));
      } catch (error) {
        row.error = String(error?.message ?? error).split("\n")[0];
      }
    }
    for (let round = 0; round < args.rounds; round++) {
      for (const row of rows) {
        if (row.error) continue;
        const ms = (await timed(`?signer=${row.id}&n=${row.n}`)) - overheadMs;
        row.samples.push((row.n * 1000) / ms);
      }
    }
    const results = rows.map(({ id, samples, error }) => (error ? { id, error } : { id, ...summary(samples) }));
    console.log(JSON.stringify({ runtime: "workerd", overheadMs, flags: FLAGS, results }));
  } finally {
    await dispose();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
