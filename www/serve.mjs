#!/usr/bin/env node
// The demo's dev server. On 127.0.0.1 it starts:
//   1. the emulator, for each provider whose credentials are not in the environment,
//   2. the edge function www/worker.js in workerd (Miniflare), bundled as wrangler would,
//   3. this static server for the page, which proxies /api/* to the Worker,
// and prints the URL to open. Configuration comes from the environment, read here and
// handed to the Worker as bindings; the library itself never reads it.
//
//   node www/serve.mjs [--port 8788]     (--port 0 picks a free port)
//   HMS_ACCESS_KEY=… HMS_SECRET=… [HMS_BASE_URL=…] [HMS_AUTH_BASE_URL=…] node www/serve.mjs
//   VIDEOSDK_API_KEY=… VIDEOSDK_SECRET=… [VIDEOSDK_BASE_URL=…] node www/serve.mjs

import http from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { DEFAULT_APP, DEFAULT_VIDEOSDK_APP, hmsUrls } from "edgeroom/emulator";
import { startEmulatorServer } from "edgeroom/emulator/server";
import { startWorker } from "../scripts/worker-bundle.mjs";

const WWW = fileURLToPath(new URL(".", import.meta.url));
const PKG = fileURLToPath(new URL("../pkg/", import.meta.url));
const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".svg": "image/svg+xml",
};

function parsePort(argv) {
  const i = argv.indexOf("--port");
  if (i === -1) return 8788;
  const port = Number(argv[i + 1]);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error("--port takes an integer from 0 to 65535");
    process.exit(2);
  }
  return port;
}

/**
 * The backends: each provider's real API when its credentials are in the environment, else
 * the emulator (started once, for whichever provider needs it).
 */
async function backends() {
  const env = process.env;
  const realHms = Boolean(env.HMS_ACCESS_KEY && env.HMS_SECRET);
  const realVideoSdk = Boolean(env.VIDEOSDK_API_KEY && env.VIDEOSDK_SECRET);
  const emulator = realHms && realVideoSdk ? null : await startEmulatorServer({ port: 0 });
  const urls = emulator ? hmsUrls(emulator.url) : {};
  const hms = realHms
    ? { HMS_ACCESS_KEY: env.HMS_ACCESS_KEY, HMS_SECRET: env.HMS_SECRET, HMS_BASE_URL: env.HMS_BASE_URL ?? "", HMS_AUTH_BASE_URL: env.HMS_AUTH_BASE_URL ?? "" }
    : { HMS_ACCESS_KEY: DEFAULT_APP.accessKey, HMS_SECRET: DEFAULT_APP.secret, HMS_BASE_URL: urls.baseUrl, HMS_AUTH_BASE_URL: urls.authBaseUrl };
  const videosdk = realVideoSdk
    ? { VIDEOSDK_API_KEY: env.VIDEOSDK_API_KEY, VIDEOSDK_SECRET: env.VIDEOSDK_SECRET, VIDEOSDK_BASE_URL: env.VIDEOSDK_BASE_URL ?? "" }
    : { VIDEOSDK_API_KEY: DEFAULT_VIDEOSDK_APP.apiKey, VIDEOSDK_SECRET: DEFAULT_VIDEOSDK_APP.secret, VIDEOSDK_BASE_URL: `${emulator.url}/videosdk` };
  return {
    hms: realHms ? "100ms" : "emulator",
    videosdk: realVideoSdk ? "videosdk" : "emulator",
    bindings: { ...hms, ...videosdk, DEMO_BACKEND: realHms ? "100ms" : "emulator", DEMO_VIDEOSDK_BACKEND: realVideoSdk ? "videosdk" : "emulator" },
    emulator,
    close: async () => emulator?.close(),
  };
}

/** Maps a URL path to a file under www/ or, for /edgeroom/…, under the built package. */
function fileFor(pathname) {
  const [root, rest] = pathname.startsWith("/edgeroom/")
    ? [PKG, pathname.slice("/edgeroom/".length)]
    : [WWW, pathname === "/" ? "index.html" : pathname.slice(1)];
  const file = normalize(join(root, decodeURIComponent(rest)));
  // No escaping the served folders, and the server-side files are not served.
  if (!file.startsWith(root) || file.endsWith(`${sep}serve.mjs`) || file.endsWith(`${sep}worker.js`)) return null;
  return file;
}

async function proxyToWorker(mf, req, origin) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  const body = req.method === "GET" || req.method === "HEAD" ? undefined : Buffer.concat(chunks);
  const headers = { "content-type": req.headers["content-type"] ?? "application/json" };
  return mf.dispatchFetch(`${origin}${req.url}`, { method: req.method, headers, body });
}

export async function startDemo({ port = 0 } = {}) {
  const api = await backends();
  const worker = await startWorker(fileURLToPath(new URL("./worker.js", import.meta.url)), { bindings: api.bindings });
  let origin;
  const server = http.createServer(async (req, res) => {
    try {
      if (req.url.startsWith("/api/")) {
        const answer = await proxyToWorker(worker.mf, req, origin);
        res.writeHead(answer.status, { "content-type": answer.headers.get("content-type") ?? "application/json" });
        res.end(Buffer.from(await answer.arrayBuffer()));
        return;
      }
      const file = fileFor(new URL(req.url, origin).pathname);
      const content = file && (await readFile(file).catch(() => null));
      if (!content) {
        res.writeHead(404, { "content-type": "text/plain" }).end("not found");
        return;
      }
      res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream", "cache-control": "no-store" });
      res.end(content);
    } catch (error) {
      res.writeHead(502, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: { code: "network", message: `the edge function did not answer: ${error.message}` } }));
    }
  });
  await new Promise((resolve, reject) => server.once("error", reject).listen(port, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${server.address().port}`;
  return {
    url: `${origin}/`,
    backend: api.hms,
    videosdkBackend: api.videosdk,
    /** The emulator's server (null against the real APIs), for tests that stop it. */
    emulator: api.emulator,
    async close() {
      server.close();
      await worker.dispose();
      await api.close();
    },
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const demo = await startDemo({ port: parsePort(process.argv) });
  const where = (backend, real) => (backend === "emulator" ? "the local emulator" : real);
  console.log(`edgeroom demo: 100ms on ${where(demo.backend, "the real 100ms API")}, VideoSDK on ${where(demo.videosdkBackend, "the real VideoSDK API")}`);
  console.log(`open ${demo.url}`);
  const stop = async () => {
    await demo.close();
    process.exit(0);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}
