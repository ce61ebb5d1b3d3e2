// Checks the management token every /100ms/v2 request must carry, the way the real API does:
// HS256 signed with the secret of the app named by `access_key`, `type: "management"`, and
// currently valid. Failures answer 401 with a short reason that never echoes a secret or the token.

import { HttpError } from "../shared/http.js";
import { decodeJwt, JwtError, verifyHs256 } from "../shared/hs256.js";

// The official SDK back-dates iat by 10 s; clocks also drift. nbf/iat may be this far ahead.
export const CLOCK_LEEWAY_SECONDS = 10;

const authError = (reason) => new HttpError(401, "Authentication error", [reason]);
const invalid = (reason) => new HttpError(401, "Token validation error", [reason]);

function bearerToken(request) {
  const header = request.headers.get("authorization");
  if (header === null) throw authError("missing Authorization header");
  const match = /^Bearer[ ]+(\S+)\s*$/i.exec(header);
  if (!match) throw authError("Authorization header must be 'Bearer <token>'");
  return match[1];
}

function checkTimes(claims, nowSec) {
  for (const name of ["exp", "nbf", "iat"]) {
    if (name in claims && typeof claims[name] !== "number") throw invalid(`${name} must be a number`);
  }
  if (claims.exp === undefined) throw invalid("exp claim missing");
  if (claims.exp <= nowSec) throw invalid("token expired");
  if (claims.nbf > nowSec + CLOCK_LEEWAY_SECONDS) throw invalid("token not valid yet (nbf)");
  if (claims.iat > nowSec + CLOCK_LEEWAY_SECONDS) throw invalid("token issued in the future (iat)");
}

// keys: Map access key -> Promise<CryptoKey>. Resolves to the authenticated access key.
export async function authenticateManagement(request, { keys, nowSec }) {
  let decoded;
  try {
    decoded = decodeJwt(bearerToken(request));
  } catch (error) {
    if (error instanceof JwtError) throw invalid(error.message);
    throw error;
  }
  const { header, claims } = decoded;
  if (header.alg !== "HS256") throw invalid("alg must be HS256");
  if (typeof claims.access_key !== "string") throw invalid("access_key claim missing");
  const key = keys.get(claims.access_key);
  if (!key) throw invalid("access_key not found");
  // Signature before any other claim: unsigned claims must not influence the answer.
  if (!(await verifyHs256(decoded, await key))) throw invalid("signature verification failed");
  if (claims.type !== "management") throw invalid("type must be management");
  checkTimes(claims, nowSec);
  return claims.access_key;
}
