// Two builds of edgeroom in one Node process, measured in alternating rounds: 100ms app
// tokens per second, and the cost of one create-room call against a canned 200 (the
// request built, validated and serialised, the answer read; no network). For a change's
// before/after figures: build the earlier commit's package somewhere (a git worktree and
// `bash scripts/build.sh` there), then
//   node --expose-gc bench/runners/before-after.mjs --before ../before/pkg [--after pkg]
// Prints a table, and the sizes of both .wasm files (bytes, gzip -9).
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import { HMS } from "../signers/config.mjs";
import { parseArgs } from "../lib/args.mjs";
import { summary } from "../lib/stats.mjs";

const args = parseArgs(process.argv.slice(2), { after: "pkg", rounds: "9", "round-ms": "300" });
if (!args.before) throw new Error("usage: node bench/runners/before-after.mjs --before <pkg dir> [--after <pkg dir>]");
const ROUNDS = Number(args.rounds);
const ROUND_MS = Number(args["round-ms"]);

const ROOM = JSON.stringify({ id: "65f1c0a3d4e5f60718293a4c", name: "bench-room", enabled: true, region: "in" });
const fetch = () => Promise.resolve(new Response(ROOM, { status: 200, headers: { "content-type": "application/json" } }));
const PARAMS = { name: "bench-room", description: "benchmark room", template_id: "65f1c0a3d4e5f60718293a42", region: "in" };

async function load(dir) {
  const root = resolve(dir);
  const edgeroom = await import(pathToFileURL(`${root}/entries/node.js`).href);
  const hms = new edgeroom.HmsClient({ accessKey: HMS.accessKey, secret: HMS.secret, fetch });
  const grant = { roomId: HMS.roomId, role: HMS.role, userId: HMS.userId };
  const wasm = readFileSync(`${root}/wasm/edgeroom_bg.wasm`);
  return {
    dir,
    size: { bytes: wasm.length, gzip: gzipSync(wasm, { level: 9 }).length },
    mint: () => hms.auth.getAuthToken(grant).token,
    request: () => hms.rooms.create(PARAMS),
  };
}

/** Operations per second of a synchronous `fn` over one round. */
function syncRate(fn) {
  const end = performance.now() + ROUND_MS;
  let n = 0;
  while (performance.now() < end) for (let i = 0; i < 256; i++, n++) fn();
  return n / (ROUND_MS / 1000);
}

/** Microseconds per awaited call of `fn` over one round (one after another). */
async function asyncCost(fn) {
  const start = performance.now();
  const end = start + ROUND_MS;
  let n = 0;
  while (performance.now() < end) for (let i = 0; i < 32; i++, n++) await fn();
  return ((performance.now() - start) * 1000) / n;
}

const builds = [await load(args.before), await load(args.after)];
for (const b of builds) {
  for (let i = 0; i < 20000; i++) b.mint(); // warm-up: the JIT and the wasm tiers
  for (let i = 0; i < 2000; i++) await b.request();
}
const results = builds.map(() => ({ mint: [], request: [] }));
for (let round = 0; round < ROUNDS; round++) {
  // Alternating order each round, so a drift of the machine falls on both alike.
  const order = round % 2 ? [1, 0] : [0, 1];
  for (const i of order) {
    globalThis.gc?.();
    results[i].mint.push(syncRate(builds[i].mint));
    globalThis.gc?.();
    results[i].request.push(await asyncCost(builds[i].request));
  }
}

const [before, after] = results.map((r) => ({ mint: summary(r.mint), request: summary(r.request) }));
const row = (label, b, a, unit, digits) =>
  `| ${label} | ${b.median.toFixed(digits)} ${unit} (${b.min.toFixed(digits)}–${b.max.toFixed(digits)}) | ${a.median.toFixed(digits)} ${unit} (${a.min.toFixed(digits)}–${a.max.toFixed(digits)}) | ${(a.median / b.median).toFixed(2)}× |`;
console.log(`| figure | before (${builds[0].dir}) | after (${builds[1].dir}) | after / before |`);
console.log("|---|---|---|---|");
console.log(row("100ms app tokens per second, Node (median of rounds; min–max)", scale(before.mint), scale(after.mint), "k/s", 1));
console.log(row("create-room call, canned 200, Node", before.request, after.request, "µs", 1));
console.log(`| .wasm, bytes (gzip -9) | ${builds[0].size.bytes} (${builds[0].size.gzip}) | ${builds[1].size.bytes} (${builds[1].size.gzip}) | ${(builds[1].size.gzip / builds[0].size.gzip).toFixed(2)}× gzip |`);

function scale(s) {
  return { median: s.median / 1000, min: s.min / 1000, max: s.max / 1000 };
}
