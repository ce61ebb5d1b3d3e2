// jose with the secret imported once as a CryptoKey (saves jose's per-call importKey).
import { HMS } from "./config.mjs";
import { sign } from "./jose.mjs";

export const isAsync = true;

export async function load() {
  const key = await crypto.subtle.importKey("raw", new TextEncoder().encode(HMS.secret), { name: "HMAC", hash: "SHA-256" }, false, [
    "sign",
  ]);
  return () => sign(key);
}
