// Bundles a Worker module the way wrangler does (esbuild, the `workerd` export condition,
// `.wasm` imports kept as separate CompiledWasm modules) and starts it in workerd through
// Miniflare. Shared by the demo, the examples and the workerd test runner.

import { build } from "esbuild";
import { Miniflare } from "miniflare";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** The compatibility date the demo, the examples and the tests run under. */
export const COMPATIBILITY_DATE = "2024-09-23";

/**
 * Bundles `entry` into a fresh temporary directory; returns { dir, scriptPath }.
 * `external` lists packages left as runtime imports.
 */
export async function bundleWorker(entry, { external = [] } = {}) {
  const dir = await mkdtemp(join(tmpdir(), "edgeroom-worker-"));
  await build({
    entryPoints: { worker: entry },
    outdir: dir,
    bundle: true,
    format: "esm",
    platform: "neutral",
    target: "es2022",
    conditions: ["workerd", "worker", "browser"],
    mainFields: ["module", "main"],
    // `copy` keeps `import wasm from "./x.wasm"` as an import of a copied file, which the
    // CompiledWasm rule below turns into a WebAssembly.Module, exactly as wrangler does.
    loader: { ".wasm": "copy" },
    external,
    logLevel: "silent",
  });
  return { dir, scriptPath: join(dir, "worker.js") };
}

/**
 * Bundles and starts `entry` in workerd. Returns the Miniflare instance and a `dispose()`
 * that stops workerd and removes the bundle.
 */
export async function startWorker(entry, { bindings = {}, port, host = "127.0.0.1", ...rest } = {}) {
  const { dir, scriptPath } = await bundleWorker(entry);
  const mf = new Miniflare({
    modules: true,
    scriptPath,
    // Module names are paths relative to this root; the default (the working directory)
    // would name the temporary bundle "../../tmp/...", which workerd refuses.
    modulesRoot: dir,
    modulesRules: [{ type: "CompiledWasm", include: ["**/*.wasm"] }],
    compatibilityDate: COMPATIBILITY_DATE,
    bindings,
    ...(port === undefined ? {} : { port, host }),
    ...rest,
  });
  await mf.ready;
  return {
    mf,
    async dispose() {
      await mf.dispose();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
