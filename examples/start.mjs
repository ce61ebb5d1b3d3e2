#!/usr/bin/env node
// Starts one example against the local emulator, on 127.0.0.1:
//   node examples/start.mjs worker|deno|node|rust-worker [--port N]
// It starts the emulator, then the example with HMS_* pointing at it, and prints both URLs.
// rust-worker (examples/rust-worker, workers-rs) is built first by its build.sh.
// The emulator sends its 100ms webhooks (peers joining and leaving, sessions, recordings...) to
// the example's POST /webhooks/100ms, with the secret header of the local run:
// x-webhook-secret: local-webhook-secret.

import { spawn, spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { DEFAULT_APP, hmsUrls } from "edgeroom/emulator";
import { startEmulatorServer } from "edgeroom/emulator/server";
import { Miniflare } from "miniflare";
import { COMPATIBILITY_DATE, startWorker } from "../scripts/worker-bundle.mjs";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
export const LOCAL_WEBHOOK_SECRET = "local-webhook-secret";

/** Starts `kind` against a fresh emulator; resolves with { url, emulator, close }. */
export async function startExample(kind, { port = 0 } = {}) {
  const emulator = await startEmulatorServer({ port: 0 });
  const urls = hmsUrls(emulator.url);
  const env = {
    HMS_ACCESS_KEY: DEFAULT_APP.accessKey,
    HMS_SECRET: DEFAULT_APP.secret,
    HMS_BASE_URL: urls.baseUrl,
    HMS_AUTH_BASE_URL: urls.authBaseUrl,
    HMS_WEBHOOK_SECRET: LOCAL_WEBHOOK_SECRET,
  };
  const example =
    kind === "worker"
      ? await startWorkerExample(env, port)
      : kind === "rust-worker"
        ? await startRustWorkerExample(env, port)
        : await startProcess(kind, env, port);
  // The app's webhook, as 100ms sets it in its dashboard: every room without its own goes here
  // (the Rust Worker receives none).
  if (kind !== "rust-worker") {
    emulator.emulator.webhooks.configureHms({
      url: new URL("webhooks/100ms", example.url).href,
      headers: { "x-webhook-secret": LOCAL_WEBHOOK_SECRET },
    });
  }
  return {
    url: example.url,
    emulator,
    async close() {
      emulator.emulator.webhooks.close(); // no retry outlives the example
      await example.close();
      await emulator.close();
    },
  };
}

/** The Worker in workerd (Miniflare), bundled as wrangler would, its vars set to `env`. */
async function startWorkerExample(env, port) {
  const worker = await startWorker(`${ROOT}examples/cloudflare-worker/src/index.js`, { bindings: env, port });
  const url = (await worker.mf.ready).href;
  return { url, close: () => worker.dispose() };
}

/**
 * The Rust Worker in workerd (Miniflare), built by examples/rust-worker/build.sh (the first
 * build takes minutes), its build/ run as wrangler deploys it.
 */
async function startRustWorkerExample(env, port) {
  const build = spawnSync("bash", [`${ROOT}examples/rust-worker/build.sh`], { stdio: ["ignore", "inherit", "inherit"] });
  if (build.status !== 0) throw new Error("examples/rust-worker/build.sh failed");
  const dir = `${ROOT}examples/rust-worker/build`;
  const mf = new Miniflare({
    modules: true,
    scriptPath: `${dir}/index.js`,
    modulesRoot: dir,
    modulesRules: [{ type: "CompiledWasm", include: ["**/*.wasm"] }],
    compatibilityDate: COMPATIBILITY_DATE,
    bindings: env,
    ...(port === undefined ? {} : { port, host: "127.0.0.1" }),
  });
  const url = (await mf.ready).href;
  return { url, close: () => mf.dispose() };
}

/** The Deno function or the Node server as a child process; waits for its URL. */
function startProcess(kind, env, port) {
  const deno = `${ROOT}node_modules/.bin/deno`;
  const [command, args] =
    kind === "deno"
      ? [deno, ["run", "--no-prompt", "--allow-net=127.0.0.1", "--allow-env", `${ROOT}examples/deno/main.js`]]
      : [process.execPath, [`${ROOT}examples/node/server.mjs`]];
  if (kind !== "deno" && kind !== "node") throw new Error(`unknown example ${kind}: worker, deno, node or rust-worker`);
  const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, ...env, PORT: String(port) }, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${kind} did not start:\n${output}`)), 30_000);
    const read = (chunk) => {
      output += chunk;
      const match = output.match(/listening on (http:\/\/127\.0\.0\.1:\d+\/)/);
      if (match) {
        clearTimeout(timer);
        resolve({
          url: match[1],
          close: () => new Promise((done) => (child.exitCode !== null ? done() : (child.once("exit", done), child.kill("SIGTERM")))),
        });
      }
    };
    child.stdout.on("data", read);
    child.stderr.on("data", read);
    child.once("exit", (code) => reject(new Error(`${kind} exited (${code}):\n${output}`)));
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const kind = process.argv[2];
  const i = process.argv.indexOf("--port");
  const example = await startExample(kind, { port: i === -1 ? 8789 : Number(process.argv[i + 1]) });
  console.log(`emulator  ${example.emulator.url}`);
  if (kind === "rust-worker") {
    console.log(`example   ${example.url}  (${kind})`);
  } else {
    console.log(`example   ${example.url}  (${kind}; webhook secret header x-webhook-secret: ${LOCAL_WEBHOOK_SECRET})`);
    console.log(`webhooks  the emulator POSTs 100ms webhooks to ${new URL("webhooks/100ms", example.url).href}`);
  }
  console.log(`try       curl -X POST ${example.url}rooms -d '{"name":"hello"}'`);
  const stop = async () => {
    await example.close();
    process.exit(0);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}
