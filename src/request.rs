//! The one place a call becomes a request: its params validated, its path arguments checked
//! and percent-encoded, its params put into the query or a JSON body. Credentials are not
//! added here: the client puts them on each attempt, so a renewed token can go on a retry.

use crate::call::{Call, Params, Spec, Validate};
use crate::error::{Error, Result};
use crate::http::{encode_component, HttpRequest, Method};
use crate::rules::identifier;
use serde_json::Value;

/// The request of `call` against `base_url` (the provider's base URL for the call's host).
pub fn build<C: Call>(call: &C, base_url: &str) -> Result<HttpRequest> {
    call.params().validate()?;
    let params = match C::SPEC.params {
        Params::None => None,
        Params::Query | Params::Body => Some(params_value(call.params())?),
    };
    finish(call, base_url, params)
}

/// The request of a call by its declaration `spec`, path `args` and `params`, which were
/// read from `checked` by [`crate::params::checked`]: that JSON is sent as it is (completed
/// as [`build`] completes the typed params' own), not serialised again from the typed value.
/// What callers holding JSON use (calls by name, the npm package): one copy for every call,
/// so they carry no serialisation or request code per call. The checks run in [`build`]'s
/// order: the argument count, the params' rules, then each argument.
pub fn build_checked(
    spec: &Spec,
    base_url: &str,
    args: &[String],
    params: &dyn Validate,
    checked: Value,
    idempotent: bool,
) -> Result<HttpRequest> {
    if args.len() != spec.args.len() {
        return Err(crate::call::argument_count(spec));
    }
    params.validate()?;
    let mut checked = (spec.params != Params::None).then_some(checked);
    if let Some(Value::Object(wire)) = &mut checked {
        params.complete(wire);
    }
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    assemble(spec, base_url, &args, checked, idempotent)
}

/// The validated params' JSON completed ([`crate::call::Validate::complete`]) into the request.
fn finish<C: Call>(call: &C, base_url: &str, mut params: Option<Value>) -> Result<HttpRequest> {
    if let Some(Value::Object(wire)) = &mut params {
        call.params().complete(wire);
    }
    assemble(C::SPEC, base_url, &call.args(), params, call.idempotent())
}

/// The params as JSON. An absent optional field (`None`) is left out, as JavaScript callers
/// mean by `{ description: maybe }` with `maybe` undefined; a `null` the caller put inside a
/// free-form map (`metadata`, `webhook.headers`, `transcription`, ...) is sent as given.
fn params_value(params: &impl serde::Serialize) -> Result<Value> {
    params.serialize(to_value::ToValue).map(to_value::Slot::into_value).map_err(|e| Error::invalid("params", e))
}

/// `serde_json::to_value` but for one thing: a struct field whose value is `None` is left out
/// (only a typed struct's members: a `null` inside a `serde_json::Value` or `Map` is a unit,
/// not a `None`, and is kept).
mod to_value {
    use serde::ser::{self, Serialize};
    use serde_json::{Error, Map, Value};

    /// What one value serialised to: `Absent` only for a `None`.
    pub enum Slot {
        Absent,
        Present(Value),
    }

    impl Slot {
        pub fn into_value(self) -> Value {
            match self {
                Slot::Absent => Value::Null,
                Slot::Present(value) => value,
            }
        }
    }

    pub struct ToValue;

    fn present(value: impl Into<Value>) -> Result<Slot, Error> {
        Ok(Slot::Present(value.into()))
    }

    fn value_of<T: ?Sized + Serialize>(value: &T) -> Result<Value, Error> {
        value.serialize(ToValue).map(Slot::into_value)
    }

    fn tagged(variant: &str, value: Value) -> Slot {
        let mut map = Map::new();
        map.insert(variant.to_owned(), value);
        Slot::Present(Value::Object(map))
    }

    impl ser::Serializer for ToValue {
        type Ok = Slot;
        type Error = Error;
        type SerializeSeq = Seq;
        type SerializeTuple = Seq;
        type SerializeTupleStruct = Seq;
        type SerializeTupleVariant = Seq;
        type SerializeMap = Object;
        type SerializeStruct = Object;
        type SerializeStructVariant = Object;

        fn serialize_bool(self, v: bool) -> Result<Slot, Error> {
            present(v)
        }
        fn serialize_i8(self, v: i8) -> Result<Slot, Error> {
            present(v)
        }
        fn serialize_i16(self, v: i16) -> Result<Slot, Error> {
            present(v)
        }
        fn serialize_i32(self, v: i32) -> Result<Slot, Error> {
            present(v)
        }
        fn serialize_i64(self, v: i64) -> Result<Slot, Error> {
            present(v)
        }
        fn serialize_u8(self, v: u8) -> Result<Slot, Error> {
            present(v)
        }
        fn serialize_u16(self, v: u16) -> Result<Slot, Error> {
            present(v)
        }
        fn serialize_u32(self, v: u32) -> Result<Slot, Error> {
            present(v)
        }
        fn serialize_u64(self, v: u64) -> Result<Slot, Error> {
            present(v)
        }
        fn serialize_f32(self, v: f32) -> Result<Slot, Error> {
            present(v)
        }
        fn serialize_f64(self, v: f64) -> Result<Slot, Error> {
            present(v)
        }
        fn serialize_char(self, v: char) -> Result<Slot, Error> {
            present(v.to_string())
        }
        fn serialize_str(self, v: &str) -> Result<Slot, Error> {
            present(v)
        }
        fn serialize_bytes(self, v: &[u8]) -> Result<Slot, Error> {
            present(v.iter().map(|&b| Value::from(b)).collect::<Vec<_>>())
        }
        fn serialize_none(self) -> Result<Slot, Error> {
            Ok(Slot::Absent)
        }
        fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Result<Slot, Error> {
            value_of(value).map(Slot::Present)
        }
        fn serialize_unit(self) -> Result<Slot, Error> {
            present(Value::Null)
        }
        fn serialize_unit_struct(self, _name: &'static str) -> Result<Slot, Error> {
            present(Value::Null)
        }
        fn serialize_unit_variant(
            self,
            _name: &'static str,
            _index: u32,
            variant: &'static str,
        ) -> Result<Slot, Error> {
            present(variant)
        }
        fn serialize_newtype_struct<T: ?Sized + Serialize>(
            self,
            _name: &'static str,
            value: &T,
        ) -> Result<Slot, Error> {
            value.serialize(self)
        }
        fn serialize_newtype_variant<T: ?Sized + Serialize>(
            self,
            _name: &'static str,
            _index: u32,
            variant: &'static str,
            value: &T,
        ) -> Result<Slot, Error> {
            Ok(tagged(variant, value_of(value)?))
        }
        fn serialize_seq(self, len: Option<usize>) -> Result<Seq, Error> {
            Ok(Seq { items: Vec::with_capacity(len.unwrap_or(0)), variant: None })
        }
        fn serialize_tuple(self, len: usize) -> Result<Seq, Error> {
            self.serialize_seq(Some(len))
        }
        fn serialize_tuple_struct(self, _name: &'static str, len: usize) -> Result<Seq, Error> {
            self.serialize_seq(Some(len))
        }
        fn serialize_tuple_variant(
            self,
            _name: &'static str,
            _index: u32,
            variant: &'static str,
            len: usize,
        ) -> Result<Seq, Error> {
            Ok(Seq { items: Vec::with_capacity(len), variant: Some(variant) })
        }
        fn serialize_map(self, _len: Option<usize>) -> Result<Object, Error> {
            Ok(Object { map: Map::new(), key: None, variant: None, skip_absent: false })
        }
        fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<Object, Error> {
            Ok(Object { map: Map::new(), key: None, variant: None, skip_absent: true })
        }
        fn serialize_struct_variant(
            self,
            _name: &'static str,
            _index: u32,
            variant: &'static str,
            _len: usize,
        ) -> Result<Object, Error> {
            Ok(Object { map: Map::new(), key: None, variant: Some(variant), skip_absent: true })
        }
    }

    pub struct Seq {
        items: Vec<Value>,
        variant: Option<&'static str>,
    }

    impl Seq {
        fn push<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
            self.items.push(value_of(value)?);
            Ok(())
        }
        fn done(self) -> Result<Slot, Error> {
            let array = Value::Array(self.items);
            Ok(match self.variant {
                Some(variant) => tagged(variant, array),
                None => Slot::Present(array),
            })
        }
    }

    impl ser::SerializeSeq for Seq {
        type Ok = Slot;
        type Error = Error;
        fn serialize_element<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
            self.push(value)
        }
        fn end(self) -> Result<Slot, Error> {
            self.done()
        }
    }

    impl ser::SerializeTuple for Seq {
        type Ok = Slot;
        type Error = Error;
        fn serialize_element<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
            self.push(value)
        }
        fn end(self) -> Result<Slot, Error> {
            self.done()
        }
    }

    impl ser::SerializeTupleStruct for Seq {
        type Ok = Slot;
        type Error = Error;
        fn serialize_field<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
            self.push(value)
        }
        fn end(self) -> Result<Slot, Error> {
            self.done()
        }
    }

    impl ser::SerializeTupleVariant for Seq {
        type Ok = Slot;
        type Error = Error;
        fn serialize_field<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
            self.push(value)
        }
        fn end(self) -> Result<Slot, Error> {
            self.done()
        }
    }

    /// A JSON object: a map's entries (all kept), or a struct's fields (a `None` left out; a
    /// flattened map's entries come through `serialize_entry`/`serialize_value` as a map's).
    pub struct Object {
        map: Map<String, Value>,
        key: Option<String>,
        variant: Option<&'static str>,
        skip_absent: bool,
    }

    impl Object {
        fn put(&mut self, key: String, value: Slot) {
            match value {
                Slot::Absent if self.skip_absent => {}
                value => {
                    self.map.insert(key, value.into_value());
                }
            }
        }
        fn done(self) -> Result<Slot, Error> {
            let object = Value::Object(self.map);
            Ok(match self.variant {
                Some(variant) => tagged(variant, object),
                None => Slot::Present(object),
            })
        }
    }

    fn key_of<T: ?Sized + Serialize>(key: &T) -> Result<String, Error> {
        match value_of(key)? {
            Value::String(key) => Ok(key),
            Value::Number(n) => Ok(n.to_string()),
            Value::Bool(b) => Ok(b.to_string()),
            _ => Err(ser::Error::custom("key must be a string")),
        }
    }

    impl ser::SerializeMap for Object {
        type Ok = Slot;
        type Error = Error;
        fn serialize_key<T: ?Sized + Serialize>(&mut self, key: &T) -> Result<(), Error> {
            self.key = Some(key_of(key)?);
            Ok(())
        }
        fn serialize_value<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
            let key = self.key.take().ok_or_else(|| ser::Error::custom("a map value without its key"))?;
            let value = value.serialize(ToValue)?;
            // A map's own `null`s are kept; a `None` (a flattened struct's absent field) is not.
            match value {
                Slot::Absent => {}
                value => {
                    self.map.insert(key, value.into_value());
                }
            }
            Ok(())
        }
        fn end(self) -> Result<Slot, Error> {
            self.done()
        }
    }

    impl ser::SerializeStruct for Object {
        type Ok = Slot;
        type Error = Error;
        fn serialize_field<T: ?Sized + Serialize>(&mut self, key: &'static str, value: &T) -> Result<(), Error> {
            let value = value.serialize(ToValue)?;
            self.put(key.to_owned(), value);
            Ok(())
        }
        fn end(self) -> Result<Slot, Error> {
            self.done()
        }
    }

    impl ser::SerializeStructVariant for Object {
        type Ok = Slot;
        type Error = Error;
        fn serialize_field<T: ?Sized + Serialize>(&mut self, key: &'static str, value: &T) -> Result<(), Error> {
            let value = value.serialize(ToValue)?;
            self.put(key.to_owned(), value);
            Ok(())
        }
        fn end(self) -> Result<Slot, Error> {
            self.done()
        }
    }
}

/// The generic part of [`build`], kept out of the per-call code.
fn assemble(
    spec: &Spec,
    base_url: &str,
    args: &[&str],
    params: Option<Value>,
    idempotent: bool,
) -> Result<HttpRequest> {
    if args.len() != spec.args.len() {
        return Err(crate::call::argument_count(spec));
    }
    let mut url = String::with_capacity(base_url.len() + spec.path.len() + 64);
    url.push_str(base_url.trim_end_matches('/'));
    let mut segments = spec.path.split("{}");
    url.push_str(segments.next().unwrap_or_default());
    for ((segment, arg), name) in segments.zip(args).zip(spec.args) {
        let arg = identifier(name, arg)?;
        if arg == "." || arg == ".." {
            // fetch() would normalise these away and address another resource.
            return Err(Error::invalid(*name, "must not be . or .."));
        }
        encode_component(arg, &mut url);
        url.push_str(segment);
    }
    let body = match (spec.params, params) {
        (Params::Query, Some(Value::Object(query))) => {
            append_query(&mut url, &query);
            None
        }
        (Params::Body, Some(body)) => Some(json_text(&body)),
        _ => None,
    };
    let mut headers = vec![("accept", "application/json".to_owned())];
    if body.is_some() || spec.method == Method::Post {
        headers.push(("content-type", "application/json".to_owned()));
    }
    Ok(HttpRequest { method: spec.method, url, headers, body, idempotent })
}

/// The JSON text of `value`, by serde_json's writer: never an error for a `Value`, whose keys
/// are strings and numbers finite. Not `Value`'s `Display`: its pretty-printing branch and
/// its `fmt::Write` adapter are two more copies of the serialiser in the `.wasm` (4.9 KB raw).
fn json_text(value: &Value) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

fn append_query(url: &mut String, query: &serde_json::Map<String, Value>) {
    let mut separator = '?';
    let mut push = |name: &str, value: &Value| {
        url.push(separator);
        separator = '&';
        encode_component(name, url);
        url.push('=');
        match value {
            Value::String(s) => encode_component(s, url),
            other => encode_component(&json_text(other), url),
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
