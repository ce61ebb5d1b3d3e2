// Run by check.sh with Deno inside the scratch directory (resolved through its package.json
// and node_modules), with read access to the .wasm file only and no network: the emulator
// runs in-process as the client's fetch. Prints one JSON line.
import { HmsClient, isEdgeroomError, verifyToken } from "edgeroom";
import { DEFAULT_APP, createEmulator, hmsUrls } from "edgeroom/emulator";

function check(ok, what) {
  if (!ok) throw new Error(`deno: ${what}`);
}

const entry = import.meta.resolve("edgeroom");
check(entry.endsWith("/node_modules/edgeroom/entries/deno.js"), `resolved to ${entry}`);

const emu = createEmulator();
const hms = new HmsClient({ ...DEFAULT_APP, ...hmsUrls("http://emulator.invalid"), fetch: emu.fetch });
const { token } = hms.auth.getAuthToken({ roomId: "room-1", role: "guest" });
check(verifyToken(token, DEFAULT_APP.secret, { type: "app" }).role === "guest", "token round trip");
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
    console.log(JSON.stringify({ entry: "entries/deno.js", room: room.id, exitedAfterMs: lingered }));
  }
});
