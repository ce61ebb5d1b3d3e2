// A careful reader of the official SDKs' published declarations (their .d.ts in node_modules),
// enough to list the fields of a method's params type and make a value of each field's type.
// (The typescript devDependency is the native compiler, which has no JavaScript API, so the
// declarations are read here: interfaces with `extends`, type aliases, `import`s and
// `import * as` namespaces, classes' method signatures; types as unions, intersections,
// literals, object literals, arrays, `Record`, `Partial`, `Omit`.)

import { readFileSync } from "node:fs";
import { dirname, resolve as resolvePath } from "node:path";

const modules = new Map();

/** The declarations of the module at `file` (cached). */
export function module(file) {
  if (!modules.has(file)) modules.set(file, parseModule(file));
  return modules.get(file);
}

function stripComments(text) {
  return text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'])\/\/.*$/gm, "$1");
}

/** The text from `open` (index of a `{`) to its matching `}` (exclusive), and the end index. */
function block(text, open) {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === "'") {
      i = text.indexOf(c, i + 1);
      continue;
    }
    if (c === "{") depth++;
    else if (c === "}" && --depth === 0) return [text.slice(open + 1, i), i + 1];
  }
  throw new Error("unbalanced braces");
}

function parseModule(file) {
  const text = stripComments(readFileSync(file, "utf8"));
  const m = { file, decls: new Map(), imports: new Map(), namespaces: new Map(), classes: new Map() };
  const dir = dirname(file);
  const target = (spec) => {
    const base = resolvePath(dir, spec);
    for (const candidate of [`${base}.d.ts`, `${base}/index.d.ts`]) {
      try {
        readFileSync(candidate);
        return candidate;
      } catch {}
    }
    throw new Error(`cannot resolve ${spec} from ${file}`);
  };
  for (const [, names, spec] of text.matchAll(/import\s*(?:type\s*)?\{([^}]*)\}\s*from\s*"([^"]+)"/g)) {
    for (const n of names.split(",").map((s) => s.trim()).filter(Boolean)) {
      const [orig, alias] = n.split(/\s+as\s+/);
      m.imports.set((alias ?? orig).trim(), { file: target(spec), name: orig.trim() });
    }
  }
  for (const [, ns, spec] of text.matchAll(/import\s+\*\s+as\s+(\w+)\s+from\s+"([^"]+)"/g)) {
    m.namespaces.set(ns, target(spec));
  }
  const declRe = /(?:export\s+)?(?:default\s+)?(?:declare\s+)?(interface|class|type)\s+(\w+)(<[^>{=]*>)?/g;
  let match;
  while ((match = declRe.exec(text))) {
    const [, kind, name, generics] = match;
    let i = declRe.lastIndex;
    if (kind === "type") {
      const eq = text.indexOf("=", i);
      // `export { type X, ... }` names a type; only `type X = ...` declares one.
      if (eq === -1 || /[,;{}]/.test(text.slice(i, eq))) continue;
      // The alias ends at the first `;` outside braces, brackets and parentheses.
      let depth = 0;
      let j = eq + 1;
      for (; j < text.length; j++) {
        const c = text[j];
        if (c === '"' || c === "'") j = text.indexOf(c, j + 1);
        else if (c === "=" && text[j + 1] === ">") j++;
        else if ("{([<".includes(c)) depth++;
        else if ("})]>".includes(c)) depth--;
        else if (c === ";" && depth === 0) break;
      }
      m.decls.set(name, { kind: "type", params: typeParams(generics), type: parseType(text.slice(eq + 1, j)) });
      declRe.lastIndex = j;
      continue;
    }
    const open = text.indexOf("{", i);
    if (open === -1 || /[;=]/.test(text.slice(i, open).replace(/=>/g, ""))) continue;
    const heading = text.slice(i, open);
    const [body, end] = block(text, open);
    declRe.lastIndex = end;
    if (kind === "class") {
      m.classes.set(name, parseClass(body));
      continue;
    }
    const ext = /extends\s+([\s\S]*)/.exec(heading);
    const bases = ext ? splitTop(ext[1], ",").map(parseType) : [];
    m.decls.set(name, { kind: "interface", params: typeParams(generics), bases, type: parseType(`{${body}}`) });
  }
  return m;
}

function typeParams(generics) {
  return generics ? generics.slice(1, -1).split(",").map((s) => s.trim().split(/\s/)[0]) : [];
}

/** `text` split at `sep` outside any nesting. */
function splitTop(text, sep) {
  const out = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === "'") i = text.indexOf(c, i + 1);
    else if (c === "=" && text[i + 1] === ">") i++;
    else if ("{([<".includes(c)) depth++;
    else if ("})]>".includes(c)) depth--;
    else if (c === sep && depth === 0) {
      out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  out.push(text.slice(start));
  return out.map((s) => s.trim()).filter(Boolean);
}

/** A class's methods: name → parameter list [{ name, optional, type }]. */
function parseClass(body) {
  const methods = new Map();
  for (const member of splitTop(body, ";")) {
    const m = /^(?:(?:public|readonly|static|async)\s+)*(\w+)\s*(<[^(]*>)?\s*\(([\s\S]*)\)\s*:/.exec(member);
    if (!m || /^(private|protected)\b/.test(member)) continue;
    const params = splitTop(m[3], ",").map((p) => {
      const parts = /^(?:\.\.\.)?(\w+)(\??)\s*:\s*([\s\S]*)$/.exec(p);
      if (!parts) return { name: p, optional: true, type: { kind: "ref", name: "unknown", args: [] } };
      const [, name, optional, type] = parts;
      return { name, optional: optional === "?", type: parseType(type) };
    });
    if (!methods.has(m[1])) methods.set(m[1], params);
  }
  return methods;
}

// ---- types ----

function tokenize(text) {
  const tokens = [];
  const re = /\s*("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|-?\d+(?:\.\d+)?|[A-Za-z_$][\w$.]*|=>|\.\.\.|[{}()[\]<>|&,;:?=])/y;
  let m;
  while (re.lastIndex < text.length && (m = re.exec(text))) tokens.push(m[1]);
  return tokens;
}

export function parseType(text) {
  try {
    return parseTypeOrThrow(text);
  } catch {
    return { kind: "ref", name: "unknown", args: [] };
  }
}

function parseTypeOrThrow(text) {
  const t = tokenize(text);
  let i = 0;
  const peek = () => {
    if (i > t.length) throw new Error(`unexpected end of ${text}`);
    return t[i];
  };
  const eat = (tok) => {
    if (t[i] !== tok) throw new Error(`expected ${tok}, got ${t[i]} in ${text}`);
    i++;
  };
  const union = () => {
    if (peek() === "|") i++;
    const types = [inter()];
    while (peek() === "|") {
      i++;
      types.push(inter());
    }
    return types.length === 1 ? types[0] : { kind: "union", types };
  };
  const inter = () => {
    const types = [postfix()];
    while (peek() === "&") {
      i++;
      types.push(postfix());
    }
    return types.length === 1 ? types[0] : { kind: "inter", types };
  };
  const postfix = () => {
    let type = primary();
    while (peek() === "[" && t[i + 1] === "]") {
      i += 2;
      type = { kind: "array", elem: type };
    }
    return type;
  };
  const primary = () => {
    const tok = t[i++];
    if (tok === "(") {
      // A parenthesised type, or a function type (kept as `function`).
      let depth = 1;
      const start = i;
      while (depth > 0) {
        if (i > t.length) throw new Error("unterminated parenthesis");
        if (t[i] === "(") depth++;
        if (t[i] === ")") depth--;
        i++;
      }
      if (peek() === "=>") {
        i++;
        union();
        return { kind: "function" };
      }
      return parseTypeOrThrow(t.slice(start, i - 1).join(" "));
    }
    if (tok === "{") {
      const members = [];
      let index = null;
      while (peek() !== "}") {
        if (i >= t.length) throw new Error(`unterminated object in ${text}`);
        if (peek() === ";" || peek() === ",") {
          i++;
          continue;
        }
        if (peek() === "readonly") i++;
        if (peek() === "[") {
          i++;
          while (peek() !== "]") if (i++ > t.length) throw new Error("unterminated index");
          eat("]");
          eat(":");
          index = union();
          continue;
        }
        const name = t[i++].replace(/^["']|["']$/g, "");
        let optional = false;
        if (peek() === "?") {
          optional = true;
          i++;
        }
        if (peek() === "<") {
          // A generic method member: skip its type parameters.
          let depth = 0;
          do {
            if (t[i] === "<") depth++;
            if (t[i] === ">") depth--;
            i++;
          } while (depth > 0 && i <= t.length);
        }
        if (peek() === "(") {
          // A method member: skip its signature.
          let depth = 0;
          do {
            if (t[i] === "(") depth++;
            if (t[i] === ")") depth--;
            i++;
          } while (depth > 0 && i <= t.length);
          eat(":");
          union();
          continue;
        }
        eat(":");
        members.push({ name, optional, type: union() });
      }
      eat("}");
      return { kind: "obj", members, index };
    }
    if (/^["']/.test(tok)) return { kind: "lit", value: tok.slice(1, -1) };
    if (/^-?\d/.test(tok)) return { kind: "lit", value: Number(tok) };
    if (tok === "true" || tok === "false") return { kind: "lit", value: tok === "true" };
    const ref = { kind: "ref", name: tok, args: [] };
    if (peek() === "<") {
      i++;
      ref.args.push(union());
      while (peek() === ",") {
        i++;
        ref.args.push(union());
      }
      eat(">");
    }
    return ref;
  };
  const type = union();
  return type;
}

const PRIMITIVES = new Set(["string", "number", "boolean", "unknown", "any", "undefined", "null", "void", "Date", "object", "never"]);

/** The declaration a reference names, seen from module `file`: { decl, file } or null. */
function lookup(file, name) {
  const m = module(file);
  const [head, ...rest] = name.split(".");
  if (rest.length > 0) {
    const imp = m.imports.get(head);
    const ns = m.namespaces.get(head) ?? (imp && module(imp.file).namespaces.get(imp.name));
    return ns ? lookup(ns, rest.join(".")) : null;
  }
  if (m.decls.has(name)) return { decl: m.decls.get(name), file };
  if (m.imports.has(name)) {
    const imp = m.imports.get(name);
    return lookup(imp.file, imp.name);
  }
  return null;
}

/**
 * A type resolved to its structure: `{ kind: "obj", members: [{ name, optional, type, file }] }`,
 * `{ kind: "union", types }`, `{ kind: "array", elem }`, `{ kind: "lit" }`, or a primitive
 * `{ kind: "prim", name }`. Each part carries the module it was written in.
 */
export function resolve(type, file, env = new Map(), depth = 0) {
  if (depth > 20) return { kind: "prim", name: "unknown" };
  const again = (t, f = file, e = env) => resolve(t, f, e, depth + 1);
  switch (type.kind) {
    case "lit":
    case "function":
      return type;
    case "array":
      return { kind: "array", elem: again(type.elem) };
    case "union": {
      const types = type.types.map((t) => again(t)).flatMap((t) => (t.kind === "union" ? t.types : [t]));
      return { kind: "union", types };
    }
    case "inter": {
      const parts = type.types.map((t) => again(t));
      const objs = parts.filter((p) => p.kind === "obj");
      if (objs.length === 0) return parts[0];
      return { kind: "obj", members: mergeMembers(objs.flatMap((o) => o.members)), index: objs.find((o) => o.index)?.index ?? null };
    }
    case "obj":
      return {
        kind: "obj",
        members: type.members.map((mem) => ({ ...mem, type: again(mem.type) })),
        index: type.index ? again(type.index) : null,
      };
    case "ref": {
      if (env.has(type.name)) return env.get(type.name);
      if (PRIMITIVES.has(type.name)) return { kind: "prim", name: type.name };
      if (type.name === "Array" || type.name === "ReadonlyArray") return { kind: "array", elem: again(type.args[0]) };
      if (type.name === "Record") return { kind: "obj", members: [], index: again(type.args[1]) };
      if (type.name === "Partial") {
        const inner = again(type.args[0]);
        return inner.kind === "obj" ? { ...inner, members: inner.members.map((m) => ({ ...m, optional: true })) } : inner;
      }
      if (type.name === "Omit") {
        const inner = again(type.args[0]);
        const drop = again(type.args[1]);
        const names = new Set((drop.kind === "union" ? drop.types : [drop]).map((d) => d.value));
        return inner.kind === "obj" ? { ...inner, members: inner.members.filter((m) => !names.has(m.name)) } : inner;
      }
      const found = lookup(file, type.name);
      if (!found) return { kind: "prim", name: "unknown", ref: type.name };
      const { decl, file: at } = found;
      const inner = new Map(decl.params.map((p, k) => [p, type.args[k] ? again(type.args[k]) : { kind: "prim", name: "unknown" }]));
      const body = resolve(decl.type, at, inner, depth + 1);
      if (decl.kind !== "interface" || decl.bases.length === 0) return body;
      const bases = decl.bases.map((b) => resolve(b, at, inner, depth + 1)).filter((b) => b.kind === "obj");
      return {
        kind: "obj",
        members: mergeMembers([...bases.flatMap((b) => b.members), ...body.members]),
        index: body.index ?? bases.find((b) => b.index)?.index ?? null,
      };
    }
    default:
      return { kind: "prim", name: "unknown" };
  }
}

function mergeMembers(members) {
  const byName = new Map();
  for (const m of members) byName.set(m.name, m);
  return [...byName.values()];
}

/** The parameters of `className.method` in the module `file`: [{ name, optional, type }], resolved. */
export function methodParams(file, className, method) {
  const m = module(file);
  const cls = m.classes.get(className);
  if (!cls) throw new Error(`${className} is not declared in ${file}`);
  const params = cls.get(method);
  if (!params) throw new Error(`${className}.${method} is not declared`);
  return params.map((p) => ({ ...p, type: resolve(p.type, file) }));
}

/** The object members of a params type (for a union, those of its object members). */
export function fieldsOf(type) {
  const objs = (type.kind === "union" ? type.types : [type]).filter((t) => t.kind === "obj");
  return mergeMembers(objs.flatMap((o) => o.members));
}
