// Random identifiers in the formats 100ms uses. Only crypto.getRandomValues: crypto.randomUUID
// is missing in browsers outside secure contexts, and this file must run everywhere.

function randomBytes(count) {
  return crypto.getRandomValues(new Uint8Array(count));
}

function hex(bytes) {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

// Room, template, app and customer ids: 24 lowercase hex characters (a Mongo ObjectId's shape).
export function objectId() {
  return hex(randomBytes(12));
}

export function uuidV4() {
  const b = randomBytes(16);
  b[6] = (b[6] & 0x0f) | 0x40; // version 4
  b[8] = (b[8] & 0x3f) | 0x80; // RFC 4122 variant
  const h = hex(b);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const LETTERS = "abcdefghijklmnopqrstuvwxyz";

// Rejection sampling (bytes >= 234 = 9 * 26 are dropped) keeps every letter equally likely.
function randomLetters(count) {
  let out = "";
  while (out.length < count) {
    for (const b of randomBytes(count * 2)) {
      if (b < 234 && out.length < count) out += LETTERS[b % 26];
    }
  }
  return out;
}

// Room codes look like "wpi-srjb-wer".
export function roomCodeString() {
  return `${randomLetters(3)}-${randomLetters(4)}-${randomLetters(3)}`;
}

// Draws until `taken` says no: collisions are astronomically rare but must never yield a duplicate.
export function unique(generate, taken) {
  for (;;) {
    const id = generate();
    if (!taken(id)) return id;
  }
}

const ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

// Stream keys and presigned-URL signatures: opaque letters and digits. Rejection sampling
// (bytes >= 248 = 4 * 62 are dropped) keeps every character equally likely.
export function randomToken(length) {
  let out = "";
  while (out.length < length) {
    for (const b of randomBytes(length * 2)) {
      if (b < 248 && out.length < length) out += ALPHANUMERIC[b % 62];
    }
  }
  return out;
}

// Standard base64 (with + and /, no padding) of `count` random bytes.
export function base64Token(count) {
  let binary = "";
  for (const b of randomBytes(count)) binary += String.fromCharCode(b);
  return btoa(binary).replace(/=+$/, "");
}
