// Not a signer: the first REST call through the full entry, for the cold-start rows
// ("import → first request built"). One HmsClient, one rooms.create handed to a fetch that
// answers at once with a canned 200; resolves to the room's JSON once the call has read it.
import { HmsClient } from "edgeroom";
import { HMS } from "./config.mjs";

const ROOM = JSON.stringify({ id: HMS.roomId, name: "bench-room", enabled: true, template_id: "65f1c0a3d4e5f60718293a42", region: "in" });
const cannedFetch = () => Promise.resolve(new Response(ROOM, { status: 200, headers: { "content-type": "application/json" } }));

export const isAsync = true;

export function load() {
  const hms = new HmsClient({ accessKey: HMS.accessKey, secret: HMS.secret, fetch: cannedFetch });
  return async () => JSON.stringify(await hms.rooms.create({ name: "bench-room", region: "in" }));
}
