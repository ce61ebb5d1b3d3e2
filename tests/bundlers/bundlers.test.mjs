// The package through the bundlers web and edge developers use: esbuild, Vite, Rollup and
// webpack each build a page from the packed tarball (installed alone in a scratch app, as a
// user would), exactly as the README's "Bundlers" section says; each page is served on
// 127.0.0.1 and loaded in headless Chromium, where it must fetch the .wasm its bundler
// emitted and mint a token (checked here with jose, not with edgeroom). A page whose bundler
// left the .wasm behind, and one whose server answers its HTML for every path, must reject
// init() with the coded error `wasm_load_failed` naming the URL and the fix.
//   node --test tests/bundlers/            (run `bash scripts/build.sh` first)
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFile, execFileSync } from "node:child_process";
import { promisify } from "node:util";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import http from "node:http";
import { tmpdir } from "node:os";
import { extname, join, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { jwtVerify } from "jose";
import { chromium } from "playwright-core";
import { createServer as viteServer, build as viteBuild } from "vite";
import webpack from "webpack";
import { fullPage, html, tokensPage, tokensPageEsbuild } from "./pages.mjs";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const PKG = join(ROOT, "pkg");
if (!existsSync(join(PKG, "package.json"))) throw new Error("pkg/ is missing: run bash scripts/build.sh first");

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
};

// What the pages mint with, chosen now: nothing in the answers is known in advance.
const KEY = `key-${randomBytes(6).toString("hex")}`;
const SECRET = randomBytes(24).toString("base64url");
const ROOM = randomBytes(12).toString("hex");

// The README's "Bundlers" section is what the esbuild and Rollup builds run: its esbuild
// command line and its rollup.config.js, taken from the text, so the two cannot drift apart.
const README = readFileSync(join(ROOT, "README.md"), "utf8");
const BUNDLERS = README.slice(README.indexOf("\n## Bundlers\n"), README.indexOf("\n## ", README.indexOf("\n## Bundlers\n") + 1));
const ROLLUP_CONFIG = /```js\n(\/\/ rollup\.config\.js\n[\s\S]*?)```/.exec(BUNDLERS)?.[1];
const ESBUILD_COMMAND = /bundled with: (esbuild [^\n]+)/.exec(BUNDLERS)?.[1];
if (!ROLLUP_CONFIG || !ESBUILD_COMMAND) throw new Error('README.md: "Bundlers" lost its rollup.config.js or its esbuild command');

const WORK = mkdtempSync(join(tmpdir(), "edgeroom-bundlers-"));
const APP = join(WORK, "app");
const servers = [];
let browser;

/** The tarball, installed alone into a scratch app: node_modules/edgeroom is what npm unpacked. */
function installPackage() {
  execFileSync("npm", ["pack", PKG, "--pack-destination", WORK, "--loglevel=error"], { stdio: "ignore" });
  const tarball = join(WORK, readdirSync(WORK).find((name) => name.endsWith(".tgz")));
  mkdirSync(APP);
  writeFileSync(join(APP, "package.json"), '{ "name": "bundler-check", "private": true, "type": "module" }\n');
  execFileSync("npm", ["install", "--offline", "--no-audit", "--no-fund", "--no-package-lock", "--loglevel=error", tarball], {
    cwd: APP,
    stdio: "ignore",
  });
  // What the README's rollup.config.js imports, as a user's devDependencies would provide it
  // (linked from this repository's node_modules, where package-lock.json pins it).
  for (const plugin of ["@rollup/plugin-node-resolve", "@web/rollup-plugin-import-meta-assets"]) {
    mkdirSync(join(APP, "node_modules", plugin, ".."), { recursive: true });
    symlinkSync(join(ROOT, "node_modules", plugin), join(APP, "node_modules", plugin), "dir");
  }
}

/**
 * Runs a command line of the README (`esbuild ...`, `rollup -c`) in `cwd`, the tool taken
 * from this repository's node_modules/.bin; fails with its output.
 */
async function run(commandLine, cwd) {
  const [tool, ...args] = commandLine.split(/\s+/);
  try {
    await promisify(execFile)(join(ROOT, "node_modules/.bin", tool), args, { cwd });
  } catch (error) {
    throw new Error(`${commandLine} (in ${cwd}) failed:\n${error.stdout}\n${error.stderr}`);
  }
}

/** A project folder of the scratch app: its source files written, its dist/ made by the bundler. */
function project(name, files) {
  const dir = join(APP, name);
  mkdirSync(dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
  return { dir, dist: join(dir, "dist") };
}

/**
 * Serves `dir` at / on 127.0.0.1 (a free port); with `spa`, every unknown path answers
 * index.html; `wasmType` replaces application/wasm.
 */
function serve(dir, { spa = false, wasmType } = {}) {
  const root = dir.endsWith(sep) ? dir : dir + sep;
  const server = http.createServer(async (req, res) => {
    let path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    if (path.endsWith("/")) path += "index.html";
    let file = resolve(root, `.${path}`);
    if (spa && !existsSync(file)) file = join(root, "index.html");
    const type = extname(file) === ".wasm" && wasmType ? wasmType : TYPES[extname(file)];
    if (!file.startsWith(root) || !type) return res.writeHead(404, { "access-control-allow-origin": "*" }).end();
    try {
      const body = await readFile(file);
      res.writeHead(200, { "content-type": type, "cache-control": "no-store", "access-control-allow-origin": "*" }).end(body);
    } catch {
      res.writeHead(404, { "content-type": "text/plain", "access-control-allow-origin": "*" }).end("not found");
    }
  });
  servers.push(server);
  return new Promise((ok) => server.listen(0, "127.0.0.1", () => ok(`http://127.0.0.1:${server.address().port}`)));
}

/**
 * Opens `origin/` with the query, waits for the page's `window.result`, and returns it with
 * every .wasm the page requested (URL and status) and what the page logged as errors.
 */
async function visit(origin, params = {}) {
  const page = await browser.newPage();
  const log = [];
  const wasm = [];
  page.on("pageerror", (error) => log.push(`pageerror: ${error.message}`));
  page.on("console", (msg) => msg.type() === "error" && log.push(`console.error: ${msg.text()}`));
  page.on("response", (response) => {
    if (new URL(response.url()).pathname.endsWith(".wasm")) wasm.push({ url: response.url(), status: response.status() });
  });
  const url = new URL("/", origin);
  for (const [name, value] of Object.entries({ key: KEY, secret: SECRET, room: ROOM, ...params })) url.searchParams.set(name, value);
  try {
    await page.goto(url.href);
    const result = await page.waitForFunction(() => window.result, null, { timeout: 15_000 }).then(() => page.evaluate(() => window.result));
    return { result, wasm, log };
  } catch (error) {
    throw new Error(`${error.message}\n[page]\n${log.join("\n")}`);
  } finally {
    await page.close();
  }
}

/** The page minted a token for this run's room and key, signed with this run's secret (checked by jose). */
async function assertMinted({ result, wasm, log }, wasmFile, { failedFirst = false } = {}) {
  if (!failedFirst) assert.equal(result.error, undefined, `init() failed: ${JSON.stringify(result.error)}\n${log.join("\n")}`);
  assert.equal(result.thrown, undefined, `the page threw: ${JSON.stringify(result.thrown)}\n${log.join("\n")}`);
  const { payload, protectedHeader } = await jwtVerify(result.token, new TextEncoder().encode(SECRET));
  assert.equal(protectedHeader.alg, "HS256");
  assert.equal(payload.room_id, ROOM);
  assert.equal(payload.access_key, KEY);
  assert.equal(result.claims.room_id, ROOM, "the page's own decoding agrees");
  // The .wasm came from where the bundler put it (under a name of its choosing: webpack's is a
  // bare hash), and it is the package's own module.
  const expected = await readFile(join(APP, "node_modules/edgeroom/wasm", wasmFile));
  const loaded = wasm.filter(({ status }) => status === 200);
  assert.equal(loaded.length, 1, `requested: ${JSON.stringify(wasm)}`);
  const served = Buffer.from(await (await fetch(loaded[0].url)).arrayBuffer());
  assert.ok(served.equals(expected), `${loaded[0].url} is not the package's ${wasmFile}`);
}

/** init() rejected with wasm_load_failed naming `url` and a fix. */
function assertLoadFailed(error, url, fix) {
  assert.ok(error, "init() resolved; a failure was expected");
  assert.equal(error.name, "EdgeroomError");
  assert.equal(error.code, "wasm_load_failed");
  assert.ok(error.message.includes(url), `the message names ${url}: ${error.message}`);
  assert.match(error.message, fix);
}

// ---- the builds -------------------------------------------------------------------------

const builds = {
  /** esbuild: the README's command line, and the page imports the .wasm for its URL (the one line). */
  async esbuild() {
    const { dir, dist } = project("esbuild", { "main.js": tokensPageEsbuild });
    await run(ESBUILD_COMMAND, dir);
    writeFileSync(join(dist, "index.html"), html("./main.js"));
    return dist;
  },
  /** esbuild with nothing said: the bundle keeps a URL to a .wasm it never emitted. */
  async esbuildBare() {
    const { dir, dist } = project("esbuild-bare", { "main.js": tokensPage });
    await run(ESBUILD_COMMAND.replace(" --loader:.wasm=file", ""), dir);
    writeFileSync(join(dist, "index.html"), html("./main.js"));
    return dist;
  },
  /** Vite: out of the box (`vite build`, no config). Two pages: edgeroom/tokens and edgeroom. */
  async vite() {
    const out = {};
    for (const [name, code] of [["vite", tokensPage], ["vite-full", fullPage]]) {
      const { dir, dist } = project(name, { "main.js": code, "index.html": html("./main.js") });
      await viteBuild({ root: dir, configFile: false, logLevel: "error", build: { outDir: dist, emptyOutDir: true } });
      out[name] = dist;
    }
    return out;
  },
  /** Rollup: `rollup -c` with the README's rollup.config.js (node-resolve, and import-meta-assets: the one line). */
  async rollup() {
    const { dir, dist } = project("rollup", { "main.js": tokensPage, "rollup.config.js": ROLLUP_CONFIG });
    await run("rollup -c", dir);
    writeFileSync(join(dist, "index.html"), html("./main.js"));
    return dist;
  },
  /** webpack 5: out of the box (a classic script; new URL(..., import.meta.url) is an asset). */
  async webpack() {
    const out = {};
    for (const [name, code] of [["webpack", tokensPage], ["webpack-full", fullPage]]) {
      const { dir, dist } = project(name, { "main.js": code });
      const stats = await new Promise((ok, fail) =>
        webpack(
          { mode: "production", context: dir, entry: "./main.js", output: { path: dist, filename: "main.js" }, performance: { hints: false } },
          (error, stats) => (error ? fail(error) : ok(stats)),
        ),
      );
      if (stats.hasErrors()) throw new Error(stats.toString({ all: false, errors: true }));
      writeFileSync(join(dist, "index.html"), html("./main.js", { classic: true }));
      out[name] = dist;
    }
    return out;
  },
};

const built = {};

before(async () => {
  installPackage();
  // The builds in parallel (each writes only its own folder), Chromium meanwhile.
  const names = Object.keys(builds);
  const [results, launched] = await Promise.all([
    Promise.allSettled(names.map((name) => builds[name]())),
    chromium.launch({
      executablePath: "/usr/bin/chromium",
      // launch() gives the browser a fresh temporary profile (deleted on close).
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    }),
  ]);
  browser = launched;
  names.forEach((name, i) => (built[name] = results[i].status === "fulfilled" ? results[i].value : { failed: results[i].reason }));
});

after(async () => {
  await browser?.close();
  for (const server of servers) {
    server.closeAllConnections();
    server.close();
  }
  rmSync(WORK, { recursive: true, force: true });
});

/** The dist folder of a build, or the build's own error. */
function dist(name, sub) {
  const out = built[name];
  if (out?.failed) throw out.failed;
  return sub ? out[sub] : out;
}

test("esbuild: --loader:.wasm=file and init(wasmUrl) load edgeroom/tokens", async () => {
  // The page's one line is the README's.
  const line = tokensPageEsbuild.split("\n").find((l) => l.startsWith("import wasmUrl"));
  assert.ok(BUNDLERS.includes(line), `README's Bundlers shows ${line}`);
  await assertMinted(await visit(await serve(dist("esbuild"))), "edgeroom_tokens_bg.wasm");
});

test("Vite: vite build, no config: edgeroom/tokens", async () => {
  await assertMinted(await visit(await serve(dist("vite", "vite"))), "edgeroom_tokens_bg.wasm");
});

test("Vite: vite build, no config: edgeroom (the full entry)", async () => {
  await assertMinted(await visit(await serve(dist("vite", "vite-full"))), "edgeroom_bg.wasm");
});

test("Vite: the dev server (vite), no config: edgeroom/tokens, served from node_modules as it is", async () => {
  const { dir } = project("vite-dev", { "main.js": tokensPage, "index.html": html("./main.js") });
  const server = await viteServer({ root: dir, configFile: false, logLevel: "error", server: { host: "127.0.0.1", port: 0, strictPort: false } });
  try {
    await server.listen();
    await assertMinted(await visit(server.resolvedUrls.local[0]), "edgeroom_tokens_bg.wasm");
  } finally {
    await server.close();
  }
});

test("Rollup: node-resolve + import-meta-assets: edgeroom/tokens", async () => {
  await assertMinted(await visit(await serve(dist("rollup"))), "edgeroom_tokens_bg.wasm");
});

test("webpack 5, no config beyond entry and output: edgeroom/tokens", async () => {
  await assertMinted(await visit(await serve(dist("webpack", "webpack"))), "edgeroom_tokens_bg.wasm");
});

test("webpack 5, no config beyond entry and output: edgeroom (the full entry)", async () => {
  await assertMinted(await visit(await serve(dist("webpack", "webpack-full"))), "edgeroom_bg.wasm");
});

test("a bundler that left the .wasm behind (esbuild, nothing said): a 404, wasm_load_failed with the URL and the fix", async () => {
  const visited = await visit(await serve(dist("esbuildBare")));
  const missing = visited.wasm.find(({ status }) => status === 404);
  assert.ok(missing, `the page asked for a .wasm that is not there: ${JSON.stringify(visited.wasm)}`);
  assertLoadFailed(visited.result.error, missing.url, /HTTP 404[\s\S]*Bundlers[\s\S]*--loader:\.wasm=file[\s\S]*init\(url\)/);
  assert.equal(visited.result.token, undefined, "nothing was minted");
});

test("a server that answers its HTML for every path: wasm_load_failed naming the URL and the content type", async () => {
  const visited = await visit(await serve(dist("esbuildBare"), { spa: true }));
  const asked = visited.wasm.find(({ status }) => status === 200);
  assert.ok(asked, `the page asked for its .wasm: ${JSON.stringify(visited.wasm)}`);
  assertLoadFailed(visited.result.error, asked.url, /text\/html[\s\S]*Bundlers/);
});

test("init(fetch(url)) of a missing file: wasm_load_failed naming the URL", async () => {
  const origin = await serve(join(APP, "node_modules/edgeroom/wasm"));
  const missing = `${origin}/gone/edgeroom_tokens_bg.wasm`;
  const visited = await visit(await serve(dist("esbuildBare")), { fetched: missing, retry: `${origin}/edgeroom_tokens_bg.wasm` });
  assertLoadFailed(visited.result.error, missing, /HTTP 404[\s\S]*init\(\) was given this input/);
  await assertMinted(visited, "edgeroom_tokens_bg.wasm", { failedFirst: true });
});

test("the .wasm served with a wrong type still loads (not streamed: the slower path)", async () => {
  const origin = await serve(join(APP, "node_modules/edgeroom/wasm"), { wasmType: "application/octet-stream" });
  const visited = await visit(await serve(dist("esbuildBare")), { wasm: `${origin}/edgeroom_tokens_bg.wasm` });
  await assertMinted(visited, "edgeroom_tokens_bg.wasm");
});

test("a wrong URL given to init(): wasm_load_failed naming it; a later init() with the right one succeeds", async () => {
  // The package's own .wasm, served from node_modules as the message suggests.
  const origin = await serve(join(APP, "node_modules/edgeroom/wasm"));
  const site = await serve(dist("esbuildBare"));
  const wrong = `${origin}/no-such.wasm`;
  const visited = await visit(site, { wasm: wrong, retry: `${origin}/edgeroom_tokens_bg.wasm` });
  assertLoadFailed(visited.result.error, wrong, /HTTP 404[\s\S]*init\(\) was given this input/);
  await assertMinted(visited, "edgeroom_tokens_bg.wasm", { failedFirst: true });
});
