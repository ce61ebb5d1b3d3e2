//! The wasm boundary, tested in a real JavaScript engine (Node and headless Chromium via
//! wasm-bindgen-test-runner): conversions, error objects, the clock, and fetch.
#![cfg(target_arch = "wasm32")]

use edgeroom::wasm::{decode_token, verify_token, HmsCore, VideoSdkCore};
use js_sys::{Function, Object, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
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

/// A fetch double: records each call in `calls` and answers `status` with `body`.
fn fake_fetch(status: u16, body: &str) -> (JsValue, Function) {
    let calls = js_sys::Array::new();
    let fetch = Function::new_with_args(
        "calls, status, body",
        "return (url, init) => { calls.push({ url, init }); return Promise.resolve(new Response(body, { status, headers: { 'content-type': 'application/json' } })); };",
    )
    .call3(&JsValue::NULL, &calls, &JsValue::from(status), &JsValue::from_str(body))
    .unwrap();
    (calls.into(), fetch.unchecked_into())
}

async fn settle(promise: Promise) -> Result<JsValue, JsValue> {
    JsFuture::from(promise).await
}

#[wasm_bindgen_test]
async fn calls_go_through_the_injected_fetch() {
    let (calls, fetch) = fake_fetch(200, r#"{"id":"r1","name":"demo"}"#);
    let options = Object::new();
    Reflect::set(&options, &"accessKey".into(), &"ak".into()).unwrap();
    Reflect::set(&options, &"secret".into(), &SECRET.into()).unwrap();
    Reflect::set(&options, &"baseUrl".into(), &"https://api.test/v2".into()).unwrap();
    Reflect::set(&options, &"fetch".into(), &fetch).unwrap();
    let core = HmsCore::new(options.into()).unwrap();
    let room = settle(core.call(
        "rooms.create",
        js_eval("[]"),
        JsValue::NULL,
        js_eval("{ name: 'demo' }"),
        JsValue::UNDEFINED,
    ))
    .await
    .unwrap();
    assert_eq!(get(&room, "id").as_string().as_deref(), Some("r1"));
    let call = js_sys::Array::from(&calls).get(0);
    assert_eq!(get(&call, "url").as_string().as_deref(), Some("https://api.test/v2/rooms"));
    let init = get(&call, "init");
    assert_eq!(get(&init, "method").as_string().as_deref(), Some("POST"));
    assert_eq!(get(&init, "body").as_string().as_deref(), Some(r#"{"name":"demo"}"#));
    let auth = get(&get(&init, "headers"), "authorization").as_string().unwrap();
    assert!(auth.starts_with("Bearer "));
}

#[wasm_bindgen_test]
async fn bad_input_rejects_and_sends_nothing() {
    let (calls, fetch) = fake_fetch(200, "{}");
    let options = js_eval(&format!("{{ accessKey: 'ak', secret: '{SECRET}' }}"));
    Reflect::set(&options, &"fetch".into(), &fetch).unwrap();
    let core = HmsCore::new(options).unwrap();
    let err = settle(core.call(
        "rooms.create",
        js_eval("[]"),
        JsValue::NULL,
        js_eval("{ size: Infinity }"),
        JsValue::UNDEFINED,
    ))
    .await
    .unwrap_err();
    assert_edgeroom_error(&err, "invalid_argument", Some("size"));
    let err = settle(core.call("rooms.retrieveById", js_eval("[]"), JsValue::NULL, JsValue::NULL, JsValue::UNDEFINED))
        .await
        .unwrap_err();
    assert_edgeroom_error(&err, "invalid_argument", Some("roomId"));
    assert_eq!(js_sys::Array::from(&calls).length(), 0);
}

#[wasm_bindgen_test]
async fn api_errors_carry_status_and_the_parsed_body() {
    let (_, fetch) = fake_fetch(404, r#"{"code":404,"message":"room not found"}"#);
    let options = js_eval(&format!("{{ accessKey: 'ak', secret: '{SECRET}' }}"));
    Reflect::set(&options, &"fetch".into(), &fetch).unwrap();
    let core = HmsCore::new(options).unwrap();
    let err =
        settle(core.call("rooms.retrieveById", js_eval("['nope']"), JsValue::NULL, JsValue::NULL, JsValue::UNDEFINED))
            .await
            .unwrap_err();
    assert_edgeroom_error(&err, "not_found", None);
    assert_eq!(get(&err, "status").as_f64(), Some(404.0));
    assert_eq!(get(&get(&err, "body"), "message").as_string().as_deref(), Some("room not found"));
}

#[wasm_bindgen_test]
async fn a_fetch_that_never_answers_times_out() {
    // A fetch that hangs until aborted. The ref'd timer keeps Node's event loop alive the way
    // a real socket would (AbortSignal.timeout's own timer is unref'd).
    let never: Function = js_eval(
        "(url, init) => new Promise((_, reject) => { const keepAlive = setTimeout(() => {}, 60000); \
         init.signal.addEventListener('abort', () => { clearTimeout(keepAlive); reject(init.signal.reason); }); })",
    )
    .unchecked_into();
    let options = js_eval(&format!("{{ accessKey: 'ak', secret: '{SECRET}', timeoutMs: 30 }}"));
    Reflect::set(&options, &"fetch".into(), &never).unwrap();
    let core = HmsCore::new(options).unwrap();
    let err =
        settle(core.call("rooms.retrieveById", js_eval("['r']"), JsValue::NULL, JsValue::NULL, JsValue::UNDEFINED))
            .await
            .unwrap_err();
    assert_edgeroom_error(&err, "timeout", None);
    // A fetch that ignores its signal altogether must time out all the same.
    let deaf = js_eval("(url, init) => { setTimeout(() => {}, 500); return new Promise(() => {}); }");
    let options = js_eval(&format!("{{ accessKey: 'ak', secret: '{SECRET}', timeoutMs: 30 }}"));
    Reflect::set(&options, &"fetch".into(), &deaf).unwrap();
    let deaf_core = HmsCore::new(options).unwrap();
    let err = settle(deaf_core.call(
        "rooms.retrieveById",
        js_eval("['r']"),
        JsValue::NULL,
        JsValue::NULL,
        JsValue::UNDEFINED,
    ))
    .await
    .unwrap_err();
    assert_edgeroom_error(&err, "timeout", None);
    let aborted = js_eval("{ signal: AbortSignal.abort() }");
    let err = settle(core.call("rooms.retrieveById", js_eval("['r']"), JsValue::NULL, JsValue::NULL, aborted))
        .await
        .unwrap_err();
    assert_edgeroom_error(&err, "aborted", None);
}

#[wasm_bindgen_test]
async fn a_fetch_that_answers_garbage_is_an_error_not_a_trap() {
    for double in [
        "() => 42",
        "() => Promise.resolve({ status: 'x' })",
        "() => { throw new TypeError('boom'); }",
        "() => Promise.resolve(new Response('<html>', { status: 200 }))",
    ] {
        let options = js_eval(&format!("{{ accessKey: 'ak', secret: '{SECRET}' }}"));
        Reflect::set(&options, &"fetch".into(), &js_eval(double)).unwrap();
        let core = HmsCore::new(options).unwrap();
        let err =
            settle(core.call("rooms.retrieveById", js_eval("['r']"), JsValue::NULL, JsValue::NULL, JsValue::UNDEFINED))
                .await
                .unwrap_err();
        let code = get(&err, "code").as_string().unwrap();
        assert!(code == "network" || code == "invalid_response", "{double}: {code}");
    }
}
