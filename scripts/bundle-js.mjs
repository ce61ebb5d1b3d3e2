// Assembles the package's JavaScript in pkg/ from js/ and wasm-bindgen's output, as few
// modules as possible: a cold start in Node pays ~0.6-1 ms per module file (resolve, read,
// link), so the `node` entry is one file where it was seven.
//
//   wasm/edgeroom.js      the wasm-bindgen glue with its snippets bundled in, plus the
//                         readiness flag (js/src/ready.js) and the error constructor
//                         (js/src/errors.js)
//   entries/node.js       ONE module: the entry with js/src/api.js, js/src/webhooks.js AND
//                         the glue bundled in (see below)
//   entries/browser.js    the entry with js/src/api.js and js/src/webhooks.js bundled in;
//                         imports wasm/edgeroom.js
//   src/api.js            js/src/api.js with js/src/webhooks.js bundled in, for ...
//   entries/deno.js,      ... these two, copied as they are (`export * from "../src/api.js"`):
//   entries/workerd.js    Deno loads modules cheaply, and Workers are bundled by wrangler
//
// Elsewhere the glue stays one module of its own that the browser entry and src/api.js
// share: the instance and the readiness flag exist once, and whoever imports
// pkg/wasm/edgeroom.js and pkg/src/api.js (the load test, the memory benchmark) reaches the
// very instance its clients use. The Node entry has its own (one module is faster to load);
// wasm/ is not in the package's exports, so a user's process has one instance either way.
//
// The token entry (edgeroom/tokens) is assembled the same way from its own wasm-bindgen
// output (edgeroom_tokens.js), when the out dir has it:
//
//   wasm/edgeroom_tokens.js   its glue, readiness and errors (a flag of its own)
//   entries/tokens/node.js    ONE module: the entry with js/src/tokens.js AND the glue,
//                             readiness and errors bundled in (nothing else in a Node process
//                             imports the token glue, so no instance needs sharing; one module
//                             fewer to resolve, read and link is ~0.8 ms of its cold start)
//   entries/tokens/browser.js js/src/tokens.js bundled in; imports wasm/edgeroom_tokens.js
//   src/tokens.js             js/src/tokens.js, for entries/tokens/{deno,workerd}.js
//
// Every copy of the glue is wasm-bindgen's with one transformation (glueArity below): the
// imports that catch exceptions declare their parameters, so V8 compiles fewer wasm-to-JS
// wrappers at instantiation.
//
// js/src/tokens.js is in both: EDGEROOM_TOKEN_MODULE (defined false in the full entry's
// bundles, true in the token entry's; syntax minified, so the other branch and what only it
// imports, js/src/exchange.js, are left out) picks its module's room-code exchange.
//
//   node scripts/bundle-js.mjs <wasm-bindgen out dir> <pkg dir>
import { build, transformSync } from "esbuild";
import { copyFileSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const [bindgenDir, pkgDir] = process.argv.slice(2).map((p) => resolve(p));
if (!bindgenDir || !pkgDir) throw new Error("usage: node scripts/bundle-js.mjs <wasm-bindgen out dir> <pkg dir>");
const JS = fileURLToPath(new URL("../js/", import.meta.url));

const common = {
  bundle: true,
  format: "esm",
  platform: "neutral",
  target: "es2022",
  legalComments: "none",
  logLevel: "warning",
  // wasm-bindgen's import object names the one inline snippet module twice (same value).
  logOverride: { "duplicate-object-key": "silent" },
};

// Every import of the glue, of ready.js or of errors.js becomes an import of the one shared
// glue module `wasm/<name>.js`, at `path` from the output file (entries/ and src/ sit beside
// wasm/; entries/tokens/ one level deeper).
const sharedGlue = (path = "../wasm/edgeroom.js") => ({
  name: "shared-glue",
  setup(b) {
    b.onResolve({ filter: /^(\.\.\/)+wasm\/edgeroom(_tokens)?\.js$|^\.\/(ready|errors)\.js$/ }, () => ({
      path,
      external: true,
    }));
  },
});

// wasm-bindgen writes an import that catches exceptions as `function() { return
// handleError(function (arg0, arg1) {...}, arguments); }`: a JS function with no formal
// parameters behind a wasm import that has some. V8 (Node 20) compiles one wasm-to-JS wrapper
// per (signature, whether the JS function's arity matches) for every import at instantiation,
// so those imports cost wrappers of their own: 14 of the 36 of each module (V8's
// --trace-wasm-compilation-times counts them). Declaring the same parameters on the outer
// function makes the arities match; `arguments` still passes them on. Same behaviour, 22
// wrappers instead of 36, ~1 ms less at import in Node (bench/README.md, "Cold start, step by
// step"). A glue without the pattern (another wasm-bindgen) is left as it is.
const HANDLE_ERROR = /function\(\) \{ return handleError\(function \(([\w, ]*)\) \{/g;
const glueArity = {
  name: "glue-arity",
  setup(b) {
    b.onLoad({ filter: /[\\/]edgeroom(_tokens)?\.js$/ }, (args) => {
      if (!args.path.startsWith(bindgenDir)) return undefined;
      const source = readFileSync(args.path, "utf8");
      const arities = source.replace(HANDLE_ERROR, (_, params) => `function(${params}) { return handleError(function (${params}) {`);
      // Minified wherever it is bundled (see buildGlue): wasm-bindgen's machinery, shorter
      // for V8 to parse; its exports keep their names.
      const contents = transformSync(arities, { minify: true, format: "esm", loader: "js", legalComments: "none" }).code;
      return { contents, loader: "js" };
    });
  },
};

/** The glue module's source: wasm-bindgen's glue (its default export, the async init,
 * included), readiness, errors; resolved from js/src. */
function glueSource(name) {
  const glue = JSON.stringify(join(bindgenDir, `${name}.js`));
  return [
    `export * from ${glue};`,
    `export { default } from ${glue};`,
    `export { markReady, assertReady } from "./ready.js";`,
    `export { edgeroomError } from "./errors.js";`,
  ].join("\n");
}

/**
 * wasm/<name>.js: the shared glue module, minified whole (identifiers too; glueArity
 * minifies the glue wherever else it is bundled): it is wasm-bindgen's machinery and ours to
 * read only in its sources, and V8 parses the shorter text faster: import -> first token
 * ~0.2-0.4 ms less in Node (41-61 paired runs). The entries' own code and src/ stay readable
 * (syntax minified only): their names are the API's, and whitespace alone measured no gain.
 */
async function buildGlue(name) {
  await build({
    ...common,
    minify: true,
    plugins: [glueArity],
    stdin: { resolveDir: join(JS, "src"), sourcefile: `${name}-glue.js`, contents: glueSource(name) },
    outfile: join(pkgDir, `wasm/${name}.js`),
  });
}

// The glue bundled INTO the output file instead of imported from wasm/<name>.js: for the
// token entry's Node file, one module instead of two (nothing else in a Node process imports
// the token module's glue, so no instance needs sharing there).
const inlineGlue = (name) => ({
  name: "inline-glue",
  setup(b) {
    b.onResolve({ filter: /^(\.\.\/)+wasm\/edgeroom(_tokens)?\.js$/ }, () => ({ path: name, namespace: "glue" }));
    b.onLoad({ filter: /.*/, namespace: "glue" }, () => ({ contents: glueSource(name), resolveDir: join(JS, "src"), loader: "js" }));
  },
});

await buildGlue("edgeroom");

// js/src/tokens.js branches on EDGEROOM_TOKEN_MODULE (which module it is bundled with: the
// token module has the two halves of exchangeRoomCode, the full one the whole of it), so
// each bundle keeps only its own branch.
const full = { ...common, minifySyntax: true, define: { EDGEROOM_TOKEN_MODULE: "false" } };
const tokens = { ...common, minifySyntax: true, define: { EDGEROOM_TOKEN_MODULE: "true" } };

await build({ ...full, entryPoints: [join(JS, "src/api.js")], outfile: join(pkgDir, "src/api.js"), plugins: [sharedGlue()] });

// The Node entry is ONE module, its glue bundled in (as the token entry's): a module file
// fewer to resolve, read and link is ~0.8 ms of every cold start (41 paired runs). Nothing a
// user can import shares its instance (wasm/ is not in the package's exports); the load test
// and the memory benchmark reach the shared glue's instance through src/api.js instead.
// tokens.js's other branch imports the token module's exports, absent from this glue: it is
// dropped (EDGEROOM_TOKEN_MODULE), so esbuild's warning about them is silenced.
for (const entry of ["node", "browser"]) {
  await build({
    ...full,
    entryPoints: [join(JS, `entries/${entry}.js`)],
    outfile: join(pkgDir, `entries/${entry}.js`),
    external: ["node:*"],
    plugins: entry === "node" ? [inlineGlue("edgeroom"), glueArity] : [sharedGlue()],
    logOverride: { ...common.logOverride, "import-is-undefined": "silent" },
  });
}

mkdirSync(join(pkgDir, "entries"), { recursive: true });
for (const entry of ["deno", "workerd"]) copyFileSync(join(JS, `entries/${entry}.js`), join(pkgDir, `entries/${entry}.js`));

// edgeroom/tokens, over its own module.
if (existsSync(join(bindgenDir, "edgeroom_tokens.js"))) {
  await buildGlue("edgeroom_tokens");
  await build({
    ...tokens,
    entryPoints: [join(JS, "src/tokens.js")],
    outfile: join(pkgDir, "src/tokens.js"),
    plugins: [sharedGlue("../wasm/edgeroom_tokens.js")],
  });
  for (const entry of ["node", "browser"]) {
    await build({
      ...tokens,
      entryPoints: [join(JS, `entries/tokens/${entry}.js`)],
      outfile: join(pkgDir, `entries/tokens/${entry}.js`),
      external: ["node:*"],
      plugins: entry === "node" ? [inlineGlue("edgeroom_tokens"), glueArity] : [sharedGlue("../../wasm/edgeroom_tokens.js")],
    });
  }
  for (const entry of ["deno", "workerd"]) {
    copyFileSync(join(JS, `entries/tokens/${entry}.js`), join(pkgDir, `entries/tokens/${entry}.js`));
  }
}
