// Hostile values for the hostile-input test, as plain-data "specs" that fast-check can
// generate, shrink and print, and that `materialize` turns into the real thing at call time
// (Proxies whose traps throw, getters that throw, cycles, 10k-deep nesting, revoked proxies,
// lone surrogates, BigInts, Symbols, Dates, typed arrays...). Keeping the spec separate
// means a finding can always be described, even when the value itself cannot be printed.

import fc from "fast-check";
import { createHmac } from "node:crypto";

/** Errors thrown by our own traps and getters carry this mark. */
export const HOSTILE = Symbol.for("edgeroom.hostile");

export class HostileTrap extends Error {
  constructor(where) {
    super(`hostile trap: ${where}`);
    this.name = "HostileTrap";
    this[HOSTILE] = true;
  }
}
const trap = (where) => () => {
  throw new HostileTrap(where);
};

export const SECRET = "sk-hostile-secret-0123456789";
export const ACCESS_KEY = "ak-hostile";
export const MB = 1 << 20;

// ----------------------------------------------------------------------------------------
// Named constants. `fresh` ones are rebuilt for every use (a Request's body reads once).

const b64url = (text) => Buffer.from(text).toString("base64url");
/** An HS256 token over arbitrary claims, signed with SECRET (node:crypto, independent of edgeroom). */
export function signToken(claims, header = { alg: "HS256", typ: "JWT" }, secret = SECRET) {
  const input = `${b64url(JSON.stringify(header))}.${b64url(typeof claims === "string" ? claims : JSON.stringify(claims))}`;
  return `${input}.${createHmac("sha256", secret).update(input).digest("base64url")}`;
}
const FUTURE = 4_000_000_000;

function deep(levels, array) {
  let v = array ? [] : {};
  for (let i = 0; i < levels; i++) v = array ? [v] : { a: v };
  return v;
}
function allTrapsThrow(where) {
  const t = trap(where);
  return {
    get: t, set: t, has: t, ownKeys: t, getOwnPropertyDescriptor: t, defineProperty: t, deleteProperty: t,
    getPrototypeOf: t, setPrototypeOf: t, isExtensible: t, preventExtensions: t, apply: t, construct: t,
  };
}
function revoked(target) {
  const { proxy, revoke } = Proxy.revocable(target, {});
  revoke();
  return proxy;
}

const CONSTANTS = {
  undefined: () => undefined,
  null: () => null,
  true: () => true,
  false: () => false,
  zero: () => 0,
  negZero: () => -0,
  NaN: () => NaN,
  Infinity: () => Infinity,
  negInfinity: () => -Infinity,
  two53: () => 2 ** 53,
  two53plus2: () => 2 ** 53 + 2,
  negTwo53minus2: () => -(2 ** 53) - 2,
  maxValue: () => Number.MAX_VALUE,
  minValue: () => Number.MIN_VALUE,
  e21: () => 1e21,
  half: () => 0.5,
  two32: () => 2 ** 32,
  bigint: () => 10n,
  hugeBigint: () => -(2n ** 70n),
  emptyString: () => "",
  loneHigh: () => "\uD800",
  loneLow: () => "x\uDC00y",
  nul: () => "a\u0000b",
  newline: () => "a\nb",
  dot: () => ".",
  dotdot: () => "..",
  pathy: () => "../a/b?c=d&e#f g",
  rtl: () => "\u202Eevil",
  emoji: () => "😀".repeat(64),
  long257: () => "x".repeat(257),
  str1MB: () => "a".repeat(MB),
  str1MBAstral: () => "😀".repeat(MB / 4),
  str1MBLoneSurrogate: () => "a".repeat(MB - 1) + "\uD800",
  protoString: () => "__proto__",
  symbol: () => Symbol("hostile"),
  symbolIterator: () => Symbol.iterator,
  arrow: () => () => 1,
  asyncFn: () => async () => 1,
  throwingFn: () => trap("function called"),
  nativeFn: () => Math.max,
  klass: () => class Hostile {},
  callableProxyThrows: () => new Proxy(function () {}, allTrapsThrow("callable proxy")),
  deepObject10k: () => deep(10_000, false),
  deepArray10k: () => deep(10_000, true),
  cyclicObject: () => {
    const o = { name: "loop" };
    o.self = o;
    return o;
  },
  cyclicArray: () => {
    const a = [1];
    a.push(a);
    return a;
  },
  dateNow: () => new Date(1_700_000_000_000),
  dateInvalid: () => new Date(NaN),
  dateMax: () => new Date(8.64e15),
  dateMin: () => new Date(-8.64e15),
  dateGetTimeThrows: () => Object.assign(new Date(), { getTime: trap("Date#getTime") }),
  dateToIsoNumber: () => Object.assign(new Date(), { toISOString: () => 5 }),
  fakeDate: () => Object.create(Date.prototype),
  uint8: () => new Uint8Array([0, 1, 2, 255]),
  uint8Empty: () => new Uint8Array(0),
  uint8Invalid: () => new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]),
  float64: () => new Float64Array([NaN, -0, Infinity]),
  bigint64: () => new BigInt64Array([1n, -1n]),
  uint16: () => new Uint16Array([0xd800, 0x41]),
  arrayBuffer: () => new ArrayBuffer(8),
  sharedArrayBuffer: () => new SharedArrayBuffer(8),
  dataView: () => new DataView(new ArrayBuffer(4)),
  map: () => new Map([["a", 1]]),
  set: () => new Set([1]),
  weakMap: () => new WeakMap(),
  regexp: () => /x/g,
  error: () => new Error("an error"),
  fakeEdgeroomError: () => Object.assign(new Error("fake"), { name: "EdgeroomError", code: "invalid_argument" }),
  promise: () => Promise.resolve(1),
  rejectedPromise: () => {
    const p = Promise.reject(new HostileTrap("rejected promise"));
    p.catch(() => {});
    return p;
  },
  thenableThrows: () => ({ then: trap("then") }),
  boxedString: () => new String("room-1"),
  boxedNumber: () => new Number(5),
  boxedBoolean: () => new Boolean(false),
  boxedSymbol: () => Object(Symbol("boxed")),
  boxedBigint: () => Object(1n),
  nullProtoEmpty: () => Object.create(null),
  proxyAllThrow: () => new Proxy({}, allTrapsThrow("object proxy")),
  proxyArrayAllThrow: () => new Proxy([1, 2], allTrapsThrow("array proxy")),
  proxyArrayGetThrows: () => new Proxy(["a", "b"], { get: trap("array proxy get") }),
  proxyDuplicateKeys: () => new Proxy({}, { ownKeys: () => ["a", "a"] }),
  proxyPhantomKeys: () =>
    new Proxy({}, {
      ownKeys: () => ["accessKey", "secret"],
      getOwnPropertyDescriptor: () => ({ value: "v", enumerable: true, configurable: true }),
    }),
  revokedObject: () => revoked({}),
  revokedArray: () => revoked([]),
  revokedFunction: () => revoked(function () {}),
  arrayIndexGetterThrows: () => {
    const a = ["a"];
    Object.defineProperty(a, 0, { get: trap("array index getter") });
    return a;
  },
  arrayIteratorThrows: () => {
    const a = ["a"];
    a[Symbol.iterator] = trap("array iterator");
    return a;
  },
  sparseArray: () => {
    const a = [];
    a.length = 100_000;
    a[99_999] = "last";
    return a;
  },
  hugeArray: () => new Array(200_000).fill("x"),
  protoJson: () => JSON.parse('{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}}}'),
  protoAssigned: () => {
    const o = {};
    o.__proto__ = { polluted: "inherited" };
    return o;
  },
  constructorPrototype: () => ({ constructor: { prototype: { polluted: "yes" } }, prototype: { polluted: "yes" } }),
  getterThrowsToString: () => ({ toString: trap("toString"), valueOf: trap("valueOf") }),
  symbolKeyed: () => ({ [Symbol("k")]: 1, a: 1 }),
  nonEnumerable: () => Object.defineProperty({}, "secret", { value: "x", enumerable: false }),
  abortedSignal: () => AbortSignal.abort(new HostileTrap("abort reason")),
  liveSignal: () => new AbortController().signal,
  fakeSignal: () => ({ aborted: false }),
  fakeAbortedSignal: () => ({ aborted: true }),
  signalGetterThrows: () => ({ get aborted() { throw new HostileTrap("aborted getter"); } }),
  headersObject: () => new Headers({ "x-hook-secret": "s3cret" }),
  url: () => new URL("https://example.test/x"),
  response: () => new Response("{}"),
  usedRequest: { fresh: true, make: () => {
    const r = new Request("https://hook.test/", { method: "POST", body: "{}" });
    r.text();
    return r;
  } },
  request: { fresh: true, make: () => new Request("https://hook.test/", { method: "POST", body: "{}" }) },
  requestNoBody: { fresh: true, make: () => new Request("https://hook.test/") },
  fakeRequestThrows: () => ({ headers: {}, arrayBuffer: trap("arrayBuffer") }),
  fakeRequestHuge: () => ({ headers: {}, arrayBuffer: async () => new ArrayBuffer(MB + 1) }),
  fakeRequestNotBuffer: () => ({ headers: {}, arrayBuffer: async () => "not a buffer" }),
  // Plausible strings, so calls get past the first check and reach the deep ones.
  roomId: () => "room-1",
  roleName: () => "host",
  roomCode: () => "abc-defg-hij",
  secret: () => SECRET,
  accessKey: () => ACCESS_KEY,
  pemGarbage: () => "-----BEGIN PUBLIC KEY-----\nnot base64!\n-----END PUBLIC KEY-----",
  isoDate: () => "2024-01-31T12:00:00Z",
  tokenApp: () => signToken({ type: "app", room_id: "room-1", exp: FUTURE, iat: 1_700_000_000 }),
  tokenManagement: () => signToken({ type: "management", exp: FUTURE }),
  tokenExpired: () => signToken({ type: "app", exp: 1_000_000_000 }),
  tokenNoExp: () => signToken({ type: "app" }),
  tokenFutureNbf: () => signToken({ exp: FUTURE, nbf: FUTURE - 10 }),
  tokenNbfAtChronoMin: () => signToken({ exp: FUTURE, nbf: -8_334_601_228_800 }),
  tokenNbfFloat: () => signToken({ exp: FUTURE, nbf: -1e300 }),
  tokenBigClaim: () => signToken({ exp: FUTURE, big: 2 ** 60 }, undefined),
  tokenBigClaimExact: () => signToken(`{"exp":${FUTURE},"big":9007199254740993}`),
  tokenProtoClaim: () => signToken(`{"exp":${FUTURE},"__proto__":{"admin":true}}`),
  tokenAlgNone: () => `${b64url('{"alg":"none"}')}.${b64url(`{"exp":${FUTURE}}`)}.`,
  tokenHs512: () => signToken({ exp: FUTURE }, { alg: "HS512" }),
  tokenWrongSecret: () => signToken({ exp: FUTURE }, undefined, "another-secret"),
  tokenGarbage: () => "a.b.c",
  tokenFourParts: () => "a.b.c.d",
  tokenHugeClaims: () => signToken({ exp: FUTURE, pad: "x".repeat(MB) }),
};
export const CONSTANT_NAMES = Object.keys(CONSTANTS);
const cache = new Map();
function constant(name) {
  const entry = CONSTANTS[name];
  if (typeof entry === "object") return entry.make();
  if (!cache.has(name)) cache.set(name, entry());
  return cache.get(name);
}

/** Injected by the test: the recording fetch and other context values, by name. */
const injected = new Map();
export function inject(name, value) {
  injected.set(name, value);
}

// ----------------------------------------------------------------------------------------
// Specs → values.

export const OBJECT_WRAPS = [
  "plain", "plain", "plain", "assign", "nullProto", "json", "frozen", "getters", "gettersThrow",
  "proxyAllThrow", "proxyGetThrows", "revoked", "inherited",
];
export const ARRAY_WRAPS = ["plain", "plain", "plain", "sparse", "indexGetterThrows", "proxyAllThrow", "proxyGetThrows", "revoked", "subclassIteratorThrows"];

function jsonText(value, depth = 0) {
  try {
    const text = JSON.stringify(value, (_, v) => (typeof v === "bigint" ? Number(v) : v));
    return text === undefined ? "null" : text;
  } catch {
    return "null";
  }
}

export function materialize(spec) {
  switch (spec.k) {
    case "const":
      return constant(spec.name);
    case "inject":
      return injected.get(spec.name);
    case "value":
      return spec.v;
    case "obj": {
      // Later entries win, as in an object literal.
      const entries = [...new Map(spec.entries.map(([key, value]) => [key, materialize(value)]))];
      const own = (target) => {
        for (const [key, value] of entries) {
          Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
        }
        return target;
      };
      switch (spec.wrap) {
        case "assign": {
          const o = {};
          for (const [key, value] of entries) {
            try {
              o[key] = value; // "__proto__" sets the prototype here
            } catch {
              Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
            }
          }
          return o;
        }
        case "nullProto":
          return own(Object.create(null));
        case "json":
          return JSON.parse(`{${entries.map(([k, v]) => `${JSON.stringify(k)}:${jsonText(v)}`).join(",")}}`);
        case "frozen":
          return Object.freeze(own({}));
        case "getters": {
          const o = {};
          for (const [key, value] of entries) Object.defineProperty(o, key, { get: () => value, enumerable: true, configurable: true });
          return o;
        }
        case "gettersThrow": {
          const o = {};
          for (const [key] of entries) Object.defineProperty(o, key, { get: trap(`getter ${key}`), enumerable: true, configurable: true });
          return o;
        }
        case "proxyAllThrow":
          return new Proxy(own({}), allTrapsThrow("object proxy"));
        case "proxyGetThrows":
          return new Proxy(own({}), { get: trap("proxy get") });
        case "revoked":
          return revoked(own({}));
        case "inherited": {
          // The values sit on the prototype: not own keys, but readable by `obj.key`.
          return Object.create(own({}));
        }
        default:
          return own({});
      }
    }
    case "arr": {
      const items = spec.items.map(materialize);
      switch (spec.wrap) {
        case "sparse": {
          const a = [];
          items.forEach((item, i) => (a[i * 3 + 1] = item));
          a.length = items.length * 3 + 2;
          return a;
        }
        case "indexGetterThrows": {
          const a = [...items, "tail"];
          Object.defineProperty(a, a.length - 1, { get: trap("array index getter"), enumerable: true });
          return a;
        }
        case "proxyAllThrow":
          return new Proxy(items, allTrapsThrow("array proxy"));
        case "proxyGetThrows":
          return new Proxy(items, { get: trap("array proxy get") });
        case "revoked":
          return revoked(items);
        case "subclassIteratorThrows": {
          class HostileArray extends Array {}
          const a = HostileArray.from(items);
          a[Symbol.iterator] = trap("array iterator");
          return a;
        }
        default:
          return items;
      }
    }
    default:
      throw new Error(`unknown spec ${JSON.stringify(spec)}`);
  }
}

/** A short, always-printable description of a spec. */
export function describe(spec, depth = 0) {
  if (depth > 4) return "…";
  switch (spec.k) {
    case "const":
      return `<${spec.name}>`;
    case "inject":
      return `<${spec.name}>`;
    case "value":
      return typeof spec.v === "bigint" ? `${spec.v}n` : typeof spec.v === "string" ? JSON.stringify(spec.v.length > 60 ? `${spec.v.slice(0, 60)}…(${spec.v.length})` : spec.v) : Object.is(spec.v, -0) ? "-0" : String(spec.v);
    case "obj": {
      const inner = spec.entries.map(([k, v]) => `${JSON.stringify(k)}: ${describe(v, depth + 1)}`).join(", ");
      return `${spec.wrap === "plain" ? "" : `${spec.wrap}`}{${inner}}`;
    }
    case "arr":
      return `${spec.wrap === "plain" ? "" : spec.wrap}[${spec.items.map((v) => describe(v, depth + 1)).join(", ")}]`;
    case "request":
      return `Request(headers ${describe(spec.headers, depth + 1)}, body ${describe(spec.body, depth + 1)})`;
    default:
      return "?";
  }
}

// ----------------------------------------------------------------------------------------
// Arbitraries.

export const c = (name) => ({ k: "const", name });
export const v = (value) => ({ k: "value", v: value });
export const inj = (name) => ({ k: "inject", name });
export const obj = (entries, wrap = "plain") => ({ k: "obj", entries, wrap });
export const arr = (items, wrap = "plain") => ({ k: "arr", items, wrap });

/** Every option and field name the API knows, and the names that attack prototypes. */
export const KNOWN_KEYS = [
  "accessKey", "apiKey", "secret", "baseUrl", "authBaseUrl", "fetch", "timeoutMs", "retries", "retryMaxDelayMs",
  "onRetry", "validForSeconds", "forceNew", "roomId", "role", "userId", "issuedAt", "notValidBefore", "permissions",
  "roles", "participantId", "type", "leewaySeconds", "code", "signal", "headers", "basicAuth", "username", "password",
  "maxAgeSeconds", "allowUnauthenticated", "publicKey", "name", "description", "template_id", "region", "size",
  "large_room", "max_duration_seconds", "recording_info", "upload_info", "webhook", "url", "enabled", "limit",
  "start", "after", "before", "peer_id", "message", "reason", "lock", "metadata", "customRoomId", "page", "perPage",
  "sessionId", "id", "rtmp_urls", "outputs", "meeting_url", "resolution", "config", "templateUrl", "events",
  "endPoint", "x-hook-secret",
];
export const ATTACK_KEYS = ["__proto__", "constructor", "prototype", "then", "toJSON", "toString", "valueOf", "length", "0", ""];

export const keyArb = fc.oneof(
  { arbitrary: fc.constantFrom(...KNOWN_KEYS), weight: 8 },
  { arbitrary: fc.constantFrom(...ATTACK_KEYS), weight: 2 },
  { arbitrary: fc.string({ unit: "binary", maxLength: 12 }), weight: 1 },
);

export const leafArb = fc.oneof(
  { arbitrary: fc.constantFrom(...CONSTANT_NAMES).map(c), weight: 10 },
  { arbitrary: fc.string({ unit: "binary", maxLength: 40 }).map(v), weight: 2 },
  { arbitrary: fc.constantFrom("room-1", "host", "app", "guest", "allow_join", "crawler", "eu", "s3", "x-hook-secret").map(v), weight: 2 },
  { arbitrary: fc.double().map(v), weight: 2 },
  { arbitrary: fc.integer({ min: -5, max: 700_000 }).map(v), weight: 2 },
  { arbitrary: fc.bigInt({ min: -(2n ** 80n), max: 2n ** 80n }).map(v), weight: 1 },
  { arbitrary: fc.boolean().map(v), weight: 1 },
);

export const hostileArb = fc.letrec((tie) => ({
  node: fc.oneof(
    { maxDepth: 3, depthIdentifier: "hostile" },
    { arbitrary: leafArb, weight: 6 },
    { arbitrary: tie("object"), weight: 3 },
    { arbitrary: tie("array"), weight: 1 },
  ),
  object: fc
    .record({ entries: fc.array(fc.tuple(keyArb, tie("node")), { maxLength: 5 }), wrap: fc.constantFrom(...OBJECT_WRAPS) })
    .map(({ entries, wrap }) => obj(entries, wrap)),
  array: fc
    .record({ items: fc.array(tie("node"), { maxLength: 4 }), wrap: fc.constantFrom(...ARRAY_WRAPS) })
    .map(({ items, wrap }) => arr(items, wrap)),
})).node;

/**
 * A valid object (`base`: [key, spec] pairs) with hostile changes: a key replaced, a key
 * added, keys dropped, or the whole object wrapped in something hostile.
 */
export function nearly(base) {
  return fc
    .record({
      keep: fc.array(fc.boolean(), { minLength: base.length, maxLength: base.length }),
      extra: fc.array(fc.tuple(keyArb, hostileArb), { maxLength: 2 }),
      wrap: fc.oneof({ arbitrary: fc.constant("plain"), weight: 6 }, { arbitrary: fc.constantFrom(...OBJECT_WRAPS), weight: 2 }),
    })
    .map(({ keep, extra, wrap }) => {
      const entries = base.filter((_, i) => keep[i] || i === 0);
      for (const [key, value] of extra) {
        const at = entries.findIndex(([k]) => k === key);
        if (at >= 0) entries[at] = [key, value];
        else entries.push([key, value]);
      }
      return obj(entries, wrap);
    });
}

/** Mostly `valid`, otherwise `nearly(valid entries)` or anything hostile. */
export function argArb(validSpecs, nearlyBase) {
  const arbs = [{ arbitrary: fc.constantFrom(...validSpecs), weight: 4 }, { arbitrary: hostileArb, weight: 3 }];
  if (nearlyBase) arbs.push({ arbitrary: nearly(nearlyBase), weight: 4 });
  return fc.oneof(...arbs);
}
