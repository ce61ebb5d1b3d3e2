//! Endpoints as declarations: a method, a path template, the schemas of its query and body,
//! and the shape of its reply. [`Endpoint::build`] and [`Endpoint::parse`] are the one
//! builder and the one parser every call of every provider goes through.

use crate::error::{Error, Result};
use crate::http::{encode_component, HttpRequest, HttpResponse, Method};
use crate::json::{Map, Value};
use crate::prelude::*;
use crate::rules::identifier;
use crate::schema::{kind_of, Schema};

/// Which of a provider's base URLs a path hangs off.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Host {
    /// The REST API (`baseUrl`).
    Api,
    /// 100ms's token service (`authBaseUrl`), used by the room-code exchange.
    Auth,
}

/// How a list endpoint hands out its next page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Paging {
    /// 100ms lists: `{ data: [...], last }`; `last` is the next `start`.
    DataLast,
    /// 100ms analytics: `{ events: [...], next }`; `next` is the next `start`.
    EventsNext,
    /// VideoSDK lists: `{ pageInfo: { currentPage, lastPage }, data: [...] }`; the next page
    /// is `page = currentPage + 1` while `currentPage < lastPage`.
    PageNumber,
}

/// The documented shape of a successful answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reply {
    /// A JSON object; the listed keys must hold strings (e.g. a room's `id`).
    Object(&'static [&'static str]),
    /// `{ "data": [...] }`, answered as the array.
    Items,
    /// One page of a list, answered as `{ items, next }` (`next` absent on the last page).
    Page(Paging),
    /// The first item of a page, or a `not_found` error naming `what`.
    First(&'static str),
    /// One member of the answer, which must be an object (`{"peers": {...}}` → the peers).
    Member(&'static str),
    /// Any JSON value (template recording configs are an array).
    Json,
    /// Nothing worth reading (204, or a body the docs leave unspecified).
    Empty,
}

/// One endpoint of one provider.
#[derive(Debug)]
pub struct Endpoint {
    /// The stable name the JS layer calls it by, e.g. `"rooms.create"`.
    pub name: &'static str,
    /// The HTTP method.
    pub method: Method,
    /// Which base URL the path hangs off.
    pub host: Host,
    /// Path below the base URL; each `{}` takes the next path argument, percent-encoded.
    pub path: &'static str,
    /// The names of the path arguments, for error messages (`roomId`).
    pub args: &'static [&'static str],
    /// The query's schema, if it takes one.
    pub query: Option<&'static Schema>,
    /// The body, if it takes one.
    pub body: Option<Body>,
    /// The shape of a successful answer.
    pub reply: Reply,
    /// Whether the management token goes along (the room-code exchange needs none).
    pub authenticated: bool,
    /// Whether sending it twice is as good as once, so a lost answer may be retried.
    pub idempotency: Idempotency,
}

/// What a request body is.
#[derive(Clone, Copy, Debug)]
pub enum Body {
    /// A JSON object with this schema (almost every endpoint).
    Object(&'static Schema),
    /// A JSON array of `min ..= max` objects with this schema (template recording configs).
    List(&'static Schema, usize, usize),
}

/// Whether a request may be sent again when its answer was lost or transient.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Idempotency {
    /// Reads, deletes, and writes the provider documents as upserts or plain sets.
    Safe,
    /// Safe only when the body names the key the provider upserts on: `rooms.create` with
    /// a `name` returns the same room however often it is sent; without one, each call
    /// makes a new room.
    WhenBodyHas(&'static str),
    /// Starts of recordings and streams, messages, removals: never sent twice.
    Never,
}

impl Endpoint {
    /// An authenticated call to the REST API with no query and no body, answering `reply`.
    /// The other parts are added with [`Endpoint::query`], [`Endpoint::body`] and
    /// [`Endpoint::on`], so each declaration states only what is particular to it.
    pub const fn new(name: &'static str, method: Method, path: &'static str, reply: Reply) -> Endpoint {
        // GET and DELETE are safe by HTTP's own rules; a POST is safe only when declared so.
        let idempotency = if matches!(method, Method::Post) { Idempotency::Never } else { Idempotency::Safe };
        Endpoint {
            name,
            method,
            host: Host::Api,
            path,
            args: &[],
            query: None,
            body: None,
            reply,
            authenticated: true,
            idempotency,
        }
    }

    /// Declares a POST idempotent (an upsert, a set, a re-sync).
    pub const fn idempotent(mut self) -> Endpoint {
        self.idempotency = Idempotency::Safe;
        self
    }

    /// Declares a POST idempotent when its body has `key` (the upsert key).
    pub const fn idempotent_with(mut self, key: &'static str) -> Endpoint {
        self.idempotency = Idempotency::WhenBodyHas(key);
        self
    }

    /// `GET path`.
    pub const fn get(name: &'static str, path: &'static str, reply: Reply) -> Endpoint {
        Endpoint::new(name, Method::Get, path, reply)
    }

    /// `POST path`.
    pub const fn post(name: &'static str, path: &'static str, reply: Reply) -> Endpoint {
        Endpoint::new(name, Method::Post, path, reply)
    }

    /// `DELETE path`.
    pub const fn delete(name: &'static str, path: &'static str, reply: Reply) -> Endpoint {
        Endpoint::new(name, Method::Delete, path, reply)
    }

    /// Names the path arguments, one per `{}` in the path, in order.
    pub const fn args(mut self, args: &'static [&'static str]) -> Endpoint {
        self.args = args;
        self
    }

    /// The query schema.
    pub const fn query(mut self, schema: &'static Schema) -> Endpoint {
        self.query = Some(schema);
        self
    }

    /// The body schema.
    pub const fn body(mut self, schema: &'static Schema) -> Endpoint {
        self.body = Some(Body::Object(schema));
        self
    }

    /// A body that is a list of `min ..= max` objects, each with `schema`.
    pub const fn list_body(mut self, schema: &'static Schema, min: usize, max: usize) -> Endpoint {
        self.body = Some(Body::List(schema, min, max));
        self
    }

    /// Another host (the token service), unauthenticated.
    pub const fn on(mut self, host: Host, authenticated: bool) -> Endpoint {
        self.host = host;
        self.authenticated = authenticated;
        self
    }

    /// Validates the arguments and produces the request, without authentication: the
    /// client adds that, so a renewed token can be put on a retry.
    pub fn build(&self, base_url: &str, args: &[&str], query: &Value, body: &Value) -> Result<HttpRequest> {
        if args.len() != self.args.len() {
            return Err(Error::invalid(
                "arguments",
                format_args!("{} takes {} path argument(s): {}", self.name, self.args.len(), self.args.join(", ")),
            ));
        }
        let mut url = String::with_capacity(base_url.len() + self.path.len() + 64);
        url.push_str(base_url.trim_end_matches('/'));
        let mut segments = self.path.split("{}");
        url.push_str(segments.next().unwrap_or_default());
        for ((segment, arg), name) in segments.zip(args).zip(self.args) {
            let arg = identifier(name, arg)?;
            if arg == "." || arg == ".." {
                // fetch() would normalise these away and address another resource.
                return Err(Error::invalid(*name, "must not be . or .."));
            }
            encode_component(arg, &mut url);
            url.push_str(segment);
        }
        match self.query {
            Some(schema) => append_query(&mut url, &schema.validate(query)?),
            None if !is_empty(query) => {
                return Err(Error::invalid("query", format_args!("{} takes no query", self.name)))
            }
            None => {}
        }
        let body = match self.body {
            Some(Body::Object(schema)) => Some(Value::Object(schema.validate(body)?)),
            Some(Body::List(schema, min, max)) => Some(validate_list(schema, min, max, body)?),
            None if !is_empty(body) => {
                return Err(Error::invalid("params", format_args!("{} takes no body", self.name)))
            }
            None => None,
        };
        let idempotent = match self.idempotency {
            Idempotency::Safe => true,
            Idempotency::WhenBodyHas(key) => body.as_ref().is_some_and(|b| b.get(key).is_some()),
            Idempotency::Never => false,
        };
        let body = body.map(|b| b.to_json());
        let mut headers = vec![("accept", "application/json".to_owned())];
        if body.is_some() || self.method == Method::Post {
            headers.push(("content-type", "application/json".to_owned()));
        }
        Ok(HttpRequest { method: self.method, url, headers, body, idempotent })
    }

    /// Turns an answer into the documented value or an error. Never panics on any body.
    pub fn parse(&self, response: &HttpResponse) -> Result<Value> {
        let status = response.status;
        if !(200..300).contains(&status) {
            return Err(api_error(response));
        }
        if self.reply == Reply::Json {
            return crate::json::parse(&response.body)
                .map_err(|_| Error::invalid_response(status, "it is not JSON", response.body.as_str()));
        }
        if self.reply == Reply::Empty {
            return Ok(crate::json::parse(&response.body).unwrap_or(Value::Null));
        }
        let invalid = |rule: &str| Error::invalid_response(status, rule, response.body.as_str());
        let value: Value = crate::json::parse(&response.body).map_err(|_| invalid("it is not JSON"))?;
        let Value::Object(mut object) = value else {
            return Err(invalid(&format!("expected an object, got {}", kind_of(&value))));
        };
        match self.reply {
            Reply::Object(keys) => {
                if let Some(key) = keys.iter().find(|k| !object.get(k).is_some_and(Value::is_string)) {
                    return Err(invalid(&format!("`{key}` is missing or not a string")));
                }
                Ok(Value::Object(object))
            }
            Reply::Items => take_array(&mut object, "data").map_err(|rule| invalid(&rule)),
            Reply::Page(paging) => {
                let items_key = if paging == Paging::EventsNext { "events" } else { "data" };
                let items = take_array(&mut object, items_key).map_err(|rule| invalid(&rule))?;
                let next = next_page(paging, &mut object).map_err(|rule| invalid(&rule))?;
                let mut page = Map::new();
                page.insert("items", items);
                page.insert("next", next);
                Ok(Value::Object(page))
            }
            Reply::First(what) => match take_array(&mut object, "data").map_err(|rule| invalid(&rule))? {
                Value::Array(items) if !items.is_empty() => Ok(items.into_iter().next().unwrap_or_default()),
                _ => Err(Error::new(crate::ErrorCode::NotFound, format!("no {what} matches"))),
            },
            Reply::Member(key) => match object.remove(key) {
                Some(member @ Value::Object(_)) => Ok(member),
                _ => Err(invalid(&format!("`{key}` is missing or not an object"))),
            },
            Reply::Empty | Reply::Json => Ok(Value::Null),
        }
    }
}

/// The largest `page` the VideoSDK list queries accept.
const MAX_PAGE: u64 = 1_000_000;

/// The query that fetches the page after this one (`{"start": cursor}` or `{"page": n}`),
/// or null on the last page. Merged into the caller's filters, it makes one pager serve
/// every paging style.
fn next_page(paging: Paging, object: &mut Map) -> core::result::Result<Value, String> {
    let cursor = |key: &str, object: &mut Map| match object.remove(key) {
        Some(Value::String(s)) if !s.is_empty() => Ok(Value::Object(Map::from_iter([("start", Value::String(s))]))),
        None | Some(Value::Null) | Some(Value::String(_)) => Ok(Value::Null),
        Some(_) => Err(format!("`{key}` is not a string")),
    };
    match paging {
        Paging::DataLast => cursor("last", object),
        Paging::EventsNext => cursor("next", object),
        Paging::PageNumber => {
            let info = object.get("pageInfo").and_then(Value::as_object);
            let number = |key: &str| info.and_then(|i| i.get(key)).and_then(Value::as_u64);
            match (number("currentPage"), number("lastPage")) {
                // Past the largest page the query accepts, a server's lastPage is not believed.
                (Some(current), Some(last)) if current < last && current < MAX_PAGE => {
                    Ok(Value::Object(Map::from_iter([("page", Value::from(current as i64 + 1))])))
                }
                (Some(_), Some(_)) => Ok(Value::Null),
                _ => Err("`pageInfo.currentPage` and `pageInfo.lastPage` must be integers".to_owned()),
            }
        }
    }
}

/// A list body: an array of `min ..= max` objects, each checked against `schema`.
fn validate_list(schema: &'static Schema, min: usize, max: usize, value: &Value) -> Result<Value> {
    let rule = || Error::invalid("params", format_args!("must be an array of {min} to {max} objects"));
    let Value::Array(items) = value else { return Err(rule()) };
    if !(min..=max).contains(&items.len()) {
        return Err(rule());
    }
    let checked = items
        .iter()
        .enumerate()
        .map(|(i, item)| schema.validate(item).map(Value::Object).map_err(|e| e.within(&format!("params[{i}]"))))
        .collect::<Result<Vec<_>>>()?;
    Ok(Value::Array(checked))
}

/// `data` may be absent or null on an empty page; anything else must be an array.
fn take_array(object: &mut Map, key: &str) -> core::result::Result<Value, String> {
    match object.remove(key) {
        None | Some(Value::Null) => Ok(Value::Array(Vec::new())),
        Some(items @ Value::Array(_)) => Ok(items),
        Some(other) => Err(format!("`{key}` should be an array, got {}", kind_of(&other))),
    }
}

fn is_empty(value: &Value) -> bool {
    match value {
        Value::Null => true,
        Value::Object(map) => map.values().all(Value::is_null),
        _ => false,
    }
}

fn append_query(url: &mut String, query: &Map) {
    let mut separator = '?';
    let mut push = |name: &str, value: &Value| {
        url.push(separator);
        separator = '&';
        encode_component(name, url);
        url.push('=');
        match value {
            Value::String(s) => encode_component(s, url),
            other => encode_component(&other.to_json(), url),
        }
    };
    for (name, value) in query {
        match value {
            // A repeatable parameter (`type=a&type=b`), as the analytics filters are.
            Value::Array(items) => items.iter().for_each(|item| push(name, item)),
            _ => push(name, value),
        }
    }
}

/// The error for a non-2xx answer: the provider's `message` (and `details`) when its body
/// has them, the bare status otherwise; the raw body is kept whole.
fn api_error(response: &HttpResponse) -> Error {
    let parsed = crate::json::parse(&response.body).ok();
    let parsed = parsed.as_ref().and_then(Value::as_object);
    let text = |key: &str| parsed.and_then(|m| m.get(key)).and_then(Value::as_str).filter(|s| !s.is_empty());
    let mut message = format!("HTTP {}", response.status);
    if let Some(provider) = text("message").or_else(|| text("error")) {
        message.push_str(": ");
        message.push_str(provider);
    }
    let details: Vec<&str> = parsed
        .and_then(|m| m.get("details"))
        .and_then(Value::as_array)
        .map(|d| d.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    if !details.is_empty() {
        message.push_str(" (");
        message.push_str(&details.join("; "));
        message.push(')');
    }
    Error::api(response.status, message, response.body.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::{opt, Rule};
    #[allow(unused_imports)]
    use std::{borrow::ToOwned, format, string::String, string::ToString, vec, vec::Vec};

    static QUERY: Schema = Schema::of(&[opt("limit", Rule::Int(1, 100)), opt("type", Rule::List(&Rule::Text))]);
    static BODY: Schema = Schema::of(&[opt("name", Rule::Text)]);
    static GET: Endpoint =
        Endpoint::get("things.list", "/rooms/{}/things", Reply::Page(Paging::DataLast)).args(&["roomId"]).query(&QUERY);
    static POST: Endpoint = Endpoint::post("things.create", "/things", Reply::Object(&["id"])).body(&BODY);

    #[test]
    fn builds_url_with_encoded_path_and_query() {
        let req = GET
            .build("https://x.test/v2/", &["a b/c"], &json!({"limit": 5, "type": ["x&y", "z"]}), &Value::Null)
            .unwrap();
        assert_eq!(req.method, Method::Get);
        assert_eq!(req.url, "https://x.test/v2/rooms/a%20b%2Fc/things?limit=5&type=x%26y&type=z");
        assert_eq!(req.body, None);
        assert_eq!(req.header("accept"), Some("application/json"));
        assert_eq!(req.header("content-type"), None);
    }

    #[test]
    fn path_arguments_are_checked() {
        let err = GET.build("https://x.test", &[""], &Value::Null, &Value::Null).unwrap_err();
        assert_eq!(err.message(), "roomId: must be a non-empty string");
        let err = GET.build("https://x.test", &[".."], &Value::Null, &Value::Null).unwrap_err();
        assert_eq!(err.message(), "roomId: must not be . or ..");
        let err = GET.build("https://x.test", &[], &Value::Null, &Value::Null).unwrap_err();
        assert_eq!(err.field(), Some("arguments"));
        let err = GET.build("https://x.test", &["r"], &json!({"limit": 0}), &Value::Null).unwrap_err();
        assert_eq!(err.message(), "limit: must be an integer from 1 to 100");
    }

    #[test]
    fn post_carries_json_body() {
        let req = POST.build("https://x.test", &[], &Value::Null, &json!({"name": "n"})).unwrap();
        assert_eq!(req.body.as_deref(), Some(r#"{"name":"n"}"#));
        assert_eq!(req.header("content-type"), Some("application/json"));
    }

    #[test]
    fn parses_pages_and_objects() {
        let page = GET.parse(&HttpResponse::new(200, r#"{"limit":2,"data":[{"id":"a"}],"last":"a"}"#)).unwrap();
        assert_eq!(page, json!({"items": [{"id": "a"}], "next": {"start": "a"}}));
        let last = GET.parse(&HttpResponse::new(200, r#"{"limit":2}"#)).unwrap();
        assert_eq!(last, json!({"items": [], "next": null}));
        let room = POST.parse(&HttpResponse::new(200, r#"{"id":"r1","name":"n"}"#)).unwrap();
        assert_eq!(room["name"], "n");
    }

    #[test]
    fn page_numbers_advance_until_the_last_page() {
        static NUMBERED: Endpoint = Endpoint::get("v.list", "/v2/rooms", Reply::Page(Paging::PageNumber));
        let page = |body: &str| NUMBERED.parse(&HttpResponse::new(200, body));
        let first =
            page(r#"{"pageInfo":{"currentPage":1,"perPage":2,"lastPage":3,"total":5},"data":[{"roomId":"a"}]}"#);
        assert_eq!(first.unwrap(), json!({"items": [{"roomId": "a"}], "next": {"page": 2}}));
        let last = page(r#"{"pageInfo":{"currentPage":3,"perPage":2,"lastPage":3,"total":5},"data":[{"roomId":"e"}]}"#);
        assert_eq!(last.unwrap()["next"], Value::Null);
        assert_eq!(page(r#"{"data":[]}"#).unwrap_err().code().as_str(), "invalid_response");
    }

    #[test]
    fn bodies_that_are_not_the_documented_json_are_invalid_responses() {
        for body in ["", "<html>", "[]", r#"{"name":"no id"}"#, r#"{"id":7}"#] {
            let err = POST.parse(&HttpResponse::new(200, body)).unwrap_err();
            assert_eq!(err.code().as_str(), "invalid_response", "{body:?}");
            assert_eq!(err.body(), Some(body));
        }
        let err = GET.parse(&HttpResponse::new(200, r#"{"data":{}}"#)).unwrap_err();
        assert_eq!(err.code().as_str(), "invalid_response");
    }

    #[test]
    fn api_errors_keep_message_details_and_body() {
        let body = r#"{"code":401,"message":"Token validation error","details":["not found"]}"#;
        let err = POST.parse(&HttpResponse::new(401, body)).unwrap_err();
        assert_eq!(err.code().as_str(), "unauthorized");
        assert_eq!(err.message(), "HTTP 401: Token validation error (not found)");
        assert_eq!(err.body(), Some(body));
        let err = POST.parse(&HttpResponse::new(502, "<html>bad gateway</html>")).unwrap_err();
        assert_eq!(err.code().as_str(), "api_error");
        assert_eq!(err.message(), "HTTP 502");
    }
}
