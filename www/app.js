// The demo page. It talks to the edge function for everything that needs the secret
// (rooms, room codes) and uses edgeroom's token entry (edgeroom/tokens, its browser
// condition: the token-only .wasm, without the REST calls) for what does not: exchanging a
// room code for an auth token and decoding it. Every error is shown with its `code`.

import { init, exchangeRoomCode, decodeToken } from "edgeroom/tokens";

const $ = (id) => document.getElementById(id);
let authBaseUrl;
let countdown;

function showError(error) {
  $("error-code").textContent = error.code ?? "error";
  $("error-message").textContent = error.field && !error.message.startsWith(error.field)
    ? `${error.field}: ${error.message}`
    : error.message;
  $("error").dataset.code = error.code ?? "error";
  $("error").hidden = false;
}

function clearError() {
  $("error").hidden = true;
  delete $("error").dataset.code;
}

/** Calls the edge function; rejects with its { code, message } error, or a network one. */
async function api(method, path, body) {
  let response;
  try {
    response = await fetch(path, {
      method,
      headers: body ? { "content-type": "application/json" } : {},
      body: body ? JSON.stringify(body) : undefined,
    });
  } catch (cause) {
    throw { code: "network", message: `the edge function is unreachable (${cause.message})` };
  }
  const answer = await response.json().catch(() => null);
  if (!response.ok || !answer) {
    throw answer?.error ?? { code: "api_error", message: `the edge function answered HTTP ${response.status}` };
  }
  return answer;
}

/** Runs an action with its button disabled, showing any error it raises. */
async function act(button, action) {
  clearError();
  if (button) button.disabled = true;
  try {
    await action();
  } catch (error) {
    showError(error);
  } finally {
    if (button) button.disabled = false;
  }
}

function cell(text, className) {
  const td = document.createElement("td");
  if (className) {
    const code = document.createElement("code");
    code.textContent = text;
    td.append(code);
  } else {
    td.textContent = text;
  }
  return td;
}

function button(label, onClick, className = "small") {
  const b = document.createElement("button");
  b.type = "button";
  b.className = className;
  b.textContent = label;
  b.addEventListener("click", () => act(b, () => onClick(b)));
  return b;
}

function showRoomState(room) {
  $("room-state").textContent = room.enabled === false ? "disabled" : "enabled";
  $("room-state").classList.toggle("off", room.enabled === false);
}

function showRoom(room, codes) {
  $("room").hidden = false;
  $("room-id").textContent = room.id;
  showRoomState(room);
  const rows = codes.map((code) => {
    const tr = document.createElement("tr");
    tr.dataset.role = code.role;
    const join = button(`Join as ${code.role}`, () => exchange(code.code));
    join.dataset.code = code.code;
    const action = document.createElement("td");
    action.append(join);
    tr.append(cell(code.role), cell(code.code, "code"), action);
    return tr;
  });
  $("codes").tBodies[0].replaceChildren(...rows);
}

async function exchange(code) {
  const { token } = await exchangeRoomCode({ code, userId: $("user-id").value || undefined, authBaseUrl });
  const { header, claims } = decodeToken(token);
  $("token").hidden = false;
  $("token-role").textContent = claims.role;
  $("token-room").textContent = claims.room_id;
  $("token-header").textContent = JSON.stringify(header, null, 2);
  $("token-claims").textContent = JSON.stringify(claims, null, 2);
  clearInterval(countdown);
  const tick = () => {
    const left = Math.max(0, claims.exp - Math.floor(Date.now() / 1000));
    const h = Math.floor(left / 3600);
    const m = Math.floor((left % 3600) / 60);
    $("token-expiry").textContent = left === 0 ? "expired" : `${h} h ${String(m).padStart(2, "0")} min ${String(left % 60).padStart(2, "0")} s`;
  };
  tick();
  countdown = setInterval(tick, 1000);
}

async function refreshRooms() {
  const { rooms } = await api("GET", "/api/rooms");
  const shown = rooms.find((room) => room.id === $("room-id").textContent);
  if (shown) showRoomState(shown);
  const rows = rooms.map((room) => {
    const tr = document.createElement("tr");
    tr.dataset.roomId = room.id;
    const state = document.createElement("td");
    state.innerHTML = `<span class="pill${room.enabled ? "" : " off"}">${room.enabled ? "enabled" : "disabled"}</span>`;
    const actions = document.createElement("td");
    actions.append(
      button("Codes", async () => showRoom(room, (await api("POST", `/api/rooms/${encodeURIComponent(room.id)}/codes`)).codes), "small secondary"),
      " ",
      button(room.enabled ? "Disable" : "Enable", async () => {
        await api("POST", `/api/rooms/${encodeURIComponent(room.id)}/enabled`, { enabled: !room.enabled });
        await refreshRooms();
      }),
    );
    tr.append(cell(room.name), cell(room.id, "code"), state, actions);
    return tr;
  });
  $("rooms").tBodies[0].replaceChildren(...rows);
}

$("create-form").addEventListener("submit", (event) => {
  event.preventDefault();
  act($("create-button"), async () => {
    const { room, codes } = await api("POST", "/api/rooms", {
      name: $("room-name").value || undefined,
      description: $("room-description").value,
    });
    showRoom(room, codes);
    await refreshRooms();
  });
});
$("refresh").addEventListener("click", () => act($("refresh"), refreshRooms));

// VideoSDK: the edge function creates the room and mints the join token (both need the
// secret); the page shows the token's claims and can ask the edge function to validate.
let videoSdkRoomId;
$("videosdk-form").addEventListener("submit", (event) => {
  event.preventDefault();
  act($("videosdk-create"), async () => {
    const { room, token } = await api("POST", "/api/videosdk/rooms", { customRoomId: $("videosdk-custom-id").value || undefined });
    videoSdkRoomId = room.roomId;
    $("videosdk-room").hidden = false;
    $("videosdk-room-id").textContent = room.roomId;
    $("videosdk-valid").hidden = true;
    $("videosdk-claims").textContent = JSON.stringify(decodeToken(token).claims, null, 2);
  });
});
$("videosdk-validate").addEventListener("click", () =>
  act($("videosdk-validate"), async () => {
    const { room } = await api("GET", `/api/videosdk/rooms/${encodeURIComponent(videoSdkRoomId)}/validate`);
    $("videosdk-valid").hidden = false;
    $("videosdk-valid").textContent = room.disabled ? "deactivated" : "valid";
  }),
);
$("error-close").addEventListener("click", clearError);
$("user-id").value = `visitor-${Math.random().toString(36).slice(2, 8)}`;

act(null, async () => {
  await init();
  const config = await api("GET", "/api/config");
  authBaseUrl = config.authBaseUrl;
  $("backend").textContent = config.backend === "emulator" ? "100ms: local emulator (no credentials)" : "100ms: real API";
  $("videosdk-backend").textContent = config.videosdkBackend === "emulator" ? "VideoSDK: local emulator" : "VideoSDK: real API";
  await refreshRooms();
  document.body.dataset.ready = "true";
});
