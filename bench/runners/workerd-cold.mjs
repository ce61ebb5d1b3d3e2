// Cold start in workerd: one Worker per signer that mints one token in its first request.
// Each run starts a fresh workerd through Miniflare and times, from this process, start →
// first response; a bare Worker (answers "0", imports nothing) is the baseline. Bundling is
// done once per Worker, outside the timing. Round-robin over the Workers. JSON on stdout.
//   node bench/runners/workerd-cold.mjs [--runs 5]
import { Miniflare } from "miniflare";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { bundleWorker, COMPATIBILITY_DATE } from "../../scripts/worker-bundle.mjs";
import { NODE_BUILTINS, FLAGS, NOT_IN_WORKERD } from "./workerd.mjs";
import { SIGNERS } from "../signers/index.mjs";
import { parseArgs } from "../lib/args.mjs";
import { summary } from "../lib/stats.mjs";

const args = parseArgs(process.argv.slice(2), { runs: 5 });
const signersDir = fileURLToPath(new URL("../signers/", import.meta.url));
const work = await mkdtemp(join(tmpdir(), "edgeroom-bench-cold-"));

const entries = [{ id: "bare", source: `export default { fetch() { return new Response("0"); } };\n` }];
for (const s of SIGNERS) {
  if (NOT_IN_WORKERD[s.id]) continue;
  entries.push({
    id: s.id,
    source: `import { load } from ${JSON.stringify(join(signersDir, `${s.id}.mjs`))};
export default { async fetch() { return new Response(await (await load())()); } };\n`,
  });
}

async function startAndMint(scriptPath, dir) {
  const t0 = performance.now();
  const mf = new Miniflare({
    modules: true,
    scriptPath,
    modulesRoot: dir,
    modulesRules: [{ type: "CompiledWasm", include: ["**/*.wasm"] }],
    compatibilityDate: COMPATIBILITY_DATE,
    compatibilityFlags: FLAGS,
  });
  try {
    await mf.ready;
    const tReady = performance.now();
    const response = await mf.dispatchFetch("http://bench.test/");
    const text = await response.text();
    if (!response.ok) throw new Error(text.split("\n")[0]);
    const t1 = performance.now();
    return { totalMs: t1 - t0, firstRequestMs: t1 - tReady };
  } finally {
    await mf.dispose();
  }
}

try {
  const rows = [];
  for (const entry of entries) {
    const row = { id: entry.id, total: [], first: [] };
    rows.push(row);
    try {
      const file = join(work, `${entry.id}.mjs`);
      await writeFile(file, entry.source);
      Object.assign(row, await bundleWorker(file, { external: NODE_BUILTINS }));
      await startAndMint(row.scriptPath, row.dir); // untimed
    } catch (error) {
      row.error = String(error?.message ?? error).split("\n")[0];
    }
  }
  for (let run = 0; run < args.runs; run++) {
    for (const row of rows) {
      if (row.error) continue;
      const { totalMs, firstRequestMs } = await startAndMint(row.scriptPath, row.dir);
      row.total.push(totalMs);
      row.first.push(firstRequestMs);
    }
  }
  const bare = summary(rows[0].total).median;
  const bareFirst = summary(rows[0].first).median;
  const results = rows.map((row) =>
    row.error
      ? { id: row.id, error: row.error }
      : {
          id: row.id,
          totalMs: summary(row.total),
          overBareMs: summary(row.total.map((ms) => ms - bare)),
          firstRequestOverBareMs: summary(row.first.map((ms) => ms - bareFirst)),
        },
  );
  for (const row of rows) if (row.dir) await rm(row.dir, { recursive: true, force: true });
  console.log(JSON.stringify({ runtime: "workerd", runs: args.runs, bareMs: bare, results }));
} finally {
  await rm(work, { recursive: true, force: true });
}
