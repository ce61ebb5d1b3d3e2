// The example as a Cloudflare Worker. `wrangler deploy` bundles it with the `workerd` entry
// of edgeroom (the .wasm as a module); secrets come from `wrangler secret put`.
import { createHandler } from "../../shared/handler.js";

let handle;

export default {
  fetch(request, env) {
    handle ??= createHandler(env);
    return handle(request);
  },
};
