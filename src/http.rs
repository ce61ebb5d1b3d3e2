//! Sans-IO HTTP: the request a builder produces and the response a parser reads. Nothing
//! here performs I/O; a transport (the global `fetch` in wasm, anything in Rust) does.

use core::fmt;

/// The HTTP methods the providers' APIs use.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Method {
    /// `GET`
    Get,
    /// `POST`
    Post,
    /// `DELETE`
    Delete,
}

impl Method {
    /// `"GET"`, `"POST"`, `"DELETE"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Delete => "DELETE",
        }
    }
}

impl fmt::Display for Method {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A request ready to send. Header names are lowercase.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HttpRequest {
    /// The method.
    pub method: Method,
    /// The absolute URL, path and query percent-encoded.
    pub url: String,
    /// Lowercase names and their values.
    pub headers: Vec<(&'static str, String)>,
    /// The JSON body, if any.
    pub body: Option<String>,
    /// Whether sending it again cannot do harm (see [`crate::call::Retry`]):
    /// only such requests are retried after a lost or transient answer.
    pub idempotent: bool,
}

impl HttpRequest {
    /// The value of a header, by lowercase name.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(n, _)| *n == name).map(|(_, v)| v.as_str())
    }

    /// Sets a header, replacing an earlier value.
    pub fn set_header(&mut self, name: &'static str, value: String) {
        self.headers.retain(|(n, _)| *n != name);
        self.headers.push((name, value));
    }
}

/// What came back: the status, the headers the client reads, and the body as text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HttpResponse {
    /// The HTTP status.
    pub status: u16,
    /// Lowercase names. Transports need only copy the header the client reads:
    /// `retry-after`, of an answer that is not a 2xx.
    pub headers: Vec<(String, String)>,
    /// The body as text.
    pub body: String,
}

impl HttpResponse {
    /// A response with a status and a body, for tests and custom transports.
    pub fn new(status: u16, body: impl Into<String>) -> Self {
        HttpResponse { status, headers: Vec::new(), body: body.into() }
    }

    /// The value of a header, by lowercase name.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }
}

/// Percent-encodes `value` for a path segment or a query value: everything but the
/// RFC 3986 unreserved characters. The official SDK sends ids raw, so a space breaks the
/// request and an `&` injects parameters; here neither can.
pub fn encode_component(value: &str, out: &mut String) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for byte in value.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~') {
            out.push(byte as char);
        } else {
            out.push('%');
            out.push(HEX[usize::from(byte >> 4)] as char);
            out.push(HEX[usize::from(byte & 0x0f)] as char);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[allow(unused_imports)]
    use std::{borrow::ToOwned, format, string::String, string::ToString, vec, vec::Vec};

    #[test]
    fn components_are_percent_encoded() {
        let mut out = String::new();
        encode_component("a b&c=d/é~_.-", &mut out);
        assert_eq!(out, "a%20b%26c%3Dd%2F%C3%A9~_.-");
    }
}
