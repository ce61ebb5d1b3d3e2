// Hand-written on node:crypto, as real code does it: a fresh createHmac(secret string) per
// token, JSON.stringify, Buffer base64url, randomUUID. The header is a constant.
import { createHmac, randomUUID } from "node:crypto";
import { HMS, HS256_HEADER_B64, hmsAppClaims } from "./config.mjs";

export function load() {
  const secret = HMS.secret;
  return () => {
    const input = HS256_HEADER_B64 + "." + Buffer.from(JSON.stringify(hmsAppClaims(randomUUID()))).toString("base64url");
    return input + "." + createHmac("sha256", secret).update(input).digest("base64url");
  };
}
