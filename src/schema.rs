//! Declarative validation of request bodies and queries.
//!
//! Every endpoint states its fields as static data ([`Schema`]); one validator walks them.
//! That keeps each rule in one place, every message in one style ("size: must be an
//! integer from 0 to 2500"), and the wasm small: a new endpoint adds a table, not code.
//! `null` counts as absent and is dropped, because JavaScript callers write
//! `{ description: maybe }` with `maybe` undefined.

use crate::error::{Error, Result};
use crate::json::{Map, Value};
use crate::prelude::*;
use crate::rules::identifier;

/// The rule one field's value must follow.
#[derive(Debug)]
pub enum Rule {
    /// Any string.
    Text,
    /// A non-empty string without control characters, at most 256 bytes.
    Identifier,
    /// A non-empty string whose every character passes the test; the text describes it.
    Chars(fn(char) -> bool, &'static str),
    /// One of the listed strings.
    OneOf(&'static [&'static str]),
    /// An integer in the inclusive range.
    Int(i64, i64),
    /// `true` or `false`.
    Bool,
    /// An ISO 8601 date-time string such as `2022-01-01T01:00:00.000Z`.
    DateTime,
    /// A nested object with its own schema.
    Object(&'static Schema),
    /// A list whose items follow the rule.
    List(&'static Rule),
    /// Any JSON object, passed through untouched (free-form metadata, provider policies).
    AnyObject,
    /// Any JSON value, passed through untouched.
    Any,
}

/// One field: its wire name, its rule, and whether it must be present.
#[derive(Debug)]
pub struct Field {
    /// The wire name.
    pub name: &'static str,
    /// What its value must be.
    pub rule: Rule,
    /// Whether it must be present.
    pub required: bool,
}

/// Shorthand for an optional field.
pub const fn opt(name: &'static str, rule: Rule) -> Field {
    Field { name, rule, required: false }
}

/// Shorthand for a required field.
pub const fn req(name: &'static str, rule: Rule) -> Field {
    Field { name, rule, required: true }
}

/// A rule across the fields of one object.
pub type CrossCheck = fn(&Map) -> Result<()>;

/// The fields of an object, the names refused with a hint, and a check across fields.
#[derive(Debug)]
pub struct Schema {
    /// The known fields.
    pub fields: &'static [Field],
    /// Names that are refused with a pointer to the right one, e.g. `template` → `template_id`.
    pub refused: &'static [(&'static str, &'static str)],
    /// A rule that spans fields (e.g. `size` depends on `large_room`), run after the fields.
    pub check: Option<CrossCheck>,
    /// Whether fields beyond `fields` pass through unchecked. Only for objects whose full
    /// shape the provider's docs do not fix (templates, polls); elsewhere an unknown field
    /// is refused, since it is almost always a typo.
    pub open: bool,
}

impl Schema {
    /// A schema with fields only.
    pub const fn of(fields: &'static [Field]) -> Schema {
        Schema { fields, refused: &[], check: None, open: false }
    }

    /// A schema whose listed fields are checked and whose other fields pass through.
    pub const fn open(fields: &'static [Field]) -> Schema {
        Schema { fields, refused: &[], check: None, open: true }
    }

    /// Adds a rule across fields.
    pub const fn check(mut self, check: CrossCheck) -> Schema {
        self.check = Some(check);
        self
    }

    /// Adds refused names with their hints.
    pub const fn refuse(mut self, refused: &'static [(&'static str, &'static str)]) -> Schema {
        self.refused = refused;
        self
    }

    /// Validates `value` (an object, or null for "nothing given") and returns it with nulls
    /// dropped. Errors name the field by its full path.
    pub fn validate(&'static self, value: &Value) -> Result<Map> {
        match value {
            Value::Null => self.validate_object(&Map::new()),
            Value::Object(map) => self.validate_object(map),
            other => Err(Error::invalid("params", format_args!("must be an object, not {}", kind_of(other)))),
        }
    }

    fn validate_object(&'static self, map: &Map) -> Result<Map> {
        let mut clean = Map::new();
        for (name, value) in map {
            if value.is_null() {
                continue;
            }
            if let Some((_, hint)) = self.refused.iter().find(|(refused, _)| refused == name) {
                return Err(Error::invalid(name.as_str(), format_args!("is not accepted; {hint}")));
            }
            let checked = match self.fields.iter().find(|f| f.name == name) {
                Some(field) => check_rule(&field.rule, name, value)?,
                None if self.open => value.clone(),
                None => {
                    return Err(Error::invalid(
                        name.as_str(),
                        format_args!("is not a known field (known: {})", self.known()),
                    ))
                }
            };
            clean.insert(name.clone(), checked);
        }
        if let Some(missing) = self.fields.iter().find(|f| f.required && !clean.contains_key(f.name)) {
            return Err(Error::invalid(missing.name, "is required"));
        }
        if let Some(check) = self.check {
            check(&clean)?;
        }
        Ok(clean)
    }

    fn known(&self) -> String {
        self.fields.iter().map(|f| f.name).collect::<Vec<_>>().join(", ")
    }
}

fn check_rule(rule: &'static Rule, name: &str, value: &Value) -> Result<Value> {
    let ok = || Ok(value.clone());
    match (rule, value) {
        (Rule::Text, Value::String(_)) => ok(),
        (Rule::Identifier, Value::String(s)) => identifier(name, s).map(|_| value.clone()),
        (Rule::Chars(allowed, described), Value::String(s)) => {
            if s.is_empty() {
                Err(Error::invalid(name, "must be a non-empty string"))
            } else if !s.chars().all(allowed) {
                Err(Error::invalid(name, format_args!("only {described} are allowed")))
            } else {
                ok()
            }
        }
        (Rule::OneOf(options), Value::String(s)) if options.contains(&s.as_str()) => ok(),
        (Rule::OneOf(options), _) => Err(Error::invalid(name, format_args!("must be one of {}", options.join(", ")))),
        (Rule::Int(min, max), Value::Number(n)) => match n.as_i64() {
            Some(i) if (*min..=*max).contains(&i) => ok(),
            _ => Err(int_rule(name, *min, *max)),
        },
        (Rule::Int(min, max), _) => Err(int_rule(name, *min, *max)),
        (Rule::Bool, Value::Bool(_)) => ok(),
        (Rule::DateTime, Value::String(s)) if is_iso_datetime(s) => ok(),
        (Rule::DateTime, _) => {
            Err(Error::invalid(name, "must be an ISO 8601 date-time string such as 2024-01-31T12:00:00Z"))
        }
        (Rule::Object(schema), Value::Object(_)) => {
            schema.validate(value).map(Value::Object).map_err(|e| e.within(name))
        }
        (Rule::List(item), Value::Array(items)) => items
            .iter()
            .enumerate()
            .map(|(i, v)| check_rule(item, &format!("{name}[{i}]"), v))
            .collect::<Result<Vec<_>>>()
            .map(Value::Array),
        (Rule::AnyObject, Value::Object(_)) | (Rule::Any, _) => ok(),
        (rule, other) => Err(Error::invalid(name, format_args!("must be {}, not {}", expected(rule), kind_of(other)))),
    }
}

fn int_rule(name: &str, min: i64, max: i64) -> Error {
    Error::invalid(name, format_args!("must be an integer from {min} to {max}"))
}

fn expected(rule: &Rule) -> &'static str {
    match rule {
        Rule::Text | Rule::Identifier | Rule::Chars(..) | Rule::OneOf(_) | Rule::DateTime => "a string",
        Rule::Int(..) => "an integer",
        Rule::Bool => "a boolean",
        Rule::Object(_) | Rule::AnyObject => "an object",
        Rule::List(_) => "an array",
        Rule::Any => "JSON",
    }
}

/// How a JSON value is described in messages.
pub fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// `YYYY-MM-DD`, optionally followed by `T`, a time, fractional seconds and a zone. A strict
/// shape check that catches the usual mistakes (a Unix number, "yesterday", a bare time);
/// the provider remains the judge of the calendar.
fn is_iso_datetime(s: &str) -> bool {
    let b = s.as_bytes();
    let digits = |range: core::ops::Range<usize>| b.get(range).is_some_and(|d| d.iter().all(u8::is_ascii_digit));
    let date = digits(0..4) && b.get(4) == Some(&b'-') && digits(5..7) && b.get(7) == Some(&b'-') && digits(8..10);
    if !date {
        return false;
    }
    if b.len() == 10 {
        return true;
    }
    let time = b.get(10) == Some(&b'T')
        && digits(11..13)
        && b.get(13) == Some(&b':')
        && digits(14..16)
        && b.get(16) == Some(&b':')
        && digits(17..19);
    time && s[19..].bytes().all(|c| c.is_ascii_digit() || matches!(c, b'.' | b'Z' | b'+' | b'-' | b':'))
}

#[cfg(test)]
mod tests {
    use super::*;
    #[allow(unused_imports)]
    use std::{borrow::ToOwned, format, string::String, string::ToString, vec, vec::Vec};

    static INNER: Schema = Schema::of(&[req("type", Rule::OneOf(&["s3", "gs"])), opt("prefix", Rule::Text)]);
    static OUTER: Schema = Schema::of(&[
        opt("name", Rule::Chars(|c| c.is_ascii_alphanumeric(), "a-z A-Z 0-9")),
        opt("size", Rule::Int(0, 10)),
        opt("flag", Rule::Bool),
        opt("when", Rule::DateTime),
        opt("inner", Rule::Object(&INNER)),
        opt("tags", Rule::List(&Rule::Identifier)),
    ])
    .refuse(&[("template", "use template_id")]);
    static OPEN: Schema = Schema::open(&[req("title", Rule::Text)]);

    fn message(value: Value) -> String {
        OUTER.validate(&value).unwrap_err().message().to_owned()
    }

    #[test]
    fn valid_input_passes_with_nulls_dropped() {
        let clean = OUTER
            .validate(&json!({"name": "abc", "size": 3, "flag": null, "inner": {"type": "s3", "prefix": null}}))
            .unwrap();
        assert_eq!(Value::Object(clean), json!({"name": "abc", "size": 3, "inner": {"type": "s3"}}));
        assert!(OUTER.validate(&Value::Null).unwrap().is_empty());
    }

    #[test]
    fn each_rule_names_field_and_rule() {
        assert_eq!(message(json!({"name": "a b"})), "name: only a-z A-Z 0-9 are allowed");
        assert_eq!(message(json!({"name": ""})), "name: must be a non-empty string");
        assert_eq!(message(json!({"size": 11})), "size: must be an integer from 0 to 10");
        assert_eq!(message(json!({"size": 1.5})), "size: must be an integer from 0 to 10");
        assert_eq!(message(json!({"size": "3"})), "size: must be an integer from 0 to 10");
        assert_eq!(message(json!({"flag": "yes"})), "flag: must be a boolean, not a string");
        assert_eq!(message(json!({"inner": {"type": "ftp"}})), "inner.type: must be one of s3, gs");
        assert_eq!(message(json!({"inner": {}})), "inner.type: is required");
        assert_eq!(message(json!({"inner": []})), "inner: must be an object, not an array");
        assert_eq!(message(json!({"tags": ["a", ""]})), "tags[1]: must be a non-empty string");
        assert_eq!(message(json!({"template": "x"})), "template: is not accepted; use template_id");
        assert_eq!(
            message(json!({"nmae": "x"})),
            "nmae: is not a known field (known: name, size, flag, when, inner, tags)"
        );
        assert_eq!(message(json!([1])), "params: must be an object, not an array");
    }

    #[test]
    fn open_schemas_check_known_fields_and_pass_the_rest() {
        let clean = OPEN.validate(&json!({"title": "Quiz", "questions": [{"text": "?"}]})).unwrap();
        assert_eq!(clean["questions"], json!([{"text": "?"}]));
        assert_eq!(OPEN.validate(&json!({"title": 1})).unwrap_err().message(), "title: must be a string, not a number");
        assert_eq!(OPEN.validate(&json!({})).unwrap_err().message(), "title: is required");
    }

    #[test]
    fn dates_must_be_iso_8601() {
        for good in ["2022-01-01", "2022-01-01T01:00:00Z", "2022-01-01T01:00:00.000Z", "2022-01-01T01:00:00+05:30"] {
            assert!(is_iso_datetime(good), "{good}");
        }
        for bad in [
            "",
            "1700000000",
            "yesterday",
            "2022-1-1",
            "2022-01-01 01:00:00",
            "2022-01-01T01:00",
            "2022-01-01Tab:cd:ef",
        ] {
            assert!(!is_iso_datetime(bad), "{bad}");
        }
    }
}
