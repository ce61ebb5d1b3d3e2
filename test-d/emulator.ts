// edgeroom/emulator and edgeroom/emulator/server.
import { HmsClient, VideoSdkClient, type Room } from "edgeroom";
import {
  DEFAULT_APP,
  DEFAULT_VIDEOSDK_APP,
  HMS_AUTH_PREFIX,
  HMS_PREFIX,
  VIDEOSDK_PREFIX,
  createEmulator,
  hmsUrls,
  type Emulator,
} from "edgeroom/emulator";
import { startEmulatorServer, type EmulatorServer } from "edgeroom/emulator/server";
import { expectAssignable, expectTrue, type Equals } from "./assert.js";

export async function emulator(): Promise<void> {
  const emu = createEmulator({
    apps: [DEFAULT_APP, { accessKey: "other", secret: "other-secret" }],
    videosdkApps: [DEFAULT_VIDEOSDK_APP],
    templates: [{ name: "default-template", region: "eu", roles: ["host", "guest"] }],
    now: () => Date.now(),
  });
  expectTrue<Equals<typeof emu, Emulator>>();
  const hms = new HmsClient({ ...DEFAULT_APP, ...hmsUrls("http://emulator.invalid"), fetch: emu.fetch });
  const room = await hms.rooms.create({ name: "x" });
  const peer = emu.hms.addPeer(room.id, { role: "guest", name: "Ana" });
  expectAssignable<string>(peer.session_id);
  emu.hms.removePeer(room.id, peer.id, { reason: "bye" });
  expectAssignable<string[]>(emu.hms.messages(room.id).flatMap((m) => m.recipients));
  expectAssignable<Room[]>(emu.state.rooms);
  expectAssignable<string>(emu.requests[0]?.path ?? "");
  emu.reset();
  const response = await emu.fetch(new Request("http://emulator.invalid/health"));
  expectAssignable<number>(response.status);
  expectAssignable<string>(HMS_PREFIX + HMS_AUTH_PREFIX + VIDEOSDK_PREFIX);

  const vsdk = new VideoSdkClient({ ...DEFAULT_VIDEOSDK_APP, baseUrl: "http://emulator.invalid/videosdk", fetch: emu.fetch });
  const vroom = await vsdk.rooms.create();
  const { participant } = await emu.videosdk.join(vroom.roomId, { name: "Bo" });
  await emu.videosdk.leave(vroom.roomId, participant.participantId);
  expectAssignable<number>(emu.videosdk.state.sessions.length);

  const server = await startEmulatorServer({ port: 0, host: "127.0.0.1", log: (line) => console.log(line) });
  expectTrue<Equals<typeof server, EmulatorServer>>();
  new HmsClient({ ...DEFAULT_APP, ...hmsUrls(server.url) });
  expectAssignable<Emulator>(server.emulator);
  await server.close();

  // Fault injection.
  const flaky = createEmulator({ faults: [{ fault: "status", status: 503, retryAfter: 1, route: "GET /100ms/v2/rooms/:room_id", times: 2 }] });
  flaky.faults.add({ fault: "latency", latencyMs: [10, 50] });
  flaky.faults.set([{ fault: "lost", route: "POST /100ms/v2/rooms" }, { fault: "truncate", closeConnection: true }, { fault: "trickle", intervalMs: 500 }]);
  for (const rule of flaky.faults.list()) expectAssignable<number>(rule.hits);
  flaky.faults.clear();
  expectAssignable<string | undefined>(flaky.requests[0]?.fault?.fault);
  // @ts-expect-error not a fault
  flaky.faults.add({ fault: "explode" });
  // @ts-expect-error a status fault needs its status
  flaky.faults.add({ fault: "status", retryAfter: 1 });
  // @ts-expect-error latency needs latencyMs
  flaky.faults.add({ fault: "latency" });

  // Webhooks the emulator sends.
  const hooked = createEmulator({ webhooks: { hms: { url: "http://127.0.0.1:8788/hooks", headers: { "x-secret": "s" } }, retryDelaysMs: [10, 20] } });
  hooked.webhooks.configureHms({ url: "http://127.0.0.1:8788/other" }, { accessKey: DEFAULT_APP.accessKey });
  hooked.webhooks.configureHms(null);
  await hooked.webhooks.settled();
  for (const d of hooked.webhooks.deliveries) expectAssignable<"pending" | "delivered" | "failed" | "cancelled">(d.status);
  expectAssignable<string>(await hooked.webhooks.publicKey());
  hooked.webhooks.clear();
  hooked.webhooks.close();
  // @ts-expect-error a target needs its url
  createEmulator({ webhooks: { hms: { headers: {} } } });

  // @ts-expect-error an app needs its secret
  createEmulator({ apps: [{ accessKey: "k" }] });
  // @ts-expect-error the clock is a function returning milliseconds
  createEmulator({ now: 5 });
  // @ts-expect-error the port is a number
  await startEmulatorServer({ port: "8787" });
}
