// Webhook receivers: 100ms (secret headers compared in constant time), VideoSDK (RSA-SHA256
// over the raw body, checked with WebCrypto), replay windows, malformed and unknown events.
import { equal, ok, rejects, throws } from "./assert.js";
import { checkEdgeroomError } from "./helpers.js";

const HOOK_SECRET = "hook-secret-3f9a1c";

function hmsEvent(type, timestamp = new Date().toISOString()) {
  return JSON.stringify({
    version: "2.0", id: "evt-1", app_id: "app", account_id: "acct", timestamp, type,
    data: { room_id: "r1", session_id: "s1", peer_id: "p1", role: "host", user_id: "u1" },
  });
}

function post(body, headers = {}) {
  return new Request("https://hooks.example.com/100ms", { method: "POST", headers, body });
}

const toBase64 = (bytes) => btoa(String.fromCharCode(...new Uint8Array(bytes)));

async function rsaKeys() {
  const keys = await crypto.subtle.generateKey(
    { name: "RSASSA-PKCS1-v1_5", modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: "SHA-256" },
    true,
    ["sign", "verify"],
  );
  const spki = toBase64(await crypto.subtle.exportKey("spki", keys.publicKey));
  const pem = `-----BEGIN PUBLIC KEY-----\n${spki.match(/.{1,64}/g).join("\n")}\n-----END PUBLIC KEY-----\n`;
  const sign = async (body) =>
    toBase64(await crypto.subtle.sign("RSASSA-PKCS1-v1_5", keys.privateKey, new TextEncoder().encode(body)));
  return { pem, sign };
}

export default [
  {
    name: "webhooks: a 100ms event with the right secret header is parsed, a wrong one is refused",
    async run(ctx) {
      const hooks = new ctx.edgeroom.HmsWebhookReceiver({ headers: { "X-Hook-Secret": HOOK_SECRET }, maxAgeSeconds: 300 });
      const event = await hooks.receive(post(hmsEvent("peer.join.success"), { "x-hook-secret": HOOK_SECRET }));
      equal(event.type, "peer.join.success");
      equal(event.data.room_id, "r1");
      const future = hooks.verify({ "X-HOOK-SECRET": HOOK_SECRET }, hmsEvent("hologram.join.success"));
      equal(future.type, "hologram.join.success", "an unknown future type comes through");
      for (const headers of [{}, { "x-hook-secret": "nope" }, { "x-hook-secret": `${HOOK_SECRET}x` }]) {
        const error = await rejects(hooks.receive(post(hmsEvent("peer.join.success"), headers)));
        checkEdgeroomError(ctx.edgeroom, error, { code: "webhook_unauthenticated" });
        ok(!error.message.includes(HOOK_SECRET), "the expected secret is not in the message");
      }
      checkEdgeroomError(ctx.edgeroom, throws(() => hooks.verify({ "x-hook-secret": HOOK_SECRET }, "{not json")), {
        code: "invalid_webhook",
      });
      const stale = hmsEvent("peer.leave.success", new Date(Date.now() - 3_600_000).toISOString());
      checkEdgeroomError(ctx.edgeroom, throws(() => hooks.verify({ "x-hook-secret": HOOK_SECRET }, stale)), {
        code: "webhook_expired",
      });
      ok(!JSON.stringify(hooks).includes(HOOK_SECRET), "JSON.stringify(receiver) has no secret");
    },
  },
  {
    name: "webhooks: 100ms basic auth, and a receiver without secrets only by explicit choice",
    async run(ctx) {
      const hooks = new ctx.edgeroom.HmsWebhookReceiver({ basicAuth: { username: "hooks", password: "pw" } });
      const authorization = `Basic ${btoa("hooks:pw")}`;
      equal(hooks.verify({ authorization }, hmsEvent("session.open.success")).type, "session.open.success");
      checkEdgeroomError(ctx.edgeroom, throws(() => hooks.verify({ authorization: `Basic ${btoa("hooks:pX")}` }, hmsEvent("x"))), {
        code: "webhook_unauthenticated",
      });
      checkEdgeroomError(ctx.edgeroom, throws(() => new ctx.edgeroom.HmsWebhookReceiver({})), {
        code: "invalid_argument",
        field: "headers",
      });
      const open = new ctx.edgeroom.HmsWebhookReceiver({ allowUnauthenticated: true });
      equal(open.verify({}, hmsEvent("room.end.success")).type, "room.end.success");
    },
  },
  {
    name: "webhooks: a VideoSDK event is verified by its RSA signature over the raw body",
    async run(ctx) {
      const { pem, sign } = await rsaKeys();
      const body = JSON.stringify({ webhookType: "participant-joined", data: { meetingId: "abc-xyzw-lmno", sessionId: "s1", participantId: "p1" } });
      const signature = await sign(body);
      let fetched = 0;
      const keyServer = (url) => {
        fetched += 1;
        ok(url.endsWith("/v2/public/rsa-public-key"), url);
        return Promise.resolve(Response.json({ publicKey: pem }));
      };
      const hooks = new ctx.edgeroom.VideoSdkWebhookReceiver({ fetch: keyServer, baseUrl: "https://api.videosdk.test" });
      const request = () => post(body, { "videosdk-signature": signature });
      equal((await hooks.receive(request())).webhookType, "participant-joined");
      equal((await hooks.receive(request())).data.participantId, "p1");
      equal(fetched, 1, "the public key is fetched once and cached");

      const tampered = body.replace("p1", "p2");
      checkEdgeroomError(ctx.edgeroom, await rejects(hooks.verify({ "videosdk-signature": signature }, tampered)), {
        code: "webhook_unauthenticated",
      });
      checkEdgeroomError(ctx.edgeroom, await rejects(hooks.verify({}, body)), { code: "webhook_unauthenticated" });
      const pinned = new ctx.edgeroom.VideoSdkWebhookReceiver({ publicKey: pem, maxAgeSeconds: 60 });
      const ended = JSON.stringify({ webhookType: "session-ended", data: { meetingId: "m", start: "2020-01-01T00:00:00Z", end: "2020-01-01T01:00:00Z" } });
      checkEdgeroomError(ctx.edgeroom, await rejects(pinned.verify({ "videosdk-signature": await sign(ended) }, ended)), {
        code: "webhook_expired",
      });
      checkEdgeroomError(ctx.edgeroom, throws(() => new ctx.edgeroom.VideoSdkWebhookReceiver({ publicKey: "not a key" })), {
        code: "invalid_argument",
        field: "publicKey",
      });
    },
  },
];
