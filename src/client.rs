//! The one send-and-parse path every call takes: put the credentials on, send, renew the
//! credentials and resend once on a 401, retry what is safe to retry when the answer was lost
//! or transient, parse. It is a state machine ([`Exchange`]) with no I/O of its own: [`send`]
//! drives it over an injected [`Transport`]; in the npm package that transport is `fetch`
//! with timers (`src/wasm/fetch.rs`), awaited in async Rust. Timeouts live with whoever
//! sends (the wasm transport enforces `timeoutMs` per attempt).
//!
//! [`Provider`] is what a provider's client brings to it: base URLs, the retry policy and
//! credentials. [`Provider::request`] and [`Provider::send`] are the one path every call of
//! every provider takes, natively and in wasm.

use crate::call::{Call, Host, Spec};
use crate::error::{Error, Result};
use crate::http::{HttpRequest, HttpResponse};
use core::future::Future;

/// Sends requests and waits; the only I/O the client does.
pub trait Transport {
    /// Sends one request and returns the answer, or a `network`, `timeout` or `aborted` error.
    fn send(&self, request: HttpRequest) -> impl Future<Output = Result<HttpResponse>>;

    /// Waits `ms` milliseconds before a retry; an `aborted` error if the caller gives up.
    fn sleep(&self, ms: u64) -> impl Future<Output = Result<()>>;

    /// Told of each retry before its wait, so callers can see them (the `onRetry` hook).
    fn retrying(&self, _notice: &RetryNotice<'_>) {}
}

/// What a retry is about to do, and why.
#[derive(Debug)]
pub struct RetryNotice<'a> {
    /// The call's name, e.g. `rooms.retrieveById`.
    pub endpoint: &'a str,
    /// 1 for the first retry.
    pub attempt: u32,
    /// The wait before it, in milliseconds.
    pub delay_ms: u64,
    /// What went wrong with the previous attempt.
    pub error: &'a Error,
}

/// The clock and the randomness, which the core never takes from the system itself.
pub trait Env {
    /// Now, in Unix seconds.
    fn now_unix(&self) -> i64;
    /// 16 random bytes (for a token's `jti`, and retry jitter), or an error where no secure
    /// source exists.
    fn random16(&self) -> Result<[u8; 16]>;
}

impl<E: Env + ?Sized> Env for &E {
    fn now_unix(&self) -> i64 {
        (**self).now_unix()
    }
    fn random16(&self) -> Result<[u8; 16]> {
        (**self).random16()
    }
}

/// Produces the `Authorization` header value; `renew` asks for fresh credentials after a 401.
pub trait Authorizer {
    /// The header value.
    fn authorization(&self, renew: bool) -> Result<String>;
}

/// What a provider's client brings to the one call path.
pub trait Provider: Sized {
    /// For messages: "100ms", "VideoSDK".
    const NAME: &'static str;

    /// The base URL of `host`, without a trailing slash.
    fn base_url(&self, host: Host) -> &str;

    /// How transient failures of safe requests are retried.
    fn retry_policy(&self) -> RetryPolicy;

    /// The `Authorization` header of an authenticated call; `renew` after a 401.
    fn authorization(&self, env: &dyn Env, renew: bool) -> Result<String>;

    /// The request of `call`, validated, without credentials.
    fn request<C: Call<Provider = Self>>(&self, call: &C) -> Result<HttpRequest> {
        crate::request::build(call, self.base_url(C::SPEC.host))
    }

    /// Builds, authenticates, sends and reads one call: the typed answer.
    fn send<C: Call<Provider = Self>>(
        &self,
        transport: &impl Transport,
        env: &impl Env,
        call: &C,
    ) -> impl Future<Output = Result<C::Response>> {
        async move {
            let request = self.request(call)?;
            let auth = authorizer(self, env, C::SPEC);
            let text = send(transport, env, &self.retry_policy(), C::SPEC, request, auth.as_ref()).await?;
            crate::reply::typed(200, &text)
        }
    }
}

/// The [`Authorizer`] of a provider's calls. Generic over the `Env` (not `&dyn Env`), so a
/// call's future is `Send` exactly when its provider and Env are `Sync`.
pub struct ProviderAuth<'a, P, E> {
    provider: &'a P,
    env: &'a E,
}

impl<P: Provider, E: Env> Authorizer for ProviderAuth<'_, P, E> {
    fn authorization(&self, renew: bool) -> Result<String> {
        self.provider.authorization(self.env, renew)
    }
}

/// The authorizer of a call of `spec`: none for the unauthenticated ones (the token service
/// of the room-code exchange).
pub fn authorizer<'a, P: Provider, E: Env>(provider: &'a P, env: &'a E, spec: &Spec) -> Option<ProviderAuth<'a, P, E>> {
    spec.authenticated.then_some(ProviderAuth { provider, env })
}

/// The authorizer of the calls that carry no credentials, for [`send`]'s `None`: it has no
/// value, so `None::<&Unauthenticated>` is all there is of it (and it is `Send`).
#[derive(Debug)]
pub enum Unauthenticated {}

impl Authorizer for Unauthenticated {
    fn authorization(&self, _renew: bool) -> Result<String> {
        match *self {}
    }
}

/// The default time one attempt may take (the npm package's `timeoutMs`, the builder's
/// `timeout`): 30 s.
pub const DEFAULT_TIMEOUT_MS: u64 = 30_000;
/// The longest accepted: 10 minutes.
pub const MAX_TIMEOUT_MS: u64 = 600_000;

/// How often and how patiently transient failures are retried.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Retries after the first attempt: 0 ..= 10. Default 2.
    pub retries: u32,
    /// The longest wait before one retry, including a server's `Retry-After`. Default 10 s.
    pub max_delay_ms: u64,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy { retries: 2, max_delay_ms: 10_000 }
    }
}

/// The first backoff step; each retry doubles it, up to `max_delay_ms`.
const BASE_DELAY_MS: u64 = 250;

impl RetryPolicy {
    /// Checks the `retries` and `retryMaxDelayMs` options.
    pub fn new(retries: Option<i64>, max_delay_ms: Option<i64>) -> Result<RetryPolicy> {
        let default = RetryPolicy::default();
        let retries = match retries {
            None => default.retries,
            Some(n @ 0..=10) => n as u32,
            Some(_) => return Err(Error::invalid("retries", "must be an integer from 0 to 10")),
        };
        let max_delay_ms = match max_delay_ms {
            None => default.max_delay_ms,
            Some(ms @ 0..=600_000) => ms as u64,
            Some(_) => return Err(Error::invalid("retryMaxDelayMs", "must be an integer from 0 to 600000")),
        };
        Ok(RetryPolicy { retries, max_delay_ms })
    }

    /// The wait before retry number `attempt` (1-based): the server's `Retry-After` when it
    /// gave one (None if that exceeds the budget: waiting less would be refused again),
    /// else "full jitter": a random share of the capped exponential step.
    fn delay(&self, attempt: u32, retry_after_ms: Option<u64>, random: u64) -> Option<u64> {
        if let Some(server) = retry_after_ms {
            return (server <= self.max_delay_ms).then_some(server);
        }
        let step = BASE_DELAY_MS.saturating_mul(1 << attempt.min(20)).min(self.max_delay_ms);
        Some(if step == 0 { 0 } else { random % (step + 1) })
    }
}

/// `Retry-After` as milliseconds: delta-seconds, or an HTTP date measured against `now`.
pub fn retry_after_ms(response: &HttpResponse, now_unix: i64) -> Option<u64> {
    let value = response.header("retry-after")?.trim();
    if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) {
        // Too many digits for u64 is still a (very long) delay, not an absent header.
        return Some(value.parse::<u64>().map_or(u64::MAX, |seconds| seconds.saturating_mul(1000)));
    }
    let at = crate::http_date::parse(value)?;
    Some(u64::try_from(at.saturating_sub(now_unix)).unwrap_or(0).saturating_mul(1000))
}

/// One call from its first attempt to its result, as steps for the I/O layer to carry out
/// (a sans-IO state machine): [`send`] drives it over a [`Transport`], natively or in wasm
/// over `fetch`.
///
/// With an authorizer, a 401 renews the credentials and the request is sent once more:
/// a token can be revoked or a clock can jump, and one resend with a fresh token is what
/// tells a bad key from a stale token. A request that is safe to repeat is retried on a
/// network error, a timeout, 429, 500, 502, 503 or 504, `policy.retries` times at most; any
/// other request is sent exactly once, since its answer may be lost after the server acted.
#[derive(Debug)]
pub struct Exchange {
    spec: &'static Spec,
    request: HttpRequest,
    policy: RetryPolicy,
    renewed: bool,
    attempt: u32,
}

/// What the I/O layer does next.
#[derive(Debug)]
pub enum Step {
    /// Send this request (credentials on), then report with [`Exchange::answer`].
    Send(HttpRequest),
    /// Wait `delay_ms`, then [`Exchange::resend`]. `error` is why; [`Exchange::notice`]
    /// describes the retry for the caller's hook.
    Wait {
        /// The wait, in milliseconds.
        delay_ms: u64,
        /// What went wrong with the attempt just made.
        error: Error,
    },
    /// The call's result: the JSON text of [`crate::reply::read`].
    Done(Result<String>),
}

impl Exchange {
    /// Starts a call of `spec` with `request` (as [`Provider::request`] built it).
    pub fn start<A: Authorizer + ?Sized>(
        spec: &'static Spec,
        mut request: HttpRequest,
        policy: RetryPolicy,
        authorizer: Option<&A>,
    ) -> (Exchange, Step) {
        let step = match authorizer.map(|auth| auth.authorization(false)).transpose() {
            Ok(header) => {
                if let Some(header) = header {
                    request.set_header("authorization", header);
                }
                Step::Send(request.clone())
            }
            Err(error) => Step::Done(Err(error)),
        };
        (Exchange { spec, request, policy, renewed: false, attempt: 0 }, step)
    }

    /// The answer to the last [`Step::Send`]: a response, or a `network`, `timeout` or
    /// `aborted` error.
    pub fn answer<A: Authorizer + ?Sized>(
        &mut self,
        answer: Result<HttpResponse>,
        env: &dyn Env,
        authorizer: Option<&A>,
    ) -> Step {
        if let (Ok(response), Some(auth)) = (&answer, authorizer) {
            if response.status == 401 && !self.renewed {
                self.renewed = true;
                return match auth.authorization(true) {
                    Ok(header) => {
                        self.request.set_header("authorization", header);
                        self.resend()
                    }
                    Err(error) => Step::Done(Err(error)),
                };
            }
        }
        let (result, response) = match answer {
            Ok(response) => (crate::reply::read(self.spec.reply, &response), Some(response)),
            Err(error) => (Err(error), None),
        };
        let error = match result {
            Err(error) if self.request.idempotent && self.attempt < self.policy.retries && error.is_transient() => {
                error
            }
            done => return Step::Done(done),
        };
        // Only an answer that is retried has its `Retry-After` read (and the clock asked).
        let retry_after = response.and_then(|response| retry_after_ms(&response, env.now_unix()));
        self.attempt += 1;
        let random = match env.random16() {
            Ok(bytes) => u64::from_le_bytes(bytes[..8].try_into().unwrap_or([0; 8])),
            Err(error) => return Step::Done(Err(error)),
        };
        match self.policy.delay(self.attempt, retry_after, random) {
            Some(delay_ms) => Step::Wait { delay_ms, error },
            None => Step::Done(Err(error)),
        }
    }

    /// The request again, after a [`Step::Wait`] (or a renewal).
    pub fn resend(&self) -> Step {
        Step::Send(self.request.clone())
    }

    /// The retry a [`Step::Wait`] announces, for the caller's hook.
    pub fn notice<'a>(&'a self, delay_ms: u64, error: &'a Error) -> RetryNotice<'a> {
        RetryNotice { endpoint: self.spec.name, attempt: self.attempt, delay_ms, error }
    }
}

/// Sends `request` for `spec` over `transport` and reads the answer: [`Exchange`] driven to
/// its end. The JSON text of the result. `authorizer` is `None::<&Unauthenticated>` for a
/// call without credentials.
pub async fn send<T: Transport, A: Authorizer + ?Sized>(
    transport: &T,
    env: &impl Env,
    policy: &RetryPolicy,
    spec: &'static Spec,
    request: HttpRequest,
    authorizer: Option<&A>,
) -> Result<String> {
    let (mut exchange, mut step) = Exchange::start(spec, request, *policy, authorizer);
    loop {
        step = match step {
            Step::Send(request) => exchange.answer(transport.send(request).await, env, authorizer),
            Step::Wait { delay_ms, error } => {
                transport.retrying(&exchange.notice(delay_ms, &error));
                transport.sleep(delay_ms).await?;
                exchange.resend()
            }
            Step::Done(result) => return result,
        };
    }
}

/// A base URL option, checked, or the provider's `default` (known good: not checked, so a
/// client made with the defaults runs none of the check's code, which costs a cold start).
pub fn base_url_or(field: &str, given: Option<&str>, default: &str) -> Result<String> {
    match given {
        Some(url) => check_base_url(field, url),
        None => Ok(default.to_owned()),
    }
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
    fn the_default_base_urls_pass_the_check_they_skip() {
        for default in
            [crate::hms::DEFAULT_BASE_URL, crate::hms::DEFAULT_AUTH_BASE_URL, crate::videosdk::DEFAULT_BASE_URL]
        {
            assert_eq!(check_base_url("baseUrl", default).unwrap(), default);
            assert_eq!(base_url_or("baseUrl", None, default).unwrap(), default);
        }
        assert!(base_url_or("baseUrl", Some("ftp://x"), crate::hms::DEFAULT_BASE_URL).is_err());
    }

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
