//! The one error type of edgeroom.
//!
//! Every failure, from a malformed argument to a provider's 503, is an [`Error`] with a
//! stable [`ErrorCode`]. JavaScript callers branch on `err.code`; Rust callers match on
//! [`Error::code`]. Messages name the field and the rule and never carry a secret: no
//! constructor here takes one, and the provider's body is kept verbatim only for API errors,
//! which the provider wrote and which cannot contain our signing secret.

use core::fmt;
use std::sync::Arc;

/// The stable error codes. Their string forms are a public contract (see the README).
/// Non-exhaustive: a later release may add a code, so a `match` needs a `_` arm.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorCode {
    /// An argument broke a documented rule; nothing was signed or sent.
    InvalidArgument,
    /// A token that is not three base64url parts of JSON.
    MalformedToken,
    /// A token signed with anything but HS256 (including `none`).
    UnsupportedAlgorithm,
    /// The signature does not match the secret.
    InvalidSignature,
    /// `exp` has passed (beyond the leeway), or the token has no `exp`.
    TokenExpired,
    /// `nbf` (or `iat`) lies in the future (beyond the leeway).
    TokenNotYetValid,
    /// The `type` claim is not the one asked for.
    TokenTypeMismatch,
    /// HTTP 400 from the provider.
    BadRequest,
    /// HTTP 401 from the provider (after one renewal of the management token).
    Unauthorized,
    /// HTTP 403 from the provider.
    Forbidden,
    /// HTTP 404 from the provider.
    NotFound,
    /// HTTP 409 from the provider.
    Conflict,
    /// HTTP 429 from the provider.
    RateLimited,
    /// Any other non-2xx answer from the provider.
    ApiError,
    /// A 2xx answer whose body is not the JSON the endpoint documents.
    InvalidResponse,
    /// The request could not be sent or its answer not read.
    Network,
    /// No complete answer within `timeoutMs`.
    Timeout,
    /// The caller's `AbortSignal` fired.
    Aborted,
    /// The runtime lacks something edgeroom needs: a secure random source (WebCrypto's
    /// `crypto.getRandomValues`) for the `jti` of the tokens it mints.
    UnsupportedRuntime,
    /// The browser entry was used before `await init()`, or a client after its `free()`
    /// (raised by the JavaScript layer; listed here so every code has one home).
    NotInitialized,
    /// A webhook request that is not the provider's documented envelope.
    InvalidWebhook,
    /// A webhook whose secret headers or signature do not match.
    WebhookUnauthenticated,
    /// A webhook whose timestamp lies outside the replay window.
    WebhookExpired,
    /// The package's WebAssembly module could not be fetched or compiled; raised by the JS
    /// entries, never by the Rust core.
    WasmLoadFailed,
}

impl ErrorCode {
    /// The stable string form, e.g. `"invalid_argument"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            ErrorCode::InvalidArgument => "invalid_argument",
            ErrorCode::MalformedToken => "malformed_token",
            ErrorCode::UnsupportedAlgorithm => "unsupported_algorithm",
            ErrorCode::InvalidSignature => "invalid_signature",
            ErrorCode::TokenExpired => "token_expired",
            ErrorCode::TokenNotYetValid => "token_not_yet_valid",
            ErrorCode::TokenTypeMismatch => "token_type_mismatch",
            ErrorCode::BadRequest => "bad_request",
            ErrorCode::Unauthorized => "unauthorized",
            ErrorCode::Forbidden => "forbidden",
            ErrorCode::NotFound => "not_found",
            ErrorCode::Conflict => "conflict",
            ErrorCode::RateLimited => "rate_limited",
            ErrorCode::ApiError => "api_error",
            ErrorCode::InvalidResponse => "invalid_response",
            ErrorCode::Network => "network",
            ErrorCode::Timeout => "timeout",
            ErrorCode::Aborted => "aborted",
            ErrorCode::UnsupportedRuntime => "unsupported_runtime",
            ErrorCode::NotInitialized => "not_initialized",
            ErrorCode::InvalidWebhook => "invalid_webhook",
            ErrorCode::WebhookUnauthenticated => "webhook_unauthenticated",
            ErrorCode::WebhookExpired => "webhook_expired",
            ErrorCode::WasmLoadFailed => "wasm_load_failed",
        }
    }

    /// The code for a non-2xx HTTP status from a provider.
    pub const fn for_status(status: u16) -> ErrorCode {
        match status {
            400 => ErrorCode::BadRequest,
            401 => ErrorCode::Unauthorized,
            403 => ErrorCode::Forbidden,
            // VideoSDK answers 402 for a room id it does not know in some places.
            402 | 404 => ErrorCode::NotFound,
            409 => ErrorCode::Conflict,
            429 => ErrorCode::RateLimited,
            _ => ErrorCode::ApiError,
        }
    }
}

impl ErrorCode {
    /// Every code, one per line, in the order of the enum. The TypeScript union `ErrorCode`
    /// is generated from this list (`tests/generated.rs`); a test checks that it names every
    /// code `as_str` knows, so a variant added to the enum is added here too.
    pub const ALL: &'static [ErrorCode] = &[
        ErrorCode::InvalidArgument,
        ErrorCode::MalformedToken,
        ErrorCode::UnsupportedAlgorithm,
        ErrorCode::InvalidSignature,
        ErrorCode::TokenExpired,
        ErrorCode::TokenNotYetValid,
        ErrorCode::TokenTypeMismatch,
        ErrorCode::BadRequest,
        ErrorCode::Unauthorized,
        ErrorCode::Forbidden,
        ErrorCode::NotFound,
        ErrorCode::Conflict,
        ErrorCode::RateLimited,
        ErrorCode::ApiError,
        ErrorCode::InvalidResponse,
        ErrorCode::Network,
        ErrorCode::Timeout,
        ErrorCode::Aborted,
        ErrorCode::UnsupportedRuntime,
        ErrorCode::NotInitialized,
        ErrorCode::InvalidWebhook,
        ErrorCode::WebhookUnauthenticated,
        ErrorCode::WebhookExpired,
        ErrorCode::WasmLoadFailed,
    ];
}

impl fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An edgeroom error: a stable code, a message, and where it applies, the field, the HTTP
/// status and the provider's own body; for a transport's failure, its cause as the
/// [`source`](core::error::Error::source).
///
/// One pointer wide: a `Result` carries it up through every `?` of every call, and a boxed
/// error is one word to move where its six fields are sixteen words (the full `.wasm`: 28 KB
/// smaller raw, 7 KB gzip).
#[derive(Clone)]
pub struct Error(Box<Detail>);

#[derive(Clone)]
struct Detail {
    code: ErrorCode,
    message: String,
    field: Option<String>,
    status: Option<u16>,
    body: Option<String>,
    source: Option<Arc<dyn core::error::Error + Send + Sync>>,
}

/// Errors are equal when what they say is: code, message, field, status and body (a source
/// has no equality of its own).
impl PartialEq for Error {
    fn eq(&self, other: &Self) -> bool {
        (self.0.code, &self.0.message, &self.0.field, self.0.status, &self.0.body)
            == (other.0.code, &other.0.message, &other.0.field, other.0.status, &other.0.body)
    }
}

impl Eq for Error {}

impl Error {
    /// An error with a code and a message.
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Error(Box::new(Detail { code, message: message.into(), field: None, status: None, body: None, source: None }))
    }

    /// Bad input: `"<field>: <rule>"`, with the field kept for programmatic use.
    pub fn invalid(field: impl Into<String>, rule: impl fmt::Display) -> Self {
        let field = field.into();
        Error(Box::new(Detail {
            code: ErrorCode::InvalidArgument,
            message: format!("{field}: {rule}"),
            field: Some(field),
            status: None,
            body: None,
            source: None,
        }))
    }

    /// A provider answered with a non-2xx status. `message` is the provider's own message
    /// when its body had one; `body` is the raw body, kept whole.
    pub fn api(status: u16, message: impl Into<String>, body: impl Into<String>) -> Self {
        let body = body.into();
        Error(Box::new(Detail {
            code: ErrorCode::for_status(status),
            message: message.into(),
            field: None,
            status: Some(status),
            body: if body.is_empty() { None } else { Some(body) },
            source: None,
        }))
    }

    /// A 2xx answer that is not what the endpoint documents. The raw text is kept.
    pub fn invalid_response(status: u16, rule: impl fmt::Display, body: impl Into<String>) -> Self {
        let body = body.into();
        Error(Box::new(Detail {
            code: ErrorCode::InvalidResponse,
            message: format!("the response is not the documented JSON: {rule}"),
            field: None,
            status: Some(status),
            body: Some(body),
            source: None,
        }))
    }

    /// The error with its cause (a transport's own error), reachable as its
    /// [`source`](core::error::Error::source).
    pub fn with_source(mut self, source: impl core::error::Error + Send + Sync + 'static) -> Self {
        self.0.source = Some(Arc::new(source));
        self
    }

    /// Whether the provider answered 404 (or VideoSDK's 402 for an unknown room), or a lookup
    /// found nothing (no live session, no active stream).
    pub fn is_not_found(&self) -> bool {
        self.0.code == ErrorCode::NotFound
    }

    /// Whether the input broke a rule; nothing was signed or sent.
    pub fn is_invalid_argument(&self) -> bool {
        self.0.code == ErrorCode::InvalidArgument
    }

    /// Whether the call may succeed if made again later: a network failure, a timeout, 429
    /// or a 5xx (the client has already retried what was safe to retry).
    pub fn is_transient(&self) -> bool {
        matches!(self.0.code, ErrorCode::Network | ErrorCode::Timeout)
            || matches!(self.0.status, Some(429 | 500 | 502 | 503 | 504))
    }

    /// The stable code.
    pub fn code(&self) -> ErrorCode {
        self.0.code
    }

    /// The human-readable message (names the field and the rule for bad input).
    pub fn message(&self) -> &str {
        &self.0.message
    }

    /// The offending field, for [`ErrorCode::InvalidArgument`].
    pub fn field(&self) -> Option<&str> {
        self.0.field.as_deref()
    }

    /// The HTTP status, for errors that came with an answer.
    pub fn status(&self) -> Option<u16> {
        self.0.status
    }

    /// The provider's raw body, for API errors and invalid responses.
    pub fn body(&self) -> Option<&str> {
        self.0.body.as_deref()
    }

    /// Prefixes the field path, so nested validators can report `recording_info.upload_info.type`.
    pub(crate) fn within(mut self, parent: &str) -> Self {
        if let Some(field) = &self.0.field {
            let full = format!("{parent}.{field}");
            self.0.message = format!("{full}{}", &self.0.message[field.len()..]);
            self.0.field = Some(full);
        }
        self
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Detail { code, message, field, status, body, source } = &*self.0;
        f.debug_struct("Error")
            .field("code", code)
            .field("message", message)
            .field("field", field)
            .field("status", status)
            .field("body", body)
            .field("source", source)
            .finish()
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.0.message, self.0.code)
    }
}

impl core::error::Error for Error {
    fn source(&self) -> Option<&(dyn core::error::Error + 'static)> {
        self.0.source.as_deref().map(|source| source as _)
    }
}

/// The result type of edgeroom.
pub type Result<T, E = Error> = core::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;
    #[allow(unused_imports)]
    use std::{borrow::ToOwned, format, string::String, string::ToString, vec, vec::Vec};

    #[test]
    fn all_lists_every_code_as_str_knows() {
        // The codes `as_str` maps, read from this file (its match is exhaustive, so a new
        // variant has its arm there): each must be in ErrorCode::ALL, once.
        let source = include_str!("error.rs");
        let start = source.find("pub const fn as_str").unwrap();
        let end = start + source[start..].find("\n    }\n").unwrap();
        let mapped: Vec<&str> = source[start..end]
            .lines()
            .filter_map(|line| line.split("=> \"").nth(1))
            .map(|rest| rest.trim_end_matches("\",").trim_end_matches('"'))
            .collect();
        let listed: Vec<&str> = ErrorCode::ALL.iter().map(|c| c.as_str()).collect();
        assert!(mapped.len() > 20, "read the as_str arms: {mapped:?}");
        for code in &mapped {
            assert!(listed.contains(code), "{code} is missing from ErrorCode::ALL: add it there");
        }
        assert_eq!(listed.len(), mapped.len(), "ErrorCode::ALL names a code twice");
    }

    #[test]
    fn invalid_names_field_and_rule() {
        let err = Error::invalid("size", "must be an integer from 0 to 2500");
        assert_eq!(err.code().as_str(), "invalid_argument");
        assert_eq!(err.field(), Some("size"));
        assert_eq!(err.message(), "size: must be an integer from 0 to 2500");
    }

    #[test]
    fn within_prefixes_the_path() {
        let err = Error::invalid("type", "is required").within("upload_info").within("recording_info");
        assert_eq!(err.field(), Some("recording_info.upload_info.type"));
        assert_eq!(err.message(), "recording_info.upload_info.type: is required");
    }

    #[test]
    fn statuses_map_to_codes() {
        let cases = [
            (400, "bad_request"),
            (401, "unauthorized"),
            (403, "forbidden"),
            (404, "not_found"),
            (409, "conflict"),
            (429, "rate_limited"),
            (500, "api_error"),
            (503, "api_error"),
        ];
        for (status, code) in cases {
            assert_eq!(ErrorCode::for_status(status).as_str(), code, "status {status}");
        }
    }

    #[test]
    fn api_error_keeps_status_and_body() {
        let err = Error::api(404, "room not found", r#"{"code":404,"message":"room not found"}"#);
        assert_eq!(err.code(), ErrorCode::NotFound);
        assert_eq!(err.status(), Some(404));
        assert_eq!(err.body(), Some(r#"{"code":404,"message":"room not found"}"#));
    }
}
