// edgeroom/emulator's 100ms side: a stand-in for the 100ms REST API (/v2 and the collection's
// unversioned reads), its room-code auth service, and a control service that simulates peers.
// ../index.js routes these prefixes here; this side keeps its own apps, state, management-token
// check and error shape, as videosdk/index.js does for VideoSDK. Runtime-neutral, like index.js.

import { checkApps, clockAt } from "../shared/apps.js";
import { HttpError, errorResponse } from "../shared/http.js";
import { importHs256Key } from "../shared/hs256.js";
import { serveRoute } from "../shared/router.js";
import { hmsAuthRoutes } from "./auth-service.js";
import { HMS_CONTROL_PREFIX, createHmsControl, hmsControlRoutes } from "./control.js";
import { hmsRoutes, hmsUnversionedRoutes } from "./routes.js";
import { authenticateManagement } from "./management-auth.js";
import { presentRoom } from "./rooms.js";
import { appByKey, buildSeed, checkTemplateSpecs, createState } from "./store.js";

// Documented in the README so examples work out of the box; never use it for a real app.
export const DEFAULT_APP = Object.freeze({
  accessKey: "emulator-access-key",
  secret: "emulator-secret-do-not-use-in-production",
});

export const HMS_PREFIX = "/100ms/v2";
export const HMS_AUTH_PREFIX = "/100ms-auth/v2";

// What to configure a 100ms client with when the emulator is served at `origin`.
export function hmsUrls(origin) {
  const base = String(origin).replace(/\/+$/, "");
  return { baseUrl: `${base}${HMS_PREFIX}`, authBaseUrl: `${base}${HMS_AUTH_PREFIX}` };
}

// The 100ms services, each under its own prefix. `management`: a management token is required;
// `details` picks the error shape: the 100ms auth service answers {code, message} only.
export const HMS_SERVICES = [
  { prefix: HMS_PREFIX, routes: hmsRoutes, management: true, details: true },
  { prefix: HMS_AUTH_PREFIX, routes: hmsAuthRoutes, management: false, details: false },
  // The 100ms collection reads poll runs without /v2 (served under /100ms too), and the 100ms
  // control service that simulates peers (control.js; no management token).
  { prefix: "/100ms", routes: hmsUnversionedRoutes, management: true, details: true },
  { prefix: HMS_CONTROL_PREFIX, routes: hmsControlRoutes, management: false, details: true },
];

// apps: [{ accessKey, secret }] (default: DEFAULT_APP); templates: createEmulator's template
// specs; now: () => ms; webhooks: the emulator's webhook hub (shared/webhooks.js).
export function createHms({ apps, templates, now, webhooks }) {
  const checked = checkApps(apps ?? [DEFAULT_APP], {
    option: "apps",
    key: "accessKey",
    app: "app",
    duplicate: "accessKey",
  });
  const templateSpecs = checkTemplateSpecs(templates);

  // Ids and keys are made on first use, not here: Cloudflare Workers forbid random values and
  // crypto at module scope, where `const emu = createEmulator()` naturally sits.
  let seed;
  let state;
  let keys;
  function ready() {
    if (!seed) {
      seed = buildSeed(checked, templateSpecs);
      state = createState(seed);
      // Secrets end up only here, as non-extractable keys: no state or log can reveal one.
      keys = new Map(checked.map((app) => [app.accessKey, importHs256Key(app.secret)]));
    }
    return state;
  }

  // service: an HMS_SERVICES entry, or one of the emulator's own services (../index.js), which
  // answer in 100ms's error shape and see the same context.
  async function dispatch(service, request, url, entry, parsed) {
    try {
      const ctx = { state: ready(), keys, query: url.searchParams, body: parsed.body, clock: clockAt(now()), webhooks };
      if (service.management) {
        const accessKey = await authenticateManagement(request, { keys, nowSec: ctx.clock.sec });
        entry.authorized = true;
        ctx.app = appByKey(ctx.state, accessKey);
      }
      return await serveRoute(service, request, url, parsed, ctx);
    } catch (error) {
      if (error instanceof HttpError) return errorResponse(error, { withDetails: service.details });
      return errorResponse(new HttpError(500, "internal emulator error", [String(error?.message ?? error)]));
    }
  }

  return {
    dispatch,
    control: createHmsControl(() => ({ state: ready(), clock: clockAt(now()), webhooks })),
    // Back to the seed: same apps, same template ids, no rooms or codes.
    reset() {
      if (seed) state = createState(seed);
    },
    // A snapshot (a deep copy), so tests can inspect without mutating.
    get state() {
      ready();
      return structuredClone({
        apps: state.apps,
        templates: [...state.templates.values()],
        rooms: [...state.rooms.values()].map(presentRoom),
        roomCodes: [...state.roomCodes.values()],
      });
    },
  };
}
