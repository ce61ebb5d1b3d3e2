// For runners that execute the suite inside another runtime (workerd, a browser page): one
// node:test test per suite test, each asking the runtime to run that test by name and
// reporting the plain-data result it sends back (see runTest in suite/index.js).
import { test } from "node:test";
import { testNames } from "./suite/index.js";

/**
 * runRemote(name) resolves to { name, ok, ms, error?, stack? } from inside the runtime.
 * Test names carry the runtime ("[workerd] ..."), as the runners may run side by side.
 */
export function registerRemoteTests(runtime, runRemote) {
  for (const name of testNames()) {
    test(`[${runtime}] ${name}`, async () => {
      const result = await runRemote(name);
      if (result?.name !== name) throw new Error(`the runtime answered for ${JSON.stringify(result?.name)}`);
      if (!result.ok) {
        const error = new Error(result.error);
        // The stack from inside the runtime is the useful one.
        error.stack = `${result.error}\n${result.stack ?? ""}`;
        throw error;
      }
    });
  }
}
