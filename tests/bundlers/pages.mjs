// The pages the bundler tier builds, as a web developer would write them: each imports the
// package by name, awaits init(), mints a token and reports what happened in
// `window.result` (a promise of plain data the test reads). The credentials and the room come
// from the page's query string, chosen by the test at run time.
//
//   ?key=&secret=&room=   what to mint with
//   ?wasm=<url>           passed to init() instead of the bundle's own .wasm URL
//   ?fetched=<url>        init(fetch(url)) instead (edgeroom/tokens pages)
//   ?retry=<url>          after a failed init(), try once more with this URL

/** The page's own code: how it calls init() (`initCall`), what it imports besides. */
function page({ entry, imports, initCall, mint }) {
  return `import { init, ${imports} } from "${entry}";
${initCall.header ?? ""}
const q = new URL(location.href).searchParams;

async function run() {
  const out = {};
  try {
    await init(${initCall.arg});
  } catch (error) {
    out.error = { name: error?.name, code: error?.code, message: String(error?.message ?? error) };
    if (!q.get("retry")) return out;
    await init(q.get("retry"));
  }
  const key = q.get("key"), secret = q.get("secret"), room = q.get("room");
${mint}
  return out;
}

window.result = run().catch((error) => ({ thrown: { name: error?.name, code: error?.code, message: String(error?.message ?? error) } }));
`;
}

const tokensMint = `  const { token } = new HmsTokens({ accessKey: key, secret }).getAuthToken({ roomId: room, role: "guest", userId: "visitor" });
  out.token = token;
  out.claims = decodeToken(token).claims;`;

const fullMint = `  const hms = new HmsClient({ accessKey: key, secret });
  const { token } = hms.auth.getAuthToken({ roomId: room, role: "host", userId: "host-1" });
  out.token = token;
  out.claims = verifyToken(token, secret, { type: "app" });`;

/** edgeroom/tokens with a plain `await init()`: what works out of the box where a bundler emits the .wasm. */
export const tokensPage = page({
  entry: "edgeroom/tokens",
  imports: "HmsTokens, decodeToken",
  initCall: { arg: 'q.get("fetched") ? fetch(q.get("fetched")) : (q.get("wasm") ?? undefined)' },
  mint: tokensMint,
});

/** edgeroom (the full entry) with a plain `await init()`. */
export const fullPage = page({
  entry: "edgeroom",
  imports: "HmsClient, verifyToken",
  initCall: { arg: 'q.get("wasm") ?? undefined' },
  mint: fullMint,
});

/** edgeroom/tokens for esbuild: the README's one line, the .wasm imported for its URL (--loader:.wasm=file). */
export const tokensPageEsbuild = page({
  entry: "edgeroom/tokens",
  imports: "HmsTokens, decodeToken",
  initCall: { header: 'import wasmUrl from "edgeroom/edgeroom_tokens_bg.wasm";', arg: 'q.get("wasm") ?? wasmUrl' },
  mint: tokensMint,
});

/** An HTML page that loads `script` (a module unless `classic`). */
export function html(script, { classic = false } = {}) {
  return `<!doctype html>
<html><head><meta charset="utf-8"><title>edgeroom bundler check</title></head>
<body><script ${classic ? "" : 'type="module" '}src="${script}"></script></body></html>
`;
}
