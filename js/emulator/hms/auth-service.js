// The 100ms auth service (served under /100ms-auth/v2): exchanges a room code for an app
// token, as 100ms's web SDK does before joining. No Authorization header: the code is the
// credential. Errors here are {"code", "message"} without details, like the real service.

import { HttpError, objectBody } from "../shared/http.js";
import { signHs256 } from "../shared/hs256.js";
import { uuidV4 } from "../shared/ids.js";
import { route } from "../shared/router.js";
import { appById } from "./store.js";

const APP_TOKEN_LIFETIME_SECONDS = 24 * 60 * 60;

function readExchangeBody(body) {
  const { code, user_id: userId } = objectBody(body);
  if (code === undefined || code === null || code === "") throw new HttpError(400, "code is required");
  if (typeof code !== "string") throw new HttpError(400, "code must be a string");
  if (userId !== undefined && userId !== null && typeof userId !== "string") {
    throw new HttpError(400, "user_id must be a string");
  }
  return { code, userId: userId || uuidV4() };
}

async function exchangeRoomCode(ctx) {
  const { code, userId } = readExchangeBody(ctx.body);
  const roomCode = ctx.state.roomCodes.get(code);
  if (!roomCode) throw new HttpError(404, "Room code not found");
  if (!roomCode.enabled) throw new HttpError(403, "Room code is disabled");
  const room = ctx.state.rooms.get(roomCode.room_id);
  if (!room.enabled) throw new HttpError(403, "Room is disabled");
  const app = appById(ctx.state, room.app_id);
  const iat = ctx.clock.sec;
  const claims = {
    access_key: app.access_key,
    type: "app",
    version: 2,
    room_id: room.id,
    role: roomCode.role,
    user_id: userId,
    iat,
    nbf: iat,
    exp: iat + APP_TOKEN_LIFETIME_SECONDS,
    jti: uuidV4(),
  };
  return { token: await signHs256(claims, await ctx.keys.get(app.access_key)) };
}

export const hmsAuthRoutes = [route("POST", "/token", exchangeRoomCode)];
