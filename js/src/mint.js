// Minting over a wasm object, shared by the clients' `auth` (api.js) and the token-only
// classes (tokens.js), so both entries read token options and report errors alike. Internal:
// not exported by either entry.
import { edgeroomError } from "./errors.js";

/** The options of getAuthToken, in the order appTokenOf takes them. */
const AUTH_TOKEN_KEYS = ["roomId", "role", "userId", "validForSeconds", "issuedAt", "notValidBefore"];
/** The options of VideoSDK's getToken, in the order tokenOf takes them. */
const VIDEOSDK_TOKEN_KEYS = ["permissions", "roomId", "participantId", "roles", "validForSeconds", "issuedAt", "notValidBefore"];

/**
 * Mints a token with `core`. A plain object with only known `keys` is read here and its
 * values passed as arguments to the method `fast` (one crossing into wasm instead of one per
 * key); anything else (unknown keys, a class instance, a proxy, a throwing getter) goes to
 * the method `strict`, which reports exactly what is wrong. Either way the wasm side checks
 * every value.
 */
function mint(core, o, keys, fast, strict) {
  let values;
  try {
    if (isPlainRecord(o, keys)) values = keys.map((key) => o[key]);
  } catch {
    values = undefined;
  }
  return values ? core[fast](...values) : core[strict](o);
}

/** Whether `o` is an object literal (or Object.create(Object.prototype)) with only `keys`. */
function isPlainRecord(o, keys) {
  if (o === null || typeof o !== "object" || Object.getPrototypeOf(o) !== Object.prototype) return false;
  for (const key in o) if (!keys.includes(key)) return false;
  return true;
}

/**
 * The 100ms token methods over `core()` (an HmsCore or HmsTokensCore, both with
 * managementToken/appToken/appTokenOf): `hms.auth`'s and HmsTokens' alike.
 */
export function hmsTokenMethods(core) {
  return {
    getManagementToken: (o) => ({ token: core().managementToken(o) }),
    getAuthToken: (o) => ({ token: mint(core(), o, AUTH_TOKEN_KEYS, "appTokenOf", "appToken") }),
  };
}

/** VideoSDK's token method over `core()` (a VideoSdkCore or VideoSdkTokensCore). */
export function videoSdkTokenMethods(core) {
  return {
    getToken: (o) => ({ token: mint(core(), o, VIDEOSDK_TOKEN_KEYS, "tokenOf", "token") }),
  };
}

export function freedError() {
  return edgeroomError("not_initialized", "this client was released with free(); create a new one");
}

/** Throws the error of a released object: the `core()` of the token methods after free(). */
export function freed() {
  throw freedError();
}
