//! Calls by name, with JSON params: what a dynamic caller has in hand (the npm package's one
//! export per provider, a proxy forwarding requests, a table-driven test, a fuzzer). The
//! typed calls are the Rust API; this is the same path reached from data, through the
//! provider's one list of calls, and the one table of calls at run time.
//!
//! The params are checked by reading them into the call's typed params (every rule, every
//! message) and then sent as the JSON they were given ([`crate::params::checked`],
//! [`crate::request::build_checked`]): no call serialises its typed params here, so a build
//! that only calls by name (the `.wasm`) carries no serialisation code per call.

use crate::call::{Call, Params, Spec};
use crate::client::Provider;
use crate::error::{Error, Result};
use crate::hms::HmsClient;
use crate::http::HttpRequest;
use crate::videosdk::VideoSdkClient;
use serde_json::{Map, Value};

/// One call of provider `P`, from JSON.
pub struct JsonEntry<P> {
    /// Its declaration.
    pub spec: &'static Spec,
    /// Its request from path arguments and JSON params (`null` for none).
    pub build: fn(&P, Vec<String>, Value) -> Result<HttpRequest>,
}

/// What each call's own code does: read the params into its typed params. The rest is one
/// copy for every call ([`crate::request::build_checked`]).
fn build<C: Call>(client: &C::Provider, args: Vec<String>, mut params: Value) -> Result<HttpRequest>
where
    C::Provider: Provider,
{
    let spec = C::SPEC;
    absent_params(spec, &mut params)?;
    let typed: C::Params = crate::params::checked(&mut params)?;
    let idempotent = C::idempotent_with(&typed);
    crate::request::build_checked(spec, client.base_url(spec.host), &args, &typed, params, idempotent)
}

/// `null` params: none for a call that takes none, else an empty params object.
fn absent_params(spec: &Spec, params: &mut Value) -> Result<()> {
    match (spec.params, params.is_null()) {
        (Params::None, false) => Err(Error::invalid("params", format_args!("{} takes no params", spec.name))),
        (Params::Query | Params::Body, true) => {
            *params = Value::Object(Map::new());
            Ok(())
        }
        _ => Ok(()),
    }
}

macro_rules! json_entries {
    ($($call:ty),* $(,)?) => { &[$(JsonEntry { spec: <$call as Call>::SPEC, build: build::<$call> }),*] };
}

/// A provider whose calls can be made by name.
pub trait ByName: Provider + 'static {
    /// Its calls.
    const CALLS: &'static [JsonEntry<Self>];

    /// The call `name`, or an `invalid_argument` error naming the provider.
    fn call_named(name: &str) -> Result<&'static JsonEntry<Self>> {
        Self::CALLS
            .iter()
            .find(|entry| entry.spec.name == name)
            .ok_or_else(|| Error::invalid("endpoint", format_args!("{name} is not a {} call", Self::NAME)))
    }

    /// The request of the call `name` with path `args` and JSON `params` (`null` for none).
    fn request_by_name(&self, name: &str, args: &[&str], params: Value) -> Result<HttpRequest> {
        let entry = Self::call_named(name)?;
        (entry.build)(self, args.iter().map(|arg| (*arg).to_owned()).collect(), params)
    }
}

impl ByName for HmsClient {
    const CALLS: &'static [JsonEntry<Self>] = crate::for_each_hms_call!(json_entries);
}

impl ByName for VideoSdkClient {
    const CALLS: &'static [JsonEntry<Self>] = crate::for_each_videosdk_call!(json_entries);
}
