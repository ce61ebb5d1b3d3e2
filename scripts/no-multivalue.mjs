// Copies a .wasm with "multivalue" left out of its target_features custom section, so that
// wasm-bindgen returns an export's results through memory (a return pointer the glue reads)
// instead of as several wasm results. Nothing else changes: the code is the same bytes.
//
// Why: V8 (Node 20's 11.3) cannot call an export with several results through its generic
// JS-to-wasm wrapper, so `new WebAssembly.Module` compiles one wrapper (TurboFan) per
// distinct multi-result signature before it returns: 6 in the token module, 8 in the full
// one, ~0.3 ms each, on every cold start (bench/README.md, "Cold start, step by step").
// rustc (≥ 1.82) lists multivalue by default for wasm32-unknown-unknown, and wasm-bindgen
// uses multi-value returns whenever the section lists it; the code rustc emits does not use
// multi-value itself (its wasm32 ABI returns aggregates through memory).
//
//   node scripts/no-multivalue.mjs <in.wasm> <out.wasm>
import { readFileSync, writeFileSync } from "node:fs";

const [input, output] = process.argv.slice(2);
if (!input || !output) throw new Error("usage: node scripts/no-multivalue.mjs <in.wasm> <out.wasm>");
const bytes = readFileSync(input);

function leb(at) {
  let value = 0;
  let shift = 0;
  let byte;
  do {
    byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return [value, at];
}
function encodeLeb(n) {
  const out = [];
  do {
    let byte = n & 0x7f;
    n = Math.floor(n / 128);
    if (n) byte |= 0x80;
    out.push(byte);
  } while (n);
  return Buffer.from(out);
}
const name = (s) => Buffer.concat([encodeLeb(Buffer.byteLength(s)), Buffer.from(s)]);

const parts = [bytes.subarray(0, 8)];
let at = 8;
let listed = false;
while (at < bytes.length) {
  const start = at;
  const id = bytes[at++];
  let size;
  [size, at] = leb(at);
  const end = at + size;
  if (id === 0) {
    let [length, p] = leb(at);
    const sectionName = bytes.subarray(p, p + length).toString();
    p += length;
    if (sectionName === "target_features") {
      let count;
      [count, p] = leb(p);
      const features = [];
      for (let i = 0; i < count; i++) {
        const prefix = bytes[p++];
        [length, p] = leb(p);
        features.push([prefix, bytes.subarray(p, p + length).toString()]);
        p += length;
      }
      const kept = features.filter(([, feature]) => feature !== "multivalue");
      listed = kept.length !== features.length;
      const body = Buffer.concat([name(sectionName), encodeLeb(kept.length), ...kept.map(([prefix, feature]) => Buffer.concat([Buffer.from([prefix]), name(feature)]))]);
      parts.push(Buffer.from([0]), encodeLeb(body.length), body);
      at = end;
      continue;
    }
  }
  parts.push(bytes.subarray(start, end));
  at = end;
}
writeFileSync(output, Buffer.concat(parts));
process.stderr.write(`${output}: ${listed ? "multivalue left out of target_features" : "multivalue was not listed"}\n`);
