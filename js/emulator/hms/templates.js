// Templates (the policy API): roles, settings and recording configuration. Two quirks of the
// real API are kept: its JSON is camelCase (unlike the rest), and creating a template with a
// name that exists overwrites that template. Roles drive room codes: a role that disappears
// (deleted, renamed, or dropped by an overwrite) gets its codes disabled at once, and a new
// role gets a code at the next room-code re-sync (POST /room-codes/room/:room_id).

import { notFound } from "./lookup.js";
import { merge, roleWithDefaults, rolesWithDefaults, settingsWithDefaults } from "./template-defaults.js";
import { HttpError, badBodyParam, objectBody } from "../shared/http.js";
import { objectId, unique } from "../shared/ids.js";
import { paginate } from "./paging.js";
import { checkTypes, has } from "./room-rules.js";
import { appById, ownedTemplate } from "./store.js";

const NAME_PATTERN = /^[A-Za-z0-9 ._:-]+$/;
const REGIONS = ["eu", "in", "us"];
// Seeded templates have no known creation time; 100ms itself answers the zero time then.
const ZERO_TIME = "0001-01-01T00:00:00Z";

const templatesOf = (ctx) => [...ctx.state.templates.values()].filter((t) => t.app_id === ctx.app.app_id);

function presentTemplate(state, template) {
  const app = appById(state, template.app_id);
  const { id, name, roles, settings, destinations } = template;
  return structuredClone({
    id, name, customerId: app.customer_id, appId: app.app_id, default: app.default_template_id === id,
    roles, settings, destinations,
    createdAt: template.created_at ?? ZERO_TIME, updatedAt: template.updated_at ?? ZERO_TIME,
    _id: id, customer: app.customer_id, // deprecated aliases the API still sends
  });
}

function requireTemplate(ctx) {
  const template = ownedTemplate(ctx.state, ctx.app, ctx.params.template_id);
  if (!template) throw notFound("Template", ctx.params.template_id);
  return template;
}

function checkName(name, field = "name") {
  if (typeof name !== "string" || !NAME_PATTERN.test(name)) {
    throw badBodyParam(field, `${field}: accepted characters are a-z, A-Z, 0-9, space and . - : _`);
  }
}

function checkRole(body, prefix) {
  if (body === null || typeof body !== "object" || Array.isArray(body)) throw badBodyParam(prefix.replace(/\.$/, ""), "a role must be an object");
  checkTypes(body, { publishParams: "object", subscribeParams: "object", permissions: "object", priority: "integer", maxPeerCount: "integer" }, prefix);
  if (has(body, "priority") && (body.priority < 1 || body.priority > 5)) throw badBodyParam(`${prefix}priority`, "priority must be from 1 to 5");
  if (has(body, "maxPeerCount") && body.maxPeerCount < -1) throw badBodyParam(`${prefix}maxPeerCount`, "maxPeerCount is -1 (nobody), 0 (no limit) or a positive limit");
}

function checkRoles(roles) {
  if (roles === null || typeof roles !== "object" || Array.isArray(roles)) throw badBodyParam("roles", "roles must be a map of role name to role object");
  for (const [name, role] of Object.entries(roles)) {
    checkName(name, `roles.${name}`);
    checkRole(role, `roles.${name}.`);
  }
}

function checkSettings(settings, field = "settings") {
  if (settings === null || typeof settings !== "object" || Array.isArray(settings)) throw badBodyParam(field, `${field} must be an object`);
  checkTypes(settings, { region: "string", roomState: "object", retry: "object" }, `${field}.`);
  if (has(settings, "region") && !REGIONS.includes(settings.region)) throw badBodyParam(`${field}.region`, `region must be one of ${REGIONS.join(", ")}`);
  if (has(settings, "recording") && settings.recording !== null && typeof settings.recording !== "object") {
    throw badBodyParam(`${field}.recording`, "recording must be an object or null");
  }
}

// Codes of roles that no longer exist stop working now, not at the next re-sync.
function disableCodesOfRoles(ctx, template, roleNames) {
  if (roleNames.length === 0) return;
  for (const code of ctx.state.roomCodes.values()) {
    const room = ctx.state.rooms.get(code.room_id);
    if (code.enabled && room?.template_id === template.id && roleNames.includes(code.role)) {
      code.enabled = false;
      code.updated_at = ctx.clock.iso;
    }
  }
}

function setRoles(ctx, template, roles) {
  const removed = Object.keys(template.roles).filter((name) => !Object.hasOwn(roles, name));
  template.roles = roles;
  disableCodesOfRoles(ctx, template, removed);
}

// region lives in settings on the wire and on the template for rooms (their "auto" region).
function setSettings(template, settings) {
  template.settings = settingsWithDefaults(settings, template.region);
  template.region = template.settings.region;
}

function checkTemplateBody(body) {
  if (has(body, "name")) checkName(body.name);
  if (has(body, "roles")) checkRoles(body.roles);
  if (has(body, "settings")) checkSettings(body.settings);
  checkTypes(body, { destinations: "object", default: "boolean" });
}

const findByName = (ctx, name) => templatesOf(ctx).find((t) => t.name === name);

// An existing name overwrites that template: roles, settings and destinations are replaced.
function createTemplate(ctx) {
  const body = objectBody(ctx.body);
  checkTemplateBody(body);
  const name = body.name ?? unique(() => `template-${objectId().slice(0, 10)}`, (n) => findByName(ctx, n) !== undefined);
  let template = findByName(ctx, name);
  if (!template) {
    template = {
      id: unique(objectId, (id) => ctx.state.templates.has(id)),
      name,
      app_id: ctx.app.app_id,
      region: "us",
      roles: {},
      settings: undefined,
      destinations: {},
      recordings: [],
      created_at: ctx.clock.iso,
      updated_at: ctx.clock.iso,
    };
    ctx.state.templates.set(template.id, template);
  }
  setRoles(ctx, template, rolesWithDefaults(body.roles ?? {}));
  template.region = "us";
  setSettings(template, body.settings ?? {});
  template.destinations = structuredClone(body.destinations ?? {});
  template.updated_at = ctx.clock.iso;
  if (body.default === true) ctx.app.default_template_id = template.id;
  return presentTemplate(ctx.state, template);
}

// Fields absent from the body are kept; a name another template has is refused.
function updateTemplate(ctx) {
  const template = requireTemplate(ctx);
  const body = objectBody(ctx.body);
  checkTemplateBody(body);
  if (has(body, "name")) {
    const other = findByName(ctx, body.name);
    if (other && other.id !== template.id) throw new HttpError(400, "Template name already exists", [`template ${other.id} is named ${body.name}`]);
    template.name = body.name;
  }
  if (has(body, "roles")) setRoles(ctx, template, rolesWithDefaults(body.roles));
  if (has(body, "settings")) setSettings(template, body.settings);
  if (has(body, "destinations")) template.destinations = structuredClone(body.destinations);
  if (body.default === true) ctx.app.default_template_id = template.id;
  template.updated_at = ctx.clock.iso;
  return presentTemplate(ctx.state, template);
}

function listTemplates(ctx) {
  const page = paginate(templatesOf(ctx), { query: ctx.query, keyOf: (t) => t.id, matches: () => true });
  return { ...page, data: page.data.map((t) => presentTemplate(ctx.state, t)) };
}

function getTemplate(ctx) {
  return presentTemplate(ctx.state, requireTemplate(ctx));
}

function requireRole(template, name) {
  const role = Object.hasOwn(template.roles, name) ? template.roles[name] : undefined;
  if (!role) throw notFound("Role", name);
  return role;
}

function getRole(ctx) {
  return structuredClone(requireRole(requireTemplate(ctx), ctx.params.role_name));
}

// Creates the role or merges the body into it; a `name` in the body renames it.
function upsertRole(ctx) {
  const template = requireTemplate(ctx);
  const body = objectBody(ctx.body);
  checkRole(body, "");
  const current = ctx.params.role_name;
  const name = body.name ?? current;
  checkName(name);
  const existing = Object.hasOwn(template.roles, current) ? template.roles[current] : undefined;
  if (name !== current && Object.hasOwn(template.roles, name)) {
    throw new HttpError(400, "Role already exists", [`template ${template.id} already has a role ${name}`]);
  }
  const roles = { ...template.roles };
  delete roles[current];
  roles[name] = roleWithDefaults(name, merge(existing ?? {}, body), [...Object.keys(roles), name]);
  setRoles(ctx, template, roles);
  template.updated_at = ctx.clock.iso;
  return structuredClone(roles[name]);
}

// The real API answers 204; this dispatcher answers 200 with an empty body.
function deleteRole(ctx) {
  const template = requireTemplate(ctx);
  requireRole(template, ctx.params.role_name);
  const roles = { ...template.roles };
  delete roles[ctx.params.role_name];
  for (const role of Object.values(roles)) {
    const subscribed = role.subscribeParams?.subscribeToRoles;
    if (Array.isArray(subscribed)) role.subscribeParams.subscribeToRoles = subscribed.filter((r) => r !== ctx.params.role_name);
  }
  setRoles(ctx, template, roles);
  template.updated_at = ctx.clock.iso;
  return undefined;
}

function getSettings(ctx) {
  return structuredClone(requireTemplate(ctx).settings);
}

function updateSettings(ctx) {
  const template = requireTemplate(ctx);
  const body = objectBody(ctx.body);
  checkSettings(body, "settings");
  setSettings(template, body);
  template.updated_at = ctx.clock.iso;
  return structuredClone(template.settings);
}

function getRecordings(ctx) {
  return structuredClone(requireTemplate(ctx).recordings);
}

// The body is a JSON array; "currently only one recordingConfig object is allowed".
function configureRecordings(ctx) {
  const template = requireTemplate(ctx);
  const configs = ctx.body;
  if (!Array.isArray(configs)) throw new HttpError(400, "Invalid request body", ["the body must be a JSON array of recording configurations"]);
  if (configs.length !== 1) throw badBodyParam("recordingConfigs", "exactly one recording configuration is allowed");
  configs.forEach((config, i) => {
    const prefix = `recordingConfigs[${i}].`;
    if (config === null || typeof config !== "object" || Array.isArray(config)) throw badBodyParam(`recordingConfigs[${i}]`, "must be an object");
    if (typeof config.name !== "string" || config.name === "") throw badBodyParam(`${prefix}name`, "name is required");
    if (!Object.hasOwn(template.roles, config.role)) throw badBodyParam(`${prefix}role`, `role must be one of the template's roles: ${Object.keys(template.roles).join(", ")}`);
    checkTypes(config, {
      maxDuration: "integer", presignDuration: "integer", thumbnails: "object",
      compositeRecording: "object", trackRecording: "object", streamRecording: "object",
    }, prefix);
  });
  template.recordings = structuredClone(configs);
  template.updated_at = ctx.clock.iso;
  return structuredClone(template.recordings);
}

export const templateHandlers = {
  listTemplates, getTemplate, createTemplate, updateTemplate,
  getRole, upsertRole, deleteRole, getSettings, updateSettings, getRecordings, configureRecordings,
};
