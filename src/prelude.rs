//! What most programs need, in one `use edgeroom::prelude::*;`: the clients and their
//! builder, the traits their methods come from, the grants, errors and pages.

pub use crate::call::Call;
pub use crate::client::{Env, Provider, RetryPolicy, Transport};
pub use crate::error::{Error, ErrorCode, Result};
pub use crate::hms::HmsClient;
pub use crate::ready::{Client, ClientBuilder, Mint, Pages};
pub use crate::reply::{Next, Page};
pub use crate::token::{AppGrant, Minted, Permission, Validity, VideoSdkGrant, VideoSdkRole};
pub use crate::videosdk::VideoSdkClient;
pub use futures_core::Stream;

#[cfg(all(target_arch = "wasm32", feature = "fetch"))]
pub use crate::fetch::{FetchTransport, JsEnv};
#[cfg(all(not(target_arch = "wasm32"), feature = "native-client"))]
pub use crate::native::{ReqwestTransport, SystemEnv};
