//! The wasm boundary, tested in a real JavaScript engine (Node and headless Chromium via
//! wasm-bindgen-test-runner): conversions, error objects, the clock, and the steps of a call (`PendingCall`).
#![cfg(target_arch = "wasm32")]

use edgeroom::wasm::{decode_token, verify_token, HmsCore, PendingCall, VideoSdkCore};
use js_sys::{Function, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

const SECRET: &str = "wasm-test-secret-0123456789";

fn js_eval(source: &str) -> JsValue {
    Function::new_no_args(&format!("return ({source});")).call0(&JsValue::NULL).unwrap()
}

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &JsValue::from_str(key)).unwrap()
}

fn client(extra: &str) -> HmsCore {
    HmsCore::new(js_eval(&format!("{{ accessKey: 'ak', secret: '{SECRET}', baseUrl: 'https://api.test/v2' {extra} }}")))
        .unwrap()
}

/// Asserts `err` is a JS Error named EdgeroomError with `code` (and `field`), without the secret.
fn assert_edgeroom_error(err: &JsValue, code: &str, field: Option<&str>) {
    let error = err.dyn_ref::<js_sys::Error>().expect("a real Error object");
    assert_eq!(String::from(error.name()), "EdgeroomError");
    assert_eq!(get(err, "code").as_string().as_deref(), Some(code));
    assert_eq!(get(err, "field").as_string().as_deref(), field);
    assert!(!String::from(error.message()).contains(SECRET));
}

#[wasm_bindgen_test]
fn constructor_errors_are_edgeroom_errors() {
    let err = HmsCore::new(js_eval("{ accessKey: '', secret: 's' }")).err().unwrap();
    assert_edgeroom_error(&err, "invalid_argument", Some("accessKey"));
    let err = HmsCore::new(js_eval("{ accessKey: 'k', secret: 's', timeoutMS: 5 }")).err().unwrap();
    assert_edgeroom_error(&err, "invalid_argument", Some("timeoutMS"));
    let err = HmsCore::new(js_eval("'not options'")).err().unwrap();
    assert_edgeroom_error(&err, "invalid_argument", Some("HmsClient options"));
}

#[wasm_bindgen_test]
fn tokens_take_the_clock_from_date_now() {
    let token = client("").app_token(js_eval("{ roomId: 'r', role: 'host' }")).unwrap();
    let claims = get(&decode_token(JsValue::from_str(&token)).unwrap(), "claims");
    let now = (js_sys::Date::now() / 1000.0).floor();
    let iat = get(&claims, "iat").as_f64().unwrap();
    assert!((now - 10.0 - iat).abs() <= 2.0, "iat {iat} is now-10 s (now {now})");
    let verified =
        verify_token(JsValue::from_str(&token), JsValue::from_str(SECRET), js_eval("{ type: 'app' }")).unwrap();
    assert_eq!(get(&verified, "room_id").as_string().as_deref(), Some("r"));
}

#[wasm_bindgen_test]
fn hostile_numbers_and_strings_are_refused_by_name() {
    let core = client("");
    for (options, field) in [
        ("{ roomId: 'r', role: 'h', validForSeconds: NaN }", "validForSeconds"),
        ("{ roomId: 'r', role: 'h', validForSeconds: 1.5 }", "validForSeconds"),
        ("{ roomId: 'r', role: 'h', validForSeconds: 2n ** 70n }", "validForSeconds"),
        ("{ roomId: 'r', role: 'h', validForSeconds: '60' }", "validForSeconds"),
        ("{ roomId: '\\uD800', role: 'h' }", "roomId"),
        ("{ roomId: 7, role: 'h' }", "roomId"),
    ] {
        let err = core.app_token(js_eval(options)).err().unwrap();
        assert_edgeroom_error(&err, "invalid_argument", Some(field));
    }
    // The module still works after every refusal.
    assert!(core.app_token(js_eval("{ roomId: 'r', role: 'h' }")).is_ok());
}

#[wasm_bindgen_test]
fn videosdk_permissions_are_checked() {
    let core = VideoSdkCore::new(js_eval(&format!("{{ apiKey: 'k', secret: '{SECRET}' }}"))).unwrap();
    let err = core.token(js_eval("{ permissions: ['allow_join', 'root'] }")).err().unwrap();
    assert_edgeroom_error(&err, "invalid_argument", Some("permissions[1]"));
}

fn parse(step: &str) -> JsValue {
    js_sys::JSON::parse(step).unwrap()
}

fn begin(core: &HmsCore, name: &str, args: &str, body: &str, options: JsValue) -> Result<PendingCall, JsValue> {
    core.begin(name, js_eval(args), JsValue::NULL, js_eval(body), options)
}

#[wasm_bindgen_test]
fn a_call_starts_with_its_authorized_request_and_ends_with_the_parsed_value() {
    let fetch = js_eval("() => {}");
    let options = js_eval(&format!("{{ accessKey: 'ak', secret: '{SECRET}', baseUrl: 'https://api.test/v2' }}"));
    Reflect::set(&options, &"fetch".into(), &fetch).unwrap();
    let core = HmsCore::new(options).unwrap();
    let mut call = begin(&core, "rooms.create", "[]", "{ name: 'demo' }", js_eval("{ timeoutMs: 1234 }")).unwrap();
    assert_eq!(call.fetch().map(JsValue::from), Some(fetch));
    assert_eq!(call.timeout_ms(), 1234.0);
    assert!(call.signal().is_undefined());
    let send = get(&parse(&call.first().unwrap()), "send");
    assert_eq!(get(&send, "url").as_string().as_deref(), Some("https://api.test/v2/rooms"));
    assert_eq!(get(&send, "method").as_string().as_deref(), Some("POST"));
    assert_eq!(get(&send, "body").as_string().as_deref(), Some(r#"{"name":"demo"}"#));
    let auth = get(&get(&send, "headers"), "authorization").as_string().unwrap();
    assert!(auth.starts_with("Bearer "));
    let answer = r#"{"id":"r1","name":"demo"}"#.to_owned();
    let done = parse(&call.answer(200, None, Some("application/json".into()), answer).unwrap());
    assert_eq!(get(&get(&done, "value"), "id").as_string().as_deref(), Some("r1"));
}

#[wasm_bindgen_test]
fn bad_input_throws_before_any_request() {
    let core = client("");
    let err = begin(&core, "rooms.create", "[]", "{ size: Infinity }", JsValue::UNDEFINED).err().unwrap();
    assert_edgeroom_error(&err, "invalid_argument", Some("size"));
    let err = begin(&core, "rooms.retrieveById", "[]", "null", JsValue::UNDEFINED).err().unwrap();
    assert_edgeroom_error(&err, "invalid_argument", Some("roomId"));
    let err = begin(&core, "rooms.retrieveById", "['r']", "null", js_eval("{ timeoutMs: 0 }")).err().unwrap();
    assert_edgeroom_error(&err, "invalid_argument", Some("timeoutMs"));
}

#[wasm_bindgen_test]
fn api_errors_carry_status_and_the_parsed_body() {
    let core = client("");
    let mut call = begin(&core, "rooms.retrieveById", "['nope']", "null", JsValue::UNDEFINED).unwrap();
    call.first().unwrap();
    let body = r#"{"code":404,"message":"room not found"}"#.to_owned();
    let err = call.answer(404, None, None, body).unwrap_err();
    assert_edgeroom_error(&err, "not_found", None);
    assert_eq!(get(&err, "status").as_f64(), Some(404.0));
    assert_eq!(get(&get(&err, "body"), "message").as_string().as_deref(), Some("room not found"));
}

#[wasm_bindgen_test]
fn lost_answers_of_safe_requests_are_retried_then_reported() {
    let core = client(", retries: 1");
    let mut call = begin(&core, "rooms.retrieveById", "['r']", "null", JsValue::UNDEFINED).unwrap();
    call.first().unwrap();
    let wait = parse(&call.fail("timeout", "no complete answer within 30 ms (GET /rooms/r)".into()).unwrap());
    let notice = get(&wait, "notice");
    assert_eq!(get(&notice, "endpoint").as_string().as_deref(), Some("rooms.retrieveById"));
    assert_eq!(get(&notice, "attempt").as_f64(), Some(1.0));
    assert_eq!(get(&notice, "code").as_string().as_deref(), Some("timeout"));
    assert_eq!(get(&wait, "wait").as_f64(), get(&notice, "delayMs").as_f64());
    assert!(get(&parse(&call.resend().unwrap()), "send").is_object());
    let err = call.fail("network", "GET /rooms/r failed: boom".into()).unwrap_err();
    assert_edgeroom_error(&err, "network", None);
    // An abort ends a call at once, retries or not.
    let mut call = begin(&core, "rooms.retrieveById", "['r']", "null", JsValue::UNDEFINED).unwrap();
    call.first().unwrap();
    let err = call.fail("aborted", "the request was aborted by its AbortSignal".into()).unwrap_err();
    assert_edgeroom_error(&err, "aborted", None);
    // An unsafe request is sent once: its answer may be lost after the server acted.
    let mut call = begin(&core, "recordings.stopAll", "['r']", "null", JsValue::UNDEFINED).unwrap();
    call.first().unwrap();
    assert_edgeroom_error(&call.fail("timeout", "t".into()).unwrap_err(), "timeout", None);
}

#[wasm_bindgen_test]
fn an_answer_that_is_not_the_documented_json_is_an_error_not_a_trap() {
    let core = client(", retries: 0");
    for (status, body) in [(200, "<html>"), (200, "[1]"), (200, ""), (599, "\u{0}")] {
        let mut call = begin(&core, "rooms.retrieveById", "['r']", "null", JsValue::UNDEFINED).unwrap();
        call.first().unwrap();
        let err = call.answer(status, Some("garbage".into()), None, body.into()).unwrap_err();
        let code = get(&err, "code").as_string().unwrap();
        assert!(code == "invalid_response" || code == "api_error", "{status} {body}: {code}");
    }
}

/// httpdate answers a `SystemTime`; turning it into Unix seconds must not touch the clock
/// (only `SystemTime::now()` traps on wasm32-unknown-unknown). All three HTTP-date forms.
#[wasm_bindgen_test]
fn retry_after_http_dates_are_read_without_the_system_clock() {
    use edgeroom::client::retry_after_ms;
    use edgeroom::http::HttpResponse;
    let now = 784_111_777 - 120;
    for date in ["Sun, 06 Nov 1994 08:49:37 GMT", "Sunday, 06-Nov-94 08:49:37 GMT", "Sun Nov  6 08:49:37 1994"] {
        let mut response = HttpResponse::new(429, "");
        response.headers.push(("retry-after".into(), date.into()));
        assert_eq!(retry_after_ms(&response, now), Some(120_000), "{date}");
    }
}
