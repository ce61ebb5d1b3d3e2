//! Typed params from a JSON value, with the failing field named by its path
//! (`recording_info.upload_info.type: must be a string, not a number`).
//!
//! serde_json parses the text (JavaScript's params arrive as `JSON.stringify` text) into a
//! [`Value`]; this module is the serde `Deserializer` that walks that value into the call's
//! params type. It parses nothing itself. Why not serde_json's own `&Value` deserializer
//! with `serde_path_to_error` around it, as before: that pairing instantiated every params
//! type's visitors twice over (the wrapper's and the inner deserializer's), and serde_json
//! offers a struct to its `visit_seq` as well as its `visit_map`; over the ~100 calls of the
//! table of calls that was most of the `.wasm` (`node bench/run.mjs --only size`). Here:
//!
//! - the path is built only on the error path, each level adding its key or index as the
//!   error passes up, so the success path carries no tracking state;
//! - a struct is read from an object only (an array is a type error), so no params type's
//!   `visit_seq` is ever instantiated;
//! - errors are made in edgeroom's words when serde reports them (`is required`, `must be
//!   an integer, not a string`), without formatting the offending value: no caller value
//!   lands in a message, and no float formatting lands in the `.wasm`.

use crate::error::{Error, Result};
use serde::de::{
    self, value::BorrowedStrDeserializer, DeserializeOwned, DeserializeSeed, Expected, IntoDeserializer, MapAccess,
    SeqAccess, Unexpected, Visitor,
};
use serde::forward_to_deserialize_any;
use serde_json::{Map, Number, Value};
use std::fmt;

/// `T` from `value`: an `invalid_argument` error naming the field by its path on failure.
#[inline(always)]
pub fn from_value<T: DeserializeOwned>(value: &Value) -> Result<T> {
    deserialize(value).map_err(ParamsError::into_error)
}

/// `T` from `value`, the error as it is, for callers whose error is not about params (a
/// webhook event's wrong member is the sender's mistake, `invalid_webhook`).
#[inline(always)]
pub fn deserialize<T: DeserializeOwned>(value: &Value) -> std::result::Result<T, ParamsError> {
    forget_nones();
    T::deserialize(ValueDeserializer(value))
}

// The generic functions here have one instance per params type: what does not depend on the
// type is kept out of line, in one copy, and the thin wrappers (`from_value`, `deserialize`,
// `checked`) are inlined into their caller, so a call's by-name path is one function, not
// four (the full `.wasm`: 9 KB smaller raw, 1.3 KB gzip).
#[inline(never)]
fn forget_nones() {
    NONES.with(|nones| nones.borrow_mut().clear());
}

/// `T` from `value`, which is then made the JSON that is sent for it: each `null` that `T`
/// read as an absent optional field (`None`) is removed, as the typed value's serialisation
/// leaves `None` out; every other member stays as the caller wrote it (the `null`s of a
/// free-form map, the members a params type passes through). So the checked text is what
/// goes out, without serialising the typed value again (`crate::request::build_checked`).
#[inline(always)]
pub fn checked<T: DeserializeOwned>(value: &mut Value) -> Result<T> {
    let typed = from_value(value)?;
    remove_nones(value);
    Ok(typed)
}

/// Removes from `value` the `null`s [`deserialize`] has just read from it as `None`.
#[inline(never)]
fn remove_nones(value: &mut Value) {
    let nones = NONES.with(|nones| std::mem::take(&mut *nones.borrow_mut()));
    if !nones.is_empty() {
        remove_members(value, &nones);
    }
}

thread_local! {
    /// The `null`s the last [`deserialize`] read as `None`, by address in the value it read:
    /// only [`checked`] looks, right after, while that value is unchanged.
    static NONES: std::cell::RefCell<Vec<*const Value>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Removes the object members that are one of `nones` (by address), at any depth. Each
/// object's members are matched before any of them is removed: removing one moves the
/// others within the map's storage.
fn remove_members(value: &mut Value, nones: &[*const Value]) {
    match value {
        Value::Object(members) => {
            members.values_mut().for_each(|member| remove_members(member, nones));
            let gone: Vec<String> = members
                .iter()
                .filter(|(_, member)| nones.contains(&(*member as *const Value)))
                .map(|(key, _)| key.clone())
                .collect();
            gone.iter().for_each(|key| drop(members.remove(key)));
        }
        Value::Array(items) => items.iter_mut().for_each(|item| remove_members(item, nones)),
        _ => {}
    }
}

/// A deserialisation error on its way up: the rule, and the path from the failing value up
/// to where it has travelled so far (innermost first).
///
/// Boxed: every `?` of every params type's visitor moves the error up one level, and a
/// pointer is one word to move where the three fields are nine words (the full `.wasm`: 47 KB
/// smaller raw, 7.6 KB gzip).
#[derive(Debug)]
pub struct ParamsError(Box<Failure>);

#[derive(Debug)]
struct Failure {
    rule: String,
    /// The field below the path that the rule is about: a missing or an unknown one.
    leaf: Option<String>,
    path: Vec<Segment>,
}

#[derive(Debug)]
enum Segment {
    Key(String),
    Index(usize),
}

impl ParamsError {
    fn new(rule: String) -> Self {
        ParamsError(Box::new(Failure { rule, leaf: None, path: Vec::new() }))
    }

    fn about(leaf: &str, rule: String) -> Self {
        ParamsError(Box::new(Failure { rule, leaf: Some(leaf.to_owned()), path: Vec::new() }))
    }

    fn in_key(mut self, key: &str) -> Self {
        self.0.path.push(Segment::Key(key.to_owned()));
        self
    }

    fn in_item(mut self, index: usize) -> Self {
        self.0.path.push(Segment::Index(index));
        self
    }

    /// The rule the value broke, in edgeroom's words.
    pub fn rule(&self) -> &str {
        &self.0.rule
    }

    /// The field: [`ParamsError::path`], or `params` for a rule about the whole params; an
    /// item of a list body is `params[0]`.
    pub fn field(&self) -> String {
        match self.path() {
            path if path.is_empty() => "params".to_owned(),
            path if path.starts_with('[') => format!("params{path}"),
            path => path,
        }
    }

    /// The path of the failing value, outermost first (`outputs[0].url`); empty for the
    /// whole value.
    pub fn path(&self) -> String {
        let mut field = String::new();
        for segment in self.0.path.iter().rev() {
            match segment {
                Segment::Key(key) => {
                    if !field.is_empty() {
                        field.push('.');
                    }
                    field.push_str(key);
                }
                Segment::Index(index) => {
                    field.push('[');
                    field.push_str(&index.to_string());
                    field.push(']');
                }
            }
        }
        if let Some(leaf) = &self.0.leaf {
            if !field.is_empty() {
                field.push('.');
            }
            field.push_str(leaf);
        }
        field
    }

    fn into_error(self) -> Error {
        Error::invalid(self.field(), self.0.rule)
    }
}

impl fmt::Display for ParamsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.field(), self.0.rule)
    }
}

impl std::error::Error for ParamsError {}

impl de::Error for ParamsError {
    fn custom<T: fmt::Display>(message: T) -> Self {
        ParamsError::new(message.to_string())
    }

    fn invalid_type(given: Unexpected<'_>, expected: &dyn Expected) -> Self {
        let expected = kind_expected(&expected.to_string());
        ParamsError::new(format!("must be {expected}, not {}", kind_given(&given)))
    }

    fn invalid_value(_: Unexpected<'_>, expected: &dyn Expected) -> Self {
        ParamsError::new(format!("must be {}", kind_expected(&expected.to_string())))
    }

    fn missing_field(field: &'static str) -> Self {
        ParamsError::about(field, "is required".to_owned())
    }

    fn unknown_field(field: &str, known: &'static [&'static str]) -> Self {
        let known = match known {
            [] => "none".to_owned(),
            [one] => (*one).to_owned(),
            [first, second] => format!("{first} or {second}"),
            many => many.join(", "),
        };
        ParamsError::about(field, format!("is not a known field (known: {known})"))
    }
}

/// serde's `expected ...` as a kind of JSON value.
pub(crate) fn kind_expected(expected: &str) -> String {
    match expected {
        "i64" | "i32" | "i16" | "i8" | "u64" | "u32" | "u16" | "u8" | "isize" | "usize" => "an integer".to_owned(),
        "f64" | "f32" => "a number".to_owned(),
        "a sequence" => "an array".to_owned(),
        "a map" => "an object".to_owned(),
        "unit" => "null".to_owned(),
        other if other.starts_with("struct ") => "an object".to_owned(),
        other if other.starts_with("a string") || other.starts_with("a boolean") => other.to_owned(),
        other => other.to_owned(),
    }
}

/// The kind of JSON value serde was given, never the value itself.
fn kind_given(given: &Unexpected<'_>) -> &'static str {
    match given {
        Unexpected::Bool(_) => "a boolean",
        Unexpected::Unsigned(_) | Unexpected::Signed(_) | Unexpected::Float(_) => "a number",
        Unexpected::Char(_) | Unexpected::Str(_) => "a string",
        Unexpected::Unit | Unexpected::Option => "null",
        Unexpected::Seq => "an array",
        Unexpected::Map => "an object",
        _ => "another kind of value",
    }
}

/// The kind of a JSON value, in serde's terms, for type errors.
fn unexpected(value: &Value) -> Unexpected<'_> {
    match value {
        Value::Null => Unexpected::Unit,
        Value::Bool(b) => Unexpected::Bool(*b),
        // The number itself never reaches a message (see `kind_given`).
        Value::Number(_) => Unexpected::Signed(0),
        Value::String(s) => Unexpected::Str(s),
        Value::Array(_) => Unexpected::Seq,
        Value::Object(_) => Unexpected::Map,
    }
}

/// Deserialises from a borrowed JSON value.
#[derive(Clone, Copy)]
struct ValueDeserializer<'a>(&'a Value);

impl<'a> ValueDeserializer<'a> {
    #[inline(never)]
    fn number<V: Visitor<'a>>(number: &Number, visitor: V) -> Result<V::Value, ParamsError> {
        if let Some(n) = number.as_u64() {
            visitor.visit_u64(n)
        } else if let Some(n) = number.as_i64() {
            visitor.visit_i64(n)
        } else {
            visitor.visit_f64(number.as_f64().unwrap_or(f64::NAN))
        }
    }

    #[inline(never)]
    fn wrong_type<T>(self, visitor: &impl Expected) -> Result<T, ParamsError> {
        Err(de::Error::invalid_type(unexpected(self.0), visitor))
    }
}

impl<'a> de::Deserializer<'a> for ValueDeserializer<'a> {
    type Error = ParamsError;

    #[inline(never)]
    fn deserialize_any<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, ParamsError> {
        match self.0 {
            Value::Null => visitor.visit_unit(),
            Value::Bool(b) => visitor.visit_bool(*b),
            Value::Number(n) => Self::number(n, visitor),
            Value::String(s) => visitor.visit_borrowed_str(s),
            Value::Array(items) => visit_items(items, visitor),
            Value::Object(members) => visit_members(members, visitor),
        }
    }

    #[inline(never)]
    fn deserialize_option<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, ParamsError> {
        match self.0 {
            Value::Null => {
                NONES.with(|nones| nones.borrow_mut().push(self.0));
                visitor.visit_none()
            }
            _ => visitor.visit_some(self),
        }
    }

    #[inline(never)]
    fn deserialize_unit<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, ParamsError> {
        match self.0 {
            Value::Null => visitor.visit_unit(),
            _ => self.wrong_type(&visitor),
        }
    }

    #[inline(never)]
    fn deserialize_unit_struct<V: Visitor<'a>>(self, _: &'static str, visitor: V) -> Result<V::Value, ParamsError> {
        self.deserialize_unit(visitor)
    }

    #[inline(never)]
    fn deserialize_newtype_struct<V: Visitor<'a>>(self, _: &'static str, visitor: V) -> Result<V::Value, ParamsError> {
        visitor.visit_newtype_struct(self)
    }

    #[inline(never)]
    fn deserialize_seq<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, ParamsError> {
        match self.0 {
            Value::Array(items) => visit_items(items, visitor),
            _ => self.wrong_type(&visitor),
        }
    }

    #[inline(never)]
    fn deserialize_tuple<V: Visitor<'a>>(self, _: usize, visitor: V) -> Result<V::Value, ParamsError> {
        self.deserialize_seq(visitor)
    }

    #[inline(never)]
    fn deserialize_tuple_struct<V: Visitor<'a>>(
        self,
        _: &'static str,
        _: usize,
        visitor: V,
    ) -> Result<V::Value, ParamsError> {
        self.deserialize_seq(visitor)
    }

    #[inline(never)]
    fn deserialize_map<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, ParamsError> {
        match self.0 {
            Value::Object(members) => visit_members(members, visitor),
            _ => self.wrong_type(&visitor),
        }
    }

    /// From an object only: never the struct's `visit_seq` (see the module's doc).
    #[inline(never)]
    fn deserialize_struct<V: Visitor<'a>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, ParamsError> {
        self.deserialize_map(visitor)
    }

    /// A unit variant from its name; a variant with data from `{ "name": data }`.
    #[inline(never)]
    fn deserialize_enum<V: Visitor<'a>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, ParamsError> {
        match self.0 {
            Value::String(name) => visitor.visit_enum(name.as_str().into_deserializer()),
            Value::Object(members) if members.len() == 1 => match members.iter().next() {
                Some((name, data)) => visitor.visit_enum(VariantAccess { name, data }),
                None => self.wrong_type(&visitor),
            },
            _ => self.wrong_type(&visitor),
        }
    }

    #[inline(never)]
    fn deserialize_ignored_any<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, ParamsError> {
        visitor.visit_unit()
    }

    forward_to_deserialize_any! {
        <W: Visitor<'a>>
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf identifier
    }
}

#[inline(never)]
fn visit_items<'a, V: Visitor<'a>>(items: &'a [Value], visitor: V) -> Result<V::Value, ParamsError> {
    let mut access = Items { items: items.iter(), index: 0 };
    let value = visitor.visit_seq(&mut access)?;
    match access.items.len() {
        0 => Ok(value),
        _ => Err(de::Error::invalid_length(items.len(), &"fewer items")),
    }
}

#[inline(never)]
fn visit_members<'a, V: Visitor<'a>>(members: &'a Map<String, Value>, visitor: V) -> Result<V::Value, ParamsError> {
    visitor.visit_map(Members { members: members.iter(), value: None })
}

struct Items<'a> {
    items: std::slice::Iter<'a, Value>,
    index: usize,
}

impl<'a> SeqAccess<'a> for &mut Items<'a> {
    type Error = ParamsError;

    #[inline(never)]
    fn next_element_seed<T: DeserializeSeed<'a>>(&mut self, seed: T) -> Result<Option<T::Value>, ParamsError> {
        let Some(item) = self.items.next() else { return Ok(None) };
        let index = self.index;
        self.index += 1;
        seed.deserialize(ValueDeserializer(item)).map(Some).map_err(|e| e.in_item(index))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len())
    }
}

struct Members<'a> {
    members: serde_json::map::Iter<'a>,
    value: Option<(&'a str, &'a Value)>,
}

// The parts of `MapAccess` that do not depend on the seed, out of line (see `forget_nones`).
impl<'a> Members<'a> {
    #[inline(never)]
    fn next_key(&mut self) -> Option<&'a str> {
        let (key, value) = self.members.next()?;
        self.value = Some((key, value));
        Some(key)
    }

    #[inline(never)]
    fn take_value(&mut self) -> Result<(&'a str, &'a Value), ParamsError> {
        self.value.take().ok_or_else(|| de::Error::custom("a value was read before its key"))
    }
}

impl<'a> MapAccess<'a> for Members<'a> {
    type Error = ParamsError;

    #[inline(never)]
    fn next_key_seed<K: DeserializeSeed<'a>>(&mut self, seed: K) -> Result<Option<K::Value>, ParamsError> {
        let Some(key) = self.next_key() else { return Ok(None) };
        seed.deserialize(BorrowedStrDeserializer::new(key)).map(Some)
    }

    #[inline(never)]
    fn next_value_seed<T: DeserializeSeed<'a>>(&mut self, seed: T) -> Result<T::Value, ParamsError> {
        let (key, value) = self.take_value()?;
        seed.deserialize(ValueDeserializer(value)).map_err(|e| e.in_key(key))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.members.len())
    }
}

/// The variant of an externally tagged enum with data: `{ "name": data }`.
struct VariantAccess<'a> {
    name: &'a str,
    data: &'a Value,
}

impl<'a> de::EnumAccess<'a> for VariantAccess<'a> {
    type Error = ParamsError;
    type Variant = Self;

    #[inline(never)]
    fn variant_seed<V: DeserializeSeed<'a>>(self, seed: V) -> Result<(V::Value, Self), ParamsError> {
        let variant = seed.deserialize(BorrowedStrDeserializer::new(self.name))?;
        Ok((variant, self))
    }
}

impl<'a> de::VariantAccess<'a> for VariantAccess<'a> {
    type Error = ParamsError;

    #[inline(never)]
    fn unit_variant(self) -> Result<(), ParamsError> {
        de::Deserialize::deserialize(ValueDeserializer(self.data)).map_err(|e| e.in_key(self.name))
    }

    #[inline(never)]
    fn newtype_variant_seed<T: DeserializeSeed<'a>>(self, seed: T) -> Result<T::Value, ParamsError> {
        seed.deserialize(ValueDeserializer(self.data)).map_err(|e| e.in_key(self.name))
    }

    #[inline(never)]
    fn tuple_variant<V: Visitor<'a>>(self, _: usize, visitor: V) -> Result<V::Value, ParamsError> {
        de::Deserializer::deserialize_seq(ValueDeserializer(self.data), visitor).map_err(|e| e.in_key(self.name))
    }

    #[inline(never)]
    fn struct_variant<V: Visitor<'a>>(self, _: &'static [&'static str], visitor: V) -> Result<V::Value, ParamsError> {
        de::Deserializer::deserialize_map(ValueDeserializer(self.data), visitor).map_err(|e| e.in_key(self.name))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::hms::rooms::RoomSettings;
    use serde_json::json;

    fn error<T: DeserializeOwned + fmt::Debug>(value: Value) -> (String, String) {
        let error = from_value::<T>(&value).unwrap_err();
        (error.field().unwrap_or_default().to_owned(), error.message().to_owned())
    }

    #[test]
    fn errors_name_the_field_by_its_path_in_edgeroom_words() {
        let (field, message) = error::<RoomSettings>(json!({"recording_info": {"upload_info": {"type": 5}}}));
        assert_eq!(field, "recording_info.upload_info.type");
        assert!(message.ends_with("must be a string, not a number"), "{message}");
        assert_eq!(error::<RoomSettings>(json!({"size": "3"})).1, "size: must be an integer, not a string");
        assert_eq!(error::<RoomSettings>(json!({"nmae": "x"})).0, "nmae");
        assert!(error::<RoomSettings>(json!({"nmae": "x"})).1.contains("is not a known field (known: "));
        assert_eq!(error::<RoomSettings>(json!([1])).1, "params: must be an object, not an array");
        assert_eq!(error::<RoomSettings>(json!(7)).1, "params: must be an object, not a number");
        assert_eq!(error::<Vec<RoomSettings>>(json!([{}, {"size": true}])).0, "params[1].size");
        assert_eq!(
            error::<RoomSettings>(json!({"recording_info": {"upload_info": {}}})).0,
            "recording_info.upload_info.type"
        );
    }

    #[test]
    fn no_caller_value_reaches_a_message() {
        for value in
            [json!({"size": 3.75}), json!({"large_room": 12345}), json!({"size": "secret"}), json!({"name": 98765})]
        {
            let (_, message) = error::<RoomSettings>(value.clone());
            for leak in ["3.75", "12345", "secret", "98765"] {
                assert!(!message.contains(leak), "{message} of {value}");
            }
        }
    }

    #[test]
    fn unknown_fields_list_the_known_ones_as_serde_words_them() {
        use serde::Deserialize;
        #[derive(Debug, Deserialize)]
        #[serde(deny_unknown_fields)]
        #[allow(dead_code)]
        struct Two {
            a: Option<u8>,
            b: Option<u8>,
        }
        assert_eq!(error::<Two>(json!({"c": 1})).1, "c: is not a known field (known: a or b)");
    }
}
