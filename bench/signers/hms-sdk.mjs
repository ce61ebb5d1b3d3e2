// @100mslive/server-sdk: auth.getAuthToken (async; jsonwebtoken + uuid underneath).
import * as hms from "@100mslive/server-sdk";
import { HMS } from "./config.mjs";

export const isAsync = true;

export function load() {
  const SDK = hms.SDK ?? hms.default?.SDK;
  const sdk = new SDK(HMS.accessKey, HMS.secret);
  const grant = { roomId: HMS.roomId, role: HMS.role, userId: HMS.userId };
  return async () => (await sdk.auth.getAuthToken(grant)).token;
}
