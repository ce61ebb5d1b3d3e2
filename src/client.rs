//! The one send-and-parse path every call takes: build (already done by the caller), put
//! the credentials on, send through the injected transport, renew the credentials and retry
//! once on a 401, parse. Retries and timeouts of the transport itself live with the
//! transport (the wasm layer enforces `timeoutMs` with an `AbortSignal`).

use crate::endpoint::Endpoint;
use crate::error::{Error, Result};
use crate::http::{HttpRequest, HttpResponse};
use serde_json::Value;
use std::future::Future;

/// Sends one request and returns the answer, or a `network`, `timeout` or `aborted` error.
pub trait Transport {
    fn send(&self, request: HttpRequest) -> impl Future<Output = Result<HttpResponse>>;
}

/// The clock and the randomness, which the core never takes from the system itself.
pub trait Env {
    /// Now, in Unix seconds.
    fn now_unix(&self) -> i64;
    /// 16 random bytes (for a token's `jti`), or an error where no secure source exists.
    fn random16(&self) -> Result<[u8; 16]>;
}

/// Produces the `Authorization` header value; `renew` asks for fresh credentials after a 401.
pub trait Authorizer {
    fn authorization(&self, renew: bool) -> Result<String>;
}

/// Sends `request` for `endpoint`. With an authorizer, a 401 renews the credentials and the
/// request is sent once more: a token can be revoked or a clock can jump, and one retry
/// with a fresh token is what tells a bad key from a stale token.
pub async fn send<T: Transport>(
    transport: &T,
    endpoint: &Endpoint,
    mut request: HttpRequest,
    authorizer: Option<&dyn Authorizer>,
) -> Result<Value> {
    if let Some(auth) = authorizer {
        request.set_header("authorization", auth.authorization(false)?);
    }
    let mut response = transport.send(request.clone()).await?;
    if response.status == 401 {
        if let Some(auth) = authorizer {
            request.set_header("authorization", auth.authorization(true)?);
            response = transport.send(request).await?;
        }
    }
    endpoint.parse(&response)
}

/// Checks a base URL option: absolute http(s), no query or fragment.
pub fn check_base_url(field: &str, url: &str) -> Result<String> {
    let ok_scheme = url.starts_with("https://") || url.starts_with("http://");
    let rest = url.split_once("://").map_or("", |(_, r)| r);
    if !ok_scheme || rest.is_empty() || rest.starts_with('/') {
        return Err(Error::invalid(field, "must be an absolute http:// or https:// URL"));
    }
    if url.contains(['?', '#']) || url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(Error::invalid(field, "must not contain a query, a fragment or whitespace"));
    }
    Ok(url.trim_end_matches('/').to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_urls_must_be_absolute_http() {
        assert_eq!(check_base_url("baseUrl", "https://api.100ms.live/v2/").unwrap(), "https://api.100ms.live/v2");
        assert_eq!(
            check_base_url("baseUrl", "http://127.0.0.1:8787/100ms/v2").unwrap(),
            "http://127.0.0.1:8787/100ms/v2"
        );
        for bad in ["", "api.100ms.live", "ftp://x", "https://", "https:///x", "https://x/v2?x=1", "https://x y"] {
            assert_eq!(check_base_url("baseUrl", bad).unwrap_err().field(), Some("baseUrl"), "{bad}");
        }
    }
}
