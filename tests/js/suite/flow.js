// End to end against the emulator: rooms, room codes, the room-code exchange, and what the
// transport does when the network misbehaves.
//
// Two ways to reach the emulator: over HTTP at ctx.emulatorUrl (the runtime's real fetch),
// or in-process (`fetch` wired to an emulator's handler) where a test must see exactly which
// requests were sent, or none.
import { deepEqual, equal, notEqual, ok, rejects } from "./assert.js";
import { bytes, checkEdgeroomError, checkStillMints, uniqueName, within } from "./helpers.js";

// A well-formed room id (24 hex characters) that no emulator ever hands out twice.
const UNKNOWN_ROOM = "0000000000000000deadbeef";
// A request that hangs must fail the test, not stall the run.
const WATCHDOG_MS = 3000;

function credentials(ctx) {
  const { accessKey, secret } = ctx.emulator.DEFAULT_APP;
  return { accessKey, secret };
}

/** A client of the HTTP emulator; `extra` overrides options (fetch, timeoutMs). */
function httpClient(ctx, extra = {}) {
  return new ctx.edgeroom.HmsClient({ ...credentials(ctx), ...ctx.emulator.hmsUrls(ctx.emulatorUrl), ...extra });
}

/** A client whose every request goes to a fresh in-process emulator, visible in emu.requests. */
function inProcessClient(ctx) {
  const emu = ctx.createEmulator();
  const hms = new ctx.edgeroom.HmsClient({
    ...credentials(ctx),
    ...ctx.emulator.hmsUrls("http://emulator.invalid"),
    fetch: (url, init) => emu.fetch(new Request(url, init)),
  });
  return { emu, hms };
}

/** A fetch that answers only by rejecting when its signal aborts, like fetch to a dead server. */
function hangingFetch(calls = []) {
  return (url, init) => {
    calls.push(url);
    return new Promise((_, reject) => {
      const signal = init?.signal;
      if (signal?.aborted) return reject(signal.reason);
      signal?.addEventListener("abort", () => reject(signal.reason), { once: true });
    });
  };
}

async function collect(iterable) {
  const items = [];
  for await (const item of iterable) items.push(item);
  return items;
}

const json = (status, body) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

const authorizationOf = (init) => new Headers(init?.headers).get("authorization");

async function verifyAppToken(ctx, token) {
  const { payload, protectedHeader } = await ctx.jose.jwtVerify(token, bytes(ctx.emulator.DEFAULT_APP.secret), {
    algorithms: ["HS256"],
  });
  equal(protectedHeader.alg, "HS256", "alg");
  equal(payload.type, "app", "type");
  equal(payload.access_key, ctx.emulator.DEFAULT_APP.accessKey, "access_key");
  return payload;
}

export default [
  {
    name: "flow: create is idempotent by name; retrieve by id and by name; update",
    async run(ctx) {
      const hms = httpClient(ctx);
      const name = uniqueName("flow");
      const room = await hms.rooms.create({ name, description: "first" });
      ok(typeof room.id === "string" && room.id.length > 0, "the room has an id");
      equal(room.name, name, "name");
      equal(room.description, "first", "description");
      equal(room.enabled, true, "a new room is enabled");

      const again = await hms.rooms.create({ name, description: "second" });
      equal(again.id, room.id, "creating the same name answers the same room");

      const byId = await hms.rooms.retrieveById(room.id);
      equal(byId.id, room.id, "retrieveById");
      equal(byId.name, name, "retrieveById name");
      const byName = await hms.rooms.retrieveByName(name);
      equal(byName.id, room.id, "retrieveByName");

      const updated = await hms.rooms.update(room.id, { description: "updated" });
      equal(updated.id, room.id, "update answers the room");
      equal(updated.description, "updated", "update changes the field");
      equal((await hms.rooms.retrieveById(room.id)).description, "updated", "and the change is stored");
    },
  },
  {
    name: "flow: rooms.list pages lazily with limit 2 and yields every room once",
    async run(ctx) {
      const prefix = uniqueName("page");
      const setup = httpClient(ctx);
      const ids = [];
      for (let i = 0; i < 5; i++) ids.push((await setup.rooms.create({ name: `${prefix}-${i}` })).id);

      // The runtime's own fetch, counted, so we see every page request go over HTTP.
      const pages = [];
      const hms = httpClient(ctx, {
        fetch: (url, init) => {
          pages.push(new URL(url));
          return fetch(url, init);
        },
      });
      const seen = new Set();
      for await (const room of hms.rooms.list({ limit: 2 })) {
        ok(!seen.has(room.id), `room ${room.id} listed twice`);
        seen.add(room.id);
      }
      for (const id of ids) ok(seen.has(id), `room ${id} was not listed`);
      equal(pages.length, Math.ceil(seen.size / 2), "one request per page of 2");
      ok(pages.length >= 3, "five rooms take at least three pages");
      for (const [i, url] of pages.entries()) {
        equal(url.searchParams.get("limit"), "2", `page ${i} limit`);
        equal(url.searchParams.has("start"), i > 0, `page ${i} carries the cursor iff not first`);
      }

      // Lazy: stopping after the first room fetches one page only.
      pages.length = 0;
      for await (const room of hms.rooms.list({ limit: 2 })) {
        ok(room.id, "a room");
        break;
      }
      equal(pages.length, 1, "breaking out of the loop stops paging");

      const named = await collect(hms.rooms.list({ name: `${prefix}-3` }));
      deepEqual(
        named.map((r) => r.id),
        [ids[3]],
        "the name filter",
      );
    },
  },
  {
    name: "flow: room codes for every role, one role, listed, disabled code refused",
    async run(ctx) {
      const hms = httpClient(ctx);
      const room = await hms.rooms.create({ name: uniqueName("codes") });
      const codes = await hms.roomCodes.create(room.id);
      ok(Array.isArray(codes), "roomCodes.create answers an array");
      deepEqual(codes.map((c) => c.role).sort(), ["guest", "host"], "one code per role of the template");
      for (const c of codes) {
        equal(c.room_id, room.id, "room_id");
        equal(c.enabled, true, "enabled");
        ok(typeof c.code === "string" && c.code.length > 0, "code");
      }
      const guest = await hms.roomCodes.createForRole(room.id, "guest");
      equal(guest.role, "guest", "createForRole role");
      equal(guest.room_id, room.id, "createForRole room_id");

      const listed = await collect(hms.roomCodes.list(room.id));
      for (const c of [...codes, guest]) ok(listed.some((l) => l.code === c.code), `code ${c.code} is listed`);

      const host = codes.find((c) => c.role === "host");
      const disabled = await hms.roomCodes.enableOrDisable(host.code, false);
      equal(disabled.code, host.code, "enableOrDisable answers the code");
      equal(disabled.enabled, false, "and it is disabled");
      const off = await collect(hms.roomCodes.list(room.id, { enabled: false }));
      deepEqual(
        off.map((c) => c.code),
        [host.code],
        "list filters on enabled",
      );

      const refused = await rejects(hms.auth.exchangeRoomCode({ code: host.code, userId: "u-1" }), {
        code: "forbidden",
        status: 403,
      });
      checkEdgeroomError(ctx.edgeroom, refused, { code: "forbidden" });
      const { authBaseUrl } = ctx.emulator.hmsUrls(ctx.emulatorUrl);
      await rejects(ctx.edgeroom.exchangeRoomCode({ code: host.code, authBaseUrl }), { code: "forbidden", status: 403 });
      // The other code of the same room still works.
      const { token } = await hms.auth.exchangeRoomCode({ code: guest.code, userId: "u-1" });
      equal((await verifyAppToken(ctx, token)).role, "guest", "the enabled code still exchanges");
    },
  },
  {
    name: "flow: exchanging a room code gives an app token jose accepts",
    async run(ctx) {
      const hms = httpClient(ctx);
      const room = await hms.rooms.create({ name: uniqueName("exchange") });
      const codes = await hms.roomCodes.create(room.id);
      const byRole = Object.fromEntries(codes.map((c) => [c.role, c]));

      const viaClient = await hms.auth.exchangeRoomCode({ code: byRole.guest.code, userId: "user-a" });
      const a = await verifyAppToken(ctx, viaClient.token);
      equal(a.room_id, room.id, "room_id");
      equal(a.role, "guest", "role");
      equal(a.user_id, "user-a", "user_id");

      // The standalone function needs no secret: what a browser page calls.
      const { authBaseUrl } = ctx.emulator.hmsUrls(ctx.emulatorUrl);
      const standalone = await ctx.edgeroom.exchangeRoomCode({ code: byRole.host.code, userId: "user-b", authBaseUrl });
      const b = await verifyAppToken(ctx, standalone.token);
      equal(b.room_id, room.id, "room_id");
      equal(b.role, "host", "role");
      equal(b.user_id, "user-b", "user_id");
      // And our own verifier agrees with jose.
      equal(ctx.edgeroom.verifyToken(standalone.token, ctx.emulator.DEFAULT_APP.secret, { type: "app" }).role, "host");

      await rejects(ctx.edgeroom.exchangeRoomCode({ code: "aaa-bbbb-ccc", authBaseUrl }), {
        code: "not_found",
        status: 404,
      });
    },
  },
  {
    name: "flow: a disabled room refuses room codes (forbidden, 403) until re-enabled",
    async run(ctx) {
      const hms = httpClient(ctx);
      const room = await hms.rooms.create({ name: uniqueName("disabled") });
      const [code] = await hms.roomCodes.create(room.id);
      const off = await hms.rooms.enableOrDisable(room.id, false);
      equal(off.enabled, false, "enableOrDisable answers the disabled room");

      const error = await rejects(hms.roomCodes.create(room.id), { code: "forbidden", status: 403 });
      checkEdgeroomError(ctx.edgeroom, error, { code: "forbidden" });
      await rejects(hms.roomCodes.createForRole(room.id, "host"), { code: "forbidden", status: 403 });
      await rejects(hms.auth.exchangeRoomCode({ code: code.code }), { code: "forbidden", status: 403 });

      equal((await hms.rooms.enableOrDisable(room.id, true)).enabled, true, "re-enabled");
      equal((await hms.roomCodes.create(room.id)).length, 2, "codes again once enabled");
    },
  },
  {
    name: "flow: an unknown room is not_found (404) with the provider's error body",
    async run(ctx) {
      const hms = httpClient(ctx);
      const error = await rejects(hms.rooms.retrieveById(UNKNOWN_ROOM), { code: "not_found", status: 404 });
      checkEdgeroomError(ctx.edgeroom, error, { code: "not_found" });
      equal(typeof error.body, "object", "the provider's JSON error body is parsed");
      equal(error.body.code, 404, "body.code");
      await rejects(hms.roomCodes.create(UNKNOWN_ROOM), { code: "not_found", status: 404 });
      await rejects(hms.rooms.update(UNKNOWN_ROOM, { description: "x" }), { code: "not_found", status: 404 });
      await rejects(hms.rooms.retrieveByName(uniqueName("nobody")), { code: "not_found" });
    },
  },
  {
    name: "flow: bad input is rejected before any request is sent",
    async run(ctx) {
      const { emu, hms } = inProcessClient(ctx);
      // First prove the wiring: a valid call does reach the emulator, so "no new request"
      // below means the SDK refused to send, not that nothing could be observed.
      await hms.rooms.create({ name: uniqueName("wired") });
      equal(emu.requests.length, 1, "a valid create is one request");

      const cases = [
        [() => hms.rooms.create({ name: "bad name" }), "name"],
        [() => hms.rooms.create({ size: 2501 }), "size"],
        [() => hms.rooms.create({ template: "x" }), "template"],
        [() => hms.rooms.create({ max_duration_seconds: 60 }), "max_duration_seconds"],
        [() => hms.rooms.create({ region: "mars" }), "region"],
        [() => hms.rooms.retrieveById(""), "roomId"],
        [() => hms.roomCodes.create(""), "roomId"],
        [() => hms.roomCodes.enableOrDisable("code", "no"), "enabled"],
        // Query fields are named with their "query." prefix, body fields bare.
        [() => hms.rooms.list({ limit: 0 }).next(), "limit"],
        [() => hms.rooms.create({ name: "ok" }, { timeoutMs: 0 }), "timeoutMs"],
      ];
      for (const [call, field] of cases) {
        const error = await rejects(call(), { code: "invalid_argument" }, `${field}: expected invalid_argument`);
        checkEdgeroomError(ctx.edgeroom, error, { code: "invalid_argument", field });
        equal(emu.requests.length, 1, `${field}: nothing was sent`);
      }
      await checkStillMints(ctx);
      await hms.rooms.create({ name: uniqueName("after") });
      equal(emu.requests.length, 2, "the client still sends valid calls");
    },
  },
  {
    name: "flow: timeoutMs ends a request that never answers (timeout)",
    async run(ctx) {
      const calls = [];
      const hms = httpClient(ctx, { fetch: hangingFetch(calls), timeoutMs: 50, retries: 0 });
      const started = Date.now();
      const error = await within(WATCHDOG_MS, rejects(hms.rooms.retrieveById(UNKNOWN_ROOM), { code: "timeout" }), "timeout");
      checkEdgeroomError(ctx.edgeroom, error, { code: "timeout" });
      equal(calls.length, 1, "one attempt");
      ok(Date.now() - started >= 40, `it waited for the timeout (${Date.now() - started} ms)`);

      // A read is safe to repeat, so a timed-out attempt is retried (here twice, by default).
      const retried = [];
      const patient = httpClient(ctx, { fetch: hangingFetch(retried), timeoutMs: 50, retryMaxDelayMs: 20 });
      await within(WATCHDOG_MS, rejects(patient.rooms.retrieveById(UNKNOWN_ROOM), { code: "timeout" }), "retried timeout");
      equal(retried.length, 3, "one attempt and two retries");

      // Per call, overriding a client without a timeout of its own.
      const perCall = httpClient(ctx, { fetch: hangingFetch(), retries: 0 });
      await within(WATCHDOG_MS, rejects(perCall.rooms.retrieveById(UNKNOWN_ROOM, { timeoutMs: 50 }), { code: "timeout" }), "per-call timeout");
    },
  },
  {
    name: "flow: a fetch that ignores its AbortSignal still times out",
    async run(ctx) {
      // A fetch wrapper that drops `signal` (common in hand-written wrappers) must not turn
      // timeoutMs into a hang.
      const hms = httpClient(ctx, { fetch: () => new Promise(() => {}), timeoutMs: 50 });
      await within(WATCHDOG_MS, rejects(hms.rooms.retrieveById(UNKNOWN_ROOM), { code: "timeout" }), "timeout");
    },
  },
  {
    name: "flow: an AbortSignal aborts before and during a request (aborted)",
    async run(ctx) {
      const calls = [];
      const hms = httpClient(ctx, { fetch: hangingFetch(calls) });
      const before = new AbortController();
      before.abort();
      const error = await rejects(hms.rooms.retrieveById(UNKNOWN_ROOM, { signal: before.signal }), { code: "aborted" });
      checkEdgeroomError(ctx.edgeroom, error, { code: "aborted" });
      equal(calls.length, 0, "an already aborted signal sends nothing");

      const during = new AbortController();
      const pending = hms.rooms.retrieveById(UNKNOWN_ROOM, { signal: during.signal });
      setTimeout(() => during.abort(), 20);
      await within(WATCHDOG_MS, rejects(pending, { code: "aborted" }), "abort in flight");
      equal(calls.length, 1, "the request was in flight when aborted");
    },
  },
  {
    name: "flow: a 200 that is not JSON is invalid_response with the raw body",
    async run(ctx) {
      const html = "<html><body>502 from a proxy, with status 200</body></html>";
      const hms = httpClient(ctx, {
        fetch: async () => new Response(html, { status: 200, headers: { "content-type": "text/html" } }),
      });
      const error = await rejects(hms.rooms.retrieveById(UNKNOWN_ROOM), { code: "invalid_response" });
      checkEdgeroomError(ctx.edgeroom, error, { code: "invalid_response" });
      equal(error.body, html, "err.body is the raw text");
    },
  },
  {
    name: "flow: a 401 is retried exactly once with a fresh management token",
    async run(ctx) {
      const { emu } = inProcessClient(ctx);
      const seen = [];
      const hms = httpClient(ctx, {
        fetch: async (url, init) => {
          seen.push(authorizationOf(init));
          if (seen.length === 1) return json(401, { code: 401, message: "Token validation error", details: ["token expired"] });
          return emu.fetch(new Request(url, init));
        },
      });
      const room = await hms.rooms.create({ name: uniqueName("retry") });
      ok(room.id, "the retried call succeeds");
      equal(seen.length, 2, "exactly two attempts");
      ok(seen.every((h) => /^Bearer \S+$/.test(h ?? "")), "both carry a bearer token");
      notEqual(seen[1], seen[0], "the retry carries a new token");
      const jti = (h) => ctx.edgeroom.decodeToken(h.slice("Bearer ".length)).claims.jti;
      notEqual(jti(seen[1]), jti(seen[0]), "with its own jti");
      await hms.rooms.retrieveById(room.id);
      equal(seen[2], seen[1], "the fresh token is the one cached from then on");

      // A server that keeps answering 401 gets one retry, then the error.
      const attempts = [];
      const denied = httpClient(ctx, {
        fetch: async (url, init) => {
          attempts.push(authorizationOf(init));
          return json(401, { code: 401, message: "Token validation error", details: ["signature verification failed"] });
        },
      });
      const error = await rejects(denied.rooms.retrieveById(room.id), { code: "unauthorized", status: 401 });
      checkEdgeroomError(ctx.edgeroom, error, { code: "unauthorized" });
      equal(attempts.length, 2, "one retry, not a loop");
    },
  },
];
