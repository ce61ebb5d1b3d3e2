// Tokens, the standalone functions, errors and the runtime entry points.
import {
  HmsClient,
  decodeToken,
  exchangeRoomCode,
  init,
  isEdgeroomError,
  verifyToken,
  type EdgeroomError,
  type ErrorCode,
  type ExchangedToken,
  type VerifiedTokenClaims,
} from "edgeroom";
// The explicit runtime subpaths carry the same declarations.
import { HmsClient as NodeHmsClient } from "edgeroom/node";
import { VideoSdkClient as DenoVideoSdkClient } from "edgeroom/deno";
import { verifyToken as workerdVerify } from "edgeroom/workerd";
import { init as browserInit } from "edgeroom/browser";
import { expectAssignable, expectTrue, type Equals } from "./assert.js";

declare const secret: string;

export async function tokens(hms: HmsClient): Promise<void> {
  await init();
  await init(new URL("https://cdn.example.com/edgeroom_bg.wasm"));
  await browserInit(await fetch("/edgeroom_bg.wasm"));

  const { token } = hms.auth.getManagementToken();
  hms.auth.getManagementToken({ forceNew: true, validForSeconds: 600 });
  const { token: peer } = hms.auth.getAuthToken({ roomId: "r1", role: "guest", userId: "u-42", validForSeconds: 3600 });
  hms.auth.getAuthToken({ roomId: "r1", role: "host", issuedAt: 1_700_000_000, notValidBefore: 1_700_000_000 });
  // @ts-expect-error roomId is required for an auth token
  hms.auth.getAuthToken({ role: "host" });
  // @ts-expect-error validity is in seconds, a number
  hms.auth.getAuthToken({ roomId: "r1", role: "host", validForSeconds: "1h" });
  // @ts-expect-error a misspelled token option
  hms.auth.getManagementToken({ force: true });

  const claims = verifyToken(peer, secret, { type: "app", leewaySeconds: 5 });
  expectTrue<Equals<typeof claims, VerifiedTokenClaims>>();
  expectAssignable<number>(claims.exp);
  expectAssignable<string | undefined>(claims.room_id);
  verifyToken(token, secret);
  workerdVerify(token, secret, { type: "management" });
  // @ts-expect-error leeway is a number of seconds
  verifyToken(token, secret, { leewaySeconds: "5s" });

  const { header, claims: shown } = decodeToken(token);
  expectAssignable<string | undefined>(header.alg);
  expectAssignable<unknown>(shown.role);

  const exchanged = await exchangeRoomCode({ code: "abc-defg-hij", userId: "visitor-1", timeoutMs: 5000 });
  expectTrue<Equals<typeof exchanged, ExchangedToken>>();
  await exchangeRoomCode({ code: "abc-defg-hij", authBaseUrl: "http://127.0.0.1:8787/100ms-auth/v2", fetch, signal: new AbortController().signal });
  await hms.auth.exchangeRoomCode({ code: "abc-defg-hij", userId: "u-1" }, { timeoutMs: 1000 });
  // @ts-expect-error the code is required
  await exchangeRoomCode({ userId: "u-1" });
  // @ts-expect-error user_id is the wire name; the option is userId
  await hms.auth.exchangeRoomCode({ code: "abc-defg-hij", user_id: "u-1" });

  new NodeHmsClient({ accessKey: "k", secret }).free();
  new DenoVideoSdkClient({ apiKey: "k", secret }).toJSON();
}

export async function errors(hms: HmsClient): Promise<void> {
  try {
    await hms.roomCodes.create("r1");
  } catch (err) {
    // @ts-expect-error an unknown caught value has no code until it is narrowed
    void err.code;
    if (isEdgeroomError(err)) {
      expectTrue<Equals<typeof err, EdgeroomError>>();
      expectTrue<Equals<typeof err.code, ErrorCode>>();
      expectAssignable<Error>(err);
      expectAssignable<string | undefined>(err.field);
      expectAssignable<number | undefined>(err.status);
      if (err.code === "forbidden" || err.code === "not_initialized" || err.code === "unsupported_runtime") console.log(err.body);
      // @ts-expect-error not an error code
      if (err.code === "notfound") console.log("never");
    }
  }
  // The generated union is the codes of src/error.rs `ErrorCode::ALL`, nothing else (the README
  // documents each; a code added there is added here on purpose: it is a public contract).
  type Expected =
    | "invalid_argument" | "malformed_token" | "unsupported_algorithm" | "invalid_signature" | "token_expired"
    | "token_not_yet_valid" | "token_type_mismatch" | "bad_request" | "unauthorized" | "forbidden" | "not_found"
    | "conflict" | "rate_limited" | "api_error" | "invalid_response" | "network" | "timeout" | "aborted"
    | "unsupported_runtime" | "invalid_webhook" | "webhook_unauthenticated" | "webhook_expired" | "not_initialized"
    | "wasm_load_failed";
  expectTrue<Equals<ErrorCode, Expected>>();
}

// edgeroom/tokens: the same token API as the full entry, by the same names.
import * as tokensEntry from "edgeroom/tokens";
import * as fullEntry from "edgeroom";
{
  const hmsTokens = new tokensEntry.HmsTokens({ accessKey: "k", secret: "s" });
  const app: string = hmsTokens.getAuthToken({ roomId: "r", role: "host", userId: "u" }).token;
  const management: string = hmsTokens.getManagementToken({ forceNew: true }).token;
  const vsdk: string = new tokensEntry.VideoSdkTokens({ apiKey: "a", secret: "s" }).getToken({ permissions: ["allow_join"] }).token;
  const claims: tokensEntry.VerifiedTokenClaims = tokensEntry.verifyToken(app, "s", { type: "app" });
  const exchanged: Promise<tokensEntry.ExchangedToken> = tokensEntry.exchangeRoomCode({ code: "abc", userId: "u" });
  const same: typeof fullEntry.HmsTokens = tokensEntry.HmsTokens;
  void [management, vsdk, claims, exchanged, same, tokensEntry.decodeToken(app).claims];
  // @ts-expect-error the token entry has no REST client
  void tokensEntry.HmsClient;
  // @ts-expect-error HmsTokens takes the credentials only
  void new tokensEntry.HmsTokens({ accessKey: "k", secret: "s", baseUrl: "https://x" });
}
