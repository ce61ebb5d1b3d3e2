// Cold start: whole processes, timed from this one, from spawn to the line the child prints
// right after its first token (bench/cold.mjs), less the same for a bare runtime that prints
// one line (`node -e "console.log(0)"`; for Deno, see COMMANDS). Runs go round-robin
// over the signers; one untimed run of each first fills the OS file cache (and Deno's).
// The child's own import-to-token time (performance.now() around the import) and the time
// to exit are reported too, and each row's per-run times (run i of every row is one round,
// so rows can be compared pair by pair). JSON on stdout for run.mjs.
//   node bench/runners/cold.mjs --runtime node|deno [--runs 11]
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { SIGNERS } from "../signers/index.mjs";
import { parseArgs } from "../lib/args.mjs";
import { summary } from "../lib/stats.mjs";

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const DENO = here("../../node_modules/.bin/deno");
const COLD = here("../cold.mjs");

/** The command lines of a runtime: the bare start and one cold start per signer id. */
const COMMANDS = {
  node: {
    bare: [process.execPath, ["-e", "console.log(0)"]],
    cold: (id) => [process.execPath, [COLD, id]],
  },
  deno: {
    // `deno eval` starts ~3 ms slower than `deno run` of a file, so Deno's bare start is this
    // harness run with nothing to import (the `none` row, in Node, shows what it costs).
    bare: [DENO, ["run", "-A", "--no-lock", COLD, "none"]],
    cold: (id) => [DENO, ["run", "-A", "--no-lock", COLD, id]],
  },
};

/** Spawns one process; resolves to { lineMs, exitMs, line }. */
function timeProcess([command, argv]) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(command, argv, { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, NO_COLOR: "1" } });
    let lineMs;
    let out = "";
    let err = "";
    child.stdout.on("data", (chunk) => {
      lineMs ??= performance.now() - t0;
      out += chunk;
    });
    child.stderr.on("data", (chunk) => (err += chunk));
    child.on("error", reject);
    child.on("close", (code) => {
      const exitMs = performance.now() - t0;
      if (code !== 0) reject(new Error(err.trim().split("\n")[0] || `exit code ${code}`));
      else resolve({ lineMs, exitMs, line: out.trim().split("\n")[0] });
    });
  });
}

async function main() {
  const args = parseArgs(process.argv.slice(2), { runtime: "node", runs: 11 });
  const commands = COMMANDS[args.runtime];
  const ids = ["none", ...SIGNERS.map((s) => s.id)];
  const rows = [{ id: "bare", command: commands.bare, line: [], exit: [] }];
  for (const id of ids) rows.push({ id, command: commands.cold(id), line: [], exit: [], inside: [] });
  for (const row of rows) {
    try {
      await timeProcess(row.command); // untimed: file cache, Deno's module cache
    } catch (error) {
      row.error = String(error.message);
    }
  }
  for (let run = 0; run < args.runs; run++) {
    for (const row of rows) {
      if (row.error) continue;
      const { lineMs, exitMs, line } = await timeProcess(row.command);
      row.line.push(lineMs);
      row.exit.push(exitMs);
      if (row.inside) row.inside.push(JSON.parse(line).importToTokenMs);
    }
  }
  const bare = summary(rows[0].line).median;
  const results = rows.map((row) =>
    row.error
      ? { id: row.id, error: row.error }
      : {
          id: row.id,
          toTokenMs: summary(row.line),
          toExitMs: summary(row.exit),
          overBareMs: summary(row.line.map((ms) => ms - bare)),
          insideMs: row.inside && summary(row.inside),
          // Run i of every row is one round of the round-robin: pairs for run.mjs's targets.
          lineRuns: row.line,
          insideRuns: row.inside,
        },
  );
  console.log(JSON.stringify({ runtime: args.runtime, runs: args.runs, bareMs: bare, results }));
}

await main();
