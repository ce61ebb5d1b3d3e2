// edgeroom: a 100ms app token from one long-lived client, as an edge function would.
import { HmsClient } from "edgeroom";
import { HMS } from "./config.mjs";

export function load() {
  const hms = new HmsClient({ accessKey: HMS.accessKey, secret: HMS.secret });
  const grant = { roomId: HMS.roomId, role: HMS.role, userId: HMS.userId };
  return () => hms.auth.getAuthToken(grant).token;
}
