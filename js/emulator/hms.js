// The 100ms REST API (served under /100ms/v2): its route table. Every route here needs a
// management token; index.js checks it before dispatching.

import { route } from "./router.js";
import { roomHandlers as rooms } from "./rooms.js";
import { roomCodeHandlers as codes } from "./room-codes.js";

export const hmsRoutes = [
  route("GET", "/rooms", rooms.listRooms),
  route("POST", "/rooms", rooms.createRoom),
  route("GET", "/rooms/:room_id", rooms.getRoom),
  route("POST", "/rooms/:room_id", rooms.updateRoom),
  route("GET", "/room-codes/room/:room_id", codes.listRoomCodes),
  route("POST", "/room-codes/room/:room_id", codes.createRoomCodes),
  route("POST", "/room-codes/room/:room_id/role/:role", codes.createRoomCodeForRole),
  route("POST", "/room-codes/code", codes.updateRoomCode),
];
