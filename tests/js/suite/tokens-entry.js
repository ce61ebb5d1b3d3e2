// edgeroom/tokens, the token entry (its own .wasm): the same token API as the full entry,
// checked side by side with it: identical claims for identical input, identical errors.
import { deepEqual, equal, ok, rejects, throws } from "./assert.js";
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
  {
    name: "tokens entry: exchangeRoomCode sends one request to the in-process emulator and answers { token }",
    async run({ tokens, edgeroom, emulator, createEmulator }) {
      const emu = createEmulator();
      const fetch = (url, init) => emu.fetch(new Request(url, init));
      const urls = emulator.hmsUrls("http://emulator.invalid");
      const hms = new edgeroom.HmsClient({ ...emulator.DEFAULT_APP, ...urls, fetch });
      const room = await hms.rooms.create({ name: `one-attempt-${Date.now().toString(36)}` });
      const [code] = await hms.roomCodes.create(room.id);
      const before = emu.requests.length;
      const answer = await tokens.exchangeRoomCode({ code: code.code, userId: "u-7", authBaseUrl: urls.authBaseUrl, fetch, timeoutMs: 5000 });
      deepEqual(Object.keys(answer), ["token"], "the answer is { token }");
      const claims = tokens.decodeToken(answer.token).claims;
      equal(claims.room_id, room.id, "room_id");
      equal(claims.user_id, "u-7", "user_id");
      const sent = emu.requests.slice(before);
      equal(sent.length, 1, "one request");
      equal(`${sent[0].method} ${sent[0].path}`, "POST /100ms-auth/v2/token", "the token service");
      deepEqual(sent[0].body, { code: code.code, user_id: "u-7" }, "the body");
      equal(sent[0].authorized, false, "no credentials");
    },
  },
  {
    name: "tokens entry: exchangeRoomCode fails as the full entry does (provider errors, network, timeout, abort, answers that are not responses)",
    async run({ tokens, edgeroom, emulator, createEmulator }) {
      const emu = createEmulator();
      const { authBaseUrl } = emulator.hmsUrls("http://emulator.invalid");
      const viaEmulator = (url, init) => emu.fetch(new Request(url, init));
      const hanging = (url, init) =>
        new Promise((_, reject) => init.signal.addEventListener("abort", () => reject(init.signal.reason), { once: true }));
      const refused = () => Promise.reject(new TypeError("fetch failed", { cause: new Error("connect ECONNREFUSED 127.0.0.1:9") }));
      const aborted = AbortSignal.abort();
      const cases = [
        ["provider error", { code: "aaa-bbbb-ccc", fetch: viaEmulator }, "not_found"],
        ["network error", { code: "abc-defg-hij", fetch: refused }, "network"],
        ["a fetch that throws", { code: "abc-defg-hij", fetch: () => { throw new Error("sync boom"); } }, "network"],
        ["timeout", { code: "abc-defg-hij", fetch: hanging, timeoutMs: 30 }, "timeout"],
        ["aborted before", { code: "abc-defg-hij", fetch: hanging, signal: aborted }, "aborted"],
        ["not a Response", { code: "abc-defg-hij", fetch: async () => ({}) }, "invalid_response"],
        ["no text()", { code: "abc-defg-hij", fetch: async () => ({ status: 200 }) }, "invalid_response"],
        ["a body that is not text", { code: "abc-defg-hij", fetch: async () => ({ status: 200, text: async () => 7 }) }, "invalid_response"],
        ["not the documented JSON", { code: "abc-defg-hij", fetch: async () => new Response('{"tok":"x"}') }, "invalid_response"],
        ["not JSON", { code: "abc-defg-hij", fetch: async () => new Response("<html>") }, "invalid_response"],
      ];
      for (const [what, options, code] of cases) {
        const mine = await rejects(tokens.exchangeRoomCode({ ...options, authBaseUrl }), { code }, what);
        checkEdgeroomError(tokens, mine, { code });
        const theirs = await rejects(edgeroom.exchangeRoomCode({ ...options, authBaseUrl, signal: options.signal }), { code }, `${what} (full entry)`);
        equal(mine.message, theirs.message, `${what}: the same message in both entries`);
        equal(mine.status, theirs.status, `${what}: the same status`);
        deepEqual(mine.body, theirs.body, `${what}: the same body`);
      }
      const notFound = await rejects(tokens.exchangeRoomCode({ code: "aaa-bbbb-ccc", authBaseUrl, fetch: viaEmulator }), { code: "not_found" });
      equal(notFound.status, 404, "status");
      equal(typeof notFound.body, "object", "the provider's JSON error body, parsed");

      // Aborted while waiting for the answer: ends at once, the attempt's own signal aborted.
      const controller = new AbortController();
      let seen;
      const pending = tokens.exchangeRoomCode({
        code: "abc-defg-hij",
        authBaseUrl,
        signal: controller.signal,
        fetch: (url, init) => ((seen = init.signal), hanging(url, init)),
      });
      setTimeout(() => controller.abort(), 10);
      const during = await rejects(pending, { code: "aborted" });
      equal(during.message, "the request was aborted by its AbortSignal", "aborted");
      ok(seen.aborted, "the attempt's own signal is aborted, so a real fetch drops the connection");
    },
  },
  {
    name: "tokens entry: exchangeRoomCode makes one attempt; the full entry retries a 503 (README: the room-code exchange)",
    async run({ tokens, edgeroom, emulator, createEmulator }) {
      const emu = createEmulator();
      const fetch = (url, init) => emu.fetch(new Request(url, init));
      const urls = emulator.hmsUrls("http://emulator.invalid");
      const hms = new edgeroom.HmsClient({ ...emulator.DEFAULT_APP, ...urls, fetch });
      const room = await hms.rooms.create({ name: `retry-${Date.now().toString(36)}` });
      const [code] = await hms.roomCodes.create(room.id);
      const options = { code: code.code, authBaseUrl: urls.authBaseUrl, fetch };
      emu.faults.set([{ fault: "status", status: 503, route: "POST /100ms-auth/v2/token", times: 1 }]);
      const before = emu.requests.length;
      const error = await rejects(tokens.exchangeRoomCode(options), { status: 503 });
      checkEdgeroomError(tokens, error, {});
      equal(emu.requests.length - before, 1, "the token entry: one attempt");
      emu.faults.set([{ fault: "status", status: 503, route: "POST /100ms-auth/v2/token", times: 1 }]);
      const { token } = await edgeroom.exchangeRoomCode(options);
      equal(tokens.decodeToken(token).claims.room_id, room.id, "the full entry: retried, then exchanged");
    },
  },
  {
    name: "tokens entry: exchangeRoomCode refuses bad options (rejects, before sending) as the full entry does",
    async run({ tokens, edgeroom }) {
      let sent = 0;
      const fetch = async () => (sent++, new Response('{"token":"t"}'));
      const throwing = new Proxy({}, { ownKeys() { throw new Error("trap"); } });
      const hostileSignal = { get aborted() { throw new Error("no"); }, addEventListener() {}, removeEventListener() {} };
      const cases = [
        [undefined, "code"],
        ["abc-defg-hij", "exchangeRoomCode options"],
        [{ code: 7, fetch }, "code"],
        [{ code: "", fetch }, "code"],
        [{ code: "abc-defg-hij", userId: 5, fetch }, "userId"],
        [{ code: "abc-defg-hij", userid: "u", fetch }, "userid"],
        [{ code: "abc-defg-hij", authBaseUrl: "ftp://x", fetch }, "authBaseUrl"],
        [{ code: "abc-defg-hij", timeoutMs: 0, fetch }, "timeoutMs"],
        [{ code: "abc-defg-hij", timeoutMs: 1.5, fetch }, "timeoutMs"],
        [{ code: "abc-defg-hij", fetch: 5 }, "fetch"],
        [{ code: "abc-defg-hij", fetch, signal: {} }, "signal"],
        [{ code: "abc-defg-hij", fetch, signal: hostileSignal }, "signal"],
        [throwing, "exchangeRoomCode options"],
        // The full module reads these from the object in wasm (src/params.rs' words); the
        // token module takes them one by one (src/wasm/args.rs): the same words.
        [{ code: null, fetch }, "code"],
        [{ code: 7n, fetch }, "code"],
        [{ code: ["a", 1n], fetch }, "code[1]"],
        [{ code: ["a"], fetch }, "code"],
        [{ code: {}, fetch }, "code"],
        [{ code: "\uD800", fetch }, "code"],
        [{ code: "abc-defg-hij", userId: true, fetch }, "userId"],
        [{ code: "abc-defg-hij", timeoutMs: "5", fetch }, "timeoutMs"],
        [{ code: "abc-defg-hij", timeoutMs: NaN, fetch }, "timeoutMs"],
        [{ code: "abc-defg-hij", authBaseUrl: 1, fetch }, "authBaseUrl"],
        [{ code: "abc-defg-hij", get userId() { throw new Error("getter"); }, fetch }, "userId"],
        [[], "exchangeRoomCode options"],
      ];
      for (const [options, field] of cases) {
        const mine = await rejects(tokens.exchangeRoomCode(options), { code: "invalid_argument" }, field);
        checkEdgeroomError(tokens, mine, { code: "invalid_argument", field });
        const theirs = await rejects(edgeroom.exchangeRoomCode(options), { code: "invalid_argument" }, `${field} (full entry)`);
        equal(mine.message, theirs.message, `${field}: the same message in both entries`);
      }
      equal(sent, 0, "nothing was sent");
    },
  },
  {
    name: "tokens entry: token options cross one by one, refused in the words they always had",
    async run({ tokens, edgeroom }) {
      const hms = (o) => new tokens.HmsTokens(o);
      const minter = hms({ accessKey: ACCESS_KEY, secret: SECRET });
      const vsdk = new tokens.VideoSdkTokens({ apiKey: API_KEY, secret: SECRET });
      const token = minter.getAuthToken({ roomId: "r", role: "host" }).token;
      const revoked = Proxy.revocable({}, {});
      revoked.revoke();
      const cases = [
        [() => hms({ accessKey: 5, secret: SECRET }), "accessKey", "accessKey: must be a string, not a number"],
        [() => hms({ secret: SECRET }), "accessKey", "accessKey: is required"],
        [() => hms({ accessKey: null, secret: SECRET }), "accessKey", "accessKey: must be a string, not null"],
        [() => hms({ accessKey: ACCESS_KEY, secret: SECRET, extra: 1 }), "extra", "extra: is not a known option of HmsTokens options (known: accessKey, secret)"],
        [() => hms("x"), "HmsTokens options", "HmsTokens options: must be an object"],
        [() => hms(revoked.proxy), "HmsTokens options", "HmsTokens options: cannot be read (a getter or proxy threw)"],
        [() => hms({ get accessKey() { throw new Error("no"); }, secret: SECRET }), "accessKey", "accessKey: cannot be read"],
        [() => new tokens.VideoSdkTokens({ apiKey: [], secret: SECRET }), "apiKey", "apiKey: must be a string, not an array"],
        [() => minter.getManagementToken({ validForSeconds: "60" }), "validForSeconds", "validForSeconds: must be an integer, not a string"],
        [() => minter.getManagementToken({ validForSeconds: 1.5 }), "validForSeconds", "validForSeconds: must be an integer, not a number"],
        [() => minter.getManagementToken({ validForSeconds: NaN }), "validForSeconds", "validForSeconds: must be a finite number"],
        [() => minter.getManagementToken({ validForSeconds: 10n }), "validForSeconds", "validForSeconds: must be a string, a number, a boolean, an array or an object"],
        [() => minter.getManagementToken({ forceNew: 1 }), "forceNew", "forceNew: must be a boolean, not a number"],
        [() => minter.getManagementToken({ forceNew: true, validforseconds: 60 }), "validforseconds", "validforseconds: is not a known option of getManagementToken options (known: validForSeconds, forceNew)"],
        [() => tokens.verifyToken(token, SECRET, { leewaySeconds: "5" }), "leewaySeconds", "leewaySeconds: must be an integer, not a string"],
        [() => tokens.verifyToken(token, SECRET, { type: 5 }), "type", "type: must be a string, not a number"],
        [() => tokens.verifyToken(token, SECRET, { typ: "app" }), "typ", "typ: is not a known option of verifyToken options (known: type, leewaySeconds)"],
        [() => minter.getAuthToken({ roomId: 7, role: "h" }), "roomId", "roomId: must be a string"],
        [() => minter.getAuthToken({ roomId: "r", role: "h", validForSeconds: "60" }), "validForSeconds", "validForSeconds: must be an integer"],
        // Values of the right types cross typed (js/src/mint.js, appTokenOfTyped); the rest
        // through appTokenOf: the same rules either way.
        [() => minter.getAuthToken({ roomId: "r", role: "h", validForSeconds: 1.5 }), "validForSeconds", "validForSeconds: must be an integer"],
        [() => minter.getAuthToken({ roomId: "r", role: "h", issuedAt: NaN }), "issuedAt", "issuedAt: must be an integer"],
        [() => minter.getAuthToken({ roomId: "r\ud800", role: "h" }), "roomId", "roomId: must be well-formed Unicode (it has a lone surrogate)"],
        [() => minter.getAuthToken({ roomId: "r", role: "h", userId: "\udc00u" }), "userId", "userId: must be well-formed Unicode (it has a lone surrogate)"],
        [() => minter.getAuthToken({ roomId: "r", role: "h", userId: 5 }), "userId", "userId: must be a string"],
        [() => minter.getAuthToken({ roomId: "r", role: "h", room: "x" }), "room", "room: is not a known option of getAuthToken options (known: roomId, role, userId, validForSeconds, issuedAt, notValidBefore)"],
        [() => vsdk.getToken({ roles: "rtc" }), "roles", "roles: must be an array of strings"],
        // The same through both of getToken's paths (js/src/mint.js, videoSdkToken): typed
        // lists cross joined by commas; anything else is read item by item.
        [() => vsdk.getToken({ permissions: ["allow_join", "root"] }), "permissions[1]", "permissions[1]: must be one of allow_join, allow_mod, ask_join"],
        [() => vsdk.getToken({ permissions: ["allow_join", "ro,ot"] }), "permissions[1]", "permissions[1]: must be one of allow_join, allow_mod, ask_join"],
        [() => vsdk.getToken({ permissions: ["allow_join", ""] }), "permissions[1]", "permissions[1]: must be one of allow_join, allow_mod, ask_join"],
        [() => vsdk.getToken({ roles: ["rtc", 5] }), "roles[1]", "roles[1]: must be a string"],
        [() => vsdk.getToken({ roles: ["rtc", "\ud800"] }), "roles[1]", "roles[1]: must be well-formed Unicode (it has a lone surrogate)"],
        [() => vsdk.getToken({ roomId: "r", validForSeconds: 2.5 }), "validForSeconds", "validForSeconds: must be an integer"],
        [() => vsdk.getToken({ participantId: 7 }), "participantId", "participantId: must be a string"],
        [() => vsdk.getToken([]), "getToken options", "getToken options: must be an object"],
      ];
      for (const [call, field, message] of cases) {
        const error = checkEdgeroomError(tokens, throws(call, { code: "invalid_argument" }, message), { code: "invalid_argument", field });
        equal(error.message, message, "the message, word for word");
      }
      // The full client refuses its own options in the same words (read in wasm, src/params.rs).
      const client = throws(() => new edgeroom.HmsClient({ accessKey: 5, secret: SECRET }), { code: "invalid_argument" });
      equal(client.message, "accessKey: must be a string, not a number", "HmsClient options");
      // Any object with the options as its own keys mints: a class instance, a null prototype.
      const own = new (class { roomId = "r"; role = "host"; })();
      equal(tokens.decodeToken(minter.getAuthToken(own).token).claims.room_id, "r", "a class instance");
      // A list with a getter on an item: each item read once, the same token as the plain
      // array gives.
      const viaGetter = ["allow_join"];
      Object.defineProperty(viaGetter, 1, { get: () => "allow_mod", enumerable: true });
      const both = { roomId: "r", issuedAt: 1700000000, validForSeconds: 600 };
      const plain = tokens.decodeToken(vsdk.getToken({ ...both, permissions: ["allow_join", "allow_mod"] }).token).claims;
      const getter = tokens.decodeToken(vsdk.getToken({ ...both, permissions: viaGetter }).token).claims;
      equal(JSON.stringify(getter.permissions), JSON.stringify(plain.permissions), "a getter item");
      const bare = Object.assign(Object.create(null), { permissions: ["allow_join"] });
      equal(tokens.decodeToken(vsdk.getToken(bare).token).claims.permissions[0], "allow_join", "a null-prototype object");
      equal(tokens.verifyToken(token, SECRET, { type: "app", leewaySeconds: undefined }).room_id, "r", "undefined is absent");
      // null is absent too (it takes the untyped path): the same claims as leaving it out.
      const at = { roomId: "r", role: "host", issuedAt: 1700000000 };
      const typed = tokens.decodeToken(minter.getAuthToken({ ...at, userId: undefined, validForSeconds: 600 }).token).claims;
      const untyped = tokens.decodeToken(minter.getAuthToken({ ...at, userId: null, validForSeconds: 600, notValidBefore: null }).token).claims;
      equal(JSON.stringify({ ...typed, jti: "" }), JSON.stringify({ ...untyped, jti: "" }), "null and undefined alike");
    },
  },
];
