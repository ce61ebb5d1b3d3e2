// Size per feature: where the bytes of the shipped wasm go, by feature area, so that growth
// shows up against the size budgets (the Targets table of run.mjs holds them, one for the
// whole package and one for the token entry).
//
// The shipped wasm has no names, so this reads target/edgeroom-named.wasm, which
// scripts/build.sh optimises from the same cargo output with `wasm-opt -Oz -g`: the same
// sections and function sizes, plus a "name" section. Every function body goes to one area
// by its demangled name (AREAS below); the section rows and the areas account for every
// byte of the file, and the program asserts so rather than print a table that does not add
// up. The wasm binary format is read directly, no dependencies. JSON on stdout for run.mjs.
//
// The token entry's module (edgeroom/tokens) is read the same way, from its own named copy:
//
//   node bench/runners/size.mjs [--named target/edgeroom-named.wasm] [--shipped pkg/wasm/edgeroom_bg.wasm] [--entry edgeroom]
//   node bench/runners/size.mjs --named target/edgeroom_tokens-named.wasm --shipped pkg/wasm/edgeroom_tokens_bg.wasm --entry edgeroom/tokens
//
// --entry names the footprint section's library (ENTRIES in footprint.mjs) whose JS bundles
// are measured beside the wasm: its "mint" and, if it has one, its "create a room".
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseArgs } from "../lib/args.mjs";
import { ENTRIES, measure, sizes } from "./footprint.mjs";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

// ---------------------------------------------------------------------------------------
// The wasm binary format (https://webassembly.github.io/spec/core/binary/)

const SECTION_KINDS = ["custom", "type", "import", "function", "table", "memory", "global", "export", "start", "element", "code", "data", "datacount", "tag"];

class Reader {
  constructor(bytes, pos, end) {
    Object.assign(this, { bytes, pos, end });
  }

  byte() {
    if (this.pos >= this.end) throw new Error(`wasm: read past the end (${this.end})`);
    return this.bytes[this.pos++];
  }

  /** An unsigned or signed LEB128, as a Number: exact up to 2^53, more than sizes need. */
  leb(signed = false) {
    let result = 0;
    let scale = 1;
    let byte;
    do {
      byte = this.byte();
      result += (byte & 0x7f) * scale;
      scale *= 128;
    } while (byte & 0x80);
    return signed && byte & 0x40 ? result - scale : result;
  }

  name() {
    const length = this.leb();
    const text = new TextDecoder("utf-8", { fatal: true }).decode(this.bytes.subarray(this.pos, this.pos + length));
    this.skip(length);
    return text;
  }

  skip(n) {
    if (this.pos + n > this.end) throw new Error(`wasm: ${n} bytes at ${this.pos} run past the end (${this.end})`);
    this.pos += n;
  }

  /** The next `size` bytes as a reader of their own, skipped here. */
  sub(size) {
    const sub = new Reader(this.bytes, this.pos, this.pos + size);
    this.skip(size);
    return sub;
  }

  done() {
    if (this.pos !== this.end) throw new Error(`wasm: ${this.end - this.pos} bytes left unread before byte ${this.end}`);
  }
}

function skipLimits(r) {
  const flags = r.leb();
  r.leb();
  if (flags & 1) r.leb();
}

/** A constant expression (a data segment's offset): the opcodes linkers and wasm-opt emit there. */
function skipConstExpr(r) {
  for (;;) {
    const op = r.byte();
    if (op === 0x0b) return;
    if (op === 0x41 || op === 0x42) r.leb(true); // i32.const, i64.const
    else if (op === 0x23 || op === 0xd2) r.leb(); // global.get, ref.func
    else if (op === 0xd0) r.leb(true); // ref.null
    else if (![0x6a, 0x6b, 0x6c, 0x7c, 0x7d, 0x7e].includes(op)) throw new Error(`wasm: opcode 0x${op.toString(16)} in a constant expression`);
  }
}

/** Counts the imports of each kind: imported functions come first in the function index space. */
function readImports(r) {
  const counts = { func: 0, table: 0, memory: 0, global: 0, tag: 0 };
  for (let n = r.leb(); n > 0; n--) {
    r.name(); // module
    r.name(); // field
    const kind = r.byte();
    if (kind === 0x00) (counts.func++, r.leb());
    else if (kind === 0x01) (counts.table++, r.byte(), skipLimits(r));
    else if (kind === 0x02) (counts.memory++, skipLimits(r));
    else if (kind === 0x03) (counts.global++, r.byte(), r.byte());
    else if (kind === 0x04) (counts.tag++, r.byte(), r.leb());
    else throw new Error(`wasm: import kind 0x${kind.toString(16)}`);
  }
  return counts;
}

/** Each function of the code section: its bytes (size prefix and body) and where its body is. */
function readCode(r) {
  const functions = [];
  for (let n = r.leb(); n > 0; n--) {
    const start = r.pos;
    const body = r.sub(r.leb());
    functions.push({ bytes: r.pos - start, body: body.pos, end: body.end });
  }
  return functions;
}

/** The exported functions' export names, by function index. */
function readExports(r) {
  const exports = new Map();
  for (let n = r.leb(); n > 0; n--) {
    const name = r.name();
    const kind = r.byte();
    const index = r.leb();
    if (kind === 0x00) exports.set(index, [...(exports.get(index) ?? []), name]);
  }
  return exports;
}

/** Each data segment: its payload (the bytes copied into memory) and its framing. */
function readData(r) {
  const segments = [];
  for (let n = r.leb(); n > 0; n--) {
    const start = r.pos;
    const flags = r.leb();
    if (flags === 2) r.leb(); // memory index
    if (flags !== 1) skipConstExpr(r); // an active segment's offset
    const payload = r.leb();
    r.skip(payload);
    segments.push({ payload, framing: r.pos - start - payload });
  }
  return segments;
}

/** The "name" section's function names (subsection 1), by function index. */
function readFunctionNames(r) {
  const names = new Map();
  while (r.pos < r.end) {
    const id = r.byte();
    const sub = r.sub(r.leb());
    if (id !== 1) continue;
    for (let n = sub.leb(); n > 0; n--) names.set(sub.leb(), sub.name());
    sub.done();
  }
  return names;
}

/** The sections in file order, each with its whole size (id, size prefix, payload). */
export function parseWasm(bytes) {
  const r = new Reader(bytes, 0, bytes.length);
  if (![0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00].every((b) => r.byte() === b)) throw new Error("wasm: not a wasm 1 module (magic, version)");
  const module = { header: r.pos, sections: [], imports: { func: 0, table: 0, memory: 0, global: 0, tag: 0 }, functions: [], exports: new Map(), segments: [], names: new Map() };
  while (r.pos < r.end) {
    const start = r.pos;
    const id = r.byte();
    const body = r.sub(r.leb());
    const section = { id, kind: SECTION_KINDS[id] ?? `unknown ${id}`, bytes: r.pos - start };
    if (id === 0) section.name = body.name();
    if (id === 2) module.imports = readImports(body);
    else if (id === 7) module.exports = readExports(body);
    else if (id === 10) {
      module.functions = readCode(body);
      section.framing = section.bytes - module.functions.reduce((a, f) => a + f.bytes, 0);
    } else if (id === 11) module.segments = readData(body);
    else if (id === 0 && section.name === "name") module.names = readFunctionNames(body);
    else body.pos = body.end; // reported whole, not looked into
    body.done();
    module.sections.push(section);
  }
  return module;
}

const VALTYPES = new Set([0x7f, 0x7e, 0x7d, 0x7c, 0x7b, 0x70, 0x6f]);
// Opcodes whose immediates are only indices (LEB128s), and how many.
const INDEX_OPS = { 0x0c: 1, 0x0d: 1, 0x11: 2, 0x13: 2, 0x20: 1, 0x21: 1, 0x22: 1, 0x23: 1, 0x24: 1, 0x25: 1, 0x26: 1, 0x3f: 1, 0x40: 1, 0xd2: 1 };
// Opcodes without immediates: unreachable, nop, else, end, return, drop, select, numeric
// (sign extension included), ref.is_null.
const BARE_OPS = new Set([0x00, 0x01, 0x05, 0x0b, 0x0f, 0x1a, 0x1b, 0xd1, ...Array.from({ length: 0xc4 - 0x45 + 1 }, (_, i) => 0x45 + i)]);
// After the 0xfc prefix: saturating truncations (0-7) have no immediates; bulk memory and table ops (8-17) indices.
const FC_INDICES = [0, 0, 0, 0, 0, 0, 0, 0, 2, 1, 2, 1, 2, 1, 2, 1, 1, 1];

/**
 * The functions a body calls (`call`, `return_call`). Decodes every instruction of the
 * features build.sh enables (MVP, sign extension, saturating truncation, bulk memory,
 * reference types, multivalue); any other opcode stops the program rather than misread.
 */
function callees(bytes, fn) {
  const r = new Reader(bytes, fn.body, fn.end);
  for (let n = r.leb(); n > 0; n--) (r.leb(), r.byte()); // locals: count, type
  const called = [];
  let op;
  while (r.pos < r.end) {
    op = r.byte();
    if (BARE_OPS.has(op)) continue;
    if (op === 0x10 || op === 0x12) called.push(r.leb());
    else if (op in INDEX_OPS) for (let i = 0; i < INDEX_OPS[op]; i++) r.leb();
    else if (op >= 0x02 && op <= 0x04) {
      // block, loop, if: empty, one value type, or a type index
      if (r.bytes[r.pos] === 0x40 || VALTYPES.has(r.bytes[r.pos])) r.byte();
      else r.leb(true);
    } else if (op === 0x0e) for (let n = r.leb() + 1; n > 0; n--) r.leb(); // br_table: targets + default
    else if (op === 0x1c) for (let n = r.leb(); n > 0; n--) r.byte(); // select with types
    else if (op >= 0x28 && op <= 0x3e) {
      if (r.leb() & 0x40) r.leb(); // memarg: alignment (bit 6: a memory index follows), offset
      r.leb();
    } else if (op === 0x41 || op === 0x42) r.leb(true);
    else if (op === 0x43) r.skip(4);
    else if (op === 0x44) r.skip(8);
    else if (op === 0xd0) r.leb(true); // ref.null: heap type
    else if (op === 0xfc) {
      const sub = r.leb();
      if (!(sub in FC_INDICES)) throw new Error(`wasm: opcode 0xfc ${sub} in a function body`);
      for (let i = 0; i < FC_INDICES[sub]; i++) r.leb();
    } else throw new Error(`wasm: opcode 0x${op.toString(16)} at byte ${r.pos - 1}, of a feature this parser does not decode`);
  }
  // A body decoded in step with its instructions ends on its closing `end`.
  if (op !== 0x0b) throw new Error(`wasm: the body ending at byte ${fn.end} does not end with \`end\``);
  return called;
}

// ---------------------------------------------------------------------------------------
// Feature areas

// In order: the first area with a matching path prefix wins, so specific prefixes
// (edgeroom::wasm::webhooks) come before general ones (edgeroom::wasm::). A prefix matches
// where a path starts: at the start of the name or after `<`, `(`, `[`, `&`, `*`, `,`, `;`
// or a space. `names` matches whole names that are not paths.
export const AREAS = [
  {
    id: "tokens",
    label: "tokens (mint, verify, HS256)",
    // edgeroom_mint: crates/mint, minting's hot path; smallvec: jwt-compact's; generic_array: digest's.
    paths: ["edgeroom::token::", "edgeroom_mint::", "sha2::", "hmac::", "digest::", "block_buffer::", "base64::", "uuid::", "jwt_compact::", "smallvec::", "generic_array::", "subtle::"],
  },
  // zmij: serde_json's float formatting.
  { id: "json", label: "JSON", paths: ["edgeroom::json::", "serde_json::", "serde::", "serde_core::", "itoa::", "ryu::", "zmij::"] },
  { id: "hms", label: "100ms endpoints", paths: ["edgeroom::hms::"] },
  { id: "videosdk", label: "VideoSDK endpoints", paths: ["edgeroom::videosdk::"] },
  { id: "webhooks", label: "webhooks", paths: ["edgeroom::webhook::", "edgeroom::wasm::webhooks"] },
  {
    id: "request",
    label: "request path (client, params, validation, HTTP, replies, dates)",
    paths: [
      "edgeroom::client::",
      "edgeroom::call::",
      "edgeroom::request::",
      "edgeroom::reply::",
      "edgeroom::params::",
      "edgeroom::endpoint::",
      "edgeroom::schema::",
      "edgeroom::http",
      "edgeroom::rules",
      "edgeroom::iso8601",
      "edgeroom::http_date",
      "edgeroom::token_cache",
      "httpdate::",
      "chrono::",
    ],
  },
  { id: "errors", label: "errors (shared by every area)", paths: ["edgeroom::error::"] },
  {
    id: "js",
    label: "JS boundary (bindings, wasm-bindgen, js-sys)",
    paths: ["edgeroom::wasm::", "wasm_bindgen::", "wasm_bindgen_futures::", "js_sys::"],
    // What wasm-bindgen generates besides the exports (see classify): shims of imports and
    // exports ("hmscore_appToken externref shim"), casts ("F64 -> Externref"), entry points.
    names: /^(__wbindgen_|__wbg_|__externref_)|\bshim$| -> /,
  },
  {
    id: "allocator",
    label: "allocator (talc)",
    paths: ["talc::", "lock_api::", "dlmalloc::", "std::sys::alloc::"],
    names: /^(__rustc::)?(__rust_(alloc|dealloc|realloc|alloc_zeroed|alloc_error_handler|no_alloc_shim_is_unstable)|__rdl_|__rg_)/,
  },
  {
    id: "core",
    label: "Rust core/alloc library",
    // Only what no area above claims: generic code instantiated for one of the crate's types
    // (`core::ptr::drop_in_place<edgeroom::json::Value>`) goes to that type's area.
    paths: ["core::", "alloc::", "compiler_builtins::", "std::"],
    // compiler-builtins' memory and 128-bit arithmetic; inherent methods of primitives (`<char>::to_digit`).
    names: /^(mem(cpy|move|set|cmp)|bcmp|__(multi|udivti|divti|umodti|modti|ashlti|lshrti|ashrti)3)$|^<[a-z0-9_\[\]&; ]+>::/,
  },
];
export const OTHER = { id: "other", label: "other (no rule matched, or shared across areas)" };
const ALL_AREAS = [...AREAS, OTHER];

/** The demangled name without what only makes it unique: `::h<hash>`, `[<crate hash>]`. */
export function tidy(name) {
  return name.replace(/::h[0-9a-f]{16}$/, "").replace(/\[[0-9a-f]{6,}\]/g, "");
}

/** Where each path in the name starts, in reading order. */
function pathStarts(name) {
  const starts = [0];
  for (let i = 1; i < name.length; i++) if ("<([&*,; ".includes(name[i - 1]) && /[A-Za-z_]/.test(name[i])) starts.push(i);
  return starts;
}

const areaOfPathAt = (name, at) => AREAS.find((a) => a.paths.some((p) => name.startsWith(p, at)));

/**
 * The area of a function, by its tidied name. An exported function whose name is not a
 * Rust path is one wasm-bindgen generated for a JS export (`hmscore_new`,
 * `pendingcall_timeoutMs`): the JS boundary. Otherwise the area of its own path
 * (`edgeroom::json::parse::…`), unless that is library code or a trait impl
 * (`<T as Trait>::…`); then that of the first path in the name that belongs to an area
 * other than the library, i.e. the type the generic code was instantiated for
 * (`<edgeroom::json::Value as core::fmt::Display>::fmt` → JSON). Library code instantiated
 * for no such type stays library.
 */
export function classify(name, { exported = false } = {}) {
  if (exported && !name.includes("::")) return AREAS.find((a) => a.id === "js");
  const byName = AREAS.find((a) => a.names?.test(name));
  if (byName) return byName;
  const own = name.startsWith("<") ? undefined : areaOfPathAt(name, 0);
  if (own && own.id !== "core") return own;
  const areas = pathStarts(name).map((at) => areaOfPathAt(name, at)).filter(Boolean);
  return areas.find((a) => a.id !== "core") ?? areas[0] ?? OTHER;
}

/**
 * Areas for the functions without a name: the bodies wasm-opt's merge-similar-functions
 * creates, shared by the functions it merged (which keep their names and call the shared
 * body). Each takes its callers' area when they agree; when they do not, "other".
 */
function attributeUnnamed(bytes, functions, firstDefined) {
  const callers = new Map(functions.filter((f) => f.area === undefined).map((f) => [f.index, []]));
  if (callers.size === 0) return;
  for (const f of functions) for (const index of callees(bytes, f)) if (index !== f.index) callers.get(index)?.push(f);
  // Shared bodies can call other shared bodies: resolve until nothing changes.
  for (let changed = true; changed; ) {
    changed = false;
    for (const [index, from] of callers) {
      const f = functions[index - firstDefined];
      const areas = new Set(from.map((c) => c.area));
      if (f.area !== undefined || areas.has(undefined) || areas.size === 0) continue;
      f.area = areas.size === 1 ? [...areas][0] : OTHER.id;
      f.name = `(unnamed, shared by ${from.length} functions: ${[...new Set(from.map((c) => c.name))].join(", ")})`;
      changed = true;
    }
  }
  for (const f of functions.filter((x) => x.area === undefined)) {
    f.area = OTHER.id;
    f.name = `(unnamed function ${f.index}, called from no named function)`;
  }
}

// ---------------------------------------------------------------------------------------
// The report

const sum = (xs) => xs.reduce((a, b) => a + b, 0);

function assertEqual(actual, expected, what) {
  if (actual !== expected) throw new Error(`size: ${what}: ${actual} ≠ ${expected} bytes (a parser bug; no table printed)`);
}

/** The named copy must be the shipped wasm plus names: the same sections, the same function sizes. */
function differencesFromShipped(named, shipped) {
  const list = (m) => m.sections.filter((s) => s.name !== "name").map((s) => `${s.kind}${s.name ? ` "${s.name}"` : ""} ${s.bytes} bytes`);
  const [a, b] = [list(named), list(shipped)];
  const differences = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) if (a[i] !== b[i]) differences.push(`section ${i}: named copy ${a[i] ?? "none"}, shipped ${b[i] ?? "none"}`);
  // With names wasm-opt may order the functions differently; their sizes must still match.
  const sorted = (m) => m.functions.map((f) => f.bytes).sort((x, y) => x - y).join(",");
  if (sorted(named) !== sorted(shipped)) differences.push("the function sizes differ");
  return differences;
}

export async function report({ namedPath, shippedPath, entry = "edgeroom" }) {
  const tasks = ENTRIES[entry];
  if (!tasks) throw new Error(`size: --entry ${entry}: not a library of footprint.mjs (${Object.keys(ENTRIES).join(", ")})`);
  const bytes = readFileSync(namedPath);
  const wasm = parseWasm(bytes);
  const shippedBytes = readFileSync(shippedPath);

  // Code: every function body to exactly one area.
  const firstDefined = wasm.imports.func;
  const functions = wasm.functions.map((f, i) => {
    const index = firstDefined + i;
    const raw = wasm.names.get(index);
    const name = raw === undefined ? undefined : tidy(raw);
    return { ...f, index, name, area: name === undefined ? undefined : classify(name, { exported: wasm.exports.has(index) }).id };
  });
  attributeUnnamed(bytes, functions, firstDefined);
  const codeSection = wasm.sections.find((s) => s.id === 10);
  const codeBytes = sum(functions.map((f) => f.bytes));
  const areas = ALL_AREAS.map((a) => {
    const mine = functions.filter((f) => f.area === a.id);
    return { id: a.id, label: a.label, bytes: sum(mine.map((f) => f.bytes)), functions: mine.length };
  });
  assertEqual(sum(areas.map((a) => a.bytes)), codeBytes, "the areas' code bytes against the code section's function bodies");
  assertEqual(codeBytes + codeSection.framing, codeSection.bytes, "the function bodies and framing against the code section");

  // Everything else, by section. The name section is in the analysis copy only.
  const named = wasm.sections.find((s) => s.name === "name");
  const kept = wasm.sections.filter((s) => s !== named);
  const bytesOf = (kinds) => sum(kept.filter((s) => kinds.includes(s.kind)).map((s) => s.bytes));
  const rest = kept.filter((s) => !["code", "data", "import", "export"].includes(s.kind));
  const payload = sum(wasm.segments.map((s) => s.payload));
  const data = bytesOf(["data"]);
  const sections = [
    { id: "code-framing", label: "code section framing (section header, function count)", bytes: codeSection.framing },
    { id: "data", label: `data (rodata), ${wasm.segments.length} segments: ${payload.toLocaleString("en")} payload + ${(data - payload).toLocaleString("en")} framing`, bytes: data },
    { id: "imports", label: `imports (${wasm.imports.func} functions from the JS glue)`, bytes: bytesOf(["import"]) },
    { id: "exports", label: `exports (${sum([...wasm.exports.values()].map((n) => n.length))} functions)`, bytes: bytesOf(["export"]) },
    {
      id: "other-sections",
      label: "other sections (type, function, table, memory, global, element, …) and header",
      bytes: sum(rest.map((s) => s.bytes)) + wasm.header,
      parts: Object.fromEntries([...rest.map((s) => [s.name ?? s.kind, s.bytes]), ["header", wasm.header]]),
    },
  ];
  const total = codeBytes + sum(sections.map((s) => s.bytes));
  assertEqual(total + (named?.bytes ?? 0), bytes.length, "every area and section row against the file size");

  // What a bundler ships beside the wasm: the JS of the footprint section's entries of this
  // library (the full entry's, or the token entry's).
  const js = async (source) => {
    if (!source) return undefined;
    const m = await measure(source);
    return m.error ? { error: m.error } : m.js;
  };
  return {
    named: { path: namedPath.replace(ROOT, ""), bytes: bytes.length, nameSection: named?.bytes ?? 0 },
    shipped: { path: shippedPath.replace(ROOT, ""), ...sizes(shippedBytes), differences: differencesFromShipped(wasm, parseWasm(shippedBytes)) },
    functions: functions.length,
    importedFunctions: firstDefined,
    codeBytes,
    total,
    areas,
    sections,
    // Every function, largest first: two runs' lists diff into what grew.
    byFunction: [...functions].sort((a, b) => b.bytes - a.bytes || a.name.localeCompare(b.name)).map(({ name, area, bytes }) => ({ name, area, bytes })),
    unmatched: functions.filter((f) => f.area === OTHER.id).map((f) => f.name),
    entry,
    js: { mint: await js(tasks.mint), room: await js(tasks.room) },
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = parseArgs(process.argv.slice(2), { named: `${ROOT}target/edgeroom-named.wasm`, shipped: `${ROOT}pkg/wasm/edgeroom_bg.wasm`, entry: "edgeroom" });
  console.log(JSON.stringify(await report({ namedPath: args.named, shippedPath: args.shipped, entry: String(args.entry) })));
}
