// Run by check.sh with Node inside a scratch directory that has nothing installed but the
// packed tarball: the package must work from there alone. Prints one JSON line.
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { HmsClient, VideoSdkClient, decodeToken, isEdgeroomError, verifyToken } from "edgeroom";
import { DEFAULT_APP, hmsUrls } from "edgeroom/emulator";
import { startEmulatorServer } from "edgeroom/emulator/server";
import * as tokens from "edgeroom/tokens";

// The `node` condition of the exports map, from this directory's node_modules.
const entry = fileURLToPath(import.meta.resolve("edgeroom"));
assert.ok(entry.startsWith(process.cwd()), `edgeroom resolved outside the scratch dir: ${entry}`);
assert.match(entry, /node_modules\/edgeroom\/entries\/node\.js$/);

// Tokens: mint, then verify with the same secret.
const hms0 = new HmsClient({ accessKey: "access-key", secret: "package-check-secret" });
const { token } = hms0.auth.getAuthToken({ roomId: "room-1", role: "host", userId: "u-1" });
const claims = verifyToken(token, "package-check-secret", { type: "app" });
assert.equal(claims.room_id, "room-1");
assert.equal(decodeToken(token).header.alg, "HS256");
assert.throws(() => verifyToken(token, "another-secret"), (e) => isEdgeroomError(e) && e.code === "invalid_signature");
const vsdk = new VideoSdkClient({ apiKey: "api-key", secret: "package-check-secret" });
assert.deepEqual(verifyToken(vsdk.auth.getToken({ permissions: ["allow_join"] }).token, "package-check-secret").permissions, ["allow_join"]);

// The token entry: its `node` condition, over its own .wasm, interoperating with the full entry.
const tokensEntry = fileURLToPath(import.meta.resolve("edgeroom/tokens"));
assert.ok(tokensEntry.startsWith(process.cwd()), `edgeroom/tokens resolved outside the scratch dir: ${tokensEntry}`);
assert.match(tokensEntry, /node_modules\/edgeroom\/entries\/tokens\/node\.js$/);
await tokens.init();
const small = new tokens.HmsTokens({ accessKey: "access-key", secret: "package-check-secret" });
const fromTokens = small.getAuthToken({ roomId: "room-1", role: "host", userId: "u-1" }).token;
assert.equal(verifyToken(fromTokens, "package-check-secret", { type: "app" }).user_id, "u-1");
assert.equal(tokens.verifyToken(token, "package-check-secret", { type: "app" }).room_id, "room-1");
assert.equal(tokens.decodeToken(small.getManagementToken().token).claims.type, "management");
const vsdkSmall = new tokens.VideoSdkTokens({ apiKey: "api-key", secret: "package-check-secret" });
assert.deepEqual(verifyToken(vsdkSmall.getToken({ permissions: ["allow_join"] }).token, "package-check-secret").permissions, ["allow_join"]);
assert.throws(() => tokens.verifyToken(fromTokens, "another-secret"), (e) => tokens.isEdgeroomError(e) && isEdgeroomError(e) && e.code === "invalid_signature");

// A room on the emulator shipped in the same tarball, over real HTTP.
const server = await startEmulatorServer({ port: 0 });
try {
  const hms = new HmsClient({ ...DEFAULT_APP, ...hmsUrls(server.url) });
  const room = await hms.rooms.create({ name: "package-check", region: "eu" });
  assert.equal(room.name, "package-check");
  const [code] = await hms.roomCodes.create(room.id);
  const exchanged = await hms.auth.exchangeRoomCode({ code: code.code, userId: "u-2" });
  assert.equal(verifyToken(exchanged.token, DEFAULT_APP.secret, { type: "app" }).room_id, room.id);
  // The same exchange through the token entry, as a browser page does it.
  const viaTokens = await tokens.exchangeRoomCode({ code: code.code, userId: "u-3", authBaseUrl: hmsUrls(server.url).authBaseUrl });
  assert.equal(tokens.verifyToken(viaTokens.token, DEFAULT_APP.secret, { type: "app" }).user_id, "u-3");
  await assert.rejects(hms.rooms.create({ region: "mars" }), (e) => isEdgeroomError(e) && e.field === "region");
} finally {
  await server.close();
}

// Once its work is done the process must end on its own, promptly.
const workDone = performance.now();
process.on("exit", () => {
  const lingered = Math.round(performance.now() - workDone);
  if (lingered > 2000) {
    console.error(`node: the process lingered ${lingered} ms after its work (a pending timer or socket)`);
    process.exitCode = 1;
  } else {
    console.log(JSON.stringify({ entries: ["entries/node.js", "entries/tokens/node.js"], exitedAfterMs: lingered }));
  }
});
