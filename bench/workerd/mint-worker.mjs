// The workerd mint benchmark, bundled like wrangler does (../../scripts/worker-bundle.mjs)
// and run by ../runners/workerd.mjs under Miniflare with the nodejs_compat flag (for the
// node:crypto and @videosdk.live/server-sdk rows).
//   GET /?signer=<id>&n=<count>   mints <count> tokens, answers { sink }
//   GET /?signer=<id>&token=1     answers one token, for the runner to verify
// workerd's clock does not advance while code runs (a Spectre mitigation), so the runner
// times each request from outside and subtracts the cost of an empty one (n=0).
import * as edgeroomHms from "../signers/edgeroom-hms.mjs";
import * as edgeroomTokens from "../signers/edgeroom-tokens.mjs";
import * as edgeroomVideoSdk from "../signers/edgeroom-videosdk.mjs";
import * as nodeCrypto from "../signers/node-crypto.mjs";
import * as nodeCryptoKey from "../signers/node-crypto-key.mjs";
import * as nodeCryptoPrecomputed from "../signers/node-crypto-precomputed.mjs";
import * as webcrypto from "../signers/webcrypto.mjs";
import * as jose from "../signers/jose.mjs";
import * as joseKey from "../signers/jose-key.mjs";
import * as livekit from "../signers/livekit.mjs";
import * as videosdkSdk from "../signers/videosdk-sdk.mjs";
import { mintCount } from "../lib/stats.mjs";

const MODULES = {
  "edgeroom-hms": edgeroomHms,
  "edgeroom-tokens": edgeroomTokens,
  "node-crypto": nodeCrypto,
  "node-crypto-key": nodeCryptoKey,
  "node-crypto-precomputed": nodeCryptoPrecomputed,
  webcrypto,
  jose,
  "jose-key": joseKey,
  livekit,
  "edgeroom-videosdk": edgeroomVideoSdk,
  "videosdk-sdk": videosdkSdk,
};

// Loaded on first use, inside a request: Workers forbid crypto and randomness at module scope.
const loaded = new Map();
async function signer(id) {
  if (!loaded.has(id)) loaded.set(id, { mint: await MODULES[id].load(), isAsync: MODULES[id].isAsync === true });
  return loaded.get(id);
}

export default {
  async fetch(request) {
    const url = new URL(request.url);
    const id = url.searchParams.get("signer");
    if (id === "list") return Response.json(Object.keys(MODULES));
    try {
      if (!id) return Response.json({ sink: 0 });
      if (!MODULES[id]) return new Response(`unknown signer ${id}`, { status: 404 });
      const { mint, isAsync } = await signer(id);
      if (url.searchParams.has("token")) return Response.json({ token: await mint() });
      const n = Number(url.searchParams.get("n") ?? 0);
      return Response.json({ sink: await mintCount(mint, isAsync, n) });
    } catch (error) {
      return new Response(String(error?.stack ?? error), { status: 500 });
    }
  },
};
