// One shared native client (examples/native_load.rs, the ready client over reqwest) driven by
// 1,000 concurrent tokio tasks against the emulator: judged from the emulator's side, every
// room arrives exactly once, nothing is lost, and every request carries the one management
// token the client minted.

import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { startEmulatorServer } from "../../js/emulator/server.js";
import { hmsUrls } from "../../js/emulator/index.js";
import { managementToken } from "../emulator/helpers.js";
import { buildExample } from "../examples/cargo-example.mjs";

const TASKS = 1000;

function run(executable, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(executable, args, { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    const timer = setTimeout(() => child.kill("SIGKILL"), 120_000);
    child.once("error", reject);
    child.once("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

test(`one native client shared by ${TASKS} tokio tasks: nothing lost or duplicated, one management token`, async () => {
  const executable = buildExample("native_load");
  const emulator = await startEmulatorServer({ port: 0 });
  // What arrived, seen at the emulator's front door (the Authorization header of each request).
  const authorizations = [];
  const serve = emulator.emulator.fetch.bind(emulator.emulator);
  emulator.emulator.fetch = (request) => {
    authorizations.push(request.headers.get("authorization"));
    return serve(request);
  };
  try {
    const result = await run(executable, [emulator.url, String(TASKS)]);
    assert.equal(result.code, 0, `the load example failed:\n${result.stdout}${result.stderr}`);
    const [, created, distinct, prefix] = result.stdout.match(/^created (\d+) rooms with (\d+) distinct ids, prefix (\S+)$/m);
    assert.deepEqual([Number(created), Number(distinct)], [TASKS, TASKS]);

    assert.equal(authorizations.length, TASKS, "one request per task, none repeated");
    assert.equal(new Set(authorizations).size, 1, "one management token for every request");

    // The emulator holds exactly the rooms asked for, each once.
    const { baseUrl } = hmsUrls(emulator.url);
    const token = await managementToken();
    const names = [];
    for (let start = null; ; ) {
      const query = new URLSearchParams({ limit: "100", ...(start ? { start } : {}) });
      const page = await (await fetch(`${baseUrl}/rooms?${query}`, { headers: { authorization: `Bearer ${token}` } })).json();
      names.push(...page.data.map((r) => r.name).filter((n) => n.startsWith(`${prefix}-`)));
      if (!page.last) break;
      start = page.last;
    }
    assert.equal(names.length, TASKS);
    assert.deepEqual(new Set(names), new Set(Array.from({ length: TASKS }, (_, i) => `${prefix}-${i}`)));
  } finally {
    await emulator.close();
  }
});
