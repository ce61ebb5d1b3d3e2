// Run by check.sh with Node in the scratch directory: for every subpath of the installed
// package's `exports` map with a `types` file, the values that file declares must be exactly
// the subpath's runtime exports (a type file shared by several subpaths declares their union).
// Catches an export added to the JS without a declaration, and a declaration of nothing.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.resolve("edgeroom/package.json"))));
const { exports } = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));

/** The value exports a .d.ts declares: functions, classes, consts, and re-exported values. */
function declaredValues(file, seen = new Set()) {
  if (seen.has(file)) return new Set();
  seen.add(file);
  const text = readFileSync(file, "utf8").replace(/\/\*[\s\S]*?\*\//g, "").replace(/\/\/.*$/gm, "");
  const names = new Set();
  for (const [, name] of text.matchAll(/^export\s+(?:declare\s+)?(?:async\s+)?(?:function|class|const|let|var)\s+([A-Za-z_$][\w$]*)/gm)) {
    names.add(name);
  }
  for (const [, list, from] of text.matchAll(/^export\s*\{([^}]*)\}\s*(?:from\s*["']([^"']+)["'])?/gm)) {
    for (const item of list.split(",").map((s) => s.trim()).filter(Boolean)) {
      if (item.startsWith("type ")) continue;
      names.add(item.split(/\s+as\s+/).pop());
    }
    void from;
  }
  for (const [, from] of text.matchAll(/^export\s*\*\s*from\s*["']([^"']+)["']/gm)) {
    for (const name of declaredValues(join(dirname(file), from.replace(/\.js$/, ".d.ts")), seen)) names.add(name);
  }
  return names;
}

const byTypes = new Map(); // types file -> { subpaths, runtime: Set }
for (const [subpath, target] of Object.entries(exports)) {
  if (typeof target !== "object" || !target.types) continue;
  const specifier = subpath === "." ? "edgeroom" : `edgeroom/${subpath.slice(2)}`;
  const entry = byTypes.get(target.types) ?? { subpaths: [], runtime: new Set() };
  entry.subpaths.push(specifier);
  // The browser entry needs no init() to be imported; the deno and workerd entries cannot
  // load in Node, and export what the node entry exports (checked below).
  if (/\/entries\/(deno|workerd)\.js$/.test(target.default)) {
    const source = readFileSync(join(root, target.default), "utf8");
    if (!source.includes('export * from "../src/api.js"')) throw new Error(`${specifier}: not the shared API`);
    byTypes.set(target.types, entry);
    continue;
  }
  for (const name of Object.keys(await import(specifier))) entry.runtime.add(name);
  byTypes.set(target.types, entry);
}

const problems = [];
for (const [types, { subpaths, runtime }] of byTypes) {
  const declared = declaredValues(join(root, types));
  const undeclared = [...runtime].filter((n) => !declared.has(n));
  const phantom = [...declared].filter((n) => !runtime.has(n));
  if (undeclared.length) problems.push(`${types} (${subpaths.join(", ")}) does not declare: ${undeclared.join(", ")}`);
  if (phantom.length) problems.push(`${types} (${subpaths.join(", ")}) declares what none exports: ${phantom.join(", ")}`);
}
if (problems.length) {
  console.error(problems.join("\n"));
  process.exit(1);
}
console.log([...byTypes].map(([types, { runtime }]) => `${types.replace("./types/", "")}: ${runtime.size}`).join(", "));
