// @videosdk.live/server-sdk: generateToken, with edgeroom's VideoSDK row's claims.
import { generateToken } from "@videosdk.live/server-sdk";
import { VIDEOSDK } from "./config.mjs";

export function load() {
  const options = {
    apiKey: VIDEOSDK.apiKey,
    secretKey: VIDEOSDK.secret,
    permissions: VIDEOSDK.permissions,
    roles: VIDEOSDK.roles,
    claims: { roomId: VIDEOSDK.roomId },
  };
  return () => generateToken(options);
}
