// One cold start, taken apart: in a fresh Node process, each step of an entry's import and of
// the first tokens is timed on its own (performance.now() around each), and printed as one
// JSON line. runners/cold-breakdown.mjs spawns it many times, round-robin over the modes, and
// prints the medians.
//
//   node [V8 flags] bench/cold-breakdown.mjs <mode> [--wasm FILE]
//
// Modes:
//   tokens-steps, full-steps   what entries/tokens/node.js (entries/node.js) does at import,
//                              done by hand one step at a time: import the glue module, take
//                              node:fs, read the .wasm, compile it (new WebAssembly.Module),
//                              instantiate it (initSync), set the random source, mark ready,
//                              import the API module (pkg/src/tokens.js or pkg/src/api.js,
//                              the same code the node entry bundles), then the client and
//                              two tokens
//   tokens-entry, full-entry   import("edgeroom/tokens") (import("edgeroom")) as users do,
//                              then the client and two tokens
//   node-crypto                import("node:crypto") and two hand-written tokens (the
//                              yardstick: bench/signers/node-crypto.mjs's code)
// --wasm FILE: read this .wasm instead of the shipped one in the *-steps modes (the named copy
// in target/, so V8's --trace-wasm-compilation-times prints function indices one can name).
const T0 = performance.now();
const mode = process.argv[2];
const wasmArg = process.argv.indexOf("--wasm");
const wasmFile = wasmArg > 0 ? process.argv[wasmArg + 1] : undefined;

const HMS = {
  accessKey: "65f1c0a3d4e5f60718293a4b",
  secret: "q8Yx1v0n7Jm2KcR4tW9sLh3ZpB6dQe5uN1aF0gHjXk2VbC7mT4yS8wE3rD6oP9iU",
  roomId: "65f1c0a3d4e5f60718293a4c",
  role: "host",
  userId: "user-42",
};
const grant = { roomId: HMS.roomId, role: HMS.role, userId: HMS.userId };

// BREAKDOWN_TRACE=1: print each step's name as it ends, to split V8's --trace-wasm-* output.
const TRACE = process.env.BREAKDOWN_TRACE === "1";
const steps = {};
let last = performance.now();
/** Records the time since the previous mark under `name`. */
function mark(name) {
  const now = performance.now();
  steps[name] = now - last;
  if (TRACE) console.log(`--- ${name}`);
  last = now;
}

// BREAKDOWN_PKG=/abs/dir: another build's pkg/ (an A/B of two builds) in the *-steps modes.
const pkg = process.env.BREAKDOWN_PKG ? new URL(`file://${process.env.BREAKDOWN_PKG.replace(/\/?$/, "/")}`) : new URL("../pkg/", import.meta.url);
let randomMs = 0;
let randomCalls = 0;

async function byHand(full) {
  const glueName = full ? "edgeroom" : "edgeroom_tokens";
  const glue = await import(new URL(`wasm/${glueName}.js`, pkg).href);
  mark("import glue module");
  const fs = process.getBuiltinModule?.("node:fs") ?? (await import("node:fs"));
  mark("node:fs (getBuiltinModule)");
  const bytes = fs.readFileSync(wasmFile ?? new URL(`wasm/${glueName}_bg.wasm`, pkg));
  mark("read .wasm");
  const module = new WebAssembly.Module(bytes);
  mark("compile (new WebAssembly.Module)");
  glue.initSync({ module });
  mark("instantiate (initSync)");
  const { kernelRandom } = await import(new URL("../js/src/kernel-random.js", import.meta.url).href);
  mark("(bench only: import kernel-random.js, bundled in the entry)");
  const source = kernelRandom(fs);
  // Wrapped to time the reads (the first opens /dev/urandom): they happen inside the first token.
  glue.useRandomSource((buf) => {
    const t = performance.now();
    source(buf);
    randomMs += performance.now() - t;
    randomCalls++;
  });
  glue.markReady();
  mark("random source set + markReady");
  const api = await import(new URL(full ? "src/api.js" : "src/tokens.js", pkg).href);
  mark("import API module");
  return api;
}

async function main() {
  let mint;
  if (mode === "node-crypto") {
    const { createHmac, randomUUID } = await import("node:crypto");
    mark("import");
    const HEADER = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9";
    mint = () => {
      const iat = Math.floor(Date.now() / 1000) - 10;
      const claims = { access_key: HMS.accessKey, type: "app", version: 2, room_id: HMS.roomId, role: HMS.role, user_id: HMS.userId, iat, nbf: iat, exp: iat + 86400, jti: randomUUID() };
      const input = HEADER + "." + Buffer.from(JSON.stringify(claims)).toString("base64url");
      return input + "." + createHmac("sha256", HMS.secret).update(input).digest("base64url");
    };
    mark("client");
  } else {
    const full = mode.startsWith("full");
    let api;
    if (mode.endsWith("-steps")) api = await byHand(full);
    else if (mode === "tokens-entry" || mode === "full-entry") {
      api = await import(full ? "edgeroom" : "edgeroom/tokens");
      mark("import");
    } else throw new Error(`unknown mode ${mode}`);
    if (full) {
      const hms = new api.HmsClient({ accessKey: HMS.accessKey, secret: HMS.secret });
      mint = () => hms.auth.getAuthToken(grant).token;
    } else {
      const hms = new api.HmsTokens({ accessKey: HMS.accessKey, secret: HMS.secret });
      mint = () => hms.getAuthToken(grant).token;
    }
    mark("client");
  }
  const first = mint();
  mark("first token");
  const second = mint();
  mark("second token");
  if (first.length < 300 || second.length < 300 || first === second) throw new Error("bad tokens");
  const total = performance.now() - T0;
  console.log(JSON.stringify({ mode, steps, totalMs: total, randomMs, randomCalls, beforeScriptMs: T0 }));
}

await main();
