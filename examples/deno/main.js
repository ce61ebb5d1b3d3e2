// The example as a Deno (Deno Deploy) function. Deploy with `deployctl deploy main.js`
// and set HMS_ACCESS_KEY, HMS_SECRET and HMS_WEBHOOK_SECRET in the project's settings.
// Locally against the emulator: `node examples/start.mjs deno` from the repository root.
import { createHandler } from "../shared/handler.js";

const handle = createHandler(Deno.env.toObject());
const port = Number(Deno.env.get("PORT") ?? 8000);

Deno.serve({ hostname: "127.0.0.1", port, onListen: ({ port }) => console.log(`listening on http://127.0.0.1:${port}/`) }, handle);
