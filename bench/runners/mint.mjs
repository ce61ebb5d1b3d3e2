// Mint throughput of every signer in THIS process (Node or Deno), one thread, printed as
// JSON on stdout for run.mjs. Each signer is loaded, its token verified, warmed up; then
// the rounds go round-robin over the signers, so drift in the machine's speed hits all
// rows alike.
//   node --expose-gc bench/runners/mint.mjs [--rounds 7] [--round-ms 250] [--warmup-ms 500] [ids...]
//   deno run -A --v8-flags=--expose-gc bench/runners/mint.mjs ...
import { MINTERS as SIGNERS, loadSigner } from "../signers/index.mjs";
import { verifyToken } from "../signers/verify.mjs";
import { mintFor, summary } from "../lib/stats.mjs";
import { parseArgs } from "../lib/args.mjs";

const args = parseArgs(globalThis.Deno ? Deno.args : process.argv.slice(2), { rounds: 7, "round-ms": 250, "warmup-ms": 500 });
const wanted = args._.length ? SIGNERS.filter((s) => args._.includes(s.id)) : SIGNERS;

const rows = [];
for (const signer of wanted) {
  const row = { id: signer.id, samples: [] };
  rows.push(row);
  try {
    const { mint, isAsync } = await loadSigner(signer.id);
    await verifyToken(signer.kind, await mint());
    await mintFor(mint, isAsync, args["warmup-ms"]);
    Object.assign(row, { mint, isAsync });
  } catch (error) {
    row.error = String(error?.message ?? error).split("\n")[0];
  }
}
// A full collection before every round (run.mjs passes --expose-gc), so no row pays for the
// garbage an earlier row left behind.
const collect = globalThis.gc ?? (() => {});
for (let round = 0; round < args.rounds; round++) {
  for (const row of rows) {
    if (!row.mint) continue;
    collect();
    row.samples.push(await mintFor(row.mint, row.isAsync, args["round-ms"]));
  }
}
const out = rows.map(({ id, samples, error }) => (error ? { id, error } : { id, ...summary(samples) }));
console.log(JSON.stringify({ runtime: globalThis.Deno ? "deno" : "node", results: out }));
