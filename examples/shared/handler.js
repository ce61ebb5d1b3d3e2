// One edge function, three runtimes: a fetch-style handler `(Request) => Response` that the
// Cloudflare Worker, the Deno Deploy function and the Node server in this folder all serve.
//
//   POST /rooms            { name }                 create (or return) a room and its codes
//   POST /tokens           { roomId, role, userId } mint an auth token for a peer
//   POST /webhooks/100ms   (100ms's webhook, authenticated by the x-webhook-secret header)
//   GET  /webhooks/last                             the last event received (for a quick look)
//
// Configuration comes from the platform's environment, passed in as `env`:
//   HMS_ACCESS_KEY, HMS_SECRET, HMS_WEBHOOK_SECRET, and optionally HMS_BASE_URL,
//   HMS_AUTH_BASE_URL (the emulator's, in development).

import { HmsClient, HmsWebhookReceiver, isEdgeroomError } from "edgeroom";

const STATUS = { invalid_argument: 400, bad_request: 400, unauthorized: 401, forbidden: 403, not_found: 404 };

function failure(error) {
  if (!isEdgeroomError(error)) return Response.json({ error: { code: "internal" } }, { status: 500 });
  const webhookStatus = error.code.startsWith("webhook_") ? 401 : error.code === "invalid_webhook" ? 400 : undefined;
  const { code, message, field } = error;
  return Response.json({ error: { code, message, field } }, { status: webhookStatus ?? STATUS[code] ?? 502 });
}

async function body(request) {
  try {
    return await request.json();
  } catch {
    return {};
  }
}

/** Builds the handler once per isolate/process, so the token cache spans requests. */
export function createHandler(env) {
  const hms = new HmsClient({
    accessKey: env.HMS_ACCESS_KEY,
    secret: env.HMS_SECRET,
    baseUrl: env.HMS_BASE_URL || undefined,
    authBaseUrl: env.HMS_AUTH_BASE_URL || undefined,
  });
  const webhooks = new HmsWebhookReceiver({ headers: { "x-webhook-secret": env.HMS_WEBHOOK_SECRET }, maxAgeSeconds: 300 });
  let lastEvent = null;

  return async function handle(request) {
    const { pathname } = new URL(request.url);
    try {
      if (request.method === "POST" && pathname === "/rooms") {
        const { name } = await body(request);
        const room = await hms.rooms.create({ name });
        const codes = await hms.roomCodes.create(room.id);
        return Response.json({ room, codes });
      }
      if (request.method === "POST" && pathname === "/tokens") {
        const { roomId, role, userId } = await body(request);
        return Response.json(hms.auth.getAuthToken({ roomId, role, userId }));
      }
      if (request.method === "POST" && pathname === "/webhooks/100ms") {
        lastEvent = await webhooks.receive(request);
        return Response.json({ received: lastEvent.type });
      }
      if (request.method === "GET" && pathname === "/webhooks/last") {
        return Response.json({ event: lastEvent });
      }
      return Response.json({ error: { code: "not_found", message: "no such route" } }, { status: 404 });
    } catch (error) {
      return failure(error);
    }
  };
}
