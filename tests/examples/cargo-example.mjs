// Builds the crate's Rust examples as a user would (`cargo build --features reqwest --example
// <name>`), once per name and process; shared by the examples and load tiers.

import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** Builds an example (once each); its executable's path, read from cargo's own JSON messages. */
const built = new Map();
export function buildExample(name) {
  if (!built.has(name)) built.set(name, build(name));
  return built.get(name);
}

function build(name) {
  const build = spawnSync(
    "cargo",
    ["build", "--quiet", "--features", "reqwest", "--example", name, "--message-format=json-render-diagnostics"],
    { cwd: ROOT, encoding: "utf8", maxBuffer: 64 * 1024 * 1024, stdio: ["ignore", "pipe", "inherit"] },
  );
  assert.equal(build.status, 0, `cargo build --features reqwest --example ${name} failed`);
  const artifact = build.stdout
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line))
    .find((m) => m.reason === "compiler-artifact" && m.target?.name === name && m.executable);
  assert.ok(artifact, `cargo reported no ${name} executable`);
  return artifact.executable;
}

