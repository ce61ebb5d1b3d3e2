// livekit-server-sdk: a new AccessToken per participant, a room-join grant, toJwt() (jose).
import { AccessToken } from "livekit-server-sdk";
import { HMS, LIVEKIT } from "./config.mjs";

export const isAsync = true;

export function load() {
  return () => {
    const at = new AccessToken(LIVEKIT.apiKey, LIVEKIT.apiSecret, { identity: HMS.userId, ttl: "24h" });
    at.addGrant({ roomJoin: true, room: HMS.roomId });
    return at.toJwt();
  };
}
