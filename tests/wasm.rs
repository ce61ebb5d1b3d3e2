//! The wasm boundary, tested in a real JavaScript engine (Node and headless Chromium via
//! wasm-bindgen-test-runner): conversions, error objects, the clock, and REST calls driven to
//! their end in Rust (`HmsCore.call`, `exchangeRoomCode`) over fetch-like functions written
//! here: what is sent, retries, timeouts, aborts, and answers that are not Responses.
#![cfg(target_arch = "wasm32")]

use edgeroom::wasm::{decode_token, exchange_room_code, verify_token, HmsCore, VideoSdkCore};
use js_sys::{Array, Function, Promise, Reflect};
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

/// `new HmsCore(...)` from an option object, its values one by one in the constructor's order,
/// as `js/src/api.js` passes them (which refuses unknown keys and non-objects itself).
fn hms_core(options: JsValue) -> Result<HmsCore, JsValue> {
    let v = |key: &str| get(&options, key);
    HmsCore::new(
        v("accessKey"),
        v("secret"),
        v("baseUrl"),
        v("authBaseUrl"),
        v("fetch"),
        v("timeoutMs"),
        v("retries"),
        v("retryMaxDelayMs"),
        v("onRetry"),
    )
}

fn client(extra: &str) -> HmsCore {
    hms_core(js_eval(&format!("{{ accessKey: 'ak', secret: '{SECRET}', baseUrl: 'https://api.test/v2' {extra} }}")))
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
    let err = hms_core(js_eval("{ accessKey: '', secret: 's' }")).err().unwrap();
    assert_edgeroom_error(&err, "invalid_argument", Some("accessKey"));
    let err = hms_core(js_eval("{ accessKey: 'k', secret: 's', timeoutMs: '5' }")).err().unwrap();
    assert_edgeroom_error(&err, "invalid_argument", Some("timeoutMs"));
    let err = hms_core(js_eval("{ secret: 's' }")).err().unwrap();
    assert_edgeroom_error(&err, "invalid_argument", Some("accessKey"));
}

#[wasm_bindgen_test]
fn tokens_take_the_clock_from_date_now() {
    let token = client("").app_token(js_eval("{ roomId: 'r', role: 'host' }")).unwrap();
    let claims = get(&decode_token(JsValue::from_str(&token)).unwrap(), "claims");
    let now = (js_sys::Date::now() / 1000.0).floor();
    let iat = get(&claims, "iat").as_f64().unwrap();
    assert!((now - 10.0 - iat).abs() <= 2.0, "iat {iat} is now-10 s (now {now})");
    let verified =
        verify_token(JsValue::from_str(&token), JsValue::from_str(SECRET), "app".into(), JsValue::UNDEFINED).unwrap();
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
    let undefined = || JsValue::UNDEFINED;
    let core = VideoSdkCore::new(
        "k".into(),
        SECRET.into(),
        undefined(),
        undefined(),
        undefined(),
        undefined(),
        undefined(),
        undefined(),
    )
    .unwrap();
    let err = core.token(js_eval("{ permissions: ['allow_join', 'root'] }")).err().unwrap();
    assert_edgeroom_error(&err, "invalid_argument", Some("permissions[1]"));
}

/// A fetch-like function and the log of what it was called with (`[{ url, init }]`).
/// `answer` is the body of `(url, init, n) => ...`, `n` counting calls from 0.
fn recorder(answer: &str) -> (Function, Array) {
    let log = Array::new();
    let make = Function::new_with_args(
        "log",
        &format!("return (url, init, n = log.length) => {{ log.push({{ url, init }}); {answer} }};"),
    );
    let fetch = make.call1(&JsValue::NULL, &log).unwrap().unchecked_into();
    (fetch, log)
}

/// A client of `https://api.test/v2` over `fetch`, with `extra` options.
fn client_with(fetch: &Function, extra: &str) -> HmsCore {
    let options =
        js_eval(&format!("{{ accessKey: 'ak', secret: '{SECRET}', baseUrl: 'https://api.test/v2' {extra} }}"));
    Reflect::set(&options, &"fetch".into(), fetch).unwrap();
    hms_core(options).unwrap()
}

/// A call as `js/src/api.js` makes it: the params (JavaScript source) as their JSON text,
/// none for `null`.
fn call(core: &HmsCore, name: &str, args: &str, body: &str, options: JsValue) -> Promise {
    let params = js_eval(body);
    let text = if params.is_null() { None } else { js_sys::JSON::stringify(&params).unwrap().as_string() };
    core.call(name, js_eval(args), text, options)
}

async fn settle(promise: Promise) -> Result<JsValue, JsValue> {
    JsFuture::from(promise).await
}

const JSON_200: &str = "return new Response(JSON.stringify({ id: 'r1', name: 'demo' }), { status: 200, headers: { 'content-type': 'application/json' } });";

#[wasm_bindgen_test]
async fn a_call_sends_its_authorized_request_and_resolves_to_the_parsed_value() {
    let (fetch, log) = recorder(JSON_200);
    let core = client_with(&fetch, "");
    let value = settle(call(&core, "rooms.create", "[]", "{ name: 'demo' }", JsValue::UNDEFINED)).await.unwrap();
    assert_eq!(get(&value, "id").as_string().as_deref(), Some("r1"));
    assert_eq!(log.length(), 1);
    let sent = log.get(0);
    let init = get(&sent, "init");
    assert_eq!(get(&sent, "url").as_string().as_deref(), Some("https://api.test/v2/rooms"));
    assert_eq!(get(&init, "method").as_string().as_deref(), Some("POST"));
    assert_eq!(get(&init, "body").as_string().as_deref(), Some(r#"{"name":"demo"}"#));
    assert!(get(&get(&init, "headers"), "authorization").as_string().unwrap().starts_with("Bearer "));
    assert!(get(&get(&init, "signal"), "aborted").is_falsy(), "each attempt has a live AbortSignal");
}

#[wasm_bindgen_test]
async fn the_global_fetch_is_used_when_none_is_given_and_looked_up_per_call() {
    let (fetch, log) = recorder(JSON_200);
    let global = js_sys::global();
    let saved = get(&global, "fetch");
    Reflect::set(&global, &"fetch".into(), &fetch).unwrap();
    let core = client("");
    let value = settle(call(&core, "rooms.retrieveById", "['r1']", "null", JsValue::UNDEFINED)).await;
    Reflect::set(&global, &"fetch".into(), &saved).unwrap();
    assert_eq!(get(&value.unwrap(), "id").as_string().as_deref(), Some("r1"));
    assert_eq!(get(&log.get(0), "url").as_string().as_deref(), Some("https://api.test/v2/rooms/r1"));
}

#[wasm_bindgen_test]
async fn bad_input_rejects_before_any_request() {
    let (fetch, log) = recorder(JSON_200);
    let core = client_with(&fetch, "");
    let err = settle(call(&core, "rooms.create", "[]", "{ size: 'big' }", JsValue::UNDEFINED)).await.unwrap_err();
    assert_edgeroom_error(&err, "invalid_argument", Some("size"));
    let err = settle(call(&core, "rooms.retrieveById", "[]", "null", JsValue::UNDEFINED)).await.unwrap_err();
    assert_edgeroom_error(&err, "invalid_argument", Some("roomId"));
    let err =
        settle(call(&core, "rooms.retrieveById", "['r']", "null", js_eval("{ timeoutMs: 0 }"))).await.unwrap_err();
    assert_edgeroom_error(&err, "invalid_argument", Some("timeoutMs"));
    let err = settle(call(&core, "rooms.nope", "[]", "null", JsValue::UNDEFINED)).await.unwrap_err();
    assert_edgeroom_error(&err, "invalid_argument", Some("endpoint"));
    assert_eq!(log.length(), 0, "nothing was sent");
}

#[wasm_bindgen_test]
async fn hostile_signals_are_refused_before_sending() {
    let (fetch, log) = recorder(JSON_200);
    let core = client_with(&fetch, "");
    for signal in [
        "({ aborted: false })",
        "({ aborted: false, addEventListener: 1, removeEventListener() {} })",
        "new Proxy({}, { has() { throw new Error('trap') }, get() { throw new Error('trap') } })",
        "({ get aborted() { throw new Error('getter') }, addEventListener() {}, removeEventListener() {} })",
        "({ aborted: false, addEventListener() { throw new Error('no') }, removeEventListener() {} })",
        "42",
    ] {
        let options = js_eval(&format!("{{ signal: {signal} }}"));
        let err = settle(call(&core, "rooms.retrieveById", "['r']", "null", options)).await.unwrap_err();
        assert_edgeroom_error(&err, "invalid_argument", Some("signal"));
    }
    assert_eq!(log.length(), 0, "nothing was sent");
}

#[wasm_bindgen_test]
async fn answers_that_are_not_responses_are_invalid_response_not_a_trap() {
    for answer in [
        "return {};",
        "return 42;",
        "return null;",
        "return Promise.resolve({ ok: true });",
        "return { status: '200', text: async () => '{}' };",
        "return { status: 600, text: async () => '{}' };",
        "return { status: 200 };",
        "return { status: 200, text: async () => 42 };",
    ] {
        let (fetch, log) = recorder(answer);
        let core = client_with(&fetch, ", retries: 2");
        let err = settle(call(&core, "rooms.retrieveById", "['r']", "null", JsValue::UNDEFINED)).await.unwrap_err();
        assert_edgeroom_error(&err, "invalid_response", None);
        assert_eq!(log.length(), 1, "{answer}: not retried");
    }
    // A look-alike with status, headers.get and text() is read like a Response.
    let (fetch, _) = recorder(
        "return { status: 200, headers: { get() { throw new Error('x') } }, text: async () => '{\"id\":\"r2\"}' };",
    );
    let value = settle(call(&client_with(&fetch, ""), "rooms.retrieveById", "['r']", "null", JsValue::UNDEFINED)).await;
    assert_eq!(get(&value.unwrap(), "id").as_string().as_deref(), Some("r2"));
    // The module still works.
    let (fetch, _) = recorder(JSON_200);
    assert!(settle(call(&client_with(&fetch, ""), "rooms.retrieveById", "['r']", "null", JsValue::UNDEFINED))
        .await
        .is_ok());
}

#[wasm_bindgen_test]
async fn a_fetch_that_throws_or_rejects_is_a_network_error() {
    for answer in [
        "throw new TypeError('sync boom');",
        "return Promise.reject(new TypeError('fetch failed', { cause: new Error('ECONNRESET') }));",
        "return { status: 200, headers: new Headers(), text: () => Promise.reject(new Error('body stream broke')) };",
        "return { status: 200, text() { throw 'thrown string' } };",
        "return new Proxy({}, { get() { throw new TypeError('response proxy') } });",
    ] {
        let (fetch, log) = recorder(answer);
        let core = client_with(&fetch, ", retries: 1, retryMaxDelayMs: 0");
        let err = settle(call(&core, "rooms.retrieveById", "['r']", "null", JsValue::UNDEFINED)).await.unwrap_err();
        assert_edgeroom_error(&err, "network", None);
        assert_eq!(log.length(), 2, "{answer}: a lost answer of a safe request is retried");
    }
    let (fetch, _) =
        recorder("return Promise.reject(new TypeError('fetch failed', { cause: new Error('ECONNRESET') }));");
    let err =
        settle(call(&client_with(&fetch, ", retries: 0"), "rooms.retrieveById", "['r']", "null", JsValue::UNDEFINED))
            .await
            .unwrap_err();
    let message = String::from(err.unchecked_ref::<js_sys::Error>().message());
    assert_eq!(message, "GET https://api.test/v2/rooms/r failed: fetch failed (ECONNRESET)");
}

#[wasm_bindgen_test]
async fn api_errors_carry_status_and_the_parsed_body() {
    let (fetch, _) = recorder("return new Response('{\"code\":404,\"message\":\"room not found\"}', { status: 404 });");
    let err = settle(call(&client_with(&fetch, ""), "rooms.retrieveById", "['nope']", "null", JsValue::UNDEFINED))
        .await
        .unwrap_err();
    assert_edgeroom_error(&err, "not_found", None);
    assert_eq!(get(&err, "status").as_f64(), Some(404.0));
    assert_eq!(get(&get(&err, "body"), "message").as_string().as_deref(), Some("room not found"));
}

#[wasm_bindgen_test]
async fn transient_answers_are_retried_after_retry_after_and_reported_to_on_retry() {
    let (fetch, log) = recorder(
        "return n === 0 ? new Response('busy', { status: 503, headers: { 'retry-after': '0' } }) : new Response('{\"id\":\"r1\"}', { status: 200 });",
    );
    let notices = Array::new();
    let on_retry =
        Function::new_with_args("notices", "return (notice) => { notices.push(notice); throw new Error('ignored'); };")
            .call1(&JsValue::NULL, &notices)
            .unwrap();
    let options =
        js_eval(&format!("{{ accessKey: 'ak', secret: '{SECRET}', baseUrl: 'https://api.test/v2', retries: 1 }}"));
    Reflect::set(&options, &"fetch".into(), &fetch).unwrap();
    Reflect::set(&options, &"onRetry".into(), &on_retry).unwrap();
    let core = hms_core(options).unwrap();
    let value = settle(call(&core, "rooms.retrieveById", "['r1']", "null", JsValue::UNDEFINED)).await.unwrap();
    assert_eq!(get(&value, "id").as_string().as_deref(), Some("r1"));
    assert_eq!(log.length(), 2);
    assert_eq!(notices.length(), 1);
    let notice = notices.get(0);
    assert_eq!(get(&notice, "endpoint").as_string().as_deref(), Some("rooms.retrieveById"));
    assert_eq!(get(&notice, "attempt").as_f64(), Some(1.0));
    assert_eq!(get(&notice, "delayMs").as_f64(), Some(0.0));
    assert_eq!(get(&notice, "status").as_f64(), Some(503.0));
    // An unsafe request is sent once: its answer may be lost after the server acted.
    let (fetch, log) = recorder("return new Response('busy', { status: 503 });");
    let err =
        settle(call(&client_with(&fetch, ", retries: 2"), "recordings.stopAll", "['r']", "null", JsValue::UNDEFINED))
            .await
            .unwrap_err();
    assert_eq!(get(&err, "status").as_f64(), Some(503.0));
    assert_eq!(log.length(), 1);
}

#[wasm_bindgen_test]
async fn a_fetch_that_ignores_its_signal_still_times_out() {
    let (fetch, log) = recorder("return new Promise(() => {});");
    let core = client_with(&fetch, ", retries: 1, retryMaxDelayMs: 0, timeoutMs: 20");
    let started = js_sys::Date::now();
    let err = settle(call(&core, "rooms.retrieveById", "['r']", "null", JsValue::UNDEFINED)).await.unwrap_err();
    assert_edgeroom_error(&err, "timeout", None);
    assert_eq!(log.length(), 2, "a timed-out attempt of a safe request is retried");
    assert!(js_sys::Date::now() - started >= 35.0);
    // The attempt's own signal was aborted for the fetch that would listen.
    assert!(get(&get(&get(&log.get(0), "init"), "signal"), "aborted").is_truthy());
    // Per call, a body that never ends is bounded too.
    let (fetch, _) = recorder("return { status: 200, text: () => new Promise(() => {}) };");
    let core = client_with(&fetch, ", retries: 0");
    let err =
        settle(call(&core, "rooms.retrieveById", "['r']", "null", js_eval("{ timeoutMs: 20 }"))).await.unwrap_err();
    assert_edgeroom_error(&err, "timeout", None);
}

#[wasm_bindgen_test]
async fn an_abort_signal_ends_the_call_before_and_during_a_request() {
    let (fetch, log) = recorder("return new Promise(() => {});");
    let core = client_with(&fetch, ", retries: 2");
    let err = settle(call(&core, "rooms.retrieveById", "['r']", "null", js_eval("{ signal: AbortSignal.abort() }")))
        .await
        .unwrap_err();
    assert_edgeroom_error(&err, "aborted", None);
    assert_eq!(log.length(), 0, "an aborted signal sends nothing");
    // During the request: a signal-like object whose `reason` getter throws, aborted by hand.
    let signal = js_eval(
        "(() => { const t = new EventTarget(); t.aborted = false; Object.defineProperty(t, 'reason', { get() { throw new Error('reason') } }); \
         setTimeout(() => { t.aborted = true; t.dispatchEvent(new Event('abort')); }, 10); return t; })()",
    );
    let options = js_sys::Object::new();
    Reflect::set(&options, &"signal".into(), &signal).unwrap();
    let err = settle(call(&core, "rooms.retrieveById", "['r']", "null", options.into())).await.unwrap_err();
    assert_edgeroom_error(&err, "aborted", None);
    assert_eq!(log.length(), 1, "the request was in flight when aborted, and not retried");
    assert!(get(&get(&get(&log.get(0), "init"), "signal"), "aborted").is_truthy(), "the fetch's own signal aborted");
    // During a retry wait.
    let (fetch, log) = recorder("return new Response('busy', { status: 503, headers: { 'retry-after': '5' } });");
    let core = client_with(&fetch, ", retries: 2");
    let started = js_sys::Date::now();
    let err =
        settle(call(&core, "rooms.retrieveById", "['r']", "null", js_eval("{ signal: AbortSignal.timeout(30) }")))
            .await
            .unwrap_err();
    assert_edgeroom_error(&err, "aborted", None);
    assert_eq!(log.length(), 1);
    assert!(js_sys::Date::now() - started < 2000.0, "the 5 s wait was not waited out");
}

#[wasm_bindgen_test]
async fn a_room_code_is_exchanged_in_one_call() {
    let (fetch, log) = recorder("return new Response('{\"token\":\"t0k\"}', { status: 200 });");
    let options = js_eval("{ code: 'abc-defg-hij', userId: 'u1', authBaseUrl: 'https://auth.test/v2' }");
    Reflect::set(&options, &"fetch".into(), &fetch).unwrap();
    let value = settle(exchange_room_code(options)).await.unwrap();
    assert_eq!(get(&value, "token").as_string().as_deref(), Some("t0k"));
    let init = get(&log.get(0), "init");
    assert_eq!(get(&init, "method").as_string().as_deref(), Some("POST"));
    assert!(get(&init, "body").as_string().unwrap().contains("abc-defg-hij"));
    let err = settle(exchange_room_code(js_eval("{ code: 7 }"))).await.unwrap_err();
    assert_edgeroom_error(&err, "invalid_argument", Some("code"));
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

/// Why call params reach the typed calls as JSON text (`src/wasm/dispatch.rs`) and options
/// through a checked snapshot (`src/wasm/args.rs`): serde-wasm-bindgen reads a struct by its
/// declared fields, so a misspelled key passes unseen even with `deny_unknown_fields`.
#[wasm_bindgen_test]
async fn serde_wasm_bindgen_drops_unknown_keys() {
    #[derive(serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Settings {
        name: Option<String>,
    }
    let read: Settings = serde_wasm_bindgen::from_value(js_eval("{ nmae: 'typo' }")).unwrap();
    assert!(read.name.is_none(), "serde-wasm-bindgen took the misspelled key without a word");
    // edgeroom refuses it, by name, in params and in options alike.
    let (fetch, log) = recorder(JSON_200);
    let core = client_with(&fetch, "");
    let err = settle(call(&core, "rooms.create", "[]", "{ nmae: 'typo' }", JsValue::UNDEFINED)).await.unwrap_err();
    assert_edgeroom_error(&err, "invalid_argument", Some("nmae"));
    // (A misspelled client option is refused by js/src/api.js: tests/js/suite/errors.js.)
    assert_eq!(log.length(), 0, "nothing was sent");
}
