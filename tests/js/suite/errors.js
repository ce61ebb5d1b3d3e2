// The error contract: bad input throws an EdgeroomError naming the field, never the secret,
// and the module keeps working afterwards.
import { equal, ok, rejects, throws } from "./assert.js";
import { ACCESS_KEY, API_KEY, SECRET, checkEdgeroomError, checkStillMints } from "./helpers.js";

function expectInvalid(edgeroom, fn, field) {
  const error = throws(fn, { code: "invalid_argument" }, `expected invalid_argument for ${field}`);
  return checkEdgeroomError(edgeroom, error, { code: "invalid_argument", field });
}

// Numbers a user might pass by mistake: zero, negative, fractional, NaN, a string, and
// milliseconds-sized (10^12) where seconds are meant.
const BAD_DURATIONS = [0, -1, 1.5, NaN, "60", 1e12];

/** Every own enumerable value reachable from `root` (functions excluded), as text. */
function reachableText(root) {
  const seen = new Set();
  const out = [];
  const walk = (value) => {
    if (value === null || value === undefined) return;
    if (typeof value === "string") return out.push(value);
    if (typeof value !== "object" || seen.has(value)) return;
    seen.add(value);
    for (const key of Object.keys(value)) {
      out.push(key);
      walk(value[key]);
    }
  };
  walk(root);
  return out.join("\n");
}

export default [
  {
    name: "errors: empty credentials are refused, naming the field",
    async run(ctx) {
      const { edgeroom } = ctx;
      expectInvalid(edgeroom, () => new edgeroom.HmsClient({ accessKey: "", secret: SECRET }), "accessKey");
      expectInvalid(edgeroom, () => new edgeroom.HmsClient({ accessKey: ACCESS_KEY, secret: "" }), "secret");
      expectInvalid(edgeroom, () => new edgeroom.HmsClient({ secret: SECRET }), "accessKey");
      expectInvalid(edgeroom, () => new edgeroom.VideoSdkClient({ apiKey: "", secret: SECRET }), "apiKey");
      expectInvalid(edgeroom, () => new edgeroom.VideoSdkClient({ apiKey: API_KEY, secret: "" }), "secret");
      await checkStillMints(ctx);
    },
  },
  {
    name: "errors: app token without roomId or role, unknown VideoSDK permission",
    async run(ctx) {
      const { edgeroom } = ctx;
      const hms = new edgeroom.HmsClient({ accessKey: ACCESS_KEY, secret: SECRET });
      expectInvalid(edgeroom, () => hms.auth.getAuthToken({ roomId: "", role: "host" }), "roomId");
      expectInvalid(edgeroom, () => hms.auth.getAuthToken({ roomId: "room-1", role: "" }), "role");
      expectInvalid(edgeroom, () => hms.auth.getAuthToken({ role: "host" }), "roomId");
      const vsdk = new edgeroom.VideoSdkClient({ apiKey: API_KEY, secret: SECRET });
      expectInvalid(edgeroom, () => vsdk.auth.getToken({ permissions: ["allow_everything"] }), "permissions[0]");
      expectInvalid(edgeroom, () => vsdk.auth.getToken({ permissions: ["allow_join", "root"] }), "permissions[1]");
      expectInvalid(edgeroom, () => vsdk.auth.getToken({ permissions: ["allow_join"], roles: ["admin"] }), "roles[0]");
      await checkStillMints(ctx);
    },
  },
  {
    name: "errors: validForSeconds must be a whole number of seconds in range",
    async run(ctx) {
      const { edgeroom } = ctx;
      const hms = new edgeroom.HmsClient({ accessKey: ACCESS_KEY, secret: SECRET });
      const vsdk = new edgeroom.VideoSdkClient({ apiKey: API_KEY, secret: SECRET });
      const mints = {
        management: (validForSeconds) => hms.auth.getManagementToken({ validForSeconds }),
        app: (validForSeconds) => hms.auth.getAuthToken({ roomId: "r", role: "host", validForSeconds }),
        videosdk: (validForSeconds) => vsdk.auth.getToken({ permissions: ["allow_join"], validForSeconds }),
      };
      for (const [kind, mint] of Object.entries(mints)) {
        for (const bad of BAD_DURATIONS) {
          const error = expectInvalid(edgeroom, () => mint(bad), "validForSeconds");
          ok(error.message.length > "validForSeconds".length, `${kind} ${bad}: the message says why`);
        }
        // The boundary just inside the range still mints.
        equal(typeof mint(1).token, "string", `${kind}: validForSeconds 1 mints`);
      }
      await checkStillMints(ctx);
    },
  },
  {
    name: "errors: a misspelled option is refused by name, not ignored",
    async run(ctx) {
      const { edgeroom } = ctx;
      const hms = new edgeroom.HmsClient({ accessKey: ACCESS_KEY, secret: SECRET });
      const vsdk = new edgeroom.VideoSdkClient({ apiKey: API_KEY, secret: SECRET });
      expectInvalid(edgeroom, () => hms.auth.getManagementToken({ validForSecond: 60 }), "validForSecond");
      expectInvalid(edgeroom, () => hms.auth.getAuthToken({ roomId: "r", role: "host", userID: "u" }), "userID");
      expectInvalid(
        edgeroom,
        () => vsdk.auth.getToken({ permissions: ["allow_join"], validForSecond: 60 }),
        "validForSecond",
      );
      expectInvalid(edgeroom, () => new edgeroom.HmsClient({ accessKey: ACCESS_KEY, secret: SECRET, baseURL: "x" }), "baseURL");
      // The client options are read in JavaScript and cross one by one: the same rules and words.
      const typo = expectInvalid(edgeroom, () => new edgeroom.VideoSdkClient({ apiKey: API_KEY, secret: SECRET, timeoutMS: 5 }), "timeoutMS");
      equal(
        typo.message,
        "timeoutMS: is not a known option of VideoSdkClient options (known: apiKey, secret, baseUrl, fetch, timeoutMs, retries, retryMaxDelayMs, onRetry)",
      );
      expectInvalid(edgeroom, () => new edgeroom.HmsClient("not options"), "HmsClient options");
      const kind = expectInvalid(edgeroom, () => new edgeroom.HmsClient({ accessKey: ACCESS_KEY, secret: SECRET, retries: "2" }), "retries");
      equal(kind.message, "retries: must be an integer, not a string");
      const missing = expectInvalid(edgeroom, () => new edgeroom.HmsClient({ secret: SECRET, timeoutMs: null }), "accessKey");
      equal(missing.message, "accessKey: is required");
      expectInvalid(edgeroom, () => edgeroom.verifyToken("a.b.c", SECRET, { leeway: 5 }), "leeway");
      await checkStillMints(ctx);
    },
  },
  {
    name: "errors: call params are refused by field path and JSON kind, before anything is sent",
    async run(ctx) {
      const { edgeroom } = ctx;
      let sent = 0;
      const fetch = () => (sent++, Promise.reject(new Error("nothing may be sent")));
      const hms = new edgeroom.HmsClient({ accessKey: ACCESS_KEY, secret: SECRET, fetch });
      const cases = [
        [{ name: 5 }, "name", "name: must be a string, not a number"],
        [{ size: "3" }, "size", "size: must be an integer, not a string"],
        [{ nmae: "typo" }, "nmae", null],
        [{ template: "t" }, "template", "template: is not accepted; use template_id"],
        [{ recording_info: { upload_info: { type: "ftp", location: "b" } } }, "recording_info.upload_info.type", "recording_info.upload_info.type: must be one of s3, gs, oss, azure"],
        [{ recording_info: { upload_info: { type: "s3" } } }, "recording_info.upload_info.location", "recording_info.upload_info.location: is required"],
        [{ size: NaN }, "size", "size: must be a finite number"],
        [{ recording_info: { enabled: Infinity } }, "enabled", "enabled: must be a finite number"],
        [{ description: "half \ud800 pair" }, "description", "description: must be well-formed Unicode (it has a lone surrogate)"],
        [{ "\udc00": "x" }, "params", "params: must be well-formed Unicode (it has a lone surrogate)"],
        [[{ name: "a" }], "params", "params: must be an object, not an array"],
      ];
      for (const [params, field, message] of cases) {
        const error = await rejects(hms.rooms.create(params), { code: "invalid_argument" }, JSON.stringify(params));
        checkEdgeroomError(edgeroom, error, { code: "invalid_argument", field });
        if (message !== null) equal(error.message, message);
        ok(!/ at line \d/.test(error.message), `no text position in "${error.message}"`);
      }
      equal(sent, 0, "nothing was sent");
    },
  },
  {
    name: "errors: neither serialising a client nor its errors reveals the secret",
    async run(ctx) {
      const { edgeroom } = ctx;
      const hms = new edgeroom.HmsClient({ accessKey: ACCESS_KEY, secret: SECRET });
      const vsdk = new edgeroom.VideoSdkClient({ apiKey: API_KEY, secret: SECRET });
      for (const client of [hms, vsdk]) {
        const views = [JSON.stringify(client), String(client), `${client}`, reachableText(client)];
        for (const view of views) ok(!view.includes(SECRET), `the secret is visible: ${view}`);
      }
      // Errors raised while the secret is in play: wrong secret, bad options after it.
      const token = hms.auth.getAuthToken({ roomId: "r", role: "host" }).token;
      const wrong = throws(() => edgeroom.verifyToken(token, `${SECRET}-x`), { code: "invalid_signature" });
      checkEdgeroomError(edgeroom, wrong, { code: "invalid_signature" });
      const misspelled = throws(() => new edgeroom.HmsClient({ accessKey: ACCESS_KEY, secret: SECRET, secrets: SECRET }));
      checkEdgeroomError(edgeroom, misspelled, { code: "invalid_argument", field: "secrets" });
      // Credentials swapped by mistake put the secret where an identifier belongs: a bad
      // value there (here a trailing newline from a .env file) must not be echoed back.
      const echoed = throws(() => new edgeroom.HmsClient({ accessKey: `${SECRET}\n`, secret: SECRET }));
      checkEdgeroomError(edgeroom, echoed, { code: "invalid_argument", field: "accessKey" });
      await checkStillMints(ctx);
    },
  },
];
