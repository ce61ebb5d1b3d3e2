// The emulator's module graph: every relative import resolves, and there is no import cycle
// (a cycle makes evaluation order matter, and a half-initialised module answers undefined).
// Walks js/emulator/ from its public entries and from every file, so an unreachable file is
// checked too.

import assert from "node:assert/strict";
import { readFileSync, readdirSync, existsSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../js/emulator/", import.meta.url));

function allFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return allFiles(full);
    return entry.name.endsWith(".js") ? [full] : [];
  });
}

// Static imports and re-exports (`import ... from "./x.js"`, `export ... from`, `import "./x.js"`).
const IMPORT = /(?:^|\n)\s*(?:import|export)\s+(?:[^"';]*?\s+from\s+)?["'](\.{1,2}\/[^"']+)["']/g;

function importsOf(file) {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(IMPORT)].map((m) => path.resolve(path.dirname(file), m[1]));
}

const rel = (file) => path.relative(ROOT, file);

test("every relative import of the emulator resolves to a file", () => {
  for (const file of allFiles(ROOT)) {
    for (const target of importsOf(file)) assert.ok(existsSync(target), `${rel(file)} imports missing ${target}`);
  }
});

// Depth-first search with colours; reports the first cycle as a path a → b → ... → a.
export function findCycle(files, importsOf) {
  const state = new Map();
  const stack = [];
  function visit(file) {
    state.set(file, "open");
    stack.push(file);
    for (const next of importsOf(file)) {
      if (state.get(next) === "open") return [...stack.slice(stack.indexOf(next)), next];
      if (!state.has(next)) {
        const found = visit(next);
        if (found) return found;
      }
    }
    stack.pop();
    state.set(file, "done");
    return null;
  }
  for (const file of files) {
    if (!state.has(file)) {
      const found = visit(file);
      if (found) return found;
    }
  }
  return null;
}

test("the emulator's modules import each other without a cycle", () => {
  const cycle = findCycle(allFiles(ROOT), importsOf);
  assert.equal(cycle, null, `import cycle: ${cycle?.map(rel).join(" -> ")}`);
});

test("the cycle check finds a cycle when there is one", () => {
  const graph = { a: ["b"], b: ["c"], c: ["a"], d: [] };
  assert.deepEqual(findCycle(Object.keys(graph), (f) => graph[f]), ["a", "b", "c", "a"]);
  assert.equal(findCycle(["d"], (f) => graph[f]), null);
});

test("the shared parts import nothing of one provider, except the webhook payload builders", () => {
  for (const file of allFiles(path.join(ROOT, "shared"))) {
    for (const target of importsOf(file)) {
      const allowed = !/\/(hms|videosdk)\//.test(target) || /\/(hms|videosdk)\/webhooks\.js$/.test(target);
      assert.ok(allowed, `${rel(file)} imports ${rel(target)}`);
    }
  }
});
