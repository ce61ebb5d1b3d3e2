//! The one JS-facing call path both providers share: look the endpoint up, convert and
//! check the arguments (rejecting before anything is sent), pick the transport for this
//! call, run the provider's client, and hand the value back as plain JS.

use super::convert::{from_json, optional_int, required_string, to_json, Options};
use super::env::JsEnv;
use super::error::IntoJsResult;
use super::fetch::{check_fetch, check_on_retry, check_signal, check_timeout, FetchTransport};
use crate::client::{Env, RetryPolicy, Transport};
use crate::endpoint::Endpoint;
use crate::error::{Error, Result};
use crate::hms::HmsClient;
use crate::json::Value;
use crate::prelude::*;
use crate::videosdk::VideoSdkClient;
use alloc::rc::Rc;
use core::future::Future;
use js_sys::{Array, Function, Promise};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::future_to_promise;

/// The options of a trailing per-call options object.
pub const CALL_OPTIONS: &[&str] = &["signal", "timeoutMs"];

/// What the call path needs of a provider's client.
pub trait Provider: 'static {
    /// For messages: "100ms", "VideoSDK".
    const NAME: &'static str;
    fn endpoint(name: &str) -> Option<&'static Endpoint>;
    fn call<'a>(
        &'a self,
        transport: &'a impl Transport,
        env: &'a impl Env,
        endpoint: &'a Endpoint,
        args: &'a [&'a str],
        query: &'a Value,
        body: &'a Value,
    ) -> impl Future<Output = Result<Value>> + 'a;
}

/// Implements [`Provider`] for a client by forwarding to its own `call` and endpoint table.
macro_rules! provider {
    ($client:ty, $name:literal, $lookup:path) => {
        impl Provider for $client {
            const NAME: &'static str = $name;
            fn endpoint(name: &str) -> Option<&'static Endpoint> {
                $lookup(name)
            }
            fn call<'a>(
                &'a self,
                transport: &'a impl Transport,
                env: &'a impl Env,
                endpoint: &'a Endpoint,
                args: &'a [&'a str],
                query: &'a Value,
                body: &'a Value,
            ) -> impl Future<Output = Result<Value>> + 'a {
                <$client>::call(self, transport, env, endpoint, args, query, body)
            }
        }
    };
}

provider!(HmsClient, "100ms", crate::hms::endpoint);
provider!(VideoSdkClient, "VideoSDK", crate::videosdk::endpoint);

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

    /// Runs the endpoint `name`; the promise rejects before anything is sent on bad input.
    pub fn call(&self, name: &str, args: &JsValue, query: &JsValue, body: &JsValue, options: &JsValue) -> Promise {
        let prepared = self.prepare(name, args, query, body, options);
        let client = Rc::clone(&self.client);
        let env = Rc::clone(&self.env);
        future_to_promise(async move {
            let (endpoint, args, query, body, transport) = prepared.js()?;
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            let value = client.call(&transport, &*env, endpoint, &args, &query, &body).await.js()?;
            Ok(from_json(&value))
        })
    }

    fn prepare(
        &self,
        name: &str,
        args: &JsValue,
        query: &JsValue,
        body: &JsValue,
        options: &JsValue,
    ) -> Result<Prepared> {
        let endpoint = P::endpoint(name)
            .ok_or_else(|| Error::invalid("endpoint", format_args!("{name} is not a {} endpoint", P::NAME)))?;
        let args = path_args(args, endpoint.args)?;
        let mut transport = transport(self.fetch.clone(), self.timeout_ms, options)?;
        transport.on_retry = self.on_retry.clone();
        Ok((endpoint, args, to_json(query, "query")?, to_json(body, "")?, transport))
    }
}

type Prepared = (&'static Endpoint, Vec<String>, Value, Value, FetchTransport);

/// The transport for one call: the client's fetch and timeout, overridden per call.
pub fn transport(fetch: Option<Function>, timeout_ms: i64, options: &JsValue) -> Result<FetchTransport> {
    let options = Options::new(options, "call options", CALL_OPTIONS)?;
    let timeout_ms = match optional_int(&options.get("timeoutMs")?, "timeoutMs")? {
        Some(ms) => check_timeout(Some(ms))?,
        None => timeout_ms,
    };
    Ok(FetchTransport { fetch, timeout_ms, signal: check_signal(options.get("signal")?)?, on_retry: None })
}

/// Path arguments, each a string named as the endpoint names it (`roomId`); their other
/// rules are the endpoint's to check.
fn path_args(args: &JsValue, names: &[&str]) -> Result<Vec<String>> {
    let array = args.dyn_ref::<Array>().ok_or_else(|| Error::invalid("arguments", "must be an array"))?;
    names.iter().enumerate().map(|(i, name)| required_string(&array.get(i as u32), name)).collect()
}
