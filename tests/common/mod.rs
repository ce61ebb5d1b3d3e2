//! The table-driven request checks both providers' request tests share.
#![allow(dead_code)] // each test crate uses its own subset of these helpers

use edgeroom::by_name::ByName;
use edgeroom::call::Spec;
use edgeroom::http::Method;
use serde_json::Value;

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
