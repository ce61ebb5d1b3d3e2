// Request build cost in Node: build, validate and serialise a create-room request, hand it
// to a transport that answers at once with a canned 200, and parse the answer; no network.
// edgeroom and @videosdk.live/server-sdk take a `fetch` option, so they get a fetch that
// resolves immediately to a new Response (one promise round-trip, plus constructing the
// Response and reading its body, both measured alone in the first row). For
// @100mslive/server-sdk the axios adapter of its client is replaced by one that resolves to
// the same canned answer, so axios's own request/response pipeline and the SDK's token
// interceptor still run (its logger set to warn, as in production); edgeroom is measured with
// its transport stubbed the same way too (a fetch answering a plain object, no Response).
// JSON on stdout for run.mjs.
//   node --expose-gc bench/runners/request.mjs [--rounds 7] [--round-ms 250]
import { HMS, VIDEOSDK } from "../signers/config.mjs";
import { parseArgs } from "../lib/args.mjs";
import { summary } from "../lib/stats.mjs";

/** A room as 100ms's API documents its create-room reply. */
const HMS_ROOM = JSON.stringify({
  id: "65f1c0a3d4e5f60718293a4c",
  name: "bench-room",
  enabled: true,
  description: "benchmark room",
  customer_id: "65f1c0a3d4e5f60718293a40",
  app_id: "65f1c0a3d4e5f60718293a41",
  recording_info: { enabled: false },
  template_id: "65f1c0a3d4e5f60718293a42",
  template: "bench-template",
  region: "in",
  created_at: "2024-03-13T10:00:00.000Z",
  updated_at: "2024-03-13T10:00:00.000Z",
  large_room: false,
});
/** A room as VideoSDK's API documents its create-room reply. */
const VIDEOSDK_ROOM = JSON.stringify({
  roomId: VIDEOSDK.roomId,
  customRoomId: "bench-room",
  userId: "5f7edbe9b4b5a5ac9f4b4c4e",
  disabled: false,
  createdAt: "2024-03-13T10:00:00.000Z",
  updatedAt: "2024-03-13T10:00:00.000Z",
  id: "65f1c0a3d4e5f60718293a43",
  links: { get_room: `https://api.videosdk.live/v2/rooms/${VIDEOSDK.roomId}`, get_session: `https://api.videosdk.live/v2/sessions/` },
});
const HMS_PARAMS = { name: "bench-room", description: "benchmark room", template_id: "65f1c0a3d4e5f60718293a42", region: "in" };
const VIDEOSDK_PARAMS = { customRoomId: "bench-room" };

const seen = {};
function cannedFetch(label, body) {
  return (url, init) => {
    seen[label] ??= { method: init?.method, url: String(url), body: init?.body, auth: Boolean(headerOf(init?.headers, "authorization")) };
    return Promise.resolve(new Response(body, { status: 200, headers: { "content-type": "application/json" } }));
  };
}
/**
 * A stubbed transport at the level of the official SDK's replaced axios adapter: a fetch that
 * answers with a plain object carrying what edgeroom reads of a Response (status, headers,
 * text), so neither side pays for building a Response.
 */
function stubbedFetch(label, body) {
  const answer = { status: 200, ok: true, headers: { get: (name) => (name.toLowerCase() === "content-type" ? "application/json" : null) }, text: () => Promise.resolve(body) };
  return (url, init) => {
    seen[label] ??= { method: init?.method, url: String(url), body: init?.body, auth: Boolean(headerOf(init?.headers, "authorization")) };
    return Promise.resolve(answer);
  };
}
function headerOf(headers, name) {
  if (!headers) return undefined;
  if (typeof headers.get === "function") return headers.get(name);
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
  return key && headers[key];
}

/** Each case makes its client (importing its library) and returns the call to time. */
const CASES = {
  floor: async () => {
    const floorFetch = cannedFetch("floor", HMS_ROOM);
    return async () => (await (await floorFetch("https://api.100ms.live/v2/rooms", { method: "POST" })).json()).id;
  },
  "edgeroom-hms": async () => {
    const { HmsClient } = await import("edgeroom");
    const hms = new HmsClient({ accessKey: HMS.accessKey, secret: HMS.secret, fetch: cannedFetch("edgeroom-hms", HMS_ROOM) });
    return async () => (await hms.rooms.create(HMS_PARAMS)).id;
  },
  "edgeroom-hms-stub": async () => {
    const { HmsClient } = await import("edgeroom");
    const hms = new HmsClient({ accessKey: HMS.accessKey, secret: HMS.secret, fetch: stubbedFetch("edgeroom-hms-stub", HMS_ROOM) });
    return async () => (await hms.rooms.create(HMS_PARAMS)).id;
  },
  "hms-sdk": async () => {
    const { SDK } = await import("@100mslive/server-sdk");
    const sdk = new SDK(HMS.accessKey, HMS.secret);
    // Its default log level (debug unless NODE_ENV=production) prints every request to stdout.
    sdk.setLogLevel("warn");
    sdk.api.axios.defaults.adapter = (config) => {
      seen["hms-sdk"] ??= {
        method: config.method?.toUpperCase(),
        url: `${config.baseURL}${config.url}`,
        body: config.data,
        auth: Boolean(headerOf(config.headers, "authorization")),
      };
      return Promise.resolve({ data: HMS_ROOM, status: 200, statusText: "OK", headers: { "content-type": "application/json" }, config, request: {} });
    };
    return async () => (await sdk.rooms.create(HMS_PARAMS)).id;
  },
  "edgeroom-videosdk": async () => {
    const { VideoSdkClient } = await import("edgeroom");
    const videosdk = new VideoSdkClient({ apiKey: VIDEOSDK.apiKey, secret: VIDEOSDK.secret, fetch: cannedFetch("edgeroom-videosdk", VIDEOSDK_ROOM) });
    return async () => (await videosdk.rooms.create(VIDEOSDK_PARAMS)).roomId;
  },
  "videosdk-sdk": async () => {
    const { VideoSDK } = await import("@videosdk.live/server-sdk");
    const vsdk = new VideoSDK({ apiKey: VIDEOSDK.apiKey, secret: VIDEOSDK.secret, fetch: cannedFetch("videosdk-sdk", VIDEOSDK_ROOM) });
    return async () => (await vsdk.rooms.create(VIDEOSDK_PARAMS)).roomId;
  },
};

/** Calls per second over about `ms`. */
async function callsFor(run, ms) {
  let count = 0;
  const start = performance.now();
  const end = start + ms;
  let now;
  do {
    for (let i = 0; i < 16; i++) if (!(await run())) throw new Error("no room in the reply");
    count += 16;
    now = performance.now();
  } while (now < end);
  return (count * 1000) / (now - start);
}

async function main() {
  const args = parseArgs(process.argv.slice(2), { rounds: 7, "round-ms": 250, "warmup-ms": 400 });
  const rows = [];
  for (const [id, make] of Object.entries(CASES)) {
    const row = { id, samples: [] };
    rows.push(row);
    try {
      row.run = await make();
      await callsFor(row.run, args["warmup-ms"]);
    } catch (error) {
      row.error = String(error?.message ?? error).split("\n")[0];
    }
  }
  const collect = globalThis.gc ?? (() => {});
  for (let round = 0; round < args.rounds; round++) {
    for (const row of rows) {
      if (row.error) continue;
      collect();
      row.samples.push(await callsFor(row.run, args["round-ms"]));
    }
  }
  const results = rows.map(({ id, samples, error }) => {
    if (error) return { id, error };
    // Microseconds per call: the reciprocal of each round's rate.
    return { id, usPerCall: summary(samples.map((rate) => 1e6 / rate)), request: seen[id] };
  });
  console.log(JSON.stringify({ results }));
}

await main();
