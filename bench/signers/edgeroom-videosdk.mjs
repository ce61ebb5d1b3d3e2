// edgeroom: a VideoSDK participant token (same claims as the VideoSDK SDK row).
import { VideoSdkClient } from "edgeroom";
import { VIDEOSDK } from "./config.mjs";

export function load() {
  const videosdk = new VideoSdkClient({ apiKey: VIDEOSDK.apiKey, secret: VIDEOSDK.secret });
  const grant = { permissions: VIDEOSDK.permissions, roles: VIDEOSDK.roles, roomId: VIDEOSDK.roomId };
  return () => videosdk.auth.getToken(grant).token;
}
