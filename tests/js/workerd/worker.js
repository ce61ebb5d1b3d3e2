// The test Worker: bundled by run-workerd.mjs the way wrangler bundles a Worker, so
// `edgeroom` resolves through the `workerd` export condition and the .wasm arrives as a
// compiled module. GET /?test=<name>&emulator=<origin> runs one suite test and answers
// its result as JSON.
import * as edgeroom from "edgeroom";
import * as tokens from "edgeroom/tokens";
import * as emulator from "edgeroom/emulator";
import * as jose from "jose";
import { makeContext, runTest } from "../suite/index.js";

export default {
  async fetch(request) {
    const url = new URL(request.url);
    const ctx = makeContext({ edgeroom, tokens, jose, emulator, emulatorUrl: url.searchParams.get("emulator") });
    return Response.json(await runTest(ctx, url.searchParams.get("test")));
  },
};
