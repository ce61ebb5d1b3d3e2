// jose, as its README shows HS256: the secret passed as bytes (jose imports it per call).
import { SignJWT } from "jose";
import { HMS, SKEW_SECONDS, VALID_FOR_SECONDS } from "./config.mjs";

export const isAsync = true;

export function load() {
  const secret = new TextEncoder().encode(HMS.secret);
  return () => sign(secret);
}

export function sign(key) {
  const iat = Math.floor(Date.now() / 1000) - SKEW_SECONDS;
  return new SignJWT({ access_key: HMS.accessKey, type: "app", version: 2, room_id: HMS.roomId, role: HMS.role, user_id: HMS.userId })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setIssuedAt(iat)
    .setNotBefore(iat)
    .setExpirationTime(iat + VALID_FOR_SECONDS)
    .setJti(crypto.randomUUID())
    .sign(key);
}
