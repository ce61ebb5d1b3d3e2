// The credentials and grants every signer uses, and the small helpers the hand-written
// signers share. Nothing here imports a library, so loading it costs next to nothing in a
// cold-start measurement.

/** A 100ms app: access keys are 24 hex digits, secrets are long random strings. */
export const HMS = Object.freeze({
  accessKey: "65f1c0a3d4e5f60718293a4b",
  secret: "q8Yx1v0n7Jm2KcR4tW9sLh3ZpB6dQe5uN1aF0gHjXk2VbC7mT4yS8wE3rD6oP9iU",
  roomId: "65f1c0a3d4e5f60718293a4c",
  role: "host",
  userId: "user-42",
});

/** A VideoSDK project: an API key (a UUID) and its secret. */
export const VIDEOSDK = Object.freeze({
  apiKey: "3f6a1b2c-4d5e-4f60-8a7b-9c0d1e2f3a4b",
  secret: "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0",
  roomId: "abcd-efgh-ijkl",
  permissions: Object.freeze(["allow_join"]),
  roles: Object.freeze(["rtc"]),
});

/** A LiveKit project. */
export const LIVEKIT = Object.freeze({
  apiKey: "APIbench0123456",
  apiSecret: "q8Yx1v0n7Jm2KcR4tW9sLh3ZpB6dQe5uN1aF0gHjXk2VbC7mT4yS8wE3rD6oP9iU",
});

/** 100ms's backdating of iat (its SDK and edgeroom both use 10 s) and the default validity. */
export const SKEW_SECONDS = 10;
export const VALID_FOR_SECONDS = 24 * 3600;

/** The claims of a 100ms app token, as @100mslive/server-sdk and edgeroom mint them. */
export function hmsAppClaims(jti) {
  const iat = Math.floor(Date.now() / 1000) - SKEW_SECONDS;
  return {
    access_key: HMS.accessKey,
    type: "app",
    version: 2,
    room_id: HMS.roomId,
    role: HMS.role,
    user_id: HMS.userId,
    iat,
    nbf: iat,
    exp: iat + VALID_FOR_SECONDS,
    jti,
  };
}

/** base64url('{"alg":"HS256","typ":"JWT"}'): a constant, as in every serious signer. */
export const HS256_HEADER_B64 = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9";

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const PAIRS = (() => {
  // Two base64 digits per 12 bits: a 4096-entry table, the usual trick of fast JS encoders.
  const table = new Array(4096);
  for (let i = 0; i < 4096; i++) table[i] = ALPHABET[i >> 6] + ALPHABET[i & 63];
  return table;
})();

/** Unpadded base64url of bytes, in portable JS (no Buffer, no btoa). */
export function base64url(bytes) {
  let out = "";
  const n = bytes.length;
  const whole = n - (n % 3);
  for (let i = 0; i < whole; i += 3) {
    const v = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
    out += PAIRS[v >> 12] + PAIRS[v & 4095];
  }
  if (n - whole === 1) {
    const v = bytes[whole] << 4;
    out += ALPHABET[v >> 6] + ALPHABET[v & 63];
  } else if (n - whole === 2) {
    const v = (bytes[whole] << 10) | (bytes[whole + 1] << 2);
    out += PAIRS[v >> 6] + ALPHABET[v & 63];
  }
  return out;
}
