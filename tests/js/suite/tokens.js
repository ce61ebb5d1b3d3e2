// Tokens, checked against jose (an independent implementation) in both directions:
// edgeroom mints and jose verifies; jose mints and edgeroom verifies.
import { deepEqual, equal, match, notEqual, ok, throws } from "./assert.js";
import {
  ACCESS_KEY,
  API_KEY,
  DAY,
  HMS_BACKDATE,
  SECRET,
  UUID_V4,
  bytes,
  checkEdgeroomError,
  joseVerify,
  nowSec,
} from "./helpers.js";

const HEADER = { alg: "HS256", typ: "JWT" };

const hmsClient = ({ edgeroom }) => new edgeroom.HmsClient({ accessKey: ACCESS_KEY, secret: SECRET });
const vsdkClient = ({ edgeroom }) => new edgeroom.VideoSdkClient({ apiKey: API_KEY, secret: SECRET });

/** Mints with `mint()` between two clock readings, verifies with jose, returns both bounds. */
async function mintAndVerify(jose, mint) {
  const before = nowSec();
  const { token } = mint();
  const after = nowSec();
  equal(typeof token, "string", "the call answers { token: string }");
  const { payload, protectedHeader } = await joseVerify(jose, token);
  deepEqual(protectedHeader, HEADER, "the header is exactly {alg, typ}");
  return { token, payload, before, after };
}

/** 100ms time claims: iat back-dated by the SDK's skew, nbf = iat, exp = nbf + lifetime (as the official SDK). */
function checkHmsTimes(payload, before, after, lifetime) {
  ok(Number.isInteger(payload.iat) && Number.isInteger(payload.exp), "iat and exp are integers");
  ok(payload.iat >= before - HMS_BACKDATE && payload.iat <= after - HMS_BACKDATE, `iat ${payload.iat} is now - 10 s`);
  equal(payload.nbf, payload.iat, "nbf = iat");
  equal(payload.exp, payload.nbf + lifetime, "exp = nbf + lifetime");
}

/** verifyToken must throw `code` (it is synchronous: nothing to await). */
function verifyRefuses(edgeroom, token, options, code, secret = SECRET) {
  const error = throws(() => edgeroom.verifyToken(token, secret, options), { code });
  checkEdgeroomError(edgeroom, error, { code });
}

/** Claims jose signs for the verify direction; time claims relative to now. */
function sign(jose, claims, { alg = "HS256", secret = SECRET } = {}) {
  return new jose.SignJWT(claims).setProtectedHeader({ alg, typ: "JWT" }).sign(bytes(secret));
}

const base64url = (text) =>
  btoa(String.fromCharCode(...bytes(text))).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");

export default [
  {
    name: "100ms management token: exact claims and header, verified by jose",
    async run({ edgeroom, jose }) {
      const hms = hmsClient({ edgeroom });
      const { payload, before, after } = await mintAndVerify(jose, () => hms.auth.getManagementToken());
      deepEqual(
        Object.keys(payload).sort(),
        ["access_key", "exp", "iat", "jti", "nbf", "type", "version"],
        "claim names",
      );
      equal(payload.access_key, ACCESS_KEY, "access_key");
      equal(payload.type, "management", "type");
      equal(payload.version, 2, "version");
      match(payload.jti, UUID_V4, "jti is a UUID v4");
      checkHmsTimes(payload, before, after, DAY);
    },
  },
  {
    name: "100ms management token: cached, forceNew mints anew, validForSeconds is honoured",
    async run({ edgeroom, jose }) {
      const hms = hmsClient({ edgeroom });
      const first = hms.auth.getManagementToken().token;
      equal(hms.auth.getManagementToken().token, first, "a second call answers the cached token");
      const forced = hms.auth.getManagementToken({ forceNew: true }).token;
      notEqual(forced, first, "forceNew: true mints a new token");
      const jtiFirst = (await joseVerify(jose, first)).payload.jti;
      const jtiForced = (await joseVerify(jose, forced)).payload.jti;
      notEqual(jtiForced, jtiFirst, "the new token has its own jti");
      equal(hms.auth.getManagementToken().token, forced, "the forced token replaces the cached one");

      const { payload, before, after } = await mintAndVerify(jose, () =>
        hms.auth.getManagementToken({ validForSeconds: 600 }),
      );
      checkHmsTimes(payload, before, after, 600);
      // A second client has its own cache: its token is not the first client's.
      notEqual(hmsClient({ edgeroom }).auth.getManagementToken().token, forced, "caches are per client");
    },
  },
  {
    name: "100ms app token: exact claims, a fresh jti per token, validForSeconds",
    async run({ edgeroom, jose }) {
      const hms = hmsClient({ edgeroom });
      const grant = { roomId: "room-1", role: "host", userId: "user-1" };
      const { payload, before, after } = await mintAndVerify(jose, () => hms.auth.getAuthToken(grant));
      deepEqual(
        Object.keys(payload).sort(),
        ["access_key", "exp", "iat", "jti", "nbf", "role", "room_id", "type", "user_id", "version"],
        "claim names",
      );
      equal(payload.access_key, ACCESS_KEY, "access_key");
      equal(payload.type, "app", "type");
      equal(payload.version, 2, "version");
      equal(payload.room_id, "room-1", "room_id");
      equal(payload.role, "host", "role");
      equal(payload.user_id, "user-1", "user_id");
      match(payload.jti, UUID_V4, "jti is a UUID v4");
      checkHmsTimes(payload, before, after, DAY);

      // App tokens are never cached: every call is a new token with its own jti.
      const jtis = new Set();
      for (let i = 0; i < 5; i++) {
        const { payload: p } = await joseVerify(jose, hms.auth.getAuthToken(grant).token);
        match(p.jti, UUID_V4, "jti is a UUID v4");
        jtis.add(p.jti);
      }
      equal(jtis.size, 5, "five tokens, five distinct jti");

      const short = await mintAndVerify(jose, () => hms.auth.getAuthToken({ ...grant, validForSeconds: 90 }));
      checkHmsTimes(short.payload, short.before, short.after, 90);
    },
  },
  {
    name: "100ms app token: jti stays a distinct UUID v4 across refills of the random pool",
    async run({ edgeroom }) {
      // edgeroom draws random bytes 1 KB at a time (64 tokens); 300 tokens cross four refills,
      // from whichever source the runtime's entry uses (the kernel's in Node, WebCrypto elsewhere).
      const hms = hmsClient({ edgeroom });
      const jtis = new Set();
      const bytes = new Array(16).fill(0);
      for (let i = 0; i < 300; i++) {
        const { jti } = edgeroom.decodeToken(hms.auth.getAuthToken({ roomId: "r", role: "host" }).token).claims;
        match(jti, UUID_V4, "jti is a UUID v4");
        jtis.add(jti);
        jti.replaceAll("-", "").match(/../g).forEach((hex, k) => (bytes[k] |= parseInt(hex, 16)));
      }
      equal(jtis.size, 300, "300 tokens, 300 distinct jti");
      // Every random bit of the UUID is set somewhere in 300 of them: no byte stuck at zero.
      deepEqual(bytes.map((b, k) => (k === 6 ? b | 0xf0 : k === 8 ? b | 0xc0 : b)), new Array(16).fill(0xff), "random bits vary");
    },
  },
  {
    name: "VideoSDK token: apikey and permissions only, no version unless scoped",
    async run({ edgeroom, jose }) {
      const vsdk = vsdkClient({ edgeroom });
      const before = nowSec();
      const { token } = vsdk.auth.getToken({ permissions: ["allow_join"] });
      const { payload, protectedHeader } = await joseVerify(jose, token);
      deepEqual(protectedHeader, HEADER, "header");
      deepEqual(Object.keys(payload).sort(), ["apikey", "exp", "iat", "permissions"], "claim names");
      equal(payload.apikey, API_KEY, "apikey");
      deepEqual(payload.permissions, ["allow_join"], "permissions");
      // VideoSDK's own SDK does not back-date: iat is now.
      ok(payload.iat >= before && payload.iat <= nowSec(), "iat is now");
      equal(payload.exp - payload.iat, DAY, "24 h by default");

      const short = vsdk.auth.getToken({ permissions: ["ask_join"], validForSeconds: 300 }).token;
      const { payload: p } = await joseVerify(jose, short);
      equal(p.exp - p.iat, 300, "validForSeconds");
    },
  },
  {
    name: "VideoSDK token: roomId, participantId or roles set version 2",
    async run({ edgeroom, jose }) {
      const vsdk = vsdkClient({ edgeroom });
      const full = vsdk.auth.getToken({
        permissions: ["allow_join", "allow_mod"],
        roomId: "abcd-efgh-ijkl",
        participantId: "participant-1",
        roles: ["rtc"],
      }).token;
      const { payload } = await joseVerify(jose, full);
      deepEqual(
        Object.keys(payload).sort(),
        ["apikey", "exp", "iat", "participantId", "permissions", "roles", "roomId", "version"],
        "claim names",
      );
      equal(payload.version, 2, "version");
      equal(payload.roomId, "abcd-efgh-ijkl", "roomId");
      equal(payload.participantId, "participant-1", "participantId");
      deepEqual(payload.roles, ["rtc"], "roles");
      deepEqual(payload.permissions, ["allow_join", "allow_mod"], "permissions in order");

      // Each scoping field alone is enough for version 2.
      for (const scope of [{ roomId: "abcd-efgh-ijkl" }, { participantId: "p-2" }, { roles: ["crawler"] }]) {
        const { payload: p } = await joseVerify(jose, vsdk.auth.getToken({ permissions: ["allow_join"], ...scope }).token);
        equal(p.version, 2, `version with ${Object.keys(scope)[0]}`);
      }
    },
  },
  {
    name: "our own verifyToken accepts what we mint and checks the type",
    async run({ edgeroom }) {
      const hms = hmsClient({ edgeroom });
      const app = hms.auth.getAuthToken({ roomId: "room-2", role: "guest" }).token;
      const claims = edgeroom.verifyToken(app, SECRET, { type: "app" });
      equal(claims.room_id, "room-2", "room_id");
      equal(claims.role, "guest", "role");
      const management = hms.auth.getManagementToken().token;
      equal(edgeroom.verifyToken(management, SECRET, { type: "management" }).type, "management", "type");
      verifyRefuses(edgeroom, management, { type: "app" }, "token_type_mismatch");
    },
  },
  {
    name: "verifyToken accepts a jose-minted token and returns its claims",
    async run({ edgeroom, jose }) {
      const now = nowSec();
      const claims = {
        access_key: ACCESS_KEY,
        type: "app",
        version: 2,
        room_id: "room-3",
        role: "viewer",
        user_id: "u-3",
        iat: now,
        nbf: now,
        exp: now + 3600,
        jti: crypto.randomUUID(),
      };
      const token = await sign(jose, claims);
      deepEqual(edgeroom.verifyToken(token, SECRET, { type: "app" }), claims, "the claims, unchanged");
      deepEqual(edgeroom.verifyToken(token, SECRET), claims, "without options too");
    },
  },
  {
    name: "verifyToken rejects wrong secret, tampering, alg none and HS512",
    async run({ edgeroom, jose }) {
      const now = nowSec();
      const claims = { type: "app", role: "guest", iat: now, exp: now + 3600 };
      const token = await sign(jose, claims);
      verifyRefuses(edgeroom, token, {}, "invalid_signature", "another-secret");

      const [header, , signature] = token.split(".");
      const forged = base64url(JSON.stringify({ ...claims, role: "host" }));
      verifyRefuses(edgeroom, `${header}.${forged}.${signature}`, {}, "invalid_signature");

      const unsecured = new jose.UnsecuredJWT(claims).encode();
      equal(edgeroom.decodeToken(unsecured).header.alg, "none", "the unsecured token says alg none");
      verifyRefuses(edgeroom, unsecured, {}, "unsupported_algorithm");
      // alg none with a (forged) signature part present must fail the same way.
      verifyRefuses(edgeroom, `${unsecured}${signature}`, {}, "unsupported_algorithm");

      const hs512 = await sign(jose, claims, { alg: "HS512" });
      verifyRefuses(edgeroom, hs512, {}, "unsupported_algorithm");
    },
  },
  {
    name: "verifyToken enforces exp, nbf and a bounded leewaySeconds",
    async run({ edgeroom, jose }) {
      const now = nowSec();
      const expired = await sign(jose, { type: "app", iat: now - 120, exp: now - 30 });
      verifyRefuses(edgeroom, expired, {}, "token_expired");
      verifyRefuses(edgeroom, expired, { leewaySeconds: 10 }, "token_expired");
      equal(edgeroom.verifyToken(expired, SECRET, { leewaySeconds: 60 }).exp, now - 30, "leeway covers 30 s");

      const early = await sign(jose, { type: "app", iat: now, nbf: now + 30, exp: now + 3600 });
      verifyRefuses(edgeroom, early, {}, "token_not_yet_valid");
      equal(edgeroom.verifyToken(early, SECRET, { leewaySeconds: 60 }).nbf, now + 30, "leeway covers nbf");
      const future = await sign(jose, { type: "app", iat: now, nbf: now + 3600, exp: now + 7200 });
      verifyRefuses(edgeroom, future, { leewaySeconds: 300 }, "token_not_yet_valid");

      // A token that never expires is not a token we accept.
      const eternal = await sign(jose, { type: "app", iat: now });
      verifyRefuses(edgeroom, eternal, {}, "token_expired");

      const fine = await sign(jose, { type: "app", iat: now, exp: now + 60 });
      for (const leeway of [0, 300]) {
        equal(edgeroom.verifyToken(fine, SECRET, { leewaySeconds: leeway }).type, "app", `leeway ${leeway}`);
      }
      for (const leeway of [-1, 301, 1.5, "60"]) {
        const error = throws(() => edgeroom.verifyToken(fine, SECRET, { leewaySeconds: leeway }), {
          code: "invalid_argument",
        });
        checkEdgeroomError(edgeroom, error, { code: "invalid_argument", field: "leewaySeconds" });
      }
    },
  },
  {
    name: "verifyToken rejects a wrong type and malformed tokens",
    async run({ edgeroom, jose }) {
      const now = nowSec();
      const management = await sign(jose, { type: "management", iat: now, exp: now + 60 });
      verifyRefuses(edgeroom, management, { type: "app" }, "token_type_mismatch");
      const untyped = await sign(jose, { iat: now, exp: now + 60 });
      verifyRefuses(edgeroom, untyped, { type: "app" }, "token_type_mismatch");
      for (const garbage of ["garbage", "a.b", "a.b.c", "a.b.c.d", "...", "eyJhbGciOiJIUzI1NiJ9.e30"]) {
        verifyRefuses(edgeroom, garbage, {}, "malformed_token");
      }
    },
  },
  {
    name: "decodeToken returns header and claims without verifying",
    async run({ edgeroom, jose }) {
      const now = nowSec();
      const claims = { type: "app", room_id: "room-4", iat: now - 7200, exp: now - 3600 };
      const expired = await sign(jose, claims, { secret: "some-other-secret" });
      deepEqual(edgeroom.decodeToken(expired), { header: HEADER, claims }, "header and claims");
      const error = throws(() => edgeroom.decodeToken("not-a-token"), { code: "malformed_token" });
      checkEdgeroomError(edgeroom, error, { code: "malformed_token" });
    },
  },
];
