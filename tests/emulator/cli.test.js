// The CLI: starts, prints where to point a client (never a secret), serves, stops on SIGTERM.

import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { once } from "node:events";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { managementToken } from "./helpers.js";

const CLI = fileURLToPath(new URL("../../js/emulator/cli.js", import.meta.url));

function startCli(args) {
  const child = spawn(process.execPath, [CLI, ...args], { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const waitFor = (pattern, timeoutMs = 10_000) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out; output so far:\n${output}`)), timeoutMs);
      const check = () => {
        const match = pattern.exec(output);
        if (!match) return;
        clearTimeout(timer);
        child.stdout.off("data", check);
        resolve(match);
      };
      child.stdout.on("data", check);
      check();
    });
  return { child, waitFor, output: () => output };
}

test("edgeroom-emulator prints its URLs and keys but no secret, serves, and exits 0 on SIGTERM", async (t) => {
  const secret = "cli-secret-never-printed-0123";
  const cli = startCli(["--port", "0", "--app", `cli-key:${secret}`, "--app", "second-key:another:secret-with-colon"]);
  t.after(() => cli.child.exitCode === null && cli.child.kill("SIGKILL"));
  const [, url] = await cli.waitFor(/Press Ctrl\+C/).then(() => /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(cli.output()));
  const banner = cli.output();
  assert.match(banner, new RegExp(`baseUrl: +${url}/100ms/v2\\n`));
  assert.match(banner, new RegExp(`authBaseUrl: +${url}/100ms-auth/v2\\n`));
  assert.match(banner, /access key: cli-key {2}secret: \(as configured\)/);
  assert.match(banner, /access key: second-key {2}secret: \(as configured\)/);

  const token = await managementToken({ app: { accessKey: "second-key", secret: "another:secret-with-colon" } });
  const response = await fetch(`${url}/100ms/v2/rooms`, { headers: { authorization: `Bearer ${token}` } });
  assert.equal(response.status, 200, "the secret after the first colon is kept whole");
  await cli.waitFor(/GET \/100ms\/v2\/rooms -> 200/);

  cli.child.kill("SIGTERM");
  const [code] = await once(cli.child, "exit");
  assert.equal(code, 0);
  for (const s of [secret, "another:secret-with-colon"]) assert.ok(!cli.output().includes(s), "a secret was printed");
});

test("without --app the default app is announced without printing its secret", async (t) => {
  const cli = startCli(["--port=0", "--quiet"]);
  t.after(() => cli.child.exitCode === null && cli.child.kill("SIGKILL"));
  await cli.waitFor(/Press Ctrl\+C/);
  assert.match(cli.output(), /access key: emulator-access-key {2}secret: the documented default from the README/);
  assert.ok(!cli.output().includes("emulator-secret-do-not-use-in-production"));
  cli.child.kill("SIGINT");
  assert.deepEqual(await once(cli.child, "exit"), [0, null]);
});

test("--help prints usage and exits 0; an unknown option exits 2", async () => {
  const help = startCli(["--help"]);
  assert.deepEqual(await once(help.child, "exit"), [0, null]);
  assert.match(help.output(), /Usage: edgeroom-emulator/);
  const bad = startCli(["--bogus"]);
  assert.deepEqual(await once(bad.child, "exit"), [2, null]);
  assert.match(bad.output(), /unknown option: --bogus/);
});
