// Checks the token every /videosdk/v2 request carries, the way VideoSDK does: the token itself
// is the Authorization value (VideoSDK's docs: no "Bearer " or "Basic " prefix), HS256-signed
// with the secret of the app its `apikey` claim names, not expired, and minted for the REST API,
// i.e. `roles` includes "crawler" ("rtc" tokens only join meetings), which VideoSDK honours only
// with `version: 2`. Bad credentials answer 401, a valid token without the role 403. Messages
// never echo the token or a secret.

import { HttpError } from "../shared/http.js";
import { decodeJwt, JwtError, verifyHs256 } from "../shared/hs256.js";

const unauthorized = (message) => new HttpError(401, message);
const forbidden = (message) => new HttpError(403, message);

function rawToken(request) {
  const header = request.headers.get("authorization");
  if (header === null || header === "") {
    throw unauthorized("Authorization header missing: pass the token as its value");
  }
  if (/^(bearer|basic)\s/i.test(header)) {
    throw unauthorized("Authorization must be the raw token: VideoSDK takes no 'Bearer ' or 'Basic ' prefix");
  }
  return header;
}

function checkRoles(claims) {
  const roles = Array.isArray(claims.roles) ? claims.roles : [];
  if (!roles.includes("crawler")) {
    throw forbidden(`Permission denied: the REST API needs a token with roles ["crawler"], this one has ${JSON.stringify(roles)}`);
  }
  if (claims.version !== 2) throw forbidden("Permission denied: roles take effect only with version: 2");
}

// keys: Map apiKey -> Promise<CryptoKey>. Resolves to the authenticated apiKey.
export async function authenticateVideoSdk(request, { keys, nowSec }) {
  let decoded;
  try {
    decoded = decodeJwt(rawToken(request));
  } catch (error) {
    if (error instanceof JwtError) throw unauthorized(`Invalid token: ${error.message}`);
    throw error;
  }
  const { header, claims } = decoded;
  if (header.alg !== "HS256") throw unauthorized("Invalid token: alg must be HS256");
  if (typeof claims.apikey !== "string") throw unauthorized("Invalid token: apikey claim missing");
  const key = keys.get(claims.apikey);
  if (!key) throw unauthorized("Invalid API key: no app has this apikey");
  // Signature before any other claim: unsigned claims must not influence the answer.
  if (!(await verifyHs256(decoded, await key))) throw unauthorized("Invalid token: signature verification failed");
  if (typeof claims.exp !== "number") throw unauthorized("Invalid token: exp claim missing");
  if (claims.exp <= nowSec) throw unauthorized("Token expired");
  checkRoles(claims);
  return claims.apikey;
}
