// The VideoSDK side's token check, options and wiring: what VideoSDK would refuse, the emulator
// refuses, with its error shape; and nothing it answers or logs contains a secret.

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { DEFAULT_VIDEOSDK_APP, createEmulator } from "../../js/emulator/index.js";
import { CONTROL, ORIGIN, T0, VSDK, assertVideoSdkError, call, setup, videoSdkToken } from "./videosdk-helpers.js";

const T0_SEC = T0 / 1000;
const OTHER = { apiKey: "other-videosdk-key", secret: "other-videosdk-secret-0123456789" };
const emulator = () => createEmulator({ videosdkApps: [DEFAULT_VIDEOSDK_APP, OTHER], now: () => T0 });

const listRooms = (emu, authorization) => call(emu, "GET", `${VSDK}/rooms`, { authorization });

async function assertRejected(authorization, status, message) {
  const emu = emulator();
  const response = await listRooms(emu, authorization);
  assertVideoSdkError(assert, response, status, message);
  assert.equal(emu.requests.at(-1).authorized, false);
}

describe("VideoSDK token", () => {
  test("a REST token (roles crawler, version 2) passed raw is accepted and marks the log entry", async () => {
    const emu = emulator();
    const response = await listRooms(emu, await videoSdkToken());
    assert.equal(response.status, 200);
    assert.equal(emu.requests.at(-1).authorized, true);
    assert.deepEqual(emu.requests.at(-1).path, "/videosdk/v2/rooms");
  });

  test("missing Authorization -> 401", async () => {
    await assertRejected(undefined, 401, /Authorization header missing/);
  });

  test("a 'Bearer ' (or 'Basic ') prefix -> 401 saying VideoSDK wants the raw token", async () => {
    const token = await videoSdkToken();
    await assertRejected(`Bearer ${token}`, 401, /raw token.*no 'Bearer '/);
    await assertRejected(`bearer ${token}`, 401, /raw token/);
    await assertRejected(`Basic ${token}`, 401, /raw token/);
  });

  test("not a JWT, or alg other than HS256 -> 401", async () => {
    await assertRejected("not-a-jwt", 401, /Invalid token: malformed token/);
    await assertRejected(await videoSdkToken({ alg: "HS512" }), 401, /alg must be HS256/);
  });

  test("signed with the wrong secret, or another app's secret -> 401", async () => {
    const wrong = { apiKey: DEFAULT_VIDEOSDK_APP.apiKey, secret: "wrong-secret-0123456789" };
    await assertRejected(await videoSdkToken({ app: wrong }), 401, /signature verification failed/);
    const swapped = { apiKey: DEFAULT_VIDEOSDK_APP.apiKey, secret: OTHER.secret };
    await assertRejected(await videoSdkToken({ app: swapped }), 401, /signature verification failed/);
  });

  test("unknown apikey, or none -> 401", async () => {
    await assertRejected(await videoSdkToken({ app: { apiKey: "nobody", secret: "x-secret" } }), 401, /Invalid API key/);
    const noKey = await videoSdkToken({ app: { apiKey: undefined, secret: DEFAULT_VIDEOSDK_APP.secret } });
    await assertRejected(noKey, 401, /apikey claim missing/);
  });

  test("expired (even by a second), or without exp -> 401", async () => {
    await assertRejected(await videoSdkToken({ iat: T0_SEC - 3600, exp: T0_SEC }), 401, /Token expired/);
    await assertRejected(await videoSdkToken({ exp: null }), 401, /exp claim missing/);
  });

  test("a valid token without the crawler role, or with it but without version 2 -> 403", async () => {
    const rtc = await videoSdkToken({ claims: { permissions: ["allow_join"], version: 2, roles: ["rtc"] } });
    await assertRejected(rtc, 403, /roles \["crawler"\], this one has \["rtc"\]/);
    const noRoles = await videoSdkToken({ claims: { permissions: ["allow_join"] } });
    await assertRejected(noRoles, 403, /roles \["crawler"\], this one has \[\]/);
    const v1 = await videoSdkToken({ claims: { permissions: ["allow_join"], roles: ["crawler"] } });
    await assertRejected(v1, 403, /only with version: 2/);
  });

  test("auth comes before routing: an unknown path without a token -> 401", async () => {
    assertVideoSdkError(assert, await call(emulator(), "GET", `${VSDK}/no-such-thing`), 401);
  });

  test("the token's app is the caller: another app's rooms do not exist for it", async () => {
    const emu = emulator();
    const mine = await videoSdkToken();
    const theirs = await videoSdkToken({ app: OTHER });
    const room = (await call(emu, "POST", `${VSDK}/rooms`, { authorization: mine, body: {} })).body;
    assertVideoSdkError(assert, await call(emu, "GET", `${VSDK}/rooms/${room.roomId}`, { authorization: theirs }), 404);
    assert.equal((await listRooms(emu, theirs)).body.pageInfo.total, 0);
    assert.equal((await listRooms(emu, mine)).body.pageInfo.total, 1);
  });
});

describe("VideoSDK wiring", () => {
  test("unknown routes -> 404, a known path with the wrong method -> 405 with Allow", async () => {
    const { api } = await setup();
    assertVideoSdkError(assert, await api.get("/nope"), 404, /route not found/);
    const response = await api.delete("/rooms");
    assertVideoSdkError(assert, response, 405);
    assert.equal(response.headers.get("allow"), "POST, GET");
  });

  test("malformed JSON or a non-object body -> 400", async () => {
    const { api } = await setup();
    assertVideoSdkError(assert, await api.post("/rooms", "{oops"), 400, /not valid JSON/);
    assertVideoSdkError(assert, await api.post("/rooms", [1]), 400, /must be a JSON object/);
  });

  test("CORS headers on VideoSDK answers, errors included", async () => {
    const { emu } = await setup();
    const response = await call(emu, "GET", `${VSDK}/rooms`);
    assert.equal(response.headers.get("access-control-allow-origin"), "*");
    const preflight = await emu.fetch(new Request(`${VSDK}/rooms`, { method: "OPTIONS" }));
    assert.equal(preflight.status, 204);
  });

  test("the control service needs no token and lives outside /videosdk/v2", async () => {
    const { emu, api } = await setup();
    const room = (await api.post("/rooms", {})).body;
    const joined = await call(emu, "POST", `${CONTROL}/rooms/${room.roomId}/participants`, { body: { name: "Ann" } });
    assert.equal(joined.status, 200);
    assert.equal(emu.requests.at(-1).authorized, false);
    assertVideoSdkError(assert, await call(emu, "GET", `${CONTROL}/rooms`), 404, /route not found/);
  });

  test("reset clears rooms, sessions and jobs and keeps each app's userId; the 100ms side is unaffected", async () => {
    const { emu, api } = await setup();
    const room = (await api.post("/rooms", {})).body;
    await emu.videosdk.join(room.roomId, { name: "Ann" });
    const { userId } = emu.videosdk.state.apps[0];
    emu.reset();
    assert.deepEqual(emu.videosdk.state, { apps: [{ apiKey: DEFAULT_VIDEOSDK_APP.apiKey, userId }], rooms: [], sessions: [], recordings: [], hls: [], livestreams: [],
      participantRecordings: [], trackRecordings: [], compositeRecordings: [], mergeRecordings: [], transcodings: [], transcriptions: [],
    });
    assertVideoSdkError(assert, await api.get(`/rooms/${room.roomId}`), 404);
    assert.equal((await api.post("/rooms", {})).body.userId, userId);
    assert.equal((await call(emu, "GET", `${ORIGIN}/health`)).status, 200);
  });

  test("emu.videosdk.state is a snapshot", async () => {
    const { emu, api } = await setup();
    await api.post("/rooms", {});
    emu.videosdk.state.rooms[0].disabled = true;
    assert.equal(emu.videosdk.state.rooms[0].disabled, false);
  });
});

describe("VideoSDK options and secrets", () => {
  test("videosdkApps is checked; errors name the apiKey, never the secret", () => {
    const app = { apiKey: "k1", secret: "s3cr3t-never-in-messages" };
    assert.throws(() => createEmulator({ videosdkApps: [] }), TypeError);
    assert.throws(() => createEmulator({ videosdkApps: [{ apiKey: "", secret: "s" }] }), TypeError);
    assert.throws(() => createEmulator({ videosdkApps: [{ apiKey: "k", secret: "" }] }), /VideoSDK app k needs/);
    assert.throws(() => createEmulator({ videosdkApps: [app, app] }), (error) => {
      assert.match(error.message, /duplicate VideoSDK apiKey k1/);
      assert.ok(!error.message.includes(app.secret));
      return true;
    });
  });

  test("no answer, log entry or snapshot contains a VideoSDK secret", async () => {
    const app = { apiKey: "key-under-test", secret: "vsdk-s3cr3t-that-must-never-leak" };
    const { emu, api } = await setup({ videosdkApps: [app] });
    const wrong = await videoSdkToken({ app: { apiKey: app.apiKey, secret: `${app.secret}x` } });
    const seen = [];
    const room = (await api.post("/rooms", { customRoomId: "leak-check" })).body;
    seen.push(JSON.stringify(room), (await api.get("/rooms")).text, (await listRooms(emu, wrong)).text);
    seen.push((await listRooms(emu, await videoSdkToken({ app }))).text, JSON.stringify(emu.requests));
    seen.push(JSON.stringify(emu.videosdk.state));
    for (const text of seen) assert.ok(!text.includes(app.secret), `secret leaked in: ${text.slice(0, 200)}`);
  });
});
