// The README's quick starts (Cloudflare Workers, Deno, Node.js), run as written from the
// scratch directory where check.sh installed the tarball alone: their code and their command
// lines are taken from the README's text, so the page cannot drift from what runs. The one
// change: Deno's server listens on a port chosen at run time (port 0) instead of 8000. The
// Worker is bundled as wrangler does it (scripts/worker-bundle.mjs) and runs in workerd with
// the README's emulator variables, against an emulator on a free port. Credentials: the
// emulator's.
//   node quickstart.mjs <deno binary> <README.md> <repository root>   (in the scratch directory)
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { DEFAULT_APP } from "edgeroom/emulator";
import { startEmulatorServer } from "edgeroom/emulator/server";
import { verifyToken } from "edgeroom";

const [deno, readmePath, root] = process.argv.slice(2);
const readme = readFileSync(readmePath, "utf8");
const env = { ...process.env, HMS_ACCESS_KEY: DEFAULT_APP.accessKey, HMS_SECRET: DEFAULT_APP.secret, DENO_NO_UPDATE_CHECK: "1" };

/** The text of the `### <title>` section of the README's Quick start. */
function section(title) {
  const start = readme.indexOf(`\n### ${title}\n`);
  if (start < 0) throw new Error(`README.md has no "### ${title}"`);
  const end = readme.slice(start + 1).search(/\n##+ /);
  return readme.slice(start, end < 0 ? undefined : start + 1 + end);
}

/** The first fenced block of `lang` in `text`. */
function block(text, lang) {
  const match = new RegExp("```" + lang + "\\n([\\s\\S]*?)```").exec(text);
  if (!match) throw new Error(`no \`\`\`${lang} block in:\n${text}`);
  return match[1];
}

/** A README command line without its `NAME=...` environment prefix and its `# comment`, as argv. */
function argv(line) {
  const [command, comment] = line.split(/\s+#\s+/);
  return { args: command.trim().split(/\s+/).filter((word) => !/^[A-Z_]+=/.test(word)), comment: comment?.trim() };
}

// --- Node.js -----------------------------------------------------------------------------
const node = section("Node.js");
const nodeFile = /^\/\/ (\S+)/.exec(block(node, "js"))[1];
writeFileSync(nodeFile, block(node, "js"));
const nodeRun = argv(block(node, "sh").split("\n")[0]);
if (nodeRun.args[0] !== "node") throw new Error(`the Node quick start's command is not node: ${nodeRun.args.join(" ")}`);
const nodeOut = spawnSync(process.execPath, nodeRun.args.slice(1), { env, encoding: "utf8", timeout: 30_000 });
const expected = /^prints (\S+)$/.exec(nodeRun.comment ?? "")?.[1];
if (nodeOut.status !== 0 || !expected || nodeOut.stdout.trim() !== expected) {
  throw new Error(`node ${nodeRun.args.slice(1).join(" ")}: exit ${nodeOut.status}, printed ${JSON.stringify(nodeOut.stdout)} (the README says: ${nodeRun.comment})\n${nodeOut.stderr}`);
}

// --- Deno --------------------------------------------------------------------------------
const denoSection = section("Deno");
const denoCode = block(denoSection, "js");
const denoFile = /^\/\/ (\S+)/.exec(denoCode)[1];
if (!denoCode.includes("port: 8000")) throw new Error("the Deno quick start no longer serves on port 8000: update this check");
writeFileSync(denoFile, denoCode.replace("port: 8000", "port: 0"));
const denoRun = argv(block(denoSection, "sh").split("\n")[0]);
if (denoRun.args[0] !== "deno" || denoRun.args.some((arg) => arg.startsWith("--allow-read"))) {
  throw new Error(`the Deno quick start's command: ${denoRun.args.join(" ")}`);
}
const child = spawn(deno, denoRun.args.slice(1), { env, stdio: ["ignore", "pipe", "pipe"] });
let output = "";
const url = await new Promise((resolve, reject) => {
  const timer = setTimeout(() => reject(new Error(`deno did not start listening:\n${output}`)), 30_000);
  const read = (chunk) => {
    output += chunk;
    const match = /Listening on (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
    if (match) {
      clearTimeout(timer);
      resolve(match[1]);
    }
  };
  child.stdout.on("data", read);
  child.stderr.on("data", read);
  child.once("exit", (code) => reject(new Error(`deno exited (${code}):\n${output}`)));
});
try {
  const answer = await (await fetch(url)).json();
  const claims = verifyToken(answer.token, DEFAULT_APP.secret, { type: "app" });
  if (claims.room_id !== "room-id" || claims.role !== "guest") throw new Error(`deno served ${JSON.stringify(claims)}`);
} finally {
  child.kill();
}

// --- Cloudflare Workers ------------------------------------------------------------------
const worker = section("Cloudflare Workers");
const workerCode = block(worker, "js");
const workerFile = /^\/\/ (\S+)/.exec(workerCode)[1].replace(/[.,:]$/, "");
mkdirSync(dirname(workerFile), { recursive: true });
writeFileSync(workerFile, workerCode);
// The variables the README puts in .dev.vars for the emulator, pointed at this run's emulator.
const emulator = await startEmulatorServer({ port: 0 });
const vars = {};
for (const [, name, value] of worker.matchAll(/`(HMS_[A-Z_]+)=([^`]+)`/g)) vars[name] = value;
if (!vars.HMS_BASE_URL || vars.HMS_ACCESS_KEY !== DEFAULT_APP.accessKey) throw new Error(`the Worker quick start's emulator variables: ${Object.keys(vars)}`);
vars.HMS_BASE_URL = vars.HMS_BASE_URL.replace(/^http:\/\/127\.0\.0\.1:\d+\//, `${emulator.url.replace(/\/$/, "")}/`);
const { startWorker } = await import(pathToFileURL(join(root, "scripts/worker-bundle.mjs")).href);
const started = await startWorker(workerFile, { bindings: vars });
let room;
try {
  const response = await started.mf.dispatchFetch("http://worker.test/");
  const text = await response.text();
  if (response.status !== 200) throw new Error(`the Worker answered ${response.status}: ${text}`);
  const answer = JSON.parse(text);
  const claims = verifyToken(answer.token, DEFAULT_APP.secret, { type: "app" });
  if (claims.room_id !== answer.room || claims.role !== "host") throw new Error(`the Worker's token: ${JSON.stringify(claims)}`);
  // The room is one the emulator created, by the request the Worker sent it.
  const sent = emulator.emulator.requests.filter((r) => r.method === "POST" && r.path === "/100ms/v2/rooms" && r.authorized);
  if (sent.length !== 1) throw new Error(`the emulator saw ${sent.length} authorized POST /rooms`);
  room = answer.room;
} finally {
  await started.dispose();
  await emulator.close();
}

console.log(`node ${nodeRun.args.slice(1).join(" ")} printed ${expected}; ${denoRun.args.join(" ")} served a guest token; the Worker created room ${room}`);
