// node:crypto with the HMAC key schedule precomputed, the way edgeroom's Hs256Key does it:
// HMAC(k, m) = H((k^opad) || H((k^ipad) || m)), with the two keyed SHA-256 states hashed
// once and cloned per token (Hash#copy). The practical limit of node:crypto for HS256.
import { createHash, randomUUID } from "node:crypto";
import { HMS, HS256_HEADER_B64, hmsAppClaims } from "./config.mjs";

export function load() {
  let key = Buffer.from(HMS.secret);
  if (key.length > 64) key = createHash("sha256").update(key).digest();
  const ipad = Buffer.alloc(64, 0x36);
  const opad = Buffer.alloc(64, 0x5c);
  for (let i = 0; i < key.length; i++) {
    ipad[i] ^= key[i];
    opad[i] ^= key[i];
  }
  const inner = createHash("sha256").update(ipad);
  const outer = createHash("sha256").update(opad);
  return () => {
    const input = HS256_HEADER_B64 + "." + Buffer.from(JSON.stringify(hmsAppClaims(randomUUID()))).toString("base64url");
    const innerDigest = inner.copy().update(input).digest();
    return input + "." + outer.copy().update(innerDigest).digest("base64url");
  };
}
