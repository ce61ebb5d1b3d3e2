// edgeroom/tokens: the token entry (its own small .wasm). The very declarations of the full
// entry (./index.d.ts), which exports every name here too.
import type * as Edgeroom from "./index.d.ts";

export declare const init: typeof Edgeroom.init;
export declare const isEdgeroomError: typeof Edgeroom.isEdgeroomError;
export declare const verifyToken: typeof Edgeroom.verifyToken;
export declare const decodeToken: typeof Edgeroom.decodeToken;
export declare const exchangeRoomCode: typeof Edgeroom.exchangeRoomCode;
export declare const HmsTokens: typeof Edgeroom.HmsTokens;
export type HmsTokens = Edgeroom.HmsTokens;
export declare const VideoSdkTokens: typeof Edgeroom.VideoSdkTokens;
export type VideoSdkTokens = Edgeroom.VideoSdkTokens;

export type {
  EdgeroomError,
  ErrorCode,
  FetchLike,
  FetchInit,
  FetchResponseLike,
  CallOptions,
  ValidityOptions,
  TokenResult,
  VerifyTokenOptions,
  TokenClaims,
  VerifiedTokenClaims,
  DecodedToken,
  ExchangedToken,
  ExchangeRoomCodeParams,
  ExchangeRoomCodeOptions,
  HmsTokensOptions,
  ManagementTokenOptions,
  AuthTokenOptions,
  VideoSdkTokensOptions,
  VideoSdkTokenOptions,
  VideoSdkPermission,
  VideoSdkRole,
} from "./index.d.ts";
