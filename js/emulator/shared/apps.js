// The checks of createEmulator's apps, for either provider: a non-empty array of apps, each
// with a non-empty string key and secret, no key twice. Messages name the key only: errors end
// up in logs, secrets must not. `words` says how the provider's messages name things:
// { option: "apps", key: "accessKey", app: "app", duplicate: "accessKey" } for 100ms.

export function checkApps(apps, { option, key, app, duplicate }) {
  if (!Array.isArray(apps) || apps.length === 0) {
    throw new TypeError(`createEmulator: ${option} must be a non-empty array of { ${key}, secret }`);
  }
  const seen = new Set();
  for (const each of apps) {
    if (typeof each?.[key] !== "string" || each[key] === "") {
      throw new TypeError(`createEmulator: every ${app} needs a non-empty string ${key}`);
    }
    if (typeof each.secret !== "string" || each.secret === "") {
      throw new TypeError(`createEmulator: ${app} ${each[key]} needs a non-empty string secret`);
    }
    if (seen.has(each[key])) throw new TypeError(`createEmulator: duplicate ${duplicate} ${each[key]}`);
    seen.add(each[key]);
  }
  return apps;
}

// One reading of the clock per request or helper call, so all its timestamps (created_at,
// updated_at, token times) agree.
export const clockAt = (ms) => ({ ms, sec: Math.floor(ms / 1000), iso: new Date(ms).toISOString() });
