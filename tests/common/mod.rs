//! The table-driven request checks both providers' request tests share.
#![allow(dead_code)] // each test crate uses its own subset of these helpers

use edgeroom::endpoint::Endpoint;
use edgeroom::http::Method;
use edgeroom::json::Value;

/// `json!` literals of serde_json (a dev-dependency) as edgeroom's own `json::Value`.
#[macro_export]
macro_rules! json {
    ($($literal:tt)+) => {
        edgeroom::json::parse(&serde_json::json!($($literal)+).to_string()).expect("a json! literal is JSON")
    };
}

/// One call: its endpoint name and inputs, and the exact request it must produce.
pub struct Case {
    pub name: &'static str,
    pub args: &'static [&'static str],
    pub query: Value,
    pub body: Value,
    pub method: Method,
    pub url: &'static str,
    pub sent: Option<Value>,
}

pub fn case(name: &'static str, args: &'static [&'static str], method: Method, url: &'static str) -> Case {
    Case { name, args, query: Value::Null, body: Value::Null, method, url, sent: None }
}

impl Case {
    pub fn query(mut self, query: Value) -> Case {
        self.query = query;
        self
    }

    /// A body that is sent as given.
    pub fn body(mut self, body: Value) -> Case {
        self.sent = Some(body.clone());
        self.body = body;
        self
    }
}

/// Asserts every case builds its exact request, and that every endpoint in `declared`
/// (but those `exempt`) has a case.
pub fn assert_requests(
    base: &str,
    cases: &[Case],
    lookup: fn(&str) -> Option<&'static Endpoint>,
    declared: &[&Endpoint],
    exempt: &[&str],
) {
    for c in cases {
        let endpoint = lookup(c.name).unwrap_or_else(|| panic!("{} is not declared", c.name));
        let request = endpoint.build(base, c.args, &c.query, &c.body).unwrap_or_else(|e| panic!("{}: {e}", c.name));
        assert_eq!(request.method, c.method, "{}", c.name);
        assert_eq!(request.url, format!("{base}{}", c.url), "{}", c.name);
        let sent: Option<Value> = request.body.as_deref().map(|b| edgeroom::json::parse(b).unwrap());
        assert_eq!(sent, c.sent, "{}", c.name);
    }
    for endpoint in declared.iter().filter(|e| !exempt.contains(&e.name)) {
        assert!(cases.iter().any(|c| c.name == endpoint.name), "{} has no request test", endpoint.name);
    }
}

/// The message of the error `name` raises for these inputs.
pub fn refused(
    base: &str,
    lookup: fn(&str) -> Option<&'static Endpoint>,
    name: &str,
    args: &[&str],
    query: Value,
    body: Value,
) -> String {
    let endpoint = lookup(name).unwrap_or_else(|| panic!("{name} is not declared"));
    endpoint.build(base, args, &query, &body).map(|r| r.url).unwrap_err().message().to_owned()
}

/// Polls a future whose transport answers at once (no executor needed).
pub fn block_on<F: std::future::Future>(future: F) -> F::Output {
    let mut future = std::pin::pin!(future);
    match future.as_mut().poll(&mut std::task::Context::from_waker(std::task::Waker::noop())) {
        std::task::Poll::Ready(value) => value,
        std::task::Poll::Pending => panic!("the test transport answers at once"),
    }
}
