//! The one JS-facing call path both providers share: one async export per provider serves
//! every call by name through the table of calls ([`crate::by_name`]), instead of a
//! wasm-bindgen export per call (the export shims of ~130 calls would cost more than the
//! calls themselves). It checks the arguments and the params (JSON text: JavaScript
//! stringifies them, `js/src/params.js`) and makes the request synchronously, before
//! anything is sent, so bad input rejects at once; then it drives [`client::send`] to its
//! end in Rust over a [`JsTransport`]: one call into wasm per REST call, which returns a
//! `Promise`.

use super::args::options;
use super::env::JsEnv;
use super::error::to_js;
use super::fetch::JsTransport;
use super::js::parse;
use super::transport::{check_fetch, check_on_retry, check_signal, check_timeout};
use crate::by_name::ByName;
use crate::call::Spec;
use crate::client::{self, authorizer, Authorizer, RetryPolicy};
use crate::error::{Error, Result};
use crate::http::HttpRequest;
use js_sys::{Array, Function, Promise};
use serde::Deserialize;
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};

/// The transport options every client takes beside its credentials and base URLs.
#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct TransportOptions {
    /// A fetch-like function; `globalThis.fetch` when absent.
    #[serde(default, with = "super::args::passed")]
    pub fetch: JsValue,
    /// Per attempt, in milliseconds.
    pub timeout_ms: Option<i64>,
    /// Retries of a safe request after a transient failure.
    pub retries: Option<i64>,
    /// The longest wait before one retry.
    pub retry_max_delay_ms: Option<i64>,
    /// Told of each retry.
    #[serde(default, with = "super::args::passed")]
    pub on_retry: JsValue,
}

impl TransportOptions {
    /// The retry policy these options ask for.
    pub fn retry_policy(&self) -> Result<RetryPolicy> {
        RetryPolicy::new(self.retries, self.retry_max_delay_ms)
    }
}

/// The options of one call: `{ signal, timeoutMs }`.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct CallOptions {
    #[serde(default, with = "super::args::passed")]
    signal: JsValue,
    timeout_ms: Option<i64>,
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

impl<P: ByName> Caller<P> {
    /// The caller of `client` with the transport `options`.
    pub fn new(client: P, options: TransportOptions) -> Result<Caller<P>> {
        Ok(Caller {
            client: Rc::new(client),
            fetch: check_fetch(options.fetch)?,
            timeout_ms: check_timeout(options.timeout_ms)?,
            on_retry: check_on_retry(options.on_retry)?,
            env: Rc::default(),
        })
    }

    /// Calls `name` with the path `args` (an array of strings) and the params' JSON text
    /// (none: absent): a promise of its value, rejected with an `EdgeroomError` (at once on
    /// bad input, before anything is sent).
    pub fn call(&self, name: &str, args: &JsValue, params: Option<String>, options: &JsValue) -> Promise {
        match self.prepare(name, args, params, options) {
            Ok(call) => wasm_bindgen_futures::future_to_promise(call.send()),
            Err(error) => Promise::reject(&to_js(&error)),
        }
    }

    fn prepare(
        &self,
        name: &str,
        args: &JsValue,
        params: Option<String>,
        call_options: &JsValue,
    ) -> Result<Prepared<P>> {
        let entry = P::call_named(name)?;
        let args = path_args(args, entry.spec.args)?;
        let params = match params {
            // `JSON.stringify` wrote it: only nesting deeper than serde_json's limit fails here.
            Some(text) => serde_json::from_str(&text).map_err(|_| Error::invalid("params", "is nested too deeply"))?,
            None => serde_json::Value::Null,
        };
        let (spec, request) = (entry.spec, (entry.build)(&self.client, args, params)?);
        // Last: listening to the caller's signal is the one step that must be undone.
        let transport = transport(self.fetch.clone(), self.timeout_ms, self.on_retry.clone(), call_options)?;
        Ok(Prepared { spec, request, client: Rc::clone(&self.client), env: Rc::clone(&self.env), transport })
    }
}

/// One REST call, built and checked, ready to be sent. It owns all it needs, so freeing the
/// client object mid-flight cannot pull anything from under it.
struct Prepared<P> {
    spec: &'static Spec,
    request: HttpRequest,
    client: Rc<P>,
    env: Rc<JsEnv>,
    transport: JsTransport,
}

impl<P: ByName> Prepared<P> {
    /// Sends the request, retrying and renewing as [`client::send`] decides.
    async fn send(self) -> core::result::Result<JsValue, JsValue> {
        let Prepared { spec, request, client, env, transport } = self;
        let auth = authorizer(&*client, &*env, spec);
        let policy = client.retry_policy();
        // As `dyn`: one instance of the driver for both providers and the room-code exchange
        // (`tokens.rs`), not one per authorizer type (it is the biggest function here).
        let auth = auth.as_ref().map(|auth| auth as &dyn Authorizer);
        let sent = client::send(&transport, &*env, &policy, spec, request, auth);
        parse(&sent.await.map_err(|e| to_js(&e))?)
    }
}

/// The transport for one call: the client's fetch and timeout, overridden per call.
pub fn transport(
    fetch: Option<Function>,
    timeout_ms: i64,
    on_retry: Option<Function>,
    call_options: &JsValue,
) -> Result<JsTransport> {
    let call_options: CallOptions = options(call_options, "call options")?;
    let timeout_ms = match call_options.timeout_ms {
        Some(ms) => check_timeout(Some(ms))?,
        None => timeout_ms,
    };
    JsTransport::new(fetch, timeout_ms, on_retry, check_signal(call_options.signal)?)
}

/// Path arguments, each a string named as the call names it (`roomId`); their other rules
/// are the request builder's to check.
fn path_args(args: &JsValue, names: &[&str]) -> Result<Vec<String>> {
    let array = args.dyn_ref::<Array>().ok_or_else(|| Error::invalid("arguments", "must be an array"))?;
    names
        .iter()
        .enumerate()
        .map(|(i, name)| {
            array.get(i as u32).as_string().ok_or_else(|| Error::invalid(*name, "must be a non-empty string"))
        })
        .collect()
}
