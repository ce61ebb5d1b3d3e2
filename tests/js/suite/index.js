// The shared suite: every test, in a fixed order, and the one place that runs a test and
// turns its outcome into plain data (for runners that execute the suite inside another
// runtime and read the results back as JSON).
import tokens from "./tokens.js";
import errors from "./errors.js";
import flow from "./flow.js";
import collection from "./collection.js";
import videosdk from "./videosdk.js";
import videosdkMedia from "./videosdk-media.js";
import webhooks from "./webhooks.js";
import tokensEntry from "./tokens-entry.js";

export const tests = [...tokens, ...errors, ...flow, ...collection, ...videosdk, ...videosdkMedia, ...webhooks, ...tokensEntry];

const byName = new Map(tests.map((t) => [t.name, t]));
if (byName.size !== tests.length) throw new Error("suite: two tests share a name");

export const testNames = () => tests.map((t) => t.name);

/**
 * ctx: { edgeroom, jose, emulatorUrl, emulator, createEmulator }
 *   edgeroom       the package as imported in this runtime
 *   tokens         edgeroom/tokens, the token entry, as imported in this runtime
 *   jose           jose, the independent JWT implementation
 *   emulatorUrl    origin of a running emulator HTTP server ("http://127.0.0.1:PORT")
 *   emulator       the edgeroom/emulator module (DEFAULT_APP, hmsUrls, createEmulator)
 *   createEmulator the in-process emulator factory (same as emulator.createEmulator)
 */
export function makeContext({ edgeroom, tokens, jose, emulatorUrl, emulator }) {
  for (const [key, value] of Object.entries({ edgeroom, tokens, jose, emulatorUrl, emulator })) {
    if (!value) throw new Error(`suite context: ${key} is missing`);
  }
  return { edgeroom, tokens, jose, emulatorUrl, emulator, createEmulator: emulator.createEmulator };
}

/** Runs one test by name; never throws. Returns { name, ok, ms, error? } as plain data. */
export async function runTest(ctx, name) {
  const test = byName.get(name);
  const started = Date.now();
  try {
    if (!test) throw new Error(`no test named ${JSON.stringify(name)}`);
    await test.run(ctx);
    return { name, ok: true, ms: Date.now() - started };
  } catch (error) {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return { name, ok: false, ms: Date.now() - started, error: message, stack: error?.stack ?? "" };
  }
}

/** Runs every test in order. */
export async function runSuite(ctx) {
  const results = [];
  for (const test of tests) results.push(await runTest(ctx, test.name));
  return results;
}
