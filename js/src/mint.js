// Minting over a wasm object, shared by the clients' `auth` (api.js) and the token-only
// classes (tokens.js), so both entries read token options and report errors alike. Internal:
// not exported by either entry.
import { edgeroomError } from "./errors.js";

/** The options of getAuthToken, in the order appTokenOf takes them. */
const AUTH_TOKEN_KEYS = ["roomId", "role", "userId", "validForSeconds", "issuedAt", "notValidBefore"];
/** The options of getManagementToken, in the order managementTokenOf takes them. */
const MANAGEMENT_TOKEN_KEYS = ["validForSeconds", "forceNew"];
/** The options of VideoSDK's getToken, in the order tokenOf takes them. */
const VIDEOSDK_TOKEN_KEYS = ["permissions", "roomId", "participantId", "roles", "validForSeconds", "issuedAt", "notValidBefore"];

/**
 * The values of the option object `o`, in the order of `keys`, for a token export that takes
 * them one by one: the one reader of the token API's option objects (the token module has
 * none). Like the full module's reader of its own options (src/wasm/args.rs, `options`):
 * `undefined` and `null` are an empty object; anything else that is not an object (an array,
 * a function) is refused; each own enumerable key is read once, every read caught (a getter
 * or a Proxy trap that throws is an error, never an exception out of here); an unknown key
 * is refused naming the known ones; an `undefined` value is absent. The wasm then checks
 * each value's type and rules. `what` names the object ("getAuthToken options").
 */
export function optionValues(o, what, keys) {
  const values = new Array(keys.length);
  if (o === undefined || o === null) return values;
  const invalid = (field, rule) => edgeroomError("invalid_argument", `${field}: ${rule}`, field);
  let names;
  try {
    if (typeof o !== "object" || Array.isArray(o)) throw invalid(what, "must be an object");
    names = Object.keys(o);
  } catch (error) {
    throw error?.name === "EdgeroomError" ? error : invalid(what, "cannot be read (a getter or proxy threw)");
  }
  for (const name of names) {
    const at = keys.indexOf(name);
    // A key with a lone surrogate is named as it reads once it has crossed into wasm.
    if (at < 0) throw invalid(name.toWellFormed?.() ?? name, `is not a known option of ${what} (known: ${keys.join(", ")})`);
    try {
      values[at] = o[name];
    } catch {
      throw invalid(name, "cannot be read");
    }
  }
  return values;
}

/**
 * The 100ms token methods over `core()` (an HmsCore or HmsTokensCore, both with
 * managementTokenOf/appTokenOf): `hms.auth`'s and HmsTokens' alike.
 */
export function hmsTokenMethods(core) {
  return {
    getManagementToken: (o) => ({ token: core().managementTokenOf(...optionValues(o, "getManagementToken options", MANAGEMENT_TOKEN_KEYS)) }),
    getAuthToken: (o) => ({ token: appToken(core(), optionValues(o, "getAuthToken options", AUTH_TOKEN_KEYS)) }),
  };
}

/**
 * An app token from getAuthToken's values: through `appTokenOfTyped` when each is of its
 * type (the ids well-formed strings, userId too or absent, the times numbers or absent), so
 * they cross as they are with no call back from the wasm per value; anything else through
 * `appTokenOf`, which says what is wrong with it. The wasm checks what they hold either way.
 */
function appToken(core, [roomId, role, userId, validForSeconds, issuedAt, notValidBefore]) {
  if (
    wellFormed(roomId) &&
    wellFormed(role) &&
    (userId === undefined || wellFormed(userId)) &&
    numberOrAbsent(validForSeconds) &&
    numberOrAbsent(issuedAt) &&
    numberOrAbsent(notValidBefore)
  ) {
    return core.appTokenOfTyped(roomId, role, userId, validForSeconds, issuedAt, notValidBefore);
  }
  return core.appTokenOf(roomId, role, userId, validForSeconds, issuedAt, notValidBefore);
}

/**
 * A VideoSDK token from getToken's values: through `tokenOfTyped` when each is of its type
 * (see there; the lists cross joined by commas), else through `tokenOf`, which says what is
 * wrong. Each list item is read once here; a list that cannot be read takes `tokenOf` too.
 */
function videoSdkToken(core, values) {
  const [permissions, roomId, participantId, roles, validForSeconds, issuedAt, notValidBefore] = values;
  const permissionList = joinedNames(permissions);
  const roleList = joinedNames(roles);
  if (
    permissionList !== undefined &&
    roleList !== undefined &&
    (roomId === undefined || wellFormed(roomId)) &&
    (participantId === undefined || wellFormed(participantId)) &&
    numberOrAbsent(validForSeconds) &&
    numberOrAbsent(issuedAt) &&
    numberOrAbsent(notValidBefore)
  ) {
    return core.tokenOfTyped(permissionList, roomId, participantId, roleList, validForSeconds, issuedAt, notValidBefore);
  }
  return core.tokenOf(...values);
}

/**
 * A list of names joined by commas ("" when absent), or undefined for anything but a plain
 * array of at most 64 non-empty well-formed strings without a comma.
 */
function joinedNames(list) {
  if (list === undefined) return "";
  try {
    if (!Array.isArray(list) || Object.getPrototypeOf(list) !== Array.prototype || list.length > 64) return undefined;
    let joined = "";
    for (let i = 0; i < list.length; i++) {
      const name = list[i];
      if (!wellFormed(name) || name === "" || name.includes(",")) return undefined;
      joined = i === 0 ? name : `${joined},${name}`;
    }
    return joined;
  } catch {
    return undefined; // a getter or a proxy threw: tokenOf reads it again and says so
  }
}

/** A string without lone surrogates (which would cross into wasm as U+FFFD, unnoticed). */
const wellFormed = (value) => typeof value === "string" && value.isWellFormed?.() === true;
const numberOrAbsent = (value) => value === undefined || typeof value === "number";

/** VideoSDK's token method over `core()` (a VideoSdkCore or VideoSdkTokensCore). */
export function videoSdkTokenMethods(core) {
  return {
    getToken: (o) => ({ token: videoSdkToken(core(), optionValues(o, "getToken options", VIDEOSDK_TOKEN_KEYS)) }),
  };
}

export function freedError() {
  return edgeroomError("not_initialized", "this client was released with free(); create a new one");
}

/** Throws the error of a released object: the `core()` of the token methods after free(). */
export function freed() {
  throw freedError();
}
