// Type-checked by check.sh with `deno check` in the scratch directory: Deno type-checks the
// package's declarations for every user, so they must hold there too (Deno's own lib types).
import { HmsClient, HmsWebhookReceiver, VideoSdkClient, isEdgeroomError, type Room } from "edgeroom";
import { DEFAULT_APP, DEFAULT_VIDEOSDK_APP, createEmulator, hmsUrls } from "edgeroom/emulator";
import { startEmulatorServer } from "edgeroom/emulator/server";
import { HmsTokens, VideoSdkTokens, decodeToken, init } from "edgeroom/tokens";

const emu = createEmulator();
const hms = new HmsClient({ ...DEFAULT_APP, ...hmsUrls("http://emulator.invalid"), fetch: emu.fetch });
const room: Room = await hms.rooms.create({ name: "deno-types", region: "eu" });
for await (const code of hms.roomCodes.list(room.id)) console.log(code.role);
const vsdk = new VideoSdkClient({ ...DEFAULT_VIDEOSDK_APP, fetch: emu.fetch });
vsdk.auth.getToken({ permissions: ["allow_join"], roles: ["rtc"] });
const hooks = new HmsWebhookReceiver({ headers: { "x-secret": "s" } });
Deno.serve(async (request) => {
  try {
    return Response.json(await hooks.receive(request));
  } catch (err) {
    return new Response(isEdgeroomError(err) ? err.code : "error", { status: 400 });
  }
});
void startEmulatorServer;
await init();
const small: HmsTokens = new HmsTokens({ accessKey: "a", secret: "s" });
const appToken: string = small.getAuthToken({ roomId: "r", role: "guest" }).token;
const management: string = small.getManagementToken().token;
new VideoSdkTokens({ apiKey: "k", secret: "s" }).getToken({ permissions: ["allow_join"] });
console.log(decodeToken(appToken).claims.exp, management.length);
