// Headless Chromium: the shared suite in a page that imports the built package through an
// import map (browser entry, init() awaited), served from the repo root on one origin while
// the emulator answers on another, so CORS is exercised for real.
//   node --test tests/js/run-browser.mjs
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import http from "node:http";
import { extname, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { startEmulatorServer } from "edgeroom/emulator/server";
import { registerRemoteTests } from "./remote.mjs";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
// Streaming wasm compilation needs application/wasm; module scripts need a JavaScript type.
const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".wasm": "application/wasm",
};

/** Serves files under ROOT (nothing above it) with the types above; 404 for the rest. */
function serveRoot() {
  const server = http.createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    const file = resolve(ROOT, `.${path}`);
    const type = TYPES[extname(file)];
    if (!file.startsWith(ROOT.endsWith(sep) ? ROOT : ROOT + sep) || !type) return res.writeHead(404).end();
    try {
      const body = await readFile(file);
      res.writeHead(200, { "content-type": type, "cache-control": "no-store" }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((ok) => server.listen(0, "127.0.0.1", () => ok(server)));
}

const emulatorServer = await startEmulatorServer({ port: 0 });
const pageServer = await serveRoot();
const pageOrigin = `http://127.0.0.1:${pageServer.address().port}`;

// launch() gives every run a fresh temporary profile (and deletes it on close).
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
  ],
});
const page = await browser.newPage();
// What the page reports while a test runs is attached to that test if it fails: a CORS
// refusal, for one, is only visible there (the script sees a bare "Failed to fetch").
let pageLog = [];
page.on("pageerror", (error) => pageLog.push(`pageerror: ${error.message}`));
page.on("console", (msg) => msg.type() === "error" && pageLog.push(`console.error: ${msg.text()}`));
page.on("requestfailed", (req) => pageLog.push(`request failed: ${req.url()} ${req.failure()?.errorText}`));

after(async () => {
  await browser.close();
  pageServer.closeAllConnections();
  pageServer.close();
  await emulatorServer.close();
});

const suiteUrl = new URL("/tests/js/browser/suite.html", pageOrigin);
suiteUrl.searchParams.set("emulator", emulatorServer.url);
await page.goto(suiteUrl.href);

test("[browser] runtime: the page initialised the browser entry, cross-origin to the emulator", async () => {
  await page.evaluate(() => window.suite).catch((error) => {
    throw new Error(`${error.message}\n${pageLog.join("\n")}`);
  }); // rejects if an import or init() failed
  assert.notEqual(new URL(emulatorServer.url).origin, pageOrigin, "the emulator is on another origin");
  const wasm = await page.evaluate(() =>
    performance.getEntriesByType("resource").filter((e) => e.name.endsWith(".wasm")).map((e) => e.name),
  );
  assert.deepEqual(wasm.map((u) => new URL(u).pathname).sort(), ["/pkg/wasm/edgeroom_bg.wasm", "/pkg/wasm/edgeroom_tokens_bg.wasm"]);
});

registerRemoteTests("browser", async (name) => {
  pageLog = [];
  const result = await page.evaluate(async (n) => (await window.suite).runTest(n), name);
  if (!result.ok && pageLog.length) result.error += `\n[page]\n${pageLog.join("\n")}`;
  return result;
});
