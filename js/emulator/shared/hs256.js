// A small HS256 JWT signer/verifier over WebCrypto. The emulator deliberately does not reuse the
// SDK's token code: a bug there must not be mirrored here and so go unnoticed.

const encoder = new TextEncoder();
const decoder = new TextDecoder("utf-8", { fatal: true });

export function base64urlEncode(bytes) {
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

// Strict: only the base64url alphabet, no padding, no impossible lengths.
export function base64urlDecode(text) {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) {
    throw new TypeError("not base64url");
  }
  const padded = text.replace(/-/g, "+").replace(/_/g, "/") + "=".repeat((4 - (text.length % 4)) % 4);
  return Uint8Array.from(atob(padded), (c) => c.charCodeAt(0));
}

// Non-extractable, so a key held in memory cannot be turned back into the secret.
export function importHs256Key(secret) {
  return crypto.subtle.importKey(
    "raw",
    encoder.encode(secret),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign", "verify"],
  );
}

const encodeJson = (value) => base64urlEncode(encoder.encode(JSON.stringify(value)));

export async function signHs256(claims, key) {
  const signingInput = `${encodeJson({ alg: "HS256", typ: "JWT" })}.${encodeJson(claims)}`;
  const signature = await crypto.subtle.sign("HMAC", key, encoder.encode(signingInput));
  return `${signingInput}.${base64urlEncode(new Uint8Array(signature))}`;
}

export class JwtError extends Error {}

function decodeJsonObject(part, what) {
  let value;
  try {
    value = JSON.parse(decoder.decode(base64urlDecode(part)));
  } catch {
    throw new JwtError(`malformed token: ${what} is not base64url JSON`);
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new JwtError(`malformed token: ${what} is not a JSON object`);
  }
  return value;
}

// Splits and decodes without trusting anything yet; the caller verifies before using claims.
export function decodeJwt(token) {
  const parts = token.split(".");
  if (parts.length !== 3) throw new JwtError("malformed token: expected three parts");
  const [headerPart, claimsPart, signaturePart] = parts;
  const header = decodeJsonObject(headerPart, "header");
  const claims = decodeJsonObject(claimsPart, "payload");
  let signature;
  try {
    signature = base64urlDecode(signaturePart);
  } catch {
    throw new JwtError("malformed token: signature is not base64url");
  }
  return { header, claims, signature, signingInput: `${headerPart}.${claimsPart}` };
}

// crypto.subtle.verify compares in constant time.
export function verifyHs256({ signature, signingInput }, key) {
  return crypto.subtle.verify("HMAC", key, signature, encoder.encode(signingInput));
}
