// Hand-written on WebCrypto (every runtime has it): the secret imported once as an HMAC
// CryptoKey, then crypto.subtle.sign per token (a promise each), portable base64url.
import { HMS, HS256_HEADER_B64, base64url, hmsAppClaims } from "./config.mjs";

export const isAsync = true;

export async function load() {
  const encoder = new TextEncoder();
  const key = await crypto.subtle.importKey("raw", encoder.encode(HMS.secret), { name: "HMAC", hash: "SHA-256" }, false, [
    "sign",
  ]);
  return async () => {
    const input = HS256_HEADER_B64 + "." + base64url(encoder.encode(JSON.stringify(hmsAppClaims(crypto.randomUUID()))));
    const signature = await crypto.subtle.sign("HMAC", key, encoder.encode(input));
    return input + "." + base64url(new Uint8Array(signature));
  };
}
