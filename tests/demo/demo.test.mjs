// The demo, driven in headless Chromium as a newcomer would: start it as the README's main
// command does, create a room through the form, join with one of its codes, check the
// decoded claims, trigger a validation error and a disabled-room error, and save a
// screenshot of each state under test-output/demo/.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const SHOTS = join(ROOT, "test-output", "demo");
const CHROMIUM_ARGS = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
  "--disable-component-update", "--disable-sync", "--no-first-run",
];

let server;
let url;
let browser;

/** Starts `node www/serve.mjs --port 0` and resolves with the URL it prints. */
function startDemo() {
  const child = spawn(process.execPath, ["www/serve.mjs", "--port", "0"], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the demo did not print its URL:\n${output}`)), 30_000);
    const read = (chunk) => {
      output += chunk;
      const match = output.match(/open (http:\/\/127\.0\.0\.1:\d+\/)/);
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: match[1] });
      }
    };
    child.stdout.on("data", read);
    child.stderr.on("data", read);
    child.once("exit", (code) => reject(new Error(`the demo exited (${code}):\n${output}`)));
  });
}

before(async () => {
  await mkdir(SHOTS, { recursive: true });
  ({ child: server, url } = await startDemo());
  // launch() gives Chromium a fresh temporary profile of its own each run.
  browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
});

after(async () => {
  await browser?.close();
  server?.kill("SIGTERM");
});

async function openPage(viewport) {
  const page = await browser.newPage({ viewport });
  const problems = [];
  const requested = [];
  page.on("pageerror", (error) => problems.push(error.message));
  page.on("request", (request) => requested.push(new URL(request.url()).pathname));
  await page.goto(url);
  await page.waitForSelector("body[data-ready=true]", { timeout: 15_000 });
  return { page, problems, requested };
}

test("a newcomer creates a room, joins with a code and sees the decoded token", async () => {
  const { page, problems, requested } = await openPage({ width: 1280, height: 800 });
  assert.match(await page.textContent("#backend"), /emulator/);
  // The page's own code runs on the token entry (edgeroom/tokens): its .wasm, never the full one.
  const fromPackage = requested.filter((path) => path.startsWith("/edgeroom/"));
  assert.ok(fromPackage.includes("/edgeroom/entries/tokens/browser.js"), `loaded: ${fromPackage.join(", ")}`);
  assert.ok(fromPackage.includes("/edgeroom/wasm/edgeroom_tokens_bg.wasm"), `loaded: ${fromPackage.join(", ")}`);
  assert.deepEqual(fromPackage.filter((path) => /edgeroom_bg\.wasm$|\/entries\/browser\.js$/.test(path)), [], "the full entry is not loaded");
  await page.screenshot({ path: join(SHOTS, "1-start.png") });

  const name = `standup-${Date.now()}`;
  await page.fill("#room-name", name);
  await page.fill("#room-description", "Daily at 9:30");
  await page.click("#create-button");
  await page.waitForSelector("#codes tbody tr[data-role=host]");
  const roomId = (await page.textContent("#room-id")).trim();
  assert.match(roomId, /^[0-9a-f]{24}$/);
  const roles = await page.$$eval("#codes tbody tr", (rows) => rows.map((r) => r.dataset.role).sort());
  assert.deepEqual(roles, ["guest", "host"]);
  await page.waitForSelector(`#rooms tr[data-room-id="${roomId}"]`);
  await page.screenshot({ path: join(SHOTS, "2-room-created.png") });

  await page.fill("#user-id", "alice");
  await page.click("#codes tbody tr[data-role=host] button");
  await page.waitForSelector("#token:not([hidden])");
  const claims = JSON.parse(await page.textContent("#token-claims"));
  assert.equal(claims.room_id, roomId);
  assert.equal(claims.role, "host");
  assert.equal(claims.user_id, "alice");
  assert.equal(claims.type, "app");
  const header = JSON.parse(await page.textContent("#token-header"));
  assert.deepEqual(header, { alg: "HS256", typ: "JWT" });
  assert.match(await page.textContent("#token-expiry"), /^2[34] h \d\d min \d\d s$/);
  await page.screenshot({ path: join(SHOTS, "3-token-decoded.png"), fullPage: true });
  assert.equal(await page.isVisible("#error"), false, "no error banner on the happy path");
  assert.deepEqual(problems, []);
  await page.close();
});

test("an invalid room name is shown as the SDK's invalid_argument error", async () => {
  const { page } = await openPage({ width: 1280, height: 800 });
  const before = await page.$$eval("#rooms tbody tr", (rows) => rows.length);
  await page.fill("#room-name", "bad name!");
  await page.click("#create-button");
  await page.waitForSelector("#error:not([hidden])");
  assert.equal(await page.textContent("#error-code"), "invalid_argument");
  assert.equal(await page.textContent("#error-message"), "name: only a-z A-Z 0-9 . - : _ are allowed");
  await page.click("#refresh");
  await page.waitForSelector("#refresh:not([disabled])");
  assert.equal(await page.$$eval("#rooms tbody tr", (rows) => rows.length), before, "no room was created");
  await page.screenshot({ path: join(SHOTS, "4-validation-error.png") });
  await page.close();
});

test("a disabled room's codes cannot be created and the 403 is shown", async () => {
  const { page } = await openPage({ width: 1280, height: 800 });
  await page.fill("#room-name", `to-disable-${Date.now()}`);
  await page.click("#create-button");
  await page.waitForSelector("#codes tbody tr[data-role=guest]");
  const roomId = (await page.textContent("#room-id")).trim();
  const row = `#rooms tr[data-room-id="${roomId}"]`;
  await page.click(`${row} button:has-text("Disable")`);
  await page.waitForSelector(`${row} .pill.off`);
  await page.click(`${row} button:has-text("Codes")`);
  await page.waitForSelector("#error:not([hidden])");
  assert.equal(await page.textContent("#error-code"), "forbidden");
  assert.match(await page.textContent("#error-message"), /Room is disabled/);
  await page.screenshot({ path: join(SHOTS, "5-disabled-room-error.png") });
  await page.close();
});

test("the VideoSDK panel creates a room, shows its join token and validates it", async () => {
  const { page, problems } = await openPage({ width: 1280, height: 800 });
  const customRoomId = `standup-${Date.now()}`;
  await page.fill("#videosdk-custom-id", customRoomId);
  await page.click("#videosdk-create");
  await page.waitForSelector("#videosdk-room:not([hidden])");
  const roomId = (await page.textContent("#videosdk-room-id")).trim();
  assert.match(roomId, /^[a-z]{3,4}-[a-z]{4}-[a-z]{3,4}$/);
  const claims = JSON.parse(await page.textContent("#videosdk-claims"));
  assert.equal(claims.roomId, roomId);
  assert.deepEqual(claims.permissions, ["allow_join"]);
  assert.deepEqual(claims.roles, ["rtc"]);
  assert.equal(claims.version, 2);
  assert.match(claims.participantId, /^guest-/);
  await page.click("#videosdk-validate");
  await page.waitForSelector("#videosdk-valid:not([hidden])");
  assert.equal(await page.textContent("#videosdk-valid"), "valid");
  // The same custom id gives the same room: create is idempotent on it.
  await page.click("#videosdk-create");
  await page.waitForFunction((id) => document.querySelector("#videosdk-room-id").textContent === id, roomId);
  await page.screenshot({ path: join(SHOTS, "6-videosdk.png"), fullPage: true });
  assert.equal(await page.isVisible("#error"), false);
  assert.deepEqual(problems, []);
  await page.close();
});

test("the page is usable at phone width", async () => {
  const { page } = await openPage({ width: 390, height: 844 });
  await page.fill("#room-name", `phone-${Date.now()}`);
  await page.click("#create-button");
  await page.waitForSelector("#codes tbody tr[data-role=guest]");
  await page.click("#codes tbody tr[data-role=guest] button");
  await page.waitForSelector("#token:not([hidden])");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px`);
  await page.screenshot({ path: join(SHOTS, "7-phone.png"), fullPage: true });
  await page.close();
});
