// Node-only: serves an emulator over node:http by adapting each request to the fetch-style
// handler of index.js. Listens on 127.0.0.1 by default so the emulator is not reachable from
// the network unless asked.

import http from "node:http";
import { dropsConnection } from "./shared/faults.js";
import { createEmulator } from "./index.js";

// Connection-level headers belong to this hop, not to the Request the handler sees.
const HOP_BY_HOP = new Set(["connection", "keep-alive", "transfer-encoding", "upgrade", "content-length", "host"]);

async function readBody(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return Buffer.concat(chunks);
}

async function toRequest(req, origin, signal) {
  const headers = new Headers();
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    if (!HOP_BY_HOP.has(req.rawHeaders[i].toLowerCase())) headers.append(req.rawHeaders[i], req.rawHeaders[i + 1]);
  }
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  // Concatenate rather than new URL(req.url, origin): a path like "//rooms" must stay a path.
  const url = req.url.startsWith("/") ? `${origin}${req.url}` : req.url;
  return new Request(url, { method: req.method, headers, body: hasBody ? await readBody(req) : undefined, signal });
}

async function sendResponse(res, response, method) {
  res.writeHead(response.status, Object.fromEntries(response.headers));
  if (response.body && method !== "HEAD") {
    for await (const chunk of response.body) res.write(chunk);
  }
  res.end();
}

// A wildcard bind address is not something a client can connect to.
function displayHost(host) {
  if (host === "0.0.0.0") return "127.0.0.1";
  if (host === "::") return "[::1]";
  return host.includes(":") ? `[${host}]` : host;
}

function listen(server, port, host) {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    // A burst of new connections (the load tier opens thousands at once) must queue, not be
    // refused: Node's default backlog is 511.
    server.listen({ port, host, backlog: 4096 }, () => {
      server.off("error", reject);
      resolve(server.address().port);
    });
  });
}

// log: optional (line) => void, called once per request with "METHOD /path -> status"
// (never headers or bodies, so no token or secret can reach it).
export async function startEmulatorServer({ port = 0, host = "127.0.0.1", log, ...emulatorOptions } = {}) {
  const emulator = createEmulator(emulatorOptions);
  let origin;
  const server = http.createServer(async (req, res) => {
    let status = 500;
    // Aborted when the client goes away, so a slow body (shared/faults.js "trickle") stops too.
    const gone = new AbortController();
    res.once("close", () => gone.abort());
    try {
      const response = await emulator.fetch(await toRequest(req, origin, gone.signal));
      status = response.status;
      await sendResponse(res, response, req.method);
    } catch (error) {
      if (dropsConnection(error)) {
        status = "dropped"; // a fault (shared/faults.js): the client sees the socket close, no answer
        res.destroy();
      } else if (!res.headersSent) {
        res.writeHead(500, { "content-type": "application/json" });
        res.end(JSON.stringify({ code: 500, message: "internal emulator error", details: [] }));
      } else {
        res.destroy();
      }
    }
    log?.(`${req.method} ${req.url.split("?")[0]} -> ${status}`);
  });
  // A pooled client socket must never be closed under a request that is already on its way:
  // with Node's 5 s default, a POST reusing a socket the server is closing that moment fails
  // with ECONNRESET, and no client may retry a POST. Real providers keep connections open far
  // longer than any client pool does; so does the emulator.
  server.keepAliveTimeout = 120_000;
  server.headersTimeout = 121_000;
  const actualPort = await listen(server, port, host);
  origin = `http://${displayHost(host)}:${actualPort}`;

  let closing;
  function close() {
    closing ??= new Promise((resolve, reject) => {
      server.close((error) => (error ? reject(error) : resolve()));
      server.closeAllConnections(); // keep-alive sockets would otherwise hold close() open
    });
    return closing;
  }

  return { url: origin, port: actualPort, emulator, close };
}
