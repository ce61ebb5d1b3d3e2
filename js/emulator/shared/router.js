// A tiny route table: "/rooms/:room_id" patterns matched segment by segment. Paths are matched
// exactly (no slash collapsing, no empty parameters) so a client that builds "//rooms" or
// "/rooms/" gets a 404 here, as it would from the real API, instead of a silent success.

import { HttpError, json } from "./http.js";

export function route(method, pattern, handler) {
  return { method, segments: pattern.split("/").slice(1), handler };
}

function matchSegments(segments, pathSegments) {
  if (segments.length !== pathSegments.length) return null;
  const params = {};
  for (let i = 0; i < segments.length; i++) {
    const want = segments[i];
    const got = pathSegments[i];
    if (want.startsWith(":")) {
      if (got === "") return null;
      try {
        params[want.slice(1)] = decodeURIComponent(got);
      } catch {
        throw new HttpError(400, "Invalid path param", [`${want.slice(1)} is not valid percent-encoding`]);
      }
    } else if (want !== got) {
      return null;
    }
  }
  return params;
}

// `path` is relative to the service prefix ("/rooms/abc"). Throws 404 or 405.
export function findRoute(routes, method, path) {
  const pathSegments = path.split("/").slice(1);
  const allowed = [];
  for (const r of routes) {
    const params = matchSegments(r.segments, pathSegments);
    if (!params) continue;
    if (r.method === method) return { handler: r.handler, params };
    allowed.push(r.method);
  }
  if (allowed.length === 0) throw new HttpError(404, "route not found", [`no route for ${method} ${path || "/"}`]);
  throw new HttpError(405, "method not allowed", [`allowed: ${allowed.join(", ")}`], { allow: allowed.join(", ") });
}

// Answers a request with the route of `service.routes` its path (after `service.prefix`) names:
// 404 or 405 when none, 400 for a body that is not JSON, else the handler's value as JSON 200.
// `ctx` is the handler's context; it gets the path's params.
export async function serveRoute(service, request, url, parsed, ctx) {
  const found = findRoute(service.routes, request.method, url.pathname.slice(service.prefix.length));
  if (parsed.malformed) throw new HttpError(400, "Invalid request body", ["the body is not valid JSON"]);
  ctx.params = found.params;
  return json(200, await found.handler(ctx));
}
