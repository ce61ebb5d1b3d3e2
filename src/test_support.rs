//! What the unit tests of `hms/` and `videosdk/` share: a client per provider (made in one
//! place each, so a change to how clients are built is one edit here), params from JSON as
//! JavaScript passes them, a request's JSON body, and an answer read as the call or a reply
//! shape reads it. Integration tests have their own copy in `tests/common/mod.rs`.

use crate::call::Call;
use crate::error::Result;
use crate::hms::{HmsClient, HmsOptions};
use crate::http::{HttpRequest, HttpResponse};
use crate::reply::Reply;
use crate::videosdk::VideoSdkClient;
use serde::de::DeserializeOwned;
use serde_json::Value;

/// A 100ms client with the default options and test credentials.
pub fn hms_client() -> HmsClient {
    HmsClient::new("access", "secret", &HmsOptions::default()).unwrap()
}

/// A VideoSDK client with the default base URL and retries, and test credentials.
pub fn videosdk_client() -> VideoSdkClient {
    VideoSdkClient::new("api-key", "secret", &Default::default()).unwrap()
}

/// Params as JavaScript would pass them: through serde, failures named by their field path.
pub fn params<T: DeserializeOwned>(value: Value) -> Result<T> {
    crate::call::params_from_json(value)
}

/// A request's JSON body (`null` when it has none), for comparing without regard to member
/// order.
pub fn body_json(request: &HttpRequest) -> Value {
    request.body.as_deref().map_or(Value::Null, |b| serde_json::from_str(b).expect("a JSON body"))
}

/// The answer `status` `text` as call `C` reads it (its reply shape and Rust answer type).
pub fn answer<C: Call>(status: u16, text: &str) -> Result<C::Response> {
    crate::reply::answer::<C>(&HttpResponse::new(status, text))
}

/// A 200 answer of shape `reply`, as `T`: for a shape or a type tested apart from any call.
pub fn read<T: DeserializeOwned>(reply: Reply, body: &str) -> Result<T> {
    read_status(reply, 200, body)
}

/// An answer of shape `reply` with any status, as `T` (a non-2xx is the provider's error).
pub fn read_status<T: DeserializeOwned>(reply: Reply, status: u16, body: &str) -> Result<T> {
    let text = crate::reply::read(reply, &HttpResponse::new(status, body))?;
    crate::reply::typed(status, &text)
}
