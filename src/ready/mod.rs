//! The ready client: a provider's client ([`HmsClient`](crate::hms::HmsClient) or
//! [`VideoSdkClient`](crate::videosdk::VideoSdkClient)) together with the [`Transport`] it
//! sends over and the [`Env`] it reads the clock and randomness from, so that a call is one
//! method: `hms.rooms().create(settings).await?`.
//!
//! It adds no path of its own: every call goes through [`Provider::send`], the same sans-IO
//! [`Exchange`](crate::client::Exchange) the npm package drives. [`ClientBuilder`] makes one
//! (over reqwest with the `reqwest` feature, over `fetch` on wasm32 with `fetch`, or over
//! any transport with [`ClientBuilder::build_with`]); [`Pages`] walks a list call.
//!
//! A client is cheap to clone (one `Arc`), and `Send + Sync` with futures that are `Send`
//! whenever its transport and Env are (reqwest's and the system's are): it can live in an
//! axum state and be used from many tokio tasks at once, sharing one management token.

mod builder;
mod pages;

pub use builder::{ClientBuilder, Configure, Settings};
pub use pages::Pages;

use crate::call::Call;
use crate::client::{Env, Provider, Transport};
use crate::error::Result;
use crate::http::HttpRequest;
use crate::reply::Page;
use crate::token::{AppGrant, Minted, Validity, VideoSdkGrant};
use core::fmt;
use std::sync::Arc;

/// The transport and Env `build()` picks on this platform: reqwest and the system natively
/// (feature `reqwest`), fetch and JavaScript on wasm32 (feature `fetch`).
#[cfg(all(not(target_arch = "wasm32"), feature = "native-client"))]
pub(crate) mod platform {
    pub use crate::native::{ReqwestTransport as Transport, SystemEnv as Env};
}
#[cfg(all(target_arch = "wasm32", feature = "fetch"))]
pub(crate) mod platform {
    pub use crate::fetch::{FetchTransport as Transport, JsEnv as Env};
}

/// A provider's client, ready to send: `P` is [`HmsClient`](crate::hms::HmsClient) or
/// [`VideoSdkClient`](crate::videosdk::VideoSdkClient), `T` the [`Transport`], `E` the
/// [`Env`]. `T` and `E` default to this platform's (reqwest and the system clock natively,
/// with the `reqwest` feature; fetch on wasm32, with `fetch`), so `Client<HmsClient>` names
/// the client `HmsClient::builder().build()` makes. Clones share one connection pool and
/// one cached management token.
#[cfg(any(
    all(not(target_arch = "wasm32"), feature = "native-client"),
    all(target_arch = "wasm32", feature = "fetch")
))]
pub struct Client<P, T = platform::Transport, E = platform::Env> {
    shared: Arc<Shared<P, T, E>>,
}

/// A provider's client, ready to send: `P` is [`HmsClient`](crate::hms::HmsClient) or
/// [`VideoSdkClient`](crate::videosdk::VideoSdkClient), `T` the [`Transport`], `E` the
/// [`Env`] (with the `reqwest` feature, or `fetch` on wasm32, both default to the
/// platform's). Clones share one cached management token.
#[cfg(not(any(
    all(not(target_arch = "wasm32"), feature = "native-client"),
    all(target_arch = "wasm32", feature = "fetch")
)))]
pub struct Client<P, T, E> {
    shared: Arc<Shared<P, T, E>>,
}

struct Shared<P, T, E> {
    provider: P,
    transport: T,
    env: E,
}

impl<P, T, E> Clone for Client<P, T, E> {
    fn clone(&self) -> Self {
        Client { shared: Arc::clone(&self.shared) }
    }
}

impl<P: fmt::Debug, T, E> fmt::Debug for Client<P, T, E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The provider's Debug never shows the secret.
        f.debug_struct("Client").field("provider", &self.shared.provider).finish_non_exhaustive()
    }
}

impl<P: Provider, T: Transport, E: Env> Client<P, T, E> {
    /// The client of `provider` over `transport`, with `env`'s clock and randomness
    /// ([`ClientBuilder::build_with`] does this after checking the settings).
    pub fn from_parts(provider: P, transport: T, env: E) -> Self {
        Client { shared: Arc::new(Shared { provider, transport, env }) }
    }

    /// The provider's client: credentials, base URLs, the sans-IO [`Provider::request`].
    pub fn provider(&self) -> &P {
        &self.shared.provider
    }

    /// The transport it sends over.
    pub fn transport(&self) -> &T {
        &self.shared.transport
    }

    /// The clock and randomness it mints with.
    pub fn env(&self) -> &E {
        &self.shared.env
    }

    /// Sends `call`: validated before anything is sent, credentials on, renewed once after a
    /// 401, retried when safe; its typed answer. The namespaced methods
    /// (`hms.rooms().create(..)`) are this with the call made for you.
    pub async fn send<C: Call<Provider = P>>(&self, call: C) -> Result<C::Response> {
        self.provider().send(self.transport(), self.env(), &call).await
    }

    /// The request `call` makes, validated, without credentials (nothing is sent).
    pub fn request<C: Call<Provider = P>>(&self, call: &C) -> Result<HttpRequest> {
        self.provider().request(call)
    }

    /// Walks the list call `call` page by page: [`Pages::next_page`], or
    /// [`Pages::into_stream`] for its items one by one.
    pub fn pages<C: Call<Provider = P, Response = Page<Item>>, Item>(&self, call: C) -> Pages<C, P, T, E> {
        Pages::new(self.clone(), call)
    }
}

impl<P: Mint, T: Transport, E: Env> Client<P, T, E> {
    /// A token for a peer: 100ms's app (auth) token for an [`AppGrant`], VideoSDK's token for
    /// a [`VideoSdkGrant`]; the clock and the `jti` from the client's Env. Synchronous: nothing
    /// is sent.
    pub fn token(&self, grant: &P::Grant<'_>, validity: &Validity) -> Result<Minted> {
        self.provider().mint(self.env(), grant, validity)
    }
}

impl<T: Transport, E: Env> Client<crate::hms::HmsClient, T, E> {
    /// The management token the REST calls carry: the cached one while comfortably valid.
    pub fn management_token(&self) -> Result<Minted> {
        self.provider().management_token(self.env(), None, false)
    }
}

/// What a provider mints for its peers: one shape for both (a grant and a [`Validity`] in, a
/// [`Minted`] out), the clock and randomness from an [`Env`].
pub trait Mint: Provider {
    /// Who the token is for.
    type Grant<'g>;
    /// Mints a token for `grant`.
    fn mint(&self, env: &dyn Env, grant: &Self::Grant<'_>, validity: &Validity) -> Result<Minted>;
}

impl Mint for crate::hms::HmsClient {
    type Grant<'g> = AppGrant<'g>;
    fn mint(&self, env: &dyn Env, grant: &AppGrant<'_>, validity: &Validity) -> Result<Minted> {
        self.app_token(env, grant, validity)
    }
}

impl Mint for crate::videosdk::VideoSdkClient {
    type Grant<'g> = VideoSdkGrant<'g>;
    fn mint(&self, env: &dyn Env, grant: &VideoSdkGrant<'_>, validity: &Validity) -> Result<Minted> {
        self.token(env, grant, validity)
    }
}
