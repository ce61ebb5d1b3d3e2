// VideoSDK's webhooks: `{ webhookType, data: { meetingId, sessionId, ... } }` POSTed to the
// room's `webhook.endPoint` for the events its `webhook.events` subscribes to, signed with
// RSA-SHA256 (RSASSA-PKCS1-v1_5): the `videosdk-signature` header is the base64 signature over
// the exact bytes of the body. The key pair is the emulator's own, made with WebCrypto on
// first use (Workers forbid crypto at module scope); its public half is served, like
// VideoSDK's, at GET /videosdk/v2/public/rsa-public-key as { publicKey: "<SPKI PEM>" }.
//
// Payloads follow VideoSDK's webhook reference (docs.videosdk.live, "Webhooks List"):
//   participant-joined/-left   { meetingId, sessionId, participantId, participantName }
//   session-started            { meetingId, sessionId, start }
//   session-ended              { meetingId, sessionId, start, end }
//   recording-starting/-started/-stopping        { meetingId, sessionId }
//   recording-stopped          { meetingId, sessionId, filePath, fileUrl }
//   hls-starting/-stopping/-stopped, livestream-*  { meetingId, sessionId }
//   hls-started                { meetingId, sessionId, playbackHlsUrl }
//   hls-playable               { meetingId, sessionId, playbackHlsUrl, livestreamUrl }
// The *-failed events are never sent: nothing fails in the emulator.
//
// Subscriptions: `events` lists the webhookTypes to send (a trailing `*` matches a prefix, as
// VideoSDK's SDK documents, though the emulator's room rules accept exact names only); a
// webhook without `events` gets every event, one with `events: []` none. A recording started
// with `webhookUrl` also sends its own recording-* events there, whatever the room subscribes.
//
// The sessions and jobs code (videosdk/sessions.js, videosdk/jobs.js) calls the emit functions
// below at each transition, with the state; the state carries the emulator's webhook hub under
// a symbol (attachVideoSdkWebhooks), invisible to structuredClone and JSON.

const HOOKS = Symbol("edgeroom emulator VideoSDK webhooks");
const wakeUps = new WeakMap(); // job -> cancels the wake-up scheduled when it started
const SIGNING = { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" };

function base64(bytes) {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

const pem = (spki) => `-----BEGIN PUBLIC KEY-----\n${base64(spki).match(/.{1,64}/g).join("\n")}\n-----END PUBLIC KEY-----\n`;

// The emulator's signing key pair, made once on first use. The private key is not extractable
// (nothing can read it out of the emulator); the public one always is.
export function createSigner() {
  let keys;
  async function make() {
    const pair = await crypto.subtle.generateKey(
      { ...SIGNING, modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]) },
      false,
      ["sign", "verify"],
    );
    return { privateKey: pair.privateKey, pem: pem(new Uint8Array(await crypto.subtle.exportKey("spki", pair.publicKey))) };
  }
  const ready = () =>
    (keys ??= make().catch((error) => {
      keys = undefined; // a failure is not kept: the next use tries again
      throw error;
    }));
  return {
    publicKeyPem: async () => (await ready()).pem,
    // base64 RSA-SHA256 over `bytes`, as the videosdk-signature header carries it.
    sign: async (bytes) => base64(new Uint8Array(await crypto.subtle.sign(SIGNING.name, (await ready()).privateKey, bytes))),
  };
}

// hub: the emulator's webhook hub (shared/webhooks.js); tick: brings the VideoSDK state up to the
// clock (videosdk/index.js's ready), run when a job should have finished starting.
export function attachVideoSdkWebhooks(state, hub, tick) {
  if (hub) Object.defineProperty(state, HOOKS, { value: { hub, tick } });
  return state;
}

function isHttpUrl(value) {
  try {
    return typeof value === "string" && /^https?:$/.test(new URL(value).protocol);
  } catch {
    return false;
  }
}

function subscribes(webhook, type) {
  if (!webhook || !isHttpUrl(webhook.endPoint)) return false;
  if (!Array.isArray(webhook.events)) return true;
  return webhook.events.some((e) => e === type || (typeof e === "string" && e.endsWith("*") && type.startsWith(e.slice(0, -1))));
}

// Where `type` goes: the room's endpoint (if subscribed) and `extraUrl` (if any), once per URL.
function targets(state, roomId, type, extraUrl) {
  const room = state.rooms.get(roomId);
  const urls = new Set();
  if (subscribes(room?.webhook, type)) urls.add(room.webhook.endPoint);
  if (isHttpUrl(extraUrl)) urls.add(extraUrl);
  return urls;
}

function send(state, roomId, type, data, extraUrl) {
  const hooks = state?.[HOOKS];
  if (!hooks) return;
  const urls = targets(state, roomId, type, extraUrl);
  if (urls.size === 0) return;
  const payload = { webhookType: type, data };
  const bytes = new TextEncoder().encode(JSON.stringify(payload));
  // Signed when the delivery starts, not here: signing is async, and the API answer that
  // caused the event must not wait for it.
  const prepare = async () => ({
    body: bytes,
    headers: { "content-type": "application/json", "videosdk-signature": await hooks.hub.signer.sign(bytes) },
  });
  for (const url of urls) {
    hooks.hub.deliver({ provider: "videosdk", url, type, payload, headerNames: ["content-type", "videosdk-signature"], prepare });
  }
}

export function emitSessionEvent(state, type, session) {
  const data = { meetingId: session.roomId, sessionId: session.id, start: session.start };
  if (type === "session-ended") data.end = session.end;
  send(state, session.roomId, type, data);
}

export function emitParticipantEvent(state, type, session, participant) {
  send(state, session.roomId, type, {
    meetingId: session.roomId,
    sessionId: session.id,
    participantId: participant.participantId,
    participantName: participant.name,
  });
}

function filePathOf(fileUrl) {
  try {
    return new URL(fileUrl).pathname;
  } catch {
    return undefined;
  }
}

// phase: "starting" | "started" | "stopping" | "stopped". After "starting", the job is looked
// at again `startupMs` later, so its "started" event goes out without waiting for a request.
// Only the jobs VideoSDK documents webhooks for (recording-*, hls-*, livestream-*) send them.
const JOB_EVENT_KINDS = new Set(["recording", "hls", "livestream"]);

export function emitJobEvent(state, job, phase, startupMs) {
  const hooks = state?.[HOOKS];
  if (!hooks || !JOB_EVENT_KINDS.has(job.kind)) return;
  const base = { meetingId: job.roomId, sessionId: job.sessionId };
  const extraUrl = job.kind === "recording" ? job.webhookUrl : undefined;
  const extra = {};
  if (job.kind === "recording" && phase === "stopped" && job.file?.fileUrl) {
    Object.assign(extra, { filePath: filePathOf(job.file.fileUrl), fileUrl: job.file.fileUrl });
  }
  if (job.kind === "hls" && phase === "started") extra.playbackHlsUrl = job.playbackHlsUrl;
  send(state, job.roomId, `${job.kind}-${phase}`, { ...base, ...extra }, extraUrl);
  if (job.kind === "hls" && phase === "started") {
    send(state, job.roomId, "hls-playable", { ...base, playbackHlsUrl: job.playbackHlsUrl, livestreamUrl: job.livestreamUrl });
  }
  const awaited = phase === "starting" && startupMs !== undefined && hooks.tick;
  const later = job.kind === "hls" ? ["hls-started", "hls-playable"] : [`${job.kind}-started`];
  if (awaited && later.some((type) => targets(state, job.roomId, type, extraUrl).size > 0)) {
    wakeUps.set(job, hooks.hub.wakeAfter(startupMs + 1, hooks.tick));
  } else if (phase === "started" || phase === "stopped") {
    wakeUps.get(job)?.(); // noticed already (or stopped first): no need to look again
    wakeUps.delete(job);
  }
}
