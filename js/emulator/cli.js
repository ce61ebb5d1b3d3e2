#!/usr/bin/env node
// edgeroom-emulator: runs the emulator as a local HTTP server until SIGINT/SIGTERM.
// Prints what to configure a client with, and the access keys, but never a secret: terminal
// output ends up in CI logs and screenshots.

import { DEFAULT_APP, DEFAULT_VIDEOSDK_APP, hmsUrls } from "./index.js";
import { startEmulatorServer } from "./server.js";

const USAGE = `Usage: edgeroom-emulator [options]

A local stand-in for two providers' room APIs:
  100ms     its REST API (under /100ms/v2) and its room-code auth service (/100ms-auth/v2)
  VideoSDK  its REST API (under /videosdk/v2, its AI API under /videosdk/ai/v1): give an
            official VideoSDK SDK the base URL <origin>/videosdk

Options:
  --port <n>             port to listen on (default 8787; 0 picks a free one)
  --host <addr>          address to bind (default 127.0.0.1, this machine only)
  --app <KEY:SECRET>     an app's access key and secret; repeat for several apps.
                         Without --app, the default app documented in the README is used.
                         VideoSDK always uses its default app (apiKey emulator-videosdk-key).
  --quiet                do not print a line per request
  -h, --help             show this help
`;

class UsageError extends Error {}

function parsePort(text) {
  if (!/^\d+$/.test(text ?? "") || Number(text) > 65535) throw new UsageError(`invalid port: ${text ?? "(missing)"}`);
  return Number(text);
}

function parseApp(text) {
  const colon = (text ?? "").indexOf(":");
  if (colon <= 0 || colon === text.length - 1) throw new UsageError("--app expects KEY:SECRET");
  return { accessKey: text.slice(0, colon), secret: text.slice(colon + 1) };
}

// Accepts "--opt value" and "--opt=value".
function parseArgs(argv) {
  const options = { port: 8787, host: "127.0.0.1", apps: [], quiet: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].startsWith("--") && argv[i].includes("=")
      ? [argv[i].slice(0, argv[i].indexOf("=")), argv[i].slice(argv[i].indexOf("=") + 1)]
      : [argv[i], undefined];
    const value = () => inline ?? argv[++i];
    if (flag === "-h" || flag === "--help") options.help = true;
    else if (flag === "--quiet") options.quiet = true;
    else if (flag === "--port") options.port = parsePort(value());
    else if (flag === "--host") options.host = value() ?? "";
    else if (flag === "--app") options.apps.push(parseApp(value()));
    else throw new UsageError(`unknown option: ${flag}`);
  }
  if (options.host === "") throw new UsageError("--host expects an address");
  return options;
}

function banner(server, apps, usingDefault) {
  const { baseUrl, authBaseUrl } = hmsUrls(server.url);
  const appLines = apps.map(({ accessKey }) =>
    usingDefault
      ? `    access key: ${accessKey}  secret: the documented default from the README (not for production)`
      : `    access key: ${accessKey}  secret: (as configured)`,
  );
  return [
    `edgeroom emulator listening on ${server.url}`,
    "  100ms:",
    `    baseUrl:     ${baseUrl}`,
    `    authBaseUrl: ${authBaseUrl}`,
    "  VideoSDK:",
    `    baseUrl:     ${server.url}/videosdk  (REST /v2, AI /ai/v1)`,
    `    apiKey:      ${DEFAULT_VIDEOSDK_APP.apiKey}  secret: the documented default from the README (not for production)`,
    "  apps:",
    ...appLines,
    "Press Ctrl+C to stop.",
  ].join("\n");
}

async function main() {
  let options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`edgeroom-emulator: ${error.message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (options.help) {
    process.stdout.write(USAGE);
    return;
  }
  const usingDefault = options.apps.length === 0;
  const apps = usingDefault ? [DEFAULT_APP] : options.apps;
  let server;
  try {
    server = await startEmulatorServer({
      port: options.port,
      host: options.host,
      apps,
      log: options.quiet ? undefined : (line) => console.log(line),
    });
  } catch (error) {
    // error.message names the access key or the address, never a secret.
    process.stderr.write(`edgeroom-emulator: cannot start: ${error.message}\n`);
    process.exit(1);
  }
  const stop = async (signal) => {
    console.log(`received ${signal}, stopping`);
    await server.close();
    process.exit(0);
  };
  // Handlers first: a script may send the signal as soon as it reads the banner.
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  console.log(banner(server, apps, usingDefault));
}

await main();
