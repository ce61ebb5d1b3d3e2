// Not a signer: the first REST call through the full entry, for the cold-start rows
// ("import → first request built"). One HmsClient, one rooms.create handed to a fetch that
// answers at once with a canned 200; resolves to the room's JSON once the call has read it.
// The answer is a plain object with what edgeroom reads of a Response (status, headers,
// text): in Node the first `new Response` loads undici (~10-30 ms), a cost of the runtime's
// fetch that any library would pay, not of building a request.
import { HmsClient } from "edgeroom";
import { HMS } from "./config.mjs";

const ROOM = JSON.stringify({ id: HMS.roomId, name: "bench-room", enabled: true, template_id: "65f1c0a3d4e5f60718293a42", region: "in" });
const ANSWER = { status: 200, ok: true, headers: { get: (name) => (name.toLowerCase() === "content-type" ? "application/json" : null) }, text: () => Promise.resolve(ROOM) };
const cannedFetch = () => Promise.resolve(ANSWER);

export const isAsync = true;

export function load() {
  const hms = new HmsClient({ accessKey: HMS.accessKey, secret: HMS.secret, fetch: cannedFetch });
  return async () => JSON.stringify(await hms.rooms.create({ name: "bench-room", region: "in" }));
}
