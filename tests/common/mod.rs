//! What the integration tests share: a client per provider (made in one place each, so a
//! change to how clients are built is one edit here; the unit tests' copy is
//! `src/test_support.rs`), the table-driven request checks, a scripted transport and a fixed
//! clock.
#![allow(dead_code)] // each test crate uses its own subset of these helpers

use edgeroom::by_name::ByName;
use edgeroom::call::Spec;
use edgeroom::hms::{HmsClient, HmsOptions};
use edgeroom::http::Method;
use edgeroom::videosdk::VideoSdkClient;
use serde_json::Value;

/// A 100ms client with test credentials and `options`, or the error that refuses them.
pub fn try_hms_client(options: &HmsOptions) -> edgeroom::Result<HmsClient> {
    HmsClient::new("access", "secret", options)
}

/// A 100ms client with test credentials and the default options.
pub fn hms_client() -> HmsClient {
    try_hms_client(&HmsOptions::default()).unwrap()
}

/// The test credentials' VideoSDK API key (a REST token carries it as `apikey`).
pub const VIDEOSDK_API_KEY: &str = "api-key";

/// A VideoSDK client with test credentials, the default base URL and retries.
pub fn videosdk_client() -> VideoSdkClient {
    VideoSdkClient::new(VIDEOSDK_API_KEY, "vsdk-secret", &Default::default()).unwrap()
}

/// One call: its name and inputs, and the exact request it must produce.
pub struct Case {
    pub name: &'static str,
    pub args: &'static [&'static str],
    pub params: Value,
    pub method: Method,
    pub url: &'static str,
    pub sent: Option<Value>,
}

pub fn case(name: &'static str, args: &'static [&'static str], method: Method, url: &'static str) -> Case {
    Case { name, args, params: Value::Null, method, url, sent: None }
}

impl Case {
    /// Params that go into the query.
    pub fn query(mut self, query: Value) -> Case {
        self.params = query;
        self
    }

    /// Params that are sent as the body, as given.
    pub fn body(mut self, body: Value) -> Case {
        self.sent = Some(body.clone());
        self.params = body;
        self
    }
}

/// Asserts every case builds its exact request, and that every call in `declared` (but
/// those `exempt`) has a case.
pub fn assert_requests<P: ByName>(client: &P, base: &str, cases: &[Case], declared: &[&Spec], exempt: &[&str]) {
    for c in cases {
        let request =
            client.request_by_name(c.name, c.args, c.params.clone()).unwrap_or_else(|e| panic!("{}: {e}", c.name));
        assert_eq!(request.method, c.method, "{}", c.name);
        assert_eq!(request.url, format!("{base}{}", c.url), "{}", c.name);
        let sent: Option<Value> = request.body.as_deref().map(|b| serde_json::from_str(b).unwrap());
        assert_eq!(sent, c.sent, "{}", c.name);
    }
    for spec in declared.iter().filter(|s| !exempt.contains(&s.name)) {
        assert!(cases.iter().any(|c| c.name == spec.name), "{} has no request test", spec.name);
    }
}

/// The message of the error the call `name` raises for these inputs.
pub fn refused<P: ByName>(client: &P, name: &str, args: &[&str], params: Value) -> String {
    client.request_by_name(name, args, params).map(|r| r.url).unwrap_err().message().to_owned()
}

/// Polls a future whose transport answers at once (no executor needed).
pub fn block_on<F: std::future::Future>(future: F) -> F::Output {
    let mut future = std::pin::pin!(future);
    match future.as_mut().poll(&mut std::task::Context::from_waker(std::task::Waker::noop())) {
        std::task::Poll::Ready(value) => value,
        std::task::Poll::Pending => panic!("the test transport answers at once"),
    }
}

/// A fixed clock (settable) and counting "randomness": each call answers 16 bytes of the
/// next counter value, so tokens minted in the same second still differ (`jti`).
pub struct FixedEnv {
    pub now: std::cell::Cell<i64>,
    pub counter: std::cell::Cell<u8>,
}

/// Tue, 14 Nov 2023 22:13:20 GMT.
pub const NOW: i64 = 1_700_000_000;

impl edgeroom::client::Env for FixedEnv {
    fn now_unix(&self) -> i64 {
        self.now.get()
    }
    fn random16(&self) -> edgeroom::Result<[u8; 16]> {
        self.counter.set(self.counter.get().wrapping_add(1));
        Ok([self.counter.get(); 16])
    }
}

/// The environment at [`NOW`].
pub fn env() -> FixedEnv {
    FixedEnv { now: std::cell::Cell::new(NOW), counter: std::cell::Cell::new(0) }
}

/// One retry as the `onRetry` hook is told of it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub endpoint: String,
    pub attempt: u32,
    pub delay_ms: u64,
    pub code: &'static str,
}

/// A transport that answers with scripted responses (or errors) in order, records what was
/// sent and the retries announced, and records the waits instead of waiting. Running out of
/// answers fails the test: a request was sent that should not have been.
pub struct Scripted {
    pub answers: std::cell::RefCell<std::collections::VecDeque<edgeroom::Result<edgeroom::http::HttpResponse>>>,
    pub sent: std::cell::RefCell<Vec<edgeroom::http::HttpRequest>>,
    pub slept: std::cell::RefCell<Vec<u64>>,
    pub notices: std::cell::RefCell<Vec<Notice>>,
}

impl Scripted {
    /// Answers these responses in order.
    pub fn new(answers: Vec<edgeroom::http::HttpResponse>) -> Self {
        Scripted::with(answers.into_iter().map(Ok).collect())
    }

    /// Answers these responses or transport errors in order.
    pub fn with(answers: Vec<edgeroom::Result<edgeroom::http::HttpResponse>>) -> Self {
        Scripted {
            answers: std::cell::RefCell::new(answers.into()),
            sent: Default::default(),
            slept: Default::default(),
            notices: Default::default(),
        }
    }

    /// How many requests were sent.
    pub fn sent_count(&self) -> usize {
        self.sent.borrow().len()
    }
}

impl edgeroom::client::Transport for Scripted {
    async fn send(&self, request: edgeroom::http::HttpRequest) -> edgeroom::Result<edgeroom::http::HttpResponse> {
        let url = request.url.clone();
        self.sent.borrow_mut().push(request);
        self.answers.borrow_mut().pop_front().unwrap_or_else(|| panic!("unscripted request to {url}"))
    }

    async fn sleep(&self, ms: u64) -> edgeroom::Result<()> {
        self.slept.borrow_mut().push(ms);
        Ok(())
    }

    fn retrying(&self, notice: &edgeroom::client::RetryNotice<'_>) {
        self.notices.borrow_mut().push(Notice {
            endpoint: notice.endpoint.to_owned(),
            attempt: notice.attempt,
            delay_ms: notice.delay_ms,
            code: notice.error.code().as_str(),
        });
    }
}

/// An answer with a `Retry-After` header and no body.
pub fn with_retry_after(status: u16, value: &str) -> edgeroom::http::HttpResponse {
    edgeroom::http::HttpResponse { status, headers: vec![("retry-after".into(), value.into())], body: String::new() }
}

/// The claims of the token in a request's `Authorization` header, after `prefix`
/// (`"Bearer "` for 100ms, `""` for VideoSDK).
pub fn authorization_claims(request: &edgeroom::http::HttpRequest, prefix: &str) -> Value {
    let header = request.header("authorization").expect("an authorization header");
    let token = header.strip_prefix(prefix).unwrap_or_else(|| panic!("{header:?} does not start with {prefix:?}"));
    edgeroom::token::decode_token(token).unwrap().claims
}
