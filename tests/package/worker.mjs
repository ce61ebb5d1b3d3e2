// The Worker check.sh bundles from the scratch directory (the `workerd` condition of the
// exports map, the .wasm as a CompiledWasm module) and runs in workerd through Miniflare.
// It would fail with not_initialized had the bundler picked the browser entry, and would not
// bundle at all with the node or deno entry.
import { HmsClient, verifyToken } from "edgeroom";
import { DEFAULT_APP, createEmulator, hmsUrls } from "edgeroom/emulator";

export default {
  async fetch(request, env) {
    const emu = createEmulator(); // at request time: workerd forbids randomness at module scope
    const hms = new HmsClient({ ...DEFAULT_APP, ...hmsUrls("http://emulator.invalid"), fetch: emu.fetch });
    const { token } = hms.auth.getAuthToken({ roomId: "room-1", role: "host" });
    const claims = verifyToken(token, DEFAULT_APP.secret, { type: "app" });
    const room = await hms.rooms.create({ name: env.ROOM_NAME });
    return Response.json({ roomId: claims.room_id, room: room.name, id: room.id });
  },
};
