//! The one JS-facing call path both providers share: look the endpoint up, convert and
//! check the arguments (throwing before anything is sent), build the request and hand it
//! to the JavaScript driver as a [`PendingCall`].

use super::convert::{optional_int, required_string, to_json, Options};
use super::env::JsEnv;
use super::pending::{PendingCall, Transport};
use super::transport::{check_fetch, check_on_retry, check_signal, check_timeout};
use crate::client::{Authorizer, Exchange, RetryPolicy};
use crate::endpoint::Endpoint;
use crate::error::{Error, Result};
use crate::hms::{HmsClient, ManagementAuth};
use crate::http::HttpRequest;
use crate::json::Value;
use crate::prelude::*;
use crate::videosdk::{CrawlerAuth, VideoSdkClient};
use alloc::boxed::Box;
use alloc::rc::Rc;
use js_sys::{Array, Function};
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

    /// Starts the endpoint `name`; throws on bad input, before anything is sent.
    pub fn begin(
        &self,
        name: &str,
        args: &JsValue,
        query: &JsValue,
        body: &JsValue,
        options: &JsValue,
    ) -> Result<PendingCall> {
        let endpoint = P::endpoint(name)
            .ok_or_else(|| Error::invalid("endpoint", format_args!("{name} is not a {} endpoint", P::NAME)))?;
        let args = path_args(args, endpoint.args)?;
        let transport = transport(self.fetch.clone(), self.timeout_ms, self.on_retry.clone(), options)?;
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let request = self.client.build(endpoint, &args, &to_json(query, "query")?, &to_json(body, "")?)?;
        let authorizer = P::authorizer(Rc::clone(&self.client), Rc::clone(&self.env), endpoint);
        let started = Exchange::start(endpoint, request, self.client.retry_policy(), authorizer.as_deref());
        Ok(PendingCall::new(started, authorizer, Rc::clone(&self.env), transport))
    }
}

/// The transport for one call: the client's fetch and timeout, overridden per call.
pub fn transport(
    fetch: Option<Function>,
    timeout_ms: i64,
    on_retry: Option<Function>,
    options: &JsValue,
) -> Result<Transport> {
    let options = Options::new(options, "call options", CALL_OPTIONS)?;
    let timeout_ms = match optional_int(&options.get("timeoutMs")?, "timeoutMs")? {
        Some(ms) => check_timeout(Some(ms))?,
        None => timeout_ms,
    };
    Ok(Transport { fetch, timeout_ms, signal: check_signal(options.get("signal")?)?, on_retry })
}

/// Path arguments, each a string named as the endpoint names it (`roomId`); their other
/// rules are the endpoint's to check.
fn path_args(args: &JsValue, names: &[&str]) -> Result<Vec<String>> {
    let array = args.dyn_ref::<Array>().ok_or_else(|| Error::invalid("arguments", "must be an array"))?;
    names.iter().enumerate().map(|(i, name)| required_string(&array.get(i as u32), name)).collect()
}
