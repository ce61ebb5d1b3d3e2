// The handler must run outside Node. These run it for real in Cloudflare's workerd (through
// miniflare) and in Deno, both devDependencies of the workspace.

import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { managementToken } from "./helpers.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const fixture = (name) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

test("workerd: an emulator created at module scope serves requests", async (t) => {
  const { Miniflare } = await import("miniflare");
  const mf = new Miniflare({
    modules: true,
    scriptPath: fixture("worker.js"),
    modulesRoot: root,
    modulesRules: [{ type: "ESModule", include: ["**/*.js"] }],
    compatibilityDate: "2024-09-01",
  });
  t.after(() => mf.dispose());
  const token = await managementToken();
  const response = await mf.dispatchFetch("http://worker/100ms/v2/rooms", {
    method: "POST",
    headers: { authorization: `Bearer ${token}` },
    body: JSON.stringify({ name: "from-workerd" }),
  });
  assert.equal(response.status, 200);
  assert.equal((await response.json()).name, "from-workerd");
  const rejected = await mf.dispatchFetch("http://worker/100ms/v2/rooms", { headers: { authorization: "Bearer a.b.c" } });
  assert.equal(rejected.status, 401);
});

test("Deno: the handler verifies a token and creates a room", async () => {
  const deno = fileURLToPath(new URL("node_modules/.bin/deno", `file://${root}`));
  const token = await managementToken();
  const { stdout } = await promisify(execFile)(deno, ["run", "--no-prompt", "--no-config", fixture("deno-smoke.js"), token], {
    env: { ...process.env, NO_COLOR: "1", DENO_NO_UPDATE_CHECK: "1" },
    timeout: 60_000,
  });
  const { status, body } = JSON.parse(stdout.trim());
  assert.equal(status, 200);
  assert.equal(body.name, "from-deno");
});
