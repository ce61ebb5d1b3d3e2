// Assembles the package's JavaScript in pkg/ from js/ and wasm-bindgen's output, as few
// modules as possible: a cold start in Node pays ~0.6-1 ms per module file (resolve, read,
// link), so the `node` entry loads two files where it loaded seven.
//
//   wasm/edgeroom.js      the wasm-bindgen glue with its snippets bundled in, plus the
//                         readiness flag (js/src/ready.js) and the error constructor
//                         (js/src/errors.js)
//   entries/node.js,      the entry with js/src/api.js and js/src/webhooks.js bundled in;
//   entries/browser.js    imports wasm/edgeroom.js
//   src/api.js            js/src/api.js with js/src/webhooks.js bundled in, for ...
//   entries/deno.js,      ... these two, copied as they are (`export * from "../src/api.js"`):
//   entries/workerd.js    Deno loads modules cheaply, and Workers are bundled by wrangler
//
// The glue stays one module of its own that every entry shares: the instance and the
// readiness flag exist once, and whoever imports pkg/wasm/edgeroom.js (the load test, the
// memory benchmark) reaches the very instance the entry initialised.
//
// The token entry (edgeroom/tokens) is assembled the same way from its own wasm-bindgen
// output (edgeroom_tokens.js), when the out dir has it:
//
//   wasm/edgeroom_tokens.js   its glue, readiness and errors (a flag of its own)
//   entries/tokens/node.js,   js/src/tokens.js bundled in; import wasm/edgeroom_tokens.js
//   entries/tokens/browser.js
//   src/tokens.js             js/src/tokens.js, for entries/tokens/{deno,workerd}.js
//
// js/src/tokens.js is in both: EDGEROOM_TOKEN_MODULE (defined false in the full entry's
// bundles, true in the token entry's; syntax minified, so the other branch and what only it
// imports, js/src/exchange.js, are left out) picks its module's room-code exchange.
//
//   node scripts/bundle-js.mjs <wasm-bindgen out dir> <pkg dir>
import { build } from "esbuild";
import { copyFileSync, existsSync, mkdirSync } from "node:fs";
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

/** wasm/<name>.js: the glue (its default export, the async init, included), readiness, errors. */
async function buildGlue(name) {
  const glue = JSON.stringify(join(bindgenDir, `${name}.js`));
  await build({
    ...common,
    stdin: {
      resolveDir: join(JS, "src"),
      sourcefile: `${name}-glue.js`,
      contents: [
        `export * from ${glue};`,
        `export { default } from ${glue};`,
        `export { markReady, assertReady } from "./ready.js";`,
        `export { edgeroomError } from "./errors.js";`,
      ].join("\n"),
    },
    outfile: join(pkgDir, `wasm/${name}.js`),
  });
}

await buildGlue("edgeroom");

// js/src/tokens.js branches on EDGEROOM_TOKEN_MODULE (which module it is bundled with: the
// token module has the two halves of exchangeRoomCode, the full one the whole of it), so
// each bundle keeps only its own branch.
const full = { ...common, minifySyntax: true, define: { EDGEROOM_TOKEN_MODULE: "false" } };
const tokens = { ...common, minifySyntax: true, define: { EDGEROOM_TOKEN_MODULE: "true" } };

await build({ ...full, entryPoints: [join(JS, "src/api.js")], outfile: join(pkgDir, "src/api.js"), plugins: [sharedGlue()] });

for (const entry of ["node", "browser"]) {
  await build({
    ...full,
    entryPoints: [join(JS, `entries/${entry}.js`)],
    outfile: join(pkgDir, `entries/${entry}.js`),
    external: ["node:*"],
    plugins: [sharedGlue()],
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
      plugins: [sharedGlue("../../wasm/edgeroom_tokens.js")],
    });
  }
  for (const entry of ["deno", "workerd"]) {
    copyFileSync(join(JS, `entries/tokens/${entry}.js`), join(pkgDir, `entries/tokens/${entry}.js`));
  }
}
