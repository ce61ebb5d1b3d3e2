// node:crypto with the secret imported once as a KeyObject (createSecretKey); still one
// createHmac per token, since node:crypto cannot clone an Hmac.
import { createHmac, createSecretKey, randomUUID } from "node:crypto";
import { HMS, HS256_HEADER_B64, hmsAppClaims } from "./config.mjs";

export function load() {
  const key = createSecretKey(Buffer.from(HMS.secret));
  return () => {
    const input = HS256_HEADER_B64 + "." + Buffer.from(JSON.stringify(hmsAppClaims(randomUUID()))).toString("base64url");
    return input + "." + createHmac("sha256", key).update(input).digest("base64url");
  };
}
