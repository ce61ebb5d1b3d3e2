// Triage helper: runs one group of the hostile-input test in this process and prints its
// findings, e.g.  node tests/hostile/run-group.mjs "crafted cases"
//                 node tests/hostile/run-group.mjs "hostile server" 500 42     (runs, seed)
const { runGroup } = await import("./groups.mjs");
const [group = "crafted cases", runs = "1000", seed = String(Date.now() % 2 ** 31)] = process.argv.slice(2);
const r = await runGroup(group, Number(runs), Number(seed));
for (const f of r.findings) {
  console.log(`[${f.count}×] ${f.category}: ${f.message}\n    in: ${f.entries}\n    e.g. ${f.entry}(${f.example})`);
}
const { findings, ...summary } = r;
console.log(summary);
