// The demo's edge function: a Cloudflare Worker that holds the 100ms secret and uses
// edgeroom server-side. The page never sees the secret; it calls these routes:
//
//   GET  /api/config                 which backend (emulator or 100ms) and its authBaseUrl
//   GET  /api/rooms                  the first 50 rooms, in creation order
//   POST /api/rooms {name, description?}   create (or return) a room and its room codes
//   POST /api/rooms/:id/codes        (re)create the room's codes
//   POST /api/rooms/:id/enabled {enabled}  enable or disable a room
//   POST /api/videosdk/rooms {customRoomId?}   create a VideoSDK room and mint a join token
//   GET  /api/videosdk/rooms/:id/validate      validate a VideoSDK room
//
// Every edgeroom error is answered as { error: { code, message, field?, status? } } with a
// matching HTTP status, so the page can show exactly what the SDK said.

import { HmsClient, VideoSdkClient, isEdgeroomError } from "edgeroom";

const MAX_LISTED = 50;

// One client per isolate: its management token cache then spans requests.
let cached;
function clientFor(env) {
  cached ??= new HmsClient({
    accessKey: env.HMS_ACCESS_KEY,
    secret: env.HMS_SECRET,
    baseUrl: env.HMS_BASE_URL || undefined,
    authBaseUrl: env.HMS_AUTH_BASE_URL || undefined,
  });
  return cached;
}

let cachedVideoSdk;
function videoSdkFor(env) {
  cachedVideoSdk ??= new VideoSdkClient({
    apiKey: env.VIDEOSDK_API_KEY,
    secret: env.VIDEOSDK_SECRET,
    baseUrl: env.VIDEOSDK_BASE_URL || undefined,
  });
  return cachedVideoSdk;
}

/** Creates (or returns) a VideoSDK room and mints a token to join it as a new participant. */
async function createVideoSdkRoom(vsdk, request) {
  const input = (await readJson(request)) ?? {};
  const room = await vsdk.rooms.create({ customRoomId: input.customRoomId || undefined });
  const participantId = `guest-${crypto.randomUUID().slice(0, 8)}`;
  const { token } = vsdk.auth.getToken({ permissions: ["allow_join"], roomId: room.roomId, participantId, roles: ["rtc"] });
  return { room, token };
}

const HTTP_STATUS = {
  invalid_argument: 400,
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
};

function json(body, status = 200) {
  return Response.json(body, { status, headers: { "cache-control": "no-store" } });
}

function errorResponse(error) {
  if (!isEdgeroomError(error)) {
    return json({ error: { code: "internal", message: "the edge function failed" } }, 500);
  }
  const { code, message, field, status } = error;
  return json({ error: { code, message, field, status } }, HTTP_STATUS[code] ?? 502);
}

async function readJson(request) {
  try {
    return await request.json();
  } catch {
    return null;
  }
}

async function createRoom(hms, request) {
  const input = (await readJson(request)) ?? {};
  const room = await hms.rooms.create({ name: input.name, description: input.description || undefined });
  const codes = await hms.roomCodes.create(room.id);
  return { room, codes };
}

async function listRooms(hms) {
  const rooms = [];
  for await (const room of hms.rooms.list({ limit: MAX_LISTED })) {
    rooms.push(room);
    if (rooms.length === MAX_LISTED) break;
  }
  return { rooms };
}

export default {
  async fetch(request, env) {
    const url = new URL(request.url);
    const [, api, resource, id, action] = url.pathname.split("/");
    if (api !== "api") return json({ error: { code: "not_found", message: "no such route" } }, 404);
    try {
      if (resource === "config" && request.method === "GET") {
        return json({
          backend: env.DEMO_BACKEND,
          videosdkBackend: env.DEMO_VIDEOSDK_BACKEND,
          authBaseUrl: env.HMS_AUTH_BASE_URL || "https://auth.100ms.live/v2",
        });
      }
      if (resource === "videosdk") {
        const vsdk = videoSdkFor(env);
        const [, , , , roomId, check] = url.pathname.split("/");
        if (id === "rooms" && roomId === undefined && request.method === "POST") {
          return json(await createVideoSdkRoom(vsdk, request));
        }
        if (id === "rooms" && roomId && check === "validate" && request.method === "GET") {
          return json({ room: await vsdk.rooms.validate(decodeURIComponent(roomId)) });
        }
        return json({ error: { code: "not_found", message: "no such route" } }, 404);
      }
      const hms = clientFor(env);
      if (resource === "rooms" && id === undefined) {
        if (request.method === "GET") return json(await listRooms(hms));
        if (request.method === "POST") return json(await createRoom(hms, request));
      }
      if (resource === "rooms" && id && request.method === "POST") {
        const roomId = decodeURIComponent(id);
        if (action === "codes") return json({ codes: await hms.roomCodes.create(roomId) });
        if (action === "enabled") {
          const { enabled } = (await readJson(request)) ?? {};
          return json({ room: await hms.rooms.enableOrDisable(roomId, enabled) });
        }
      }
      return json({ error: { code: "not_found", message: "no such route" } }, 404);
    } catch (error) {
      return errorResponse(error);
    }
  },
};
