// Cursor paging shared by every 100ms list: `limit` + `start` in, {limit, data, last} out.
// The cursor is the key (room id, code) of the last item of the previous page; `start` is
// exclusive. `last` is present only when more items follow, so a client that feeds `last` back
// as `start` and stops when it is absent sees every item exactly once.

import { badQueryParam } from "../shared/http.js";

export const DEFAULT_LIMIT = 10;
export const MAX_LIMIT = 100;

export function parseLimit(query) {
  const raw = query.get("limit");
  if (raw === null) return DEFAULT_LIMIT;
  const limit = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!(limit >= 1 && limit <= MAX_LIMIT)) {
    throw badQueryParam("limit", `limit must be an integer from 1 to ${MAX_LIMIT}`);
  }
  return limit;
}

// Optional boolean query value ("true"/"false"); undefined when absent.
export function parseBooleanQuery(query, name) {
  const raw = query.get(name);
  if (raw === null) return undefined;
  if (raw !== "true" && raw !== "false") throw badQueryParam(name, `${name} must be true or false`);
  return raw === "true";
}

// Optional ISO date query value as epoch ms; undefined when absent.
export function parseDateQuery(query, name) {
  const raw = query.get(name);
  if (raw === null) return undefined;
  const ms = Date.parse(raw);
  if (Number.isNaN(ms)) throw badQueryParam(name, `${name} must be an ISO 8601 date`);
  return ms;
}

// Optional integer query value within [min, max]; `fallback` when absent.
export function parseIntegerQuery(query, name, { min, max, fallback }) {
  const raw = query.get(name);
  if (raw === null) return fallback;
  const value = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!(value >= min && value <= max)) {
    throw badQueryParam(name, `${name} must be an integer from ${min} to ${max}`);
  }
  return value;
}

// `all` is the whole collection in creation order; the cursor is looked up there (not in the
// filtered view) so that it stays meaningful whatever the filters.
export function paginate(all, { query, keyOf, matches }) {
  const limit = parseLimit(query);
  const start = query.get("start");
  let from = 0;
  if (start !== null) {
    const index = all.findIndex((item) => keyOf(item) === start);
    if (index < 0) throw badQueryParam("start", "start must be the `last` cursor of a previous page");
    from = index + 1;
  }
  const remaining = all.slice(from).filter(matches);
  const data = remaining.slice(0, limit);
  const page = { limit, data };
  if (remaining.length > limit) page.last = keyOf(data[data.length - 1]);
  return page;
}
