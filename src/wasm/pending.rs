//! `PendingCall`: one REST call in flight, the [`Exchange`] state machine handed to the
//! JavaScript driver (`js/src/transport.js`), which does the waiting: `fetch` with the
//! timeout and the caller's signal, the backoff sleeps, the `onRetry` hook. Everything that
//! decides (credentials, 401 renewal, what to retry and how long to wait, parsing) stays
//! here. No Rust future crosses the boundary, which keeps the async runtime and its closure
//! glue out of the .wasm.
//!
//! Each step goes to JavaScript as JSON text (`JSON.parse` on the other side):
//! `{"send":{method,url,headers,body?}}`, `{"wait":ms,"notice":{...}}` or `{"value":...}`;
//! a failed call throws its `EdgeroomError` instead.

use super::env::JsEnv;
use super::error::IntoJsResult;
use crate::client::{Authorizer, Exchange, Step};
use crate::error::{Error, ErrorCode};
use crate::http::HttpResponse;
use crate::json_text::{write_int, write_string};
use crate::prelude::*;
use alloc::boxed::Box;
use alloc::rc::Rc;
use js_sys::Function;
use wasm_bindgen::prelude::*;

/// A call between its steps (see the module docs).
#[wasm_bindgen]
pub struct PendingCall {
    exchange: Exchange<'static>,
    authorizer: Option<Box<dyn Authorizer>>,
    env: Rc<JsEnv>,
    first: Option<Step>,
    fetch: Option<Function>,
    signal: Option<JsValue>,
    timeout_ms: i64,
    on_retry: Option<Function>,
}

/// What a `PendingCall` carries besides its exchange: how the driver is to send.
pub struct Transport {
    pub fetch: Option<Function>,
    pub signal: Option<JsValue>,
    pub timeout_ms: i64,
    pub on_retry: Option<Function>,
}

impl PendingCall {
    /// A call just started: its exchange and first step, what authorizes it, how to send.
    pub(super) fn new(
        (exchange, first): (Exchange<'static>, Step),
        authorizer: Option<Box<dyn Authorizer>>,
        env: Rc<JsEnv>,
        transport: Transport,
    ) -> PendingCall {
        let Transport { fetch, signal, timeout_ms, on_retry } = transport;
        PendingCall { exchange, authorizer, env, first: Some(first), fetch, signal, timeout_ms, on_retry }
    }

    fn render(&self, step: Step) -> Result<String, JsValue> {
        let mut out = String::with_capacity(256);
        match step {
            Step::Send(request) => {
                out.push_str("{\"send\":{\"method\":");
                write_string(&mut out, request.method.as_str());
                out.push_str(",\"url\":");
                write_string(&mut out, &request.url);
                out.push_str(",\"headers\":{");
                for (i, (name, value)) in request.headers.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    write_string(&mut out, name);
                    out.push(':');
                    write_string(&mut out, value);
                }
                out.push('}');
                if let Some(body) = &request.body {
                    out.push_str(",\"body\":");
                    write_string(&mut out, body);
                }
                out.push_str("}}");
            }
            Step::Wait { delay_ms, error } => {
                let notice = self.exchange.notice(delay_ms, &error);
                out.push_str("{\"wait\":");
                write_int(&mut out, delay_ms as i64);
                out.push_str(",\"notice\":{\"endpoint\":");
                write_string(&mut out, notice.endpoint);
                out.push_str(",\"attempt\":");
                write_int(&mut out, i64::from(notice.attempt));
                out.push_str(",\"delayMs\":");
                write_int(&mut out, delay_ms as i64);
                out.push_str(",\"code\":");
                write_string(&mut out, error.code().as_str());
                out.push_str(",\"message\":");
                write_string(&mut out, error.message());
                if let Some(status) = error.status() {
                    out.push_str(",\"status\":");
                    write_int(&mut out, i64::from(status));
                }
                out.push_str("}}");
            }
            Step::Done(result) => {
                let value = result.js()?;
                out.push_str("{\"value\":");
                out.push_str(&value.to_json());
                out.push('}');
            }
        }
        Ok(out)
    }

    fn after(&mut self, answer: crate::error::Result<HttpResponse>) -> Result<String, JsValue> {
        let step = self.exchange.answer(answer, &*self.env, self.authorizer.as_deref());
        self.render(step)
    }
}

#[wasm_bindgen]
impl PendingCall {
    /// The first step: the request to send (or the error that stopped the call before it).
    pub fn first(&mut self) -> Result<String, JsValue> {
        let step = self.first.take().unwrap_or_else(|| self.exchange.resend());
        self.render(step)
    }

    /// The answer to the last `send` step; `retryAfter` and `contentType` are those headers.
    pub fn answer(
        &mut self,
        status: u16,
        retry_after: Option<String>,
        content_type: Option<String>,
        body: String,
    ) -> Result<String, JsValue> {
        let headers = [("retry-after", retry_after), ("content-type", content_type)]
            .into_iter()
            .filter_map(|(name, value)| Some((name.to_owned(), value?)))
            .collect();
        self.after(Ok(HttpResponse { status, headers, body }))
    }

    /// The last `send` step got no answer: `code` is `network`, `timeout` or `aborted`.
    pub fn fail(&mut self, code: &str, message: String) -> Result<String, JsValue> {
        let code = match code {
            "timeout" => ErrorCode::Timeout,
            "aborted" => ErrorCode::Aborted,
            _ => ErrorCode::Network,
        };
        self.after(Err(Error::new(code, message)))
    }

    /// After a `wait` step: the request again.
    pub fn resend(&mut self) -> Result<String, JsValue> {
        let step = self.exchange.resend();
        self.render(step)
    }

    /// The `fetch` to send with (the global one when undefined).
    #[wasm_bindgen(getter)]
    pub fn fetch(&self) -> Option<Function> {
        self.fetch.clone()
    }

    /// The caller's `AbortSignal`, if any.
    #[wasm_bindgen(getter)]
    pub fn signal(&self) -> JsValue {
        self.signal.clone().unwrap_or(JsValue::UNDEFINED)
    }

    /// The timeout of each attempt, in milliseconds.
    #[wasm_bindgen(getter, js_name = timeoutMs)]
    pub fn timeout_ms(&self) -> f64 {
        self.timeout_ms as f64
    }

    /// The client's `onRetry` hook, if any.
    #[wasm_bindgen(getter, js_name = onRetry)]
    pub fn on_retry(&self) -> Option<Function> {
        self.on_retry.clone()
    }
}
