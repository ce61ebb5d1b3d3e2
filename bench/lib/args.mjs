/** `--name value` pairs (numbers where numeric; a flag with no value is `true`), the rest as `_`. */
export function parseArgs(argv, defaults = {}) {
  const out = { ...defaults, _: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith("--")) {
      out._.push(a);
      continue;
    }
    const next = argv[i + 1];
    if (next === undefined || next.startsWith("--")) {
      out[a.slice(2)] = true;
    } else {
      out[a.slice(2)] = next !== "" && !Number.isNaN(Number(next)) ? Number(next) : next;
      i++;
    }
  }
  return out;
}
