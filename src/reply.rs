//! Reading an answer: the provider's error for a non-2xx status, else the documented JSON of
//! the call, checked only where the call cannot mean anything without it (a room's `id`).
//!
//! The body is parsed once, and only its top level: members are kept as the provider's own
//! text ([`RawValue`]), so the JSON handed on (to JavaScript, or to a Rust caller's typed
//! [`crate::call::Call::Response`]) is exactly what the provider sent, big integers and
//! unknown fields included.

use crate::error::{Error, ErrorCode, Result};
use crate::http::HttpResponse;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

/// How a list call hands out its next page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Paging {
    /// 100ms lists: `{ data: [...], last }`; `last` is the next `start`.
    DataLast,
    /// 100ms analytics: `{ events: [...], next }`; `next` is the next `start`.
    EventsNext,
    /// VideoSDK lists: `{ pageInfo: { currentPage, lastPage }, data: [...] }`; the next page
    /// is `page = currentPage + 1` while `currentPage < lastPage`.
    PageNumber,
    /// VideoSDK lists that key their items otherwise (`recordings` of merges,
    /// `transcriptions`): as [`Paging::PageNumber`], with the items under this member.
    PageNumberIn(&'static str),
    /// VideoSDK participant lists: as [`Paging::PageNumber`], but `data` is the session (or a
    /// one-element array of it) and the items are its `participants`, which both official
    /// SDKs lift out.
    SessionParticipants,
}

/// The documented shape of a successful answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Reply {
    /// A JSON object; the listed members must be strings (e.g. a room's `id`).
    Object(&'static [&'static str]),
    /// `{ "data": [...] }`, answered as the array.
    Items,
    /// One page of a list, answered as [`Page`].
    Page(Paging),
    /// The first item of `data`, or a `not_found` error naming what was looked for.
    First(&'static str),
    /// One member of the answer, which must be an object (`{"peers": {...}}` → the peers).
    Member(&'static str),
    /// The object under `data` (VideoSDK's active HLS stream); the listed members of it
    /// must be strings. `data: null` means nothing is active: a `not_found` error.
    Data(&'static [&'static str]),
    /// Any JSON value (template recording configs are an array).
    Json,
    /// Nothing worth reading (204, or a body the docs leave unspecified): `null` unless the
    /// body is JSON.
    Empty,
}

/// One page of a list: its items and the query that fetches the next one.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Page<T> {
    /// The items of this page.
    pub items: Vec<T>,
    /// Merged into the list's params, fetches the next page; `None` on the last page.
    pub next: Option<Next>,
}

/// Where the next page starts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(untagged)]
pub enum Next {
    /// 100ms: `{ "start": cursor }`.
    Start {
        /// The cursor.
        start: String,
    },
    /// VideoSDK: `{ "page": n }`.
    Page {
        /// The page number.
        page: u64,
    },
}

impl Next {
    /// Moves a list call's params on to this page, as JavaScript merges `next` into its
    /// params: the other filters stay, `start` (100ms) or `page` (VideoSDK) is replaced.
    ///
    /// ```
    /// use edgeroom::hms::rooms::RoomFilters;
    /// use edgeroom::Next;
    ///
    /// let mut filters = RoomFilters { limit: Some(10), ..RoomFilters::default() };
    /// Next::Start { start: "r10".into() }.merge_into(&mut filters)?;
    /// assert_eq!((filters.limit, filters.start.as_deref()), (Some(10), Some("r10")));
    /// # Ok::<(), edgeroom::Error>(())
    /// ```
    ///
    /// Params that have no such field (a `page` for a 100ms list) are an `invalid_argument`
    /// error naming it, and are left as they were.
    pub fn merge_into<P: Serialize + serde::de::DeserializeOwned>(&self, params: &mut P) -> Result<()> {
        let mut value = serde_json::to_value(&*params).map_err(|e| Error::invalid("params", e))?;
        let (name, next) = match self {
            Next::Start { start } => ("start", serde_json::Value::from(start.as_str())),
            Next::Page { page } => ("page", serde_json::Value::from(*page)),
        };
        match &mut value {
            serde_json::Value::Object(members) => {
                // Absent options serialise as null; params_from reads them as absent again.
                members.insert(name.to_owned(), next);
            }
            _ => return Err(Error::invalid(name, "the call takes no list params")),
        }
        *params = crate::params::from_value(&value)?;
        Ok(())
    }
}

/// The largest `page` the VideoSDK list queries accept; past it a server's `lastPage` is not
/// believed.
pub const MAX_PAGE: u64 = 1_000_000;

/// An object's members in the order the provider wrote them, each as its own text. A list,
/// not a map: an answer is read for a few named members, and a second ordered map type would
/// put a second copy of the B-tree code in the `.wasm` beside serde_json's (8.8 KB raw).
/// A repeated key means its last value, as serde_json's own reading of an object has it.
struct Members<'a>(Vec<(String, &'a RawValue)>);

impl<'a> Members<'a> {
    fn get(&self, key: &str) -> Option<&'a RawValue> {
        self.0.iter().rev().find(|(name, _)| name == key).map(|(_, value)| *value)
    }

    /// The member's value, and every member of that name gone.
    fn remove(&mut self, key: &str) -> Option<&'a RawValue> {
        let value = self.get(key)?;
        self.0.retain(|(name, _)| name != key);
        Some(value)
    }
}

/// JSON read by the kind of value it is (serde's `deserialize_any`), never by the kind a
/// type expects: serde_json's "invalid type" error prints the value it found, and each
/// typed reading instantiates that path anew; here one visitor serves every shape, and
/// every rule says what it wanted in its own words (1.9 KB of the full `.wasm`, gzip).
/// (Rust's float formatting stays: `Value`'s own `Deserialize`, with serde_json's
/// `raw_value` feature, re-reads a member named as the raw-value marker by expected type.)
mod shape {
    use super::Members;
    use serde::de::{Deserialize, Deserializer, Error, MapAccess, SeqAccess, Visitor};
    use serde_json::value::RawValue;
    use std::fmt;

    /// A JSON value's top level: an object's or an array's members as their own text.
    pub enum Shape<'a> {
        Object(Members<'a>),
        Array(Vec<&'a RawValue>),
        Text(String),
        Null,
        Bool,
        Number,
    }

    impl Shape<'_> {
        /// What kind of JSON value it is, for messages.
        pub fn kind(&self) -> &'static str {
            match self {
                Shape::Object(_) => "an object",
                Shape::Array(_) => "an array",
                Shape::Text(_) => "a string",
                Shape::Null => "null",
                Shape::Bool => "a boolean",
                Shape::Number => "a number",
            }
        }
    }

    /// `text` (JSON that serde_json has read already, or an error) by its shape.
    pub fn of(text: &str) -> Option<Shape<'_>> {
        serde_json::from_str(text).ok()
    }

    impl<'a> Deserialize<'a> for Shape<'a> {
        fn deserialize<D: Deserializer<'a>>(deserializer: D) -> Result<Self, D::Error> {
            deserializer.deserialize_any(ShapeVisitor)
        }
    }

    struct ShapeVisitor;

    impl<'a> Visitor<'a> for ShapeVisitor {
        type Value = Shape<'a>;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("JSON")
        }
        fn visit_bool<E: Error>(self, _: bool) -> Result<Shape<'a>, E> {
            Ok(Shape::Bool)
        }
        fn visit_i64<E: Error>(self, _: i64) -> Result<Shape<'a>, E> {
            Ok(Shape::Number)
        }
        fn visit_u64<E: Error>(self, _: u64) -> Result<Shape<'a>, E> {
            Ok(Shape::Number)
        }
        fn visit_f64<E: Error>(self, _: f64) -> Result<Shape<'a>, E> {
            Ok(Shape::Number)
        }
        fn visit_str<E: Error>(self, text: &str) -> Result<Shape<'a>, E> {
            Ok(Shape::Text(text.to_owned()))
        }
        fn visit_unit<E: Error>(self) -> Result<Shape<'a>, E> {
            Ok(Shape::Null)
        }
        fn visit_seq<A: SeqAccess<'a>>(self, mut seq: A) -> Result<Shape<'a>, A::Error> {
            let mut items = Vec::new();
            while let Some(item) = seq.next_element::<&RawValue>()? {
                items.push(item);
            }
            Ok(Shape::Array(items))
        }
        fn visit_map<A: MapAccess<'a>>(self, mut map: A) -> Result<Shape<'a>, A::Error> {
            let mut members = Vec::new();
            while let Some(member) = map.next_entry::<String, &RawValue>()? {
                members.push(member);
            }
            Ok(Shape::Object(Members(members)))
        }
    }

    /// An object's members, or `None`.
    pub fn object(text: &str) -> Option<Members<'_>> {
        match of(text)? {
            Shape::Object(members) => Some(members),
            _ => None,
        }
    }

    /// An array's items, or `None`.
    pub fn array(text: &str) -> Option<Vec<&RawValue>> {
        match of(text)? {
            Shape::Array(items) => Some(items),
            _ => None,
        }
    }
}

/// The result of a call as JSON text: the provider's own text for objects, the extracted
/// member for the rest, `{"items":[...],"next":...}` for pages. Never panics on any body.
pub fn read(reply: Reply, response: &HttpResponse) -> Result<String> {
    let status = response.status;
    if !(200..300).contains(&status) {
        return Err(api_error(response));
    }
    let body = response.body.as_str();
    let invalid = |rule: &str| Error::invalid_response(status, rule, body);
    match reply {
        Reply::Json => {
            return match serde_json::from_str::<&RawValue>(body) {
                Ok(value) => Ok(value.get().to_owned()),
                Err(_) => Err(invalid("it is not JSON")),
            }
        }
        Reply::Empty => {
            return Ok(
                serde_json::from_str::<&RawValue>(body).map_or_else(|_| "null".to_owned(), |v| v.get().to_owned())
            )
        }
        _ => {}
    }
    // One reading of the body: its top level, each member kept as its own text.
    let mut members: Members<'_> = match shape::of(body) {
        None => return Err(invalid("it is not JSON")),
        Some(shape::Shape::Object(members)) => members,
        Some(other) => return Err(invalid(&format!("expected an object, got {}", other.kind()))),
    };
    match reply {
        Reply::Object(required) => {
            check_strings(&members, required).map_err(|rule| invalid(&rule))?;
            Ok(body.trim().to_owned())
        }
        Reply::Items => Ok(take_array(&mut members, "data").map_err(|rule| invalid(&rule))?.to_owned()),
        Reply::Page(paging) => page(paging, &mut members).map_err(|rule| invalid(&rule)),
        Reply::First(what) => {
            let items = take_array(&mut members, "data").map_err(|rule| invalid(&rule))?;
            let items = shape::array(items).ok_or_else(|| invalid("`data` is not an array"))?;
            match items.first() {
                Some(first) => Ok(first.get().to_owned()),
                None => Err(Error::new(ErrorCode::NotFound, format!("no {what} matches"))),
            }
        }
        Reply::Member(key) => match members.get(key) {
            Some(member) if member.get().starts_with('{') => Ok(member.get().to_owned()),
            _ => Err(invalid(&format!("`{key}` is missing or not an object"))),
        },
        Reply::Data(required) => {
            let data = match members.get("data") {
                Some(data) if data.get().starts_with('{') => data,
                None => return Err(invalid("`data` is missing")),
                Some(data) if data.get() == "null" => {
                    return Err(Error::new(ErrorCode::NotFound, "none is active"));
                }
                Some(_) => return Err(invalid("`data` is not an object")),
            };
            let inner = shape::object(data.get()).ok_or_else(|| invalid("`data` is not an object"))?;
            check_strings(&inner, required).map_err(|rule| invalid(&format!("`data`: {rule}")))?;
            Ok(data.get().to_owned())
        }
        Reply::Json | Reply::Empty => Ok("null".to_owned()),
    }
}

/// The listed members must be strings.
fn check_strings(members: &Members<'_>, required: &[&str]) -> core::result::Result<(), String> {
    match required.iter().find(|key| !members.get(key).is_some_and(|v| v.get().starts_with('"'))) {
        Some(key) => Err(format!("`{key}` is missing or not a string")),
        None => Ok(()),
    }
}

/// `{"items":[...],"next":...}` from one page of a list.
fn page(paging: Paging, members: &mut Members<'_>) -> core::result::Result<String, String> {
    let items = match paging {
        Paging::EventsNext => take_array(members, "events")?.to_owned(),
        Paging::SessionParticipants => session_participants(members)?,
        Paging::PageNumberIn(key) => take_array(members, key)?.to_owned(),
        Paging::DataLast | Paging::PageNumber => take_array(members, "data")?.to_owned(),
    };
    let next = match paging {
        Paging::DataLast => cursor(members, "last")?,
        Paging::EventsNext => cursor(members, "next")?,
        Paging::PageNumber | Paging::PageNumberIn(_) | Paging::SessionParticipants => page_number(members)?,
    };
    let next = match next {
        Some(next) => serde_json::to_string(&next).map_err(|e| e.to_string())?,
        None => "null".to_owned(),
    };
    Ok(format!(r#"{{"items":{items},"next":{next}}}"#))
}

/// The participants under `data` (the session, or a one-element array of it).
fn session_participants(members: &Members<'_>) -> core::result::Result<String, String> {
    let Some(data) = members.get("data").map(|d| d.get()) else { return Ok("[]".to_owned()) };
    let session = match shape::of(data) {
        Some(shape::Shape::Array(sessions)) => match sessions.first() {
            Some(session) => session.get(),
            None => return Ok("[]".to_owned()),
        },
        Some(shape::Shape::Null) => return Ok("[]".to_owned()),
        _ => data,
    };
    let mut session = shape::object(session).ok_or_else(|| "`data` should be the session, an object".to_owned())?;
    take_array(&mut session, "participants").map(str::to_owned).map_err(|rule| format!("`data`: {rule}"))
}

/// `key` may be absent or null on an empty page; anything else must be an array.
fn take_array<'a>(members: &mut Members<'a>, key: &str) -> core::result::Result<&'a str, String> {
    match members.remove(key).map(RawValue::get) {
        None | Some("null") => Ok("[]"),
        Some(items) if items.starts_with('[') => Ok(items),
        Some(other) => Err(format!("`{key}` should be an array, got {}", kind_of_text(other))),
    }
}

/// A string cursor (`last`, `next`): absent, null or empty on the last page.
fn cursor(members: &Members<'_>, key: &str) -> core::result::Result<Option<Next>, String> {
    match members.get(key).map(|v| shape::of(v.get())) {
        None | Some(Some(shape::Shape::Null)) => Ok(None),
        Some(Some(shape::Shape::Text(start))) if start.is_empty() => Ok(None),
        Some(Some(shape::Shape::Text(start))) => Ok(Some(Next::Start { start })),
        Some(_) => Err(format!("`{key}` is not a string")),
    }
}

/// `page = currentPage + 1` while `currentPage < lastPage`.
fn page_number(members: &Members<'_>) -> core::result::Result<Option<Next>, String> {
    // Each an integer from 0 (a JSON number's own text: `1.0` or `-1` is none).
    let info = members.get("pageInfo").and_then(|info| shape::object(info.get()));
    let number = |info: &Members<'_>, key: &str| info.get(key).and_then(|n| n.get().parse::<u64>().ok());
    match info.map(|info| (number(&info, "currentPage"), number(&info, "lastPage"))) {
        Some((Some(current), Some(last))) if current < last && current < MAX_PAGE => {
            Ok(Some(Next::Page { page: current + 1 }))
        }
        Some((Some(_), Some(_))) => Ok(None),
        _ => Err("`pageInfo.currentPage` and `pageInfo.lastPage` must be integers".to_owned()),
    }
}

/// What kind of JSON value a text is, by its first character.
fn kind_of_text(text: &str) -> &'static str {
    match text.as_bytes().first() {
        Some(b'{') => "an object",
        Some(b'[') => "an array",
        Some(b'"') => "a string",
        Some(b't' | b'f') => "a boolean",
        Some(b'n') => "null",
        _ => "a number",
    }
}

/// The error for a non-2xx answer: the provider's `message` (and `details`) when its body
/// has them, the bare status otherwise; the raw body is kept whole.
pub fn api_error(response: &HttpResponse) -> Error {
    // A map, not a struct: a body that repeats `message` keeps its last one rather than
    // losing every member to a duplicate-field error.
    // (A `Value`, not a `Map` read by expected type: see `shape`.)
    let parsed = match serde_json::from_str(&response.body) {
        Ok(serde_json::Value::Object(members)) => members,
        _ => serde_json::Map::new(),
    };
    let text = |key: &str| parsed.get(key).and_then(serde_json::Value::as_str).filter(|s| !s.is_empty());
    let mut message = format!("HTTP {}", response.status);
    if let Some(provider) = text("message").or_else(|| text("error")) {
        message.push_str(": ");
        message.push_str(provider);
    }
    let details: Vec<&str> = parsed
        .get("details")
        .and_then(serde_json::Value::as_array)
        .map(|d| d.iter().filter_map(serde_json::Value::as_str).collect())
        .unwrap_or_default();
    if !details.is_empty() {
        message.push_str(" (");
        message.push_str(&details.join("; "));
        message.push(')');
    }
    Error::api(response.status, message, response.body.as_str())
}

/// The typed answer of `C` to `response`: [`read`] by the call's reply shape, then [`typed`].
/// What a caller that sends requests itself does with each answer (sans-IO).
pub fn answer<C: crate::call::Call>(response: &HttpResponse) -> Result<C::Response> {
    typed(response.status, &read(C::SPEC.reply, response)?)
}

/// A typed answer from the JSON text [`read`] produced; a shape the Rust type cannot hold is
/// an `invalid_response` naming the path.
pub fn typed<T: serde::de::DeserializeOwned>(status: u16, text: &str) -> Result<T> {
    let deserializer = &mut serde_json::Deserializer::from_str(text);
    serde_path_to_error::deserialize(deserializer).map_err(|e| {
        let path = e.path().to_string();
        let rule = if path == "." { e.inner().to_string() } else { format!("{path}: {}", e.inner()) };
        Error::invalid_response(status, rule, text)
    })
}

#[cfg(test)]
mod tests {
    use super::Next;
    use crate::hms::rooms::RoomFilters;
    use crate::videosdk::PageQuery;

    #[test]
    fn next_merges_into_the_list_params_of_its_provider() {
        let mut filters = RoomFilters { name: Some("a".into()), limit: Some(5), ..RoomFilters::default() };
        Next::Start { start: "c1".into() }.merge_into(&mut filters).unwrap();
        assert_eq!(
            filters,
            RoomFilters { name: Some("a".into()), limit: Some(5), start: Some("c1".into()), ..RoomFilters::default() }
        );
        Next::Start { start: "c2".into() }.merge_into(&mut filters).unwrap();
        assert_eq!(filters.start.as_deref(), Some("c2"), "a later page replaces the cursor");

        let mut query = PageQuery { page: None, per_page: Some(20) };
        Next::Page { page: 3 }.merge_into(&mut query).unwrap();
        assert_eq!(query, PageQuery { page: Some(3), per_page: Some(20) });
    }

    #[test]
    fn the_other_providers_next_is_refused_and_changes_nothing() {
        let mut filters = RoomFilters { start: Some("c1".into()), ..RoomFilters::default() };
        let before = filters.clone();
        let err = Next::Page { page: 2 }.merge_into(&mut filters).unwrap_err();
        assert_eq!(err.field(), Some("page"));
        assert_eq!(filters, before);
        let err = Next::Start { start: "c".into() }.merge_into(&mut ()).unwrap_err();
        assert_eq!(err.field(), Some("start"));
    }
}

#[cfg(test)]
mod shape_tests {
    use super::*;

    #[test]
    fn an_error_body_that_repeats_a_member_keeps_its_message() {
        let body = r#"{"message":"first","message":"Room not found","details":["a"],"details":["b"]}"#;
        let err = api_error(&HttpResponse::new(404, body));
        assert_eq!(err.code(), ErrorCode::NotFound);
        assert_eq!(err.message(), "HTTP 404: Room not found (b)");
        assert_eq!(err.body(), Some(body));
    }

    #[test]
    fn nothing_active_is_not_found() {
        let reply = Reply::Data(&["id"]);
        let err = read(reply, &HttpResponse::new(200, r#"{"data":null}"#)).unwrap_err();
        assert_eq!(err.code(), ErrorCode::NotFound);
        let text = read(reply, &HttpResponse::new(200, r#"{"data":{"id":"h1","meetingId":"r1"}}"#)).unwrap();
        assert_eq!(text, r#"{"id":"h1","meetingId":"r1"}"#);
        let err = read(reply, &HttpResponse::new(200, r#"{"data":{"meetingId":"r1"}}"#)).unwrap_err();
        assert_eq!(err.code(), ErrorCode::InvalidResponse);
    }

    #[test]
    fn pages_in_another_member_and_session_participants() {
        let page = read(
            Reply::Page(Paging::PageNumberIn("recordings")),
            &HttpResponse::new(200, r#"{"pageInfo":{"currentPage":1,"lastPage":2},"recordings":[{"id":"m"}]}"#),
        )
        .unwrap();
        assert_eq!(page, r#"{"items":[{"id":"m"}],"next":{"page":2}}"#);
        let participants =
            r#"{"pageInfo":{"currentPage":1,"lastPage":1},"data":[{"id":"s","participants":[{"participantId":"p"}]}]}"#;
        let page = read(Reply::Page(Paging::SessionParticipants), &HttpResponse::new(200, participants)).unwrap();
        assert_eq!(page, r#"{"items":[{"participantId":"p"}],"next":null}"#);
        let as_object = r#"{"pageInfo":{"currentPage":1,"lastPage":1},"data":{"id":"s","participants":[]}}"#;
        let page = read(Reply::Page(Paging::SessionParticipants), &HttpResponse::new(200, as_object)).unwrap();
        assert_eq!(page, r#"{"items":[],"next":null}"#);
    }
}
