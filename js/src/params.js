// A call's params as the JSON text the wasm reads: one `JSON.stringify` here, so the call
// crosses into wasm once with a string and the wasm never calls back into JavaScript for it.
//
// Not serde-wasm-bindgen, which reads a struct by getting each declared field: a misspelled
// key would be dropped without a word, and a getter or Proxy trap that throws would throw
// through Rust frames. `JSON.stringify` reads every own key, writes a `Date` as the ISO 8601
// text the date filters take, and leaves `undefined` members out (absent, as intended). Its
// replacer refuses, by key, what JSON would change without a word: NaN and the infinities
// (written as `null`, i.e. absent) and strings or keys with a lone surrogate (escaped into
// text no UTF-8 string can hold).

import { edgeroomError } from "./errors.js";

const invalid = (field, rule) => edgeroomError("invalid_argument", `${field}: ${rule}`, field);

/** The params' JSON text, `undefined` for none; throws an `EdgeroomError` for what JSON cannot say. */
export function paramsText(params) {
  if (params === undefined || params === null) return undefined;
  // JSON.stringify runs several times faster without a replacer. What the replacer refuses
  // leaves a mark in the text: NaN and the infinities are written `null`, a lone surrogate
  // `\udXXX`. Text without either needs no second look; text with one (a real `null`, or an
  // escaped surrogate pair's half) is stringified again with the replacer to name the key.
  let text;
  try {
    text = JSON.stringify(params);
  } catch {
    throw UNREADABLE();
  }
  if (typeof text === "string" && !text.includes("null") && !text.includes("\\ud")) return text;
  return checkedText(params);
}

/** `JSON.stringify` with the replacer that refuses, by key, what JSON would change. */
function checkedText(params) {
  let refused;
  const replacer = function (key, item) {
    if (typeof item === "number" && !Number.isFinite(item)) refused = invalid(key || "params", "must be a finite number");
    else if (typeof item === "string" && item.isWellFormed?.() === false) refused = invalid(key || "params", LONE_SURROGATE);
    else if (key.isWellFormed?.() === false) refused = invalid("params", LONE_SURROGATE);
    if (refused !== undefined) throw refused;
    return item;
  };
  let text;
  try {
    text = JSON.stringify(params, replacer);
  } catch (thrown) {
    if (refused !== undefined && thrown === refused) throw refused;
    throw UNREADABLE();
  }
  // A function or a symbol: JSON has no text for it.
  if (typeof text !== "string") throw UNREADABLE();
  return text;
}

const LONE_SURROGATE = "must be well-formed Unicode (it has a lone surrogate)";
const UNREADABLE = () =>
  invalid("params", "cannot be read as JSON (a getter or proxy threw, a cycle, or a BigInt)");
