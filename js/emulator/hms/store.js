// In-memory state of one emulator instance, and the seed it resets to.
//
// The seed (apps, their ids and templates) is drawn once per emulator so that ids a test read
// before `reset()` (a template id, an app id) stay valid after it. Secrets never enter the state:
// the emulator keeps them only as non-extractable CryptoKeys (see index.js), so dumping the state
// cannot leak one.

import { rolesWithDefaults, settingsWithDefaults } from "./template-defaults.js";
import { objectId } from "../shared/ids.js";

export const DEFAULT_TEMPLATES = [
  { name: "default-template", region: "us", roles: ["host", "guest"] },
];

// Roles are a map of role name -> role object, as in 100ms's template (policy) objects, with
// the defaults the policy API fills in.
function normalizeRoles(roles) {
  const names = Array.isArray(roles) ? roles : Object.keys(roles ?? {});
  return rolesWithDefaults(Object.fromEntries(names.map((name) => [name, Array.isArray(roles) ? {} : roles[name]])));
}

function checkTemplateSpec(spec) {
  if (typeof spec?.name !== "string" || spec.name === "") {
    throw new TypeError("createEmulator: every template needs a non-empty name");
  }
  if (spec.region !== undefined && !["eu", "in", "us"].includes(spec.region)) {
    throw new TypeError(`createEmulator: template ${spec.name}: region must be eu, in or us`);
  }
}

export function checkTemplateSpecs(templateSpecs = DEFAULT_TEMPLATES) {
  if (!Array.isArray(templateSpecs) || templateSpecs.length === 0) {
    throw new TypeError("createEmulator: templates must be a non-empty array");
  }
  templateSpecs.forEach(checkTemplateSpec);
  return templateSpecs;
}

// apps: [{ accessKey }] (secrets are not passed here). The first template is each app's default.
export function buildSeed(apps, templateSpecs) {
  const customerId = objectId();
  const seededApps = apps.map(({ accessKey }) => ({
    access_key: accessKey,
    app_id: objectId(),
    customer_id: customerId,
  }));
  // `region` mirrors settings.region (rooms read it); created_at is unknown for seeded
  // templates, which the policy API presents as the zero time, as 100ms itself sometimes does.
  const templates = seededApps.flatMap((app) =>
    templateSpecs.map((spec) => ({
      id: objectId(),
      name: spec.name,
      app_id: app.app_id,
      region: spec.region ?? "us",
      roles: normalizeRoles(spec.roles),
      settings: settingsWithDefaults({}, spec.region ?? "us"),
      destinations: {},
      recordings: [],
      created_at: undefined,
      updated_at: undefined,
    })),
  );
  for (const app of seededApps) {
    app.default_template_id = templates.find((t) => t.app_id === app.app_id).id;
  }
  return { apps: seededApps, templates };
}

// Maps keep insertion order, which is the creation order lists page through. Everything but
// apps and templates is activity that reset() forgets.
export function createState(seed) {
  const clone = structuredClone(seed);
  return {
    apps: clone.apps,
    templates: new Map(clone.templates.map((t) => [t.id, t])),
    rooms: new Map(),
    roomCodes: new Map(),
    sessions: new Map(), // id -> session, peers inside
    streamKeys: new Map(), // id -> RTMP ingest key
    jobs: new Map(), // id -> recording, live stream or external stream (job.kind)
    assets: new Map(), // id -> recording asset
    events: [], // analytics events, oldest first
    eventCursors: new Map(), // analytics snapshot id -> { event ids, expiry }
    messages: [], // what send-message delivered, and to whom
    polls: new Map(), // id -> poll
    pollRuns: new Map(), // "poll_id:session_id" -> a poll run in a session
    pollResponses: new Map(), // id -> one peer's answer to one question
  };
}

export const appByKey = (state, accessKey) => state.apps.find((a) => a.access_key === accessKey);

export const appById = (state, appId) => state.apps.find((a) => a.app_id === appId);

// An app sees only its own objects; another app's id is answered like an unknown one.
export function ownedTemplate(state, app, id) {
  const template = state.templates.get(id);
  return template && template.app_id === app.app_id ? template : undefined;
}

export function ownedRoom(state, app, id) {
  const room = state.rooms.get(id);
  return room && room.app_id === app.app_id ? room : undefined;
}

// Sessions, jobs, assets, stream keys and polls all carry their app_id.
export function ownedBy(map, app, id) {
  const item = map.get(id);
  return item && item.app_id === app.app_id ? item : undefined;
}

export const roomsOf = (state, app) => [...state.rooms.values()].filter((r) => r.app_id === app.app_id);

export const codesOfRoom = (state, roomId) =>
  [...state.roomCodes.values()].filter((c) => c.room_id === roomId);

export function ownedRoomCode(state, app, code) {
  const roomCode = state.roomCodes.get(code);
  return roomCode && ownedRoom(state, app, roomCode.room_id) ? roomCode : undefined;
}
