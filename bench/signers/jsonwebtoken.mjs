// jsonwebtoken (synchronous sign), with the claims and jti of a 100ms app token.
import jwt from "jsonwebtoken";
import { randomUUID } from "node:crypto";
import { HMS, hmsAppClaims } from "./config.mjs";

export function load() {
  return () => {
    const { jti, ...claims } = hmsAppClaims(undefined);
    return jwt.sign(claims, HMS.secret, { algorithm: "HS256", jwtid: randomUUID() });
  };
}
