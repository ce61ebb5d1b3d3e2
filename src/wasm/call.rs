//! The one JS-facing call path both providers share: look the endpoint up, convert and
//! check the arguments, build the request (all synchronously, before anything is sent, so a
//! bad input rejects at once and the caller's objects are read when they are passed), then
//! drive the [`Exchange`](crate::client::Exchange) to its end in Rust over a [`JsTransport`]:
//! one call into wasm per REST call, which returns a `Promise`.

use super::convert::{optional_int, required_string, to_json, Options};
use super::env::JsEnv;
use super::error::to_js;
use super::fetch::JsTransport;
use super::transport::{check_fetch, check_on_retry, check_signal, check_timeout};
use crate::client::{self, Authorizer, RetryPolicy};
use crate::endpoint::Endpoint;
use crate::error::{Error, Result};
use crate::hms::{HmsClient, ManagementAuth};
use crate::http::HttpRequest;
use crate::json::Value;
use crate::prelude::*;
use crate::videosdk::{CrawlerAuth, VideoSdkClient};
use alloc::boxed::Box;
use alloc::rc::Rc;
use js_sys::{Array, Function, Promise};
use wasm_bindgen::{JsCast, JsValue};

/// The options of a trailing per-call options object.
pub const CALL_OPTIONS: &[&str] = &["signal", "timeoutMs"];

/// What the call path needs of a provider's client.
pub trait Provider: Sized + 'static {
    /// For messages: "100ms", "VideoSDK".
    const NAME: &'static str;
    fn endpoint(name: &str) -> Option<&'static Endpoint>;
    fn build(&self, endpoint: &Endpoint, args: &[&str], query: &Value, body: &Value) -> Result<HttpRequest>;
    fn retry_policy(&self) -> RetryPolicy;
    /// What puts the credentials on a request of `endpoint` (None: it goes without).
    fn authorizer(client: Rc<Self>, env: Rc<JsEnv>, endpoint: &Endpoint) -> Option<Box<dyn Authorizer>>;
}

impl Provider for HmsClient {
    const NAME: &'static str = "100ms";
    fn endpoint(name: &str) -> Option<&'static Endpoint> {
        crate::hms::endpoint(name)
    }
    fn build(&self, endpoint: &Endpoint, args: &[&str], query: &Value, body: &Value) -> Result<HttpRequest> {
        HmsClient::build(self, endpoint, args, query, body)
    }
    fn retry_policy(&self) -> RetryPolicy {
        HmsClient::retry_policy(self)
    }
    fn authorizer(client: Rc<Self>, env: Rc<JsEnv>, endpoint: &Endpoint) -> Option<Box<dyn Authorizer>> {
        ManagementAuth::of(client, env, endpoint).map(|auth| Box::new(auth) as Box<dyn Authorizer>)
    }
}

impl Provider for VideoSdkClient {
    const NAME: &'static str = "VideoSDK";
    fn endpoint(name: &str) -> Option<&'static Endpoint> {
        crate::videosdk::endpoint(name)
    }
    fn build(&self, endpoint: &Endpoint, args: &[&str], query: &Value, body: &Value) -> Result<HttpRequest> {
        VideoSdkClient::build(self, endpoint, args, query, body)
    }
    fn retry_policy(&self) -> RetryPolicy {
        VideoSdkClient::retry_policy(self)
    }
    fn authorizer(client: Rc<Self>, env: Rc<JsEnv>, _: &Endpoint) -> Option<Box<dyn Authorizer>> {
        Some(Box::new(CrawlerAuth { client, env }))
    }
}

/// A provider's client with the transport settings the JS options gave it.
pub struct Caller<P> {
    pub client: Rc<P>,
    pub fetch: Option<Function>,
    pub timeout_ms: i64,
    pub on_retry: Option<Function>,
    /// Shared with the calls in flight, which may mint a management token.
    pub env: Rc<JsEnv>,
}

/// The client options every provider takes beside its credentials.
pub const TRANSPORT_OPTIONS: [&str; 5] = ["fetch", "timeoutMs", "retries", "retryMaxDelayMs", "onRetry"];

/// The `retries` and `retryMaxDelayMs` client options.
pub fn retry_policy(options: &Options) -> Result<RetryPolicy> {
    RetryPolicy::new(
        optional_int(&options.get("retries")?, "retries")?,
        optional_int(&options.get("retryMaxDelayMs")?, "retryMaxDelayMs")?,
    )
}

impl<P: Provider> Caller<P> {
    /// Reads `fetch`, `timeoutMs` and `onRetry` from the client options.
    pub fn new(client: P, options: &Options) -> Result<Caller<P>> {
        let fetch = check_fetch(options.get("fetch")?)?;
        let timeout_ms = check_timeout(optional_int(&options.get("timeoutMs")?, "timeoutMs")?)?;
        let on_retry = check_on_retry(options.get("onRetry")?)?;
        Ok(Caller { client: Rc::new(client), fetch, timeout_ms, on_retry, env: Rc::default() })
    }

    /// Calls the endpoint `name`: a promise of its value, rejected with an `EdgeroomError`
    /// (at once on bad input, before anything is sent).
    pub fn call(&self, name: &str, args: &JsValue, query: &JsValue, body: &JsValue, options: &JsValue) -> Promise {
        run(self.prepare(name, args, query, body, options))
    }

    fn prepare(&self, name: &str, args: &JsValue, query: &JsValue, body: &JsValue, options: &JsValue) -> Result<Call> {
        let endpoint = P::endpoint(name)
            .ok_or_else(|| Error::invalid("endpoint", format_args!("{name} is not a {} endpoint", P::NAME)))?;
        let args = path_args(args, endpoint.args)?;
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let request = self.client.build(endpoint, &args, &to_json(query, "query")?, &to_json(body, "")?)?;
        // Last: listening to the caller's signal is the one step that must be undone.
        let transport = transport(self.fetch.clone(), self.timeout_ms, self.on_retry.clone(), options)?;
        Ok(Call {
            endpoint,
            request,
            policy: self.client.retry_policy(),
            authorizer: P::authorizer(Rc::clone(&self.client), Rc::clone(&self.env), endpoint),
            env: Rc::clone(&self.env),
            transport,
        })
    }
}

/// One REST call, built and checked, ready to be sent. It owns all it needs, so freeing the
/// client object mid-flight cannot pull anything from under it.
pub struct Call {
    pub endpoint: &'static Endpoint,
    pub request: HttpRequest,
    pub policy: RetryPolicy,
    pub authorizer: Option<Box<dyn Authorizer>>,
    pub env: Rc<JsEnv>,
    pub transport: JsTransport,
}

impl Call {
    /// Sends the request, retrying and renewing as [`client::send`] decides, and hands the
    /// value to JavaScript through `JSON.parse` (the provider's JSON, no `__proto__` surprises).
    async fn send(self) -> Result<JsValue, JsValue> {
        let Call { endpoint, request, policy, authorizer, env, transport } = self;
        let value = client::send(&transport, &*env, &policy, endpoint, request, authorizer.as_deref()).await;
        js_sys::JSON::parse(&value.map_err(|e| to_js(&e))?.to_json())
    }
}

/// The promise of a prepared call: rejected at once when preparing it failed.
pub fn run(call: Result<Call>) -> Promise {
    match call {
        Ok(call) => wasm_bindgen_futures::future_to_promise(call.send()),
        Err(error) => Promise::reject(&to_js(&error)),
    }
}

/// The transport for one call: the client's fetch and timeout, overridden per call.
pub fn transport(
    fetch: Option<Function>,
    timeout_ms: i64,
    on_retry: Option<Function>,
    options: &JsValue,
) -> Result<JsTransport> {
    let options = Options::new(options, "call options", CALL_OPTIONS)?;
    let timeout_ms = match optional_int(&options.get("timeoutMs")?, "timeoutMs")? {
        Some(ms) => check_timeout(Some(ms))?,
        None => timeout_ms,
    };
    JsTransport::new(fetch, timeout_ms, on_retry, check_signal(options.get("signal")?)?)
}

/// Path arguments, each a string named as the endpoint names it (`roomId`); their other
/// rules are the endpoint's to check.
fn path_args(args: &JsValue, names: &[&str]) -> Result<Vec<String>> {
    let array = args.dyn_ref::<Array>().ok_or_else(|| Error::invalid("arguments", "must be an array"))?;
    names.iter().enumerate().map(|(i, name)| required_string(&array.get(i as u32), name)).collect()
}
