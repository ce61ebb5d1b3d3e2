// Run by check.sh with Deno inside the scratch directory (resolved through its package.json
// and node_modules), with no permissions (no read, no network): the emulator
// runs in-process as the client's fetch. Prints one JSON line.
import { HmsClient, isEdgeroomError, verifyToken } from "edgeroom";
import { DEFAULT_APP, createEmulator, hmsUrls } from "edgeroom/emulator";
import { HmsTokens, decodeToken, verifyToken as verifyWithTokens } from "edgeroom/tokens";

function check(ok, what) {
  if (!ok) throw new Error(`deno: ${what}`);
}

const entry = import.meta.resolve("edgeroom");
check(entry.endsWith("/node_modules/edgeroom/entries/deno.js"), `resolved to ${entry}`);

const tokensEntry = import.meta.resolve("edgeroom/tokens");
check(tokensEntry.endsWith("/node_modules/edgeroom/entries/tokens/deno.js"), `edgeroom/tokens resolved to ${tokensEntry}`);

const emu = createEmulator();
const hms = new HmsClient({ ...DEFAULT_APP, ...hmsUrls("http://emulator.invalid"), fetch: emu.fetch });
const { token } = hms.auth.getAuthToken({ roomId: "room-1", role: "guest" });
check(verifyToken(token, DEFAULT_APP.secret, { type: "app" }).role === "guest", "token round trip");
// The token entry, over its own .wasm: its tokens verify with the full entry and back.
const small = new HmsTokens({ accessKey: DEFAULT_APP.accessKey, secret: DEFAULT_APP.secret });
const fromTokens = small.getAuthToken({ roomId: "room-1", role: "host" }).token;
check(verifyToken(fromTokens, DEFAULT_APP.secret, { type: "app" }).role === "host", "token entry's token, full entry's verify");
check(verifyWithTokens(token, DEFAULT_APP.secret, { type: "app" }).role === "guest", "full entry's token, token entry's verify");
check(decodeToken(fromTokens).header.alg === "HS256", "token entry's decodeToken");
const room = await hms.rooms.create({ name: "deno-check" });
check((await hms.rooms.retrieveById(room.id)).name === "deno-check", "room round trip");
try {
  verifyToken(token, "wrong-secret");
  check(false, "a wrong secret verified");
} catch (error) {
  check(isEdgeroomError(error) && error.code === "invalid_signature", `error: ${error}`);
}

// Once its work is done the process must end on its own, promptly: nothing edgeroom leaves
// behind (a timer, a listener) may hold the event loop for the client's 30 s timeout.
const workDone = performance.now();
globalThis.addEventListener("unload", () => {
  const lingered = Math.round(performance.now() - workDone);
  if (lingered > 2000) {
    console.error(`deno: the process lingered ${lingered} ms after its work (a pending timer or listener)`);
    Deno.exitCode = 1;
  } else {
    console.log(JSON.stringify({ entries: ["entries/deno.js", "entries/tokens/deno.js"], room: room.id, exitedAfterMs: lingered }));
  }
});
