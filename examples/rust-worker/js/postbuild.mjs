// The JavaScript half of worker-build 0.8.7 (its src/main.rs, after wasm-bindgen and
// wasm-opt), over the esbuild of the repository's node_modules instead of the one worker-build
// downloads:
//   node js/postbuild.mjs <out-dir>
// <out-dir> holds wasm-bindgen's `--target module --out-name index` output (index.js,
// index_bg.wasm, snippets/). Afterwards it holds the deployable Worker: index.js (the entry,
// one bundled module) importing index_bg.wasm, and worker/shim.mjs (worker-build's alias of
// index.js for older wrangler.toml files).

import { build } from "esbuild";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const out = process.argv[2];
if (!out) throw new Error("usage: node js/postbuild.mjs <out-dir>");
const index = join(out, "index.js");
const shim = join(out, "shim.js");

// The wasm-bindgen exports that are not event handlers (worker-build's SYSTEM_FNS).
const SYSTEM_FNS = new Set(["__wbg_reset_state", "__worker_init_state"]);
// Handlers called with (event, env, ctx) (worker-build's generate_handlers).
const EVENTS = new Set(["fetch", "queue", "scheduled", "email", "connect"]);

const content = readFileSync(index, "utf8");

// Each `export ` declaration, starting at the keyword (worker-build's export_decls).
function* exportDecls(text) {
  for (let i = text.indexOf("export "); i !== -1; i = text.indexOf("export ", i + 1)) {
    const before = i === 0 ? "" : text[i - 1];
    if (i === 0 || /\s|;|\}/.test(before)) yield text.slice(i);
  }
}

// generate_handlers: one method of the Entrypoint class per exported function.
const handlers = [];
const classes = [];
for (const decl of exportDecls(content)) {
  let name;
  const fn = decl.match(/^export (?:async )?function([^(]*)\(/);
  const reexport = decl.match(/^export \{[^}]*? as ([^}]*)\}/);
  if (fn) name = fn[1].trim();
  else if (reexport) name = reexport[1].trim();
  if (name !== undefined && !SYSTEM_FNS.has(name)) {
    if (name === "fetch" && process.env.RUN_TO_COMPLETION !== undefined) {
      handlers.push(`Entrypoint.prototype.fetch = async function fetch(request) {
  let response = exports.fetch(request, this.env, this.ctx);
  this.ctx.waitUntil(response);
  return response;
}`);
    } else if (EVENTS.has(name)) {
      handlers.push(`Entrypoint.prototype.${name} = function ${name} (arg) {
  return exports.${name}.call(this, arg, this.env, this.ctx);
}`);
    } else {
      handlers.push(`Entrypoint.prototype.${name} = exports.${name};`);
    }
  }
  // add_export_wrappers: the exported classes (Durable Objects and wasm-bindgen's own).
  const cls = decl.match(/^export class ([^{]*)\{/);
  if (cls) classes.push(cls[1].trim());
}

let entry = readFileSync(new URL("./shim.js", import.meta.url), "utf8").replaceAll("$HANDLERS", `${handlers.join("\n")}\n`);
for (const name of classes) entry += `export const ${name} = new Proxy(exports.${name}, classProxyHooks);\n`;
writeFileSync(shim, entry);

// bundle: esbuild --external:./index_bg.wasm --external:cloudflare:* --format=esm --bundle
// ./shim.js --outfile=index.js --allow-overwrite --minify (NO_MINIFY=1 keeps it readable).
await build({
  absWorkingDir: out,
  entryPoints: ["./shim.js"],
  outfile: "index.js",
  allowOverwrite: true,
  bundle: true,
  format: "esm",
  external: ["./index_bg.wasm", "cloudflare:*"],
  minify: process.env.NO_MINIFY === undefined,
  logLevel: "warning",
});

// fix_wasm_import: wasm-bindgen's `import source wasmModule from "./index_bg.wasm"` (a source
// phase import) becomes the plain import that workerd and wrangler read as a CompiledWasm
// module, i.e. a WebAssembly.Module.
const bundled = readFileSync(index, "utf8");
if (!bundled.includes("import source ")) throw new Error(`${index}: no \`import source\` of the .wasm to rewrite`);
writeFileSync(index, bundled.replaceAll("import source ", "import "));

// remove_unused_files and create_wrapper_alias.
rmSync(shim);
rmSync(join(out, "snippets"), { recursive: true, force: true });
mkdirSync(join(out, "worker"), { recursive: true });
writeFileSync(
  join(out, "worker", "shim.mjs"),
  "// Use index.js directly, this file provided for backwards compat\n// with former shim.mjs only.\nexport * from '../index.js';\nexport { default } from '../index.js';\n",
);
