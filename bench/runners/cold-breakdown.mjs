// Where a cold start's milliseconds go: spawns bench/cold-breakdown.mjs in fresh Node
// processes, round-robin over its modes (one untimed run of each first: file cache), and
// prints each step's median (and min–max) over the runs, then one JSON line for run.mjs.
//   node bench/runners/cold-breakdown.mjs [--runs 15] [--modes tokens-steps,tokens-entry,...]
//                                        [--node-flags "--no-wasm-lazy-compilation"] [--table]
// --node-flags: V8/Node flags for the children (to see what lazy compilation moves where).
// --table: also print a Markdown table per mode on stderr.
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { loadavg } from "node:os";
import { parseArgs } from "../lib/args.mjs";
import { summary } from "../lib/stats.mjs";

const CHILD = fileURLToPath(new URL("../cold-breakdown.mjs", import.meta.url));
const args = parseArgs(process.argv.slice(2), {
  runs: 15,
  modes: "node-crypto,tokens-entry,tokens-steps,full-entry,full-steps",
});
const modes = String(args.modes).split(",");
// Taken as it is (parseArgs would read a value that starts with "--" as a flag of its own).
const flagsAt = process.argv.indexOf("--node-flags");
const flags = flagsAt > 0 ? String(process.argv[flagsAt + 1] ?? "").split(" ").filter(Boolean) : [];

function run(mode) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    execFile(process.execPath, [...flags, CHILD, mode], { env: { ...process.env, NO_COLOR: "1" } }, (error, stdout, stderr) => {
      const wallMs = performance.now() - t0;
      if (error) return reject(new Error(`${mode}: ${stderr.trim().split("\n").slice(-2).join(" | ") || error.message}`));
      resolve({ ...JSON.parse(stdout.trim().split("\n").pop()), wallMs });
    });
  });
}

const loadBefore = loadavg()[0];
for (const mode of modes) await run(mode); // untimed
const samples = Object.fromEntries(modes.map((m) => [m, []]));
for (let i = 0; i < args.runs; i++) for (const mode of modes) samples[mode].push(await run(mode));

const results = {};
for (const mode of modes) {
  const runs = samples[mode];
  const steps = {};
  for (const name of Object.keys(runs[0].steps)) steps[name] = summary(runs.map((r) => r.steps[name]));
  results[mode] = {
    steps,
    totalMs: summary(runs.map((r) => r.totalMs)),
    beforeScriptMs: summary(runs.map((r) => r.beforeScriptMs)),
    wallMs: summary(runs.map((r) => r.wallMs)),
    randomMs: summary(runs.map((r) => r.randomMs)),
  };
}
// Paired: each round's edgeroom run against the node-crypto run of the same round.
const paired = {};
if (samples["node-crypto"]) {
  for (const mode of modes.filter((m) => m !== "node-crypto")) {
    const diff = (key) => summary(samples[mode].map((r, i) => r[key] - samples["node-crypto"][i][key]));
    paired[mode] = { importToSecondTokenMs: diff("totalMs"), wallMs: diff("wallMs") };
  }
}

if (args.table) {
  const f = (s) => `${s.median.toFixed(2)} (${s.min.toFixed(2)}–${s.max.toFixed(2)})`;
  for (const mode of modes) {
    const r = results[mode];
    process.stderr.write(`\n### ${mode}${flags.length ? ` (node ${flags.join(" ")})` : ""}: median (min–max) ms of ${args.runs}\n\n| step | ms |\n|---|---|\n`);
    for (const [name, s] of Object.entries(r.steps)) process.stderr.write(`| ${name} | ${f(s)} |\n`);
    process.stderr.write(`| in-script total, import → second token | ${f(r.totalMs)} |\n`);
    process.stderr.write(`| process start → script's first line | ${f(r.beforeScriptMs)} |\n`);
    process.stderr.write(`| whole process, spawn → exit | ${f(r.wallMs)} |\n`);
    if (mode !== "node-crypto") process.stderr.write(`| of which reading /dev/urandom (inside the first token) | ${f(r.randomMs)} |\n`);
    if (paired[mode]) process.stderr.write(`| paired vs node-crypto: in-script, median of per-run differences | ${f(paired[mode].importToSecondTokenMs)} |\n| paired vs node-crypto: whole process, same | ${f(paired[mode].wallMs)} |\n`);
  }
  process.stderr.write(`\nload average (1 min): ${loadBefore.toFixed(2)} before, ${loadavg()[0].toFixed(2)} after\n`);
}
console.log(JSON.stringify({ runs: args.runs, flags, loadBefore, loadAfter: loadavg()[0], results, paired }));
