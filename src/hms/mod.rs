//! 100ms: the client (credentials, base URLs, the cached management token) and one module
//! per resource, each a list of endpoint declarations.

pub mod auth;
pub mod room_codes;
pub mod rooms;

use crate::client::{check_base_url, send, Authorizer, Env, Transport};
use crate::endpoint::{Endpoint, Host};
use crate::error::Result;
use crate::http::HttpRequest;
use crate::token::{AppGrant, HmsCredentials, Minted, Validity, DEFAULT_VALID_FOR_SECONDS};
use serde_json::Value;
use std::cell::RefCell;

pub const DEFAULT_BASE_URL: &str = "https://api.100ms.live/v2";
pub const DEFAULT_AUTH_BASE_URL: &str = "https://auth.100ms.live/v2";

/// A cached management token is renewed once less than this share of its lifetime is
/// left, capped at five minutes: early enough that no request ever carries a token that
/// expires in flight (the official SDK renews only 30 s AFTER expiry).
const RENEW_SHARE: i64 = 10;
const RENEW_MARGIN_CAP_SECONDS: i64 = 300;

/// Every 100ms endpoint, by the name the JS layer calls it.
pub static ENDPOINTS: &[&Endpoint] = &[
    &rooms::CREATE,
    &rooms::RETRIEVE,
    &rooms::RETRIEVE_BY_NAME,
    &rooms::UPDATE,
    &rooms::ENABLE_OR_DISABLE,
    &rooms::LIST,
    &room_codes::CREATE,
    &room_codes::CREATE_FOR_ROLE,
    &room_codes::LIST,
    &room_codes::ENABLE_OR_DISABLE,
    &auth::EXCHANGE_ROOM_CODE,
];

/// Looks an endpoint up by name.
pub fn endpoint(name: &str) -> Option<&'static Endpoint> {
    ENDPOINTS.iter().copied().find(|e| e.name == name)
}

/// Where a client sends its requests.
#[derive(Clone, Debug, Default)]
pub struct HmsOptions {
    /// Default [`DEFAULT_BASE_URL`].
    pub base_url: Option<String>,
    /// Default [`DEFAULT_AUTH_BASE_URL`].
    pub auth_base_url: Option<String>,
}

#[derive(Clone, Debug)]
struct CachedToken {
    minted: Minted,
    lifetime: i64,
}

/// A 100ms client: sans-IO builders plus one async `call` over an injected transport.
#[derive(Debug)]
pub struct HmsClient {
    credentials: HmsCredentials,
    base_url: String,
    auth_base_url: String,
    cached: RefCell<Option<CachedToken>>,
}

impl HmsClient {
    /// Checks the credentials and options. Nothing is signed or sent yet.
    pub fn new(access_key: &str, secret: &str, options: &HmsOptions) -> Result<Self> {
        let credentials = HmsCredentials::new(access_key, secret)?;
        let base_url = check_base_url(
            "baseUrl",
            options.base_url.as_deref().unwrap_or(DEFAULT_BASE_URL),
        )?;
        let auth_base_url = check_base_url(
            "authBaseUrl",
            options
                .auth_base_url
                .as_deref()
                .unwrap_or(DEFAULT_AUTH_BASE_URL),
        )?;
        Ok(HmsClient {
            credentials,
            base_url,
            auth_base_url,
            cached: RefCell::new(None),
        })
    }

    /// The credentials, for minting app tokens.
    pub fn credentials(&self) -> &HmsCredentials {
        &self.credentials
    }

    /// The management token: the cached one while comfortably valid, else a fresh one.
    /// A different `valid_for` than the cached token's, or `force_new`, mints anew.
    pub fn management_token(
        &self,
        env: &impl Env,
        valid_for: Option<i64>,
        force_new: bool,
    ) -> Result<Minted> {
        let now = env.now_unix();
        let lifetime = valid_for.unwrap_or(DEFAULT_VALID_FOR_SECONDS);
        if !force_new {
            if let Some(cached) = self.cached.borrow().as_ref() {
                let margin = (cached.lifetime / RENEW_SHARE).min(RENEW_MARGIN_CAP_SECONDS);
                if cached.lifetime == lifetime && cached.minted.expires_at - now > margin {
                    return Ok(cached.minted.clone());
                }
            }
        }
        let validity = Validity {
            valid_for_seconds: Some(lifetime),
            ..Validity::default()
        };
        let minted = self
            .credentials
            .management_token(&validity, now, env.random16()?)?;
        *self.cached.borrow_mut() = Some(CachedToken {
            minted: minted.clone(),
            lifetime,
        });
        Ok(minted)
    }

    /// An app (auth) token for a peer.
    pub fn app_token(
        &self,
        env: &impl Env,
        grant: &AppGrant<'_>,
        validity: &Validity,
    ) -> Result<Minted> {
        self.credentials
            .app_token(grant, validity, env.now_unix(), env.random16()?)
    }

    /// Builds the request for `endpoint`, against this client's base URLs, without credentials.
    pub fn build(
        &self,
        endpoint: &Endpoint,
        args: &[&str],
        query: &Value,
        body: &Value,
    ) -> Result<HttpRequest> {
        let base = match endpoint.host {
            Host::Api => &self.base_url,
            Host::Auth => &self.auth_base_url,
        };
        endpoint.build(base, args, query, body)
    }

    /// Builds, authenticates, sends and parses one call.
    pub async fn call(
        &self,
        transport: &impl Transport,
        env: &impl Env,
        endpoint: &Endpoint,
        args: &[&str],
        query: &Value,
        body: &Value,
    ) -> Result<Value> {
        let request = self.build(endpoint, args, query, body)?;
        let auth = ManagementAuth { client: self, env };
        let authorizer: Option<&dyn Authorizer> = if endpoint.authenticated {
            Some(&auth)
        } else {
            None
        };
        send(transport, endpoint, request, authorizer).await
    }
}

struct ManagementAuth<'a, E> {
    client: &'a HmsClient,
    env: &'a E,
}

impl<E: Env> Authorizer for ManagementAuth<'_, E> {
    fn authorization(&self, renew: bool) -> Result<String> {
        let minted = self.client.management_token(self.env, None, renew)?;
        Ok(format!("Bearer {}", minted.token))
    }
}

/// Exchanges a room code for an app token: no credentials needed.
pub async fn exchange_room_code(
    transport: &impl Transport,
    auth_base_url: Option<&str>,
    body: &Value,
) -> Result<Value> {
    let base = check_base_url(
        "authBaseUrl",
        auth_base_url.unwrap_or(DEFAULT_AUTH_BASE_URL),
    )?;
    let request = auth::EXCHANGE_ROOM_CODE.build(&base, &[], &Value::Null, body)?;
    send(transport, &auth::EXCHANGE_ROOM_CODE, request, None).await
}
