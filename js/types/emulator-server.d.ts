// Type declarations for `edgeroom/emulator/server` (js/emulator/server.js): the emulator
// served over node:http (Node only). The interfaces live in ./emulator.d.ts.

// A `.d.ts` specifier: see the note in ./emulator.d.ts.
import type { EmulatorServer, EmulatorServerOptions } from "./emulator.d.ts";

export type { EmulatorServer, EmulatorServerOptions };

/**
 * Serves an emulator over `node:http`.
 * @example
 * const server = await startEmulatorServer();
 * const hms = new HmsClient({ ...DEFAULT_APP, ...hmsUrls(server.url) });
 * await server.close();
 */
export function startEmulatorServer(options?: EmulatorServerOptions): Promise<EmulatorServer>;
