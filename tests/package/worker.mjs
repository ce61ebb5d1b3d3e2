// The Worker check.sh bundles from the scratch directory (the `workerd` condition of the
// exports map, the .wasm as a CompiledWasm module) and runs in workerd through Miniflare.
// It would fail with not_initialized had the bundler picked the browser entry (of either
// `edgeroom` or `edgeroom/tokens`), and would not bundle at all with the node or deno entry.
import { HmsClient, verifyToken } from "edgeroom";
import { DEFAULT_APP, createEmulator, hmsUrls } from "edgeroom/emulator";
import { HmsTokens, verifyToken as verifyWithTokens } from "edgeroom/tokens";

export default {
  async fetch(request, env) {
    const emu = createEmulator(); // at request time: workerd forbids randomness at module scope
    const hms = new HmsClient({ ...DEFAULT_APP, ...hmsUrls("http://emulator.invalid"), fetch: emu.fetch });
    const { token } = hms.auth.getAuthToken({ roomId: "room-1", role: "host" });
    const claims = verifyToken(token, DEFAULT_APP.secret, { type: "app" });
    // The token entry (its `workerd` condition, its own .wasm as a second CompiledWasm module).
    const small = new HmsTokens({ accessKey: DEFAULT_APP.accessKey, secret: DEFAULT_APP.secret });
    const fromTokens = small.getAuthToken({ roomId: "room-2", role: "guest" }).token;
    const tokenEntry = { roomId: verifyToken(fromTokens, DEFAULT_APP.secret, { type: "app" }).room_id, verifies: verifyWithTokens(token, DEFAULT_APP.secret).room_id };
    const room = await hms.rooms.create({ name: env.ROOM_NAME });
    return Response.json({ roomId: claims.room_id, room: room.name, id: room.id, tokenEntry });
  },
};
