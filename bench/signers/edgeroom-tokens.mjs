// edgeroom's token entry (edgeroom/tokens, its own token-only .wasm): a 100ms app token from
// one long-lived HmsTokens, with the same credentials and grant as edgeroom-hms.mjs.
import { HmsTokens } from "edgeroom/tokens";
import { HMS } from "./config.mjs";

export function load() {
  const hms = new HmsTokens({ accessKey: HMS.accessKey, secret: HMS.secret });
  const grant = { roomId: HMS.roomId, role: HMS.role, userId: HMS.userId };
  return () => hms.getAuthToken(grant).token;
}
