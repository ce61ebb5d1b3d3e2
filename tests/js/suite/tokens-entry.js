// edgeroom/tokens, the token entry (its own .wasm): the same token API as the full entry,
// checked side by side with it: identical claims for identical input, identical errors.
import { deepEqual, equal, ok, throws } from "./assert.js";
import { ACCESS_KEY, API_KEY, SECRET, checkEdgeroomError, joseVerify } from "./helpers.js";

const NAMES = ["HmsTokens", "VideoSdkTokens", "decodeToken", "exchangeRoomCode", "init", "isEdgeroomError", "verifyToken"];

/** The claims that differ per token by design: `jti` is random. */
const stable = (claims) => ({ ...claims, jti: typeof claims.jti });

export default [
  {
    name: "tokens entry: exports exactly the token API, and the full entry exports the same names",
    async run({ tokens, edgeroom }) {
      deepEqual(Object.keys(tokens).sort(), NAMES, "edgeroom/tokens exports");
      for (const name of NAMES) equal(typeof edgeroom[name], typeof tokens[name], `edgeroom.${name}`);
    },
  },
  {
    name: "tokens entry: mints 100ms and VideoSDK tokens jose verifies, and verifies and decodes them",
    async run({ tokens, jose }) {
      const hms = new tokens.HmsTokens({ accessKey: ACCESS_KEY, secret: SECRET });
      const { token } = hms.getAuthToken({ roomId: "room-1", role: "host", userId: "u-1" });
      const { payload } = await joseVerify(jose, token);
      equal(payload.room_id, "room-1", "room_id");
      equal(tokens.verifyToken(token, SECRET, { type: "app" }).user_id, "u-1", "verifyToken");
      equal(tokens.decodeToken(token).claims.role, "host", "decodeToken");
      const management = hms.getManagementToken().token;
      equal(hms.getManagementToken().token, management, "the management token is cached");
      equal(tokens.verifyToken(management, SECRET, { type: "management" }).access_key, ACCESS_KEY, "management");
      const vsdk = new tokens.VideoSdkTokens({ apiKey: API_KEY, secret: SECRET });
      const v = await joseVerify(jose, vsdk.getToken({ permissions: ["allow_join"], roomId: "r", roles: ["rtc"] }).token);
      equal(v.payload.apikey, API_KEY, "apikey");
      equal(JSON.stringify(hms), '{"provider":"100ms"}', "no secret in JSON");
    },
  },
  {
    name: "tokens entry: the same claims as the full entry for the same input",
    async run({ tokens, edgeroom }) {
      const input = { roomId: "room-2", role: "guest", userId: "u", issuedAt: 1_800_000_000, validForSeconds: 600 };
      const a = tokens.decodeToken(new tokens.HmsTokens({ accessKey: ACCESS_KEY, secret: SECRET }).getAuthToken(input).token);
      const full = new edgeroom.HmsClient({ accessKey: ACCESS_KEY, secret: SECRET });
      const b = edgeroom.decodeToken(full.auth.getAuthToken(input).token);
      const c = edgeroom.decodeToken(new edgeroom.HmsTokens({ accessKey: ACCESS_KEY, secret: SECRET }).getAuthToken(input).token);
      deepEqual(a.header, b.header, "header");
      deepEqual(stable(a.claims), stable(b.claims), "tokens entry vs hms.auth");
      deepEqual(stable(c.claims), stable(b.claims), "edgeroom's HmsTokens vs hms.auth");
      const vInput = { permissions: ["allow_join", "allow_mod"], roomId: "r", participantId: "p", roles: ["rtc"], issuedAt: 1_800_000_000 };
      const va = tokens.decodeToken(new tokens.VideoSdkTokens({ apiKey: API_KEY, secret: SECRET }).getToken(vInput).token);
      const vb = edgeroom.decodeToken(new edgeroom.VideoSdkClient({ apiKey: API_KEY, secret: SECRET }).auth.getToken(vInput).token);
      deepEqual(va, vb, "VideoSDK tokens (no jti): identical header and claims");
    },
  },
  {
    name: "tokens entry: bad input throws the same errors (code, field, message) as the full entry",
    async run({ tokens, edgeroom }) {
      const cases = [
        [(m) => new m.HmsTokens({ accessKey: ACCESS_KEY, secret: SECRET }).getAuthToken({ roomId: "r" }), "role"],
        [(m) => new m.HmsTokens({ accessKey: ACCESS_KEY, secret: SECRET }).getAuthToken({ roomId: "r", role: "h", validForSeconds: 1.5 }), "validForSeconds"],
        [(m) => new m.HmsTokens({ accessKey: ACCESS_KEY, secret: SECRET }).getManagementToken({ validForSeconds: 0 }), "validForSeconds"],
        [(m) => new m.VideoSdkTokens({ apiKey: API_KEY, secret: SECRET }).getToken({ permissions: ["allow_everything"] }), "permissions[0]"],
        [(m) => new m.HmsTokens({ accessKey: ACCESS_KEY, secret: "" }), "secret"],
      ];
      for (const [call, field] of cases) {
        const mine = checkEdgeroomError(tokens, throws(() => call(tokens), { code: "invalid_argument" }), { code: "invalid_argument", field });
        const theirs = throws(() => call(edgeroom), { code: "invalid_argument" });
        equal(mine.message, theirs.message, "the same message in both entries");
      }
      const full = new edgeroom.HmsClient({ accessKey: ACCESS_KEY, secret: SECRET });
      const viaClient = throws(() => full.auth.getAuthToken({ roomId: "r" }), { code: "invalid_argument" });
      const viaTokens = throws(() => new tokens.HmsTokens({ accessKey: ACCESS_KEY, secret: SECRET }).getAuthToken({ roomId: "r" }), {});
      equal(viaTokens.message, viaClient.message, "HmsTokens and hms.auth refuse alike");
      const expired = throws(() => tokens.verifyToken("a.b.c", SECRET), { code: "malformed_token" });
      ok(tokens.isEdgeroomError(expired), "isEdgeroomError");
      const freed = new tokens.HmsTokens({ accessKey: ACCESS_KEY, secret: SECRET });
      freed.free();
      throws(() => freed.getAuthToken({ roomId: "r", role: "h" }), { code: "not_initialized" });
    },
  },
  {
    name: "tokens entry: exchangeRoomCode against the emulator, and its errors",
    async run({ tokens, edgeroom, emulatorUrl, emulator }) {
      const hms = new edgeroom.HmsClient({ ...emulator.DEFAULT_APP, ...emulator.hmsUrls(emulatorUrl) });
      const room = await hms.rooms.create({ name: `tokens-entry-${Date.now().toString(36)}` });
      const [code] = await hms.roomCodes.create(room.id);
      const { authBaseUrl } = emulator.hmsUrls(emulatorUrl);
      const { token } = await tokens.exchangeRoomCode({ code: code.code, userId: "visitor", authBaseUrl });
      equal(tokens.decodeToken(token).claims.room_id, room.id, "the exchanged token is for the room");
      const error = await tokens.exchangeRoomCode({ code: "", authBaseUrl }).then(
        () => undefined,
        (e) => e,
      );
      checkEdgeroomError(tokens, error, { code: "invalid_argument" });
    },
  },
];
