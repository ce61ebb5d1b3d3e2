// The defaults 100ms fills into a template's roles and settings ("some sane defaults are set for
// values that are not provided"), as its create-template docs print them. Templates are the one
// camelCase part of the API, so these objects are camelCase too.

const DEFAULT_PUBLISH = {
  allowed: ["audio", "video", "screen"],
  audio: { bitRate: 32, codec: "opus" },
  video: { bitRate: 300, codec: "vp8", frameRate: 30, width: 480, height: 360 },
  screen: { codec: "vp8", frameRate: 10, width: 1920, height: 1080 },
  simulcast: {
    video: {
      layers: [
        { rid: "f", scaleResolutionDownBy: 1, maxBitrate: 700, maxFramerate: 25 },
        { rid: "h", scaleResolutionDownBy: 2, maxBitrate: 350, maxFramerate: 25 },
        { rid: "q", scaleResolutionDownBy: 4, maxBitrate: 100, maxFramerate: 25 },
      ],
    },
    screen: {},
  },
};

const DEFAULT_SUBSCRIBE_DEGRADATION = { packetLossThreshold: 25, degradeGracePeriodSeconds: 1, recoverGracePeriodSeconds: 4 };

// The docs default the streaming/recording permissions to true and every other one to false.
const DEFAULT_PERMISSIONS = {
  endRoom: false,
  removeOthers: false,
  mute: false,
  unmute: false,
  changeRole: false,
  sendRoomState: false,
  pollRead: false,
  pollWrite: false,
  browserRecording: true,
  rtmpStreaming: true,
  hlsStreaming: true,
};

const isPlainObject = (value) => value !== null && typeof value === "object" && !Array.isArray(value);

// Objects merge key by key; anything else (arrays included) replaces the default.
export function merge(defaults, given) {
  if (!isPlainObject(defaults) || !isPlainObject(given)) return structuredClone(given ?? defaults);
  const out = structuredClone(defaults);
  for (const [key, value] of Object.entries(given)) {
    out[key] = key in out ? merge(out[key], value) : structuredClone(value);
  }
  return out;
}

// `roleNames` are the template's roles, which a new role subscribes to unless told otherwise.
export function roleWithDefaults(name, given = {}, roleNames = [name]) {
  return merge(
    {
      name,
      publishParams: DEFAULT_PUBLISH,
      subscribeParams: { subscribeToRoles: roleNames, maxSubsBitRate: 3200, subscribeDegradation: DEFAULT_SUBSCRIBE_DEGRADATION },
      permissions: DEFAULT_PERMISSIONS,
      priority: 1,
      maxPeerCount: 0,
    },
    { ...given, name },
  );
}

export function rolesWithDefaults(roles) {
  const names = Object.keys(roles);
  return Object.fromEntries(names.map((name) => [name, roleWithDefaults(name, roles[name], names)]));
}

export function settingsWithDefaults(given = {}, region = "us") {
  return merge(
    {
      region,
      recording: null,
      roomState: { messageInterval: 5, sendPeerList: false, stopRoomStateOnJoin: true, enabled: false },
      retry: {},
    },
    given,
  );
}
