//! Calls by name, with JSON params: what a dynamic caller (a proxy forwarding requests, a
//! table-driven test, a fuzzer) has in hand. The typed calls are the Rust API; this is the
//! same path reached from data, through the provider's one list of calls.

use crate::call::{params_from_json, Call, Spec};
use crate::client::Provider;
use crate::error::{Error, Result};
use crate::hms::HmsClient;
use crate::http::HttpRequest;
use crate::videosdk::VideoSdkClient;

/// One call of provider `P`, from JSON.
pub struct JsonEntry<P> {
    /// Its declaration.
    pub spec: &'static Spec,
    /// Its request from path arguments and JSON params (`null` for none).
    pub build: fn(&P, Vec<String>, serde_json::Value) -> Result<HttpRequest>,
}

fn build<C: Call>(client: &C::Provider, args: Vec<String>, params: serde_json::Value) -> Result<HttpRequest>
where
    C::Provider: Provider,
{
    client.request(&C::from_parts(args, params_from_json(params)?)?)
}

macro_rules! json_entries {
    ($($call:ty),* $(,)?) => { &[$(JsonEntry { spec: <$call as Call>::SPEC, build: build::<$call> }),*] };
}

/// A provider whose calls can be made by name.
pub trait ByName: Provider + 'static {
    /// Its calls.
    const CALLS: &'static [JsonEntry<Self>];

    /// The request of the call `name` with path `args` and JSON `params`.
    fn request_by_name(&self, name: &str, args: &[&str], params: serde_json::Value) -> Result<HttpRequest> {
        let entry = Self::CALLS
            .iter()
            .find(|entry| entry.spec.name == name)
            .ok_or_else(|| Error::invalid("endpoint", format_args!("{name} is not a {} call", Self::NAME)))?;
        (entry.build)(self, args.iter().map(|arg| (*arg).to_owned()).collect(), params)
    }
}

impl ByName for HmsClient {
    const CALLS: &'static [JsonEntry<Self>] = crate::for_each_hms_call!(json_entries);
}

impl ByName for VideoSdkClient {
    const CALLS: &'static [JsonEntry<Self>] = crate::for_each_videosdk_call!(json_entries);
}
