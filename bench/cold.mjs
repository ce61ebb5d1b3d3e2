// One cold start: import a signer's library, make its client, mint one token, print how long
// that took inside the process (ms from just before the import to the token) as JSON.
// run.mjs times the whole process from outside; `none` loads the harness alone.
//   node bench/cold.mjs <signer-id|none>      deno run -A bench/cold.mjs <signer-id|none>
const t0 = performance.now();
const id = (globalThis.Deno ? Deno.args : process.argv.slice(2))[0];
let length = 0;
if (id !== "none") {
  const { loadSigner } = await import("./signers/index.mjs");
  const { mint } = await loadSigner(id);
  length = (await mint()).length;
}
const t1 = performance.now();
console.log(JSON.stringify({ id, importToTokenMs: t1 - t0, length }));
